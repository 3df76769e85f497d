//! Applies the method to an assessment: element scores, severity and likelihood per right,
//! red flags, evidence gaps, the outcome, actions and what would change it. Pure and
//! deterministic: the same assessment always gives the same report.

use crate::assessment::{Answer, Assessment, RightStatus};
use crate::country::{country_by_code, COUNTRY_DATA_ATTRIBUTION};
use crate::method::RedFlagDefinition;
use crate::method::{
    presumed_impacts, question_index, ActionDefinition, Choice, ContextLevel, Element, Mode,
    PresumedImpact, Question, QuestionKind, Relevance, Right, Trigger, ACTIONS,
    COUNTRY_CONTEXT_POINTS, DECISIVE_GAPS_FOR_INCOMPLETE, GROUP_SEVERITY_CAP,
    LIKELIHOOD_WEIGHT_CONNECTION, LIKELIHOOD_WEIGHT_CUSTOMER, LIKELIHOOD_WEIGHT_END_USE,
    MAX_MITIGATION_REDUCTION_PERCENT, QUESTIONS, RED_FLAGS, RIGHTS,
};
use crate::report::{
    ActionStatus, Change, Contribution, CountryContext, ElementScore, LikelihoodBand, OpenQuestion,
    Outcome, RaisedRedFlag, RecommendedAction, Report, RiskLevel, SalientRight, SeverityBand,
    WhatWouldChange,
};
use std::borrow::Cow;

