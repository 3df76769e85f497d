//! The questions of the current mode and sector, grouped by section. Each question is a
//! fieldset with a legend, its "why this matters" and source, and a "Don't know" option.

use crate::state::{AssessmentAction, AssessmentState};
use hrdd_core::country::countries;
use hrdd_core::method::{Question, QuestionKind, Section, QUESTIONS};
use hrdd_core::{Answer, Assessment, CountryCode};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    pub assessment: Assessment,
    pub dispatch: UseReducerDispatcher<AssessmentState>,
}

#[function_component(Questionnaire)]
pub fn questionnaire(props: &QuestionnaireProps) -> Html {
    let assessment = &props.assessment;
    html! {
        { for Section::ALL.into_iter().map(|section| {
            let questions: Vec<(usize, &'static Question)> = QUESTIONS
                .iter()
                .enumerate()
                .filter(|(_, q)| q.section == section && q.in_scope(assessment.mode, assessment.sector))
                .collect();
            if questions.is_empty() {
                return html! {};
            }
            let heading_id = format!("section-{section:?}").to_lowercase();
            html! {
                <section class="section" aria-labelledby={heading_id.clone()}>
                    <h2 id={heading_id}>{section.title()}</h2>
                    { for questions.into_iter().map(|(index, _)| html! {
                        <QuestionView index={index} answer={assessment.answers[index]} dispatch={props.dispatch.clone()} />
                    }) }
                </section>
            }
        }) }
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub index: usize,
    pub answer: Answer,
    pub dispatch: UseReducerDispatcher<AssessmentState>,
}

#[function_component(QuestionView)]
pub fn question_view(props: &QuestionProps) -> Html {
    let question = &QUESTIONS[props.index];
    let index = props.index;
    let help_id = format!("{}-help", question.id);
    let send = |action: AssessmentAction| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(action.clone()))
    };
    let dont_know_id = format!("{}-dont-know", question.id);
    let dont_know = html! {
        <div class="option dont-know">
            <input type={if matches!(question.kind, QuestionKind::Checklist(_)) { "checkbox" } else { "radio" }}
                id={dont_know_id.clone()} name={question.id}
                checked={props.answer == Answer::DontKnow}
                onchange={send(AssessmentAction::DontKnow { question: index })} />
            <label for={dont_know_id}>{"Don't know"}</label>
        </div>
    };
    let help = html! {
        <p class="help" id={help_id.clone()}>{question.help}<span class="source">{" Source: "}{question.source}{"."}</span></p>
    };
    match question.kind {
        QuestionKind::Single(choices) => html! {
            <fieldset class="question" aria-describedby={help_id}>
                <legend>{question.prompt}</legend>
                {help}
                { for choices.iter().enumerate().map(|(i, choice)| {
                    let id = format!("{}-{}", question.id, choice.key);
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name={question.id}
                                checked={props.answer == Answer::Choice(i as u8)}
                                onchange={send(AssessmentAction::Choose { question: index, choice: i as u8 })} />
                            <label for={id}>{choice.label}</label>
                        </div>
                    }
                }) }
                {dont_know}
            </fieldset>
        },
        QuestionKind::Checklist(items) => {
            let ticked = match props.answer {
                Answer::Ticked(bits) => Some(bits),
                _ => None,
            };
            let none_id = format!("{}-none", question.id);
            html! {
                <fieldset class="question" aria-describedby={help_id}>
                    <legend>{question.prompt}</legend>
                    {help}
                    { for items.iter().enumerate().map(|(i, item)| {
                        let id = format!("{}-{}", question.id, item.key);
                        html! {
                            <div class="option">
                                <input type="checkbox" id={id.clone()}
                                    checked={ticked.is_some_and(|bits| bits & (1 << i) != 0)}
                                    onchange={send(AssessmentAction::ToggleItem { question: index, item: i as u8 })} />
                                <label for={id}>{item.label}</label>
                            </div>
                        }
                    }) }
                    <div class="option">
                        <input type="checkbox" id={none_id.clone()}
                            checked={ticked == Some(0)}
                            onchange={send(AssessmentAction::NoneOfThese { question: index })} />
                        <label for={none_id}>{"None of these"}</label>
                    </div>
                    {dont_know}
                </fieldset>
            }
        }
        QuestionKind::Country => {
            let dispatch = props.dispatch.clone();
            let on_change = Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                let action = if value == "dont-know" {
                    AssessmentAction::DontKnow { question: index }
                } else {
                    AssessmentAction::SetCountry {
                        question: index,
                        country: value.parse::<CountryCode>().ok(),
                    }
                };
                dispatch.dispatch(action);
            });
            let selected = match props.answer {
                Answer::Country(code) => code.to_string(),
                Answer::DontKnow => "dont-know".to_owned(),
                _ => String::new(),
            };
            let mut sorted: Vec<_> = countries().iter().collect();
            sorted.sort_by(|a, b| a.name.cmp(&b.name));
            html! {
                <div class="question">
                    <label for={question.id} class="prompt">{question.prompt}</label>
                    {help}
                    <select id={question.id} aria-describedby={help_id} onchange={on_change}>
                        <option value="" selected={selected.is_empty()}>{"Choose a country"}</option>
                        <option value="dont-know" selected={selected == "dont-know"}>{"Don't know"}</option>
                        { for sorted.into_iter().map(|c| html! {
                            <option value={c.alpha2.clone()} selected={selected == c.alpha2}>{c.name.clone()}</option>
                        }) }
                    </select>
                </div>
            }
        }
    }
}
