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
