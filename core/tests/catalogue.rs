//! The language catalogues (`core/i18n/*.ftl`): the English catalogue holds, keyed by the
//! method's ids, every text of the method's data (questions, options and their wording per
//! perspective, rights, groups, red flags, floors, actions, outcomes and the labels of the
//! method's enums), word for word; every other catalogue has exactly its keys and placeholders.
//!
//! `UPDATE_CATALOGUE=1 cargo test -p hrdd-core --test catalogue` rewrites `en.ftl` from the data
//! after a change of the method's texts (translators then see the change as a diff).

use hrdd_core::country::countries;
use hrdd_core::country::{
    SpecificIndicator, COUNTRY_DATA_ATTRIBUTION, INDICATOR_NAMES, REGIME_TYPES,
};
use hrdd_core::error::{ExpectedAnswer, RatingDimension, TextField, ValueField};
use hrdd_core::explanation::EXPLANATION_TEXTS;
use hrdd_core::i18n::{id_part, migration_key, Catalogue, Language, CATALOGUE_FILES};
use hrdd_core::i18n::{INDICATOR_VALUE_TEXTS, LIST_JOIN};
use hrdd_core::method::{all_presumptions, DESTINATION_INDICATOR_USES, LIKELIHOOD_SIGNALS};
use hrdd_core::method::{
    Connection, ContextLevel, Element, Leverage, Mode, Perspective, Section, Sector, ACTIONS,
    DISALLOWED_WITHOUT_FULL_ASSESSMENT, GROUPS, METHOD1_MIGRATIONS, OUTCOME_FLOORS,
    PERSPECTIVE_OPTION_LABELS, PERSPECTIVE_PROMPTS, QUESTIONS,
    QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC, QUICK_SCREEN_PRESUMPTIONS, RED_FLAGS, RIGHTS,
};
use hrdd_core::report::{
    LikelihoodBand, Outcome, RiskLevel, SeverityBand, NEXT_STEP_FULL_ASSESSMENT,
    OUTCOME_REASON_TEXTS,
};
use hrdd_core::restrictive_measures::{measures, Regime, Verification};

