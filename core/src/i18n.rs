//! Catalogues of texts, one per language, keyed by the method's ids: the languages the
//! calculator speaks, the catalogue file format (a small, checked subset of Project Fluent, so
//! that translators can use Fluent tools), reading a catalogue, filling its placeholders, and
//! comparing a translation with the English reference (missing, unused and mismatched keys).
//!
//! The format, in full (anything else is refused with the line it is on):
//!
//! ```text
//! # A comment.
//! question-profile-channel = How does the product reach the user?
//!     .help = Every step between you and the user makes it harder to know who uses it.
//! outcome-escalate-next = Ask { $contact } before the deal goes further.
//! ```
//!
//! A message is `key = text`; indented `.name = text` lines are its attributes, read as the
//! keys `key.name`; other indented lines continue the text above on a new line. A placeholder is
//! `{ $name }`. Keys are ASCII letters, digits, `_` and `-`, starting with a letter, as in
//! Fluent.

use crate::assessment::Answer;
use crate::country::{
    country_by_code, Country, IndicatorValue, SpecificIndicator, ValuePart,
    COUNTRY_DATA_ATTRIBUTION, INDICATOR_NAMES, REGIME_TYPES,
};
use crate::en;
use crate::error::{ExpectedAnswer, RatingDimension, TextField, ValueField};
use crate::method::{
    ActionDefinition, Connection, ContextLevel, Element, Leverage, Mode, Perspective, Question,
    QuestionKind, RedFlagDefinition, Right, Section, Sector, QUESTIONS,
};
use crate::method::{
    RetiredAnswerMapping, DISALLOWED_WITHOUT_FULL_ASSESSMENT, OUTCOME_FLOORS,
    QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC, QUICK_SCREEN_PRESUMPTIONS,
};
use crate::report::{
    LikelihoodBand, Outcome, OutcomeReason, Report, RiskLevel, SeverityBand,
    NEXT_STEP_FULL_ASSESSMENT,
};
use crate::restrictive_measures::{Measure, Regime, Verification};
use std::collections::BTreeSet;
use std::fmt;

/// Declares the languages the calculator speaks: one line each (a variant, its BCP 47 code and
/// its name in itself), with its catalogue `core/i18n/<code>.ftl`. Adding a language is that
/// file and one line in the list below (docs/TRANSLATING.md).
macro_rules! languages {
    ($($variant:ident => $code:literal, $endonym:literal;)+) => {
        /// A language the calculator speaks.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Language {
            $($variant,)+
        }

        impl Language {
            pub const ALL: [Language; [$($code),+].len()] = [$(Language::$variant),+];

            /// The BCP 47 code used in `<html lang>`, `?lang=`, settings files and the
            /// catalogue's file name.
            pub fn code(self) -> &'static str {
                match self {
                    $(Language::$variant => $code,)+
                }
            }

            /// The language's name in itself, as a language switcher shows it.
            pub fn endonym(self) -> &'static str {
                match self {
                    $(Language::$variant => $endonym,)+
                }
            }
        }

        /// The catalogue files, as embedded in native builds (the command line, the tests).
        /// English is the reference every other catalogue is checked against. The browser build
        /// embeds none: it loads the shown language's file.
        pub const CATALOGUE_FILES: &[(Language, &str)] = &[
            $((Language::$variant, include_str!(concat!("../i18n/", $code, ".ftl"))),)+
        ];
    };
}

languages! {
    English => "en", "English";
    French => "fr", "Français";
    Spanish => "es", "Español";
}

impl Language {
    /// The language of a BCP 47 tag, by its primary subtag: "fr", "fr-CA" and "FR" are French.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Language::ALL
            .into_iter()
            .find(|language| primary.eq_ignore_ascii_case(language.code()))
    }

    /// The first of the user's preferred languages (a browser's `navigator.languages`, in order)
    /// that the calculator speaks; English when none is.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Language {
        preferences
            .into_iter()
            .find_map(Language::from_tag)
            .unwrap_or(Language::English)
    }
}

