//! Table-driven tests of the scoring rules: severity, the risk matrix, the outcome gate, red
//! flags, evidence gaps, safeguards and "what would change the outcome".

use hrdd_core::method::{Mode, Perspective, Sector};
use hrdd_core::report::{ActionStatus, LikelihoodBand, RiskLevel, SeverityBand, WhatWouldChange};
use hrdd_core::scoring::{base_severity, risk_level};
use hrdd_core::{score, Answer, Assessment, CountryOverride, Outcome};

/// A quick screen with every answer at its least risky option, destination Norway.
fn clean_quick_screen(sector: Sector) -> Assessment {
    let mut a = Assessment::new(Mode::QuickScreen, Perspective::OurDeal, sector);
    for (question, choice) in [
        ("profile.customer_type", "private_company"),
        ("profile.channel", "direct"),
        ("profile.ongoing_relationship", "continuing"),
        ("end_use.purpose_disclosed", "in_writing"),
        ("end_use.inherently_harmful", "no"),
        ("end_use.torture_or_executions", "no"),
        ("end_use.fits_business", "yes"),
        ("end_use.customisation", "none"),
        ("customer.end_user_known", "buyer_itself"),
        ("customer.record_of_harm", "none"),
        ("customer.misuse_against_groups", "no"),
        ("customer.sanctions", "no"),
        ("customer.unconstitutional_change", "no"),
    ] {
        a.choose(question, choice).unwrap();
    }
    for checklist in [
        "end_use.capabilities",
        "impacts.groups",
        "mitigations.in_place",
    ] {
        a.tick(checklist, &[]).unwrap();
    }
    a.set_answer(
        "profile.destination",
        Answer::Country("NO".parse().unwrap()),
    )
    .unwrap();
    a
}

