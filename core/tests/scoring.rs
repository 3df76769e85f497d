//! Table-driven tests of the scoring rules of method 2: severity, the risk matrix, the
//! know-your-customer gate, floors set by the customer and the destination, red flags (raised
//! and possible), the company's connection, safeguards, benefits and rights in tension, the
//! quick screen's limits, the migration of method-1 answers, and "what would change".

use hrdd_core::explanation::{ContributionAnswer, CountryReading, NoneCanReason};
use hrdd_core::method::{Element, FlagLevel, Mode, Perspective, Sector};
use hrdd_core::report::{
    ActionStatus, BlockReason, ChangeKind, LikelihoodBand, RiskLevel, SeverityBand, WhatWouldChange,
};
use hrdd_core::scoring::{base_severity, context_points, risk_level};
use hrdd_core::{score, Answer, Assessment, Outcome, Report};

mod common;
use common::{clean, destination, with};

/// (answers, sector, red flag id, its level)
type FlagCase = (
    &'static [(&'static str, &'static str)],
    Sector,
    &'static str,
    FlagLevel,
);
/// (connection, facilitating acts, actions expected, actions not expected)
type ConnectionCase = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

fn flag_ids(report: &Report) -> Vec<&'static str> {
    report.red_flags.iter().map(|f| f.id).collect()
}

fn has_action(report: &Report, id: &str) -> bool {
    report.actions.iter().any(|a| a.id == id)
}

#[test]
fn base_severity_table() {
    // (scale, scope, irremediability) -> base severity 0..100
    let table = [
        ((1, 1, 1), 0),
        ((2, 2, 2), 33),
        ((3, 3, 2), 56),
        ((3, 3, 3), 66),
        ((2, 4, 2), 53), // widespread but not serious: no floor
        ((3, 4, 2), 75), // widespread and serious: severe on its own (OECD)
        ((4, 1, 1), 75), // one grave dimension makes the impact severe on its own
        ((1, 1, 4), 75),
        ((4, 2, 4), 80),
        ((4, 4, 4), 100),
    ];
    for ((scale, scope, irremediability), expected) in table {
        assert_eq!(
            base_severity(scale, scope, irremediability),
            expected,
            "{scale}/{scope}/{irremediability}"
        );
    }
}

#[test]
fn risk_matrix_lets_severity_dominate_and_spares_remote_serious_impacts_the_conditions() {
    use LikelihoodBand::*;
    use RiskLevel::*;
    use SeverityBand::*;
    let table = [
        (Minor, Remote, Low),
        (Minor, VeryLikely, Medium),
        (Moderate, Possible, Low),
        (Moderate, Likely, Medium),
        (Moderate, VeryLikely, High),
        (Serious, Remote, Low), // monitoring, not the full set of conditions
        (Serious, Possible, Medium),
        (Serious, Likely, High),
        (Grave, Remote, High), // grave impacts stay high however unlikely
        (Grave, Likely, Critical),
        (Grave, VeryLikely, Critical),
    ];
    for (severity, likelihood, expected) in table {
        assert_eq!(
            risk_level(severity, likelihood),
            expected,
            "{severity:?} x {likelihood:?}"
        );
    }
    let severities = [Minor, Moderate, Serious, Grave];
    let likelihoods = [Remote, Possible, Likely, VeryLikely];
    for s in 0..4 {
        for l in 0..4 {
            if s < 3 {
                assert!(
                    risk_level(severities[s], likelihoods[l])
                        <= risk_level(severities[s + 1], likelihoods[l])
                );
            }
            if l < 3 {
                assert!(
                    risk_level(severities[s], likelihoods[l])
                        <= risk_level(severities[s], likelihoods[l + 1])
                );
            }
        }
    }
}

#[test]
fn country_context_contributes_without_cliffs() {
    let mut previous = context_points(0);
    assert_eq!(previous, 0);
    for index in 1..=100u8 {
        let points = context_points(index);
        assert!(
            points >= previous && points - previous <= 1,
            "index {index}: {previous} -> {points}"
        );
        previous = points;
    }
    assert_eq!(context_points(100), 30);
}

#[test]
fn an_empty_assessment_is_incomplete_and_blocked_never_reassuring() {
    for mode in [Mode::QuickScreen, Mode::FullAssessment] {
        for sector in Sector::ALL {
            let report = score(&Assessment::new(mode, Perspective::OurDeal, sector));
            assert_eq!(report.outcome, Outcome::Incomplete, "{mode:?} {sector:?}");
            assert!(report.decision_blocked());
            assert_eq!(report.permission(), 0);
            assert!(matches!(
                report.what_would_change,
                WhatWouldChange::AnswerOpenQuestions { .. }
            ));
        }
    }
}

#[test]
fn a_clean_deal_proceeds_in_both_modes_and_traces_every_point() {
    for mode in [Mode::QuickScreen, Mode::FullAssessment] {
        let report = score(&clean(mode, Sector::General));
        assert_eq!(
            report.outcome,
            Outcome::Proceed,
            "{mode:?}: {:?}",
            report.outcome_reason_texts()
        );
        assert_eq!(report.what_would_change, WhatWouldChange::AlreadyLowest);
        assert!(report.red_flags.is_empty() && report.possible_red_flags.is_empty());
        assert!(
            report.open_questions.is_empty(),
            "{:?}",
            report.open_questions
        );
        for element in &report.elements {
            let sum: u16 = element.contributions.iter().map(|c| c.points).sum();
            assert_eq!(
                u16::from(element.score),
                sum.min(100),
                "{:?}",
                element.element
            );
        }
        let country = report.country.expect("country context");
        assert_eq!(country.code, "NO");
        // The report names its data by reference; the attribution's words say the sources.
        let attribution = hrdd_core::i18n::Texts::english()
            .country_data_attribution()
            .to_owned();
        assert!(attribution.contains("World Bank") && attribution.contains("V-Dem"));
    }
}

