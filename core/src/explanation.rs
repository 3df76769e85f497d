//! The explanation of a report as data: how each right's severity and likelihood were reached
//! ([`RightExplanation`]), what each answer added to its element ([`ContributionAnswer`]) and why
//! nothing within the deal lowers the outcome ([`NoneCanReason`]); and the English template of
//! each, by catalogue key. `i18n::Texts` puts them into words in any language; the report holds
//! no sentence.

use crate::country::country_by_code;
use crate::en;
use crate::i18n::{fill, JoinedIn, Texts};
use crate::method::{
    all_presumptions, question_index, ContextLevel, Perspective, Right, Sector, LIKELIHOOD_SIGNALS,
    OUTCOME_FLOORS, PRODUCT_FAMILY, QUESTIONS, RED_FLAGS,
};
use crate::report::{Change, ChangeKind, Report, RiskLevel, SeverityBand, WhatWouldChange};

/// One step of how a right's severity and likelihood were reached, in the order the method
/// takes them (METHODOLOGY.md, "Severity" and "Likelihood").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RightExplanation {
    /// The method presumes the impact (`PresumedImpact::id`) until the assessor rates the right.
    Presumed {
        presumption: &'static str,
    },
    /// The assessor rated the right; an unknown rating counts as 4, the worst.
    RatedByAssessor,
    BaseSeverity {
        scale: u8,
        scope: u8,
        irremediability: u8,
        base: u8,
        /// A dimension rated grave lifts the base to at least 75.
        grave_dimension_floor: bool,
    },
    /// Groups at heightened risk whom this right concerns.
    GroupsAdd {
        points: u16,
        severity: u8,
    },
    /// Likelihood signals that hold for this right (`LikelihoodSignal::id`).
    Signals {
        likelihood: u32,
        from_answers: u32,
        points: u32,
        signals: Vec<&'static str>,
    },
    /// The assessor's likelihood rating, weighed against the answers.
    AssessorLikelihood {
        rating: u8,
        as_score: u8,
        weight: u32,
        from_answers: u32,
        likelihood: u32,
    },
    FromAnswers {
        likelihood: u32,
    },
    SafeguardsRemove {
        reduction: u32,
        cap_percent: u32,
        residual: u8,
    },
}

impl RightExplanation {
    pub fn key(&self) -> &'static str {
        match self {
            RightExplanation::Presumed { .. } => "explain-presumed",
            RightExplanation::RatedByAssessor => "explain-rated",
            RightExplanation::BaseSeverity {
                grave_dimension_floor: false,
                ..
            } => "explain-base-severity",
            RightExplanation::BaseSeverity {
                grave_dimension_floor: true,
                ..
            } => "explain-base-severity-grave",
            RightExplanation::GroupsAdd { .. } => "explain-groups",
            RightExplanation::Signals { .. } => "explain-signals",
            RightExplanation::AssessorLikelihood { .. } => "explain-assessor-likelihood",
            RightExplanation::FromAnswers { .. } => "explain-from-answers",
            RightExplanation::SafeguardsRemove { .. } => "explain-safeguards",
        }
    }

    /// The numbers of its template's placeholders (the words, presumptions and signals, are
    /// filled in by the renderer).
    pub fn numbers(&self) -> Vec<(&'static str, String)> {
        match self {
            RightExplanation::Presumed { .. } | RightExplanation::RatedByAssessor => Vec::new(),
            RightExplanation::BaseSeverity {
                scale,
                scope,
                irremediability,
                base,
                ..
            } => vec![
                ("scale", scale.to_string()),
                ("scope", scope.to_string()),
                ("irremediability", irremediability.to_string()),
                ("base", base.to_string()),
            ],
            RightExplanation::GroupsAdd { points, severity } => vec![
                ("points", points.to_string()),
                ("severity", severity.to_string()),
            ],
            RightExplanation::Signals {
                likelihood,
                from_answers,
                points,
                ..
            } => vec![
                ("likelihood", likelihood.to_string()),
                ("answers", from_answers.to_string()),
                ("points", points.to_string()),
            ],
            RightExplanation::AssessorLikelihood {
                rating,
                as_score,
                weight,
                from_answers,
                likelihood,
            } => vec![
                ("rating", rating.to_string()),
                ("score", as_score.to_string()),
                ("weight", weight.to_string()),
                ("answers", from_answers.to_string()),
                ("likelihood", likelihood.to_string()),
            ],
            RightExplanation::FromAnswers { likelihood } => {
                vec![("likelihood", likelihood.to_string())]
            }
            RightExplanation::SafeguardsRemove {
                reduction,
                cap_percent,
                residual,
            } => vec![
                ("reduction", reduction.to_string()),
                ("cap", cap_percent.to_string()),
                ("residual", residual.to_string()),
            ],
        }
    }
}

