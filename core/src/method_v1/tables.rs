//! Method 1's tables as they were at commit 1d0fde2, reduced to what the arithmetic needs: ids,
//! option keys, points, scopes, flags and thresholds. Every text is left out on purpose. Frozen:
//! see the module documentation of `crate::method_v1`.

use crate::method::{ContextLevel, Element, Right, Sector};
use Kind::{Checklist, Country, Single};
use Scope::{Full, Quick};
use Sector::{
    ArtificialIntelligence, CloudAndPlatforms, MachineryAndVehicles, PharmaAndChemicals,
    SecurityEquipment, Surveillance, Telecommunications,
};
use Trigger::{AllOf, AnswerIs, AnyOf, Ticked};

/// Which modes ask a question.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Asked in the quick screen and the full assessment.
    Quick,
    /// Asked only in the full assessment.
    Full,
}

/// Options (single choice) or items (checklist) as (key, points), in catalogue order.
pub(super) type Options = &'static [(&'static str, u8)];

#[derive(Clone, Copy)]
pub(super) enum Kind {
    Single(Options),
    Checklist(Options),
    /// The destination country; its points come from the country context level.
    Country,
}

pub(super) struct Question {
    pub id: &'static str,
    /// The element the points feed; impacts questions feed severity instead.
    pub scored: Option<Element>,
    pub scope: Scope,
    /// Asked only with this sector pack (None: every sector).
    pub sector: Option<Sector>,
    pub decisive: bool,
    pub kind: Kind,
}

impl Question {
    pub fn options(&self) -> Options {
        match self.kind {
            Kind::Single(options) | Kind::Checklist(options) => options,
            Kind::Country => &[],
        }
    }
}

const fn q(
    id: &'static str,
    scored: Option<Element>,
    scope: Scope,
    sector: Option<Sector>,
    decisive: bool,
    kind: Kind,
) -> Question {
    Question {
        id,
        scored,
        scope,
        sector,
        decisive,
        kind,
    }
}

const A: Option<Element> = Some(Element::EndUse);
const B: Option<Element> = Some(Element::Customer);
const C: Option<Element> = Some(Element::Impacts);
const D: Option<Element> = Some(Element::Connection);
const NOT_SCORED: Option<Element> = None;
const ALL: Option<Sector> = None;
const DECISIVE: bool = true;
const NOT_DECISIVE: bool = false;

