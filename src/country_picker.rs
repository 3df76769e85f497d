//! The destination question: a searchable list of ISO countries, the country context card
//! (indicators, year, source, licence) and the user's override with a reason.

use crate::state::AssessmentAction;
use hrdd_core::country::countries;
use hrdd_core::i18n::Texts;
use hrdd_core::method::{ContextLevel, QUESTIONS, WORST_SHARE_PERCENT};
use hrdd_core::report::SpecificReading;
use hrdd_core::{Answer, Assessment, CountryCode, Report};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CountryPickerProps {
    pub index: usize,
    pub assessment: Assessment,
    pub report: Rc<Report>,
    pub on_answer: Callback<AssessmentAction>,
}

#[function_component(CountryPicker)]
pub fn country_picker(props: &CountryPickerProps) -> Html {
    let texts = crate::use_texts();
    let perspective = props.assessment.perspective;
    let question = &QUESTIONS[props.index];
    let index = props.index;
    let query = use_state(String::new);
    let answer = props.assessment.answers[index];
    let selected = match answer {
        Answer::Country(code) => code.to_string(),
        Answer::DontKnow => "dont-know".to_owned(),
        _ => String::new(),
    };

    let needle = search_key(query.trim());
    // Names in the chosen language, searched in it and in English, sorted without regard to
    // accents ("États-Unis" among the E).
    let mut matches: Vec<_> = countries()
        .iter()
        .filter(|c| {
            needle.is_empty()
                || search_key(texts.country_name(c)).contains(&needle)
                || search_key(&c.name).contains(&needle)
                || c.alpha2.eq_ignore_ascii_case(&needle)
                || c.alpha3.eq_ignore_ascii_case(&needle)
                // Keep the chosen country visible whatever the search.
                || c.alpha2 == selected
        })
        .collect();
    matches.sort_by_cached_key(|c| search_key(texts.country_name(c)));
    let shown = matches.len();

    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_pick = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let action = if value == "dont-know" {
                AssessmentAction::DontKnow { question: index }
            } else {
                AssessmentAction::SetCountry {
                    question: index,
                    country: value.parse::<CountryCode>().ok(),
                }
            };
            on_answer.emit(action);
        })
    };
    let help_id = format!("{}-help", question.id);

    html! {
        <div class={classes!("question", "country-question", (answer == Answer::Unanswered).then_some("unanswered"))} role="group" aria-labelledby="destination-label" id={format!("q-{}", question.id)} tabindex="-1">
            <p class="prompt" id="destination-label">{texts.question(question, perspective).to_owned()}</p>
            <p class="help" id={help_id.clone()}>{texts.help(question).to_owned()}<span class="source">{" "}{texts.ui("ui-questionnaire-source")}{" "}{texts.question_source(question).to_owned()}{"."}</span></p>
            <label for="country-search">{texts.ui("ui-country-picker-search-countries-by-name-or")}</label>
            <input type="search" id="country-search" autocomplete="off" value={(*query).clone()} oninput={on_search}
                aria-controls={question.id} />
            <label for={question.id} class="visually-hidden-label">{texts.ui_with("ui-country-picker-destination-shown", &[("shown", &shown.to_string())])}</label>
            <select id={question.id} size="6" aria-describedby={help_id} onchange={on_pick}>
                <option value="dont-know" selected={selected == "dont-know"}>{texts.ui("ui-questionnaire-don-t-know")}</option>
                { for matches.iter().map(|c| html! {
                    <option value={c.alpha2.clone()} selected={selected == c.alpha2}>{format!("{} ({})", texts.country_name(c), c.alpha2)}</option>
                }) }
            </select>
            if shown == 0 {
                <p class="help" role="status">{texts.ui("ui-country-picker-no-country-matches-this-search")}</p>
            }
            <ContextCard assessment={props.assessment.clone()} report={props.report.clone()} on_answer={props.on_answer.clone()} />
        </div>
    }
}