/// How the destination's context was read, for its line in element B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryReading {
    SetByAssessor(ContextLevel),
    Index { index: u8, margin: u8 },
    NoIndicators,
}

/// What an answer (or a derived input) added to an element, as data. The question it answers is
/// the contribution's `source_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContributionAnswer {
    /// An option of the question (a single choice, or one ticked item): its key.
    Option(&'static str),
    NoneOfThese,
    /// Unknown ("don't know") or not answered yet: counted as the worst case.
    Unknown {
        dont_know: bool,
    },
    NotAsked,
    /// An answer the question cannot hold (a damaged file); it adds nothing.
    Unreadable,
    /// The destination (its ISO code, when known) and how its context was read.
    Country {
        code: Option<String>,
        reading: CountryReading,
    },
    /// The larger of the sector pack's baseline and the product family's points.
    ProductBaseline {
        sector: Sector,
        pack_points: u16,
        family: Box<ContributionAnswer>,
        family_points: u16,
    },
    /// The severity of the most severe right, presumed or rated.
    MostSevereRight {
        presumed: bool,
    },
    /// Several items of one checklist.
    Several(Vec<ContributionAnswer>),
}

/// Why nothing within the deal as proposed lowers the outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoneCanReason {
    /// Prohibited red flags (ids): no safeguard clears them.
    ProhibitedFlags(Vec<&'static str>),
    /// A quick screen cannot clear the deal, for these reasons (`FullAssessmentReason` ids).
    QuickScreen(Vec<&'static str>),
    /// Red flags force at least escalation.
    EscalationFlags,
    /// A floor set by the customer or the destination (its id).
    Floor(&'static str),
    /// The severity of one right keeps the risk where it is, however unlikely it is made.
    Severity {
        right: Right,
        band: SeverityBand,
        floor: RiskLevel,
    },
    /// No combination of up to `tried` further changes lowers the outcome.
    NoCombination { tried: usize },
}

impl NoneCanReason {
    pub fn key(&self) -> &'static str {
        match self {
            NoneCanReason::ProhibitedFlags(_) => "none-can-prohibited",
            NoneCanReason::QuickScreen(_) => "none-can-quick-screen",
            NoneCanReason::EscalationFlags => "none-can-escalation-flags",
            NoneCanReason::Floor(_) => "none-can-floor",
            NoneCanReason::Severity { .. } => "none-can-severity",
            NoneCanReason::NoCombination { .. } => "none-can-no-combination",
        }
    }
}

/// The English template of each explanation line, contribution and reason, by catalogue key;
/// `{ $name }` marks what is filled in.
pub const EXPLANATION_TEXTS: &[(&str, &str)] = &[
    ("explain-presumed", en("Presumed by the method because { $because }; rate this right to refine it.")),
    ("explain-rated", en("Rated by the assessor (unknown ratings count as 4, the worst).")),
    ("explain-base-severity", en("Scale { $scale }, scope { $scope }, irremediability { $irremediability } of 4 give a base severity of { $base }.")),
    ("explain-base-severity-grave", en("Scale { $scale }, scope { $scope }, irremediability { $irremediability } of 4 give a base severity of { $base } (a grave dimension makes it at least 75).")),
    ("explain-groups", en("Groups at heightened risk whom this right concerns add { $points }: severity { $severity }.")),
    ("explain-signals", en("Likelihood { $likelihood }: { $answers } from the answers on end use, customer and connection, plus { $points } because { $signals }.")),
    ("explain-assessor-likelihood", en("Likelihood: the assessor's rating { $rating } of 4 ({ $score }), weighed { $weight } to 1 with { $answers } from the answers: { $likelihood }.")),
    ("explain-from-answers", en("Likelihood { $likelihood }, from the answers.")),
    ("explain-safeguards", en("Safeguards in place remove { $reduction } (at most { $cap }% of it): residual likelihood { $residual }. They do not change severity.")),
    ("contribution-product-baseline", en("Product category: the larger of the sector pack's baseline and the product family's points")),
    ("contribution-product-baseline-answer", en("{ $sector } ({ $pack }); { $family } ({ $points })")),
    ("contribution-most-severe", en("Most severe impact: { $right }")),
    ("contribution-presumed", en("presumed from the product's capabilities, sector and customer")),
    ("contribution-rated", en("rated by the assessor")),
    ("contribution-dont-know", en("Don't know (counted as the worst case)")),
    ("contribution-not-answered", en("Not answered yet (counted as the worst case)")),
    ("contribution-not-asked", en("not asked")),
    ("contribution-none-of-these", en("None of these")),
    ("contribution-country", en("{ $country }: { $how }")),
    ("contribution-country-set", en("{ $level } set by the assessor")),
    ("contribution-country-index", en("context index { $index } of 100 (±{ $margin }) from the indicators")),
    ("contribution-country-no-indicators", en("no indicators: counted as the worst case")),
    ("change-already-lowest", en("This is already the lowest step.")),
    ("change-lower-to", en("These would lower the outcome to \"{ $outcome }\": { $changes }.")),
    ("change-establish-one", en("Establish this fact with evidence before deciding: { $facts }.")),
    ("change-establish-many", en("Establish these { $count } facts with evidence before deciding: { $facts }.")),
    ("none-can-prohibited", en("Prohibited red flags ({ $flags }) cannot be cleared by safeguards. Only a different deal (another customer, use or product) could be assessed differently.")),
    ("none-can-quick-screen", en("A quick screen cannot clear this deal ({ $reasons }). Complete a full assessment.")),
    ("none-can-escalation-flags", en("Red flags force at least escalation, and safeguards never clear a red flag. Only a senior decision after enhanced due diligence, or a different deal, can move it.")),
    ("none-can-floor", en("{ $why } No safeguard lowers this floor; only a different customer or destination would.")),
    ("none-can-severity", en("The { $severity } severity of the impact on { $right } keeps the risk at least { $risk } however unlikely it is made: safeguards lower likelihood, never severity. Only a change to the product, use or customer can move it.")),
    ("none-can-no-combination", en("No combination of up to { $tried } further safeguards or verified facts lowers the outcome. Only a change to the product, use or customer can move it.")),
];

/// The English template of a key of [`EXPLANATION_TEXTS`].
pub fn english_template(key: &str) -> &'static str {
    EXPLANATION_TEXTS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, text)| text)
}

