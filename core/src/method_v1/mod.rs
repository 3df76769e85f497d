//! Method 1, frozen: what method 1 concluded about an assessment.
//!
//! This module owns a trimmed copy of method 1 exactly as released at commit 1d0fde2: its
//! question table (ids, option keys, points, scopes, sector packs, decisive flags), its red flags
//! and their triggers, the impacts it presumes from capabilities, sector and customer, its
//! constants, the country context level it derived from the indicators, and the arithmetic of
//! its `evaluate` (element scores, severity and likelihood per right, risk matrix, safeguards,
//! evidence gaps, the outcome gate). It has no text at all (no prompts, help, sources, labels,
//! explanations or actions), so that carrying it does not grow the browser bundle by method 1's
//! words; the live method holds those.
//!
//! Why it exists: assessments made under method 1 (share links and JSON files of the released
//! version) must keep showing what method 1 concluded, and the golden method-1 share links in
//! tests/fixtures/links-v1.json must keep proving their original results, while the live method
//! (`crate::method`, `crate::scoring`) moves on to later versions.
//!
//! Why it is frozen: it is a record, not a method under development. Never edit it again, not
//! even to follow a change of the live method; a change of weights or rules belongs to a new
//! method version. It depends on the live crate only for stable enums (`Mode`, `Sector`,
//! `ContextLevel`, `Right`, `Element`, `Outcome`, `RiskLevel`), the assessment types and the
//! country table's indicator fields; it uses nothing from `crate::method`'s tables or
//! `crate::scoring`.
//!
//! Reading a later assessment: the live catalogue only ever appends questions and options, so
//! method 1's questions are a prefix of `Assessment::answers` and its rights a prefix of
//! `Assessment::rights`. Questions and rights appended later are ignored. An answer method 1
//! cannot read (an option or ticked item appended later, or an answer of the wrong kind) scores
//! as method 1 scored every answer that did not fit its question: like "not answered", the worst
//! case (worst-case points, every capability presumed, the widest deployment, no safeguard, no
//! red flag raised by it). As in method 1, only "not answered" and "don't know" are listed as
//! open questions.

mod tables;

use crate::assessment::{Answer, Assessment, CountryCode, RightStatus};
use crate::country::{country_by_code, Country};
use crate::method::{ContextLevel, Element, Mode, Right};
use crate::report::{Outcome, RiskLevel};
use tables::{
    Kind, Presumed, Question, RedFlag, Scope, Trigger, CAPABILITY_IMPACTS, COUNTRY_CONTEXT_POINTS,
    DECISIVE_GAPS_FOR_INCOMPLETE, GROUP_SEVERITY_CAP, LIKELIHOOD_WEIGHTS,
    MAX_MITIGATION_REDUCTION_PERCENT, PRESUMED_FOR_SECURITY_CUSTOMERS, QUESTIONS, RED_FLAGS,
    RIGHTS, SECTOR_BASELINE_POINTS, SECTOR_IMPACTS, SECURITY_CUSTOMER,
};

/// What method 1 concluded: the numbers of its report, without any text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method1Result {
    pub outcome: Outcome,
    /// The highest residual risk of any right at risk (low when none is).
    pub residual_risk: RiskLevel,
    /// Scores of elements A (end use), B (customer and geography), C (impacts on people) and
    /// D (connection and leverage), 0..100.
    pub element_scores: [u8; 4],
    /// Ids of the raised red flags, in method 1's order.
    pub red_flags: Vec<&'static str>,
    /// Unknown in-scope answers, the country context gap and unknown right ratings.
    pub open_questions: usize,
    /// Open questions that method 1 marked decisive.
    pub decisive_gaps: usize,
}

/// Score an assessment as method 1 did. Pure and deterministic.
pub fn evaluate(assessment: &Assessment) -> Method1Result {
    let (context, country_gap) = country_context(assessment);
    // Points of elements A, B and D before capping; C comes from the rights.
    let mut points = [0u16; 4];
    points[0] = SECTOR_BASELINE_POINTS
        .iter()
        .find(|(sector, _)| *sector == assessment.sector)
        .map_or(0, |(_, baseline)| u16::from(*baseline));
    let mut open_questions = usize::from(country_gap);
    let mut decisive_gaps = 0;
    for (index, question) in QUESTIONS.iter().enumerate() {
        if !in_scope(question, assessment) {
            continue;
        }
        let answer = answer_at(assessment, index);
        if matches!(answer, Answer::Unanswered | Answer::DontKnow) {
            open_questions += 1;
            decisive_gaps += usize::from(question.decisive);
        }
        let slot = match question.scored {
            Some(Element::EndUse) => 0,
            Some(Element::Customer) => 1,
            Some(Element::Connection) => 3,
            // Impacts questions raise severity (see `rate_rights`); safeguards lower likelihood.
            _ => continue,
        };
        points[slot] += answer_points(question, read(question, answer), context);
    }
    let [a, b, _, d] = points.map(capped);
    let context_likelihood = (LIKELIHOOD_WEIGHTS[0] * u32::from(a)
        + LIKELIHOOD_WEIGHTS[1] * u32::from(b)
        + LIKELIHOOD_WEIGHTS[2] * u32::from(d)
        + 50)
        / 100;
    let (c, risk) = rate_rights(assessment, context_likelihood, &mut open_questions);

    let raised: Vec<&RedFlag> = RED_FLAGS
        .iter()
        .filter(|flag| holds(&flag.trigger, assessment, context))
        .collect();
    let residual_risk = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Critical,
    ][usize::from(risk)];
    Method1Result {
        outcome: decide_outcome(risk, &raised, decisive_gaps),
        residual_risk,
        element_scores: [a, b, c, d],
        red_flags: raised.iter().map(|flag| flag.id).collect(),
        open_questions,
        decisive_gaps,
    }
}

