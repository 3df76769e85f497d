//! The frozen copy of method 1 (`hrdd_core::method_v1`) gives method 1's results: the golden
//! method-1 share links keep their recorded results, the worked examples as released with
//! method 1 (tests/fixtures/method1-examples, copied unchanged from commit 1d0fde2) keep their
//! documented outcomes, and answers that only later methods can give are read as method 1 read
//! an answer it did not know.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hrdd_core::format::AssessmentDocument;
use hrdd_core::link::{self, EncryptedLink, ParsedLink};
use hrdd_core::method::{question_index, ContextLevel};
use hrdd_core::method_v1::{self, Method1Result};
use hrdd_core::report::Outcome;
use hrdd_core::{Answer, Assessment, ImpactRating, RightStatus};
use std::collections::HashSet;
use std::path::PathBuf;

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The worked examples of method 1, by file name, in order.
fn method1_examples() -> Vec<(String, AssessmentDocument)> {
    let folder = repository().join("tests/fixtures/method1-examples");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("tests/fixtures/method1-examples")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(folder.join(&name)).unwrap();
            let document: AssessmentDocument =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, document)
        })
        .collect()
}

fn method1_example(prefix: &str) -> Assessment {
    let (name, document) = method1_examples()
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no method-1 example {prefix}"));
    document
        .to_assessment()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn as_expected_json(result: &Method1Result) -> serde_json::Value {
    use hrdd_core::report::RiskLevel::{Critical, High, Low, Medium};
    let risk = match result.residual_risk {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    };
    serde_json::json!({
        "outcome": result.outcome.key(),
        "residual_risk": risk,
        "element_scores": result.element_scores,
        "red_flags": result.red_flags,
        "open_questions": result.open_questions,
    })
}

fn decrypt(locked: &EncryptedLink, passphrase: &str) -> Vec<u8> {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
        passphrase.as_bytes(),
        &locked.salt,
        link::PBKDF2_ITERATIONS,
        &mut key,
    );
    Aes256Gcm::new_from_slice(&key)
        .unwrap()
        .decrypt(
            Nonce::from_slice(&locked.nonce),
            Payload {
                msg: &locked.ciphertext,
                aad: link::encryption_associated_data(),
            },
        )
        .expect("the passphrase opens the golden link")
}

