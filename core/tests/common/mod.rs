//! A clean deal to start tests from, shared by the test files that build assessments by hand.
#![allow(dead_code)]

use hrdd_core::method::{Mode, Perspective, Sector};
use hrdd_core::{Answer, Assessment};

/// Answers of a clean deal: every answer at its least risky option, destination Norway.
pub const CLEAN_QUICK: &[(&str, &str)] = &[
    ("profile.customer_type", "private_company"),
    ("profile.channel", "direct"),
    ("profile.ongoing_relationship", "continuing"),
    ("profile.destination_embargo", "none_checked"),
    ("end_use.product_family", "civilian"),
    ("end_use.purpose_disclosed", "in_writing"),
    ("end_use.inherently_harmful", "no"),
    ("end_use.torture_goods", "none"),
    ("end_use.torture_reason_to_believe", "no"),
    ("end_use.fits_business", "yes"),
    ("end_use.customisation", "none"),
    ("customer.end_user_known", "buyer_itself"),
    ("customer.record_of_harm", "none"),
    ("customer.misuse_against_groups", "no"),
    ("customer.listed_parties", "none_screened"),
    ("customer.atrocity_risk", "no"),
    ("customer.unconstitutional_change", "no"),
    ("customer.security_control", "no"),
    ("mitigations.evidence", "verified"),
    // Pack questions, asked only when their pack applies.
    ("surveillance.covert", "no"),
    ("surveillance.independent_authorisation", "yes"),
    ("ai.sensitive_inference", "no"),
    ("telecom.shutdown_orders", "no"),
    ("cloud.incitement", "no"),
    ("pharma.lethal_injection_diversion", "no"),
    ("machinery.evictions", "no"),
    ("security_equipment.recent_protest_use", "no"),
];

pub const CLEAN_FULL_EXTRA: &[(&str, &str)] = &[
    ("end_use.misuse_potential", "hard"),
    ("end_use.unintended_harm", "unlikely"),
    ("end_use.scale", "organisation"),
    ("end_use.state_data_access", "no"),
    ("end_use.disallowed_uses", "in_contract"),
    ("customer.final_destination", "user_site"),
    ("customer.human_rights_commitment", "with_processes"),
    ("customer.policy_versus_practice", "matches"),
    ("customer.modify_or_reexport", "no"),
    ("customer.enabling_laws", "no"),
    ("customer.corruption", "no"),
    ("impacts.remedy", "yes"),
    ("impacts.cumulative", "no"),
    ("impacts.not_proceeding", "little"),
    ("connection.type", "linked"),
    ("connection.contract_terms", "yes"),
    ("connection.traceability", "yes"),
    ("connection.relationship", "existing"),
    ("ai.human_review_and_bias_testing", "both"),
    ("telecom.direct_access", "no"),
    ("cloud.authority_data_access", "no"),
    ("pharma.safe_handling", "yes"),
    ("machinery.military_adaptation", "no"),
];

pub const CLEAN_CHECKLISTS: &[&str] = &[
    "end_use.capabilities",
    "impacts.groups",
    "impacts.positive_rights",
    "mitigations.in_place",
    "mitigations.planned",
    "customer.transaction_red_flags",
];

pub const CLEAN_FULL_CHECKLISTS: &[&str] = &["customer.refusals", "connection.facilitating_acts"];

pub fn clean(mode: Mode, sector: Sector) -> Assessment {
    let mut a = Assessment::new(mode, Perspective::OurDeal, sector);
    let full = mode == Mode::FullAssessment;
    for (question, choice) in CLEAN_QUICK
        .iter()
        .chain(CLEAN_FULL_EXTRA.iter().filter(|_| full))
    {
        a.choose(question, choice).unwrap();
    }
    for checklist in CLEAN_CHECKLISTS
        .iter()
        .chain(CLEAN_FULL_CHECKLISTS.iter().filter(|_| full))
    {
        a.tick(checklist, &[]).unwrap();
    }
    // The sanctions screening on record: two lists, a recent day.
    a.tick("customer.screening_lists", &["un", "eu"]).unwrap();
    a.set_answer(
        "customer.screening_date",
        Answer::Date(hrdd_core::dates::Day::parse("2026-11-20").unwrap()),
    )
    .unwrap();
    destination(&mut a, "NO");
    a
}

pub fn destination(a: &mut Assessment, code: &str) {
    a.set_answer(
        "profile.destination",
        Answer::Country(code.parse().unwrap()),
    )
    .unwrap();
}

pub fn with(mut a: Assessment, answers: &[(&str, &str)]) -> Assessment {
    for (question, choice) in answers {
        a.choose(question, choice)
            .unwrap_or_else(|e| panic!("{question}={choice}: {e}"));
    }
    a
}
