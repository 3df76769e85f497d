//! Sharing a result as a link: the state goes in the URL fragment only, free text stays out
//! unless the user includes it, and an optional passphrase encrypts it. Copy button with
//! confirmation, and a QR code drawn locally as SVG.

use hrdd_core::link;
use hrdd_core::Assessment;
use qrcodegen::{QrCode, QrCodeEcc};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Shortest passphrase accepted: protection is only as strong as the passphrase.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// The page's address without any fragment: links open the calculator wherever it is hosted.
pub fn base_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

#[derive(Clone, PartialEq)]
struct MadeLink {
    url: String,
    made_from: Assessment,
    includes_text: bool,
    protected: bool,
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub assessment: Assessment,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &ShareProps) -> Html {
    let texts = crate::use_texts();
    let include_text = use_state(|| false);
    let passphrase = use_state(String::new);
    let made = use_state(|| None::<MadeLink>);
    let status = use_state(|| None::<(bool, String)>);
    let busy = use_state(|| false);

    let on_include = {
        let include_text = include_text.clone();
        Callback::from(move |e: Event| {
            include_text.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_passphrase = {
        let passphrase = passphrase.clone();
        Callback::from(move |e: InputEvent| {
            passphrase.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_create = {
        let (assessment, include, secret) = (
            props.assessment.clone(),
            *include_text,
            (*passphrase).clone(),
        );
        let (made, status, busy) = (made.clone(), status.clone(), busy.clone());
        let texts = texts.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if secret.is_empty() {
                let url = format!("{}#{}", base_address(), link::encode(&assessment, include));
                made.set(Some(MadeLink {
                    url,
                    made_from: assessment.clone(),
                    includes_text: include,
                    protected: false,
                }));
                status.set(None);
                return;
            }
            if secret.chars().count() < MIN_PASSPHRASE_CHARS {
                status.set(Some((
                    false,
                    texts.ui_with(
                        "ui-share-passphrase-too-short",
                        &[("count", &MIN_PASSPHRASE_CHARS.to_string())],
                    ),
                )));
                return;
            }
            let (assessment, made, status, busy) = (
                assessment.clone(),
                made.clone(),
                status.clone(),
                busy.clone(),
            );
            let (secret, texts) = (secret.clone(), texts.clone());
            busy.set(true);
            status.set(Some((true, texts.ui("ui-share-encrypting").to_owned())));
            wasm_bindgen_futures::spawn_local(async move {
                let body = link::body_bytes(&assessment, include);
                match crate::crypto::encrypt(&body, &secret).await {
                    Ok(encrypted) => {
                        let url =
                            format!("{}#{}", base_address(), link::encode_encrypted(&encrypted));
                        made.set(Some(MadeLink {
                            url,
                            made_from: assessment,
                            includes_text: include,
                            protected: true,
                        }));
                        status.set(None);
                    }
                    Err(problem) => {
                        let words = match problem {
                            crate::crypto::CryptoProblem::Unavailable => {
                                texts.ui("ui-share-no-cryptography")
                            }
                            crate::crypto::CryptoProblem::NoRandomNumbers => {
                                texts.ui("ui-share-no-random")
                            }
                            crate::crypto::CryptoProblem::EncryptionFailed => {
                                texts.ui("ui-share-encryption-failed")
                            }
                        };
                        status.set(Some((false, words.to_owned())))
                    }
                }
                busy.set(false);
            });
        })
    };
    let on_copy = {
        let (made, status, texts) = (made.clone(), status.clone(), texts.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(url) = made.as_ref().map(|m| m.url.clone()) else {
                return;
            };
            let (status, texts) = (status.clone(), texts.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
                let copied = match clipboard {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&url)).await.is_ok(),
                    None => false,
                };
                status.set(Some(if copied {
                    (true, texts.ui("ui-share-copied").to_owned())
                } else {
                    (false, texts.ui("ui-share-copy-refused").to_owned())
                }));
            });
        })
    };

    let stale = made
        .as_ref()
        .is_some_and(|m| m.made_from != props.assessment);
    html! {
        <details class="share" id="share">
            <summary>{texts.ui("ui-share-share-as-a-link")}</summary>
            <p class="help">
                {texts.ui("ui-share-the-link-carries-the-answers")}
            </p>
            <form onsubmit={on_create}>
                <div class="option">
                    <input type="checkbox" id="share-include-text" checked={*include_text} onchange={on_include} />
                    <label for="share-include-text">{texts.ui("ui-share-include-names-and-notes-the")}</label>
                </div>
                <div class="text-field">
                    <label for="share-passphrase">{texts.ui_with("ui-share-passphrase-label", &[("count", &MIN_PASSPHRASE_CHARS.to_string())])}</label>
                    <input type="password" id="share-passphrase" autocomplete="new-password" value={(*passphrase).clone()} oninput={on_passphrase} />
                </div>
                <button type="submit" id="create-link" disabled={*busy}>{texts.ui("ui-share-create-link")}</button>
            </form>
            if let Some(m) = &*made {
                <div class="made-link">
                    <label for="share-link">{ match (m.protected, m.includes_text) {
                        (false, false) => texts.ui_with("ui-share-link-label", &[("count", &m.url.len().to_string())]),
                        (true, false) => texts.ui_with("ui-share-link-label-protected", &[("count", &m.url.len().to_string())]),
                        (false, true) => texts.ui_with("ui-share-link-label-text", &[("count", &m.url.len().to_string())]),
                        (true, true) => texts.ui_with("ui-share-link-label-protected-text", &[("count", &m.url.len().to_string())]),
                    } }</label>
                    <input type="text" id="share-link" readonly=true value={m.url.clone()} />
                    <button type="button" id="copy-link" onclick={on_copy}>{texts.ui("ui-share-copy-link")}</button>
                    if stale {
                        <p class="warning">{texts.ui("ui-share-the-answers-changed-after-this")}</p>
                    }
                    {qr_code(&texts, &m.url)}
                </div>
            }
            <p id="share-status" role="status" class={classes!("help", status.as_ref().is_some_and(|(ok, _)| !ok).then_some("warning"))}>
                { status.as_ref().map(|(_, text)| text.clone()).unwrap_or_default() }
            </p>
        </details>
    }
}

/// The link as a QR code, drawn as SVG by the app itself (no image service).
fn qr_code(texts: &hrdd_core::i18n::Texts, text: &str) -> Html {
    let Ok(code) = QrCode::encode_text(text, QrCodeEcc::Low) else {
        return html! { <p class="help">{texts.ui("ui-share-this-link-is-too-long")}</p> };
    };
    let size = code.size();
    let border = 4;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let extent = size + 2 * border;
    html! {
        <figure class="qr">
            <svg id="share-qr" viewBox={format!("0 0 {extent} {extent}")} width="200" height="200" role="img" aria-label={texts.ui("ui-share-qr-code").to_owned()} shape-rendering="crispEdges">
                <rect width={extent.to_string()} height={extent.to_string()} fill="#fff" />
                <path d={path} fill="#000" />
            </svg>
            <figcaption class="help">{texts.ui("ui-share-scan-to-open-this-result")}</figcaption>
        </figure>
    }
}
