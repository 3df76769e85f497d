//! Drafts kept in this browser's local storage, and assessment files. Each draft is its own
//! record (`draft_records.rs` holds the format and the rules for several tabs); the effects that
//! call these live in `app.rs` and the screens, outside the reducer. JSON goes through the
//! browser's own parser (`JSON.parse` / `JSON.stringify`) and `serde-wasm-bindgen`, so no JSON
//! parser is compiled into the wasm.

use crate::draft_records::{
    draft_key, plan_write, Collection, DraftRecord, KeepReason, KeptVersion, KeptVersionSummary,
    Ledger, RecordProblem, SetAside, Synced, WritePlan, DRAFT_PREFIX, KEY_PREFIX, LEGACY_KEY,
    OPEN_DRAFT_KEY, RECORD_VERSION, SET_ASIDE_PREFIX, VERSION_PREFIX,
};
use crate::state::{Draft, DraftId};
use hrdd_core::format::AssessmentDocument;
use hrdd_core::Assessment;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Largest assessment file accepted for import: a full assessment is a few kilobytes.
pub const MAX_IMPORT_BYTES: f64 = 1024.0 * 1024.0;

/// The single value of record format 1 (every draft in one key), read only to migrate it.
#[derive(Deserialize)]
struct LegacyDrafts {
    current: u32,
    drafts: Vec<LegacyDraft>,
}

#[derive(Deserialize)]
struct LegacyDraft {
    id: u32,
    name: String,
    document: AssessmentDocument,
}

/// What went wrong with this browser's storage or with a file: data, put into words by
/// `messages::storage_error` in the reader's language. A `String` inside is a technical detail
/// (the browser's or the parser's own words), shown as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses local storage altogether (some private windows, a setting).
    Unavailable,
    /// A write failed: in practice the storage is full.
    Full,
    /// Full, and another tab's version of this draft could not be kept: this change waits.
    FullCannotKeepOther,
    /// An earlier version was deleted in another tab meanwhile.
    NoLongerStored,
    /// The browser refused to delete something.
    RefusedDelete,
    /// An imported file is not JSON.
    NotJson(String),
    /// An imported file is JSON but not an assessment of this calculator.
    NotAnAssessment(String),
    /// An imported file claims to be a collection but is not one this calculator reads.
    NotACollection(String),
    /// A stored value (an earlier version) cannot be read.
    Unreadable(RecordProblem),
    /// An imported file reads, but its assessment is not valid.
    InvalidAssessment(hrdd_core::AssessmentError),
    /// An imported file of several assessments cannot be imported.
    InvalidCollection(crate::draft_records::CollectionProblem),
    /// The browser failed at something it should not (writing JSON, saving a file).
    Browser(String),
}

/// What reading storage at start-up found, for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenProblem {
    /// Drafts of record format 1 could not be read: set aside.
    Format1Unreadable,
    /// Drafts of record format 1 could not all move (storage full): left where they were.
    Format1Full,
    /// Some drafts of record format 1 could not be opened (their names): the rest moved.
    Format1Partly(Vec<String>),
    /// This many draft records could not be read: set aside.
    Damaged(usize),
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(storage))) => Ok(storage),
        _ => Err(StorageError::Unavailable),
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn to_json(value: &impl Serialize) -> Result<String, String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let js = value.serialize(&serializer).map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|_| "JSON.stringify".to_owned())
}

/// The text as JSON, or the browser's own words for why it is not.
fn parse_json(text: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(text).map_err(|e| String::from(js_sys::Error::from(e).message()))
}

fn from_json<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, RecordProblem> {
    let value = parse_json(text).map_err(RecordProblem::NotJson)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| RecordProblem::Shape(e.to_string()))
}

/// A random token for this tab (not a secret: it only keeps two tabs' draft and edit ids apart).
pub fn new_tab_token() -> String {
    let mut token = String::new();
    for _ in 0..2 {
        // 36^4 values from each draw: eight characters in all.
        let mut n = (js_sys::Math::random() * 36f64.powi(4)) as u32;
        for _ in 0..4 {
            token.push(char::from_digit(n % 36, 36).unwrap_or('0'));
            n /= 36;
        }
    }
    token
}

