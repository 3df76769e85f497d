//! The drafts kept in this browser: list, open, rename, delete, and delete all local data.

use crate::state::{AppAction, AppState};
use crate::storage;
use hrdd_core::scoring::score_with;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftsProps {
    pub state: AppState,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(DraftsView)]
pub fn drafts_view(props: &DraftsProps) -> Html {
    // Scored under the organisation's policy, as the open assessment is.
    let policy = use_context::<std::rc::Rc<crate::settings::Settings>>()
        .map(|settings| settings.policy.clone())
        .unwrap_or_default();
    // Which destructive action waits for confirmation: a draft id, or 0 for "all local data".
    let confirming = use_state(|| None::<u32>);
    let renaming = use_state(|| None::<(u32, String)>);
    let dispatch = &props.dispatch;

    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(AppAction::NewDraft))
    };
    let delete_all = {
        let dispatch = dispatch.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            if *confirming == Some(0) {
                confirming.set(None);
                let _ = storage::delete_all();
                dispatch.dispatch(AppAction::DeleteAllLocalData);
            } else {
                confirming.set(Some(0));
            }
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };

    html! {
        <section class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{"Drafts in this browser"}</h2>
            <p class="storage-note">
                {"Drafts are stored only in this browser (its local storage), on this device. They are never sent anywhere. Anyone using this browser profile can open them: delete them when you are done, or export a file to keep."}
            </p>
            <button type="button" onclick={on_new}>{"New assessment"}</button>
            <table class="drafts-table">
                <caption>{format!("{} draft(s)", props.state.drafts.len())}</caption>
                <thead><tr>
                    <th scope="col">{"Name"}</th><th scope="col">{"Mode and sector"}</th><th scope="col">{"Outcome"}</th><th scope="col">{"Actions"}</th>
                </tr></thead>
                <tbody>
                { for props.state.drafts.iter().map(|draft| {
                    let id = draft.id;
                    let report = score_with(&draft.assessment, &policy);
                    let is_current = id == props.state.current;
                    let open = { let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(AppAction::OpenDraft(id))) };
                    let delete = {
                        let d = dispatch.clone();
                        let confirming = confirming.clone();
                        Callback::from(move |_: MouseEvent| {
                            if *confirming == Some(id) {
                                confirming.set(None);
                                d.dispatch(AppAction::DeleteDraft(id));
                            } else {
                                confirming.set(Some(id));
                            }
                        })
                    };
                    let name_cell = match &*renaming {
                        Some((rid, text)) if *rid == id => {
                            let input_id = format!("rename-{id}");
                            let on_input = { let renaming = renaming.clone(); Callback::from(move |e: InputEvent| renaming.set(Some((id, e.target_unchecked_into::<HtmlInputElement>().value())))) };
                            let save = {
                                let d = dispatch.clone();
                                let renaming = renaming.clone();
                                let text = text.clone();
                                Callback::from(move |e: SubmitEvent| {
                                    e.prevent_default();
                                    d.dispatch(AppAction::RenameDraft { id, name: text.clone() });
                                    renaming.set(None);
                                })
                            };
                            html! {
                                <form onsubmit={save} class="rename">
                                    <label for={input_id.clone()}>{"New name"}</label>
                                    <input id={input_id} type="text" maxlength="120" value={text.clone()} oninput={on_input} />
                                    <button type="submit">{"Save name"}</button>
                                </form>
                            }
                        }
                        _ => html! { <>{draft.name.clone()}if is_current { <span class="tag">{" (open)"}</span> }</> },
                    };
                    let rename = { let renaming = renaming.clone(); let name = draft.name.clone(); Callback::from(move |_: MouseEvent| renaming.set(Some((id, name.clone())))) };
                    html! {
                        <tr>
                            <td>{name_cell}</td>
                            <td>{format!("{}, {}", draft.assessment.mode.label(), draft.assessment.sector.label())}</td>
                            <td><span class={classes!("outcome-chip", format!("outcome-{}", report.outcome.key()))}>{report.outcome.label()}</span></td>
                            <td class="row-actions">
                                <button type="button" onclick={open} aria-label={format!("Open {}", draft.name)}>{"Open"}</button>
                                <button type="button" onclick={rename} aria-label={format!("Rename {}", draft.name)}>{"Rename"}</button>
                                <button type="button" onclick={delete} class="danger" aria-label={format!("{} {}", if *confirming == Some(id) { "Confirm deleting" } else { "Delete" }, draft.name)}>
                                    { if *confirming == Some(id) { "Confirm delete" } else { "Delete" } }
                                </button>
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <h3>{"Delete local data"}</h3>
            <p>{"Removes every draft this calculator stored in this browser."}</p>
            <button type="button" id="delete-local-data" class="danger" onclick={delete_all}>
                { if *confirming == Some(0) { "Confirm: delete all local data" } else { "Delete local data" } }
            </button>
            if confirming.is_some() {
                <button type="button" onclick={cancel}>{"Cancel"}</button>
            }
        </section>
    }
}
