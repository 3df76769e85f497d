//! The report: everything derived from an assessment. Never stored; recomputed on every change.

use crate::en;
use crate::explanation::{ContributionAnswer, NoneCanReason, RightExplanation};
use crate::method::{Connection, ContextLevel, Element, FlagLevel, Leverage, Right, Sector};
use crate::pre_answers::MeasuresReading;
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
            Outcome::Proceed => en("Proceed"),
            Outcome::ProceedWithConditions => en("Proceed with conditions"),
            Outcome::Incomplete => en("Assessment incomplete"),
            Outcome::Escalate => en("Escalate"),
            Outcome::DoNotProceed => en("Do not proceed"),
        }
    }
    /// What the outcome means.
    pub fn meaning(self) -> &'static str {
        match self {
            Outcome::Proceed => en("No red flag, the customer, end user and destination are known and checked, and the residual risk is low. Proceed on standard terms, with any monitoring listed."),
            Outcome::ProceedWithConditions => en("The risk is real but can be managed. Go ahead only with the safeguards listed as to do."),
            Outcome::Incomplete => en("Something decisive is unknown: who the customer or end user is, where the product goes, whether sanctions or an embargo apply, or whether a red flag is raised. This is not a green light."),
            Outcome::Escalate => en("A red flag or a high residual risk. Enhanced due diligence and a senior decision are needed before going further."),
            Outcome::DoNotProceed => en("A prohibited red flag or a critical risk. The deal should not go ahead as proposed."),
        }
    }
    /// What happens next.
    pub fn next_step(self) -> &'static str {
        match self {
            Outcome::Proceed => en("Record this assessment with the deal and review it if the customer, use or destination changes."),
            Outcome::ProceedWithConditions => en("Agree the listed conditions with the customer before signing and check them after the sale."),
            Outcome::Incomplete => en("Answer the open questions, then look at the result again."),
            Outcome::Escalate => en("Send this report to the escalation contact or committee; do not sign until they decide."),
            Outcome::DoNotProceed => en("Stop the deal and record why. Only a changed deal (customer, use or product) can be assessed again."),
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
            RiskLevel::Low => en("low"),
            RiskLevel::Medium => en("medium"),
            RiskLevel::High => en("high"),
            RiskLevel::Critical => en("critical"),
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
            SeverityBand::Minor => en("minor"),
            SeverityBand::Moderate => en("moderate"),
            SeverityBand::Serious => en("serious"),
            SeverityBand::Grave => en("grave"),
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
            LikelihoodBand::Remote => en("remote"),
            LikelihoodBand::Possible => en("possible"),
            LikelihoodBand::Likely => en("likely"),
            LikelihoodBand::VeryLikely => en("very likely"),
        }
    }
}

/// One line of a score's explanation: which answer added how many points. Mostly borrowed
/// from the method's static texts, so that scoring allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// The question (or derived input, such as "country context") behind the points.
    pub source_id: Cow<'static, str>,
    pub answer: ContributionAnswer,
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
    /// How the severity and likelihood were reached, step by step.
    pub explanation: Vec<RightExplanation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaisedRedFlag {
    /// The flag of `method::RED_FLAGS` (its words are in the catalogues).
    pub id: &'static str,
    pub prohibited: bool,
    pub level: FlagLevel,
    /// Not raised by a known answer, but an unknown answer could raise it.
    pub possible: bool,
}

/// Why a decision cannot be taken yet, whatever the outcome's step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockReason {
    /// A know-your-customer or legal question is unknown (who, where, sanctions, embargo).
    KnowYourCustomer,
    /// An unknown answer could raise this red flag.
    PossibleRedFlag(&'static str),
    /// The critical risk rests on unknown answers: it was softened to escalation until they
    /// are resolved.
    UnknownsDriveCriticalRisk,
    /// "No party is listed" was answered without the screening behind it: no list ticked, or a
    /// list the organisation requires is missing (`crate::screening`).
    ScreeningIncomplete,
}

/// One unknown that blocks the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocker {
    /// The question to answer (an id of the method), or the red flag's id.
    pub id: &'static str,
    pub reason: BlockReason,
}

