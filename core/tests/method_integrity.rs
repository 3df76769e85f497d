//! The method tables are data; these tests check that the data hangs together: every id is
//! unique, every trigger names a real question and option, every weight is in range.

use hrdd_core::method::AnsweredBy;
use hrdd_core::method::{
    question_index, FlagLevel, QuestionKind, Relevance, Scope, Sector, Trigger, ACTIONS,
    DISALLOWED_WITHOUT_FULL_ASSESSMENT, KYC_GATE, LIKELIHOOD_SIGNALS, METHOD1_MIGRATIONS,
    MITIGATION_ITEMS, OUTCOME_FLOORS, QUESTIONS, RED_FLAGS, RIGHTS,
};
use std::collections::HashSet;

fn check_trigger(trigger: &Trigger, context: &str) {
    match trigger {
        Trigger::AnswerIs { question, choices } => {
            let index = question_index(question)
                .unwrap_or_else(|| panic!("{context}: unknown question {question}"));
            let q = &QUESTIONS[index];
            assert!(
                !q.retired,
                "{context}: {question} is retired and never asked"
            );
            assert!(
                matches!(q.kind, QuestionKind::Single(_)),
                "{context}: {question} is not a single choice"
            );
            for key in *choices {
                assert!(
                    q.choices().iter().any(|c| c.key == *key),
                    "{context}: {question} has no option {key}"
                );
            }
        }
        Trigger::Ticked { question, item } => {
            let index = question_index(question)
                .unwrap_or_else(|| panic!("{context}: unknown question {question}"));
            let q = &QUESTIONS[index];
            assert!(
                !q.retired,
                "{context}: {question} is retired and never asked"
            );
            assert!(
                matches!(q.kind, QuestionKind::Checklist(_)),
                "{context}: {question} is not a checklist"
            );
            assert!(
                q.choices().iter().any(|c| c.key == *item),
                "{context}: {question} has no item {item}"
            );
        }
        Trigger::CustomerIs(choices) => {
            for question in ["profile.customer_type", "customer.end_user_type"] {
                let q = &QUESTIONS[question_index(question).unwrap()];
                for key in *choices {
                    assert!(
                        q.choices().iter().any(|c| c.key == *key),
                        "{context}: {question} has no option {key}"
                    );
                }
            }
        }
        Trigger::CountryContextAtLeast(_)
        | Trigger::CountryContextMayReach(_)
        | Trigger::DestinationAmongWorst(_)
        | Trigger::SectorIs(_) => {}
        Trigger::AllOf(all) | Trigger::AnyOf(all) => {
            all.iter().for_each(|t| check_trigger(t, context))
        }
    }
}

fn check_relevance(relevance: &Relevance, context: &str) {
    match relevance {
        Relevance::When(trigger) => check_trigger(trigger, context),
        Relevance::AnyOf(any) | Relevance::AllOf(any) => {
            any.iter().for_each(|r| check_relevance(r, context))
        }
        Relevance::FlagRaised(ids) => {
            for id in *ids {
                assert!(
                    RED_FLAGS.iter().any(|f| f.id == *id),
                    "{context}: unknown red flag {id}"
                );
            }
        }
        _ => {}
    }
}

#[test]
fn question_ids_and_option_keys_are_unique() {
    let mut ids = HashSet::new();
    for question in QUESTIONS {
        assert!(
            ids.insert(question.id),
            "duplicate question id {}",
            question.id
        );
        let mut keys = HashSet::new();
        for choice in question.choices() {
            assert!(
                keys.insert(choice.key),
                "{}: duplicate option {}",
                question.id,
                choice.key
            );
            assert!(choice.points <= 100);
        }
        if let QuestionKind::Checklist(items) = question.kind {
            assert!(
                items.len() < 32,
                "{}: a checklist holds at most 31 items",
                question.id
            );
        }
        assert!(
            !question.help.is_empty() && !question.source.is_empty(),
            "{} lacks help or source",
            question.id
        );
    }
}

