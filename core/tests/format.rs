//! The JSON assessment format: every kind of bad document gets a typed error with a plain
//! message, and nothing is half-read.

use hrdd_core::format::AssessmentDocument;
use hrdd_core::AssessmentError;

fn base() -> serde_json::Value {
    serde_json::json!({
        "format": "hrdd-assessment", "format_version": 1, "method_version": 1,
        "mode": "quick_screen", "perspective": "our_deal", "sector": "general",
        "answers": { "profile.customer_type": "military", "end_use.capabilities": ["track"], "profile.destination": "KE" }
    })
}

fn parse(value: serde_json::Value) -> Result<hrdd_core::Assessment, String> {
    let document: AssessmentDocument =
        serde_json::from_value(value).map_err(|e| format!("json: {e}"))?;
    document.to_assessment().map_err(|e| e.to_string())
}

#[test]
fn a_valid_document_reads() {
    let a = parse(base()).unwrap();
    assert_eq!(a.destination().unwrap().as_str(), "KE");
}

/// A change that breaks the base document in one way.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

#[test]
fn bad_documents_get_plain_typed_errors() {
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "wrong format",
            Box::new(|v| v["format"] = "something-else".into()),
            "not an assessment file",
        ),
        (
            "newer format",
            Box::new(|v| v["format_version"] = 99.into()),
            "format version 99",
        ),
        (
            "newer method",
            Box::new(|v| v["method_version"] = 42.into()),
            "method version 42",
        ),
        (
            "unknown mode",
            Box::new(|v| v["mode"] = "deep".into()),
            "\"deep\" is not a valid value for mode",
        ),
        (
            "unknown sector",
            Box::new(|v| v["sector"] = "mining".into()),
            "sector",
        ),
        (
            "unknown question",
            Box::new(|v| v["answers"]["made.up"] = "x".into()),
            "does not have: \"made.up\"",
        ),
        (
            "unknown option",
            Box::new(|v| v["answers"]["customer.sanctions"] = "perhaps".into()),
            "\"perhaps\" is not one of the options",
        ),
        (
            "list for a single choice",
            Box::new(|v| v["answers"]["customer.sanctions"] = serde_json::json!(["no"])),
            "a single value",
        ),
        (
            "unknown checklist item",
            Box::new(|v| v["answers"]["end_use.capabilities"] = serde_json::json!(["teleport"])),
            "\"teleport\"",
        ),
        (
            "unknown country",
            Box::new(|v| v["answers"]["profile.destination"] = "ZZ".into()),
            "\"ZZ\" is not a country code",
        ),
        (
            "unknown right",
            Box::new(|v| v["rights"] = serde_json::json!({"flight": "not_at_risk"})),
            "\"flight\" is not a right",
        ),
        (
            "rating out of range",
            Box::new(
                |v| v["rights"] = serde_json::json!({"privacy": {"scale": 7, "scope": 1, "irremediability": 1, "likelihood": 1}}),
            ),
            "ratings go from 1 to 4",
        ),
        (
            "override without reason",
            Box::new(|v| {
                v["country_override"] = serde_json::json!({"level": "low", "reason": "  "})
            }),
            "needs a reason",
        ),
        (
            "text too long",
            Box::new(|v| v["text"] = serde_json::json!({"notes": "x".repeat(2001)})),
            "longer than 2000",
        ),
        (
            "unknown field",
            Box::new(|v| v["surprise"] = 1.into()),
            "unknown field",
        ),
        (
            "missing field",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("mode");
            }),
            "missing field",
        ),
    ];
    for (name, change, expected) in cases {
        let mut value = base();
        change(&mut value);
        let error = parse(value).expect_err(name);
        assert!(error.contains(expected), "{name}: {error}");
    }
}

