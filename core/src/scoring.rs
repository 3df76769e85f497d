//! Applies the method to an assessment: element scores, severity and likelihood per right,
//! red flags (raised and possible), the floors set by the customer and the destination, the
//! know-your-customer and legal gate, the outcome, the connection's response, actions and what
//! would change the outcome. Pure and deterministic: the same assessment always gives the same
//! report. Every number and rule it applies lives in `crate::method`.

use crate::assessment::{Answer, Assessment, RightStatus};
use crate::country::country_by_code;
use crate::explanation::{ContributionAnswer, CountryReading, NoneCanReason, RightExplanation};
use crate::method::{
    groups_bear_on, leverage_from_points, migrated_answers, presumed_impacts, read_method1_answers,
    safeguard_kind, ActionDefinition, Choice, Connection, ContextLevel, Element, FlagLevel,
    Leverage, LikelihoodSignal, Mode, Question, QuestionKind, RedFlagDefinition, Relevance, Right,
    SafeguardKind, Scope, Sector, Trigger, ACTIONS, ASSESSOR_LIKELIHOOD_WEIGHT,
    CONTEXT_LEVEL_REPRESENTATIVE_INDEX, COUNTRY_CONTEXT_MAX_POINTS,
    DECLARED_SAFEGUARD_CREDIT_PERCENT, DESTINATION_INDICATOR_USES,
    DISALLOWED_WITHOUT_FULL_ASSESSMENT, EMBARGO_QUESTION, GROUP_SEVERITY_POINTS, KYC_GATE,
    LIKELIHOOD_SIGNALS, LIKELIHOOD_WEIGHT_CONNECTION, LIKELIHOOD_WEIGHT_CUSTOMER,
    LIKELIHOOD_WEIGHT_END_USE, MAX_CONTEXT_INDEX_MARGIN_FOR_FLAGS,
    MAX_MITIGATION_REDUCTION_PERCENT, OUTCOME_FLOORS,
    PAPER_SAFEGUARD_CREDIT_AGAINST_SECURITY_PERCENT, PRESUMED_FOR_SECURITY_CUSTOMERS, QUESTIONS,
    QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC, QUICK_SCREEN_PRESUMPTIONS, RED_FLAGS, RIGHTS,
    SECURITY_CUSTOMER_TYPES, SECURITY_HOLDER_UPLIFT, STATE_CUSTOMER_TYPES, STATE_HOLDER_UPLIFT,
};
use crate::pre_answers::{apply_pre_answers, scored_embargo_answer};
use crate::report::{
    ActionStatus, BlockReason, Blocker, Change, ChangeKind, ConnectionSummary, Contribution,
    CountryContext, ElementScore, LikelihoodBand, OpenQuestion, Outcome, OutcomeReason,
    RaisedFloor, RaisedRedFlag, RecommendedAction, Report, RiskLevel, SalientRight, SeverityBand,
    SpecificReading, WhatWouldChange,
};
use crate::screening::{apply_screening, Policy};
use crate::triggers::{asked_answer, truth, AskedAnswers, ContextLevels, Truth};

use crate::method::PRODUCT_FAMILY;
const CAPABILITIES: &str = "end_use.capabilities";
const LISTED_PARTIES: &str = "customer.listed_parties";
const SAFEGUARDS_IN_PLACE: &str = "mitigations.in_place";
const SAFEGUARDS_PLANNED: &str = "mitigations.planned";
const SAFEGUARD_EVIDENCE: &str = "mitigations.evidence";
const GROUPS_QUESTION: &str = "impacts.groups";
const REMEDY_QUESTION: &str = "impacts.remedy";
const SCALE_QUESTION: &str = "end_use.scale";
const CONNECTION_TYPE: &str = "connection.type";
const CUSTOMISATION: &str = "end_use.customisation";
const FACILITATING_ACTS: &str = "connection.facilitating_acts";
const LEVERAGE_QUESTIONS: [&str; 3] = [
    "profile.ongoing_relationship",
    "connection.contract_terms",
    "connection.traceability",
];
const POSITIVE_RIGHTS: &str = "impacts.positive_rights";
const NOT_PROCEEDING: &str = "impacts.not_proceeding";
/// The option of `impacts.not_proceeding` that puts people's access to essentials at stake.
const LOSS_OF_ESSENTIALS: &str = "lose_essential";

const SECURITY_CUSTOMER: Trigger = Trigger::CustomerIs(SECURITY_CUSTOMER_TYPES);
const STATE_CUSTOMER: Trigger = Trigger::CustomerIs(STATE_CUSTOMER_TYPES);

/// Score an assessment. The assessment should have passed `Assessment::validate`; answers that
/// do not fit their question are treated as unanswered rather than trusted. Answers given under
/// method 1 to questions method 2 retired are read through `method::METHOD1_MIGRATIONS`.
pub fn score(assessment: &Assessment) -> Report {
    score_with(assessment, &Policy::default())
}

/// [`score`] under an organisation's policy (the lists every party must be screened against).
pub fn score_with(assessment: &Assessment, policy: &Policy) -> Report {
    let method1_outcome =
        (assessment.method_version == 1).then(|| crate::method_v1::evaluate(assessment).outcome);
    let (migrated, applied) = read_method1_answers(assessment);
    let migrations: Vec<&'static crate::method::RetiredAnswerMapping> = applied;
    let (pre_answered, restrictive_measures) = apply_pre_answers(migrated.as_ref());
    let (effective, screening) = apply_screening(pre_answered.as_ref(), policy);
    let answers = AskedAnswers::new(effective.as_ref());
    let assessment = &answers;
    let mut evaluation = evaluate(assessment, Detail::Explained);
    if screening.as_ref().is_some_and(|s| s.answer_set_aside) {
        for blocker in &mut evaluation.blockers {
            if blocker.id == LISTED_PARTIES {
                blocker.reason = BlockReason::ScreeningIncomplete;
            }
        }
    }
    if let Some(earlier) = method1_outcome.filter(|o| *o != evaluation.outcome) {
        evaluation
            .outcome_reasons
            .push(OutcomeReason::MadeUnderMethod1 {
                earlier,
                now: evaluation.outcome,
                migrated: !migrations.is_empty(),
            });
    }
    let actions = recommend_actions(assessment, &evaluation);
    let what_would_change = what_would_change(assessment, &evaluation);
    let to_report = |(flag, _): &(&'static RedFlagDefinition, Truth)| RaisedRedFlag {
        id: flag.id,
        prohibited: flag.prohibited(),
        level: flag.level,
        possible: false,
    };
    Report {
        method_version: assessment.method_version,
        perspective: assessment.perspective,
        outcome: evaluation.outcome,
        elements: evaluation.elements,
        inherent_risk: evaluation.inherent_risk,
        residual_risk: evaluation.residual_risk,
        salient_rights: evaluation.rights,
        red_flags: evaluation
            .flags
            .iter()
            .filter(|(_, t)| *t == Truth::Yes)
            .map(to_report)
            .collect(),
        possible_red_flags: evaluation
            .flags
            .iter()
            .filter(|(_, t)| *t == Truth::Unknown)
            .map(|f| RaisedRedFlag {
                possible: true,
                ..to_report(f)
            })
            .collect(),
        open_questions: evaluation.open_questions,
        decisive_gaps: evaluation.decisive_gaps,
        actions,
        what_would_change,
        country: evaluation.country,
        mitigation_reduction: evaluation.mitigation_points,
        outcome_reasons: evaluation.outcome_reasons,
        not_asked: evaluation.not_asked,
        beneficial_purpose: Some(assessment.text.beneficial_purpose.trim())
            .filter(|text| !text.is_empty())
            .map(str::to_owned),
        blockers: evaluation.blockers,
        floors: evaluation.floors,
        connection: evaluation.connection,
        benefits: evaluation.benefits,
        consequences_of_not_proceeding: evaluation.consequences_of_not_proceeding,
        rights_in_tension: evaluation.rights_in_tension,
        full_assessment_needed: evaluation.full_assessment_needed,
        packs_added: evaluation.packs_added,
        migrations,
        method1_outcome,
        restrictive_measures,
        screening,
    }
}

/// The decision alone, without the explanation, the actions or the search for what would
/// change it: for screening many deals and for exhaustive tests. Always agrees with [`score`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionSummary {
    pub outcome: Outcome,
    pub decision_blocked: bool,
    pub full_assessment_needed: bool,
    /// As [`Report::permission`].
    pub permission: u8,
}

