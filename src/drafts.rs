//! The drafts kept in this browser, as a register of assessments: each with its outcome, the
//! decision on record, where its conditions stand and its review date, filterable by each, with
//! the yearly counts per outcome and per decision and an export of the register as CSV; open,
//! rename, delete; export all of them as one file
//! and import such a file (merged, never overwriting without asking); the earlier versions kept
//! when two tabs changed the same draft; stored data set aside because it could not be read;
//! and deleting all local data.

use crate::draft_records::{plan_import, Collection, DifferingChoice, ImportPlan, KeptVersion};
use crate::state::{AppAction, AppState, Draft, DraftId, Notice};
use crate::storage::{self, ImportedFile, StorageError, MAX_IMPORT_BYTES};
use hrdd_core::dates::Day;
use hrdd_core::i18n::Texts;
use hrdd_core::record::DecisionTaken;
use hrdd_core::register::{
    register_csv, yearly_counts, ConditionFilter, DecisionFilter, RegisterFilter, RegisterRow,
};
use hrdd_core::scoring::score_with;
use hrdd_core::Outcome;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Largest "export all" file accepted: many hundreds of assessments.
const MAX_COLLECTION_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Why an earlier version was kept, in words.
pub fn keep_reason(texts: &Texts, reason: crate::draft_records::KeepReason) -> &str {
    use crate::draft_records::KeepReason;
    match reason {
        KeepReason::ChangedInTwoTabs => texts.ui("ui-drafts-kept-two-tabs"),
        KeepReason::DeletedAfterAChangeElsewhere => texts.ui("ui-drafts-kept-deleted"),
        KeepReason::ReplacedByImport => texts.ui("ui-drafts-kept-replaced"),
        KeepReason::Reassessed => texts.ui("ui-drafts-kept-reassessed"),
    }
}

/// A date and time in this device's time zone, as `YYYY-MM-DD HH:MM`.
pub fn local_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Download every draft and earlier version as one file, and say so on screen.
pub fn export_all(texts: &Texts, drafts: &[Draft], dispatch: &UseReducerDispatcher<AppState>) {
    let today = local_time(js_sys::Date::now());
    let file_name = format!("hrdd-assessments-{}.json", &today[..10]);
    let result = storage::export_all_json(drafts).and_then(|json| {
        storage::download(&file_name, &json).map_err(|_| StorageError::Browser("download".into()))
    });
    dispatch.dispatch(AppAction::Notify(match result {
        Ok(()) => Notice::info(texts.ui_with(
            "ui-drafts-exported-all",
            &[("count", &drafts.len().to_string()), ("file", &file_name)],
        )),
        Err(error) => Notice::error(error),
    }));
}

/// An import waiting for the user's answer: assessments in the file differ from drafts here.
#[derive(Clone, PartialEq)]
struct PendingImport {
    file_name: String,
    plan: ImportPlan,
    versions: Vec<KeptVersion>,
}

/// Carry out an import once the user has chosen (or when nothing differs).
fn finish_import(
    texts: &Texts,
    pending: PendingImport,
    choice: DifferingChoice,
    drafts: &[Draft],
    dispatch: &UseReducerDispatcher<AppState>,
) {
    if choice == DifferingChoice::Replace {
        let replaced: Vec<&Draft> = drafts
            .iter()
            .filter(|d| pending.plan.differing.iter().any(|i| i.id == d.id))
            .collect();
        if let Err(error) = storage::keep_replaced(&replaced) {
            dispatch.dispatch(AppAction::Notify(Notice::storage(texts.ui_with(
                "ui-drafts-nothing-imported",
                &[("problem", &crate::messages::storage_error(texts, &error))],
            ))));
            return;
        }
    }
    if let Err(message) = storage::import_kept_versions(&pending.versions) {
        dispatch.dispatch(AppAction::Notify(Notice::storage(message)));
    }
    dispatch.dispatch(AppAction::ImportCollection {
        new: pending.plan.new,
        differing: pending.plan.differing,
        choice,
    });
    let (kept_versions, set_aside) = storage::stored_extras();
    dispatch.dispatch(AppAction::StoredExtras {
        kept_versions,
        set_aside,
    });
}