/// Method 1's 45 questions, at the positions they hold in every later catalogue.
#[rustfmt::skip]
pub(super) static QUESTIONS: [Question; 45] = [
    q("profile.customer_type", B, Quick, ALL, DECISIVE, Single(&[("private_company", 0), ("ngo_or_academic", 0), ("public_body", 10), ("state_owned", 10), ("reseller", 15), ("law_enforcement", 25), ("military", 30), ("intelligence", 35)])),
    q("profile.channel", B, Quick, ALL, NOT_DECISIVE, Single(&[("direct", 0), ("through_partner", 10), ("self_service", 10)])),
    q("profile.destination", B, Quick, ALL, DECISIVE, Country),
    q("profile.ongoing_relationship", D, Quick, ALL, NOT_DECISIVE, Single(&[("continuing", 0), ("limited", 8), ("none", 15)])),
    q("end_use.purpose_disclosed", A, Quick, ALL, DECISIVE, Single(&[("in_writing", 0), ("informally", 5), ("vaguely", 15), ("refused", 30)])),
    q("end_use.inherently_harmful", A, Quick, ALL, DECISIVE, Single(&[("no", 0), ("depends", 20), ("yes", 50)])),
    q("end_use.torture_or_executions", A, Quick, ALL, DECISIVE, Single(&[("no", 0), ("yes", 50)])),
    q("end_use.capabilities", A, Quick, ALL, DECISIVE, Checklist(&[("identify", 10), ("track", 10), ("intercept", 15), ("censor", 10), ("profile", 10), ("force", 15)])),
    q("end_use.fits_business", A, Quick, ALL, DECISIVE, Single(&[("yes", 0), ("partly", 10), ("no", 25)])),
    q("end_use.customisation", A, Quick, ALL, DECISIVE, Single(&[("none", 0), ("configuration", 3), ("extends_capability", 15), ("remove_safeguards", 30)])),
    q("end_use.misuse_potential", A, Full, ALL, NOT_DECISIVE, Single(&[("hard", 0), ("some_effort", 10), ("easily", 20)])),
    q("end_use.unintended_harm", A, Full, ALL, NOT_DECISIVE, Single(&[("unlikely", 0), ("possible", 8), ("likely", 15)])),
    q("end_use.scale", A, Full, ALL, NOT_DECISIVE, Single(&[("few", 0), ("organisation", 5), ("city_or_region", 12), ("national", 20)])),
    q("customer.end_user_known", B, Quick, ALL, DECISIVE, Single(&[("buyer_itself", 0), ("named_third_party", 5), ("hidden", 25)])),
    q("customer.record_of_harm", B, Quick, ALL, DECISIVE, Single(&[("none", 0), ("allegations", 15), ("documented", 30)])),
    q("customer.misuse_against_groups", B, Quick, ALL, DECISIVE, Single(&[("no", 0), ("reported", 20), ("documented", 40)])),
    q("customer.sanctions", B, Quick, ALL, DECISIVE, Single(&[("no", 0), ("related_parties", 20), ("yes", 40)])),
    q("customer.unconstitutional_change", B, Quick, ALL, NOT_DECISIVE, Single(&[("no", 0), ("yes", 25)])),
    q("customer.security_control", B, Full, ALL, DECISIVE, Single(&[("no", 0), ("indirectly", 15), ("yes", 25)])),
    q("customer.final_destination", B, Full, ALL, NOT_DECISIVE, Single(&[("user_site", 0), ("distributor", 10), ("forwarder", 25)])),
    q("customer.refusals", B, Full, ALL, NOT_DECISIVE, Checklist(&[("services", 15), ("end_use_statement", 20), ("rights_clauses", 20)])),
    q("customer.human_rights_commitment", B, Full, ALL, NOT_DECISIVE, Single(&[("with_processes", 0), ("policy_only", 8), ("none", 15)])),
    q("customer.policy_versus_practice", B, Full, ALL, NOT_DECISIVE, Single(&[("matches", 0), ("some_gaps", 10), ("contradicts", 20)])),
    q("customer.modify_or_reexport", B, Full, ALL, NOT_DECISIVE, Single(&[("no", 0), ("modify", 10), ("reexport_known", 15), ("reexport_undisclosed", 30)])),
    q("impacts.groups", C, Quick, ALL, NOT_DECISIVE, Checklist(&[("human_rights_defenders", 5), ("journalists", 5), ("political_opposition", 5), ("minorities", 5), ("migrants_refugees", 5), ("lgbti", 5), ("children", 5), ("women", 5), ("indigenous_peoples", 5)])),
    q("impacts.remedy", C, Full, ALL, NOT_DECISIVE, Single(&[("yes", 0), ("limited", 8), ("no", 15)])),
    q("connection.type", D, Full, ALL, DECISIVE, Single(&[("linked", 5), ("contribute", 20), ("cause", 30)])),
    q("connection.facilitating_acts", D, Full, ALL, NOT_DECISIVE, Checklist(&[("customise_for_risky_use", 10), ("market_for_risky_use", 10), ("train_in_targeting", 15), ("remove_safeguards", 15)])),
    q("connection.contract_terms", D, Full, ALL, NOT_DECISIVE, Single(&[("yes", 0), ("limited", 8), ("no", 15)])),
    q("connection.traceability", D, Full, ALL, NOT_DECISIVE, Single(&[("yes", 0), ("partly", 8), ("no", 15)])),
    // Points here are likelihood removed by each safeguard, not element points.
    q("mitigations.in_place", NOT_SCORED, Quick, ALL, NOT_DECISIVE, Checklist(&[("contract_clauses", 8), ("end_use_certificate", 6), ("resale_restrictions", 6), ("technical_limits", 10), ("customer_training", 4), ("audit_rights", 8), ("misuse_reporting", 4), ("suspension", 10), ("warranty_void", 4), ("staged_payments", 4)])),
    q("surveillance.covert", A, Quick, Some(Surveillance), DECISIVE, Single(&[("no", 0), ("yes", 30)])),
    q("surveillance.independent_authorisation", B, Full, Some(Surveillance), NOT_DECISIVE, Single(&[("yes", 0), ("on_paper", 12), ("no", 20)])),
    q("ai.sensitive_inference", A, Quick, Some(ArtificialIntelligence), DECISIVE, Single(&[("no", 0), ("yes", 40)])),
    q("ai.human_review_and_bias_testing", A, Full, Some(ArtificialIntelligence), NOT_DECISIVE, Single(&[("both", 0), ("one", 10), ("neither", 20)])),
    q("telecom.shutdown_orders", B, Quick, Some(Telecommunications), NOT_DECISIVE, Single(&[("no", 0), ("yes", 20)])),
    q("telecom.direct_access", A, Full, Some(Telecommunications), NOT_DECISIVE, Single(&[("no", 0), ("yes", 30)])),
    q("cloud.incitement", A, Quick, Some(CloudAndPlatforms), DECISIVE, Single(&[("no", 0), ("risk", 15), ("yes", 30)])),
    q("cloud.authority_data_access", B, Full, Some(CloudAndPlatforms), NOT_DECISIVE, Single(&[("no", 0), ("yes", 20)])),
    q("pharma.lethal_injection_diversion", A, Quick, Some(PharmaAndChemicals), DECISIVE, Single(&[("no", 0), ("possible", 20), ("yes", 50)])),
    q("pharma.safe_handling", A, Full, Some(PharmaAndChemicals), NOT_DECISIVE, Single(&[("yes", 0), ("partly", 8), ("no", 15)])),
    q("machinery.evictions", A, Quick, Some(MachineryAndVehicles), DECISIVE, Single(&[("no", 0), ("possible", 15), ("yes", 35)])),
    q("machinery.military_adaptation", A, Full, Some(MachineryAndVehicles), NOT_DECISIVE, Single(&[("no", 0), ("yes", 15)])),
    q("security_equipment.torture_only_goods", A, Quick, Some(SecurityEquipment), DECISIVE, Single(&[("no", 0), ("yes", 50)])),
    q("security_equipment.recent_protest_use", B, Quick, Some(SecurityEquipment), DECISIVE, Single(&[("no", 0), ("reported", 20), ("documented", 35)])),
];

