//! Share links: round trips, sizes, every kind of bad link, and golden links that every later
//! version must open with the same result (tests/fixtures/links-v1.json).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hrdd_core::format::AssessmentDocument;
use hrdd_core::link::{self, EncryptedLink, LinkError, ParsedLink};
use hrdd_core::method::{Mode, Perspective, Sector};
use hrdd_core::{score, Answer, Assessment};
use std::path::PathBuf;

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// An assessment file (JSON format), read and checked.
fn assessment_at(path: &std::path::Path) -> Assessment {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let document: AssessmentDocument = serde_json::from_str(&text).unwrap();
    document.to_assessment().unwrap()
}

fn example(name: &str) -> Assessment {
    assessment_at(&repository().join("examples").join(name))
}

fn open(fragment: &str) -> hrdd_core::link::SharedAssessment {
    match link::decode(fragment).unwrap_or_else(|e| panic!("{fragment}: {e}")) {
        ParsedLink::Open(shared) => shared,
        ParsedLink::Locked(_) => panic!("unexpectedly locked"),
    }
}

#[test]
fn links_round_trip_and_leave_free_text_out_unless_asked() {
    let mut a = example("02-surveillance-lawful-interception-police.json");
    a.text.customer_name = "Confidential Police Service".into();
    a.country_override = Some(hrdd_core::CountryOverride {
        level: hrdd_core::method::ContextLevel::High,
        reason: "Informant reports".into(),
    });
    let without = link::encode(&a, false);
    assert!(without.starts_with("hrdd1."));
    let shared = open(&without);
    assert!(!shared.includes_text);
    assert_eq!(shared.assessment.text, hrdd_core::FreeText::default());
    assert_eq!(
        shared.assessment.country_override.as_ref().unwrap().reason,
        link::WITHHELD_REASON
    );
    assert_eq!(shared.assessment.answers, a.answers);
    assert_eq!(score(&shared.assessment).outcome, score(&a).outcome);

    let with = open(&format!("#{}", link::encode(&a, true)));
    assert!(with.includes_text);
    assert_eq!(with.assessment, a);
}

#[test]
fn link_lengths_stay_small() {
    let minimal = link::encode(&Assessment::default(), false);
    let typical = link::encode(
        &example("02-surveillance-lawful-interception-police.json"),
        false,
    );
    let mut maximal = Assessment::new(
        Mode::FullAssessment,
        Perspective::OutsideReview,
        Sector::SecurityEquipment,
    );
    for (i, q) in hrdd_core::method::QUESTIONS.iter().enumerate() {
        maximal.answers[i] = match q.kind {
            hrdd_core::method::QuestionKind::Single(c) => Answer::Choice(c.len() as u8 - 1),
            hrdd_core::method::QuestionKind::Checklist(c) => Answer::Ticked((1 << c.len()) - 1),
            hrdd_core::method::QuestionKind::Country => Answer::Country("ZW".parse().unwrap()),
            hrdd_core::method::QuestionKind::Date => {
                Answer::Date(hrdd_core::dates::Day::parse("2199-12-31").unwrap())
            }
        };
    }
    for r in &mut maximal.rights {
        *r = hrdd_core::RightStatus::Rated(hrdd_core::ImpactRating {
            scale: Some(4),
            scope: Some(4),
            irremediability: Some(4),
            likelihood: Some(4),
        });
    }
    let maximal_link = link::encode(&maximal, false);
    // A protected link carries salt, nonce and tag (44 bytes) on top of the same body.
    let protected = |a: &Assessment| {
        let body = link::body_bytes(a, false).len()
            + link::SALT_BYTES
            + link::NONCE_BYTES
            + link::TAG_BYTES;
        link::ENCRYPTED_PREFIX.len() + (body * 4).div_ceil(3)
    };
    let typical_assessment = example("02-surveillance-lawful-interception-police.json");
    println!(
        "link lengths: minimal {} (protected {}), typical full {} (protected {}), maximal {} (protected {})",
        minimal.len(),
        protected(&Assessment::default()),
        typical.len(),
        protected(&typical_assessment),
        maximal_link.len(),
        protected(&maximal)
    );
    assert!(
        typical.len() < 200,
        "a typical full assessment link is {} characters",
        typical.len()
    );
    assert!(maximal_link.len() < 400);
}

