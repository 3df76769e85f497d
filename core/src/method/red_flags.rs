//! Red flags: hard triggers that set a floor under the outcome whatever the score. A
//! *prohibited* flag means "do not proceed"; an *escalate* flag, at least "escalate"; a
//! *conditions* flag, at least "proceed with conditions" with its check done. Safeguards never
//! clear a red flag (METHODOLOGY.md, "Red flags"). An unknown answer that could raise a flag
//! shows the flag as *possible*, which blocks "proceed" and "proceed with conditions".

use super::{ContextLevel, Sector};
use crate::country::SpecificIndicator;
use crate::en;

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
    /// The assessor chose this sector pack.
    SectorIs(Sector),
    /// The buyer's type or the end user's type is one of these (the riskier of the two decides:
    /// buying through an integrator must not hide a police or military end user).
    CustomerIs(&'static [&'static str]),
    /// The destination's country context (derived, or an override that raises it) is at least
    /// this level.
    CountryContextAtLeast(ContextLevel),
    /// The destination's context may reach this level: its index plus its margin does. Read by
    /// the rules that escalate or prohibit, the cautious reading of uncertain data.
    CountryContextMayReach(ContextLevel),
    /// The destination is among the worst [`super::WORST_SHARE_PERCENT`] per cent of the
    /// countries V-Dem codes on this indicator, or the assessor's override (with a reason) puts
    /// its context at high or very high.
    DestinationAmongWorst(SpecificIndicator),
    /// Every condition holds.
    AllOf(&'static [Trigger]),
    /// At least one condition holds.
    AnyOf(&'static [Trigger]),
}

/// What a raised flag does to the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlagLevel {
    /// At least "proceed with conditions": a legal check or licence must be done first.
    Conditions,
    /// At least "escalate": a senior decision after enhanced due diligence.
    Escalate,
    /// "Do not proceed": no safeguard or decision can make the deal acceptable as proposed.
    Prohibited,
}

