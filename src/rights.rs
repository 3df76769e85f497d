//! Element C in a full assessment: the assessor rates each right's severity (scale, scope,
//! irremediability) and likelihood, or marks it not at risk; otherwise the method's presumption
//! applies and is shown.

use crate::state::AssessmentAction;
use hrdd_core::i18n::Texts;
use hrdd_core::method::{Right, RIGHTS};
use hrdd_core::{Assessment, ImpactRating, Report, RightStatus};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RightsProps {
    pub assessment: Assessment,
    pub report: Rc<Report>,
    pub on_answer: Callback<AssessmentAction>,
}

/// A text of the screens in the chosen language.
type Text = fn(&Texts) -> &str;

/// The four dimensions of a rating: key, label and the labels of the values 1 to 4.
const DIMENSIONS: [(&str, Text, [Text; 4]); 4] = [
    (
        "scale",
        |t| t.ui("ui-rights-scale"),
        [
            |t| t.ui("ui-rights-scale-1"),
            |t| t.ui("ui-rights-scale-2"),
            |t| t.ui("ui-rights-scale-3"),
            |t| t.ui("ui-rights-scale-4"),
        ],
    ),
    (
        "scope",
        |t| t.ui("ui-rights-scope"),
        [
            |t| t.ui("ui-rights-scope-1"),
            |t| t.ui("ui-rights-scope-2"),
            |t| t.ui("ui-rights-scope-3"),
            |t| t.ui("ui-rights-scope-4"),
        ],
    ),
    (
        "irremediability",
        |t| t.ui("ui-rights-irremediability"),
        [
            |t| t.ui("ui-rights-irremediability-1"),
            |t| t.ui("ui-rights-irremediability-2"),
            |t| t.ui("ui-rights-irremediability-3"),
            |t| t.ui("ui-rights-irremediability-4"),
        ],
    ),
    (
        "likelihood",
        |t| t.ui("ui-rights-likelihood"),
        [
            |t| t.ui("ui-rights-likelihood-1"),
            |t| t.ui("ui-rights-likelihood-2"),
            |t| t.ui("ui-rights-likelihood-3"),
            |t| t.ui("ui-rights-likelihood-4"),
        ],
    ),
];

fn with_dimension(rating: ImpactRating, dimension: &str, value: Option<u8>) -> ImpactRating {
    let mut r = rating;
    match dimension {
        "scale" => r.scale = value,
        "scope" => r.scope = value,
        "irremediability" => r.irremediability = value,
        _ => r.likelihood = value,
    }
    r
}

#[function_component(RightsRating)]
pub fn rights_rating(props: &RightsProps) -> Html {
    let texts = crate::use_texts();
    html! {
        <fieldset class="question rights-rating">
            <legend>{texts.ui("ui-rights-rate-each-right-at-risk")}</legend>
            <p class="help">
                {texts.ui("ui-rights-severity-is-judged-by-how")}
            </p>
            { for RIGHTS.iter().map(|right| right_row(props, &texts, *right)) }
        </fieldset>
    }
}

fn right_row(props: &RightsProps, texts: &Texts, right: Right) -> Html {
    let status = props.assessment.rights[right.index()];
    let salient = props
        .report
        .salient_rights
        .iter()
        .find(|r| r.right == right);
    let presumed = salient.filter(|s| s.presumed);
    let status_id = format!("right-{}-status", right.key());
    let on_status = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |e: Event| {
            let status = match e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .as_str()
            {
                "not_at_risk" => RightStatus::NotAtRisk,
                "rated" => RightStatus::Rated(ImpactRating::default()),
                _ => RightStatus::Unrated,
            };
            on_answer.emit(AssessmentAction::SetRightStatus { right, status });
        })
    };
    let status_key = match status {
        RightStatus::Unrated => "unrated",
        RightStatus::NotAtRisk => "not_at_risk",
        RightStatus::Rated(_) => "rated",
    };
    html! {
        <div class="right-row" id={format!("right-{}", right.key())}>
            <p class="right-name"><strong>{texts.right(right).to_owned()}</strong><span class="instrument">{format!(" ({})", texts.right_instrument(right))}</span></p>
            if let Some(s) = salient {
                <p class="help">{ if presumed.is_some() {
                    texts.ui_with("ui-rights-now-presumed", &[("severity", texts.severity(s.severity_band)), ("score", &s.severity.to_string()), ("likelihood", texts.likelihood(s.likelihood_band)), ("risk", texts.risk(s.risk))])
                } else {
                    texts.ui_with("ui-rights-now", &[("severity", texts.severity(s.severity_band)), ("score", &s.severity.to_string()), ("likelihood", texts.likelihood(s.likelihood_band)), ("risk", texts.risk(s.risk))])
                } }</p>
            }
            <label for={status_id.clone()}>{texts.ui_with("ui-rights-how-to-treat", &[("right", &texts.right(right).to_lowercase())])}</label>
            <select id={status_id} onchange={on_status}>
                <option value="unrated" selected={status_key == "unrated"}>{ if presumed.is_some() { texts.ui("ui-rights-use-the-presumption") } else { texts.ui("ui-rights-not-rated") } }</option>
                <option value="not_at_risk" selected={status_key == "not_at_risk"}>{texts.ui("ui-rights-not-at-risk-in-this")}</option>
                <option value="rated" selected={status_key == "rated"}>{texts.ui("ui-rights-rate-it-myself")}</option>
            </select>
            if let RightStatus::Rated(rating) = status {
                <div class="ratings">
                    { for DIMENSIONS.iter().map(|(key, label, options)| {
                        let id = format!("right-{}-{key}", right.key());
                        let current = rating.dimensions().iter().find(|(d, _)| d.key() == *key).and_then(|(_, v)| *v);
                        let on_answer = props.on_answer.clone();
                        let key = *key;
                        let onchange = Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<u8>().ok();
                            on_answer.emit(AssessmentAction::SetRightStatus { right, status: RightStatus::Rated(with_dimension(rating, key, value)) });
                        });
                        html! {
                            <div class="rating">
                                <label for={id.clone()}>{label(texts)}</label>
                                <select id={id} {onchange}>
                                    <option value="dont_know" selected={current.is_none()}>{texts.ui("ui-questionnaire-don-t-know")}</option>
                                    { for options.iter().enumerate().map(|(i, text)| html! {
                                        <option value={(i + 1).to_string()} selected={current == Some(i as u8 + 1)}>{text(texts)}</option>
                                    }) }
                                </select>
                            </div>
                        }
                    }) }
                </div>
            }
        </div>
    }
}
