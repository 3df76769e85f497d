//! The one root state and its pure reducer. The state holds answers only — the drafts (each an
//! assessment), which one is open, and what the user is looking at — and everything on screen
//! is derived from it. Effects (local storage, files, printing) live in components, outside the
//! reducer.

use crate::draft_records::{DifferingChoice, KeptVersionSummary, RemoteChange, SetAside};
use crate::storage::{OpenProblem, StorageError};
use hrdd_core::dates::Day;
use hrdd_core::link::{EncryptedLink, LinkError, ParsedLink, SharedAssessment};
use hrdd_core::method::{ContextLevel, Mode, Perspective, QuestionKind, Right, Sector, QUESTIONS};
use hrdd_core::{Answer, Assessment, CountryCode, CountryOverride, ImpactRating, RightStatus};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// Everything a user can do to the answers of the open assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum AssessmentAction {
    SetMode(Mode),
    SetPerspective(Perspective),
    SetSector(Sector),
    /// Pick option `choice` of the single-choice question at `question`.
    Choose {
        question: usize,
        choice: u8,
    },
    /// Tick or untick item `item` of the checklist at `question`.
    ToggleItem {
        question: usize,
        item: u8,
    },
    /// Answer "none of these" to the checklist at `question`.
    NoneOfThese {
        question: usize,
    },
    DontKnow {
        question: usize,
    },
    SetCountry {
        question: usize,
        country: Option<CountryCode>,
    },
    /// Answer a date question (None: not answered).
    SetDate {
        question: usize,
        day: Option<Day>,
    },
    /// Override the country context (None: use the indicators again).
    SetCountryOverride(Option<ContextLevel>),
    SetCountryOverrideReason(String),
    SetRightStatus {
        right: Right,
        status: RightStatus,
    },
    SetText {
        field: TextField,
        value: String,
    },
    /// The note on the answer at `question` (an empty note removes it).
    SetAnswerNote {
        question: usize,
        note: String,
    },
    /// A change to the decision on record (conditions, decision, review).
    Record(hrdd_core::record::RecordChange),
}

/// The free-text fields of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    CustomerName,
    BeneficialPurpose,
    Notes,
}

/// The screens of the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Assess,
    Drafts,
    Compare,
    /// A shared link, read-only.
    Shared,
    /// Screening a whole pipeline export.
    Batch,
}

/// A share link opened from the address.
#[derive(Debug, Clone, PartialEq)]
pub enum SharedState {
    /// Protected by a passphrase, not yet opened.
    Locked {
        link: EncryptedLink,
        /// Why the last passphrase did not open it (said in the reader's language).
        error: Option<LinkError>,
        busy: bool,
    },
    Open(SharedAssessment),
}

/// A draft's identity, unique across the tabs of this browser and across browsers: the random
/// token of the tab that created it and a serial number (`m-N` for drafts migrated from the
/// single key of record format 1). It is part of a storage key and of element ids, so it holds
/// only ASCII letters, digits, `-` and `_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct DraftId(String);

impl DraftId {
    pub const MAX_CHARS: usize = 40;

    pub fn parse(text: &str) -> Option<DraftId> {
        let fits = !text.is_empty()
            && text.len() <= Self::MAX_CHARS
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        fits.then(|| DraftId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DraftId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DraftId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        DraftId::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "\"{text}\" is not a draft id (letters, digits, - and _, at most 40)"
            ))
        })
    }
}

/// A saved assessment in this browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: DraftId,
    pub name: String,
    pub assessment: Assessment,
}

impl Draft {
    /// An untouched, empty assessment with its default name is not stored: opening the
    /// calculator must not fill the drafts list.
    pub fn worth_storing(&self) -> bool {
        let untouched = Assessment {
            perspective: self.assessment.perspective,
            ..Assessment::default()
        };
        self.assessment != untouched || !self.name.starts_with("Assessment ")
    }
}

/// A message to the user about something that happened outside the answers (an import, a
/// deletion), shown on screen until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: NoticeText,
    /// Offer "export all" beside the message: when drafts cannot be kept in this browser, a
    /// file is the way to keep them.
    pub offer_export: bool,
}

/// What a notice says: data, put into words by the screen in the reader's language
/// (`messages::notice_text`). Effects that already hold the texts say it in words (`Said`).
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeText {
    /// Already in the reader's language.
    Said(String),
    AllDeleted,
    AllDeletedElsewhere,
    /// The open draft was changed in another tab after the last change here.
    ChangedInTwoTabsOpen {
        name: String,
    },
    ChangedInTwoTabs {
        name: String,
    },
    DeletedElsewhereOpen {
        name: String,
    },
    /// An "export all" file: how many were added, and how many that differed from drafts here
    /// were added beside them or replaced them.
    Imported {
        added: usize,
        differing: usize,
        choice: DifferingChoice,
    },
    /// A share link that could not be opened.
    LinkProblem(LinkError),
    /// A problem with this browser's storage or with a file.
    Storage(StorageError),
    /// What reading storage at start-up found.
    Opening(Vec<OpenProblem>),
    /// Another tab saved a draft this tab cannot read (a newer version of the calculator).
    UnreadableFromOtherTab,
    /// This tab's change is the later one; the other tab's versions of these drafts were kept.
    KeptFromOtherTab {
        names: Vec<String>,
    },
    /// The organisation settings file could not be used (the problem, in the parser's words).
    SettingsProblem(crate::settings::SettingsError),
    SharedCopy {
        name: String,
    },
}

