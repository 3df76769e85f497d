//! Three-valued evaluation of the method's triggers against an assessment: a condition holds,
//! does not hold, or cannot be told because an answer it depends on is unknown. The method never
//! reads an unknown as "no": an unknown that could raise a red flag shows as a possible red flag
//! (METHODOLOGY.md, "Evidence gaps").

use crate::assessment::{Answer, Assessment};
use crate::country::country_by_code;
use crate::method::{
    question_index, ContextLevel, Trigger, EMBARGO_QUESTION, QUESTIONS, WORST_SHARE_PERCENT,
};
use crate::pre_answers::table_says;

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

/// The answer to an asked question, or `None` when the question is not asked in this assessment
/// (another mode, a pack that does not apply, or retired).
pub fn asked_answer(assessment: &Assessment, question_id: &str) -> Option<(usize, Answer)> {
    let index = question_index(question_id)?;
    QUESTIONS[index].is_asked(assessment).then(|| {
        (
            index,
            assessment.answers.get(index).copied().unwrap_or_default(),
        )
    })
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
pub fn truth(trigger: &Trigger, assessment: &Assessment, context: Option<ContextLevels>) -> Truth {
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
                Some(code) => {
                    match country_by_code(code.as_str()).and_then(|c| c.specific_rank(*indicator)) {
                        Some(rank) if rank < WORST_SHARE_PERCENT => Truth::Yes,
                        _ => Truth::No,
                    }
                }
            }
        }
        Trigger::CountryContextMayReach(level) => match context {
            None => Truth::Unknown,
            Some(c) if c.widened >= *level => Truth::Yes,
            Some(_) => Truth::No,
        },
        // An unknown answer (not answered, "don't know", or one that does not fit) is unknown.
        Trigger::AnswerIs { question, choices } => {
            let given = match asked_answer(assessment, question) {
                None => Truth::No,
                Some((index, Answer::Choice(i))) => {
                    match QUESTIONS[index].choices().get(usize::from(i)) {
                        Some(c) if choices.contains(&c.key) => Truth::Yes,
                        Some(_) => Truth::No,
                        None => Truth::Unknown,
                    }
                }
                Some(_) => Truth::Unknown,
            };
            // The table of restrictive measures counts beside the user's answer to the embargo
            // question, so that no answer can make it say less (`crate::pre_answers`).
            if *question == EMBARGO_QUESTION && table_says(assessment, choices) {
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
                    .position(|c| c.key == *item)
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
