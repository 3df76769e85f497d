//! Method and scoring core of the downstream human rights due diligence calculator.
//!
//! Data flows one way: an [`Assessment`] (the user's answers, the only state) goes into
//! [`score`], which returns a [`Report`] (outcome, scores, red flags, actions, explanation).
//! Nothing here knows about the web: this crate builds and tests natively, and its dependency
//! graph is checked to contain no browser crate.

pub mod assessment;
pub mod country;
pub mod dates;
pub mod error;
pub mod explanation;
pub mod format;
pub mod i18n;
pub mod link;
pub mod memo;
pub mod method;
pub mod method_v1;
pub mod pipeline;
pub mod pre_answers;
pub mod record;
mod record_words;
pub mod register;
pub mod report;
pub mod restrictive_measures;
pub mod scoring;
pub mod screening;
pub mod triggers;

/// The method's English words, as the core holds them: the source of `core/i18n/en.ftl` (a test
/// keeps the two word for word) and what the command line and the tests read. The browser build
/// leaves them out (an empty text; its screens read every word from the language's catalogue),
/// so that no English sentence is in the wasm outside the English catalogue. Write every English
/// text of the method or the report as `en("…")`; `scripts/check-wasm-texts.mjs` proves none is
/// left.
pub(crate) const fn en(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

pub use assessment::{
    Answer, Assessment, CountryCode, CountryOverride, FreeText, ImpactRating, RightStatus,
};
pub use error::AssessmentError;
pub use report::{Outcome, Report};
pub use scoring::score;
