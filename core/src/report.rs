//! The report: everything derived from an assessment. Never stored; recomputed on every change.

use crate::method::{ContextLevel, Element, Right};
use std::borrow::Cow;

/// The decision gate, ordered from least to most restrictive. "Assessment incomplete" ranks
/// above "proceed with conditions": an unknown risk is never treated as an acceptable one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Proceed,
    ProceedWithConditions,
    Incomplete,
    Escalate,
    DoNotProceed,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Proceed,
        Outcome::ProceedWithConditions,
        Outcome::Incomplete,
        Outcome::Escalate,
        Outcome::DoNotProceed,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Proceed => "proceed",
            Outcome::ProceedWithConditions => "proceed_with_conditions",
            Outcome::Incomplete => "assessment_incomplete",
            Outcome::Escalate => "escalate",
            Outcome::DoNotProceed => "do_not_proceed",
        }
    }
    pub fn from_key(key: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Proceed => "Proceed",
            Outcome::ProceedWithConditions => "Proceed with conditions",
            Outcome::Incomplete => "Assessment incomplete",
            Outcome::Escalate => "Escalate",
            Outcome::DoNotProceed => "Do not proceed",
        }
    }
    /// What the outcome means.
    pub fn meaning(self) -> &'static str {
        match self {
            Outcome::Proceed => "No red flag and a low residual risk. Standard terms are enough.",
            Outcome::ProceedWithConditions => "The risk is real but can be managed. Go ahead only with the safeguards listed as to do.",
            Outcome::Incomplete => "Too many decisive questions are unanswered to judge the risk. This is not a green light.",
            Outcome::Escalate => "A red flag or a high residual risk. Enhanced due diligence and a senior decision are needed before going further.",
            Outcome::DoNotProceed => "A prohibited red flag or a critical risk. The deal should not go ahead as proposed.",
        }
    }
    /// What happens next.
    pub fn next_step(self) -> &'static str {
        match self {
            Outcome::Proceed => "Record this assessment with the deal and review it if the customer, use or destination changes.",
            Outcome::ProceedWithConditions => "Agree the listed conditions with the customer before signing and check them after the sale.",
            Outcome::Incomplete => "Answer the open questions, then look at the result again.",
            Outcome::Escalate => "Send this report to the escalation contact or committee; do not sign until they decide.",
            Outcome::DoNotProceed => "Stop the deal and record why. Only a changed deal (customer, use or product) can be assessed again.",
        }
    }
}

/// Residual risk level from the severity and likelihood matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RiskLevel {
    Low,
    Medium,
    High,
    Critical,
}

impl RiskLevel {
    pub fn label(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
            RiskLevel::Critical => "critical",
        }
    }
}

/// Severity band (0-24 minor, 25-49 moderate, 50-74 serious, 75-100 grave).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SeverityBand {
    Minor,
    Moderate,
    Serious,
    Grave,
}

impl SeverityBand {
    pub fn from_score(score: u8) -> Self {
        match score {
            0..=24 => SeverityBand::Minor,
            25..=49 => SeverityBand::Moderate,
            50..=74 => SeverityBand::Serious,
            _ => SeverityBand::Grave,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            SeverityBand::Minor => "minor",
            SeverityBand::Moderate => "moderate",
            SeverityBand::Serious => "serious",
            SeverityBand::Grave => "grave",
        }
    }
}

/// Likelihood band (0-24 remote, 25-49 possible, 50-74 likely, 75-100 very likely).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LikelihoodBand {
    Remote,
    Possible,
    Likely,
    VeryLikely,
}

impl LikelihoodBand {
    pub fn from_score(score: u8) -> Self {
        match score {
            0..=24 => LikelihoodBand::Remote,
            25..=49 => LikelihoodBand::Possible,
            50..=74 => LikelihoodBand::Likely,
            _ => LikelihoodBand::VeryLikely,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            LikelihoodBand::Remote => "remote",
            LikelihoodBand::Possible => "possible",
            LikelihoodBand::Likely => "likely",
            LikelihoodBand::VeryLikely => "very likely",
        }
    }
}