#[test]
fn unknown_know_your_customer_facts_block_proceed_one_by_one() {
    for question in [
        "profile.customer_type",
        "profile.destination",
        "customer.end_user_known",
        "customer.listed_parties",
        "profile.destination_embargo",
    ] {
        let mut a = clean(Mode::QuickScreen, Sector::General);
        a.set_answer(question, Answer::DontKnow).unwrap();
        let report = score(&a);
        assert_eq!(
            report.outcome,
            Outcome::Incomplete,
            "{question}: {:?}",
            report.outcome_reason_texts()
        );
        assert!(
            report
                .blockers
                .iter()
                .any(|b| b.id == question && b.reason == BlockReason::KnowYourCustomer),
            "{question}: {:?}",
            report.blockers
        );
        assert_eq!(report.permission(), 0, "{question}");
    }
}

#[test]
fn the_customer_and_the_destination_move_the_outcome_by_themselves() {
    // No capability ticked, an ordinary product: the customer and its context decide.
    // (customer type, destination, record, expected at least, floor id)
    let table = [
        (
            "military",
            "MM",
            "allegations",
            Outcome::Escalate,
            "security_customer_high_risk_context",
        ),
        (
            "intelligence",
            "RU",
            "none",
            Outcome::Escalate,
            "security_customer_high_risk_context",
        ),
        (
            "law_enforcement",
            "NO",
            "none",
            Outcome::ProceedWithConditions,
            "security_customer",
        ),
        (
            "prisons",
            "NO",
            "none",
            Outcome::ProceedWithConditions,
            "security_customer",
        ),
        (
            "state_owned",
            "KE",
            "none",
            Outcome::ProceedWithConditions,
            "state_customer_moderate_risk_context",
        ),
        (
            "public_body",
            "CN",
            "none",
            Outcome::Escalate,
            "state_customer_very_high_risk_context",
        ),
        (
            "private_company",
            "SA",
            "none",
            Outcome::ProceedWithConditions,
            "high_risk_context",
        ),
        (
            "private_company",
            "NO",
            "allegations",
            Outcome::ProceedWithConditions,
            "allegations_against_customer",
        ),
    ];
    for (customer, country, record, at_least, floor) in table {
        for mode in [Mode::QuickScreen, Mode::FullAssessment] {
            let mut a = with(
                clean(mode, Sector::General),
                &[
                    ("profile.customer_type", customer),
                    ("customer.record_of_harm", record),
                ],
            );
            destination(&mut a, country);
            if at_least == Outcome::ProceedWithConditions
                && ["law_enforcement", "prisons", "state_owned"].contains(&customer)
            {
                // These floors need a product that acts on people or is controlled.
                a.tick("end_use.capabilities", &["track"]).unwrap();
            }
            let report = score(&a);
            assert!(
                report.outcome >= at_least && report.outcome != Outcome::Incomplete,
                "{customer} in {country} ({mode:?}): {:?} {:?}",
                report.outcome,
                report.outcome_reason_texts()
            );
            assert!(
                report.floors.iter().any(|f| f.id == floor),
                "{customer} in {country}: {:?}",
                report.floors
            );
        }
    }
}

