//! The report as a Markdown memo, in the reader's language: the facts of the assessment, the
//! outcome and why, the decision on record (beside the recommendation, with its conditions), the red flags, the rights most at risk, the actions, what is still open and
//! what would change, then the answers and how every score was reached. For pasting into a wiki
//! or a word processor; the printed report shows the same. User text is escaped, so that a title
//! or a customer's name never becomes Markdown.

use crate::assessment::{Answer, Assessment};
use crate::dates::Day;
use crate::i18n::Texts;
use crate::method::{answered_by, AnsweredBy, ACTIONS, METHOD_VERSION, QUESTIONS, RED_FLAGS};
use crate::record::{departure, record_problems, DecisionRecord, Departure};
use crate::report::{ActionStatus, Report};

/// User text as literal Markdown: its special characters escaped, its lines joined.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The memo of an assessment and its report. `title` is the draft's name when the assessment
/// has no title; `today` is the device's date (the core reads no clock).
pub fn markdown(
    texts: &Texts,
    assessment: &Assessment,
    report: &Report,
    title: &str,
    today: &str,
) -> String {
    let perspective = report.perspective;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!(
        "# {}",
        texts.ui_with("ui-print-report-title", &[("title", &escape(title))])
    ));
    line(String::new());
    line("| | |".into());
    line("|---|---|".into());
    let method = if assessment.method_version == METHOD_VERSION {
        METHOD_VERSION.to_string()
    } else {
        texts.ui_with(
            "ui-print-carried-over",
            &[
                ("made_with", &assessment.method_version.to_string()),
                ("version", &METHOD_VERSION.to_string()),
            ],
        )
    };
    for (label, value) in [
        (texts.ui("ui-questionnaire-date"), today.to_owned()),
        (texts.ui("ui-print-method-version"), method),
        (
            texts.ui("ui-print-mode"),
            texts.mode(assessment.mode).to_owned(),
        ),
        (
            texts.ui("ui-print-perspective"),
            texts.perspective(assessment.perspective).to_owned(),
        ),
        (
            texts.ui("ui-print-sector-pack"),
            texts.sector(assessment.sector).to_owned(),
        ),
        (
            texts.ui("ui-print-customer"),
            escape(&assessment.text.customer_name),
        ),
        (
            texts.ui("ui-decision-assessor"),
            escape(&assessment.record.assessor),
        ),
        (
            texts.ui("ui-print-country-data"),
            escape(texts.country_data_attribution()),
        ),
        (
            texts.ui("ui-print-measures-as-of"),
            crate::restrictive_measures::TABLE_AS_OF.to_owned(),
        ),
    ] {
        if !value.is_empty() {
            line(format!("| {label} | {value} |"));
        }
    }
    line(String::new());

    line(format!("## {}", texts.ui("ui-results-outcome")));
    line(String::new());
    line(format!(
        "**{}.** {}",
        texts.outcome(report.outcome),
        texts.outcome_meaning(report.outcome)
    ));
    line(String::new());
    line(format!("**{}**", texts.next_step(report)));
    line(String::new());
    for reason in &report.outcome_reasons {
        line(format!("- {}", texts.outcome_reason(reason)));
    }
    line(String::new());
    if !assessment.record.is_empty() {
        decision_section(texts, &assessment.record, report.outcome, today)
            .into_iter()
            .for_each(&mut line);
    }

    let flags = |raised: &[crate::report::RaisedRedFlag]| {
        raised
            .iter()
            .filter_map(|f| RED_FLAGS.iter().find(|d| d.id == f.id))
            .map(|d| format!("- **{}** {}", texts.flag_title(d), texts.flag_why(d)))
            .collect::<Vec<_>>()
    };
    if !report.red_flags.is_empty() {
        line(format!(
            "## {}",
            texts.ui_with(
                "ui-results-red-flags-count",
                &[("count", &report.red_flags.len().to_string())],
            )
        ));
        line(String::new());
        flags(&report.red_flags).into_iter().for_each(&mut line);
        line(String::new());
    }
    if !report.possible_red_flags.is_empty() {
        line(format!(
            "## {}",
            texts.ui_with(
                "ui-results-possible-flags-count",
                &[("count", &report.possible_red_flags.len().to_string())],
            )
        ));
        line(String::new());
        flags(&report.possible_red_flags)
            .into_iter()
            .for_each(&mut line);
        line(String::new());
    }

    if !report.salient_rights.is_empty() {
        line(format!("## {}", texts.ui("ui-results-rights-most-at-risk")));
        line(String::new());
        for right in &report.salient_rights {
            line(format!(
                "- **{}**: {}",
                texts.right(right.right),
                texts.ui_with(
                    "ui-results-right-risk",
                    &[
                        ("severity", texts.severity(right.severity_band)),
                        ("likelihood", texts.likelihood(right.likelihood_band)),
                        ("risk", texts.risk(right.risk)),
                    ],
                )
            ));
        }
        line(String::new());
    }

    if !report.actions.is_empty() {
        let to_do = report
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::ToDo)
            .count();
        line(format!(
            "## {}",
            texts.ui_with("ui-results-actions", &[("to_do", &to_do.to_string())])
        ));
        line(String::new());
        for action in &report.actions {
            let Some(definition) = ACTIONS.iter().find(|d| d.id == action.id) else {
                continue;
            };
            let (check, status) = match action.status {
                ActionStatus::InPlace => ("x", texts.ui("ui-results-action-in-place")),
                ActionStatus::Planned => (" ", texts.ui("ui-results-action-planned")),
                ActionStatus::ToDo => (" ", texts.ui("ui-results-action-to-do")),
            };
            line(format!(
                "- [{check}] **{}** ({status}). {}",
                texts.action_title(definition),
                texts.action_detail(definition)
            ));
        }
        line(String::new());
    }

    if !report.open_questions.is_empty() {
        line(format!(
            "## {}",
            texts.ui_with(
                "ui-results-open-questions-count",
                &[("count", &report.open_questions.len().to_string())],
            )
        ));
        line(String::new());
        // Checks for the compliance or export-control team first, named as such.
        let (compliance, deal_team): (Vec<_>, Vec<_>) = report
            .open_questions
            .iter()
            .partition(|q| answered_by(&q.id) == AnsweredBy::Compliance);
        for question in &compliance {
            line(format!(
                "- {} ({})",
                texts.open_question(&question.id, perspective),
                texts.ui("ui-results-for-compliance")
            ));
        }
        for question in &deal_team {
            line(format!(
                "- {}",
                texts.open_question(&question.id, perspective)
            ));
        }
        line(String::new());
    }

    line(format!(
        "## {}",
        texts.ui("ui-results-what-would-change-the-outcome")
    ));
    line(String::new());
    line(texts.what_would_change(&report.what_would_change, perspective));
    line(String::new());

    line(format!("## {}", texts.ui("ui-print-answers")));
    line(String::new());
    line(format!(
        "| {} | {} |",
        texts.ui("ui-results-question"),
        texts.ui("ui-results-answer")
    ));
    line("|---|---|".into());
    for (index, question) in QUESTIONS.iter().enumerate() {
        let answer = assessment.answers.get(index).copied().unwrap_or_default();
        if question.retired || answer == Answer::Unanswered || !question.is_asked(assessment) {
            continue;
        }
        line(format!(
            "| {} | {} |",
            escape(texts.question(question, perspective)),
            escape(&texts.answer(index, answer, perspective))
        ));
    }
    line(String::new());

    line(format!(
        "## {}",
        texts.ui("ui-print-how-every-score-was-reached")
    ));
    line(String::new());
    for element in &report.elements {
        line(format!(
            "### {}",
            texts.ui_with(
                "ui-results-element-score",
                &[
                    ("letter", &element.element.letter().to_string()),
                    ("element", texts.element(element.element)),
                    ("score", &element.score.to_string()),
                ],
            )
        ));
        line(String::new());
        for c in &element.contributions {
            line(format!(
                "- +{} {}: {}",
                c.points,
                escape(&texts.contribution_question(&c.source_id, perspective)),
                escape(&texts.contribution_answer(&c.source_id, &c.answer, perspective))
            ));
        }
        line(String::new());
    }
    if !report.salient_rights.is_empty() {
        line(format!(
            "### {}",
            texts.ui("ui-results-severity-and-likelihood-of-each")
        ));
        line(String::new());
        for right in &report.salient_rights {
            let steps: Vec<String> = right
                .explanation
                .iter()
                .map(|step| texts.right_explanation(step))
                .collect();
            line(format!(
                "- **{}**: {}",
                texts.right(right.right),
                steps.join(" ")
            ));
        }
        line(String::new());
    }
    if report.country.is_some() {
        line(format!("*{}*", texts.country_data_attribution()));
    }
    out
}