/// A floor that the customer or the destination set under the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaisedFloor {
    /// The floor of `method::OUTCOME_FLOORS` (its words are in the catalogues).
    pub id: &'static str,
    pub at_least: Outcome,
    /// Applied because an answer it depends on is unknown.
    pub on_unknown: bool,
}

/// The company's connection to the harm and what it calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSummary {
    /// As the assessor answered it (full assessment).
    pub declared: Option<Connection>,
    /// As the answers establish it: the declared connection, raised to "contribute" when the
    /// company would customise, market, train or remove safeguards for the risky use.
    pub established: Option<Connection>,
    pub raised_by_facilitating_acts: bool,
    /// None when the leverage questions were not asked (a quick screen).
    pub leverage: Option<Leverage>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuestion {
    /// A question of the method, a rating (`rights.<right>.<dimension>`), the country context
    /// (`profile.destination.context`) or the unknowns behind a critical risk (`residual_risk`).
    pub id: Cow<'static, str>,
    pub decisive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    InPlace,
    /// Not in place but planned: a condition of the deal, not credit.
    Planned,
    ToDo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendedAction {
    /// The action of `method::ACTIONS` (its words are in the catalogues).
    pub id: &'static str,
    pub status: ActionStatus,
}

/// What kind of change lowers the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A safeguard to put in place.
    PutInPlace,
    /// A fact to establish with evidence; it lowers the outcome only if verified true.
    VerifyIfTrue,
}

/// One hypothetical change considered by "what would change the outcome".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question_id: &'static str,
    /// The option the change names (a safeguard to put in place, or the answer to verify);
    /// `None` for "none of these" on a checklist.
    pub option: Option<&'static str>,
    pub kind: ChangeKind,
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
    NoneCan { reason: NoneCanReason },
}

/// The country context used by the score, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryContext {
    /// ISO 3166-1 alpha-2 (its name is in the catalogues, `country-XX`).
    pub code: String,
    pub indicators: Vec<crate::country::IndicatorReading>,
    /// V-Dem's regime type, by its code (an index of `country::REGIME_TYPES`).
    pub regime: Option<u8>,
    /// 0 (best) .. 100 (worst), None when the dataset has no indicators for the country.
    pub index: Option<u8>,
    pub derived_level: Option<ContextLevel>,
    /// The level the score used (override, derived, or the worst case when neither exists).
    pub level_used: ContextLevel,
    pub override_reason: Option<String>,
    /// Uncertainty of the index, in points.
    pub margin: u8,
    /// The level that red flags and floors read: the index widened by its margin, so that a
    /// country just below a band edge is treated as in the higher band.
    pub level_for_flags: ContextLevel,
    /// The assessor's override would have lowered the level by more than one step: the score
    /// uses one step below the data, and red flags and floors keep reading the data.
    pub override_limited: bool,
    /// The V-Dem indicators that bear on particular products, and what they mean for this deal.
    pub specific: Vec<SpecificReading>,
}

/// One product-specific indicator of the destination (METHODOLOGY.md 4.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecificReading {
    pub indicator: crate::country::SpecificIndicator,
    /// Percentile rank among the V-Dem units (0 = the worst); None without data.
    pub rank: Option<u8>,
    /// In the worst share the method reads (or raised by the assessor's override).
    pub among_worst: bool,
    /// The rights whose likelihood it raises in this deal (empty: not this product).
    pub raises: Vec<Right>,
}

