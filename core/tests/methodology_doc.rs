//! docs/METHODOLOGY.md carries generated tables of every question, option, point, red flag and
//! action, so that the document always states the weights the code uses. This test regenerates
//! them and fails if the document is out of date; `UPDATE_DOCS=1 cargo test -p hrdd-core --test
//! methodology_doc` rewrites them.

use hrdd_core::method::{
    FlagLevel, QuestionKind, Relevance, Scope, Trigger, ACTIONS, COUNTRY_CONTEXT_MAX_POINTS,
    DISALLOWED_WITHOUT_FULL_ASSESSMENT, KYC_GATE, LIKELIHOOD_SIGNALS, METHOD1_MIGRATIONS,
    METHOD_VERSION, OUTCOME_FLOORS, QUESTIONS, RED_FLAGS,
};
use std::fmt::Write;
use std::path::PathBuf;

const BEGIN: &str = "<!-- generated tables: begin (core/tests/methodology_doc.rs) -->";
const END: &str = "<!-- generated tables: end -->";

fn trigger_text(trigger: &Trigger) -> String {
    match trigger {
        Trigger::AnswerIs { question, choices } => {
            format!("`{question}` = {}", choices.join(" or "))
        }
        Trigger::Ticked { question, item } => format!("`{question}` includes {item}"),
        Trigger::SectorIs(sector) => format!("sector pack is {}", sector.key()),
        Trigger::CustomerIs(choices) => {
            format!("customer or end user is {}", choices.join(" or "))
        }
        Trigger::CountryContextMayReach(level) => {
            format!(
                "country context, within its margin, may reach {}",
                level.key()
            )
        }
        Trigger::CountryContextAtLeast(level) => {
            format!("country context at least {}", level.key())
        }
        Trigger::DestinationAmongWorst(indicator) => format!(
            "destination among the worst {}% on V-Dem `{}` ({})",
            hrdd_core::method::WORST_SHARE_PERCENT,
            indicator.vdem_code(),
            indicator.label().to_lowercase()
        ),
        Trigger::AllOf(all) => all
            .iter()
            .map(trigger_text)
            .collect::<Vec<_>>()
            .join(" **and** "),
        Trigger::AnyOf(any) => format!(
            "({})",
            any.iter()
                .map(trigger_text)
                .collect::<Vec<_>>()
                .join(" **or** ")
        ),
    }
}

