//! Three-valued evaluation of the method's triggers against an assessment: a condition holds,
//! does not hold, or cannot be told because an answer it depends on is unknown. The method never
//! reads an unknown as "no": an unknown that could raise a red flag shows as a possible red flag
//! (METHODOLOGY.md, "Evidence gaps").

use crate::assessment::{Answer, Assessment};
use crate::country::{country_by_code, Country};
use crate::method::{
    question_index, ContextLevel, Sector, Trigger, EMBARGO_QUESTION, QUESTIONS, WORST_SHARE_PERCENT,
};
use crate::pre_answers::table_answers_for_rules;
use std::cell::{Cell, OnceCell};
use std::sync::OnceLock;

/// Whether a condition holds. Ordered so that `max` is "at least as alarming".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Truth {
    No,
    Unknown,
    Yes,
}

impl Truth {
    /// Kleene conjunction: no if any part is no, yes if every part is yes, else unknown.
    fn and(self, other: Truth) -> Truth {
        self.min(other)
    }
    /// Kleene disjunction: yes if any part is yes, no if every part is no, else unknown.
    fn or(self, other: Truth) -> Truth {
        self.max(other)
    }
    /// Holds or might hold: what a conservative reading acts on.
    pub fn possible(self) -> bool {
        self != Truth::No
    }
}

/// An assessment with, worked out once and only as the rules need it, which of its questions
/// are asked and which sector packs apply. Whether a question is asked depends on other answers
/// (its pack, its `asked_when` condition), and the rules read a question's answer only where it
/// is asked: without this memo a score worked the same conditions out thousands of times
/// (docs/PERFORMANCE.md). It reads as the assessment itself (`Deref`).
pub struct AskedAnswers<'a> {
    assessment: &'a Assessment,
    /// Bit i: question i's applicability is worked out; then `applies` holds it.
    settled: Cell<u128>,
    /// Bit i: question i belongs to no pack or to one that applies, is not retired and its
    /// `asked_when` holds or might, whatever the mode (`Question::asked_in_full_assessment`).
    applies: Cell<u128>,
    /// Per pack (in `Sector::ALL` order): not yet worked out, or its relevance.
    packs: [Cell<Option<Option<Truth>>>; Sector::ALL.len()],
    /// What the table of restrictive measures says for the embargo question
    /// (`crate::pre_answers::table_answers_for_rules`).
    embargo_table: OnceCell<Option<Vec<&'static str>>>,
    /// The destination's country data, when the destination is known and has data.
    destination: OnceCell<Option<&'static Country>>,
}

// Every question has its bit in the memo.
const _: () = assert!(QUESTIONS.len() <= 128);

impl<'a> AskedAnswers<'a> {
    pub fn new(assessment: &'a Assessment) -> Self {
        AskedAnswers {
            assessment,
            settled: Cell::new(0),
            applies: Cell::new(0),
            packs: Default::default(),
            embargo_table: OnceCell::new(),
            destination: OnceCell::new(),
        }
    }

    pub fn assessment(&self) -> &'a Assessment {
        self.assessment
    }

    /// Whether a full assessment of these answers asks question `index` (whatever the mode).
    pub fn applies(&self, index: usize) -> bool {
        let bit = 1u128 << index;
        if self.settled.get() & bit == 0 {
            let applies = QUESTIONS[index].applies_given(self);
            self.settled.set(self.settled.get() | bit);
            if applies {
                self.applies.set(self.applies.get() | bit);
            }
        }
        self.applies.get() & bit != 0
    }

    /// Whether question `index` is asked in this assessment (its mode too).
    pub fn is_asked(&self, index: usize) -> bool {
        QUESTIONS[index].mode_fits(self.assessment) && self.applies(index)
    }

    /// Why a pack other than the chosen one applies: see [`crate::method::pack_relevance`].
    pub fn pack_relevance(&self, pack: Sector) -> Option<Truth> {
        if pack == self.assessment.sector {
            return Some(Truth::Yes);
        }
        let memo = &self.packs[pack as usize];
        if let Some(relevance) = memo.get() {
            return relevance;
        }
        let relevance = match truth(&pack.relevant_when(), self, None) {
            Truth::No => None,
            other => Some(other),
        };
        memo.set(Some(relevance));
        relevance
    }
}

