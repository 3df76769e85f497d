//! The method's gates and floors, as data: the know-your-customer and legal gate that must be
//! passed before any "proceed", the floors that a customer or a destination sets under the
//! outcome by themselves, the signals that make harm to a particular right more likely, and
//! the signals that stop a quick screen from saying "proceed" without a full assessment.
//! METHODOLOGY.md explains each row with its source.

use super::{ContextLevel, Right, Sector, Trigger};
use crate::country::SpecificIndicator;
use crate::en;
use crate::report::Outcome;

/// Customer types that hold coercive powers over people.
pub const SECURITY_CUSTOMER_TYPES: &[&str] =
    &["law_enforcement", "military", "intelligence", "prisons"];

/// Customer types that are the state or act for it.
pub const STATE_CUSTOMER_TYPES: &[&str] = &[
    "law_enforcement",
    "military",
    "intelligence",
    "prisons",
    "public_body",
    "state_owned",
];

/// Questions whose answer must be known before "proceed" or "proceed with conditions": who the
/// customer and end user are, where the product goes, and whether a sanctions list or an
/// embargo applies (US BIS know-your-customer guidance: do not self-blind; EU restrictive
/// measures). An unknown here makes the assessment incomplete, or blocks a decision.
pub const KYC_GATE: &[&str] = &[
    "profile.customer_type",
    "profile.destination",
    "customer.end_user_known",
    "customer.end_user_type",
    "customer.listed_parties",
    "profile.destination_embargo",
    "customer.screening_lists",
    "customer.screening_date",
];

/// Answers of `customer.listed_parties` that clear the deal, and so count only with a screening
/// record behind them: at least one list, and every list the organisation requires
/// (`crate::screening`).
pub const SCREENING_CLEARING_ANSWERS: &[&str] = &["none_screened", "consumer_sales_screened"];

/// A floor that the customer or the destination sets under the outcome by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloorDefinition {
    pub id: &'static str,
    pub trigger: Trigger,
    pub at_least: Outcome,
    pub why: &'static str,
    pub source: &'static str,
}

const fn customer_is(choices: &'static [&'static str]) -> Trigger {
    Trigger::CustomerIs(choices)
}

/// Any capability that acts on people is ticked (or the capabilities are unknown).
pub const ANY_CAPABILITY: Trigger = Trigger::AnyOf(&[
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "identify",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "track",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "intercept",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "censor",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "profile",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "force",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "demolish",
    },
]);

/// Product families that export-control law controls.
const CONTROLLED_FAMILY: Trigger = Trigger::AnswerIs {
    question: "end_use.product_family",
    choices: &["dual_use", "military_or_security", "cyber_surveillance"],
};

/// The product acts on people (a capability, ticked or unknown) or is controlled by export law.
const ACTS_ON_PEOPLE_OR_CONTROLLED: Trigger = Trigger::AnyOf(&[ANY_CAPABILITY, CONTROLLED_FAMILY]);

/// Infrastructure or data about people that a state could turn to surveillance or censorship
/// (Global Network Initiative Principles), or a product that acts on people.
const STATE_LEVERAGE_POINT: Trigger = Trigger::AnyOf(&[
    ACTS_ON_PEOPLE_OR_CONTROLLED,
    Trigger::SectorIs(super::Sector::Telecommunications),
    Trigger::SectorIs(super::Sector::CloudAndPlatforms),
    Trigger::AnswerIs {
        question: "end_use.state_data_access",
        choices: &["possible", "yes"],
    },
]);

/// Anything but humanitarian goods (an unknown family counts).
const NOT_HUMANITARIAN: Trigger = Trigger::AnswerIs {
    question: "end_use.product_family",
    choices: &[
        "civilian",
        "dual_use",
        "military_or_security",
        "cyber_surveillance",
    ],
};

