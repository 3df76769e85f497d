//! Element C in a full assessment: the assessor rates each right's severity (scale, scope,
//! irremediability) and likelihood, or marks it not at risk; otherwise the method's presumption
//! applies and is shown.

use crate::state::AssessmentAction;
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

const DIMENSIONS: [(&str, &str, [&str; 4]); 4] = [
    (
        "scale",
        "Scale",
        ["1 minor", "2 moderate", "3 serious", "4 grave"],
    ),
    (
        "scope",
        "Scope",
        [
            "1 a few people",
            "2 a group",
            "3 many",
            "4 a whole population",
        ],
    ),
    (
        "irremediability",
        "Irremediability",
        [
            "1 easily remedied",
            "2 with effort",
            "3 hardly",
            "4 irreversible",
        ],
    ),
    (
        "likelihood",
        "Likelihood",
        [
            "1 remote",
            "2 possible",
            "3 likely",
            "4 very likely or happening",
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
            <legend>{"Rate each right at risk"}</legend>
            <p class="help">
                {"Severity is judged by how grave the harm is for each person (scale), how many people it reaches (scope) and how hard it is to put right (irremediability); then how likely it is. Unrated rights use the method's presumption from the capabilities, sector and customer. Source: OECD Due Diligence Guidance (2018); UN Guiding Principle 24."}
            </p>
            { for RIGHTS.iter().map(|right| right_row(props, &texts, *right)) }
        </fieldset>
    }
}

fn right_row(props: &RightsProps, texts: &hrdd_core::i18n::Texts, right: Right) -> Html {
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
            <p class="right-name"><strong>{texts.right(right).to_owned()}</strong><span class="instrument">{format!(" ({})", right.instrument())}</span></p>
            if let Some(s) = salient {
                <p class="help">{format!("Now: {} severity ({}), {} (risk {}){}.", s.severity_band.label(), s.severity, s.likelihood_band.label(), s.risk.label(), if presumed.is_some() { ", presumed by the method" } else { "" })}</p>
            }
            <label for={status_id.clone()}>{format!("How to treat {}", texts.right(right).to_lowercase())}</label>
            <select id={status_id} onchange={on_status}>
                <option value="unrated" selected={status_key == "unrated"}>{ if presumed.is_some() { "Use the method's presumption" } else { "Not rated (not presumed at risk)" } }</option>
                <option value="not_at_risk" selected={status_key == "not_at_risk"}>{"Not at risk in this deal"}</option>
                <option value="rated" selected={status_key == "rated"}>{"Rate it myself"}</option>
            </select>
            if let RightStatus::Rated(rating) = status {
                <div class="ratings">
                    { for DIMENSIONS.iter().map(|(key, label, options)| {
                        let id = format!("right-{}-{key}", right.key());
                        let current = rating.dimensions().iter().find(|(d, _)| d == key).and_then(|(_, v)| *v);
                        let on_answer = props.on_answer.clone();
                        let key = *key;
                        let onchange = Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<u8>().ok();
                            on_answer.emit(AssessmentAction::SetRightStatus { right, status: RightStatus::Rated(with_dimension(rating, key, value)) });
                        });
                        html! {
                            <div class="rating">
                                <label for={id.clone()}>{*label}</label>
                                <select id={id} {onchange}>
                                    <option value="dont_know" selected={current.is_none()}>{"Don't know"}</option>
                                    { for options.iter().enumerate().map(|(i, text)| html! {
                                        <option value={(i + 1).to_string()} selected={current == Some(i as u8 + 1)}>{*text}</option>
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
