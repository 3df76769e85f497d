//! The pipeline screen: a CRM export chosen by the user, screened row by row by the core in a
//! Web Worker (`batch_worker`), with the progress and a way to stop; the columns as they were
//! read and a screen to map them; the results as a table to sort, filter and page through, the
//! counts per outcome as a small chart, the problems by line; export as CSV; any row opened as a
//! full assessment draft. The file never leaves the device: the worker is given its bytes and
//! hands back the results. Its state is the screen's own (results derived from the chosen
//! file), not the assessment's.

use crate::batch_worker::{BatchProblem, BatchRow, BatchWorker, WorkerMessage};
use crate::settings::Settings;
use crate::state::{AppAction, AppState, Notice};
use hrdd_core::i18n::Texts;
use hrdd_core::method::{Mode, RED_FLAGS};
use hrdd_core::pipeline::Field;
use hrdd_core::report::Outcome;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Largest export read: 50,000 rows of a CRM export are a few megabytes.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;
/// Rows shown per page of the results table.
const PAGE_ROWS: usize = 100;
/// Problems listed on screen (all are counted; the rest are in the command line's output).
const PROBLEMS_SHOWN: usize = 200;
/// Where this browser remembers the user's mapping (header → field key pairs, as JSON).
const MAPPING_KEY: &str = "hrdd-pipeline-mapping";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    File,
    DealId,
    Customer,
    Outcome,
    RedFlags,
    OpenQuestions,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// No file yet.
    Idle,
    Screening {
        done: usize,
        total: usize,
    },
    Done,
    Cancelled,
    /// The file could not be screened (the problem says why).
    Failed(BatchProblem),
    /// Larger than `MAX_FILE_BYTES`.
    TooLarge,
    /// The browser could not read the file, or could not start the worker.
    Unreadable,
    Broken,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BatchState {
    pub file_name: String,
    pub phase: Phase,
    pub headers: Vec<String>,
    /// Each column's field key as read, or empty.
    pub columns: Vec<String>,
    pub mapping_open: bool,
    pub rows: Rc<Vec<BatchRow>>,
    pub problems: Rc<Vec<BatchProblem>>,
    /// The column and whether it sorts descending.
    pub sort: (SortColumn, bool),
    pub outcome_filter: Option<Outcome>,
    pub search: String,
    pub page: usize,
}

impl Default for BatchState {
    fn default() -> Self {
        BatchState {
            file_name: String::new(),
            phase: Phase::Idle,
            headers: Vec::new(),
            columns: Vec::new(),
            mapping_open: false,
            rows: Rc::default(),
            problems: Rc::default(),
            // Deals that need a human first.
            sort: (SortColumn::Outcome, true),
            outcome_filter: None,
            search: String::new(),
            page: 0,
        }
    }
}

pub enum BatchAction {
    Started(String),
    Message(WorkerMessage),
    Cancelled,
    FileProblem(Phase),
    Sort(SortColumn),
    FilterOutcome(Option<Outcome>),
    Search(String),
    Page(usize),
    ShowMapping(bool),
}

impl Reducible for BatchState {
    type Action = BatchAction;

    fn reduce(self: Rc<Self>, action: BatchAction) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            BatchAction::Started(file_name) => {
                state = BatchState {
                    file_name,
                    phase: Phase::Screening { done: 0, total: 0 },
                    sort: state.sort,
                    ..BatchState::default()
                };
            }
            BatchAction::Message(message) => match message {
                WorkerMessage::Read {
                    rows,
                    headers,
                    columns,
                } => {
                    state.headers = headers;
                    state.columns = columns;
                    state.phase = Phase::Screening {
                        done: 0,
                        total: rows,
                    };
                }
                WorkerMessage::Progress { done, total } => {
                    if matches!(state.phase, Phase::Screening { .. }) {
                        state.phase = Phase::Screening { done, total };
                    }
                }
                WorkerMessage::Done { rows, problems } => {
                    state.rows = Rc::new(rows);
                    state.problems = Rc::new(problems);
                    state.phase = Phase::Done;
                    state.page = 0;
                }
                WorkerMessage::Failed {
                    problem,
                    headers,
                    columns,
                } => {
                    // Without a deal id column the mapping screen is where to go next, with the
                    // columns that were recognised already chosen.
                    state.mapping_open = problem.key == "no-deal-id-column" && !headers.is_empty();
                    state.columns = if columns.len() == headers.len() {
                        columns
                    } else {
                        vec![String::new(); headers.len()]
                    };
                    state.headers = headers;
                    state.phase = Phase::Failed(problem);
                }
                WorkerMessage::Broken => state.phase = Phase::Broken,
                WorkerMessage::Csv(_) => {}
            },
            BatchAction::Cancelled => state.phase = Phase::Cancelled,
            BatchAction::FileProblem(phase) => state.phase = phase,
            BatchAction::Sort(column) => {
                state.sort = if state.sort.0 == column {
                    (column, !state.sort.1)
                } else {
                    (column, false)
                };
                state.page = 0;
            }
            BatchAction::FilterOutcome(outcome) => {
                state.outcome_filter = outcome;
                state.page = 0;
            }
            BatchAction::Search(search) => {
                state.search = search;
                state.page = 0;
            }
            BatchAction::Page(page) => state.page = page,
            BatchAction::ShowMapping(open) => state.mapping_open = open,
        }
        Rc::new(state)
    }
}