/// Why a catalogue file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    /// The line (from 1) where the problem is.
    pub line: usize,
    pub problem: CatalogueProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueProblemKind {
    /// A line that is not a message, an attribute, a continuation or a comment.
    NotAMessage,
    /// A key with characters other than ASCII letters, digits, `_` and `-`.
    BadKey(String),
    /// The same key twice.
    Duplicate(String),
    /// An attribute or continuation with no message above it.
    Orphan,
    /// A `{` that does not open a `{ $name }` placeholder (Fluent's other syntax is not used).
    UnsupportedSyntax(String),
    /// A message with no text and no attributes.
    Empty(String),
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match &self.problem {
            CatalogueProblemKind::NotAMessage => {
                f.write_str("expected `key = text`, an indented `.attribute = text`, or a comment")
            }
            CatalogueProblemKind::BadKey(key) => write!(
                f,
                "\"{key}\" is not a key (ASCII letters, digits, _ and -, starting with a letter)"
            ),
            CatalogueProblemKind::Duplicate(key) => write!(f, "\"{key}\" is defined twice"),
            CatalogueProblemKind::Orphan => {
                f.write_str("an indented line with no message above it")
            }
            CatalogueProblemKind::UnsupportedSyntax(text) => {
                write!(f, "\"{text}\": only {{ $name }} placeholders are supported")
            }
            CatalogueProblemKind::Empty(key) => write!(f, "\"{key}\" has no text"),
        }
    }
}

impl std::error::Error for CatalogueError {}

/// A catalogue read from its file: every key with its text, sorted by key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    entries: Vec<(String, String)>,
}

fn is_key(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Catalogue {
    /// Read a catalogue file.
    pub fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
        let mut entries: Vec<(String, String)> = Vec::new();
        // The message being read: its key and whether it had attributes.
        let mut message: Option<(String, bool)> = None;
        let fail = |line: usize, problem| Err(CatalogueError { line, problem });
        let close = |message: &Option<(String, bool)>,
                     entries: &[(String, String)],
                     line: usize|
         -> Result<(), CatalogueError> {
            if let Some((key, has_attributes)) = message {
                let empty = entries
                    .iter()
                    .rev()
                    .find(|(k, _)| k == key)
                    .is_some_and(|(_, text)| text.is_empty());
                if empty && !has_attributes {
                    return Err(CatalogueError {
                        line,
                        problem: CatalogueProblemKind::Empty(key.clone()),
                    });
                }
            }
            Ok(())
        };
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let indented = raw.starts_with(' ') || raw.starts_with('\t');
            let trimmed = raw.trim();
            if indented {
                let Some((key, has_attributes)) = message.as_mut() else {
                    return fail(line, CatalogueProblemKind::Orphan);
                };
                if let Some(rest) = trimmed.strip_prefix('.') {
                    let Some((name, value)) = rest.split_once('=') else {
                        return fail(line, CatalogueProblemKind::NotAMessage);
                    };
                    let name = name.trim();
                    if !is_key(name) {
                        return fail(line, CatalogueProblemKind::BadKey(name.to_owned()));
                    }
                    *has_attributes = true;
                    entries.push((format!("{key}.{name}"), value.trim().to_owned()));
                } else {
                    let Some((_, last)) = entries.last_mut() else {
                        return fail(line, CatalogueProblemKind::Orphan);
                    };
                    if !last.is_empty() {
                        last.push('\n');
                    }
                    last.push_str(trimmed);
                }
                continue;
            }
            close(&message, &entries, line)?;
            let Some((key, value)) = raw.split_once('=') else {
                return fail(line, CatalogueProblemKind::NotAMessage);
            };
            let key = key.trim();
            if !is_key(key) {
                return fail(line, CatalogueProblemKind::BadKey(key.to_owned()));
            }
            entries.push((key.to_owned(), value.trim().to_owned()));
            message = Some((key.to_owned(), false));
        }
        close(&message, &entries, text.lines().count())?;
        // An attribute-only message has no text of its own: it is not a key.
        entries.retain(|(key, value)| !value.is_empty() || key.contains('.'));
        for (key, value) in &entries {
            if let Err(bad) = check_placeholders(value) {
                let line = line_of(text_of_key(key), text);
                return fail(line, CatalogueProblemKind::UnsupportedSyntax(bad));
            }
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for pair in entries.windows(2) {
            if pair[0].0 == pair[1].0 {
                let key = pair[0].0.clone();
                let line = line_of(&key, text);
                return fail(line, CatalogueProblemKind::Duplicate(key));
            }
        }
        Ok(Catalogue { entries })
    }

    /// The text of a key (`message` or `message.attribute`).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|index| self.entries[index].1.as_str())
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(key, _)| key.as_str())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What is wrong with this catalogue as a translation of `reference`: keys it lacks, keys
    /// the reference does not have, and texts whose placeholders differ.
    pub fn problems_against(&self, reference: &Catalogue) -> Vec<TranslationProblem> {
        let mut problems = Vec::new();
        for (key, text) in &reference.entries {
            match self.get(key) {
                None => problems.push(TranslationProblem::Missing(key.clone())),
                Some(translated) if placeholders(translated) != placeholders(text) => {
                    problems.push(TranslationProblem::Placeholders {
                        key: key.clone(),
                        expected: placeholders(text).into_iter().map(str::to_owned).collect(),
                        found: placeholders(translated)
                            .into_iter()
                            .map(str::to_owned)
                            .collect(),
                    });
                }
                Some(_) => {}
            }
        }
        for key in self.keys() {
            if reference.get(key).is_none() {
                problems.push(TranslationProblem::Unused(key.to_owned()));
            }
        }
        problems
    }
}