/// Every key of local storage, read before any is changed (the order moves as keys change).
fn all_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// A draft record read from storage, checked all the way to an assessment that opens.
pub fn read_record(key: &str, text: &str) -> Result<(DraftRecord, Draft), RecordProblem> {
    let record: DraftRecord = from_json(text)?;
    if record.key() != key {
        return Err(RecordProblem::WrongKey(key.to_owned()));
    }
    let draft = record.to_draft().map_err(RecordProblem::Invalid)?;
    Ok((record, draft))
}

/// Why the value under `key` cannot be used, if it cannot.
fn diagnose(key: &str, text: &str) -> Option<RecordProblem> {
    if key.starts_with(DRAFT_PREFIX) {
        read_record(key, text).err()
    } else if key.starts_with(VERSION_PREFIX) {
        from_json::<KeptVersion>(text)
            .and_then(|kept| {
                kept.record
                    .to_draft()
                    .map(|_| ())
                    .map_err(RecordProblem::Invalid)
            })
            .err()
    } else if key == LEGACY_KEY {
        from_json::<LegacyDrafts>(text).err()
    } else {
        None
    }
}

/// Move unreadable data out of the way without deleting it: to a set-aside key when there is
/// room, otherwise it stays where it is (and is listed, and never written over).
fn set_aside(
    storage: &web_sys::Storage,
    key: &str,
    text: &str,
    problem: RecordProblem,
) -> SetAside {
    let rest = key.strip_prefix(KEY_PREFIX).unwrap_or(key);
    let aside_key = format!("{SET_ASIDE_PREFIX}{}.{rest}", now_ms() as u64);
    let moved = storage.set_item(&aside_key, text).is_ok() && storage.remove_item(key).is_ok();
    SetAside {
        key: if moved { aside_key } else { key.to_owned() },
        problem,
        chars: text.chars().count(),
    }
}

/// Everything found in storage when the application starts.
#[derive(Default)]
pub struct Opened {
    /// Sorted by when each draft was first stored.
    pub drafts: Vec<(DraftRecord, Draft)>,
    pub kept_versions: Vec<KeptVersionSummary>,
    pub set_aside: Vec<SetAside>,
    /// What was set aside or could not be migrated.
    pub problems: Vec<OpenProblem>,
    /// Why storage cannot be used at all, if it cannot.
    pub unavailable: Option<StorageError>,
    /// The draft this tab had open before a reload.
    pub open: Option<DraftId>,
}

/// Read every draft, migrating the single key of format 1 first. Unreadable records are set
/// aside and reported; nothing is deleted.
pub fn open_drafts() -> Opened {
    let mut opened = Opened::default();
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(message) => {
            opened.unavailable = Some(message);
            return opened;
        }
    };
    opened.open = session_storage()
        .and_then(|s| s.get_item(OPEN_DRAFT_KEY).ok().flatten())
        .and_then(|id| DraftId::parse(&id));
    let mut open_in_format_1 = None;
    if let Some(problem) = migrate_format_1(&storage, &mut opened, &mut open_in_format_1) {
        opened.problems.push(problem);
    }
    let mut damaged = 0;
    for key in all_keys(&storage) {
        let Ok(Some(text)) = storage.get_item(&key) else {
            continue;
        };
        if key.starts_with(DRAFT_PREFIX) {
            match read_record(&key, &text) {
                Ok(pair) => opened.drafts.push(pair),
                Err(problem) => {
                    damaged += 1;
                    opened
                        .set_aside
                        .push(set_aside(&storage, &key, &text, problem));
                }
            }
        }
    }
    let (kept, aside) = stored_extras();
    opened.kept_versions = kept;
    // Set-aside data found now, plus any that could not be moved (still under its own key).
    for item in aside {
        if !opened.set_aside.iter().any(|s| s.key == item.key) {
            opened.set_aside.push(item);
        }
    }
    if damaged > 0 {
        opened.problems.push(OpenProblem::Damaged(damaged));
    }
    opened
        .drafts
        .sort_by(|a, b| a.0.created_ms.total_cmp(&b.0.created_ms));
    // This tab's draft after a reload; else, on the first load after the migration, the draft
    // that format 1 had open.
    let has = |id: &DraftId| opened.drafts.iter().any(|(_, d)| d.id == *id);
    if !opened.open.as_ref().is_some_and(has) {
        opened.open = open_in_format_1.filter(has);
    }
    opened
}

