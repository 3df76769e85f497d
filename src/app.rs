//! The application root: the one reducer, the storage effect, the navigation between the
//! assessment, the drafts and the comparison, and the on-screen notices.

use crate::compare::CompareView;
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
    AppAction, AppState, AssessmentAction, Notice, NoticeKind, StorageStatus, View,
};
use crate::storage;
use crate::toolbar::Toolbar;
use hrdd_core::method::Mode;
use hrdd_core::scoring::score_with;
use std::rc::Rc;
use yew::prelude::*;

/// The initial state: the drafts stored in this browser, if any.
fn restored_state() -> AppState {
    let mut state = AppState::default();
    match storage::load_drafts() {
        Ok(Some((drafts, current))) => {
            crate::state::reduce(&mut state, AppAction::Restore { drafts, current });
        }
        Ok(None) => {}
        Err(message) => {
            state.storage = StorageStatus::Unreadable;
            state.notice = Some(Notice {
                kind: NoticeKind::Error,
                text: message,
            });
        }
    }
    if let Some(fragment) = current_link_fragment() {
        crate::state::reduce(
            &mut state,
            AppAction::OpenLink(hrdd_core::link::decode(&fragment)),
        );
    }
    state
}

/// The address's fragment, if it claims to be a share link.
fn current_link_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hrdd_core::link::looks_like_link(&hash).then_some(hash)
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(restored_state);
    let dispatch = state.dispatcher();
    let settings = use_state(|| Rc::new(Settings::defaults()));
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

    // Organisation settings: one same-origin request for settings.json, carrying no user data.
    {
        let (dispatch, settings) = (dispatch.clone(), settings.clone());
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
                        if let Some(perspective) = loaded.default_perspective {
                            dispatch.dispatch(AppAction::SetDefaultPerspective(perspective));
                        }
                        settings.set(Rc::new(loaded));
                    }
                    Ok(None) => {}
                    Err(error) => dispatch.dispatch(AppAction::Notify(Notice {
                        kind: NoticeKind::Error,
                        text: format!("The organisation settings file (settings.json) could not be used: {error}. The calculator works with its defaults."),
                    })),
                }
            });
        });
    }

    // Autosave: every change to the drafts is written to this browser's local storage.
    {
        let dispatch = dispatch.clone();
        let status = state.storage;
        use_effect_with(
            (state.drafts.clone(), state.current, status),
            move |(drafts, current, status)| {
                if *status == StorageStatus::Ok {
                    if let Err(message) = storage::save_drafts(drafts, *current) {
                        dispatch.dispatch(AppAction::Notify(Notice {
                            kind: NoticeKind::Error,
                            text: message,
                        }));
                    }
                }
            },
        );
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
        use_effect_with((report.clone(), settings), |(report, settings)| {
            post_summary(report, settings)
        });
    }
    let on_answer = {
        let dispatch = dispatch.clone();
        Callback::from(move |action: AssessmentAction| dispatch.dispatch(AppAction::Answer(action)))
    };
    let on_full_assessment = {
        let on_answer = on_answer.clone();
        Callback::from(move |()| on_answer.emit(AssessmentAction::SetMode(Mode::FullAssessment)))
    };
    let show = |view: View| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::ShowView(view)))
    };
    let nav_button = |view: View, label: &'static str| {
        html! {
            <button type="button" class={classes!("nav-tab", (state.view == view).then_some("active"))}
                aria-current={(state.view == view).then_some("page")} onclick={show(view)}>{label}</button>
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
        html! {
            <div class={class} role={role} id="notice">
                <p>{notice.text.clone()}</p>
                <button type="button" onclick={dismiss}>{"Dismiss"}</button>
            </div>
        }
    });

    html! {
        <>
        <a class="skip-link" href="#main">{"Skip to the calculator"}</a>
        <ContextProvider<Rc<Settings>> context={(*settings).clone()}>
        <header class="app-header">
            <h1>{"Downstream human rights due diligence calculator"}</h1>
            if !settings.organisation.is_empty() {
                <p class="organisation">{format!("Provided by {}", settings.organisation)}</p>
            }
            <p class="privacy-note">
                {"Screen a sale or deployment for risks to people after it leaves your hands: the end use, the customer and destination, the impacts on people and your connection to them. It follows the UN Guiding Principles and gives an outcome, red flags and what to do next. "}
                <strong>{"Everything stays on this device: nothing you enter is sent anywhere."}</strong>
            </p>
            <nav aria-label="Screens">
                {nav_button(View::Assess, "Assessment")}
                {nav_button(View::Drafts, "Drafts")}
                {nav_button(View::Compare, "Compare")}
                if state.shared.is_some() { {nav_button(View::Shared, "Shared link")} }
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
                    if *print_ready {
                        <PrintReport assessment={assessment.clone()} report={report.clone()} draft_name={state.current_draft().name.clone()} />
                    }
                    </>
                },
                View::Drafts => html! { <DraftsView state={(*state).clone()} dispatch={dispatch.clone()} /> },
                View::Compare => html! { <CompareView state={(*state).clone()} dispatch={dispatch.clone()} /> },
                View::Shared => html! { <SharedView state={(*state).clone()} dispatch={dispatch.clone()} /> },
            } }
        </main>
        <footer class="app-footer">
            <p>{format!("Method version {}. ", hrdd_core::method::METHOD_VERSION)}{hrdd_core::country::COUNTRY_DATA_ATTRIBUTION}</p>
        </footer>
        </ContextProvider<Rc<Settings>>>
        </>
    }
}