#[test]
fn each_red_flag_answer_sets_its_floor() {
    // (answers, sector, flag id, level)
    let table: &[FlagCase] = &[
        (
            &[("end_use.purpose_disclosed", "refused")],
            Sector::General,
            "purpose_refused",
            FlagLevel::Escalate,
        ),
        (
            &[("customer.end_user_known", "hidden")],
            Sector::General,
            "end_user_hidden",
            FlagLevel::Escalate,
        ),
        (
            &[("customer.misuse_against_groups", "documented")],
            Sector::General,
            "used_against_targeted_groups",
            FlagLevel::Prohibited,
        ),
        (
            &[("customer.misuse_against_groups", "reported")],
            Sector::General,
            "reported_targeting",
            FlagLevel::Escalate,
        ),
        (
            &[("customer.listed_parties", "listed")],
            Sector::General,
            "sanctioned_party",
            FlagLevel::Prohibited,
        ),
        (
            &[("customer.listed_parties", "related_parties")],
            Sector::General,
            "sanctions_related_parties",
            FlagLevel::Escalate,
        ),
        (
            &[("end_use.inherently_harmful", "yes")],
            Sector::General,
            "inherently_harmful_use",
            FlagLevel::Prohibited,
        ),
        (
            &[("end_use.torture_goods", "torture_only")],
            Sector::General,
            "torture_only_goods",
            FlagLevel::Prohibited,
        ),
        (
            &[("end_use.torture_goods", "licensable")],
            Sector::General,
            "licensable_torture_goods",
            FlagLevel::Escalate,
        ),
        (
            &[("end_use.torture_reason_to_believe", "yes")],
            Sector::General,
            "reason_to_believe_torture",
            FlagLevel::Prohibited,
        ),
        (
            &[("end_use.torture_reason_to_believe", "credible_reports")],
            Sector::General,
            "reports_of_ill_treatment",
            FlagLevel::Escalate,
        ),
        (
            &[("customer.atrocity_risk", "clear_risk")],
            Sector::General,
            "atrocity_crimes",
            FlagLevel::Prohibited,
        ),
        (
            &[("customer.atrocity_risk", "concerns")],
            Sector::General,
            "atrocity_concerns",
            FlagLevel::Escalate,
        ),
        (
            &[
                ("end_use.product_family", "military_or_security"),
                ("profile.destination_embargo", "arms_embargo"),
            ],
            Sector::General,
            "security_goods_to_embargoed_destination",
            FlagLevel::Prohibited,
        ),
        (
            &[
                ("end_use.product_family", "dual_use"),
                ("profile.destination_embargo", "arms_embargo"),
            ],
            Sector::General,
            "dual_use_to_embargoed_destination",
            FlagLevel::Escalate,
        ),
        (
            &[
                ("end_use.product_family", "humanitarian"),
                ("profile.destination_embargo", "arms_embargo"),
            ],
            Sector::General,
            "civilian_goods_to_embargoed_destination",
            FlagLevel::Conditions,
        ),
        (
            &[("customer.unconstitutional_change", "yes")],
            Sector::General,
            "unconstitutional_change",
            FlagLevel::Escalate,
        ),
        (
            &[("customer.record_of_harm", "documented")],
            Sector::General,
            "documented_abuse_record",
            FlagLevel::Escalate,
        ),
        (
            &[("end_use.customisation", "remove_safeguards")],
            Sector::General,
            "safeguards_removal_requested",
            FlagLevel::Escalate,
        ),
        (
            &[
                ("surveillance.covert", "yes"),
                ("surveillance.independent_authorisation", "yes"),
            ],
            Sector::Surveillance,
            "covert_surveillance_tool",
            FlagLevel::Escalate,
        ),
        (
            &[("ai.sensitive_inference", "yes")],
            Sector::ArtificialIntelligence,
            "sensitive_trait_inference",
            FlagLevel::Prohibited,
        ),
        (
            &[("cloud.incitement", "yes")],
            Sector::CloudAndPlatforms,
            "incitement_hosting",
            FlagLevel::Escalate,
        ),
        (
            &[("pharma.lethal_injection_diversion", "yes")],
            Sector::PharmaAndChemicals,
            "lethal_injection_diversion",
            FlagLevel::Prohibited,
        ),
        (
            &[("pharma.lethal_injection_diversion", "possible")],
            Sector::PharmaAndChemicals,
            "lethal_injection_possible",
            FlagLevel::Escalate,
        ),
        (
            &[("machinery.evictions", "yes")],
            Sector::MachineryAndVehicles,
            "forced_evictions",
            FlagLevel::Prohibited,
        ),
        (
            &[("machinery.evictions", "possible")],
            Sector::MachineryAndVehicles,
            "eviction_risk",
            FlagLevel::Escalate,
        ),
        (
            &[("security_equipment.recent_protest_use", "documented")],
            Sector::SecurityEquipment,
            "force_against_protests",
            FlagLevel::Escalate,
        ),
        (
            &[("telecom.shutdown_orders", "yes")],
            Sector::Telecommunications,
            "network_shutdowns",
            FlagLevel::Escalate,
        ),
    ];
    for (answers, sector, flag, level) in table {
        let mut a = clean(Mode::QuickScreen, *sector);
        for pack_question in [
            ("surveillance.covert", "no"),
            ("surveillance.independent_authorisation", "yes"),
            ("ai.sensitive_inference", "no"),
            ("cloud.incitement", "no"),
            ("pharma.lethal_injection_diversion", "no"),
            ("machinery.evictions", "no"),
            ("security_equipment.recent_protest_use", "no"),
            ("telecom.shutdown_orders", "no"),
        ] {
            a.choose(pack_question.0, pack_question.1).unwrap();
        }
        let report = score(&with(a, answers));
        assert!(
            flag_ids(&report).contains(flag),
            "{flag}: {:?}",
            flag_ids(&report)
        );
        let floor = match level {
            FlagLevel::Prohibited => Outcome::DoNotProceed,
            FlagLevel::Escalate => Outcome::Escalate,
            FlagLevel::Conditions => Outcome::ProceedWithConditions,
        };
        assert!(report.outcome >= floor, "{flag}: {:?}", report.outcome);
        if *level != FlagLevel::Prohibited {
            assert_ne!(
                report.outcome,
                Outcome::DoNotProceed,
                "{flag} alone must not refuse the deal"
            );
        }
    }
}

