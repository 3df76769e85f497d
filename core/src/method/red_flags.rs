//! Red flags: hard triggers that force escalation whatever the score. "Prohibited" flags force
//! "do not proceed". Safeguards never clear a red flag (METHODOLOGY.md, "Red flags").
//! Append only: position is part of the link format.

use super::ContextLevel;

/// A condition on the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A single-choice question has one of these options.
    AnswerIs {
        question: &'static str,
        choices: &'static [&'static str],
    },
    /// A checklist question has this item ticked.
    Ticked {
        question: &'static str,
        item: &'static str,
    },
    /// The destination's country context (derived or overridden) is at least this level.
    CountryContextAtLeast(ContextLevel),
    /// Every condition holds.
    AllOf(&'static [Trigger]),
    /// At least one condition holds.
    AnyOf(&'static [Trigger]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlagDefinition {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    /// A prohibited flag means "do not proceed"; others mean "escalate".
    pub prohibited: bool,
    pub trigger: Trigger,
}

const fn answer(question: &'static str, choices: &'static [&'static str]) -> Trigger {
    Trigger::AnswerIs { question, choices }
}
const fn ticked(question: &'static str, item: &'static str) -> Trigger {
    Trigger::Ticked { question, item }
}

const SECURITY_CUSTOMER: Trigger = answer(
    "profile.customer_type",
    &["law_enforcement", "military", "intelligence"],
);
const CIVILIAN_CUSTOMER: Trigger = answer(
    "profile.customer_type",
    &[
        "private_company",
        "ngo_or_academic",
        "public_body",
        "state_owned",
    ],
);
const SURVEILLANCE_CAPABILITY: Trigger = Trigger::AnyOf(&[
    ticked("end_use.capabilities", "identify"),
    ticked("end_use.capabilities", "track"),
    ticked("end_use.capabilities", "intercept"),
]);

pub const RED_FLAGS: &[RedFlagDefinition] = &[
    RedFlagDefinition {
        id: "purpose_refused",
        title: "The buyer will not say what the product is for or who will use it",
        why: "Without a stated purpose and user, nobody can judge the risk, and a refusal often hides a use the seller would not accept.",
        source: "US BIS know-your-customer red flags",
        prohibited: false,
        trigger: answer("end_use.purpose_disclosed", &["refused"]),
    },
    RedFlagDefinition {
        id: "end_user_hidden",
        title: "The real end user is hidden behind a reseller or intermediary",
        why: "You cannot check the record of a user you do not know, nor hold them to terms.",
        source: "US BIS know-your-customer red flags; BSR primer, element B",
        prohibited: false,
        trigger: answer("customer.end_user_known", &["hidden"]),
    },
    RedFlagDefinition {
        id: "capabilities_do_not_fit",
        title: "The capabilities do not fit the buyer's line of business",
        why: "A mismatch suggests the real user or use differs from what is stated.",
        source: "US BIS know-your-customer red flags",
        prohibited: false,
        trigger: answer("end_use.fits_business", &["no"]),
    },
    RedFlagDefinition {
        id: "security_forces_behind_civilian_use",
        title: "Military or security forces stand behind a civilian customer",
        why: "A civilian front for security forces is a known way to obtain technology that would be refused to them directly.",
        source: "EU Regulation 2021/821, Article 5; US State Department guidance (2020)",
        prohibited: false,
        trigger: Trigger::AllOf(&[CIVILIAN_CUSTOMER, answer("customer.security_control", &["yes", "indirectly"])]),
    },
    RedFlagDefinition {
        id: "services_declined",
        title: "The buyer declines installation, training or maintenance that normally comes with the product",
        why: "Declining normal services can mean the buyer wants no seller staff to see where and how the product is used.",
        source: "US BIS know-your-customer red flags",
        prohibited: false,
        trigger: ticked("customer.refusals", "services"),
    },
    RedFlagDefinition {
        id: "forwarder_destination",
        title: "A freight forwarder, trading company or mailbox is the final destination",
        why: "The real destination and user stay unknown.",
        source: "US BIS know-your-customer red flags",
        prohibited: false,
        trigger: answer("customer.final_destination", &["forwarder"]),
    },
    RedFlagDefinition {
        id: "used_against_targeted_groups",
        title: "The customer has used similar products against journalists, defenders, opposition or minorities",
        why: "Documented targeting of these groups means the product would very likely be used the same way; no safeguard can make that acceptable.",
        source: "US State Department guidance (2020); UN Guiding Principle 19",
        prohibited: true,
        trigger: answer("customer.misuse_against_groups", &["documented"]),
    },
    RedFlagDefinition {
        id: "safeguards_removal_requested",
        title: "The buyer asks to remove or weaken safeguards, logging or audit features",
        why: "Safeguards are what allow misuse to be detected and stopped; a request to remove them signals intended misuse.",
        source: "US State Department guidance (2020); BSR primer (human rights by design)",
        prohibited: false,
        trigger: Trigger::AnyOf(&[
            answer("end_use.customisation", &["remove_safeguards"]),
            ticked("connection.facilitating_acts", "remove_safeguards"),
        ]),
    },
    RedFlagDefinition {
        id: "embargo_or_sanctions",
        title: "The destination, customer or end user is under a UN or EU arms embargo or sanctions",
        why: "Supplying a sanctioned party or embargoed destination is unlawful or, at the least, supports actors the international community has singled out.",
        source: "UN Security Council sanctions; EU restrictive measures; EU Regulation 2021/821",
        prohibited: true,
        trigger: answer("customer.sanctions", &["yes"]),
    },
    RedFlagDefinition {
        id: "sanctions_related_parties",
        title: "Parties related to the customer are under sanctions",
        why: "Ownership or control links to listed parties can make the deal unlawful and route the product to them.",
        source: "EU restrictive measures (ownership and control guidance)",
        prohibited: false,
        trigger: answer("customer.sanctions", &["related_parties"]),
    },
    RedFlagDefinition {
        id: "unconstitutional_change",
        title: "The destination recently had a coup or another unconstitutional change of government",
        why: "Authorities without constitutional checks can turn state-held products against the population.",
        source: "BSR primer (Myanmar example); UN Guiding Principle 7",
        prohibited: false,
        trigger: answer("customer.unconstitutional_change", &["yes"]),
    },
    RedFlagDefinition {
        id: "inherently_harmful_use",
        title: "The intended use harms people even when the product works as designed",
        why: "Uses such as mass surveillance of assemblies breach rights by nature; no safeguard can make them compatible.",
        source: "BSR primer (inherent incompatibility); EU 2024 cyber-surveillance guidelines",
        prohibited: true,
        trigger: answer("end_use.inherently_harmful", &["yes"]),
    },
    RedFlagDefinition {
        id: "torture_or_executions",
        title: "The product could be used in executions, torture or other cruel treatment",
        why: "Contributing to torture or executions is never acceptable and is controlled or banned by EU law.",
        source: "EU Regulation 2019/125; Convention against Torture",
        prohibited: true,
        trigger: answer("end_use.torture_or_executions", &["yes"]),
    },
    RedFlagDefinition {
        id: "documented_abuse_record",
        title: "The customer or end user has a documented record of human rights abuse",
        why: "A documented record makes future misuse likely and puts the company's connection under scrutiny.",
        source: "UN Guiding Principles 17-19; BSR primer, element B",
        prohibited: false,
        trigger: answer("customer.record_of_harm", &["documented"]),
    },
    RedFlagDefinition {
        id: "security_surveillance_high_risk_country",
        title: "A security body will get surveillance capabilities where the rule of law is weak",
        why: "Identification, tracking or interception in the hands of police, military or intelligence services without working legal checks is the pattern behind most documented surveillance abuses.",
        source: "US State Department guidance (2020); EU 2024 cyber-surveillance guidelines",
        prohibited: false,
        trigger: Trigger::AllOf(&[
            SECURITY_CUSTOMER,
            SURVEILLANCE_CAPABILITY,
            Trigger::CountryContextAtLeast(ContextLevel::High),
        ]),
    },
    RedFlagDefinition {
        id: "reexport_undisclosed",
        title: "The customer intends to pass the product on to an undisclosed party",
        why: "The product would leave your sight for an unknown user and use.",
        source: "US BIS know-your-customer red flags; BSR primer, element B",
        prohibited: false,
        trigger: answer("customer.modify_or_reexport", &["reexport_undisclosed"]),
    },
    RedFlagDefinition {
        id: "training_in_targeting",
        title: "Your company would train the customer in targeting, identifying or tracking people",
        why: "Such training moves the company from being linked to harm to contributing to it.",
        source: "US State Department guidance (2020); UN Guiding Principle 19",
        prohibited: false,
        trigger: ticked("connection.facilitating_acts", "train_in_targeting"),
    },
    RedFlagDefinition {
        id: "end_use_statement_refused",
        title: "The buyer refuses to sign an end-use or end-user statement",
        why: "A buyer unwilling to commit to a lawful use on paper gives no assurance at all.",
        source: "US BIS know-your-customer red flags",
        prohibited: false,
        trigger: ticked("customer.refusals", "end_use_statement"),
    },
    RedFlagDefinition {
        id: "rights_clauses_refused",
        title: "The buyer refuses human rights or acceptable-use clauses",
        why: "Refusing to accept limits on use signals an intended use beyond them, and removes your main leverage.",
        source: "BSR primer, element B actions",
        prohibited: false,
        trigger: ticked("customer.refusals", "rights_clauses"),
    },
    RedFlagDefinition {
        id: "covert_surveillance_tool",
        title: "The product is a covert surveillance tool (spyware, intrusion software, IMSI catcher)",
        why: "Covert tools escape oversight and have repeatedly been used against journalists and activists.",
        source: "EU Regulation 2021/821, Article 5 and Annex I; US State Department guidance (2020)",
        prohibited: false,
        trigger: answer("surveillance.covert", &["yes"]),
    },
    RedFlagDefinition {
        id: "sensitive_trait_inference",
        title: "The AI system infers ethnicity, political opinion, religion or sexual orientation",
        why: "Biometric categorisation by such traits is prohibited in the EU because it enables persecution.",
        source: "EU Regulation 2024/1689 (AI Act), Article 5(1)(g)",
        prohibited: true,
        trigger: answer("ai.sensitive_inference", &["yes"]),
    },
    RedFlagDefinition {
        id: "direct_network_access",
        title: "Authorities would get direct network access without operator oversight",
        why: "The operator could neither refuse unlawful requests nor know about them.",
        source: "Global Network Initiative Principles",
        prohibited: false,
        trigger: answer("telecom.direct_access", &["yes"]),
    },
    RedFlagDefinition {
        id: "network_shutdowns",
        title: "Authorities in the destination have ordered network shutdowns or mass blocking",
        why: "Network equipment and services may be used to cut people off again.",
        source: "Global Network Initiative Principles; UN Human Rights Council resolution 47/16",
        prohibited: false,
        trigger: answer("telecom.shutdown_orders", &["yes"]),
    },
    RedFlagDefinition {
        id: "incitement_hosting",
        title: "The service is used to incite violence or hatred against people",
        why: "Continuing the service keeps the harm running and makes the provider a contributor.",
        source: "BSR primer (hosting providers and Parler)",
        prohibited: false,
        trigger: answer("cloud.incitement", &["yes"]),
    },
    RedFlagDefinition {
        id: "lethal_injection_diversion",
        title: "The product would reach authorities that use it for lethal injection",
        why: "Supplying medicines for executions contributes directly to the death penalty, which EU law restricts for this reason.",
        source: "EU Regulation 2019/125, Annex IV",
        prohibited: true,
        trigger: answer("pharma.lethal_injection_diversion", &["yes"]),
    },
    RedFlagDefinition {
        id: "forced_evictions",
        title: "The machinery would be used to demolish homes or clear land without consent",
        why: "Forced evictions destroy homes and livelihoods and are rarely remedied.",
        source: "UN Guiding Principles 13 and 17; UN Basic Principles on Development-based Evictions",
        prohibited: false,
        trigger: answer("machinery.evictions", &["yes"]),
    },
    RedFlagDefinition {
        id: "torture_only_goods",
        title: "The order includes goods with no practical use other than torture or executions",
        why: "Trade in these goods is banned in the EU; there is no legitimate use to weigh.",
        source: "EU Regulation 2019/125, Annex II",
        prohibited: true,
        trigger: answer("security_equipment.torture_only_goods", &["yes"]),
    },
    RedFlagDefinition {
        id: "force_against_protests",
        title: "The end user has used force against peaceful protests",
        why: "Crowd-control equipment will likely be used the same way again.",
        source: "UN Human Rights Guidance on Less-Lethal Weapons in Law Enforcement (2020)",
        prohibited: false,
        trigger: answer("security_equipment.recent_protest_use", &["documented"]),
    },
];
