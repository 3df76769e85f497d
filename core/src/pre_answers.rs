//! Answers the calculator gives from its embedded data before the user does: today, the embargo
//! question, pre-answered from the table of restrictive measures on the destination for the deal
//! at hand. Owns the reading of each row for this deal, the presumed answer, and how the user's
//! own answer relates to it (agrees, differs, or overrides it with a reason).
//!
//! The rule that keeps this safe: the table may answer for the user, but it never makes a known
//! answer more permissive. The rules read the table's measures beside the user's own answer
//! (either raises a flag); only a written reason sets the table aside (METHODOLOGY.md,
//! "Restrictive measures on the destination").

use crate::assessment::{Answer, Assessment};
use crate::method::{
    question_index, EMBARGO_QUESTION, END_USER_UNKNOWN_TYPES, LEAST_VERIFICATION_TO_SETTLE,
    MEASURE_ANSWERS, NO_MEASURE_ANSWER, QUESTIONS, STATE_CUSTOMER_TYPES,
};
use crate::restrictive_measures::{measures_on, Measure, MeasureScope, TABLE_AS_OF};
use crate::triggers::{asked_answer, AskedAnswers};
use std::borrow::Cow;

/// What one row means for this deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowReading {
    /// The measure covers this deal's end user.
    Covers,
    /// The end user is the state, which this measure exempts (often subject to a notification
    /// or an authorisation): the table cannot settle the answer.
    StateExempt,
    /// The measure covers listed persons and entities only: the sanctions screening answers it.
    ListedPartiesOnly,
    /// The table cannot tell whether the measure covers this deal.
    Unsettled(Unsettled),
}

/// Why the table cannot settle a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsettled {
    /// The row is not verified (a renewal lapsed or sources conflict).
    NotVerified,
    /// The measure covers part of the territory only.
    Region,
    /// Whether the end user is the state (which the measure exempts) is not known.
    EndUserUnknown,
}

/// A row of the table on the destination, read for this deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureOnDestination {
    pub measure: &'static Measure,
    pub reading: RowReading,
}

/// How the user's answer relates to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreAnswerStatus {
    /// The user did not answer; the table's answer is used.
    Presumed,
    /// The user's answer is one the table gives.
    Agrees,
    /// The user's answer differs from the table's and gives no reason: the measures the table
    /// lists still count, beside the user's answer.
    Differs,
    /// The user's answer differs from the table's and comes with a reason: the user's answer
    /// alone counts, and the report shows both.
    Overridden,
    /// The table cannot settle the answer (unverified, regional or exempting rows): the user's
    /// answer is used as given, and an unanswered question stays open.
    NotSettled,
}

/// The table's reading of the destination for this deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasuresReading {
    /// ISO alpha-2 of the destination.
    pub destination: String,
    /// The rows on the destination, in table order (none: the table lists no measure).
    pub rows: Vec<MeasureOnDestination>,
    /// The answers the table stands for, when it can settle the question: one per kind of
    /// measure that covers the deal, or [`NO_MEASURE_ANSWER`] alone.
    pub table_answers: Vec<&'static str>,
    pub status: PreAnswerStatus,
    /// The user's reason for departing from the table.
    pub reason: Option<String>,
    /// The table's "as of" date.
    pub table_as_of: &'static str,
}

/// What the table says about the destination for this deal: its rows, read for this deal, and
/// the answers it stands for (empty when it cannot settle the question). None when the
/// destination is unknown.
fn table_reading(
    assessment: &Assessment,
) -> Option<(Vec<MeasureOnDestination>, Vec<&'static str>)> {
    let destination = assessment.destination()?;
    let rows: Vec<MeasureOnDestination> = measures_on(destination.as_str())
        .map(|measure| MeasureOnDestination {
            measure,
            reading: read_row(assessment, measure),
        })
        .collect();
    Some((rows, table_answers(assessment)?))
}

/// The answers the table stands for, in [`MEASURE_ANSWERS`] order, without keeping the rows:
/// the rules ask this on every score, so it allocates only its short result.
fn table_answers(assessment: &Assessment) -> Option<Vec<&'static str>> {
    let destination = assessment.destination()?;
    let mut answers: Vec<&'static str> = Vec::new();
    let mut cannot_settle = false;
    for measure in measures_on(destination.as_str()) {
        match read_row(assessment, measure) {
            RowReading::Covers => {
                let key = MEASURE_ANSWERS
                    .iter()
                    .find(|(regime, _)| *regime == measure.regime)
                    .map_or(NO_MEASURE_ANSWER, |(_, key)| key);
                if !answers.contains(&key) {
                    answers.push(key);
                }
            }
            RowReading::Unsettled(_) | RowReading::StateExempt => cannot_settle = true,
            RowReading::ListedPartiesOnly => {}
        }
    }
    answers.sort_by_key(|key| MEASURE_ANSWERS.iter().position(|(_, k)| k == key));
    if answers.is_empty() && !cannot_settle {
        answers.push(NO_MEASURE_ANSWER);
    }
    Some(answers)
}

/// Whether the user answered the question and gave a reason, which sets the table aside.
fn overridden(assessment: &Assessment, index: usize) -> bool {
    assessment.answers[index] != Answer::Unanswered
        && assessment.answer_note(EMBARGO_QUESTION).is_some()
}