/// The English words of a presumption or a likelihood signal, by id.
fn presumption_english(id: &str) -> &'static str {
    all_presumptions()
        .find(|p| p.id == id)
        .map_or("", |p| p.because)
}

fn signal_english(id: &str) -> &'static str {
    LIKELIHOOD_SIGNALS
        .iter()
        .find(|s| s.id == id)
        .map_or("", |s| s.because)
}

impl Texts {
    /// A template of [`EXPLANATION_TEXTS`] in this language.
    fn explanation_template(&self, key: &'static str) -> &str {
        self.or(|| key.to_owned(), english_template(key))
    }

    /// Why the method presumes an impact (`PresumedImpact::id`).
    pub fn presumption(&self, id: &str) -> &str {
        self.or(|| format!("presumption-{id}"), presumption_english(id))
    }

    /// Why a right's likelihood is raised (`LikelihoodSignal::id`).
    pub fn signal(&self, id: &str) -> &str {
        self.or(|| format!("signal-{id}"), signal_english(id))
    }

    /// One step of how a right's severity and likelihood were reached.
    pub fn right_explanation(&self, line: &RightExplanation) -> String {
        let numbers = line.numbers();
        let mut arguments: Vec<(&str, &str)> =
            numbers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let words;
        match line {
            RightExplanation::Presumed { presumption } => {
                arguments.push(("because", self.presumption(presumption)));
            }
            RightExplanation::Signals { signals, .. } => {
                words = signals
                    .iter()
                    .map(|id| self.signal(id))
                    .collect::<Vec<_>>()
                    .joined_in(self);
                arguments.push(("signals", &words));
            }
            _ => {}
        }
        fill(self.explanation_template(line.key()), &arguments)
    }

    /// What a line of an element's table is about: a question of the method (in the words of
    /// the perspective), the product category or the most severe right.
    pub fn contribution_question(&self, source_id: &str, perspective: Perspective) -> String {
        if let Some(index) = question_index(source_id) {
            return self.question(&QUESTIONS[index], perspective).to_owned();
        }
        if source_id == "profile.sector" {
            return self
                .explanation_template("contribution-product-baseline")
                .to_owned();
        }
        match source_id.strip_prefix("rights.").and_then(Right::from_key) {
            Some(right) => fill(
                self.explanation_template("contribution-most-severe"),
                &[("right", self.right(right))],
            ),
            None => source_id.to_owned(),
        }
    }