fn relevance_text(relevance: &Relevance) -> String {
    match relevance {
        Relevance::When(t) => trigger_text(t),
        Relevance::ElementAtLeast(e, n) => format!("{} score at least {n}", e.letter()),
        Relevance::OutcomeAtLeast(o) => format!("outcome at least \"{}\"", o.label()),
        Relevance::OutcomeAtMost(o) => format!("outcome at most \"{}\"", o.label()),
        Relevance::AnyRedFlag => "any red flag that escalates or prohibits".into(),
        Relevance::BenefitsRecorded => "benefits recorded".into(),
        Relevance::OpenQuestions => "any open question".into(),
        Relevance::FlagRaised(ids) => format!("red flag raised or possible: {}", ids.join(", ")),
        Relevance::ConnectionIs(c) => format!(
            "connection is {}",
            c.iter().map(|c| c.key()).collect::<Vec<_>>().join(" or ")
        ),
        Relevance::ConnectionUnknown => "connection not established".into(),
        Relevance::LeverageAtMost(l) => format!("leverage at most {}", l.label()),
        Relevance::SeverityAtLeast(b) => format!("a right at least {}", b.label()),
        Relevance::RightsInTension => "rights in tension".into(),
        Relevance::AllOf(all) => all
            .iter()
            .map(relevance_text)
            .collect::<Vec<_>>()
            .join(" **and** "),
        Relevance::AnyOf(any) => any
            .iter()
            .map(relevance_text)
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

fn generated() -> String {
    let mut out = String::new();
    writeln!(out, "{BEGIN}\n").unwrap();
    writeln!(
        out,
        "### Question catalogue (method version {METHOD_VERSION})\n"
    )
    .unwrap();
    writeln!(out, "Points go to the element in the *scores* column. \"Don't know\" and unanswered count as the worst case: the highest option, or all items of a checklist.\n").unwrap();
    writeln!(
        out,
        "| id | asked in | sector | decisive | scores | options (points) | source |"
    )
    .unwrap();
    writeln!(out, "|---|---|---|---|---|---|---|").unwrap();
    for q in QUESTIONS {
        let options = match q.kind {
            QuestionKind::Single(c) | QuestionKind::Checklist(c) => c
                .iter()
                .map(|c| format!("{} ({})", c.key, c.points))
                .collect::<Vec<_>>()
                .join(", "),
            QuestionKind::Country => {
                format!("country context index × {COUNTRY_CONTEXT_MAX_POINTS} / 100 (continuous)")
            }
            QuestionKind::Date => "a date (not scored)".to_owned(),
        };
        let kind = if matches!(q.kind, QuestionKind::Checklist(_)) {
            " (tick any)"
        } else {
            ""
        };
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {}{} | {} |",
            q.id,
            if q.scope == Scope::Quick {
                "quick and full"
            } else {
                "full"
            },
            match (q.retired, q.sector) {
                (true, _) => "retired (method 1 only)".to_owned(),
                (false, None) => "all".to_owned(),
                (false, Some(s)) => format!("{} (or when relevant)", s.key()),
            },
            if q.decisive { "yes" } else { "" },
            q.scored.map_or("likelihood (safeguard)".to_owned(), |e| e
                .letter()
                .to_string()),
            options,
            kind,
            q.source
        )
        .unwrap();
    }
    writeln!(out, "\n### Red flags ({} in all)\n", RED_FLAGS.len()).unwrap();
    writeln!(out, "| id | forces | raised when | source |").unwrap();
    writeln!(out, "|---|---|---|---|").unwrap();
    for f in RED_FLAGS {
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            f.id,
            match f.level {
                FlagLevel::Prohibited => "**do not proceed**",
                FlagLevel::Escalate => "escalate",
                FlagLevel::Conditions => "conditions (check first)",
            },
            trigger_text(&f.trigger),
            f.source
        )
        .unwrap();
    }
    writeln!(
        out,
        "\n### Floors set by the customer and the destination\n"
    )
    .unwrap();
    writeln!(out, "| id | at least | when | source |").unwrap();
    writeln!(out, "|---|---|---|---|").unwrap();
    for f in OUTCOME_FLOORS {
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            f.id,
            f.at_least.label().to_lowercase(),
            trigger_text(&f.trigger),
            f.source
        )
        .unwrap();
    }
    writeln!(
        out,
        "\n### Know-your-customer and legal gate\n\nUnknown answers to these block \"proceed\" and \"proceed with conditions\": {}.",
        KYC_GATE.iter().map(|q| format!("`{q}`")).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    writeln!(out, "\n### Likelihood signals per right\n").unwrap();
    writeln!(out, "| when | adds | to the likelihood of |").unwrap();
    writeln!(out, "|---|---|---|").unwrap();
    for s in LIKELIHOOD_SIGNALS {
        writeln!(
            out,
            "| {} | {} | {} |",
            trigger_text(&s.trigger),
            s.points,
            if s.rights.is_empty() {
                "every right at risk".to_owned()
            } else {
                s.rights
                    .iter()
                    .map(|r| r.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        )
        .unwrap();
    }
    writeln!(
        out,
        "\n### What stops a quick screen from saying \"proceed\"\n"
    )
    .unwrap();
    for (_, trigger, why) in DISALLOWED_WITHOUT_FULL_ASSESSMENT {
        writeln!(out, "- {why}: {}", trigger_text(trigger)).unwrap();
    }
    writeln!(out, "\n### Method 1 answers to retired questions\n").unwrap();
    writeln!(out, "| retired question | answer | read as |").unwrap();
    writeln!(out, "|---|---|---|").unwrap();
    for m in METHOD1_MIGRATIONS {
        writeln!(
            out,
            "| `{}` | {} | {} |",
            m.retired_question,
            m.retired_option,
            m.becomes
                .iter()
                .map(|(q, o)| format!("`{q}` = {o}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
    }
    writeln!(out, "\n### Recommended actions\n").unwrap();
    writeln!(out, "| id | recommended when | in place when | source |").unwrap();
    writeln!(out, "|---|---|---|---|").unwrap();
    for a in ACTIONS {
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            a.id,
            relevance_text(&a.relevance),
            a.in_place_when
                .as_ref()
                .map_or("—".to_owned(), trigger_text),
            a.source
        )
        .unwrap();
    }
    writeln!(out, "\n{END}").unwrap();
    out
}

#[test]
fn methodology_tables_match_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/METHODOLOGY.md");
    let text = std::fs::read_to_string(&path).expect("docs/METHODOLOGY.md exists");
    let (Some(begin), Some(end)) = (text.find(BEGIN), text.find(END)) else {
        panic!("docs/METHODOLOGY.md lacks the generated-table markers");
    };
    let current = &text[begin..end + END.len() + 1];
    let fresh = generated();
    if current != fresh {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let updated = format!(
                "{}{}{}",
                &text[..begin],
                fresh,
                &text[end + END.len() + 1..]
            );
            std::fs::write(&path, updated).expect("write docs/METHODOLOGY.md");
        } else {
            panic!("docs/METHODOLOGY.md is out of date: run UPDATE_DOCS=1 cargo test -p hrdd-core --test methodology_doc");
        }
    }
}
