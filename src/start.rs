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
            <h2 id="start-title">{texts.ui("ui-start-start", "Start")}</h2>
            <p class="intro">
                {texts.ui("ui-start-answer-what-you-know-don", "Answer what you know. \"Don't know\" is always allowed: it is never treated as the safe answer, and it is listed as an open question. The result on the right follows every answer.")}
            </p>
            <fieldset class="question">
                <legend>{texts.ui("ui-start-how-thorough-should-this-be", "How thorough should this be?")}</legend>
                { for [Mode::QuickScreen, Mode::FullAssessment].into_iter().map(|mode| {
                    let id = format!("mode-{}", mode.key());
                    let hint = match mode {
                        Mode::QuickScreen => texts.ui("ui-start-quick-screen-hint", "every question that can stop a deal, a few minutes"),
                        Mode::FullAssessment => texts.ui("ui-start-full-assessment-hint", "all four elements, rights rated one by one"),
                    };
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name="mode" checked={assessment.mode == mode} onchange={send(AssessmentAction::SetMode(mode))} />
                            <label for={id}><strong>{texts.ui_with("ui-start-mode-label", "{ $mode }:", &[("mode", texts.mode(mode))])}</strong>{" "}{hint}</label>
                        </div>
                    }
                }) }
            </fieldset>
            <fieldset class="question">
                <legend>{texts.ui("ui-start-who-is-assessing", "Who is assessing?")}</legend>
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
                <label for="sector" class="prompt">{texts.ui("ui-start-what-is-being-sold-or", "What is being sold or provided?")}</label>
                <p class="help" id="sector-help">{texts.ui("ui-start-the-product-category-adds-that", "The product category adds that sector's own questions and red flags. Another sector's questions are added too when the product's capabilities, type or customer call for them.")}</p>
                <select id="sector" aria-describedby="sector-help" onchange={on_sector}>
                    { for sectors.into_iter().map(|sector| html! {
                        <option value={sector.key()} selected={assessment.sector == sector}>{texts.sector(sector).to_owned()}</option>
                    }) }
                </select>
            </div>
            <details class="question free-text">
                <summary>{texts.ui("ui-start-names-and-notes-optional-confidential", "Names and notes (optional, confidential)")}</summary>
                <p class="help">{texts.ui("ui-start-never-scored-kept-in-this", "Never scored. Kept in this browser only, and left out of exported files unless you choose to include them.")}</p>
                {text_input(TextField::Title, "text-title", texts.ui("ui-start-title-of-this-assessment", "Title of this assessment"), &assessment.text.title, false)}
                {text_input(TextField::CustomerName, "text-customer", texts.ui("ui-start-customer-name", "Customer name"), &assessment.text.customer_name, false)}
                {text_input(TextField::BeneficialPurpose, "text-benefit", texts.ui("ui-start-beneficial-purpose", "Socially beneficial purpose (shown in the report, never weighed against harm)"), &assessment.text.beneficial_purpose, true)}
                {text_input(TextField::Notes, "text-notes", texts.ui("ui-start-notes", "Notes"), &assessment.text.notes, true)}
            </details>
        </section>
    }
}