pub fn decide(assessment: &Assessment) -> DecisionSummary {
    decide_with(assessment, &Policy::default())
}

/// [`decide`] under an organisation's policy; always agrees with [`score_with`].
pub fn decide_with(assessment: &Assessment, policy: &Policy) -> DecisionSummary {
    let migrated = migrated_answers(assessment);
    let (pre_answered, _) = apply_pre_answers(migrated.as_ref());
    let (effective, _) = apply_screening(pre_answered.as_ref(), policy);
    let evaluation = evaluate(&AskedAnswers::new(effective.as_ref()), Detail::NumbersOnly);
    let decision_blocked = !evaluation.blockers.is_empty();
    let full_assessment_needed = !evaluation.full_assessment_needed.is_empty();
    let permission =
        crate::report::permission(evaluation.outcome, decision_blocked, full_assessment_needed);
    DecisionSummary {
        outcome: evaluation.outcome,
        decision_blocked,
        full_assessment_needed,
        permission,
    }
}

/// What a screening of many deals shows of each: the decision, the red flags raised, how many
/// an unknown answer could raise, the right most at risk and how many questions are open.
/// Computed without the explanation or the search for what would change; always agrees with
/// [`score_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triage {
    pub outcome: Outcome,
    pub red_flags: Vec<&'static str>,
    pub possible_red_flags: usize,
    pub top_right: Option<Right>,
    pub open_questions: usize,
}

pub fn triage_with(assessment: &Assessment, policy: &Policy) -> Triage {
    let migrated = migrated_answers(assessment);
    let (pre_answered, _) = apply_pre_answers(migrated.as_ref());
    let (effective, _) = apply_screening(pre_answered.as_ref(), policy);
    let evaluation = evaluate(&AskedAnswers::new(effective.as_ref()), Detail::NumbersOnly);
    Triage {
        outcome: evaluation.outcome,
        red_flags: evaluation
            .flags
            .iter()
            .filter(|(_, t)| *t == Truth::Yes)
            .map(|(f, _)| f.id)
            .collect(),
        possible_red_flags: evaluation
            .flags
            .iter()
            .filter(|(_, t)| *t == Truth::Unknown)
            .count(),
        top_right: evaluation.rights.first().map(|r| r.right),
        open_questions: evaluation.open_questions.len(),
    }
}

/// Everything but actions and "what would change", which are built on top of it.
struct Evaluation {
    elements: Vec<ElementScore>,
    rights: Vec<SalientRight>,
    inherent_risk: RiskLevel,
    residual_risk: RiskLevel,
    /// Every red flag that is raised (yes) or possible (unknown), in method order.
    flags: Vec<(&'static RedFlagDefinition, Truth)>,
    floors: Vec<RaisedFloor>,
    blockers: Vec<Blocker>,
    open_questions: Vec<OpenQuestion>,
    decisive_gaps: usize,
    outcome: Outcome,
    outcome_reasons: Vec<OutcomeReason>,
    country: Option<CountryContext>,
    /// The level flags and floors read; None when the destination is unknown.
    context_for_flags: Option<ContextLevels>,
    mitigation_points: u8,
    not_asked: usize,
    connection: ConnectionSummary,
    benefits: Vec<Right>,
    consequences_of_not_proceeding: Option<&'static str>,
    rights_in_tension: bool,
    full_assessment_needed: Vec<&'static str>,
    packs_added: Vec<Sector>,
}

/// How much of the evaluation to build: the search for "what would change" needs only the
/// outcome and the numbers, not the sentences of the explanation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    Explained,
    NumbersOnly,
    /// What the known answers alone guarantee: numbers only, every unknown answer already
    /// resolved to its least risky option by the caller, an unknown destination read as low
    /// risk, and nothing blocked. Used to tell what unknowns drive; never shown as a result.
    KnownFactsOnly,
}

/// The destination as the score reads it.
struct DestinationContext {
    report: Option<CountryContext>,
    /// 0..100, the worst case when unknown.
    index_used: u8,
    for_flags: Option<ContextLevels>,
    /// The dataset has no indicators and the assessor set no level.
    data_gap: bool,
}

fn evaluate(assessment: &AskedAnswers, detail: Detail) -> Evaluation {
    let mut destination = country_context(assessment);
    if detail == Detail::KnownFactsOnly && destination.report.is_none() {
        destination.index_used = 0;
        destination.for_flags = Some(ContextLevels {
            plain: ContextLevel::Low,
            widened: ContextLevel::Low,
        });
    }
    let context = destination.for_flags;
    if detail == Detail::Explained {
        if let Some(report) = destination.report.as_mut() {
            report.specific = specific_readings(assessment, context);
        }
    }
    let mut elements: Vec<ElementScore> = Element::ALL
        .iter()
        .map(|&element| ElementScore {
            element,
            score: 0,
            // Room for a typical element's lines, so that a score rarely grows a vector.
            contributions: Vec::with_capacity(12),
        })
        .collect();
    let mut open_questions = Vec::with_capacity(24);
    let mut not_asked = 0;

    elements[Element::EndUse as usize]
        .contributions
        .push(product_baseline(assessment));

    for (index, question) in QUESTIONS.iter().enumerate() {
        if question.retired {
            continue;
        }
        if !assessment.is_asked(index) {
            if assessment.mode == Mode::QuickScreen
                && question.scope == Scope::Full
                && assessment.applies(index)
            {
                not_asked += 1;
            }
            continue;
        }
        let answer = answer_at(assessment, index);
        if answer.is_gap() {
            open_questions.push(OpenQuestion {
                id: question.id.into(),
                decisive: question.decisive,
            });
        }
        let Some(element) = question.scored else {
            continue;
        };
        if element == Element::Impacts || question.id == PRODUCT_FAMILY {
            // Impacts questions adjust each right's severity (see `rate_rights`); the product
            // family is part of the product baseline above.
            continue;
        }
        let answer = if question.id == EMBARGO_QUESTION {
            scored_embargo_answer(assessment, answer)
        } else {
            answer
        };
        let lines = contributions_of(question, answer, &destination);
        elements[element as usize].contributions.extend(lines);
    }
    if destination.data_gap {
        open_questions.push(OpenQuestion {
            id: "profile.destination.context".into(),
            decisive: false,
        });
    }
    for element in [Element::EndUse, Element::Customer, Element::Connection] {
        let e = &mut elements[element as usize];
        e.score = capped(e.contributions.iter().map(|c| c.points).sum());
    }

    let base_likelihood = deal_likelihood(&elements);
    let security_customer = truth(&SECURITY_CUSTOMER, assessment, context).possible();
    let mitigation_points = mitigation_points(assessment, security_customer);
    let (rights, impact_contributions) = rate_rights(
        assessment,
        RightsInputs {
            base_likelihood,
            mitigation_points,
            security_customer,
            state_customer: truth(&STATE_CUSTOMER, assessment, context).possible(),
            context,
        },
        &mut open_questions,
        detail == Detail::Explained,
    );
    let impacts = &mut elements[Element::Impacts as usize];
    impacts.score = capped(impact_contributions.iter().map(|c| c.points).sum());
    impacts.contributions = impact_contributions;

    let inherent_risk = rights
        .iter()
        .map(|r| {
            risk_level(
                r.severity_band,
                LikelihoodBand::from_score(r.inherent_likelihood),
            )
        })
        .max()
        .unwrap_or(RiskLevel::Low);
    let residual_risk = rights
        .iter()
        .map(|r| r.risk)
        .max()
        .unwrap_or(RiskLevel::Low);

    let flags: Vec<(&'static RedFlagDefinition, Truth)> = RED_FLAGS
        .iter()
        .map(|flag| (flag, truth(&flag.trigger, assessment, context)))
        .filter(|(_, t)| t.possible())
        .collect();
    let floors: Vec<RaisedFloor> = OUTCOME_FLOORS
        .iter()
        .filter_map(|floor| {
            let holds = truth(&floor.trigger, assessment, context);
            holds.possible().then_some(RaisedFloor {
                id: floor.id,
                at_least: floor.at_least,
                on_unknown: holds == Truth::Unknown,
            })
        })
        .collect();
    let mut blockers = if detail == Detail::KnownFactsOnly {
        Vec::new()
    } else {
        gate_blockers(assessment)
    };
    if detail != Detail::KnownFactsOnly {
        // A possible red flag blocks through the unknown answers it depends on: those are what
        // the user must establish.
        for (flag, t) in &flags {
            if *t != Truth::Unknown || flag.level < FlagLevel::Prohibited {
                continue;
            }
            for index in unknown_questions(&flag.trigger, assessment) {
                if blockers.iter().all(|b| b.id != QUESTIONS[index].id) {
                    blockers.push(Blocker {
                        id: QUESTIONS[index].id,
                        reason: BlockReason::PossibleRedFlag(flag.id),
                    });
                }
            }
        }
    }
    let connection = connection_summary(assessment, &elements, security_customer);
    let benefits = benefits(assessment);
    let consequences_of_not_proceeding = chosen(assessment, NOT_PROCEEDING).map(|c| c.key);
    let loses_essentials = chosen_key(assessment, NOT_PROCEEDING) == Some(LOSS_OF_ESSENTIALS);
    let decisive_gaps = open_questions.iter().filter(|q| q.decisive).count();

    let mut decision = Decision {
        outcome: Outcome::Proceed,
        reasons: Vec::new(),
        blockers,
        rights_in_tension: false,
        full_assessment_needed: Vec::new(),
    };
    // What the known answers alone lead to (a second evaluation, with every unknown at its least
    // risky) is read only where a critical risk would refuse the deal or where unknowns block a
    // decision: computed only then, since it doubles the cost of a score.
    let known_facts_read = residual_risk == RiskLevel::Critical || !decision.blockers.is_empty();
    decide_outcome(
        &mut decision,
        DecisionInputs {
            assessment,
            residual_risk,
            flags: &flags,
            floors: &floors,
            tension_possible: !benefits.is_empty() || loses_essentials,
            critical_rights_all_presumed: !rights.iter().any(|r| {
                r.risk == RiskLevel::Critical && assessor_judged_likely(assessment, r.right)
            }),
            tension_excluded: connection.established != Some(Connection::DirectlyLinked)
                || rights.iter().any(|r| {
                    r.risk == RiskLevel::Critical
                        && NO_TENSION_FOR_CRITICAL_RISK_TO.contains(&r.right)
                }),
            // An unknown destination and a country without data are open questions too.
            known_facts: (detail != Detail::KnownFactsOnly
                && !open_questions.is_empty()
                && known_facts_read)
                .then(|| known_facts_outcome(assessment)),
            context,
        },
    );
    let packs_added = Sector::ALL
        .into_iter()
        .filter(|&pack| pack != assessment.sector && pack != Sector::General)
        .filter(|&pack| assessment.pack_relevance(pack) == Some(Truth::Yes))
        .collect();

    Evaluation {
        elements,
        rights,
        inherent_risk,
        residual_risk,
        flags,
        floors,
        blockers: decision.blockers,
        open_questions,
        decisive_gaps,
        outcome: decision.outcome,
        outcome_reasons: decision.reasons,
        country: destination.report,
        context_for_flags: context,
        mitigation_points,
        not_asked,
        connection,
        benefits,
        consequences_of_not_proceeding,
        rights_in_tension: decision.rights_in_tension,
        full_assessment_needed: decision.full_assessment_needed,
        packs_added,
    }
}

struct Decision {
    outcome: Outcome,
    reasons: Vec<OutcomeReason>,
    blockers: Vec<Blocker>,
    rights_in_tension: bool,
    full_assessment_needed: Vec<&'static str>,
}

impl Decision {
    /// Raise the outcome to at least `floor`, saying why when it moves.
    fn at_least(&mut self, floor: Outcome, reason: impl FnOnce() -> OutcomeReason) {
        if self.outcome < floor {
            self.outcome = floor;
            self.reasons.push(reason());
        }
    }
}

struct DecisionInputs<'a> {
    assessment: &'a AskedAnswers<'a>,
    residual_risk: RiskLevel,
    flags: &'a [(&'static RedFlagDefinition, Truth)],
    floors: &'a [RaisedFloor],
    tension_possible: bool,
    /// No right at critical risk is one the assessor rated and judged likely (3 or 4 of 4).
    critical_rights_all_presumed: bool,
    /// Benefits cannot soften a critical risk here: the company would cause or contribute to
    /// the harm, or the critical risk is to life or freedom from torture.
    tension_excluded: bool,
    /// What the known answers alone lead to (residual risk and outcome), when anything is
    /// unknown.
    known_facts: Option<(RiskLevel, Outcome)>,
    context: Option<ContextLevels>,
}

