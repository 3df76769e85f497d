//! The browser application: a thin Yew layer over `hrdd_core`. It owns presentation, the
//! wiring of events, and the effects (local storage, files, printing); every number on screen
//! comes from `hrdd_core::score`.
//!
//! Data flow: user event -> [`state::AppAction`] -> pure reducer -> new state (the answers) ->
//! `score` -> report -> view.

pub mod app;
pub mod compare;
pub mod country_picker;
pub mod crypto;
pub mod drafts;
pub mod print;
pub mod questionnaire;
pub mod results;
pub mod rights;
pub mod share;
pub mod shared;
pub mod start;
pub mod state;
pub mod storage;
pub mod toolbar;

pub use app::App;

/// Move keyboard focus (and the view) to the element with this id, if it exists.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        element.scroll_into_view();
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}