#[test]
fn bad_links_get_plain_errors_and_never_panic() {
    let good = link::encode(
        &example("14-outside-review-facial-recognition-protests.json"),
        true,
    );
    let body = good.strip_prefix("hrdd1.").unwrap();
    let tampered = {
        let mut chars: Vec<char> = body.chars().collect();
        let middle = chars.len() / 2;
        chars[middle] = if chars[middle] == 'A' { 'B' } else { 'A' };
        chars.into_iter().collect::<String>()
    };
    // A deflate bomb: a million zero bytes compress to about a kilobyte.
    let bomb = {
        let zeros = vec![0u8; 1_000_000];
        let mut bytes = vec![1u8];
        bytes.extend(miniz_oxide::deflate::compress_to_vec(&zeros, 10));
        use base64::Engine;
        format!(
            "hrdd1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
        )
    };
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "does not contain a shared assessment"),
        ("#main".into(), "does not contain a shared assessment"),
        (format!("hrdd1.{}", &body[..body.len() / 2]), "incomplete"),
        // One changed character can make the body look damaged or cut short: both are plain.
        (format!("hrdd1.{tampered}"), "damaged|incomplete"),
        (
            "hrdd1.@@@!!".into(),
            "characters a shared assessment never has",
        ),
        (format!("hrdd9.{body}"), "format (\"hrdd9\")"),
        (format!("hrdd1.{}", "A".repeat(20_000)), "too long"),
        (bomb, "unpacks to more than"),
        ("hrdd1e.AAAA".into(), "incomplete"),
        ("hrdd1.".into(), "incomplete"),
    ];
    for (fragment, expected) in cases {
        match link::decode(&fragment) {
            Err(error) => assert!(
                expected
                    .split('|')
                    .any(|word| error.to_string().contains(word)),
                "{fragment:.40}: {error}"
            ),
            // A tampered byte may still decode to some valid assessment; it must then be valid.
            Ok(ParsedLink::Open(shared)) => {
                assert!(expected.contains("damaged"), "{fragment:.40} opened");
                shared.assessment.validate().unwrap();
            }
            Ok(ParsedLink::Locked(_)) => panic!("{fragment:.40} parsed as locked"),
        }
    }
    // A link from a newer method version says so.
    let mut newer = example("01-general-office-software.json");
    newer.method_version = 7;
    assert_eq!(
        link::decode(&link::encode(&newer, false)).unwrap_err(),
        LinkError::NewerMethod {
            found: 7,
            newest: hrdd_core::method::METHOD_VERSION
        }
    );
}

#[test]
fn random_bytes_never_panic() {
    use base64::Engine;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for length in 0..400 {
        let bytes: Vec<u8> = (0..length % 120)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        let fragment = format!(
            "hrdd1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes)
        );
        if let Ok(ParsedLink::Open(shared)) = link::decode(&fragment) {
            shared.assessment.validate().unwrap();
        }
        let _ = link::decode_body(&bytes);
    }
}

// ------------------------------------------------------------------ golden links

const PASSPHRASE: &str = "correct horse battery staple";

fn derive_key(passphrase: &str, salt: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
        passphrase.as_bytes(),
        salt,
        link::PBKDF2_ITERATIONS,
        &mut key,
    );
    key
}

fn encrypt(plaintext: &[u8], passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> String {
    let cipher = Aes256Gcm::new_from_slice(&derive_key(passphrase, &salt)).unwrap();
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: link::encryption_associated_data(),
            },
        )
        .unwrap();
    link::encode_encrypted(&EncryptedLink {
        salt: salt.to_vec(),
        nonce: nonce.to_vec(),
        ciphertext,
    })
}

fn decrypt(locked: &EncryptedLink, passphrase: &str) -> Result<Vec<u8>, LinkError> {
    let cipher = Aes256Gcm::new_from_slice(&derive_key(passphrase, &locked.salt)).unwrap();
    cipher
        .decrypt(
            Nonce::from_slice(&locked.nonce),
            Payload {
                msg: &locked.ciphertext,
                aad: link::encryption_associated_data(),
            },
        )
        .map_err(|_| LinkError::WrongPassphrase)
}

fn fixture_path() -> PathBuf {
    repository().join("tests/fixtures/links-v1.json")
}

fn expected_report(a: &Assessment) -> serde_json::Value {
    let report = score(a);
    serde_json::json!({
        "outcome": report.outcome.key(),
        "residual_risk": report.residual_risk.label(),
        "element_scores": report.elements.iter().map(|e| e.score).collect::<Vec<_>>(),
        "red_flags": report.red_flags.iter().map(|f| f.id).collect::<Vec<_>>(),
        "open_questions": report.open_questions.len(),
    })
}

