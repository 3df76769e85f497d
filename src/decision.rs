//! The decision on record, under the result: the recommended actions still to do made
//! conditions (owner, due date, status, evidence; overdue ones stand out), the decision taken,
//! by whom, when and why (a decision more permissive than recommended says so prominently and
//! asks for its reason), an optional second sign-off, and the review date with the events that
//! call for a new assessment. Every change is an `AssessmentAction::Record` for the reducer; what
//! the record lacks comes from `hrdd_core::record::record_problems`.

use crate::state::AssessmentAction;
use hrdd_core::dates::Day;
use hrdd_core::method::REASSESS_WHEN;
use hrdd_core::record::{
    default_review_date, departure, record_problems, ConditionStatus, DecisionRecord,
    DecisionTaken, DecisionText, Departure, RecordChange, RecordDate,
};
use hrdd_core::report::{ActionStatus, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecisionRecordProps {
    pub record: DecisionRecord,
    pub report: Rc<Report>,
    pub on_answer: Callback<AssessmentAction>,
    /// Keep the decided version and start a new round (absent where the record is read only).
    #[prop_or_default]
    pub on_reassess: Option<Callback<()>>,
}

/// A date field's value as the record keeps it: None when emptied; a partial date the browser
/// reports while the user types (year 0002 after one digit) is no change at all.
fn typed_day(event: &Event) -> Option<Option<Day>> {
    let text = event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value();
    match Day::parse(&text) {
        Some(day) => Some(Some(day)),
        None if text.is_empty() => Some(None),
        None => None,
    }
}

fn input_text(event: &InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn textarea_text(event: &InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

fn select_value(event: &Event) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

fn day_value(day: Option<Day>) -> String {
    day.map(|d| d.to_string()).unwrap_or_default()
}

#[function_component(DecisionRecordView)]
pub fn decision_record_view(props: &DecisionRecordProps) -> Html {
    let texts = crate::use_texts();
    let record = &props.record;
    let recommended = props.report.outcome;
    let today = Day::parse(&crate::print::today());
    let change = {
        let on_answer = props.on_answer.clone();
        move |change: RecordChange| on_answer.emit(AssessmentAction::Record(change))
    };
    let emit = |change_of: Rc<dyn Fn() -> RecordChange>| {
        let change = change.clone();
        Callback::from(move |_: MouseEvent| change(change_of()))
    };

    let candidates: Vec<&'static str> = props
        .report
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::InPlace && record.condition(a.id).is_none())
        .map(|a| a.id)
        .collect();
    // The action to make a condition: the one chosen in the list, or the first still available.
    let chosen_candidate = use_state(|| None::<&'static str>);
    let candidate = (*chosen_candidate)
        .filter(|action| candidates.contains(action))
        .or_else(|| candidates.first().copied());
    let candidate_list = candidate.map(|candidate| {
        let on_choose = {
            let chosen_candidate = chosen_candidate.clone();
            let candidates = candidates.clone();
            Callback::from(move |e: Event| {
                let value = select_value(&e);
                chosen_candidate.set(candidates.iter().copied().find(|a| *a == value));
            })
        };
        let add = {
            let change = change.clone();
            Callback::from(move |_: MouseEvent| change(RecordChange::AddCondition(candidate)))
        };
        html! {
            <div class="field add-condition">
                <label for="condition-candidate">{texts.ui("ui-decision-conditions-hint")}</label>
                <div class="inline">
                    <select id="condition-candidate" onchange={on_choose}>
                        { for candidates.iter().map(|&action| html! {
                            <option value={action} selected={action == candidate}>{texts.condition_title(action).to_owned()}</option>
                        }) }
                    </select>
                    <button type="button" id="make-condition" onclick={add}>{texts.ui("ui-decision-make-condition")}</button>
                </div>
            </div>
        }
    });

    let condition_rows = record.conditions.iter().enumerate().map(|(index, condition)| {
        let title = texts.condition_title(condition.action).to_owned();
        let overdue = today.is_some_and(|t| condition.is_overdue(t));
        let on_owner = {
            let change = change.clone();
            Callback::from(move |e: InputEvent| change(RecordChange::SetConditionOwner(index, input_text(&e))))
        };
        let on_due = {
            let change = change.clone();
            Callback::from(move |e: Event| {
                if let Some(day) = typed_day(&e) {
                    change(RecordChange::SetConditionDue(index, day));
                }
            })
        };
        let on_status = {
            let change = change.clone();
            Callback::from(move |e: Event| {
                if let Some(status) = ConditionStatus::from_key(&select_value(&e)) {
                    change(RecordChange::SetConditionStatus(index, status));
                }
            })
        };
        let on_evidence = {
            let change = change.clone();
            Callback::from(move |e: InputEvent| change(RecordChange::SetConditionEvidence(index, textarea_text(&e))))
        };
        let id = |part: &str| format!("condition-{index}-{part}");
        let class = classes!(
            "condition",
            format!("status-{}", condition.status.key()),
            overdue.then_some("overdue")
        );
        html! {
            <tr class={class}>
                <th scope="row">
                    {title.clone()}
                    if overdue {
                        {" "}<span class="badge overdue-badge">{texts.ui("ui-decision-overdue")}</span>
                    }
                </th>
                <td><input type="text" id={id("owner")} value={condition.owner.clone()} oninput={on_owner}
                    aria-label={texts.ui_with("ui-decision-owner-of", &[("action", &title)])} /></td>
                <td><input type="date" id={id("due")} min="1990-01-01" max="2199-12-31" value={day_value(condition.due)} onchange={on_due}
                    aria-label={texts.ui_with("ui-decision-due-of", &[("action", &title)])} /></td>
                <td>
                    <select id={id("status")} onchange={on_status} aria-label={texts.ui_with("ui-decision-status-of", &[("action", &title)])}>
                        { for ConditionStatus::ALL.into_iter().map(|status| html! {
                            <option value={status.key()} selected={status == condition.status}>{texts.condition_status(status).to_owned()}</option>
                        }) }
                    </select>
                </td>
                <td><textarea id={id("evidence")} rows="2" value={condition.evidence.clone()} oninput={on_evidence}
                    aria-label={texts.ui_with("ui-decision-evidence-of", &[("action", &title)])} /></td>
                <td><button type="button" class="remove-condition" onclick={emit(Rc::new(move || RecordChange::RemoveCondition(index)))}
                    aria-label={texts.ui_with("ui-decision-remove-named", &[("action", &title)])}>{texts.ui("ui-decision-remove")}</button></td>
            </tr>
        }
    });
    let conditions = if record.conditions.is_empty() {
        html! { <p class="no-conditions">{texts.ui("ui-decision-no-conditions")}</p> }
    } else {
        html! {
            <div class="table-scroll">
                <table class="conditions" id="conditions">
                    <thead>
                        <tr>
                            <th scope="col">{texts.ui("ui-decision-condition")}</th>
                            <th scope="col">{texts.ui("ui-decision-owner")}</th>
                            <th scope="col">{texts.ui("ui-decision-due")}</th>
                            <th scope="col">{texts.ui("ui-decision-status")}</th>
                            <th scope="col">{texts.ui("ui-decision-evidence")}</th>
                            <th scope="col"><span class="visually-hidden">{texts.ui("ui-decision-remove")}</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for condition_rows }</tbody>
                </table>
            </div>
        }
    };

    let decision = &record.decision;
    let on_taken = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            change(RecordChange::SetDecision(DecisionTaken::from_key(
                &select_value(&e),
            )))
        })
    };
    let text_input = |field: DecisionText, id: &'static str, value: &str, label: &str| {
        let change = change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            change(RecordChange::SetDecisionText(field, input_text(&e)))
        });
        html! {
            <div class="field">
                <label for={id}>{label.to_owned()}</label>
                <input type="text" id={id} value={value.to_owned()} {oninput} />
            </div>
        }
    };
    let date_input = |which: RecordDate, id: &'static str, value: Option<Day>, label: &str| {
        let change = change.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(day) = typed_day(&e) {
                change(RecordChange::SetDate(which, day));
            }
        });
        html! {
            <div class="field">
                <label for={id}>{label.to_owned()}</label>
                <input type="date" id={id} min="1990-01-01" max="2199-12-31" value={day_value(value)} {onchange} />
            </div>
        }
    };
    let departure_note = decision.taken.map(|taken| {
        let standing = departure(recommended, taken);
        let class = match standing {
            Departure::Follows => "departure follows",
            Departure::Stricter => "departure stricter",
            Departure::MorePermissive => "departure more-permissive",
        };
        html! {
            <p class={class} id="decision-departure">
                if standing == Departure::MorePermissive { <strong>{texts.departure(standing).to_owned()}</strong> } else { {texts.departure(standing).to_owned()} }
            </p>
        }
    });
    let override_reason_needed = decision
        .taken
        .is_some_and(|t| departure(recommended, t) == Departure::MorePermissive);
    let on_reason = {
        let change = change.clone();
        Callback::from(move |e: InputEvent| {
            change(RecordChange::SetDecisionText(
                DecisionText::Reason,
                textarea_text(&e),
            ))
        })
    };
    let default_review = decision
        .taken
        .zip(decision.on)
        .and_then(|(taken, on)| default_review_date(recommended, taken, on))
        .filter(|day| record.review_on != Some(*day));
    let problems = record_problems(record, recommended, today);

    html! {
        <section class="decision-record" id="decision-record" aria-labelledby="decision-title">
            <h2 id="decision-title">{texts.ui("ui-decision-title")}</h2>
            <p class="help">{texts.ui("ui-decision-intro")}</p>
            <p class="recommended">{texts.ui_with("ui-decision-recommended", &[("outcome", texts.outcome(recommended))])}</p>
            {text_input(DecisionText::Assessor, "decision-assessor", &record.assessor, texts.ui("ui-decision-assessor"))}

            <h3>{texts.ui("ui-decision-conditions-title")}</h3>
            {conditions}
            {candidate_list}

            <h3>{texts.ui("ui-decision-decision-title")}</h3>
            <div class="field">
                <label for="decision-taken">{texts.ui("ui-decision-taken")}</label>
                <select id="decision-taken" onchange={on_taken}>
                    <option value="" selected={decision.taken.is_none()}>{texts.ui("ui-decision-not-yet")}</option>
                    { for DecisionTaken::ALL.into_iter().map(|taken| html! {
                        <option value={taken.key()} selected={decision.taken == Some(taken)}>{texts.decision_taken(taken).to_owned()}</option>
                    }) }
                </select>
            </div>
            {departure_note}
            {text_input(DecisionText::Role, "decision-role", &decision.role, texts.ui("ui-decision-role"))}
            {text_input(DecisionText::Name, "decision-name", &decision.name, texts.ui("ui-decision-name"))}
            {date_input(RecordDate::DecidedOn, "decision-on", decision.on, texts.ui("ui-decision-on"))}
            <div class="field">
                <label for="decision-reason">{if override_reason_needed { texts.ui("ui-decision-reason-required") } else { texts.ui("ui-decision-reason") }}</label>
                <textarea id="decision-reason" rows="3" value={decision.reason.clone()} oninput={on_reason} aria-required={override_reason_needed.to_string()} />
            </div>
            <fieldset class="second-sign-off">
                <legend>{texts.ui("ui-decision-second-sign-off")}</legend>
                {text_input(DecisionText::SecondName, "decision-second-name", &decision.second_name, texts.ui("ui-decision-second-name"))}
                {date_input(RecordDate::SecondSignedOn, "decision-second-on", decision.second_on, texts.ui("ui-decision-second-on"))}
            </fieldset>

            <h3>{texts.ui("ui-decision-review-title")}</h3>
            {date_input(RecordDate::ReviewOn, "decision-review-on", record.review_on, texts.ui("ui-decision-review-on"))}
            if let Some(day) = default_review {
                <button type="button" id="decision-review-default" onclick={emit(Rc::new(move || RecordChange::SetDate(RecordDate::ReviewOn, Some(day))))}>
                    {texts.ui_with("ui-decision-review-default", &[("date", &day.to_string())])}
                </button>
            }
            <p>{texts.ui("ui-decision-reassess-intro")}</p>
            <ul class="reassess-when">
                { for REASSESS_WHEN.iter().map(|key| html! { <li>{texts.reassess_when(key).to_owned()}</li> }) }
            </ul>

            if let (Some(on_reassess), Some(_)) = (props.on_reassess.clone(), decision.taken) {
                <h3>{texts.ui("ui-decision-reassess-title")}</h3>
                <p class="help">{texts.ui("ui-decision-reassess-help")}</p>
                <button type="button" id="reassess" onclick={Callback::from(move |_: MouseEvent| on_reassess.emit(()))}>{texts.ui("ui-decision-reassess")}</button>
            }
            if !problems.is_empty() {
                <div class="record-problems" id="record-problems">
                    <p>{texts.ui("ui-decision-problems")}</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{texts.record_problem(p)}</li> }) }</ul>
                </div>
            }
        </section>
    }
}

