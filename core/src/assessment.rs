//! The assessment: the user's answers and nothing else. This is the only state of the
//! application; scores, flags and actions are derived from it by `crate::scoring::score`.

use crate::country::country_by_code;
use crate::dates::Day;
use crate::error::AssessmentError;
use crate::error::{ExpectedAnswer, RatingDimension, TextField};
use crate::method::{
    question_index, ContextLevel, Mode, Perspective, QuestionKind, Sector, METHOD_VERSION,
    QUESTIONS, RIGHTS,
};
use crate::record::DecisionRecord;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Longest free text the format accepts, per field, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// An ISO 3166-1 alpha-2 code known to the embedded country table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII uppercase letters, checked in `from_str`.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl FromStr for CountryCode {
    type Err = AssessmentError;
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        let unknown = || AssessmentError::UnknownCountry {
            code: code.to_owned(),
        };
        let country = country_by_code(code.trim()).ok_or_else(unknown)?;
        let bytes = country.alpha2.as_bytes();
        Ok(CountryCode([bytes[0], bytes[1]]))
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Answer {
    /// Not reached yet. Scored like "don't know": an evidence gap.
    #[default]
    Unanswered,
    /// The user said they do not know. An evidence gap, scored as the worst case.
    DontKnow,
    /// Index of the chosen option of a single-choice question.
    Choice(u8),
    /// Bit set of the ticked items of a checklist (empty: none of these).
    Ticked(u32),
    /// The destination country.
    Country(CountryCode),
    /// A calendar day.
    Date(Day),
}

impl Answer {
    pub fn is_gap(&self) -> bool {
        matches!(self, Answer::Unanswered | Answer::DontKnow)
    }
}

/// A rating from 1 (least) to 4 (most); None means "don't know".
pub type Rating = Option<u8>;

/// The assessor's ratings of one right (OECD: scale, scope, irremediable character; likelihood).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImpactRating {
    pub scale: Rating,
    pub scope: Rating,
    pub irremediability: Rating,
    pub likelihood: Rating,
}

impl ImpactRating {
    pub fn dimensions(&self) -> [(RatingDimension, Rating); 4] {
        [
            (RatingDimension::Scale, self.scale),
            (RatingDimension::Scope, self.scope),
            (RatingDimension::Irremediability, self.irremediability),
            (RatingDimension::Likelihood, self.likelihood),
        ]
    }
}

/// What the assessor said about one right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RightStatus {
    /// Not rated: the method's presumption (if any) applies.
    #[default]
    Unrated,
    /// The assessor judged the right not at risk, overriding any presumption.
    NotAtRisk,
    Rated(ImpactRating),
}

/// The user's own judgement of the country context, replacing the indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryOverride {
    pub level: ContextLevel,
    pub reason: String,
}

/// Confidential free text. It is never scored and never leaves the device unless the user
/// knowingly includes it in a link or file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FreeText {
    pub title: String,
    pub customer_name: String,
    /// The socially beneficial purpose: recorded and shown, never offsetting a harm.
    pub beneficial_purpose: String,
    pub notes: String,
}

impl FreeText {
    pub fn fields(&self) -> [(TextField, &str); 4] {
        [
            (TextField::Title, &self.title),
            (TextField::CustomerName, &self.customer_name),
            (TextField::BeneficialPurpose, &self.beneficial_purpose),
            (TextField::Notes, &self.notes),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub method_version: u16,
    pub mode: Mode,
    pub perspective: Perspective,
    pub sector: Sector,
    /// One answer per question of `method::QUESTIONS`, in catalogue order.
    pub answers: Vec<Answer>,
    /// One status per right of `method::RIGHTS`, in order.
    pub rights: Vec<RightStatus>,
    pub country_override: Option<CountryOverride>,
    pub text: FreeText,
    /// The user's note on an answer, by question index: on the embargo question, the reason for
    /// departing from the table of restrictive measures (`crate::pre_answers`), which sets the
    /// table aside; on a question that can raise a prohibited red flag, the evidence behind the
    /// answer (recorded and printed, never scored). Free text: confidential like `text`.
    pub answer_notes: BTreeMap<usize, String>,
    /// What was decided after the recommendation: conditions, the decision and who took it, the
    /// review date (`crate::record`). Never scored. Free text in it is confidential like `text`.
    /// Boxed: most assessments have none, and an assessment is moved about often.
    pub record: Box<DecisionRecord>,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment::new(Mode::QuickScreen, Perspective::OurDeal, Sector::General)
    }
}

impl Assessment {
    pub fn new(mode: Mode, perspective: Perspective, sector: Sector) -> Self {
        Assessment {
            method_version: METHOD_VERSION,
            mode,
            perspective,
            sector,
            answers: vec![Answer::Unanswered; QUESTIONS.len()],
            rights: vec![RightStatus::Unrated; RIGHTS.len()],
            country_override: None,
            text: FreeText::default(),
            answer_notes: BTreeMap::new(),
            record: Box::default(),
        }
    }

