//! Embedding in intranet pages: the compact layout (`?embed=1`), the dialog that writes the
//! embedding snippets, and the opt-in outcome summary sent to the embedding page with
//! `postMessage` — only to the origin the deployer configured, and only the fields they allowed.

use crate::settings::{PostMessageSettings, Settings};
use hrdd_core::i18n::Texts;
use hrdd_core::Report;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The message type an embedding page listens for.
pub const MESSAGE_TYPE: &str = "hrdd-calculator/outcome";

/// Whether the page was opened in embed mode (`?embed=1`): compact, no page chrome.
pub fn embed_mode() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .any(|pair| pair == "embed=1" || pair == "embed")
        })
}

/// The summary an embedding page may receive: only the allowed fields, never an answer or text.
/// The labels are in the language the page shows.
pub fn summary(report: &Report, allowed: &PostMessageSettings, texts: &Texts) -> Object {
    let message = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&message, &JsValue::from_str(key), &value);
    };
    set("type", MESSAGE_TYPE.into());
    set("method_version", report.method_version.into());
    for field in &allowed.fields {
        let value: JsValue = match field.as_str() {
            "outcome" => report.outcome.key().into(),
            "outcome_label" => texts.outcome(report.outcome).into(),
            "residual_risk" => texts.risk(report.residual_risk).into(),
            "element_scores" => {
                let scores = Object::new();
                for e in &report.elements {
                    let _ = Reflect::set(
                        &scores,
                        &e.element.letter().to_string().into(),
                        &e.score.into(),
                    );
                }
                scores.into()
            }
            "red_flag_count" => (report.red_flags.len() as u32).into(),
            "open_question_count" => (report.open_questions.len() as u32).into(),
            _ => continue,
        };
        set(field, value);
    }
    message
}

/// Send the summary to the parent page, if this page is embedded and the settings allow it. The
/// browser delivers it only when the parent's origin is exactly the configured one.
pub fn post_summary(report: &Report, settings: &Settings, texts: &Texts) {
    let (Some(window), Some(allowed)) = (web_sys::window(), settings.post_message.as_ref()) else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let _ = parent.post_message(&summary(report, allowed, texts), &allowed.target_origin);
}

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub base: String,
}

/// Writes the two ways of embedding the calculator in another page.
#[function_component(EmbedDialog)]
pub fn embed_dialog(props: &EmbedDialogProps) -> Html {
    let texts = crate::use_texts();
    let base = props.base.trim_end_matches("index.html").to_owned();
    let iframe = format!(
        "<iframe src=\"{base}?embed=1\" title=\"Human rights due diligence calculator\" style=\"width:100%;height:1200px;border:0\"></iframe>"
    );
    let mount = format!(
        "<link rel=\"stylesheet\" href=\"{base}style.css\">\n<div id=\"hrdd-calculator\"></div>\n<script type=\"module\" src=\"{base}boot.js\"></script>"
    );
    html! {
        <details class="share embed-dialog" id="embed">
            <summary>{texts.ui("ui-embed-embed-in-another-page")}</summary>
            <p class="help">{texts.ui("ui-embed-copy-one-of-these-into")}</p>
            <label for="embed-iframe">{texts.ui("ui-embed-as-an-iframe-compact-layout")}</label>
            <textarea id="embed-iframe" readonly=true rows="3" value={iframe} />
            <label for="embed-mount">{texts.ui("ui-embed-mounted-into-the-page-itself")}</label>
            <textarea id="embed-mount" readonly=true rows="4" value={mount} />
        </details>
    }
}
