//! The JSON assessment format, versions 1 to 3 (`docs/FORMAT.md`): a stable, readable document keyed
//! by question ids and option keys, never by position. The core only defines the serde shapes
//! and the conversion; parsing text is left to the caller (`serde_json` in the CLI, the
//! browser's own `JSON.parse` in the app), so no JSON parser is compiled into the wasm.

use crate::assessment::{
    answer_from_keys, Answer, Assessment, CountryOverride, FreeText, ImpactRating, RightStatus,
};
use crate::dates::Day;
use crate::error::AssessmentError;
use crate::error::{ExpectedAnswer, ValueField};
use crate::method::{
    question_index, ContextLevel, Mode, Perspective, QuestionKind, Right, Sector, QUESTIONS, RIGHTS,
};
use crate::record::{
    action_id, Condition, ConditionStatus, Decision, DecisionRecord, DecisionTaken,
};
use crate::report::{ActionStatus, Outcome, Report};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "hrdd-assessment";
/// The newest format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 3;
/// Files are written in the oldest version that holds them, so that earlier versions of the
/// calculator keep opening what they can: format 1 without notes on answers, format 2 adds
/// `answer_notes`, format 3 adds the decision `record`.
const FORMAT_VERSION_WITHOUT_NOTES: u32 = 1;
const FORMAT_VERSION_WITHOUT_RECORD: u32 = 2;
/// What a withheld text of the decision record reads as: the receiver sees that something was
/// written, not what.
pub const WITHHELD_TEXT: &str = "(withheld)";
/// The answer value that means "don't know".
pub const DONT_KNOW: &str = "dont_know";

/// An answer as written in JSON: one key (an option, a country code, or "dont_know") or a list
/// of checklist item keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    One(String),
    Many(Vec<String>),
}