#[test]
fn base_severity_table() {
    // (scale, scope, irremediability) -> base severity 0..100
    let table = [
        ((1, 1, 1), 0),
        ((2, 2, 2), 33),
        ((3, 3, 2), 56),
        ((3, 3, 3), 66),
        ((2, 4, 2), 53),
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
fn risk_matrix_lets_severity_dominate() {
    use LikelihoodBand::*;
    use RiskLevel::*;
    use SeverityBand::*;
    let table = [
        (Minor, Remote, Low),
        (Minor, VeryLikely, Medium),
        (Moderate, Possible, Low),
        (Moderate, Likely, Medium),
        (Moderate, VeryLikely, High),
        (Serious, Remote, Medium),
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
    // Monotone in both directions.
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
fn an_empty_assessment_is_incomplete_never_reassuring() {
    for mode in [Mode::QuickScreen, Mode::FullAssessment] {
        for sector in Sector::ALL {
            let report = score(&Assessment::new(mode, Perspective::OurDeal, sector));
            assert_eq!(report.outcome, Outcome::Incomplete, "{mode:?} {sector:?}");
            assert!(report.decisive_gaps >= 3);
            assert!(matches!(
                report.what_would_change,
                WhatWouldChange::AnswerOpenQuestions { .. }
            ));
        }
    }
}

#[test]
fn a_clean_general_deal_proceeds_and_traces_every_point() {
    let report = score(&clean_quick_screen(Sector::General));
    assert_eq!(report.outcome, Outcome::Proceed);
    assert_eq!(report.what_would_change, WhatWouldChange::AlreadyLowest);
    assert!(report.red_flags.is_empty() && report.open_questions.is_empty());
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
    assert!(country.attribution.contains("World Bank") && country.attribution.contains("V-Dem"));
}

#[test]
fn each_red_flag_answer_forces_its_outcome() {
    // (question, answer, sector, expected outcome, flag id)
    let table = [
        (
            "end_use.purpose_disclosed",
            "refused",
            Sector::General,
            Outcome::Escalate,
            "purpose_refused",
        ),
        (
            "customer.end_user_known",
            "hidden",
            Sector::General,
            Outcome::Escalate,
            "end_user_hidden",
        ),
        (
            "end_use.fits_business",
            "no",
            Sector::General,
            Outcome::Escalate,
            "capabilities_do_not_fit",
        ),
        (
            "customer.misuse_against_groups",
            "documented",
            Sector::General,
            Outcome::DoNotProceed,
            "used_against_targeted_groups",
        ),
        (
            "customer.sanctions",
            "yes",
            Sector::General,
            Outcome::DoNotProceed,
            "embargo_or_sanctions",
        ),
        (
            "customer.sanctions",
            "related_parties",
            Sector::General,
            Outcome::Escalate,
            "sanctions_related_parties",
        ),
        (
            "end_use.customisation",
            "remove_safeguards",
            Sector::General,
            Outcome::Escalate,
            "safeguards_removal_requested",
        ),
        (
            "customer.unconstitutional_change",
            "yes",
            Sector::General,
            Outcome::Escalate,
            "unconstitutional_change",
        ),
        (
            "end_use.inherently_harmful",
            "yes",
            Sector::General,
            Outcome::DoNotProceed,
            "inherently_harmful_use",
        ),
        (
            "end_use.torture_or_executions",
            "yes",
            Sector::General,
            Outcome::DoNotProceed,
            "torture_or_executions",
        ),
        (
            "customer.record_of_harm",
            "documented",
            Sector::General,
            Outcome::Escalate,
            "documented_abuse_record",
        ),
        (
            "surveillance.covert",
            "yes",
            Sector::Surveillance,
            Outcome::Escalate,
            "covert_surveillance_tool",
        ),
        (
            "ai.sensitive_inference",
            "yes",
            Sector::ArtificialIntelligence,
            Outcome::DoNotProceed,
            "sensitive_trait_inference",
        ),
        (
            "telecom.shutdown_orders",
            "yes",
            Sector::Telecommunications,
            Outcome::Escalate,
            "network_shutdowns",
        ),
        (
            "cloud.incitement",
            "yes",
            Sector::CloudAndPlatforms,
            Outcome::Escalate,
            "incitement_hosting",
        ),
        (
            "pharma.lethal_injection_diversion",
            "yes",
            Sector::PharmaAndChemicals,
            Outcome::DoNotProceed,
            "lethal_injection_diversion",
        ),
        (
            "machinery.evictions",
            "yes",
            Sector::MachineryAndVehicles,
            Outcome::Escalate,
            "forced_evictions",
        ),
        (
            "security_equipment.torture_only_goods",
            "yes",
            Sector::SecurityEquipment,
            Outcome::DoNotProceed,
            "torture_only_goods",
        ),
        (
            "security_equipment.recent_protest_use",
            "documented",
            Sector::SecurityEquipment,
            Outcome::Escalate,
            "force_against_protests",
        ),
    ];
    for (question, answer, sector, expected, flag) in table {
        let mut a = clean_quick_screen(sector);
        // Answer the sector's own quick questions with their safest option first.
        for (q, safe) in [
            ("surveillance.covert", "no"),
            ("ai.sensitive_inference", "no"),
            ("telecom.shutdown_orders", "no"),
            ("cloud.incitement", "no"),
            ("pharma.lethal_injection_diversion", "no"),
            ("machinery.evictions", "no"),
            ("security_equipment.torture_only_goods", "no"),
            ("security_equipment.recent_protest_use", "no"),
        ] {
            a.choose(q, safe).unwrap();
        }
        a.choose(question, answer).unwrap();
        let report = score(&a);
        assert_eq!(report.outcome, expected, "{question} = {answer}");
        assert!(
            report.red_flags.iter().any(|f| f.id == flag),
            "{flag} not raised"
        );
        // Safeguards never clear a red flag.
        let mut mitigated = a.clone();
        mitigated
            .tick(
                "mitigations.in_place",
                &[
                    "contract_clauses",
                    "end_use_certificate",
                    "resale_restrictions",
                    "technical_limits",
                    "customer_training",
                    "audit_rights",
                    "misuse_reporting",
                    "suspension",
                    "warranty_void",
                    "staged_payments",
                ],
            )
            .unwrap();
        assert_eq!(
            score(&mitigated).outcome,
            expected,
            "{question}: safeguards cleared a flag"
        );
    }
}

#[test]
fn security_forces_with_surveillance_in_a_high_risk_country_is_a_red_flag() {
    let mut a = clean_quick_screen(Sector::Surveillance);
    a.choose("surveillance.covert", "no").unwrap();
    a.choose("profile.customer_type", "law_enforcement")
        .unwrap();
    a.tick("end_use.capabilities", &["identify"]).unwrap();
    let flagged = |a: &Assessment| {
        score(a)
            .red_flags
            .iter()
            .any(|f| f.id == "security_surveillance_high_risk_country")
    };
    assert!(!flagged(&a), "Norway is a low-risk context");
    a.set_answer(
        "profile.destination",
        Answer::Country("MM".parse().unwrap()),
    )
    .unwrap();
    assert!(flagged(&a));
    // The user's override with a reason changes the context level the flag reads.
    a.country_override = Some(CountryOverride {
        level: hrdd_core::method::ContextLevel::Moderate,
        reason: "Deployment limited to a UN-supervised project".into(),
    });
    assert!(!flagged(&a));
    assert!(score(&a).country.unwrap().override_reason.is_some());
}

#[test]
fn dont_know_is_scored_as_the_worst_case_and_listed_as_open() {
    let clean = clean_quick_screen(Sector::General);
    let mut unknown = clean.clone();
    unknown
        .set_answer("customer.record_of_harm", Answer::DontKnow)
        .unwrap();
    let (a, b) = (score(&clean), score(&unknown));
    assert!(
        b.element(hrdd_core::method::Element::Customer).score
            > a.element(hrdd_core::method::Element::Customer).score
    );
    assert!(b
        .open_questions
        .iter()
        .any(|q| q.id == "customer.record_of_harm" && q.decisive));
    assert!(b.outcome >= a.outcome);
}

#[test]
fn three_decisive_unknowns_make_the_assessment_incomplete() {
    let mut a = clean_quick_screen(Sector::General);
    for (i, q) in [
        "customer.record_of_harm",
        "end_use.fits_business",
        "customer.sanctions",
    ]
    .iter()
    .enumerate()
    {
        a.set_answer(q, Answer::DontKnow).unwrap();
        let outcome = score(&a).outcome;
        if i < 2 {
            assert_ne!(outcome, Outcome::Incomplete, "{} unknowns", i + 1);
        } else {
            assert_eq!(outcome, Outcome::Incomplete);
        }
    }
    // A red flag already raised escalates even with gaps.
    a.choose("customer.end_user_known", "hidden").unwrap();
    assert_eq!(score(&a).outcome, Outcome::Escalate);
}

#[test]
fn safeguards_lower_likelihood_but_never_severity() {
    let mut a = clean_quick_screen(Sector::Surveillance);
    a.choose("surveillance.covert", "no").unwrap();
    a.choose("profile.customer_type", "public_body").unwrap();
    a.tick("end_use.capabilities", &["identify", "track"])
        .unwrap();
    let before = score(&a);
    a.tick(
        "mitigations.in_place",
        &["technical_limits", "suspension", "audit_rights"],
    )
    .unwrap();
    let after = score(&a);
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
fn what_would_change_names_safeguards_that_lower_the_outcome() {
    // Escalation driven by likelihood, not by a red flag: safeguards can bring it down.
    let mut a = clean_quick_screen(Sector::General);
    a.choose("profile.customer_type", "law_enforcement")
        .unwrap();
    a.choose("profile.channel", "through_partner").unwrap();
    a.choose("profile.ongoing_relationship", "none").unwrap();
    a.choose("end_use.purpose_disclosed", "vaguely").unwrap();
    a.choose("end_use.fits_business", "partly").unwrap();
    a.choose("end_use.customisation", "extends_capability")
        .unwrap();
    a.choose("customer.record_of_harm", "allegations").unwrap();
    a.tick("end_use.capabilities", &["profile"]).unwrap();
    a.set_answer(
        "profile.destination",
        Answer::Country("AE".parse().unwrap()),
    )
    .unwrap();
    let report = score(&a);
    assert_eq!(
        report.outcome,
        Outcome::Escalate,
        "{:?}",
        report.outcome_reasons
    );
    assert!(report.red_flags.is_empty());
    match report.what_would_change {
        WhatWouldChange::Changes { to, changes } => {
            assert!(to < report.outcome);
            assert!(!changes.is_empty() && changes.len() <= 3);
            // Applying the named changes really does lower the outcome.
            let mut changed = a.clone();
            let mut ticked = Vec::new();
            for change in &changes {
                let label = change.description.trim_start_matches("Put in place: ");
                let item = hrdd_core::method::MITIGATION_ITEMS
                    .iter()
                    .find(|m| m.label == label)
                    .expect("a safeguard");
                ticked.push(item.key);
            }
            changed.tick("mitigations.in_place", &ticked).unwrap();
            assert_eq!(score(&changed).outcome, to);
        }
        other => panic!("expected changes for {:?}, got {other:?}", report.outcome),
    }
}

#[test]
fn prohibited_flags_say_that_nothing_can_change_them() {
    let mut a = clean_quick_screen(Sector::General);
    a.choose("customer.sanctions", "yes").unwrap();
    assert!(matches!(
        score(&a).what_would_change,
        WhatWouldChange::NoneCan { .. }
    ));
}

#[test]
fn scoring_is_deterministic() {
    let a = clean_quick_screen(Sector::SecurityEquipment);
    assert_eq!(score(&a), score(&a.clone()));
}

#[test]
fn when_severity_alone_sets_the_floor_the_report_says_so() {
    let mut a = clean_quick_screen(Sector::Surveillance);
    a.choose("surveillance.covert", "no").unwrap();
    let report = score(&a);
    assert_eq!(report.outcome, Outcome::ProceedWithConditions);
    match report.what_would_change {
        WhatWouldChange::NoneCan { reason } => assert!(reason.contains("severity"), "{reason}"),
        other => panic!("{other:?}"),
    }
}