    /// What an answer added, in words: an option in the words of the perspective, an unknown,
    /// the destination's context, the product category or the most severe right.
    pub fn contribution_answer(
        &self,
        source_id: &str,
        answer: &ContributionAnswer,
        perspective: Perspective,
    ) -> String {
        let question = question_index(source_id).map(|i| &QUESTIONS[i]);
        match answer {
            ContributionAnswer::Option(key) => question
                .map_or(*key, |q| self.option(q, key, perspective))
                .to_owned(),
            ContributionAnswer::NoneOfThese => self
                .explanation_template("contribution-none-of-these")
                .to_owned(),
            ContributionAnswer::Unknown { dont_know: true } => self
                .explanation_template("contribution-dont-know")
                .to_owned(),
            ContributionAnswer::Unknown { dont_know: false } => self
                .explanation_template("contribution-not-answered")
                .to_owned(),
            ContributionAnswer::NotAsked => self
                .explanation_template("contribution-not-asked")
                .to_owned(),
            ContributionAnswer::Unreadable => "?".to_owned(),
            ContributionAnswer::Country { code, reading } => {
                let name = code
                    .as_deref()
                    .and_then(country_by_code)
                    .map_or("?", |c| self.country_name(c));
                let how = match reading {
                    CountryReading::SetByAssessor(level) => fill(
                        self.explanation_template("contribution-country-set"),
                        &[("level", self.context_level(*level))],
                    ),
                    CountryReading::Index { index, margin } => fill(
                        self.explanation_template("contribution-country-index"),
                        &[
                            ("index", &index.to_string()),
                            ("margin", &margin.to_string()),
                        ],
                    ),
                    CountryReading::NoIndicators => self
                        .explanation_template("contribution-country-no-indicators")
                        .to_owned(),
                };
                fill(
                    self.explanation_template("contribution-country"),
                    &[("country", name), ("how", &how)],
                )
            }
            ContributionAnswer::ProductBaseline {
                sector,
                pack_points,
                family,
                family_points,
            } => fill(
                self.explanation_template("contribution-product-baseline-answer"),
                &[
                    ("sector", self.sector(*sector)),
                    ("pack", &pack_points.to_string()),
                    (
                        "family",
                        &self.contribution_answer(PRODUCT_FAMILY, family, perspective),
                    ),
                    ("points", &family_points.to_string()),
                ],
            ),
            ContributionAnswer::MostSevereRight { presumed: true } => self
                .explanation_template("contribution-presumed")
                .to_owned(),
            ContributionAnswer::MostSevereRight { presumed: false } => {
                self.explanation_template("contribution-rated").to_owned()
            }
            ContributionAnswer::Several(answers) => answers
                .iter()
                .map(|a| self.contribution_answer(source_id, a, perspective))
                .collect::<Vec<_>>()
                .joined_in(self),
        }
    }

    /// What every answer added, one line per contribution ("+10 question — answer"), by
    /// element id: the explanation as the command line's JSON gives it.
    pub fn explanation_by_element(
        &self,
        report: &Report,
    ) -> std::collections::BTreeMap<&'static str, Vec<String>> {
        let perspective = report.perspective;
        report
            .elements
            .iter()
            .map(|element| {
                let lines = element
                    .contributions
                    .iter()
                    .map(|c| {
                        format!(
                            "+{} {} — {}",
                            c.points,
                            self.contribution_question(&c.source_id, perspective),
                            self.contribution_answer(&c.source_id, &c.answer, perspective)
                        )
                    })
                    .collect();
                (element.element.key(), lines)
            })
            .collect()
    }

    /// Why nothing within the deal as proposed lowers the outcome.
    pub fn none_can(&self, reason: &NoneCanReason) -> String {
        let template = self.explanation_template(reason.key());
        match reason {
            NoneCanReason::ProhibitedFlags(ids) => {
                let flags = ids
                    .iter()
                    .map(|id| {
                        RED_FLAGS
                            .iter()
                            .find(|f| f.id == *id)
                            .map_or(*id, |f| self.flag_title(f))
                    })
                    .collect::<Vec<_>>()
                    .joined_in(self);
                fill(template, &[("flags", &flags)])
            }
            NoneCanReason::QuickScreen(ids) => {
                let reasons = ids
                    .iter()
                    .map(|id| self.full_assessment_reason(id))
                    .collect::<Vec<_>>()
                    .joined_in(self);
                fill(template, &[("reasons", &reasons)])
            }
            NoneCanReason::EscalationFlags => template.to_owned(),
            NoneCanReason::Floor(id) => {
                let why = OUTCOME_FLOORS
                    .iter()
                    .find(|f| f.id == *id)
                    .map_or("", |f| self.floor_why(f.id));
                fill(template, &[("why", why)])
            }
            NoneCanReason::Severity { right, band, floor } => fill(
                template,
                &[
                    ("severity", self.severity(*band)),
                    ("right", &self.right(*right).to_lowercase()),
                    ("risk", self.risk(*floor)),
                ],
            ),
            NoneCanReason::NoCombination { tried } => {
                fill(template, &[("tried", &tried.to_string())])
            }
        }
    }
}

