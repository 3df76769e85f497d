//! The embedded table of restrictive measures and the embargo question it pre-answers: the data
//! itself (every row has a legal basis and a checked date), each kind of row's effect per product
//! family and end user, the user's answer beside the table (agreeing, differing, overriding with
//! a reason), the quick screen, and the law that no answer given without a reason makes the
//! table say less.

use hrdd_core::country::country_by_code;
use hrdd_core::method::{
    question_index, Mode, Sector, EMBARGO_QUESTION, MEASURE_ANSWERS, QUESTIONS,
};
use hrdd_core::pre_answers::{PreAnswerStatus, RowReading, Unsettled};
use hrdd_core::report::Blocker;
use hrdd_core::restrictive_measures::{
    measures, table_is_stale, MeasureScope, Regime, Verification, TABLE_AS_OF,
};
use hrdd_core::scoring::decide;
use hrdd_core::{score, Answer, Assessment, Outcome, Report};

mod common;
use common::{clean, destination, with};

/// Every option of the product family question.
const PRODUCT_FAMILIES: [&str; 5] = [
    "civilian",
    "humanitarian",
    "dual_use",
    "military_or_security",
    "cyber_surveillance",
];

fn deal(mode: Mode, country: &str, family: &str, customer: &str) -> Assessment {
    let mut a = with(
        clean(mode, Sector::General),
        &[
            ("end_use.product_family", family),
            ("profile.customer_type", customer),
        ],
    );
    destination(&mut a, country);
    a.set_answer(EMBARGO_QUESTION, Answer::Unanswered).unwrap();
    a
}

fn flags(report: &Report) -> Vec<&'static str> {
    report.red_flags.iter().map(|f| f.id).collect()
}

fn blocked_on_embargo(report: &Report) -> bool {
    report
        .blockers
        .iter()
        .any(|b: &Blocker| b.id == EMBARGO_QUESTION)
}

#[test]
fn every_row_has_a_legal_basis_a_checked_date_and_a_known_destination() {
    let rows = measures();
    assert!(rows.len() >= 49, "the table lost rows: {}", rows.len());
    let mut seen = std::collections::BTreeSet::new();
    for row in rows {
        let name = format!("{} {}", row.country, row.regime.key());
        assert!(
            country_by_code(&row.country).is_some(),
            "{name}: unknown country"
        );
        assert!(!row.legal_basis.is_empty(), "{name}: no legal basis");
        assert!(!row.scope_in_words.is_empty(), "{name}: no scope in words");

        assert!(!row.in_force_since.is_empty(), "{name}: no date in force");
        assert_eq!(
            row.checked.len(),
            10,
            "{name}: checked date {:?}",
            row.checked
        );
        assert!(
            row.checked.as_str() <= TABLE_AS_OF,
            "{name}: checked after the table's date"
        );
        assert!(
            seen.insert((row.country.clone(), row.regime)),
            "{name}: twice"
        );
    }
    assert!(
        rows.windows(2)
            .all(|pair| pair[0].country <= pair[1].country),
        "the table must be sorted by destination"
    );
    // Every kind of measure stands for an option the embargo question offers.
    let question = &QUESTIONS[question_index(EMBARGO_QUESTION).unwrap()];
    for regime in Regime::ALL {
        let (_, key) = MEASURE_ANSWERS.iter().find(|(r, _)| *r == regime).unwrap();
        assert!(question.choices().iter().any(|c| c.key == *key), "{key}");
    }
}

#[test]
fn the_table_is_stale_six_months_after_its_date() {
    assert_eq!(table_is_stale(TABLE_AS_OF), Some(false));
    assert_eq!(table_is_stale("2027-05-23"), Some(false));
    assert_eq!(table_is_stale("2027-05-24"), Some(true));
    assert_eq!(table_is_stale("not a date"), None);
}

/// (destination, product family, customer type, table's answers (empty: cannot settle), flags
/// raised, flags not raised, outcome at least)
type EffectCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    Outcome,
);

const SECURITY_GOODS_FLAG: &str = "security_goods_to_embargoed_destination";
const CIVILIAN_FLAG: &str = "civilian_goods_to_embargoed_destination";
const TRADE_FLAG: &str = "trade_restrictions_apply";