/// The key's message part, to find its line in the file.
fn text_of_key(key: &str) -> &str {
    key.split('.').next().unwrap_or(key)
}

/// The line (from 1) where `needle` starts a line, for error messages; 1 when not found.
fn line_of(needle: &str, text: &str) -> usize {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(needle)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |index| index + 1)
}

/// Every `{ $name }` must be well formed; returns the first bad fragment.
fn check_placeholders(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(start) = rest.find(['{', '}']) {
        let after = &rest[start..];
        if after.starts_with('}') {
            return Err(after.chars().take(20).collect());
        }
        let Some(end) = after.find('}') else {
            return Err(after.chars().take(20).collect());
        };
        let inner = after[1..end].trim();
        if !inner.strip_prefix('$').is_some_and(is_key) {
            return Err(after[..=end].to_owned());
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

/// The names of the placeholders in a text.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let Some(end) = after.find('}') else {
            break;
        };
        if let Some(name) = after[1..end].trim().strip_prefix('$') {
            names.insert(name);
        }
        rest = &after[end + 1..];
    }
    names
}

/// A text with its placeholders filled. A placeholder with no value is left as it is, so a
/// missing argument shows on screen instead of vanishing.
pub fn fill(text: &str, arguments: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('}') else {
            break;
        };
        let name = after[1..end].trim().trim_start_matches('$');
        match arguments.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// One problem of a translation against the English reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranslationProblem {
    Missing(String),
    Unused(String),
    Placeholders {
        key: String,
        expected: Vec<String>,
        found: Vec<String>,
    },
}

impl fmt::Display for TranslationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranslationProblem::Missing(key) => write!(f, "{key}: missing"),
            TranslationProblem::Unused(key) => write!(f, "{key}: not in the English catalogue"),
            TranslationProblem::Placeholders {
                key,
                expected,
                found,
            } => write!(
                f,
                "{key}: placeholders {found:?}, the English text has {expected:?}"
            ),
        }
    }
}

/// Joins a list's items in a language's way (`Texts::list`), at the end of a chain.
pub(crate) trait JoinedIn {
    fn joined_in(&self, texts: &Texts) -> String;
}

impl<S: AsRef<str>> JoinedIn for [S] {
    fn joined_in(&self, texts: &Texts) -> String {
        texts.list(self)
    }
}

/// How the items of a list are joined (`list-join`): `{ $list }` is what came before.
pub const LIST_JOIN: &str = en("{ $list }; { $item }");

/// The words of the indicators' values, by catalogue key: `{ $value }` is the number.
pub const INDICATOR_VALUE_TEXTS: &[(&str, &str)] = &[
    ("number-decimal-separator", en(".")),
    ("indicator-value-percentile", en("{ $value }th percentile")),
    ("indicator-value-index", en("{ $value } of 1")),
    (
        "indicator-value-physical-violence",
        en("{ $value } (physical violence index)"),
    ),
    (
        "indicator-value-political-stability",
        en("{ $value } (political stability)"),
    ),
];

/// A screen text from the English catalogue, for the command line and native tests; the
/// browser build always has its language's catalogue, and embeds none.
#[cfg(not(target_arch = "wasm32"))]
fn english_screen_text(key: &str) -> &'static str {
    static ENGLISH: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    ENGLISH
        .get_or_init(|| Catalogue::parse(CATALOGUE_FILES[0].1).unwrap_or_default())
        .get(key)
        .unwrap_or("")
}

#[cfg(target_arch = "wasm32")]
fn english_screen_text(_key: &str) -> &'static str {
    ""
}

