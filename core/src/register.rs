//! The register of assessments: one row per assessment with its recommended outcome, the
//! decision on record, where its conditions stand and when it is due for review; the filters
//! the drafts screen offers; the yearly counts per outcome and per decision that a company
//! publishes (as HPE reports its yearly number of assessments); and the register as CSV, with
//! stable ids rather than words, like the pipeline's export.

use crate::assessment::Assessment;
use crate::dates::Day;
use crate::pipeline::spreadsheet_safe;
use crate::record::{departure, ConditionStatus, DecisionTaken, Departure};
use crate::report::Outcome;

/// Where an assessment's conditions stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConditionCounts {
    pub total: u32,
    /// Agreed, not yet in place.
    pub open: u32,
    pub in_place: u32,
    pub verified: u32,
    pub failed: u32,
    /// Open and due before today.
    pub overdue: u32,
}

/// One assessment in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    pub name: String,
    pub customer: String,
    /// The method's recommendation.
    pub outcome: Outcome,
    pub decision: Option<DecisionTaken>,
    pub decided_on: Option<Day>,
    /// The decision is more permissive than the recommendation.
    pub overridden: bool,
    pub conditions: ConditionCounts,
    pub review_on: Option<Day>,
    /// The review date is today or past.
    pub review_due: bool,
}

impl RegisterRow {
    /// The row of an assessment named `name`, whose recommended outcome is `outcome` (the
    /// caller scores it, under its organisation's policy), on the device's date `today`.
    pub fn of(name: &str, assessment: &Assessment, outcome: Outcome, today: Option<Day>) -> Self {
        let record = &assessment.record;
        let mut conditions = ConditionCounts::default();
        for c in &record.conditions {
            conditions.total += 1;
            match c.status {
                ConditionStatus::Agreed => conditions.open += 1,
                ConditionStatus::InPlace => conditions.in_place += 1,
                ConditionStatus::Verified => conditions.verified += 1,
                ConditionStatus::Failed => conditions.failed += 1,
            }
            if today.is_some_and(|t| c.is_overdue(t)) {
                conditions.overdue += 1;
            }
        }
        let decision = record.decision.taken;
        RegisterRow {
            name: name.to_owned(),
            customer: assessment.text.customer_name.trim().to_owned(),
            outcome,
            decision,
            decided_on: record.decision.on,
            overridden: decision
                .is_some_and(|t| departure(outcome, t) == Departure::MorePermissive),
            conditions,
            review_on: record.review_on,
            review_due: record
                .review_on
                .zip(today)
                .is_some_and(|(review, today)| review <= today),
        }
    }
}

/// Which decisions a filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionFilter {
    NotDecided,
    Taken(DecisionTaken),
    /// Decisions more permissive than recommended.
    Overrides,
}

/// Which conditions a filter keeps: assessments with at least one such condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionFilter {
    Open,
    Overdue,
    Failed,
}

/// The register's filters; `None` keeps every row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegisterFilter {
    pub outcome: Option<Outcome>,
    pub decision: Option<DecisionFilter>,
    pub conditions: Option<ConditionFilter>,
    /// Only assessments whose review is due.
    pub review_due: bool,
}

impl RegisterFilter {
    pub fn keeps(&self, row: &RegisterRow) -> bool {
        self.outcome.is_none_or(|o| row.outcome == o)
            && self.decision.is_none_or(|d| match d {
                DecisionFilter::NotDecided => row.decision.is_none(),
                DecisionFilter::Taken(taken) => row.decision == Some(taken),
                DecisionFilter::Overrides => row.overridden,
            })
            && self.conditions.is_none_or(|c| match c {
                ConditionFilter::Open => row.conditions.open > 0,
                ConditionFilter::Overdue => row.conditions.overdue > 0,
                ConditionFilter::Failed => row.conditions.failed > 0,
            })
            && (!self.review_due || row.review_due)
    }
}

/// The decisions of one year (by the day of the decision): how many per recommended outcome and
/// per decision taken, in the order of `Outcome::ALL` and `DecisionTaken::ALL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearCounts {
    pub year: u32,
    pub outcomes: [u32; Outcome::ALL.len()],
    pub decisions: [u32; DecisionTaken::ALL.len()],
    /// Of which more permissive than recommended.
    pub overrides: u32,
}