/// Writes the golden file once, from the worked examples. Run deliberately with
/// `WRITE_GOLDEN_LINKS=1` when a new link format version is added; never to make a test pass.
#[test]
fn write_golden_links_when_asked() {
    if std::env::var_os("WRITE_GOLDEN_LINKS").is_none() || fixture_path().exists() {
        return;
    }
    let mut entries = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(repository().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for name in names {
        let a = example(&name);
        for include_text in [false, true] {
            entries.push(serde_json::json!({
                "name": format!("{name}{}", if include_text { " with text" } else { "" }),
                "link": link::encode(&a, include_text),
                "expected": expected_report(&a),
            }));
        }
    }
    let a = example("02-surveillance-lawful-interception-police.json");
    entries.push(serde_json::json!({
        "name": "02 protected by a passphrase",
        "link": encrypt(&link::body_bytes(&a, true), PASSPHRASE, [7; 16], [9; 12]),
        "passphrase": PASSPHRASE,
        "expected": expected_report(&a),
    }));
    std::fs::write(
        fixture_path(),
        serde_json::to_string_pretty(&entries).unwrap() + "\n",
    )
    .unwrap();
}

/// The worked example as it was when the method-2 golden links were made from it (the examples
/// have gained answers since, such as the screening record; a released link keeps its own).
fn method2_release_example(name: &str) -> Assessment {
    assessment_at(
        &repository()
            .join("tests/fixtures/method2-examples")
            .join(name),
    )
}

/// The worked example, as released with method 1, that a golden link was made from (the links
/// are named after the example files, whose names start with their number).
fn method1_example(link_name: &str) -> Assessment {
    let folder = repository().join("tests/fixtures/method1-examples");
    let file = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".json") && n[..2] == link_name[..2])
        })
        .unwrap_or_else(|| panic!("{link_name}: no method-1 example"));
    assessment_at(&file)
}

/// What method 1 concluded, in the shape of the golden expectations.
fn method1_report(a: &Assessment) -> serde_json::Value {
    let result = hrdd_core::method_v1::evaluate(a);
    serde_json::json!({
        "outcome": result.outcome.key(),
        "residual_risk": result.residual_risk.label(),
        "element_scores": result.element_scores,
        "red_flags": result.red_flags,
        "open_questions": result.open_questions,
    })
}

/// Every golden link opens, with all the answers of the example it was made from, and method 1
/// (frozen in `hrdd_core::method_v1`) still gives the result recorded when it was made. The live
/// method may score it differently: later methods show method 1's result for such links.
#[test]
fn golden_links_open_with_the_same_result() {
    let text =
        std::fs::read_to_string(fixture_path()).expect("tests/fixtures/links-v1.json exists");
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(entries.len() >= 20);
    for entry in entries {
        let name = entry["name"].as_str().unwrap();
        let fragment = entry["link"].as_str().unwrap();
        let shared = match link::decode(fragment).unwrap_or_else(|e| panic!("{name}: {e}")) {
            ParsedLink::Open(shared) => shared,
            ParsedLink::Locked(locked) => {
                let passphrase = entry["passphrase"].as_str().unwrap();
                assert_eq!(
                    decrypt(&locked, "wrong passphrase"),
                    Err(LinkError::WrongPassphrase)
                );
                link::decode_body(&decrypt(&locked, passphrase).unwrap()).unwrap()
            }
        };
        let mut source = method1_example(name);
        if !shared.includes_text {
            source.text = hrdd_core::FreeText::default();
            if let Some(o) = &mut source.country_override {
                o.reason = link::WITHHELD_REASON.to_owned();
            }
        }
        assert_eq!(shared.assessment, source, "{name}");
        assert_eq!(
            method1_report(&shared.assessment),
            entry["expected"],
            "{name}"
        );
    }
}

fn fixture_v2_path() -> PathBuf {
    repository().join("tests/fixtures/links-v2.json")
}

/// The method-2 result in the shape of the golden expectations, with what method 2 adds.
fn method2_report(a: &Assessment) -> serde_json::Value {
    let report = score(a);
    serde_json::json!({
        "outcome": report.outcome.key(),
        "decision_blocked": report.decision_blocked(),
        "residual_risk": report.residual_risk.label(),
        "element_scores": report.elements.iter().map(|e| e.score).collect::<Vec<_>>(),
        "red_flags": report.red_flags.iter().map(|f| f.id).collect::<Vec<_>>(),
        "possible_red_flags": report.possible_red_flags.iter().map(|f| f.id).collect::<Vec<_>>(),
        "open_questions": report.open_questions.len(),
    })
}

