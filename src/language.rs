//! The language of the screens: which one (the address's `?lang=`, then the choice remembered
//! in this browser, then the organisation's default from `settings.json`, then the browser's own
//! languages), its catalogue (English too: fetched from the calculator's own folder, started
//! early by the boot script, or read from the page itself in the one-file build; a request that
//! carries no user data), the switcher, and `<html lang>` kept in step.

use hrdd_core::i18n::{Catalogue, Language, Texts};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Local-storage key of the language chosen with the switcher. It starts like every key of the
/// application, so "Delete local data" forgets it too.
pub const LANGUAGE_KEY: &str = "hrdd-calculator.language";

/// The language named in the address (`?lang=fr`), for embedding pages and shared bookmarks.
pub fn from_address() -> Option<Language> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Language::from_tag)
}

/// The language the user chose with the switcher in this browser.
pub fn remembered() -> Option<Language> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Language::from_tag(&storage.get_item(LANGUAGE_KEY).ok()??)
}

/// Remember the user's choice (nothing happens where storage is turned off).
pub fn remember(language: Language) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(LANGUAGE_KEY, language.code());
    }
}

/// The first of the browser's languages that the calculator speaks, or English.
pub fn from_browser() -> Language {
    let navigator = gloo::utils::window().navigator();
    let preferred: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .chain(navigator.language())
        .collect();
    Language::negotiate(preferred.iter().map(String::as_str))
}

/// The language chosen explicitly (address, then remembered), if any: it wins over the
/// organisation's default.
pub fn chosen() -> Option<Language> {
    from_address().or_else(remembered)
}

/// Where the catalogue of a language is: beside the calculator's own files (the boot script says
/// where they are, so that a calculator mounted into another page still finds them).
fn catalogue_url(language: Language) -> String {
    let base = js_sys::Reflect::get(&gloo::utils::window(), &"hrddAssetBase".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "./".to_owned());
    format!("{base}i18n/{}.ftl", language.code())
}

/// Why a language's catalogue could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsProblem {
    NoAnswer,
    NotFound(u16),
    Unreadable,
    Invalid(hrdd_core::i18n::CatalogueError),
}

impl TextsProblem {
    /// In the words of a language already shown.
    pub fn words(&self, texts: &Texts) -> String {
        match self {
            TextsProblem::NoAnswer => texts.ui("ui-app-texts-no-answer").to_owned(),
            TextsProblem::NotFound(status) => {
                texts.ui_with("ui-app-texts-not-found", &[("status", &status.to_string())])
            }
            TextsProblem::Unreadable => texts.ui("ui-app-texts-unreadable").to_owned(),
            // The parser's detail (a line number and what it found) is for whoever edits the file.
            TextsProblem::Invalid(error) => texts.ui_with(
                "ui-app-texts-invalid",
                &[
                    ("line", &error.line.to_string()),
                    ("detail", &format!("{:?}", error.problem)),
                ],
            ),
        }
    }

    /// A short code for the boot script, which says it when no language could be shown at all.
    pub fn code(&self) -> String {
        match self {
            TextsProblem::NoAnswer => "no-answer".to_owned(),
            TextsProblem::NotFound(status) => format!("status-{status}"),
            TextsProblem::Unreadable => "unreadable".to_owned(),
            TextsProblem::Invalid(error) => format!("invalid-line-{}", error.line),
        }
    }
}

/// No language could be shown (the first catalogue did not load): the boot script, which holds
/// the words for it, says so in the page.
pub fn report_no_texts(language: Language, problem: &TextsProblem) {
    let window = gloo::utils::window();
    if let Ok(say) = js_sys::Reflect::get(&window, &"hrddTextsFailed".into()) {
        if let Some(say) = say.dyn_ref::<js_sys::Function>() {
            let _ = say.call2(&window, &language.code().into(), &problem.code().into());
        }
    }
}

/// The texts of a language, from its catalogue: the one-file build carries every catalogue in
/// the page; otherwise it is fetched once from the calculator's folder (English too: the wasm
/// holds no words of its own).
pub async fn load_texts(language: Language) -> Result<Texts, TextsProblem> {
    if let Some(text) = early_catalogue(language).await {
        if let Ok(catalogue) = Catalogue::parse(&text) {
            return Ok(Texts::new(language, catalogue));
        }
    }
    let document = gloo::utils::document();
    let inline = document
        .get_element_by_id(&format!("hrdd-catalogue-{}", language.code()))
        .and_then(|element| element.text_content());
    let text = match inline {
        Some(text) => text,
        None => {
            let response =
                JsFuture::from(gloo::utils::window().fetch_with_str(&catalogue_url(language)))
                    .await
                    .map_err(|_| TextsProblem::NoAnswer)?;
            let response: web_sys::Response = response.unchecked_into();
            if !response.ok() {
                return Err(TextsProblem::NotFound(response.status()));
            }
            let promise = response.text().map_err(|_| TextsProblem::Unreadable)?;
            JsFuture::from(promise)
                .await
                .ok()
                .and_then(|t| t.as_string())
                .ok_or(TextsProblem::Unreadable)?
        }
    };
    let catalogue = Catalogue::parse(&text).map_err(TextsProblem::Invalid)?;
    Ok(Texts::new(language, catalogue))
}

/// The catalogue the boot script started fetching while the wasm downloaded, if it guessed this
/// language (used once: a later switch fetches as usual).
async fn early_catalogue(language: Language) -> Option<String> {
    let window = gloo::utils::window();
    let early = js_sys::Reflect::get(&window, &"hrddEarlyCatalogue".into()).ok()?;
    if early.is_undefined() || early.is_null() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&window, &"hrddEarlyCatalogue".into());
    let code = js_sys::Reflect::get(&early, &"code".into())
        .ok()?
        .as_string()?;
    if code != language.code() {
        return None;
    }
    let text = js_sys::Reflect::get(&early, &"text".into()).ok()?;
    let promise: js_sys::Promise = text.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// `<html lang>` follows the language shown, for screen readers, hyphenation and search.
pub fn set_document_language(language: Language) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", language.code());
    }
}

#[derive(Properties, PartialEq)]
pub struct SwitcherProps {
    pub language: Language,
    pub on_change: Callback<Language>,
}

/// The language switcher: a labelled list of the languages, each named in itself.
#[function_component(LanguageSwitcher)]
pub fn language_switcher(props: &SwitcherProps) -> Html {
    let texts = crate::use_texts();
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(language) = Language::from_tag(&value) {
                on_change.emit(language);
            }
        })
    };
    html! {
        <div class="language-switcher">
            <label for="language">{texts.ui("ui-app-language")}</label>
            <select id="language" {onchange}>
                { for Language::ALL.into_iter().map(|language| html! {
                    <option value={language.code()} lang={language.code()} selected={language == props.language}>{language.endonym()}</option>
                }) }
            </select>
        </div>
    }
}