/// The yearly counts, most recent year first, of the rows with a decision and its date; and how
/// many rows have no dated decision yet.
pub fn yearly_counts(rows: &[RegisterRow]) -> (Vec<YearCounts>, u32) {
    let mut years: Vec<YearCounts> = Vec::new();
    let mut undated = 0;
    for row in rows {
        let (Some(taken), Some(on)) = (row.decision, row.decided_on) else {
            undated += 1;
            continue;
        };
        let year = on.civil().0;
        let at = match years.iter().position(|y| y.year == year) {
            Some(at) => at,
            None => {
                years.push(YearCounts {
                    year,
                    outcomes: [0; Outcome::ALL.len()],
                    decisions: [0; DecisionTaken::ALL.len()],
                    overrides: 0,
                });
                years.len() - 1
            }
        };
        let counts = &mut years[at];
        if let Some(i) = Outcome::ALL.iter().position(|o| *o == row.outcome) {
            counts.outcomes[i] += 1;
        }
        if let Some(i) = DecisionTaken::ALL.iter().position(|d| *d == taken) {
            counts.decisions[i] += 1;
        }
        counts.overrides += u32::from(row.overridden);
    }
    years.sort_by_key(|y| std::cmp::Reverse(y.year));
    (years, undated)
}

/// The register's CSV columns.
pub const REGISTER_COLUMNS: [&str; 13] = [
    "name",
    "customer",
    "outcome",
    "decision",
    "decided_on",
    "overrides_recommendation",
    "conditions",
    "conditions_open",
    "conditions_overdue",
    "conditions_failed",
    "conditions_verified",
    "review_on",
    "review_due",
];