#[test]
fn every_red_flag_and_action_refers_to_real_questions_and_options() {
    let mut ids = HashSet::new();
    for flag in RED_FLAGS {
        assert!(ids.insert(flag.id), "duplicate red flag {}", flag.id);
        assert!(!flag.source.is_empty() && !flag.why.is_empty());
        check_trigger(&flag.trigger, flag.id);
    }
    let mut ids = HashSet::new();
    for action in ACTIONS {
        assert!(ids.insert(action.id), "duplicate action {}", action.id);
        check_relevance(&action.relevance, action.id);
        if let Some(t) = &action.in_place_when {
            check_trigger(t, action.id);
        }
    }
}

#[test]
fn the_method_has_at_least_twenty_red_flags_and_every_sector_pack_has_questions() {
    assert!(RED_FLAGS.len() >= 20, "only {} red flags", RED_FLAGS.len());
    assert!(RED_FLAGS.iter().any(|f| f.prohibited()));
    for sector in Sector::ALL.into_iter().filter(|s| *s != Sector::General) {
        assert!(
            QUESTIONS.iter().any(|q| q.sector == Some(sector)),
            "sector pack {sector:?} adds no question"
        );
    }
}

#[test]
fn every_question_accepts_dont_know_and_offers_an_answer_better_than_the_worst_case() {
    let mut assessment = hrdd_core::Assessment::default();
    for question in QUESTIONS {
        assessment
            .set_answer(question.id, hrdd_core::Answer::DontKnow)
            .unwrap_or_else(|e| panic!("{}: {e}", question.id));
        if let QuestionKind::Single(choices) = question.kind {
            let best = choices.iter().map(|c| c.points).min().unwrap_or(0);
            assert!(
                u16::from(best) < question.kind.worst_case_points()
                    || question.kind.worst_case_points() == 0,
                "{}: no answer scores better than \"don't know\"",
                question.id
            );
        }
    }
}

/// Every question a trigger reads, recursively.
fn questions_of(trigger: &Trigger, out: &mut Vec<&'static str>) {
    match trigger {
        Trigger::AnswerIs { question, .. } | Trigger::Ticked { question, .. } => out.push(question),
        Trigger::AllOf(all) | Trigger::AnyOf(all) => all.iter().for_each(|t| questions_of(t, out)),
        Trigger::CustomerIs(_) => out.extend(["profile.customer_type", "customer.end_user_type"]),
        Trigger::SectorIs(_)
        | Trigger::CountryContextAtLeast(_)
        | Trigger::CountryContextMayReach(_)
        | Trigger::DestinationAmongWorst(_) => {}
    }
}

#[test]
fn the_quick_screen_asks_every_question_that_can_raise_a_prohibited_flag() {
    for flag in RED_FLAGS
        .iter()
        .filter(|f| f.level == FlagLevel::Prohibited)
    {
        let mut questions = Vec::new();
        questions_of(&flag.trigger, &mut questions);
        for id in questions {
            let q = &QUESTIONS[question_index(id).unwrap()];
            assert_eq!(
                q.scope,
                Scope::Quick,
                "{}: {id} is not asked in a quick screen",
                flag.id
            );
        }
    }
}