/// Lower case with the accents of country names folded ("Côte" matches "cote"), without the
/// full Unicode case tables: every country name is Latin script.
pub fn search_key(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'À'..='Å' | 'à'..='å' => 'a',
            'Ç' | 'ç' => 'c',
            'È'..='Ë' | 'è'..='ë' => 'e',
            'Ì'..='Ï' | 'ì'..='ï' => 'i',
            'Ñ' | 'ñ' => 'n',
            'Ò'..='Ö' | 'ò'..='ö' => 'o',
            'Ù'..='Ü' | 'ù'..='ü' => 'u',
            'Ý' | 'ý' | 'ÿ' => 'y',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct ContextCardProps {
    assessment: Assessment,
    report: Rc<Report>,
    on_answer: Callback<AssessmentAction>,
}

#[function_component(ContextCard)]
fn context_card(props: &ContextCardProps) -> Html {
    let texts = crate::use_texts();
    let Some(context) = props.report.country.as_ref() else {
        return html! {};
    };
    let override_set = props.assessment.country_override.as_ref();
    let on_toggle = {
        let on_answer = props.on_answer.clone();
        let derived = context.derived_level.unwrap_or(ContextLevel::VeryHigh);
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_answer.emit(AssessmentAction::SetCountryOverride(on.then_some(derived)));
        })
    };
    let on_level = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(level) = ContextLevel::from_key(&key) {
                on_answer.emit(AssessmentAction::SetCountryOverride(Some(level)));
            }
        })
    };
    let on_reason = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |e: InputEvent| {
            on_answer.emit(AssessmentAction::SetCountryOverrideReason(
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    html! {
        <section class="context-card" aria-labelledby="context-title" id="country-context">
            <h3 id="context-title">{texts.ui_with("ui-country-picker-country-context", &[("country", hrdd_core::country::country_by_code(&context.code).map_or(context.code.as_str(), |c| texts.country_name(c)))])}</h3>
            <p>
                { match (context.index, context.derived_level) {
                    (Some(index), Some(level)) => texts.ui_with("ui-country-picker-from-the-indicators", &[("level", texts.context_level(level)), ("index", &index.to_string())]),
                    _ => texts.ui("ui-country-picker-no-indicators").to_owned(),
                } }
                if let Some(regime) = context.regime { {" "}{texts.ui_with("ui-country-picker-regime", &[("regime", texts.regime_type(regime))])} }
            </p>
            if context.level_for_flags != context.level_used {
                <p id="context-margin">{texts.ui_with(
                    "ui-country-picker-margin",
                    &[("margin", &context.margin.to_string()), ("level", texts.context_level(context.level_for_flags))],
                )}</p>
            }
            if !context.indicators.is_empty() {
                <table class="indicators">
                    <caption>{texts.ui("ui-country-picker-indicators-used-each-on-a")}</caption>
                    <thead><tr><th scope="col">{texts.ui("ui-country-picker-indicator-source")}</th><th scope="col">{texts.ui("ui-country-picker-value")}</th><th scope="col">{texts.ui("ui-country-picker-risk")}</th></tr></thead>
                    <tbody>
                        { for context.indicators.iter().map(|r| html! {
                            <tr><th scope="row">{texts.indicator(r.key).to_owned()}<span class="indicator-source">{format!(" ({})", r.source)}</span></th><td>{texts.indicator_values(&r.values)}</td><td>{r.risk()}</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            if context.specific.iter().any(|s| s.rank.is_some()) {
                <table class="indicators" id="specific-indicators">
                    <caption>{texts.ui_with("ui-country-picker-specific-caption", &[("share", &WORST_SHARE_PERCENT.to_string())])}</caption>
                    <thead><tr><th scope="col">{texts.ui("ui-country-picker-indicator-source")}</th><th scope="col">{texts.ui("ui-country-picker-countries-doing-worse")}</th><th scope="col">{texts.ui("ui-country-picker-what-it-means-for-this")}</th></tr></thead>
                    <tbody>
                        { for context.specific.iter().filter(|s| s.rank.is_some()).map(|s| html! {
                            <tr>
                                <th scope="row">{texts.specific_indicator(s.indicator).to_owned()}<span class="indicator-source">{format!(" (V-Dem {}, 2023)", s.indicator.vdem_code())}</span></th>
                                <td>{format!("{}%", s.rank.unwrap_or_default())}</td>
                                <td>{ specific_meaning(&texts, s) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            <p class="attribution">{texts.country_data_attribution().to_owned()}</p>
            <div class="option">
                <input type="checkbox" id="override-toggle" checked={override_set.is_some()} onchange={on_toggle} />
                <label for="override-toggle">{texts.ui("ui-country-picker-override-the-context-level-with")}</label>
            </div>
            if let Some(o) = override_set {
                <div class="override">
                    <label for="override-level">{texts.ui("ui-country-picker-context-level")}</label>
                    <select id="override-level" onchange={on_level}>
                        { for ContextLevel::ALL.into_iter().map(|level| html! {
                            <option value={level.key()} selected={o.level == level}>{texts.context_level(level).to_owned()}</option>
                        }) }
                    </select>
                    <label for="override-reason">{texts.ui("ui-country-picker-reason-required-shown-in-the")}</label>
                    <textarea id="override-reason" rows="2" maxlength="2000" value={crate::messages::free_text(&texts, &o.reason)} oninput={on_reason}
                        aria-invalid={o.reason.trim().is_empty().then_some("true")} aria-describedby="override-reason-note" />
                    <p id="override-reason-note" class={classes!("help", o.reason.trim().is_empty().then_some("warning"))}>
                        { if o.reason.trim().is_empty() {
                            texts.ui("ui-country-picker-override-needs-reason")
                        } else {
                            texts.ui("ui-country-picker-override-applied")
                        } }
                    </p>
                </div>
            }
        </section>
    }
}

/// What a product-specific indicator means for this deal, in words.
fn specific_meaning(texts: &Texts, reading: &SpecificReading) -> String {
    let rights: Vec<&str> = reading.raises.iter().map(|r| texts.right(*r)).collect();
    match (reading.among_worst, rights.is_empty()) {
        (true, false) => texts.ui_with(
            "ui-country-picker-among-worst-raises",
            &[("rights", &rights.join(", "))],
        ),
        (true, true) => texts.ui_with(
            "ui-country-picker-among-worst-bears",
            &[("products", texts.indicator_bears_on(reading.indicator))],
        ),
        (false, _) => texts.ui_with(
            "ui-country-picker-not-among-worst",
            &[("products", texts.indicator_bears_on(reading.indicator))],
        ),
    }
}