/// Why the outcome is what it is, one step of the decision gate at a time: data (red flags and
/// floors by id), put into words by [`OutcomeReason::english`] or, in another language, by
/// `i18n::Texts::outcome_reason`, from the templates of [`OUTCOME_REASON_TEXTS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutcomeReason {
    /// Red flags that forbid the deal (ids).
    ProhibitedFlags(Vec<&'static str>),
    HighestResidualRisk {
        risk: RiskLevel,
        outcome: Outcome,
    },
    CriticalRestsOnUnknowns,
    RightsInTension,
    QuickScreenRefusesOnlyOnProhibited,
    CriticalRestsOnPresumptions,
    /// Red flags that force at least escalation (ids).
    FlagsForceEscalation(Vec<&'static str>),
    /// Red flags that call for a check (ids).
    FlagsNeedCheck(Vec<&'static str>),
    /// Possible red flags that force at least escalation (ids).
    PossibleFlagsEscalate(Vec<&'static str>),
    PossibleFlagsNeedCheck(Vec<&'static str>),
    /// A floor the customer or the destination set (its id).
    Floor {
        id: &'static str,
        on_unknown: bool,
        at_least: Outcome,
    },
    DecisiveFactsUnknownEscalate,
    DecisiveFactsUnknown,
    /// Why a quick screen cannot clear the deal (ids, as `Report::full_assessment_needed`).
    QuickScreenCannotClear(Vec<&'static str>),
    MadeUnderMethod1 {
        earlier: Outcome,
        now: Outcome,
        migrated: bool,
    },
}

/// The English template of each kind of reason, by catalogue key (`reason-…`); `{ $name }` marks
/// what is filled in.
pub const OUTCOME_REASON_TEXTS: &[(&str, &str)] = &[
    ("reason-prohibited", en("Prohibited red flag: { $flags }. This means \"do not proceed\" whatever the score.")),
    ("reason-highest-residual", en("The highest residual risk is { $risk }, which means \"{ $outcome }\".")),
    ("reason-critical-on-unknowns", en("The critical risk rests on unknown answers counted as the worst case: it leads to escalation, and no decision can be taken until they are resolved.")),
    ("reason-rights-in-tension", en("The product also strengthens rights or serves people's essential needs: a grave risk weighed against that is for a documented senior decision, not for arithmetic.")),
    ("reason-quick-screen-refuses-only-on-prohibited", en("A quick screen refuses only on a prohibited red flag. This critical risk rests on the method's presumptions about the product and the customer: it leads to escalation, and a full assessment must rate the rights before any refusal.")),
    ("reason-critical-on-presumptions", en("The critical risk rests on impacts the method presumes, or that the assessor did not judge likely: it leads to escalation. A refusal by arithmetic needs the assessor's own rating of the right concerned as likely.")),
    ("reason-flags-force-escalation", en("Red flag(s) force at least escalation: { $flags }.")),
    ("reason-flags-need-check", en("Check needed before going ahead: { $flags }.")),
    ("reason-possible-flags-escalate", en("Possible red flag(s), an answer they depend on being unknown: { $flags }. Unknown is not \"no\": at least escalation until it is established.")),
    ("reason-possible-flags-need-check", en("A check may be needed (an answer it depends on is unknown): { $flags }.")),
    ("reason-floor", en("{ $why } This means at least \"{ $outcome }\".")),
    ("reason-floor-on-unknown", en("{ $why } (Applied because an answer it depends on is unknown.) This means at least \"{ $outcome }\".")),
    ("reason-decisive-unknown-escalate", en("Decisive facts are still unknown (listed as blocking): what is already known calls for escalation, and no decision can be taken until they are established.")),
    ("reason-decisive-unknown", en("Decisive facts are unknown (who the customer or end user is, where the product goes, sanctions or embargoes, or a possible red flag): the assessment is incomplete, and nothing can be approved until they are established.")),
    ("reason-quick-screen-cannot-clear", en("A quick screen cannot clear this deal: { $reasons }. A full assessment is needed.")),
    ("reason-method1", en("This assessment was made under method 1, which gave \"{ $earlier }\". Method 2 gives \"{ $now }\" for the reasons above.")),
    ("reason-method1-migrated", en("This assessment was made under method 1, which gave \"{ $earlier }\". Method 2 gives \"{ $now }\" for the reasons above and because answers to retired questions are read as shown.")),
];

impl OutcomeReason {
    /// The catalogue key of its template.
    pub fn key(&self) -> &'static str {
        match self {
            OutcomeReason::ProhibitedFlags(_) => "reason-prohibited",
            OutcomeReason::HighestResidualRisk { .. } => "reason-highest-residual",
            OutcomeReason::CriticalRestsOnUnknowns => "reason-critical-on-unknowns",
            OutcomeReason::RightsInTension => "reason-rights-in-tension",
            OutcomeReason::QuickScreenRefusesOnlyOnProhibited => {
                "reason-quick-screen-refuses-only-on-prohibited"
            }
            OutcomeReason::CriticalRestsOnPresumptions => "reason-critical-on-presumptions",
            OutcomeReason::FlagsForceEscalation(_) => "reason-flags-force-escalation",
            OutcomeReason::FlagsNeedCheck(_) => "reason-flags-need-check",
            OutcomeReason::PossibleFlagsEscalate(_) => "reason-possible-flags-escalate",
            OutcomeReason::PossibleFlagsNeedCheck(_) => "reason-possible-flags-need-check",
            OutcomeReason::Floor {
                on_unknown: false, ..
            } => "reason-floor",
            OutcomeReason::Floor {
                on_unknown: true, ..
            } => "reason-floor-on-unknown",
            OutcomeReason::DecisiveFactsUnknownEscalate => "reason-decisive-unknown-escalate",
            OutcomeReason::DecisiveFactsUnknown => "reason-decisive-unknown",
            OutcomeReason::QuickScreenCannotClear(_) => "reason-quick-screen-cannot-clear",
            OutcomeReason::MadeUnderMethod1 {
                migrated: false, ..
            } => "reason-method1",
            OutcomeReason::MadeUnderMethod1 { migrated: true, .. } => "reason-method1-migrated",
        }
    }

    /// The English template of this reason.
    pub fn template(&self) -> &'static str {
        let key = self.key();
        OUTCOME_REASON_TEXTS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, text)| text)
    }

    /// The reason in English, as the command line and the snapshots show it: the same words
    /// as any language's, from the method's own English.
    pub fn english(&self) -> String {
        crate::i18n::Texts::english().outcome_reason(self)
    }

    /// The values of its template's placeholders, in the words the given functions give.
    pub fn arguments(
        &self,
        flags: &dyn Fn(&[&'static str]) -> String,
        floor_why: &dyn Fn(&str) -> String,
        outcome: &dyn Fn(Outcome) -> String,
        risk: &dyn Fn(RiskLevel) -> String,
        reasons: &dyn Fn(&[&'static str]) -> String,
    ) -> Vec<(&'static str, String)> {
        match self {
            OutcomeReason::ProhibitedFlags(ids)
            | OutcomeReason::FlagsForceEscalation(ids)
            | OutcomeReason::FlagsNeedCheck(ids)
            | OutcomeReason::PossibleFlagsEscalate(ids)
            | OutcomeReason::PossibleFlagsNeedCheck(ids) => vec![("flags", flags(ids))],
            OutcomeReason::HighestResidualRisk {
                risk: r,
                outcome: o,
            } => {
                vec![("risk", risk(*r)), ("outcome", outcome(*o))]
            }
            OutcomeReason::Floor { id, at_least, .. } => {
                vec![("why", floor_why(id)), ("outcome", outcome(*at_least))]
            }
            OutcomeReason::QuickScreenCannotClear(why) => vec![("reasons", reasons(why))],
            OutcomeReason::MadeUnderMethod1 { earlier, now, .. } => {
                vec![("earlier", outcome(*earlier)), ("now", outcome(*now))]
            }
            _ => Vec::new(),
        }
    }
}

/// The next step when only a full assessment can clear the deal.
pub const NEXT_STEP_FULL_ASSESSMENT: &str =
    en("Complete a full assessment: a quick screen cannot clear this deal.");

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub method_version: u16,
    /// Whose words the report is read in (never changes a score): the screens word questions
    /// and options for it.
    pub perspective: crate::method::Perspective,
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
    pub outcome_reasons: Vec<OutcomeReason>,
    /// Questions of the full assessment that a quick screen did not ask.
    pub not_asked: usize,
    /// The socially beneficial purpose as the user recorded it: shown, never weighed against harm.
    pub beneficial_purpose: Option<String>,
    /// Red flags an unknown answer could raise.
    pub possible_red_flags: Vec<RaisedRedFlag>,
    /// Unknowns that block a decision (the know-your-customer and legal gate, possible red
    /// flags, unknowns behind a critical risk).
    pub blockers: Vec<Blocker>,
    /// Floors set by the customer and the destination.
    pub floors: Vec<RaisedFloor>,
    pub connection: ConnectionSummary,
    /// Rights the product could strengthen: shown beside the risks, never netted against them.
    pub benefits: Vec<Right>,
    /// What refusing or withdrawing would mean for people, as recorded.
    /// The option key of `impacts.not_proceeding`, as recorded.
    pub consequences_of_not_proceeding: Option<&'static str>,
    /// A grave risk with a product that also strengthens rights: escalated for a documented
    /// senior decision instead of refused by arithmetic.
    pub rights_in_tension: bool,
    /// In a quick screen: why a full assessment is needed before relying on the outcome (ids
    /// of `method::DISALLOWED_WITHOUT_FULL_ASSESSMENT` and the quick screen's own reasons).
    pub full_assessment_needed: Vec<&'static str>,
    /// Sector packs whose questions and flags apply although another pack was chosen.
    pub packs_added: Vec<Sector>,
    /// How answers given under method 1 to retired questions were read.
    pub migrations: Vec<&'static crate::method::RetiredAnswerMapping>,
    /// For an assessment made under method 1: what method 1 concluded, shown beside the
    /// current result (the frozen `crate::method_v1`).
    pub method1_outcome: Option<Outcome>,
    /// What the embedded table of restrictive measures says about the destination, and how the
    /// embargo question's answer relates to it (None when the destination is unknown).
    pub restrictive_measures: Option<MeasuresReading>,
    /// The sanctions screening as recorded (None when not asked).
    pub screening: Option<crate::screening::ScreeningReading>,
}

impl Report {
    /// The outcome's reasons in English, one sentence each.
    pub fn outcome_reason_texts(&self) -> Vec<String> {
        self.outcome_reasons
            .iter()
            .map(OutcomeReason::english)
            .collect()
    }
}

impl Report {
    /// Whether the current method reaches another outcome than the method the assessment was
    /// made under.
    pub fn outcome_changed_by_method(&self) -> bool {
        self.method1_outcome
            .is_some_and(|earlier| earlier != self.outcome)
    }
}

/// How far an outcome lets the deal go (see [`Report::permission`]); one definition for the
/// report and for `scoring::decide`.
pub fn permission(outcome: Outcome, decision_blocked: bool, full_assessment_needed: bool) -> u8 {
    match outcome {
        _ if full_assessment_needed => 0,
        Outcome::Proceed => 3,
        Outcome::ProceedWithConditions => 2,
        Outcome::Escalate if !decision_blocked => 1,
        _ => 0,
    }
}

impl Report {
    pub fn element(&self, element: Element) -> &ElementScore {
        &self.elements[element as usize]
    }

    /// Whether unknowns block the decision.
    pub fn decision_blocked(&self) -> bool {
        !self.blockers.is_empty()
    }

    /// How far the report lets the deal go, from 0 (nothing: stop, or find out first) to 3
    /// (proceed). "Don't know" must never raise this (METHODOLOGY.md, "Evidence gaps"). A quick
    /// screen that asks for a full assessment lets nothing go until it is done.
    pub fn permission(&self) -> u8 {
        permission(
            self.outcome,
            self.decision_blocked(),
            !self.full_assessment_needed.is_empty(),
        )
    }

    /// What to do next, in English: the outcome's step, then what the connection calls for
    /// (`i18n::Texts::next_step` in any language).
    pub fn next_step(&self) -> String {
        crate::i18n::Texts::english().next_step(self)
    }

    /// One line for scripts and logs.
    pub fn summary_line(&self) -> String {
        let scores: Vec<String> = self
            .elements
            .iter()
            .map(|e| format!("{}={}", e.element.letter(), e.score))
            .collect();
        format!(
            "{}{} | residual risk {} | {} | red flags {} (possible {}) | open questions {}",
            self.outcome.label(),
            if self.decision_blocked() {
                " (blocked)"
            } else {
                ""
            },
            self.residual_risk.label(),
            scores.join(" "),
            self.red_flags.len(),
            self.possible_red_flags.len(),
            self.open_questions.len()
        ) + &self
            .method1_outcome
            .filter(|earlier| *earlier != self.outcome)
            .map(|earlier| format!(" | made under method 1, which gave {}", earlier.label()))
            .unwrap_or_default()
    }
}