/// Floors from the customer and its context. Their triggers are read conservatively: an unknown
/// customer type or destination applies the floor.
pub const OUTCOME_FLOORS: &[FloorDefinition] = &[
    FloorDefinition {
        id: "security_customer_high_risk_context",
        trigger: Trigger::AllOf(&[
            customer_is(SECURITY_CUSTOMER_TYPES),
            Trigger::CountryContextMayReach(ContextLevel::High),
        ]),
        at_least: Outcome::Escalate,
        why: en("Police, military, intelligence or prison authorities in a high-risk context: they hold coercive powers where courts and a free press do not check them."),
        source: en("US State Department guidance (2020); BSR primer, element B"),
    },
    FloorDefinition {
        id: "state_customer_very_high_risk_context",
        trigger: Trigger::AllOf(&[
            customer_is(STATE_CUSTOMER_TYPES),
            Trigger::CountryContextMayReach(ContextLevel::VeryHigh),
            NOT_HUMANITARIAN,
        ]),
        at_least: Outcome::Escalate,
        why: en("A state customer where the rule of law and civic space are weakest: any product in its hands can serve repression."),
        source: en("BSR primer, element B (Myanmar example); UN Guiding Principle 7"),
    },
    FloorDefinition {
        id: "security_customer",
        trigger: Trigger::AllOf(&[
            customer_is(SECURITY_CUSTOMER_TYPES),
            ACTS_ON_PEOPLE_OR_CONTROLLED,
        ]),
        at_least: Outcome::ProceedWithConditions,
        why: en("Police, military, intelligence or prison authorities hold coercive powers over people: even in a low-risk context, a product that acts on people or is export-controlled needs conditions on use in their hands."),
        source: en("US State Department guidance (2020); UN Basic Principles on the Use of Force and Firearms"),
    },
    FloorDefinition {
        id: "state_customer_moderate_risk_context",
        trigger: Trigger::AllOf(&[
            customer_is(STATE_CUSTOMER_TYPES),
            Trigger::CountryContextAtLeast(ContextLevel::Moderate),
            STATE_LEVERAGE_POINT,
        ]),
        at_least: Outcome::ProceedWithConditions,
        why: en("A state customer where the rule of law and civic space are not strong: the state can turn infrastructure and data to surveillance or censorship, so conditions on use are needed."),
        source: en("Global Network Initiative Principles; US State Department guidance (2020)"),
    },
    FloorDefinition {
        id: "controlled_by_security_forces",
        trigger: Trigger::AnswerIs {
            question: "customer.security_control",
            choices: &["yes", "indirectly"],
        },
        at_least: Outcome::ProceedWithConditions,
        why: en("The customer is owned or controlled by security forces."),
        source: en("EU Regulation 2021/821, Article 5"),
    },
    FloorDefinition {
        id: "high_risk_context",
        trigger: Trigger::CountryContextAtLeast(ContextLevel::High),
        at_least: Outcome::ProceedWithConditions,
        why: en("The destination's context is high risk: weak rule of law and civic space leave people little protection if the product is misused."),
        source: en("BSR primer, element B; World Bank WGI; V-Dem"),
    },
    FloorDefinition {
        id: "allegations_against_customer",
        trigger: Trigger::AnswerIs {
            question: "customer.record_of_harm",
            choices: &["allegations"],
        },
        at_least: Outcome::ProceedWithConditions,
        why: en("Unconfirmed allegations of abuse against the customer or end user must be looked into and answered by conditions."),
        source: en("UN Guiding Principle 17; BSR primer, element B"),
    },
];

/// A sign that harm to particular rights is more likely, added to their likelihood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LikelihoodSignal {
    pub trigger: Trigger,
    /// The rights it bears on; empty means every right at risk.
    pub rights: &'static [Right],
    pub points: u8,
    /// Names the reason in the catalogues (`signal-<id>`).
    pub id: &'static str,
    pub because: &'static str,
}