/// The decision gate (METHODOLOGY.md, "Outcome").
fn decide_outcome(decision: &mut Decision, inputs: DecisionInputs<'_>) {
    let flags_at = |truth: Truth, level: FlagLevel| {
        inputs
            .flags
            .iter()
            .filter(move |(f, t)| *t == truth && f.level == level)
            .map(|(f, _)| f.id)
    };
    let raised = |level: FlagLevel| flags_at(Truth::Yes, level);
    let prohibited: Vec<&'static str> = raised(FlagLevel::Prohibited).collect();
    if !prohibited.is_empty() {
        decision.outcome = Outcome::DoNotProceed;
        decision
            .reasons
            .push(OutcomeReason::ProhibitedFlags(prohibited));
        return;
    }

    // 1. The risk of the rights at stake.
    decision.outcome = match inputs.residual_risk {
        RiskLevel::Low => Outcome::Proceed,
        RiskLevel::Medium => Outcome::ProceedWithConditions,
        RiskLevel::High => Outcome::Escalate,
        RiskLevel::Critical => Outcome::DoNotProceed,
    };
    decision.reasons.push(OutcomeReason::HighestResidualRisk {
        risk: inputs.residual_risk,
        outcome: decision.outcome,
    });
    if decision.outcome == Outcome::DoNotProceed {
        if inputs
            .known_facts
            .is_some_and(|(risk, _)| risk < RiskLevel::Critical)
        {
            decision.outcome = Outcome::Escalate;
            decision.blockers.push(Blocker {
                id: "residual_risk",
                reason: BlockReason::UnknownsDriveCriticalRisk,
            });
            decision
                .reasons
                .push(OutcomeReason::CriticalRestsOnUnknowns);
        } else if inputs.tension_possible && !inputs.tension_excluded {
            decision.outcome = Outcome::Escalate;
            decision.rights_in_tension = true;
            decision.reasons.push(OutcomeReason::RightsInTension);
        } else if inputs.assessment.mode == Mode::QuickScreen {
            decision.outcome = Outcome::Escalate;
            decision
                .full_assessment_needed
                .push(QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC.0);
            decision
                .reasons
                .push(OutcomeReason::QuickScreenRefusesOnlyOnProhibited);
        } else if inputs.critical_rights_all_presumed {
            decision.outcome = Outcome::Escalate;
            decision
                .reasons
                .push(OutcomeReason::CriticalRestsOnPresumptions);
        }
    }

    // 2. Red flags set floors.
    let escalating: Vec<&'static str> = raised(FlagLevel::Escalate).collect();
    if !escalating.is_empty() {
        decision.at_least(Outcome::Escalate, || {
            OutcomeReason::FlagsForceEscalation(escalating)
        });
    }
    let checks: Vec<&'static str> = raised(FlagLevel::Conditions).collect();
    if !checks.is_empty() {
        decision.at_least(Outcome::ProceedWithConditions, || {
            OutcomeReason::FlagsNeedCheck(checks)
        });
    }
    let possible_escalations: Vec<&'static str> =
        flags_at(Truth::Unknown, FlagLevel::Escalate).collect();
    if !possible_escalations.is_empty() {
        decision.at_least(Outcome::Escalate, || {
            OutcomeReason::PossibleFlagsEscalate(possible_escalations)
        });
    }
    let possible_checks: Vec<&'static str> =
        flags_at(Truth::Unknown, FlagLevel::Conditions).collect();
    if !possible_checks.is_empty() {
        decision.at_least(Outcome::ProceedWithConditions, || {
            OutcomeReason::PossibleFlagsNeedCheck(possible_checks)
        });
    }

    // 3. The customer and the destination set floors by themselves.
    for floor in inputs.floors {
        decision.at_least(floor.at_least, || OutcomeReason::Floor {
            id: floor.id,
            on_unknown: floor.on_unknown,
            at_least: floor.at_least,
        });
    }

    // 4. Unknowns that block a decision: never a green light. The outcome is then "assessment
    // incomplete", unless what is already known calls for more (a raised flag, a floor from
    // known answers, a risk the known facts alone make high).
    if !decision.blockers.is_empty() {
        let known = inputs.known_facts.map_or(Outcome::Proceed, |(_, o)| o);
        let already_known = raised(FlagLevel::Escalate).next().is_some()
            || inputs
                .floors
                .iter()
                .any(|f| !f.on_unknown && f.at_least >= Outcome::Escalate);
        let target = if already_known || known == Outcome::DoNotProceed {
            decision.outcome.max(Outcome::Incomplete).max(known)
        } else {
            Outcome::Incomplete
        };
        if target != decision.outcome {
            decision.outcome = target;
        }
        decision.reasons.push(if target >= Outcome::Escalate {
            OutcomeReason::DecisiveFactsUnknownEscalate
        } else {
            OutcomeReason::DecisiveFactsUnknown
        });
    }

    // 5. A quick screen says "proceed" only where a full assessment would.
    if inputs.assessment.mode == Mode::QuickScreen {
        let signals: Vec<&'static str> = DISALLOWED_WITHOUT_FULL_ASSESSMENT
            .iter()
            .filter(|(_, trigger, _)| truth(trigger, inputs.assessment, inputs.context).possible())
            .map(|(id, _, _)| *id)
            .collect();
        match decision.outcome {
            Outcome::Proceed if !signals.is_empty() => {
                decision.outcome = Outcome::Incomplete;
                decision
                    .reasons
                    .push(OutcomeReason::QuickScreenCannotClear(signals.clone()));
                decision.full_assessment_needed = signals;
            }
            Outcome::ProceedWithConditions | Outcome::Escalate => {
                if signals.is_empty() && decision.full_assessment_needed.is_empty() {
                    decision
                        .full_assessment_needed
                        .push(QUICK_SCREEN_PRESUMPTIONS.0);
                }
                decision.full_assessment_needed.extend(signals);
            }
            _ => {}
        }
    }
}