/// The register as CSV (RFC 4180; cells that look like formulas kept as text), with the ids of
/// outcomes and decisions, so that a spreadsheet or another tool reads it in any language.
pub fn register_csv(rows: &[RegisterRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(REGISTER_COLUMNS);
    let day = |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
    for row in rows {
        let c = row.conditions;
        let _ = writer.write_record([
            spreadsheet_safe(&row.name),
            spreadsheet_safe(&row.customer),
            row.outcome.key().to_owned(),
            row.decision.map_or("", |d| d.key()).to_owned(),
            day(row.decided_on),
            yes_no(row.overridden),
            c.total.to_string(),
            c.open.to_string(),
            c.overdue.to_string(),
            c.failed.to_string(),
            c.verified.to_string(),
            day(row.review_on),
            yes_no(row.review_due),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::ACTIONS;
    use crate::record::{RecordChange, RecordDate};

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn assessment(changes: &[RecordChange]) -> Assessment {
        let mut a = Assessment::default();
        for change in changes {
            a.record.apply(change.clone(), 2000);
        }
        a
    }

    fn rows() -> Vec<RegisterRow> {
        let today = Some(day("2026-12-02"));
        let (a, b, c) = (ACTIONS[0].id, ACTIONS[1].id, ACTIONS[2].id);
        vec![
            // Proceeded with conditions in 2025; one condition overdue, one failed.
            RegisterRow::of(
                "=Tender",
                &assessment(&[
                    RecordChange::AddCondition(a),
                    RecordChange::SetConditionDue(0, Some(day("2026-01-01"))),
                    RecordChange::AddCondition(b),
                    RecordChange::SetConditionStatus(1, ConditionStatus::Failed),
                    RecordChange::AddCondition(c),
                    RecordChange::SetConditionStatus(2, ConditionStatus::Verified),
                    RecordChange::SetDecision(Some(DecisionTaken::ProceedWithConditions)),
                    RecordChange::SetDate(RecordDate::DecidedOn, Some(day("2025-06-30"))),
                    RecordChange::SetDate(RecordDate::ReviewOn, Some(day("2026-06-30"))),
                ]),
                Outcome::Escalate,
                today,
            ),
            // Proceeded against a "do not proceed" in 2026: an override.
            RegisterRow::of(
                "Gateway",
                &assessment(&[
                    RecordChange::SetDecision(Some(DecisionTaken::Proceed)),
                    RecordChange::SetDate(RecordDate::DecidedOn, Some(day("2026-03-01"))),
                    RecordChange::SetDate(RecordDate::ReviewOn, Some(day("2026-12-03"))),
                ]),
                Outcome::DoNotProceed,
                today,
            ),
            // Refused in 2026.
            RegisterRow::of(
                "Drones",
                &assessment(&[
                    RecordChange::SetDecision(Some(DecisionTaken::DoNotProceed)),
                    RecordChange::SetDate(RecordDate::DecidedOn, Some(day("2026-02-01"))),
                ]),
                Outcome::DoNotProceed,
                today,
            ),
            // Not decided.
            RegisterRow::of("Draft", &Assessment::default(), Outcome::Incomplete, today),
        ]
    }

    #[test]
    fn a_row_counts_its_conditions_and_knows_when_it_is_due() {
        let rows = rows();
        assert_eq!(
            rows[0].conditions,
            ConditionCounts {
                total: 3,
                open: 1,
                in_place: 0,
                verified: 1,
                failed: 1,
                overdue: 1
            }
        );
        assert!(rows[0].review_due, "a review date in the past is due");
        assert!(
            !rows[0].overridden,
            "after an escalation, conditions follow"
        );
        assert!(rows[1].overridden);
        assert!(!rows[1].review_due, "tomorrow is not due yet");
        assert!(!rows[3].review_due && rows[3].decision.is_none());
    }

    #[test]
    fn filters_keep_what_they_name() {
        let rows = rows();
        let kept = |filter: RegisterFilter| -> Vec<&str> {
            rows.iter()
                .filter(|r| filter.keeps(r))
                .map(|r| r.name.as_str())
                .collect()
        };
        let table: [(RegisterFilter, &[&str]); 9] = [
            (
                RegisterFilter::default(),
                &["=Tender", "Gateway", "Drones", "Draft"],
            ),
            (
                RegisterFilter {
                    outcome: Some(Outcome::DoNotProceed),
                    ..Default::default()
                },
                &["Gateway", "Drones"],
            ),
            (
                RegisterFilter {
                    decision: Some(DecisionFilter::NotDecided),
                    ..Default::default()
                },
                &["Draft"],
            ),
            (
                RegisterFilter {
                    decision: Some(DecisionFilter::Taken(DecisionTaken::Proceed)),
                    ..Default::default()
                },
                &["Gateway"],
            ),
            (
                RegisterFilter {
                    decision: Some(DecisionFilter::Overrides),
                    ..Default::default()
                },
                &["Gateway"],
            ),
            (
                RegisterFilter {
                    conditions: Some(ConditionFilter::Overdue),
                    ..Default::default()
                },
                &["=Tender"],
            ),
            (
                RegisterFilter {
                    conditions: Some(ConditionFilter::Failed),
                    ..Default::default()
                },
                &["=Tender"],
            ),
            (
                RegisterFilter {
                    review_due: true,
                    ..Default::default()
                },
                &["=Tender"],
            ),
            (
                RegisterFilter {
                    outcome: Some(Outcome::DoNotProceed),
                    decision: Some(DecisionFilter::Taken(DecisionTaken::DoNotProceed)),
                    ..Default::default()
                },
                &["Drones"],
            ),
        ];
        for (filter, expected) in table {
            assert_eq!(kept(filter), expected, "{filter:?}");
        }
    }

    #[test]
    fn yearly_counts_per_outcome_and_per_decision() {
        let (years, undated) = yearly_counts(&rows());
        assert_eq!(undated, 1);
        assert_eq!(years.len(), 2);
        let position = |o: Outcome| Outcome::ALL.iter().position(|x| *x == o).unwrap();
        let decision = |d: DecisionTaken| DecisionTaken::ALL.iter().position(|x| *x == d).unwrap();
        assert_eq!(years[0].year, 2026);
        assert_eq!(years[0].outcomes[position(Outcome::DoNotProceed)], 2);
        assert_eq!(years[0].decisions[decision(DecisionTaken::Proceed)], 1);
        assert_eq!(years[0].decisions[decision(DecisionTaken::DoNotProceed)], 1);
        assert_eq!(years[0].overrides, 1);
        assert_eq!(years[1].year, 2025);
        assert_eq!(years[1].outcomes[position(Outcome::Escalate)], 1);
        assert_eq!(
            years[1].decisions[decision(DecisionTaken::ProceedWithConditions)],
            1
        );
        assert_eq!(years[1].overrides, 0);
        assert_eq!(
            years
                .iter()
                .map(|y| y.decisions.iter().sum::<u32>())
                .sum::<u32>(),
            3
        );
    }

    #[test]
    fn the_register_as_csv() {
        let csv = register_csv(&rows());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], REGISTER_COLUMNS.join(","));
        assert_eq!(
            lines[1],
            "'=Tender,,escalate,proceed_with_conditions,2025-06-30,no,3,1,1,1,1,2026-06-30,yes"
        );
        assert_eq!(
            lines[2],
            "Gateway,,do_not_proceed,proceed,2026-03-01,yes,0,0,0,0,0,2026-12-03,no"
        );
        assert_eq!(lines[4], "Draft,,assessment_incomplete,,,no,0,0,0,0,0,,no");
        assert_eq!(lines.len(), 5);
    }
}
