//! How method 2 reads answers given under method 1 to questions it retired. Nothing is lost: the
//! retired answer stays in the assessment (and in its files and links); method 2 reads it
//! through this table into the questions that replaced it, only where those are unanswered.
//! Where a method-1 answer cannot tell which of the new answers is true, it becomes
//! "don't know", so that the report asks the user instead of guessing.

use crate::assessment::{Answer, Assessment};
use std::borrow::Cow;

use super::{question_index, QUESTIONS};

/// One retired answer and what it means under method 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetiredAnswerMapping {
    pub retired_question: &'static str,
    /// The retired option key (`dont_know` for the unknown answer).
    pub retired_option: &'static str,
    /// New question and the option key it gets (`dont_know` for unknown).
    pub becomes: &'static [(&'static str, &'static str)],
    /// Why, for the report.
    pub why: &'static str,
}

const DONT_KNOW: &str = "dont_know";

pub const METHOD1_MIGRATIONS: &[RetiredAnswerMapping] = &[
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: "no",
        becomes: &[("end_use.torture_goods", "none"), ("end_use.torture_reason_to_believe", "no")],
        why: "Method 1's \"no\" to torture or executions means neither such goods nor reason to believe.",
    },
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: "yes",
        becomes: &[("end_use.torture_goods", DONT_KNOW), ("end_use.torture_reason_to_believe", DONT_KNOW)],
        why: "Method 1 asked one yes/no question about torture or executions; method 2 separates banned goods, goods that need a licence, and reason to believe they would be misused. A \"yes\" could mean any of them: answer the two new questions.",
    },
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: DONT_KNOW,
        becomes: &[("end_use.torture_goods", DONT_KNOW), ("end_use.torture_reason_to_believe", DONT_KNOW)],
        why: "Unknown under method 1, unknown under method 2.",
    },
    RetiredAnswerMapping {
        retired_question: "security_equipment.torture_only_goods",
        retired_option: "yes",
        becomes: &[("end_use.torture_goods", "torture_only")],
        why: "Method 1's pack question on goods with no use but torture is now part of the question every pack asks.",
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: "no",
        becomes: &[("customer.listed_parties", "none_screened"), ("profile.destination_embargo", "none_checked")],
        why: "Method 1's \"no, checked\" covered both the parties and the destination.",
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: "related_parties",
        becomes: &[("customer.listed_parties", "related_parties"), ("profile.destination_embargo", DONT_KNOW)],
        why: "Method 1 asked about sanctions and embargoes together; say whether the destination is under an embargo.",
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: "yes",
        becomes: &[("customer.listed_parties", DONT_KNOW), ("profile.destination_embargo", DONT_KNOW)],
        why: "Method 1's \"yes\" did not say whether a party is listed or the destination is under an embargo, which method 2 treats differently (an embargo does not forbid humanitarian goods): answer the two new questions.",
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: DONT_KNOW,
        becomes: &[("customer.listed_parties", DONT_KNOW), ("profile.destination_embargo", DONT_KNOW)],
        why: "Unknown under method 1, unknown under method 2.",
    },
];

fn answer_key(index: usize, answer: Answer) -> Option<&'static str> {
    match answer {
        Answer::DontKnow => Some(DONT_KNOW),
        Answer::Choice(i) => QUESTIONS[index]
            .choices()
            .get(usize::from(i))
            .map(|c| c.key),
        _ => None,
    }
}

fn answer_for(question: &str, key: &str) -> Option<(usize, Answer)> {
    let index = question_index(question)?;
    if key == DONT_KNOW {
        return Some((index, Answer::DontKnow));
    }
    let position = QUESTIONS[index]
        .choices()
        .iter()
        .position(|c| c.key == key)?;
    Some((index, Answer::Choice(position as u8)))
}

/// The mappings that apply to this assessment: a retired question answered, and at least one
/// of its successors still unanswered.
pub fn applicable_migrations(assessment: &Assessment) -> Vec<&'static RetiredAnswerMapping> {
    METHOD1_MIGRATIONS
        .iter()
        .filter(|m| {
            let Some(index) = question_index(m.retired_question) else {
                return false;
            };
            let answer = assessment.answers.get(index).copied().unwrap_or_default();
            answer_key(index, answer) == Some(m.retired_option)
                && m.becomes.iter().any(|(q, _)| {
                    question_index(q).is_some_and(|i| {
                        assessment.answers.get(i).copied().unwrap_or_default() == Answer::Unanswered
                    })
                })
        })
        .collect()
}

/// The assessment as method 2 reads it: retired answers carried into their successors where
/// those are unanswered. Borrowed unchanged when no retired answer applies.
pub fn migrated_answers(assessment: &Assessment) -> Cow<'_, Assessment> {
    let mappings = applicable_migrations(assessment);
    if mappings.is_empty() {
        return Cow::Borrowed(assessment);
    }
    let mut migrated = assessment.clone();
    for mapping in mappings {
        for (question, key) in mapping.becomes {
            if let Some((index, answer)) = answer_for(question, key) {
                if migrated.answers[index] == Answer::Unanswered {
                    migrated.answers[index] = answer;
                }
            }
        }
    }
    Cow::Owned(migrated)
}