/// The residual risk and the outcome that the known answers alone lead to: every unknown at
/// its least risky. A critical risk that is not critical here rests on unknowns.
fn known_facts_outcome(assessment: &AskedAnswers) -> (RiskLevel, Outcome) {
    let optimistic = resolve_unknowns_optimistically(assessment);
    let e = evaluate(&AskedAnswers::new(&optimistic), Detail::KnownFactsOnly);
    (e.residual_risk, e.outcome)
}

/// Every unknown answer of an asked question at its least risky option, and unknown ratings
/// at 1; an unknown destination stays unknown.
fn resolve_unknowns_optimistically(assessment: &AskedAnswers) -> Assessment {
    let mut optimistic = assessment.assessment().clone();
    for (index, question) in QUESTIONS.iter().enumerate() {
        if !assessment.is_asked(index) || !answer_at(assessment, index).is_gap() {
            continue;
        }
        if let Some(best) = least_risky_answer(question) {
            optimistic.answers[index] = best;
        }
    }
    for status in &mut optimistic.rights {
        if let RightStatus::Rated(r) = status {
            for value in [
                &mut r.scale,
                &mut r.scope,
                &mut r.irremediability,
                &mut r.likelihood,
            ] {
                value.get_or_insert(1);
            }
        }
    }
    optimistic
}

fn least_risky_answer(question: &Question) -> Option<Answer> {
    match question.kind {
        QuestionKind::Single(choices) => choices
            .iter()
            .enumerate()
            .min_by_key(|(_, c)| c.points)
            .map(|(i, _)| Answer::Choice(i as u8)),
        // For the safeguards this is no credit, as an unknown answer earns: still the least
        // risky reading of what is known.
        QuestionKind::Checklist(_) => Some(Answer::Ticked(0)),
        QuestionKind::Country | QuestionKind::Date => None,
    }
}

/// The asked questions with unknown answers that a trigger reads, in catalogue order.
fn unknown_questions(trigger: &Trigger, assessment: &AskedAnswers) -> Vec<usize> {
    let mut found = Vec::new();
    collect_unknown_questions(trigger, assessment, &mut found);
    found.sort_unstable();
    found.dedup();
    found
}

fn collect_unknown_questions(trigger: &Trigger, assessment: &AskedAnswers, found: &mut Vec<usize>) {
    match trigger {
        Trigger::AnswerIs { question, .. } | Trigger::Ticked { question, .. } => {
            if let Some((index, answer)) = asked_answer(assessment, question) {
                if answer.is_gap() {
                    found.push(index);
                }
            }
        }
        Trigger::AllOf(all) | Trigger::AnyOf(all) => all
            .iter()
            .for_each(|t| collect_unknown_questions(t, assessment, found)),
        Trigger::CustomerIs(_) => {
            for question in ["profile.customer_type", "customer.end_user_type"] {
                if let Some((index, answer)) = asked_answer(assessment, question) {
                    if answer.is_gap() {
                        found.push(index);
                    }
                }
            }
        }
        Trigger::SectorIs(_)
        | Trigger::CountryContextAtLeast(_)
        | Trigger::CountryContextMayReach(_)
        | Trigger::DestinationAmongWorst(_) => {}
    }
}

/// Know-your-customer and legal questions left unknown.
fn gate_blockers(assessment: &AskedAnswers) -> Vec<Blocker> {
    KYC_GATE
        .iter()
        .filter_map(|id| {
            let (index, answer) = asked_answer(assessment, id)?;
            answer.is_gap().then_some(Blocker {
                id: QUESTIONS[index].id,
                reason: BlockReason::KnowYourCustomer,
            })
        })
        .collect()
}

/// Severity band x likelihood band. Severity dominates: a grave impact is at least high risk
/// however unlikely (UN Guiding Principle 24). A serious impact that is remote is low risk:
/// it calls for monitoring (an action), not for the full set of conditions.
pub fn risk_level(severity: SeverityBand, likelihood: LikelihoodBand) -> RiskLevel {
    use LikelihoodBand as L;
    use RiskLevel as R;
    use SeverityBand as S;
    match (severity, likelihood) {
        (S::Minor, L::VeryLikely) => R::Medium,
        (S::Minor, _) => R::Low,
        (S::Moderate, L::Remote | L::Possible) => R::Low,
        (S::Moderate, L::Likely) => R::Medium,
        (S::Moderate, L::VeryLikely) => R::High,
        (S::Serious, L::Remote) => R::Low,
        (S::Serious, L::Possible) => R::Medium,
        (S::Serious, _) => R::High,
        (S::Grave, L::Remote | L::Possible) => R::High,
        (S::Grave, _) => R::Critical,
    }
}

fn capped(points: u16) -> u8 {
    points.min(100) as u8
}

fn answer_at(assessment: &Assessment, index: usize) -> Answer {
    assessment.answers.get(index).copied().unwrap_or_default()
}

fn chosen<'a>(assessment: &AskedAnswers, id: &str) -> Option<&'a Choice>
where
    'static: 'a,
{
    match asked_answer(assessment, id)? {
        (index, Answer::Choice(i)) => QUESTIONS[index].choices().get(usize::from(i)),
        _ => None,
    }
}

fn chosen_key(assessment: &AskedAnswers, id: &str) -> Option<&'static str> {
    chosen(assessment, id).map(|c| c.key)
}

fn ticked_bits(assessment: &AskedAnswers, id: &str) -> Option<u32> {
    match asked_answer(assessment, id)? {
        (_, Answer::Ticked(bits)) => Some(bits),
        _ => None,
    }
}

fn gap_answer(answer: Answer) -> ContributionAnswer {
    ContributionAnswer::Unknown {
        dont_know: answer == Answer::DontKnow,
    }
}

/// Points of the destination's context: continuous in the index (no cliffs between bands).
pub fn context_points(index: u8) -> u16 {
    (u16::from(index) * COUNTRY_CONTEXT_MAX_POINTS + 50) / 100
}

/// Element A's baseline for the product itself: the larger of the chosen pack's baseline and
/// the product family's points, so that choosing "general" cannot hide a controlled product.
fn product_baseline(assessment: &AskedAnswers) -> Contribution {
    let pack = u16::from(assessment.sector.baseline_end_use_points());
    let (family_points, family) = match asked_answer(assessment, PRODUCT_FAMILY) {
        Some((index, answer)) => match (QUESTIONS[index].kind, answer) {
            (_, a) if a.is_gap() => (QUESTIONS[index].kind.worst_case_points(), gap_answer(a)),
            (QuestionKind::Single(choices), Answer::Choice(i)) => choices
                .get(usize::from(i))
                .map_or((0, ContributionAnswer::Unreadable), |c| {
                    (u16::from(c.points), ContributionAnswer::Option(c.key))
                }),
            _ => (0, ContributionAnswer::Unreadable),
        },
        None => (0, ContributionAnswer::NotAsked),
    };
    Contribution {
        source_id: "profile.sector".into(),
        answer: ContributionAnswer::ProductBaseline {
            sector: assessment.sector,
            pack_points: pack,
            family: Box::new(family),
            family_points,
        },
        points: pack.max(family_points),
    }
}