/// Move the drafts of record format 1 (one key for all) into records of their own. Safe to run
/// in two tabs at once: the new ids are fixed (`m-N`) and a record already there is left alone.
/// The old key is removed only when every draft has a record; data that cannot be read is set
/// aside.
fn migrate_format_1(
    storage: &web_sys::Storage,
    opened: &mut Opened,
    open_in_format_1: &mut Option<DraftId>,
) -> Option<OpenProblem> {
    let text = storage.get_item(LEGACY_KEY).ok().flatten()?;
    let legacy: LegacyDrafts = match from_json(&text) {
        Ok(legacy) => legacy,
        Err(problem) => {
            opened
                .set_aside
                .push(set_aside(storage, LEGACY_KEY, &text, problem));
            return Some(OpenProblem::Format1Unreadable);
        }
    };
    let now = now_ms();
    let mut unreadable = Vec::new();
    for (order, old) in legacy.drafts.iter().enumerate() {
        let Some(id) = DraftId::parse(&format!("m-{}", old.id)) else {
            continue;
        };
        if old.document.to_assessment().is_err() {
            unreadable.push(old.name.clone());
            continue;
        }
        if old.id == legacy.current {
            *open_in_format_1 = Some(id.clone());
        }
        let key = draft_key(&id);
        if matches!(storage.get_item(&key), Ok(Some(_))) {
            continue;
        }
        let record = DraftRecord {
            version: RECORD_VERSION,
            id: id.clone(),
            name: old.name.clone(),
            edit: format!("m-{}.0", old.id),
            parent: None,
            // Keeps the old list's order.
            created_ms: now + order as f64,
            saved_ms: now,
            document: old.document.clone(),
        };
        let written = to_json(&record).and_then(|json| {
            storage
                .set_item(&key, &json)
                .map_err(|_| "storage is full".to_owned())
        });
        if written.is_err() {
            return Some(OpenProblem::Format1Full);
        }
    }
    if unreadable.is_empty() {
        let _ = storage.remove_item(LEGACY_KEY);
        None
    } else {
        opened.set_aside.push(set_aside(
            storage,
            LEGACY_KEY,
            &text,
            RecordProblem::Format1Drafts(unreadable.clone()),
        ));
        Some(OpenProblem::Format1Partly(unreadable))
    }
}

/// The earlier versions kept and the data set aside, as the drafts screen lists them.
pub fn stored_extras() -> (Vec<KeptVersionSummary>, Vec<SetAside>) {
    let Ok(storage) = local_storage() else {
        return (Vec::new(), Vec::new());
    };
    let mut kept = Vec::new();
    let mut aside = Vec::new();
    for key in all_keys(&storage) {
        let Ok(Some(text)) = storage.get_item(&key) else {
            continue;
        };
        if key.starts_with(VERSION_PREFIX) {
            match from_json::<KeptVersion>(&text) {
                Ok(version) => kept.push(version.summary()),
                Err(problem) => aside.push(SetAside {
                    key,
                    problem,
                    chars: text.chars().count(),
                }),
            }
        } else if let Some(original) = key.strip_prefix(SET_ASIDE_PREFIX) {
            // The original key follows the time it was set aside.
            let original = original.split_once('.').map_or(original, |(_, rest)| rest);
            let problem = diagnose(&format!("{KEY_PREFIX}{original}"), &text)
                .unwrap_or(RecordProblem::SetAsideEarlier);
            aside.push(SetAside {
                key,
                problem,
                chars: text.chars().count(),
            });
        } else if key.starts_with(DRAFT_PREFIX) || key == LEGACY_KEY {
            // Unreadable data that could not be moved stays under its key, and is listed.
            if let Some(problem) = diagnose(&key, &text) {
                aside.push(SetAside {
                    key,
                    problem,
                    chars: text.chars().count(),
                });
            }
        }
    }
    kept.sort_by(|a, b| b.saved_ms.total_cmp(&a.saved_ms));
    (kept, aside)
}