/// Method 1's country context level from the indicators: the mean of their risks on 0..100
/// (100 minus a WGI percentile rank, 100 times 1 minus a V-Dem index) over rule of law, voice
/// and accountability, political stability, civil society and judicial constraints gives an
/// index, banded 0-29 low, 30-54 moderate, 55-74 high, 75 and above very high. None when the
/// country has none of them. The values are the live country table's: the formula is method
/// 1's, the data are whatever the table holds now.
pub fn country_context_level(country: &Country) -> Option<ContextLevel> {
    // Each indicator in tenths of a percentile or thousandths of an index: both 0..1000.
    let risks: Vec<u32> = [
        country.rule_of_law_percentile,
        country.voice_and_accountability_percentile,
        country.political_stability_percentile,
        country.civil_society,
        country.judicial_constraints,
    ]
    .into_iter()
    .flatten()
    .map(|value| 1000 - u32::from(value.min(1000)))
    .collect();
    if risks.is_empty() {
        return None;
    }
    let index = ((risks.iter().sum::<u32>() * 10 / risks.len() as u32 + 50) / 100).min(100);
    Some(match index {
        0..=29 => ContextLevel::Low,
        30..=54 => ContextLevel::Moderate,
        55..=74 => ContextLevel::High,
        _ => ContextLevel::VeryHigh,
    })
}

/// The level the score uses, and whether it is a data gap (an open question).
fn country_context(assessment: &Assessment) -> (ContextLevel, bool) {
    let Some(country) = destination(assessment).and_then(|code| country_by_code(code.as_str()))
    else {
        // Unknown destination: the worst case; the question itself is open.
        return (ContextLevel::VeryHigh, false);
    };
    let derived = country_context_level(country);
    // An override applies only with a reason.
    let overridden = assessment
        .country_override
        .as_ref()
        .filter(|o| !o.reason.trim().is_empty())
        .map(|o| o.level);
    let level = overridden.or(derived).unwrap_or(ContextLevel::VeryHigh);
    (level, overridden.is_none() && derived.is_none())
}

fn rank(level: ContextLevel) -> usize {
    match level {
        ContextLevel::Low => 0,
        ContextLevel::Moderate => 1,
        ContextLevel::High => 2,
        ContextLevel::VeryHigh => 3,
    }
}

/// The outcome gate: prohibited flags, then decisive gaps, then the risk, then other flags.
fn decide_outcome(risk: u8, raised: &[&RedFlag], decisive_gaps: usize) -> Outcome {
    if raised.iter().any(|flag| flag.prohibited) {
        return Outcome::DoNotProceed;
    }
    if decisive_gaps >= DECISIVE_GAPS_FOR_INCOMPLETE {
        return if raised.is_empty() {
            Outcome::Incomplete
        } else {
            Outcome::Escalate
        };
    }
    let outcome = match risk {
        0 => Outcome::Proceed,
        1 => Outcome::ProceedWithConditions,
        2 => Outcome::Escalate,
        // A critical risk resting partly on unknowns escalates rather than refuses.
        _ if decisive_gaps > 0 => Outcome::Escalate,
        _ => Outcome::DoNotProceed,
    };
    match outcome {
        Outcome::Proceed | Outcome::ProceedWithConditions if !raised.is_empty() => {
            Outcome::Escalate
        }
        _ => outcome,
    }
}

fn capped(points: u16) -> u8 {
    points.min(100) as u8
}

fn in_scope(question: &Question, assessment: &Assessment) -> bool {
    (assessment.mode == Mode::FullAssessment || question.scope == Scope::Quick)
        && question.sector.is_none_or(|s| s == assessment.sector)
}