/// One message: its key, its text and its attributes, in the order of the file.
struct Message {
    key: String,
    text: &'static str,
    attributes: Vec<(String, &'static str)>,
}

fn message(key: String, text: &'static str) -> Message {
    Message {
        key,
        text,
        attributes: Vec::new(),
    }
}

/// The embedded tables live for the whole program: their texts can be borrowed as static.
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn snake(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .expect("a unit variant serialises as its key")
}

/// The English catalogue as the method's data defines it, in groups with a heading each.
fn english_from_the_method() -> Vec<(&'static str, Vec<Message>)> {
    let mut groups = Vec::new();

    let mut questions = Vec::new();
    for question in QUESTIONS.iter() {
        let id = id_part(question.id);
        let mut m = message(format!("question-{id}"), question.prompt);
        m.attributes.push(("help".into(), question.help));
        m.attributes.push(("source".into(), question.source));
        for (qid, perspective, prompt) in PERSPECTIVE_PROMPTS {
            if *qid == question.id {
                m.attributes
                    .push((format!("for-{}", perspective.key()), prompt));
            }
        }
        questions.push(m);
        for choice in question.choices() {
            let mut option = message(format!("option-{id}-{}", choice.key), choice.label);
            for (qid, key, perspective, label) in PERSPECTIVE_OPTION_LABELS {
                if *qid == question.id && *key == choice.key {
                    option
                        .attributes
                        .push((format!("for-{}", perspective.key()), label));
                }
            }
            questions.push(option);
        }
    }
    groups.push(("Questions and their options (the method's ids; `.for-<perspective>` is the wording for that perspective)", questions));

    groups.push((
        "Rights and groups at heightened risk",
        RIGHTS
            .iter()
            .map(|r| Message {
                key: format!("right-{}", r.key()),
                text: r.label(),
                attributes: vec![("instrument".into(), r.instrument())],
            })
            .chain(
                GROUPS
                    .iter()
                    .map(|g| message(format!("group-{}", snake(g)), g.label())),
            )
            .collect(),
    ));

    groups.push((
        "Red flags",
        RED_FLAGS
            .iter()
            .map(|flag| Message {
                key: format!("flag-{}", id_part(flag.id)),
                text: flag.title,
                attributes: vec![("why".into(), flag.why), ("source".into(), flag.source)],
            })
            .collect(),
    ));
    groups.push((
        "Floors set by the customer or the destination",
        OUTCOME_FLOORS
            .iter()
            .map(|floor| Message {
                key: format!("floor-{}", id_part(floor.id)),
                text: floor.why,
                attributes: vec![("source".into(), floor.source)],
            })
            .collect(),
    ));
    groups.push((
        "Recommended actions",
        ACTIONS
            .iter()
            .map(|action| Message {
                key: format!("action-{}", id_part(action.id)),
                text: action.title,
                attributes: vec![
                    ("detail".into(), action.detail),
                    ("source".into(), action.source),
                ],
            })
            .collect(),
    ));
    groups.push((
        "Outcomes",
        Outcome::ALL
            .iter()
            .map(|o| {
                let mut attributes = vec![
                    ("meaning".into(), o.meaning()),
                    ("next-step".into(), o.next_step()),
                ];
                if *o == Outcome::Incomplete {
                    attributes.push((
                        "next-step-full-assessment".into(),
                        NEXT_STEP_FULL_ASSESSMENT,
                    ));
                }
                Message {
                    key: format!("outcome-{}", o.key()),
                    text: o.label(),
                    attributes,
                }
            })
            .collect(),
    ));
    groups.push((
        "Country context: indicators, regime types and sources",
        INDICATOR_NAMES
            .iter()
            .map(|(key, name)| message(format!("indicator-{key}"), name))
            .chain(SpecificIndicator::ALL.iter().map(|i| {
                let mut m = message(format!("indicator-{}", i.vdem_code()), i.label());
                if let Some((_, products)) = DESTINATION_INDICATOR_USES.iter().find(|(u, _)| u == i)
                {
                    m.attributes.push(("bears-on".into(), products));
                }
                m
            }))
            .chain(
                REGIME_TYPES
                    .iter()
                    .enumerate()
                    .map(|(code, name)| message(format!("regime-type-{code}"), name)),
            )
            .chain([message(
                "country-data-attribution".into(),
                COUNTRY_DATA_ATTRIBUTION,
            )])
            .collect(),
    ));
    groups.push((
        "Country names (ISO 3166-1; the French and Spanish catalogues use the UN's short names)",
        countries()
            .iter()
            .map(|c| message(format!("country-{}", c.alpha2), leak(&c.name)))
            .collect(),
    ));
    groups.push((
        "Restrictive measures: whom each row of the table covers",
        measures()
            .iter()
            .map(|m| {
                message(
                    format!("measure-{}-{}", m.country, m.regime.key()),
                    leak(&m.scope_in_words),
                )
            })
            .collect(),
    ));
    groups.push((
        "Restrictive measures: kinds and how a row was verified",
        Regime::ALL
            .iter()
            .map(|r| Message {
                key: format!("regime-{}", r.key()),
                text: r.label(),
                attributes: vec![("covers".into(), r.covers())],
            })
            .chain(
                Verification::ALL
                    .iter()
                    .map(|v| message(format!("verification-{}", v.key()), v.label())),
            )
            .collect(),
    ));
    groups.push((
        "Answers in words (the printed report and the comparison)",
        vec![
            message("answer-not-answered".into(), "Not answered"),
            message("answer-dont-know".into(), "Don't know"),
            message("answer-none-of-these".into(), "None of these"),
        ],
    ));
    groups.push((
        "Why a quick screen is not enough",
        DISALLOWED_WITHOUT_FULL_ASSESSMENT
            .iter()
            .map(|(id, _, why)| (*id, *why))
            .chain([
                QUICK_SCREEN_PRESUMPTIONS,
                QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC,
            ])
            .map(|(id, why)| message(format!("full-needed-{id}"), why))
            .collect(),
    ));
    groups.push((
        "Why the outcome is what it is (the decision gate's steps)",
        OUTCOME_REASON_TEXTS
            .iter()
            .map(|(key, text)| message((*key).to_owned(), text))
            .collect(),
    ));
    groups.push((
        "How the indicators' values are written (the number's decimal separator, then its words)",
        INDICATOR_VALUE_TEXTS
            .iter()
            .map(|(key, text)| message((*key).to_owned(), text))
            .chain(std::iter::once(message("list-join".to_owned(), LIST_JOIN)))
            .collect(),
    ));
    let mut error_words = Vec::new();
    for e in ExpectedAnswer::ALL {
        error_words.push(message(
            format!("{}-{}", ExpectedAnswer::CATALOGUE_PREFIX, e.key()),
            e.english(),
        ));
    }
    for f in ValueField::ALL {
        error_words.push(message(
            format!("{}-{}", ValueField::CATALOGUE_PREFIX, f.key()),
            f.english(),
        ));
    }
    for f in TextField::ALL {
        error_words.push(message(
            format!("{}-{}", TextField::CATALOGUE_PREFIX, f.key()),
            f.english(),
        ));
    }
    for d in RatingDimension::ALL {
        error_words.push(message(
            format!("{}-{}", RatingDimension::CATALOGUE_PREFIX, d.key()),
            d.english(),
        ));
    }
    groups.push((
        "Words a file problem names: what an answer should be, fields, rating dimensions",
        error_words,
    ));
    groups.push((
        "Why the method presumes an impact until the assessor rates the right",
        all_presumptions()
            .map(|p| message(format!("presumption-{}", p.id), p.because))
            .collect(),
    ));
    groups.push((
        "Why a right's likelihood is raised",
        LIKELIHOOD_SIGNALS
            .iter()
            .map(|s| message(format!("signal-{}", s.id), s.because))
            .collect(),
    ));
    groups.push((
        "The explanation: how each right was rated, what each answer added, what would change",
        EXPLANATION_TEXTS
            .iter()
            .map(|(key, text)| message((*key).to_owned(), text))
            .collect(),
    ));
    groups.push((
        "How answers given under method 1 are read",
        METHOD1_MIGRATIONS
            .iter()
            .map(|m| message(migration_key(m), m.why))
            .collect(),
    ));

    let mut labels = Vec::new();
    for s in Section::ALL {
        labels.push(message(format!("section-{}", s.key()), s.title()));
        assert_eq!(s.key(), snake(s));
    }
    for e in Element::ALL {
        labels.push(message(format!("element-{}", e.key()), e.title()));
        assert_eq!(e.key(), snake(e));
    }
    for s in Sector::ALL {
        labels.push(message(format!("sector-{}", s.key()), s.label()));
    }
    for m in [Mode::QuickScreen, Mode::FullAssessment] {
        labels.push(message(format!("mode-{}", m.key()), m.label()));
    }
    for p in Perspective::ALL {
        labels.push(message(format!("perspective-{}", p.key()), p.label()));
    }
    for c in ContextLevel::ALL {
        labels.push(message(format!("context-{}", c.key()), c.label()));
    }
    for c in Connection::ALL {
        let mut m = message(format!("connection-{}", c.key()), c.label());
        m.attributes.push(("response".into(), c.response()));
        labels.push(m);
    }
    for l in [Leverage::Low, Leverage::Medium, Leverage::High] {
        labels.push(message(format!("leverage-{}", snake(l)), l.label()));
    }
    for (key, r) in [
        ("low", RiskLevel::Low),
        ("medium", RiskLevel::Medium),
        ("high", RiskLevel::High),
        ("critical", RiskLevel::Critical),
    ] {
        labels.push(message(format!("risk-{key}"), r.label()));
    }
    for (key, s) in [
        ("minor", SeverityBand::Minor),
        ("moderate", SeverityBand::Moderate),
        ("serious", SeverityBand::Serious),
        ("grave", SeverityBand::Grave),
    ] {
        labels.push(message(format!("severity-{key}"), s.label()));
    }
    for (key, l) in [
        ("remote", LikelihoodBand::Remote),
        ("possible", LikelihoodBand::Possible),
        ("likely", LikelihoodBand::Likely),
        ("very_likely", LikelihoodBand::VeryLikely),
    ] {
        labels.push(message(format!("likelihood-{key}"), l.label()));
    }
    groups.push((
        "Labels of the method's sections, elements, packs, modes, perspectives and bands",
        labels,
    ));
    groups
}

/// The catalogue file for these groups.
fn render(groups: &[(&str, Vec<Message>)]) -> String {
    let mut out = String::from(
        "# English catalogue of the downstream HRDD calculator: the reference every translation\n\
         # follows. Keys are the method's ids; see docs/TRANSLATING.md. Generated from the method's\n\
         # data by `UPDATE_CATALOGUE=1 cargo test -p hrdd-core --test catalogue`.\n",
    );
    for (heading, messages) in groups {
        out.push_str(&format!("\n## {heading}\n\n"));
        for m in messages {
            out.push_str(&format!("{} = {}\n", m.key, m.text));
            for (name, text) in &m.attributes {
                out.push_str(&format!("    .{name} = {text}\n"));
            }
        }
    }
    out
}

/// The line after which `en.ftl` is written by hand (the screens' texts, `ui-` keys): the
/// generator rewrites only what is above it.
const SCREENS_MARKER: &str = "# ==== Screens: written by hand below this line (ui- keys) ====";

#[test]
fn the_english_catalogue_holds_every_text_of_the_method_word_for_word() {
    let groups = english_from_the_method();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/en.ftl");
    let on_disk = std::fs::read_to_string(path).unwrap();
    let screens = on_disk.find(SCREENS_MARKER).map_or_else(
        || format!("{SCREENS_MARKER}\n"),
        |at| on_disk[at..].to_owned(),
    );
    let expected = format!("{}\n{screens}", render(&groups));
    if std::env::var_os("UPDATE_CATALOGUE").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    // Compiled in: rebuild after UPDATE_CATALOGUE so that this reads the new file.
    let english = CATALOGUE_FILES
        .iter()
        .find(|(language, _)| *language == Language::English)
        .map(|(_, text)| *text)
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        expected,
        "core/i18n/en.ftl differs from the method's texts: run UPDATE_CATALOGUE=1 cargo test -p hrdd-core --test catalogue"
    );
    let catalogue = Catalogue::parse(english).unwrap();
    // Every text reads back exactly, so nothing in a text was taken for syntax.
    for (_, messages) in &groups {
        for m in messages {
            assert_eq!(catalogue.get(&m.key), Some(m.text), "{}", m.key);
            for (name, text) in &m.attributes {
                let key = format!("{}.{name}", m.key);
                assert_eq!(catalogue.get(&key), Some(*text), "{key}");
            }
        }
    }
    // Below the marker, only the screens' keys.
    let by_hand = Catalogue::parse(&screens).unwrap();
    for key in by_hand.keys() {
        assert!(
            key.starts_with("ui-"),
            "{key}: only ui- keys are written by hand"
        );
    }
}

