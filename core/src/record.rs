//! The decision on record: what the company decided on an assessment, by whom and when, on
//! which conditions (each with an owner, a due date, a status and its evidence), and when to
//! look at it again. The user records it beside the answers; it is never scored: the method's
//! outcome is a recommendation, the decision is the company's, and the two are shown side by
//! side, a departure towards more permission with its reason. Free text here (names, roles,
//! reasons, evidence) is confidential like the assessment's own notes. The words are in the
//! catalogues (`decision-…`, `condition-status-…`, `record-problem-…`).

use crate::dates::Day;
use crate::method::ACTIONS;
use crate::report::Outcome;

/// What was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DecisionTaken {
    Proceed,
    ProceedWithConditions,
    /// Not decided yet: waiting for facts or for a senior decision.
    Deferred,
    DoNotProceed,
}

impl DecisionTaken {
    /// From the most permissive to the strictest.
    pub const ALL: [DecisionTaken; 4] = [
        DecisionTaken::Proceed,
        DecisionTaken::ProceedWithConditions,
        DecisionTaken::Deferred,
        DecisionTaken::DoNotProceed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionTaken::Proceed => "proceed",
            DecisionTaken::ProceedWithConditions => "proceed_with_conditions",
            DecisionTaken::Deferred => "deferred",
            DecisionTaken::DoNotProceed => "do_not_proceed",
        }
    }

    pub fn from_key(key: &str) -> Option<DecisionTaken> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    /// The least strict decision that follows a recommendation: after an escalation a senior
    /// decision may proceed with conditions; an incomplete assessment is decided once its facts
    /// are known (deferred until then).
    pub fn least_that_follows(recommended: Outcome) -> DecisionTaken {
        match recommended {
            Outcome::Proceed => DecisionTaken::Proceed,
            Outcome::ProceedWithConditions | Outcome::Escalate => {
                DecisionTaken::ProceedWithConditions
            }
            Outcome::Incomplete => DecisionTaken::Deferred,
            Outcome::DoNotProceed => DecisionTaken::DoNotProceed,
        }
    }
}

/// How a decision stands to the recommended outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Departure {
    Follows,
    /// Stricter than recommended: the company's call, no reason required.
    Stricter,
    /// More permissive than recommended: an override, which needs a reason and is shown
    /// prominently.
    MorePermissive,
}

/// How `taken` stands to `recommended`. After an escalation any decision from "proceed with
/// conditions" up is the senior decision the outcome asks for.
pub fn departure(recommended: Outcome, taken: DecisionTaken) -> Departure {
    let least = DecisionTaken::least_that_follows(recommended);
    if taken < least {
        Departure::MorePermissive
    } else if taken == least || recommended == Outcome::Escalate {
        Departure::Follows
    } else {
        Departure::Stricter
    }
}

/// Where a condition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConditionStatus {
    /// Agreed with the customer or the deal team, not yet in place.
    #[default]
    Agreed,
    InPlace,
    /// In place and checked (the evidence note says how).
    Verified,
    /// Not met: the decision should be looked at again.
    Failed,
}

impl ConditionStatus {
    pub const ALL: [ConditionStatus; 4] = [
        ConditionStatus::Agreed,
        ConditionStatus::InPlace,
        ConditionStatus::Verified,
        ConditionStatus::Failed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ConditionStatus::Agreed => "agreed",
            ConditionStatus::InPlace => "in_place",
            ConditionStatus::Verified => "verified",
            ConditionStatus::Failed => "failed",
        }
    }

    pub fn from_key(key: &str) -> Option<ConditionStatus> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A recommended action made a condition of the deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The action of `method::ACTIONS`.
    pub action: &'static str,
    /// Who sees to it (free text).
    pub owner: String,
    pub due: Option<Day>,
    pub status: ConditionStatus,
    /// What shows it is in place or verified (free text).
    pub evidence: String,
}

impl Condition {
    pub fn new(action: &'static str) -> Condition {
        Condition {
            action,
            owner: String::new(),
            due: None,
            status: ConditionStatus::Agreed,
            evidence: String::new(),
        }
    }

    /// Due before `today` and not yet in place.
    pub fn is_overdue(&self, today: Day) -> bool {
        self.status == ConditionStatus::Agreed && self.due.is_some_and(|due| due < today)
    }
}