fn index_of(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

fn answer_at(assessment: &Assessment, index: usize) -> Answer {
    assessment
        .answers
        .get(index)
        .copied()
        .unwrap_or(Answer::Unanswered)
}

fn destination(assessment: &Assessment) -> Option<CountryCode> {
    match index_of("profile.destination").map(|i| answer_at(assessment, i)) {
        Some(Answer::Country(code)) => Some(code),
        _ => None,
    }
}

/// An answer as method 1 reads it.
#[derive(Clone, Copy)]
enum Read {
    /// Not answered or don't know.
    Gap,
    Choice(usize),
    Ticked(u32),
    Country,
    /// An answer method 1 cannot read: scored as the worst case, like a gap.
    Unreadable,
}

fn read(question: &Question, answer: Answer) -> Read {
    match (question.kind, answer) {
        (_, Answer::Unanswered | Answer::DontKnow) => Read::Gap,
        (Kind::Single(options), Answer::Choice(i)) if usize::from(i) < options.len() => {
            Read::Choice(usize::from(i))
        }
        (Kind::Checklist(items), Answer::Ticked(bits))
            if bits.checked_shr(items.len() as u32).unwrap_or(0) == 0 =>
        {
            Read::Ticked(bits)
        }
        (Kind::Country, Answer::Country(_)) => Read::Country,
        _ => Read::Unreadable,
    }
}

fn read_at(assessment: &Assessment, id: &str) -> Option<(&'static Question, Read)> {
    let index = index_of(id)?;
    let question = &QUESTIONS[index];
    Some((question, read(question, answer_at(assessment, index))))
}

fn ticked_points(items: tables::Options, bits: u32) -> u16 {
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, (_, points))| u16::from(*points))
        .sum()
}

/// Points of an answer; unknown or unreadable answers count as the worst case.
fn answer_points(question: &Question, read: Read, context: ContextLevel) -> u16 {
    match (question.kind, read) {
        (Kind::Single(options), Read::Choice(i)) => u16::from(options[i].1),
        (Kind::Checklist(items), Read::Ticked(bits)) => ticked_points(items, bits),
        (Kind::Country, Read::Country) => u16::from(COUNTRY_CONTEXT_POINTS[rank(context)]),
        (Kind::Single(options), _) => options.iter().map(|o| u16::from(o.1)).max().unwrap_or(0),
        (Kind::Checklist(items), _) => ticked_points(items, u32::MAX),
        (Kind::Country, _) => u16::from(COUNTRY_CONTEXT_POINTS[3]),
    }
}

/// Points of an impacts question when it is asked.
fn impact_points(assessment: &Assessment, id: &str) -> Option<u16> {
    let (question, read) = read_at(assessment, id)?;
    in_scope(question, assessment).then(|| answer_points(question, read, ContextLevel::Low))
}