impl From<StorageError> for NoticeText {
    fn from(error: StorageError) -> Self {
        NoticeText::Storage(error)
    }
}

impl From<String> for NoticeText {
    fn from(text: String) -> Self {
        NoticeText::Said(text)
    }
}

impl From<&str> for NoticeText {
    fn from(text: &str) -> Self {
        NoticeText::Said(text.to_owned())
    }
}

impl Notice {
    pub fn info(text: impl Into<NoticeText>) -> Self {
        Notice {
            kind: NoticeKind::Info,
            text: text.into(),
            offer_export: false,
        }
    }

    pub fn error(text: impl Into<NoticeText>) -> Self {
        Notice {
            kind: NoticeKind::Error,
            text: text.into(),
            offer_export: false,
        }
    }

    /// A problem with this browser's storage: the message and the offer to export.
    pub fn storage(text: impl Into<NoticeText>) -> Self {
        Notice {
            offer_export: true,
            ..Notice::error(text)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AppAction {
    Answer(AssessmentAction),
    /// Start a new, empty assessment in a new draft.
    NewDraft,
    OpenDraft(DraftId),
    RenameDraft {
        id: DraftId,
        name: String,
    },
    DeleteDraft(DraftId),
    /// Forget every draft; the storage effect then empties local storage.
    DeleteAllLocalData,
    /// Another tab deleted all local data: this tab forgets its drafts too.
    DeletedElsewhere,
    /// Open an imported assessment in a new draft.
    Import {
        name: String,
        assessment: Assessment,
    },
    /// Drafts read from local storage at start-up; `current` is the one this tab had open.
    Restore {
        drafts: Vec<Draft>,
        current: Option<DraftId>,
    },
    /// Another tab wrote a draft (classified by `draft_records::classify_remote`).
    RemoteChanged {
        draft: Draft,
        change: RemoteChange,
    },
    /// Another tab deleted a draft.
    RemoteRemoved(DraftId),
    /// What storage holds besides drafts: earlier versions and data set aside.
    StoredExtras {
        kept_versions: Vec<KeptVersionSummary>,
        set_aside: Vec<SetAside>,
    },
    /// Merge the assessments of an "export all" file: `new` ones are added as they are; those
    /// that `differ` from a draft here with the same id are added beside it or replace it.
    ImportCollection {
        new: Vec<Draft>,
        differing: Vec<Draft>,
        choice: DifferingChoice,
    },
    /// This browser does not let the application use local storage.
    StorageUnavailable,
    ShowView(View),
    SetCompare {
        left: Option<DraftId>,
        right: Option<DraftId>,
    },
    Notify(Notice),
    DismissNotice,
    /// A share link found in the address (at start-up or when the address changes).
    OpenLink(Result<ParsedLink, LinkError>),
    Unlocking,
    UnlockFailed(LinkError),
    Unlocked(SharedAssessment),
    /// Keep a copy of the shared assessment as a new draft of one's own.
    /// Keep the shared assessment as a draft of this browser, under this name (the screen words
    /// it in the reader's language).
    EditSharedCopy {
        name: String,
    },
    CloseShared,
    /// The organisation's default perspective: for new drafts, and for the open one if untouched.
    SetDefaultPerspective(Perspective),
    /// The word new drafts are named with, in the reader's language.
    SetUntitledWord(String),
}

/// Whether autosave can write to local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageStatus {
    Ok,
    /// The browser refuses local storage (some private modes, a setting): drafts live only in
    /// this page until exported. Damaged data does not stop autosave: it is set aside, and
    /// every draft has its own record, so nothing else can be overwritten.
    Unavailable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Never empty.
    pub drafts: Vec<Draft>,
    pub current: DraftId,
    pub view: View,
    pub compare: (Option<DraftId>, Option<DraftId>),
    pub notice: Option<Notice>,
    pub storage: StorageStatus,
    /// Earlier versions kept in storage, and stored data set aside because it could not be read.
    pub kept_versions: Vec<KeptVersionSummary>,
    pub set_aside: Vec<SetAside>,
    /// This tab's random token: new draft ids start with it, so two tabs never make the same id.
    pub tab: String,
    /// The serial number of the next draft this tab creates.
    pub next_serial: u32,
    /// A shared link being viewed. It never replaces a draft unless the user asks.
    pub shared: Option<SharedState>,
    /// The perspective new assessments start with (organisation settings may set it).
    pub default_perspective: Perspective,
    /// The word new drafts are named with ("Assessment 2"), in the reader's language: the
    /// screens set it once the language's texts are loaded.
    pub untitled: String,
}

impl Default for AppState {
    /// A state for a tab whose token is "t" (tests); the application uses `for_tab`.
    fn default() -> Self {
        AppState::for_tab("t")
    }
}

impl AppState {
    /// The initial state of a tab with this random token: one empty draft.
    pub fn for_tab(tab: &str) -> Self {
        let mut state = AppState {
            drafts: Vec::new(),
            current: DraftId(String::new()),
            view: View::Assess,
            compare: (None, None),
            notice: None,
            storage: StorageStatus::Ok,
            kept_versions: Vec::new(),
            set_aside: Vec::new(),
            tab: tab.to_owned(),
            next_serial: 1,
            shared: None,
            default_perspective: Perspective::OurDeal,
            untitled: "Assessment".to_owned(),
        };
        state.push_new_draft();
        state
    }

    /// A new id from this tab's token and serial.
    fn fresh_id(&mut self) -> DraftId {
        let id = DraftId(format!("{}-{}", self.tab, self.next_serial));
        self.next_serial += 1;
        id
    }

    /// The name of an untitled draft numbered `n`.
    fn untitled_name(&self, n: u32) -> String {
        format!("{} {n}", self.untitled)
    }

    /// Add an empty draft, named with the lowest "Assessment N" not in use, and open it.
    fn push_new_draft(&mut self) {
        let id = self.fresh_id();
        let number = (1..)
            .find(|n| !self.drafts.iter().any(|d| d.name == self.untitled_name(*n)))
            .unwrap_or(1);
        let assessment = Assessment {
            perspective: self.default_perspective,
            ..Assessment::default()
        };
        self.current = id.clone();
        self.drafts.push(Draft {
            id,
            name: self.untitled_name(number),
            assessment,
        });
    }

    pub fn current_draft(&self) -> &Draft {
        self.drafts
            .iter()
            .find(|d| d.id == self.current)
            .unwrap_or(&self.drafts[0])
    }

    pub fn assessment(&self) -> &Assessment {
        &self.current_draft().assessment
    }

    pub fn draft(&self, id: &DraftId) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == *id)
    }

