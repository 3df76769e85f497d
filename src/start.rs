//! The start of an assessment: how thorough, who is assessing, what is sold, and the
//! confidential free text (never scored).

use crate::state::{AssessmentAction, TextField};
use hrdd_core::method::{Mode, Perspective, Sector};
use hrdd_core::Assessment;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub assessment: Assessment,
    pub on_answer: Callback<AssessmentAction>,
}

#[function_component(StartPanel)]
pub fn start_panel(props: &StartProps) -> Html {
    let texts = crate::use_texts();
    let assessment = &props.assessment;
    let settings = use_context::<std::rc::Rc<crate::settings::Settings>>();
    // Sector packs the organisation offers, and always the one already chosen.
    let sectors: Vec<Sector> = Sector::ALL
        .into_iter()
        .filter(|s| {
            settings
                .as_ref()
                .is_none_or(|cfg| cfg.sector_packs.contains(s))
                || *s == assessment.sector
        })
        .collect();
    let send = |action: AssessmentAction| {
        let on_answer = props.on_answer.clone();
        Callback::from(move |_: Event| on_answer.emit(action.clone()))
    };
    let on_sector = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sector) = Sector::from_key(&key) {
                on_answer.emit(AssessmentAction::SetSector(sector));
            }
        })
    };
    let text_input = |field: TextField,
                      id: &'static str,
                      label: &str,
                      value: &str,
                      multiline: bool| {
        let on_answer = props.on_answer.clone();
        if multiline {
            let oninput = Callback::from(move |e: InputEvent| {
                let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                on_answer.emit(AssessmentAction::SetText { field, value });
            });
            html! {
                <div class="text-field">
                    <label for={id}>{label.to_owned()}</label>
                    <textarea id={id} rows="3" maxlength="2000" value={value.to_owned()} {oninput} />
                </div>
            }
        } else {
            let oninput = Callback::from(move |e: InputEvent| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                on_answer.emit(AssessmentAction::SetText { field, value });
            });
            html! {
                <div class="text-field">
                    <label for={id}>{label.to_owned()}</label>
                    <input type="text" id={id} maxlength="2000" autocomplete="off" value={value.to_owned()} {oninput} />
                </div>
            }
        }
    };

    html! {
        <section class="section start" aria-labelledby="start-title">
            <h2 id="start-title">{texts.ui("ui-start-start")}</h2>
            <p class="intro">
                {texts.ui("ui-start-answer-what-you-know-don")}
            </p>
            <fieldset class="question">
                <legend>{texts.ui("ui-start-how-thorough-should-this-be")}</legend>
                { for [Mode::QuickScreen, Mode::FullAssessment].into_iter().map(|mode| {
                    let id = format!("mode-{}", mode.key());
                    let hint = match mode {
                        Mode::QuickScreen => texts.ui("ui-start-quick-screen-hint"),
                        Mode::FullAssessment => texts.ui("ui-start-full-assessment-hint"),
                    };
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name="mode" checked={assessment.mode == mode} onchange={send(AssessmentAction::SetMode(mode))} />
                            <label for={id}><strong>{texts.ui_with("ui-start-mode-label", &[("mode", texts.mode(mode))])}</strong>{" "}{hint}</label>
                        </div>
                    }
                }) }
            </fieldset>
            <fieldset class="question">
                <legend>{texts.ui("ui-start-who-is-assessing")}</legend>
                { for Perspective::ALL.into_iter().map(|perspective| {
                    let id = format!("perspective-{}", perspective.key());
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name="perspective" checked={assessment.perspective == perspective} onchange={send(AssessmentAction::SetPerspective(perspective))} />
                            <label for={id}>{texts.perspective(perspective).to_owned()}</label>
                        </div>
                    }
                }) }
            </fieldset>
            <div class="question">
                <label for="sector" class="prompt">{texts.ui("ui-start-what-is-being-sold-or")}</label>
                <p class="help" id="sector-help">{texts.ui("ui-start-the-product-category-adds-that")}</p>
                <select id="sector" aria-describedby="sector-help" onchange={on_sector}>
                    { for sectors.into_iter().map(|sector| html! {
                        <option value={sector.key()} selected={assessment.sector == sector}>{texts.sector(sector).to_owned()}</option>
                    }) }
                </select>
            </div>
            <details class="question free-text">
                <summary>{texts.ui("ui-start-names-and-notes-optional-confidential")}</summary>
                <p class="help">{texts.ui("ui-start-never-scored-kept-in-this")}</p>
                {text_input(TextField::Title, "text-title", texts.ui("ui-start-title-of-this-assessment"), &assessment.text.title, false)}
                {text_input(TextField::CustomerName, "text-customer", texts.ui("ui-start-customer-name"), &assessment.text.customer_name, false)}
                {text_input(TextField::BeneficialPurpose, "text-benefit", texts.ui("ui-start-beneficial-purpose"), &assessment.text.beneficial_purpose, true)}
                {text_input(TextField::Notes, "text-notes", texts.ui("ui-start-notes"), &assessment.text.notes, true)}
            </details>
        </section>
    }
}
