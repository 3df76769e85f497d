//! The application root: the one reducer, the storage effect, the navigation between the
//! assessment, the drafts and the comparison, and the on-screen notices.

use crate::compare::CompareView;
use crate::draft_records::{
    classify_remote, id_of_draft_key, Ledger, RemoteChange, Synced, DRAFT_PREFIX, SET_ASIDE_PREFIX,
    VERSION_PREFIX,
};
use crate::drafts::DraftsView;
use crate::embed::{embed_mode, post_summary, EmbedDialog};
use crate::print::PrintReport;
use crate::questionnaire::Questionnaire;
use crate::results::Results;
use crate::settings::Settings;
use crate::share::SharePanel;
use crate::shared::SharedView;
use crate::start::StartPanel;
use crate::state::{
    AppAction, AppState, AssessmentAction, Notice, NoticeKind, NoticeText, StorageStatus, View,
};
use crate::storage;
use crate::toolbar::Toolbar;
use hrdd_core::method::Mode;
use hrdd_core::scoring::score_with;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The initial state of this tab: the drafts stored in this browser, and what reading them
/// found (data set aside, a migration, storage turned off).
fn restored_state(opened: &storage::Opened, tab: &str) -> AppState {
    let mut state = AppState::for_tab(tab);
    let drafts: Vec<_> = opened
        .drafts
        .iter()
        .map(|(_, draft)| draft.clone())
        .collect();
    crate::state::reduce(
        &mut state,
        AppAction::Restore {
            drafts,
            current: opened.open.clone(),
        },
    );
    state.kept_versions = opened.kept_versions.clone();
    state.set_aside = opened.set_aside.clone();
    if opened.unavailable.is_some() {
        crate::state::reduce(&mut state, AppAction::StorageUnavailable);
    } else if !opened.problems.is_empty() {
        state.notice = Some(Notice::storage(NoticeText::Opening(
            opened.problems.clone(),
        )));
    }
    if let Some(fragment) = current_link_fragment() {
        crate::state::reduce(
            &mut state,
            AppAction::OpenLink(hrdd_core::link::decode(&fragment)),
        );
    }
    state
}

/// The ledger of what this tab knows is stored, from the records read at start-up.
fn restored_ledger(opened: &storage::Opened) -> Ledger {
    Ledger {
        entries: opened
            .drafts
            .iter()
            .map(|(record, draft)| (draft.id.clone(), Synced::from_record(record, draft)))
            .collect(),
        next_edit: 0,
    }
}

/// A change to local storage made by another tab: update this tab's drafts, and keep this
/// tab's version when another tab's edit was made beside it.
fn on_storage_event(
    event: &web_sys::StorageEvent,
    ledger: &RefCell<Ledger>,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    let Some(key) = event.key() else {
        // The whole storage was cleared (not by this application, which removes its own keys).
        ledger.borrow_mut().entries.clear();
        dispatch.dispatch(AppAction::DeletedElsewhere);
        return;
    };
    if let Some(id) = id_of_draft_key(&key) {
        let mut ledger = ledger.borrow_mut();
        let Some(text) = event.new_value() else {
            ledger.entries.remove(&id);
            dispatch.dispatch(AppAction::RemoteRemoved(id));
            return;
        };
        let Ok((record, draft)) = storage::read_record(&key, &text) else {
            dispatch.dispatch(AppAction::Notify(Notice::error(
                NoticeText::UnreadableFromOtherTab,
            )));
            return;
        };
        let change = classify_remote(ledger.entries.get(&id), &record, &draft);
        let mut kept_here = false;
        if change == RemoteChange::Conflict {
            // The writing tab keeps this version before it writes; this is for a writer that
            // could not know of it (it never had the draft), and costs nothing otherwise.
            if let Some(ours) = ledger.entries.get(&id) {
                match storage::keep_overwritten(&id, ours) {
                    Ok(kept) => kept_here = kept,
                    Err(message) => dispatch.dispatch(AppAction::Notify(Notice::storage(message))),
                }
            }
        }
        ledger
            .entries
            .insert(id, Synced::from_record(&record, &draft));
        drop(ledger);
        if change != RemoteChange::AlreadyHere {
            dispatch.dispatch(AppAction::RemoteChanged { draft, change });
        }
        // A draft's own change leaves the other lists as they were, unless a version was
        // kept just now (this tab hears no event for its own writes).
        if !kept_here {
            return;
        }
    }
    if key.starts_with(DRAFT_PREFIX)
        || key.starts_with(VERSION_PREFIX)
        || key.starts_with(SET_ASIDE_PREFIX)
    {
        let (kept_versions, set_aside) = storage::stored_extras();
        dispatch.dispatch(AppAction::StoredExtras {
            kept_versions,
            set_aside,
        });
    }
}