/// Which destructive action waits for confirmation.
#[derive(Clone, PartialEq)]
enum Confirming {
    Draft(DraftId),
    AllLocalData,
    Key(String),
}

/// A select's value as a register filter: "" is no filter.
fn outcome_filter(value: &str) -> Option<Outcome> {
    Outcome::from_key(value)
}

fn decision_filter(value: &str) -> Option<DecisionFilter> {
    match value {
        "not_decided" => Some(DecisionFilter::NotDecided),
        "overrides" => Some(DecisionFilter::Overrides),
        other => DecisionTaken::from_key(other).map(DecisionFilter::Taken),
    }
}

fn condition_filter(value: &str) -> Option<ConditionFilter> {
    match value {
        "open" => Some(ConditionFilter::Open),
        "overdue" => Some(ConditionFilter::Overdue),
        "failed" => Some(ConditionFilter::Failed),
        _ => None,
    }
}

/// Where a row's conditions stand, in words.
fn conditions_summary(texts: &Texts, row: &RegisterRow) -> String {
    let c = row.conditions;
    if c.total == 0 {
        return String::new();
    }
    let mut parts = vec![texts.ui_with(
        "ui-register-conditions-count",
        &[("count", &c.total.to_string())],
    )];
    if c.verified > 0 {
        parts.push(texts.ui_with(
            "ui-register-conditions-verified",
            &[("count", &c.verified.to_string())],
        ));
    }
    if c.overdue > 0 {
        parts.push(texts.ui_with(
            "ui-register-conditions-overdue",
            &[("count", &c.overdue.to_string())],
        ));
    }
    if c.failed > 0 {
        parts.push(texts.ui_with(
            "ui-register-conditions-failed",
            &[("count", &c.failed.to_string())],
        ));
    }
    parts.join(", ")
}

#[derive(Properties, PartialEq)]
pub struct DraftsProps {
    pub state: AppState,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(DraftsView)]
