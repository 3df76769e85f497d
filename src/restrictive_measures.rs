//! What the calculator's table of UN and EU restrictive measures says about the destination:
//! beside the embargo question (with "confirm" and the reason for departing from the table) and,
//! read-only, in the results and the printed report. Every row shows its legal basis, whom it
//! covers, since when, how it was verified and what it means for this deal; the table's date is
//! shown, with a warning when it is old on this device's date.

use crate::state::AssessmentAction;
use hrdd_core::i18n::Texts;
use hrdd_core::method::{question_index, EMBARGO_QUESTION, QUESTIONS};
use hrdd_core::pre_answers::{
    MeasureOnDestination, MeasuresReading, PreAnswerStatus, RowReading, Unsettled,
};
use hrdd_core::restrictive_measures::{table_is_stale, Verification, STALE_AFTER_MONTHS};
use hrdd_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MeasuresProps {
    pub report: Rc<Report>,
    /// Beside the question: the confirm button and the reason field. None: read-only.
    #[prop_or_default]
    pub on_answer: Option<Callback<AssessmentAction>>,
    /// The reason as typed (the report's copy is trimmed; the field must keep what is typed,
    /// spaces included).
    #[prop_or_default]
    pub note: AttrValue,
}

/// The label of an option of the embargo question.
fn option_label<'a>(texts: &'a Texts, key: &str) -> &'a str {
    match question_index(EMBARGO_QUESTION) {
        Some(i) => texts.option(&QUESTIONS[i], key, hrdd_core::method::Perspective::OurDeal),
        None => "",
    }
}

fn reading_text(texts: &Texts, reading: RowReading) -> &str {
    match reading {
        RowReading::Covers => texts.ui("ui-measures-reading-covers"),
        RowReading::StateExempt => texts.ui("ui-measures-reading-state-exempt"),
        RowReading::ListedPartiesOnly => texts.ui("ui-measures-reading-listed-only"),
        RowReading::Unsettled(Unsettled::NotVerified) => {
            texts.ui("ui-measures-reading-not-verified")
        }
        RowReading::Unsettled(Unsettled::Region) => texts.ui("ui-measures-reading-region"),
        RowReading::Unsettled(Unsettled::EndUserUnknown) => {
            texts.ui("ui-measures-reading-end-user-unknown")
        }
    }
}

fn row_view(texts: &Texts, row: &MeasureOnDestination, today: &str) -> Html {
    let m = row.measure;
    let unverified = m.verification == Verification::Unverified;
    html! {
        <li class={classes!("measure", unverified.then_some("unverified"))}>
            <h4>{texts.regime(m.regime).to_owned()}</h4>
            <p class="measure-reading"><strong>{reading_text(texts, row.reading).to_owned()}</strong></p>
            <dl>
                <dt>{texts.ui("ui-restrictive-measures-whom-it-covers")}</dt><dd>{texts.measure_scope(m).to_owned()}</dd>
                <dt>{texts.ui("ui-restrictive-measures-what-it-forbids")}</dt><dd>{texts.regime_covers(m.regime).to_owned()}</dd>
                <dt>{texts.ui("ui-restrictive-measures-legal-basis")}</dt><dd>{&m.legal_basis}</dd>
                <dt>{texts.ui("ui-restrictive-measures-in-force-since")}</dt>
                <dd>
                    {&m.in_force_since}
                    if !m.valid_until.is_empty() { {"; "}{texts.ui_with("ui-measures-until", &[("date", &m.valid_until)])} }
                    if m.term_ended(today) {
                        <span class="warning">{" "}{texts.ui("ui-restrictive-measures-its-term-has-ended-on")}</span>
                    }
                </dd>
                <dt>{texts.ui("ui-restrictive-measures-verified")}</dt>
                <dd>
                    {texts.verification(m.verification).to_owned()}{" ("}
                    { if m.source_date.is_empty() {
                        texts.ui_with("ui-measures-checked", &[("checked", &m.checked)])
                    } else {
                        texts.ui_with("ui-measures-checked-against", &[("checked", &m.checked), ("source", &m.source_date)])
                    } }
                    {")"}
                </dd>
            </dl>
        </li>
    }
}

fn status_text(texts: &Texts, reading: &MeasuresReading, editable: bool) -> String {
    let first = reading.table_answers.first().copied().unwrap_or("");
    match reading.status {
        PreAnswerStatus::Presumed if editable && reading.table_answers.len() > 1 => texts.ui_with(
            "ui-measures-presumed-several",
            &[("answer", option_label(texts, first))],
        ),
        PreAnswerStatus::Presumed if editable => texts.ui_with(
            "ui-measures-presumed",
            &[("answer", option_label(texts, first))],
        ),
        PreAnswerStatus::Presumed => texts.ui_with(
            "ui-measures-presumed-unanswered",
            &[("answer", option_label(texts, first))],
        ),
        PreAnswerStatus::Agrees => texts.ui("ui-measures-agrees").to_owned(),
        PreAnswerStatus::Differs => texts.ui("ui-measures-differs").to_owned(),
        PreAnswerStatus::Overridden => texts.ui("ui-measures-overridden").to_owned(),
        PreAnswerStatus::NotSettled => texts.ui("ui-measures-not-settled").to_owned(),
    }
}

