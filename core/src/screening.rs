//! The record of a sanctions screening (which lists, on which day, with what result) and what it
//! lets the listed-parties answer say, under the organisation's policy. A "no" to "is a party on a
//! sanctions list?" counts only once the parties were screened against at least one list and
//! against every list the organisation requires; otherwise the answer is read as unknown, and the
//! know-your-customer gate keeps the decision blocked until the screening is complete (US BIS
//! know-your-customer guidance: do not self-blind; METHODOLOGY.md 4.8).

use crate::assessment::{Answer, Assessment};
use crate::dates::Day;
use crate::error::AssessmentError;
use crate::method::{question_index, SCREENING_CLEARING_ANSWERS, SCREENING_LIST_ITEMS};
use crate::triggers::{asked_answer, AskedAnswers};
use std::borrow::Cow;

const LISTED_PARTIES: &str = "customer.listed_parties";
const SCREENING_LISTS: &str = "customer.screening_lists";
const SCREENING_DATE: &str = "customer.screening_date";

/// What an organisation requires of every assessment beyond the method, from its settings file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Policy {
    /// Keys of `SCREENING_LIST_ITEMS` every party must be screened against.
    pub required_screening_lists: Vec<&'static str>,
}

impl Policy {
    /// A policy from list keys as a settings file names them; an unknown key is an error that
    /// names it (a typo must not silently drop a requirement).
    pub fn with_required_lists<S: AsRef<str>>(keys: &[S]) -> Result<Policy, AssessmentError> {
        let mut required = Vec::new();
        for key in keys {
            let item = SCREENING_LIST_ITEMS
                .iter()
                .find(|c| c.key == key.as_ref())
                .ok_or_else(|| AssessmentError::UnknownValue {
                    field: crate::error::ValueField::RequiredScreeningList,
                    value: key.as_ref().to_owned(),
                })?;
            if !required.contains(&item.key) {
                required.push(item.key);
            }
        }
        Ok(Policy {
            required_screening_lists: required,
        })
    }
}

/// The screening as recorded, and whether it supports the listed-parties answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningReading {
    /// The lists ticked (keys), in the method's order.
    pub lists: Vec<&'static str>,
    /// Lists the organisation requires that are not ticked.
    pub missing_required: Vec<&'static str>,
    /// The day of the screening, when recorded.
    pub date: Option<Day>,
    /// The answer "no party is listed" was given without the screening to support it (no list,
    /// or a required list missing): it is read as unknown.
    pub answer_set_aside: bool,
}

/// The assessment as the scoring reads it under the policy, and the screening record (None when
/// the screening questions are not asked).
pub fn apply_screening<'a>(
    assessment: &'a Assessment,
    policy: &Policy,
) -> (Cow<'a, Assessment>, Option<ScreeningReading>) {
    let answers = AskedAnswers::new(assessment);
    let Some((_, lists_answer)) = asked_answer(&answers, SCREENING_LISTS) else {
        return (Cow::Borrowed(assessment), None);
    };
    let lists: Vec<&'static str> = match lists_answer {
        Answer::Ticked(bits) => SCREENING_LIST_ITEMS
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, c)| c.key)
            .collect(),
        _ => Vec::new(),
    };
    let missing_required: Vec<&'static str> = policy
        .required_screening_lists
        .iter()
        .copied()
        .filter(|key| !lists.contains(key))
        .collect();
    let date = match asked_answer(&answers, SCREENING_DATE) {
        Some((_, Answer::Date(day))) => Some(day),
        _ => None,
    };
    let lists_known = !lists_answer.is_gap();
    let clearing = match asked_answer(&answers, LISTED_PARTIES) {
        Some((index, Answer::Choice(choice))) => crate::method::QUESTIONS[index]
            .choices()
            .get(usize::from(choice))
            .is_some_and(|c| SCREENING_CLEARING_ANSWERS.contains(&c.key)),
        _ => false,
    };
    // Only an answer that clears the deal needs the screening behind it; "a party is listed"
    // stands whatever lists were searched.
    let answer_set_aside =
        clearing && lists_known && (lists.is_empty() || !missing_required.is_empty());
    let reading = ScreeningReading {
        lists,
        missing_required,
        date,
        answer_set_aside,
    };
    if answer_set_aside {
        let mut changed = assessment.clone();
        if let Some(index) = question_index(LISTED_PARTIES) {
            changed.answers[index] = Answer::DontKnow;
        }
        (Cow::Owned(changed), Some(reading))
    } else {
        (Cow::Borrowed(assessment), Some(reading))
    }
}
