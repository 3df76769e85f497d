//! Typed errors of the core. Each variant reads as a plain sentence, because the web layer shows
//! `Display` to the user as it is.

use std::fmt;

/// Everything that can be wrong with an assessment handed to the core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessmentError {
    /// The assessment was made with a method version this build does not know.
    UnknownMethodVersion { found: u16, newest: u16 },
    /// An answer names a question that the method does not have.
    UnknownQuestion { question: String },
    /// An answer names an option that the question does not offer.
    UnknownOption { question: String, option: String },
    /// The answer's shape does not fit the question (a list for a single choice, and so on).
    WrongAnswerKind {
        question: String,
        expected: &'static str,
    },
    /// A country code that is not in the embedded ISO 3166 table.
    UnknownCountry { code: String },
    /// A right that the method does not list.
    UnknownRight { right: String },
    /// A rating outside 1 to 4.
    RatingOutOfRange {
        right: String,
        dimension: &'static str,
        value: u8,
    },
    /// A field that must be one of a fixed set of words holds something else.
    UnknownValue { field: &'static str, value: String },
    /// An override of the country context must say why.
    OverrideWithoutReason,
    /// Free text longer than the format allows.
    TextTooLong {
        field: &'static str,
        max_chars: usize,
    },
    /// The document is not an assessment of this format at all.
    WrongFormat { found: String },
    /// The format version is newer than this build understands.
    UnsupportedFormatVersion { found: u32, newest: u32 },
}

impl fmt::Display for AssessmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownMethodVersion { found, newest } => write!(
                f,
                "This assessment uses method version {found}, but this calculator knows versions up to {newest}. Open it in a newer version of the calculator."
            ),
            Self::UnknownQuestion { question } => {
                write!(f, "The assessment answers a question this method does not have: \"{question}\".")
            }
            Self::UnknownOption { question, option } => write!(
                f,
                "The answer \"{option}\" is not one of the options of question \"{question}\"."
            ),
            Self::WrongAnswerKind { question, expected } => {
                write!(f, "Question \"{question}\" expects {expected}.")
            }
            Self::UnknownCountry { code } => {
                write!(f, "\"{code}\" is not a country code this calculator knows (use ISO 3166-1 alpha-2, such as \"KE\").")
            }
            Self::UnknownRight { right } => write!(f, "\"{right}\" is not a right this method lists."),
            Self::RatingOutOfRange { right, dimension, value } => write!(
                f,
                "The {dimension} rating of \"{right}\" is {value}; ratings go from 1 to 4."
            ),
            Self::UnknownValue { field, value } => write!(f, "\"{value}\" is not a valid value for {field}."),
            Self::OverrideWithoutReason => {
                write!(f, "An override of the country context needs a reason, so that readers of the report can judge it.")
            }
            Self::TextTooLong { field, max_chars } => {
                write!(f, "The {field} is longer than {max_chars} characters.")
            }
            Self::WrongFormat { found } => write!(
                f,
                "This is not an assessment file of this calculator (its format field says \"{found}\")."
            ),
            Self::UnsupportedFormatVersion { found, newest } => write!(
                f,
                "This file uses format version {found}, but this calculator reads versions up to {newest}. Open it in a newer version of the calculator."
            ),
        }
    }
}

impl std::error::Error for AssessmentError {}