/// What one autosave did, for the screen.
#[derive(Default)]
pub struct Saved {
    /// Names of drafts that another tab had changed too: its version was kept.
    pub kept_from_other_tab: Vec<String>,
    /// Whether earlier versions or set-aside data changed (the list must be read again).
    pub extras_changed: bool,
    pub error: Option<StorageError>,
}

/// Write the drafts this tab changed since it last wrote or heard them, and remove those it
/// deleted. Each write follows `draft_records::plan_write`: a version another tab wrote in the
/// meantime is kept before this tab's later edit goes on top.
pub fn save_changed(ledger: &mut Ledger, drafts: &[Draft], current: &DraftId, tab: &str) -> Saved {
    let mut saved = Saved::default();
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(message) => {
            saved.error = Some(message);
            return saved;
        }
    };
    if let Some(session) = session_storage() {
        let _ = session.set_item(OPEN_DRAFT_KEY, current.as_str());
    }
    let now = now_ms();
    // An untouched draft is not stored, unless it was (it was emptied: that is a change too).
    let to_store = |d: &&Draft| d.worth_storing() || ledger.entries.contains_key(&d.id);
    let candidates: Vec<&Draft> = drafts.iter().filter(to_store).collect();
    for draft in candidates {
        if ledger
            .entries
            .get(&draft.id)
            .is_some_and(|s| s.holds(draft))
        {
            continue;
        }
        let key = draft_key(&draft.id);
        let stored = match storage.get_item(&key) {
            Ok(Some(text)) => match read_record(&key, &text) {
                Ok((record, _)) => Some(record),
                Err(problem) => {
                    set_aside(&storage, &key, &text, problem);
                    saved.extras_changed = true;
                    None
                }
            },
            _ => None,
        };
        let synced = ledger.entries.get(&draft.id);
        let plan = plan_write(synced, stored.as_ref().map(|r| r.edit.as_str()));
        let parent = match plan {
            WritePlan::Write { parent } => parent,
            WritePlan::KeepStoredThenWrite { parent } => {
                let Some(stored) = stored.clone() else {
                    unreachable!("plan_write keeps only a stored edit")
                };
                let kept = KeptVersion {
                    version: RECORD_VERSION,
                    reason: KeepReason::ChangedInTwoTabs,
                    kept_ms: now,
                    record: stored,
                };
                // If the other tab's version cannot be kept, this change is not written, so
                // that nothing is lost.
                if let Err(error) = write_kept(&storage, &kept) {
                    saved.error = Some(error);
                    return saved;
                }
                saved.kept_from_other_tab.push(draft.name.clone());
                saved.extras_changed = true;
                parent
            }
        };
        ledger.next_edit += 1;
        let record = DraftRecord {
            version: RECORD_VERSION,
            id: draft.id.clone(),
            name: draft.name.clone(),
            edit: format!("{tab}.{}", ledger.next_edit),
            parent,
            created_ms: synced
                .map(|s| s.created_ms)
                .or(stored.as_ref().map(|r| r.created_ms))
                .unwrap_or(now),
            saved_ms: now,
            document: AssessmentDocument::from_assessment(&draft.assessment, true),
        };
        let written = to_json(&record)
            .map_err(StorageError::Browser)
            .and_then(|json| {
                storage
                    .set_item(&key, &json)
                    .map_err(|_| StorageError::Full)
            });
        if let Err(error) = written {
            saved.error = Some(error);
            return saved;
        }
        ledger
            .entries
            .insert(draft.id.clone(), Synced::from_record(&record, draft));
    }
    // Deleted in this tab.
    let deleted: Vec<DraftId> = ledger
        .entries
        .keys()
        .filter(|id| !drafts.iter().any(|d| d.id == **id))
        .cloned()
        .collect();
    for id in deleted {
        let key = draft_key(&id);
        let ours = ledger.entries.remove(&id);
        if let Ok(Some(text)) = storage.get_item(&key) {
            if let (Ok((record, _)), Some(ours)) = (read_record(&key, &text), ours) {
                // Another tab changed it after this tab last saw it: keep that change.
                if record.edit != ours.edit {
                    let kept = KeptVersion {
                        version: RECORD_VERSION,
                        reason: KeepReason::DeletedAfterAChangeElsewhere,
                        kept_ms: now,
                        record,
                    };
                    if let Err(error) = write_kept(&storage, &kept) {
                        saved.error = Some(error);
                        return saved;
                    }
                    saved.extras_changed = true;
                }
            }
        }
        let _ = storage.remove_item(&key);
    }
    saved
}

