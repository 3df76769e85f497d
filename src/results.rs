//! The live result, drawn from the report only: outcome badge (announced to screen readers),
//! what a quick screen cannot clear, the facts to establish before any decision, red flags
//! (raised, then possible), the floors that the customer and destination set, element scores as
//! an SVG chart, rights most at risk beside the rights the product could strengthen, the
//! company's connection and leverage, what would change the outcome, actions as a checklist,
//! open questions, notes on the method and, on demand, the full explanation.

use crate::restrictive_measures::RestrictiveMeasures;
use crate::settings::Settings;
use hrdd_core::i18n::Texts;
use hrdd_core::method::{
    answered_by, ActionDefinition, AnsweredBy, Connection, FlagLevel, RedFlagDefinition, ACTIONS,
    RED_FLAGS,
};
use hrdd_core::report::{
    ActionStatus, BlockReason, Blocker, ChangeKind, OpenQuestion, OutcomeReason, RaisedRedFlag,
    Report, WhatWouldChange,
};
use hrdd_core::Outcome;
use std::rc::Rc;
use yew::prelude::*;

/// Above this many possible red flags, the list is folded behind a disclosure button.
const POSSIBLE_FLAGS_SHOWN_OPEN: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub report: Rc<Report>,
    /// Switch the open assessment to the full assessment; absent where the result is read only.
    #[prop_or_default]
    pub on_full_assessment: Option<Callback<()>>,
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: Rc<Report>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    html! {
        <aside class="results" aria-labelledby="results-title">
            <h2 id="results-title">{texts.ui("ui-results-result")}</h2>
            <OutcomeCard report={report.clone()} />
            <FullAssessmentNeeded report={report.clone()} on_full_assessment={props.on_full_assessment.clone()} />
            <Blockers report={report.clone()} />
            <RedFlags report={report.clone()} />
            <PossibleRedFlags report={report.clone()} />
            <Floors report={report.clone()} />
            <RestrictiveMeasures report={report.clone()} />
            <ElementChart report={report.clone()} />
            <div class="risks-and-benefits">
                <SalientRights report={report.clone()} />
                <Benefits report={report.clone()} />
            </div>
            <ConnectionView report={report.clone()} />
            <WhatWouldChangeView report={report.clone()} />
            <Actions report={report.clone()} />
            <OpenQuestions report={report.clone()} />
            <MethodNotes report={report.clone()} />
            <Explanation report={report.clone()} />
            <PolicyLinks />
        </aside>
    }
}

/// Whether a prohibited red flag is raised: the deal stops whatever else is unknown.
fn prohibited_flag_raised(report: &Report) -> bool {
    report
        .red_flags
        .iter()
        .any(|f| f.level == FlagLevel::Prohibited)
}