#[function_component(RestrictiveMeasures)]
pub fn restrictive_measures(props: &MeasuresProps) -> Html {
    let texts = crate::use_texts();
    let Some(reading) = &props.report.restrictive_measures else {
        return match props.on_answer {
            Some(_) => html! {
                <p class="help measures-none" id="restrictive-measures">{texts.ui("ui-restrictive-measures-choose-the-destination-the-calculator")}</p>
            },
            None => html! {},
        };
    };
    let today = crate::print::today();
    let country = hrdd_core::country::country_by_code(&reading.destination)
        .map_or(reading.destination.as_str(), |c| texts.country_name(c));
    let editable = props.on_answer.is_some();
    let index = question_index(EMBARGO_QUESTION).unwrap_or(0);
    let confirm = props
        .on_answer
        .clone()
        .filter(|_| reading.status == PreAnswerStatus::Presumed)
        .and_then(|on_answer| {
            let key = *reading.table_answers.first()?;
            let choice = QUESTIONS[index].choices().iter().position(|c| c.key == key)? as u8;
            let radio = format!("{EMBARGO_QUESTION}-{key}");
            let onclick = Callback::from(move |_: MouseEvent| {
                on_answer.emit(AssessmentAction::Choose {
                    question: index,
                    choice,
                });
                // The button goes away once the answer is confirmed: keep keyboard focus on the
                // answer just given.
                let radio = radio.clone();
                gloo::timers::callback::Timeout::new(0, move || crate::focus_element(&radio))
                    .forget();
            });
            Some(html! { <button type="button" id="confirm-embargo" {onclick}>{texts.ui("ui-restrictive-measures-confirm-the-table-s-answer")}</button> })
        });
    let show_reason = matches!(
        reading.status,
        PreAnswerStatus::Differs | PreAnswerStatus::Overridden
    );
    let reason_field = props.on_answer.clone().filter(|_| show_reason).map(|on_answer| {
        let oninput = Callback::from(move |e: InputEvent| {
            let note = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            on_answer.emit(AssessmentAction::SetAnswerNote { question: index, note });
        });
        html! {
            <div class="override">
                <label for="embargo-reason">{texts.ui("ui-restrictive-measures-your-reason-for-departing-from")}</label>
                <textarea id="embargo-reason" rows="3" maxlength="2000" value={crate::messages::free_text(&texts, &props.note)} {oninput} />
                <p class="help">{texts.ui("ui-restrictive-measures-kept-with-the-assessment-shared")}</p>
            </div>
        }
    });
    let stale = table_is_stale(&today) == Some(true);
    // The panel appears twice on the page (beside the question and in the results).
    let (id, title_id) = if editable {
        ("restrictive-measures", "measures-title")
    } else {
        ("restrictive-measures-result", "measures-result-title")
    };
    html! {
        <section class="measures" {id} aria-labelledby={title_id}>
            <h3 id={title_id}>{texts.ui_with("ui-measures-title", &[("country", country)])}</h3>
            if editable || reading.status != PreAnswerStatus::Agrees {
                <p class={classes!("measures-status", matches!(reading.status, PreAnswerStatus::Differs | PreAnswerStatus::Overridden).then_some("warning"))}>{status_text(&texts, reading, editable)}</p>
            }
            if !editable && reading.status == PreAnswerStatus::Overridden {
                <p class="warning"><strong>{texts.ui("ui-restrictive-measures-reason-given")}{" "}</strong>{crate::messages::free_text(&texts, reading.reason.as_deref().unwrap_or_default())}</p>
            }
            { for confirm }
            { for reason_field }
            if reading.rows.is_empty() {
                <p>{texts.ui_with("ui-measures-none", &[("country", country)])}</p>
            } else {
                <ul class="measure-list">{ for reading.rows.iter().map(|row| row_view(&texts, row, &today)) }</ul>
            }
            <p class="help">{texts.ui_with("ui-measures-as-of", &[("date", reading.table_as_of)])}</p>
            if stale {
                <p class="warning" role="status">{texts.ui_with("ui-measures-stale", &[("months", &STALE_AFTER_MONTHS.to_string()), ("today", &today)])}</p>
            }
        </section>
    }
}
