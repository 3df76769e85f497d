//! Two assessments side by side (before and after conditions, customer A against B, or an
//! assessment against an earlier version of it, such as the decided version kept when it was
//! re-assessed): outcomes, scores, red flags, the decisions on record and the answers that
//! differ.

use crate::state::{AppAction, AppState, Draft, DraftId};
use hrdd_core::method::QUESTIONS;
use hrdd_core::report::ActionStatus;
use hrdd_core::scoring::score_with;
use hrdd_core::Report;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn count_actions(report: &Report, status: ActionStatus) -> String {
    report
        .actions
        .iter()
        .filter(|a| a.status == status)
        .count()
        .to_string()
}

/// A picker's value for an earlier version: this prefix, then its storage key.
const VERSION_VALUE: &str = "version:";

fn version_name(texts: &hrdd_core::i18n::Texts, name: &str) -> String {
    texts.ui_with("ui-compare-earlier-version-of", &[("name", name)])
}

/// The decision on record, in a cell: what was decided and when, or that nothing is.
fn decision_text(texts: &hrdd_core::i18n::Texts, draft: &Draft) -> String {
    let decision = &draft.assessment.record.decision;
    match (decision.taken, decision.on) {
        (Some(taken), Some(on)) => format!("{} ({on})", texts.decision_taken(taken)),
        (Some(taken), None) => texts.decision_taken(taken).to_owned(),
        (None, _) => texts.ui("ui-decision-not-yet").to_owned(),
    }
}