/// The explanation lines (and so the points) of one answer.
fn contributions_of(
    question: &Question,
    answer: Answer,
    destination: &DestinationContext,
) -> Vec<Contribution> {
    let line = |answer: ContributionAnswer, points: u16| Contribution {
        source_id: question.id.into(),
        answer,
        points,
    };
    match (question.kind, answer) {
        (kind, a) if a.is_gap() => vec![line(gap_answer(a), kind.worst_case_points())],
        (QuestionKind::Single(choices), Answer::Choice(i)) => match choices.get(usize::from(i)) {
            Some(c) => vec![line(ContributionAnswer::Option(c.key), c.points.into())],
            None => vec![line(
                gap_answer(Answer::Unanswered),
                question.kind.worst_case_points(),
            )],
        },
        (QuestionKind::Checklist(items), Answer::Ticked(bits)) => {
            let ticked: Vec<&Choice> = ticked_items(items, bits).collect();
            if ticked.is_empty() {
                vec![line(ContributionAnswer::NoneOfThese, 0)]
            } else {
                ticked
                    .into_iter()
                    .map(|c| line(ContributionAnswer::Option(c.key), c.points.into()))
                    .collect()
            }
        }
        (QuestionKind::Country, Answer::Country(_)) => {
            let country = destination.report.as_ref();
            let reading = match country {
                Some(c) if c.override_reason.is_some() => {
                    CountryReading::SetByAssessor(c.level_used)
                }
                Some(CountryContext {
                    index: Some(index),
                    margin,
                    ..
                }) => CountryReading::Index {
                    index: *index,
                    margin: *margin,
                },
                _ => CountryReading::NoIndicators,
            };
            vec![line(
                ContributionAnswer::Country {
                    code: country.map(|c| c.code.clone()),
                    reading,
                },
                context_points(destination.index_used),
            )]
        }
        _ => vec![line(
            gap_answer(Answer::Unanswered),
            question.kind.worst_case_points(),
        )],
    }
}