    fn current_mut(&mut self) -> &mut Draft {
        let index = self
            .drafts
            .iter()
            .position(|d| d.id == self.current)
            .unwrap_or(0);
        &mut self.drafts[index]
    }

    /// After a draft left the list: keep one to work in, and the open one valid.
    fn after_removal(&mut self, id: &DraftId) {
        if self.drafts.is_empty() {
            self.push_new_draft();
        }
        if self.draft(&self.current.clone()).is_none() {
            self.current = self.drafts[0].id.clone();
        }
        forget_in_compare(self, id);
    }

    /// Forget every draft and start again with one empty draft.
    fn forget_all_drafts(&mut self) {
        self.drafts.clear();
        self.compare = (None, None);
        self.push_new_draft();
    }
}

impl Reducible for AppState {
    type Action = AppAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        reduce(&mut next, action);
        Rc::new(next)
    }
}

/// The reducer proper: pure, and tested natively.
pub fn reduce(state: &mut AppState, action: AppAction) {
    match action {
        AppAction::Answer(action) => apply(&mut state.current_mut().assessment, action),
        AppAction::NewDraft => {
            state.push_new_draft();
            state.view = View::Assess;
        }
        AppAction::OpenDraft(id) => {
            if state.draft(&id).is_some() {
                state.current = id;
                state.view = View::Assess;
            }
        }
        AppAction::RenameDraft { id, name } => {
            if let Some(draft) = state.drafts.iter_mut().find(|d| d.id == id) {
                let name = name.trim();
                if !name.is_empty() {
                    draft.name = name.chars().take(120).collect();
                }
            }
        }
        AppAction::DeleteDraft(id) => {
            state.drafts.retain(|d| d.id != id);
            state.after_removal(&id);
        }
        AppAction::DeleteAllLocalData => {
            state.forget_all_drafts();
            state.kept_versions.clear();
            state.set_aside.clear();
            state.notice = Some(Notice::info(NoticeText::AllDeleted));
        }
        AppAction::DeletedElsewhere => {
            state.forget_all_drafts();
            state.kept_versions.clear();
            state.set_aside.clear();
            state.notice = Some(Notice::info(NoticeText::AllDeletedElsewhere));
        }
        AppAction::Import { name, assessment } => {
            let id = state.fresh_id();
            state.current = id.clone();
            state.drafts.push(Draft {
                id,
                name,
                assessment,
            });
            state.view = View::Assess;
        }
        AppAction::Restore { drafts, current } => {
            if !drafts.is_empty() {
                // A reload reopens the draft this tab had open; a new tab opens the draft
                // created last.
                state.current = current
                    .filter(|c| drafts.iter().any(|d| d.id == *c))
                    .unwrap_or_else(|| drafts[drafts.len() - 1].id.clone());
                state.drafts = drafts;
            }
        }
        AppAction::RemoteChanged { draft, change } => {
            let name = draft.name.clone();
            let is_open = draft.id == state.current;
            match state.drafts.iter_mut().find(|d| d.id == draft.id) {
                Some(here) => *here = draft,
                None => state.drafts.push(draft),
            }
            if change == RemoteChange::Conflict {
                state.notice = Some(Notice::info(if is_open {
                    NoticeText::ChangedInTwoTabsOpen { name }
                } else {
                    NoticeText::ChangedInTwoTabs { name }
                }));
            }
        }
        AppAction::RemoteRemoved(id) => {
            let Some(name) = state.draft(&id).map(|d| d.name.clone()) else {
                return;
            };
            let was_open = state.current == id;
            state.drafts.retain(|d| d.id != id);
            state.after_removal(&id);
            if was_open {
                state.notice = Some(Notice::info(NoticeText::DeletedElsewhereOpen { name }));
            }
        }
        AppAction::StoredExtras {
            kept_versions,
            set_aside,
        } => {
            state.kept_versions = kept_versions;
            state.set_aside = set_aside;
        }
        AppAction::ImportCollection {
            new,
            differing,
            choice,
        } => {
            let (added, replaced) = (new.len(), differing.len());
            // Only a draft that was here before the import can be replaced: a file holding the
            // same id twice adds the second as a copy.
            let here_before: Vec<DraftId> = state.drafts.iter().map(|d| d.id.clone()).collect();
            state.drafts.extend(new);
            for mut draft in differing {
                let was_here = here_before.contains(&draft.id);
                match (choice, state.drafts.iter_mut().find(|d| d.id == draft.id)) {
                    (DifferingChoice::Replace, Some(here)) if was_here => *here = draft,
                    _ => {
                        draft.id = state.fresh_id();
                        draft.name = format!("{} (imported)", draft.name)
                            .chars()
                            .take(120)
                            .collect();
                        state.drafts.push(draft);
                    }
                }
            }
            state.notice = Some(Notice::info(NoticeText::Imported {
                added,
                differing: replaced,
                choice,
            }));
            state.view = View::Drafts;
        }
        AppAction::StorageUnavailable => {
            state.storage = StorageStatus::Unavailable;
            state.notice = Some(Notice::storage(StorageError::Unavailable));
        }
        AppAction::ShowView(view) => state.view = view,
        AppAction::SetCompare { left, right } => state.compare = (left, right),
        AppAction::Notify(notice) => state.notice = Some(notice),
        AppAction::DismissNotice => state.notice = None,
        AppAction::OpenLink(Ok(ParsedLink::Open(shared))) => {
            state.shared = Some(SharedState::Open(shared));
            state.view = View::Shared;
        }
        AppAction::OpenLink(Ok(ParsedLink::Locked(link))) => {
            state.shared = Some(SharedState::Locked {
                link,
                error: None,
                busy: false,
            });
            state.view = View::Shared;
        }
        AppAction::OpenLink(Err(error)) => {
            state.notice = Some(Notice::error(NoticeText::LinkProblem(error)));
        }
        AppAction::Unlocking => {
            if let Some(SharedState::Locked { error, busy, .. }) = state.shared.as_mut() {
                *error = None;
                *busy = true;
            }
        }
        AppAction::UnlockFailed(message) => {
            if let Some(SharedState::Locked { error, busy, .. }) = state.shared.as_mut() {
                *error = Some(message);
                *busy = false;
            }
        }
        AppAction::Unlocked(shared) => {
            if matches!(state.shared, Some(SharedState::Locked { .. })) {
                state.shared = Some(SharedState::Open(shared));
            }
        }
        AppAction::EditSharedCopy { name } => {
            if let Some(SharedState::Open(shared)) = state.shared.take() {
                state.notice = Some(Notice::info(NoticeText::SharedCopy { name: name.clone() }));
                reduce(
                    state,
                    AppAction::Import {
                        name,
                        assessment: shared.assessment,
                    },
                );
            }
        }
        AppAction::CloseShared => {
            state.shared = None;
            state.view = View::Assess;
        }
        AppAction::SetUntitledWord(word) => {
            // Drafts still empty and named with the former word take the new one (the first
            // draft is made before the language's texts arrive); named or answered drafts keep
            // their names.
            let former = std::mem::replace(&mut state.untitled, word);
            for n in 1..=state.drafts.len() as u32 {
                let old = format!("{former} {n}");
                let new = state.untitled_name(n);
                let taken = state.drafts.iter().any(|d| d.name == new);
                if let Some(draft) = state
                    .drafts
                    .iter_mut()
                    .find(|d| d.name == old && untouched(&d.assessment))
                {
                    if !taken {
                        draft.name = new;
                    }
                }
            }
        }
        AppAction::SetDefaultPerspective(perspective) => {
            state.default_perspective = perspective;
            let draft = state.current_mut();
            if draft.assessment == Assessment::default() {
                draft.assessment.perspective = perspective;
            }
        }
    }
}