/// The address's fragment, if it claims to be a share link.
fn current_link_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hrdd_core::link::looks_like_link(&hash).then_some(hash)
}

#[function_component(App)]
pub fn app() -> Html {
    // Storage is read once, when the tab starts; the reducer and the ledger both start from it.
    let opened = use_memo((), |()| storage::open_drafts());
    let tab = use_memo((), |()| storage::new_tab_token());
    let state = use_reducer(|| restored_state(&opened, &tab));
    let ledger = use_mut_ref(|| restored_ledger(&opened));
    let dispatch = state.dispatcher();
    let settings = use_state(|| Rc::new(Settings::defaults()));
    // The words of every screen, from the shown language's catalogue (none until it is loaded:
    // the wasm holds no words of its own).
    let texts = use_state(|| Rc::new(hrdd_core::i18n::Texts::default()));
    // The language last asked for: a catalogue that arrives after another was asked for is
    // not shown (two quick switches).
    let asked_for = use_mut_ref(|| None::<hrdd_core::i18n::Language>);
    // The language shown: the address's or the user's own choice, else the browser's (an
    // organisation's default, once settings.json is read, replaces the browser's only).
    let chosen = use_memo((), |()| crate::language::chosen());
    let language = use_state(|| (*chosen).unwrap_or_else(crate::language::from_browser));
    {
        let (texts, dispatch, asked_for) = (texts.clone(), dispatch.clone(), asked_for.clone());
        use_effect_with(*language, move |language| {
            let language = *language;
            if texts.is_loaded() && texts.language() == language {
                crate::language::set_document_language(language);
                return;
            }
            *asked_for.borrow_mut() = Some(language);
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = crate::language::load_texts(language).await;
                if *asked_for.borrow() != Some(language) {
                    return;
                }
                match loaded {
                    Ok(loaded) => {
                        crate::language::set_document_language(language);
                        dispatch.dispatch(AppAction::SetUntitledWord(
                            loaded.ui("ui-drafts-untitled").to_owned(),
                        ));
                        texts.set(Rc::new(loaded));
                    }
                    Err(problem) if texts.is_loaded() => {
                        dispatch.dispatch(AppAction::Notify(Notice::error(texts.ui_with(
                            "ui-app-language-not-loaded",
                            &[
                                ("language", language.endonym()),
                                ("problem", &problem.words(&texts)),
                            ],
                        ))))
                    }
                    Err(problem) => crate::language::report_no_texts(language, &problem),
                }
            });
        });
    }
    let on_language = {
        let language = language.clone();
        Callback::from(move |chosen: hrdd_core::i18n::Language| {
            crate::language::remember(chosen);
            language.set(chosen);
        })
    };
    // The print-only report is added just after the first render, so that it never delays the
    // moment the first question can be answered.
    let print_ready = use_state(|| false);
    {
        let print_ready = print_ready.clone();
        use_effect_with((), move |_| {
            let timer = gloo::timers::callback::Timeout::new(0, move || print_ready.set(true));
            move || drop(timer)
        });
    }
    let embedded = embed_mode();
    // The pipeline screen is built the first time it is opened, and kept from then on.
    let batch_opened = use_state(|| false);
    if state.view == View::Batch && !*batch_opened {
        batch_opened.set(true);
    }

    // Organisation settings: one same-origin request for settings.json, carrying no user data.
    {
        let (dispatch, settings) = (dispatch.clone(), settings.clone());
        let language = language.clone();
        use_effect_with((), move |_| {
            if embedded {
                if let Some(root) = gloo::utils::document().document_element() {
                    let _ = root.class_list().add_1("hrdd-embed");
                }
            }
            wasm_bindgen_futures::spawn_local(async move {
                match crate::settings::load().await {
                    Ok(Some(loaded)) => {
                        crate::settings::apply_theme(&loaded);
                        // Read the reader's choice now, not at start-up: one made with the
                        // switcher while settings.json was on its way wins too.
                        if let (Some(default), None) =
                            (loaded.default_language, crate::language::chosen())
                        {
                            language.set(default);
                        }
                        if let Some(perspective) = loaded.default_perspective {
                            dispatch.dispatch(AppAction::SetDefaultPerspective(perspective));
                        }
                        settings.set(Rc::new(loaded));
                    }
                    Ok(None) => {}
                    Err(error) => dispatch.dispatch(AppAction::Notify(Notice::error(
                        NoticeText::SettingsProblem(error),
                    ))),
                }
            });
        });
    }

    // Autosave: each draft this tab changed is written under its own key, and nothing else,
    // so that two tabs never erase each other's drafts.
    {
        let (dispatch, ledger) = (dispatch.clone(), ledger.clone());
        let tab = state.tab.clone();
        use_effect_with(
            (state.drafts.clone(), state.current.clone(), state.storage),
            move |(drafts, current, status)| {
                if *status == StorageStatus::Ok {
                    let saved =
                        storage::save_changed(&mut ledger.borrow_mut(), drafts, current, &tab);
                    if let Some(message) = saved.error {
                        dispatch.dispatch(AppAction::Notify(Notice::storage(message)));
                    } else if !saved.kept_from_other_tab.is_empty() {
                        dispatch.dispatch(AppAction::Notify(Notice::info(
                            NoticeText::KeptFromOtherTab {
                                names: saved.kept_from_other_tab,
                            },
                        )));
                    }
                    if saved.extras_changed {
                        let (kept_versions, set_aside) = storage::stored_extras();
                        dispatch.dispatch(AppAction::StoredExtras {
                            kept_versions,
                            set_aside,
                        });
                    }
                }
            },
        );
    }

    // Changes made in other tabs: the `storage` event fires in every other tab of this site.
    {
        let (dispatch, ledger) = (dispatch.clone(), ledger.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "storage", move |event| {
                    if let Some(event) =
                        wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                    {
                        on_storage_event(event, &ledger, &dispatch);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // A link pasted into the address bar while the app is open.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "hashchange", move |_| {
                    if let Some(fragment) = current_link_fragment() {
                        dispatch.dispatch(AppAction::OpenLink(hrdd_core::link::decode(&fragment)));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let assessment = state.assessment().clone();
    // Scores are derived, never stored: recomputed whenever the answers change.
    let report = use_memo(
        (assessment.clone(), settings.policy.clone()),
        |(assessment, policy)| score_with(assessment, policy),
    );
    // The outcome summary for an embedding page, when the deployer allowed it.
    {
        let settings = (*settings).clone();
        use_effect_with(
            (report.clone(), settings, (*texts).clone()),
            |(report, settings, texts)| post_summary(report, settings, texts),
        );
    }
    let on_answer = {
        let dispatch = dispatch.clone();
        Callback::from(move |action: AssessmentAction| dispatch.dispatch(AppAction::Answer(action)))
    };
    // Re-assess: the decided version is kept as an earlier version of this draft (Drafts, and
    // Compare, show it), then the decision is cleared for the new round.
    let on_reassess = {
        let (dispatch, state) = (dispatch.clone(), state.clone());
        let texts = texts.clone();
        Callback::from(move |()| {
            let draft = state.current_draft();
            if let Err(error) = crate::storage::keep_versions(
                &[draft],
                crate::draft_records::KeepReason::Reassessed,
            ) {
                dispatch.dispatch(AppAction::Notify(Notice::storage(
                    crate::messages::storage_error(&texts, &error),
                )));
                return;
            }
            dispatch.dispatch(AppAction::Answer(AssessmentAction::Record(
                hrdd_core::record::RecordChange::StartReassessment,
            )));
            let (kept_versions, set_aside) = crate::storage::stored_extras();
            dispatch.dispatch(AppAction::StoredExtras {
                kept_versions,
                set_aside,
            });
            dispatch.dispatch(AppAction::Notify(Notice::info(
                texts.ui("ui-decision-reassessed").to_owned(),
            )));
        })
    };
    let on_full_assessment = {
        let on_answer = on_answer.clone();
        Callback::from(move |()| on_answer.emit(AssessmentAction::SetMode(Mode::FullAssessment)))
    };
    let show = |view: View| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::ShowView(view)))
    };
    let nav_button = |view: View, label: &str| {
        html! {
            <button type="button" class={classes!("nav-tab", (state.view == view).then_some("active"))}
                aria-current={(state.view == view).then_some("page")} onclick={show(view)}>{label.to_owned()}</button>
        }
    };

    let notice = state.notice.as_ref().map(|notice| {
        let dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::DismissNotice))
        };
        let (class, role) = match notice.kind {
            NoticeKind::Error => ("notice notice-error", "alert"),
            NoticeKind::Info => ("notice notice-info", "status"),
        };
        let export_all = notice.offer_export.then(|| {
            let (dispatch, drafts, held) = (dispatch.clone(), state.drafts.clone(), texts.clone());
            let on_export = Callback::from(move |_: MouseEvent| {
                crate::drafts::export_all(&held, &drafts, &dispatch)
            });
            html! { <button type="button" class="notice-export" onclick={on_export}>{texts.ui("ui-app-export-all-assessments")}</button> }
        });
        html! {
            <div class={class} role={role} id="notice">
                <p>{crate::messages::notice_text(&texts, &notice.text)}</p>
                { for export_all }
                <button type="button" onclick={dismiss}>{texts.ui("ui-app-dismiss")}</button>
            </div>
        }
    });

    if !texts.is_loaded() {
        // The first catalogue is on its way (a request to the calculator's own folder).
        return html! { <main id="main" aria-busy="true"></main> };
    }
    html! {
        <>
        <a class="skip-link" href="#main">{texts.ui("ui-app-skip-to-the-calculator")}</a>
        <ContextProvider<Rc<Settings>> context={(*settings).clone()}>
        <ContextProvider<Rc<hrdd_core::i18n::Texts>> context={(*texts).clone()}>
        <header class="app-header">
            <h1>{texts.ui("ui-app-downstream-human-rights-due-diligence")}</h1>
            if !settings.organisation.is_empty() {
                <p class="organisation">{texts.ui_with("ui-app-provided-by", &[("organisation", &settings.organisation)])}</p>
            }
            <p class="privacy-note">
                {texts.ui("ui-app-screen-a-sale-or-deployment")}{" "}
                <strong>{texts.ui("ui-app-everything-stays-on-this-device")}</strong>
            </p>
            <crate::language::LanguageSwitcher language={*language} on_change={on_language} />
            <nav aria-label={texts.ui("ui-app-screens").to_owned()}>
                {nav_button(View::Assess, texts.ui("ui-app-nav-assessment"))}
                {nav_button(View::Drafts, texts.ui("ui-app-nav-drafts"))}
                {nav_button(View::Compare, texts.ui("ui-app-nav-compare"))}
                {nav_button(View::Batch, texts.ui("ui-app-nav-pipeline"))}
                if state.shared.is_some() { {nav_button(View::Shared, texts.ui("ui-app-nav-shared"))} }
            </nav>
        </header>
        <div class="notices">{ for notice }</div>
        <main id="main" tabindex="-1">
            { match state.view {
                View::Assess => html! {
                    <>
                    <Toolbar assessment={assessment.clone()} draft_name={state.current_draft().name.clone()} dispatch={dispatch.clone()} />
                    <SharePanel assessment={assessment.clone()} />
                    if !embedded { <EmbedDialog base={crate::share::base_address()} /> }
                    <div class="layout">
                        <div class="questions">
                            <StartPanel assessment={assessment.clone()} on_answer={on_answer.clone()} />
                            <Questionnaire assessment={assessment.clone()} report={report.clone()} on_answer={on_answer.clone()} />
                        </div>
                        <Results report={report.clone()} on_full_assessment={Some(on_full_assessment)} />
                    </div>
                    <crate::decision::DecisionRecordView record={(*assessment.record).clone()} report={report.clone()} on_answer={on_answer.clone()} on_reassess={Some(on_reassess)} />
                    if *print_ready {
                        <PrintReport assessment={assessment.clone()} report={report.clone()} draft_name={state.current_draft().name.clone()} />
                    }
                    </>
                },
                View::Drafts => html! { <DraftsView state={(*state).clone()} dispatch={dispatch.clone()} /> },
                View::Compare => html! { <CompareView state={(*state).clone()} dispatch={dispatch.clone()} /> },
                View::Shared => html! { <SharedView state={(*state).clone()} dispatch={dispatch.clone()} /> },
                // Kept mounted (below) once opened, so that a screened pipeline and its worker
                // stay while the user opens a row as a draft and comes back.
                View::Batch => Html::default(),
            } }
            if *batch_opened {
                <div hidden={state.view != View::Batch}><crate::batch::BatchView dispatch={dispatch.clone()} /></div>
            }
        </main>
        <footer class="app-footer">
            <p>{texts.ui_with("ui-app-method-version", &[("version", &hrdd_core::method::METHOD_VERSION.to_string())])}{" "}{texts.country_data_attribution().to_owned()}</p>
        </footer>
        </ContextProvider<Rc<hrdd_core::i18n::Texts>>>
        </ContextProvider<Rc<Settings>>>
        </>
    }
}