fn ticked_items(items: &'static [Choice], bits: u32) -> impl Iterator<Item = &'static Choice> {
    items
        .iter()
        .enumerate()
        .filter(move |(i, _)| bits & (1 << i) != 0)
        .map(|(_, c)| c)
}

/// The destination's context: the index the score uses, the level flags and floors read (the
/// index widened by its margin), and the report's provenance.
fn country_context(assessment: &AskedAnswers) -> DestinationContext {
    let unknown = DestinationContext {
        report: None,
        index_used: 100,
        for_flags: None,
        data_gap: false,
    };
    let Some(code) = assessment.destination() else {
        return unknown;
    };
    let Some(country) = country_by_code(code.as_str()) else {
        return unknown;
    };
    let derived_index = country.context_index();
    let derived_level = derived_index.map(ContextLevel::from_context_index);
    let margin = country_margin(country, derived_index);
    // An override applies only with a reason, so that readers of the report can judge it.
    let applied_override = assessment
        .country_override
        .as_ref()
        .filter(|o| !o.reason.trim().is_empty());
    let derived = derived_index.map(|i| ContextLevels {
        plain: ContextLevel::from_context_index(i),
        widened: ContextLevel::from_context_index(i.saturating_add(margin).min(100)),
    });
    // An override raises the level freely. It lowers the score's level by one step at most, and
    // never the level the red flags and floors read: a reason typed by the assessor must not
    // clear a rule the data supports.
    let (index_used, level_used, for_flags, override_limited) = match (applied_override, derived) {
        (Some(o), Some(d)) if o.level < d.plain => {
            let floor = ContextLevel::ALL[d.plain.index().saturating_sub(1)];
            let used = o.level.max(floor);
            (
                CONTEXT_LEVEL_REPRESENTATIVE_INDEX[used.index()],
                used,
                d,
                used != o.level,
            )
        }
        (Some(o), Some(d)) => (
            CONTEXT_LEVEL_REPRESENTATIVE_INDEX[o.level.index()],
            o.level,
            ContextLevels {
                plain: o.level,
                widened: o.level.max(d.widened),
            },
            false,
        ),
        (Some(o), None) => (
            CONTEXT_LEVEL_REPRESENTATIVE_INDEX[o.level.index()],
            o.level,
            ContextLevels {
                plain: o.level,
                widened: o.level,
            },
            false,
        ),
        (None, Some(d)) => (derived_index.unwrap_or(100), d.plain, d, false),
        (None, None) => (
            100,
            ContextLevel::VeryHigh,
            ContextLevels {
                plain: ContextLevel::VeryHigh,
                widened: ContextLevel::VeryHigh,
            },
            false,
        ),
    };
    let data_gap = applied_override.is_none() && derived_index.is_none();
    let report = CountryContext {
        code: country.alpha2.clone(),
        indicators: country.indicator_readings(),
        regime: country
            .regime
            .map(|r| r.min(crate::country::REGIME_TYPES.len() as u8 - 1)),
        index: derived_index,
        derived_level,
        level_used,
        override_reason: applied_override.map(|o| o.reason.clone()),
        margin,
        level_for_flags: for_flags.widened,
        override_limited,
        specific: Vec::new(),
    };
    DestinationContext {
        report: Some(report),
        index_used,
        for_flags: Some(for_flags),
        data_gap,
    }
}

/// The product-specific indicators of the destination, each with the rights whose likelihood it
/// raises in this deal (the likelihood signals that read it and hold).
fn specific_readings(
    assessment: &AskedAnswers,
    context: Option<ContextLevels>,
) -> Vec<SpecificReading> {
    let country = assessment
        .destination()
        .and_then(|code| country_by_code(code.as_str()));
    DESTINATION_INDICATOR_USES
        .iter()
        .map(|(indicator, _)| {
            let reads_it = |trigger: &Trigger| match trigger {
                Trigger::AllOf(all) => all.contains(&Trigger::DestinationAmongWorst(*indicator)),
                other => *other == Trigger::DestinationAmongWorst(*indicator),
            };
            let mut raises: Vec<Right> = Vec::new();
            for signal in LIKELIHOOD_SIGNALS.iter().filter(|s| reads_it(&s.trigger)) {
                if truth(&signal.trigger, assessment, context) == Truth::Yes {
                    for right in signal.rights {
                        if !raises.contains(right) {
                            raises.push(*right);
                        }
                    }
                }
            }
            SpecificReading {
                indicator: *indicator,
                rank: country.and_then(|c| c.specific_rank(*indicator)),
                among_worst: truth(
                    &Trigger::DestinationAmongWorst(*indicator),
                    assessment,
                    context,
                ) == Truth::Yes,
                raises,
            }
        })
        .collect()
}

fn country_margin(country: &crate::country::Country, index: Option<u8>) -> u8 {
    index
        .map_or(crate::country::CONTEXT_INDEX_MARGIN, |_| {
            country.margin_of_an_index()
        })
        .min(MAX_CONTEXT_INDEX_MARGIN_FOR_FLAGS)
}

/// Likelihood suggested by the answers on end use, customer and connection (0..100).
fn deal_likelihood(elements: &[ElementScore]) -> u32 {
    let score = |e: Element| u32::from(elements[e as usize].score);
    (LIKELIHOOD_WEIGHT_END_USE * score(Element::EndUse)
        + LIKELIHOOD_WEIGHT_CUSTOMER * score(Element::Customer)
        + LIKELIHOOD_WEIGHT_CONNECTION * score(Element::Connection)
        + 50)
        / 100
}

/// Likelihood points the safeguards in place remove (before the cap): leverage safeguards earn
/// none (leverage is counted in D), paper ones little against a security customer, and
/// declared ones half of what verified ones earn.
fn mitigation_points(assessment: &AskedAnswers, security_customer: bool) -> u8 {
    let Some((index, Answer::Ticked(bits))) = asked_answer(assessment, SAFEGUARDS_IN_PLACE) else {
        return 0;
    };
    let verified = chosen_key(assessment, SAFEGUARD_EVIDENCE) == Some("verified");
    let total: u32 = QUESTIONS[index]
        .choices()
        .iter()
        .enumerate()
        .filter(|(bit, _)| bits & (1 << bit) != 0)
        .map(|(bit, item)| {
            let points = u32::from(item.points);
            let by_kind = match safeguard_kind(bit) {
                SafeguardKind::Leverage => 0,
                SafeguardKind::Paper if security_customer => {
                    points * PAPER_SAFEGUARD_CREDIT_AGAINST_SECURITY_PERCENT / 100
                }
                SafeguardKind::Paper | SafeguardKind::Effective => points,
            };
            if verified {
                by_kind
            } else {
                by_kind * DECLARED_SAFEGUARD_CREDIT_PERCENT / 100
            }
        })
        .sum();
    total.min(100) as u8
}

/// Points of an asked impacts question, worst case when unknown.
fn impact_question_points(assessment: &AskedAnswers, id: &'static str) -> Option<Contribution> {
    let (index, answer) = asked_answer(assessment, id)?;
    let question = &QUESTIONS[index];
    let lines = contributions_of(
        question,
        answer,
        &DestinationContext {
            report: None,
            index_used: 0,
            for_flags: None,
            data_gap: false,
        },
    );
    let points: u16 = lines.iter().map(|l| l.points).sum();
    let mut answers: Vec<ContributionAnswer> = lines.into_iter().map(|l| l.answer).collect();
    let answer = if answers.len() == 1 {
        answers.remove(0)
    } else {
        ContributionAnswer::Several(answers)
    };
    Some(Contribution {
        source_id: id.into(),
        answer,
        points,
    })
}

/// Scope 1..4 from `end_use.scale` when it is asked: a few people, one organisation, a city or
/// region, a whole country. Unknown counts as 4, the worst case.
fn deployment_scope(assessment: &AskedAnswers) -> Option<u8> {
    match asked_answer(assessment, SCALE_QUESTION)? {
        (_, Answer::Choice(choice)) => Some(choice.min(3) + 1),
        _ => Some(4),
    }
}

struct RightsInputs {
    base_likelihood: u32,
    mitigation_points: u8,
    security_customer: bool,
    state_customer: bool,
    context: Option<ContextLevels>,
}

/// Severity and likelihood of every right at risk; the contributions of element C.
fn rate_rights(
    assessment: &AskedAnswers,
    inputs: RightsInputs,
    open_questions: &mut Vec<OpenQuestion>,
    explain: bool,
) -> (Vec<SalientRight>, Vec<Contribution>) {
    let capabilities = match asked_answer(assessment, CAPABILITIES) {
        Some((_, Answer::Ticked(bits))) => bits,
        // Unknown capabilities: presume every capability, the worst case.
        _ => u32::MAX,
    };
    let uplift = if inputs.security_customer {
        SECURITY_HOLDER_UPLIFT
    } else if inputs.state_customer {
        STATE_HOLDER_UPLIFT
    } else {
        0
    };
    let mut presumed = presumed_impacts(assessment.sector, capabilities, uplift);
    if inputs.security_customer
        && !presumed
            .iter()
            .any(|p| p.right == Right::LifeLibertyAndSecurity)
    {
        presumed.push(PRESUMED_FOR_SECURITY_CUSTOMERS);
    }
    // The scale of deployment is the scope of a presumed impact (OECD: scope = how many people).
    if let Some(scope) = deployment_scope(assessment) {
        for impact in &mut presumed {
            impact.scope = impact.scope.max(scope);
        }
    }
    // Without an effective remedy, a presumed impact is harder to reverse. An assessor's own
    // rating of irremediability already weighs remedy, so it is not raised again.
    let remedy = impact_question_points(assessment, REMEDY_QUESTION);
    let no_remedy = match asked_answer(assessment, REMEDY_QUESTION) {
        Some((index, Answer::Choice(i))) => {
            QUESTIONS[index]
                .choices()
                .get(usize::from(i))
                .map(|c| c.key)
                == Some("no")
        }
        Some(_) => true,
        None => false,
    };
    if no_remedy {
        for impact in &mut presumed {
            impact.irremediability = (impact.irremediability + 1).min(4);
        }
    }
    let groups = impact_question_points(assessment, GROUPS_QUESTION);
    let group_bits = match asked_answer(assessment, GROUPS_QUESTION) {
        Some((_, Answer::Ticked(bits))) => bits,
        Some(_) => u32::MAX,
        None => 0,
    };

    // Which likelihood signals hold (or might) does not depend on the right: read them once.
    let signals_that_hold: Vec<&LikelihoodSignal> = LIKELIHOOD_SIGNALS
        .iter()
        .filter(|s| truth(&s.trigger, assessment, inputs.context).possible())
        .collect();

    let mut rights = Vec::new();
    for (position, right) in RIGHTS.iter().enumerate() {
        let status = if assessment.mode == Mode::FullAssessment {
            assessment.rights.get(position).copied().unwrap_or_default()
        } else {
            RightStatus::Unrated
        };
        let presumption = presumed.iter().find(|p| p.right == *right);
        let mut explanation = Vec::new();
        let (ratings, explicit_likelihood, presumed_flag) = match (status, presumption) {
            (RightStatus::NotAtRisk, _) | (RightStatus::Unrated, None) => continue,
            (RightStatus::Unrated, Some(p)) => {
                if explain {
                    explanation.push(RightExplanation::Presumed { presumption: p.id });
                }
                ([p.scale, p.scope, p.irremediability], None, true)
            }
            (RightStatus::Rated(r), _) => {
                for (dimension, value) in r.dimensions() {
                    if value.is_none() {
                        open_questions.push(OpenQuestion {
                            id: format!("rights.{}.{}", right.key(), dimension.key()).into(),
                            decisive: false,
                        });
                    }
                }
                if explain {
                    explanation.push(RightExplanation::RatedByAssessor);
                }
                let worst = |v: Option<u8>| v.unwrap_or(4);
                (
                    [worst(r.scale), worst(r.scope), worst(r.irremediability)],
                    Some(worst(r.likelihood)),
                    false,
                )
            }
        };
        let [scale, scope, irremediability] = ratings;
        let base = base_severity(scale, scope, irremediability);
        let group_bonus = if groups_bear_on(group_bits, *right) {
            u16::from(GROUP_SEVERITY_POINTS)
        } else {
            0
        };
        let severity = capped(u16::from(base) + group_bonus);

        let bearing = || {
            signals_that_hold
                .iter()
                .filter(|s| s.rights.is_empty() || s.rights.contains(right))
        };
        let signals: Vec<&'static str> = bearing().map(|s| s.id).collect();
        let signal_points: u32 = bearing().map(|s| u32::from(s.points)).sum();
        let from_answers = (inputs.base_likelihood + signal_points).min(100);
        // The assessor's judgement of this right weighs three times the deal-wide evidence: it
        // can move the likelihood, but not erase what the answers show.
        let inherent_likelihood = match explicit_likelihood {
            Some(rating) => (from_answers
                + ASSESSOR_LIKELIHOOD_WEIGHT * u32::from(likelihood_from_rating(rating)))
            .div_ceil(ASSESSOR_LIKELIHOOD_WEIGHT + 1),
            None => from_answers,
        }
        .min(100);
        let reduction = u32::from(inputs.mitigation_points)
            .min(inherent_likelihood * MAX_MITIGATION_REDUCTION_PERCENT / 100);
        let residual_likelihood = (inherent_likelihood - reduction) as u8;
        if explain {
            explanation.push(RightExplanation::BaseSeverity {
                scale,
                scope,
                irremediability,
                base,
                grave_dimension_floor: base_floor_applies(scale, scope, irremediability),
            });
            if group_bonus > 0 {
                explanation.push(RightExplanation::GroupsAdd {
                    points: group_bonus,
                    severity,
                });
            }
            if !signals.is_empty() {
                explanation.push(RightExplanation::Signals {
                    likelihood: from_answers,
                    from_answers: inputs.base_likelihood,
                    points: signal_points,
                    signals,
                });
            }
            explanation.push(match explicit_likelihood {
                Some(rating) => RightExplanation::AssessorLikelihood {
                    rating,
                    as_score: likelihood_from_rating(rating),
                    weight: ASSESSOR_LIKELIHOOD_WEIGHT,
                    from_answers,
                    likelihood: inherent_likelihood,
                },
                None => RightExplanation::FromAnswers {
                    likelihood: inherent_likelihood,
                },
            });
            if reduction > 0 {
                explanation.push(RightExplanation::SafeguardsRemove {
                    reduction,
                    cap_percent: MAX_MITIGATION_REDUCTION_PERCENT,
                    residual: residual_likelihood,
                });
            }
        }
        let severity_band = SeverityBand::from_score(severity);
        let likelihood_band = LikelihoodBand::from_score(residual_likelihood);
        rights.push(SalientRight {
            right: *right,
            severity,
            severity_band,
            inherent_likelihood: inherent_likelihood as u8,
            residual_likelihood,
            likelihood_band,
            risk: risk_level(severity_band, likelihood_band),
            presumed: presumed_flag,
            explanation,
        });
    }
    // Severity drives priority; likelihood breaks ties (UN Guiding Principle 24).
    rights.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.residual_likelihood.cmp(&a.residual_likelihood))
            .then(a.right.cmp(&b.right))
    });

    let mut contributions = Vec::new();
    if let Some(worst) = rights.first() {
        let bonus = if groups_bear_on(group_bits, worst.right) {
            u16::from(GROUP_SEVERITY_POINTS)
        } else {
            0
        };
        contributions.push(Contribution {
            source_id: format!("rights.{}", worst.right.key()).into(),
            answer: ContributionAnswer::MostSevereRight {
                presumed: worst.presumed,
            },
            points: u16::from(worst.severity).saturating_sub(bonus),
        });
        if let Some(mut g) = groups {
            g.points = bonus;
            contributions.push(g);
        }
    }
    if let Some(mut r) = remedy {
        // Remedy raises the irremediability of presumed impacts; it adds no points of its own.
        r.points = 0;
        contributions.push(r);
    }
    (rights, contributions)
}