#[test]
fn dont_know_reads_for_every_kind_of_question() {
    let mut value = base();
    value["answers"]["profile.customer_type"] = "dont_know".into();
    value["answers"]["end_use.capabilities"] = "dont_know".into();
    value["answers"]["profile.destination"] = "dont_know".into();
    value["rights"] = serde_json::json!({"privacy": {"scale": "dont_know", "scope": 2, "irremediability": 2, "likelihood": "dont_know"}});
    let a = parse(value).unwrap();
    assert_eq!(
        a.answer("profile.customer_type"),
        hrdd_core::Answer::DontKnow
    );
    assert_eq!(
        a.answer("end_use.capabilities"),
        hrdd_core::Answer::DontKnow
    );
    assert_eq!(a.answer("profile.destination"), hrdd_core::Answer::DontKnow);
}

#[test]
fn free_text_stays_out_of_documents_unless_asked_for() {
    let mut a = parse(base()).unwrap();
    a.text.customer_name = "Confidential Customer Ltd".into();
    a.country_override = Some(hrdd_core::CountryOverride {
        level: hrdd_core::method::ContextLevel::High,
        reason: "Our field office reports arrests of activists".into(),
    });
    let without = AssessmentDocument::from_assessment(&a, false);
    let text = serde_json::to_string(&without).unwrap();
    assert!(
        !text.contains("Confidential") && !text.contains("field office"),
        "{text}"
    );
    let with = AssessmentDocument::from_assessment(&a, true);
    assert!(serde_json::to_string(&with)
        .unwrap()
        .contains("Confidential Customer Ltd"));
}

#[test]
fn error_messages_are_sentences() {
    let error = AssessmentError::OverrideWithoutReason.to_string();
    assert!(error.ends_with('.') && error.chars().next().is_some_and(char::is_uppercase));
}

/// Files without notes on answers stay format 1, so that earlier versions open them; a note
/// makes the file format 2, and it round-trips (withheld unless free text is included).
#[test]
fn notes_on_answers_make_a_format_2_file_and_round_trip() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/42-cloud-encrypted-messenger-repressive-market.json"),
    )
    .unwrap();
    let mut a = serde_json::from_str::<AssessmentDocument>(&text)
        .unwrap()
        .to_assessment()
        .unwrap();
    assert_eq!(
        AssessmentDocument::from_assessment(&a, true).format_version,
        1
    );
    let index = hrdd_core::method::question_index("profile.destination_embargo").unwrap();
    a.answer_notes
        .insert(index, "Checked Regulation 833/2014, Annex VII".into());
    let with = AssessmentDocument::from_assessment(&a, true);
    assert_eq!(with.format_version, 2);
    let json = serde_json::to_string(&with).unwrap();
    let back: AssessmentDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(back.to_assessment().unwrap(), a);
    let without = AssessmentDocument::from_assessment(&a, false);
    assert_eq!(
        without.answer_notes["profile.destination_embargo"],
        "(reason withheld)"
    );
    let mut unknown = with.clone();
    unknown
        .answer_notes
        .insert("no.such_question".into(), "x".into());
    assert!(unknown.to_assessment().is_err());
}

/// A record with every field filled, on the base document's assessment.
fn recorded() -> hrdd_core::Assessment {
    use hrdd_core::dates::Day;
    use hrdd_core::record::{
        ConditionStatus, DecisionTaken, DecisionText, RecordChange, RecordDate,
    };
    let mut a = parse(base()).unwrap();
    let action = hrdd_core::method::ACTIONS[3].id;
    let changes = [
        RecordChange::AddCondition(action),
        RecordChange::SetConditionOwner(0, "Export control desk".into()),
        RecordChange::SetConditionDue(0, Day::parse("2027-02-01")),
        RecordChange::SetConditionStatus(0, ConditionStatus::InPlace),
        RecordChange::SetConditionEvidence(0, "Signed statement filed".into()),
        RecordChange::SetDecision(Some(DecisionTaken::ProceedWithConditions)),
        RecordChange::SetDecisionText(DecisionText::Role, "Head of compliance".into()),
        RecordChange::SetDecisionText(DecisionText::Name, "R. Diaz".into()),
        RecordChange::SetDecisionText(DecisionText::Reason, "Conditions agreed".into()),
        RecordChange::SetDecisionText(DecisionText::SecondName, "M. Okafor".into()),
        RecordChange::SetDate(RecordDate::DecidedOn, Day::parse("2026-12-01")),
        RecordChange::SetDate(RecordDate::SecondSignedOn, Day::parse("2026-12-02")),
        RecordChange::SetDate(RecordDate::ReviewOn, Day::parse("2027-12-01")),
    ];
    for change in changes {
        a.record.apply(change, 2000);
    }
    a
}