/// The rows shown, in order: filtered by outcome and by text (deal id or customer), sorted.
pub fn shown_rows(state: &BatchState) -> Vec<usize> {
    let search = hrdd_core::pipeline::fold(&state.search);
    let mut shown: Vec<usize> = state
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| state.outcome_filter.is_none_or(|o| row.outcome == o))
        .filter(|(_, row)| {
            search.is_empty()
                || hrdd_core::pipeline::fold(&row.deal_id).contains(&search)
                || hrdd_core::pipeline::fold(&row.customer).contains(&search)
        })
        .map(|(i, _)| i)
        .collect();
    let rows = &state.rows;
    let (column, descending) = state.sort;
    // Customers compare without case: each name lowered once, not at every comparison (a sort
    // of 50,000 rows makes about 800,000 comparisons).
    let lowered: Vec<String> = if column == SortColumn::Customer {
        rows.iter().map(|r| r.customer.to_lowercase()).collect()
    } else {
        Vec::new()
    };
    shown.sort_by(|a_index, b_index| {
        let (a, b) = (&rows[*a_index], &rows[*b_index]);
        let order = match column {
            SortColumn::File => a.position.cmp(&b.position),
            SortColumn::DealId => a.deal_id.cmp(&b.deal_id),
            SortColumn::Customer => lowered[*a_index].cmp(&lowered[*b_index]),
            SortColumn::Outcome => a.outcome.cmp(&b.outcome),
            SortColumn::RedFlags => (a.red_flags.len(), a.possible_red_flags)
                .cmp(&(b.red_flags.len(), b.possible_red_flags)),
            SortColumn::OpenQuestions => a.open_questions.cmp(&b.open_questions),
        };
        let order = if descending { order.reverse() } else { order };
        // Ties keep the file's order, whichever way the column sorts.
        order.then(a.position.cmp(&b.position))
    });
    shown
}

/// The mapping to send: the organisation's (settings.json), then this browser's remembered one.
fn mapping(settings: &Settings) -> Vec<(String, String)> {
    let mut mapping = settings.pipeline_mapping.clone();
    for (header, key) in remembered_mapping() {
        mapping.retain(|(h, _)| *h != header);
        mapping.push((header, key));
    }
    mapping
}

fn remembered_mapping() -> Vec<(String, String)> {
    let text = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(MAPPING_KEY).ok().flatten())
        .unwrap_or_default();
    let Ok(value) = js_sys::JSON::parse(&text) else {
        return Vec::new();
    };
    js_sys::Array::from(&value)
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            let (header, key) = (pair.get(0).as_string()?, pair.get(1).as_string()?);
            Field::from_key(&key).map(|_| (header, key))
        })
        .collect()
}

fn remember_mapping(mapping: &[(String, String)]) {
    let pairs: js_sys::Array = mapping
        .iter()
        .map(|(h, k)| js_sys::Array::of2(&h.into(), &k.into()))
        .collect();
    if let (Ok(text), Some(storage)) = (
        js_sys::JSON::stringify(&pairs),
        gloo::utils::window().local_storage().ok().flatten(),
    ) {
        let _ = storage.set_item(MAPPING_KEY, &String::from(text));
    }
}

fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}