const CIVIC_RIGHTS: &[Right] = &[
    Right::Privacy,
    Right::ExpressionAndInformation,
    Right::AssemblyAndAssociation,
    Right::PoliticalParticipation,
    Right::LifeLibertyAndSecurity,
];
const PHYSICAL_INTEGRITY: &[Right] = &[
    Right::LifeLibertyAndSecurity,
    Right::FreedomFromTorture,
    Right::AssemblyAndAssociation,
];
const UNINTENDED_HARM_RIGHTS: &[Right] = &[
    Right::Health,
    Right::Environment,
    Right::Work,
    Right::NonDiscrimination,
    Right::ChildrensRights,
];

/// The share of countries, in per cent, that counts as "among the worst" on a V-Dem indicator
/// that bears on a product (the bottom quarter of the 179 units V-Dem codes). A share rather than
/// a level because the indicators' scale has no fixed meaning; see METHODOLOGY.md 4.4.
pub const WORST_SHARE_PERCENT: u8 = 25;

/// Products that act on bodies: military, police or security goods.
pub(super) const SECURITY_GOODS: Trigger = Trigger::AnyOf(&[
    Trigger::AnswerIs {
        question: "end_use.product_family",
        choices: &["military_or_security"],
    },
    Trigger::SectorIs(Sector::SecurityEquipment),
]);
/// Products that watch people: surveillance technology, or any product that identifies, tracks
/// or intercepts.
const SURVEILLANCE_GOODS: Trigger = Trigger::AnyOf(&[
    Trigger::AnswerIs {
        question: "end_use.product_family",
        choices: &["cyber_surveillance"],
    },
    Trigger::SectorIs(Sector::Surveillance),
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "identify",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "track",
    },
    Trigger::Ticked {
        question: "end_use.capabilities",
        item: "intercept",
    },
]);
/// Products that carry or host what people say: networks and platforms.
const NETWORKS_AND_PLATFORMS: Trigger = Trigger::AnyOf(&[
    Trigger::SectorIs(Sector::Telecommunications),
    Trigger::SectorIs(Sector::CloudAndPlatforms),
]);

/// Products that could serve executions: security goods, or medicines and chemicals (the pack
/// whose lethal-injection question applies).
pub(super) const GOODS_THAT_COULD_SERVE_EXECUTIONS: Trigger = Trigger::AnyOf(&[
    SECURITY_GOODS,
    Trigger::SectorIs(Sector::PharmaAndChemicals),
]);

/// Which products each specific V-Dem indicator bears on, in words for the country card. The
/// likelihood signals below apply them.
pub const DESTINATION_INDICATOR_USES: &[(SpecificIndicator, &str)] = &[
    (
        SpecificIndicator::Torture,
        en("military, police and security equipment"),
    ),
    (
        SpecificIndicator::PoliticalKillings,
        en("military, police and security equipment"),
    ),
    (
        SpecificIndicator::CivilSocietyRepression,
        en("surveillance technology and products that identify, track or intercept"),
    ),
    (
        SpecificIndicator::InternetCensorship,
        en("telecommunications networks, cloud services and platforms"),
    ),
];