fn write_kept(storage: &web_sys::Storage, kept: &KeptVersion) -> Result<(), StorageError> {
    let json = to_json(kept).map_err(StorageError::Browser)?;
    storage
        .set_item(&kept.key(), &json)
        .map_err(|_| StorageError::FullCannotKeepOther)
}

/// Keep this tab's version of a draft that another tab has just overwritten, unless the
/// writing tab already kept it (the key is the edit's, so both write the same record).
pub fn keep_overwritten(id: &DraftId, ours: &Synced) -> Result<bool, StorageError> {
    let storage = local_storage()?;
    let record = DraftRecord {
        version: RECORD_VERSION,
        id: id.clone(),
        name: ours.name.clone(),
        edit: ours.edit.clone(),
        parent: None,
        created_ms: ours.created_ms,
        saved_ms: ours.saved_ms,
        document: AssessmentDocument::from_assessment(&ours.assessment, true),
    };
    let kept = KeptVersion {
        version: RECORD_VERSION,
        reason: KeepReason::ChangedInTwoTabs,
        kept_ms: now_ms(),
        record,
    };
    if matches!(storage.get_item(&kept.key()), Ok(Some(_))) {
        return Ok(false);
    }
    write_kept(&storage, &kept).map(|()| true)
}

/// Keep the drafts here that an import is about to replace.
pub fn keep_replaced(drafts: &[&Draft]) -> Result<(), StorageError> {
    keep_versions(drafts, KeepReason::ReplacedByImport)
}

/// Keep the drafts as earlier versions, for `reason`: their stored record (or, if none is
/// stored yet, the draft as it is).
pub fn keep_versions(drafts: &[&Draft], reason: KeepReason) -> Result<(), StorageError> {
    let storage = local_storage()?;
    let now = now_ms();
    for draft in drafts {
        let key = draft_key(&draft.id);
        let record = match storage.get_item(&key) {
            Ok(Some(text)) => read_record(&key, &text).ok().map(|(record, _)| record),
            _ => None,
        };
        let record = record.unwrap_or_else(|| DraftRecord {
            version: RECORD_VERSION,
            id: draft.id.clone(),
            name: draft.name.clone(),
            edit: format!("kept.{}", now as u64),
            parent: None,
            created_ms: now,
            saved_ms: now,
            document: AssessmentDocument::from_assessment(&draft.assessment, true),
        });
        write_kept(
            &storage,
            &KeptVersion {
                version: RECORD_VERSION,
                reason,
                kept_ms: now,
                record,
            },
        )?;
    }
    Ok(())
}

/// An earlier version, as a draft to open (under a new id, beside the current one).
pub fn read_kept(key: &str) -> Result<Draft, StorageError> {
    let storage = local_storage()?;
    let text = storage
        .get_item(key)
        .ok()
        .flatten()
        .ok_or(StorageError::NoLongerStored)?;
    let kept: KeptVersion = from_json(&text).map_err(StorageError::Unreadable)?;
    kept.record
        .to_draft()
        .map_err(StorageError::InvalidAssessment)
}

/// The raw text stored under a key (to download data set aside).
pub fn read_raw(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Remove one key of this application (an earlier version, or data set aside).
pub fn remove_key(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(KEY_PREFIX) {
        return Ok(());
    }
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::RefusedDelete)
}