/// The catalogue key of a method-1 answer's reading: the retired question and option, which
/// never change, and `-where-relevant` for a reading that applies only in some assessments.
pub fn migration_key(mapping: &RetiredAnswerMapping) -> String {
    format!(
        "migration-{}-{}{}",
        id_part(mapping.retired_question),
        mapping.retired_option,
        if mapping.when.is_some() {
            "-where-relevant"
        } else {
            ""
        }
    )
}

/// The key of a method id inside a catalogue key: Fluent keys have no dots, so
/// `profile.channel` becomes `profile-channel` (ids never contain `-`, so this is one to one).
pub fn id_part(id: &str) -> String {
    id.replace('.', "-")
}

/// The texts of the method's data in one language: each looked up in that language's catalogue
/// by the method's ids, and the method's own English text where the catalogue has none (English
/// itself needs no catalogue). The screens ask this for every text of the method they show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    language: Language,
    catalogue: Option<Catalogue>,
    /// The catalogue's words only, as in the browser build (which holds no English of its
    /// own): a key the catalogue lacks reads as empty.
    catalogue_only: bool,
}

impl Default for Texts {
    fn default() -> Self {
        Texts::english()
    }
}

impl Texts {
    pub fn english() -> Texts {
        Texts {
            language: Language::English,
            catalogue: None,
            catalogue_only: false,
        }
    }

    /// The texts of `language` from its catalogue (English too: the browser build holds no
    /// English of its own, see `crate::en`).
    pub fn new(language: Language, catalogue: Catalogue) -> Texts {
        Texts {
            language,
            catalogue: Some(catalogue),
            catalogue_only: false,
        }
    }

    /// The texts of a catalogue alone, as the browser build reads them: a key it lacks reads
    /// as empty, not as the method's English (tests use it to prove that nothing the screens
    /// show is missing from a catalogue).
    pub fn catalogue_only(language: Language, catalogue: Catalogue) -> Texts {
        Texts {
            language,
            catalogue: Some(catalogue),
            catalogue_only: true,
        }
    }

    /// Whether a catalogue was loaded: until it is, the browser build has no words to show.
    pub fn is_loaded(&self) -> bool {
        self.catalogue.is_some()
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The catalogue's text for a key, or the English text. The key is built only when there is
    /// a catalogue to look in.
    pub(crate) fn or<'a>(&'a self, key: impl FnOnce() -> String, english: &'a str) -> &'a str {
        match &self.catalogue {
            Some(catalogue) => {
                catalogue
                    .get(&key())
                    .unwrap_or(if self.catalogue_only { "" } else { english })
            }
            None => english,
        }
    }

    /// A question's prompt in the words of a perspective.
    pub fn question(&self, question: &Question, perspective: Perspective) -> &str {
        let english = question.prompt_for(perspective);
        let worded = question.has_prompt_for(perspective);
        self.or(
            || {
                let key = format!("question-{}", id_part(question.id));
                if worded {
                    format!("{key}.for-{}", perspective.key())
                } else {
                    key
                }
            },
            english,
        )
    }

    pub fn help(&self, question: &Question) -> &str {
        self.or(
            || format!("question-{}.help", id_part(question.id)),
            question.help,
        )
    }

    pub fn question_source(&self, question: &Question) -> &str {
        self.or(
            || format!("question-{}.source", id_part(question.id)),
            question.source,
        )
    }

    /// An option's label in the words of a perspective.
    pub fn option(&self, question: &Question, key: &str, perspective: Perspective) -> &str {
        let english = question.option_label_for(key, perspective);
        let worded = question.has_option_label_for(key, perspective);
        self.or(
            || {
                let base = format!("option-{}-{key}", id_part(question.id));
                if worded {
                    format!("{base}.for-{}", perspective.key())
                } else {
                    base
                }
            },
            english,
        )
    }

    pub fn right(&self, right: Right) -> &str {
        self.or(|| format!("right-{}", right.key()), right.label())
    }

    pub fn flag_title(&self, flag: &RedFlagDefinition) -> &str {
        self.or(|| format!("flag-{}", id_part(flag.id)), flag.title)
    }

    pub fn flag_why(&self, flag: &RedFlagDefinition) -> &str {
        self.or(|| format!("flag-{}.why", id_part(flag.id)), flag.why)
    }

    pub fn flag_source(&self, flag: &RedFlagDefinition) -> &str {
        self.or(|| format!("flag-{}.source", id_part(flag.id)), flag.source)
    }

    pub fn action_title(&self, action: &ActionDefinition) -> &str {
        self.or(|| format!("action-{}", id_part(action.id)), action.title)
    }

    pub fn action_detail(&self, action: &ActionDefinition) -> &str {
        self.or(
            || format!("action-{}.detail", id_part(action.id)),
            action.detail,
        )
    }

    pub fn action_source(&self, action: &ActionDefinition) -> &str {
        self.or(
            || format!("action-{}.source", id_part(action.id)),
            action.source,
        )
    }

    pub fn outcome(&self, outcome: Outcome) -> &str {
        self.or(|| format!("outcome-{}", outcome.key()), outcome.label())
    }

    pub fn outcome_meaning(&self, outcome: Outcome) -> &str {
        self.or(
            || format!("outcome-{}.meaning", outcome.key()),
            outcome.meaning(),
        )
    }

    pub fn outcome_next_step(&self, outcome: Outcome) -> &str {
        self.or(
            || format!("outcome-{}.next-step", outcome.key()),
            outcome.next_step(),
        )
    }

    pub fn section(&self, section: Section) -> &str {
        self.or(|| format!("section-{}", section.key()), section.title())
    }

    pub fn sector(&self, sector: Sector) -> &str {
        self.or(|| format!("sector-{}", sector.key()), sector.label())
    }

    pub fn mode(&self, mode: Mode) -> &str {
        self.or(|| format!("mode-{}", mode.key()), mode.label())
    }

    /// A text of the screens: `key` (a `ui-` key) in the catalogue; natively, the English
    /// catalogue's where this one has none. A test (`tests/ui_texts.rs`) checks that every key
    /// the screens use is in `en.ftl`, and that `en.ftl` has no other.
    pub fn ui(&self, key: &str) -> &str {
        match self.catalogue.as_ref().and_then(|c| c.get(key)) {
            Some(text) => text,
            None if self.catalogue_only => "",
            None => english_screen_text(key),
        }
    }

    /// Items of a list joined in this language's way ("a; b" in English, "a ; b" in French).
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let template = self.or(|| "list-join".to_owned(), LIST_JOIN);
        let mut items = items.iter();
        let Some(first) = items.next() else {
            return String::new();
        };
        items.fold(first.as_ref().to_owned(), |list, item| {
            fill(template, &[("list", &list), ("item", item.as_ref())])
        })
    }

