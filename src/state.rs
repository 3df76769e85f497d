//! The one root state and its pure reducer. The state holds answers only — the drafts (each an
//! assessment), which one is open, and what the user is looking at — and everything on screen
//! is derived from it. Effects (local storage, files, printing) live in components, outside the
//! reducer.

use hrdd_core::dates::Day;
use hrdd_core::link::{EncryptedLink, LinkError, ParsedLink, SharedAssessment};
use hrdd_core::method::{ContextLevel, Mode, Perspective, QuestionKind, Right, Sector, QUESTIONS};
use hrdd_core::{Answer, Assessment, CountryCode, CountryOverride, ImpactRating, RightStatus};
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
}

/// A share link opened from the address.
#[derive(Debug, Clone, PartialEq)]
pub enum SharedState {
    /// Protected by a passphrase, not yet opened.
    Locked {
        link: EncryptedLink,
        error: Option<String>,
        busy: bool,
    },
    Open(SharedAssessment),
}

/// A saved assessment in this browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: u32,
    pub name: String,
    pub assessment: Assessment,
}

/// A message to the user about something that happened outside the answers (an import, a
/// deletion), shown on screen until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
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
    OpenDraft(u32),
    RenameDraft {
        id: u32,
        name: String,
    },
    DeleteDraft(u32),
    /// Forget every draft; the storage effect then empties local storage.
    DeleteAllLocalData,
    /// Open an imported assessment in a new draft.
    Import {
        name: String,
        assessment: Assessment,
    },
    /// Drafts read from local storage at start-up.
    Restore {
        drafts: Vec<Draft>,
        current: u32,
    },
    ShowView(View),
    SetCompare {
        left: Option<u32>,
        right: Option<u32>,
    },
    Notify(Notice),
    DismissNotice,
    /// A share link found in the address (at start-up or when the address changes).
    OpenLink(Result<ParsedLink, LinkError>),
    Unlocking,
    UnlockFailed(String),
    Unlocked(SharedAssessment),
    /// Keep a copy of the shared assessment as a new draft of one's own.
    EditSharedCopy,
    CloseShared,
    /// The organisation's default perspective: for new drafts, and for the open one if untouched.
    SetDefaultPerspective(Perspective),
}

/// Whether autosave may write to local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageStatus {
    Ok,
    /// Stored drafts could not be read: autosave pauses so that they are not overwritten, until
    /// the user deletes local data.
    Unreadable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Never empty.
    pub drafts: Vec<Draft>,
    pub current: u32,
    pub view: View,
    pub compare: (Option<u32>, Option<u32>),
    pub notice: Option<Notice>,
    pub storage: StorageStatus,
    /// A shared link being viewed. It never replaces a draft unless the user asks.
    pub shared: Option<SharedState>,
    /// The perspective new assessments start with (organisation settings may set it).
    pub default_perspective: Perspective,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            drafts: vec![new_draft(1)],
            current: 1,
            view: View::Assess,
            compare: (None, None),
            notice: None,
            storage: StorageStatus::Ok,
            shared: None,
            default_perspective: Perspective::OurDeal,
        }
    }
}

fn new_draft(id: u32) -> Draft {
    Draft {
        id,
        name: format!("Assessment {id}"),
        assessment: Assessment::default(),
    }
}

fn new_draft_with(id: u32, perspective: Perspective) -> Draft {
    let mut draft = new_draft(id);
    draft.assessment.perspective = perspective;
    draft
}

impl AppState {
    pub fn current_draft(&self) -> &Draft {
        self.drafts
            .iter()
            .find(|d| d.id == self.current)
            .unwrap_or(&self.drafts[0])
    }

    pub fn assessment(&self) -> &Assessment {
        &self.current_draft().assessment
    }

    pub fn draft(&self, id: u32) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    fn next_id(&self) -> u32 {
        self.drafts.iter().map(|d| d.id).max().unwrap_or(0) + 1
    }

