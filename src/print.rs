//! The printed report (shown only when printing): what was assessed, when, with which method,
//! every answer (and the answers an assessment made under method 1 gave to questions method 2
//! retired), and how every score was reached. The results panel prints beside it.

use hrdd_core::method::{Section, EMBARGO_QUESTION, METHOD_VERSION, QUESTIONS, RIGHTS};
use hrdd_core::{Answer, Assessment, Report, RightStatus};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintProps {
    pub assessment: Assessment,
    pub report: Rc<Report>,
    pub draft_name: String,
    /// Shown on screen too (the read-only view of a shared link), not only in print.
    #[prop_or_default]
    pub on_screen: bool,
}

/// Today's date on this device, YYYY-MM-DD.
pub(crate) fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// The method an assessment was made with, and the one that scored it.
fn method_version_text(texts: &hrdd_core::i18n::Texts, made_with: u16) -> String {
    if made_with == METHOD_VERSION {
        made_with.to_string()
    } else {
        texts.ui_with(
            "ui-print-carried-over",
            &[
                ("made_with", &made_with.to_string()),
                ("version", &METHOD_VERSION.to_string()),
            ],
        )
    }
}

/// The name of a rating's dimension, as the rating form labels it.
fn dimension_name<'a>(texts: &'a hrdd_core::i18n::Texts, dimension: &str) -> &'a str {
    match dimension {
        "scale" => texts.ui("ui-rights-scale"),
        "scope" => texts.ui("ui-rights-scope"),
        "irremediability" => texts.ui("ui-rights-irremediability"),
        _ => texts.ui("ui-rights-likelihood"),
    }
}

