//! `hrdd-score --csv deals.csv`: a pipeline export screened row by row with the core's
//! `pipeline` module; the results as CSV on standard output, the problems (each with its line)
//! on standard error.

use hrdd_core::i18n::{Catalogue, CATALOGUE_FILES};
use hrdd_core::pipeline::{result_row, screen_pipeline, RESULT_COLUMNS};
use hrdd_core::report::Outcome;
use hrdd_core::screening::Policy;
use std::process::ExitCode;

/// Largest export accepted: 50,000 rows of a CRM export are a few megabytes.
const MAX_CSV_BYTES: u64 = 64 << 20;

/// The text of an export: UTF-8 (with or without its byte-order mark), else Windows-1252, the
/// encoding spreadsheets on Windows save "CSV" in.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.trim_start_matches('\u{feff}').to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// A mapping file: a JSON object from a header of the export to a field key.
fn read_mapping(path: &str) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
        .map_err(|e| format!("{path} is not a JSON object of header to field: {e}"))?;
    object
        .into_iter()
        .map(|(header, field)| match field {
            serde_json::Value::String(field) => Ok((header, field)),
            _ => Err(format!(
                "{path}: the field for \"{header}\" must be a string"
            )),
        })
        .collect()
}

pub fn run(
    path: &str,
    mapping: Option<&str>,
    policy: &Policy,
    fail_at: Option<Outcome>,
) -> ExitCode {
    let fail = |message: String| {
        eprintln!("hrdd-score: {path}: {message}");
        ExitCode::FAILURE
    };
    let mapping = match mapping.map(read_mapping).transpose() {
        Ok(mapping) => mapping.unwrap_or_default(),
        Err(message) => {
            eprintln!("hrdd-score: {message}");
            return ExitCode::from(2);
        }
    };
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_CSV_BYTES => {
            return fail(format!(
            "the file is larger than {} MB; a pipeline export of 50,000 rows is a few megabytes",
            MAX_CSV_BYTES >> 20
        ))
        }
        Ok(_) => {}
        Err(e) => return fail(format!("cannot read the file: {e}")),
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return fail(format!("cannot read the file: {e}")),
    };
    let catalogues: Vec<Catalogue> = CATALOGUE_FILES
        .iter()
        .filter_map(|(_, text)| Catalogue::parse(text).ok())
        .collect();
    let screened = match screen_pipeline(&decode(&bytes), &mapping, &catalogues, policy) {
        Ok(screened) => screened,
        Err(problem) => return fail(problem.to_string()),
    };
    for problem in &screened.problems {
        eprintln!("{path}: {problem}");
    }
    // The core reads no clock: today is the machine's (UTC).
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| u32::try_from(d.as_secs() / 86_400).ok())
        .and_then(hrdd_core::dates::Day::from_number)
        .map_or_else(String::new, |day| day.to_string());
    let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
    let written = writer.write_record(RESULT_COLUMNS).and_then(|()| {
        screened
            .rows
            .iter()
            .try_for_each(|row| writer.write_record(result_row(row, &today)))
    });
    if let Err(e) = written.and_then(|()| writer.flush().map_err(csv::Error::from)) {
        return fail(format!("could not write the results: {e}"));
    }
    let mut counts: Vec<(Outcome, usize)> = Outcome::ALL.iter().map(|o| (*o, 0)).collect();
    for row in &screened.rows {
        if let Some(count) = counts.iter_mut().find(|(o, _)| *o == row.triage.outcome) {
            count.1 += 1;
        }
    }
    eprintln!(
        "{path}: {} deals screened ({}); {} problems",
        screened.rows.len(),
        counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(o, n)| format!("{n} {}", o.key()))
            .collect::<Vec<_>>()
            .join(", "),
        screened.problems.len()
    );
    if fail_at.is_some_and(|limit| screened.rows.iter().any(|r| r.triage.outcome >= limit)) {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}
