//! How drafts are kept in this browser when several tabs work on them: one stored record per
//! draft, the rules that decide what a tab does when it writes a draft or hears that another tab
//! wrote one, and how a file of many assessments merges into the drafts already here. Pure and
//! tested natively; `storage.rs` carries the records to and from local storage.
//!
//! Why records and edit ids: a tab used to write every draft as one value from its own memory,
//! so the last tab to save erased what the others had added. Now a tab writes only the draft it
//! changed, under that draft's own key. Each write carries a fresh edit id and the edit it was
//! made from (its parent), so a tab can tell an edit made on top of its own (take it quietly)
//! from one made beside it (two tabs changed the same draft: the later write wins and the
//! earlier version is kept, never dropped).

use crate::state::{Draft, DraftId};
use hrdd_core::format::AssessmentDocument;
use hrdd_core::{Assessment, AssessmentError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Every key the application writes in local storage starts with this.
pub const KEY_PREFIX: &str = "hrdd-calculator.";
/// One key per draft: this prefix and the draft's id.
pub const DRAFT_PREFIX: &str = "hrdd-calculator.draft.";
/// One key per earlier version kept: this prefix, the draft's id, a dot and the edit id.
pub const VERSION_PREFIX: &str = "hrdd-calculator.version.";
/// Stored data that could not be read, set aside under this prefix instead of being deleted.
pub const SET_ASIDE_PREFIX: &str = "hrdd-calculator.set-aside.";
/// The single key of every draft before per-draft records (record format 1); migrated on load.
pub const LEGACY_KEY: &str = "hrdd-calculator.drafts.v1";
/// Session storage (one per tab): which draft this tab has open, so a reload reopens it.
pub const OPEN_DRAFT_KEY: &str = "hrdd-calculator.open";

/// The version of the stored record format (the single key of format 1 is migrated).
pub const RECORD_VERSION: u32 = 2;

/// The name and version of an "export all" file.
pub const COLLECTION_FORMAT: &str = "hrdd-assessment-collection";
pub const COLLECTION_VERSION: u32 = 1;

/// One draft as stored under `DRAFT_PREFIX` + id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    pub version: u32,
    pub id: DraftId,
    pub name: String,
    /// This write's edit id: unique, made by the tab that wrote it.
    pub edit: String,
    /// The edit this one was made from; none for a draft's first write.
    #[serde(default)]
    pub parent: Option<String>,
    /// When the draft was first stored and when this edit was written (milliseconds since 1970,
    /// from the writing tab's clock): for ordering the list and telling the user when.
    pub created_ms: f64,
    pub saved_ms: f64,
    pub document: AssessmentDocument,
}

impl DraftRecord {
    pub fn key(&self) -> String {
        draft_key(&self.id)
    }

    /// The draft this record holds, or why it cannot be opened.
    pub fn to_draft(&self) -> Result<Draft, AssessmentError> {
        let assessment = self.document.to_assessment()?;
        Ok(Draft {
            id: self.id.clone(),
            name: self.name.clone(),
            assessment,
        })
    }
}

pub fn draft_key(id: &DraftId) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The id in a draft key, if the key is one.
pub fn id_of_draft_key(key: &str) -> Option<DraftId> {
    key.strip_prefix(DRAFT_PREFIX).and_then(DraftId::parse)
}

/// Why an earlier version of a draft was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeepReason {
    /// Two tabs changed the same draft; this is the one whose change came first.
    ChangedInTwoTabs,
    /// Deleted in one tab after another tab had changed it: the other tab's change is kept.
    DeletedAfterAChangeElsewhere,
    /// Replaced by the same assessment from an imported file, at the user's request.
    ReplacedByImport,
    /// The decided version of an assessment, kept when the user re-assessed it.
    Reassessed,
}

impl KeepReason {
    pub fn label(self) -> &'static str {
        match self {
            KeepReason::ChangedInTwoTabs => "changed in two tabs at once; this change came first",
            KeepReason::DeletedAfterAChangeElsewhere => {
                "deleted in one tab just after another tab changed it"
            }
            KeepReason::ReplacedByImport => "replaced by an imported file",
            KeepReason::Reassessed => "the decided version, kept when it was re-assessed",
        }
    }
}

/// An earlier version of a draft, stored under `VERSION_PREFIX` + id + "." + edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptVersion {
    pub version: u32,
    pub reason: KeepReason,
    pub kept_ms: f64,
    pub record: DraftRecord,
}

impl KeptVersion {
    /// Keyed by the edit it keeps, so two tabs keeping the same version write one record.
    pub fn key(&self) -> String {
        format!(
            "{VERSION_PREFIX}{}.{}",
            self.record.id,
            sanitised_edit(&self.record.edit)
        )
    }
}