/// The decision on record as the printed memo shows it: the decision beside the
/// recommendation, the conditions table, the review date, and a sign-off block with the names
/// recorded (and lines to sign). Free text is printed as typed: the memo is for the company.
pub fn printed_record(
    texts: &hrdd_core::i18n::Texts,
    record: &DecisionRecord,
    recommended: hrdd_core::Outcome,
    today: Option<Day>,
) -> Html {
    let decision = &record.decision;
    let missing = texts.ui("ui-print-not-recorded");
    let or_missing = |text: &str| {
        if text.trim().is_empty() {
            missing.to_owned()
        } else {
            text.to_owned()
        }
    };
    let day_or_missing =
        |day: Option<Day>| day.map_or_else(|| missing.to_owned(), |d| d.to_string());
    let decided = decision.taken.map_or_else(
        || texts.ui("ui-decision-not-yet").to_owned(),
        |t| texts.decision_taken(t).to_owned(),
    );
    let standing = decision.taken.map(|t| departure(recommended, t));
    let problems = record_problems(record, recommended, today);
    html! {
        <div class="printed-decision">
            <h3>{texts.ui("ui-decision-decision-title")}</h3>
            <dl class="report-meta">
                <dt>{texts.ui("ui-results-outcome")}</dt><dd>{texts.outcome(recommended).to_owned()}</dd>
                <dt>{texts.ui("ui-decision-taken")}</dt><dd>{decided}</dd>
                if let Some(standing) = standing {
                    <dt>{texts.ui("ui-print-decision-standing")}</dt>
                    <dd class={classes!((standing == Departure::MorePermissive).then_some("override"))}>{texts.departure(standing).to_owned()}</dd>
                }
                if decision.taken.is_some() {
                    <dt>{texts.ui("ui-decision-role")}</dt><dd>{or_missing(&decision.role)}</dd>
                    <dt>{texts.ui("ui-decision-name")}</dt><dd>{or_missing(&decision.name)}</dd>
                    <dt>{texts.ui("ui-decision-on")}</dt><dd>{day_or_missing(decision.on)}</dd>
                    <dt>{texts.ui("ui-decision-reason")}</dt><dd>{or_missing(&decision.reason)}</dd>
                }
                <dt>{texts.ui("ui-decision-review-on")}</dt><dd>{day_or_missing(record.review_on)}</dd>
            </dl>
            <h3>{texts.ui("ui-decision-conditions-title")}</h3>
            if record.conditions.is_empty() {
                <p>{texts.ui("ui-decision-no-conditions")}</p>
            } else {
                <table class="answers printed-conditions">
                    <thead><tr>
                        <th scope="col">{texts.ui("ui-decision-condition")}</th>
                        <th scope="col">{texts.ui("ui-decision-owner")}</th>
                        <th scope="col">{texts.ui("ui-decision-due")}</th>
                        <th scope="col">{texts.ui("ui-decision-status")}</th>
                        <th scope="col">{texts.ui("ui-decision-evidence")}</th>
                    </tr></thead>
                    <tbody>
                        { for record.conditions.iter().map(|c| {
                            let overdue = today.is_some_and(|t| c.is_overdue(t));
                            html! {
                                <tr>
                                    <td>{texts.condition_title(c.action).to_owned()}</td>
                                    <td>{c.owner.clone()}</td>
                                    <td>{day_value(c.due)}</td>
                                    <td>{texts.condition_status(c.status).to_owned()}if overdue { {" ("}{texts.ui("ui-decision-overdue")}{")"} }</td>
                                    <td>{c.evidence.clone()}</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            <p>{texts.ui("ui-decision-reassess-intro")}</p>
            <ul>{ for REASSESS_WHEN.iter().map(|key| html! { <li>{texts.reassess_when(key).to_owned()}</li> }) }</ul>
            if !problems.is_empty() {
                <p>{texts.ui("ui-decision-problems")}</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{texts.record_problem(p)}</li> }) }</ul>
            }
            <table class="sign-off">
                <caption>{texts.ui("ui-print-sign-off")}</caption>
                <thead><tr>
                    <th scope="col">{texts.ui("ui-decision-name")}</th>
                    <th scope="col">{texts.ui("ui-questionnaire-date")}</th>
                    <th scope="col">{texts.ui("ui-print-signature")}</th>
                </tr></thead>
                <tbody>
                    <tr><td>{decision.name.clone()}</td><td>{day_value(decision.on)}</td><td></td></tr>
                    <tr><td>{decision.second_name.clone()}</td><td>{day_value(decision.second_on)}</td><td></td></tr>
                </tbody>
            </table>
        </div>
    }
}
