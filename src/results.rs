//! The live result, drawn from the report only: outcome badge (announced to screen readers),
//! red flags first, element scores as an SVG chart, rights most at risk, what would change the
//! outcome, actions as a checklist, open questions and, on demand, the full explanation.

use crate::settings::Settings;
use hrdd_core::format::describe_change;
use hrdd_core::report::{ActionStatus, Report, WhatWouldChange};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub report: Rc<Report>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let report = &props.report;
    html! {
        <aside class="results" aria-labelledby="results-title">
            <h2 id="results-title">{"Result"}</h2>
            <OutcomeCard report={report.clone()} />
            <RedFlags report={report.clone()} />
            <ElementChart report={report.clone()} />
            <SalientRights report={report.clone()} />
            <section aria-labelledby="change-title">
                <h3 id="change-title">{"What would change the outcome"}</h3>
                { match &report.what_would_change {
                    WhatWouldChange::Changes { to, changes } => html! {
                        <>
                        <p>{format!("These would lower it to \"{}\":", to.label())}</p>
                        <ul id="what-would-change">{ for changes.iter().map(|c| html! { <li>{c.description.clone()}</li> }) }</ul>
                        </>
                    },
                    WhatWouldChange::AnswerOpenQuestions { at_least, .. } => html! {
                        <p id="what-would-change">{format!("Answer at least {at_least} more of the decisive open questions listed below; until then the method cannot judge the risk.")}</p>
                    },
                    other => html! { <p id="what-would-change">{describe_change(other)}</p> },
                } }
            </section>
            <Actions report={report.clone()} />
            <OpenQuestions report={report.clone()} />
            <Explanation report={report.clone()} />
            <PolicyLinks />
        </aside>
    }
}

#[function_component(OutcomeCard)]
pub fn outcome_card(props: &ResultsProps) -> Html {
    let report = &props.report;
    let outcome = report.outcome;
    html! {
        <div class="outcome-card" role="status" aria-live="polite" aria-atomic="true">
            <p class={classes!("outcome-badge", format!("outcome-{}", outcome.key()))} id="outcome">{outcome.label()}</p>
            <p class="outcome-meaning">{outcome.meaning()}</p>
            <p class="outcome-next"><strong>{"Next: "}</strong>{outcome.next_step()}</p>
            <p class="risk-line">
                { if report.open_questions.is_empty() {
                    format!("Residual risk: {} (before safeguards: {}).", report.residual_risk.label(), report.inherent_risk.label())
                } else {
                    format!("Residual risk so far, counting unknowns as the worst case: {} (before safeguards: {}).", report.residual_risk.label(), report.inherent_risk.label())
                } }
            </p>
            if report.not_asked > 0 {
                <p class="help">{format!("Quick screen: {} questions of the full assessment were not asked.", report.not_asked)}</p>
            }
            <EscalationContacts report={props.report.clone()} />
        </div>
    }
}