/// Edit ids are made by this application, but a key is built from them: keep only safe
/// characters whatever a file claims.
fn sanitised_edit(edit: &str) -> String {
    edit.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(60)
        .collect()
}

/// What the drafts screen lists about a kept version (the record itself stays in storage).
#[derive(Debug, Clone, PartialEq)]
pub struct KeptVersionSummary {
    pub key: String,
    pub name: String,
    pub reason: KeepReason,
    pub saved_ms: f64,
}

impl KeptVersion {
    pub fn summary(&self) -> KeptVersionSummary {
        KeptVersionSummary {
            key: self.key(),
            name: self.record.name.clone(),
            reason: self.reason,
            saved_ms: self.record.saved_ms,
        }
    }
}

/// Stored data that could not be read, set aside: listed so the user can download or delete it.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub key: String,
    /// Why it could not be read (`messages::record_problem` says it).
    pub problem: RecordProblem,
    pub chars: usize,
}

/// Why a stored value cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// It is not JSON (the browser's own detail).
    NotJson(String),
    /// It is JSON of another shape (the parser's detail).
    Shape(String),
    /// It is stored under the key of another draft.
    WrongKey(String),
    /// It holds an assessment that is not valid.
    Invalid(AssessmentError),
    /// Drafts of the old single key that could not be opened, by name.
    Format1Drafts(Vec<String>),
    /// Set aside earlier; its original key no longer says what it was.
    SetAsideEarlier,
}

/// What this tab last wrote or heard for one draft: the edit id and the content it had.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    pub edit: String,
    pub created_ms: f64,
    pub saved_ms: f64,
    pub name: String,
    pub assessment: Assessment,
}

impl Synced {
    pub fn from_record(record: &DraftRecord, draft: &Draft) -> Self {
        Synced {
            edit: record.edit.clone(),
            created_ms: record.created_ms,
            saved_ms: record.saved_ms,
            name: draft.name.clone(),
            assessment: draft.assessment.clone(),
        }
    }

    pub fn holds(&self, draft: &Draft) -> bool {
        self.name == draft.name && self.assessment == draft.assessment
    }
}

/// This tab's knowledge of what is stored: per draft, the last edit it wrote or heard.
#[derive(Debug, Default)]
pub struct Ledger {
    pub entries: HashMap<DraftId, Synced>,
    /// The serial of this tab's last edit id (`<tab>.<serial>`).
    pub next_edit: u64,
}

/// What a tab does when it writes a changed draft, given the edit stored under the draft's key.
/// `parent` is always the edit this tab's change was made from (what it last wrote or heard),
/// so that a tab whose edit is overwritten can tell it was not built on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WritePlan {
    /// Nobody else wrote since this tab last synced: write on top of `parent`.
    Write { parent: Option<String> },
    /// Another tab wrote this draft since: keep the stored version as an earlier version, then
    /// write this tab's change (the later edit).
    KeepStoredThenWrite { parent: Option<String> },
}

pub fn plan_write(synced: Option<&Synced>, stored_edit: Option<&str>) -> WritePlan {
    let parent = synced.map(|s| s.edit.clone());
    match (synced, stored_edit) {
        // First write, or the record was deleted elsewhere while this tab still had it open:
        // the user is working on it here, so it is written again.
        (_, None) => WritePlan::Write { parent },
        (Some(synced), Some(stored)) if synced.edit == stored => WritePlan::Write { parent },
        (_, Some(_)) => WritePlan::KeepStoredThenWrite { parent },
    }
}

/// How a tab reads a draft record that another tab wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteChange {
    /// This tab already has this edit.
    AlreadyHere,
    /// A draft this tab did not know: add it to the list.
    New,
    /// Made on top of what this tab had (or identical to it): take it quietly.
    FollowsOurs,
    /// Made beside what this tab had: the incoming one is the later edit and wins; this tab's
    /// version is kept as an earlier version and the user is told.
    Conflict,
}

pub fn classify_remote(
    synced: Option<&Synced>,
    incoming: &DraftRecord,
    draft: &Draft,
) -> RemoteChange {
    match synced {
        None => RemoteChange::New,
        Some(synced) if synced.edit == incoming.edit => RemoteChange::AlreadyHere,
        Some(synced) if incoming.parent.as_deref() == Some(synced.edit.as_str()) => {
            RemoteChange::FollowsOurs
        }
        // Both tabs reached the same content: nothing is lost whichever is kept.
        Some(synced) if synced.holds(draft) => RemoteChange::FollowsOurs,
        Some(_) => RemoteChange::Conflict,
    }
}

/// One assessment of an "export all" file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollectionEntry {
    pub id: DraftId,
    pub name: String,
    pub document: AssessmentDocument,
}

/// An "export all" file: every draft of this browser, and the earlier versions kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub format: String,
    pub version: u32,
    pub assessments: Vec<CollectionEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_versions: Vec<KeptVersion>,
}

