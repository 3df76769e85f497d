//! The report as a Markdown memo: every part of it, in the reader's language, with user text
//! that never becomes Markdown.

use hrdd_core::format::AssessmentDocument;
use hrdd_core::i18n::{Catalogue, Language, Texts, CATALOGUE_FILES};
use hrdd_core::memo::{escape, markdown};

fn example(name: &str) -> hrdd_core::Assessment {
    let text = std::fs::read_to_string(format!(
        "{}/../examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let document: AssessmentDocument = serde_json::from_str(&text).unwrap();
    document.to_assessment().unwrap()
}

#[test]
fn the_memo_holds_the_facts_the_outcome_the_flags_rights_actions_answers_and_explanation() {
    let mut assessment = example("04-ai-recruitment-analytics");
    assessment.text.customer_name = "Acme | *Holdings* <script>".into();
    let report = hrdd_core::score(&assessment);
    let texts = Texts::english();
    let memo = markdown(&texts, &assessment, &report, "Deal # 7", "2026-12-02");
    assert!(memo.starts_with("# Report: Deal \\# 7\n"), "{memo}");
    for part in [
        "| Date | 2026-12-02 |",
        "| Method version | 2 |",
        "| Customer | Acme \\| \\*Holdings\\* \\<script\\> |",
        &format!("## Outcome\n\n**{}.** ", texts.outcome(report.outcome)),
        "## Rights most at risk",
        "## What would change the outcome",
        "## Answers",
        "## How every score was reached",
        "### Severity and likelihood of each right",
    ] {
        assert!(memo.contains(part), "{part} missing from:\n{memo}");
    }
    assert!(memo.contains(&texts.next_step(&report)));
    assert!(
        memo.contains("- [ ] **") || memo.contains("- [x] **"),
        "actions as a checklist"
    );
    // Each answered question is a row of the answers table.
    assert!(
        memo.contains("| What kind of organisation is the customer? |"),
        "{memo}"
    );
}

#[test]
fn the_memo_is_in_the_reader_s_language() {
    let assessment = example("03-surveillance-spyware-intelligence");
    let report = hrdd_core::score(&assessment);
    let french = Texts::new(
        Language::French,
        Catalogue::parse(CATALOGUE_FILES[1].1).unwrap(),
    );
    let memo = markdown(&french, &assessment, &report, "Affaire", "2026-12-02");
    assert!(memo.contains(&format!(
        "## {}\n\n**{}.** ",
        french.ui("ui-results-outcome"),
        french.outcome(report.outcome)
    )));
    assert!(
        !memo.contains("What would change the outcome"),
        "no English heading"
    );
    assert!(
        !memo.contains("Presumed by the method"),
        "no English explanation"
    );
}

#[test]
fn user_text_is_escaped_and_kept_on_one_line() {
    assert_eq!(escape("a*b_c"), "a\\*b\\_c");
    assert_eq!(escape("[link](http://x)"), "\\[link\\](http://x)");
    assert_eq!(escape("line one\nline two"), "line one line two");
    assert_eq!(escape("| cell |"), "\\| cell \\|");
    assert_eq!(escape("  plain  "), "plain");
}

/// Checks a deal team cannot make (sanctions screening, embargoes, export classification) are
/// named as the compliance team's and listed first; the others follow unmarked.
#[test]
fn open_checks_for_compliance_are_named_as_theirs_and_come_first() {
    let mut assessment = example("04-ai-recruitment-analytics");
    let listed = hrdd_core::method::question_index("customer.listed_parties").unwrap();
    let scale = hrdd_core::method::question_index("end_use.scale").unwrap();
    assessment.answers[listed] = hrdd_core::Answer::Unanswered;
    assessment.answers[scale] = hrdd_core::Answer::Unanswered;
    let report = hrdd_core::score(&assessment);
    let texts = Texts::english();
    let memo = markdown(&texts, &assessment, &report, "Deal", "2026-12-02");
    let marked = format!(
        "- {} (for compliance)",
        texts.open_question("customer.listed_parties", report.perspective)
    );
    let unmarked = format!(
        "- {}\n",
        texts.open_question("end_use.scale", report.perspective)
    );
    let (at_compliance, at_deal) = (memo.find(&marked), memo.find(&unmarked));
    assert!(at_compliance.is_some(), "{marked} missing from:\n{memo}");
    assert!(at_deal.is_some(), "{unmarked} missing from:\n{memo}");
    assert!(at_compliance < at_deal, "compliance's checks first");
}

#[test]
fn the_memo_shows_the_decision_beside_the_recommendation_with_its_conditions() {
    use hrdd_core::dates::Day;
    use hrdd_core::record::{ConditionStatus, DecisionTaken, RecordChange, RecordDate};
    let mut assessment = example("04-ai-recruitment-analytics");
    let report = hrdd_core::score(&assessment);
    let texts = Texts::english();
    // No record: no decision section at all.
    let memo = markdown(&texts, &assessment, &report, "Deal", "2026-12-02");
    assert!(!memo.contains("## The decision"), "{memo}");

    let actions: Vec<&'static str> = report.actions.iter().map(|a| a.id).take(2).collect();
    let record = &mut assessment.record;
    for action in &actions {
        record.apply(RecordChange::AddCondition(action), 2000);
    }
    record.apply(
        RecordChange::SetConditionOwner(0, "Sales | lead".into()),
        2000,
    );
    record.apply(
        RecordChange::SetConditionDue(0, Day::parse("2026-11-30")),
        2000,
    );
    record.apply(
        RecordChange::SetConditionStatus(1, ConditionStatus::Verified),
        2000,
    );
    record.apply(
        RecordChange::SetDecision(Some(DecisionTaken::Proceed)),
        2000,
    );
    record.apply(
        RecordChange::SetDecisionText(
            hrdd_core::record::DecisionText::Assessor,
            "C. *Ndlovu*".into(),
        ),
        2000,
    );
    record.apply(
        RecordChange::SetDate(RecordDate::DecidedOn, Day::parse("2026-12-01")),
        2000,
    );
    let memo = markdown(&texts, &assessment, &report, "Deal", "2026-12-02");
    assert!(
        report.outcome > hrdd_core::Outcome::Proceed,
        "the example must need more than proceed"
    );
    let action_title = |id: &str| {
        hrdd_core::method::ACTIONS
            .iter()
            .find(|a| a.id == id)
            .map(|a| texts.action_title(a).to_owned())
            .unwrap()
    };
    for part in [
        "| Assessed by (name and role) | C. \\*Ndlovu\\* |".to_owned(),
        "## The decision".to_owned(),
        "| What was decided | Proceed |".to_owned(),
        format!(
            "| Against the recommendation | **{}** |",
            texts.departure(hrdd_core::record::Departure::MorePermissive)
        ),
        "| Date of the decision | 2026-12-01 |".to_owned(),
        "| Why | not recorded |".to_owned(),
        "### Conditions".to_owned(),
        format!(
            "| {} | Sales \\| lead | 2026-11-30 | Agreed, not yet in place (**Overdue**) |  |",
            action_title(actions[0])
        ),
        format!("| {} |  |  | Verified |  |", action_title(actions[1])),
        "- the reason for overriding the recommendation;".to_owned(),
        "### Sign-off\n\n| Name | Date | Signature |\n|---|---|---|\n|  | 2026-12-01 | |\n|  |  | |".to_owned(),
        "| Table of restrictive measures as of | ".to_owned(),
        "- who took the decision (role or name);".to_owned(),
    ] {
        assert!(memo.contains(&part), "{part} missing from:\n{memo}");
    }
    // The decision comes after the outcome and before the red flags and rights.
    let (outcome, decision, rights) = (
        memo.find("## Outcome").unwrap(),
        memo.find("## The decision").unwrap(),
        memo.find("## Rights most at risk").unwrap(),
    );
    assert!(outcome < decision && decision < rights);
}
