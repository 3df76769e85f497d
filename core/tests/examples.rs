//! The worked examples in `examples/` are assessments with the outcome a practitioner expects
//! for them, and why (`expected_because`). Each must parse, validate and score exactly that
//! outcome; together they cover every outcome and every sector pack. Each example's whole report
//! is pinned in a reviewed snapshot beside it (`NN-name.report.txt`), so that any change to any
//! number shows as a diff in review; `UPDATE_SNAPSHOTS=1 cargo test -p hrdd-core --test examples`
//! rewrites them. They double as golden fixtures of the JSON format.

use hrdd_core::format::AssessmentDocument;
use hrdd_core::i18n::Texts;
use hrdd_core::method::{Mode, Scope, Sector, QUESTIONS};
use hrdd_core::report::{ActionStatus, Outcome, Report};
use hrdd_core::scoring::decide;
use hrdd_core::{score, Answer, RightStatus};
use std::collections::HashSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn examples() -> Vec<(PathBuf, AssessmentDocument)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let document: AssessmentDocument =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, document)
        })
        .collect()
}

#[test]
fn every_example_scores_its_documented_outcome() {
    let all = examples();
    let mut disagreements = 0;
    assert!(all.len() >= 12, "only {} worked examples", all.len());
    for (path, document) in &all {
        assert!(
            document
                .expected_because
                .as_deref()
                .is_some_and(|why| why.len() > 40),
            "{} does not say why a practitioner expects its outcome",
            path.display()
        );
    }
    for (path, document) in &all {
        let assessment = document
            .to_assessment()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let practitioner = document
            .expected_outcome()
            .expect("known outcome")
            .unwrap_or_else(|| panic!("{} states no expected outcome", path.display()));
        // A documented, deliberate disagreement: the method's outcome and why it keeps its rule.
        let expected = match &document.method_outcome {
            Some(key) => {
                let method = Outcome::from_key(key).expect("known method outcome");
                assert_ne!(
                    method,
                    practitioner,
                    "{}: method_outcome equals the expectation",
                    path.display()
                );
                assert!(
                    document
                        .method_outcome_because
                        .as_deref()
                        .is_some_and(|why| why.len() > 40),
                    "{}: a disagreement must say why the method keeps its rule",
                    path.display()
                );
                disagreements += 1;
                method
            }
            None => practitioner,
        };
        let report = score(&assessment);
        assert_eq!(
            report.outcome,
            expected,
            "{}: {}\n{:#?}",
            path.display(),
            report.summary_line(),
            report.outcome_reason_texts()
        );
    }
    // Disagreements with the practitioner's expectation stay few, and each is argued in its file.
    assert!(
        disagreements * 10 <= all.len(),
        "{disagreements} of {} examples disagree with the practitioner",
        all.len()
    );
}

#[test]
fn the_examples_cover_every_outcome_and_every_sector_pack() {
    let mut outcomes = HashSet::new();
    let mut sectors = HashSet::new();
    for (_, document) in examples() {
        outcomes.insert(document.expected_outcome().unwrap().unwrap());
        sectors.insert(Sector::from_key(&document.sector).unwrap());
    }
    for outcome in Outcome::ALL {
        assert!(
            outcomes.contains(&outcome),
            "no example reaches {outcome:?}"
        );
    }
    for sector in Sector::ALL {
        assert!(
            sectors.contains(&sector),
            "no example uses the {sector:?} pack"
        );
    }
}

#[test]
fn examples_round_trip_through_the_format() {
    for (path, document) in examples() {
        let assessment = document.to_assessment().unwrap();
        let written = AssessmentDocument::from_assessment(&assessment, true);
        let again = written.to_assessment().unwrap();
        assert_eq!(assessment, again, "{}", path.display());
    }
}