fn field_label<'a>(texts: &'a Texts, key: &str) -> &'a str {
    match key {
        "deal_id" => texts.ui("ui-batch-field-deal-id"),
        "customer" => texts.ui("ui-batch-field-customer"),
        "country" => texts.ui("ui-batch-field-country"),
        "product_category" => texts.ui("ui-batch-field-product-category"),
        "customer_type" => texts.ui("ui-batch-field-customer-type"),
        "sales_channel" => texts.ui("ui-batch-field-sales-channel"),
        _ => texts.ui("ui-batch-field-not-used"),
    }
}

/// A problem of the file or of a row, in the reader's words.
pub fn problem_text(texts: &Texts, problem: &BatchProblem) -> String {
    let arguments: Vec<(&str, &str)> = [
        "line", "value", "cells", "expected", "rows", "max", "detail",
    ]
    .into_iter()
    .map(|name| (name, problem.argument(name)))
    .collect();
    let a = &arguments;
    match problem.key.as_str() {
        "empty" => texts.ui_with("ui-batch-problem-empty", a),
        "not-text" => texts.ui_with("ui-batch-problem-not-text", a),
        "no-deal-id-column" => texts.ui_with("ui-batch-problem-no-deal-id-column", a),
        "unknown-mapping-field" => texts.ui_with("ui-batch-problem-unknown-mapping-field", a),
        "mapped-header-missing" => texts.ui_with("ui-batch-problem-mapped-header-missing", a),
        "too-many-rows" => texts.ui_with("ui-batch-problem-too-many-rows", a),
        "unreadable" => texts.ui_with("ui-batch-problem-unreadable", a),
        "ragged" => texts.ui_with("ui-batch-problem-ragged", a),
        "no-deal-id" => texts.ui_with("ui-batch-problem-no-deal-id", a),
        "unknown-country" => texts.ui_with("ui-batch-problem-unknown-country", a),
        "unknown-category" => texts.ui_with("ui-batch-problem-unknown-category", a),
        "unknown-customer-type" => texts.ui_with("ui-batch-problem-unknown-customer-type", a),
        "unknown-channel" => texts.ui_with("ui-batch-problem-unknown-channel", a),
        _ => texts.ui_with("ui-batch-problem-other", &[("value", &problem.key)]),
    }
}