/// Weighted mean of the three severity ratings on 0..100, with the OECD rule that one grave
/// dimension makes the impact severe on its own: a scale or irremediability of 4, or a scope
/// of 4 (widespread) with a scale of at least 3.
pub fn base_severity(scale: u8, scope: u8, irremediability: u8) -> u8 {
    let weighted = 4 * u32::from(scale) + 3 * u32::from(scope) + 3 * u32::from(irremediability);
    let score = (weighted.saturating_sub(10) * 100 / 30) as u8;
    if base_floor_applies(scale, scope, irremediability) {
        score.max(75)
    } else {
        score
    }
}

fn base_floor_applies(scale: u8, scope: u8, irremediability: u8) -> bool {
    scale >= 4 || irremediability >= 4 || (scope >= 4 && scale >= 3)
}

/// Likelihood rating 1..4 on the 0..100 scale (the middle of each band, 4 at the top).
pub fn likelihood_from_rating(rating: u8) -> u8 {
    match rating {
        1 => 12,
        2 => 37,
        3 => 62,
        _ => 90,
    }
}

/// Rights whose critical risk benefits elsewhere can never soften (UN Guiding Principle 11
/// commentary: positive contributions do not offset harm; non-derogable rights).
const NO_TENSION_FOR_CRITICAL_RISK_TO: [Right; 2] =
    [Right::LifeLibertyAndSecurity, Right::FreedomFromTorture];

/// Whether the assessor rated this right and judged harm likely (3 or 4; unknown counts as 4).
fn assessor_judged_likely(assessment: &AskedAnswers, right: Right) -> bool {
    assessment.mode == Mode::FullAssessment
        && matches!(
            assessment.rights.get(right.index()),
            Some(RightStatus::Rated(r)) if r.likelihood.unwrap_or(4) >= 3
        )
}

/// Rights the assessor says the product strengthens.
fn benefits(assessment: &AskedAnswers) -> Vec<Right> {
    let Some(bits) = ticked_bits(assessment, POSITIVE_RIGHTS) else {
        return Vec::new();
    };
    RIGHTS
        .iter()
        .enumerate()
        .filter(|(bit, _)| bits & (1 << bit) != 0)
        .map(|(_, r)| *r)
        .collect()
}

/// The connection as declared and as the facilitating acts establish it, and the leverage.
fn connection_summary(
    assessment: &AskedAnswers,
    elements: &[ElementScore],
    security_customer: bool,
) -> ConnectionSummary {
    let declared = chosen_key(assessment, CONNECTION_TYPE).and_then(Connection::from_key);
    // Facilitating acts, or customisation that extends the capability or removes safeguards,
    // move the company from being linked to contributing (BSR primer, element D).
    let facilitates = matches!(ticked_bits(assessment, FACILITATING_ACTS), Some(bits) if bits != 0)
        || matches!(
            chosen_key(assessment, CUSTOMISATION),
            Some("extends_capability" | "remove_safeguards")
        );
    let established = match (declared, facilitates) {
        (Some(c), true) if c < Connection::Contribute => Some(Connection::Contribute),
        (None, true) => Some(Connection::Contribute),
        (declared, _) => declared,
    };
    let leverage_points: u16 = elements[Element::Connection as usize]
        .contributions
        .iter()
        .filter(|c| LEVERAGE_QUESTIONS.contains(&c.source_id.as_ref()))
        .map(|c| c.points)
        .sum();
    // Leverage is assessed only where its questions are asked (a full assessment), and a
    // security body is never a customer over which a seller has high leverage.
    let leverage = asked_answer(assessment, LEVERAGE_QUESTIONS[1]).map(|_| {
        let level = leverage_from_points(leverage_points);
        if security_customer {
            level.min(Leverage::Medium)
        } else {
            level
        }
    });
    ConnectionSummary {
        declared,
        established,
        raised_by_facilitating_acts: facilitates && established != declared,
        leverage,
    }
}

fn relevance_holds(
    relevance: &Relevance,
    assessment: &AskedAnswers,
    evaluation: &Evaluation,
) -> bool {
    match relevance {
        Relevance::When(trigger) => {
            truth(trigger, assessment, evaluation.context_for_flags).possible()
        }
        Relevance::ElementAtLeast(element, at_least) => {
            evaluation.elements[*element as usize].score >= *at_least
        }
        // An incomplete assessment shows the actions of "proceed with conditions" (the unknowns
        // may well need them) but not those of escalation, which a red flag or a known high
        // risk must trigger.
        Relevance::OutcomeAtLeast(outcome) => {
            evaluation.outcome >= *outcome && evaluation.outcome != Outcome::Incomplete
                || evaluation.outcome == Outcome::Incomplete
                    && *outcome <= Outcome::ProceedWithConditions
        }
        Relevance::OutcomeAtMost(outcome) => evaluation.outcome <= *outcome,
        Relevance::AnyRedFlag => evaluation
            .flags
            .iter()
            .any(|(f, t)| *t == Truth::Yes && f.level >= FlagLevel::Escalate),
        Relevance::BenefitsRecorded => !evaluation.benefits.is_empty(),
        Relevance::FlagRaised(ids) => evaluation.flags.iter().any(|(f, _)| ids.contains(&f.id)),
        Relevance::OpenQuestions => !evaluation.open_questions.is_empty(),
        Relevance::ConnectionIs(connections) => evaluation
            .connection
            .established
            .is_some_and(|c| connections.contains(&c)),
        Relevance::ConnectionUnknown => {
            evaluation.connection.established.is_none()
                && asked_answer(assessment, CONNECTION_TYPE).is_some()
        }
        Relevance::LeverageAtMost(level) => evaluation
            .connection
            .leverage
            .is_some_and(|leverage| leverage <= *level),
        Relevance::SeverityAtLeast(band) => {
            evaluation.rights.iter().any(|r| r.severity_band >= *band)
        }
        Relevance::RightsInTension => evaluation.rights_in_tension,
        Relevance::AnyOf(any) => any
            .iter()
            .any(|r| relevance_holds(r, assessment, evaluation)),
        Relevance::AllOf(all) => all
            .iter()
            .all(|r| relevance_holds(r, assessment, evaluation)),
    }
}

/// The same safeguard ticked as planned: `Ticked { mitigations.in_place, item }` read on
/// `mitigations.planned`.
fn planned_trigger(in_place: &Trigger) -> Option<Trigger> {
    match in_place {
        Trigger::Ticked { question, item } if *question == SAFEGUARDS_IN_PLACE => {
            Some(Trigger::Ticked {
                question: SAFEGUARDS_PLANNED,
                item,
            })
        }
        _ => None,
    }
}