/// The conditions on record, in a cell: each with its status.
fn conditions_text(texts: &hrdd_core::i18n::Texts, draft: &Draft) -> String {
    let conditions = &draft.assessment.record.conditions;
    if conditions.is_empty() {
        return "—".to_owned();
    }
    let items: Vec<String> = conditions
        .iter()
        .map(|c| {
            format!(
                "{}: {}",
                texts.condition_title(c.action),
                texts.condition_status(c.status)
            )
        })
        .collect();
    texts.list(&items)
}

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub state: AppState,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareProps) -> Html {
    let texts = crate::use_texts();
    // Scored under the organisation's policy, as the open assessment is.
    let policy = use_context::<std::rc::Rc<crate::settings::Settings>>()
        .map(|settings| settings.policy.clone())
        .unwrap_or_default();
    let state = &props.state;
    let drafts = &state.drafts;
    // Default: the open draft against the next one.
    let left = state
        .compare
        .0
        .clone()
        .filter(|id| state.draft(id).is_some())
        .unwrap_or_else(|| state.current.clone());
    let right = state
        .compare
        .1
        .clone()
        .filter(|id| state.draft(id).is_some())
        .or_else(|| drafts.iter().map(|d| d.id.clone()).find(|id| *id != left))
        .unwrap_or_else(|| left.clone());
    // An earlier version chosen on a side: its storage key and the version as read (views hold
    // it; the application's state names drafts only).
    let versions = use_state(|| [None::<(String, Draft)>, None::<(String, Draft)>]);
    let picker = |id: &'static str, label: &str, selected: &DraftId, is_left: bool| {
        let dispatch = props.dispatch.clone();
        let other = if is_left { right.clone() } else { left.clone() };
        let side = usize::from(!is_left);
        let versions_handle = versions.clone();
        let texts_for_names = texts.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut chosen = (*versions_handle).clone();
            if let Some(key) = value.strip_prefix(VERSION_VALUE) {
                chosen[side] = crate::storage::read_kept(key).ok().map(|mut draft| {
                    draft.name = version_name(&texts_for_names, &draft.name);
                    (key.to_owned(), draft)
                });
                versions_handle.set(chosen);
                return;
            }
            chosen[side] = None;
            versions_handle.set(chosen);
            let value = DraftId::parse(&value);
            let (l, r) = if is_left {
                (value, Some(other.clone()))
            } else {
                (Some(other.clone()), value)
            };
            dispatch.dispatch(AppAction::SetCompare { left: l, right: r });
        });
        let version_selected = versions[side].as_ref().map(|(key, _)| key.clone());
        html! {
            <div class="compare-pick">
                <label for={id}>{label.to_owned()}</label>
                <select id={id} {onchange}>
                    { for drafts.iter().map(|d| html! { <option value={d.id.to_string()} selected={version_selected.is_none() && d.id == *selected}>{d.name.clone()}</option> }) }
                    if !state.kept_versions.is_empty() {
                        <optgroup label={texts.ui("ui-drafts-earlier-versions").to_owned()}>
                            { for state.kept_versions.iter().map(|v| html! {
                                <option value={format!("{VERSION_VALUE}{}", v.key)} selected={version_selected.as_deref() == Some(v.key.as_str())}>
                                    {format!("{} — {} ({})", v.name, crate::drafts::local_time(v.saved_ms), crate::drafts::keep_reason(&texts, v.reason))}
                                </option>
                            }) }
                        </optgroup>
                    }
                </select>
            </div>
        }
    };

    let side = |index: usize, id: &DraftId| -> Option<Draft> {
        versions[index]
            .as_ref()
            .map(|(_, draft)| draft.clone())
            .or_else(|| state.draft(id).cloned())
    };
    let (Some(a), Some(b)) = (side(0, &left), side(1, &right)) else {
        return html! {};
    };
    let (ra, rb) = (
        score_with(&a.assessment, &policy),
        score_with(&b.assessment, &policy),
    );
    let row = |label: String, x: String, y: String| {
        let differs = x != y;
        html! {
            <tr class={classes!(differs.then_some("differs"))}>
                <th scope="row">{label}{ if differs { html! { <span class="visually-hidden">{" "}{texts.ui("ui-compare-differs")}</span> } } else { html! {} } }</th>
                <td>{x}</td><td>{y}</td>
            </tr>
        }
    };
    let flags = |r: &Report| {
        r.red_flags
            .iter()
            .map(|f| {
                hrdd_core::method::RED_FLAGS
                    .iter()
                    .find(|d| d.id == f.id)
                    .map_or(f.id, |d| texts.flag_title(d))
            })
            .collect::<Vec<_>>()
    };
    let (fa, fb) = (flags(&ra), flags(&rb));
    let only = |x: &[&str], y: &[&str]| {
        let list: Vec<&str> = x.iter().filter(|f| !y.contains(f)).copied().collect();
        if list.is_empty() {
            "—".to_owned()
        } else {
            texts.list(&list)
        }
    };
    let differing: Vec<usize> = (0..QUESTIONS.len())
        .filter(|&i| a.assessment.answers[i] != b.assessment.answers[i])
        .filter(|&i| QUESTIONS[i].is_asked(&a.assessment) || QUESTIONS[i].is_asked(&b.assessment))
        .collect();

    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{texts.ui("ui-compare-compare-two-assessments")}</h2>
            if drafts.len() < 2 {
                <p>{texts.ui("ui-compare-compare-needs-two-drafts-start")}</p>
            }
            <div class="compare-picks">
                {picker("compare-left", texts.ui("ui-compare-first"), &left, true)}
                {picker("compare-right", texts.ui("ui-compare-second"), &right, false)}
            </div>
            <table class="compare-table" id="compare-table">
                <caption>{texts.ui("ui-compare-rows-that-differ-are-highlighted")}</caption>
                <thead><tr><th scope="col">{""}</th><th scope="col">{a.name.clone()}</th><th scope="col">{b.name.clone()}</th></tr></thead>
                <tbody>
                    {row(texts.ui("ui-results-outcome").into(), texts.outcome(ra.outcome).into(), texts.outcome(rb.outcome).into())}
                    {row(texts.ui("ui-compare-residual-risk").into(), texts.risk(ra.residual_risk).into(), texts.risk(rb.residual_risk).into())}
                    { for ra.elements.iter().zip(&rb.elements).map(|(x, y)| row(format!("{} {}", x.element.letter(), texts.element(x.element)), x.score.to_string(), y.score.to_string())) }
                    {row(texts.ui("ui-compare-red-flags").into(), fa.len().to_string(), fb.len().to_string())}
                    {row(texts.ui("ui-compare-red-flags-only-here").into(), only(&fa, &fb), only(&fb, &fa))}
                    {row(texts.ui("ui-compare-possible-red-flags").into(), ra.possible_red_flags.len().to_string(), rb.possible_red_flags.len().to_string())}
                    {row(texts.ui("ui-compare-facts-to-establish").into(), ra.blockers.len().to_string(), rb.blockers.len().to_string())}
                    {row(texts.ui("ui-compare-most-severe-right").into(),
                        ra.salient_rights.first().map_or("—".into(), |r| format!("{} ({})", texts.right(r.right), texts.risk(r.risk))),
                        rb.salient_rights.first().map_or("—".into(), |r| format!("{} ({})", texts.right(r.right), texts.risk(r.risk))))}
                    {row(texts.ui("ui-compare-open-questions").into(), ra.open_questions.len().to_string(), rb.open_questions.len().to_string())}
                    {row(texts.ui("ui-compare-actions-to-do").into(), count_actions(&ra, ActionStatus::ToDo), count_actions(&rb, ActionStatus::ToDo))}
                    {row(texts.ui("ui-compare-safeguards-planned").into(), count_actions(&ra, ActionStatus::Planned), count_actions(&rb, ActionStatus::Planned))}
                    {row(texts.ui("ui-register-decision").into(), decision_text(&texts, &a), decision_text(&texts, &b))}
                    {row(texts.ui("ui-decision-conditions-title").into(), conditions_text(&texts, &a), conditions_text(&texts, &b))}
                    {row(texts.ui("ui-compare-mode-and-sector").into(),
                        format!("{}, {}", texts.mode(a.assessment.mode), texts.sector(a.assessment.sector)),
                        format!("{}, {}", texts.mode(b.assessment.mode), texts.sector(b.assessment.sector)))}
                </tbody>
            </table>
            <h3>{texts.ui_with("ui-compare-answers-that-differ", &[("count", &differing.len().to_string())])}</h3>
            if !differing.is_empty() {
                <table class="compare-table" id="compare-answers">
                    <thead><tr><th scope="col">{texts.ui("ui-results-question")}</th><th scope="col">{a.name.clone()}</th><th scope="col">{b.name.clone()}</th></tr></thead>
                    <tbody>
                        { for differing.iter().map(|&i| row(texts.question(&QUESTIONS[i], a.assessment.perspective).to_owned(), texts.answer(i, a.assessment.answers[i], a.assessment.perspective), texts.answer(i, b.assessment.answers[i], b.assessment.perspective))) }
                    </tbody>
                </table>
            }
        </section>
    }
}