    fn current_mut(&mut self) -> &mut Draft {
        let current = self.current;
        let index = self
            .drafts
            .iter()
            .position(|d| d.id == current)
            .unwrap_or(0);
        &mut self.drafts[index]
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
            let draft = new_draft_with(state.next_id(), state.default_perspective);
            state.current = draft.id;
            state.drafts.push(draft);
            state.view = View::Assess;
        }
        AppAction::OpenDraft(id) => {
            if state.draft(id).is_some() {
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
            if state.drafts.is_empty() {
                state.drafts.push(new_draft(id + 1));
            }
            if state.draft(state.current).is_none() {
                state.current = state.drafts[0].id;
            }
            forget_in_compare(state, id);
        }
        AppAction::DeleteAllLocalData => {
            let fresh = AppState::default();
            state.drafts = vec![new_draft_with(fresh.current, state.default_perspective)];
            state.current = fresh.current;
            state.compare = (None, None);
            state.storage = StorageStatus::Ok;
            state.notice = Some(Notice {
                kind: NoticeKind::Info,
                text: "All assessments stored in this browser have been deleted.".into(),
            });
        }
        AppAction::Import { name, assessment } => {
            let id = state.next_id();
            state.drafts.push(Draft {
                id,
                name,
                assessment,
            });
            state.current = id;
            state.view = View::Assess;
        }
        AppAction::Restore { drafts, current } => {
            if !drafts.is_empty() {
                state.current = if drafts.iter().any(|d| d.id == current) {
                    current
                } else {
                    drafts[0].id
                };
                state.drafts = drafts;
            }
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
            state.notice = Some(Notice {
                kind: NoticeKind::Error,
                text: format!("{error} Your own drafts are unchanged."),
            });
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
        AppAction::EditSharedCopy => {
            if let Some(SharedState::Open(shared)) = state.shared.take() {
                let title = shared.assessment.text.title.trim();
                let name = if title.is_empty() {
                    "Copy of a shared assessment".to_owned()
                } else {
                    format!("Copy of {title}")
                };
                state.notice = Some(Notice {
                    kind: NoticeKind::Info,
                    text: format!("The shared assessment is now your draft \"{name}\". Your other drafts are unchanged."),
                });
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
        AppAction::SetDefaultPerspective(perspective) => {
            state.default_perspective = perspective;
            let draft = state.current_mut();
            if draft.assessment == Assessment::default() {
                draft.assessment.perspective = perspective;
            }
        }
    }
}

fn forget_in_compare(state: &mut AppState, id: u32) {
    if state.compare.0 == Some(id) {
        state.compare.0 = None;
    }
    if state.compare.1 == Some(id) {
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

    #[test]
    fn drafts_can_be_created_renamed_opened_and_deleted() {
        let mut state = AppState::default();
        reduce(
            &mut state,
            AppAction::Answer(AssessmentAction::SetMode(Mode::FullAssessment)),
        );
        reduce(&mut state, AppAction::NewDraft);
        assert_eq!(state.drafts.len(), 2);
        assert_eq!(state.current, 2);
        assert_eq!(
            state.assessment().mode,
            Mode::QuickScreen,
            "a new draft starts empty"
        );
        reduce(
            &mut state,
            AppAction::RenameDraft {
                id: 1,
                name: "  Deal A  ".into(),
            },
        );
        assert_eq!(state.draft(1).unwrap().name, "Deal A");
        reduce(
            &mut state,
            AppAction::RenameDraft {
                id: 1,
                name: "   ".into(),
            },
        );
        assert_eq!(
            state.draft(1).unwrap().name,
            "Deal A",
            "a blank name changes nothing"
        );
        reduce(&mut state, AppAction::OpenDraft(1));
        assert_eq!(state.assessment().mode, Mode::FullAssessment);
        reduce(
            &mut state,
            AppAction::SetCompare {
                left: Some(1),
                right: Some(2),
            },
        );
        reduce(&mut state, AppAction::DeleteDraft(1));
        assert_eq!(state.current, 2);
        assert_eq!(state.compare, (None, Some(2)));
        reduce(&mut state, AppAction::DeleteDraft(2));
        assert_eq!(state.drafts.len(), 1, "there is always a draft to work in");
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
        assert!(hrdd_core::country::countries()
            .iter()
            .all(|c| search_key(&c.name).chars().all(|ch| !ch.is_uppercase())));
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
        reduce(&mut state, AppAction::EditSharedCopy);
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
