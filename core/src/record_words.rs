//! The decision record in the reader's words: what was decided, where each condition stands,
//! what the record lacks and when to assess again, from the catalogue of the chosen language
//! (`ui-decision-…`, `ui-condition-status-…`, `ui-record-problem-…`, `ui-reassess-…`). Shared
//! by the screens, the printed memo and the Markdown memo.

use crate::i18n::Texts;
use crate::method::ACTIONS;
use crate::record::{ConditionStatus, DecisionTaken, Departure, RecordProblem};

impl Texts {
    pub fn decision_taken(&self, taken: DecisionTaken) -> &str {
        match taken {
            DecisionTaken::Proceed => self.ui("ui-decision-proceed"),
            DecisionTaken::ProceedWithConditions => self.ui("ui-decision-proceed-with-conditions"),
            DecisionTaken::Deferred => self.ui("ui-decision-deferred"),
            DecisionTaken::DoNotProceed => self.ui("ui-decision-do-not-proceed"),
        }
    }

    pub fn condition_status(&self, status: ConditionStatus) -> &str {
        match status {
            ConditionStatus::Agreed => self.ui("ui-condition-status-agreed"),
            ConditionStatus::InPlace => self.ui("ui-condition-status-in-place"),
            ConditionStatus::Verified => self.ui("ui-condition-status-verified"),
            ConditionStatus::Failed => self.ui("ui-condition-status-failed"),
        }
    }

    /// How the decision stands to the recommendation, in a sentence.
    pub fn departure(&self, departure: Departure) -> &str {
        match departure {
            Departure::Follows => self.ui("ui-decision-follows"),
            Departure::Stricter => self.ui("ui-decision-stricter"),
            Departure::MorePermissive => self.ui("ui-decision-more-permissive"),
        }
    }

    /// The title of the action a condition was made of (its id if the method has no such action).
    pub fn condition_title<'a>(&'a self, action: &'a str) -> &'a str {
        ACTIONS
            .iter()
            .find(|a| a.id == action)
            .map_or(action, |a| self.action_title(a))
    }

    pub fn record_problem(&self, problem: &RecordProblem) -> String {
        let action = problem.action().map_or("", |a| self.condition_title(a));
        match problem {
            RecordProblem::OverrideWithoutReason => self
                .ui("ui-record-problem-override-without-reason")
                .to_owned(),
            RecordProblem::DecisionWithoutDecider => self
                .ui("ui-record-problem-decision-without-decider")
                .to_owned(),
            RecordProblem::DecisionWithoutDate => self
                .ui("ui-record-problem-decision-without-date")
                .to_owned(),
            RecordProblem::ConditionsDecidedWithoutConditions => self
                .ui("ui-record-problem-conditions-without-conditions")
                .to_owned(),
            RecordProblem::ConditionWithoutOwner { .. } => self.ui_with(
                "ui-record-problem-condition-without-owner",
                &[("action", action)],
            ),
            RecordProblem::ConditionWithoutDueDate { .. } => self.ui_with(
                "ui-record-problem-condition-without-due-date",
                &[("action", action)],
            ),
            RecordProblem::ConditionOverdue { due, .. } => self.ui_with(
                "ui-record-problem-condition-overdue",
                &[("action", action), ("due", &due.to_string())],
            ),
            RecordProblem::ConditionFailed { .. } => {
                self.ui_with("ui-record-problem-condition-failed", &[("action", action)])
            }
        }
    }

    /// An event that calls for a new assessment (`method::REASSESS_WHEN`).
    pub fn reassess_when<'a>(&'a self, key: &'a str) -> &'a str {
        match key {
            "new_customer" => self.ui("ui-reassess-new-customer"),
            "new_use" => self.ui("ui-reassess-new-use"),
            "new_destination" => self.ui("ui-reassess-new-destination"),
            "misuse_report" => self.ui("ui-reassess-misuse-report"),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Texts;
    use crate::method::REASSESS_WHEN;

    #[test]
    fn every_event_that_calls_for_a_new_assessment_has_words() {
        let texts = Texts::english();
        for key in REASSESS_WHEN {
            let words = texts.reassess_when(key);
            assert_ne!(words, key, "{key} has no text");
            assert!(!words.starts_with("ui-"), "{key}: {words}");
        }
    }
}
