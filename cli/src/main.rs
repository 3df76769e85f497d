//! `hrdd-score FILE...`: scores saved assessments (JSON format, docs/FORMAT.md) with the same
//! core as the browser app. Prints a JSON array of results on standard output and one summary
//! line per file on standard error, for teams who script it.

use hrdd_core::format::{AssessmentDocument, ReportDocument};
use hrdd_core::i18n::{Catalogue, Language, Texts, CATALOGUE_FILES};
use hrdd_core::method::{ACTIONS, RED_FLAGS};
use hrdd_core::report::Outcome;
use hrdd_core::scoring::score_with;
use hrdd_core::screening::Policy;
use serde::Serialize;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: hrdd-score [--fail-at OUTCOME] [--require-lists LIST,...] [--lang LANGUAGE] FILE...
       hrdd-score --csv EXPORT [--map MAPPING] [--fail-at OUTCOME] [--require-lists LIST,...]

Scores each assessment file (JSON, see docs/FORMAT.md) and prints a JSON array with one result
per file on standard output, and one summary line per file on standard error.

Options:
  --fail-at OUTCOME  exit with status 3 if any file's outcome is OUTCOME or more restrictive;
                     OUTCOME is one of proceed_with_conditions, assessment_incomplete,
                     escalate, do_not_proceed
  --require-lists LIST,...
                     the sanctions lists every party must be screened against (as an
                     organisation's settings.json names them): un, eu, us_ofac, us_bis, uk,
                     other_state, organisation. \"No party is listed\" counts only when a
                     file's screening record ticks them all
  --lang LANGUAGE    add to each result the texts a reader needs (outcome, next step, reasons,
                     red flags, actions, rights and how each was rated, what each answer
                     added, what would change) in LANGUAGE, a language's code (fr, es, en,
                     …). The report itself
                     keeps its stable ids and English texts, whatever the language
  --csv EXPORT       quick-screen every row of a pipeline export (CSV or TSV, UTF-8 or
                     Windows-1252; columns such as Deal ID, Customer, Country, Product
                     category, Customer type, Sales channel) and write the results as CSV
                     on standard output; each problem, with its line, on standard error
  --map MAPPING      with --csv: a JSON object naming the field of columns with other
                     names, e.g. {\"Opp #\": \"deal_id\"}; fields: deal_id, customer,
                     country, product_category, customer_type, sales_channel
  -h, --help         show this help

Exit status: 0 all files scored; 1 a file could not be read or is not a valid assessment;
2 wrong usage; 3 the --fail-at threshold was reached.";

/// One file's result: its report, or why it could not be scored.
#[derive(Serialize)]
struct FileResult {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<ReportDocument>,
    /// The report's texts in the language asked for with `--lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    texts: Option<RenderedTexts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// What a reader needs of a report, in one language, keyed by the report's ids.
#[derive(Serialize)]
struct RenderedTexts {
    language: &'static str,
    outcome: String,
    meaning: String,
    next_step: String,
    red_flags: Vec<RenderedItem>,
    possible_red_flags: Vec<RenderedItem>,
    actions: Vec<RenderedItem>,
    /// Right key -> its name.
    salient_rights: Vec<RenderedItem>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    full_assessment_needed: Vec<String>,
    outcome_reasons: Vec<String>,
    what_would_change: String,
    /// Element id -> what each answer added, one line per contribution.
    explanation: std::collections::BTreeMap<&'static str, Vec<String>>,
}

#[derive(Serialize)]
struct RenderedItem {
    id: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

/// The texts of a language, from the catalogues built into the program.
fn texts_for(language: Language) -> Texts {
    CATALOGUE_FILES
        .iter()
        .find(|(l, _)| *l == language)
        .and_then(|(_, text)| Catalogue::parse(text).ok())
        .map_or_else(Texts::english, |catalogue| Texts::new(language, catalogue))
}

fn rendered(texts: &Texts, report: &hrdd_core::Report) -> RenderedTexts {
    let flags = |list: &[hrdd_core::report::RaisedRedFlag]| {
        list.iter()
            .map(|f| {
                let definition = RED_FLAGS.iter().find(|d| d.id == f.id);
                RenderedItem {
                    id: f.id,
                    title: definition.map_or(f.id, |d| texts.flag_title(d)).to_owned(),
                    detail: Some(definition.map_or("", |d| texts.flag_why(d)).to_owned()),
                }
            })
            .collect()
    };
    RenderedTexts {
        language: texts.language().code(),
        outcome: texts.outcome(report.outcome).to_owned(),
        meaning: texts.outcome_meaning(report.outcome).to_owned(),
        next_step: texts.next_step(report),
        red_flags: flags(&report.red_flags),
        possible_red_flags: flags(&report.possible_red_flags),
        actions: report
            .actions
            .iter()
            .map(|a| {
                let definition = ACTIONS.iter().find(|d| d.id == a.id);
                RenderedItem {
                    id: a.id,
                    title: definition
                        .map_or(a.id, |d| texts.action_title(d))
                        .to_owned(),
                    detail: Some(definition.map_or("", |d| texts.action_detail(d)).to_owned()),
                }
            })
            .collect(),
        salient_rights: report
            .salient_rights
            .iter()
            .map(|r| RenderedItem {
                id: r.right.key(),
                title: texts.right(r.right).to_owned(),
                detail: Some(
                    r.explanation
                        .iter()
                        .map(|line| texts.right_explanation(line))
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
            })
            .collect(),
        full_assessment_needed: report
            .full_assessment_needed
            .iter()
            .map(|r| texts.full_assessment_reason(r).to_owned())
            .collect(),
        outcome_reasons: report
            .outcome_reasons
            .iter()
            .map(|r| texts.outcome_reason(r))
            .collect(),
        what_would_change: texts.what_would_change(&report.what_would_change, report.perspective),
        explanation: texts.explanation_by_element(report),
    }
}

mod pipeline;

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut csv_file: Option<String> = None;
    let mut mapping_file: Option<String> = None;
    let mut fail_at: Option<Outcome> = None;
    let mut policy = Policy::default();
    let mut language: Option<Language> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--fail-at" => match args.next().as_deref().and_then(Outcome::from_key) {
                Some(outcome) if outcome != Outcome::Proceed => fail_at = Some(outcome),
                _ => {
                    eprintln!("hrdd-score: --fail-at needs an outcome more restrictive than proceed\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--require-lists" => {
                let keys: Vec<String> = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(|key| key.trim().to_owned())
                    .filter(|key| !key.is_empty())
                    .collect();
                match Policy::with_required_lists(&keys) {
                    Ok(read) if !read.required_screening_lists.is_empty() => policy = read,
                    Ok(_) => {
                        eprintln!("hrdd-score: --require-lists needs at least one list\n\n{USAGE}");
                        return ExitCode::from(2);
                    }
                    Err(e) => {
                        eprintln!("hrdd-score: --require-lists: {e}\n\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--lang" => {
                let code = args.next().unwrap_or_default();
                match Language::ALL.into_iter().find(|l| l.code() == code) {
                    Some(chosen) => language = Some(chosen),
                    None => {
                        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                        eprintln!(
                            "hrdd-score: --lang needs one of {}\n\n{USAGE}",
                            codes.join(", ")
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            "--csv" => match args.next() {
                Some(file) => csv_file = Some(file),
                None => {
                    eprintln!("hrdd-score: --csv needs a file\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--map" => match args.next() {
                Some(file) => mapping_file = Some(file),
                None => {
                    eprintln!("hrdd-score: --map needs a file\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            flag if flag.starts_with('-') && flag != "-" => {
                eprintln!("hrdd-score: unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    if let Some(csv_file) = csv_file {
        if !files.is_empty() || language.is_some() {
            eprintln!(
                "hrdd-score: --csv screens one export; give no other file and no --lang\n\n{USAGE}"
            );
            return ExitCode::from(2);
        }
        return pipeline::run(&csv_file, mapping_file.as_deref(), &policy, fail_at);
    }
    if mapping_file.is_some() {
        eprintln!("hrdd-score: --map goes with --csv\n\n{USAGE}");
        return ExitCode::from(2);
    }
    if files.is_empty() {
        eprintln!("hrdd-score: no file given\n\n{USAGE}");
        return ExitCode::from(2);
    }

    let texts = language.map(texts_for);
    let mut results = Vec::new();
    let mut any_error = false;
    let mut threshold_reached = false;
    for file in files {
        match score_file(&file, &policy) {
            Ok((report, summary)) => {
                eprintln!("{file}: {summary}");
                threshold_reached |= fail_at.is_some_and(|limit| report.outcome >= limit);
                results.push(FileResult {
                    file,
                    summary: Some(summary),
                    report: Some(ReportDocument::from_report(&report)),
                    texts: texts.as_ref().map(|texts| rendered(texts, &report)),
                    error: None,
                });
            }
            Err(message) => {
                eprintln!("{file}: error: {message}");
                any_error = true;
                results.push(FileResult {
                    file,
                    summary: None,
                    report: None,
                    texts: None,
                    error: Some(message),
                });
            }
        }
    }
    match serde_json::to_string_pretty(&results) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("hrdd-score: could not write the results: {e}");
            return ExitCode::FAILURE;
        }
    }
    if any_error {
        ExitCode::FAILURE
    } else if threshold_reached {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

/// Largest file accepted: a full assessment with free text is a few kilobytes.
const MAX_FILE_BYTES: u64 = 1 << 20;

fn score_file(path: &str, policy: &Policy) -> Result<(hrdd_core::Report, String), String> {
    let metadata = std::fs::metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the file is larger than {MAX_FILE_BYTES} bytes; an assessment is a few kilobytes"
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let document: AssessmentDocument =
        serde_json::from_str(&text).map_err(|e| format!("not a valid assessment document: {e}"))?;
    let assessment = document.to_assessment().map_err(|e| e.to_string())?;
    let report = score_with(&assessment, policy);
    let summary = report.summary_line();
    Ok((report, summary))
}