#[function_component(PrintReport)]
pub fn print_report(props: &PrintProps) -> Html {
    let texts = crate::use_texts();
    let a = &props.assessment;
    let title = if a.text.title.trim().is_empty() {
        props.draft_name.clone()
    } else {
        a.text.title.clone()
    };
    // Retired questions are never asked, but an assessment made under method 1 keeps its answers.
    let retired: Vec<usize> = QUESTIONS
        .iter()
        .enumerate()
        .filter(|(i, q)| q.retired && a.answers.get(*i).is_some_and(|x| *x != Answer::Unanswered))
        .map(|(i, _)| i)
        .collect();
    html! {
        // The memo's head (title, facts, the decision with its conditions and sign-off) prints
        // before the result, its appendix (the answers and how every score was reached) after it:
        // the style sheet orders the two in print.
        <div class={classes!("print-report", (!props.on_screen).then_some("print-only"))}>
        <section class="print-head" aria-label={texts.ui("ui-print-report").to_owned()}>
            <h2>{texts.ui_with("ui-print-report-title", &[("title", &title)])}</h2>
            <dl class="report-meta">
                if !a.text.customer_name.is_empty() { <dt>{texts.ui("ui-print-customer")}</dt><dd>{a.text.customer_name.clone()}</dd> }
                <dt>{texts.ui("ui-questionnaire-date")}</dt><dd>{today()}</dd>
                if !a.record.assessor.trim().is_empty() { <dt>{texts.ui("ui-decision-assessor")}</dt><dd>{a.record.assessor.clone()}</dd> }
                <dt>{texts.ui("ui-print-method-version")}</dt><dd>{method_version_text(&texts, a.method_version)}</dd>
                <dt>{texts.ui("ui-print-country-data")}</dt><dd>{texts.country_data_attribution().to_owned()}</dd>
                <dt>{texts.ui("ui-print-measures-as-of")}</dt><dd>{hrdd_core::restrictive_measures::TABLE_AS_OF}</dd>
                <dt>{texts.ui("ui-print-mode")}</dt><dd>{texts.mode(a.mode).to_owned()}</dd>
                <dt>{texts.ui("ui-print-perspective")}</dt><dd>{texts.perspective(a.perspective).to_owned()}</dd>
                <dt>{texts.ui("ui-print-sector-pack")}</dt><dd>{texts.sector(a.sector).to_owned()}</dd>
                <dt>{texts.ui("ui-results-outcome")}</dt><dd>{texts.outcome(props.report.outcome).to_owned()}</dd>
                if !a.text.beneficial_purpose.is_empty() { <dt>{texts.ui("ui-print-beneficial-purpose-never-weighed-against")}</dt><dd>{a.text.beneficial_purpose.clone()}</dd> }
                if !a.text.notes.is_empty() { <dt>{texts.ui("ui-start-notes")}</dt><dd>{a.text.notes.clone()}</dd> }
            </dl>
            {crate::decision::printed_record(&texts, &a.record, props.report.outcome, hrdd_core::dates::Day::parse(&today()))}
        </section>
        <section class="print-appendix" aria-labelledby="print-answers-title">
            <h3 id="print-answers-title">{texts.ui("ui-print-answers")}</h3>
            <table class="answers">
                <thead><tr><th scope="col">{texts.ui("ui-results-question")}</th><th scope="col">{texts.ui("ui-results-answer")}</th></tr></thead>
                <tbody>
                    { for Section::ALL.into_iter().flat_map(|section| QUESTIONS.iter().enumerate().filter(move |(_, q)| q.section == section)).filter(|(_, q)| q.is_asked(a)).map(|(i, q)| html! {
                        <tr><td>{texts.question(q, a.perspective).to_owned()}</td><td>
                            {texts.answer(i, a.answers[i], a.perspective)}
                            if let Some(note) = a.answer_notes.get(&i).filter(|n| !n.trim().is_empty()) {
                                <br /><em>{if q.id == EMBARGO_QUESTION { texts.ui("ui-print-reason-for-departing") } else { texts.ui("ui-print-evidence") }}{" "}</em>{crate::messages::free_text(&texts, note)}
                            }
                        </td></tr>
                    }) }
                    if let Some(o) = &a.country_override {
                        <tr><td>{texts.ui("ui-print-country-context-override")}</td><td>{format!("{}: {}", texts.context_level(o.level), crate::messages::free_text(&texts, &o.reason))}</td></tr>
                    }
                    { for RIGHTS.iter().zip(&a.rights).filter(|(_, s)| **s != RightStatus::Unrated).map(|(right, status)| html! {
                        <tr><td>{texts.ui_with("ui-print-rating-of", &[("right", texts.right(*right))])}</td><td>{ match status {
                            RightStatus::NotAtRisk => texts.ui("ui-print-not-at-risk").to_owned(),
                            RightStatus::Rated(r) => r.dimensions().iter().map(|(d, v)| format!("{} {}", dimension_name(&texts, d.key()), v.map_or_else(|| texts.ui("ui-print-dont-know").to_owned(), |v| v.to_string()))).collect::<Vec<_>>().join(", "),
                            RightStatus::Unrated => String::new(),
                        } }</td></tr>
                    }) }
                </tbody>
            </table>
            if !retired.is_empty() {
                <h3>{texts.ui("ui-print-answers-to-questions-of-method")}</h3>
                <p>{texts.ui_with("ui-print-no-longer-asks", &[("version", &METHOD_VERSION.to_string())])}</p>
                <table class="answers">
                    <thead><tr><th scope="col">{texts.ui("ui-print-question-method-1")}</th><th scope="col">{texts.ui("ui-results-answer")}</th></tr></thead>
                    <tbody>
                        { for retired.iter().map(|&i| html! {
                            <tr><td>{texts.question(&QUESTIONS[i], a.perspective).to_owned()}</td><td>{texts.answer(i, a.answers[i], a.perspective)}</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            <h3>{texts.ui("ui-print-how-every-score-was-reached")}</h3>
            {crate::results::explanation_body(&texts, &props.report)}
            if let Some(c) = &props.report.country {
                <p class="attribution">{texts.ui_with("ui-print-country-context-for", &[("country", hrdd_core::country::country_by_code(&c.code).map_or(c.code.as_str(), |country| texts.country_name(country)))])}{" "}{texts.country_data_attribution().to_owned()}</p>
            }
        </section>
        </div>
    }
}
