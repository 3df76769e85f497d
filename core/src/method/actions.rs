//! Recommended due diligence actions, drawn from the BSR primer's action lists and the practices
//! described in the B-Tech commentary. Each action says when it is relevant (what drove the
//! risk) and, where a safeguard answer shows it, when it is already in place.

use super::{Connection, ContextLevel, Element, Leverage, Trigger};
use crate::en;
use crate::report::{Outcome, SeverityBand};

/// When an action is recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relevance {
    /// The answers meet the condition, or might (an unknown answer recommends the action).
    When(Trigger),
    /// The element's score is at least this.
    ElementAtLeast(Element, u8),
    /// The outcome is at least this step.
    OutcomeAtLeast(Outcome),
    /// The outcome is at most this step (a deal that goes ahead in some form).
    OutcomeAtMost(Outcome),
    /// Any red flag that forces escalation or refusal is raised.
    AnyRedFlag,
    /// The assessor recorded rights the product strengthens.
    BenefitsRecorded,
    /// One of these red flags is raised or possible.
    FlagRaised(&'static [&'static str]),
    /// There is at least one open question.
    OpenQuestions,
    /// The company's connection (as the answers establish it) is one of these.
    ConnectionIs(&'static [Connection]),
    /// The connection is not established (full assessment, question unanswered).
    ConnectionUnknown,
    /// The leverage is at most this.
    LeverageAtMost(Leverage),
    /// Some right at risk is at least this severe.
    SeverityAtLeast(SeverityBand),
    /// A grave risk comes with a product that also strengthens rights.
    RightsInTension,
    /// Any of these.
    AnyOf(&'static [Relevance]),
    /// All of these.
    AllOf(&'static [Relevance]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionDefinition {
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub source: &'static str,
    pub element: Option<Element>,
    pub relevance: Relevance,
    /// The answers that show the action is already in place.
    pub in_place_when: Option<Trigger>,
}

const fn mitigation(item: &'static str) -> Option<Trigger> {
    Some(Trigger::Ticked {
        question: "mitigations.in_place",
        item,
    })
}

/// A deal that goes ahead with conditions, or may after escalation: conditions on use are
/// beside the point for a deal that should not go ahead as proposed.
const CONDITIONS: Relevance = Relevance::AllOf(&[
    Relevance::OutcomeAtLeast(Outcome::ProceedWithConditions),
    Relevance::OutcomeAtMost(Outcome::Escalate),
]);
const THROUGH_PARTNER: Relevance = Relevance::When(Trigger::AnswerIs {
    question: "profile.channel",
    choices: &["through_partner"],
});
const HIGH_CONTEXT: Relevance = Relevance::When(Trigger::CountryContextAtLeast(ContextLevel::High));

const BSR_A: &str = "BSR primer, element A actions";
const BSR_B: &str = "BSR primer, element B actions";
const BSR_C: &str = "BSR primer, element C actions";
const BSR_D: &str = "BSR primer, element D actions";

const UNGP_19: &str =
    "UN Guiding Principle 19 and commentary; OECD Due Diligence Guidance, section II";

/// Escalation or worse, leverage at most low and a right at least serious: where ending or not
/// entering the relationship becomes one of the options (UN Guiding Principle 19 commentary).
const LOW_LEVERAGE_SERIOUS_HARM: Relevance = Relevance::AllOf(&[
    Relevance::OutcomeAtLeast(Outcome::Escalate),
    Relevance::LeverageAtMost(Leverage::Low),
    Relevance::SeverityAtLeast(SeverityBand::Serious),
]);

pub const ACTIONS: &[ActionDefinition] = &[
    ActionDefinition {
        id: "cease_own_activity",
        title: en("Stop or change your own activity that would cause the harm"),
        detail: en("The harm would come from what your organisation does (its own operation of the product, its design choices or its services). Change or stop that activity before going further; clauses binding the customer do not answer it."),
        source: en(UNGP_19),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[CONDITIONS, Relevance::ConnectionIs(&[Connection::Cause])]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "stop_contribution",
        title: en("Stop the acts that would contribute to the harm"),
        detail: en("Drop the customisation, marketing, training or removal of safeguards that would facilitate or encourage the harm, then use your leverage to reduce what remains."),
        source: en(UNGP_19),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[CONDITIONS, Relevance::ConnectionIs(&[Connection::Contribute])]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "provide_for_remediation",
        title: en("Provide for remediation if harm occurs"),
        detail: en("Where you cause or contribute to harm, you must take part in remedying it: set out now how people could raise it and how you would respond (UN Guiding Principle 22)."),
        source: en("UN Guiding Principles 19 and 22"),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[
            CONDITIONS,
            Relevance::ConnectionIs(&[Connection::Cause, Connection::Contribute]),
        ]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "build_and_use_leverage",
        title: en("Build and use leverage over the customer"),
        detail: en("You would be linked to harm through the customer's use: make your leverage real (terms, audits, suspension, updates) and use it, alone or with others."),
        source: en(UNGP_19),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[CONDITIONS, Relevance::ConnectionIs(&[Connection::DirectlyLinked])]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "consider_responsible_disengagement",
        title: en("Consider responsible disengagement"),
        detail: en("Leverage is low and the harm severe. If leverage cannot be built, ending the relationship is an option: weigh what ending would mean for people who rely on the product, give notice, and do it responsibly."),
        source: en("UN Guiding Principle 19 commentary; OECD Due Diligence Guidance, Q&A on disengagement"),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[
            LOW_LEVERAGE_SERIOUS_HARM,
            // An unknown answer recommends it too: the relationship may exist.
            Relevance::When(Trigger::AnswerIs {
                question: "connection.relationship",
                choices: &["existing"],
            }),
        ]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "decline_or_defer_new_relationship",
        title: en("Do not enter the relationship until leverage is in place"),
        detail: en("Leverage is low and the harm serious, and the relationship is new: declining or deferring it harms no one who depends on it today. Enter only once binding terms, audit and suspension rights, or joint action with others give you real leverage; otherwise decline, and record why."),
        source: en("OECD Due Diligence Guidance for Responsible Business Conduct (2018), step 3 and its questions and answers on disengagement; UN Guiding Principle 19 commentary"),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[
            LOW_LEVERAGE_SERIOUS_HARM,
            Relevance::When(Trigger::AnswerIs {
                question: "connection.relationship",
                choices: &["new"],
            }),
        ]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "establish_connection",
        title: en("Establish how your organisation would be connected to harm"),
        detail: en("Cause, contribute and directly linked call for different responses. Answer the connection question with the people who know the product's design, services and marketing."),
        source: en("UN Guiding Principles 13 and 19"),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[CONDITIONS, Relevance::ConnectionUnknown]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "check_licence_requirements",
        title: en("Check the export licence requirements with the competent authority"),
        detail: en("Controlled goods, goods that could serve torture, and deliveries to embargoed destinations can need a licence or fall under an exemption. Ask the authority, record the answer and do not deliver before it."),
        source: en("EU Regulation 2021/821, Articles 3 and 4; EU Regulation 2019/125, Articles 11 and 16; UN Security Council resolution 2664 (2022)"),
        element: Some(Element::EndUse),
        relevance: Relevance::AllOf(&[Relevance::OutcomeAtMost(Outcome::Escalate), Relevance::AnyOf(&[
            Relevance::FlagRaised(&[
                "licensed_torture_goods",
                "licensable_torture_goods",
                "dual_use_to_embargoed_destination",
                "military_end_user_in_embargoed_destination",
                "civilian_goods_to_embargoed_destination",
                "lethal_injection_possible",
            ]),
            Relevance::When(Trigger::AnswerIs {
                question: "end_use.product_family",
                choices: &["dual_use", "military_or_security", "cyber_surveillance"],
            }),
        ])]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "notify_export_authority",
        title: en("Notify the export-control authority"),
        detail: en("Under EU law an exporter who becomes aware that unlisted cyber-surveillance items may be used for internal repression or serious human rights violations must tell the authority, which decides whether a licence is needed."),
        source: en("EU Regulation 2021/821, Article 5(2)"),
        element: Some(Element::EndUse),
        relevance: Relevance::When(Trigger::AllOf(&[
            Trigger::AnyOf(&[
                Trigger::AnswerIs { question: "end_use.product_family", choices: &["cyber_surveillance"] },
                Trigger::Ticked { question: "end_use.capabilities", item: "intercept" },
                Trigger::Ticked { question: "end_use.capabilities", item: "identify" },
                Trigger::Ticked { question: "end_use.capabilities", item: "track" },
            ]),
            Trigger::AnyOf(&[
                Trigger::AnswerIs { question: "customer.record_of_harm", choices: &["allegations", "documented"] },
                Trigger::AnswerIs { question: "customer.misuse_against_groups", choices: &["reported", "documented"] },
                Trigger::AnswerIs { question: "end_use.torture_reason_to_believe", choices: &["credible_reports", "yes"] },
            ]),
        ])),
        in_place_when: None,
    },
    ActionDefinition {
        id: "document_senior_decision_on_tension",
        title: en("Have senior decision-makers weigh the benefits and the grave risk, in writing"),
        detail: en("The product strengthens some rights and carries a grave risk to others. Arithmetic cannot settle that: record who decided, what was weighed (including what refusing would mean for people) and which conditions apply."),
        source: en("BSR primer (positive impacts); UN Guiding Principle 24 (prioritising the most severe impacts)"),
        element: None,
        relevance: Relevance::AnyOf(&[
            Relevance::RightsInTension,
            Relevance::AllOf(&[
                Relevance::BenefitsRecorded,
                Relevance::OutcomeAtLeast(Outcome::Escalate),
            ]),
        ]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "monitor_after_sale",
        title: en("Monitor how the product is used after the sale"),
        detail: en("A serious harm is possible even if unlikely: agree how you will learn of misuse (reports, updates, visits), and review this assessment at a set date or when something changes."),
        source: en("UN Guiding Principle 20 (tracking); B-Tech commentary (post-sale monitoring)"),
        element: Some(Element::Connection),
        relevance: Relevance::AllOf(&[
            Relevance::SeverityAtLeast(SeverityBand::Serious),
            Relevance::OutcomeAtMost(Outcome::Escalate),
        ]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "verify_safeguards",
        title: en("Verify that the declared safeguards work"),
        detail: en("Safeguards only declared earn half credit. Test technical limits, look at audit reports, and check that the reporting channel is used."),
        source: en("OECD Due Diligence Guidance (tracking implementation)"),
        element: Some(Element::Connection),
        relevance: Relevance::When(Trigger::AllOf(&[
            Trigger::AnswerIs { question: "mitigations.evidence", choices: &["declared"] },
            Trigger::AnyOf(&[
                Trigger::Ticked { question: "mitigations.in_place", item: "end_use_certificate" },
                Trigger::Ticked { question: "mitigations.in_place", item: "resale_restrictions" },
                Trigger::Ticked { question: "mitigations.in_place", item: "technical_limits" },
                Trigger::Ticked { question: "mitigations.in_place", item: "customer_training" },
                Trigger::Ticked { question: "mitigations.in_place", item: "audit_rights" },
                Trigger::Ticked { question: "mitigations.in_place", item: "misuse_reporting" },
            ]),
        ])),
        in_place_when: None,
    },
    ActionDefinition {
        id: "decline_and_record",
        title: en("Do not proceed as proposed, and record why"),
        detail: en("Record the decision, the red flags or risks behind it and who took it. If the deal is reshaped (another customer, use or product), assess it again."),
        source: en("B-Tech commentary (approve, approve with conditions, or reject); UN Guiding Principle 19"),
        element: None,
        relevance: Relevance::OutcomeAtLeast(Outcome::DoNotProceed),
        in_place_when: None,
    },
    ActionDefinition {
        id: "senior_decision_gate",
        title: en("Take the decision to a senior decision gate"),
        detail: en("Refer the deal to the escalation body (for example a human rights or sensitive business committee) with this report; the deal waits for its decision."),
        source: en(BSR_D),
        element: None,
        relevance: Relevance::AnyOf(&[Relevance::OutcomeAtLeast(Outcome::Escalate), Relevance::AnyRedFlag]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "resolve_open_questions",
        title: en("Answer the open questions before deciding"),
        detail: en("Ask the customer, check public sources and the sanctions lists, and update this assessment. Unknowns are scored as the worst case until resolved."),
        source: en("UN Guiding Principle 18; OECD guidance (scoping)"),
        element: None,
        relevance: Relevance::OpenQuestions,
        in_place_when: None,
    },
    ActionDefinition {
        id: "independent_assessment",
        title: en("Commission an enhanced assessment with affected people and experts"),
        detail: en("Consult people who could be affected, local civil society and independent experts on how the product could be used in this context."),
        source: en("UN Guiding Principle 18 and commentary; B-Tech commentary (stakeholder engagement)"),
        element: Some(Element::Impacts),
        relevance: Relevance::OutcomeAtLeast(Outcome::Escalate),
        in_place_when: None,
    },
    ActionDefinition {
        id: "verify_end_user",
        title: en("Verify the end user and the final destination independently"),
        detail: en("Identify the real end user and delivery site, check them against public records and sanctions lists, and make the deal conditional on disclosure."),
        source: en("US BIS know-your-customer red flags"),
        element: Some(Element::Customer),
        relevance: Relevance::When(Trigger::AnyOf(&[
            Trigger::AnswerIs { question: "customer.end_user_known", choices: &["hidden"] },
            Trigger::AnswerIs { question: "customer.final_destination", choices: &["forwarder", "distributor"] },
            Trigger::AnswerIs { question: "end_use.purpose_disclosed", choices: &["vaguely", "refused"] },
        ])),
        in_place_when: None,
    },
    ActionDefinition {
        id: "screen_sanctions",
        title: en("Screen every party against UN and EU sanctions lists"),
        detail: en("Include owners, controllers, intermediaries and the end user; keep the dated result with this assessment."),
        source: en("EU restrictive measures; EU Regulation 2021/821"),
        element: Some(Element::Customer),
        relevance: Relevance::When(Trigger::AnswerIs {
            question: "customer.listed_parties",
            choices: &["related_parties", "listed"],
        }),
        in_place_when: None,
    },
    ActionDefinition {
        id: "contract_clauses",
        title: en("Write approved uses and human rights terms into the contract"),
        detail: en("Name the approved uses, the rights at stake and the uses that are excluded; require resellers to carry out their own due diligence."),
        source: en(BSR_B),
        element: Some(Element::Customer),
        // A harm the company would cause is answered by changing its own activity, not by
        // clauses binding the customer (UN Guiding Principle 19).
        relevance: Relevance::AllOf(&[
            CONDITIONS,
            Relevance::ConnectionIs(&[Connection::DirectlyLinked, Connection::Contribute]),
        ]),
        in_place_when: mitigation("contract_clauses"),
    },
    ActionDefinition {
        id: "end_use_certificate",
        title: en("Obtain a signed end-use and end-user statement"),
        detail: en("The statement names the end user, the use and the site, and forbids transfer without approval."),
        source: en("US BIS know-your-customer guidance; EU Regulation 2021/821"),
        element: Some(Element::Customer),
        relevance: Relevance::AnyOf(&[CONDITIONS, Relevance::ElementAtLeast(Element::Customer, 20)]),
        in_place_when: mitigation("end_use_certificate"),
    },
    ActionDefinition {
        id: "resale_restrictions",
        title: en("Restrict resale, transfer and relocation without your approval"),
        detail: en("Require notice and approval before the product is resold, moved or re-exported."),
        source: en(BSR_B),
        element: Some(Element::Customer),
        relevance: Relevance::AnyOf(&[
            THROUGH_PARTNER,
            Relevance::When(Trigger::AnswerIs {
                question: "customer.modify_or_reexport",
                choices: &["reexport_known", "reexport_undisclosed"],
            }),
            Relevance::When(Trigger::AnswerIs { question: "profile.customer_type", choices: &["reseller"] }),
        ]),
        in_place_when: mitigation("resale_restrictions"),
    },
    ActionDefinition {
        id: "technical_limits",
        title: en("Limit what the product can do, by design"),
        detail: en("Disable features the approved use does not need, cap scale, and keep logging and audit features that the customer cannot switch off."),
        source: en(BSR_A),
        element: Some(Element::EndUse),
        relevance: Relevance::ElementAtLeast(Element::EndUse, 20),
        in_place_when: mitigation("technical_limits"),
    },
    ActionDefinition {
        id: "customer_training",
        title: en("Train the customer on rights-respecting use"),
        detail: en("Cover the approved uses, the legal limits of the destination and the rights at stake; record who attended."),
        source: en(BSR_B),
        element: Some(Element::Customer),
        relevance: Relevance::AnyOf(&[
            Relevance::When(Trigger::CustomerIs(&[
                "public_body", "state_owned", "law_enforcement", "military", "intelligence", "prisons",
            ])),
            Relevance::When(Trigger::AnswerIs { question: "end_use.unintended_harm", choices: &["possible", "likely"] }),
        ]),
        in_place_when: mitigation("customer_training"),
    },
    ActionDefinition {
        id: "audits",
        title: en("Agree audit rights and use them"),
        detail: en("Audit compliance with the contract and policies at agreed intervals and after any report of misuse."),
        source: en(BSR_B),
        element: Some(Element::Connection),
        relevance: CONDITIONS,
        in_place_when: mitigation("audit_rights"),
    },
    ActionDefinition {
        id: "misuse_reporting_channel",
        title: en("Open a channel for third parties to report misuse"),
        detail: en("Make it reachable for people in the destination, in their language, with protection from reprisals."),
        source: en("BSR primer, element B actions; UN Guiding Principle 31"),
        element: Some(Element::Connection),
        relevance: CONDITIONS,
        in_place_when: mitigation("misuse_reporting"),
    },
    ActionDefinition {
        id: "suspension_rights",
        title: en("Keep the right to suspend service, licences or updates on misuse"),
        detail: en("Write it into the contract and make sure the product's design lets you act on it."),
        source: en("BSR primer, element B and D actions"),
        element: Some(Element::Connection),
        relevance: Relevance::AnyOf(&[CONDITIONS, Relevance::ElementAtLeast(Element::Connection, 15)]),
        in_place_when: mitigation("suspension"),
    },
    ActionDefinition {
        id: "void_warranty",
        title: en("Void warranties and support on misuse or unapproved transfer"),
        detail: en("State it in the contract and in the reseller terms."),
        source: en(BSR_B),
        element: Some(Element::Connection),
        relevance: Relevance::AnyOf(&[THROUGH_PARTNER, CONDITIONS]),
        in_place_when: mitigation("warranty_void"),
    },
    ActionDefinition {
        id: "keep_after_sales_leverage",
        title: en("Keep leverage after the sale"),
        detail: en("Prefer staged payments, subscriptions and after-sales service agreements to one-off sales."),
        source: en(BSR_B),
        element: Some(Element::Connection),
        relevance: Relevance::When(Trigger::AnswerIs {
            question: "profile.ongoing_relationship",
            choices: &["limited", "none"],
        }),
        in_place_when: mitigation("staged_payments"),
    },
    ActionDefinition {
        id: "traceability",
        title: en("Trace where the product ends up"),
        detail: en("Use registration, updates, warranties and support contacts to see where the product is, and whether it was transferred or modified."),
        source: en(BSR_D),
        element: Some(Element::Connection),
        relevance: Relevance::AnyOf(&[
            THROUGH_PARTNER,
            Relevance::When(Trigger::AnswerIs { question: "connection.traceability", choices: &["partly", "no"] }),
        ]),
        in_place_when: Some(Trigger::AnswerIs { question: "connection.traceability", choices: &["yes"] }),
    },
    ActionDefinition {
        id: "human_rights_by_design",
        title: en("Review the product's design for misuse"),
        detail: en("Feed what this assessment found back to product teams, so that later versions are harder to misuse."),
        source: en(BSR_A),
        element: Some(Element::EndUse),
        relevance: Relevance::ElementAtLeast(Element::EndUse, 30),
        in_place_when: None,
    },
    ActionDefinition {
        id: "train_staff",
        title: en("Train sales and product staff on these red flags"),
        detail: en("People who meet customers should recognise the warning signs and know how to escalate."),
        source: en(BSR_D),
        element: Some(Element::Connection),
        relevance: Relevance::AnyRedFlag,
        in_place_when: None,
    },
    ActionDefinition {
        id: "engage_civil_society",
        title: en("Engage local civil society on how the product is used"),
        detail: en("Ask local groups and affected people about misuse of similar products and share what you learn about risks."),
        source: en(BSR_C),
        element: Some(Element::Impacts),
        relevance: Relevance::AnyOf(&[
            Relevance::ElementAtLeast(Element::Impacts, 50),
            HIGH_CONTEXT,
        ]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "collective_action",
        title: en("Act with peers and multi-stakeholder initiatives"),
        detail: en("Where one company's leverage is small, shared standards and joint engagement with authorities carry more weight."),
        source: en("BSR primer, element C actions; B-Tech commentary (Global Network Initiative)"),
        element: Some(Element::Impacts),
        relevance: Relevance::AnyOf(&[HIGH_CONTEXT, Relevance::ElementAtLeast(Element::Connection, 40)]),
        in_place_when: None,
    },
    ActionDefinition {
        id: "advocate_regulation",
        title: en("Support regulation against misuse in the destination"),
        detail: en("Engage governments, alone or with others, for legal limits and oversight of the use of such products."),
        source: en(BSR_C),
        element: Some(Element::Impacts),
        relevance: HIGH_CONTEXT,
        in_place_when: None,
    },
];