/// Nothing was answered or written yet (whatever the perspective it starts with).
fn untouched(assessment: &Assessment) -> bool {
    *assessment
        == Assessment {
            perspective: assessment.perspective,
            ..Assessment::default()
        }
}

fn forget_in_compare(state: &mut AppState, id: &DraftId) {
    if state.compare.0.as_ref() == Some(id) {
        state.compare.0 = None;
    }
    if state.compare.1.as_ref() == Some(id) {
        state.compare.1 = None;
    }
}

/// Apply one answer to an assessment. Actions that name a question or option that does not
/// exist change nothing.
pub fn apply(assessment: &mut Assessment, action: AssessmentAction) {
    let fits = |question: usize| question < assessment.answers.len();
    match action {
        AssessmentAction::SetMode(mode) => assessment.mode = mode,
        AssessmentAction::SetPerspective(p) => assessment.perspective = p,
        AssessmentAction::SetSector(s) => assessment.sector = s,
        AssessmentAction::Choose { question, choice }
            if fits(question) && usize::from(choice) < QUESTIONS[question].choices().len() =>
        {
            assessment.answers[question] = Answer::Choice(choice);
        }
        AssessmentAction::ToggleItem { question, item } if fits(question) => {
            if let QuestionKind::Checklist(items) = QUESTIONS[question].kind {
                if usize::from(item) < items.len() {
                    let bits = match assessment.answers[question] {
                        Answer::Ticked(bits) => bits,
                        _ => 0,
                    };
                    assessment.answers[question] = Answer::Ticked(bits ^ (1 << item));
                }
            }
        }
        AssessmentAction::NoneOfThese { question } if fits(question) => {
            if matches!(QUESTIONS[question].kind, QuestionKind::Checklist(_)) {
                assessment.answers[question] = Answer::Ticked(0);
            }
        }
        AssessmentAction::DontKnow { question } if fits(question) => {
            assessment.answers[question] = Answer::DontKnow;
        }
        AssessmentAction::SetCountry { question, country } if fits(question) => {
            if matches!(QUESTIONS[question].kind, QuestionKind::Country) {
                assessment.answers[question] = match country {
                    Some(code) => Answer::Country(code),
                    None => Answer::Unanswered,
                };
            }
        }
        AssessmentAction::SetDate { question, day } if fits(question) => {
            if matches!(QUESTIONS[question].kind, QuestionKind::Date) {
                assessment.answers[question] = day.map_or(Answer::Unanswered, Answer::Date);
            }
        }
        AssessmentAction::SetCountryOverride(level) => {
            assessment.country_override = level.map(|level| CountryOverride {
                level,
                reason: assessment
                    .country_override
                    .take()
                    .map(|o| o.reason)
                    .unwrap_or_default(),
            });
        }
        AssessmentAction::SetCountryOverrideReason(reason) => {
            if let Some(o) = assessment.country_override.as_mut() {
                o.reason = clip(reason);
            }
        }
        AssessmentAction::SetRightStatus { right, status } => {
            if let Some(slot) = assessment.rights.get_mut(right.index()) {
                *slot = match status {
                    RightStatus::Rated(r) if !valid_rating(&r) => return,
                    other => other,
                };
            }
        }
        AssessmentAction::SetText { field, value } => {
            let value = clip(value);
            let text = &mut assessment.text;
            match field {
                TextField::Title => text.title = value,
                TextField::CustomerName => text.customer_name = value,
                TextField::BeneficialPurpose => text.beneficial_purpose = value,
                TextField::Notes => text.notes = value,
            }
        }
        AssessmentAction::SetAnswerNote { question, note } if fits(question) => {
            if note.trim().is_empty() {
                assessment.answer_notes.remove(&question);
            } else {
                assessment.answer_notes.insert(question, clip(note));
            }
        }
        AssessmentAction::Record(change) => assessment
            .record
            .apply(change, hrdd_core::assessment::MAX_TEXT_CHARS),
        // An action naming a question that does not exist changes nothing.
        _ => {}
    }
}