#[test]
fn a_decision_record_makes_a_format_3_file_and_round_trips() {
    let a = recorded();
    let with = AssessmentDocument::from_assessment(&a, true);
    assert_eq!(with.format_version, 3);
    let json = serde_json::to_value(&with).unwrap();
    assert_eq!(
        json["record"],
        serde_json::json!({
            "conditions": [{
                "action": hrdd_core::method::ACTIONS[3].id, "owner": "Export control desk",
                "due": "2027-02-01", "status": "in_place", "evidence": "Signed statement filed"
            }],
            "decision": {
                "taken": "proceed_with_conditions", "role": "Head of compliance", "name": "R. Diaz",
                "on": "2026-12-01", "reason": "Conditions agreed", "second_name": "M. Okafor",
                "second_on": "2026-12-02"
            },
            "review_on": "2027-12-01"
        })
    );
    assert_eq!(parse(json).unwrap(), a);
    // Without names and notes, every text of the record is withheld, not dropped: the reader
    // sees that something was written. Dates, statuses and the decision itself travel.
    let without = serde_json::to_value(AssessmentDocument::from_assessment(&a, false)).unwrap();
    let record = &without["record"];
    for text in [
        &record["conditions"][0]["owner"],
        &record["conditions"][0]["evidence"],
        &record["decision"]["role"],
        &record["decision"]["name"],
        &record["decision"]["reason"],
        &record["decision"]["second_name"],
    ] {
        assert_eq!(text, "(withheld)");
    }
    assert_eq!(record["decision"]["taken"], "proceed_with_conditions");
    assert_eq!(record["conditions"][0]["due"], "2027-02-01");
    // No record: the file stays format 1, as earlier versions wrote it.
    let plain = parse(base()).unwrap();
    let document = AssessmentDocument::from_assessment(&plain, true);
    assert_eq!(document.format_version, 1);
    assert!(serde_json::to_value(&document)
        .unwrap()
        .get("record")
        .is_none());
}

#[test]
fn a_bad_decision_record_gets_a_typed_error_naming_the_value() {
    let good =
        serde_json::to_value(AssessmentDocument::from_assessment(&recorded(), true)).unwrap();
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["record"]["conditions"][0]["action"] = "bribe_someone".into()),
            "\"bribe_someone\" is not a valid value for action",
        ),
        (
            Box::new(|v| v["record"]["conditions"][0]["status"] = "done".into()),
            "\"done\" is not a valid value for condition status",
        ),
        (
            Box::new(|v| v["record"]["decision"]["taken"] = "approve".into()),
            "\"approve\" is not a valid value for decision",
        ),
        (
            Box::new(|v| v["record"]["review_on"] = "2027-02-30".into()),
            "\"2027-02-30\" is not a valid value for date in the decision record",
        ),
        (
            Box::new(|v| v["record"]["decision"]["reason"] = "x".repeat(2001).into()),
            "text of the decision record is longer than 2000 characters",
        ),
        (
            Box::new(|v| v["record"]["surprise"] = true.into()),
            "unknown field `surprise`",
        ),
    ];
    for (edit, expected) in cases {
        let mut document = good.clone();
        edit(&mut document);
        let error = parse(document).unwrap_err();
        assert!(error.contains(expected), "{expected}: got {error}");
    }
}

#[test]
fn files_of_every_earlier_format_version_still_open() {
    let mut version_2 = base();
    version_2["format_version"] = 2.into();
    version_2["answer_notes"] =
        serde_json::json!({ "profile.customer_type": "Seen on the contract" });
    for document in [base(), version_2] {
        let a = parse(document).unwrap();
        assert!(a.record.is_empty());
    }
}
