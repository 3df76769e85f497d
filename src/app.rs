//! The application shell: header, start choices, questionnaire and live results side by side.

use crate::questionnaire::Questionnaire;
use crate::results::Results;
use crate::state::{AssessmentAction, AssessmentState};
use hrdd_core::method::{Mode, Perspective, Sector};
use hrdd_core::score;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AssessmentState::default);
    // Scores are derived, never stored: recomputed whenever the answers change.
    let report = use_memo(state.assessment.clone(), score);
    let dispatch = state.dispatcher();
    let assessment = &state.assessment;

    let on_mode = |mode: Mode| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(AssessmentAction::SetMode(mode)))
    };
    let on_perspective = |perspective: Perspective| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| {
            dispatch.dispatch(AssessmentAction::SetPerspective(perspective))
        })
    };
    let on_sector = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sector) = Sector::from_key(&key) {
                dispatch.dispatch(AssessmentAction::SetSector(sector));
            }
        })
    };

    html! {
        <>
        <header class="app-header">
            <h1>{"Downstream human rights due diligence calculator"}</h1>
            <p class="privacy-note">
                {"Screen a sale or deployment for risks to people after it leaves your hands: the end use, the customer and destination, the impacts on people and your connection to them. "}
                <strong>{"Everything stays on this device: nothing you enter is sent anywhere."}</strong>
            </p>
        </header>
        <main class="layout">
            <section class="questions" aria-labelledby="start-title">
                <h2 id="start-title">{"Start"}</h2>
                <fieldset class="question">
                    <legend>{"How thorough should this be?"}</legend>
                    { for [Mode::QuickScreen, Mode::FullAssessment].into_iter().map(|mode| {
                        let id = format!("mode-{}", mode.key());
                        let hint = match mode {
                            Mode::QuickScreen => " (about 10 decisive questions, under 3 minutes)",
                            Mode::FullAssessment => " (all four elements)",
                        };
                        html! {
                            <div class="option">
                                <input type="radio" id={id.clone()} name="mode" checked={assessment.mode == mode} onchange={on_mode(mode)} />
                                <label for={id}>{mode.label()}{hint}</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <fieldset class="question">
                    <legend>{"Who is assessing?"}</legend>
                    { for Perspective::ALL.into_iter().map(|perspective| {
                        let id = format!("perspective-{}", perspective.key());
                        html! {
                            <div class="option">
                                <input type="radio" id={id.clone()} name="perspective" checked={assessment.perspective == perspective} onchange={on_perspective(perspective)} />
                                <label for={id}>{perspective.label()}</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <div class="question">
                    <label for="sector" class="prompt">{"What is being sold or provided?"}</label>
                    <p class="help" id="sector-help">{"The product category adds that sector's own questions and red flags."}</p>
                    <select id="sector" aria-describedby="sector-help" onchange={on_sector}>
                        { for Sector::ALL.into_iter().map(|sector| html! {
                            <option value={sector.key()} selected={assessment.sector == sector}>{sector.label()}</option>
                        }) }
                    </select>
                </div>
                <Questionnaire assessment={assessment.clone()} dispatch={dispatch.clone()} />
            </section>
            <Results report={report} />
        </main>
        <footer class="app-footer">
            <p>{format!("Method version {}. ", hrdd_core::method::METHOD_VERSION)}{hrdd_core::country::COUNTRY_DATA_ATTRIBUTION}</p>
        </footer>
        </>
    }
}
