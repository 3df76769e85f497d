//! The method tables are data; these tests check that the data hangs together: every id is
//! unique, every trigger names a real question and option, every weight is in range.

use hrdd_core::method::{
    question_index, QuestionKind, Relevance, Sector, Trigger, ACTIONS, QUESTIONS, RED_FLAGS,
};
use std::collections::HashSet;

fn check_trigger(trigger: &Trigger, context: &str) {
    match trigger {
        Trigger::AnswerIs { question, choices } => {
            let index = question_index(question)
                .unwrap_or_else(|| panic!("{context}: unknown question {question}"));
            let q = &QUESTIONS[index];
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
                matches!(q.kind, QuestionKind::Checklist(_)),
                "{context}: {question} is not a checklist"
            );
            assert!(
                q.choices().iter().any(|c| c.key == *item),
                "{context}: {question} has no item {item}"
            );
        }
        Trigger::CountryContextAtLeast(_) => {}
        Trigger::AllOf(all) | Trigger::AnyOf(all) => {
            all.iter().for_each(|t| check_trigger(t, context))
        }
    }
}

fn check_relevance(relevance: &Relevance, context: &str) {
    match relevance {
        Relevance::When(trigger) => check_trigger(trigger, context),
        Relevance::AnyOf(any) => any.iter().for_each(|r| check_relevance(r, context)),
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
    assert!(RED_FLAGS.iter().any(|f| f.prohibited));
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