#[test]
fn every_translation_has_the_english_keys_and_placeholders() {
    let english = Catalogue::parse(CATALOGUE_FILES[0].1).unwrap();
    assert!(english.len() > 500, "{} keys", english.len());
    assert_eq!(
        CATALOGUE_FILES.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        Language::ALL,
        "one catalogue per language, English first"
    );
    for (language, text) in CATALOGUE_FILES {
        let catalogue =
            Catalogue::parse(text).unwrap_or_else(|e| panic!("{}.ftl: {e}", language.code()));
        let problems: Vec<String> = catalogue
            .problems_against(&english)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems.is_empty(),
            "{}.ftl:\n{}",
            language.code(),
            problems.join("\n")
        );
    }
}

#[test]
fn texts_come_from_the_catalogue_in_the_perspective_s_words_and_fall_back_to_english() {
    use hrdd_core::i18n::Texts;
    use hrdd_core::method::question_index;
    let channel = &QUESTIONS[question_index("profile.channel").unwrap()];
    let french = Catalogue::parse(
        "question-profile-channel = Comment le produit parvient-il à l'utilisateur ?\n\
         option-profile-channel-direct = Nous le vendons directement\n    \
         .for-outside_review = L'entreprise le vend directement\n\
         outcome-escalate = Faire remonter pour décision\n",
    )
    .unwrap();
    let texts = Texts::new(Language::French, french);
    assert_eq!(texts.language(), Language::French);
    assert_eq!(
        texts.question(channel, Perspective::OurDeal),
        "Comment le produit parvient-il à l'utilisateur ?"
    );
    assert_eq!(
        texts.option(channel, "direct", Perspective::OurDeal),
        "Nous le vendons directement"
    );
    assert_eq!(
        texts.option(channel, "direct", Perspective::OutsideReview),
        "L'entreprise le vend directement"
    );
    assert_eq!(
        texts.outcome(Outcome::Escalate),
        "Faire remonter pour décision"
    );
    // Natively, what a catalogue lacks stays readable, in the method's English (the browser
    // build has no English of its own: see the test below on the English catalogue alone).
    assert_eq!(texts.help(channel), channel.help);
    assert_eq!(
        texts.option(channel, "self_service", Perspective::OurDeal),
        "Online self-service, without personal contact"
    );
    assert_eq!(texts.outcome(Outcome::Proceed), "Proceed");

    // The command line's English needs no catalogue, and keeps each perspective's wording.
    let english = Texts::english();
    for (id, perspective, prompt) in PERSPECTIVE_PROMPTS {
        let question = &QUESTIONS[question_index(id).unwrap()];
        assert_eq!(english.question(question, *perspective), *prompt);
        assert_eq!(
            english.question(question, Perspective::OurDeal),
            question.prompt
        );
    }
    // The English catalogue read through `Texts` gives the same texts as the method.
    let catalogue = Catalogue::parse(CATALOGUE_FILES[0].1).unwrap();
    let through_catalogue = Texts::new(Language::French, catalogue);
    for question in QUESTIONS.iter() {
        for perspective in Perspective::ALL {
            assert_eq!(
                through_catalogue.question(question, perspective),
                english.question(question, perspective),
                "{}",
                question.id
            );
            for choice in question.choices() {
                assert_eq!(
                    through_catalogue.option(question, choice.key, perspective),
                    english.option(question, choice.key, perspective)
                );
            }
        }
    }
}