const EFFECTS: &[EffectCase] = &[
    // Tear gas for a police force in an arms-embargoed destination: refused.
    (
        "VE",
        "military_or_security",
        "law_enforcement",
        &["arms_embargo", "repression_or_monitoring_ban"],
        &[
            SECURITY_GOODS_FLAG,
            "military_end_user_in_embargoed_destination",
        ],
        &[],
        Outcome::DoNotProceed,
    ),
    // Medicines for a hospital there: not refused; a licence and exemption check.
    (
        "VE",
        "humanitarian",
        "public_body",
        &["arms_embargo", "repression_or_monitoring_ban"],
        &[CIVILIAN_FLAG],
        &[SECURITY_GOODS_FLAG],
        Outcome::ProceedWithConditions,
    ),
    (
        "VE",
        "dual_use",
        "private_company",
        &["arms_embargo", "repression_or_monitoring_ban"],
        &["dual_use_to_embargoed_destination"],
        &[SECURITY_GOODS_FLAG],
        Outcome::Escalate,
    ),
    (
        "MM",
        "cyber_surveillance",
        "private_company",
        &["arms_embargo", "repression_or_monitoring_ban", "trade_ban"],
        &[SECURITY_GOODS_FLAG],
        &[],
        Outcome::DoNotProceed,
    ),
    // Civilian goods to a destination under trade restrictions: export-control sign-off.
    (
        "RU",
        "civilian",
        "private_company",
        &["arms_embargo", "repression_or_monitoring_ban", "trade_ban"],
        &[TRADE_FLAG, CIVILIAN_FLAG],
        &[SECURITY_GOODS_FLAG],
        Outcome::Escalate,
    ),
    // No measure in the table: pre-answered "none", and the deal is not held up.
    (
        "FR",
        "civilian",
        "private_company",
        &["none_checked"],
        &[],
        &[CIVILIAN_FLAG, TRADE_FLAG],
        Outcome::Proceed,
    ),
    // Measures on listed parties only: the sanctions screening answers them.
    (
        "AF",
        "civilian",
        "private_company",
        &["none_checked"],
        &[],
        &[CIVILIAN_FLAG],
        Outcome::Proceed,
    ),
    // An embargo that exempts the government covers a private end user...
    (
        "IQ",
        "military_or_security",
        "private_company",
        &["arms_embargo"],
        &[SECURITY_GOODS_FLAG],
        &[],
        Outcome::DoNotProceed,
    ),
    // ...but cannot settle a deal with the government's forces: the user must check and answer.
    (
        "IQ",
        "military_or_security",
        "military",
        &[],
        &[],
        &[SECURITY_GOODS_FLAG],
        Outcome::Incomplete,
    ),
    // An EU embargo on the whole country counts although the UN one (Darfur only) is unverified.
    (
        "SD",
        "military_or_security",
        "military",
        &["arms_embargo"],
        &[SECURITY_GOODS_FLAG],
        &[],
        Outcome::DoNotProceed,
    ),
    // An unverified arms embargo settles nothing; the verified ban on repression equipment does.
    (
        "SY",
        "military_or_security",
        "law_enforcement",
        &["repression_or_monitoring_ban"],
        &[SECURITY_GOODS_FLAG],
        &[],
        Outcome::DoNotProceed,
    ),
    // A regional, politically binding measure cannot be settled by the table.
    (
        "AZ",
        "military_or_security",
        "military",
        &[],
        &[],
        &[SECURITY_GOODS_FLAG],
        Outcome::Incomplete,
    ),
];

#[test]
fn each_kind_of_row_has_its_effect_per_product_family_and_end_user() {
    for (country, family, customer, table_answers, raised, not_raised, at_least) in EFFECTS {
        let name = format!("{family} for {customer} in {country}");
        let report = score(&deal(Mode::FullAssessment, country, family, customer));
        let measures = report.restrictive_measures.as_ref().unwrap();
        assert_eq!(measures.table_answers, *table_answers, "{name}");
        let ids = flags(&report);
        for id in *raised {
            assert!(ids.contains(id), "{name}: {id} not raised in {ids:?}");
        }
        for id in *not_raised {
            assert!(!ids.contains(id), "{name}: {id} raised");
        }
        assert!(report.outcome >= *at_least, "{name}: {:?}", report.outcome);
        if table_answers.is_empty() {
            assert_eq!(measures.status, PreAnswerStatus::NotSettled, "{name}");
            assert!(
                blocked_on_embargo(&report),
                "{name}: unsettled but not blocked"
            );
        } else {
            assert_eq!(measures.status, PreAnswerStatus::Presumed, "{name}");
            assert!(!blocked_on_embargo(&report), "{name}: settled but blocked");
        }
    }
}

