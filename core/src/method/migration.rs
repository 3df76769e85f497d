//! How method 2 reads answers given under method 1 to questions it retired. Nothing is lost: the
//! retired answer stays in the assessment (and in its files and links); method 2 reads it
//! through this table into the questions that replaced it, only where those are unanswered.
//! Where a method-1 answer cannot tell which of the new answers is true, it becomes
//! "don't know", so that the report asks the user instead of guessing.

use crate::assessment::{Answer, Assessment};
use crate::en;
use crate::triggers::{truth, AskedAnswers};
use std::borrow::Cow;

use super::{question_index, Sector, Trigger, QUESTIONS};

/// One retired answer and what it means under method 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetiredAnswerMapping {
    pub retired_question: &'static str,
    /// The retired option key (`dont_know` for the unknown answer).
    pub retired_option: &'static str,
    /// New question and the option key it gets (`dont_know` for unknown).
    pub becomes: &'static [(&'static str, &'static str)],
    /// Only when this holds (or might) on the assessment as given.
    pub when: Option<Trigger>,
    /// Why, for the report.
    pub why: &'static str,
}

const DONT_KNOW: &str = "dont_know";

/// Where method 1's "no" to torture or executions may have been given to keep the tool usable
/// for goods that method 2 asks about precisely: security equipment, force, prisons.
const TORTURE_RELEVANT: Trigger = Trigger::AnyOf(&[
    Trigger::SectorIs(Sector::SecurityEquipment),
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "force",
    },
    Trigger::CustomerIs(&["prisons", "law_enforcement"]),
]);

/// In order: the first mapping that gives a successor question its answer wins, so the most
/// specific and the most severe readings come first.
pub const METHOD1_MIGRATIONS: &[RetiredAnswerMapping] = &[
    RetiredAnswerMapping {
        retired_question: "security_equipment.torture_only_goods",
        retired_option: "yes",
        becomes: &[("end_use.torture_goods", "torture_only")],
        when: None,
        why: en("Method 1's pack question on goods with no use but torture is now part of the question every pack asks."),
    },
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: "no",
        becomes: &[("end_use.torture_goods", DONT_KNOW), ("end_use.torture_reason_to_believe", "no")],
        when: Some(TORTURE_RELEVANT),
        why: en("For security equipment, force and police or prison customers, method 2 asks which goods the order includes (banned, licensable or neither): method 1's \"no\" to torture or executions does not answer that, so answer the new question."),
    },
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: "no",
        becomes: &[("end_use.torture_goods", "none"), ("end_use.torture_reason_to_believe", "no")],
        when: None,
        why: en("Method 1's \"no\" to torture or executions means neither such goods nor reason to believe."),
    },
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: "yes",
        becomes: &[("end_use.torture_goods", DONT_KNOW), ("end_use.torture_reason_to_believe", DONT_KNOW)],
        when: None,
        why: en("Method 1 asked one yes/no question about torture or executions; method 2 separates banned goods, goods that need a licence, and reason to believe they would be misused. A \"yes\" could mean any of them: answer the two new questions."),
    },
    RetiredAnswerMapping {
        retired_question: "end_use.torture_or_executions",
        retired_option: DONT_KNOW,
        becomes: &[("end_use.torture_goods", DONT_KNOW), ("end_use.torture_reason_to_believe", DONT_KNOW)],
        when: None,
        why: en("Unknown under method 1, unknown under method 2."),
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: "no",
        becomes: &[("customer.listed_parties", "none_screened"), ("profile.destination_embargo", "none_checked")],
        when: None,
        why: en("Method 1's \"no, checked\" covered both the parties and the destination. Screen again if that check is older than your policy allows, and check sectoral trade restrictions, which method 1 did not ask about."),
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: "related_parties",
        becomes: &[("customer.listed_parties", "related_parties"), ("profile.destination_embargo", DONT_KNOW)],
        when: None,
        why: en("Method 1 asked about sanctions and embargoes together; say whether the destination is under an embargo."),
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: "yes",
        becomes: &[("customer.listed_parties", DONT_KNOW), ("profile.destination_embargo", DONT_KNOW)],
        when: None,
        why: en("Method 1's \"yes\" did not say whether a party is listed or the destination is under an embargo, which method 2 treats differently (an embargo does not forbid humanitarian goods): answer the two new questions."),
    },
    RetiredAnswerMapping {
        retired_question: "customer.sanctions",
        retired_option: DONT_KNOW,
        becomes: &[("customer.listed_parties", DONT_KNOW), ("profile.destination_embargo", DONT_KNOW)],
        when: None,
        why: en("Unknown under method 1, unknown under method 2."),
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

/// The assessment as method 2 reads it, and the mappings that gave an answer: retired answers
/// carried, in table order, into their successors where those are still unanswered.
fn migrate(assessment: &Assessment) -> (Option<Assessment>, Vec<&'static RetiredAnswerMapping>) {
    let mut migrated: Option<Assessment> = None;
    let mut applied = Vec::new();
    for mapping in METHOD1_MIGRATIONS {
        let Some(index) = question_index(mapping.retired_question) else {
            continue;
        };
        let answer = assessment.answers.get(index).copied().unwrap_or_default();
        if answer_key(index, answer) != Some(mapping.retired_option) {
            continue;
        }
        if mapping
            .when
            .is_some_and(|t| !truth(&t, &AskedAnswers::new(assessment), None).possible())
        {
            continue;
        }
        let target = migrated.get_or_insert_with(|| assessment.clone());
        let mut gave = false;
        for (question, key) in mapping.becomes {
            if let Some((i, new)) = answer_for(question, key) {
                if target.answers[i] == Answer::Unanswered {
                    target.answers[i] = new;
                    gave = true;
                }
            }
        }
        if gave {
            applied.push(mapping);
        }
    }
    (migrated.filter(|_| !applied.is_empty()), applied)
}

/// The mappings that give this assessment an answer, in the order they apply.
pub fn applicable_migrations(assessment: &Assessment) -> Vec<&'static RetiredAnswerMapping> {
    migrate(assessment).1
}

/// The assessment as method 2 reads it: retired answers carried into their successors where
/// those are unanswered. Borrowed unchanged when no retired answer applies.
pub fn migrated_answers(assessment: &Assessment) -> Cow<'_, Assessment> {
    read_method1_answers(assessment).0
}

/// Both at once: the assessment as method 2 reads it, and the mappings that gave it answers.
pub fn read_method1_answers(
    assessment: &Assessment,
) -> (Cow<'_, Assessment>, Vec<&'static RetiredAnswerMapping>) {
    let (migrated, applied) = migrate(assessment);
    let read = match migrated {
        Some(migrated) => Cow::Owned(migrated),
        None => Cow::Borrowed(assessment),
    };
    (read, applied)
}