#[test]
fn golden_method1_links_give_their_recorded_results() {
    let text = std::fs::read_to_string(repository().join("tests/fixtures/links-v1.json")).unwrap();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(
        entries.len(),
        31,
        "15 examples with and without text, 1 protected"
    );
    for entry in entries {
        let name = entry["name"].as_str().unwrap();
        let shared = match link::decode(entry["link"].as_str().unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
        {
            ParsedLink::Open(shared) => shared,
            ParsedLink::Locked(locked) => {
                let passphrase = entry["passphrase"].as_str().unwrap();
                link::decode_body(&decrypt(&locked, passphrase)).unwrap()
            }
        };
        assert_eq!(shared.assessment.method_version, 1, "{name}");
        let result = method_v1::evaluate(&shared.assessment);
        assert_eq!(as_expected_json(&result), entry["expected"], "{name}");
    }
}

#[test]
fn method1_examples_score_their_documented_outcome() {
    let examples = method1_examples();
    assert_eq!(examples.len(), 15);
    let mut outcomes = HashSet::new();
    for (name, document) in &examples {
        let assessment = document
            .to_assessment()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = document
            .expected_outcome()
            .unwrap()
            .unwrap_or_else(|| panic!("{name} states no expected outcome"));
        let result = method_v1::evaluate(&assessment);
        assert_eq!(result.outcome, expected, "{name}: {result:?}");
        outcomes.insert(expected);
    }
    assert_eq!(
        outcomes.len(),
        Outcome::ALL.len(),
        "every outcome is covered"
    );
}

/// Read from their JSON files, the examples give exactly what their golden links recorded.
#[test]
fn method1_examples_give_the_results_their_golden_links_recorded() {
    let text = std::fs::read_to_string(repository().join("tests/fixtures/links-v1.json")).unwrap();
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    for (name, document) in method1_examples() {
        let entry = entries
            .iter()
            .find(|e| e["name"] == name.as_str())
            .unwrap_or_else(|| panic!("no golden link for {name}"));
        let result = method_v1::evaluate(&document.to_assessment().unwrap());
        assert_eq!(as_expected_json(&result), entry["expected"], "{name}");
    }
}

#[test]
fn country_context_levels_are_method1_levels() {
    for (code, expected) in [
        ("NO", Some(ContextLevel::Low)),
        ("US", Some(ContextLevel::Low)),
        ("KE", Some(ContextLevel::Moderate)),
        ("AE", Some(ContextLevel::High)),
        ("MM", Some(ContextLevel::VeryHigh)),
        ("RU", Some(ContextLevel::VeryHigh)),
        ("AQ", None),
    ] {
        let country = hrdd_core::country::country_by_code(code).unwrap();
        assert_eq!(
            method_v1::country_context_level(country),
            expected,
            "{code}"
        );
    }
}

/// An option or item that only a later method offers, or an answer of the wrong kind, scores
/// like "not answered" (the worst case) but, as in method 1, is not an open question.
#[test]
fn answers_method1_cannot_read_score_as_unanswered() {
    // (question, what makes the answer unreadable to method 1)
    enum Unreadable {
        /// The option after method 1's last (it had this many).
        OptionAfter(u8),
        /// The item after method 1's last, ticked on top of the answer.
        ItemAfter(u32),
        WrongKind(Answer),
    }
    use Unreadable::{ItemAfter, OptionAfter, WrongKind};
    let table = [
        ("profile.customer_type", OptionAfter(8)),
        ("customer.sanctions", OptionAfter(3)),
        ("end_use.scale", OptionAfter(4)),
        ("impacts.remedy", OptionAfter(3)),
        ("end_use.capabilities", ItemAfter(6)),
        ("customer.refusals", ItemAfter(3)),
        ("impacts.groups", ItemAfter(9)),
        ("mitigations.in_place", ItemAfter(10)),
        ("profile.destination", WrongKind(Answer::Choice(0))),
        ("end_use.purpose_disclosed", WrongKind(Answer::Ticked(1))),
    ];
    for prefix in ["02", "04", "06", "10"] {
        let base = method1_example(prefix);
        let base_result = method_v1::evaluate(&base);
        for (id, unreadable) in &table {
            let index = question_index(id).unwrap();
            assert!(index < 45, "{id} is a method-1 question");
            let answer = match *unreadable {
                OptionAfter(count) => Answer::Choice(count),
                ItemAfter(count) => match base.answers[index] {
                    Answer::Ticked(bits) => Answer::Ticked(bits | 1 << count),
                    _ => Answer::Ticked(1 << count),
                },
                WrongKind(answer) => answer,
            };
            let mut changed = base.clone();
            changed.answers[index] = answer;
            let mut unanswered = base.clone();
            unanswered.answers[index] = Answer::Unanswered;
            let (got, gap) = (
                method_v1::evaluate(&changed),
                method_v1::evaluate(&unanswered),
            );
            let context = format!("{prefix} {id}: {got:?}");
            assert_eq!(got.element_scores, gap.element_scores, "{context}");
            assert_eq!(got.residual_risk, gap.residual_risk, "{context}");
            assert_eq!(got.red_flags, gap.red_flags, "{context}");
            assert_eq!(got.open_questions, base_result.open_questions, "{context}");
            assert_eq!(got.decisive_gaps, base_result.decisive_gaps, "{context}");
        }
    }
}

/// Questions and rights appended after method 1 are not method 1's: they change nothing.
#[test]
fn questions_and_rights_of_later_methods_are_ignored() {
    for (name, document) in method1_examples() {
        let base = document.to_assessment().unwrap();
        let mut extended = base.clone();
        extended
            .answers
            .extend([Answer::Choice(3), Answer::DontKnow, Answer::Ticked(7)]);
        extended.rights.push(RightStatus::Rated(ImpactRating {
            scale: Some(4),
            scope: None,
            irremediability: Some(4),
            likelihood: None,
        }));
        assert_eq!(
            method_v1::evaluate(&extended),
            method_v1::evaluate(&base),
            "{name}"
        );
    }
}

/// Variations of method 1's examples that reach the rules the examples alone leave untested,
/// with method 1's results for them (computed with method 1 itself at commit 1d0fde2).
#[test]
fn variations_of_the_examples_give_method1_results() {
    use serde_json::json;
    let rated = |scale, scope, irremediability, likelihood| json!({"scale": scale, "scope": scope, "irremediability": irremediability, "likelihood": likelihood});
    let worst = rated(json!(4), json!(4), json!(4), json!(4));
    let three_decisive_unknowns = json!({
        "customer.sanctions": "dont_know", "connection.type": "dont_know", "end_use.fits_business": null
    });
    // (example, changes merged into its JSON (into "answers" key by key; null removes), method
    // 1's result as "outcome, residual risk, scores A B C D, red flags, open, decisive gaps")
    #[rustfmt::skip]
    let cases = [
        // A police customer alone makes method 1 presume an impact on life, liberty and security,
        ("15", json!({"answers": {"profile.customer_type": "law_enforcement"}}),
            "proceed, low, [5, 25, 48, 5], [], open 0, decisive 0"),
        // ... whose scope is the deployment's reach (unknown: the widest).
        ("15", json!({"answers": {"profile.customer_type": "military", "end_use.scale": "national"}}),
            "proceed_with_conditions, medium, [20, 30, 68, 5], [], open 0, decisive 0"),
        ("15", json!({"answers": {"profile.customer_type": "intelligence", "end_use.scale": "dont_know"}}),
            "proceed_with_conditions, medium, [20, 35, 68, 5], [], open 1, decisive 0"),
        // A destination without indicators: very high context and an open, not decisive, gap.
        ("15", json!({"answers": {"profile.destination": "AQ"}}),
            "proceed, low, [5, 30, 15, 5], [], open 1, decisive 0"),
        // An override with a reason replaces the derived level, and can raise a red flag.
        ("15", json!({"country_override": {"level": "very_high", "reason": "Local reports"}}),
            "proceed, low, [5, 30, 15, 5], [], open 0, decisive 0"),
        ("02", json!({"country_override": {"level": "high", "reason": "Local reports"}}),
            "escalate, high, [65, 72, 94, 20], [\"security_surveillance_high_risk_country\"], open 0, decisive 0"),
        // Unknown ratings count as 4, and as open questions.
        ("15", json!({"rights": {"privacy": rated(json!(2), json!("dont_know"), json!(1), json!("dont_know"))}}),
            "proceed, low, [5, 0, 48, 5], [], open 2, decisive 0"),
        // Every safeguard: at most half of the likelihood is removed.
        ("02", json!({"answers": {"mitigations.in_place": ["contract_clauses", "end_use_certificate",
            "resale_restrictions", "technical_limits", "customer_training", "audit_rights",
            "misuse_reporting", "suspension", "warranty_void", "staged_payments"]}}),
            "escalate, high, [65, 62, 94, 20], [], open 0, decisive 0"),
        // A critical risk: refused when known, escalated when it rests partly on an unknown.
        ("02", json!({"answers": {"mitigations.in_place": []}, "rights": {"privacy": worst}}),
            "do_not_proceed, critical, [65, 62, 100, 20], [], open 0, decisive 0"),
        ("02", json!({"answers": {"mitigations.in_place": [], "customer.record_of_harm": "dont_know"},
            "rights": {"privacy": worst}}),
            "escalate, critical, [65, 77, 100, 20], [], open 1, decisive 1"),
        // Three decisive unknowns: incomplete, or escalate once a red flag is raised.
        ("15", json!({"answers": three_decisive_unknowns}),
            "assessment_incomplete, low, [30, 40, 15, 30], [], open 3, decisive 3"),
        ("15", json!({"answers": {"customer.sanctions": "dont_know", "connection.type": "dont_know",
            "end_use.fits_business": null, "customer.refusals": ["services"]}}),
            "escalate, low, [30, 55, 15, 30], [\"services_declined\"], open 3, decisive 3"),
        // The quick screen ignores ratings and full-assessment questions.
        ("02", json!({"mode": "quick_screen", "rights": {"privacy": worst}}),
            "proceed_with_conditions, medium, [35, 50, 66, 0], [], open 0, decisive 0"),
        // A sector pack adds its baseline, its presumed impacts and its questions (open here).
        ("15", json!({"sector": "surveillance", "answers": {"end_use.capabilities": ["identify", "censor"]}}),
            "proceed_with_conditions, medium, [75, 20, 71, 5], [], open 2, decisive 1"),
    ];
    let folder = repository().join("tests/fixtures/method1-examples");
    for (prefix, changes, expected) in cases {
        let path = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
            .unwrap();
        let mut document: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for (key, value) in changes.as_object().unwrap() {
            match (key.as_str(), value) {
                ("answers", serde_json::Value::Object(answers)) => {
                    let target = document["answers"].as_object_mut().unwrap();
                    for (id, answer) in answers {
                        match answer {
                            serde_json::Value::Null => target.remove(id),
                            _ => target.insert(id.clone(), answer.clone()),
                        };
                    }
                }
                _ => document[key] = value.clone(),
            }
        }
        let document: AssessmentDocument = serde_json::from_value(document).unwrap();
        let assessment = document
            .to_assessment()
            .unwrap_or_else(|e| panic!("{prefix} {changes}: {e}"));
        let r = method_v1::evaluate(&assessment);
        let got = format!(
            "{}, {}, {:?}, {:?}, open {}, decisive {}",
            r.outcome.key(),
            as_expected_json(&r)["residual_risk"].as_str().unwrap(),
            r.element_scores,
            r.red_flags,
            r.open_questions,
            r.decisive_gaps
        );
        assert_eq!(got, expected, "{prefix} {changes}");
    }
}

/// Safeguards remove at most half of the likelihood: with everything unknown (likelihood 100),
/// every safeguard leaves 50, "likely", and a grave presumed impact stays critical.
#[test]
fn safeguards_remove_at_most_half_the_likelihood() {
    use hrdd_core::method::{Mode, Perspective, Sector};
    let mut a = Assessment::new(Mode::FullAssessment, Perspective::OurDeal, Sector::General);
    a.tick(
        "mitigations.in_place",
        &[
            "contract_clauses",
            "end_use_certificate",
            "resale_restrictions",
            "technical_limits",
            "customer_training",
            "audit_rights",
            "misuse_reporting",
            "suspension",
            "warranty_void",
            "staged_payments",
        ],
    )
    .unwrap();
    let result = method_v1::evaluate(&a);
    assert_eq!(
        result,
        Method1Result {
            outcome: Outcome::Incomplete,
            residual_risk: hrdd_core::report::RiskLevel::Critical,
            element_scores: [100, 100, 100, 100],
            red_flags: vec![],
            open_questions: 30,
            decisive_gaps: 14,
        }
    );
}
