//! A shared link, shown read-only: unlock it with a passphrase if it is protected, read the
//! result and the answers, then keep a copy as one's own draft or close it. It never
//! overwrites the user's drafts.

use crate::print::PrintReport;
use crate::results::Results;
use crate::state::{AppAction, AppState, SharedState};
use hrdd_core::link;
use hrdd_core::method::METHOD_VERSION;
use hrdd_core::scoring::score_with;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Remove the link from the address bar (the page stays), so that a reload or a bookmark does
/// not reopen it and the answers leave the visible address.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&crate::share::base_address()),
            );
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub state: AppState,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(SharedView)]
pub fn shared_view(props: &SharedProps) -> Html {
    let texts = crate::use_texts();
    // Scored under the organisation's policy, as the open assessment is.
    let policy = use_context::<std::rc::Rc<crate::settings::Settings>>()
        .map(|settings| settings.policy.clone())
        .unwrap_or_default();
    let passphrase = use_state(String::new);
    let dispatch = props.dispatch.clone();
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            clear_fragment();
            dispatch.dispatch(AppAction::CloseShared);
        })
    };
    match &props.state.shared {
        None => {
            html! { <p>{texts.ui("ui-shared-no-shared-link-is-open")}</p> }
        }
        Some(SharedState::Locked {
            link: locked,
            error,
            busy,
        }) => {
            let on_input = {
                let passphrase = passphrase.clone();
                Callback::from(move |e: InputEvent| {
                    passphrase.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            let on_unlock = {
                let (dispatch, locked, passphrase) =
                    (dispatch.clone(), locked.clone(), passphrase.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let (dispatch, locked, secret) =
                        (dispatch.clone(), locked.clone(), (*passphrase).clone());
                    dispatch.dispatch(AppAction::Unlocking);
                    wasm_bindgen_futures::spawn_local(async move {
                        let opened = match crate::crypto::decrypt(&locked, &secret).await {
                            Ok(bytes) => link::decode_body(&bytes),
                            Err(e) => Err(e),
                        };
                        match opened {
                            Ok(shared) => dispatch.dispatch(AppAction::Unlocked(shared)),
                            Err(e) => dispatch.dispatch(AppAction::UnlockFailed(e)),
                        }
                    });
                })
            };
            html! {
                <section class="shared" aria-labelledby="shared-title">
                    <h2 id="shared-title">{texts.ui("ui-shared-shared-assessment-protected-by-a")}</h2>
                    <p>{texts.ui("ui-shared-enter-the-passphrase-you-were")}</p>
                    <form onsubmit={on_unlock}>
                        <div class="text-field">
                            <label for="unlock-passphrase">{texts.ui("ui-shared-passphrase")}</label>
                            <input type="password" id="unlock-passphrase" autocomplete="off" value={(*passphrase).clone()} oninput={on_input}
                                aria-invalid={error.is_some().then_some("true")} aria-describedby="unlock-error" />
                        </div>
                        <p id="unlock-error" role="alert" class="warning">{error.as_ref().map(|e| crate::messages::link_error(&texts, e)).unwrap_or_default()}</p>
                        <button type="submit" id="unlock" disabled={*busy}>{ if *busy { "Opening…" } else { "Open" } }</button>
                        {" "}<button type="button" onclick={close}>{texts.ui("ui-shared-close")}</button>
                    </form>
                </section>
            }
        }
        Some(SharedState::Open(shared)) => {
            let report = std::rc::Rc::new(score_with(&shared.assessment, &policy));
            let copy = {
                let dispatch = dispatch.clone();
                let title = shared.assessment.text.title.trim();
                let name = if title.is_empty() {
                    texts.ui("ui-shared-copy-untitled").to_owned()
                } else {
                    texts.ui_with("ui-shared-copy-of", &[("title", title)])
                };
                Callback::from(move |_: MouseEvent| {
                    clear_fragment();
                    dispatch.dispatch(AppAction::EditSharedCopy { name: name.clone() });
                })
            };
            // The catalogue is append-only, so an older link's answers carry over unchanged to the
            // current method: it is migrated, and the page says so.
            let version_note = if shared.method_version == METHOD_VERSION {
                texts.ui_with(
                    "ui-shared-made-with",
                    &[("version", &METHOD_VERSION.to_string())],
                )
            } else {
                texts.ui_with(
                    "ui-shared-carried-over",
                    &[
                        ("made_with", &shared.method_version.to_string()),
                        ("version", &METHOD_VERSION.to_string()),
                    ],
                )
            };
            html! {
                <section class="shared" aria-labelledby="shared-title">
                    <div class="shared-banner">
                        <h2 id="shared-title">{texts.ui("ui-shared-shared-assessment-read-only")}</h2>
                        <p>
                            {texts.ui("ui-shared-this-result-was-opened-from")}{" "}
                            {version_note}
                            {" "}{ if shared.includes_text { texts.ui("ui-shared-with-text") } else { texts.ui("ui-shared-without-text") } }
                        </p>
                        <button type="button" id="edit-copy" onclick={copy}>{texts.ui("ui-shared-edit-a-copy")}</button>
                        {" "}<button type="button" id="close-shared" onclick={close}>{texts.ui("ui-shared-close")}</button>
                    </div>
                    <div class="layout">
                        <PrintReport assessment={shared.assessment.clone()} report={report.clone()} draft_name={texts.ui("ui-shared-shared-assessment").to_owned()} on_screen={true} />
                        <Results report={report} />
                    </div>
                </section>
            }
        }
    }
}
