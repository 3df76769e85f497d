//! The browser application: a thin Yew layer over `hrdd_core`. It owns presentation, the
//! wiring of events, and the effects (local storage, files, printing); every number on screen
//! comes from `hrdd_core::score`.
//!
//! Data flow: user event -> [`state::AppAction`] -> pure reducer -> new state (the answers) ->
//! `score` -> report -> view.

pub mod app;
pub mod batch;
pub mod batch_worker;
pub mod compare;
pub mod country_picker;
pub mod crypto;
pub mod decision;
pub mod draft_records;
pub mod drafts;
pub mod embed;
pub mod language;
pub mod messages;
pub mod print;
pub mod questionnaire;
pub mod restrictive_measures;
pub mod results;
pub mod rights;
pub mod settings;
pub mod share;
pub mod shared;
pub mod start;
pub mod state;
pub mod storage;
pub mod toolbar;

pub use app::App;

/// Every word of the screens in the chosen language, from its catalogue, provided by `App` to
/// every screen (empty until the catalogue is loaded: `App` shows nothing until then).
#[yew::hook]
pub fn use_texts() -> std::rc::Rc<hrdd_core::i18n::Texts> {
    yew::use_context::<std::rc::Rc<hrdd_core::i18n::Texts>>().unwrap_or_default()
}

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

/// For the benchmark command (`scripts/bench.mjs`): the time of `hrdd_core::score` inside the
/// browser, in microseconds per call, on a full assessment with every question answered and
/// every right rated. It reads no user data.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = hrddBenchmarkScore)]
pub fn benchmark_score(iterations: u32) -> f64 {
    use hrdd_core::method::{Mode, Perspective, QuestionKind, Sector, QUESTIONS};
    use hrdd_core::{Answer, Assessment, ImpactRating, RightStatus};
    let mut assessment = Assessment::new(
        Mode::FullAssessment,
        Perspective::OurDeal,
        Sector::Surveillance,
    );
    for (index, question) in QUESTIONS.iter().enumerate() {
        assessment.answers[index] = match question.kind {
            QuestionKind::Single(choices) => Answer::Choice((index % choices.len()) as u8),
            QuestionKind::Checklist(items) => {
                Answer::Ticked(((1u32 << items.len()) - 1) & 0b0101_0101)
            }
            QuestionKind::Country => "KE".parse().map(Answer::Country).unwrap_or_default(),
            QuestionKind::Date => hrdd_core::dates::Day::parse("2026-11-20")
                .map(Answer::Date)
                .unwrap_or_default(),
        };
    }
    for (index, right) in assessment.rights.iter_mut().enumerate() {
        let rating = (index % 4) as u8 + 1;
        *right = RightStatus::Rated(ImpactRating {
            scale: Some(rating),
            scope: Some(5 - rating),
            irremediability: Some(rating),
            likelihood: Some(5 - rating),
        });
    }
    let performance = web_sys::window().and_then(|w| w.performance());
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let iterations = iterations.max(1);
    let start = now();
    for _ in 0..iterations {
        std::hint::black_box(hrdd_core::score(std::hint::black_box(&assessment)));
    }
    (now() - start) * 1000.0 / f64::from(iterations)
}