/// The decision taken and who took it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// None until a decision is chosen.
    pub taken: Option<DecisionTaken>,
    /// The decider's role and name (free text).
    pub role: String,
    pub name: String,
    pub on: Option<Day>,
    /// Why (free text); required for a decision more permissive than recommended.
    pub reason: String,
    /// An optional second sign-off.
    pub second_name: String,
    pub second_on: Option<Day>,
}

/// Everything recorded after the recommendation. Empty by default: files and links without a
/// record are those earlier versions made, and open unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DecisionRecord {
    /// Who made the assessment (name and role, free text): the memo's assessor.
    pub assessor: String,
    pub conditions: Vec<Condition>,
    pub decision: Decision,
    /// When to look at the decision again.
    pub review_on: Option<Day>,
}

impl DecisionRecord {
    pub fn is_empty(&self) -> bool {
        *self == DecisionRecord::default()
    }

    /// The condition made of an action, if any.
    pub fn condition(&self, action: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.action == action)
    }

    /// The free-text fields, for the length check.
    pub fn texts(&self) -> impl Iterator<Item = &String> {
        let d = &self.decision;
        [&self.assessor, &d.role, &d.name, &d.reason, &d.second_name]
            .into_iter()
            .chain(self.conditions.iter().flat_map(|c| [&c.owner, &c.evidence]))
    }

    /// The free-text fields, for withholding them from a file or a link.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        let d = &mut self.decision;
        [
            &mut self.assessor,
            &mut d.role,
            &mut d.name,
            &mut d.reason,
            &mut d.second_name,
        ]
        .into_iter()
        .chain(
            self.conditions
                .iter_mut()
                .flat_map(|c| [&mut c.owner, &mut c.evidence]),
        )
    }
}

/// A free-text field of the decision (and the assessor, named beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionText {
    Assessor,
    Role,
    Name,
    Reason,
    SecondName,
}

/// A date of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordDate {
    DecidedOn,
    SecondSignedOn,
    ReviewOn,
}

/// One change the user makes to the record (the screens' reducer applies it with
/// [`DecisionRecord::apply`]). Conditions are named by their position in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordChange {
    /// Make a recommended action a condition (once: an action already a condition is left).
    AddCondition(&'static str),
    RemoveCondition(usize),
    SetConditionOwner(usize, String),
    SetConditionDue(usize, Option<Day>),
    SetConditionStatus(usize, ConditionStatus),
    SetConditionEvidence(usize, String),
    SetDecision(Option<DecisionTaken>),
    SetDecisionText(DecisionText, String),
    SetDate(RecordDate, Option<Day>),
    /// A new assessment round on the same deal: the decision and its review date are cleared
    /// for the new decision; the conditions stay (they are still to be kept). The screens keep
    /// the decided version as an earlier version first.
    StartReassessment,
}

impl DecisionRecord {
    /// Apply a change. Text is clipped to `max_chars` characters (the format's limit), so that
    /// what is kept can always be saved and shared; a change naming a condition that does not
    /// exist changes nothing.
    pub fn apply(&mut self, change: RecordChange, max_chars: usize) {
        let clip = |text: String| -> String {
            if text.chars().count() > max_chars {
                text.chars().take(max_chars).collect()
            } else {
                text
            }
        };
        match change {
            RecordChange::AddCondition(action) => {
                if self.condition(action).is_none() {
                    self.conditions.push(Condition::new(action));
                }
            }
            RecordChange::RemoveCondition(index) if index < self.conditions.len() => {
                self.conditions.remove(index);
            }
            RecordChange::SetConditionOwner(index, text) => {
                if let Some(c) = self.conditions.get_mut(index) {
                    c.owner = clip(text);
                }
            }
            RecordChange::SetConditionDue(index, day) => {
                if let Some(c) = self.conditions.get_mut(index) {
                    c.due = day;
                }
            }
            RecordChange::SetConditionStatus(index, status) => {
                if let Some(c) = self.conditions.get_mut(index) {
                    c.status = status;
                }
            }
            RecordChange::SetConditionEvidence(index, text) => {
                if let Some(c) = self.conditions.get_mut(index) {
                    c.evidence = clip(text);
                }
            }
            RecordChange::SetDecision(taken) => self.decision.taken = taken,
            RecordChange::SetDecisionText(field, text) => {
                let text = clip(text);
                let d = &mut self.decision;
                *match field {
                    DecisionText::Assessor => &mut self.assessor,
                    DecisionText::Role => &mut d.role,
                    DecisionText::Name => &mut d.name,
                    DecisionText::Reason => &mut d.reason,
                    DecisionText::SecondName => &mut d.second_name,
                } = text;
            }
            RecordChange::SetDate(which, day) => {
                *match which {
                    RecordDate::DecidedOn => &mut self.decision.on,
                    RecordDate::SecondSignedOn => &mut self.decision.second_on,
                    RecordDate::ReviewOn => &mut self.review_on,
                } = day;
            }
            RecordChange::StartReassessment => {
                self.decision = Decision::default();
                self.review_on = None;
            }
            RecordChange::RemoveCondition(_) => {}
        }
    }
}