/// A rating as written in JSON: 1..4, or "dont_know".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RatingValue {
    Known(u8),
    Unknown(DontKnowWord),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DontKnowWord {
    DontKnow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightRatingDocument {
    pub scale: RatingValue,
    pub scope: RatingValue,
    pub irremediability: RatingValue,
    pub likelihood: RatingValue,
}

/// A right's status: "not_at_risk", or its four ratings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RightDocument {
    Word(String),
    Rated(RightRatingDocument),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryOverrideDocument {
    pub level: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTextDocument {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub beneficial_purpose: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A condition as written in JSON (format 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionDocument {
    /// The action's id (`method::ACTIONS`).
    pub action: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// "agreed", "in_place", "verified" or "failed".
    pub status: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// The decision as written in JSON (format 3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionDocument {
    /// "proceed", "proceed_with_conditions", "deferred" or "do_not_proceed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub second_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_on: Option<String>,
}

/// The decision record as written in JSON (format 3).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordDocument {
    /// Who made the assessment (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ConditionDocument>,
    #[serde(default, skip_serializing_if = "is_default_decision")]
    pub decision: DecisionDocument,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<String>,
}

fn is_default_decision(decision: &DecisionDocument) -> bool {
    *decision == DecisionDocument::default()
}

impl RecordDocument {
    /// The document of a record; its free text withheld unless included.
    pub fn from_record(record: &DecisionRecord, include_free_text: bool) -> Self {
        let mut record = record.clone();
        if !include_free_text {
            for text in record.texts_mut().filter(|t| !t.trim().is_empty()) {
                *text = WITHHELD_TEXT.to_owned();
            }
        }
        let day = |d: Option<Day>| d.map(|d| d.to_string());
        let decision = record.decision;
        RecordDocument {
            assessor: record.assessor,
            conditions: record
                .conditions
                .into_iter()
                .map(|c| ConditionDocument {
                    action: c.action.to_owned(),
                    owner: c.owner,
                    due: day(c.due),
                    status: c.status.key().to_owned(),
                    evidence: c.evidence,
                })
                .collect(),
            decision: DecisionDocument {
                taken: decision.taken.map(|t| t.key().to_owned()),
                role: decision.role,
                name: decision.name,
                on: day(decision.on),
                reason: decision.reason,
                second_name: decision.second_name,
                second_on: day(decision.second_on),
            },
            review_on: day(record.review_on),
        }
    }

    /// The record this document describes; an unknown action, decision, status or date is an
    /// error naming it.
    pub fn to_record(&self) -> Result<DecisionRecord, AssessmentError> {
        let unknown = |field: ValueField, value: &str| AssessmentError::UnknownValue {
            field,
            value: value.to_owned(),
        };
        let day = |text: &Option<String>| -> Result<Option<Day>, AssessmentError> {
            text.as_deref()
                .map(|t| Day::parse(t).ok_or_else(|| unknown(ValueField::RecordDate, t)))
                .transpose()
        };
        let conditions = self
            .conditions
            .iter()
            .map(|c| {
                Ok(Condition {
                    action: action_id(&c.action)
                        .ok_or_else(|| unknown(ValueField::Action, &c.action))?,
                    owner: c.owner.clone(),
                    due: day(&c.due)?,
                    status: ConditionStatus::from_key(&c.status)
                        .ok_or_else(|| unknown(ValueField::ConditionStatus, &c.status))?,
                    evidence: c.evidence.clone(),
                })
            })
            .collect::<Result<Vec<_>, AssessmentError>>()?;
        let d = &self.decision;
        Ok(DecisionRecord {
            assessor: self.assessor.clone(),
            conditions,
            decision: Decision {
                taken: d
                    .taken
                    .as_deref()
                    .map(|t| {
                        DecisionTaken::from_key(t).ok_or_else(|| unknown(ValueField::Decision, t))
                    })
                    .transpose()?,
                role: d.role.clone(),
                name: d.name.clone(),
                on: day(&d.on)?,
                reason: d.reason.clone(),
                second_name: d.second_name.clone(),
                second_on: day(&d.second_on)?,
            },
            review_on: day(&self.review_on)?,
        })
    }
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentDocument {
    pub format: String,
    pub format_version: u32,
    pub method_version: u16,
    pub mode: String,
    pub perspective: String,
    pub sector: String,
    /// Question id -> answer. Absent means not answered.
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerValue>,
    /// Right key -> status. Absent means not rated.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rights: BTreeMap<String, RightDocument>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_override: Option<CountryOverrideDocument>,
    #[serde(default, skip_serializing_if = "is_default_text")]
    pub text: FreeTextDocument,
    /// Question id -> the user's note on that answer (format 2): why it departs from what the
    /// calculator pre-answered. Free text, withheld like `text` unless the user includes it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answer_notes: BTreeMap<String, String>,
    /// What was decided (format 3): the conditions, the decision and who took it, the review
    /// date. Its free text is withheld like `text` unless the user includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordDocument>,
    /// For worked examples and test fixtures only: the outcome the document should score.
    /// Ignored by scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_outcome: Option<String>,
    /// For worked examples only: why a practitioner expects that outcome, in plain words.
    /// Ignored by scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_because: Option<String>,
    /// For worked examples only: where the method deliberately lands elsewhere than the
    /// practitioner's expectation, the outcome it gives and why the method keeps its rule. The
    /// disagreement stays visible instead of the expectation being bent to the method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_outcome_because: Option<String>,
}

fn is_default_text(text: &FreeTextDocument) -> bool {
    *text == FreeTextDocument::default()
}

fn rating_to_document(rating: Option<u8>) -> RatingValue {
    rating.map_or(
        RatingValue::Unknown(DontKnowWord::DontKnow),
        RatingValue::Known,
    )
}

fn rating_from_document(value: RatingValue) -> Option<u8> {
    match value {
        RatingValue::Known(v) => Some(v),
        RatingValue::Unknown(_) => None,
    }
}

impl AssessmentDocument {
    /// The document for an assessment. Free text is included only when asked for: it is
    /// confidential and the user decides when it travels.
    pub fn from_assessment(assessment: &Assessment, include_free_text: bool) -> Self {
        let mut answers = BTreeMap::new();
        for (question, answer) in QUESTIONS.iter().zip(&assessment.answers) {
            let value = match (question.kind, *answer) {
                (_, Answer::Unanswered) => continue,
                (_, Answer::DontKnow) => AnswerValue::One(DONT_KNOW.into()),
                (QuestionKind::Single(choices), Answer::Choice(i)) => {
                    match choices.get(usize::from(i)) {
                        Some(c) => AnswerValue::One(c.key.into()),
                        None => continue,
                    }
                }
                (QuestionKind::Checklist(items), Answer::Ticked(bits)) => AnswerValue::Many(
                    items
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .map(|(_, c)| c.key.to_owned())
                        .collect(),
                ),
                (QuestionKind::Country, Answer::Country(code)) => {
                    AnswerValue::One(code.to_string())
                }
                (QuestionKind::Date, Answer::Date(day)) => AnswerValue::One(day.to_string()),
                _ => continue,
            };
            answers.insert(question.id.to_owned(), value);
        }
        let mut rights = BTreeMap::new();
        for (right, status) in RIGHTS.iter().zip(&assessment.rights) {
            let document = match status {
                RightStatus::Unrated => continue,
                RightStatus::NotAtRisk => RightDocument::Word("not_at_risk".into()),
                RightStatus::Rated(r) => RightDocument::Rated(RightRatingDocument {
                    scale: rating_to_document(r.scale),
                    scope: rating_to_document(r.scope),
                    irremediability: rating_to_document(r.irremediability),
                    likelihood: rating_to_document(r.likelihood),
                }),
            };
            rights.insert(right.key().to_owned(), document);
        }
        let text = if include_free_text {
            FreeTextDocument {
                title: assessment.text.title.clone(),
                customer_name: assessment.text.customer_name.clone(),
                beneficial_purpose: assessment.text.beneficial_purpose.clone(),
                notes: assessment.text.notes.clone(),
            }
        } else {
            FreeTextDocument::default()
        };
        let answer_notes: BTreeMap<String, String> = assessment
            .answer_notes
            .iter()
            .filter_map(|(index, note)| {
                let question = QUESTIONS.get(*index)?;
                let note = if include_free_text {
                    note.clone()
                } else {
                    "(reason withheld)".to_owned()
                };
                Some((question.id.to_owned(), note))
            })
            .collect();
        let record = (!assessment.record.is_empty())
            .then(|| RecordDocument::from_record(&assessment.record, include_free_text));
        AssessmentDocument {
            format: FORMAT_NAME.into(),
            format_version: if record.is_some() {
                FORMAT_VERSION
            } else if !answer_notes.is_empty() {
                FORMAT_VERSION_WITHOUT_RECORD
            } else {
                FORMAT_VERSION_WITHOUT_NOTES
            },
            method_version: assessment.method_version,
            mode: assessment.mode.key().into(),
            perspective: assessment.perspective.key().into(),
            sector: assessment.sector.key().into(),
            answers,
            rights,
            country_override: assessment.country_override.as_ref().map(|o| {
                CountryOverrideDocument {
                    level: o.level.key().into(),
                    reason: if include_free_text {
                        o.reason.clone()
                    } else {
                        "(reason withheld)".into()
                    },
                }
            }),
            text,
            answer_notes,
            record,
            expected_outcome: None,
            expected_because: None,
            method_outcome: None,
            method_outcome_because: None,
        }
    }

    /// The assessment this document describes, checked in full.
    pub fn to_assessment(&self) -> Result<Assessment, AssessmentError> {
        if self.format != FORMAT_NAME {
            return Err(AssessmentError::WrongFormat {
                found: self.format.clone(),
            });
        }
        if self.format_version == 0 || self.format_version > FORMAT_VERSION {
            return Err(AssessmentError::UnsupportedFormatVersion {
                found: self.format_version,
                newest: FORMAT_VERSION,
            });
        }
        let unknown = |field: ValueField, value: &str| AssessmentError::UnknownValue {
            field,
            value: value.to_owned(),
        };
        let mode =
            Mode::from_key(&self.mode).ok_or_else(|| unknown(ValueField::Mode, &self.mode))?;
        let perspective = Perspective::from_key(&self.perspective)
            .ok_or_else(|| unknown(ValueField::Perspective, &self.perspective))?;
        let sector = Sector::from_key(&self.sector)
            .ok_or_else(|| unknown(ValueField::Sector, &self.sector))?;
        let mut assessment = Assessment::new(mode, perspective, sector);
        assessment.method_version = self.method_version;

        for (id, value) in &self.answers {
            let answer = match value {
                AnswerValue::One(word) if word == DONT_KNOW => Answer::DontKnow,
                AnswerValue::One(key) => answer_from_keys(id, &[key.as_str()])?,
                AnswerValue::Many(keys) => {
                    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                    if !matches!(
                        QUESTIONS.iter().find(|q| q.id == id).map(|q| q.kind),
                        Some(QuestionKind::Checklist(_)) | None
                    ) {
                        return Err(AssessmentError::WrongAnswerKind {
                            question: id.clone(),
                            expected: ExpectedAnswer::SingleValue,
                        });
                    }
                    answer_from_keys(id, &keys)?
                }
            };
            assessment.set_answer(id, answer)?;
        }
        for (key, document) in &self.rights {
            let right = Right::from_key(key)
                .ok_or_else(|| AssessmentError::UnknownRight { right: key.clone() })?;
            assessment.rights[right.index()] = match document {
                RightDocument::Word(word) if word == "not_at_risk" => RightStatus::NotAtRisk,
                RightDocument::Word(word) => return Err(unknown(ValueField::RightStatus, word)),
                RightDocument::Rated(r) => RightStatus::Rated(ImpactRating {
                    scale: rating_from_document(r.scale),
                    scope: rating_from_document(r.scope),
                    irremediability: rating_from_document(r.irremediability),
                    likelihood: rating_from_document(r.likelihood),
                }),
            };
        }
        if let Some(o) = &self.country_override {
            assessment.country_override = Some(CountryOverride {
                level: ContextLevel::from_key(&o.level)
                    .ok_or_else(|| unknown(ValueField::ContextLevel, &o.level))?,
                reason: o.reason.clone(),
            });
        }
        assessment.text = FreeText {
            title: self.text.title.clone(),
            customer_name: self.text.customer_name.clone(),
            beneficial_purpose: self.text.beneficial_purpose.clone(),
            notes: self.text.notes.clone(),
        };
        for (id, note) in &self.answer_notes {
            let index = question_index(id).ok_or_else(|| AssessmentError::UnknownQuestion {
                question: id.clone(),
            })?;
            assessment.answer_notes.insert(index, note.clone());
        }
        if let Some(record) = &self.record {
            assessment.record = Box::new(record.to_record()?);
        }
        assessment.validate()?;
        Ok(assessment)
    }

    pub fn expected_outcome(&self) -> Result<Option<Outcome>, AssessmentError> {
        self.expected_outcome
            .as_deref()
            .map(|key| {
                Outcome::from_key(key).ok_or_else(|| AssessmentError::UnknownValue {
                    field: ValueField::ExpectedOutcome,
                    value: key.to_owned(),
                })
            })
            .transpose()
    }
}

/// The report as written in JSON by the command-line entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportDocument {
    pub method_version: u16,
    pub outcome: &'static str,
    pub outcome_label: &'static str,
    pub meaning: &'static str,
    pub next_step: String,
    pub outcome_reasons: Vec<String>,
    /// Unknowns that block any decision (question or red flag ids).
    pub blocked_by: Vec<&'static str>,
    /// In a quick screen: why a full assessment is needed before relying on the outcome.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub full_assessment_needed: Vec<&'static str>,
    /// Floors the customer and the destination set (ids).
    pub floors: Vec<&'static str>,
    pub connection: ConnectionDocument,
    /// Rights the product could strengthen: shown beside the risks, never netted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<&'static str>,
    /// What refusing or withdrawing would mean for people, as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consequences_of_not_proceeding: Option<&'static str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rights_in_tension: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub packs_added: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub method1_answers_read_as: Vec<&'static str>,
    /// For an assessment made under method 1: the outcome method 1 gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method1_outcome: Option<&'static str>,
    pub inherent_risk: &'static str,
    pub residual_risk: &'static str,
    pub element_scores: BTreeMap<&'static str, u8>,
    pub red_flags: Vec<RedFlagDocument>,
    /// Red flags an unknown answer could raise.
    pub possible_red_flags: Vec<RedFlagDocument>,
    pub salient_rights: Vec<SalientRightDocument>,
    pub open_questions: Vec<String>,
    pub decisive_gaps: usize,
    pub actions: Vec<ActionDocument>,
    pub what_would_change: String,
    pub country: Option<CountryDocument>,
    /// Recorded and shown; never offsets a harm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficial_purpose: Option<String>,
    /// What the embedded table of restrictive measures says about the destination.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restrictive_measures: Option<MeasuresDocument>,
    /// The sanctions screening as recorded, and whether it supports "no party is listed".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screening: Option<ScreeningDocument>,
    pub explanation: BTreeMap<&'static str, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScreeningDocument {
    pub lists: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Lists the organisation requires that the record lacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_required: Vec<&'static str>,
    /// "No party is listed" was read as unknown for want of the screening.
    pub answer_set_aside: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasuresDocument {
    pub table_as_of: &'static str,
    /// "presumed", "agrees", "differs", "overridden" or "not_settled".
    pub status: &'static str,
    /// The embargo question's options the table stands for (empty: it cannot settle it).
    pub table_answers: Vec<&'static str>,
    pub measures: Vec<MeasureDocument>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureDocument {
    pub regime: &'static str,
    pub legal_basis: String,
    pub scope: String,
    pub in_force_since: String,
    /// "verified", "secondary" or "unverified".
    pub verification: &'static str,
    pub checked: String,
    /// Date of the source the row was checked against.
    pub source_date: String,
    /// "applies", "state_exempt", "listed_parties_only", "not_verified", "region_only" or
    /// "end_user_unknown".
    pub for_this_deal: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedFlagDocument {
    pub id: &'static str,
    pub title: String,
    pub prohibited: bool,
    /// "prohibited", "escalate" or "conditions".
    pub level: &'static str,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConnectionDocument {
    /// "cause", "contribute", "linked", or null when not established.
    pub established: Option<&'static str>,
    pub leverage: &'static str,
    pub response: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalientRightDocument {
    pub right: &'static str,
    pub severity: u8,
    pub residual_likelihood: u8,
    pub risk: &'static str,
    pub presumed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionDocument {
    pub id: &'static str,
    pub title: String,
    pub status: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryDocument {
    pub code: String,
    pub name: String,
    pub context_index: Option<u8>,
    pub level_used: &'static str,
    pub overridden: bool,
    pub attribution: &'static str,
}

impl ReportDocument {
    /// The report with its texts in English (the command line's `--lang` adds another
    /// language's beside it); elements are keyed by their ids.
    pub fn from_report(report: &Report) -> Self {
        let texts = crate::i18n::Texts::english();
        let perspective = report.perspective;
        let explanation = texts.explanation_by_element(report);
        ReportDocument {
            method_version: report.method_version,
            outcome: report.outcome.key(),
            outcome_label: report.outcome.label(),
            meaning: report.outcome.meaning(),
            next_step: report.next_step(),
            outcome_reasons: report.outcome_reason_texts(),
            inherent_risk: report.inherent_risk.label(),
            residual_risk: report.residual_risk.label(),
            element_scores: report
                .elements
                .iter()
                .map(|e| (e.element.key(), e.score))
                .collect(),
            red_flags: report
                .red_flags
                .iter()
                .map(|f| flag_document(f, &texts))
                .collect(),
            possible_red_flags: report
                .possible_red_flags
                .iter()
                .map(|f| flag_document(f, &texts))
                .collect(),
            blocked_by: report.blockers.iter().map(|b| b.id).collect(),
            full_assessment_needed: report.full_assessment_needed.clone(),
            floors: report.floors.iter().map(|f| f.id).collect(),
            connection: ConnectionDocument {
                established: report.connection.established.map(|c| c.key()),
                leverage: report
                    .connection
                    .leverage
                    .map_or("not assessed", |l| l.label()),
                response: report
                    .connection
                    .established
                    .map(|c| texts.connection_response(c).to_owned()),
            },
            benefits: report.benefits.iter().map(|r| r.key()).collect(),
            consequences_of_not_proceeding: report.consequences_of_not_proceeding.map(|key| {
                crate::method::question_index("impacts.not_proceeding")
                    .and_then(|i| QUESTIONS[i].choices().iter().find(|c| c.key == key))
                    .map_or(key, |c| c.label)
            }),
            rights_in_tension: report.rights_in_tension,
            packs_added: report.packs_added.iter().map(|s| s.key()).collect(),
            method1_answers_read_as: report.migrations.iter().map(|m| m.why).collect(),
            method1_outcome: report.method1_outcome.map(Outcome::key),
            salient_rights: report
                .salient_rights
                .iter()
                .map(|r| SalientRightDocument {
                    right: r.right.key(),
                    severity: r.severity,
                    residual_likelihood: r.residual_likelihood,
                    risk: r.risk.label(),
                    presumed: r.presumed,
                })
                .collect(),
            open_questions: report
                .open_questions
                .iter()
                .map(|q| q.id.to_string())
                .collect(),
            decisive_gaps: report.decisive_gaps,
            actions: report
                .actions
                .iter()
                .map(|a| ActionDocument {
                    id: a.id,
                    title: crate::method::ACTIONS
                        .iter()
                        .find(|d| d.id == a.id)
                        .map_or(a.id, |d| texts.action_title(d))
                        .to_owned(),
                    status: match a.status {
                        ActionStatus::InPlace => "in_place",
                        ActionStatus::Planned => "planned",
                        ActionStatus::ToDo => "to_do",
                    },
                })
                .collect(),
            what_would_change: texts.what_would_change(&report.what_would_change, perspective),
            country: report.country.as_ref().map(|c| CountryDocument {
                code: c.code.clone(),
                name: crate::country::country_by_code(&c.code)
                    .map_or_else(|| c.code.clone(), |country| country.name.clone()),
                context_index: c.index,
                level_used: c.level_used.key(),
                overridden: c.override_reason.is_some(),
                attribution: crate::country::COUNTRY_DATA_ATTRIBUTION,
            }),
            beneficial_purpose: report.beneficial_purpose.clone(),
            restrictive_measures: report.restrictive_measures.as_ref().map(measures_document),
            screening: report.screening.as_ref().map(|s| ScreeningDocument {
                lists: s.lists.clone(),
                date: s.date.map(|d| d.to_string()),
                missing_required: s.missing_required.clone(),
                answer_set_aside: s.answer_set_aside,
            }),
            explanation,
        }
    }
}

fn measures_document(reading: &crate::pre_answers::MeasuresReading) -> MeasuresDocument {
    use crate::pre_answers::{PreAnswerStatus, RowReading, Unsettled};
    use crate::restrictive_measures::Verification;
    MeasuresDocument {
        table_as_of: reading.table_as_of,
        status: match reading.status {
            PreAnswerStatus::Presumed => "presumed",
            PreAnswerStatus::Agrees => "agrees",
            PreAnswerStatus::Differs => "differs",
            PreAnswerStatus::Overridden => "overridden",
            PreAnswerStatus::NotSettled => "not_settled",
        },
        table_answers: reading.table_answers.clone(),
        measures: reading
            .rows
            .iter()
            .map(|row| MeasureDocument {
                regime: row.measure.regime.key(),
                legal_basis: row.measure.legal_basis.clone(),
                scope: row.measure.scope_in_words.clone(),
                in_force_since: row.measure.in_force_since.clone(),
                verification: match row.measure.verification {
                    Verification::Verified => "verified",
                    Verification::Secondary => "secondary",
                    Verification::Unverified => "unverified",
                },
                checked: row.measure.checked.clone(),
                source_date: row.measure.source_date.clone(),
                for_this_deal: match row.reading {
                    RowReading::Covers => "applies",
                    RowReading::StateExempt => "state_exempt",
                    RowReading::ListedPartiesOnly => "listed_parties_only",
                    RowReading::Unsettled(Unsettled::NotVerified) => "not_verified",
                    RowReading::Unsettled(Unsettled::Region) => "region_only",
                    RowReading::Unsettled(Unsettled::EndUserUnknown) => "end_user_unknown",
                },
            })
            .collect(),
    }
}

fn flag_document(f: &crate::report::RaisedRedFlag, texts: &crate::i18n::Texts) -> RedFlagDocument {
    let definition = crate::method::RED_FLAGS.iter().find(|d| d.id == f.id);
    RedFlagDocument {
        id: f.id,
        title: definition.map_or(f.id, |d| texts.flag_title(d)).to_owned(),
        prohibited: f.prohibited,
        level: f.level.key(),
        source: definition.map_or("", |d| texts.flag_source(d)).to_owned(),
    }
}