#[test]
fn handcuffs_for_a_low_risk_police_force_escalate_with_a_licence_check_and_are_not_refused() {
    let a = with(
        clean(Mode::QuickScreen, Sector::SecurityEquipment),
        &[
            ("profile.customer_type", "law_enforcement"),
            ("end_use.product_family", "military_or_security"),
            ("end_use.torture_goods", "licensable"),
            ("security_equipment.recent_protest_use", "no"),
        ],
    );
    let report = score(&a);
    assert_eq!(
        report.outcome,
        Outcome::Escalate,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert!(has_action(&report, "check_licence_requirements"));
}

#[test]
fn humanitarian_goods_to_an_embargoed_destination_are_checked_not_refused() {
    let mut a = with(
        clean(Mode::QuickScreen, Sector::PharmaAndChemicals),
        &[
            ("profile.customer_type", "humanitarian"),
            ("end_use.product_family", "humanitarian"),
            ("profile.destination_embargo", "arms_embargo"),
            ("pharma.lethal_injection_diversion", "no"),
        ],
    );
    destination(&mut a, "SO");
    let report = score(&a);
    assert!(
        report.outcome < Outcome::DoNotProceed,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert!(flag_ids(&report).contains(&"civilian_goods_to_embargoed_destination"));
    assert!(has_action(&report, "check_licence_requirements"));
    // The same destination with security goods is refused.
    let refused = with(a, &[("end_use.product_family", "military_or_security")]);
    assert_eq!(score(&refused).outcome, Outcome::DoNotProceed);
}

#[test]
fn interception_for_a_state_agency_without_independent_oversight_is_prohibited() {
    for oversight in ["no", "on_paper"] {
        let mut a = with(
            clean(Mode::QuickScreen, Sector::General),
            &[
                ("profile.customer_type", "law_enforcement"),
                ("surveillance.covert", "no"),
                ("surveillance.independent_authorisation", oversight),
                ("ai.sensitive_inference", "no"),
                ("telecom.shutdown_orders", "no"),
            ],
        );
        a.tick("end_use.capabilities", &["intercept"]).unwrap();
        let report = score(&a);
        assert!(
            flag_ids(&report).contains(&"state_intrusion_without_oversight"),
            "{oversight}"
        );
        assert_eq!(report.outcome, Outcome::DoNotProceed);
        // The pack's questions were asked although "general" was chosen, and the report says so.
        assert!(report.packs_added.contains(&Sector::Surveillance));
    }
}

#[test]
fn an_unknown_answer_that_could_raise_a_prohibited_flag_blocks_the_decision() {
    let mut a = with(
        clean(Mode::QuickScreen, Sector::General),
        &[("profile.customer_type", "military")],
    );
    a.set_answer("customer.atrocity_risk", Answer::DontKnow)
        .unwrap();
    let report = score(&a);
    assert!(report
        .possible_red_flags
        .iter()
        .any(|f| f.id == "atrocity_crimes" && f.possible));
    assert!(report
        .blockers
        .iter()
        .any(|b| b.id == "customer.atrocity_risk"
            && b.reason == BlockReason::PossibleRedFlag("atrocity_crimes")));
    assert_eq!(report.outcome, Outcome::Incomplete);
    assert_eq!(report.permission(), 0);
}

#[test]
fn the_connection_decides_the_response() {
    // (connection, facilitating acts, actions expected, actions not expected)
    let table: &[ConnectionCase] = &[
        (
            "cause",
            &[],
            &["cease_own_activity", "provide_for_remediation"],
            &["contract_clauses", "build_and_use_leverage"],
        ),
        (
            "contribute",
            &[],
            &[
                "stop_contribution",
                "provide_for_remediation",
                "contract_clauses",
            ],
            &["cease_own_activity"],
        ),
        (
            "linked",
            &[],
            &["build_and_use_leverage", "contract_clauses"],
            &["cease_own_activity", "stop_contribution"],
        ),
        // Training in targeting moves a declared "linked" to contributing.
        (
            "linked",
            &["train_in_targeting"],
            &["stop_contribution"],
            &["build_and_use_leverage"],
        ),
    ];
    let mut next_steps = Vec::new();
    for (connection, acts, expected, absent) in table {
        let mut a = with(
            clean(Mode::FullAssessment, Sector::General),
            &[
                ("connection.type", connection),
                ("profile.customer_type", "public_body"),
            ],
        );
        destination(&mut a, "KE");
        a.tick("connection.facilitating_acts", acts).unwrap();
        // A product that acts on people, for a state customer in a moderate context.
        a.tick("end_use.capabilities", &["profile"]).unwrap();
        let report = score(&a);
        assert!(
            report.outcome >= Outcome::ProceedWithConditions,
            "{connection}: {:?}",
            report.outcome
        );
        for id in *expected {
            assert!(
                has_action(&report, id),
                "{connection} {acts:?}: {id} missing"
            );
        }
        for id in *absent {
            assert!(
                !has_action(&report, id),
                "{connection} {acts:?}: {id} present"
            );
        }
        next_steps.push(report.next_step());
    }
    next_steps.dedup();
    assert_eq!(
        next_steps.len(),
        4,
        "each connection gives its own next step: {next_steps:?}"
    );
}

#[test]
fn responsible_disengagement_is_an_option_when_leverage_is_low_and_harm_severe() {
    let mut a = with(
        clean(Mode::FullAssessment, Sector::General),
        &[
            ("profile.customer_type", "military"),
            ("profile.ongoing_relationship", "none"),
            ("connection.contract_terms", "no"),
            ("connection.traceability", "no"),
        ],
    );
    destination(&mut a, "MM");
    a.tick("end_use.capabilities", &["track"]).unwrap();
    let report = score(&a);
    assert_eq!(
        report.connection.leverage,
        Some(hrdd_core::method::Leverage::Low)
    );
    assert!(report.outcome >= Outcome::Escalate);
    assert!(has_action(&report, "consider_responsible_disengagement"));
}

#[test]
fn leverage_is_counted_once_and_paper_safeguards_earn_little_against_security_forces() {
    let base = clean(Mode::QuickScreen, Sector::General);
    let mut leverage_only = base.clone();
    leverage_only
        .tick(
            "mitigations.in_place",
            &[
                "contract_clauses",
                "suspension",
                "staged_payments",
                "warranty_void",
            ],
        )
        .unwrap();
    assert_eq!(score(&leverage_only).mitigation_reduction, 0);

    let mut paper = base.clone();
    paper
        .tick(
            "mitigations.in_place",
            &["end_use_certificate", "customer_training"],
        )
        .unwrap();
    let civilian = score(&paper).mitigation_reduction;
    let security = score(&with(
        paper.clone(),
        &[("profile.customer_type", "intelligence")],
    ))
    .mitigation_reduction;
    assert!(
        security * 3 < civilian,
        "paper against security {security}, civilian {civilian}"
    );

    let declared =
        score(&with(paper, &[("mitigations.evidence", "declared")])).mitigation_reduction;
    assert!(declared < civilian);
}

#[test]
fn planned_safeguards_become_conditions_not_credit() {
    let mut a = with(
        clean(Mode::QuickScreen, Sector::General),
        &[("profile.customer_type", "law_enforcement")],
    );
    a.tick(
        "mitigations.planned",
        &["end_use_certificate", "audit_rights"],
    )
    .unwrap();
    let report = score(&a);
    assert_eq!(report.mitigation_reduction, 0);
    let status = |id| report.actions.iter().find(|a| a.id == id).map(|a| a.status);
    assert_eq!(status("end_use_certificate"), Some(ActionStatus::Planned));
    assert_eq!(status("audits"), Some(ActionStatus::Planned));
}

#[test]
fn safeguards_lower_likelihood_but_never_severity() {
    let mut a = with(
        clean(Mode::QuickScreen, Sector::Surveillance),
        &[
            ("surveillance.covert", "no"),
            ("surveillance.independent_authorisation", "yes"),
            ("ai.sensitive_inference", "no"),
            ("profile.customer_type", "public_body"),
        ],
    );
    a.tick("end_use.capabilities", &["identify", "track"])
        .unwrap();
    let before = score(&a);
    a.tick(
        "mitigations.in_place",
        &["technical_limits", "audit_rights", "misuse_reporting"],
    )
    .unwrap();
    let after = score(&a);
    assert!(after.mitigation_reduction > 0);
    for (x, y) in before.salient_rights.iter().zip(&after.salient_rights) {
        assert_eq!(x.severity, y.severity, "{:?}", x.right);
        assert!(y.residual_likelihood <= x.residual_likelihood);
    }
    assert!(after.outcome <= before.outcome);
    let technical = after
        .actions
        .iter()
        .find(|a| a.id == "technical_limits")
        .expect("action listed");
    assert_eq!(technical.status, ActionStatus::InPlace);
}

#[test]
fn a_grave_risk_with_benefits_goes_to_a_documented_senior_decision_not_refusal_by_arithmetic() {
    let mut a = with(
        clean(Mode::FullAssessment, Sector::General),
        &[
            ("profile.customer_type", "public_body"),
            ("end_use.misuse_potential", "easily"),
        ],
    );
    destination(&mut a, "SA");
    a.rights[hrdd_core::method::Right::Privacy.index()] =
        hrdd_core::RightStatus::Rated(hrdd_core::ImpactRating {
            scale: Some(4),
            scope: Some(4),
            irremediability: Some(3),
            likelihood: Some(4),
        });
    let refused = score(&a);
    assert_eq!(
        refused.outcome,
        Outcome::DoNotProceed,
        "{:?}",
        refused.outcome_reason_texts()
    );
    a.tick("impacts.positive_rights", &["expression_and_information"])
        .unwrap();
    let report = score(&a);
    assert_eq!(report.outcome, Outcome::Escalate);
    assert!(report.rights_in_tension);
    assert_eq!(
        report.benefits,
        vec![hrdd_core::method::Right::ExpressionAndInformation]
    );
    assert!(has_action(&report, "document_senior_decision_on_tension"));
    // Benefits are shown, never netted: the right's severity is unchanged.
    assert_eq!(
        report.salient_rights[0].severity,
        refused.salient_rights[0].severity
    );
}

#[test]
fn a_serious_but_remote_impact_means_proceed_with_monitoring() {
    let mut a = clean(Mode::FullAssessment, Sector::General);
    a.rights[hrdd_core::method::Right::Privacy.index()] =
        hrdd_core::RightStatus::Rated(hrdd_core::ImpactRating {
            scale: Some(3),
            scope: Some(2),
            irremediability: Some(3),
            likelihood: Some(1),
        });
    let report = score(&a);
    assert_eq!(
        report.salient_rights[0].severity_band,
        SeverityBand::Serious
    );
    assert_eq!(
        report.outcome,
        Outcome::Proceed,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert!(has_action(&report, "monitor_after_sale"));
}

#[test]
fn a_quick_screen_refuses_only_on_prohibited_flags_and_defers_to_a_full_assessment() {
    let mut a = with(
        clean(Mode::QuickScreen, Sector::SecurityEquipment),
        &[
            ("profile.customer_type", "law_enforcement"),
            ("end_use.product_family", "military_or_security"),
            ("security_equipment.recent_protest_use", "documented"),
        ],
    );
    a.tick("end_use.capabilities", &["force"]).unwrap();
    destination(&mut a, "PE");
    let report = score(&a);
    assert_eq!(report.residual_risk, RiskLevel::Critical);
    assert_eq!(report.outcome, Outcome::Escalate);
    assert!(!report.full_assessment_needed.is_empty());
    // A quick screen with a capability never says "proceed": a full assessment is needed.
    let mut tracking = clean(Mode::QuickScreen, Sector::General);
    tracking.tick("end_use.capabilities", &["profile"]).unwrap();
    tracking.choose("ai.sensitive_inference", "no").unwrap();
    let report = score(&tracking);
    assert!(
        report.outcome > Outcome::Proceed,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert!(!report.full_assessment_needed.is_empty());
}

#[test]
fn method_one_answers_to_retired_questions_are_read_without_guessing() {
    let mut a = clean(Mode::QuickScreen, Sector::General);
    a.method_version = 1;
    for q in [
        "end_use.torture_goods",
        "end_use.torture_reason_to_believe",
        "customer.listed_parties",
        "profile.destination_embargo",
    ] {
        a.set_answer(q, Answer::Unanswered).unwrap();
    }
    a.choose("end_use.torture_or_executions", "no").unwrap();
    a.choose("customer.sanctions", "no").unwrap();
    let report = score(&a);
    assert_eq!(
        report.outcome,
        Outcome::Proceed,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert_eq!(report.migrations.len(), 2);
    // Method 1's single "yes" cannot tell banned goods from licensable ones: ask, do not guess.
    a.choose("end_use.torture_or_executions", "yes").unwrap();
    let report = score(&a);
    assert!(report.decision_blocked());
    assert!(report
        .blockers
        .iter()
        .any(|b| b.id == "end_use.torture_goods"));
    // The retired answer itself is kept.
    assert_eq!(a.answer("end_use.torture_or_executions"), Answer::Choice(1));
}

#[test]
fn dont_know_is_scored_as_the_worst_case_listed_as_open_and_never_reassures() {
    let clean = clean(Mode::QuickScreen, Sector::General);
    let mut unknown = clean.clone();
    unknown
        .set_answer("customer.record_of_harm", Answer::DontKnow)
        .unwrap();
    let (a, b) = (score(&clean), score(&unknown));
    assert!(b.element(Element::Customer).score > a.element(Element::Customer).score);
    assert!(b
        .open_questions
        .iter()
        .any(|q| q.id == "customer.record_of_harm" && q.decisive));
    assert!(b.permission() <= a.permission());
    // A possible escalation flag escalates; only a possible prohibited flag blocks.
    assert_eq!(
        b.outcome,
        Outcome::Escalate,
        "{:?}",
        b.outcome_reason_texts()
    );
    assert!(b
        .possible_red_flags
        .iter()
        .any(|f| f.id == "documented_abuse_record"));
    let mut targeting = clean.clone();
    targeting
        .set_answer("customer.misuse_against_groups", Answer::DontKnow)
        .unwrap();
    let c = score(&targeting);
    assert!(
        c.decision_blocked() && c.outcome == Outcome::Incomplete,
        "{:?}",
        c.outcome_reason_texts()
    );
}

#[test]
fn what_would_change_names_evidence_or_safeguards_never_a_bare_no() {
    // Likelihood drives the escalation: safeguards can bring it down.
    let mut a = with(
        clean(Mode::FullAssessment, Sector::General),
        &[
            ("profile.customer_type", "public_body"),
            ("end_use.misuse_potential", "easily"),
            ("end_use.scale", "city_or_region"),
        ],
    );
    a.tick("end_use.capabilities", &["profile"]).unwrap();
    a.choose("ai.sensitive_inference", "no").unwrap();
    a.choose("ai.human_review_and_bias_testing", "neither")
        .unwrap();
    a.set_answer("end_use.unintended_harm", Answer::DontKnow)
        .unwrap();
    let report = score(&a);
    match &report.what_would_change {
        WhatWouldChange::Changes { to, changes } => {
            assert!(*to < report.outcome);
            for change in changes {
                let words = hrdd_core::i18n::Texts::english().change(change, report.perspective);
                match change.kind {
                    ChangeKind::PutInPlace => assert!(words.starts_with("Put in place"), "{words}"),
                    ChangeKind::VerifyIfTrue => {
                        assert!(words.contains("Only if verified"), "{words}")
                    }
                }
            }
        }
        other => panic!("{:?}: {other:?}", report.outcome),
    }
}

#[test]
fn prohibited_flags_and_floors_say_that_no_safeguard_can_change_them() {
    let report = score(&with(
        clean(Mode::QuickScreen, Sector::General),
        &[("customer.listed_parties", "listed")],
    ));
    assert!(
        matches!(&report.what_would_change, WhatWouldChange::NoneCan { reason: NoneCanReason::ProhibitedFlags(flags) } if !flags.is_empty())
    );
    let mut floor = with(
        clean(Mode::QuickScreen, Sector::General),
        &[("profile.customer_type", "military")],
    );
    destination(&mut floor, "MM");
    let report = score(&floor);
    assert!(
        matches!(&report.what_would_change, WhatWouldChange::NoneCan { .. }),
        "{:?}",
        report.what_would_change
    );
}

#[test]
fn scoring_is_deterministic() {
    let a = clean(Mode::FullAssessment, Sector::Surveillance);
    assert_eq!(score(&a), score(&a.clone()));
}

#[test]
fn ordinary_goods_for_a_low_risk_police_force_need_no_conditions() {
    let a = with(
        clean(Mode::FullAssessment, Sector::General),
        &[
            ("profile.customer_type", "law_enforcement"),
            ("customer.security_control", "is_security_body"),
        ],
    );
    let report = score(&a);
    assert_eq!(
        report.outcome,
        Outcome::Proceed,
        "{:?}",
        report.outcome_reason_texts()
    );
}

#[test]
fn buying_through_an_integrator_does_not_hide_a_security_end_user() {
    let direct = {
        let mut a = with(
            clean(Mode::QuickScreen, Sector::General),
            &[("profile.customer_type", "law_enforcement")],
        );
        a.tick("end_use.capabilities", &["intercept"]).unwrap();
        a.choose("surveillance.independent_authorisation", "on_paper")
            .unwrap();
        a
    };
    let through_integrator = with(
        direct.clone(),
        &[
            ("profile.customer_type", "private_company"),
            ("customer.end_user_known", "named_third_party"),
            ("customer.end_user_type", "law_enforcement"),
        ],
    );
    for a in [&direct, &through_integrator] {
        let report = score(a);
        assert!(flag_ids(&report).contains(&"state_intrusion_without_oversight"));
        assert_eq!(report.outcome, Outcome::DoNotProceed);
    }
    // An unknown end-user type is a know-your-customer gap.
    let mut unknown = through_integrator.clone();
    unknown
        .set_answer("customer.end_user_type", Answer::DontKnow)
        .unwrap();
    assert_eq!(score(&unknown).permission(), 0);
}

#[test]
fn an_override_cannot_lower_what_the_rules_read_nor_the_score_by_more_than_one_step() {
    let mut a = with(
        clean(Mode::QuickScreen, Sector::General),
        &[("profile.customer_type", "intelligence")],
    );
    destination(&mut a, "RU");
    let before = score(&a);
    assert!(before
        .floors
        .iter()
        .any(|f| f.id == "security_customer_high_risk_context"));
    a.country_override = Some(hrdd_core::CountryOverride {
        level: hrdd_core::method::ContextLevel::Low,
        reason: "capital region only".into(),
    });
    let after = score(&a);
    assert_eq!(
        after.outcome,
        before.outcome,
        "{:?}",
        after.outcome_reason_texts()
    );
    let destination_line = &after.element(Element::Customer).contributions;
    assert!(
        destination_line
            .iter()
            .any(|c| c.source_id == "profile.destination"
                && matches!(
                    c.answer,
                    ContributionAnswer::Country {
                        reading: CountryReading::SetByAssessor(_),
                        ..
                    }
                )),
        "{destination_line:?}"
    );
    let country = after.country.unwrap();
    assert!(country.override_limited);
    assert_eq!(country.level_used, hrdd_core::method::ContextLevel::High);
    // Raising works freely.
    let mut raised = with(clean(Mode::QuickScreen, Sector::General), &[]);
    raised.country_override = Some(hrdd_core::CountryOverride {
        level: hrdd_core::method::ContextLevel::VeryHigh,
        reason: "conflict in the region of delivery since the data".into(),
    });
    assert_eq!(score(&raised).outcome, Outcome::ProceedWithConditions);
}

#[test]
fn benefits_never_soften_a_harm_the_company_causes_or_contributes_to_nor_a_critical_risk_to_life() {
    let grave_privacy = hrdd_core::RightStatus::Rated(hrdd_core::ImpactRating {
        scale: Some(4),
        scope: Some(4),
        irremediability: Some(3),
        likelihood: Some(4),
    });
    let mut base = with(
        clean(Mode::FullAssessment, Sector::General),
        &[
            ("profile.customer_type", "public_body"),
            ("end_use.misuse_potential", "easily"),
        ],
    );
    destination(&mut base, "SA");
    base.tick("impacts.positive_rights", &["expression_and_information"])
        .unwrap();
    let mut linked = base.clone();
    linked.rights[hrdd_core::method::Right::Privacy.index()] = grave_privacy;
    assert_eq!(
        score(&linked).outcome,
        Outcome::Escalate,
        "the tension case itself"
    );
    // Contributing: benefits do not soften.
    let contribute = with(linked.clone(), &[("connection.type", "contribute")]);
    let report = score(&contribute);
    assert_eq!(
        report.outcome,
        Outcome::DoNotProceed,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert!(!report.rights_in_tension);
    // A critical risk to freedom from torture: benefits do not soften either.
    let mut torture = base.clone();
    torture.rights[hrdd_core::method::Right::FreedomFromTorture.index()] = grave_privacy;
    let report = score(&torture);
    assert_eq!(
        report.outcome,
        Outcome::DoNotProceed,
        "{:?}",
        report.outcome_reason_texts()
    );
}

#[test]
fn a_critical_risk_that_rests_on_an_unknown_rating_blocks_instead_of_refusing() {
    let mut a = with(
        clean(Mode::FullAssessment, Sector::General),
        &[
            ("profile.customer_type", "public_body"),
            ("end_use.misuse_potential", "easily"),
        ],
    );
    destination(&mut a, "SA");
    a.rights[hrdd_core::method::Right::Privacy.index()] =
        hrdd_core::RightStatus::Rated(hrdd_core::ImpactRating {
            scale: None,
            scope: Some(2),
            irremediability: Some(2),
            likelihood: Some(4),
        });
    let report = score(&a);
    assert_eq!(report.residual_risk, RiskLevel::Critical);
    assert_ne!(
        report.outcome,
        Outcome::DoNotProceed,
        "{:?}",
        report.outcome_reason_texts()
    );
    assert!(report
        .blockers
        .iter()
        .any(|b| b.reason == BlockReason::UnknownsDriveCriticalRisk));
    assert_eq!(report.permission(), 0);
    assert!(report
        .open_questions
        .iter()
        .any(|q| q.id == "rights.privacy.scale"));
}

#[test]
fn the_quick_screen_counts_what_it_did_not_ask_and_the_full_assessment_asks_it() {
    let quick = score(&clean(Mode::QuickScreen, Sector::General));
    let full = score(&clean(Mode::FullAssessment, Sector::General));
    let expected = hrdd_core::method::QUESTIONS
        .iter()
        .filter(|q| {
            !q.retired
                && q.scope == hrdd_core::method::Scope::Full
                && q.sector.is_none()
                && q.asked_when.is_none()
        })
        .count();
    assert_eq!(quick.not_asked, expected);
    assert_eq!(full.not_asked, 0);
}

#[test]
fn the_beneficial_purpose_is_shown_only_when_written() {
    let mut a = clean(Mode::QuickScreen, Sector::General);
    assert_eq!(score(&a).beneficial_purpose, None);
    a.text.beneficial_purpose = "  Clean water for schools ".into();
    assert_eq!(
        score(&a).beneficial_purpose.as_deref(),
        Some("Clean water for schools")
    );
}

#[test]
fn an_unknown_product_family_counts_as_a_controlled_product() {
    let mut a = clean(Mode::FullAssessment, Sector::General);
    a.set_answer("end_use.product_family", Answer::DontKnow)
        .unwrap();
    let report = score(&a);
    let baseline = report.element(Element::EndUse).contributions[0].points;
    assert_eq!(baseline, 20);
    assert!(report.element(Element::EndUse).score >= 20);
}

#[test]
fn unknown_warning_signs_said_to_be_resolved_still_need_conditions() {
    let mut a = clean(Mode::FullAssessment, Sector::General);
    a.set_answer("customer.transaction_red_flags", Answer::DontKnow)
        .unwrap();
    a.choose("customer.red_flags_resolved", "yes").unwrap();
    let report = score(&a);
    assert!(report
        .possible_red_flags
        .iter()
        .any(|f| f.id == "transaction_red_flags_resolved"));
    assert!(
        report.outcome >= Outcome::ProceedWithConditions,
        "{:?}",
        report.outcome_reason_texts()
    );
    // Ticked and resolved: a check, not an escalation.
    a.tick("customer.transaction_red_flags", &["unusual_payment"])
        .unwrap();
    let report = score(&a);
    assert_eq!(
        report.outcome,
        Outcome::ProceedWithConditions,
        "{:?}",
        report.outcome_reason_texts()
    );
    // Ticked and not resolved: escalation.
    a.choose("customer.red_flags_resolved", "no").unwrap();
    assert_eq!(score(&a).outcome, Outcome::Escalate);
}

#[test]
fn the_connection_is_raised_to_contributing_never_lowered_and_says_so() {
    let mut linked = clean(Mode::FullAssessment, Sector::General);
    linked
        .tick("connection.facilitating_acts", &["market_for_risky_use"])
        .unwrap();
    let report = score(&linked);
    assert_eq!(
        report.connection.established,
        Some(hrdd_core::method::Connection::Contribute)
    );
    assert!(report.connection.raised_by_facilitating_acts);
    // Causing stays causing: acts that facilitate do not lower it to contributing.
    let cause = with(linked, &[("connection.type", "cause")]);
    let report = score(&cause);
    assert_eq!(
        report.connection.established,
        Some(hrdd_core::method::Connection::Cause)
    );
    assert!(!report.connection.raised_by_facilitating_acts);
    // Customisation that extends the capability also makes the company a contributor.
    let extends = with(
        clean(Mode::FullAssessment, Sector::General),
        &[("end_use.customisation", "extends_capability")],
    );
    assert_eq!(
        score(&extends).connection.established,
        Some(hrdd_core::method::Connection::Contribute)
    );
}

#[test]
fn raised_red_flags_say_whether_they_prohibit() {
    let report = score(&with(
        clean(Mode::QuickScreen, Sector::General),
        &[
            ("customer.listed_parties", "listed"),
            ("customer.end_user_known", "hidden"),
            ("customer.end_user_type", "private_company"),
        ],
    ));
    for flag in &report.red_flags {
        assert_eq!(
            flag.prohibited,
            flag.level == FlagLevel::Prohibited,
            "{}",
            flag.id
        );
    }
    assert!(report.red_flags.iter().any(|f| f.prohibited));
    assert!(report.red_flags.iter().any(|f| !f.prohibited));
}

#[test]
fn a_method_one_dont_know_is_carried_over_and_said() {
    let mut a = clean(Mode::QuickScreen, Sector::General);
    a.method_version = 1;
    for q in ["customer.listed_parties", "profile.destination_embargo"] {
        a.set_answer(q, Answer::Unanswered).unwrap();
    }
    a.set_answer("customer.sanctions", Answer::DontKnow)
        .unwrap();
    let report = score(&a);
    assert_eq!(report.migrations.len(), 1, "{:?}", report.migrations);
    assert!(report
        .blockers
        .iter()
        .any(|b| b.id == "customer.listed_parties"));
}
