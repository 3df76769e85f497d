//! The live result: outcome badge, element scores as an SVG chart, red flags, salient rights,
//! actions and open questions. Drawn from the report only.

use hrdd_core::report::{ActionStatus, WhatWouldChange};
use hrdd_core::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub report: Rc<Report>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let report = &props.report;
    let outcome = report.outcome;
    html! {
        <aside class="results" aria-labelledby="results-title">
            <h2 id="results-title">{"Result"}</h2>
            <div class="outcome-card" role="status" aria-live="polite" aria-atomic="true">
                <p class={classes!("outcome-badge", format!("outcome-{}", outcome.key()))} id="outcome">{outcome.label()}</p>
                <p class="outcome-meaning">{outcome.meaning()}</p>
                <p class="outcome-next"><strong>{"Next: "}</strong>{outcome.next_step()}</p>
            </div>
            <ElementChart report={report.clone()} />
            if !report.red_flags.is_empty() {
                <section aria-labelledby="flags-title">
                    <h3 id="flags-title">{format!("Red flags ({})", report.red_flags.len())}</h3>
                    <ul class="red-flags">
                        { for report.red_flags.iter().map(|flag| html! {
                            <li class={classes!(flag.prohibited.then_some("prohibited"))}>
                                <strong>{flag.title}</strong>
                                if flag.prohibited { <span class="tag">{" Prohibited"}</span> }
                                <p>{flag.why}<span class="source">{" Source: "}{flag.source}{"."}</span></p>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            <section aria-labelledby="rights-title">
                <h3 id="rights-title">{"Rights most at risk"}</h3>
                if report.salient_rights.is_empty() {
                    <p>{"No right is at risk on the answers so far."}</p>
                } else {
                    <ol class="rights">
                        { for report.salient_rights.iter().take(5).map(|r| html! {
                            <li>
                                <strong>{r.right.label()}</strong>
                                {format!(": {} severity, {} (risk {})", r.severity_band.label(), r.likelihood_band.label(), r.risk.label())}
                                if r.presumed { <span class="tag">{" presumed"}</span> }
                            </li>
                        }) }
                    </ol>
                }
            </section>
            if !report.actions.is_empty() {
                <section aria-labelledby="actions-title">
                    <h3 id="actions-title">{"Recommended actions"}</h3>
                    <ul class="actions">
                        { for report.actions.iter().map(|a| html! {
                            <li>
                                <span class="tag">{ if a.status == ActionStatus::InPlace { "In place" } else { "To do" } }</span>
                                {" "}<strong>{a.title}</strong>{". "}{a.detail}
                            </li>
                        }) }
                    </ul>
                </section>
            }
            <section aria-labelledby="change-title">
                <h3 id="change-title">{"What would change the outcome"}</h3>
                { match &report.what_would_change {
                    WhatWouldChange::AlreadyLowest => html! { <p>{"This is already the lowest step."}</p> },
                    WhatWouldChange::Changes { to, changes } => html! {
                        <>
                        <p>{format!("These would lower it to \"{}\":", to.label())}</p>
                        <ul>{ for changes.iter().map(|c| html! { <li>{c.description.clone()}</li> }) }</ul>
                        </>
                    },
                    WhatWouldChange::AnswerOpenQuestions { at_least, .. } => html! {
                        <p>{format!("Answer at least {at_least} more of the decisive open questions.")}</p>
                    },
                    WhatWouldChange::NoneCan { reason } => html! { <p>{reason.clone()}</p> },
                } }
            </section>
            <section aria-labelledby="open-title">
                <h3 id="open-title">{format!("Open questions ({})", report.open_questions.len())}</h3>
                <p>{format!("{} of them decisive. Unknown answers count as the worst case.", report.decisive_gaps)}</p>
            </section>
        </aside>
    }
}

/// Horizontal bars for the four element scores, drawn as SVG by the app itself.
#[function_component(ElementChart)]
fn element_chart(props: &ResultsProps) -> Html {
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
        </figure>
    }
}