/// One line of a score's explanation: which answer added how many points. Mostly borrowed
/// from the method's static texts, so that scoring allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// The question (or derived input, such as "country context") behind the points.
    pub source_id: Cow<'static, str>,
    pub question: Cow<'static, str>,
    pub answer: Cow<'static, str>,
    pub points: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementScore {
    pub element: Element,
    /// 0..100, the capped sum of the contributions (for C: the worst right's severity).
    pub score: u8,
    pub contributions: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalientRight {
    pub right: Right,
    pub severity: u8,
    pub severity_band: SeverityBand,
    pub inherent_likelihood: u8,
    pub residual_likelihood: u8,
    pub likelihood_band: LikelihoodBand,
    pub risk: RiskLevel,
    /// True when the ratings are the method's presumption rather than the assessor's.
    pub presumed: bool,
    /// How the severity and likelihood were reached, in words.
    pub explanation: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaisedRedFlag {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    pub prohibited: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuestion {
    pub id: String,
    pub prompt: String,
    pub decisive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    InPlace,
    ToDo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendedAction {
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub source: &'static str,
    pub status: ActionStatus,
}

/// One hypothetical change considered by "what would change the outcome".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question_id: &'static str,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatWouldChange {
    /// Already the lowest step.
    AlreadyLowest,
    /// These changes together lower the outcome to `to`.
    Changes { to: Outcome, changes: Vec<Change> },
    /// Answering this many of the listed decisive questions lets the method judge the risk.
    AnswerOpenQuestions {
        at_least: usize,
        questions: Vec<OpenQuestion>,
    },
    /// Nothing within the deal as proposed lowers the outcome.
    NoneCan { reason: String },
}

/// The country context used by the score, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryContext {
    pub code: String,
    pub name: String,
    pub indicators: Vec<crate::country::IndicatorReading>,
    pub regime: Option<&'static str>,
    /// 0 (best) .. 100 (worst), None when the dataset has no indicators for the country.
    pub index: Option<u8>,
    pub derived_level: Option<ContextLevel>,
    /// The level the score used (override, derived, or the worst case when neither exists).
    pub level_used: ContextLevel,
    pub override_reason: Option<String>,
    pub attribution: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub method_version: u16,
    pub outcome: Outcome,
    /// A, B, C, D in order.
    pub elements: Vec<ElementScore>,
    pub inherent_risk: RiskLevel,
    pub residual_risk: RiskLevel,
    /// Ranked by severity, then likelihood.
    pub salient_rights: Vec<SalientRight>,
    pub red_flags: Vec<RaisedRedFlag>,
    pub open_questions: Vec<OpenQuestion>,
    pub decisive_gaps: usize,
    pub actions: Vec<RecommendedAction>,
    pub what_would_change: WhatWouldChange,
    pub country: Option<CountryContext>,
    /// Safeguards in place and the likelihood points they remove.
    pub mitigation_reduction: u8,
    /// How the outcome was reached, step by step.
    pub outcome_reasons: Vec<String>,
    /// Questions of the full assessment that a quick screen did not ask.
    pub not_asked: usize,
    /// The socially beneficial purpose as the user recorded it: shown, never weighed against harm.
    pub beneficial_purpose: Option<String>,
}

impl Report {
    pub fn element(&self, element: Element) -> &ElementScore {
        &self.elements[element as usize]
    }

    /// One line for scripts and logs.
    pub fn summary_line(&self) -> String {
        let scores: Vec<String> = self
            .elements
            .iter()
            .map(|e| format!("{}={}", e.element.letter(), e.score))
            .collect();
        format!(
            "{} | residual risk {} | {} | red flags {} | open questions {}",
            self.outcome.label(),
            self.residual_risk.label(),
            scores.join(" "),
            self.red_flags.len(),
            self.open_questions.len()
        )
    }
}