#[test]
fn outcome_reasons_read_the_same_through_the_english_catalogue_as_from_the_core() {
    use hrdd_core::format::AssessmentDocument;
    use hrdd_core::i18n::Texts;
    let catalogue = Catalogue::parse(CATALOGUE_FILES[0].1).unwrap();
    let through_catalogue = Texts::new(Language::French, catalogue);
    let english = Texts::english();
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let document: AssessmentDocument =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let report = hrdd_core::score(&document.to_assessment().unwrap());
        for reason in &report.outcome_reasons {
            seen.insert(reason.key());
            assert_eq!(english.outcome_reason(reason), reason.english(), "{path:?}");
            assert_eq!(
                through_catalogue.outcome_reason(reason),
                reason.english(),
                "{path:?}"
            );
        }
    }
    assert!(seen.len() >= 8, "the examples reach only {seen:?}");
}

#[test]
fn indicator_values_are_written_in_the_reader_s_language_with_its_decimal_separator() {
    let norway = hrdd_core::country::country_by_code("NO").unwrap();
    let readings = norway.indicator_readings();
    let rule_of_law = readings.iter().find(|r| r.key == "rule_of_law").unwrap();
    let violence = readings.iter().find(|r| r.key == "violence").unwrap();
    let english = hrdd_core::i18n::Texts::english();
    let words = english.indicator_values(&rule_of_law.values);
    assert!(words.ends_with("th percentile"), "{words}");
    assert!(words.contains('.'), "{words}");
    let words = english.indicator_values(&violence.values);
    assert!(words.contains(" of 1 (physical violence index)"), "{words}");
    let french = hrdd_core::i18n::Texts::new(
        Language::French,
        Catalogue::parse(CATALOGUE_FILES[1].1).unwrap(),
    );
    let words = french.indicator_values(&rule_of_law.values);
    assert!(
        words.starts_with("rang centile ") && words.contains(','),
        "{words}"
    );
    assert_eq!(french.indicator("rule_of_law"), "État de droit", "{words}");
}