/// Writes the method-2 golden links once, from the worked examples, when asked with
/// `WRITE_GOLDEN_LINKS=2`; never to make a test pass.
#[test]
fn write_method2_golden_links_when_asked() {
    if std::env::var_os("WRITE_GOLDEN_LINKS").is_none_or(|v| v != "2") || fixture_v2_path().exists()
    {
        return;
    }
    let mut entries = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(repository().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let a = example(&name);
        assert_eq!(a.method_version, 2, "{name}");
        entries.push(serde_json::json!({
            "name": name,
            "link": link::encode(&a, true),
            "expected": method2_report(&a),
        }));
    }
    std::fs::write(
        fixture_v2_path(),
        serde_json::to_string_pretty(&entries).unwrap() + "\n",
    )
    .unwrap();
}

/// Every method-2 golden link opens with all the answers of its example and, while method 2 is
/// the live method, gives the recorded result.
#[test]
fn method2_golden_links_open_with_the_same_result() {
    let text = std::fs::read_to_string(fixture_v2_path()).expect("tests/fixtures/links-v2.json");
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(
        entries.len() >= 30,
        "only {} method-2 golden links",
        entries.len()
    );
    // A reviewed change of results (the method's data changed, never the links themselves):
    // UPDATE_GOLDEN_RESULTS=2 rewrites the recorded results and keeps every link as it is.
    let update = std::env::var_os("UPDATE_GOLDEN_RESULTS").is_some_and(|v| v == "2");
    let mut updated = Vec::new();
    for mut entry in entries {
        let name = entry["name"].as_str().unwrap().to_owned();
        let shared = open(entry["link"].as_str().unwrap());
        assert_eq!(shared.method_version, 2, "{name}");
        assert_eq!(
            shared.assessment,
            method2_release_example(&name),
            "{name}: answers changed"
        );
        if update {
            entry["expected"] = method2_report(&shared.assessment);
        }
        assert_eq!(
            method2_report(&shared.assessment),
            entry["expected"],
            "{name}"
        );
        updated.push(entry);
    }
    if update {
        std::fs::write(
            fixture_v2_path(),
            serde_json::to_string_pretty(&updated).unwrap() + "\n",
        )
        .unwrap();
    }
}

/// A note on an answer travels in an extension after the body: withheld unless text is
/// included, yet the override it makes still counts; links without notes are unchanged.
#[test]
fn notes_on_answers_travel_in_links_and_keep_their_override() {
    let mut a = example("42-cloud-encrypted-messenger-repressive-market.json");
    let plain = link::encode(&a, false);
    let index = hrdd_core::method::question_index(hrdd_core::method::EMBARGO_QUESTION).unwrap();
    a.answer_notes
        .insert(index, "Export control: not covered by 833/2014".into());
    let noted = link::encode(&a, false);
    assert_ne!(plain, noted);
    let shared = open(&noted);
    assert_eq!(
        shared.assessment.answer_notes[&index],
        link::WITHHELD_REASON
    );
    let status = |a: &Assessment| score(a).restrictive_measures.unwrap().status;
    assert_eq!(status(&shared.assessment), status(&a));
    assert_eq!(open(&link::encode(&a, true)).assessment, a);
    // Cut inside the extension: a clear error, never a panic or a silent loss.
    let mut bytes = link::body_bytes(&a, true);
    bytes.truncate(bytes.len() - 3);
    assert!(link::decode_body(&bytes).is_err());
}