#[test]
fn floors_signals_gates_and_migrations_refer_to_real_questions() {
    for floor in OUTCOME_FLOORS {
        check_trigger(&floor.trigger, floor.id);
    }
    for signal in LIKELIHOOD_SIGNALS {
        check_trigger(&signal.trigger, signal.because);
    }
    for (id, trigger, why) in DISALLOWED_WITHOUT_FULL_ASSESSMENT {
        assert!(!id.is_empty() && !id.contains('.'), "{id}: {why}");
        check_trigger(trigger, why);
    }
    for id in KYC_GATE {
        let q = &QUESTIONS[question_index(id).unwrap_or_else(|| panic!("gate: unknown {id}"))];
        assert_eq!(
            q.scope,
            Scope::Quick,
            "gate question {id} must be asked in a quick screen"
        );
        assert!(
            q.sector.is_none() && !q.retired,
            "gate question {id} must always be asked"
        );
    }
    // The questions routed to compliance are the method's, still asked, and include every
    // question of the sanctions screening and the embargo (the checks a deal team cannot make).
    for id in hrdd_core::method::ANSWERED_BY_COMPLIANCE {
        let q =
            &QUESTIONS[question_index(id).unwrap_or_else(|| panic!("compliance: unknown {id}"))];
        assert!(!q.retired, "{id} is retired");
        assert_eq!(hrdd_core::method::answered_by(id), AnsweredBy::Compliance);
    }
    for (id, by) in [
        ("customer.listed_parties", AnsweredBy::Compliance),
        ("customer.screening_lists", AnsweredBy::Compliance),
        ("customer.screening_date", AnsweredBy::Compliance),
        ("profile.destination_embargo", AnsweredBy::Compliance),
        ("profile.customer_type", AnsweredBy::DealTeam),
        ("profile.destination", AnsweredBy::DealTeam),
        ("rights.privacy.scale", AnsweredBy::DealTeam),
        ("profile.destination.context", AnsweredBy::DealTeam),
    ] {
        assert_eq!(hrdd_core::method::answered_by(id), by, "{id}");
    }
    for m in METHOD1_MIGRATIONS {
        let retired = &QUESTIONS[question_index(m.retired_question).unwrap()];
        assert!(retired.retired, "{} is not retired", m.retired_question);
        assert!(
            m.retired_option == "dont_know"
                || retired.choices().iter().any(|c| c.key == m.retired_option)
        );
        for (q, key) in m.becomes {
            let new = &QUESTIONS[question_index(q).unwrap_or_else(|| panic!("unknown {q}"))];
            assert!(!new.retired);
            assert!(
                *key == "dont_know" || new.choices().iter().any(|c| c.key == *key),
                "{q} has no {key}"
            );
        }
    }
}

#[test]
fn pack_relevance_reads_only_questions_every_pack_asks() {
    for sector in Sector::ALL {
        let mut questions = Vec::new();
        questions_of(&sector.relevant_when(), &mut questions);
        for id in questions {
            let q = &QUESTIONS[question_index(id).unwrap()];
            assert!(
                q.sector.is_none() && !q.retired,
                "{sector:?} relevance reads {id}, which a pack owns"
            );
            check_trigger(&sector.relevant_when(), id);
        }
    }
}

#[test]
fn positive_rights_items_and_safeguard_kinds_follow_their_tables() {
    let positive = &QUESTIONS[question_index("impacts.positive_rights").unwrap()];
    let keys: Vec<&str> = positive.choices().iter().map(|c| c.key).collect();
    let rights: Vec<&str> = RIGHTS.iter().map(|r| r.key()).collect();
    assert_eq!(keys, rights);
    assert_eq!(
        hrdd_core::method::SAFEGUARD_KINDS_LEN,
        MITIGATION_ITEMS.len()
    );
}

