//! The sanctions screening record (which lists, on which day) and the organisation's required
//! lists: a "no party is listed" counts only with the screening behind it, and never does the
//! record lower an answer that a party is listed.

use hrdd_core::dates::Day;
use hrdd_core::method::{Mode, Sector};
use hrdd_core::report::BlockReason;
use hrdd_core::scoring::{decide, decide_with, score_with};
use hrdd_core::screening::Policy;
use hrdd_core::{score, Answer, Assessment, Outcome};

mod common;
use common::{clean, with};

fn clean_quick() -> Assessment {
    clean(Mode::QuickScreen, Sector::General)
}

fn lists(a: &mut Assessment, keys: &[&str]) {
    a.tick("customer.screening_lists", keys).unwrap();
}

fn blocker_on(a: &Assessment, policy: &Policy, id: &str) -> Option<BlockReason> {
    score_with(a, policy)
        .blockers
        .iter()
        .find(|b| b.id == id)
        .map(|b| b.reason)
}

#[test]
fn a_clean_deal_with_its_screening_on_record_proceeds() {
    let a = clean_quick();
    assert_eq!(score(&a).outcome, Outcome::Proceed);
    let screening = score(&a).screening.unwrap();
    assert_eq!(screening.lists, ["un", "eu"]);
    assert_eq!(screening.date, Day::parse("2026-11-20"));
    assert!(!screening.answer_set_aside);
}

/// (lists ticked, organisation requires, listed-parties answer set aside)
const CASES: &[(&[&str], &[&str], bool)] = &[
    (&["un", "eu"], &[], false),
    (&[], &[], true),
    (&["un"], &["un"], false),
    (&["un", "eu"], &["us_ofac"], true),
    (
        &["un", "eu", "us_ofac", "us_bis"],
        &["us_ofac", "us_bis"],
        false,
    ),
    (&["organisation"], &["organisation", "uk"], true),
];

#[test]
fn no_party_listed_counts_only_after_screening_against_every_required_list() {
    let default = Policy::default();
    for (ticked, required, set_aside) in CASES {
        let mut a = clean_quick();
        lists(&mut a, ticked);
        let policy = Policy::with_required_lists(required).unwrap();
        let reading = score_with(&a, &policy).screening.unwrap();
        assert_eq!(
            reading.answer_set_aside, *set_aside,
            "{ticked:?} under {required:?}"
        );
        if *set_aside {
            assert_eq!(
                blocker_on(&a, &policy, "customer.listed_parties"),
                Some(BlockReason::ScreeningIncomplete),
                "{ticked:?} under {required:?}"
            );
            assert_eq!(score_with(&a, &policy).outcome, Outcome::Incomplete);
            assert_eq!(decide_with(&a, &policy).permission, 0);
            let missing: Vec<&str> = required
                .iter()
                .copied()
                .filter(|k| !ticked.contains(k))
                .collect();
            assert_eq!(reading.missing_required, missing);
        } else {
            assert_eq!(score_with(&a, &policy).outcome, Outcome::Proceed);
        }
        // Without the organisation's requirement, any list supports the answer.
        assert_eq!(
            score_with(&a, &default).screening.unwrap().answer_set_aside,
            ticked.is_empty()
        );
    }
}

#[test]
fn the_record_never_lowers_an_answer_that_a_party_is_listed() {
    let mut a = with(clean_quick(), &[("customer.listed_parties", "listed")]);
    lists(&mut a, &[]);
    let policy = Policy::with_required_lists(&["us_ofac"]).unwrap();
    let report = score_with(&a, &policy);
    assert_eq!(report.outcome, Outcome::DoNotProceed);
    assert!(report.red_flags.iter().any(|f| f.id == "sanctioned_party"));
    assert!(!report.screening.unwrap().answer_set_aside);
}

#[test]
fn the_lists_and_the_day_are_part_of_the_know_your_customer_gate() {
    let none = Policy::default();
    let mut no_day = clean_quick();
    no_day
        .set_answer("customer.screening_date", Answer::Unanswered)
        .unwrap();
    assert_eq!(
        blocker_on(&no_day, &none, "customer.screening_date"),
        Some(BlockReason::KnowYourCustomer)
    );
    assert_eq!(score(&no_day).outcome, Outcome::Incomplete);
    let mut no_lists = clean_quick();
    no_lists
        .set_answer("customer.screening_lists", Answer::DontKnow)
        .unwrap();
    assert_eq!(decide(&no_lists).permission, 0);
    // Consumer sales screened at checkout: no single day to record.
    let consumer = with(
        clean_quick(),
        &[("customer.listed_parties", "consumer_sales_screened")],
    );
    assert_eq!(
        blocker_on(&consumer, &none, "customer.screening_date"),
        None
    );
    assert_eq!(score(&consumer).outcome, Outcome::Proceed);
}

#[test]
fn an_unknown_list_in_a_policy_is_named() {
    let error = Policy::with_required_lists(&["un", "ofac"]).unwrap_err();
    assert!(error.to_string().contains("\"ofac\""), "{error}");
    assert_eq!(
        Policy::with_required_lists(&["eu", "eu"])
            .unwrap()
            .required_screening_lists,
        ["eu"]
    );
}

#[test]
fn a_screening_day_is_kept_in_files_and_links() {
    let a = clean_quick();
    let json = serde_json::to_string(&hrdd_core::format::AssessmentDocument::from_assessment(
        &a, false,
    ))
    .unwrap();
    assert!(
        json.contains("\"customer.screening_date\":\"2026-11-20\""),
        "{json}"
    );
    let document: hrdd_core::format::AssessmentDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(document.to_assessment().unwrap().answers, a.answers);
    let link = hrdd_core::link::encode(&a, false);
    match hrdd_core::link::decode(&link).unwrap() {
        hrdd_core::link::ParsedLink::Open(shared) => {
            assert_eq!(shared.assessment.answers, a.answers)
        }
        hrdd_core::link::ParsedLink::Locked(_) => unreachable!(),
    }
    let mut bad = document.clone();
    bad.answers.insert(
        "customer.screening_date".into(),
        hrdd_core::format::AnswerValue::One("2026-02-30".into()),
    );
    let error = bad.to_assessment().unwrap_err().to_string();
    assert!(error.contains("YYYY-MM-DD"), "{error}");
}