#[test]
fn the_decision_on_record_travels_in_links_its_texts_only_when_included() {
    use hrdd_core::dates::Day;
    use hrdd_core::record::{
        ConditionStatus, DecisionTaken, DecisionText, RecordChange, RecordDate,
    };
    let mut a = example("42-cloud-encrypted-messenger-repressive-market.json");
    let before = link::encode(&a, false);
    let index = hrdd_core::method::question_index(hrdd_core::method::EMBARGO_QUESTION).unwrap();
    a.answer_notes
        .insert(index, "Checked the current act".into());
    // The last action of the method, so that an action's position is read as its position.
    let last = hrdd_core::method::ACTIONS.last().unwrap().id;
    for change in [
        RecordChange::AddCondition(hrdd_core::method::ACTIONS[0].id),
        RecordChange::AddCondition(last),
        RecordChange::SetConditionOwner(1, "Regional sales lead".into()),
        RecordChange::SetConditionDue(1, Day::parse("2027-03-31")),
        RecordChange::SetConditionStatus(1, ConditionStatus::Failed),
        RecordChange::SetConditionEvidence(1, "Audit refused".into()),
        RecordChange::SetDecision(Some(DecisionTaken::Deferred)),
        RecordChange::SetDecisionText(DecisionText::Name, "J. Moreau".into()),
        RecordChange::SetDecisionText(DecisionText::Reason, "Waiting for the audit".into()),
        RecordChange::SetDate(RecordDate::DecidedOn, Day::parse("2026-12-02")),
        RecordChange::SetDate(RecordDate::ReviewOn, Day::parse("2027-03-02")),
    ] {
        a.record.apply(change, 2000);
    }
    // With names and notes: everything, exactly.
    assert_eq!(open(&link::encode(&a, true)).assessment, a);
    // Without: the decision, dates and statuses travel; every text reads as withheld.
    let shared = open(&link::encode(&a, false)).assessment;
    let record = &shared.record;
    assert_eq!(record.decision.taken, Some(DecisionTaken::Deferred));
    assert_eq!(record.review_on, Day::parse("2027-03-02"));
    assert_eq!(record.conditions[1].action, last);
    assert_eq!(record.conditions[1].status, ConditionStatus::Failed);
    assert_eq!(record.conditions[1].due, Day::parse("2027-03-31"));
    assert_eq!(record.conditions[1].owner, "(withheld)");
    assert_eq!(record.decision.name, "(withheld)");
    assert_eq!(record.decision.role, "", "an empty text stays empty");
    // An assessment without a record makes the same link as before records existed.
    *a.record = Default::default();
    a.answer_notes.clear();
    assert_eq!(link::encode(&a, false), before);
    // Cut inside the record, or a record naming an action the method does not have: a clear
    // error, never a panic or a silent loss.
    a.record.apply(RecordChange::AddCondition(last), 2000);
    let mut bytes = link::body_bytes(&a, true);
    assert_eq!(bytes[0] & 4, 4);
    bytes.truncate(bytes.len() - 2);
    assert!(link::decode_body(&bytes).is_err());
}

/// The decision record's formats are contracts: a format-3 file written by hand opens with
/// every part of its record, and the link this version made of it is kept
/// (tests/fixtures/record/) and must keep opening to the same assessment in later versions.
/// (`UPDATE_RECORD_LINK=1` rewrites the link: only for a new fixture, never to make it pass.)
#[test]
fn the_decision_record_fixture_opens_and_its_link_is_pinned() {
    use hrdd_core::record::{ConditionStatus, DecisionTaken};
    let folder = repository().join("tests/fixtures/record");
    let a = assessment_at(&folder.join("format-3.json"));
    let record = &a.record;
    let day = |text: &str| hrdd_core::dates::Day::parse(text);
    assert_eq!(record.conditions.len(), 2);
    assert_eq!(record.conditions[0].action, "end_use_certificate");
    assert_eq!(record.conditions[0].status, ConditionStatus::Verified);
    assert_eq!(
        record.conditions[0].evidence,
        "Signed statement filed on 2027-01-20"
    );
    assert_eq!(record.conditions[1].action, "verify_end_user");
    assert_eq!(record.conditions[1].due, day("2027-01-15"));
    assert_eq!(record.conditions[1].evidence, "");
    assert_eq!(
        record.decision.taken,
        Some(DecisionTaken::ProceedWithConditions)
    );
    assert_eq!(record.decision.role, "Human rights committee");
    assert_eq!(record.decision.second_on, day("2026-12-02"));
    assert_eq!(record.review_on, day("2027-06-01"));
    assert_eq!(record.assessor, "C. Ndlovu, export compliance");
    let pinned = std::fs::read_to_string(folder.join("link.txt")).unwrap();
    let pinned = pinned.trim();
    if std::env::var_os("UPDATE_RECORD_LINK").is_some() {
        std::fs::write(folder.join("link.txt"), link::encode(&a, true) + "\n").unwrap();
        return;
    }
    assert_eq!(
        open(pinned).assessment,
        a,
        "the pinned link opens with the whole record"
    );
}