/// The organisation's escalation contacts, with the outcomes that need them.
#[function_component(EscalationContacts)]
pub fn escalation_contacts(props: &ResultsProps) -> Html {
    let settings = use_context::<Rc<Settings>>();
    let Some(settings) = settings else {
        return html! {};
    };
    if props.report.outcome < hrdd_core::Outcome::Escalate
        || settings.escalation_contacts.is_empty()
    {
        return html! {};
    }
    html! {
        <div class="contacts" id="escalation-contacts">
            <p><strong>{"Escalate to:"}</strong></p>
            <ul>
                { for settings.escalation_contacts.iter().map(|c| html! {
                    <li>
                        {c.name.clone()}
                        if !c.role.is_empty() { {format!(" ({})", c.role)} }
                        if !c.email.is_empty() { {" — "}<a href={format!("mailto:{}", c.email)}>{c.email.clone()}</a> }
                        if !c.phone.is_empty() { {format!(" — {}", c.phone)} }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// Links to the organisation's own policies.
#[function_component(PolicyLinks)]
pub fn policy_links() -> Html {
    let Some(settings) = use_context::<Rc<Settings>>() else {
        return html! {};
    };
    if settings.policy_links.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="policies-title">
            <h3 id="policies-title">{format!("{} policies", if settings.organisation.is_empty() { "Your organisation's".to_owned() } else { format!("{}'s", settings.organisation) })}</h3>
            <ul id="policy-links">
                { for settings.policy_links.iter().map(|l| html! { <li><a href={l.url.clone()} rel="noreferrer">{l.title.clone()}</a></li> }) }
            </ul>
        </section>
    }
}

#[function_component(RedFlags)]
pub fn red_flags(props: &ResultsProps) -> Html {
    let report = &props.report;
    if report.red_flags.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="flags-title">
            <h3 id="flags-title">{format!("Red flags ({})", report.red_flags.len())}</h3>
            <ul class="red-flags">
                { for report.red_flags.iter().map(|flag| html! {
                    <li class={classes!(flag.prohibited.then_some("prohibited"))}>
                        <strong>{flag.title}</strong>
                        if flag.prohibited { <span class="tag tag-stop">{" Prohibited: do not proceed"}</span> }
                        <p>{flag.why}<span class="source">{" Source: "}{flag.source}{"."}</span></p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[function_component(SalientRights)]
pub fn salient_rights(props: &ResultsProps) -> Html {
    let report = &props.report;
    html! {
        <section aria-labelledby="rights-title">
            <h3 id="rights-title">{"Rights most at risk"}</h3>
            if report.salient_rights.is_empty() {
                <p>{"No right is at risk on the answers so far."}</p>
            } else {
                <ol class="rights">
                    { for report.salient_rights.iter().map(|r| html! {
                        <li>
                            <strong>{r.right.label()}</strong>
                            {format!(": {} severity, {} — risk {}", r.severity_band.label(), r.likelihood_band.label(), r.risk.label())}
                            if r.presumed { <span class="tag">{" presumed"}</span> }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}

#[function_component(Actions)]
pub fn actions(props: &ResultsProps) -> Html {
    let report = &props.report;
    if report.actions.is_empty() {
        return html! {};
    }
    let to_do = report
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::ToDo)
        .count();
    html! {
        <section aria-labelledby="actions-title">
            <h3 id="actions-title">{format!("Recommended actions ({to_do} to do)")}</h3>
            <ul class="actions checklist">
                { for report.actions.iter().map(|a| {
                    let done = a.status == ActionStatus::InPlace;
                    html! {
                        <li class={classes!(done.then_some("done"))}>
                            <span class="check" aria-hidden="true">{ if done { "☑" } else { "☐" } }</span>
                            <span class="tag">{ if done { "In place" } else { "To do" } }</span>
                            {" "}<strong>{a.title}</strong>{". "}{a.detail}
                            <span class="source">{" Source: "}{a.source}{"."}</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[function_component(OpenQuestions)]
pub fn open_questions(props: &ResultsProps) -> Html {
    let report = &props.report;
    html! {
        <section aria-labelledby="open-title">
            <h3 id="open-title">{format!("Open questions ({})", report.open_questions.len())}</h3>
            if report.open_questions.is_empty() {
                <p>{"None: every question asked has an answer."}</p>
            } else {
                <p>{format!("{} of them decisive. Unknown answers count as the worst case until resolved.", report.decisive_gaps)}</p>
                <ul class="open-questions">
                    { for report.open_questions.iter().map(|q| {
                        let target = format!("q-{}", q.id);
                        let onclick = Callback::from(move |_: MouseEvent| crate::focus_element(&target));
                        html! {
                            <li>
                                if q.decisive { <span class="tag">{"Decisive "}</span> }
                                <button type="button" class="link-button" {onclick}>{q.prompt.clone()}</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

#[function_component(Explanation)]
pub fn explanation(props: &ResultsProps) -> Html {
    // Built only while open: the tables are long, and most readers never open them.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    html! {
        <details class="explanation" id="explanation" {ontoggle}>
            <summary>{"Show how every score was reached"}</summary>
            if *open { {explanation_body(&props.report)} }
        </details>
    }
}

/// Every reason, contribution and rating behind the result (also printed in the report).
pub fn explanation_body(report: &Report) -> Html {
    html! {
        <>
        <h3>{"Outcome"}</h3>
        <ul>{ for report.outcome_reasons.iter().map(|r| html! { <li>{r.clone()}</li> }) }</ul>
        { for report.elements.iter().map(|e| html! {
            <>
            <h3>{format!("{} {}: {} of 100", e.element.letter(), e.element.title(), e.score)}</h3>
            <table class="contributions">
                <thead><tr><th scope="col">{"Question"}</th><th scope="col">{"Answer"}</th><th scope="col">{"Points"}</th></tr></thead>
                <tbody>
                    { for e.contributions.iter().map(|c| html! {
                        <tr><td>{c.question.to_string()}</td><td>{c.answer.to_string()}</td><td>{format!("+{}", c.points)}</td></tr>
                    }) }
                </tbody>
            </table>
            </>
        }) }
        <h3>{"Severity and likelihood of each right"}</h3>
        <ul>
            { for report.salient_rights.iter().map(|r| html! {
                <li><strong>{r.right.label()}</strong>{": "}{r.explanation.join(" ")}</li>
            }) }
        </ul>
        if report.mitigation_reduction > 0 {
            <p>{format!("Safeguards in place remove up to {} likelihood points.", report.mitigation_reduction)}</p>
        }
        if let Some(purpose) = &report.beneficial_purpose {
            <h3>{"Beneficial purpose (recorded, never weighed against harm)"}</h3>
            <p>{purpose.clone()}</p>
        }
        </>
    }
}

/// Horizontal bars for the four element scores, drawn as SVG by the app itself.
#[function_component(ElementChart)]
pub fn element_chart(props: &ResultsProps) -> Html {
    let row_height = 28;
    let height = row_height * props.report.elements.len() as i32;
    html! {
        <figure class="element-chart">
            <svg viewBox={format!("0 0 320 {height}")} role="img" aria-labelledby="chart-title chart-desc" width="100%">
                <title id="chart-title">{"Scores of the four elements, 0 to 100"}</title>
                <desc id="chart-desc">{ props.report.elements.iter().map(|e| format!("{} {}: {}", e.element.letter(), e.element.title(), e.score)).collect::<Vec<_>>().join("; ") }</desc>
                { for props.report.elements.iter().enumerate().map(|(row, e)| {
                    let y = row as i32 * row_height;
                    html! {
                        <g>
                            <text x="0" y={(y + 18).to_string()} class="chart-label">{format!("{} {}", e.element.letter(), e.element.title())}</text>
                            <rect x="170" y={(y + 6).to_string()} width="120" height="14" class="chart-track" />
                            <rect x="170" y={(y + 6).to_string()} width={(u32::from(e.score) * 120 / 100).to_string()} height="14" class="chart-bar" />
                            <text x="296" y={(y + 18).to_string()} class="chart-value">{e.score.to_string()}</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="help">{"Element scores, 0 to 100: higher means more concern."}</figcaption>
        </figure>
    }
}