    /// The answer to a question by id; `Unanswered` for an id the method does not know.
    pub fn answer(&self, question_id: &str) -> Answer {
        question_index(question_id)
            .and_then(|i| self.answers.get(i).copied())
            .unwrap_or_default()
    }

    /// Set an answer after checking that it fits the question.
    pub fn set_answer(&mut self, question_id: &str, answer: Answer) -> Result<(), AssessmentError> {
        let index =
            question_index(question_id).ok_or_else(|| AssessmentError::UnknownQuestion {
                question: question_id.to_owned(),
            })?;
        check_answer_fits(index, answer)?;
        self.answers[index] = answer;
        Ok(())
    }

    /// Set a single-choice answer by the option's key.
    pub fn choose(&mut self, question_id: &str, choice_key: &str) -> Result<(), AssessmentError> {
        let answer = answer_from_keys(question_id, &[choice_key])?;
        self.set_answer(question_id, answer)
    }

    /// Set a checklist answer by the keys of the ticked items.
    pub fn tick(&mut self, question_id: &str, item_keys: &[&str]) -> Result<(), AssessmentError> {
        let answer = answer_from_keys(question_id, item_keys)?;
        self.set_answer(question_id, answer)
    }

    /// The note on a question's answer, trimmed; None when there is none.
    pub fn answer_note(&self, question_id: &str) -> Option<&str> {
        let index = question_index(question_id)?;
        self.answer_notes
            .get(&index)
            .map(|note| note.trim())
            .filter(|note| !note.is_empty())
    }

    pub fn destination(&self) -> Option<CountryCode> {
        match self.answer("profile.destination") {
            Answer::Country(code) => Some(code),
            _ => None,
        }
    }

    /// Check every invariant the scoring relies on; an error names the first problem.
    pub fn validate(&self) -> Result<(), AssessmentError> {
        if self.method_version == 0 || self.method_version > METHOD_VERSION {
            return Err(AssessmentError::UnknownMethodVersion {
                found: self.method_version,
                newest: METHOD_VERSION,
            });
        }
        if self.answers.len() != QUESTIONS.len() || self.rights.len() != RIGHTS.len() {
            return Err(AssessmentError::WrongFormat {
                found: "answers or rights of the wrong length".to_owned(),
            });
        }
        for (index, answer) in self.answers.iter().enumerate() {
            check_answer_fits(index, *answer)?;
        }
        for (right, status) in RIGHTS.iter().zip(&self.rights) {
            if let RightStatus::Rated(rating) = status {
                for (dimension, value) in rating.dimensions() {
                    if let Some(v) = value {
                        if !(1..=4).contains(&v) {
                            return Err(AssessmentError::RatingOutOfRange {
                                right: right.key().to_owned(),
                                dimension,
                                value: v,
                            });
                        }
                    }
                }
            }
        }
        if let Some(o) = &self.country_override {
            if o.reason.trim().is_empty() {
                return Err(AssessmentError::OverrideWithoutReason);
            }
            if o.reason.chars().count() > MAX_TEXT_CHARS {
                return Err(AssessmentError::TextTooLong {
                    field: TextField::OverrideReason,
                    max_chars: MAX_TEXT_CHARS,
                });
            }
        }
        for (index, note) in &self.answer_notes {
            if *index >= QUESTIONS.len() {
                return Err(AssessmentError::UnknownQuestion {
                    question: format!("#{index}"),
                });
            }
            if note.chars().count() > MAX_TEXT_CHARS {
                return Err(AssessmentError::TextTooLong {
                    field: TextField::AnswerNote,
                    max_chars: MAX_TEXT_CHARS,
                });
            }
        }
        if self
            .record
            .texts()
            .any(|text| text.chars().count() > MAX_TEXT_CHARS)
        {
            return Err(AssessmentError::TextTooLong {
                field: TextField::DecisionRecord,
                max_chars: MAX_TEXT_CHARS,
            });
        }
        for (field, text) in self.text.fields() {
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err(AssessmentError::TextTooLong {
                    field,
                    max_chars: MAX_TEXT_CHARS,
                });
            }
        }
        Ok(())
    }
}

