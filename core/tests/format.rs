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
