//! The pipeline screen's Web Worker: owns reading an export and quick-screening its rows off the
//! page's thread, a slice at a time (the page shows the progress and can stop the worker), then
//! the results table's rows, the exported CSV and the problems, as data. The words are the
//! page's: problems travel as a key and parameters, outcomes and flags as the method's ids.
//! `www/pipeline-worker.js` runs it; nothing here or there sends anything anywhere.

use hrdd_core::i18n::Catalogue;
use hrdd_core::pipeline::{
    fold, read_headers, read_pipeline, result_row, triage_cells, Mapping, PipelineProblem,
    PipelineRead, Screened, RESULT_COLUMNS,
};
use hrdd_core::scoring::Triage;
use hrdd_core::screening::Policy;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

include!(concat!(env!("OUT_DIR"), "/country_names.rs"));

/// Separators of the results handed to the page: control characters that no cell keeps.
const FIELD: char = '\u{1f}';
const ROW: char = '\u{1e}';

fn main() {}

/// A problem as the page reads it: `{ key, line?, value?, … }`.
fn problem_object(problem: &PipelineProblem) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"key".into(), &problem.key().into());
    for (name, value) in problem.arguments() {
        let _ = Reflect::set(&object, &name.into(), &value.into());
    }
    object.into()
}

/// The header row of an export, for the mapping screen; a problem object if it has none.
#[wasm_bindgen]
pub fn headers(text: &str) -> Result<Vec<String>, JsValue> {
    read_headers(text).map_err(|p| problem_object(&p))
}

/// The mapping (flat: header, field key…) kept to the headers this file has: the
/// organisation's and the remembered mappings are for every export.
fn present_mapping(text: &str, mapping: &[String]) -> Vec<(String, String)> {
    let present: Vec<String> = read_headers(text)
        .unwrap_or_default()
        .iter()
        .map(|h| fold(h))
        .collect();
    mapping
        .chunks_exact(2)
        .filter(|pair| present.contains(&fold(&pair[0])))
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect()
}

/// Each column's field as far as the headers and the mapping tell it, without requiring a deal
/// ID column: where the mapping screen starts when the file has none.
#[wasm_bindgen(js_name = guessedColumns)]
pub fn guessed_columns(text: &str, mapping: Vec<String>) -> Vec<String> {
    let headers = read_headers(text).unwrap_or_default();
    Mapping::guess(&headers, &present_mapping(text, &mapping))
        .map(|m| m.column_keys(headers.len()))
        .unwrap_or_else(|_| vec![""; headers.len()])
        .into_iter()
        .map(str::to_owned)
        .collect()
}

enum Stage {
    Scoring {
        read: PipelineRead,
        triages: Vec<Option<Triage>>,
        next_row: usize,
    },
    Screened(Screened),
    /// Only while moving from one stage to the next.
    Moving,
}

/// One export being screened.
#[wasm_bindgen]
pub struct Batch {
    stage: Stage,
    policy: Policy,
    /// Each column's field key, or empty (how the columns were read, shown to the user).
    columns: Vec<String>,
    headers: Vec<String>,
}

#[wasm_bindgen]
impl Batch {
    /// Reads the export. `mapping` is flat: header, field key, header, field key…
    /// `required_lists`: the organisation's required screening lists (its settings file).
    #[wasm_bindgen(constructor)]
    pub fn new(
        text: &str,
        mapping: Vec<String>,
        required_lists: Vec<String>,
    ) -> Result<Batch, JsValue> {
        let policy = Policy::with_required_lists(&required_lists).unwrap_or_default();
        let mapping = present_mapping(text, &mapping);
        let catalogues: Vec<Catalogue> = COUNTRY_NAMES
            .iter()
            .filter_map(|text| Catalogue::parse(text).ok())
            .collect();
        let read = read_pipeline(text, &mapping, &catalogues).map_err(|p| problem_object(&p))?;
        let columns = read
            .mapping
            .column_keys(read.headers.len())
            .into_iter()
            .map(str::to_owned)
            .collect();
        let headers = read.headers.clone();
        let triages = vec![None; read.distinct().len()];
        Ok(Batch {
            stage: Stage::Scoring {
                read,
                triages,
                next_row: 0,
            },
            policy,
            columns,
            headers,
        })
    }

    pub fn headers(&self) -> Vec<String> {
        self.headers.clone()
    }

    /// Each column's field key, or empty where no field reads it.
    pub fn columns(&self) -> Vec<String> {
        self.columns.clone()
    }

    /// How many rows (deals) there are to screen.
    pub fn rows(&self) -> usize {
        match &self.stage {
            Stage::Scoring { read, .. } => read.row_count(),
            Stage::Screened(screened) => screened.rows.len(),
            Stage::Moving => 0,
        }
    }

    /// Screens up to `count` more rows in file order; returns how many rows are screened now.
    pub fn screen(&mut self, count: usize) -> usize {
        let Stage::Scoring {
            read,
            triages,
            next_row,
        } = &mut self.stage
        else {
            return self.rows();
        };
        let end = (*next_row + count).min(read.row_count());
        read.triage_rows(*next_row..end, triages, &self.policy);
        *next_row = end;
        if end < read.row_count() {
            return end;
        }
        if let Stage::Scoring { read, triages, .. } =
            std::mem::replace(&mut self.stage, Stage::Moving)
        {
            let triages = triages
                .into_iter()
                .map(|t| t.expect("every row's answers were scored"))
                .collect();
            self.stage = Stage::Screened(read.into_screened(triages));
        }
        end
    }

    /// The results, one row per deal in file order, separated by U+001E; in each, separated by
    /// U+001F: line, deal id, customer, outcome, red flags (space-separated ids), possible red
    /// flags, top right at risk, open questions, then the row's four answers (`to_fields`).
    pub fn results(&self) -> String {
        let Stage::Screened(screened) = &self.stage else {
            return String::new();
        };
        let clean = |text: &str| text.replace([FIELD, ROW], " ");
        let mut out = String::with_capacity(screened.rows.len() * 80);
        for row in &screened.rows {
            let fields = row.answers.to_fields();
            let cells = [
                row.line.to_string(),
                clean(&row.deal_id),
                clean(&row.customer),
            ]
            .into_iter()
            .chain(triage_cells(&row.triage));
            for (i, cell) in cells.chain(fields).enumerate() {
                if i > 0 {
                    out.push(FIELD);
                }
                out.push_str(&cell);
            }
            out.push(ROW);
        }
        out
    }

    /// Every problem, each with its line: an array of `{ key, line, value, … }`.
    pub fn problems(&self) -> Array {
        let problems = match &self.stage {
            Stage::Scoring { read, .. } => &read.problems,
            Stage::Screened(screened) => &screened.problems,
            Stage::Moving => return Array::new(),
        };
        problems.iter().map(problem_object).collect()
    }

    /// The results as a CSV file (the command line's columns), formula-looking cells escaped;
    /// `today` is the date written in each row.
    pub fn csv(&self, today: &str) -> String {
        let Stage::Screened(screened) = &self.stage else {
            return String::new();
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(RESULT_COLUMNS);
        for row in &screened.rows {
            let _ = writer.write_record(result_row(row, today));
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}