/// Remove everything the application stored in this browser (and only that: another
/// application on the same site keeps its data).
/// The autosave then finds nothing of what its ledger lists, and forgets it.
pub fn delete_all() -> Result<(), StorageError> {
    let storage = local_storage()?;
    for key in all_keys(&storage) {
        if key.starts_with(KEY_PREFIX) {
            storage
                .remove_item(&key)
                .map_err(|_| StorageError::RefusedDelete)?;
        }
    }
    Ok(())
}

/// Whether any draft is stored (the browser tests check autosave with it).
pub fn has_stored_data() -> bool {
    local_storage().is_ok_and(|s| all_keys(&s).iter().any(|k| k.starts_with(DRAFT_PREFIX)))
}

/// The "export all" file: every draft here and every earlier version kept.
pub fn export_all_json(drafts: &[Draft]) -> Result<String, StorageError> {
    let mut versions = Vec::new();
    if let Ok(storage) = local_storage() {
        for key in all_keys(&storage) {
            if key.starts_with(VERSION_PREFIX) {
                if let Ok(Some(text)) = storage.get_item(&key) {
                    if let Ok(kept) = from_json::<KeptVersion>(&text) {
                        versions.push(kept);
                    }
                }
            }
        }
    }
    to_json(&Collection::new(drafts, versions)).map_err(StorageError::Browser)
}

/// Store the earlier versions of an imported collection that are not here yet.
pub fn import_kept_versions(versions: &[KeptVersion]) -> Result<usize, StorageError> {
    let storage = local_storage()?;
    let mut added = 0;
    for kept in versions {
        if kept.record.to_draft().is_err() || matches!(storage.get_item(&kept.key()), Ok(Some(_))) {
            continue;
        }
        write_kept(&storage, kept)?;
        added += 1;
    }
    Ok(added)
}

/// What an imported file holds: one assessment, or a collection of them.
pub enum ImportedFile {
    One(Assessment),
    Collection(Collection),
}

/// Read a file of either kind; every problem becomes a sentence for the screen.
pub fn import_file(text: &str) -> Result<ImportedFile, StorageError> {
    let value = parse_json(text).map_err(StorageError::NotJson)?;
    let format = js_sys::Reflect::get(&value, &JsValue::from_str("format"))
        .ok()
        .and_then(|f| f.as_string());
    if format.as_deref() == Some(crate::draft_records::COLLECTION_FORMAT) {
        let collection: Collection = serde_wasm_bindgen::from_value(value)
            .map_err(|e| StorageError::NotACollection(e.to_string()))?;
        collection
            .drafts()
            .map_err(StorageError::InvalidCollection)?;
        return Ok(ImportedFile::Collection(collection));
    }
    import_json(text).map(ImportedFile::One)
}

/// The assessment as the JSON text of an export file.
pub fn export_json(
    assessment: &Assessment,
    include_free_text: bool,
) -> Result<String, StorageError> {
    let mut document = AssessmentDocument::from_assessment(assessment, include_free_text);
    if let Some(o) = &document.country_override {
        // An override without a reason is not applied, so it is not exported either.
        if o.reason.trim().is_empty() {
            document.country_override = None;
        }
    }
    to_json(&document).map_err(StorageError::Browser)
}

/// Read an assessment file. Every problem becomes a sentence for the screen; nothing is changed
/// until the whole file is valid.
pub fn import_json(text: &str) -> Result<Assessment, StorageError> {
    let value = parse_json(text).map_err(StorageError::NotJson)?;
    let document: AssessmentDocument = serde_wasm_bindgen::from_value(value)
        .map_err(|e| StorageError::NotAnAssessment(e.to_string()))?;
    document
        .to_assessment()
        .map_err(StorageError::InvalidAssessment)
}

/// Offer `text` as a file download. The data goes to a local blob: URL and never leaves the device.
pub fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    download_as(file_name, text, "application/json")
}

/// Save a text file of this media type to the user's own disk.
pub fn download_as(file_name: &str, text: &str, media_type: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
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