impl Collection {
    pub fn new(drafts: &[Draft], earlier_versions: Vec<KeptVersion>) -> Self {
        Collection {
            format: COLLECTION_FORMAT.into(),
            version: COLLECTION_VERSION,
            // Everything, names and notes included: this file is the user's own backup.
            assessments: drafts
                .iter()
                .map(|d| CollectionEntry {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    document: AssessmentDocument::from_assessment(&d.assessment, true),
                })
                .collect(),
            earlier_versions,
        }
    }

    /// The drafts of the file, or the first problem found (nothing is imported unless all of
    /// the file can be read).
    pub fn drafts(&self) -> Result<Vec<Draft>, CollectionProblem> {
        if self.format != COLLECTION_FORMAT {
            return Err(CollectionProblem::OtherFormat(self.format.clone()));
        }
        if self.version > COLLECTION_VERSION {
            return Err(CollectionProblem::LaterVersion(self.version));
        }
        self.assessments
            .iter()
            .map(|entry| {
                entry
                    .document
                    .to_assessment()
                    .map(|assessment| Draft {
                        id: entry.id.clone(),
                        name: entry.name.chars().take(120).collect(),
                        assessment,
                    })
                    .map_err(|error| CollectionProblem::Assessment {
                        name: entry.name.chars().take(120).collect(),
                        error,
                    })
            })
            .collect()
    }
}

/// Why a file of several assessments cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionProblem {
    /// Its format field names another kind of file.
    OtherFormat(String),
    /// A later version of the calculator wrote it.
    LaterVersion(u32),
    /// One of its assessments is not valid.
    Assessment {
        name: String,
        error: AssessmentError,
    },
}

/// How the assessments of an imported file meet the drafts already here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    /// Not here yet: added as they are.
    pub new: Vec<Draft>,
    /// Already here with the same name and answers: nothing to do.
    pub identical: usize,
    /// Here with the same id but different content: the user decides (keep both, or replace
    /// the ones here, which are then kept as earlier versions).
    pub differing: Vec<Draft>,
}

pub fn plan_import(existing: &[Draft], incoming: Vec<Draft>) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for draft in incoming {
        match existing.iter().find(|d| d.id == draft.id) {
            None => {
                // The same id twice in one file: the second is treated as differing, never
                // silently dropped.
                if plan.new.iter().any(|d| d.id == draft.id) {
                    plan.differing.push(draft);
                } else {
                    plan.new.push(draft);
                }
            }
            Some(here) if here.name == draft.name && here.assessment == draft.assessment => {
                plan.identical += 1;
            }
            Some(_) => plan.differing.push(draft),
        }
    }
    plan
}

/// What the user chose for the assessments that differ from drafts here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DifferingChoice {
    /// Add them as new drafts beside the ones here.
    KeepBoth,
    /// Replace the drafts here (which the caller keeps as earlier versions first).
    Replace,
}

#[cfg(test)]
mod tests {
    use super::*;
    use hrdd_core::method::Mode;

    fn draft(id: &str, name: &str, mode: Mode) -> Draft {
        Draft {
            id: DraftId::parse(id).unwrap(),
            name: name.into(),
            assessment: Assessment {
                mode,
                ..Assessment::default()
            },
        }
    }

    fn record(draft: &Draft, edit: &str, parent: Option<&str>) -> DraftRecord {
        DraftRecord {
            version: RECORD_VERSION,
            id: draft.id.clone(),
            name: draft.name.clone(),
            edit: edit.into(),
            parent: parent.map(str::to_owned),
            created_ms: 1.0,
            saved_ms: 2.0,
            document: AssessmentDocument::from_assessment(&draft.assessment, true),
        }
    }

    fn synced(draft: &Draft, edit: &str) -> Synced {
        Synced::from_record(&record(draft, edit, None), draft)
    }

    #[test]
    fn a_write_goes_on_top_of_the_stored_edit_only_when_this_tab_last_saw_it() {
        let a = draft("t1-1", "Deal", Mode::QuickScreen);
        let e1 = || Some("e1".to_owned());
        let cases: &[(Option<&str>, Option<&str>, WritePlan)] = &[
            (None, None, WritePlan::Write { parent: None }),
            // Deleted elsewhere while open here: written again, from what this tab had.
            (Some("e1"), None, WritePlan::Write { parent: e1() }),
            (Some("e1"), Some("e1"), WritePlan::Write { parent: e1() }),
            // Another tab wrote e2 meanwhile: e2 is kept, and the parent stays e1, so that the
            // other tab learns its edit was not built on.
            (
                Some("e1"),
                Some("e2"),
                WritePlan::KeepStoredThenWrite { parent: e1() },
            ),
            // Another tab stored this id before this tab first wrote it.
            (
                None,
                Some("e2"),
                WritePlan::KeepStoredThenWrite { parent: None },
            ),
        ];
        for (ours, stored, expected) in cases {
            let ours = ours.map(|edit| synced(&a, edit));
            assert_eq!(
                plan_write(ours.as_ref(), *stored),
                *expected,
                "ours {ours:?}, stored {stored:?}"
            );
        }
    }