/// Build an answer from option keys: one key for a single choice, any number for a checklist.
pub fn answer_from_keys(question_id: &str, keys: &[&str]) -> Result<Answer, AssessmentError> {
    let index = question_index(question_id).ok_or_else(|| AssessmentError::UnknownQuestion {
        question: question_id.to_owned(),
    })?;
    let question = &QUESTIONS[index];
    let position = |key: &str| {
        question
            .choices()
            .iter()
            .position(|c| c.key == key)
            .ok_or_else(|| AssessmentError::UnknownOption {
                question: question_id.to_owned(),
                option: key.to_owned(),
            })
    };
    match question.kind {
        QuestionKind::Single(_) => match keys {
            [key] => Ok(Answer::Choice(position(key)? as u8)),
            _ => Err(AssessmentError::WrongAnswerKind {
                question: question_id.to_owned(),
                expected: ExpectedAnswer::ExactlyOneOption,
            }),
        },
        QuestionKind::Checklist(_) => {
            let mut bits = 0u32;
            for key in keys {
                bits |= 1 << position(key)?;
            }
            Ok(Answer::Ticked(bits))
        }
        QuestionKind::Country => match keys {
            [code] => Ok(Answer::Country(code.parse()?)),
            _ => Err(AssessmentError::WrongAnswerKind {
                question: question_id.to_owned(),
                expected: ExpectedAnswer::OneCountryCode,
            }),
        },
        QuestionKind::Date => {
            match keys {
                [text] => Day::parse(text).map(Answer::Date).ok_or_else(|| {
                    AssessmentError::WrongAnswerKind {
                        question: question_id.to_owned(),
                        expected: ExpectedAnswer::DateInRange,
                    }
                }),
                _ => Err(AssessmentError::WrongAnswerKind {
                    question: question_id.to_owned(),
                    expected: ExpectedAnswer::OneDate,
                }),
            }
        }
    }
}

fn check_answer_fits(index: usize, answer: Answer) -> Result<(), AssessmentError> {
    let question = &QUESTIONS[index];
    let wrong = |expected| AssessmentError::WrongAnswerKind {
        question: question.id.to_owned(),
        expected,
    };
    match (question.kind, answer) {
        (_, Answer::Unanswered | Answer::DontKnow) => Ok(()),
        (QuestionKind::Single(choices), Answer::Choice(i)) if usize::from(i) < choices.len() => {
            Ok(())
        }
        (QuestionKind::Single(_), _) => Err(wrong(ExpectedAnswer::OneOfItsOptions)),
        (QuestionKind::Checklist(items), Answer::Ticked(bits)) if bits >> items.len() == 0 => {
            Ok(())
        }
        (QuestionKind::Checklist(_), _) => Err(wrong(ExpectedAnswer::ListOfItsItems)),
        (QuestionKind::Country, Answer::Country(_)) => Ok(()),
        (QuestionKind::Country, _) => Err(wrong(ExpectedAnswer::CountryCode)),
        (QuestionKind::Date, Answer::Date(_)) => Ok(()),
        (QuestionKind::Date, _) => Err(wrong(ExpectedAnswer::Date)),
    }
}

/// The answer in words, in the words of a perspective (an outside reviewer's options do not say
/// "we"), as the printed report shows it.
pub fn answer_label_for(question_index: usize, answer: Answer, perspective: Perspective) -> String {
    match (QUESTIONS.get(question_index), answer) {
        (Some(question), Answer::Choice(i)) => match question.choices().get(usize::from(i)) {
            Some(choice) => question
                .option_label_for(choice.key, perspective)
                .to_owned(),
            None => answer_label(question_index, answer),
        },
        _ => answer_label(question_index, answer),
    }
}

/// The answer in words, as the report and the comparison show it.
pub fn answer_label(question_index: usize, answer: Answer) -> String {
    let Some(question) = QUESTIONS.get(question_index) else {
        return String::new();
    };
    match (question.kind, answer) {
        (_, Answer::Unanswered) => "Not answered".to_owned(),
        (_, Answer::DontKnow) => "Don't know".to_owned(),
        (QuestionKind::Single(choices), Answer::Choice(i)) => choices
            .get(usize::from(i))
            .map_or_else(|| "Not answered".to_owned(), |c| c.label.to_owned()),
        (QuestionKind::Checklist(items), Answer::Ticked(bits)) => {
            let ticked: Vec<&str> = items
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, c)| c.label)
                .collect();
            if ticked.is_empty() {
                "None of these".to_owned()
            } else {
                ticked.join("; ")
            }
        }
        (QuestionKind::Country, Answer::Country(code)) => {
            country_by_code(code.as_str()).map_or_else(|| code.to_string(), |c| c.name.clone())
        }
        (QuestionKind::Date, Answer::Date(day)) => day.to_string(),
        _ => "Not answered".to_owned(),
    }
}
