//! The one piece of state: the assessment, changed only by the pure reducer below. Effects
//! (storage, links) live outside it, in components.

use hrdd_core::method::{Mode, Perspective, QuestionKind, Sector, QUESTIONS};
use hrdd_core::{Answer, Assessment, CountryCode};
use std::rc::Rc;
use yew::Reducible;

/// Everything a user can do to the answers.
#[derive(Debug, Clone, PartialEq)]
pub enum AssessmentAction {
    SetMode(Mode),
    SetPerspective(Perspective),
    SetSector(Sector),
    /// Pick option `choice` of the single-choice question at `question`.
    Choose {
        question: usize,
        choice: u8,
    },
    /// Tick or untick item `item` of the checklist at `question`.
    ToggleItem {
        question: usize,
        item: u8,
    },
    /// Answer "none of these" to the checklist at `question`.
    NoneOfThese {
        question: usize,
    },
    DontKnow {
        question: usize,
    },
    SetCountry {
        question: usize,
        country: Option<CountryCode>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssessmentState {
    pub assessment: Assessment,
}

impl Reducible for AssessmentState {
    type Action = AssessmentAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        apply(&mut next.assessment, action);
        Rc::new(next)
    }
}

/// The reducer proper, pure and testable natively.
pub fn apply(assessment: &mut Assessment, action: AssessmentAction) {
    let fits = |question: usize| question < assessment.answers.len();
    match action {
        AssessmentAction::SetMode(mode) => assessment.mode = mode,
        AssessmentAction::SetPerspective(p) => assessment.perspective = p,
        AssessmentAction::SetSector(s) => assessment.sector = s,
        AssessmentAction::Choose { question, choice }
            if fits(question) && usize::from(choice) < QUESTIONS[question].choices().len() =>
        {
            assessment.answers[question] = Answer::Choice(choice);
        }
        AssessmentAction::ToggleItem { question, item } if fits(question) => {
            if let QuestionKind::Checklist(items) = QUESTIONS[question].kind {
                if usize::from(item) < items.len() {
                    let bits = match assessment.answers[question] {
                        Answer::Ticked(bits) => bits,
                        _ => 0,
                    };
                    assessment.answers[question] = Answer::Ticked(bits ^ (1 << item));
                }
            }
        }
        AssessmentAction::NoneOfThese { question } if fits(question) => {
            if matches!(QUESTIONS[question].kind, QuestionKind::Checklist(_)) {
                assessment.answers[question] = Answer::Ticked(0);
            }
        }
        AssessmentAction::DontKnow { question } if fits(question) => {
            assessment.answers[question] = Answer::DontKnow;
        }
        AssessmentAction::SetCountry { question, country } if fits(question) => {
            if matches!(QUESTIONS[question].kind, QuestionKind::Country) {
                assessment.answers[question] = match country {
                    Some(code) => Answer::Country(code),
                    None => Answer::Unanswered,
                };
            }
        }
        // An action naming a question that does not exist changes nothing.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hrdd_core::method::question_index;

    #[test]
    fn reducer_applies_answers_and_ignores_impossible_ones() {
        let mut a = Assessment::default();
        let q = question_index("profile.customer_type").unwrap();
        apply(
            &mut a,
            AssessmentAction::Choose {
                question: q,
                choice: 2,
            },
        );
        assert_eq!(a.answers[q], Answer::Choice(2));
        apply(
            &mut a,
            AssessmentAction::Choose {
                question: q,
                choice: 200,
            },
        );
        assert_eq!(
            a.answers[q],
            Answer::Choice(2),
            "out-of-range choice must change nothing"
        );
        apply(
            &mut a,
            AssessmentAction::Choose {
                question: 9999,
                choice: 0,
            },
        );
        apply(&mut a, AssessmentAction::DontKnow { question: q });
        assert_eq!(a.answers[q], Answer::DontKnow);

        let caps = question_index("end_use.capabilities").unwrap();
        apply(
            &mut a,
            AssessmentAction::ToggleItem {
                question: caps,
                item: 1,
            },
        );
        apply(
            &mut a,
            AssessmentAction::ToggleItem {
                question: caps,
                item: 3,
            },
        );
        assert_eq!(a.answers[caps], Answer::Ticked(0b1010));
        apply(
            &mut a,
            AssessmentAction::ToggleItem {
                question: caps,
                item: 1,
            },
        );
        assert_eq!(a.answers[caps], Answer::Ticked(0b1000));
        apply(&mut a, AssessmentAction::NoneOfThese { question: caps });
        assert_eq!(a.answers[caps], Answer::Ticked(0));
        // A checklist action on a single-choice question changes nothing.
        apply(&mut a, AssessmentAction::NoneOfThese { question: q });
        assert_eq!(a.answers[q], Answer::DontKnow);
    }
}