/// The action of `method::ACTIONS` with this id, as the record keeps it.
pub fn action_id(id: &str) -> Option<&'static str> {
    ACTIONS.iter().map(|a| a.id).find(|a| *a == id)
}

/// What a decision record still lacks or shows, for the screen and the memo. None of these
/// stops the user recording: the record keeps whatever is typed, and says what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// More permissive than recommended, with no reason given.
    OverrideWithoutReason,
    /// A decision with neither the role nor the name of who took it.
    DecisionWithoutDecider,
    DecisionWithoutDate,
    /// "Proceed with conditions" with no condition recorded.
    ConditionsDecidedWithoutConditions,
    ConditionWithoutOwner {
        action: &'static str,
    },
    ConditionWithoutDueDate {
        action: &'static str,
    },
    /// Due before today and not yet in place.
    ConditionOverdue {
        action: &'static str,
        due: Day,
    },
    ConditionFailed {
        action: &'static str,
    },
}

impl RecordProblem {
    /// The catalogue key: `record-problem-<key>`.
    pub fn key(&self) -> &'static str {
        match self {
            RecordProblem::OverrideWithoutReason => "override-without-reason",
            RecordProblem::DecisionWithoutDecider => "decision-without-decider",
            RecordProblem::DecisionWithoutDate => "decision-without-date",
            RecordProblem::ConditionsDecidedWithoutConditions => "conditions-without-conditions",
            RecordProblem::ConditionWithoutOwner { .. } => "condition-without-owner",
            RecordProblem::ConditionWithoutDueDate { .. } => "condition-without-due-date",
            RecordProblem::ConditionOverdue { .. } => "condition-overdue",
            RecordProblem::ConditionFailed { .. } => "condition-failed",
        }
    }

    /// The action a condition's problem is about.
    pub fn action(&self) -> Option<&'static str> {
        match self {
            RecordProblem::ConditionWithoutOwner { action }
            | RecordProblem::ConditionWithoutDueDate { action }
            | RecordProblem::ConditionOverdue { action, .. }
            | RecordProblem::ConditionFailed { action } => Some(action),
            _ => None,
        }
    }
}

/// What the record lacks or shows, given the recommended outcome and the device's date (`None`:
/// no overdue check).
pub fn record_problems(
    record: &DecisionRecord,
    recommended: Outcome,
    today: Option<Day>,
) -> Vec<RecordProblem> {
    let mut problems = Vec::new();
    let decision = &record.decision;
    if let Some(taken) = decision.taken {
        if departure(recommended, taken) == Departure::MorePermissive
            && decision.reason.trim().is_empty()
        {
            problems.push(RecordProblem::OverrideWithoutReason);
        }
        if decision.role.trim().is_empty() && decision.name.trim().is_empty() {
            problems.push(RecordProblem::DecisionWithoutDecider);
        }
        if decision.on.is_none() {
            problems.push(RecordProblem::DecisionWithoutDate);
        }
        if taken == DecisionTaken::ProceedWithConditions && record.conditions.is_empty() {
            problems.push(RecordProblem::ConditionsDecidedWithoutConditions);
        }
    }
    for condition in &record.conditions {
        let action = condition.action;
        if condition.status == ConditionStatus::Failed {
            problems.push(RecordProblem::ConditionFailed { action });
        }
        if let (Some(due), Some(today)) = (condition.due, today) {
            if condition.is_overdue(today) {
                problems.push(RecordProblem::ConditionOverdue { action, due });
            }
        }
        if condition.owner.trim().is_empty() {
            problems.push(RecordProblem::ConditionWithoutOwner { action });
        }
        if condition.due.is_none() {
            problems.push(RecordProblem::ConditionWithoutDueDate { action });
        }
    }
    problems
}