    /// A text of the screens with its `{ $name }` placeholders filled.
    pub fn ui_with(&self, key: &str, arguments: &[(&str, &str)]) -> String {
        fill(self.ui(key), arguments)
    }

    pub fn element(&self, element: Element) -> &str {
        self.or(|| format!("element-{}", element.key()), element.title())
    }

    pub fn context_level(&self, level: ContextLevel) -> &str {
        self.or(|| format!("context-{}", level.key()), level.label())
    }

    pub fn connection(&self, connection: Connection) -> &str {
        self.or(
            || format!("connection-{}", connection.key()),
            connection.label(),
        )
    }

    pub fn leverage(&self, leverage: Leverage) -> &str {
        let key = match leverage {
            Leverage::Low => "low",
            Leverage::Medium => "medium",
            Leverage::High => "high",
        };
        self.or(|| format!("leverage-{key}"), leverage.label())
    }

    pub fn risk(&self, risk: RiskLevel) -> &str {
        let key = match risk {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
            RiskLevel::Critical => "critical",
        };
        self.or(|| format!("risk-{key}"), risk.label())
    }

    pub fn severity(&self, band: SeverityBand) -> &str {
        let key = match band {
            SeverityBand::Minor => "minor",
            SeverityBand::Moderate => "moderate",
            SeverityBand::Serious => "serious",
            SeverityBand::Grave => "grave",
        };
        self.or(|| format!("severity-{key}"), band.label())
    }

    pub fn likelihood(&self, band: LikelihoodBand) -> &str {
        let key = match band {
            LikelihoodBand::Remote => "remote",
            LikelihoodBand::Possible => "possible",
            LikelihoodBand::Likely => "likely",
            LikelihoodBand::VeryLikely => "very_likely",
        };
        self.or(|| format!("likelihood-{key}"), band.label())
    }

