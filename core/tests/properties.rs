//! Laws of the method, checked on random assessments (proptest): "don't know" never makes the
//! result more permissive; adding a red flag never lowers the outcome; adding a safeguard never
//! raises it and never changes severity; answering a "don't know" never adds evidence gaps;
//! scoring is deterministic; the questions asked do not depend on the order the rules ask
//! about them; the JSON format round-trips every valid assessment.

use hrdd_core::format::AssessmentDocument;
use hrdd_core::method::{
    pack_relevance, question_index, ContextLevel, FlagLevel, Mode, Perspective, QuestionKind,
    Sector, Trigger, QUESTIONS, RED_FLAGS, RIGHTS,
};
use hrdd_core::triggers::AskedAnswers;
use hrdd_core::{
    score, Answer, Assessment, CountryOverride, FreeText, ImpactRating, Outcome, RightStatus,
};
use proptest::prelude::*;

const COUNTRIES: [&str; 8] = ["NO", "KE", "AE", "MM", "RU", "US", "BR", "AQ"];

fn answer_strategy(kind: QuestionKind) -> BoxedStrategy<Answer> {
    let gap = prop_oneof![Just(Answer::Unanswered), Just(Answer::DontKnow)];
    match kind {
        QuestionKind::Single(choices) => prop_oneof![
            1 => gap,
            12 => (0..choices.len() as u8).prop_map(Answer::Choice),
        ]
        .boxed(),
        QuestionKind::Checklist(items) => prop_oneof![
            1 => gap,
            12 => (0..(1u32 << items.len())).prop_map(Answer::Ticked),
        ]
        .boxed(),
        QuestionKind::Country => prop_oneof![
            1 => gap,
            12 => prop::sample::select(COUNTRIES.to_vec())
                .prop_map(|c| Answer::Country(c.parse().expect("known country"))),
        ]
        .boxed(),
        QuestionKind::Date => prop_oneof![
            1 => gap,
            12 => (7305u32..84_005).prop_map(|n| Answer::Date(
                hrdd_core::dates::Day::from_number(n).expect("in range")
            )),
        ]
        .boxed(),
    }
}

fn rating() -> impl Strategy<Value = Option<u8>> {
    prop_oneof![1 => Just(None), 4 => (1u8..=4).prop_map(Some)]
}

fn right_strategy() -> impl Strategy<Value = RightStatus> {
    prop_oneof![
        3 => Just(RightStatus::Unrated),
        1 => Just(RightStatus::NotAtRisk),
        2 => (rating(), rating(), rating(), rating()).prop_map(|(scale, scope, irremediability, likelihood)| {
            RightStatus::Rated(ImpactRating { scale, scope, irremediability, likelihood })
        }),
    ]
}

fn assessment_strategy() -> impl Strategy<Value = Assessment> {
    let answers: Vec<BoxedStrategy<Answer>> =
        QUESTIONS.iter().map(|q| answer_strategy(q.kind)).collect();
    let rights = prop::collection::vec(right_strategy(), RIGHTS.len());
    let over = prop::option::of((
        prop::sample::select(ContextLevel::ALL.to_vec()),
        "[a-z ]{1,20}",
    ));
    (
        prop::sample::select(vec![Mode::QuickScreen, Mode::FullAssessment]),
        prop::sample::select(Perspective::ALL.to_vec()),
        prop::sample::select(Sector::ALL.to_vec()),
        answers,
        rights,
        over,
        "[^\u{0}]{0,30}",
    )
        .prop_map(|(mode, perspective, sector, answers, rights, over, text)| {
            let mut a = Assessment::new(mode, perspective, sector);
            a.answers = answers;
            a.rights = rights;
            a.country_override = over.map(|(level, reason)| CountryOverride {
                level,
                reason: format!("r {reason}"),
            });
            a.text = FreeText {
                title: text.clone(),
                customer_name: text,
                ..FreeText::default()
            };
            a
        })
}