/// Likelihood per right and per threat: the deal-wide likelihood (from elements A, B and D) is
/// raised for the rights a signal bears on (OECD guidance: likelihood of each impact; US State
/// Department guidance, 2020: the customer's record with similar products).
pub const LIKELIHOOD_SIGNALS: &[LikelihoodSignal] = &[
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "customer.misuse_against_groups",
            choices: &["reported", "documented"],
        },
        rights: CIVIC_RIGHTS,
        points: 20,
        id: "misuse_against_groups",
        because: en("the customer is reported to have used similar products against targeted groups"),
    },
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "security_equipment.recent_protest_use",
            choices: &["reported", "documented"],
        },
        rights: PHYSICAL_INTEGRITY,
        points: 20,
        id: "force_against_protests",
        because: en("the end user has used force against protests"),
    },
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "end_use.torture_reason_to_believe",
            choices: &["credible_reports", "yes"],
        },
        rights: &[Right::FreedomFromTorture, Right::LifeLibertyAndSecurity],
        points: 20,
        id: "ill_treatment_reports",
        because: en("there are reports of ill-treatment by the end user"),
    },
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "customer.enabling_laws",
            choices: &["some", "yes"],
        },
        rights: CIVIC_RIGHTS,
        points: 10,
        id: "laws_enable_abuse",
        because: en("the destination's laws enable abuse of this kind of product"),
    },
    LikelihoodSignal {
        // Oversight of state surveillance matters where the state holds the product or can
        // take its data.
        trigger: Trigger::AllOf(&[
            Trigger::AnswerIs {
                question: "surveillance.independent_authorisation",
                choices: &["on_paper", "no"],
            },
            Trigger::AnyOf(&[
                customer_is(STATE_CUSTOMER_TYPES),
                Trigger::AnswerIs {
                    question: "end_use.state_data_access",
                    choices: &["possible", "yes"],
                },
            ]),
        ]),
        rights: CIVIC_RIGHTS,
        points: 15,
        id: "no_independent_oversight",
        because: en("no independent authority checks surveillance in practice"),
    },
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "end_use.unintended_harm",
            choices: &["possible", "likely"],
        },
        rights: UNINTENDED_HARM_RIGHTS,
        points: 10,
        id: "harm_by_negligence",
        because: en("ordinary use can harm people by mistake or negligence"),
    },
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "pharma.safe_handling",
            choices: &["partly", "no"],
        },
        rights: &[Right::Health, Right::Environment],
        points: 10,
        id: "unsafe_handling",
        because: en("users lack the means to handle and dispose of the product safely"),
    },
    LikelihoodSignal {
        trigger: Trigger::AnswerIs {
            question: "impacts.cumulative",
            choices: &["yes"],
        },
        rights: &[],
        points: 10,
        id: "harm_already_under_way",
        because: en("the deal adds to harm already under way"),
    },
    LikelihoodSignal {
        trigger: Trigger::AllOf(&[
            GOODS_THAT_COULD_SERVE_EXECUTIONS,
            Trigger::AnswerIs {
                question: "profile.death_penalty",
                choices: &["carries_out_executions"],
            },
        ]),
        rights: &[Right::LifeLibertyAndSecurity, Right::FreedomFromTorture],
        points: 10,
        id: "executions_at_destination",
        because: en("the destination carries out executions, and the product could serve them"),
    },
    // What the destination's record says about the harm this product could serve (V-Dem, the
    // bottom quarter of countries on the indicator; an override of the context to high or very
    // high counts too).
    LikelihoodSignal {
        trigger: Trigger::AllOf(&[
            SECURITY_GOODS,
            Trigger::DestinationAmongWorst(SpecificIndicator::Torture),
        ]),
        rights: &[Right::FreedomFromTorture],
        points: 10,
        id: "torture_worst_quarter",
        because: en("security equipment goes to a country among the worst quarter for torture by state agents"),
    },
    LikelihoodSignal {
        trigger: Trigger::AllOf(&[
            SECURITY_GOODS,
            Trigger::DestinationAmongWorst(SpecificIndicator::PoliticalKillings),
        ]),
        rights: &[Right::LifeLibertyAndSecurity],
        points: 10,
        id: "political_killings_worst_quarter",
        because: en("security equipment goes to a country among the worst quarter for political killings by state agents"),
    },
    LikelihoodSignal {
        trigger: Trigger::AllOf(&[
            SURVEILLANCE_GOODS,
            Trigger::DestinationAmongWorst(SpecificIndicator::CivilSocietyRepression),
        ]),
        rights: &[
            Right::Privacy,
            Right::ExpressionAndInformation,
            Right::AssemblyAndAssociation,
        ],
        points: 10,
        id: "civil_society_repression_worst_quarter",
        because: en("surveillance capability goes to a country among the worst quarter for repression of civil society"),
    },
    LikelihoodSignal {
        trigger: Trigger::AllOf(&[
            NETWORKS_AND_PLATFORMS,
            Trigger::DestinationAmongWorst(SpecificIndicator::InternetCensorship),
        ]),
        rights: &[Right::ExpressionAndInformation, Right::Privacy],
        points: 10,
        id: "internet_censorship_worst_quarter",
        because: en("a network or platform serves a country among the worst quarter for Internet censorship by the government"),
    },
];

