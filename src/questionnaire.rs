//! The questions asked in this assessment, grouped by section, with progress. Each question is
//! a fieldset with a legend, its "why this matters" and source, and "Don't know". A question is
//! asked when its mode fits, it is not retired, and its sector pack applies (the chosen pack, or
//! one that the product's capabilities, type or customer call for); retired questions stay in
//! the data but are never shown.

use crate::country_picker::CountryPicker;
use crate::restrictive_measures::RestrictiveMeasures;
use crate::rights::RightsRating;
use crate::state::AssessmentAction;
use hrdd_core::dates::Day;
use hrdd_core::method::{
    can_raise_prohibited_flag, Mode, Perspective, Question, QuestionKind, Section, Sector,
    EMBARGO_QUESTION, QUESTIONS, SCREENING_LIST_ITEMS,
};
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
    let texts = crate::use_texts();
    let assessment = &props.assessment;
    let asked: Vec<(usize, &'static Question)> = QUESTIONS
        .iter()
        .enumerate()
        .filter(|(_, q)| q.is_asked(assessment))
        .collect();
    let answered = asked
        .iter()
        .filter(|(i, _)| assessment.answers[*i] != Answer::Unanswered)
        .count();
    let total = asked.len();

    html! {
        <>
        <div class="progress" id="progress">
            <label for="progress-bar">{texts.ui_with("ui-questionnaire-progress", &[("answered", &answered.to_string()), ("total", &total.to_string())])}</label>
            <progress id="progress-bar" max={total.to_string()} value={answered.to_string()}>{texts.ui_with("ui-questionnaire-progress-short", &[("answered", &answered.to_string()), ("total", &total.to_string())])}</progress>
            <nav aria-label="Sections" class="section-links">
                { for Section::ALL.into_iter().filter(|s| asked.iter().any(|(_, q)| q.section == *s)).map(|section| {
                    let questions: Vec<_> = asked.iter().filter(|(_, q)| q.section == section).collect();
                    let done = questions.iter().filter(|(i, _)| assessment.answers[*i] != Answer::Unanswered).count();
                    let target = section_id(section);
                    let onclick = Callback::from(move |_: MouseEvent| crate::focus_element(&target));
                    html! { <button type="button" class="link-button" {onclick}>{format!("{} ({done}/{})", texts.section(section), questions.len())}</button> }
                }) }
            </nav>
        </div>
        { for Section::ALL.into_iter().map(|section| {
            if !asked.iter().any(|(_, q)| q.section == section) {
                return html! {};
            }
            let heading_id = section_id(section);
            html! {
                <section class="section" aria-labelledby={heading_id.clone()}>
                    <h2 id={heading_id} tabindex="-1">{texts.section(section).to_owned()}</h2>
                    // Every question of the section keeps its place in this list, asked or not, so
                    // that a question appearing or going away (a pack, a follow-up) never makes the
                    // others re-render as different questions or be re-created: keyboard focus
                    // stays on the option the user is on.
                    { for QUESTIONS.iter().enumerate().filter(|(_, q)| q.section == section && !q.retired).map(|(index, question)| {
                        if !question.is_asked(assessment) {
                            html! {}
                        } else if matches!(question.kind, QuestionKind::Country) {
                            html! { <CountryPicker index={index} assessment={assessment.clone()} report={props.report.clone()} on_answer={props.on_answer.clone()} /> }
                        } else {
                            // A question of another pack than the chosen one says why it is asked.
                            let added_by = question.sector.filter(|pack| *pack != assessment.sector);
                            // The embargo question's note is the reason for departing from the table,
                            // edited beside the table, not evidence.
                            let note: AttrValue = if question.id == EMBARGO_QUESTION {
                                AttrValue::default()
                            } else {
                                assessment.answer_notes.get(&index).cloned().unwrap_or_default().into()
                            };
                            let question_view = html! { <QuestionView index={index} answer={assessment.answers[index]} perspective={assessment.perspective} {added_by} on_answer={props.on_answer.clone()} {note} /> };
                            if question.id == SCREENING_LISTS {
                                html! { <>{question_view}<RequiredLists /></> }
                            } else if question.id == EMBARGO_QUESTION {
                                let note: AttrValue = assessment.answer_notes.get(&index).cloned().unwrap_or_default().into();
                                html! { <>{question_view}<RestrictiveMeasures report={props.report.clone()} on_answer={Some(props.on_answer.clone())} {note} /></> }
                            } else {
                                question_view
                            }
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
    /// Whose words the prompt is in (only the words change, never the score).
    pub perspective: Perspective,
    /// The sector pack that adds this question, when it is not the chosen one.
    #[prop_or_default]
    pub added_by: Option<Sector>,
    pub on_answer: Callback<AssessmentAction>,
    /// The evidence recorded for the answer, as typed (questions that can raise a prohibited
    /// red flag offer the field).
    #[prop_or_default]
    pub note: AttrValue,
}

#[function_component(QuestionView)]
pub fn question_view(props: &QuestionProps) -> Html {
    let texts = crate::use_texts();
    let question = &QUESTIONS[props.index];
    let prompt = texts.question(question, props.perspective).to_owned();
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
            <label for={dont_know_id}>{texts.ui("ui-questionnaire-don-t-know")}</label>
        </div>
    };
    let help = html! {
        <p class="help" id={help_id.clone()}>
            {texts.help(question).to_owned()}<span class="source">{" "}{texts.ui("ui-questionnaire-source")}{" "}{texts.question_source(question).to_owned()}{"."}</span>
            if let Some(pack) = props.added_by {
                <span class="pack-note">{" "}{texts.ui_with("ui-questionnaire-asked-from-pack", &[("pack", texts.sector(pack))])}</span>
            }
        </p>
    };
    let class = classes!(
        "question",
        (props.answer == Answer::Unanswered).then_some("unanswered")
    );
    // An answer that could raise (or clears) a prohibited red flag can carry its evidence, for
    // the record: what was checked, where and when.
    let evidence = (can_raise_prohibited_flag(question.id)
        && question.id != EMBARGO_QUESTION
        && !props.answer.is_gap())
    .then(|| {
        let id = format!("{}-evidence", question.id);
        let on_answer = props.on_answer.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let note = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            on_answer.emit(AssessmentAction::SetAnswerNote { question: index, note });
        });
        html! {
            <details class="evidence" open={!props.note.is_empty()}>
                <summary>{texts.ui("ui-questionnaire-evidence-for-this-answer-optional")}</summary>
                <div class="override">
                    <label for={id.clone()}>{texts.ui("ui-questionnaire-what-you-checked-where-and")}</label>
                    <textarea id={id} rows="2" maxlength="2000" value={crate::messages::free_text(&texts, &props.note)} {oninput} />
                    <p class="help">{texts.ui("ui-questionnaire-kept-with-the-assessment-and")}</p>
                </div>
            </details>
        }
    });
    match question.kind {
        QuestionKind::Single(choices) => html! {
            <fieldset class={class} aria-describedby={help_id} id={format!("q-{}", question.id)} tabindex="-1">
                <legend>{prompt}</legend>
                {help}
                { for choices.iter().enumerate().map(|(i, choice)| {
                    let id = format!("{}-{}", question.id, choice.key);
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name={question.id}
                                checked={props.answer == Answer::Choice(i as u8)}
                                onchange={send(AssessmentAction::Choose { question: index, choice: i as u8 })} />
                            <label for={id}>{texts.option(question, choice.key, props.perspective).to_owned()}</label>
                        </div>
                    }
                }) }
                {dont_know}
                { for evidence }
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
                    <legend>{prompt}</legend>
                    {help}
                    { for items.iter().enumerate().map(|(i, item)| {
                        let id = format!("{}-{}", question.id, item.key);
                        html! {
                            <div class="option">
                                <input type="checkbox" id={id.clone()}
                                    checked={ticked.is_some_and(|bits| bits & (1 << i) != 0)}
                                    onchange={send(AssessmentAction::ToggleItem { question: index, item: i as u8 })} />
                                <label for={id}>{texts.option(question, item.key, props.perspective).to_owned()}</label>
                            </div>
                        }
                    }) }
                    <div class="option">
                        <input type="checkbox" id={none_id.clone()}
                            checked={ticked == Some(0)}
                            onchange={send(AssessmentAction::NoneOfThese { question: index })} />
                        <label for={none_id}>{texts.ui("ui-questionnaire-none-of-these")}</label>
                    </div>
                    {dont_know}
                    { for evidence }
                </fieldset>
            }
        }
        QuestionKind::Date => {
            let id = format!("{}-date", question.id);
            let value = match props.answer {
                Answer::Date(day) => day.to_string(),
                _ => String::new(),
            };
            let on_answer = props.on_answer.clone();
            // While the user types, the browser reports partial dates (year 0002 after the
            // first digit of the year): those are ignored rather than stored as "not answered",
            // which would re-render the field empty and erase what is being typed. An emptied
            // field removes the answer.
            let onchange = Callback::from(move |e: Event| {
                let text = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value();
                let day = match Day::parse(&text) {
                    Some(day) => Some(day),
                    None if text.is_empty() => None,
                    None => return,
                };
                on_answer.emit(AssessmentAction::SetDate {
                    question: index,
                    day,
                });
            });
            html! {
                <fieldset class={class} aria-describedby={help_id} id={format!("q-{}", question.id)} tabindex="-1">
                    <legend>{prompt}</legend>
                    {help}
                    <div class="option date-option">
                        <label for={id.clone()}>{texts.ui("ui-questionnaire-date")}</label>
                        <input type="date" id={id} min="1990-01-01" max="2199-12-31" value={value} {onchange}
                            aria-describedby={format!("{}-date-note", question.id)} />
                    </div>
                    // A date the calculator cannot keep (outside 1990-2199) is refused by the
                    // field itself (min and max) and said here, so that nothing is lost unseen.
                    <p class="help" id={format!("{}-date-note", question.id)}>{texts.ui("ui-questionnaire-a-day-between-1990-and")}</p>
                    {dont_know}
                </fieldset>
            }
        }
        // Rendered by `CountryPicker`.
        QuestionKind::Country => html! {},
    }
}

const SCREENING_LISTS: &str = "customer.screening_lists";

/// The lists the organisation requires, beside the screening question (from `settings.json`).
#[function_component(RequiredLists)]
fn required_lists() -> Html {
    let texts = crate::use_texts();
    let settings = use_context::<Rc<crate::settings::Settings>>();
    let question = hrdd_core::method::question_index(SCREENING_LISTS).map(|i| &QUESTIONS[i]);
    let required: Vec<&str> = settings
        .map(|s| s.policy.required_screening_lists.clone())
        .unwrap_or_default()
        .iter()
        .filter_map(|key| SCREENING_LIST_ITEMS.iter().find(|c| c.key == *key))
        .map(|c| question.map_or(c.label, |q| texts.option(q, c.key, Perspective::OurDeal)))
        .collect();
    if required.is_empty() {
        return html! {};
    }
    html! {
        <p class="help required-lists" id="required-lists">
            {texts.ui_with("ui-questionnaire-required-lists", &[("lists", &texts.list(&required))])}
        </p>
    }
}