/// Severity and likelihood of every right at risk. Returns the score of element C and the
/// highest residual risk (0 low .. 3 critical); counts unknown ratings as open questions.
fn rate_rights(
    assessment: &Assessment,
    context_likelihood: u32,
    open_questions: &mut usize,
) -> (u8, u8) {
    let capabilities = match read_at(assessment, "end_use.capabilities") {
        Some((_, Read::Ticked(bits))) => bits,
        // Unknown capabilities: every capability, the worst case.
        _ => u32::MAX,
    };
    let sector_impacts = SECTOR_IMPACTS
        .iter()
        .filter(|(sector, _)| *sector == assessment.sector)
        .flat_map(|(_, impacts)| impacts.iter());
    let capability_impacts = CAPABILITY_IMPACTS
        .iter()
        .enumerate()
        .filter(|(bit, _)| capabilities & (1 << bit) != 0)
        .flat_map(|(_, impacts)| impacts.iter());
    // For each right, the highest rating of every dimension.
    let mut presumed: Vec<Presumed> = Vec::new();
    for &(right, scale, scope, irremediability) in sector_impacts.chain(capability_impacts) {
        match presumed.iter_mut().find(|p| p.0 == right) {
            Some(p) => {
                p.1 = p.1.max(scale);
                p.2 = p.2.max(scope);
                p.3 = p.3.max(irremediability);
            }
            None => presumed.push((right, scale, scope, irremediability)),
        }
    }
    if holds(&SECURITY_CUSTOMER, assessment, ContextLevel::Low)
        && !presumed
            .iter()
            .any(|p| p.0 == Right::LifeLibertyAndSecurity)
    {
        presumed.push(PRESUMED_FOR_SECURITY_CUSTOMERS);
    }
    // The deployment's reach is the scope of a presumed impact: 1..4, unknown 4.
    if let Some((question, read)) = read_at(assessment, "end_use.scale") {
        if in_scope(question, assessment) {
            let scope = match read {
                Read::Choice(i) => i.min(3) as u8 + 1,
                _ => 4,
            };
            for p in &mut presumed {
                p.2 = p.2.max(scope);
            }
        }
    }

    let group_bonus = impact_points(assessment, "impacts.groups")
        .map_or(0, |points| points.min(GROUP_SEVERITY_CAP));
    let remedy_bonus = impact_points(assessment, "impacts.remedy").unwrap_or(0);
    let mitigation = match read_at(assessment, "mitigations.in_place") {
        Some((question, Read::Ticked(bits))) => u32::from(ticked_points(question.options(), bits)),
        _ => 0,
    };

    let mut worst_severity: Option<u8> = None;
    let mut risk = 0;
    for (position, right) in RIGHTS.iter().enumerate() {
        let status = if assessment.mode == Mode::FullAssessment {
            assessment
                .rights
                .get(position)
                .copied()
                .unwrap_or(RightStatus::Unrated)
        } else {
            RightStatus::Unrated
        };
        let presumption = presumed.iter().find(|p| p.0 == *right);
        let ([scale, scope, irremediability], rated_likelihood) = match (status, presumption) {
            (RightStatus::Rated(r), _) => {
                let ratings = [r.scale, r.scope, r.irremediability, r.likelihood];
                *open_questions += ratings.iter().filter(|v| v.is_none()).count();
                let [scale, scope, irremediability, likelihood] = ratings.map(|v| v.unwrap_or(4));
                ([scale, scope, irremediability], Some(likelihood))
            }
            (RightStatus::Unrated, Some(&(_, scale, scope, irremediability))) => {
                ([scale, scope, irremediability], None)
            }
            _ => continue,
        };
        let severity = capped(
            u16::from(base_severity(scale, scope, irremediability)) + group_bonus + remedy_bonus,
        );
        let inherent = match rated_likelihood {
            Some(rating) => (context_likelihood + likelihood_from_rating(rating)).div_ceil(2),
            None => context_likelihood,
        }
        .min(100);
        let residual = inherent - mitigation.min(inherent * MAX_MITIGATION_REDUCTION_PERCENT / 100);
        risk = risk.max(risk_level(severity, residual as u8));
        worst_severity = worst_severity.max(Some(severity));
    }
    // Element C: the most severe impact's base severity, plus the group and remedy bonuses.
    let base = worst_severity.map_or(0, |s| {
        u16::from(s).saturating_sub(group_bonus + remedy_bonus)
    });
    (capped(base + group_bonus + remedy_bonus), risk)
}

/// Weighted mean of the ratings on 0..100; a scale or irremediability of 4 makes it at least 75.
fn base_severity(scale: u8, scope: u8, irremediability: u8) -> u8 {
    let weighted = 4 * u32::from(scale) + 3 * u32::from(scope) + 3 * u32::from(irremediability);
    let score = (weighted.saturating_sub(10) * 100 / 30) as u8;
    if scale >= 4 || irremediability >= 4 {
        score.max(75)
    } else {
        score
    }
}

fn likelihood_from_rating(rating: u8) -> u32 {
    match rating {
        1 => 12,
        2 => 37,
        3 => 62,
        _ => 90,
    }
}

/// Severity band x likelihood band (each 0..24, 25..49, 50..74, 75..100) to a risk level, 0 low
/// .. 3 critical. Severity dominates: a grave impact is at least high risk however unlikely.
fn risk_level(severity: u8, likelihood: u8) -> u8 {
    const MATRIX: [[u8; 4]; 4] = [
        [0, 0, 0, 1], // minor
        [0, 0, 1, 2], // moderate
        [1, 1, 2, 2], // serious
        [2, 2, 3, 3], // grave
    ];
    let band = |score: u8| usize::from(score.min(75) / 25);
    MATRIX[band(severity)][band(likelihood)]
}

fn holds(trigger: &Trigger, assessment: &Assessment, context: ContextLevel) -> bool {
    let in_scope_read =
        |id: &str| read_at(assessment, id).filter(|(question, _)| in_scope(question, assessment));
    match trigger {
        Trigger::AnswerIs(id, keys) => match in_scope_read(id) {
            Some((question, Read::Choice(i))) => keys.contains(&question.options()[i].0),
            _ => false,
        },
        Trigger::Ticked(id, key) => match in_scope_read(id) {
            Some((question, Read::Ticked(bits))) => question
                .options()
                .iter()
                .position(|(k, _)| k == key)
                .is_some_and(|i| bits & (1 << i) != 0),
            _ => false,
        },
        Trigger::ContextAtLeast(level) => {
            destination(assessment).is_some() && rank(context) >= rank(*level)
        }
        Trigger::AllOf(all) => all.iter().all(|t| holds(t, assessment, context)),
        Trigger::AnyOf(any) => any.iter().any(|t| holds(t, assessment, context)),
    }
}