impl AskedAnswers<'_> {
    /// Whether the table of restrictive measures says that one of `choices` holds for the
    /// embargo question.
    fn embargo_table_says(&self, choices: &[&str]) -> bool {
        self.embargo_table
            .get_or_init(|| table_answers_for_rules(self.assessment))
            .as_ref()
            .is_some_and(|answers| answers.iter().any(|key| choices.contains(key)))
    }

    fn destination_country(&self) -> Option<&'static Country> {
        *self.destination.get_or_init(|| {
            self.assessment
                .destination()
                .and_then(|code| country_by_code(code.as_str()))
        })
    }
}

impl std::ops::Deref for AskedAnswers<'_> {
    type Target = Assessment;
    fn deref(&self) -> &Assessment {
        self.assessment
    }
}

/// The answer to an asked question, or `None` when the question is not asked in this assessment
/// (another mode, a pack that does not apply, or retired).
pub fn asked_answer(answers: &AskedAnswers, question_id: &str) -> Option<(usize, Answer)> {
    let index = question_index(question_id)?;
    answers.is_asked(index).then(|| {
        (
            index,
            answers.answers.get(index).copied().unwrap_or_default(),
        )
    })
}

/// The position of the embargo question, looked up once.
fn embargo_question_index() -> Option<usize> {
    static INDEX: OnceLock<Option<usize>> = OnceLock::new();
    *INDEX.get_or_init(|| question_index(EMBARGO_QUESTION))
}

/// Whether two ids are the same. The method's tables name questions and options by the same
/// string constants, which usually share one address: compared by address first, by content
/// only when the addresses differ.
pub fn same_id(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// The destination's context as the rules read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextLevels {
    /// The level of the index (or of an override that raises it).
    pub plain: ContextLevel,
    /// The level the index may reach within its margin (or an override that raises it).
    pub widened: ContextLevel,
}

/// The question that says who the end user is, when it is not the buyer.
const END_USER_TYPE: &str = "customer.end_user_type";
const BUYER_TYPE: &str = "profile.customer_type";
/// The option of [`END_USER_TYPE`] that defers to the buyer's type.
const SAME_AS_CUSTOMER: &str = "same_as_customer";