impl FlagLevel {
    pub fn key(self) -> &'static str {
        match self {
            FlagLevel::Conditions => "conditions",
            FlagLevel::Escalate => "escalate",
            FlagLevel::Prohibited => "prohibited",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedFlagDefinition {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
    pub source: &'static str,
    pub level: FlagLevel,
    pub trigger: Trigger,
}

impl RedFlagDefinition {
    pub fn prohibited(&self) -> bool {
        self.level == FlagLevel::Prohibited
    }
}

impl Trigger {
    /// Whether the trigger reads this question's answer (directly, or through the customer and
    /// end-user types).
    pub fn reads(&self, question_id: &str) -> bool {
        match self {
            Trigger::AnswerIs { question, .. } | Trigger::Ticked { question, .. } => {
                *question == question_id
            }
            Trigger::CustomerIs(_) => {
                matches!(
                    question_id,
                    "profile.customer_type" | "customer.end_user_type"
                )
            }
            Trigger::AllOf(all) | Trigger::AnyOf(all) => all.iter().any(|t| t.reads(question_id)),
            Trigger::SectorIs(_)
            | Trigger::CountryContextAtLeast(_)
            | Trigger::CountryContextMayReach(_)
            | Trigger::DestinationAmongWorst(_) => false,
        }
    }
}

/// Whether an answer to this question can raise a prohibited red flag: the answers a
/// compliance record should back with evidence (what was checked, where, when).
pub fn can_raise_prohibited_flag(question_id: &str) -> bool {
    RED_FLAGS
        .iter()
        .any(|flag| flag.prohibited() && flag.trigger.reads(question_id))
}

const fn answer(question: &'static str, choices: &'static [&'static str]) -> Trigger {
    Trigger::AnswerIs { question, choices }
}
const fn ticked(question: &'static str, item: &'static str) -> Trigger {
    Trigger::Ticked { question, item }
}

const SECURITY_CUSTOMER: Trigger =
    Trigger::CustomerIs(&["law_enforcement", "military", "intelligence", "prisons"]);
const OTHER_STATE_CUSTOMER: Trigger = Trigger::CustomerIs(&["public_body", "state_owned"]);
const CIVILIAN_CUSTOMER: Trigger = answer(
    "profile.customer_type",
    &[
        "private_company",
        "ngo_or_academic",
        "public_body",
        "state_owned",
        "general_public",
        "humanitarian",
    ],
);
const SURVEILLANCE_CAPABILITY: Trigger = Trigger::AnyOf(&[
    ticked("end_use.capabilities", "identify"),
    ticked("end_use.capabilities", "track"),
    ticked("end_use.capabilities", "intercept"),
]);
/// Interception of communications, or a covert tool (spyware, intrusion software, IMSI
/// catchers). Not the product family alone: monitoring of public sources is surveillance
/// technology but neither intercepts nor intrudes (EU Regulation 2021/821, Article 2(20)).
const INTRUSION_OR_INTERCEPTION: Trigger = Trigger::AnyOf(&[
    ticked("end_use.capabilities", "intercept"),
    answer("surveillance.covert", &["yes"]),
]);
const EMBARGOED_DESTINATION: Trigger = answer(
    "profile.destination_embargo",
    &["arms_embargo", "repression_or_monitoring_ban"],
);
/// Any of the BIS warning signs of `customer.transaction_red_flags` is ticked.
pub const ANY_TRANSACTION_RED_FLAG: Trigger = Trigger::AnyOf(&[
    ticked("customer.transaction_red_flags", "unusual_payment"),
    ticked("customer.transaction_red_flags", "no_business_background"),
    ticked("customer.transaction_red_flags", "unfamiliar_with_product"),
    ticked("customer.transaction_red_flags", "odd_delivery"),
    ticked("customer.transaction_red_flags", "beyond_technical_level"),
    ticked("customer.transaction_red_flags", "similar_to_listed_party"),
    ticked("customer.transaction_red_flags", "diversion_route"),
]);

/// A transaction red flag counts until it is resolved with a documented explanation (US BIS:
/// inquire, and go ahead only once the red flag is resolved).
const UNRESOLVED: Trigger = answer("customer.red_flags_resolved", &["no"]);
const BIS: &str = "US BIS know-your-customer red flags (15 CFR 732, Supplement 3)";

pub const RED_FLAGS: &[RedFlagDefinition] = &[
    RedFlagDefinition {
        id: "purpose_refused",
        title: en("The buyer will not say what the product is for or who will use it"),
        why: en("Without a stated purpose and user, nobody can judge the risk, and a refusal often hides a use the seller would not accept."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: answer("end_use.purpose_disclosed", &["refused"]),
    },
    RedFlagDefinition {
        id: "end_user_hidden",
        title: en("The real end user is hidden behind a reseller or intermediary"),
        why: en("You cannot check the record of a user you do not know, nor hold them to terms."),
        source: en("US BIS know-your-customer red flags; BSR primer, element B"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.end_user_known", &["hidden"]),
    },
    RedFlagDefinition {
        id: "capabilities_do_not_fit",
        title: en("The capabilities do not fit the buyer's line of business"),
        why: en("A mismatch suggests the real user or use differs from what is stated."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: answer("end_use.fits_business", &["no"]),
    },
    RedFlagDefinition {
        id: "security_forces_behind_civilian_use",
        title: en("Military or security forces stand behind a civilian customer"),
        why: en("A civilian front for security forces is a known way to obtain technology that would be refused to them directly."),
        source: en("EU Regulation 2021/821, Article 5; US State Department guidance (2020)"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[CIVILIAN_CUSTOMER, answer("customer.security_control", &["yes", "indirectly"])]),
    },
    RedFlagDefinition {
        id: "services_declined",
        title: en("The buyer declines installation, training or maintenance that normally comes with the product"),
        why: en("Declining normal services can mean the buyer wants no seller staff to see where and how the product is used."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: ticked("customer.refusals", "services"),
    },
    RedFlagDefinition {
        id: "forwarder_destination",
        title: en("A freight forwarder, trading company or mailbox is the final destination"),
        why: en("The real destination and user stay unknown."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: answer("customer.final_destination", &["forwarder"]),
    },
    RedFlagDefinition {
        id: "used_against_targeted_groups",
        title: en("The customer has used similar products against journalists, defenders, opposition or minorities"),
        why: en("Documented targeting of these groups means the product would very likely be used the same way; no safeguard can make that acceptable."),
        source: en("US State Department guidance (2020); UN Guiding Principle 19"),
        level: FlagLevel::Prohibited,
        trigger: answer("customer.misuse_against_groups", &["documented"]),
    },
    RedFlagDefinition {
        id: "reported_targeting",
        title: en("There are reports that the customer used similar products against journalists, defenders, opposition or minorities"),
        why: en("Unconfirmed reports of targeting are exactly what enhanced due diligence must look into before a decision; they are not a reason to relax."),
        source: en("US State Department guidance (2020); EU 2024 cyber-surveillance guidelines"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.misuse_against_groups", &["reported"]),
    },
    RedFlagDefinition {
        id: "safeguards_removal_requested",
        title: en("The buyer asks to remove or weaken safeguards, logging or audit features"),
        why: en("Safeguards are what allow misuse to be detected and stopped; a request to remove them signals intended misuse."),
        source: en("US State Department guidance (2020); BSR primer (human rights by design)"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AnyOf(&[
            answer("end_use.customisation", &["remove_safeguards"]),
            ticked("connection.facilitating_acts", "remove_safeguards"),
        ]),
    },
    RedFlagDefinition {
        id: "sanctioned_party",
        title: en("The customer, the end user or a party to the deal is on a sanctions list, or owned or controlled by a listed party"),
        why: en("Dealing with a listed party is unlawful under the regimes that list it, and supports an actor singled out by the international community."),
        source: en("UN Security Council sanctions; EU restrictive measures (Article 215 TFEU)"),
        level: FlagLevel::Prohibited,
        trigger: answer("customer.listed_parties", &["listed", "owned_by_listed"]),
    },
    RedFlagDefinition {
        id: "sanctions_related_parties",
        title: en("Parties related to the customer are under sanctions"),
        why: en("Ownership or control links to listed parties can make the deal unlawful and route the product to them."),
        source: en("EU restrictive measures (guidance on ownership and control)"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.listed_parties", &["related_parties"]),
    },
    RedFlagDefinition {
        id: "security_goods_to_embargoed_destination",
        title: en("Military, security or surveillance goods to a destination under an arms embargo or a ban on repression or monitoring equipment"),
        why: en("An arms embargo forbids supplying military goods, and the EU bans on internal-repression and monitoring equipment forbid supplying those goods, to the destination the measure covers."),
        source: en("UN Security Council arms embargoes; EU Council decisions on restrictive measures; EU Regulation 2021/821, Article 4"),
        level: FlagLevel::Prohibited,
        trigger: Trigger::AllOf(&[
            answer("end_use.product_family", &["military_or_security", "cyber_surveillance"]),
            EMBARGOED_DESTINATION,
        ]),
    },
    RedFlagDefinition {
        id: "dual_use_to_embargoed_destination",
        title: en("Dual-use items to a destination under an arms embargo or related ban"),
        why: en("Listed dual-use items need an export licence, and an item that is not listed still needs one if it is meant for a military end use in an embargoed destination."),
        source: en("EU Regulation 2021/821, Articles 3 and 4"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[answer("end_use.product_family", &["dual_use"]), EMBARGOED_DESTINATION]),
    },
    RedFlagDefinition {
        id: "military_end_user_in_embargoed_destination",
        title: en("Armed or security forces in a destination under an arms embargo are the end user"),
        why: en("Even civilian goods need authorisation when they are meant for a military end use in an arms-embargoed destination, and supplying the forces an embargo targets needs a senior decision."),
        source: en("EU Regulation 2021/821, Article 4; UN Security Council arms embargoes"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[SECURITY_CUSTOMER, answer("profile.destination_embargo", &["arms_embargo"])]),
    },
    RedFlagDefinition {
        id: "trade_restrictions_cover_goods",
        title: en("Trade restrictions on the destination cover these goods or services"),
        why: en("Sectoral sanctions forbid selling the goods or services they list to the destination; the deal would be unlawful."),
        source: en("EU Regulation 833/2014 (Russia) and 765/2006 (Belarus), as amended; UN Security Council sanctions regimes"),
        level: FlagLevel::Prohibited,
        trigger: answer("profile.destination_embargo", &["trade_ban_covers_goods"]),
    },
    RedFlagDefinition {
        id: "trade_restrictions_apply",
        title: en("Trade restrictions apply to the destination: export-control sign-off needed"),
        why: en("Sectoral sanctions list goods, services and end users in detail and change often; whether they cover this deal is for the export-control function to confirm in writing."),
        source: en("EU Regulation 833/2014 (Russia) and 765/2006 (Belarus), as amended"),
        level: FlagLevel::Escalate,
        trigger: answer("profile.destination_embargo", &["trade_ban"]),
    },
    RedFlagDefinition {
        id: "civilian_goods_to_embargoed_destination",
        title: en("Civilian or humanitarian goods to a destination under an embargo: check licence requirements and exemptions"),
        why: en("Embargoes cover named goods and users; civilian and humanitarian goods are usually allowed, sometimes with a licence or a humanitarian exemption. Check before delivery; this is not a refusal."),
        source: en("UN Security Council resolution 2664 (2022) on humanitarian exemptions; EU restrictive measures"),
        level: FlagLevel::Conditions,
        trigger: Trigger::AllOf(&[answer("end_use.product_family", &["civilian", "humanitarian"]), EMBARGOED_DESTINATION]),
    },
    RedFlagDefinition {
        id: "unconstitutional_change",
        title: en("The destination recently had a coup or another unconstitutional change of government"),
        why: en("Authorities without constitutional checks can turn state-held products against the population."),
        source: en("BSR primer (Myanmar example); UN Guiding Principle 7"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.unconstitutional_change", &["yes"]),
    },
    RedFlagDefinition {
        id: "inherently_harmful_use",
        title: en("The intended use harms people even when the product works as designed"),
        why: en("Uses such as mass surveillance of assemblies breach rights by nature; no safeguard can make them compatible."),
        source: en("BSR primer (inherent incompatibility); EU 2024 cyber-surveillance guidelines"),
        level: FlagLevel::Prohibited,
        trigger: answer("end_use.inherently_harmful", &["yes"]),
    },
    RedFlagDefinition {
        id: "torture_only_goods",
        title: en("The order includes goods with no practical use other than capital punishment or torture"),
        why: en("Trade in these goods is banned in the EU; there is no legitimate use to weigh."),
        source: en("EU Regulation 2019/125, Article 3 and Annex II"),
        level: FlagLevel::Prohibited,
        trigger: answer("end_use.torture_goods", &["torture_only"]),
    },
    RedFlagDefinition {
        id: "licensable_torture_goods",
        title: en("The order includes goods that could be used for torture or executions and need a licence"),
        why: en("Restraints, riot-control agents, electric-shock devices and some medicines have legitimate uses but are controlled: the export needs a licence, and the end user's record decides."),
        source: en("EU Regulation 2019/125, Articles 11 and 16, Annexes III and IV"),
        level: FlagLevel::Escalate,
        trigger: answer("end_use.torture_goods", &["licensable"]),
    },
    RedFlagDefinition {
        id: "licensed_torture_goods",
        title: en("The order includes licensable goods that could be used for torture, and the export licence has been granted"),
        why: en("The authority granted the licence after looking at the end user; the company must still keep the licence's conditions and watch for misuse."),
        source: en("EU Regulation 2019/125, Articles 11 and 12"),
        level: FlagLevel::Conditions,
        trigger: answer("end_use.torture_goods", &["licensable_granted"]),
    },
    RedFlagDefinition {
        id: "reason_to_believe_torture",
        title: en("There are reasonable grounds to believe the product would be used for torture, ill-treatment or executions"),
        why: en("The prohibition of torture admits no exception; supplying goods for it would make the company a contributor to one of the gravest harms."),
        source: en("Convention against Torture; EU Regulation 2019/125, Article 12"),
        level: FlagLevel::Prohibited,
        trigger: answer("end_use.torture_reason_to_believe", &["yes"]),
    },
    RedFlagDefinition {
        id: "reports_of_ill_treatment",
        title: en("There are credible reports that the end user ill-treats people"),
        why: en("Credible reports of ill-treatment call for enhanced due diligence and a senior decision before any supply that could serve it."),
        source: en("EU Regulation 2019/125, Article 12; UN Human Rights Guidance on Less-Lethal Weapons (2020)"),
        level: FlagLevel::Escalate,
        trigger: answer("end_use.torture_reason_to_believe", &["credible_reports"]),
    },
    RedFlagDefinition {
        id: "atrocity_crimes",
        title: en("There is a clear risk the product would be used in atrocity crimes or serious breaches of humanitarian law"),
        why: en("States must refuse transfers that would be used in genocide, crimes against humanity or war crimes, and companies are expected to treat that risk as a legal compliance issue."),
        source: en("Arms Trade Treaty, Articles 6(3) and 7; EU Common Position 2008/944/CFSP, Criterion 2; UN Guiding Principles 7 and 23"),
        level: FlagLevel::Prohibited,
        trigger: answer("customer.atrocity_risk", &["clear_risk"]),
    },
    RedFlagDefinition {
        id: "atrocity_concerns",
        title: en("There are credible concerns about atrocity crimes or breaches of humanitarian law involving the end user"),
        why: en("In conflict-affected areas the risk of the gravest abuses is heightened; heightened due diligence and a senior decision are needed."),
        source: en("UN Guiding Principle 7; UNDP and UN Working Group, Heightened Human Rights Due Diligence for Business in Conflict-Affected Contexts (2022)"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.atrocity_risk", &["concerns"]),
    },
    RedFlagDefinition {
        id: "documented_abuse_record",
        title: en("The customer or end user has a documented record of human rights abuse"),
        why: en("A documented record makes future misuse likely and puts the company's connection under scrutiny."),
        source: en("UN Guiding Principles 17-19; BSR primer, element B"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.record_of_harm", &["documented"]),
    },
    RedFlagDefinition {
        id: "security_surveillance_high_risk_country",
        title: en("A security body will get surveillance capabilities where the rule of law is weak"),
        why: en("Identification, tracking or interception in the hands of police, military or intelligence services without working legal checks is the pattern behind most documented surveillance abuses."),
        source: en("US State Department guidance (2020); EU 2024 cyber-surveillance guidelines"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[
            SECURITY_CUSTOMER,
            SURVEILLANCE_CAPABILITY,
            Trigger::CountryContextMayReach(ContextLevel::High),
        ]),
    },
    RedFlagDefinition {
        id: "state_intrusion_without_oversight",
        title: en("Interception or intrusion tools for police, military, intelligence or prison authorities without independent oversight in practice"),
        why: en("Interception and intrusion by the state are lawful only when necessary, proportionate and authorised by an independent body; in the hands of security forces without that check, abuse against critics is the documented pattern."),
        source: en("US State Department guidance (2020); EU Regulation 2021/821, Article 5; UN Human Rights Council resolution 48/4 on the right to privacy"),
        level: FlagLevel::Prohibited,
        trigger: Trigger::AllOf(&[
            SECURITY_CUSTOMER,
            INTRUSION_OR_INTERCEPTION,
            answer("surveillance.independent_authorisation", &["on_paper", "no"]),
        ]),
    },
    RedFlagDefinition {
        id: "state_interception_weak_oversight",
        title: en("Interception or intrusion capability for another state body without independent oversight in practice"),
        why: en("A ministry or a state-owned operator can be made to give security services access; without independent authorisation of surveillance, enhanced due diligence and a senior decision are needed."),
        source: en("US State Department guidance (2020); Global Network Initiative Principles; BSR primer (state co-option of networks)"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[
            OTHER_STATE_CUSTOMER,
            INTRUSION_OR_INTERCEPTION,
            answer("surveillance.independent_authorisation", &["on_paper", "no"]),
        ]),
    },
    RedFlagDefinition {
        id: "reexport_undisclosed",
        title: en("The customer intends to pass the product on to an undisclosed party"),
        why: en("The product would leave your sight for an unknown user and use."),
        source: en("US BIS know-your-customer red flags; BSR primer, element B"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.modify_or_reexport", &["reexport_undisclosed"]),
    },
    RedFlagDefinition {
        id: "training_in_targeting",
        title: en("Your company would train the customer in targeting, identifying or tracking people"),
        why: en("Such training moves the company from being linked to harm to contributing to it."),
        source: en("US State Department guidance (2020); UN Guiding Principle 19"),
        level: FlagLevel::Escalate,
        trigger: ticked("connection.facilitating_acts", "train_in_targeting"),
    },
    RedFlagDefinition {
        id: "end_use_statement_refused",
        title: en("The buyer refuses to sign an end-use or end-user statement"),
        why: en("A buyer unwilling to commit to a lawful use on paper gives no assurance at all."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: ticked("customer.refusals", "end_use_statement"),
    },
    RedFlagDefinition {
        id: "rights_clauses_refused",
        title: en("The buyer refuses human rights or acceptable-use clauses"),
        why: en("Refusing to accept limits on use signals an intended use beyond them, and removes your main leverage."),
        source: en("BSR primer, element B actions"),
        level: FlagLevel::Escalate,
        trigger: ticked("customer.refusals", "rights_clauses"),
    },
    RedFlagDefinition {
        id: "covert_surveillance_tool",
        title: en("The product is a covert surveillance tool (spyware, intrusion software, IMSI catcher)"),
        why: en("Covert tools escape oversight and have repeatedly been used against journalists and activists."),
        source: en("EU Regulation 2021/821, Article 5 and Annex I; US State Department guidance (2020)"),
        level: FlagLevel::Escalate,
        trigger: answer("surveillance.covert", &["yes"]),
    },
    RedFlagDefinition {
        id: "sensitive_trait_inference",
        title: en("The AI system infers ethnicity, political opinion, religion or sexual orientation"),
        why: en("Biometric categorisation by such traits is prohibited in the EU because it enables persecution."),
        source: en("EU Regulation 2024/1689 (AI Act), Article 5(1)(g)"),
        level: FlagLevel::Prohibited,
        trigger: answer("ai.sensitive_inference", &["yes"]),
    },
    RedFlagDefinition {
        id: "direct_network_access",
        title: en("Authorities would get direct network access without operator oversight"),
        why: en("The operator could neither refuse unlawful requests nor know about them."),
        source: en("Global Network Initiative Principles"),
        level: FlagLevel::Escalate,
        trigger: answer("telecom.direct_access", &["yes"]),
    },
    RedFlagDefinition {
        id: "network_shutdowns",
        title: en("Authorities in the destination have ordered network shutdowns or mass blocking"),
        why: en("Network equipment and services may be used to cut people off again."),
        source: en("Global Network Initiative Principles; UN Human Rights Council resolution 47/16"),
        level: FlagLevel::Escalate,
        // Network equipment and services, or a product that filters content: not every product
        // that brings in the telecommunications questions can cut people off.
        trigger: Trigger::AllOf(&[
            answer("telecom.shutdown_orders", &["yes"]),
            Trigger::AnyOf(&[
                Trigger::SectorIs(Sector::Telecommunications),
                ticked("end_use.capabilities", "censor"),
            ]),
        ]),
    },
    RedFlagDefinition {
        id: "incitement_hosting",
        title: en("The service is used to incite violence or hatred against people"),
        why: en("Continuing the service keeps the harm running and makes the provider a contributor."),
        source: en("BSR primer (hosting providers and Parler)"),
        level: FlagLevel::Escalate,
        trigger: answer("cloud.incitement", &["yes"]),
    },
    RedFlagDefinition {
        id: "lethal_injection_diversion",
        title: en("The product would reach authorities that use it for lethal injection"),
        why: en("Supplying medicines for executions contributes directly to the death penalty, which EU law restricts for this reason."),
        source: en("EU Regulation 2019/125, Annex IV"),
        level: FlagLevel::Prohibited,
        trigger: answer("pharma.lethal_injection_diversion", &["yes"]),
    },
    RedFlagDefinition {
        id: "lethal_injection_possible",
        title: en("The product could reach authorities that use it for lethal injection"),
        why: en("Where diversion to executions is possible, distribution controls and a licence check are needed before supply."),
        source: en("EU Regulation 2019/125, Annex IV"),
        level: FlagLevel::Escalate,
        trigger: answer("pharma.lethal_injection_diversion", &["possible"]),
    },
    RedFlagDefinition {
        id: "forced_evictions",
        title: en("The machinery would be used to demolish homes or clear land without the free consent of the people living there"),
        why: en("Forced evictions are gross violations of human rights that destroy homes and livelihoods and are rarely remedied; knowingly equipping them makes the supplier a contributor."),
        source: en("UN Commission on Human Rights resolution 1993/77; UN Basic Principles and Guidelines on Development-based Evictions (2007); UN Guiding Principles 13 and 17"),
        level: FlagLevel::Prohibited,
        trigger: answer("machinery.evictions", &["yes"]),
    },
    RedFlagDefinition {
        id: "eviction_risk",
        title: en("The machinery could be used in evictions or land clearing without consent"),
        why: en("A real possibility of forced evictions needs enhanced due diligence with the communities concerned before a decision."),
        source: en("UN Basic Principles and Guidelines on Development-based Evictions (2007); UN Guiding Principle 18"),
        level: FlagLevel::Escalate,
        trigger: answer("machinery.evictions", &["possible"]),
    },
    RedFlagDefinition {
        id: "force_against_protests",
        title: en("The end user has used force against peaceful protests"),
        why: en("Crowd-control equipment will likely be used the same way again."),
        source: en("UN Human Rights Guidance on Less-Lethal Weapons in Law Enforcement (2020)"),
        level: FlagLevel::Escalate,
        trigger: answer("security_equipment.recent_protest_use", &["documented"]),
    },
    RedFlagDefinition {
        id: "unusual_payment",
        title: en("Payment in cash, or from a third country or a third party"),
        why: en("Unusual payment routes are a classic sign that the buyer is not the real customer or wants to avoid scrutiny."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "unusual_payment"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "no_business_background",
        title: en("The buyer has little or no business background"),
        why: en("A buyer without a traceable history may be a front for someone else."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "no_business_background"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "unfamiliar_with_product",
        title: en("The buyer knows little about the product's performance yet still wants it"),
        why: en("A buyer who cannot say what the product must do for them may be buying it for someone else or for another use."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "unfamiliar_with_product"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "odd_delivery",
        title: en("Vague delivery dates, or delivery to out-of-the-way places or by odd routes"),
        why: en("Unclear logistics hide the real destination."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "odd_delivery"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "beyond_technical_level",
        title: en("The item is beyond the technical level of the destination or the buyer"),
        why: en("A product far more advanced than the buyer's evident needs suggests another user or use."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "beyond_technical_level"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "similar_to_listed_party",
        title: en("The buyer's name or address is similar to a listed party"),
        why: en("A near match on a sanctions or restricted-party list must be resolved before going further."),
        source: en(BIS),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "similar_to_listed_party"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "diversion_route",
        title: en("Goods on the EU common high-priority list, or routed through countries known for diversion to sanctioned destinations"),
        why: en("Such goods and routes are how controlled items reach sanctioned armed forces; EU sellers must also contractually forbid re-export to Russia."),
        source: en("EU Regulation 833/2014, Article 12g; EU common high-priority items list; US BIS guidance on diversion"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[ticked("customer.transaction_red_flags", "diversion_route"), UNRESOLVED]),
    },
    RedFlagDefinition {
        id: "transaction_red_flags_resolved",
        title: en("Transaction warning signs were resolved with a documented explanation"),
        why: en("Resolved warning signs still call for the explanation to be kept with the deal and for delivery to be checked against it."),
        source: en(BIS),
        level: FlagLevel::Conditions,
        trigger: Trigger::AllOf(&[
            answer("customer.red_flags_resolved", &["yes"]),
            ANY_TRANSACTION_RED_FLAG,
        ]),
    },
    RedFlagDefinition {
        id: "behavioural_trait_inference",
        title: en("The AI system infers ethnicity, political opinion, religion or sexual orientation from behavioural or other non-biometric data"),
        why: en("Inferring such traits enables discrimination and persecution; outside the EU ban on biometric categorisation it still needs enhanced due diligence and a senior decision."),
        source: en("EU Regulation 2024/1689 (AI Act), Article 5(1)(g) and Annex III; UN Human Rights Council resolution 48/4"),
        level: FlagLevel::Escalate,
        trigger: answer("ai.sensitive_inference", &["behavioural"]),
    },
    RedFlagDefinition {
        id: "laws_enable_surveillance_abuse",
        title: en("The destination's laws enable abuse of surveillance capabilities"),
        why: en("Broad surveillance, counter-terrorism or 'foreign agent' laws used against critics turn lawful use into a route to repression."),
        source: en("US State Department guidance (2020), questions on the legal framework"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[answer("customer.enabling_laws", &["yes"]), SURVEILLANCE_CAPABILITY]),
    },
    RedFlagDefinition {
        id: "state_access_to_personal_data",
        title: en("State agencies could get the personal data the product collects"),
        why: en("Data fused with state databases, or taken from a private customer without independent oversight, exposes people to surveillance and persecution."),
        source: en("US State Department guidance (2020); Global Network Initiative Principles"),
        level: FlagLevel::Escalate,
        trigger: Trigger::AllOf(&[
            answer("end_use.state_data_access", &["yes"]),
            Trigger::AnyOf(&[
                ticked("end_use.capabilities", "identify"),
                ticked("end_use.capabilities", "track"),
                ticked("end_use.capabilities", "profile"),
            ]),
        ]),
    },
    RedFlagDefinition {
        id: "corruption_signs",
        title: en("There are signs of corruption around the deal"),
        why: en("Corruption undermines the controls that protect people and often travels with misuse."),
        source: en("BSR primer, element B (corruption); OECD Guidelines for Multinational Enterprises, chapter VII"),
        level: FlagLevel::Escalate,
        trigger: answer("customer.corruption", &["yes"]),
    },
];