impl Texts {
    /// The words of an open question or a fact to establish, by its id: a question of the method
    /// in the words of the perspective, or one of the report's own (the country context, a
    /// rating, the unknowns behind a critical risk).
    pub fn open_question(&self, id: &str, perspective: Perspective) -> String {
        if let Some(index) = question_index(id) {
            return self.question(&QUESTIONS[index], perspective).to_owned();
        }
        if id == "profile.destination.context" {
            return self.ui("ui-results-open-country-context").to_owned();
        }
        if id == "residual_risk" {
            return self.ui("ui-results-open-unknowns-drive").to_owned();
        }
        let rating = id
            .strip_prefix("rights.")
            .and_then(|rest| rest.split_once('.'));
        if let Some((right, dimension)) = rating {
            let right = Right::from_key(right);
            let dimension = match dimension {
                "scale" => Some(self.ui("ui-rights-scale")),
                "scope" => Some(self.ui("ui-rights-scope")),
                "irremediability" => Some(self.ui("ui-rights-irremediability")),
                "likelihood" => Some(self.ui("ui-rights-likelihood")),
                _ => None,
            };
            if let (Some(right), Some(dimension)) = (right, dimension) {
                return self.ui_with(
                    "ui-results-open-rate",
                    &[
                        ("dimension", &dimension.to_lowercase()),
                        ("right", self.right(right)),
                    ],
                );
            }
        }
        id.to_owned()
    }

    /// A change that would lower the outcome, in words: the safeguard to put in place, or the
    /// answer to establish with evidence.
    pub fn change(&self, change: &Change, perspective: Perspective) -> String {
        let Some(question) = question_index(change.question_id).map(|i| &QUESTIONS[i]) else {
            return change.question_id.to_owned();
        };
        let option = change
            .option
            .map(|key| self.option(question, key, perspective));
        match (change.kind, option) {
            (ChangeKind::PutInPlace, safeguard) => self.ui_with(
                "ui-results-change-put-in-place-item",
                &[("safeguard", safeguard.unwrap_or_default())],
            ),
            (ChangeKind::VerifyIfTrue, answer) => self.ui_with(
                "ui-results-change-establish",
                &[
                    ("question", self.question(question, perspective)),
                    (
                        "answer",
                        &answer
                            .unwrap_or_else(|| self.ui("ui-results-none-of-these"))
                            .to_lowercase(),
                    ),
                ],
            ),
        }
    }

    /// "What would change the outcome" in one plain paragraph (the command line and the
    /// snapshots; the page lays the same data out as lists).
    pub fn what_would_change(&self, change: &WhatWouldChange, perspective: Perspective) -> String {
        match change {
            WhatWouldChange::AlreadyLowest => self
                .explanation_template("change-already-lowest")
                .to_owned(),
            WhatWouldChange::Changes { to, changes } => fill(
                self.explanation_template("change-lower-to"),
                &[
                    ("outcome", self.outcome(*to)),
                    (
                        "changes",
                        &changes
                            .iter()
                            .map(|c| self.change(c, perspective))
                            .collect::<Vec<_>>()
                            .joined_in(self),
                    ),
                ],
            ),
            WhatWouldChange::AnswerOpenQuestions {
                at_least,
                questions,
            } => {
                let facts = questions
                    .iter()
                    .map(|q| self.open_question(&q.id, perspective))
                    .collect::<Vec<_>>()
                    .join(" / ");
                let key = if *at_least == 1 {
                    "change-establish-one"
                } else {
                    "change-establish-many"
                };
                fill(
                    self.explanation_template(key),
                    &[("count", &at_least.to_string()), ("facts", &facts)],
                )
            }
            WhatWouldChange::NoneCan { reason } => self.none_can(reason),
        }
    }
}