#[derive(Properties, PartialEq)]
pub struct BatchProps {
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(BatchView)]
pub fn batch_view(props: &BatchProps) -> Html {
    let texts = crate::use_texts();
    let settings = use_context::<Rc<Settings>>().unwrap_or_default();
    let state = use_reducer(BatchState::default);
    let worker = use_mut_ref(|| None::<BatchWorker>);
    let file = use_mut_ref(|| None::<web_sys::File>);
    let dispatch = state.dispatcher();

    // Screen the chosen file with a mapping, in a fresh worker.
    let screen = {
        let (worker, file, dispatch) = (worker.clone(), file.clone(), dispatch.clone());
        let settings = settings.clone();
        Rc::new(move |mapping: Vec<(String, String)>| {
            let Some(chosen) = file.borrow().clone() else {
                return;
            };
            dispatch.dispatch(BatchAction::Started(chosen.name()));
            let on_message = {
                let dispatch = dispatch.clone();
                move |message: WorkerMessage| {
                    if let WorkerMessage::Csv(text) = &message {
                        let name = format!("pipeline-screening-{}.csv", today());
                        let _ = crate::storage::download_as(&name, text, "text/csv;charset=utf-8");
                    }
                    dispatch.dispatch(BatchAction::Message(message));
                }
            };
            // A new worker each time: the previous one, if any, stops here.
            *worker.borrow_mut() = None;
            let Some(started) = BatchWorker::start(on_message) else {
                dispatch.dispatch(BatchAction::FileProblem(Phase::Broken));
                return;
            };
            *worker.borrow_mut() = Some(started);
            let (worker, dispatch) = (worker.clone(), dispatch.clone());
            let lists = settings.policy.required_screening_lists.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(bytes) = JsFuture::from(chosen.array_buffer()).await else {
                    *worker.borrow_mut() = None;
                    dispatch.dispatch(BatchAction::FileProblem(Phase::Unreadable));
                    return;
                };
                if let Some(worker) = worker.borrow().as_ref() {
                    worker.screen(Some(bytes.into()), &mapping, &lists);
                }
            });
        })
    };

    let on_file = {
        let (file, dispatch, screen) = (file.clone(), dispatch.clone(), screen.clone());
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            if chosen.size() > MAX_FILE_BYTES {
                dispatch.dispatch(BatchAction::Started(chosen.name()));
                dispatch.dispatch(BatchAction::FileProblem(Phase::TooLarge));
                return;
            }
            *file.borrow_mut() = Some(chosen);
            screen(mapping(&settings));
        })
    };
    let on_cancel = {
        let (worker, dispatch) = (worker.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            *worker.borrow_mut() = None;
            dispatch.dispatch(BatchAction::Cancelled);
        })
    };
    let on_export = {
        let worker = worker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(worker) = worker.borrow().as_ref() {
                worker.export_csv(&today());
            }
        })
    };

    let busy = matches!(state.phase, Phase::Screening { .. });
    let status = match &state.phase {
        Phase::Idle => Html::default(),
        Phase::Screening { done, total } => html! {
            <div class="batch-progress">
                <label for="batch-progress">{texts.ui_with("ui-batch-screening-file", &[("file", &state.file_name)])}</label>
                <progress id="batch-progress" max={total.max(&1).to_string()} value={done.to_string()}></progress>
                <p id="batch-count">{texts.ui_with("ui-batch-progress", &[("done", &done.to_string()), ("total", &total.to_string())])}</p>
                <button type="button" id="batch-cancel" onclick={on_cancel}>{texts.ui("ui-batch-cancel")}</button>
            </div>
        },
        Phase::Done => html! {
            <p>{texts.ui_with("ui-batch-done", &[("file", &state.file_name), ("rows", &state.rows.len().to_string()), ("problems", &state.problems.len().to_string())])}</p>
        },
        Phase::Cancelled => {
            html! { <p>{texts.ui_with("ui-batch-cancelled", &[("file", &state.file_name)])}</p> }
        }
        Phase::Failed(problem) => html! {
            <p class="batch-failed"><strong>{texts.ui_with("ui-batch-failed", &[("file", &state.file_name)])}</strong>{" "}{problem_text(&texts, problem)}</p>
        },
        Phase::TooLarge => {
            html! { <p class="batch-failed">{texts.ui_with("ui-batch-too-large", &[("file", &state.file_name), ("max", "64")])}</p> }
        }
        Phase::Unreadable => {
            html! { <p class="batch-failed">{texts.ui_with("ui-batch-unreadable", &[("file", &state.file_name)])}</p> }
        }
        Phase::Broken => html! { <p class="batch-failed">{texts.ui("ui-batch-broken")}</p> },
    };

    let columns_read = (!state.headers.is_empty() && !busy).then(|| {
        let read: Vec<String> = state
            .headers
            .iter()
            .zip(&state.columns)
            .filter(|(_, key)| !key.is_empty())
            .map(|(header, key)| texts.ui_with("ui-batch-column-read-as", &[("header", header), ("field", field_label(&texts, key))]))
            .collect();
        let toggle = {
            let (dispatch, open) = (dispatch.clone(), state.mapping_open);
            Callback::from(move |_: MouseEvent| dispatch.dispatch(BatchAction::ShowMapping(!open)))
        };
        html! {
            <div class="batch-columns">
                if !read.is_empty() {
                    <p>{texts.ui("ui-batch-columns-read")}{" "}{texts.list(&read)}</p>
                }
                <button type="button" id="batch-change-mapping" aria-expanded={state.mapping_open.to_string()} onclick={toggle}>{texts.ui("ui-batch-change-mapping")}</button>
            </div>
        }
    });

    let mapping_screen = (state.mapping_open && !busy && !state.headers.is_empty()).then(|| {
        html! { <MappingScreen headers={state.headers.clone()} columns={state.columns.clone()} on_apply={{
            let screen = screen.clone();
            Callback::from(move |chosen: Vec<(String, String)>| {
                remember_mapping(&chosen);
                screen(chosen);
            })
        }} /> }
    });

    let results = (state.phase == Phase::Done).then(|| {
        html! { <Results state={Rc::new((*state).clone())} dispatch={dispatch.clone()} app={props.dispatch.clone()} on_export={on_export.clone()} /> }
    });

    html! {
        <section class="batch" aria-labelledby="batch-title">
            <h2 id="batch-title">{texts.ui("ui-batch-title")}</h2>
            <p>{texts.ui("ui-batch-intro")}</p>
            <p class="hint">{texts.ui("ui-batch-plain-columns")}</p>
            <div class="batch-file">
                <label for="batch-file">{texts.ui("ui-batch-choose-file")}</label>
                <input type="file" id="batch-file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" disabled={busy} onchange={on_file} />
            </div>
            <div role="status" aria-live="polite" class="batch-status">{status}</div>
            { for columns_read }
            { for mapping_screen }
            { for results }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MappingProps {
    headers: Vec<String>,
    columns: Vec<String>,
    on_apply: Callback<Vec<(String, String)>>,
}

/// Which column holds what: one choice per column of the file.
#[function_component(MappingScreen)]
fn mapping_screen(props: &MappingProps) -> Html {
    let texts = crate::use_texts();
    let chosen = use_state(|| props.columns.clone());
    let apply = {
        let (chosen, headers, on_apply) = (
            chosen.clone(),
            props.headers.clone(),
            props.on_apply.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mapping = headers
                .iter()
                .zip(chosen.iter())
                .filter(|(_, key)| !key.is_empty())
                .map(|(h, k)| (h.clone(), k.clone()))
                .collect();
            on_apply.emit(mapping);
        })
    };
    let deal_id_chosen = chosen.iter().any(|key| key == "deal_id");
    html! {
        <form class="batch-mapping" id="batch-mapping" onsubmit={apply}>
            <fieldset>
                <legend>{texts.ui("ui-batch-mapping-title")}</legend>
                <p class="hint">{texts.ui("ui-batch-mapping-hint")}</p>
                { for props.headers.iter().enumerate().map(|(column, header)| {
                    let id = format!("batch-map-{column}");
                    let on_change = {
                        let chosen = chosen.clone();
                        Callback::from(move |e: Event| {
                            let select: HtmlSelectElement = e.target_unchecked_into();
                            let mut next = (*chosen).clone();
                            let value = select.value();
                            // A field is read from one column: choosing it here frees it elsewhere.
                            if !value.is_empty() {
                                for key in next.iter_mut() {
                                    if *key == value {
                                        key.clear();
                                    }
                                }
                            }
                            if let Some(slot) = next.get_mut(column) {
                                *slot = value;
                            }
                            chosen.set(next);
                        })
                    };
                    let current = chosen.get(column).cloned().unwrap_or_default();
                    html! {
                        <div class="batch-map-row">
                            <label for={id.clone()}>{header.clone()}</label>
                            <select id={id} onchange={on_change}>
                                <option value="" selected={current.is_empty()}>{texts.ui("ui-batch-field-not-used")}</option>
                                { for Field::ALL.iter().map(|field| html! {
                                    <option value={field.key()} selected={current == field.key()}>{field_label(&texts, field.key()).to_owned()}</option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
            </fieldset>
            if !deal_id_chosen {
                <p class="batch-failed" id="batch-mapping-needs-id">{texts.ui("ui-batch-mapping-needs-deal-id")}</p>
            }
            <button type="submit" id="batch-mapping-apply" disabled={!deal_id_chosen}>{texts.ui("ui-batch-mapping-apply")}</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    state: Rc<BatchState>,
    dispatch: UseReducerDispatcher<BatchState>,
    app: UseReducerDispatcher<AppState>,
    on_export: Callback<MouseEvent>,
}

#[function_component(Results)]
fn results(props: &ResultsProps) -> Html {
    let texts = crate::use_texts();
    let state = &props.state;
    let shown = use_memo(
        (
            state.rows.clone(),
            state.sort,
            state.outcome_filter,
            state.search.clone(),
        ),
        |_| shown_rows(state),
    );
    let dispatch = props.dispatch.clone();
    let counts: Vec<(Outcome, usize)> = Outcome::ALL
        .iter()
        .map(|o| (*o, state.rows.iter().filter(|r| r.outcome == *o).count()))
        .collect();
    let largest = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let chart = html! {
        <figure class="batch-chart">
            <figcaption id="batch-chart-title">{texts.ui("ui-batch-chart-title")}</figcaption>
            <ul aria-labelledby="batch-chart-title">
                { for counts.iter().map(|(outcome, count)| html! {
                    <li class={format!("batch-chart-{}", outcome.key())}>
                        <span class="batch-chart-label">{texts.outcome(*outcome).to_owned()}</span>
                        <svg class="batch-chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect width={(count * 100 / largest).to_string()} height="10"></rect>
                        </svg>
                        <span class="batch-chart-count">{count.to_string()}</span>
                    </li>
                }) }
            </ul>
        </figure>
    };
    let on_outcome = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(BatchAction::FilterOutcome(Outcome::from_key(
                &select.value(),
            )));
        })
    };
    let on_search = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(BatchAction::Search(input.value()));
        })
    };
    let pages = shown.len().div_ceil(PAGE_ROWS).max(1);
    let page = state.page.min(pages - 1);
    let first = page * PAGE_ROWS;
    let last = (first + PAGE_ROWS).min(shown.len());
    let header = |column: SortColumn, label: &str| {
        let sort = (state.sort.0 == column).then_some(if state.sort.1 {
            "descending"
        } else {
            "ascending"
        });
        let dispatch = dispatch.clone();
        html! {
            <th scope="col" aria-sort={sort.unwrap_or("none")}>
                <button type="button" class="batch-sort" onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(BatchAction::Sort(column)))}>{label.to_owned()}</button>
            </th>
        }
    };
    let flag_title = |id: &str| {
        RED_FLAGS
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_owned(), |f| texts.flag_title(f).to_owned())
    };
    let rows = shown[first..last].iter().map(|index| {
        let row = &state.rows[*index];
        let open = row.answers.map(|answers| {
            let (app, deal_id, customer) = (props.app.clone(), row.deal_id.clone(), row.customer.clone());
            let texts = texts.clone();
            Callback::from(move |_: MouseEvent| {
                let mut assessment = answers.assessment(&customer);
                assessment.mode = Mode::FullAssessment;
                let name = if customer.is_empty() { deal_id.clone() } else { format!("{deal_id} · {customer}") };
                app.dispatch(AppAction::Import { name, assessment });
                app.dispatch(AppAction::Notify(Notice::info(texts.ui_with("ui-batch-opened-as-draft", &[("deal", &deal_id)]))));
            })
        });
        let flags: Vec<String> = row.red_flags.iter().map(|id| flag_title(id)).collect();
        html! {
            <tr>
                <td>{row.deal_id.clone()}</td>
                <td>{row.customer.clone()}</td>
                <td><span class={format!("outcome-badge outcome-{}", row.outcome.key())}>{texts.outcome(row.outcome).to_owned()}</span></td>
                <td>
                    {texts.list(&flags)}
                    if row.possible_red_flags > 0 {
                        <span class="batch-possible">{texts.ui_with("ui-batch-possible-flags", &[("count", &row.possible_red_flags.to_string())])}</span>
                    }
                </td>
                <td>{row.top_right.map(|r| texts.right(r).to_owned()).unwrap_or_default()}</td>
                <td>{row.open_questions.to_string()}</td>
                <td>{row.line.to_string()}</td>
                <td>
                    if let Some(open) = open {
                        <button type="button" class="batch-open" onclick={open} aria-label={texts.ui_with("ui-batch-open-deal", &[("deal", &row.deal_id)])}>{texts.ui("ui-batch-open")}</button>
                    }
                </td>
            </tr>
        }
    });
    let go = |to: usize| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(BatchAction::Page(to)))
    };
    let problems = (!state.problems.is_empty()).then(|| html! {
        <details class="batch-problems" id="batch-problems">
            <summary>{texts.ui_with("ui-batch-problems", &[("count", &state.problems.len().to_string())])}</summary>
            <ul>
                { for state.problems.iter().take(PROBLEMS_SHOWN).map(|p| html! { <li>{problem_text(&texts, p)}</li> }) }
            </ul>
            if state.problems.len() > PROBLEMS_SHOWN {
                <p>{texts.ui_with("ui-batch-problems-more", &[("count", &(state.problems.len() - PROBLEMS_SHOWN).to_string())])}</p>
            }
        </details>
    });
    html! {
        <div class="batch-results">
            <h3>{texts.ui("ui-batch-results")}</h3>
            {chart}
            { for problems }
            <div class="batch-filters">
                <label for="batch-outcome">{texts.ui("ui-batch-filter-outcome")}</label>
                <select id="batch-outcome" onchange={on_outcome}>
                    <option value="" selected={state.outcome_filter.is_none()}>{texts.ui("ui-batch-all-outcomes")}</option>
                    { for Outcome::ALL.iter().map(|o| html! { <option value={o.key()} selected={state.outcome_filter == Some(*o)}>{texts.outcome(*o).to_owned()}</option> }) }
                </select>
                <label for="batch-search">{texts.ui("ui-batch-search")}</label>
                <input type="search" id="batch-search" value={state.search.clone()} oninput={on_search} />
                <button type="button" id="batch-export" onclick={props.on_export.clone()}>{texts.ui("ui-batch-export")}</button>
            </div>
            <p id="batch-shown" aria-live="polite">{texts.ui_with("ui-batch-shown", &[("first", &(if shown.is_empty() { 0 } else { first + 1 }).to_string()), ("last", &last.to_string()), ("count", &shown.len().to_string()), ("total", &state.rows.len().to_string())])}</p>
            <div class="batch-table-wrap">
                <table class="batch-table" id="batch-table">
                    <caption class="visually-hidden">{texts.ui("ui-batch-results")}</caption>
                    <thead><tr>
                        {header(SortColumn::DealId, texts.ui("ui-batch-field-deal-id"))}
                        {header(SortColumn::Customer, texts.ui("ui-batch-field-customer"))}
                        {header(SortColumn::Outcome, texts.ui("ui-batch-outcome"))}
                        {header(SortColumn::RedFlags, texts.ui("ui-batch-red-flags"))}
                        <th scope="col">{texts.ui("ui-batch-top-right")}</th>
                        {header(SortColumn::OpenQuestions, texts.ui("ui-batch-open-questions"))}
                        {header(SortColumn::File, texts.ui("ui-batch-line"))}
                        <th scope="col">{texts.ui("ui-batch-draft")}</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <nav class="batch-pages" aria-label={texts.ui("ui-batch-pages").to_owned()}>
                <button type="button" id="batch-previous" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{texts.ui("ui-batch-previous")}</button>
                <span>{texts.ui_with("ui-batch-page", &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())])}</span>
                <button type="button" id="batch-next" disabled={page + 1 >= pages} onclick={go(page + 1)}>{texts.ui("ui-batch-next")}</button>
            </nav>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        position: usize,
        deal_id: &str,
        customer: &str,
        outcome: Outcome,
        flags: usize,
        open: u32,
    ) -> BatchRow {
        BatchRow {
            position,
            line: position as u64 + 2,
            deal_id: deal_id.to_owned(),
            customer: customer.to_owned(),
            outcome,
            red_flags: vec!["flag".to_owned(); flags],
            possible_red_flags: 0,
            top_right: None,
            open_questions: open,
            answers: None,
        }
    }

    fn state() -> BatchState {
        BatchState {
            rows: Rc::new(vec![
                row(0, "D-3", "Nordic Logistics", Outcome::Proceed, 0, 1),
                row(
                    1,
                    "D-1",
                    "Ministère de l'Intérieur",
                    Outcome::DoNotProceed,
                    2,
                    0,
                ),
                row(2, "D-2", "Kenya Police", Outcome::Escalate, 1, 3),
                row(3, "D-4", "Clinique Générale", Outcome::Escalate, 0, 2),
                row(4, "D-5", "nordic shipping", Outcome::Incomplete, 0, 5),
            ]),
            phase: Phase::Done,
            ..BatchState::default()
        }
    }

    fn deals(state: &BatchState) -> Vec<&str> {
        shown_rows(state)
            .iter()
            .map(|i| state.rows[*i].deal_id.as_str())
            .collect()
    }

    #[test]
    fn the_table_opens_with_the_deals_that_need_a_human_first() {
        // Most serious outcome first; equal outcomes keep the file's order.
        assert_eq!(deals(&state()), ["D-1", "D-2", "D-4", "D-5", "D-3"]);
    }

    #[test]
    fn each_column_sorts_both_ways_and_ties_keep_the_file_order() {
        let cases: [(SortColumn, bool, [&str; 5]); 8] = [
            (SortColumn::File, false, ["D-3", "D-1", "D-2", "D-4", "D-5"]),
            (SortColumn::File, true, ["D-5", "D-4", "D-2", "D-1", "D-3"]),
            (
                SortColumn::DealId,
                false,
                ["D-1", "D-2", "D-3", "D-4", "D-5"],
            ),
            (
                SortColumn::Customer,
                false,
                ["D-4", "D-2", "D-1", "D-3", "D-5"],
            ),
            (
                SortColumn::Outcome,
                false,
                ["D-3", "D-5", "D-2", "D-4", "D-1"],
            ),
            (
                SortColumn::RedFlags,
                true,
                ["D-1", "D-2", "D-3", "D-4", "D-5"],
            ),
            (
                SortColumn::OpenQuestions,
                false,
                ["D-1", "D-3", "D-4", "D-2", "D-5"],
            ),
            (
                SortColumn::OpenQuestions,
                true,
                ["D-5", "D-2", "D-4", "D-3", "D-1"],
            ),
        ];
        for (column, descending, expected) in cases {
            let state = BatchState {
                sort: (column, descending),
                ..state()
            };
            assert_eq!(
                deals(&state),
                expected,
                "{column:?}, descending: {descending}"
            );
        }
    }

    #[test]
    fn filters_by_outcome_and_finds_deals_and_customers_without_accents_or_case() {
        let by_outcome = BatchState {
            outcome_filter: Some(Outcome::Escalate),
            ..state()
        };
        assert_eq!(deals(&by_outcome), ["D-2", "D-4"]);
        let by_name = BatchState {
            search: "NORDIC".to_owned(),
            ..state()
        };
        assert_eq!(deals(&by_name), ["D-5", "D-3"]);
        let by_accent = BatchState {
            search: "ministere".to_owned(),
            ..state()
        };
        assert_eq!(deals(&by_accent), ["D-1"]);
        let by_id = BatchState {
            search: "d-4".to_owned(),
            ..state()
        };
        assert_eq!(deals(&by_id), ["D-4"]);
        let both = BatchState {
            search: "nordic".to_owned(),
            outcome_filter: Some(Outcome::Proceed),
            ..state()
        };
        assert_eq!(deals(&both), ["D-3"]);
    }

    #[test]
    fn sorting_or_filtering_goes_back_to_the_first_page_and_a_second_click_reverses() {
        let state = Rc::new(BatchState { page: 3, ..state() });
        let sorted = state.clone().reduce(BatchAction::Sort(SortColumn::DealId));
        assert_eq!((sorted.sort, sorted.page), ((SortColumn::DealId, false), 0));
        let reversed = sorted.reduce(BatchAction::Sort(SortColumn::DealId));
        assert_eq!(reversed.sort, (SortColumn::DealId, true));
        let filtered = Rc::new(BatchState {
            page: 2,
            ..(*reversed).clone()
        })
        .reduce(BatchAction::Search("x".into()));
        assert_eq!(filtered.page, 0);
    }

    #[test]
    fn a_file_without_a_deal_id_column_opens_the_mapping_screen() {
        let failed = Rc::new(state()).reduce(BatchAction::Message(WorkerMessage::Failed {
            problem: BatchProblem {
                key: "no-deal-id-column".into(),
                arguments: vec![],
            },
            headers: vec!["Opportunity".into(), "Account".into()],
            columns: vec!["".into(), "customer".into()],
        }));
        assert!(failed.mapping_open);
        assert_eq!(
            failed.columns,
            ["", "customer"],
            "what was recognised stays chosen"
        );
        let empty = Rc::new(state()).reduce(BatchAction::Message(WorkerMessage::Failed {
            problem: BatchProblem {
                key: "empty".into(),
                arguments: vec![],
            },
            headers: vec![],
            columns: vec![],
        }));
        assert!(!empty.mapping_open, "nothing to map in an empty file");
        // Progress after a cancel is not shown (the worker is gone; a late message is ignored).
        let cancelled = Rc::new(state()).reduce(BatchAction::Cancelled);
        let late = cancelled.reduce(BatchAction::Message(WorkerMessage::Progress {
            done: 5,
            total: 9,
        }));
        assert_eq!(late.phase, Phase::Cancelled);
    }

    #[test]
    fn the_worker_s_results_are_read_back_cell_by_cell() {
        let text = "2\u{1f}D-1\u{1f}Acme\u{1f}escalate\u{1f}listed_party covert\u{1f}1\u{1f}privacy\u{1f}4\u{1f}general\u{1f}KE\u{1f}police\u{1f}direct\u{1e}\
                    3\u{1f}D-2\u{1f}\u{1f}proceed\u{1f}\u{1f}0\u{1f}\u{1f}0\u{1f}general\u{1f}\u{1f}\u{1f}\u{1e}";
        let rows = crate::batch_worker::parse_results(text);
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].line, rows[0].deal_id.as_str(), rows[0].outcome),
            (2, "D-1", Outcome::Escalate)
        );
        assert_eq!(rows[0].red_flags, ["listed_party", "covert"]);
        assert_eq!((rows[0].possible_red_flags, rows[0].open_questions), (1, 4));
        assert_eq!(rows[0].top_right, Some(hrdd_core::method::Right::Privacy));
        assert!(rows[1].red_flags.is_empty() && rows[1].top_right.is_none());
        assert_eq!(rows[1].position, 1);
    }
}