/// Points an answer adds (the worst case for a gap), to keep "adding a flag" from also
/// improving another answer.
fn points(kind: QuestionKind, answer: Answer) -> u16 {
    match (kind, answer) {
        (QuestionKind::Single(c), Answer::Choice(i)) => c[usize::from(i)].points.into(),
        (QuestionKind::Checklist(items), Answer::Ticked(bits)) => items
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, c)| u16::from(c.points))
            .sum(),
        (kind, _) => kind.worst_case_points(),
    }
}

/// Change one answer so that a flag's (simple) trigger holds; None if the flag's trigger is
/// compound, out of scope, or can only be reached by improving the answer.
fn raise_flag(a: &Assessment, trigger: &Trigger) -> Option<Assessment> {
    let (question, new_answer) = match trigger {
        Trigger::AnswerIs { question, choices } => {
            let index = question_index(question)?;
            let position = QUESTIONS[index]
                .choices()
                .iter()
                .position(|c| c.key == choices[0])?;
            (index, Answer::Choice(position as u8))
        }
        Trigger::Ticked { question, item } => {
            let index = question_index(question)?;
            let position = QUESTIONS[index]
                .choices()
                .iter()
                .position(|c| c.key == *item)?;
            let old = match a.answers[index] {
                Answer::Ticked(bits) => bits,
                _ => 0,
            };
            (index, Answer::Ticked(old | (1 << position)))
        }
        Trigger::AnyOf(any) => return any.iter().find_map(|t| raise_flag(a, t)),
        _ => return None,
    };
    let q = &QUESTIONS[question];
    if !q.is_asked(a) || points(q.kind, new_answer) < points(q.kind, a.answers[question]) {
        return None;
    }
    let mut changed = a.clone();
    changed.answers[question] = new_answer;
    Some(changed)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn scoring_is_deterministic(a in assessment_strategy()) {
        prop_assert_eq!(score(&a), score(&a.clone()));
    }

    /// The memo of asked questions that a score keeps gives each question the answer it gets
    /// on its own, in whatever order the rules ask (here: last question first).
    #[test]
    fn asked_questions_do_not_depend_on_the_order_they_are_asked_in(a in assessment_strategy()) {
        let memo = AskedAnswers::new(&a);
        for (index, question) in QUESTIONS.iter().enumerate().rev() {
            prop_assert_eq!(memo.is_asked(index), question.is_asked(&a), "{}", question.id);
            prop_assert_eq!(memo.applies(index), question.asked_in_full_assessment(&a), "{}", question.id);
        }
        for pack in Sector::ALL {
            prop_assert_eq!(memo.pack_relevance(pack), pack_relevance(pack, &a), "{:?}", pack);
        }
    }

    #[test]
    fn adding_a_red_flag_never_lowers_the_outcome(a in assessment_strategy(), which in 0..RED_FLAGS.len()) {
        let flag = &RED_FLAGS[which];
        if let Some(changed) = raise_flag(&a, &flag.trigger) {
            let before = score(&a);
            let after = score(&changed);
            let ids = |r: &hrdd_core::Report| r.red_flags.iter().map(|f| f.id).collect::<Vec<_>>();
            let (before_ids, after_ids) = (ids(&before), ids(&after));
            prop_assume!(before_ids.iter().all(|id| after_ids.contains(id)));
            prop_assert!(after_ids.contains(&flag.id), "{} not raised", flag.id);
            prop_assert!(after.permission() <= before.permission(), "{}: {:?} -> {:?}", flag.id, before.outcome, after.outcome);
            // A raised flag sets its floor, whatever the score and the gaps.
            let floor = match flag.level {
                FlagLevel::Prohibited => Outcome::DoNotProceed,
                FlagLevel::Escalate => Outcome::Escalate,
                FlagLevel::Conditions => Outcome::ProceedWithConditions,
            };
            prop_assert!(after.outcome >= floor, "{}: {:?}", flag.id, after.outcome);
        }
    }

    #[test]
    fn adding_a_safeguard_never_raises_the_outcome(a in assessment_strategy(), item in 0usize..10) {
        let index = question_index("mitigations.in_place").unwrap();
        prop_assume!(QUESTIONS[index].is_asked(&a));
        let old = match a.answers[index] { Answer::Ticked(bits) => bits, _ => 0 };
        let mut changed = a.clone();
        changed.answers[index] = Answer::Ticked(old | (1 << item));
        let (before, after) = (score(&a), score(&changed));
        prop_assert!(after.outcome <= before.outcome, "{:?} -> {:?}", before.outcome, after.outcome);
        prop_assert!(after.permission() >= before.permission());
        prop_assert!(after.residual_risk <= before.residual_risk);
        // A safeguard lowers likelihood, never severity.
        for (b, c) in before.salient_rights.iter().zip(&after.salient_rights) {
            prop_assert_eq!(b.severity, c.severity);
        }
    }

    #[test]
    fn dont_know_never_makes_the_result_more_permissive(a in assessment_strategy(), pick in any::<prop::sample::Index>()) {
        let known: Vec<usize> = (0..QUESTIONS.len())
            .filter(|&i| QUESTIONS[i].is_asked(&a) && !a.answers[i].is_gap())
            .collect();
        prop_assume!(!known.is_empty());
        let index = known[pick.index(known.len())];
        let mut unknown = a.clone();
        unknown.answers[index] = Answer::DontKnow;
        let (before, after) = (score(&a), score(&unknown));
        prop_assert!(
            after.permission() <= before.permission(),
            "{}: {:?} (blocked {}) -> {:?} (blocked {})",
            QUESTIONS[index].id, before.outcome, before.decision_blocked(), after.outcome, after.decision_blocked()
        );
        // A refusal never becomes a decision someone could take while the answer is unknown.
        if before.outcome == Outcome::DoNotProceed {
            prop_assert!(after.outcome == Outcome::DoNotProceed || after.decision_blocked() || after.outcome == Outcome::Incomplete,
                "{}: do not proceed -> {:?}", QUESTIONS[index].id, after.outcome);
        }
    }

    #[test]
    fn answering_a_dont_know_never_adds_evidence_gaps(a in assessment_strategy(), pick in any::<prop::sample::Index>(), replacement in any::<u32>()) {
        let unknown: Vec<usize> = (0..QUESTIONS.len()).filter(|&i| a.answers[i] == Answer::DontKnow).collect();
        prop_assume!(!unknown.is_empty());
        let index = unknown[pick.index(unknown.len())];
        let answer = match QUESTIONS[index].kind {
            QuestionKind::Single(c) => Answer::Choice((replacement % c.len() as u32) as u8),
            QuestionKind::Checklist(items) => Answer::Ticked(replacement & ((1 << items.len()) - 1)),
            QuestionKind::Country => Answer::Country(COUNTRIES[replacement as usize % COUNTRIES.len()].parse().unwrap()),
            QuestionKind::Date => Answer::Date(hrdd_core::dates::Day::from_number(7305 + replacement % 70_000).unwrap()),
        };
        let mut changed = a.clone();
        changed.answers[index] = answer;
        prop_assert!(score(&changed).open_questions.len() <= score(&a).open_questions.len());
    }

    #[test]
    fn share_links_round_trip_every_valid_assessment(a in assessment_strategy()) {
        let fragment = hrdd_core::link::encode(&a, true);
        match hrdd_core::link::decode(&fragment) {
            Ok(hrdd_core::link::ParsedLink::Open(shared)) => prop_assert_eq!(&shared.assessment, &a),
            other => prop_assert!(false, "{fragment}: {other:?}"),
        }
        // Without free text: the same answers, hence the same outcome.
        if let Ok(hrdd_core::link::ParsedLink::Open(shared)) = hrdd_core::link::decode(&hrdd_core::link::encode(&a, false)) {
            prop_assert_eq!(&shared.assessment.answers, &a.answers);
            prop_assert_eq!(score(&shared.assessment).outcome, score(&a).outcome);
        } else {
            prop_assert!(false, "a link without text did not open");
        }
    }

    #[test]
    fn json_format_round_trips_every_valid_assessment(a in assessment_strategy()) {
        prop_assert!(a.validate().is_ok());
        let document = AssessmentDocument::from_assessment(&a, true);
        prop_assert_eq!(document.to_assessment().unwrap(), a);
    }
}