/// The browser build holds no English of its own: every word it shows comes from the catalogue.
/// So the English catalogue alone (a key it lacks reads as empty, as in the browser) must say
/// exactly what the method's English says, for every text a screen can ask for.
#[test]
fn the_english_catalogue_alone_says_everything_the_method_says() {
    use hrdd_core::assessment::Answer;
    use hrdd_core::country::{countries, SpecificIndicator};
    use hrdd_core::error::{ExpectedAnswer, RatingDimension, TextField, ValueField};
    use hrdd_core::method::{
        all_presumptions, Mode, DISALLOWED_WITHOUT_FULL_ASSESSMENT, LIKELIHOOD_SIGNALS,
    };
    use hrdd_core::restrictive_measures::{measures, Regime, Verification};

    use hrdd_core::i18n::Texts;
    let method = Texts::english();
    let browser = Texts::catalogue_only(
        Language::English,
        Catalogue::parse(CATALOGUE_FILES[0].1).unwrap(),
    );
    let mut said: Vec<(String, String, String)> = Vec::new();
    let mut say = |what: String, of: &dyn Fn(&Texts) -> String| {
        said.push((what, of(&method), of(&browser)));
    };
    for (index, question) in QUESTIONS.iter().enumerate() {
        for perspective in Perspective::ALL {
            say(format!("question {}", question.id), &|t| {
                t.question(question, perspective).to_owned()
            });
            for choice in question.choices() {
                say(format!("option {} {}", question.id, choice.key), &|t| {
                    t.option(question, choice.key, perspective).to_owned()
                });
            }
            for answer in [Answer::DontKnow, Answer::Unanswered] {
                say(format!("answer {}", question.id), &|t| {
                    t.answer(index, answer, perspective)
                });
            }
        }
        say(format!("help {}", question.id), &|t| {
            t.help(question).to_owned()
        });
        say(format!("source {}", question.id), &|t| {
            t.question_source(question).to_owned()
        });
    }
    for flag in RED_FLAGS {
        say(format!("flag {}", flag.id), &|t| {
            format!(
                "{} | {} | {}",
                t.flag_title(flag),
                t.flag_why(flag),
                t.flag_source(flag)
            )
        });
    }
    for action in ACTIONS {
        say(format!("action {}", action.id), &|t| {
            format!(
                "{} | {} | {}",
                t.action_title(action),
                t.action_detail(action),
                t.action_source(action)
            )
        });
    }
    for floor in OUTCOME_FLOORS {
        say(format!("floor {}", floor.id), &|t| {
            format!("{} | {}", t.floor_why(floor.id), t.floor_source(floor.id))
        });
    }
    for right in RIGHTS {
        say(format!("right {}", right.key()), &|t| {
            format!("{} | {}", t.right(right), t.right_instrument(right))
        });
    }
    for outcome in Outcome::ALL {
        say(format!("outcome {}", outcome.key()), &|t| {
            format!(
                "{} | {} | {}",
                t.outcome(outcome),
                t.outcome_meaning(outcome),
                t.outcome_next_step(outcome)
            )
        });
    }
    for section in Section::ALL {
        say(format!("section {}", section.key()), &|t| {
            t.section(section).to_owned()
        });
    }
    for element in Element::ALL {
        say(format!("element {}", element.key()), &|t| {
            t.element(element).to_owned()
        });
    }
    for sector in Sector::ALL {
        say(format!("sector {}", sector.key()), &|t| {
            t.sector(sector).to_owned()
        });
    }
    for mode in [Mode::QuickScreen, Mode::FullAssessment] {
        say(format!("mode {}", mode.key()), &|t| t.mode(mode).to_owned());
    }
    for perspective in Perspective::ALL {
        say(format!("perspective {}", perspective.key()), &|t| {
            t.perspective(perspective).to_owned()
        });
    }
    for level in ContextLevel::ALL {
        say(format!("context {}", level.key()), &|t| {
            t.context_level(level).to_owned()
        });
    }
    for connection in Connection::ALL {
        say(format!("connection {}", connection.key()), &|t| {
            format!(
                "{} | {}",
                t.connection(connection),
                t.connection_response(connection)
            )
        });
    }
    for leverage in [Leverage::Low, Leverage::Medium, Leverage::High] {
        say(format!("leverage {leverage:?}"), &|t| {
            t.leverage(leverage).to_owned()
        });
    }
    for risk in [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Critical,
    ] {
        say(format!("risk {risk:?}"), &|t| t.risk(risk).to_owned());
    }
    for band in [
        SeverityBand::Minor,
        SeverityBand::Moderate,
        SeverityBand::Serious,
        SeverityBand::Grave,
    ] {
        say(format!("severity {band:?}"), &|t| {
            t.severity(band).to_owned()
        });
    }
    for band in [
        LikelihoodBand::Remote,
        LikelihoodBand::Possible,
        LikelihoodBand::Likely,
        LikelihoodBand::VeryLikely,
    ] {
        say(format!("likelihood {band:?}"), &|t| {
            t.likelihood(band).to_owned()
        });
    }
    for indicator in SpecificIndicator::ALL {
        say(format!("indicator {indicator:?}"), &|t| {
            format!(
                "{} | {}",
                t.specific_indicator(indicator),
                t.indicator_bears_on(indicator)
            )
        });
    }
    for (key, _) in hrdd_core::country::INDICATOR_NAMES {
        say(format!("indicator {key}"), &|t| t.indicator(key).to_owned());
    }
    for code in 0..hrdd_core::country::REGIME_TYPES.len() as u8 {
        say(format!("regime type {code}"), &|t| {
            t.regime_type(code).to_owned()
        });
    }
    say("attribution".into(), &|t| {
        t.country_data_attribution().to_owned()
    });
    for country in countries() {
        say(format!("country {}", country.alpha2), &|t| {
            t.country_name(country).to_owned()
        });
    }
    for regime in Regime::ALL {
        say(format!("regime {}", regime.key()), &|t| {
            format!("{} | {}", t.regime(regime), t.regime_covers(regime))
        });
    }
    for verification in Verification::ALL {
        say(format!("verification {verification:?}"), &|t| {
            t.verification(verification).to_owned()
        });
    }
    for measure in measures() {
        say(
            format!("measure {} {}", measure.country, measure.regime.key()),
            &|t| t.measure_scope(measure).to_owned(),
        );
    }
    for presumption in all_presumptions() {
        say(format!("presumption {}", presumption.id), &|t| {
            t.presumption(presumption.id).to_owned()
        });
    }
    for signal in LIKELIHOOD_SIGNALS {
        say(format!("signal {}", signal.id), &|t| {
            t.signal(signal.id).to_owned()
        });
    }
    let reasons: Vec<&str> = DISALLOWED_WITHOUT_FULL_ASSESSMENT
        .iter()
        .map(|(id, _, _)| *id)
        .chain([
            QUICK_SCREEN_PRESUMPTIONS.0,
            QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC.0,
        ])
        .collect();
    for id in reasons {
        say(format!("full assessment needed {id}"), &|t| {
            t.full_assessment_reason(id).to_owned()
        });
    }
    for mapping in METHOD1_MIGRATIONS {
        say(format!("migration {}", mapping.retired_question), &|t| {
            t.migration(mapping).to_owned()
        });
    }
    for expected in ExpectedAnswer::ALL {
        say(format!("{expected:?}"), &|t| {
            t.expected_answer(*expected).to_owned()
        });
    }
    for field in ValueField::ALL {
        say(format!("{field:?}"), &|t| t.value_field(*field).to_owned());
    }
    for field in TextField::ALL {
        say(format!("{field:?}"), &|t| t.text_field(*field).to_owned());
    }
    for dimension in RatingDimension::ALL {
        say(format!("{dimension:?}"), &|t| {
            t.rating_dimension(*dimension).to_owned()
        });
    }
    // Whole reports: the explanation, the reasons, the next step and what would change of
    // every worked example.
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let document: hrdd_core::format::AssessmentDocument = serde_json::from_str(&text).unwrap();
        let assessment = document.to_assessment().unwrap();
        let report = hrdd_core::score(&assessment);
        say(path.display().to_string(), &|t| {
            let mut lines = vec![t.next_step(&report)];
            lines.extend(report.outcome_reasons.iter().map(|r| t.outcome_reason(r)));
            for element in &report.elements {
                for c in &element.contributions {
                    lines.push(t.contribution_question(&c.source_id, report.perspective));
                    lines.push(t.contribution_answer(&c.source_id, &c.answer, report.perspective));
                }
            }
            for right in &report.salient_rights {
                lines.extend(right.explanation.iter().map(|l| t.right_explanation(l)));
            }
            lines.push(t.what_would_change(&report.what_would_change, report.perspective));
            for question in &report.open_questions {
                lines.push(t.open_question(&question.id, report.perspective));
            }
            lines.join("\n")
        });
    }
    let differing: Vec<String> = said
        .iter()
        .filter(|(_, english, alone)| english != alone)
        .map(|(what, english, alone)| {
            format!("{what}:\n  method:    {english}\n  catalogue: {alone}")
        })
        .collect();
    assert!(said.len() > 2000, "only {} texts compared", said.len());
    assert!(differing.is_empty(), "{}", differing.join("\n"));
}
