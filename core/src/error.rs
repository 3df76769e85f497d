//! Typed errors of the core, and the typed words they name (what an answer should be, which
//! field, which rating). `Display` says them in English for the command line and the logs; the
//! screens say them in the reader's language from the catalogues (`error-…` keys).

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
        expected: ExpectedAnswer,
    },
    /// A country code that is not in the embedded ISO 3166 table.
    UnknownCountry { code: String },
    /// A right that the method does not list.
    UnknownRight { right: String },
    /// A rating outside 1 to 4.
    RatingOutOfRange {
        right: String,
        dimension: RatingDimension,
        value: u8,
    },
    /// A field that must be one of a fixed set of words holds something else.
    UnknownValue { field: ValueField, value: String },
    /// An override of the country context must say why.
    OverrideWithoutReason,
    /// Free text longer than the format allows.
    TextTooLong { field: TextField, max_chars: usize },
    /// The document is not an assessment of this format at all.
    WrongFormat { found: String },
    /// The format version is newer than this build understands.
    UnsupportedFormatVersion { found: u32, newest: u32 },
}

/// Declares an enum of words an error names, with its key (the catalogue's `<prefix>-<key>`)
/// and its English.
macro_rules! error_words {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, { $($variant:ident => $key:literal, $english:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The catalogue key prefix of these words.
            pub const CATALOGUE_PREFIX: &'static str = $prefix;

            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            pub fn english(self) -> &'static str {
                match self {
                    $($name::$variant => crate::en($english),)+
                }
            }
        }
    };
}

error_words!(
    /// What an answer should be, for a question it does not fit.
    ExpectedAnswer, "error-expected", {
        OneOfItsOptions => "one_of_its_options", "one of its options";
        ListOfItsItems => "list_of_its_items", "a list of its items";
        CountryCode => "country_code", "a country code";
        Date => "date", "a date";
        ExactlyOneOption => "exactly_one_option", "exactly one option";
        OneCountryCode => "one_country_code", "one country code";
        DateInRange => "date_in_range", "a date written YYYY-MM-DD, between 1990 and 2199";
        OneDate => "one_date", "one date";
        SingleValue => "single_value", "a single value, not a list";
    }
);

error_words!(
    /// A field of the file that must hold one of a fixed set of words.
    ValueField, "error-field", {
        Mode => "mode", "mode";
        Perspective => "perspective", "perspective";
        Sector => "sector", "sector";
        RightStatus => "right_status", "a right's status";
        ContextLevel => "context_level", "country context level";
        ExpectedOutcome => "expected_outcome", "expected_outcome";
        RequiredScreeningList => "required_screening_list", "required screening list";
        Action => "action", "action";
        Decision => "decision", "decision";
        ConditionStatus => "condition_status", "condition status";
        RecordDate => "record_date", "date in the decision record (YYYY-MM-DD)";
    }
);

error_words!(
    /// A free-text field of an assessment.
    TextField, "error-text", {
        Title => "title", "title";
        CustomerName => "customer_name", "customer name";
        BeneficialPurpose => "beneficial_purpose", "beneficial purpose";
        Notes => "notes", "notes";
        OverrideReason => "override_reason", "override reason";
        AnswerNote => "answer_note", "note on an answer";
        DecisionRecord => "decision_record", "text of the decision record";
    }
);

error_words!(
    /// A dimension of a right's rating.
    RatingDimension, "error-dimension", {
        Scale => "scale", "scale";
        Scope => "scope", "scope";
        Irremediability => "irremediability", "irremediability";
        Likelihood => "likelihood", "likelihood";
    }
);

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
                write!(f, "Question \"{question}\" expects {}.", expected.english())
            }
            Self::UnknownCountry { code } => {
                write!(f, "\"{code}\" is not a country code this calculator knows (use ISO 3166-1 alpha-2, such as \"KE\").")
            }
            Self::UnknownRight { right } => write!(f, "\"{right}\" is not a right this method lists."),
            Self::RatingOutOfRange { right, dimension, value } => write!(
                f,
                "The {} rating of \"{right}\" is {value}; ratings go from 1 to 4.",
                dimension.english()
            ),
            Self::UnknownValue { field, value } => write!(
                f,
                "\"{value}\" is not a valid value for {}.",
                field.english()
            ),
            Self::OverrideWithoutReason => {
                write!(f, "An override of the country context needs a reason, so that readers of the report can judge it.")
            }
            Self::TextTooLong { field, max_chars } => {
                write!(f, "The {} is longer than {max_chars} characters.", field.english())
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
