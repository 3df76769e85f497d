//! Actions on the whole assessment: new, export and import as a JSON file, print. Files are
//! written to and read from the user's own disk; nothing goes over the network.

use crate::state::{AppAction, AppState, Notice, NoticeKind};
use crate::storage::{self, MAX_IMPORT_BYTES};
use hrdd_core::Assessment;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub assessment: Assessment,
    pub draft_name: String,
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn notify(dispatch: &UseReducerDispatcher<AppState>, kind: NoticeKind, text: String) {
    dispatch.dispatch(AppAction::Notify(match kind {
        NoticeKind::Info => Notice::info(text),
        NoticeKind::Error => Notice::error(text),
    }));
}

/// A file name from the draft's name: letters, digits and dashes only.
fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}.hrdd.json",
        if slug.is_empty() {
            "assessment".to_owned()
        } else {
            slug
        }
    )
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let texts = crate::use_texts();
    let include_text = use_state(|| false);
    let on_new = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::NewDraft))
    };
    let on_export = {
        let texts = texts.clone();
        let dispatch = props.dispatch.clone();
        let assessment = props.assessment.clone();
        let name = props.draft_name.clone();
        let include = *include_text;
        Callback::from(move |_: MouseEvent| {
            let result = storage::export_json(&assessment, include).and_then(|json| {
                storage::download(&file_name(&name), &json).map_err(|_| {
                    storage::StorageError::Browser(
                        texts.ui("ui-toolbar-browser-refused-save").to_owned(),
                    )
                })
            });
            let file = file_name(&name);
            match result {
                Ok(()) => notify(
                    &dispatch,
                    NoticeKind::Info,
                    if include {
                        texts.ui_with("ui-toolbar-exported-with-text", &[("file", &file)])
                    } else {
                        texts.ui_with("ui-toolbar-exported-without-text", &[("file", &file)])
                    },
                ),
                Err(e) => notify(
                    &dispatch,
                    NoticeKind::Error,
                    crate::messages::storage_error(&texts, &e),
                ),
            }
        })
    };
    // The report as a Markdown memo, for a wiki or a word processor. Names and notes go in only
    // when the user includes them, as in the JSON file.
    let on_markdown = {
        let texts = texts.clone();
        let dispatch = props.dispatch.clone();
        let assessment = props.assessment.clone();
        let name = props.draft_name.clone();
        let include = *include_text;
        let policy = use_context::<std::rc::Rc<crate::settings::Settings>>()
            .map(|s| s.policy.clone())
            .unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            let report = hrdd_core::scoring::score_with(&assessment, &policy);
            let mut shown = assessment.clone();
            let title = if !include {
                shown.text = Default::default();
                texts.ui("ui-drafts-untitled").to_owned()
            } else if assessment.text.title.trim().is_empty() {
                name.clone()
            } else {
                assessment.text.title.clone()
            };
            let memo =
                hrdd_core::memo::markdown(&texts, &shown, &report, &title, &crate::print::today());
            let file = file_name(&name).replace(".hrdd.json", ".md");
            match storage::download_as(&file, &memo, "text/markdown") {
                Ok(()) => notify(
                    &dispatch,
                    NoticeKind::Info,
                    texts.ui_with("ui-toolbar-exported-markdown", &[("file", &file)]),
                ),
                Err(_) => notify(
                    &dispatch,
                    NoticeKind::Error,
                    texts.ui("ui-toolbar-browser-refused-save").to_owned(),
                ),
            }
        })
    };
    let on_include = {
        let include_text = include_text.clone();
        Callback::from(move |e: Event| {
            include_text.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_import = {
        let texts = texts.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be chosen again after a failed attempt.
            input.set_value("");
            if file.size() > MAX_IMPORT_BYTES {
                notify(
                    &dispatch,
                    NoticeKind::Error,
                    texts.ui_with("ui-toolbar-file-too-large", &[("file", &file.name())]),
                );
                return;
            }
            let (dispatch, texts) = (dispatch.clone(), texts.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = match JsFuture::from(file.text()).await {
                    Ok(text) => text.as_string().unwrap_or_default(),
                    Err(_) => {
                        notify(
                            &dispatch,
                            NoticeKind::Error,
                            texts.ui_with("ui-toolbar-file-unreadable", &[("file", &name)]),
                        );
                        return;
                    }
                };
                match storage::import_json(&text) {
                    Ok(assessment) => {
                        let draft_name = if assessment.text.title.trim().is_empty() {
                            name.trim_end_matches(".json")
                                .trim_end_matches(".hrdd")
                                .to_owned()
                        } else {
                            assessment.text.title.trim().to_owned()
                        };
                        dispatch.dispatch(AppAction::Import {
                            name: draft_name,
                            assessment,
                        });
                        notify(
                            &dispatch,
                            NoticeKind::Info,
                            texts.ui_with("ui-toolbar-imported", &[("file", &name)]),
                        );
                    }
                    Err(message) => notify(
                        &dispatch,
                        NoticeKind::Error,
                        texts.ui_with(
                            "ui-toolbar-import-failed",
                            &[("problem", &crate::messages::storage_error(&texts, &message))],
                        ),
                    ),
                }
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <div class="toolbar" role="toolbar" aria-label={texts.ui("ui-app-nav-assessment").to_owned()}>
            <p class="draft-name">{texts.ui("ui-toolbar-draft")}{" "}<strong>{props.draft_name.clone()}</strong>
                <span class="storage-note">{" "}{texts.ui("ui-toolbar-autosaved-in-this-browser-only")}</span></p>
            <button type="button" onclick={on_new}>{texts.ui("ui-toolbar-new-assessment")}</button>
            <button type="button" id="export-json" onclick={on_export}>{texts.ui("ui-toolbar-export-json")}</button>
            <button type="button" id="export-markdown" onclick={on_markdown}>{texts.ui("ui-toolbar-export-markdown")}</button>
            <span class="option inline">
                <input type="checkbox" id="export-include-text" checked={*include_text} onchange={on_include} />
                <label for="export-include-text">{texts.ui("ui-toolbar-include-names-and-notes")}</label>
            </span>
            <span class="import">
                <label for="import-json">{texts.ui("ui-toolbar-import-json-file")}</label>
                <input type="file" id="import-json" accept=".json,application/json" onchange={on_import} />
            </span>
            <button type="button" id="print-report" onclick={on_print}>{texts.ui("ui-toolbar-print-or-save-as-pdf")}</button>
        </div>
    }
}
