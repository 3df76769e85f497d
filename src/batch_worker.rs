//! The page's side of the pipeline screen's Web Worker (`www/pipeline-worker.js`): starting it
//! (only when a pipeline is screened: the first render never loads it), the messages it sends,
//! read into typed values, and stopping it. The worker reads and scores; the page shows.

use hrdd_core::method::Right;
use hrdd_core::pipeline::RowAnswers;
use hrdd_core::report::Outcome;
use js_sys::{Array, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One screened deal, as the results table shows it. (`Eq`, so that comparing two handles to
/// the same 50,000 rows is a pointer comparison.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRow {
    /// Its position in the file (the table's default order).
    pub position: usize,
    pub line: u64,
    pub deal_id: String,
    pub customer: String,
    pub outcome: Outcome,
    /// Red flag ids.
    pub red_flags: Vec<String>,
    pub possible_red_flags: u32,
    pub top_right: Option<Right>,
    pub open_questions: u32,
    pub answers: Option<RowAnswers>,
}

/// A problem of the file or of one row: its kind and parameters (`line`, `value`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchProblem {
    pub key: String,
    pub arguments: Vec<(String, String)>,
}

impl BatchProblem {
    pub fn argument(&self, name: &str) -> &str {
        self.arguments
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// What the worker says.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerMessage {
    Read {
        rows: usize,
        headers: Vec<String>,
        /// Each column's field key, or empty.
        columns: Vec<String>,
    },
    Progress {
        done: usize,
        total: usize,
    },
    Done {
        rows: Vec<BatchRow>,
        problems: Vec<BatchProblem>,
    },
    Failed {
        problem: BatchProblem,
        headers: Vec<String>,
        /// Each column's field as far as the headers tell it (the mapping screen starts there).
        columns: Vec<String>,
    },
    Csv(String),
    /// The worker could not start or stopped on an error (its script or wasm missing).
    Broken,
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn strings(value: JsValue) -> Vec<String> {
    value
        .dyn_into::<Array>()
        .map(|array| array.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

fn number(object: &JsValue, name: &str) -> usize {
    field(object, name).as_f64().unwrap_or(0.0) as usize
}

fn problem(value: &JsValue) -> BatchProblem {
    let key = field(value, "key").as_string().unwrap_or_default();
    let arguments = js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .filter_map(|entry| {
            let pair: Array = entry.dyn_into().ok()?;
            let name = pair.get(0).as_string()?;
            (name != "key").then(|| (name, pair.get(1).as_string().unwrap_or_default()))
        })
        .collect();
    BatchProblem { key, arguments }
}

/// The results as the worker writes them (see `Batch::results` in `worker/src/main.rs`).
pub fn parse_results(text: &str) -> Vec<BatchRow> {
    result_rows(text)
        .enumerate()
        .map(|(position, row)| parse_result_row(position, row))
        .collect()
}

fn result_rows(text: &str) -> impl Iterator<Item = &str> {
    text.split('\u{1e}').filter(|row| !row.is_empty())
}

/// One row of the results, at `position` in the file's order.
fn parse_result_row(position: usize, row: &str) -> BatchRow {
    let cells: Vec<&str> = row.split('\u{1f}').collect();
    let cell = |i: usize| cells.get(i).copied().unwrap_or("");
    BatchRow {
        position,
        line: cell(0).parse().unwrap_or(0),
        deal_id: cell(1).to_owned(),
        customer: cell(2).to_owned(),
        outcome: Outcome::from_key(cell(3)).unwrap_or(Outcome::Incomplete),
        red_flags: cell(4)
            .split(' ')
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect(),
        possible_red_flags: cell(5).parse().unwrap_or(0),
        top_right: Right::from_key(cell(6)),
        open_questions: cell(7).parse().unwrap_or(0),
        answers: RowAnswers::from_fields([cell(8), cell(9), cell(10), cell(11)]),
    }
}

/// Rows of the results read between two yields to the page's event loop: 50,000 rows read at
/// once held the page for about 70 ms (docs/PERFORMANCE.md); this many take a few.
const ROWS_READ_AT_ONCE: usize = 5_000;

/// Lets the page's event loop run (input, drawing) before going on: a zero-delay timeout.
async fn yield_to_page() {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timeout).await;
}

/// Reads the results a slice at a time, letting the page draw and answer input in between,
/// then hands them on (as [`parse_results`] would read them), unless the worker was stopped
/// meanwhile.
pub async fn read_results_in_slices(
    text: String,
    problems: Vec<BatchProblem>,
    stopped: Rc<Cell<bool>>,
    on_message: Rc<dyn Fn(WorkerMessage)>,
) {
    let mut rows = Vec::new();
    let mut pending = result_rows(&text).peekable();
    while pending.peek().is_some() {
        for row in pending.by_ref().take(ROWS_READ_AT_ONCE) {
            rows.push(parse_result_row(rows.len(), row));
        }
        yield_to_page().await;
        if stopped.get() {
            return;
        }
    }
    on_message(WorkerMessage::Done { rows, problems });
}

fn problems(data: &JsValue) -> Vec<BatchProblem> {
    field(data, "problems")
        .dyn_into::<Array>()
        .map(|a| a.iter().map(|p| problem(&p)).collect())
        .unwrap_or_default()
}

/// Every message but "done", whose results are read a slice at a time (`read_results_in_slices`).
fn read_message(data: &JsValue) -> Option<WorkerMessage> {
    Some(match field(data, "kind").as_string()?.as_str() {
        "read" => WorkerMessage::Read {
            rows: number(data, "rows"),
            headers: strings(field(data, "headers")),
            columns: strings(field(data, "columns")),
        },
        "progress" => WorkerMessage::Progress {
            done: number(data, "done"),
            total: number(data, "total"),
        },
        "failed" => WorkerMessage::Failed {
            problem: problem(&field(data, "problem")),
            headers: strings(field(data, "headers")),
            columns: strings(field(data, "columns")),
        },
        "csv" => WorkerMessage::Csv(field(data, "text").as_string().unwrap_or_default()),
        _ => return None,
    })
}

/// A running worker; dropping it stops it (cancel, or the screen closed).
pub struct BatchWorker {
    worker: web_sys::Worker,
    /// The one-file build's worker script address, released when the worker stops.
    blob_address: Option<String>,
    /// Set when stopped: results still being read are then dropped, not handed on.
    stopped: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl BatchWorker {
    /// Starts the worker: beside the calculator's own files, or, in the one-file build, from
    /// the page itself (its script is in the page as inert text, started from a blob: address).
    pub fn start(on_message: impl Fn(WorkerMessage) + 'static) -> Option<BatchWorker> {
        let options = web_sys::WorkerOptions::new();
        let inline = gloo::utils::document()
            .get_element_by_id("hrdd-pipeline-worker")
            .and_then(|element| element.text_content());
        // A module beside the calculator's files; a classic script in the one-file build (a page
        // opened from disk cannot start a module worker from a blob: address).
        if inline.is_none() {
            options.set_type(web_sys::WorkerType::Module);
        }
        let blob = inline.is_some();
        let address = match inline {
            Some(script) => {
                let parts = Array::of1(&JsValue::from_str(&script));
                let kind = web_sys::BlobPropertyBag::new();
                kind.set_type("text/javascript");
                let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &kind).ok()?;
                web_sys::Url::create_object_url_with_blob(&blob).ok()?
            }
            None => {
                let base = Reflect::get(&gloo::utils::window(), &"hrddAssetBase".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_else(|| "./".to_owned());
                format!("{base}pipeline-worker.js")
            }
        };
        let worker = web_sys::Worker::new_with_options(&address, &options).ok()?;
        let on_message: Rc<dyn Fn(WorkerMessage)> = Rc::new(on_message);
        let stopped = Rc::new(Cell::new(false));
        let receive = {
            let (on_message, stopped) = (on_message.clone(), stopped.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                // The results of 50,000 deals are read a slice at a time (the page stays
                // responsive); every other message at once.
                if field(&data, "kind").as_string().as_deref() == Some("done") {
                    let text = field(&data, "results").as_string().unwrap_or_default();
                    wasm_bindgen_futures::spawn_local(read_results_in_slices(
                        text,
                        problems(&data),
                        stopped.clone(),
                        on_message.clone(),
                    ));
                } else if let Some(message) = read_message(&data) {
                    on_message(message);
                }
            })
        };
        let fail =
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_message(WorkerMessage::Broken));
        worker.set_onmessage(Some(receive.as_ref().unchecked_ref()));
        worker.set_onerror(Some(fail.as_ref().unchecked_ref()));
        Some(BatchWorker {
            worker,
            blob_address: blob.then_some(address),
            stopped,
            _on_message: receive,
            _on_error: fail,
        })
    }

    /// Screens a file (its bytes move to the worker) or, with `None`, the file already sent
    /// again with another mapping (header, field key pairs).
    pub fn screen(
        &self,
        bytes: Option<js_sys::ArrayBuffer>,
        mapping: &[(String, String)],
        required_lists: &[&str],
    ) {
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"kind".into(), &"screen".into());
        let flat: Array = mapping
            .iter()
            .flat_map(|(header, key)| [JsValue::from_str(header), JsValue::from_str(key)])
            .collect();
        let _ = Reflect::set(&message, &"mapping".into(), &flat);
        let lists: Array = required_lists
            .iter()
            .map(|l| JsValue::from_str(l))
            .collect();
        let _ = Reflect::set(&message, &"requiredLists".into(), &lists);
        let transfer = Array::new();
        if let Some(bytes) = bytes {
            let _ = Reflect::set(&message, &"bytes".into(), &bytes);
            transfer.push(&bytes);
        }
        let _ = self.worker.post_message_with_transfer(&message, &transfer);
    }

    /// Asks for the results as CSV (answered by `WorkerMessage::Csv`).
    pub fn export_csv(&self, today: &str) {
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"kind".into(), &"csv".into());
        let _ = Reflect::set(&message, &"today".into(), &today.into());
        let _ = self.worker.post_message(&message);
    }
}

impl Drop for BatchWorker {
    fn drop(&mut self) {
        // Unset the handlers first: a message already queued must not reach a dropped closure.
        self.stopped.set(true);
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        if let Some(address) = &self.blob_address {
            let _ = web_sys::Url::revoke_object_url(address);
        }
    }
}
