//! The questions of the current mode and sector, grouped by section, with progress. Each
//! question is a fieldset with a legend, its "why this matters" and source, and "Don't know".

use crate::country_picker::CountryPicker;
use crate::rights::RightsRating;
use crate::state::AssessmentAction;
use hrdd_core::method::{Mode, Question, QuestionKind, Section, QUESTIONS};
use hrdd_core::{Answer, Assessment, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    pub assessment: Assessment,
    pub report: Rc<Report>,
    pub on_answer: Callback<AssessmentAction>,
}

fn section_id(section: Section) -> String {
    format!("section-{section:?}").to_lowercase()
}

#[function_component(Questionnaire)]
pub fn questionnaire(props: &QuestionnaireProps) -> Html {
    let assessment = &props.assessment;
    let in_scope: Vec<(usize, &'static Question)> = QUESTIONS
        .iter()
        .enumerate()
        .filter(|(_, q)| q.in_scope(assessment.mode, assessment.sector))
        .collect();
    let answered = in_scope
        .iter()
        .filter(|(i, _)| assessment.answers[*i] != Answer::Unanswered)
        .count();
    let total = in_scope.len();

    html! {
        <>
        <div class="progress" id="progress">
            <label for="progress-bar">{format!("Progress: {answered} of {total} questions answered")}</label>
            <progress id="progress-bar" max={total.to_string()} value={answered.to_string()}>{format!("{answered} of {total}")}</progress>
            <nav aria-label="Sections" class="section-links">
                { for Section::ALL.into_iter().filter(|s| in_scope.iter().any(|(_, q)| q.section == *s)).map(|section| {
                    let questions: Vec<_> = in_scope.iter().filter(|(_, q)| q.section == section).collect();
                    let done = questions.iter().filter(|(i, _)| assessment.answers[*i] != Answer::Unanswered).count();
                    let target = section_id(section);
                    let onclick = Callback::from(move |_: MouseEvent| crate::focus_element(&target));
                    html! { <button type="button" class="link-button" {onclick}>{format!("{} ({done}/{})", section.title(), questions.len())}</button> }
                }) }
            </nav>
        </div>
        { for Section::ALL.into_iter().map(|section| {
            let questions: Vec<&(usize, &'static Question)> = in_scope.iter().filter(|(_, q)| q.section == section).collect();
            if questions.is_empty() {
                return html! {};
            }
            let heading_id = section_id(section);
            html! {
                <section class="section" aria-labelledby={heading_id.clone()}>
                    <h2 id={heading_id} tabindex="-1">{section.title()}</h2>
                    { for questions.into_iter().map(|(index, question)| {
                        if matches!(question.kind, QuestionKind::Country) {
                            html! { <CountryPicker index={*index} assessment={assessment.clone()} report={props.report.clone()} on_answer={props.on_answer.clone()} /> }
                        } else {
                            html! { <QuestionView index={*index} answer={assessment.answers[*index]} on_answer={props.on_answer.clone()} /> }
                        }
                    }) }
                    if section == Section::Impacts && assessment.mode == Mode::FullAssessment {
                        <RightsRating assessment={assessment.clone()} report={props.report.clone()} on_answer={props.on_answer.clone()} />
                    }
                </section>
            }
        }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub index: usize,
    pub answer: Answer,
    pub on_answer: Callback<AssessmentAction>,
}

#[function_component(QuestionView)]
pub fn question_view(props: &QuestionProps) -> Html {
    let question = &QUESTIONS[props.index];
    let index = props.index;
    let help_id = format!("{}-help", question.id);
    let send = |action: AssessmentAction| {
        let on_answer = props.on_answer.clone();
        Callback::from(move |_: Event| on_answer.emit(action.clone()))
    };
    let dont_know_id = format!("{}-dont-know", question.id);
    let is_checklist = matches!(question.kind, QuestionKind::Checklist(_));
    let dont_know = html! {
        <div class="option dont-know">
            <input type={if is_checklist { "checkbox" } else { "radio" }}
                id={dont_know_id.clone()} name={question.id}
                checked={props.answer == Answer::DontKnow}
                onchange={send(AssessmentAction::DontKnow { question: index })} />
            <label for={dont_know_id}>{"Don't know"}</label>
        </div>
    };
    let help = html! {
        <p class="help" id={help_id.clone()}>{question.help}<span class="source">{" Source: "}{question.source}{"."}</span></p>
    };
    let class = classes!(
        "question",
        (props.answer == Answer::Unanswered).then_some("unanswered")
    );
    match question.kind {
        QuestionKind::Single(choices) => html! {
            <fieldset class={class} aria-describedby={help_id} id={format!("q-{}", question.id)} tabindex="-1">
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
                <fieldset class={class} aria-describedby={help_id} id={format!("q-{}", question.id)} tabindex="-1">
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
        // Rendered by `CountryPicker`.
        QuestionKind::Country => html! {},
    }
}