fn recommend_actions(assessment: &AskedAnswers, evaluation: &Evaluation) -> Vec<RecommendedAction> {
    let holds = |t: &Trigger| truth(t, assessment, evaluation.context_for_flags) == Truth::Yes;
    ACTIONS
        .iter()
        .filter(|action| relevance_holds(&action.relevance, assessment, evaluation))
        .map(|action: &ActionDefinition| RecommendedAction {
            id: action.id,
            status: match &action.in_place_when {
                Some(t) if holds(t) => ActionStatus::InPlace,
                Some(t) if planned_trigger(t).is_some_and(|p| holds(&p)) => ActionStatus::Planned,
                _ => ActionStatus::ToDo,
            },
        })
        .collect()
}

/// The largest set of changes tried together when searching for what would lower the outcome.
const MAX_CHANGES_TRIED: usize = 3;
/// How many single changes (the most effective first) the search combines.
const MAX_CANDIDATES_COMBINED: usize = 8;

/// The smallest set of safeguards, or facts verified, that lowers the outcome by one step.
fn what_would_change(assessment: &AskedAnswers, evaluation: &Evaluation) -> WhatWouldChange {
    let outcome = evaluation.outcome;
    if outcome == Outcome::Proceed {
        return WhatWouldChange::AlreadyLowest;
    }
    let raised = |level: FlagLevel| {
        evaluation
            .flags
            .iter()
            .filter(move |(f, t)| *t == Truth::Yes && f.level == level)
            .map(|(f, _)| f.id)
            .collect::<Vec<_>>()
    };
    let prohibited = raised(FlagLevel::Prohibited);
    if !prohibited.is_empty() {
        return WhatWouldChange::NoneCan {
            reason: NoneCanReason::ProhibitedFlags(prohibited),
        };
    }
    if !evaluation.blockers.is_empty() {
        return WhatWouldChange::AnswerOpenQuestions {
            at_least: evaluation.blockers.len(),
            questions: evaluation
                .blockers
                .iter()
                .map(|b| OpenQuestion {
                    id: b.id.into(),
                    decisive: true,
                })
                .collect(),
        };
    }
    if outcome == Outcome::Incomplete {
        return WhatWouldChange::NoneCan {
            reason: NoneCanReason::QuickScreen(evaluation.full_assessment_needed.clone()),
        };
    }
    if outcome == Outcome::Escalate && !raised(FlagLevel::Escalate).is_empty() {
        return WhatWouldChange::NoneCan {
            reason: NoneCanReason::EscalationFlags,
        };
    }
    if let Some(floor) = evaluation
        .floors
        .iter()
        .filter(|f| !f.on_unknown)
        .max_by_key(|f| f.at_least)
        .filter(|f| f.at_least >= outcome)
    {
        return WhatWouldChange::NoneCan {
            reason: NoneCanReason::Floor(floor.id),
        };
    }

    let candidates = change_candidates(assessment);
    // Every candidate lowers points or likelihood, so if all of them together do not lower the
    // outcome, no subset does: skip the search.
    let mut everything = assessment.assessment().clone();
    for candidate in &candidates {
        candidate.apply(&mut everything);
    }
    let lowest_reachable = evaluate(&AskedAnswers::new(&everything), Detail::NumbersOnly).outcome;
    if lowest_reachable >= outcome || lowest_reachable == Outcome::Incomplete {
        return none_can(evaluation);
    }
    // Rank single changes by how far they lower the residual likelihood or the outcome.
    let mut ranked: Vec<(Outcome, u32, Candidate)> = candidates
        .into_iter()
        .map(|candidate| {
            let mut changed = assessment.assessment().clone();
            candidate.apply(&mut changed);
            let e = evaluate(&AskedAnswers::new(&changed), Detail::NumbersOnly);
            let pressure: u32 = e
                .rights
                .iter()
                .map(|r| u32::from(r.residual_likelihood) + u32::from(r.severity))
                .sum();
            (e.outcome, pressure, candidate)
        })
        .collect();
    ranked.sort_by_key(|(outcome, pressure, _)| (*outcome, *pressure));
    let pool: Vec<Candidate> = ranked
        .into_iter()
        .take(MAX_CANDIDATES_COMBINED)
        .map(|(_, _, c)| c)
        .collect();

    for size in 1..=MAX_CHANGES_TRIED.min(pool.len()) {
        for combination in combinations(pool.len(), size) {
            let mut changed = assessment.assessment().clone();
            for &i in &combination {
                pool[i].apply(&mut changed);
            }
            let new_outcome = evaluate(&AskedAnswers::new(&changed), Detail::NumbersOnly).outcome;
            if new_outcome < outcome && new_outcome != Outcome::Incomplete {
                return WhatWouldChange::Changes {
                    to: new_outcome,
                    changes: combination
                        .iter()
                        .map(|&i| pool[i].change.clone())
                        .collect(),
                };
            }
        }
    }
    none_can(evaluation)
}

/// Why nothing within the deal as proposed lowers the outcome.
fn none_can(evaluation: &Evaluation) -> WhatWouldChange {
    // If the most severe right alone keeps the risk where it is, say so: safeguards lower
    // likelihood, never severity.
    let floor = evaluation
        .rights
        .iter()
        .map(|r| (risk_level(r.severity_band, LikelihoodBand::Remote), r))
        .max_by_key(|(floor, r)| (*floor, r.severity));
    let reason = match floor {
        Some((floor, right)) if floor >= evaluation.residual_risk => NoneCanReason::Severity {
            right: right.right,
            band: right.severity_band,
            floor,
        },
        _ => NoneCanReason::NoCombination {
            tried: MAX_CHANGES_TRIED,
        },
    };
    WhatWouldChange::NoneCan { reason }
}

#[derive(Debug, Clone)]
struct Candidate {
    question_index: usize,
    answer: Answer,
    change: Change,
}

impl Candidate {
    fn apply(&self, assessment: &mut Assessment) {
        let slot = &mut assessment.answers[self.question_index];
        // Safeguards accumulate: tick this item on top of what is already ticked.
        *slot = match (*slot, self.answer) {
            (Answer::Ticked(old), Answer::Ticked(new))
                if QUESTIONS[self.question_index].id == SAFEGUARDS_IN_PLACE =>
            {
                Answer::Ticked(old | new)
            }
            (_, new) => new,
        };
    }
}

/// Safeguards not yet in place (leverage ones excluded: they earn no likelihood credit), and
/// unknown answers that would lower the outcome only if verified to be at their least risky.
fn change_candidates(assessment: &AskedAnswers) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for (index, question) in QUESTIONS.iter().enumerate() {
        if !assessment.is_asked(index) {
            continue;
        }
        let answer = answer_at(assessment, index);
        if question.id == SAFEGUARDS_IN_PLACE {
            let ticked = match answer {
                Answer::Ticked(bits) => bits,
                _ => 0,
            };
            for (bit, item) in question.choices().iter().enumerate() {
                if ticked & (1 << bit) == 0 && safeguard_kind(bit) != SafeguardKind::Leverage {
                    candidates.push(Candidate {
                        question_index: index,
                        answer: Answer::Ticked(1 << bit),
                        change: Change {
                            question_id: question.id,
                            option: Some(item.key),
                            kind: ChangeKind::PutInPlace,
                        },
                    });
                }
            }
            continue;
        }
        if !answer.is_gap() {
            continue;
        }
        let resolved = match question.kind {
            QuestionKind::Single(choices) => choices
                .iter()
                .enumerate()
                .min_by_key(|(_, c)| c.points)
                .map(|(i, c)| (Answer::Choice(i as u8), Some(c.key))),
            QuestionKind::Checklist(_) => Some((Answer::Ticked(0), None)),
            QuestionKind::Country | QuestionKind::Date => None,
        };
        if let Some((answer, option)) = resolved {
            candidates.push(Candidate {
                question_index: index,
                answer,
                change: Change {
                    question_id: question.id,
                    option,
                    kind: ChangeKind::VerifyIfTrue,
                },
            });
        }
    }
    candidates
}

/// All index combinations of `size` out of `n`, in lexicographic order.
fn combinations(n: usize, size: usize) -> Vec<Vec<usize>> {
    let mut result = Vec::new();
    let mut current = Vec::with_capacity(size);
    fn walk(
        start: usize,
        n: usize,
        size: usize,
        current: &mut Vec<usize>,
        result: &mut Vec<Vec<usize>>,
    ) {
        if current.len() == size {
            result.push(current.clone());
            return;
        }
        for i in start..n {
            current.push(i);
            walk(i + 1, n, size, current, result);
            current.pop();
        }
    }
    walk(0, n, size, &mut current, &mut result);
    result
}