/// Evaluate a trigger. `context` is the destination's context, or `None` when the destination
/// is unknown.
pub fn truth(
    trigger: &Trigger,
    assessment: &AskedAnswers,
    context: Option<ContextLevels>,
) -> Truth {
    match trigger {
        Trigger::CustomerIs(choices) => {
            let buyer = truth(
                &Trigger::AnswerIs {
                    question: BUYER_TYPE,
                    choices,
                },
                assessment,
                context,
            );
            // "The end user is the customer itself" is never among the choices, so that answer
            // reads as "no" here and the buyer's type decides.
            debug_assert!(!choices.contains(&SAME_AS_CUSTOMER));
            let end_user = truth(
                &Trigger::AnswerIs {
                    question: END_USER_TYPE,
                    choices,
                },
                assessment,
                context,
            );
            buyer.or(end_user)
        }
        Trigger::DestinationAmongWorst(indicator) => {
            // The assessor's override raises this reading; it never clears what the data show.
            let raised = assessment
                .country_override
                .as_ref()
                .is_some_and(|o| !o.reason.trim().is_empty() && o.level >= ContextLevel::High);
            match assessment.destination() {
                _ if raised => Truth::Yes,
                // Unknown destination: unknown, unless the caller reads it as low risk (the
                // known-facts evaluation passes a context for that).
                None if context.is_some() => Truth::No,
                None => Truth::Unknown,
                Some(_) => match assessment
                    .destination_country()
                    .and_then(|c| c.specific_rank(*indicator))
                {
                    Some(rank) if rank < WORST_SHARE_PERCENT => Truth::Yes,
                    _ => Truth::No,
                },
            }
        }
        Trigger::CountryContextMayReach(level) => match context {
            None => Truth::Unknown,
            Some(c) if c.widened >= *level => Truth::Yes,
            Some(_) => Truth::No,
        },
        // An unknown answer (not answered, "don't know", or one that does not fit) is unknown.
        Trigger::AnswerIs { question, choices } => {
            let Some(index) = question_index(question) else {
                return Truth::No;
            };
            let given = if !assessment.is_asked(index) {
                Truth::No
            } else {
                match assessment.answers.get(index).copied().unwrap_or_default() {
                    Answer::Choice(i) => match QUESTIONS[index].choices().get(usize::from(i)) {
                        Some(c) if choices.iter().any(|key| same_id(key, c.key)) => Truth::Yes,
                        Some(_) => Truth::No,
                        None => Truth::Unknown,
                    },
                    _ => Truth::Unknown,
                }
            };
            // The table of restrictive measures counts beside the user's answer to the embargo
            // question, so that no answer can make it say less (`crate::pre_answers`).
            if Some(index) == embargo_question_index() && assessment.embargo_table_says(choices) {
                Truth::Yes
            } else {
                given
            }
        }
        Trigger::Ticked { question, item } => match asked_answer(assessment, question) {
            None => Truth::No,
            Some((index, Answer::Ticked(bits))) => {
                match QUESTIONS[index]
                    .choices()
                    .iter()
                    .position(|c| same_id(c.key, item))
                {
                    Some(bit) if bits & (1 << bit) != 0 => Truth::Yes,
                    Some(_) => Truth::No,
                    None => Truth::Unknown,
                }
            }
            Some(_) => Truth::Unknown,
        },
        Trigger::SectorIs(sector) => {
            if assessment.sector == *sector {
                Truth::Yes
            } else {
                Truth::No
            }
        }
        Trigger::CountryContextAtLeast(level) => match context {
            None => Truth::Unknown,
            Some(c) if c.plain >= *level => Truth::Yes,
            Some(_) => Truth::No,
        },
        Trigger::AllOf(all) => all
            .iter()
            .fold(Truth::Yes, |acc, t| acc.and(truth(t, assessment, context))),
        Trigger::AnyOf(any) => any
            .iter()
            .fold(Truth::No, |acc, t| acc.or(truth(t, assessment, context))),
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{self, No, Unknown, Yes};

    #[test]
    fn ids_are_the_same_by_content_whatever_their_address() {
        let owned = String::from("section.question");
        assert!(super::same_id("section.question", &owned));
        assert!(super::same_id(&owned, &owned));
        assert!(!super::same_id("section.question", "section.questions"));
        assert!(!super::same_id("section.question", "section.questiom"));
        assert!(!super::same_id(&owned[..7], &owned[..8]));
    }

    #[test]
    fn kleene_tables() {
        let table: [(Truth, Truth, Truth, Truth); 6] = [
            (Yes, Yes, Yes, Yes),
            (Yes, No, No, Yes),
            (Yes, Unknown, Unknown, Yes),
            (No, No, No, No),
            (No, Unknown, No, Unknown),
            (Unknown, Unknown, Unknown, Unknown),
        ];
        for (a, b, and, or) in table {
            assert_eq!(a.and(b), and, "{a:?} and {b:?}");
            assert_eq!(b.and(a), and, "{b:?} and {a:?}");
            assert_eq!(a.or(b), or, "{a:?} or {b:?}");
            assert_eq!(b.or(a), or, "{b:?} or {a:?}");
        }
        assert!(Unknown.possible() && Yes.possible() && !No.possible());
    }
}