#[test]
fn every_question_id_the_scoring_code_names_is_defined_by_the_method() {
    // Ids in the code that the method does not define would silently change results.
    let sources = [
        include_str!("../src/scoring.rs"),
        include_str!("../src/triggers.rs"),
        include_str!("../src/method/migration.rs"),
    ];
    let prefixes = [
        "profile.",
        "end_use.",
        "customer.",
        "impacts.",
        "connection.",
        "mitigations.",
        "surveillance.",
        "ai.",
        "telecom.",
        "cloud.",
        "pharma.",
        "machinery.",
        "security_equipment.",
    ];
    let mut checked = 0;
    for source in sources {
        for literal in source.split('"').skip(1).step_by(2) {
            if prefixes.iter().any(|p| literal.starts_with(p))
                && !literal.contains(' ')
                && literal != "profile.sector"
                && literal != "profile.destination.context"
            {
                assert!(
                    question_index(literal).is_some(),
                    "the code names {literal}, which the method does not define"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 10,
        "only {checked} ids found: the scan is broken"
    );
}

#[test]
fn conditional_questions_read_only_questions_that_are_always_asked() {
    for question in QUESTIONS {
        if let Some(trigger) = &question.asked_when {
            check_trigger(trigger, question.id);
            let mut read = Vec::new();
            questions_of(trigger, &mut read);
            for id in read {
                let q = &QUESTIONS[question_index(id).unwrap()];
                assert!(
                    q.sector.is_none() && q.asked_when.is_none() && !q.retired,
                    "{} is asked when {id} says so, which is itself conditional",
                    question.id
                );
            }
        }
    }
}

#[test]
fn every_perspective_reads_questions_in_its_own_words() {
    use hrdd_core::method::{Perspective, PERSPECTIVE_PROMPTS};
    for (id, _, prompt) in PERSPECTIVE_PROMPTS {
        assert!(
            question_index(id).is_some(),
            "wording for unknown question {id}"
        );
        assert!(!prompt.is_empty());
    }
    for question in QUESTIONS.iter().filter(|q| !q.retired) {
        for perspective in [Perspective::OurProduct, Perspective::OutsideReview] {
            let prompt = question.prompt_for(perspective).to_lowercase();
            assert!(
                !prompt.contains("buyer") && !prompt.contains("your company"),
                "{} speaks of the buyer or your company to {perspective:?}: {prompt}",
                question.id
            );
            if perspective == Perspective::OutsideReview {
                assert!(
                    !prompt.contains("your organisation")
                        && !prompt.contains(" you ")
                        && !prompt.starts_with("you ")
                        && !prompt.starts_with("can you")
                        && !prompt.starts_with("do you")
                        && !prompt.starts_with("have you"),
                    "{} addresses the outside reviewer as the company: {prompt}",
                    question.id
                );
            }
        }
    }
}

#[test]
fn no_option_speaks_as_the_company_to_an_outside_reviewer() {
    use hrdd_core::method::{Perspective, PERSPECTIVE_OPTION_LABELS};
    for (id, key, _, label) in PERSPECTIVE_OPTION_LABELS {
        let question = &QUESTIONS[question_index(id).expect("known question")];
        assert!(
            question.choices().iter().any(|c| c.key == *key),
            "{id}: no option {key}"
        );
        assert!(!label.is_empty());
    }
    for question in QUESTIONS.iter().filter(|q| !q.retired) {
        for choice in question.choices() {
            // Case kept: "US" (the United States) is not "us".
            let label = question.option_label_for(choice.key, Perspective::OutsideReview);
            let words: Vec<&str> = label.split(|c: char| !c.is_alphanumeric()).collect();
            assert!(
                !words
                    .iter()
                    .any(|w| matches!(*w, "we" | "We" | "our" | "Our" | "ourselves" | "us")),
                "{} / {} speaks as the company to an outside reviewer: {label}",
                question.id,
                choice.key
            );
            assert_eq!(
                question.option_label_for(choice.key, Perspective::OurDeal),
                choice.label
            );
        }
    }
}

#[test]
fn the_wording_of_each_perspective_is_the_one_the_table_gives() {
    use hrdd_core::method::{Perspective, PERSPECTIVE_PROMPTS};
    for question in QUESTIONS {
        assert_eq!(question.prompt_for(Perspective::OurDeal), question.prompt);
    }
    for (id, perspective, prompt) in PERSPECTIVE_PROMPTS {
        let question = &QUESTIONS[question_index(id).unwrap()];
        assert_eq!(question.prompt_for(*perspective), *prompt, "{id}");
        assert_ne!(
            *prompt, question.prompt,
            "{id}: the same words as the catalogue"
        );
    }
    // A question without a variant keeps the catalogue's words in every perspective.
    let scale = &QUESTIONS[question_index("end_use.scale").unwrap()];
    assert_eq!(scale.prompt_for(Perspective::OutsideReview), scale.prompt);
}

/// The questions whose answers can raise a prohibited red flag, which offer an evidence field.
#[test]
fn the_questions_that_can_prohibit_are_found_through_the_flags() {
    use hrdd_core::method::can_raise_prohibited_flag;
    for id in [
        "customer.listed_parties",
        "end_use.torture_goods",
        "end_use.inherently_harmful",
        "profile.destination_embargo",
        "profile.customer_type",
    ] {
        assert!(can_raise_prohibited_flag(id), "{id}");
    }
    for id in [
        "profile.channel",
        "impacts.remedy",
        "customer.screening_date",
    ] {
        assert!(!can_raise_prohibited_flag(id), "{id}");
    }
}