#[function_component(OutcomeCard)]
pub fn outcome_card(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    let outcome = report.outcome;
    // "Assessment incomplete" already says that something decisive is unknown, and a
    // prohibited flag stops the deal whatever is unknown.
    let blocked_note = report.decision_blocked()
        && !matches!(outcome, Outcome::Incomplete | Outcome::DoNotProceed);
    let next = texts.next_step(report);
    let for_compliance = report
        .open_questions
        .iter()
        .filter(|q| answered_by(&q.id) == AnsweredBy::Compliance)
        .count();
    html! {
        <div class="outcome-card" role="status" aria-live="polite" aria-atomic="true">
            <p class={classes!("outcome-badge", format!("outcome-{}", outcome.key()))} id="outcome">{texts.outcome(outcome).to_owned()}</p>
            if blocked_note {
                <p class="outcome-blocked" id="decision-blocked"><strong>{texts.ui("ui-results-no-decision-yet")}{" "}</strong>{texts.ui("ui-results-first-establish-the-facts-listed")}</p>
            }
            <p class="outcome-meaning">{texts.outcome_meaning(outcome).to_owned()}</p>
            if report.rights_in_tension {
                <p class="rights-in-tension" id="rights-in-tension"><strong>{texts.ui("ui-results-rights-in-tension")}{" "}</strong>{texts.ui("ui-results-the-product-also-strengthens-rights")}</p>
            }
            <p class="outcome-next"><strong>{texts.ui("ui-results-next")}{" "}</strong>{next}</p>
            if for_compliance > 0 {
                <p class="compliance-route" id="compliance-route">{texts.ui_with("ui-results-compliance-route", &[("count", &for_compliance.to_string())])}</p>
            }
            <p class="risk-line">
                { if report.open_questions.is_empty() {
                    texts.ui_with("ui-results-residual-risk", &[("residual", texts.risk(report.residual_risk)), ("inherent", texts.risk(report.inherent_risk))])
                } else {
                    texts.ui_with("ui-results-residual-risk-so-far", &[("residual", texts.risk(report.residual_risk)), ("inherent", texts.risk(report.inherent_risk))])
                } }
            </p>
            if report.not_asked > 0 {
                <p class="help">{texts.ui_with("ui-results-not-asked", &[("count", &report.not_asked.to_string())])}</p>
            }
            <EscalationContacts report={props.report.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FullAssessmentNeededProps {
    pub report: Rc<Report>,
    pub on_full_assessment: Option<Callback<()>>,
}

/// In a quick screen: why the result cannot be relied on without a full assessment, and the
/// switch to it.
#[function_component(FullAssessmentNeeded)]
pub fn full_assessment_needed(props: &FullAssessmentNeededProps) -> Html {
    let texts = crate::use_texts();
    let reasons = &props.report.full_assessment_needed;
    if reasons.is_empty() {
        return html! {};
    }
    let switch = props.on_full_assessment.as_ref().map(|callback| {
        let callback = callback.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            callback.emit(());
            // The button goes away with the quick screen: keep focus on the choice just made.
            gloo::timers::callback::Timeout::new(0, || {
                crate::focus_element("mode-full_assessment")
            })
            .forget();
        });
        html! {
            <p class="screen-only">
                <button type="button" id="switch-to-full" {onclick}>{texts.ui("ui-results-switch-to-the-full-assessment")}</button>
                <span class="help">{" "}{texts.ui("ui-results-your-answers-are-kept")}</span>
            </p>
        }
    });
    html! {
        <section class="full-needed" aria-labelledby="full-needed-title" id="full-assessment-needed">
            <h3 id="full-needed-title">{texts.ui("ui-results-a-full-assessment-is-needed")}</h3>
            <p>{texts.ui("ui-results-a-full-assessment-is-needed-2")}</p>
            <ul>{ for reasons.iter().map(|r| html! { <li>{texts.full_assessment_reason(r).to_owned()}</li> }) }</ul>
            { for switch }
        </section>
    }
}

/// Why one blocker blocks, in a few plain words.
fn block_reason(texts: &Texts, blocker: &Blocker, report: &Report) -> String {
    match blocker.reason {
        BlockReason::KnowYourCustomer => texts.ui("ui-results-block-know-your-customer").to_owned(),
        BlockReason::PossibleRedFlag(id) => {
            let title = RED_FLAGS.iter().find(|d| d.id == id).map_or_else(
                || {
                    report
                        .possible_red_flags
                        .iter()
                        .find(|f| f.id == id)
                        .map_or(id, |f| f.id)
                },
                |d| texts.flag_title(d),
            );
            texts.ui_with("ui-results-block-possible-flag", &[("flag", title)])
        }
        BlockReason::UnknownsDriveCriticalRisk => {
            texts.ui("ui-results-block-unknowns-drive").to_owned()
        }
        BlockReason::ScreeningIncomplete => {
            let missing: Vec<&str> = report
                .screening
                .as_ref()
                .map(|s| {
                    s.missing_required
                        .iter()
                        .map(|key| screening_list_label(texts, key))
                        .collect()
                })
                .unwrap_or_default();
            if missing.is_empty() {
                texts.ui("ui-results-block-screening-any").to_owned()
            } else {
                texts.ui_with(
                    "ui-results-block-screening-required",
                    &[("lists", &texts.list(&missing))],
                )
            }
        }
    }
}

/// The unknowns that block any decision.
#[function_component(Blockers)]
pub fn blockers(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    if !report.decision_blocked() || prohibited_flag_raised(report) {
        return html! {};
    }
    html! {
        <section class="blockers" aria-labelledby="blockers-title" id="blockers">
            <h3 id="blockers-title">{texts.ui("ui-results-before-any-decision-establish")}</h3>
            <p class="help">{texts.ui("ui-results-find-these-out-with-evidence")}</p>
            <ul class="blocker-list">
                { for report.blockers.iter().map(|b| {
                    let reason = block_reason(&texts, b, report);
                    let question = !matches!(b.reason, BlockReason::UnknownsDriveCriticalRisk);
                    let target = format!("q-{}", b.id);
                    let onclick = Callback::from(move |_: MouseEvent| crate::focus_element(&target));
                    html! {
                        <li>
                            if question {
                                <button type="button" class="link-button" {onclick}>{texts.open_question(b.id, report.perspective)}</button>
                            } else {
                                <strong>{texts.open_question(b.id, report.perspective)}</strong>
                            }
                            <span class="why">{" "}{reason}</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The effect of a red flag on the outcome, in words (never colour alone).
fn flag_level_text(texts: &Texts, level: FlagLevel) -> &str {
    match level {
        FlagLevel::Prohibited => texts.ui("ui-results-flag-prohibited"),
        FlagLevel::Escalate => texts.ui("ui-results-flag-escalate"),
        FlagLevel::Conditions => texts.ui("ui-results-flag-conditions"),
    }
}

/// What a possible red flag would do if an answer confirmed it.
fn possible_flag_level_text(texts: &Texts, level: FlagLevel) -> &str {
    match level {
        FlagLevel::Prohibited => texts.ui("ui-results-possible-prohibited"),
        FlagLevel::Escalate => texts.ui("ui-results-possible-escalate"),
        FlagLevel::Conditions => texts.ui("ui-results-possible-conditions"),
    }
}

#[function_component(RedFlags)]
pub fn red_flags(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    if report.red_flags.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="flags-title">
            <h3 id="flags-title">{texts.ui_with("ui-results-red-flags-count", &[("count", &report.red_flags.len().to_string())])}</h3>
            <ul class="red-flags">
                { for report.red_flags.iter().map(|flag| {
                    let prohibited = flag.level == FlagLevel::Prohibited;
                    let definition = RED_FLAGS.iter().find(|d| d.id == flag.id);
                    let text = |of: fn(&Texts, &'static RedFlagDefinition) -> String, english: &str| {
                        definition.map_or_else(|| english.to_owned(), |d| of(&texts, d))
                    };
                    html! {
                        <li class={classes!(prohibited.then_some("prohibited"))}>
                            <strong>{text(|t, d| t.flag_title(d).to_owned(), flag.id)}</strong>
                            {" "}<span class={classes!("tag", prohibited.then_some("tag-stop"))}>{flag_level_text(&texts, flag.level).to_owned()}</span>
                            <p>{text(|t, d| t.flag_why(d).to_owned(), "")}<span class="source">{" "}{texts.ui("ui-questionnaire-source")}{" "}{text(|t, d| t.flag_source(d).to_owned(), "")}{"."}</span></p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn possible_flag_list(texts: &Texts, flags: &[RaisedRedFlag], class: &'static str) -> Html {
    html! {
        <ul class={classes!("possible-flag-list", class)}>
            { for flags.iter().map(|flag| html! {
                <li>
                    <span class="tag">{possible_flag_level_text(texts, flag.level).to_owned()}</span>{" "}
                    {hrdd_core::method::RED_FLAGS.iter().find(|d| d.id == flag.id).map_or(flag.id, |d| texts.flag_title(d)).to_owned()}
                </li>
            }) }
        </ul>
    }
}

/// Red flags that an unknown answer could raise: set apart from the raised ones, in words and in
/// style (dashed, muted), and folded when there are many.
#[function_component(PossibleRedFlags)]
pub fn possible_red_flags(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let flags = &props.report.possible_red_flags;
    if flags.is_empty() {
        return html! {};
    }
    html! {
        <section class="possible-red-flags" aria-labelledby="possible-flags-title" id="possible-red-flags">
            <h3 id="possible-flags-title">{texts.ui_with("ui-results-possible-flags-count", &[("count", &flags.len().to_string())])}</h3>
            <p class="help">{texts.ui("ui-results-an-unknown-answer-could-raise")}</p>
            if flags.len() <= POSSIBLE_FLAGS_SHOWN_OPEN {
                {possible_flag_list(&texts, flags, "")}
            } else {
                <details class="screen-only">
                    <summary>{texts.ui_with("ui-results-show-possible-flags", &[("count", &flags.len().to_string())])}</summary>
                    {possible_flag_list(&texts, flags, "")}
                </details>
                // The folded list, unfolded on paper.
                {possible_flag_list(&texts, flags, "print-only")}
            }
        </section>
    }
}

/// Floors that the customer and the destination set under the outcome.
#[function_component(Floors)]
pub fn floors(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    if report.floors.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="floors-title" id="floors">
            <h3 id="floors-title">{texts.ui("ui-results-the-customer-and-destination-set")}</h3>
            <p class="help">{texts.ui("ui-results-whatever-the-scores-the-outcome")}</p>
            <ul class="floors">
                { for report.floors.iter().map(|f| html! {
                    <li>
                        <strong>{format!("\"{}\"", texts.outcome(f.at_least))}</strong>{": "}{texts.floor_why(f.id).to_owned()}
                        if f.on_unknown { <span class="tag">{" "}{texts.ui("ui-results-applied-because-an-answer-it")}</span> }
                        <span class="source">{" "}{texts.ui("ui-questionnaire-source")}{" "}{texts.floor_source(f.id).to_owned()}{"."}</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// The organisation's escalation contacts, with the outcomes that need them.
#[function_component(EscalationContacts)]
pub fn escalation_contacts(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
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
            <p><strong>{texts.ui("ui-results-escalate-to")}</strong></p>
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
    let texts = crate::use_texts();
    let Some(settings) = use_context::<Rc<Settings>>() else {
        return html! {};
    };
    if settings.policy_links.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="policies-title">
            <h3 id="policies-title">{ if settings.organisation.is_empty() {
                texts.ui("ui-results-your-organisation-policies").to_owned()
            } else {
                texts.ui_with("ui-results-organisation-policies", &[("organisation", &settings.organisation)])
            } }</h3>
            <ul id="policy-links">
                { for settings.policy_links.iter().map(|l| html! { <li><a href={l.url.clone()} rel="noreferrer">{l.title.clone()}</a></li> }) }
            </ul>
        </section>
    }
}

#[function_component(SalientRights)]
pub fn salient_rights(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    html! {
        <section aria-labelledby="rights-title" class="risks">
            <h3 id="rights-title">{texts.ui("ui-results-rights-most-at-risk")}</h3>
            if report.salient_rights.is_empty() {
                <p>{texts.ui("ui-results-no-right-is-at-risk")}</p>
            } else {
                <ol class="rights">
                    { for report.salient_rights.iter().map(|r| html! {
                        <li>
                            <strong>{texts.right(r.right).to_owned()}</strong>
                            {": "}{texts.ui_with("ui-results-right-risk", &[("severity", texts.severity(r.severity_band)), ("likelihood", texts.likelihood(r.likelihood_band)), ("risk", texts.risk(r.risk))])}
                            if r.presumed { <span class="tag">{" "}{texts.ui("ui-results-presumed")}</span> }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}

/// Rights the product could strengthen, and what refusing would mean: shown beside the risks,
/// never subtracted from them.
#[function_component(Benefits)]
pub fn benefits(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    if report.benefits.is_empty() && report.consequences_of_not_proceeding.is_none() {
        return html! {};
    }
    html! {
        <section aria-labelledby="benefits-title" class="benefits" id="benefits">
            <h3 id="benefits-title">{texts.ui("ui-results-rights-the-product-could-strengthen")}</h3>
            <p class="help">{texts.ui("ui-results-shown-beside-the-risks-never")}</p>
            if report.benefits.is_empty() {
                <p>{texts.ui("ui-results-none-recorded")}</p>
            } else {
                <ul class="benefit-list">
                    { for report.benefits.iter().map(|r| html! { <li>{texts.right(*r).to_owned()}</li> }) }
                </ul>
            }
            if let Some(consequences) = report.consequences_of_not_proceeding {
                <p id="not-proceeding"><strong>{texts.ui("ui-results-if-you-refuse-or-withdraw")}{" "}</strong>{hrdd_core::method::question_index("impacts.not_proceeding").map(|i| texts.option(&hrdd_core::method::QUESTIONS[i], consequences, report.perspective).to_owned()).unwrap_or_default()}</p>
            }
        </section>
    }
}

fn connection_words(texts: &Texts, connection: Connection) -> &str {
    match connection {
        Connection::DirectlyLinked => texts.ui("ui-results-directly-linked"),
        Connection::Contribute => texts.ui("ui-results-contributing"),
        Connection::Cause => texts.ui("ui-results-causing"),
    }
}

/// How the company would be connected to harm, its leverage, and the response that calls for.
#[function_component(ConnectionView)]
pub fn connection_view(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let c = &props.report.connection;
    html! {
        <section aria-labelledby="connection-title" id="connection">
            <h3 id="connection-title">{texts.ui("ui-results-your-connection-to-possible-harm")}</h3>
            <dl class="facts">
                <dt>{texts.ui("ui-results-connection")}</dt>
                <dd id="connection-established">
                    { match c.established {
                        Some(established) => connection_words(&texts, established).to_owned(),
                        None => texts.ui("ui-results-connection-not-established").to_owned(),
                    } }
                    if c.raised_by_facilitating_acts {
                        {" "}{texts.ui_with(
                            "ui-results-raised-by-acts",
                            &[("declared", c.declared.map_or(texts.ui("ui-results-nothing"), |d| texts.connection(d)))],
                        )}
                    }
                </dd>
                <dt>{texts.ui("ui-results-your-leverage-over-the-customer")}</dt>
                <dd id="connection-leverage">{ match c.leverage {
                    Some(leverage) => texts.leverage(leverage),
                    None => texts.ui("ui-results-leverage-not-assessed"),
                } }</dd>
            </dl>
            if let Some(established) = c.established {
                <p id="connection-response"><strong>{texts.ui("ui-results-what-it-calls-for")}{" "}</strong>{texts.connection_response(established).to_owned()}</p>
            }
        </section>
    }
}

#[function_component(WhatWouldChangeView)]
pub fn what_would_change_view(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    let body = match &report.what_would_change {
        WhatWouldChange::Changes { to, changes } => {
            let verify = changes.iter().any(|c| c.kind == ChangeKind::VerifyIfTrue);
            html! {
                <>
                <p>{texts.ui_with("ui-results-would-lower-to", &[("outcome", texts.outcome(*to))])}</p>
                <ul id="what-would-change">
                    { for changes.iter().map(|c| html! {
                        <li>
                            <span class="tag">{ match c.kind {
                                ChangeKind::PutInPlace => texts.ui("ui-results-change-put-in-place"),
                                ChangeKind::VerifyIfTrue => texts.ui("ui-results-change-verify"),
                            } }</span>
                            {" "}{texts.change(c, report.perspective)}
                        </li>
                    }) }
                </ul>
                if verify {
                    <p class="help">{texts.ui("ui-results-a-fact-counts-only-once")}</p>
                }
                </>
            }
        }
        WhatWouldChange::AnswerOpenQuestions { questions, .. } => {
            // The same facts as the blockers: refer to that list rather than repeat it.
            let same_as_blockers = questions.len() == report.blockers.len()
                && questions
                    .iter()
                    .zip(&report.blockers)
                    .all(|(q, b)| q.id == b.id)
                && !prohibited_flag_raised(report);
            if same_as_blockers {
                html! {
                    <p id="what-would-change">{texts.ui_with(
                        "ui-results-establish-listed",
                        &[("count", &questions.len().to_string())],
                    )}</p>
                }
            } else {
                html! {
                    <>
                    <p>{texts.ui("ui-results-establish-these-facts-with-evidence")}</p>
                    <ul id="what-would-change">{ for questions.iter().map(|q| html! { <li>{texts.open_question(&q.id, report.perspective)}</li> }) }</ul>
                    </>
                }
            }
        }
        other => {
            html! { <p id="what-would-change">{texts.what_would_change(other, report.perspective)}</p> }
        }
    };
    html! {
        <section aria-labelledby="change-title">
            <h3 id="change-title">{texts.ui("ui-results-what-would-change-the-outcome")}</h3>
            {body}
        </section>
    }
}

#[function_component(Actions)]
pub fn actions(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    if report.actions.is_empty() {
        return html! {};
    }
    let count = |status: ActionStatus| report.actions.iter().filter(|a| a.status == status).count();
    let (to_do, planned) = (count(ActionStatus::ToDo), count(ActionStatus::Planned));
    let title = if planned > 0 {
        texts.ui_with(
            "ui-results-actions-planned",
            &[
                ("to_do", &to_do.to_string()),
                ("planned", &planned.to_string()),
            ],
        )
    } else {
        texts.ui_with("ui-results-actions", &[("to_do", &to_do.to_string())])
    };
    html! {
        <section aria-labelledby="actions-title">
            <h3 id="actions-title">{title}</h3>
            <ul class="actions checklist">
                { for report.actions.iter().map(|a| {
                    let definition = ACTIONS.iter().find(|d| d.id == a.id);
                    let text = |of: fn(&Texts, &'static ActionDefinition) -> String, english: &str| {
                        definition.map_or_else(|| english.to_owned(), |d| of(&texts, d))
                    };
                    let (class, check, tag) = match a.status {
                        ActionStatus::InPlace => ("done", "☑", texts.ui("ui-results-action-in-place")),
                        ActionStatus::Planned => ("planned", "☐", texts.ui("ui-results-action-planned")),
                        ActionStatus::ToDo => ("to-do", "☐", texts.ui("ui-results-action-to-do")),
                    };
                    html! {
                        <li class={class}>
                            <span class="check" aria-hidden="true">{check}</span>
                            <span class="tag">{tag}</span>
                            {" "}<strong>{text(|t, d| t.action_title(d).to_owned(), a.id)}</strong>{". "}{text(|t, d| t.action_detail(d).to_owned(), "")}
                            <span class="source">{" "}{texts.ui("ui-questionnaire-source")}{" "}{text(|t, d| t.action_source(d).to_owned(), "")}{"."}</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[function_component(OpenQuestions)]
pub fn open_questions(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    // Checks a compliance or export-control team makes are routed to them by name (the method
    // says which: `hrdd_core::method::answered_by`); the rest stay with the deal team.
    let (compliance, deal_team): (Vec<&OpenQuestion>, Vec<&OpenQuestion>) = report
        .open_questions
        .iter()
        .partition(|q| answered_by(&q.id) == AnsweredBy::Compliance);
    let list = |questions: &[&OpenQuestion]| {
        html! {
            <ul class="open-questions">
                { for questions.iter().map(|q| {
                    let target = format!("q-{}", q.id);
                    let onclick = Callback::from(move |_: MouseEvent| crate::focus_element(&target));
                    html! {
                        <li>
                            if q.decisive { <span class="tag">{texts.ui("ui-results-decisive")}{" "}</span> }
                            <button type="button" class="link-button" {onclick}>{texts.open_question(&q.id, report.perspective)}</button>
                        </li>
                    }
                }) }
            </ul>
        }
    };
    html! {
        <section aria-labelledby="open-title">
            <h3 id="open-title">{texts.ui_with("ui-results-open-questions-count", &[("count", &report.open_questions.len().to_string())])}</h3>
            if report.open_questions.is_empty() {
                <p>{texts.ui("ui-results-none-every-question-asked-has")}</p>
            } else {
                <p>{texts.ui_with("ui-results-decisive-gaps", &[("count", &report.decisive_gaps.to_string())])}</p>
                if compliance.is_empty() {
                    {list(&deal_team)}
                } else {
                    <h4 id="open-for-compliance">{texts.ui("ui-results-open-for-compliance")}</h4>
                    <p class="help">{texts.ui("ui-results-open-for-compliance-why")}</p>
                    {list(&compliance)}
                    if !deal_team.is_empty() {
                        <h4 id="open-for-deal-team">{texts.ui("ui-results-open-for-deal-team")}</h4>
                        {list(&deal_team)}
                    }
                }
            }
        </section>
    }
}

#[function_component(MethodNotes)]
pub fn method_notes(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let report = &props.report;
    if report.packs_added.is_empty()
        && report.migrations.is_empty()
        && report.method1_outcome.is_none()
    {
        return html! {};
    }
    let version = hrdd_core::method::METHOD_VERSION;
    html! {
        <section aria-labelledby="method-notes-title" id="method-notes">
            <h3 id="method-notes-title">{texts.ui("ui-results-about-this-result")}</h3>
            { for report.packs_added.iter().map(|pack| html! {
                <p class="pack-added">{texts.ui_with(
                    "ui-results-pack-added",
                    &[("pack", texts.sector(*pack))],
                )}</p>
            }) }
            if let Some(before) = report.method1_outcome {
                if before == report.outcome {
                    <p id="method1-comparison">{texts.ui_with(
                        "ui-results-method1-same",
                        &[("before", texts.outcome(before)), ("version", &version.to_string()), ("now", texts.outcome(report.outcome))],
                    )}</p>
                } else {
                    <p id="method1-comparison">{texts.ui_with(
                        "ui-results-method1-differs",
                        &[("before", texts.outcome(before)), ("version", &version.to_string()), ("now", texts.outcome(report.outcome))],
                    )}</p>
                    <ul class="method1-reasons">
                        // The reasons of the outcome, without the closing sentence that repeats
                        // this comparison.
                        { for report.outcome_reasons.iter().filter(|r| !matches!(r, OutcomeReason::MadeUnderMethod1 { .. })).map(|r| html! { <li>{texts.outcome_reason(r)}</li> }) }
                    </ul>
                }
            }
            if !report.migrations.is_empty() {
                <p>{texts.ui("ui-results-how-answers-given-under-method")}</p>
                <ul class="migrations">{ for report.migrations.iter().map(|m| html! { <li>{texts.migration(m).to_owned()}</li> }) }</ul>
            }
        </section>
    }
}

#[function_component(Explanation)]
pub fn explanation(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
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
            <summary>{texts.ui("ui-results-show-how-every-score-was")}</summary>
            if *open { {explanation_body(&texts, &props.report)} }
        </details>
    }
}

/// Every reason, contribution and rating behind the result (also printed in the report).
pub fn explanation_body(texts: &Texts, report: &Report) -> Html {
    html! {
        <>
        <h3>{texts.ui("ui-results-outcome")}</h3>
        <ul>{ for report.outcome_reasons.iter().map(|r| html! { <li>{texts.outcome_reason(r)}</li> }) }</ul>
        { for report.elements.iter().map(|e| html! {
            <>
            <h3>{texts.ui_with("ui-results-element-score", &[("letter", &e.element.letter().to_string()), ("element", texts.element(e.element)), ("score", &e.score.to_string())])}</h3>
            <table class="contributions">
                <thead><tr><th scope="col">{texts.ui("ui-results-question")}</th><th scope="col">{texts.ui("ui-results-answer")}</th><th scope="col">{texts.ui("ui-results-points")}</th></tr></thead>
                <tbody>
                    { for e.contributions.iter().map(|c| html! {
                        <tr><td>{texts.contribution_question(&c.source_id, report.perspective)}</td><td>{texts.contribution_answer(&c.source_id, &c.answer, report.perspective)}</td><td>{format!("+{}", c.points)}</td></tr>
                    }) }
                </tbody>
            </table>
            </>
        }) }
        <h3>{texts.ui("ui-results-severity-and-likelihood-of-each")}</h3>
        <ul>
            { for report.salient_rights.iter().map(|r| html! {
                <li><strong>{texts.right(r.right).to_owned()}</strong>{": "}{r.explanation.iter().map(|line| texts.right_explanation(line)).collect::<Vec<_>>().join(" ")}</li>
            }) }
        </ul>
        if report.mitigation_reduction > 0 {
            <p>{texts.ui_with("ui-results-mitigation-reduction", &[("points", &report.mitigation_reduction.to_string())])}</p>
        }
        if let Some(purpose) = &report.beneficial_purpose {
            <h3>{texts.ui("ui-results-beneficial-purpose-recorded-never-weighed")}</h3>
            <p>{purpose.clone()}</p>
        }
        </>
    }
}

/// Horizontal bars for the four element scores, drawn as SVG by the app itself.
#[function_component(ElementChart)]
pub fn element_chart(props: &ReportProps) -> Html {
    let texts = crate::use_texts();
    let row_height = 28;
    let height = row_height * props.report.elements.len() as i32;
    html! {
        <figure class="element-chart">
            <svg viewBox={format!("0 0 320 {height}")} role="img" aria-labelledby="chart-title chart-desc" width="100%">
                <title id="chart-title">{texts.ui("ui-results-scores-of-the-four-elements")}</title>
                <desc id="chart-desc">{ texts.list(&props.report.elements.iter().map(|e| format!("{} {}: {}", e.element.letter(), texts.element(e.element), e.score)).collect::<Vec<_>>()) }</desc>
                { for props.report.elements.iter().enumerate().map(|(row, e)| {
                    let y = row as i32 * row_height;
                    html! {
                        <g>
                            <text x="0" y={(y + 18).to_string()} class="chart-label">{format!("{} {}", e.element.letter(), texts.element(e.element))}</text>
                            <rect x="170" y={(y + 6).to_string()} width="120" height="14" class="chart-track" />
                            <rect x="170" y={(y + 6).to_string()} width={(u32::from(e.score) * 120 / 100).to_string()} height="14" class="chart-bar" />
                            <text x="296" y={(y + 18).to_string()} class="chart-value">{e.score.to_string()}</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="help">{texts.ui("ui-results-element-scores-0-to-100")}</figcaption>
        </figure>
    }
}

/// The label of a screening list by its key.
fn screening_list_label<'a>(texts: &'a Texts, key: &str) -> &'a str {
    let question = hrdd_core::method::question_index("customer.screening_lists")
        .map(|i| &hrdd_core::method::QUESTIONS[i]);
    match question {
        Some(question) => texts.option(question, key, hrdd_core::method::Perspective::OurDeal),
        None => "",
    }
}