#[test]
fn humanitarian_goods_to_an_embargoed_destination_are_not_refused_and_the_embargo_is_named() {
    let report = score(&deal(
        Mode::FullAssessment,
        "VE",
        "humanitarian",
        "public_body",
    ));
    assert!(report.outcome < Outcome::Escalate, "{:?}", report.outcome);
    let measures = report.restrictive_measures.unwrap();
    let embargo = measures
        .rows
        .iter()
        .find(|r| r.measure.regime == Regime::EuArmsEmbargo)
        .unwrap();
    assert!(embargo.measure.legal_basis.contains("CFSP"));
    assert!(Regime::EuArmsEmbargo
        .covers()
        .contains("humanitarian goods are not covered"));
}

#[test]
fn rows_read_by_scope_verification_and_end_user() {
    let reading = |country: &str, customer: &str, regime: Regime| {
        let report = score(&deal(Mode::FullAssessment, country, "civilian", customer));
        report
            .restrictive_measures
            .unwrap()
            .rows
            .iter()
            .find(|r| r.measure.regime == regime)
            .map(|r| r.reading)
            .unwrap()
    };
    let cases = [
        (
            "IQ",
            "private_company",
            Regime::UnArmsEmbargo,
            RowReading::Covers,
        ),
        (
            "IQ",
            "military",
            Regime::UnArmsEmbargo,
            RowReading::StateExempt,
        ),
        (
            "IQ",
            "reseller",
            Regime::UnArmsEmbargo,
            RowReading::Unsettled(Unsettled::EndUserUnknown),
        ),
        (
            "CD",
            "private_company",
            Regime::UnArmsEmbargo,
            RowReading::Unsettled(Unsettled::NotVerified),
        ),
        (
            "AF",
            "private_company",
            Regime::UnArmsEmbargo,
            RowReading::ListedPartiesOnly,
        ),
        (
            "AM",
            "private_company",
            Regime::OsceArmsEmbargo,
            RowReading::Unsettled(Unsettled::Region),
        ),
    ];
    for (country, customer, regime, expected) in cases {
        assert_eq!(
            reading(country, customer, regime),
            expected,
            "{country} {customer} {regime:?}"
        );
    }
    // The table's own reading of the rows agrees with its data.
    for row in measures() {
        if row.verification == Verification::Unverified {
            assert_ne!(
                row.scope,
                MeasureScope::ListedPartiesOnly,
                "{} {:?}",
                row.country,
                row.regime
            );
        }
    }
}

/// Civilian goods for a private company in Russia, the embargo question left to the table.
fn deal_in_russia_left_to_the_table() -> Assessment {
    deal(Mode::FullAssessment, "RU", "civilian", "private_company")
}

#[test]
fn an_answer_that_differs_from_the_table_counts_beside_it_until_a_reason_sets_the_table_aside() {
    let deal = with(
        deal(Mode::FullAssessment, "RU", "civilian", "private_company"),
        &[(EMBARGO_QUESTION, "none_checked")],
    );
    let report = score(&deal);
    let measures = report.restrictive_measures.as_ref().unwrap();
    assert_eq!(measures.status, PreAnswerStatus::Differs);
    assert!(
        flags(&report).contains(&TRADE_FLAG),
        "the table no longer counts"
    );
    // The element score counts the table's answer too: "no" does not lower it.
    let embargo_points = |report: &Report| {
        report
            .elements
            .iter()
            .flat_map(|e| &e.contributions)
            .find(|c| c.source_id == EMBARGO_QUESTION)
            .map(|c| c.points)
            .unwrap()
    };
    assert_eq!(embargo_points(&report), 20);
    let presumed = score(&deal_in_russia_left_to_the_table());
    assert_eq!(embargo_points(&presumed), 20);

    let mut overridden = deal.clone();
    let index = question_index(EMBARGO_QUESTION).unwrap();
    overridden.answer_notes.insert(
        index,
        "Export control confirmed in writing on 2026-11-30 that Regulation 833/2014 does not cover these goods".into(),
    );
    let report = score(&overridden);
    let measures = report.restrictive_measures.as_ref().unwrap();
    assert_eq!(measures.status, PreAnswerStatus::Overridden);
    assert_eq!(
        embargo_points(&report),
        0,
        "a reason sets the table aside in the score too"
    );
    assert!(measures.reason.as_deref().unwrap().contains("833/2014"));
    assert!(!flags(&report).contains(&TRADE_FLAG));

    // A blank reason is no reason.
    let mut blank = deal.clone();
    blank.answer_notes.insert(index, "   ".into());
    assert_eq!(
        score(&blank).restrictive_measures.unwrap().status,
        PreAnswerStatus::Differs
    );

    // Confirming the table's answer.
    let agreed = with(deal, &[(EMBARGO_QUESTION, "trade_ban")]);
    assert_eq!(
        score(&agreed).restrictive_measures.unwrap().status,
        PreAnswerStatus::Agrees
    );
}