/// The decision on record: what was decided beside the recommendation, who decided, the
/// conditions as a table, the review date and what the record still lacks.
fn decision_section(
    texts: &Texts,
    record: &DecisionRecord,
    recommended: crate::report::Outcome,
    today: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    let decision = &record.decision;
    let missing = texts.ui("ui-print-not-recorded");
    let or_missing = |text: &str| {
        if text.trim().is_empty() {
            missing.to_owned()
        } else {
            escape(text)
        }
    };
    let day = |d: Option<Day>| d.map_or_else(|| missing.to_owned(), |d| d.to_string());
    out.push(format!("## {}", texts.ui("ui-decision-decision-title")));
    out.push(String::new());
    out.push("| | |".into());
    out.push("|---|---|".into());
    let decided = decision.taken.map_or_else(
        || texts.ui("ui-decision-not-yet").to_owned(),
        |t| texts.decision_taken(t).to_owned(),
    );
    out.push(format!("| {} | {decided} |", texts.ui("ui-decision-taken")));
    if let Some(taken) = decision.taken {
        let standing = departure(recommended, taken);
        let words = texts.departure(standing);
        let words = if standing == Departure::MorePermissive {
            format!("**{words}**")
        } else {
            words.to_owned()
        };
        out.push(format!(
            "| {} | {words} |",
            texts.ui("ui-print-decision-standing")
        ));
        for (label, value) in [
            (texts.ui("ui-decision-role"), or_missing(&decision.role)),
            (texts.ui("ui-decision-name"), or_missing(&decision.name)),
            (texts.ui("ui-decision-on"), day(decision.on)),
            (texts.ui("ui-decision-reason"), or_missing(&decision.reason)),
        ] {
            out.push(format!("| {label} | {value} |"));
        }
        if !decision.second_name.trim().is_empty() || decision.second_on.is_some() {
            out.push(format!(
                "| {} | {}, {} |",
                texts.ui("ui-decision-second-sign-off"),
                or_missing(&decision.second_name),
                day(decision.second_on)
            ));
        }
    }
    out.push(format!(
        "| {} | {} |",
        texts.ui("ui-decision-review-on"),
        day(record.review_on)
    ));
    out.push(String::new());
    if !record.conditions.is_empty() {
        out.push(format!("### {}", texts.ui("ui-decision-conditions-title")));
        out.push(String::new());
        out.push(format!(
            "| {} | {} | {} | {} | {} |",
            texts.ui("ui-decision-condition"),
            texts.ui("ui-decision-owner"),
            texts.ui("ui-decision-due"),
            texts.ui("ui-decision-status"),
            texts.ui("ui-decision-evidence")
        ));
        out.push("|---|---|---|---|---|".into());
        let today = Day::parse(today);
        for c in &record.conditions {
            let overdue = today.is_some_and(|t| c.is_overdue(t));
            let status = if overdue {
                format!(
                    "{} (**{}**)",
                    texts.condition_status(c.status),
                    texts.ui("ui-decision-overdue")
                )
            } else {
                texts.condition_status(c.status).to_owned()
            };
            out.push(format!(
                "| {} | {} | {} | {status} | {} |",
                escape(texts.condition_title(c.action)),
                escape(&c.owner),
                c.due.map(|d| d.to_string()).unwrap_or_default(),
                escape(&c.evidence)
            ));
        }
        out.push(String::new());
    }
    let problems = record_problems(record, recommended, Day::parse(today));
    if !problems.is_empty() {
        out.push(texts.ui("ui-decision-problems").to_owned());
        out.push(String::new());
        for problem in &problems {
            out.push(format!("- {}", texts.record_problem(problem)));
        }
        out.push(String::new());
    }
    // The sign-off block: the names recorded, and room to sign.
    out.push(format!("### {}", texts.ui("ui-print-sign-off")));
    out.push(String::new());
    out.push(format!(
        "| {} | {} | {} |",
        texts.ui("ui-decision-name"),
        texts.ui("ui-questionnaire-date"),
        texts.ui("ui-print-signature")
    ));
    out.push("|---|---|---|".into());
    for (name, on) in [
        (&decision.name, decision.on),
        (&decision.second_name, decision.second_on),
    ] {
        out.push(format!(
            "| {} | {} | |",
            escape(name),
            on.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    out.push(String::new());
    out
}
