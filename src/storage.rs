//! Drafts kept in this browser's local storage, and assessment files. The effects that call
//! these live in `app.rs`, outside the reducer. JSON goes through the browser's own parser
//! (`JSON.parse` / `JSON.stringify`) and `serde-wasm-bindgen`, so no JSON parser is compiled
//! into the wasm.

use crate::state::Draft;
use hrdd_core::format::AssessmentDocument;
use hrdd_core::Assessment;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// The one local-storage key the application uses.
pub const STORAGE_KEY: &str = "hrdd-calculator.drafts.v1";

/// Largest assessment file accepted for import: a full assessment is a few kilobytes.
pub const MAX_IMPORT_BYTES: f64 = 1024.0 * 1024.0;

#[derive(Serialize, Deserialize)]
struct StoredDrafts {
    version: u32,
    current: u32,
    drafts: Vec<StoredDraft>,
}

#[derive(Serialize, Deserialize)]
struct StoredDraft {
    id: u32,
    name: String,
    document: AssessmentDocument,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn to_json(value: &impl Serialize) -> Result<String, String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let js = value.serialize(&serializer).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|_| "the browser could not write JSON".to_owned())
}

fn from_json<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    let js = js_sys::JSON::parse(text).map_err(|e| {
        let detail = js_sys::Error::from(e).message();
        format!("the file is not valid JSON ({detail})")
    })?;
    serde_wasm_bindgen::from_value(js).map_err(|e| e.to_string())
}

/// Drafts worth keeping: an untouched, empty assessment is not stored.
fn worth_storing(draft: &Draft) -> bool {
    let untouched = Assessment {
        perspective: draft.assessment.perspective,
        ..Assessment::default()
    };
    draft.assessment != untouched || !draft.name.starts_with("Assessment ")
}

/// Write the drafts, or remove the key when none is worth storing. Errors (storage full or
/// disabled) come back as a sentence for the screen.
pub fn save_drafts(drafts: &[Draft], current: u32) -> Result<(), String> {
    let storage = local_storage().ok_or(
        "This browser does not allow local storage, so drafts cannot be kept after a reload.",
    )?;
    let kept: Vec<StoredDraft> = drafts
        .iter()
        .filter(|d| worth_storing(d))
        .map(|d| StoredDraft {
            id: d.id,
            name: d.name.clone(),
            document: AssessmentDocument::from_assessment(&d.assessment, true),
        })
        .collect();
    if kept.is_empty() {
        return storage
            .remove_item(STORAGE_KEY)
            .map_err(|_| "The browser refused to delete the stored drafts.".to_owned());
    }
    let json = to_json(&StoredDrafts {
        version: 1,
        current,
        drafts: kept,
    })?;
    storage
        .set_item(STORAGE_KEY, &json)
        .map_err(|_| "The browser's storage is full or disabled: this draft is not saved. Export it as a file to keep it.".to_owned())
}

/// Read stored drafts. A damaged entry is reported, not silently dropped, and left in place.
pub fn load_drafts() -> Result<Option<(Vec<Draft>, u32)>, String> {
    let Some(storage) = local_storage() else {
        return Ok(None);
    };
    let Ok(Some(text)) = storage.get_item(STORAGE_KEY) else {
        return Ok(None);
    };
    let stored: StoredDrafts = from_json(&text).map_err(|e| {
        format!(
            "The drafts stored in this browser could not be read ({e}). They were left untouched."
        )
    })?;
    let mut drafts = Vec::new();
    let mut problems = Vec::new();
    for d in stored.drafts {
        match d.document.to_assessment() {
            Ok(assessment) => drafts.push(Draft {
                id: d.id,
                name: d.name,
                assessment,
            }),
            Err(e) => problems.push(format!("\"{}\": {e}", d.name)),
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "Some stored drafts could not be opened: {}",
            problems.join("; ")
        ));
    }
    Ok(Some((drafts, stored.current)))
}

/// Remove everything the application stored in this browser.
pub fn delete_all() -> Result<(), String> {
    match local_storage() {
        Some(storage) => storage
            .remove_item(STORAGE_KEY)
            .map_err(|_| "The browser refused to delete the stored drafts.".to_owned()),
        None => Ok(()),
    }
}

/// Whether anything is stored (the browser tests check autosave with it).
pub fn has_stored_data() -> bool {
    local_storage().is_some_and(|s| matches!(s.get_item(STORAGE_KEY), Ok(Some(_))))
}

/// The assessment as the JSON text of an export file.
pub fn export_json(assessment: &Assessment, include_free_text: bool) -> Result<String, String> {
    let mut document = AssessmentDocument::from_assessment(assessment, include_free_text);
    if let Some(o) = &document.country_override {
        // An override without a reason is not applied, so it is not exported either.
        if o.reason.trim().is_empty() {
            document.country_override = None;
        }
    }
    to_json(&document)
}

/// Read an assessment file. Every problem becomes a sentence for the screen; nothing is changed
/// until the whole file is valid.
pub fn import_json(text: &str) -> Result<Assessment, String> {
    let document: AssessmentDocument = from_json(text).map_err(|e| {
        if e.starts_with("the file is not valid JSON") {
            format!("This file could not be imported: {e}.")
        } else {
            format!("This file is not an assessment of this calculator: {e}.")
        }
    })?;
    document
        .to_assessment()
        .map_err(|e| format!("This file could not be imported: {e}"))
}

/// Offer `text` as a file download. The data goes to a local blob: URL and never leaves the device.
pub fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("a")?);
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