/// What stops a quick screen from saying "proceed": any of these means a full assessment of the
/// same deal could land higher, so the quick screen says a full assessment is needed instead.
/// Each has an id (for the language catalogues), the condition and why, in words.
/// Read conservatively: an unknown answer counts.
pub const DISALLOWED_WITHOUT_FULL_ASSESSMENT: &[(&str, Trigger, &str)] = &[
    (
        "capability",
        ANY_CAPABILITY,
        en("the product can act on people (a capability is ticked or unknown)"),
    ),
    (
        "controlled",
        CONTROLLED_FAMILY,
        en("the product is controlled by export law (dual-use, military or surveillance)"),
    ),
    (
        "security_state_or_reseller",
        Trigger::AnyOf(&[
            Trigger::CustomerIs(&[
                "law_enforcement",
                "military",
                "intelligence",
                "prisons",
                "state_owned",
            ]),
            Trigger::AnswerIs {
                question: "profile.customer_type",
                choices: &["reseller"],
            },
        ]),
        en("the customer is a security body, a state enterprise or a reseller"),
    ),
    (
        "allegations",
        Trigger::AnswerIs {
            question: "customer.record_of_harm",
            choices: &["allegations", "documented"],
        },
        en("there are allegations against the customer"),
    ),
];

/// Why a quick screen's conditions or escalation need a full assessment when no other reason
/// applies: (id, why), as the entries of [`DISALLOWED_WITHOUT_FULL_ASSESSMENT`].
pub const QUICK_SCREEN_PRESUMPTIONS: (&str, &str) = (
    "presumptions",
    en("the conditions and the decision rest on the quick screen's presumptions, not on rated rights"),
);

/// Why a quick screen escalates rather than refuses a critical risk resting on presumptions:
/// (id, why), as the entries of [`DISALLOWED_WITHOUT_FULL_ASSESSMENT`].
pub const QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC: (&str, &str) = (
    "presumed_critical",
    en("the critical risk rests on presumed impacts that only a full assessment can rate"),
);

/// Who usually establishes the facts a question asks for. A sales or deal team can answer most
/// questions from what the customer says and what the deal is; a few are checks that a
/// compliance or export-control function makes with its own lists, tools and classifications
/// (US BIS "know your customer" guidance: screening and red-flag resolution are the exporter's
/// compliance programme's; EU Regulation 2021/821 and 2019/125: classification and licences;
/// EU and UN restrictive measures). An open question of the second kind is routed to them by name
/// rather than left to the deal team as "don't know" (a practitioner's review asked for this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnsweredBy {
    DealTeam,
    Compliance,
}

/// The questions a compliance or export-control function answers (see [`AnsweredBy`]).
pub const ANSWERED_BY_COMPLIANCE: &[&str] = &[
    "customer.listed_parties",
    "customer.screening_lists",
    "customer.screening_date",
    "customer.red_flags_resolved",
    "profile.destination_embargo",
    "end_use.product_family",
    "end_use.torture_goods",
];

/// Who answers an open question: a question of the method by [`ANSWERED_BY_COMPLIANCE`]; a
/// right's rating or the country context, the assessor (the deal team).
pub fn answered_by(question_id: &str) -> AnsweredBy {
    if ANSWERED_BY_COMPLIANCE.contains(&question_id) {
        AnsweredBy::Compliance
    } else {
        AnsweredBy::DealTeam
    }
}