/// Score an assessment. The assessment should have passed `Assessment::validate`; answers that
/// do not fit their question are treated as unanswered rather than trusted.
pub fn score(assessment: &Assessment) -> Report {
    let evaluation = evaluate(assessment, Detail::Explained);
    let actions = recommend_actions(assessment, &evaluation);
    let what_would_change = what_would_change(assessment, &evaluation);
    Report {
        method_version: assessment.method_version,
        outcome: evaluation.outcome,
        elements: evaluation.elements,
        inherent_risk: evaluation.inherent_risk,
        residual_risk: evaluation.residual_risk,
        salient_rights: evaluation.rights,
        red_flags: evaluation
            .red_flags
            .iter()
            .map(|flag| RaisedRedFlag {
                id: flag.id,
                title: flag.title,
                why: flag.why,
                source: flag.source,
                prohibited: flag.prohibited,
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
    }
}

/// Everything but actions and "what would change", which are built on top of it.
struct Evaluation {
    elements: Vec<ElementScore>,
    rights: Vec<SalientRight>,
    inherent_risk: RiskLevel,
    residual_risk: RiskLevel,
    red_flags: Vec<&'static RedFlagDefinition>,
    open_questions: Vec<OpenQuestion>,
    decisive_gaps: usize,
    outcome: Outcome,
    outcome_reasons: Vec<String>,
    country: Option<CountryContext>,
    context_level: ContextLevel,
    mitigation_points: u8,
    not_asked: usize,
}

/// How much of the evaluation to build: the search for "what would change" needs only the
/// outcome and the numbers, not the sentences of the explanation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    Explained,
    NumbersOnly,
}

fn evaluate(assessment: &Assessment, detail: Detail) -> Evaluation {
    let (country, context_level, country_gap) = country_context(assessment);
    let mut elements: Vec<ElementScore> = Element::ALL
        .iter()
        .map(|&element| ElementScore {
            element,
            score: 0,
            contributions: Vec::new(),
        })
        .collect();
    let mut open_questions = Vec::new();
    let mut not_asked = 0;

    elements[Element::EndUse as usize]
        .contributions
        .push(Contribution {
            source_id: "profile.sector".into(),
            question: "Product category (sector pack)".into(),
            answer: assessment.sector.label().into(),
            points: assessment.sector.baseline_end_use_points().into(),
        });

    for (index, question) in QUESTIONS.iter().enumerate() {
        if !question.in_scope(assessment.mode, assessment.sector) {
            if question.sector.is_none_or(|s| s == assessment.sector) {
                not_asked += 1;
            }
            continue;
        }
        let answer = answer_at(assessment, index);
        if answer.is_gap() {
            open_questions.push(OpenQuestion {
                id: question.id.into(),
                prompt: question.prompt.into(),
                decisive: question.decisive,
            });
        }
        let Some(element) = question.scored else {
            continue;
        };
        if element == Element::Impacts {
            // Impacts questions adjust each right's severity; see `rate_rights`.
            continue;
        }
        let lines = contributions_of(question, answer, context_level, country.as_ref());
        elements[element as usize].contributions.extend(lines);
    }
    if country_gap {
        open_questions.push(OpenQuestion {
            id: "profile.destination.context".into(),
            prompt: "The dataset has no indicators for this country: set the country context level yourself, with a reason.".into(),
            decisive: false,
        });
    }
    for element in [Element::EndUse, Element::Customer, Element::Connection] {
        let e = &mut elements[element as usize];
        e.score = capped(e.contributions.iter().map(|c| c.points).sum());
    }

    let context_likelihood = context_likelihood(&elements);
    let mitigation_points = mitigation_points(assessment);
    let (rights, impact_contributions) = rate_rights(
        assessment,
        context_likelihood,
        mitigation_points,
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

    let red_flags: Vec<&'static RedFlagDefinition> = RED_FLAGS
        .iter()
        .filter(|flag| trigger_holds(&flag.trigger, assessment, context_level))
        .collect();
    let decisive_gaps = open_questions.iter().filter(|q| q.decisive).count();
    let (outcome, outcome_reasons) = decide_outcome(residual_risk, &red_flags, decisive_gaps);

    Evaluation {
        elements,
        rights,
        inherent_risk,
        residual_risk,
        red_flags,
        open_questions,
        decisive_gaps,
        outcome,
        outcome_reasons,
        country,
        context_level,
        mitigation_points,
        not_asked,
    }
}

/// The decision gate (METHODOLOGY.md, "Outcomes").
fn decide_outcome(
    residual_risk: RiskLevel,
    red_flags: &[&RedFlagDefinition],
    decisive_gaps: usize,
) -> (Outcome, Vec<String>) {
    let mut reasons = Vec::new();
    let prohibited: Vec<&str> = red_flags
        .iter()
        .filter(|f| f.prohibited)
        .map(|f| f.title)
        .collect();
    if !prohibited.is_empty() {
        reasons.push(format!(
            "Prohibited red flag: {}. This forces \"do not proceed\" whatever the score.",
            prohibited.join("; ")
        ));
        return (Outcome::DoNotProceed, reasons);
    }
    if decisive_gaps >= DECISIVE_GAPS_FOR_INCOMPLETE {
        reasons.push(format!(
            "{decisive_gaps} decisive questions are unanswered or \"don't know\" ({DECISIVE_GAPS_FOR_INCOMPLETE} or more make the assessment incomplete)."
        ));
        if red_flags.is_empty() {
            return (Outcome::Incomplete, reasons);
        }
        reasons.push("Red flags are already raised, so the deal must be escalated even before the gaps are closed.".into());
        return (Outcome::Escalate, reasons);
    }
    let mut outcome = match residual_risk {
        RiskLevel::Low => Outcome::Proceed,
        RiskLevel::Medium => Outcome::ProceedWithConditions,
        RiskLevel::High => Outcome::Escalate,
        RiskLevel::Critical => Outcome::DoNotProceed,
    };
    reasons.push(format!(
        "The highest residual risk is {}, which means \"{}\".",
        residual_risk.label(),
        outcome.label().to_lowercase()
    ));
    if outcome == Outcome::DoNotProceed && decisive_gaps > 0 {
        outcome = Outcome::Escalate;
        reasons.push("The critical risk rests partly on unknowns counted as the worst case, so it leads to escalation, not refusal, until they are resolved.".into());
    }
    if !red_flags.is_empty() && outcome < Outcome::Escalate {
        outcome = Outcome::Escalate;
        reasons.push(format!(
            "{} red flag(s) force at least escalation, whatever the score.",
            red_flags.len()
        ));
    }
    (outcome, reasons)
}

/// Severity band x likelihood band. Severity dominates: a grave impact is at least high risk
/// however unlikely (UN Guiding Principle 24).
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
        (S::Serious, L::Remote | L::Possible) => R::Medium,
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

fn gap_label(answer: Answer) -> &'static str {
    if answer == Answer::DontKnow {
        "Don't know (counted as the worst case)"
    } else {
        "Not answered yet (counted as the worst case)"
    }
}

/// The explanation lines (and so the points) of one answer.
fn contributions_of(
    question: &Question,
    answer: Answer,
    context_level: ContextLevel,
    country: Option<&CountryContext>,
) -> Vec<Contribution> {
    let line = |answer: Cow<'static, str>, points: u16| Contribution {
        source_id: question.id.into(),
        question: question.prompt.into(),
        answer,
        points,
    };
    match (question.kind, answer) {
        (kind, a) if a.is_gap() => vec![line(gap_label(a).into(), kind.worst_case_points())],
        (QuestionKind::Single(choices), Answer::Choice(i)) => match choices.get(usize::from(i)) {
            Some(c) => vec![line(c.label.into(), c.points.into())],
            None => vec![line(
                gap_label(Answer::Unanswered).into(),
                question.kind.worst_case_points(),
            )],
        },
        (QuestionKind::Checklist(items), Answer::Ticked(bits)) => {
            let ticked: Vec<&Choice> = ticked_items(items, bits).collect();
            if ticked.is_empty() {
                vec![line("None of these".into(), 0)]
            } else {
                ticked
                    .into_iter()
                    .map(|c| line(c.label.into(), c.points.into()))
                    .collect()
            }
        }
        (QuestionKind::Country, Answer::Country(_)) => {
            let name = country.map(|c| c.name.as_str()).unwrap_or("?");
            let how = match country {
                Some(c) if c.override_reason.is_some() => "set by the assessor".to_owned(),
                Some(CountryContext { index: Some(i), .. }) => {
                    format!("index {i} of 100 from the indicators")
                }
                _ => "no indicators: counted as the worst case".to_owned(),
            };
            vec![line(
                format!("{name}: {} ({how})", context_level.label()).into(),
                COUNTRY_CONTEXT_POINTS[context_level.index()].into(),
            )]
        }
        _ => vec![line(
            gap_label(Answer::Unanswered).into(),
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

/// Returns the context, the level the score uses, and whether the level is a data gap.
fn country_context(assessment: &Assessment) -> (Option<CountryContext>, ContextLevel, bool) {
    let Some(code) = assessment.destination() else {
        // Unknown destination: the worst case; the question itself is listed as open.
        return (None, ContextLevel::VeryHigh, false);
    };
    let Some(country) = country_by_code(code.as_str()) else {
        return (None, ContextLevel::VeryHigh, false);
    };
    let derived_level = country.context_level();
    // An override applies only with a reason, so that readers of the report can judge it.
    let applied_override = assessment
        .country_override
        .as_ref()
        .filter(|o| !o.reason.trim().is_empty());
    let override_level = applied_override.map(|o| o.level);
    let level_used = override_level
        .or(derived_level)
        .unwrap_or(ContextLevel::VeryHigh);
    let gap = override_level.is_none() && derived_level.is_none();
    let context = CountryContext {
        code: country.alpha2.clone(),
        name: country.name.clone(),
        indicators: country.indicator_readings(),
        regime: country.regime_label(),
        index: country.context_index(),
        derived_level,
        level_used,
        override_reason: applied_override.map(|o| o.reason.clone()),
        attribution: COUNTRY_DATA_ATTRIBUTION,
    };
    (Some(context), level_used, gap)
}

/// Likelihood suggested by the answers on end use, customer and connection (0..100).
fn context_likelihood(elements: &[ElementScore]) -> u32 {
    let score = |e: Element| u32::from(elements[e as usize].score);
    (LIKELIHOOD_WEIGHT_END_USE * score(Element::EndUse)
        + LIKELIHOOD_WEIGHT_CUSTOMER * score(Element::Customer)
        + LIKELIHOOD_WEIGHT_CONNECTION * score(Element::Connection)
        + 50)
        / 100
}

fn mitigation_points(assessment: &Assessment) -> u8 {
    let Some(index) = question_index("mitigations.in_place") else {
        return 0;
    };
    match (QUESTIONS[index].kind, answer_at(assessment, index)) {
        (QuestionKind::Checklist(items), Answer::Ticked(bits)) => {
            ticked_items(items, bits).map(|c| c.points).sum()
        }
        _ => 0,
    }
}

/// Points of an in-scope impacts question, worst case when unknown, 0 when not asked.
fn impact_question_points(assessment: &Assessment, id: &'static str) -> Option<Contribution> {
    let index = question_index(id)?;
    let question = &QUESTIONS[index];
    if !question.in_scope(assessment.mode, assessment.sector) {
        return None;
    }
    let lines = contributions_of(
        question,
        answer_at(assessment, index),
        ContextLevel::Low,
        None,
    );
    let points: u16 = lines.iter().map(|l| l.points).sum();
    let answer = lines
        .iter()
        .map(|l| l.answer.as_ref())
        .collect::<Vec<_>>()
        .join("; ");
    Some(Contribution {
        source_id: id.into(),
        question: question.prompt.into(),
        answer: answer.into(),
        points,
    })
}

/// Scope 1..4 from `end_use.scale` when it is asked: a few people, one organisation, a city or
/// region, a whole country. Unknown counts as 4, the worst case.
fn deployment_scope(assessment: &Assessment) -> Option<u8> {
    let index = question_index("end_use.scale")?;
    if !QUESTIONS[index].in_scope(assessment.mode, assessment.sector) {
        return None;
    }
    match answer_at(assessment, index) {
        Answer::Choice(choice) => Some(choice.min(3) + 1),
        _ => Some(4),
    }
}

const PRESUMED_FOR_SECURITY_CUSTOMERS: PresumedImpact = PresumedImpact {
    right: Right::LifeLibertyAndSecurity,
    scale: 2,
    scope: 2,
    irremediability: 3,
    because: "security forces hold coercive powers over people",
};

/// Severity and likelihood of every right at risk; the contributions of element C.
fn rate_rights(
    assessment: &Assessment,
    context_likelihood: u32,
    mitigation_points: u8,
    open_questions: &mut Vec<OpenQuestion>,
    explain: bool,
) -> (Vec<SalientRight>, Vec<Contribution>) {
    let capabilities = match assessment.answer("end_use.capabilities") {
        Answer::Ticked(bits) => bits,
        // Unknown capabilities: presume every capability, the worst case.
        _ => u32::MAX,
    };
    let mut presumed = presumed_impacts(assessment.sector, capabilities);
    let security_customer = trigger_holds(
        &Trigger::AnswerIs {
            question: "profile.customer_type",
            choices: &["law_enforcement", "military", "intelligence"],
        },
        assessment,
        ContextLevel::Low,
    );
    if security_customer
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

    let groups = impact_question_points(assessment, "impacts.groups");
    let remedy = impact_question_points(assessment, "impacts.remedy");
    let group_bonus = groups
        .as_ref()
        .map_or(0, |g| g.points.min(GROUP_SEVERITY_CAP.into()));
    let remedy_bonus = remedy.as_ref().map_or(0, |r| r.points);

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
                    explanation.push(format!(
                        "Presumed by the method because {}; rate this right to refine it.",
                        p.because
                    ));
                }
                ([p.scale, p.scope, p.irremediability], None, true)
            }
            (RightStatus::Rated(r), _) => {
                for (dimension, value) in r.dimensions() {
                    if value.is_none() {
                        open_questions.push(OpenQuestion {
                            id: format!("rights.{}.{dimension}", right.key()),
                            prompt: format!(
                                "Rate the {dimension} of the impact on {}.",
                                right.label()
                            ),
                            decisive: false,
                        });
                    }
                }
                if explain {
                    explanation.push(
                        "Rated by the assessor (unknown ratings count as 4, the worst).".to_owned(),
                    );
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
        let severity = capped(u16::from(base) + group_bonus + remedy_bonus);
        let inherent_likelihood = match explicit_likelihood {
            Some(rating) => {
                (context_likelihood + u32::from(likelihood_from_rating(rating))).div_ceil(2)
            }
            None => context_likelihood,
        }
        .min(100);
        let reduction = u32::from(mitigation_points)
            .min(inherent_likelihood * MAX_MITIGATION_REDUCTION_PERCENT / 100);
        let residual_likelihood = (inherent_likelihood - reduction) as u8;
        if explain {
            explanation.push(format!(
                "Scale {scale}, scope {scope}, irremediability {irremediability} of 4 give a base severity of {base}{}.",
                if base_floor_applies(scale, irremediability) { " (a scale or irremediability of 4 makes it at least 75)" } else { "" }
            ));
            if group_bonus + remedy_bonus > 0 {
                explanation.push(format!(
                    "Groups at heightened risk add {group_bonus} and limits on remedy add {remedy_bonus}: severity {severity}."
                ));
            }
            explanation.push(match explicit_likelihood {
                Some(rating) => format!(
                    "Likelihood: the assessor's rating {rating} of 4 ({}) averaged with {context_likelihood} from the answers on end use, customer and connection: {inherent_likelihood}.",
                    likelihood_from_rating(rating)
                ),
                None => format!("Likelihood {context_likelihood}, from the answers on end use, customer and connection."),
            });
            if reduction > 0 {
                explanation.push(format!(
                    "Safeguards in place remove {reduction} (at most {MAX_MITIGATION_REDUCTION_PERCENT}% of it): residual likelihood {residual_likelihood}. They do not change severity."
                ));
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
        let base = u16::from(worst.severity).saturating_sub(group_bonus + remedy_bonus);
        contributions.push(Contribution {
            source_id: format!("rights.{}", worst.right.key()).into(),
            question: format!("Most severe impact: {}", worst.right.label()).into(),
            answer: if worst.presumed {
                "presumed from the product's capabilities, sector and customer".into()
            } else {
                "rated by the assessor".into()
            },
            points: base,
        });
    }
    if let Some(mut g) = groups {
        g.points = group_bonus;
        contributions.push(g);
    }
    contributions.extend(remedy);
    (rights, contributions)
}

/// Weighted mean of the three severity ratings on 0..100, with the OECD rule that one grave
/// dimension (scale or irremediability at 4) makes the impact severe on its own.
pub fn base_severity(scale: u8, scope: u8, irremediability: u8) -> u8 {
    let weighted = 4 * u32::from(scale) + 3 * u32::from(scope) + 3 * u32::from(irremediability);
    let score = (weighted.saturating_sub(10) * 100 / 30) as u8;
    if base_floor_applies(scale, irremediability) {
        score.max(75)
    } else {
        score
    }
}

fn base_floor_applies(scale: u8, irremediability: u8) -> bool {
    scale >= 4 || irremediability >= 4
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

pub(crate) fn trigger_holds(
    trigger: &Trigger,
    assessment: &Assessment,
    context: ContextLevel,
) -> bool {
    let in_scope_answer = |id: &str| {
        question_index(id).and_then(|i| {
            QUESTIONS[i]
                .in_scope(assessment.mode, assessment.sector)
                .then(|| (&QUESTIONS[i], answer_at(assessment, i)))
        })
    };
    match trigger {
        Trigger::AnswerIs { question, choices } => match in_scope_answer(question) {
            Some((q, Answer::Choice(i))) => q
                .choices()
                .get(usize::from(i))
                .is_some_and(|c| choices.contains(&c.key)),
            _ => false,
        },
        Trigger::Ticked { question, item } => match in_scope_answer(question) {
            Some((q, Answer::Ticked(bits))) => q
                .choices()
                .iter()
                .position(|c| c.key == *item)
                .is_some_and(|i| bits & (1 << i) != 0),
            _ => false,
        },
        Trigger::CountryContextAtLeast(level) => {
            assessment.destination().is_some() && context >= *level
        }
        Trigger::AllOf(all) => all.iter().all(|t| trigger_holds(t, assessment, context)),
        Trigger::AnyOf(any) => any.iter().any(|t| trigger_holds(t, assessment, context)),
    }
}

fn relevance_holds(
    relevance: &Relevance,
    assessment: &Assessment,
    evaluation: &Evaluation,
) -> bool {
    match relevance {
        Relevance::When(trigger) => trigger_holds(trigger, assessment, evaluation.context_level),
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
        Relevance::AnyRedFlag => !evaluation.red_flags.is_empty(),
        Relevance::OpenQuestions => !evaluation.open_questions.is_empty(),
        Relevance::AnyOf(any) => any
            .iter()
            .any(|r| relevance_holds(r, assessment, evaluation)),
    }
}

fn recommend_actions(assessment: &Assessment, evaluation: &Evaluation) -> Vec<RecommendedAction> {
    ACTIONS
        .iter()
        .filter(|action| relevance_holds(&action.relevance, assessment, evaluation))
        .map(|action: &ActionDefinition| RecommendedAction {
            id: action.id,
            title: action.title,
            detail: action.detail,
            source: action.source,
            status: match &action.in_place_when {
                Some(t) if trigger_holds(t, assessment, evaluation.context_level) => {
                    ActionStatus::InPlace
                }
                _ => ActionStatus::ToDo,
            },
        })
        .collect()
}

/// The largest set of changes tried together when searching for what would lower the outcome.
const MAX_CHANGES_TRIED: usize = 3;
/// How many single changes (the most effective first) the search combines.
const MAX_CANDIDATES_COMBINED: usize = 8;

/// The smallest set of safeguards or resolved unknowns that lowers the outcome by one step.
fn what_would_change(assessment: &Assessment, evaluation: &Evaluation) -> WhatWouldChange {
    let outcome = evaluation.outcome;
    if outcome == Outcome::Proceed {
        return WhatWouldChange::AlreadyLowest;
    }
    let prohibited: Vec<&str> = evaluation
        .red_flags
        .iter()
        .filter(|f| f.prohibited)
        .map(|f| f.title)
        .collect();
    if !prohibited.is_empty() {
        return WhatWouldChange::NoneCan {
            reason: format!(
                "Prohibited red flags ({}) cannot be cleared by safeguards. Only a different deal (another customer, use or product) could be assessed differently.",
                prohibited.join("; ")
            ),
        };
    }
    if outcome == Outcome::Incomplete {
        let decisive: Vec<OpenQuestion> = evaluation
            .open_questions
            .iter()
            .filter(|q| q.decisive)
            .cloned()
            .collect();
        return WhatWouldChange::AnswerOpenQuestions {
            at_least: evaluation.decisive_gaps + 1 - DECISIVE_GAPS_FOR_INCOMPLETE,
            questions: decisive,
        };
    }
    if outcome == Outcome::Escalate && !evaluation.red_flags.is_empty() {
        return WhatWouldChange::NoneCan {
            reason: "Red flags force at least escalation, and safeguards never clear a red flag. Only a senior decision after enhanced due diligence, or a different deal, can move it.".into(),
        };
    }

    let candidates = change_candidates(assessment);
    // Every candidate lowers points or likelihood, so if all of them together do not lower the
    // outcome, no subset does: skip the search.
    let mut everything = assessment.clone();
    for candidate in &candidates {
        candidate.apply(&mut everything);
    }
    let lowest_reachable = evaluate(&everything, Detail::NumbersOnly).outcome;
    if lowest_reachable >= outcome || lowest_reachable == Outcome::Incomplete {
        return none_can(evaluation);
    }
    // Rank single changes by how far they lower the residual likelihood or the outcome.
    let mut ranked: Vec<(Outcome, u32, Candidate)> = candidates
        .into_iter()
        .map(|candidate| {
            let mut changed = assessment.clone();
            candidate.apply(&mut changed);
            let e = evaluate(&changed, Detail::NumbersOnly);
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
            let mut changed = assessment.clone();
            for &i in &combination {
                pool[i].apply(&mut changed);
            }
            let new_outcome = evaluate(&changed, Detail::NumbersOnly).outcome;
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
        Some((floor, right)) if floor >= evaluation.residual_risk => format!(
            "The {} severity of the impact on {} keeps the risk at least {} however unlikely it is made: safeguards lower likelihood, never severity. Only a change to the product, use or customer can move it.",
            right.severity_band.label(),
            right.right.label().to_lowercase(),
            floor.label()
        ),
        _ => format!(
            "No combination of up to {MAX_CHANGES_TRIED} further safeguards or resolved unknowns lowers the outcome. Only a change to the product, use or customer can move it."
        ),
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
                if QUESTIONS[self.question_index].id == "mitigations.in_place" =>
            {
                Answer::Ticked(old | new)
            }
            (_, new) => new,
        };
    }
}

/// Safeguards not yet in place, and unknown answers resolved to their least risky option.
fn change_candidates(assessment: &Assessment) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for (index, question) in QUESTIONS.iter().enumerate() {
        if !question.in_scope(assessment.mode, assessment.sector) {
            continue;
        }
        let answer = answer_at(assessment, index);
        if question.id == "mitigations.in_place" {
            let ticked = match answer {
                Answer::Ticked(bits) => bits,
                _ => 0,
            };
            for (bit, item) in question.choices().iter().enumerate() {
                if ticked & (1 << bit) == 0 {
                    candidates.push(Candidate {
                        question_index: index,
                        answer: Answer::Ticked(1 << bit),
                        change: Change {
                            question_id: question.id,
                            description: format!("Put in place: {}", item.label),
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
                .map(|(i, c)| (Answer::Choice(i as u8), c.label)),
            QuestionKind::Checklist(_) => Some((Answer::Ticked(0), "none of these")),
            QuestionKind::Country => None,
        };
        if let Some((answer, label)) = resolved {
            candidates.push(Candidate {
                question_index: index,
                answer,
                change: Change {
                    question_id: question.id,
                    description: format!("Confirm, if true, \"{}\": {}", question.prompt, label),
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