fn valid_rating(rating: &ImpactRating) -> bool {
    rating
        .dimensions()
        .iter()
        .all(|(_, v)| v.is_none_or(|v| (1..=4).contains(&v)))
}

/// Free text is kept within the format's limit, so that what the user typed always exports.
fn clip(text: String) -> String {
    if text.chars().count() > hrdd_core::assessment::MAX_TEXT_CHARS {
        text.chars()
            .take(hrdd_core::assessment::MAX_TEXT_CHARS)
            .collect()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hrdd_core::method::question_index;

    #[test]
    fn drafts_are_named_in_the_reader_s_language_and_named_drafts_keep_their_names() {
        let mut state = AppState::default();
        assert_eq!(state.current_draft().name, "Assessment 1");
        reduce(&mut state, AppAction::NewDraft);
        let q = question_index("profile.customer_type").unwrap();
        reduce(
            &mut state,
            AppAction::Answer(AssessmentAction::Choose {
                question: q,
                choice: 1,
            }),
        );
        reduce(&mut state, AppAction::SetUntitledWord("Évaluation".into()));
        let names: Vec<&str> = state.drafts.iter().map(|d| d.name.as_str()).collect();
        // The empty first draft takes the reader's word; the answered one keeps its name.
        assert_eq!(names, ["Évaluation 1", "Assessment 2"]);
        reduce(&mut state, AppAction::NewDraft);
        assert_eq!(state.current_draft().name, "Évaluation 2");
    }

    #[test]
    fn reducer_applies_answers_and_ignores_impossible_ones() {
        let mut a = Assessment::default();
        let q = question_index("profile.customer_type").unwrap();
        apply(
            &mut a,
            AssessmentAction::Choose {
                question: q,
                choice: 2,
            },
        );
        assert_eq!(a.answers[q], Answer::Choice(2));
        apply(
            &mut a,
            AssessmentAction::Choose {
                question: q,
                choice: 200,
            },
        );
        assert_eq!(
            a.answers[q],
            Answer::Choice(2),
            "out-of-range choice must change nothing"
        );
        apply(
            &mut a,
            AssessmentAction::Choose {
                question: 9999,
                choice: 0,
            },
        );
        apply(&mut a, AssessmentAction::DontKnow { question: q });
        assert_eq!(a.answers[q], Answer::DontKnow);

        let caps = question_index("end_use.capabilities").unwrap();
        apply(
            &mut a,
            AssessmentAction::ToggleItem {
                question: caps,
                item: 1,
            },
        );
        apply(
            &mut a,
            AssessmentAction::ToggleItem {
                question: caps,
                item: 3,
            },
        );
        assert_eq!(a.answers[caps], Answer::Ticked(0b1010));
        apply(
            &mut a,
            AssessmentAction::ToggleItem {
                question: caps,
                item: 1,
            },
        );
        assert_eq!(a.answers[caps], Answer::Ticked(0b1000));
        apply(&mut a, AssessmentAction::NoneOfThese { question: caps });
        assert_eq!(a.answers[caps], Answer::Ticked(0));
        // A checklist action on a single-choice question changes nothing.
        apply(&mut a, AssessmentAction::NoneOfThese { question: q });
        assert_eq!(a.answers[q], Answer::DontKnow);
    }

    #[test]
    fn override_keeps_its_reason_and_ratings_are_checked() {
        let mut a = Assessment::default();
        apply(
            &mut a,
            AssessmentAction::SetCountryOverride(Some(ContextLevel::High)),
        );
        apply(
            &mut a,
            AssessmentAction::SetCountryOverrideReason("Emergency law".into()),
        );
        apply(
            &mut a,
            AssessmentAction::SetCountryOverride(Some(ContextLevel::VeryHigh)),
        );
        assert_eq!(
            a.country_override.as_ref().map(|o| o.reason.as_str()),
            Some("Emergency law")
        );
        apply(&mut a, AssessmentAction::SetCountryOverride(None));
        assert!(a.country_override.is_none());

        let bad = ImpactRating {
            scale: Some(9),
            ..ImpactRating::default()
        };
        apply(
            &mut a,
            AssessmentAction::SetRightStatus {
                right: Right::Privacy,
                status: RightStatus::Rated(bad),
            },
        );
        assert_eq!(a.rights[Right::Privacy.index()], RightStatus::Unrated);
        apply(
            &mut a,
            AssessmentAction::SetText {
                field: TextField::Notes,
                value: "x".repeat(5000),
            },
        );
        assert_eq!(
            a.text.notes.chars().count(),
            hrdd_core::assessment::MAX_TEXT_CHARS
        );
    }

    fn id(text: &str) -> DraftId {
        DraftId::parse(text).unwrap()
    }

    #[test]
    fn drafts_can_be_created_renamed_opened_and_deleted() {
        let mut state = AppState::default();
        reduce(
            &mut state,
            AppAction::Answer(AssessmentAction::SetMode(Mode::FullAssessment)),
        );
        reduce(&mut state, AppAction::NewDraft);
        assert_eq!(state.drafts.len(), 2);
        assert_eq!(state.current, id("t-2"), "ids come from the tab's token");
        assert_eq!(state.current_draft().name, "Assessment 2");
        assert_eq!(
            state.assessment().mode,
            Mode::QuickScreen,
            "a new draft starts empty"
        );
        reduce(
            &mut state,
            AppAction::RenameDraft {
                id: id("t-1"),
                name: "  Deal A  ".into(),
            },
        );
        assert_eq!(state.draft(&id("t-1")).unwrap().name, "Deal A");
        reduce(
            &mut state,
            AppAction::RenameDraft {
                id: id("t-1"),
                name: "   ".into(),
            },
        );
        assert_eq!(
            state.draft(&id("t-1")).unwrap().name,
            "Deal A",
            "a blank name changes nothing"
        );
        // The lowest free number names the next draft.
        reduce(&mut state, AppAction::NewDraft);
        assert_eq!(state.current_draft().name, "Assessment 1");
        reduce(&mut state, AppAction::DeleteDraft(id("t-3")));
        reduce(&mut state, AppAction::OpenDraft(id("t-1")));
        assert_eq!(state.assessment().mode, Mode::FullAssessment);
        reduce(
            &mut state,
            AppAction::SetCompare {
                left: Some(id("t-1")),
                right: Some(id("t-2")),
            },
        );
        reduce(&mut state, AppAction::DeleteDraft(id("t-1")));
        assert_eq!(state.current, id("t-2"));
        assert_eq!(state.compare, (None, Some(id("t-2"))));
        reduce(&mut state, AppAction::DeleteDraft(id("t-2")));
        assert_eq!(state.drafts.len(), 1, "there is always a draft to work in");
        assert_ne!(state.current, id("t-2"), "a deleted id is never reused");
        reduce(&mut state, AppAction::DeleteAllLocalData);
        assert_eq!(state.drafts.len(), 1);
        assert_eq!(*state.assessment(), Assessment::default());
        // With an organisation default, the fresh draft starts from it.
        reduce(
            &mut state,
            AppAction::SetDefaultPerspective(Perspective::OutsideReview),
        );
        reduce(&mut state, AppAction::DeleteAllLocalData);
        assert_eq!(state.assessment().perspective, Perspective::OutsideReview);
    }

    // serde_json is a native-only dependency (the browser parses JSON itself).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn draft_ids_are_plain_tokens() {
        for good in ["t-1", "m-3", "k3f9a2xz-12", "A_b"] {
            assert!(DraftId::parse(good).is_some(), "{good}");
        }
        let long = "x".repeat(DraftId::MAX_CHARS + 1);
        for bad in ["", "a.b", "a b", "../x", "é", long.as_str()] {
            assert!(DraftId::parse(bad).is_none(), "{bad:?}");
        }
        let error = serde_json::from_str::<DraftId>("\"a.b\"").unwrap_err();
        assert!(error.to_string().contains("not a draft id"), "{error}");
    }

    fn full(name: &str, draft_id: &str) -> Draft {
        Draft {
            id: id(draft_id),
            name: name.into(),
            assessment: Assessment {
                mode: Mode::FullAssessment,
                ..Assessment::default()
            },
        }
    }

    #[test]
    fn changes_from_other_tabs_update_the_list_and_say_when_a_version_was_kept() {
        let mut state = AppState::default();
        reduce(
            &mut state,
            AppAction::Restore {
                drafts: vec![full("Deal A", "a-1"), full("Deal B", "a-2")],
                current: Some(id("a-2")),
            },
        );
        assert_eq!(
            state.current,
            id("a-2"),
            "a reload reopens this tab's draft"
        );

        // A draft created in another tab joins the list; the open one stays open, quietly.
        reduce(
            &mut state,
            AppAction::RemoteChanged {
                draft: full("Deal C", "b-1"),
                change: RemoteChange::New,
            },
        );
        assert_eq!(state.drafts.len(), 3);
        assert_eq!(state.current, id("a-2"));
        assert_eq!(state.notice, None);

        // An edit made on top of ours: taken without a word.
        let mut edited = full("Deal B", "a-2");
        edited.assessment.mode = Mode::QuickScreen;
        reduce(
            &mut state,
            AppAction::RemoteChanged {
                draft: edited.clone(),
                change: RemoteChange::FollowsOurs,
            },
        );
        assert_eq!(state.assessment().mode, Mode::QuickScreen);
        assert_eq!(state.notice, None);

        // An edit made beside ours on the open draft: shown, and the user is told.
        reduce(
            &mut state,
            AppAction::RemoteChanged {
                draft: full("Deal B", "a-2"),
                change: RemoteChange::Conflict,
            },
        );
        assert_eq!(state.assessment().mode, Mode::FullAssessment);
        assert_eq!(
            state.notice.as_ref().unwrap().text,
            NoticeText::ChangedInTwoTabsOpen {
                name: "Deal B".into()
            }
        );

        // Deleted elsewhere while open here: another draft opens and the user is told.
        reduce(&mut state, AppAction::RemoteRemoved(id("a-2")));
        assert_eq!(state.drafts.len(), 2);
        assert_eq!(state.current, id("a-1"));
        assert_eq!(
            state.notice.as_ref().unwrap().text,
            NoticeText::DeletedElsewhereOpen {
                name: "Deal B".into()
            }
        );
        // A removal of something this tab does not have changes nothing.
        let before = state.clone();
        reduce(&mut state, AppAction::RemoteRemoved(id("zz-9")));
        assert_eq!(state, before);

        reduce(&mut state, AppAction::DeletedElsewhere);
        assert_eq!(state.drafts.len(), 1);
        assert_eq!(*state.assessment(), Assessment::default());
    }

    #[test]
    fn an_import_of_many_adds_new_drafts_and_keeps_both_or_replaces_as_chosen() {
        let mut state = AppState::default();
        reduce(
            &mut state,
            AppAction::Restore {
                drafts: vec![full("Deal A", "a-1")],
                current: None,
            },
        );
        let mut theirs = full("Deal A", "a-1");
        theirs.assessment.mode = Mode::QuickScreen;
        let mut keep_both = state.clone();
        reduce(
            &mut keep_both,
            AppAction::ImportCollection {
                new: vec![full("Deal N", "b-1")],
                differing: vec![theirs.clone()],
                choice: DifferingChoice::KeepBoth,
            },
        );
        let names: Vec<_> = keep_both.drafts.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["Deal A", "Deal N", "Deal A (imported)"]);
        assert_eq!(
            keep_both.draft(&id("a-1")).unwrap().assessment.mode,
            Mode::FullAssessment,
            "the draft here is untouched"
        );
        assert_eq!(keep_both.view, View::Drafts);

        reduce(
            &mut state,
            AppAction::ImportCollection {
                new: Vec::new(),
                differing: vec![theirs],
                choice: DifferingChoice::Replace,
            },
        );
        assert_eq!(state.drafts.len(), 1);
        assert_eq!(
            state.draft(&id("a-1")).unwrap().assessment.mode,
            Mode::QuickScreen
        );
        assert_eq!(
            state.notice.as_ref().unwrap().text,
            NoticeText::Imported {
                added: 0,
                differing: 1,
                choice: DifferingChoice::Replace
            }
        );
    }

    #[test]
    fn storage_that_cannot_be_used_offers_an_export() {
        let mut state = AppState::default();
        reduce(&mut state, AppAction::StorageUnavailable);
        assert_eq!(state.storage, StorageStatus::Unavailable);
        assert!(state.notice.as_ref().unwrap().offer_export);
        // Deleting local data does not pretend storage came back.
        reduce(&mut state, AppAction::DeleteAllLocalData);
        assert_eq!(state.storage, StorageStatus::Unavailable);
    }

    #[test]
    fn an_untouched_draft_is_not_worth_storing() {
        let mut draft = AppState::default().current_draft().clone();
        assert!(!draft.worth_storing());
        draft.assessment.perspective = Perspective::OutsideReview;
        assert!(
            !draft.worth_storing(),
            "the organisation's default is not a change"
        );
        draft.name = "Deal".into();
        assert!(draft.worth_storing());
        let mut answered = AppState::default().current_draft().clone();
        answered.assessment.mode = Mode::FullAssessment;
        assert!(answered.worth_storing());
    }

    #[test]
    fn switching_to_the_full_assessment_keeps_every_answer() {
        // The result's "Switch to the full assessment" button dispatches this action.
        let mut state = AppState::default();
        let q = question_index("customer.end_user_known").unwrap();
        reduce(
            &mut state,
            AppAction::Answer(AssessmentAction::Choose {
                question: q,
                choice: 2,
            }),
        );
        let before = state.assessment().answers.clone();
        reduce(
            &mut state,
            AppAction::Answer(AssessmentAction::SetMode(Mode::FullAssessment)),
        );
        assert_eq!(state.assessment().mode, Mode::FullAssessment);
        assert_eq!(state.assessment().answers, before);
    }

    #[test]
    fn country_search_folds_case_and_accents() {
        use crate::country_picker::search_key;
        assert_eq!(search_key("Côte d’Ivoire"), "cote d’ivoire");
        assert_eq!(search_key("ÅLAND"), "aland");
        assert!(search_key("Curaçao").contains(&search_key("curac")));
        // Every name in every language folds to lower case without accents, so that a search
        // typed without them finds it.
        let catalogues: Vec<_> = hrdd_core::i18n::CATALOGUE_FILES
            .iter()
            .map(|(language, text)| {
                hrdd_core::i18n::Texts::new(
                    *language,
                    hrdd_core::i18n::Catalogue::parse(text).unwrap(),
                )
            })
            .collect();
        for c in hrdd_core::country::countries() {
            for texts in &catalogues {
                let name = texts.country_name(c);
                let key = search_key(name);
                assert!(
                    key.chars()
                        .all(|ch| !ch.is_uppercase() && !"àáâäçéèêëíìîïñóòôöúùûü".contains(ch)),
                    "{name} -> {key}"
                );
            }
        }
        assert!(search_key("États-Unis").starts_with("etats"));
    }

    #[test]
    fn a_shared_link_never_replaces_a_draft_unless_copied() {
        let mut state = AppState::default();
        reduce(
            &mut state,
            AppAction::Answer(AssessmentAction::SetMode(Mode::FullAssessment)),
        );
        let shared = Assessment::new(
            Mode::QuickScreen,
            Perspective::OurDeal,
            Sector::Surveillance,
        );
        let parsed = hrdd_core::link::decode(&hrdd_core::link::encode(&shared, false));
        reduce(&mut state, AppAction::OpenLink(parsed));
        assert_eq!(state.view, View::Shared);
        assert_eq!(state.drafts.len(), 1);
        assert_eq!(
            state.assessment().mode,
            Mode::FullAssessment,
            "the draft is untouched"
        );
        reduce(
            &mut state,
            AppAction::EditSharedCopy {
                name: "Copy of a shared assessment".into(),
            },
        );
        assert_eq!(state.drafts.len(), 2);
        assert_eq!(state.assessment().sector, Sector::Surveillance);
        assert_eq!(state.view, View::Assess);
        assert!(state.shared.is_none());

        reduce(
            &mut state,
            AppAction::OpenLink(hrdd_core::link::decode("hrdd1.@@")),
        );
        assert_eq!(
            state.notice.as_ref().map(|n| n.kind),
            Some(NoticeKind::Error)
        );
        assert_eq!(state.drafts.len(), 2);
    }
}