/// A condition on the answers (method 1's `Trigger`).
pub(super) enum Trigger {
    /// An in-scope single-choice question has one of these options.
    AnswerIs(&'static str, &'static [&'static str]),
    /// An in-scope checklist question has this item ticked.
    Ticked(&'static str, &'static str),
    /// A destination is given and its context level (derived or overridden) is at least this.
    ContextAtLeast(ContextLevel),
    AllOf(&'static [Trigger]),
    AnyOf(&'static [Trigger]),
}

pub(super) struct RedFlag {
    pub id: &'static str,
    /// Prohibited flags force "do not proceed"; the others force at least "escalate".
    pub prohibited: bool,
    pub trigger: Trigger,
}

const fn flag(id: &'static str, prohibited: bool, trigger: Trigger) -> RedFlag {
    RedFlag {
        id,
        prohibited,
        trigger,
    }
}

const PROHIBITED: bool = true;
const ESCALATE: bool = false;

pub(super) const SECURITY_CUSTOMER: Trigger = AnswerIs(
    "profile.customer_type",
    &["law_enforcement", "military", "intelligence"],
);
const CIVILIAN_CUSTOMER: Trigger = AnswerIs(
    "profile.customer_type",
    &[
        "private_company",
        "ngo_or_academic",
        "public_body",
        "state_owned",
    ],
);
const SURVEILLANCE_CAPABILITY: Trigger = AnyOf(&[
    Ticked("end_use.capabilities", "identify"),
    Ticked("end_use.capabilities", "track"),
    Ticked("end_use.capabilities", "intercept"),
]);

/// Method 1's 28 red flags, in its order (the order reports list them in).
#[rustfmt::skip]
pub(super) static RED_FLAGS: [RedFlag; 28] = [
    flag("purpose_refused", ESCALATE, AnswerIs("end_use.purpose_disclosed", &["refused"])),
    flag("end_user_hidden", ESCALATE, AnswerIs("customer.end_user_known", &["hidden"])),
    flag("capabilities_do_not_fit", ESCALATE, AnswerIs("end_use.fits_business", &["no"])),
    flag("security_forces_behind_civilian_use", ESCALATE, AllOf(&[CIVILIAN_CUSTOMER, AnswerIs("customer.security_control", &["yes", "indirectly"])])),
    flag("services_declined", ESCALATE, Ticked("customer.refusals", "services")),
    flag("forwarder_destination", ESCALATE, AnswerIs("customer.final_destination", &["forwarder"])),
    flag("used_against_targeted_groups", PROHIBITED, AnswerIs("customer.misuse_against_groups", &["documented"])),
    flag("safeguards_removal_requested", ESCALATE, AnyOf(&[AnswerIs("end_use.customisation", &["remove_safeguards"]), Ticked("connection.facilitating_acts", "remove_safeguards")])),
    flag("embargo_or_sanctions", PROHIBITED, AnswerIs("customer.sanctions", &["yes"])),
    flag("sanctions_related_parties", ESCALATE, AnswerIs("customer.sanctions", &["related_parties"])),
    flag("unconstitutional_change", ESCALATE, AnswerIs("customer.unconstitutional_change", &["yes"])),
    flag("inherently_harmful_use", PROHIBITED, AnswerIs("end_use.inherently_harmful", &["yes"])),
    flag("torture_or_executions", PROHIBITED, AnswerIs("end_use.torture_or_executions", &["yes"])),
    flag("documented_abuse_record", ESCALATE, AnswerIs("customer.record_of_harm", &["documented"])),
    flag("security_surveillance_high_risk_country", ESCALATE, AllOf(&[SECURITY_CUSTOMER, SURVEILLANCE_CAPABILITY, Trigger::ContextAtLeast(ContextLevel::High)])),
    flag("reexport_undisclosed", ESCALATE, AnswerIs("customer.modify_or_reexport", &["reexport_undisclosed"])),
    flag("training_in_targeting", ESCALATE, Ticked("connection.facilitating_acts", "train_in_targeting")),
    flag("end_use_statement_refused", ESCALATE, Ticked("customer.refusals", "end_use_statement")),
    flag("rights_clauses_refused", ESCALATE, Ticked("customer.refusals", "rights_clauses")),
    flag("covert_surveillance_tool", ESCALATE, AnswerIs("surveillance.covert", &["yes"])),
    flag("sensitive_trait_inference", PROHIBITED, AnswerIs("ai.sensitive_inference", &["yes"])),
    flag("direct_network_access", ESCALATE, AnswerIs("telecom.direct_access", &["yes"])),
    flag("network_shutdowns", ESCALATE, AnswerIs("telecom.shutdown_orders", &["yes"])),
    flag("incitement_hosting", ESCALATE, AnswerIs("cloud.incitement", &["yes"])),
    flag("lethal_injection_diversion", PROHIBITED, AnswerIs("pharma.lethal_injection_diversion", &["yes"])),
    flag("forced_evictions", ESCALATE, AnswerIs("machinery.evictions", &["yes"])),
    flag("torture_only_goods", PROHIBITED, AnswerIs("security_equipment.torture_only_goods", &["yes"])),
    flag("force_against_protests", ESCALATE, AnswerIs("security_equipment.recent_protest_use", &["documented"])),
];

/// The rights method 1 knew, in its order (the order of `Assessment::rights`).
pub(super) const RIGHTS: [Right; 14] = [
    Right::Privacy,
    Right::ExpressionAndInformation,
    Right::AssemblyAndAssociation,
    Right::NonDiscrimination,
    Right::LifeLibertyAndSecurity,
    Right::FreedomFromTorture,
    Right::FairTrialAndRemedy,
    Right::Health,
    Right::HousingAndLand,
    Right::Work,
    Right::Environment,
    Right::ChildrensRights,
    Right::IndigenousPeoplesRights,
    Right::PoliticalParticipation,
];

/// An impact presumed until the assessor rates the right: (right, scale, scope,
/// irremediability), ratings 1 to 4.
pub(super) type Presumed = (Right, u8, u8, u8);

/// Impacts presumed for each item of `end_use.capabilities`, in item order.
#[rustfmt::skip]
pub(super) const CAPABILITY_IMPACTS: [&[Presumed]; 6] = [
    // identify
    &[(Right::Privacy, 3, 3, 2), (Right::NonDiscrimination, 3, 2, 2), (Right::AssemblyAndAssociation, 3, 3, 2)],
    // track
    &[(Right::Privacy, 3, 3, 2), (Right::LifeLibertyAndSecurity, 3, 2, 3)],
    // intercept
    &[(Right::Privacy, 3, 3, 2), (Right::ExpressionAndInformation, 3, 3, 2), (Right::LifeLibertyAndSecurity, 3, 2, 3)],
    // censor
    &[(Right::ExpressionAndInformation, 3, 4, 2), (Right::PoliticalParticipation, 3, 3, 2)],
    // profile
    &[(Right::NonDiscrimination, 3, 3, 2), (Right::Privacy, 2, 3, 2), (Right::FairTrialAndRemedy, 2, 2, 2)],
    // force
    &[(Right::LifeLibertyAndSecurity, 4, 2, 4), (Right::FreedomFromTorture, 4, 2, 4), (Right::AssemblyAndAssociation, 3, 3, 2)],
];

/// Impacts presumed for a sector whatever the capabilities (none for `General`).
#[rustfmt::skip]
pub(super) const SECTOR_IMPACTS: [(Sector, &[Presumed]); 7] = [
    (Surveillance, &[(Right::Privacy, 3, 3, 2), (Right::ExpressionAndInformation, 3, 3, 2)]),
    (ArtificialIntelligence, &[(Right::NonDiscrimination, 2, 3, 2), (Right::Privacy, 2, 3, 2)]),
    (Telecommunications, &[(Right::Privacy, 2, 4, 2), (Right::ExpressionAndInformation, 2, 4, 2)]),
    (CloudAndPlatforms, &[(Right::ExpressionAndInformation, 2, 3, 2), (Right::Privacy, 2, 3, 2)]),
    (PharmaAndChemicals, &[(Right::Health, 2, 3, 2), (Right::Environment, 2, 2, 3)]),
    (MachineryAndVehicles, &[(Right::HousingAndLand, 2, 2, 3), (Right::Work, 2, 2, 2)]),
    (SecurityEquipment, &[(Right::AssemblyAndAssociation, 3, 3, 2), (Right::LifeLibertyAndSecurity, 3, 2, 3)]),
];

/// Presumed for police, military and intelligence customers when nothing else presumes it.
pub(super) const PRESUMED_FOR_SECURITY_CUSTOMERS: Presumed =
    (Right::LifeLibertyAndSecurity, 2, 2, 3);

/// Points the product category adds to element A (none for `General`).
pub(super) const SECTOR_BASELINE_POINTS: [(Sector, u8); 7] = [
    (Surveillance, 20),
    (ArtificialIntelligence, 10),
    (Telecommunications, 10),
    (CloudAndPlatforms, 5),
    (PharmaAndChemicals, 5),
    (MachineryAndVehicles, 5),
    (SecurityEquipment, 20),
];

/// Points the country context adds to element B, by level: low, moderate, high, very high.
pub(super) const COUNTRY_CONTEXT_POINTS: [u8; 4] = [0, 10, 20, 30];
/// Decisive questions left unknown that make the assessment incomplete.
pub(super) const DECISIVE_GAPS_FOR_INCOMPLETE: usize = 3;
/// Likelihood weights of elements A, B and D (sum 100).
pub(super) const LIKELIHOOD_WEIGHTS: [u32; 3] = [35, 45, 20];
/// Safeguards remove at most this share (percent) of the inherent likelihood.
pub(super) const MAX_MITIGATION_REDUCTION_PERCENT: u32 = 50;
/// Cap on the severity added by groups at heightened risk.
pub(super) const GROUP_SEVERITY_CAP: u16 = 15;