#[test]
fn a_quick_screen_left_unanswered_on_the_embargo_question_follows_the_table() {
    let report = score(&deal(
        Mode::QuickScreen,
        "VE",
        "military_or_security",
        "law_enforcement",
    ));
    assert_eq!(report.outcome, Outcome::DoNotProceed);
    assert!(flags(&report).contains(&SECURITY_GOODS_FLAG));
    let report = score(&deal(
        Mode::QuickScreen,
        "NO",
        "civilian",
        "private_company",
    ));
    assert!(!blocked_on_embargo(&report));
}

/// No answer given without a reason lets a deal go further than leaving the question to the
/// table: the table never says less because of the user's answer. Checked for every destination
/// in the table and one without, every product family, two customers and every option.
#[test]
fn no_answer_without_a_reason_is_more_permissive_than_the_table() {
    let index = question_index(EMBARGO_QUESTION).unwrap();
    let options = QUESTIONS[index].choices().len() as u8;
    let mut countries: Vec<String> = measures().iter().map(|m| m.country.clone()).collect();
    countries.dedup();
    countries.push("NO".into());
    let families = PRODUCT_FAMILIES;
    for mode in [Mode::QuickScreen, Mode::FullAssessment] {
        for country in &countries {
            for family in families {
                for customer in ["private_company", "military"] {
                    let base = deal(mode, country, family, customer);
                    let table_only = decide(&base).permission;
                    let mut answers: Vec<Answer> = (0..options).map(Answer::Choice).collect();
                    answers.push(Answer::DontKnow);
                    for answer in answers {
                        let mut given = base.clone();
                        given.answers[index] = answer;
                        let settled = !score(&base)
                            .restrictive_measures
                            .unwrap()
                            .table_answers
                            .is_empty();
                        if settled {
                            assert!(
                                decide(&given).permission <= table_only,
                                "{mode:?} {family} for {customer} in {country}: {answer:?} goes further than the table"
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Screening pipelines read the table's reading from the JSON report, with legal bases.
#[test]
fn the_json_report_carries_the_measures_with_their_legal_basis() {
    let report = score(&deal(
        Mode::QuickScreen,
        "VE",
        "military_or_security",
        "law_enforcement",
    ));
    let json =
        serde_json::to_value(hrdd_core::format::ReportDocument::from_report(&report)).unwrap();
    let measures = &json["restrictive_measures"];
    assert_eq!(measures["status"], "presumed");
    assert_eq!(measures["table_as_of"], TABLE_AS_OF);
    assert_eq!(measures["measures"][0]["regime"], "eu_arms_embargo");
    assert_eq!(measures["measures"][0]["for_this_deal"], "applies");
    assert!(measures["measures"][0]["legal_basis"]
        .as_str()
        .unwrap()
        .contains("2017/2074"));
}

/// Every row of the table, for every product family: where a row applies to a private end user,
/// military and surveillance goods are refused under an arms embargo or a ban on repression or
/// monitoring equipment, and civilian or humanitarian goods never are; where no row applies, the
/// table raises nothing by itself.
#[test]
fn each_row_has_its_effect_for_every_product_family() {
    let families = PRODUCT_FAMILIES;
    let mut destinations: Vec<String> = measures().iter().map(|m| m.country.clone()).collect();
    destinations.dedup();
    for country in &destinations {
        for family in families {
            let report = score(&deal(
                Mode::FullAssessment,
                country,
                family,
                "private_company",
            ));
            let reading = report.restrictive_measures.as_ref().unwrap();
            let applies =
                |answers: &[&str]| reading.table_answers.iter().any(|a| answers.contains(a));
            let ids = flags(&report);
            let name = format!("{family} to {country}");
            let embargoed = applies(&["arms_embargo", "repression_or_monitoring_ban"]);
            let security = matches!(family, "military_or_security" | "cyber_surveillance");
            assert_eq!(
                ids.contains(&SECURITY_GOODS_FLAG),
                embargoed && security,
                "{name}: {ids:?}"
            );
            assert_eq!(
                ids.contains(&CIVILIAN_FLAG),
                embargoed && matches!(family, "civilian" | "humanitarian"),
                "{name}: {ids:?}"
            );
            assert_eq!(
                ids.contains(&"dual_use_to_embargoed_destination"),
                embargoed && family == "dual_use",
                "{name}"
            );
            assert_eq!(ids.contains(&TRADE_FLAG), applies(&["trade_ban"]), "{name}");
            if matches!(family, "civilian" | "humanitarian") {
                assert!(
                    !report.red_flags.iter().any(|f| f.prohibited),
                    "{name}: civilian goods refused by the table"
                );
            }
        }
    }
}