    #[test]
    fn a_change_from_another_tab_is_taken_quietly_only_when_made_on_top_of_ours() {
        let ours = draft("t1-1", "Deal", Mode::QuickScreen);
        let theirs = draft("t1-1", "Deal", Mode::FullAssessment);
        let here = synced(&ours, "a.1");
        // This tab's state, the incoming edit and its parent, its content, the reading.
        type Case<'a> = (
            Option<&'a Synced>,
            &'a str,
            Option<&'a str>,
            &'a Draft,
            RemoteChange,
        );
        let cases: &[Case] = &[
            (None, "b.1", None, &theirs, RemoteChange::New),
            (Some(&here), "a.1", None, &ours, RemoteChange::AlreadyHere),
            (
                Some(&here),
                "b.1",
                Some("a.1"),
                &theirs,
                RemoteChange::FollowsOurs,
            ),
            (
                Some(&here),
                "b.1",
                Some("a.0"),
                &theirs,
                RemoteChange::Conflict,
            ),
            (Some(&here), "b.1", None, &theirs, RemoteChange::Conflict),
            // Made beside ours but reaching the same content: nothing to keep.
            (
                Some(&here),
                "b.1",
                Some("a.0"),
                &ours,
                RemoteChange::FollowsOurs,
            ),
        ];
        for (synced, edit, parent, incoming, expected) in cases {
            let record = record(incoming, edit, *parent);
            assert_eq!(
                classify_remote(*synced, &record, incoming),
                *expected,
                "edit {edit}, parent {parent:?}"
            );
        }
    }

    #[test]
    fn an_import_adds_new_drafts_skips_identical_ones_and_never_overwrites_without_asking() {
        let here = vec![
            draft("t1-1", "Deal A", Mode::QuickScreen),
            draft("t1-2", "Deal B", Mode::QuickScreen),
        ];
        let incoming = vec![
            draft("t1-1", "Deal A", Mode::QuickScreen),
            draft("t1-2", "Deal B", Mode::FullAssessment),
            draft("t9-1", "Deal C", Mode::QuickScreen),
            draft("t9-1", "Deal C again", Mode::QuickScreen),
            // A renamed copy differs too: the name is part of what the user made.
            draft("t1-1", "Deal A (renamed)", Mode::QuickScreen),
        ];
        let plan = plan_import(&here, incoming);
        assert_eq!(plan.identical, 1);
        assert_eq!(
            plan.new.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
            ["Deal C"]
        );
        assert_eq!(
            plan.differing
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>(),
            ["Deal B", "Deal C again", "Deal A (renamed)"]
        );
    }

    // serde_json is a native-only dependency (the browser parses JSON itself).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_collection_reads_back_what_it_wrote_and_refuses_other_files() {
        let drafts = vec![
            draft("t1-1", "Deal A", Mode::QuickScreen),
            draft("t1-2", "Deal B", Mode::FullAssessment),
        ];
        let collection = Collection::new(&drafts, Vec::new());
        assert_eq!(collection.drafts().unwrap(), drafts);
        let json = serde_json::to_string(&collection).unwrap();
        let back: Collection = serde_json::from_str(&json).unwrap();
        assert_eq!(back.drafts().unwrap(), drafts);

        let mut other = collection.clone();
        other.format = "hrdd-assessment".into();
        assert_eq!(
            other.drafts().unwrap_err(),
            CollectionProblem::OtherFormat("hrdd-assessment".into())
        );
        let mut later = collection;
        later.version = COLLECTION_VERSION + 1;
        assert_eq!(
            later.drafts().unwrap_err(),
            CollectionProblem::LaterVersion(COLLECTION_VERSION + 1)
        );
    }

    #[test]
    fn keys_are_built_from_safe_characters_only() {
        let a = draft("t1-1", "Deal", Mode::QuickScreen);
        let kept = KeptVersion {
            version: RECORD_VERSION,
            reason: KeepReason::ChangedInTwoTabs,
            kept_ms: 3.0,
            record: record(&a, "a.1/../\"x", None),
        };
        assert_eq!(kept.key(), "hrdd-calculator.version.t1-1.a.1..x");
        assert_eq!(
            id_of_draft_key("hrdd-calculator.draft.t1-1"),
            DraftId::parse("t1-1")
        );
        assert_eq!(id_of_draft_key("hrdd-calculator.draft.a b"), None);
        assert_eq!(id_of_draft_key("hrdd-calculator.version.t1-1.x"), None);
    }
}
