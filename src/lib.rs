//! The browser application: a thin Yew layer over `hrdd_core`. It owns only presentation and
//! the wiring of events; every number on screen comes from `hrdd_core::score`.
//!
//! Data flow: user event -> [`state::AssessmentAction`] -> pure reducer -> new
//! `Assessment` -> `score` -> report -> view.

pub mod app;
pub mod questionnaire;
pub mod results;
pub mod state;

pub use app::App;