    /// An answer in words, in the words of a perspective, as the printed report and the
    /// comparison show it (`assessment::answer_label_for` in English).
    pub fn answer(
        &self,
        question_index: usize,
        answer: Answer,
        perspective: Perspective,
    ) -> String {
        let Some(question) = QUESTIONS.get(question_index) else {
            return String::new();
        };
        let not_answered = || self.or(|| "answer-not-answered".to_owned(), en("Not answered"));
        match (question.kind, answer) {
            (_, Answer::Unanswered) => not_answered().to_owned(),
            (_, Answer::DontKnow) => self
                .or(|| "answer-dont-know".to_owned(), en("Don't know"))
                .to_owned(),
            (QuestionKind::Single(choices), Answer::Choice(i)) => {
                choices.get(usize::from(i)).map_or_else(
                    || not_answered().to_owned(),
                    |c| self.option(question, c.key, perspective).to_owned(),
                )
            }
            (QuestionKind::Checklist(items), Answer::Ticked(bits)) => {
                let ticked: Vec<&str> = items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, c)| self.option(question, c.key, perspective))
                    .collect();
                if ticked.is_empty() {
                    self.or(|| "answer-none-of-these".to_owned(), en("None of these"))
                        .to_owned()
                } else {
                    ticked.joined_in(self)
                }
            }
            (QuestionKind::Country, Answer::Country(code)) => country_by_code(code.as_str())
                .map_or_else(|| code.to_string(), |c| self.country_name(c).to_owned()),
            (QuestionKind::Date, Answer::Date(day)) => day.to_string(),
            _ => not_answered().to_owned(),
        }
    }

    /// The name of an indicator of the context index (the report's English name).
    pub fn indicator<'a>(&'a self, key: &'a str) -> &'a str {
        let english = INDICATOR_NAMES
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, name)| name);
        self.or(|| format!("indicator-{key}"), english)
    }

    /// What an answer should be, as a file problem names it.
    pub fn expected_answer(&self, expected: ExpectedAnswer) -> &str {
        self.or(
            || format!("{}-{}", ExpectedAnswer::CATALOGUE_PREFIX, expected.key()),
            expected.english(),
        )
    }

    /// A field of the file that holds a fixed set of words, as a file problem names it.
    pub fn value_field(&self, field: ValueField) -> &str {
        self.or(
            || format!("{}-{}", ValueField::CATALOGUE_PREFIX, field.key()),
            field.english(),
        )
    }

    /// A free-text field, as a file problem names it.
    pub fn text_field(&self, field: TextField) -> &str {
        self.or(
            || format!("{}-{}", TextField::CATALOGUE_PREFIX, field.key()),
            field.english(),
        )
    }

    /// A dimension of a rating, in lower case, as a file problem names it.
    pub fn rating_dimension(&self, dimension: RatingDimension) -> &str {
        self.or(
            || format!("{}-{}", RatingDimension::CATALOGUE_PREFIX, dimension.key()),
            dimension.english(),
        )
    }

    /// An indicator's values as its sources state them ("41.0th percentile"), with this
    /// language's decimal separator.
    pub fn indicator_values(&self, values: &[IndicatorValue]) -> String {
        values
            .iter()
            .map(|value| {
                let (whole, fraction) = value.digits();
                let separator = self.or(|| "number-decimal-separator".to_owned(), ".");
                let number = format!("{whole}{separator}{fraction}");
                let english = INDICATOR_VALUE_TEXTS
                    .iter()
                    .find(|(k, _)| *k == value.key())
                    .map_or("", |(_, t)| t);
                let stated = fill(
                    self.or(|| value.key().to_owned(), english),
                    &[("value", &number)],
                );
                match value.part {
                    None => stated,
                    Some(part) => {
                        let key = match part {
                            ValuePart::PhysicalViolence => "indicator-value-physical-violence",
                            ValuePart::PoliticalStability => "indicator-value-political-stability",
                        };
                        let english = INDICATOR_VALUE_TEXTS
                            .iter()
                            .find(|(k, _)| *k == key)
                            .map_or("", |(_, t)| t);
                        fill(self.or(|| key.to_owned(), english), &[("value", &stated)])
                    }
                }
            })
            .collect::<Vec<_>>()
            .joined_in(self)
    }

    /// The products a V-Dem indicator bears on (`method::DESTINATION_INDICATOR_USES`).
    pub fn indicator_bears_on(&self, indicator: SpecificIndicator) -> &str {
        let english = crate::method::DESTINATION_INDICATOR_USES
            .iter()
            .find(|(i, _)| *i == indicator)
            .map_or("", |(_, products)| products);
        self.or(
            || format!("indicator-{}.bears-on", indicator.vdem_code()),
            english,
        )
    }

    /// The name of a V-Dem indicator that bears on particular products.
    pub fn specific_indicator(&self, indicator: SpecificIndicator) -> &str {
        self.or(
            || format!("indicator-{}", indicator.vdem_code()),
            indicator.label(),
        )
    }

    /// A V-Dem regime type (the report's English words).
    /// V-Dem's regime type, by its code.
    pub fn regime_type(&self, code: u8) -> &str {
        let english = REGIME_TYPES.get(usize::from(code)).copied().unwrap_or("");
        self.or(|| format!("regime-type-{code}"), english)
    }

    /// The sources and licences of the country data.
    pub fn country_data_attribution(&self) -> &str {
        self.or(
            || "country-data-attribution".to_owned(),
            COUNTRY_DATA_ATTRIBUTION,
        )
    }

    /// The international instrument that names a right.
    pub fn right_instrument(&self, right: Right) -> &str {
        self.or(
            || format!("right-{}.instrument", right.key()),
            right.instrument(),
        )
    }

    /// Whom a row of the table of restrictive measures covers, in words.
    pub fn measure_scope<'a>(&'a self, measure: &'a Measure) -> &'a str {
        self.or(
            || format!("measure-{}-{}", measure.country, measure.regime.key()),
            &measure.scope_in_words,
        )
    }

    /// The name of a kind of restrictive measure.
    pub fn regime(&self, regime: Regime) -> &str {
        self.or(|| format!("regime-{}", regime.key()), regime.label())
    }

    /// What a kind of restrictive measure forbids, and what it does not.
    pub fn regime_covers(&self, regime: Regime) -> &str {
        self.or(
            || format!("regime-{}.covers", regime.key()),
            regime.covers(),
        )
    }

    /// How a row of the table of measures was verified.
    pub fn verification(&self, verification: Verification) -> &str {
        self.or(
            || format!("verification-{}", verification.key()),
            verification.label(),
        )
    }

    /// A country's name in this language (the UN's short names for French and Spanish).
    pub fn country_name<'a>(&'a self, country: &'a Country) -> &'a str {
        self.or(|| format!("country-{}", country.alpha2), &country.name)
    }

    /// What the company must do, by its connection to harm.
    pub fn connection_response(&self, connection: Connection) -> &str {
        self.or(
            || format!("connection-{}.response", connection.key()),
            connection.response(),
        )
    }

    /// Why a quick screen is not enough, for one of the reasons the report gives (by its id in
    /// the method's table).
    pub fn full_assessment_reason<'a>(&'a self, id: &'a str) -> &'a str {
        let english = DISALLOWED_WITHOUT_FULL_ASSESSMENT
            .iter()
            .map(|(id, _, why)| (*id, *why))
            .chain([
                QUICK_SCREEN_PRESUMPTIONS,
                QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC,
            ])
            .find(|(known, _)| *known == id)
            .map_or(id, |(_, why)| why);
        self.or(|| format!("full-needed-{id}"), english)
    }

    /// Why a floor the customer or the destination set applies (the report's English as fallback).
    /// Why a floor applies, by its id in `method::OUTCOME_FLOORS`.
    pub fn floor_why(&self, id: &str) -> &str {
        let english = OUTCOME_FLOORS
            .iter()
            .find(|f| f.id == id)
            .map_or("", |f| f.why);
        self.or(|| format!("floor-{}", id_part(id)), english)
    }

    pub fn floor_source(&self, id: &str) -> &str {
        let english = OUTCOME_FLOORS
            .iter()
            .find(|f| f.id == id)
            .map_or("", |f| f.source);
        self.or(|| format!("floor-{}.source", id_part(id)), english)
    }

    /// One of the outcome's reasons, in this language.
    pub fn outcome_reason(&self, reason: &OutcomeReason) -> String {
        let flags = |ids: &[&'static str]| {
            ids.iter()
                .map(|id| {
                    crate::method::RED_FLAGS
                        .iter()
                        .find(|f| f.id == *id)
                        .map_or(*id, |f| self.flag_title(f))
                })
                .collect::<Vec<_>>()
                .joined_in(self)
        };
        let floor_why = |id: &str| {
            OUTCOME_FLOORS
                .iter()
                .find(|f| f.id == id)
                .map_or_else(String::new, |f| self.floor_why(f.id).to_owned())
        };
        let arguments = reason.arguments(
            &flags,
            &floor_why,
            &|o| self.outcome(o).to_lowercase(),
            &|r| self.risk(r).to_owned(),
            &|reasons| {
                reasons
                    .iter()
                    .map(|r| self.full_assessment_reason(r))
                    .collect::<Vec<_>>()
                    .joined_in(self)
            },
        );
        let borrowed: Vec<(&str, &str)> = arguments.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(
            self.or(|| reason.key().to_owned(), reason.template()),
            &borrowed,
        )
    }

    /// How an answer given under method 1 was read, for one of the report's lines.
    pub fn migration(&self, mapping: &'static RetiredAnswerMapping) -> &str {
        self.or(|| migration_key(mapping), mapping.why)
    }

    /// What to do next, as `Report::next_step` says it in English: the outcome's step, then
    /// what the connection calls for.
    pub fn next_step(&self, report: &Report) -> String {
        if report.outcome == Outcome::Incomplete
            && report.blockers.is_empty()
            && !report.full_assessment_needed.is_empty()
        {
            return self
                .or(
                    || {
                        format!(
                            "outcome-{}.next-step-full-assessment",
                            Outcome::Incomplete.key()
                        )
                    },
                    NEXT_STEP_FULL_ASSESSMENT,
                )
                .to_owned();
        }
        let step = self.outcome_next_step(report.outcome);
        match (report.outcome, report.connection.established) {
            (Outcome::ProceedWithConditions | Outcome::Escalate, Some(connection)) => {
                format!("{step} {}", self.connection_response(connection))
            }
            _ => step.to_owned(),
        }
    }

    pub fn perspective(&self, perspective: Perspective) -> &str {
        self.or(
            || format!("perspective-{}", perspective.key()),
            perspective.label(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_reads_messages_attributes_continuations_and_comments() {
        let catalogue = Catalogue::parse(
            "# Questions\nquestion-a = First?\n    .help = Why it matters.\n    .source = BSR\n\nlong = One line\n    and another\nonly-attributes =\n    .title = Title\n",
        )
        .unwrap();
        assert_eq!(catalogue.get("question-a"), Some("First?"));
        assert_eq!(catalogue.get("question-a.help"), Some("Why it matters."));
        assert_eq!(catalogue.get("long"), Some("One line\nand another"));
        assert_eq!(catalogue.get("only-attributes"), None);
        assert_eq!(catalogue.get("only-attributes.title"), Some("Title"));
        assert_eq!(catalogue.len(), 5);
    }

    #[test]
    fn a_bad_catalogue_is_refused_with_its_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("a = x\nnot a message\n", 2, "expected `key = text`"),
            ("a.b = x\n", 1, "is not a key"),
            ("a = x\nb = y\na = z\n", 1, "defined twice"),
            ("    .help = x\n", 1, "no message above"),
            ("a = x\nb = { -term }\n", 2, "only { $name } placeholders"),
            ("a = x\nb = { $x\n", 2, "only { $name } placeholders"),
            ("a =\nb = y\n", 2, "has no text"),
        ];
        for (text, line, message) in cases {
            let error = Catalogue::parse(text).unwrap_err();
            assert_eq!(error.line, *line, "{text:?}: {error}");
            assert!(error.to_string().contains(message), "{text:?}: {error}");
        }
    }

    #[test]
    fn placeholders_are_found_and_filled() {
        let text = "Ask { $contact } about {$country}, then { $contact } again.";
        assert_eq!(
            placeholders(text).into_iter().collect::<Vec<_>>(),
            ["contact", "country"]
        );
        assert_eq!(
            fill(text, &[("contact", "Legal"), ("country", "Kenya")]),
            "Ask Legal about Kenya, then Legal again."
        );
        assert_eq!(fill("Hello { $name }.", &[]), "Hello { $name }.");
    }

    #[test]
    fn a_translation_is_checked_against_the_reference() {
        let english = Catalogue::parse("a = Ask { $who }\nb = Two\n").unwrap();
        let french = Catalogue::parse("a = Demander à { $qui }\nc = Trois\n").unwrap();
        let problems: Vec<String> = french
            .problems_against(&english)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "a: placeholders [\"qui\"], the English text has [\"who\"]",
                "b: missing",
                "c: not in the English catalogue",
            ]
        );
        assert!(english.problems_against(&english).is_empty());
    }

    #[test]
    fn languages_are_chosen_from_the_browser_preferences() {
        assert_eq!(
            Language::negotiate(["de-DE", "fr-CA", "en"]),
            Language::French
        );
        assert_eq!(Language::negotiate(["ES"]), Language::Spanish);
        assert_eq!(Language::negotiate(["de", "it"]), Language::English);
        assert_eq!(Language::negotiate([]), Language::English);
        assert_eq!(Language::from_tag("en_GB"), Some(Language::English));
        assert_eq!(Language::from_tag("frr"), None);
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.code()), Some(language));
        }
    }
}