pub fn drafts_view(props: &DraftsProps) -> Html {
    let texts = crate::use_texts();
    // Scored under the organisation's policy, as the open assessment is.
    let policy = use_context::<std::rc::Rc<crate::settings::Settings>>()
        .map(|settings| settings.policy.clone())
        .unwrap_or_default();
    let confirming = use_state(|| None::<Confirming>);
    let renaming = use_state(|| None::<(DraftId, String)>);
    let pending = use_state(|| None::<PendingImport>);
    let filter = use_state(RegisterFilter::default);
    let dispatch = &props.dispatch;
    let today = Day::parse(&crate::print::today());
    // Each draft scored once per render, under the organisation's policy; its register row.
    let entries: Vec<(&Draft, hrdd_core::report::Report, RegisterRow)> = props
        .state
        .drafts
        .iter()
        .map(|draft| {
            let report = score_with(&draft.assessment, &policy);
            let row = RegisterRow::of(&draft.name, &draft.assessment, report.outcome, today);
            (draft, report, row)
        })
        .collect();
    let rows: Vec<RegisterRow> = entries.iter().map(|(_, _, row)| row.clone()).collect();
    let (years, undated) = yearly_counts(&rows);
    let on_filter = |set: fn(&mut RegisterFilter, &str)| {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = *filter;
            set(&mut next, &value);
            filter.set(next);
        })
    };
    let on_export_register = {
        let (rows, filter, dispatch) = (rows.clone(), *filter, dispatch.clone());
        let texts = texts.clone();
        Callback::from(move |_: MouseEvent| {
            let kept: Vec<RegisterRow> = rows.iter().filter(|r| filter.keeps(r)).cloned().collect();
            let file_name = format!("hrdd-register-{}.csv", crate::print::today());
            let notice = match storage::download_as(
                &file_name,
                &register_csv(&kept),
                "text/csv;charset=utf-8",
            ) {
                Ok(()) => Notice::info(texts.ui_with(
                    "ui-register-exported",
                    &[("count", &kept.len().to_string()), ("file", &file_name)],
                )),
                Err(_) => Notice::error(crate::messages::storage_error(
                    &texts,
                    &StorageError::Browser("download".into()),
                )),
            };
            dispatch.dispatch(AppAction::Notify(notice));
        })
    };
    let is_confirming = |what: &Confirming| confirming.as_ref() == Some(what);
    // A destructive button: the first press asks, the second acts.
    let confirm_then = |what: Confirming, act: Callback<()>| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            if confirming.as_ref() == Some(&what) {
                confirming.set(None);
                act.emit(());
            } else {
                confirming.set(Some(what.clone()));
            }
        })
    };

    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::NewDraft))
    };
    let on_export_all = {
        let (dispatch, drafts) = (dispatch.clone(), props.state.drafts.clone());
        let texts = texts.clone();
        Callback::from(move |_: MouseEvent| export_all(&texts, &drafts, &dispatch))
    };
    let on_import = {
        let (dispatch, drafts, pending) = (
            dispatch.clone(),
            props.state.drafts.clone(),
            pending.clone(),
        );
        let texts = texts.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let file_name = file.name();
            if file.size() > MAX_COLLECTION_BYTES {
                dispatch.dispatch(AppAction::Notify(Notice::error(
                    texts.ui_with("ui-drafts-file-too-large", &[("file", &file_name)]),
                )));
                return;
            }
            let (dispatch, drafts, pending) = (dispatch.clone(), drafts.clone(), pending.clone());
            let texts = texts.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(text) = JsFuture::from(file.text()).await else {
                    dispatch.dispatch(AppAction::Notify(Notice::error(
                        texts.ui_with("ui-toolbar-file-unreadable", &[("file", &file_name)]),
                    )));
                    return;
                };
                let text = text.as_string().unwrap_or_default();
                match storage::import_file(&text) {
                    Ok(ImportedFile::One(assessment)) => {
                        if text.len() as f64 > MAX_IMPORT_BYTES {
                            dispatch.dispatch(AppAction::Notify(Notice::error(
                                texts.ui_with("ui-toolbar-file-too-large", &[("file", &file_name)]),
                            )));
                            return;
                        }
                        let name = if assessment.text.title.trim().is_empty() {
                            file_name
                                .trim_end_matches(".json")
                                .trim_end_matches(".hrdd")
                                .to_owned()
                        } else {
                            assessment.text.title.trim().to_owned()
                        };
                        dispatch.dispatch(AppAction::Import { name, assessment });
                        dispatch.dispatch(AppAction::Notify(Notice::info(
                            texts.ui_with("ui-toolbar-imported", &[("file", &file_name)]),
                        )));
                    }
                    Ok(ImportedFile::Collection(collection)) => {
                        let Collection {
                            earlier_versions, ..
                        } = collection.clone();
                        let incoming = collection.drafts().unwrap_or_default();
                        let import = PendingImport {
                            file_name,
                            plan: plan_import(&drafts, incoming),
                            versions: earlier_versions,
                        };
                        if import.plan.differing.is_empty() {
                            finish_import(
                                &texts,
                                import,
                                DifferingChoice::KeepBoth,
                                &drafts,
                                &dispatch,
                            );
                        } else {
                            pending.set(Some(import));
                        }
                    }
                    Err(error) => {
                        dispatch.dispatch(AppAction::Notify(Notice::error(texts.ui_with(
                            "ui-toolbar-import-failed",
                            &[("problem", &crate::messages::storage_error(&texts, &error))],
                        ))))
                    }
                }
            });
        })
    };
    let decide = |choice: Option<DifferingChoice>| {
        let (dispatch, drafts, pending) = (
            dispatch.clone(),
            props.state.drafts.clone(),
            pending.clone(),
        );
        let texts = texts.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(import), Some(choice)) = ((*pending).clone(), choice) {
                finish_import(&texts, import, choice, &drafts, &dispatch);
            }
            pending.set(None);
            crate::focus_element("drafts-title");
        })
    };
    let delete_all = {
        let dispatch = dispatch.clone();
        confirm_then(
            Confirming::AllLocalData,
            Callback::from(move |()| {
                if let Err(message) = storage::delete_all() {
                    dispatch.dispatch(AppAction::Notify(Notice::error(message)));
                }
                dispatch.dispatch(AppAction::DeleteAllLocalData);
            }),
        )
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };
    let refresh_extras = {
        let dispatch = dispatch.clone();
        move || {
            let (kept_versions, set_aside) = storage::stored_extras();
            dispatch.dispatch(AppAction::StoredExtras {
                kept_versions,
                set_aside,
            });
        }
    };

    // Delete one stored key (an earlier version or data set aside), after confirmation.
    let delete_stored = |key: String| {
        let (dispatch, refresh) = (dispatch.clone(), refresh_extras.clone());
        confirm_then(
            Confirming::Key(key.clone()),
            Callback::from(move |()| {
                if let Err(error) = storage::remove_key(&key) {
                    dispatch.dispatch(AppAction::Notify(Notice::error(error)));
                }
                refresh();
            }),
        )
    };

    let pending_dialog = (*pending).as_ref().map(|import| {
        html! {
            <div class="import-choice" role="group" aria-labelledby="import-choice-title">
                <h3 id="import-choice-title">{texts.ui_with("ui-drafts-importing", &[("file", &import.file_name)])}</h3>
                <p>{texts.ui_with(
                    "ui-drafts-import-plan",
                    &[("new", &import.plan.new.len().to_string()), ("identical", &import.plan.identical.to_string())],
                )}</p>
                <ul>{ for import.plan.differing.iter().map(|d| html! { <li>{d.name.clone()}</li> }) }</ul>
                <button type="button" id="import-keep-both" onclick={decide(Some(DifferingChoice::KeepBoth))}>{texts.ui("ui-drafts-keep-both-add-the-file")}</button>
                <button type="button" id="import-replace" onclick={decide(Some(DifferingChoice::Replace))}>{texts.ui("ui-drafts-replace-the-drafts-here-they")}</button>
                <button type="button" onclick={decide(None)}>{texts.ui("ui-drafts-cancel-the-import")}</button>
            </div>
        }
    });

    let kept_versions = props.state.kept_versions.iter().map(|kept| {
        let key = kept.key.clone();
        let restore = {
            let (dispatch, key, name, texts) = (dispatch.clone(), key.clone(), kept.name.clone(), texts.clone());
            let when = local_time(kept.saved_ms);
            Callback::from(move |_: MouseEvent| match storage::read_kept(&key) {
                Ok(draft) => {
                    dispatch.dispatch(AppAction::Import {
                        name: texts.ui_with("ui-drafts-version-of", &[("name", &name), ("when", &when)]).chars().take(120).collect(),
                        assessment: draft.assessment,
                    });
                    dispatch.dispatch(AppAction::Notify(Notice::info(texts.ui_with("ui-drafts-version-opened", &[("name", &name)]))));
                }
                Err(error) => dispatch.dispatch(AppAction::Notify(Notice::error(error))),
            })
        };
        let delete = delete_stored(key.clone());
        let asking = is_confirming(&Confirming::Key(key));
        let saved = local_time(kept.saved_ms);
        html! {
            <li>
                <strong>{kept.name.clone()}</strong>{texts.ui_with("ui-drafts-saved-because", &[("when", &saved), ("reason", keep_reason(&texts, kept.reason))])}{" "}
                <button type="button" onclick={restore} aria-label={texts.ui_with("ui-drafts-open-version-named", &[("name", &kept.name)])}>{texts.ui("ui-drafts-open-as-a-new-draft")}</button>
                <button type="button" class="danger" onclick={delete} aria-label={ if asking { texts.ui_with("ui-drafts-confirm-delete-version", &[("name", &kept.name)]) } else { texts.ui_with("ui-drafts-delete-version", &[("name", &kept.name)]) } }>
                    { if asking { texts.ui("ui-drafts-confirm-delete") } else { texts.ui("ui-drafts-delete") } }
                </button>
            </li>
        }
    });

    let set_aside = props.state.set_aside.iter().map(|item| {
        let key = item.key.clone();
        let download = {
            let (dispatch, key) = (dispatch.clone(), key.clone());
            Callback::from(move |_: MouseEvent| {
                let result = storage::read_raw(&key)
                    .ok_or(StorageError::NoLongerStored)
                    .and_then(|text| {
                        storage::download("hrdd-set-aside-data.txt", &text)
                            .map_err(|_| StorageError::Browser("download".into()))
                    });
                if let Err(message) = result {
                    dispatch.dispatch(AppAction::Notify(Notice::error(message)));
                }
            })
        };
        let delete = delete_stored(key.clone());
        let asking = is_confirming(&Confirming::Key(key.clone()));
        html! {
            <li>
                <code>{key.clone()}</code>{" "}{texts.ui_with("ui-drafts-set-aside-item", &[("count", &item.chars.to_string()), ("problem", &crate::messages::record_problem(&texts, &item.problem))])}{" "}
                <button type="button" onclick={download} aria-label={texts.ui_with("ui-drafts-download-set-aside", &[("key", &key)])}>{texts.ui("ui-drafts-download")}</button>
                <button type="button" class="danger" onclick={delete} aria-label={ if asking { texts.ui_with("ui-drafts-confirm-delete-set-aside", &[("key", &key)]) } else { texts.ui_with("ui-drafts-delete-set-aside", &[("key", &key)]) } }>
                    { if asking { texts.ui("ui-drafts-confirm-delete") } else { texts.ui("ui-drafts-delete") } }
                </button>
            </li>
        }
    });

    html! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title" tabindex="-1">{texts.ui("ui-drafts-drafts-in-this-browser")}</h2>
            <p class="storage-note">
                {texts.ui("ui-drafts-drafts-are-stored-only-in")}
            </p>
            <div class="drafts-actions">
                <button type="button" onclick={on_new}>{texts.ui("ui-toolbar-new-assessment")}</button>
                <button type="button" id="export-all" onclick={on_export_all}>{texts.ui("ui-drafts-export-all")}</button>
                <span class="import">
                    <label for="import-all">{texts.ui("ui-drafts-import-a-file-one-assessment")}</label>
                    <input type="file" id="import-all" accept=".json,application/json" onchange={on_import} />
                </span>
            </div>
            { for pending_dialog }
            <div class="register-filters" role="group" aria-label={texts.ui("ui-register-filters").to_owned()}>
                <div class="field">
                    <label for="register-outcome">{texts.ui("ui-results-outcome")}</label>
                    <select id="register-outcome" onchange={on_filter(|f, v| f.outcome = outcome_filter(v))}>
                        <option value="">{texts.ui("ui-register-all")}</option>
                        { for Outcome::ALL.into_iter().map(|o| html! { <option value={o.key()} selected={filter.outcome == Some(o)}>{texts.outcome(o).to_owned()}</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="register-decision">{texts.ui("ui-register-decision")}</label>
                    <select id="register-decision" onchange={on_filter(|f, v| f.decision = decision_filter(v))}>
                        <option value="">{texts.ui("ui-register-all")}</option>
                        <option value="not_decided">{texts.ui("ui-decision-not-yet")}</option>
                        { for DecisionTaken::ALL.into_iter().map(|d| html! { <option value={d.key()} selected={filter.decision == Some(DecisionFilter::Taken(d))}>{texts.decision_taken(d).to_owned()}</option> }) }
                        <option value="overrides">{texts.ui("ui-register-overrides")}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="register-conditions">{texts.ui("ui-decision-conditions-title")}</label>
                    <select id="register-conditions" onchange={on_filter(|f, v| f.conditions = condition_filter(v))}>
                        <option value="">{texts.ui("ui-register-all")}</option>
                        <option value="open">{texts.ui("ui-register-with-open")}</option>
                        <option value="overdue">{texts.ui("ui-register-with-overdue")}</option>
                        <option value="failed">{texts.ui("ui-register-with-failed")}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="register-review">{texts.ui("ui-decision-review-title")}</label>
                    <select id="register-review" onchange={on_filter(|f, v| f.review_due = v == "due")}>
                        <option value="">{texts.ui("ui-register-all")}</option>
                        <option value="due">{texts.ui("ui-register-review-due")}</option>
                    </select>
                </div>
                <button type="button" id="export-register" onclick={on_export_register}>{texts.ui("ui-register-export")}</button>
            </div>
            <table class="drafts-table">
                <caption>{texts.ui_with("ui-register-shown", &[("shown", &rows.iter().filter(|r| filter.keeps(r)).count().to_string()), ("count", &props.state.drafts.len().to_string())])}</caption>
                <thead><tr>
                    <th scope="col">{texts.ui("ui-drafts-name")}</th><th scope="col">{texts.ui("ui-drafts-mode-and-sector")}</th><th scope="col">{texts.ui("ui-results-outcome")}</th>
                    <th scope="col">{texts.ui("ui-register-decision")}</th><th scope="col">{texts.ui("ui-decision-conditions-title")}</th><th scope="col">{texts.ui("ui-decision-review-title")}</th>
                    <th scope="col">{texts.ui("ui-drafts-actions")}</th>
                </tr></thead>
                <tbody>
                { for entries.iter().filter(|(_, _, row)| filter.keeps(row)).map(|(draft, report, row)| {
                    let id = draft.id.clone();
                    let is_current = id == props.state.current;
                    let open = { let (d, id) = (dispatch.clone(), id.clone()); Callback::from(move |_: MouseEvent| d.dispatch(AppAction::OpenDraft(id.clone()))) };
                    let delete = {
                        let (d, id) = (dispatch.clone(), id.clone());
                        confirm_then(Confirming::Draft(id.clone()), Callback::from(move |()| d.dispatch(AppAction::DeleteDraft(id.clone()))))
                    };
                    let asking = is_confirming(&Confirming::Draft(id.clone()));
                    let name_cell = match &*renaming {
                        Some((rid, text)) if *rid == id => {
                            let input_id = format!("rename-{id}");
                            let on_input = { let (renaming, id) = (renaming.clone(), id.clone()); Callback::from(move |e: InputEvent| renaming.set(Some((id.clone(), e.target_unchecked_into::<HtmlInputElement>().value())))) };
                            let save = {
                                let d = dispatch.clone();
                                let renaming = renaming.clone();
                                let (id, text) = (id.clone(), text.clone());
                                Callback::from(move |e: SubmitEvent| {
                                    e.prevent_default();
                                    d.dispatch(AppAction::RenameDraft { id: id.clone(), name: text.clone() });
                                    renaming.set(None);
                                })
                            };
                            html! {
                                <form onsubmit={save} class="rename">
                                    <label for={input_id.clone()}>{texts.ui("ui-drafts-new-name")}</label>
                                    <input id={input_id} type="text" maxlength="120" value={text.clone()} oninput={on_input} />
                                    <button type="submit">{texts.ui("ui-drafts-save-name")}</button>
                                </form>
                            }
                        }
                        _ => html! { <>{draft.name.clone()}if is_current { <span class="tag">{" "}{texts.ui("ui-drafts-open")}</span> }</> },
                    };
                    let rename = { let (renaming, id, name) = (renaming.clone(), id.clone(), draft.name.clone()); Callback::from(move |_: MouseEvent| renaming.set(Some((id.clone(), name.clone())))) };
                    html! {
                        <tr key={id.to_string()}>
                            <td>{name_cell}</td>
                            <td>{format!("{}, {}", texts.mode(draft.assessment.mode), texts.sector(draft.assessment.sector))}</td>
                            <td><span class={classes!("outcome-chip", format!("outcome-{}", report.outcome.key()))}>{texts.outcome(report.outcome).to_owned()}</span></td>
                            <td>
                                {row.decision.map(|d| texts.decision_taken(d).to_owned()).unwrap_or_default()}
                                if let Some(on) = row.decided_on { {format!(" ({on})")} }
                                if row.overridden { {" "}<span class="badge override-badge">{texts.ui("ui-register-override")}</span> }
                            </td>
                            <td>{conditions_summary(&texts, row)}</td>
                            <td>
                                {row.review_on.map(|d| d.to_string()).unwrap_or_default()}
                                if row.review_due { {" "}<span class="badge overdue-badge">{texts.ui("ui-register-due")}</span> }
                            </td>
                            <td class="row-actions">
                                <button type="button" onclick={open} aria-label={texts.ui_with("ui-drafts-open-named", &[("name", &draft.name)])}>{texts.ui("ui-drafts-open-2")}</button>
                                <button type="button" onclick={rename} aria-label={texts.ui_with("ui-drafts-rename-named", &[("name", &draft.name)])}>{texts.ui("ui-drafts-rename")}</button>
                                <button type="button" onclick={delete} class="danger" aria-label={ if asking { texts.ui_with("ui-drafts-confirm-delete-named", &[("name", &draft.name)]) } else { texts.ui_with("ui-drafts-delete-named", &[("name", &draft.name)]) } }>
                                    { if asking { texts.ui("ui-drafts-confirm-delete") } else { texts.ui("ui-drafts-delete") } }
                                </button>
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <h3 id="yearly-counts">{texts.ui("ui-register-yearly-title")}</h3>
            if years.is_empty() {
                <p>{texts.ui("ui-register-yearly-none")}</p>
            } else {
                <div class="table-scroll">
                    <table class="yearly-counts">
                        <caption>{texts.ui("ui-register-yearly-caption")}</caption>
                        <thead><tr>
                            <th scope="col">{texts.ui("ui-register-year")}</th>
                            { for Outcome::ALL.into_iter().map(|o| html! { <th scope="col">{texts.outcome(o).to_owned()}</th> }) }
                            { for DecisionTaken::ALL.into_iter().map(|d| html! { <th scope="col">{texts.ui_with("ui-register-decided", &[("decision", texts.decision_taken(d))])}</th> }) }
                            <th scope="col">{texts.ui("ui-register-overrides")}</th>
                        </tr></thead>
                        <tbody>
                            { for years.iter().map(|y| html! {
                                <tr>
                                    <th scope="row">{y.year.to_string()}</th>
                                    { for y.outcomes.iter().map(|n| html! { <td>{n.to_string()}</td> }) }
                                    { for y.decisions.iter().map(|n| html! { <td>{n.to_string()}</td> }) }
                                    <td>{y.overrides.to_string()}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if undated > 0 {
                <p>{texts.ui_with("ui-register-undated", &[("count", &undated.to_string())])}</p>
            }
            if !props.state.kept_versions.is_empty() {
                <h3 id="earlier-versions">{texts.ui("ui-drafts-earlier-versions")}</h3>
                <p>{texts.ui("ui-drafts-kept-when-the-same-draft")}</p>
                <ul class="kept-versions">{ for kept_versions }</ul>
            }
            if !props.state.set_aside.is_empty() {
                <h3 id="set-aside">{texts.ui("ui-drafts-data-set-aside")}</h3>
                <p>{texts.ui("ui-drafts-stored-data-that-could-not")}</p>
                <ul class="set-aside">{ for set_aside }</ul>
            }
            <h3>{texts.ui("ui-drafts-delete-local-data")}</h3>
            <p>{texts.ui("ui-drafts-removes-every-draft-earlier-version")}</p>
            <button type="button" id="delete-local-data" class="danger" onclick={delete_all}>
                { if is_confirming(&Confirming::AllLocalData) { texts.ui("ui-drafts-confirm-delete-all") } else { texts.ui("ui-drafts-delete-local-data") } }
            </button>
            if confirming.is_some() {
                <button type="button" onclick={cancel}>{texts.ui("ui-drafts-cancel")}</button>
            }
        </section>
    }
}