/// The default review date of a decision taken on `on` (METHODOLOGY.md 4.18).
pub fn default_review_date(recommended: Outcome, taken: DecisionTaken, on: Day) -> Option<Day> {
    let months = crate::method::default_review_months(recommended, taken)?;
    Some(on.add_months(months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecisionTaken::{Deferred, DoNotProceed, Proceed, ProceedWithConditions};

    #[test]
    fn how_each_decision_stands_to_each_recommendation() {
        use Departure::{Follows, MorePermissive, Stricter};
        // Recommendation, then the departure of: proceed, with conditions, deferred, refused.
        let table = [
            (Outcome::Proceed, [Follows, Stricter, Stricter, Stricter]),
            (
                Outcome::ProceedWithConditions,
                [MorePermissive, Follows, Stricter, Stricter],
            ),
            (
                Outcome::Incomplete,
                [MorePermissive, MorePermissive, Follows, Stricter],
            ),
            (
                Outcome::Escalate,
                [MorePermissive, Follows, Follows, Follows],
            ),
            (
                Outcome::DoNotProceed,
                [MorePermissive, MorePermissive, MorePermissive, Follows],
            ),
        ];
        for (recommended, expected) in table {
            for (taken, want) in DecisionTaken::ALL.into_iter().zip(expected) {
                assert_eq!(
                    departure(recommended, taken),
                    want,
                    "{recommended:?} {taken:?}"
                );
            }
        }
    }

    #[test]
    fn keys_read_back() {
        for d in DecisionTaken::ALL {
            assert_eq!(DecisionTaken::from_key(d.key()), Some(d));
        }
        for s in ConditionStatus::ALL {
            assert_eq!(ConditionStatus::from_key(s.key()), Some(s));
        }
        assert_eq!(DecisionTaken::from_key("approve"), None);
        assert_eq!(ConditionStatus::from_key("done"), None);
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn default_review_dates() {
        let on = day("2026-01-31");
        let table = [
            (Outcome::Proceed, Proceed, Some("2028-01-31")),
            (
                Outcome::ProceedWithConditions,
                ProceedWithConditions,
                Some("2027-01-31"),
            ),
            // After an escalation, or against the recommendation: six months (the end of
            // February, the 31st not being a day of it).
            (Outcome::Escalate, ProceedWithConditions, Some("2026-07-31")),
            (Outcome::DoNotProceed, Proceed, Some("2026-07-31")),
            (
                Outcome::Incomplete,
                ProceedWithConditions,
                Some("2026-07-31"),
            ),
            (Outcome::Proceed, Deferred, Some("2026-04-30")),
            (Outcome::Escalate, Deferred, Some("2026-04-30")),
            (Outcome::Escalate, DoNotProceed, None),
            (Outcome::Proceed, DoNotProceed, None),
        ];
        for (recommended, taken, want) in table {
            assert_eq!(
                default_review_date(recommended, taken, on),
                want.map(day),
                "{recommended:?} {taken:?}"
            );
        }
        assert_eq!(day("2026-08-31").add_months(6), day("2027-02-28"));
        assert_eq!(day("2027-08-31").add_months(6), day("2028-02-29"));
    }

    #[test]
    fn what_a_record_lacks() {
        let recommended = Outcome::ProceedWithConditions;
        let today = Some(day("2026-12-02"));
        let mut record = DecisionRecord::default();
        assert!(record.is_empty());
        assert!(record_problems(&record, recommended, today).is_empty());

        record.decision.taken = Some(Proceed);
        assert_eq!(
            record_problems(&record, recommended, today),
            [
                RecordProblem::OverrideWithoutReason,
                RecordProblem::DecisionWithoutDecider,
                RecordProblem::DecisionWithoutDate,
            ]
        );
        record.decision.reason = "Licence granted by the export authority".into();
        record.decision.role = "Head of compliance".into();
        record.decision.on = today;
        assert!(record_problems(&record, recommended, today).is_empty());
        // The same decision, recommended: no reason needed.
        record.decision.reason.clear();
        assert!(record_problems(&record, Outcome::Proceed, today).is_empty());

        record.decision.taken = Some(ProceedWithConditions);
        assert_eq!(
            record_problems(&record, recommended, today),
            [RecordProblem::ConditionsDecidedWithoutConditions]
        );
        let action = ACTIONS[0].id;
        record.conditions.push(Condition::new(action));
        assert_eq!(
            record_problems(&record, recommended, today),
            [
                RecordProblem::ConditionWithoutOwner { action },
                RecordProblem::ConditionWithoutDueDate { action },
            ]
        );
        record.conditions[0].owner = "Sales lead".into();
        record.conditions[0].due = Some(day("2026-12-01"));
        assert_eq!(
            record_problems(&record, recommended, today),
            [RecordProblem::ConditionOverdue {
                action,
                due: day("2026-12-01")
            }]
        );
        // Due today is not overdue; in place is never overdue.
        record.conditions[0].due = today;
        assert!(record_problems(&record, recommended, today).is_empty());
        record.conditions[0].due = Some(day("2026-11-01"));
        record.conditions[0].status = ConditionStatus::InPlace;
        assert!(record_problems(&record, recommended, today).is_empty());
        assert!(record_problems(&record, recommended, None).is_empty());
        record.conditions[0].status = ConditionStatus::Failed;
        assert_eq!(
            record_problems(&record, recommended, today),
            [RecordProblem::ConditionFailed { action }]
        );
        assert_eq!(
            RecordProblem::ConditionFailed { action }.action(),
            Some(action)
        );
    }

    #[test]
    fn changes_apply_to_the_record() {
        let (a, b) = (ACTIONS[0].id, ACTIONS[1].id);
        let mut record = DecisionRecord::default();
        record.apply(RecordChange::AddCondition(a), 10);
        record.apply(RecordChange::AddCondition(b), 10);
        record.apply(RecordChange::AddCondition(a), 10);
        assert_eq!(record.conditions.len(), 2, "an action is a condition once");
        record.apply(
            RecordChange::SetConditionOwner(1, "Compliance team".into()),
            10,
        );
        record.apply(
            RecordChange::SetConditionStatus(1, ConditionStatus::Verified),
            10,
        );
        record.apply(
            RecordChange::SetConditionDue(1, Some(day("2027-01-15"))),
            10,
        );
        record.apply(RecordChange::SetConditionEvidence(1, "Audit".into()), 10);
        assert_eq!(
            record.conditions[1],
            Condition {
                action: b,
                owner: "Compliance".into(),
                due: Some(day("2027-01-15")),
                status: ConditionStatus::Verified,
                evidence: "Audit".into(),
            }
        );
        // Changes to a condition that does not exist change nothing.
        let before = record.clone();
        record.apply(RecordChange::SetConditionOwner(5, "x".into()), 10);
        record.apply(RecordChange::RemoveCondition(5), 10);
        assert_eq!(record, before);
        record.apply(RecordChange::RemoveCondition(0), 10);
        assert_eq!(record.conditions.len(), 1);
        assert_eq!(record.conditions[0].action, b);

        record.apply(RecordChange::SetDecision(Some(DoNotProceed)), 10);
        for (field, text) in [
            (DecisionText::Role, "Board"),
            (DecisionText::Name, "A. Person"),
            (DecisionText::Reason, "Too risky"),
            (DecisionText::SecondName, "B. Person"),
        ] {
            record.apply(RecordChange::SetDecisionText(field, text.into()), 10);
        }
        for (which, text) in [
            (RecordDate::DecidedOn, "2026-12-01"),
            (RecordDate::SecondSignedOn, "2026-12-02"),
            (RecordDate::ReviewOn, "2027-06-01"),
        ] {
            record.apply(RecordChange::SetDate(which, Some(day(text))), 10);
        }
        assert_eq!(
            record.decision,
            Decision {
                taken: Some(DoNotProceed),
                role: "Board".into(),
                name: "A. Person".into(),
                on: Some(day("2026-12-01")),
                reason: "Too risky".into(),
                second_name: "B. Person".into(),
                second_on: Some(day("2026-12-02")),
            }
        );
        assert_eq!(record.review_on, Some(day("2027-06-01")));
        record.apply(
            RecordChange::SetDecisionText(DecisionText::Assessor, "C. Assessor".into()),
            10,
        );
        assert_eq!(record.assessor, "C. Assesso", "clipped to the limit");
        assert_eq!(record.texts().count(), 7);

        // A re-assessment clears the decision and its review, and keeps the conditions.
        let conditions = record.conditions.clone();
        record.apply(RecordChange::StartReassessment, 10);
        assert_eq!(record.decision, Decision::default());
        assert_eq!(record.review_on, None);
        assert_eq!(record.conditions, conditions);
    }

    #[test]
    fn actions_are_found_by_id() {
        for action in ACTIONS {
            assert_eq!(action_id(action.id), Some(action.id));
        }
        assert_eq!(action_id("no_such_action"), None);
    }
}