/// The answers the table stands for, for the rules to read beside the user's own answer to the
/// embargo question (either one raises a flag); None when the user set the table aside with a
/// reason, or the destination is unknown. Read once per score by `crate::triggers`.
pub fn table_answers_for_rules(assessment: &Assessment) -> Option<Vec<&'static str>> {
    let index = question_index(EMBARGO_QUESTION)?;
    if overridden(assessment, index) {
        return None;
    }
    table_answers(assessment)
}

/// The answer of the embargo question that the element score counts: the user's, or the table's
/// answer that weighs most when the table says more (unless a reason set the table aside), so
/// that an answer never makes the score say less than the table, as for the red flags.
pub fn scored_embargo_answer(assessment: &Assessment, answer: Answer) -> Answer {
    let Some(index) = question_index(EMBARGO_QUESTION) else {
        return answer;
    };
    if answer.is_gap() || overridden(assessment, index) {
        return answer;
    }
    let choices = QUESTIONS[index].choices();
    let points = |a: Answer| match a {
        Answer::Choice(i) => choices.get(usize::from(i)).map_or(0, |c| c.points),
        _ => 0,
    };
    table_answers(assessment)
        .unwrap_or_default()
        .into_iter()
        .map(|key| Answer::Choice(option_index(index, key)))
        .chain(std::iter::once(answer))
        .max_by_key(|a| points(*a))
        .unwrap_or(answer)
}

/// The assessment as the scoring reads it, with the table's answer in place of an unanswered
/// embargo question, and what the table says about the destination (None when the destination
/// is unknown).
pub fn apply_pre_answers(
    assessment: &Assessment,
) -> (Cow<'_, Assessment>, Option<MeasuresReading>) {
    let (Some((rows, table_answers)), Some(index)) =
        (table_reading(assessment), question_index(EMBARGO_QUESTION))
    else {
        return (Cow::Borrowed(assessment), None);
    };
    let explicit = assessment.answers[index];
    let chosen_key = match explicit {
        Answer::Choice(choice) => QUESTIONS[index]
            .choices()
            .get(usize::from(choice))
            .map(|c| c.key),
        _ => None,
    };
    let status = match (table_answers.first(), explicit) {
        (None, _) => PreAnswerStatus::NotSettled,
        (Some(_), Answer::Unanswered) => PreAnswerStatus::Presumed,
        (Some(_), _) if overridden(assessment, index) => PreAnswerStatus::Overridden,
        (Some(_), _) if chosen_key.is_some_and(|key| table_answers.contains(&key)) => {
            PreAnswerStatus::Agrees
        }
        (Some(_), _) => PreAnswerStatus::Differs,
    };
    let reason = assessment.answer_note(EMBARGO_QUESTION).map(str::to_owned);
    let presumed = (status == PreAnswerStatus::Presumed)
        .then(|| table_answers.first().copied())
        .flatten();
    let reading = MeasuresReading {
        destination: assessment
            .destination()
            .map_or(String::new(), |d| d.as_str().to_owned()),
        rows,
        table_answers,
        status,
        reason: reason.filter(|_| explicit != Answer::Unanswered),
        table_as_of: TABLE_AS_OF,
    };
    match presumed {
        Some(key) => {
            let mut changed = assessment.clone();
            changed.answers[index] = Answer::Choice(option_index(index, key));
            (Cow::Owned(changed), Some(reading))
        }
        None => (Cow::Borrowed(assessment), Some(reading)),
    }
}

/// The position of an option of a single-choice question. The keys come from the method's own
/// tables, which a test checks against the question.
fn option_index(question: usize, key: &str) -> u8 {
    QUESTIONS[question]
        .choices()
        .iter()
        .position(|c| c.key == key)
        .unwrap_or(0) as u8
}

fn read_row(assessment: &Assessment, measure: &'static Measure) -> RowReading {
    if measure.verification < LEAST_VERIFICATION_TO_SETTLE {
        return RowReading::Unsettled(Unsettled::NotVerified);
    }
    match measure.scope {
        MeasureScope::WholeCountry => RowReading::Covers,
        MeasureScope::ListedPartiesOnly => RowReading::ListedPartiesOnly,
        MeasureScope::Region => RowReading::Unsettled(Unsettled::Region),
        MeasureScope::ExceptState => match end_user_type(assessment) {
            Some(kind) if STATE_CUSTOMER_TYPES.contains(&kind) => RowReading::StateExempt,
            Some(_) => RowReading::Covers,
            None => RowReading::Unsettled(Unsettled::EndUserUnknown),
        },
    }
}

/// The end user's type: the end-user question when it is asked and names another party, the
/// buyer's type otherwise; None when unknown (or a reseller whose customers are not named).
fn end_user_type(assessment: &Assessment) -> Option<&'static str> {
    let answers = AskedAnswers::new(assessment);
    let key = |question: &str| match asked_answer(&answers, question)? {
        (index, Answer::Choice(choice)) => QUESTIONS[index]
            .choices()
            .get(usize::from(choice))
            .map(|c| c.key),
        _ => None,
    };
    let end_user_asked = asked_answer(&answers, "customer.end_user_type").is_some();
    let kind = if end_user_asked {
        match key("customer.end_user_type")? {
            "same_as_customer" => key("profile.customer_type")?,
            other => other,
        }
    } else {
        key("profile.customer_type")?
    };
    (!END_USER_UNKNOWN_TYPES.contains(&kind)).then_some(kind)
}