/// The whole report in a stable, reviewable text form.
fn snapshot(report: &Report) -> String {
    // The report is data; its words come from the English catalogue's texts, as a reader sees them.
    let texts = Texts::english();
    let mut out = String::new();
    let w = &mut out;
    writeln!(
        w,
        "outcome: {}{}",
        report.outcome.key(),
        if report.decision_blocked() {
            " (decision blocked)"
        } else {
            ""
        }
    )
    .unwrap();
    writeln!(w, "next step: {}", report.next_step()).unwrap();
    writeln!(
        w,
        "risk: inherent {}, residual {}",
        report.inherent_risk.label(),
        report.residual_risk.label()
    )
    .unwrap();
    let scores: Vec<String> = report
        .elements
        .iter()
        .map(|e| format!("{}={}", e.element.letter(), e.score))
        .collect();
    writeln!(w, "elements: {}", scores.join(" ")).unwrap();
    writeln!(w, "safeguard reduction: {}", report.mitigation_reduction).unwrap();
    for element in &report.elements {
        writeln!(w, "element {}:", element.element.letter()).unwrap();
        for c in &element.contributions {
            writeln!(
                w,
                "  +{} {} = {}",
                c.points,
                c.source_id,
                texts.contribution_answer(&c.source_id, &c.answer, report.perspective)
            )
            .unwrap();
        }
    }
    writeln!(w, "reasons:").unwrap();
    for reason in &report.outcome_reason_texts() {
        writeln!(w, "  - {reason}").unwrap();
    }
    writeln!(w, "red flags:").unwrap();
    for f in &report.red_flags {
        writeln!(w, "  - {} [{}]", f.id, f.level.key()).unwrap();
    }
    writeln!(w, "possible red flags:").unwrap();
    for f in &report.possible_red_flags {
        writeln!(w, "  - {} [{}]", f.id, f.level.key()).unwrap();
    }
    writeln!(w, "blocked by:").unwrap();
    for b in &report.blockers {
        writeln!(w, "  - {} ({:?})", b.id, b.reason).unwrap();
    }
    writeln!(w, "floors:").unwrap();
    for f in &report.floors {
        writeln!(
            w,
            "  - {} (at least {}){}",
            f.id,
            f.at_least.key(),
            if f.on_unknown { " on an unknown" } else { "" }
        )
        .unwrap();
    }
    writeln!(
        w,
        "rights (severity, band, inherent likelihood, residual likelihood, risk):"
    )
    .unwrap();
    for r in &report.salient_rights {
        writeln!(
            w,
            "  - {}: {} {}, {} -> {} {}, {}{}",
            r.right.key(),
            r.severity,
            r.severity_band.label(),
            r.inherent_likelihood,
            r.residual_likelihood,
            r.likelihood_band.label(),
            r.risk.label(),
            if r.presumed { " (presumed)" } else { "" }
        )
        .unwrap();
        for line in &r.explanation {
            writeln!(w, "      {}", texts.right_explanation(line)).unwrap();
        }
    }
    writeln!(
        w,
        "benefits: {}",
        report
            .benefits
            .iter()
            .map(|r| r.key())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    if let Some(c) = report.consequences_of_not_proceeding.map(|key| {
        let question = hrdd_core::method::question_index("impacts.not_proceeding").unwrap();
        texts.option(
            &hrdd_core::method::QUESTIONS[question],
            key,
            report.perspective,
        )
    }) {
        writeln!(w, "if not proceeding: {c}").unwrap();
    }
    if report.rights_in_tension {
        writeln!(w, "rights in tension: yes").unwrap();
    }
    writeln!(
        w,
        "connection: declared {}, established {}, leverage {}",
        report.connection.declared.map_or("-", |c| c.key()),
        report.connection.established.map_or("-", |c| c.key()),
        report
            .connection
            .leverage
            .map_or("not assessed", |l| l.label())
    )
    .unwrap();
    writeln!(w, "actions:").unwrap();
    for a in &report.actions {
        let status = match a.status {
            ActionStatus::InPlace => "in place",
            ActionStatus::Planned => "planned",
            ActionStatus::ToDo => "to do",
        };
        writeln!(w, "  - {} [{status}]", a.id).unwrap();
    }
    writeln!(w, "open questions:").unwrap();
    for q in &report.open_questions {
        writeln!(
            w,
            "  - {}{}",
            q.id,
            if q.decisive { " (decisive)" } else { "" }
        )
        .unwrap();
    }
    writeln!(
        w,
        "full assessment needed: {}",
        report
            .full_assessment_needed
            .iter()
            .map(|id| texts.full_assessment_reason(id))
            .collect::<Vec<_>>()
            .join("; ")
    )
    .unwrap();
    writeln!(
        w,
        "packs added: {}",
        report
            .packs_added
            .iter()
            .map(|s| s.key())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    if let Some(country) = &report.country {
        let raising: Vec<String> = country
            .specific
            .iter()
            .filter(|s| !s.raises.is_empty())
            .map(|s| {
                format!(
                    "{} (rank {:?}) raises {}",
                    s.indicator.vdem_code(),
                    s.rank,
                    s.raises
                        .iter()
                        .map(|r| r.key())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        if !raising.is_empty() {
            writeln!(w, "destination indicators: {}", raising.join("; ")).unwrap();
        }
    }
    if let Some(m) = &report.restrictive_measures {
        writeln!(
            w,
            "restrictive measures on {}: {:?}, table says: {}",
            m.destination,
            m.status,
            if m.table_answers.is_empty() {
                "(cannot settle)".to_owned()
            } else {
                m.table_answers.join(", ")
            }
        )
        .unwrap();
        for row in &m.rows {
            writeln!(
                w,
                "  - {} {:?} {:?}: {:?}",
                row.measure.regime.key(),
                row.measure.scope,
                row.measure.verification,
                row.reading
            )
            .unwrap();
        }
    }
    writeln!(
        w,
        "what would change: {}",
        texts.what_would_change(&report.what_would_change, report.perspective)
    )
    .unwrap();
    out
}

fn snapshot_path(example: &Path) -> PathBuf {
    example.with_extension("report.txt")
}

#[test]
fn every_example_report_matches_its_reviewed_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for (path, document) in examples() {
        let report = score(&document.to_assessment().unwrap());
        let fresh = snapshot(&report);
        let file = snapshot_path(&path);
        let current = std::fs::read_to_string(&file).unwrap_or_default();
        if current != fresh {
            if update {
                std::fs::write(&file, &fresh).expect("write snapshot");
            } else {
                stale.push(file.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "reports changed; review and run UPDATE_SNAPSHOTS=1 cargo test -p hrdd-core --test examples: {stale:#?}"
    );
}

#[test]
fn every_full_example_reduced_to_a_quick_screen_agrees_or_asks_for_a_full_assessment() {
    let mut compared = 0;
    for (path, document) in examples() {
        let full = document.to_assessment().unwrap();
        if full.mode != Mode::FullAssessment {
            continue;
        }
        let mut quick = full.clone();
        quick.mode = Mode::QuickScreen;
        for (index, question) in QUESTIONS.iter().enumerate() {
            if question.scope == Scope::Full {
                quick.answers[index] = Answer::Unanswered;
            }
        }
        quick.rights = vec![RightStatus::Unrated; quick.rights.len()];
        let (full_report, quick_report) = (score(&full), score(&quick));
        let defers = !quick_report.full_assessment_needed.is_empty();
        assert!(
            quick_report.outcome == full_report.outcome || defers,
            "{}: quick {:?} without deferring, full {:?}\n{:?}",
            path.display(),
            quick_report.outcome,
            full_report.outcome,
            quick_report.outcome_reason_texts()
        );
        // Above all, a quick screen never says "proceed" where the full assessment does not.
        if quick_report.outcome == Outcome::Proceed {
            assert_eq!(full_report.outcome, Outcome::Proceed, "{}", path.display());
        }
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} full examples");
}

#[test]
fn no_snapshot_is_left_without_its_example() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".report.txt") {
            assert!(
                folder.join(format!("{stem}.json")).exists(),
                "{name} has no example"
            );
        }
    }
}

#[test]
fn method_one_files_open_and_show_method_one_outcome_beside_method_two() {
    let folder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/method1-examples");
    let mut changed = 0;
    let mut opened = 0;
    for entry in std::fs::read_dir(&folder).expect("method-1 fixtures") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let document: AssessmentDocument =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(document.method_version, 1);
        let assessment = document.to_assessment().unwrap();
        // Every answer survives a round trip in the current format.
        let written = AssessmentDocument::from_assessment(&assessment, true);
        assert_eq!(
            written.answers.keys().collect::<Vec<_>>(),
            document.answers.keys().collect::<Vec<_>>(),
            "{}",
            path.display()
        );
        assert_eq!(
            written.to_assessment().unwrap(),
            assessment,
            "{}",
            path.display()
        );
        let report = score(&assessment);
        let expected = document.expected_outcome().unwrap().unwrap();
        assert_eq!(report.method1_outcome, Some(expected), "{}", path.display());
        if report.outcome_changed_by_method() {
            changed += 1;
            assert!(
                report
                    .outcome_reason_texts()
                    .iter()
                    .any(|r| r.contains("method 1")),
                "{}: the report must say why the outcome changed",
                path.display()
            );
        }
        opened += 1;
    }
    assert_eq!(opened, 15);
    assert!(
        changed > 0,
        "method 2 changes no method-1 outcome: the comparison is untested"
    );
}

/// The law "don't know never makes the result more permissive", checked exhaustively on every
/// worked example: for every question asked and every option it offers, "don't know" is never
/// more permissive than that option.
#[test]
fn on_every_example_dont_know_is_never_more_permissive_than_any_option() {
    let mut checked = 0;
    for (path, document) in examples() {
        let a = document.to_assessment().unwrap();
        for (index, question) in QUESTIONS.iter().enumerate() {
            if !question.is_asked(&a) {
                continue;
            }
            let mut unknown = a.clone();
            unknown.answers[index] = Answer::DontKnow;
            let unknown_permission = decide(&unknown).permission;
            let options: Vec<Answer> = match question.kind {
                hrdd_core::method::QuestionKind::Single(choices) => {
                    (0..choices.len() as u8).map(Answer::Choice).collect()
                }
                hrdd_core::method::QuestionKind::Checklist(items) => {
                    // No item, each item alone, and every item.
                    let mut sets = vec![Answer::Ticked(0), Answer::Ticked((1 << items.len()) - 1)];
                    sets.extend((0..items.len()).map(|i| Answer::Ticked(1 << i)));
                    sets
                }
                hrdd_core::method::QuestionKind::Country => ["NO", "MM", "KE"]
                    .iter()
                    .map(|c| Answer::Country(c.parse().unwrap()))
                    .collect(),
                hrdd_core::method::QuestionKind::Date => ["1990-01-01", "2026-11-20"]
                    .iter()
                    .map(|d| Answer::Date(hrdd_core::dates::Day::parse(d).unwrap()))
                    .collect(),
            };
            for option in options {
                let mut known = a.clone();
                known.answers[index] = option;
                let known_permission = decide(&known).permission;
                assert!(
                    unknown_permission <= known_permission,
                    "{}: \"don't know\" to {} is more permissive than {option:?}",
                    path.display(),
                    question.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} cases");
}

#[test]
fn the_quick_decision_agrees_with_the_whole_report_on_every_example() {
    for (path, document) in examples() {
        let a = document.to_assessment().unwrap();
        let (report, decision) = (score(&a), decide(&a));
        assert_eq!(decision.outcome, report.outcome, "{}", path.display());
        assert_eq!(
            decision.decision_blocked,
            report.decision_blocked(),
            "{}",
            path.display()
        );
        assert_eq!(
            decision.permission,
            report.permission(),
            "{}",
            path.display()
        );
    }
}

/// Low leverage over a serious harm: whether the relationship is new or existing decides the
/// response (METHODOLOGY.md 4.14). On the worked examples that reach that point, an existing
/// relationship lists responsible disengagement and not "do not enter"; a new one the reverse;
/// an unanswered one lists both; and the answer never moves the outcome, a flag or a score.
#[test]
fn a_new_or_existing_relationship_decides_between_declining_and_disengaging() {
    let relationship = hrdd_core::method::question_index("connection.relationship").unwrap();
    let listed = |report: &Report, id: &str| report.actions.iter().any(|a| a.id == id);
    let mut reached = 0;
    for (path, document) in examples() {
        let assessment = document.to_assessment().unwrap();
        if assessment.mode != Mode::FullAssessment {
            continue;
        }
        let with = |key: Option<&str>| {
            let mut a = assessment.clone();
            a.answers[relationship] = Answer::Unanswered;
            if let Some(key) = key {
                a.choose("connection.relationship", key).unwrap();
            }
            score(&a)
        };
        let (unanswered, new, existing) = (with(None), with(Some("new")), with(Some("existing")));
        for report in [&new, &existing] {
            assert_eq!(report.outcome, unanswered.outcome, "{}", path.display());
            assert_eq!(report.red_flags, unanswered.red_flags, "{}", path.display());
            assert_eq!(report.elements, unanswered.elements, "{}", path.display());
            assert_eq!(
                report.salient_rights,
                unanswered.salient_rights,
                "{}",
                path.display()
            );
        }
        if !listed(&unanswered, "consider_responsible_disengagement") {
            assert!(
                !listed(&new, "decline_or_defer_new_relationship"),
                "{}",
                path.display()
            );
            continue;
        }
        reached += 1;
        assert!(
            listed(&unanswered, "decline_or_defer_new_relationship"),
            "{}",
            path.display()
        );
        assert!(
            listed(&existing, "consider_responsible_disengagement"),
            "{}",
            path.display()
        );
        assert!(
            !listed(&existing, "decline_or_defer_new_relationship"),
            "{}",
            path.display()
        );
        assert!(
            listed(&new, "decline_or_defer_new_relationship"),
            "{}",
            path.display()
        );
        assert!(
            !listed(&new, "consider_responsible_disengagement"),
            "{}",
            path.display()
        );
    }
    assert!(
        reached >= 2,
        "the examples must reach low leverage over a serious harm"
    );
}
