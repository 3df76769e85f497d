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
pub mod method;
pub mod method_v1;
pub mod pre_answers;
pub mod report;
pub mod restrictive_measures;
pub mod scoring;
pub mod screening;
pub mod triggers;

pub use assessment::{
    Answer, Assessment, CountryCode, CountryOverride, FreeText, ImpactRating, RightStatus,
};
pub use error::AssessmentError;
pub use report::{Outcome, Report};
pub use scoring::score;
