//! The V-Dem indicators that bear on particular products (torture and political killings for
//! security equipment, repression of civil society for surveillance, Internet censorship for
//! networks and platforms): the data, and which rights' likelihood each raises for which deal.

use hrdd_core::country::{countries, country_by_code, SpecificIndicator};
use hrdd_core::explanation::RightExplanation;
use hrdd_core::method::{ContextLevel, Mode, Right, Sector, WORST_SHARE_PERCENT};
use hrdd_core::report::SpecificReading;
use hrdd_core::{score, Answer, Assessment, CountryOverride};

mod common;
use common::{clean, destination, with};

fn reading(a: &Assessment, indicator: SpecificIndicator) -> SpecificReading {
    score(a)
        .country
        .unwrap()
        .specific
        .into_iter()
        .find(|s| s.indicator == indicator)
        .unwrap()
}

fn deal(sector: Sector, family: &str, country: &str) -> Assessment {
    let mut a = with(
        clean(Mode::FullAssessment, sector),
        &[("end_use.product_family", family)],
    );
    destination(&mut a, country);
    a
}

#[test]
fn every_v_dem_country_has_a_rank_on_each_indicator_and_a_quarter_are_among_the_worst() {
    let with_vdem: Vec<_> = countries()
        .iter()
        .filter(|c| c.physical_violence.is_some())
        .collect();
    assert!(with_vdem.len() >= 176);
    for indicator in SpecificIndicator::ALL {
        let ranks: Vec<u8> = with_vdem
            .iter()
            .map(|c| {
                c.specific_rank(indicator)
                    .unwrap_or_else(|| panic!("{} {indicator:?}", c.alpha2))
            })
            .collect();
        assert!(ranks.iter().all(|r| *r <= 100));
        let worst = ranks.iter().filter(|r| **r < WORST_SHARE_PERCENT).count();
        // About a quarter of the 179 V-Dem units (Somaliland, Zanzibar and Gaza are not ISO
        // countries of their own).
        assert!(
            (38..=48).contains(&worst),
            "{indicator:?}: {worst} among the worst"
        );
    }
    assert_eq!(
        country_by_code("AD")
            .unwrap()
            .specific_rank(SpecificIndicator::Torture),
        None
    );
}

/// (sector, product family, destination, indicator, rights it raises: empty for none)
type Case = (
    Sector,
    &'static str,
    &'static str,
    SpecificIndicator,
    &'static [Right],
);

const CASES: &[Case] = &[
    (
        Sector::SecurityEquipment,
        "military_or_security",
        "VE",
        SpecificIndicator::Torture,
        &[Right::FreedomFromTorture],
    ),
    (
        Sector::General,
        "military_or_security",
        "VE",
        SpecificIndicator::PoliticalKillings,
        &[Right::LifeLibertyAndSecurity],
    ),
    (
        Sector::General,
        "military_or_security",
        "NO",
        SpecificIndicator::Torture,
        &[],
    ),
    // The indicator bears on security equipment, not on office software.
    (
        Sector::General,
        "civilian",
        "VE",
        SpecificIndicator::Torture,
        &[],
    ),
    (
        Sector::Surveillance,
        "cyber_surveillance",
        "CN",
        SpecificIndicator::CivilSocietyRepression,
        &[
            Right::Privacy,
            Right::ExpressionAndInformation,
            Right::AssemblyAndAssociation,
        ],
    ),
    (
        Sector::Surveillance,
        "cyber_surveillance",
        "US",
        SpecificIndicator::CivilSocietyRepression,
        &[],
    ),
    (
        Sector::Telecommunications,
        "civilian",
        "RU",
        SpecificIndicator::InternetCensorship,
        &[Right::ExpressionAndInformation, Right::Privacy],
    ),
    (
        Sector::CloudAndPlatforms,
        "civilian",
        "CN",
        SpecificIndicator::InternetCensorship,
        &[Right::ExpressionAndInformation, Right::Privacy],
    ),
    (
        Sector::General,
        "civilian",
        "CN",
        SpecificIndicator::InternetCensorship,
        &[],
    ),
];

#[test]
fn each_indicator_raises_the_rights_of_the_products_it_bears_on() {
    for (sector, family, country, indicator, rights) in CASES {
        let r = reading(&deal(*sector, family, country), *indicator);
        assert_eq!(
            r.raises, *rights,
            "{family} ({sector:?}) to {country}, {indicator:?}"
        );
    }
}

#[test]
fn an_override_of_the_context_raises_the_reading_but_never_clears_it() {
    let mut norway = deal(Sector::SecurityEquipment, "military_or_security", "NO");
    norway.country_override = Some(CountryOverride {
        level: ContextLevel::VeryHigh,
        reason: "Emergency powers; reports of torture in custody".into(),
    });
    assert_eq!(
        reading(&norway, SpecificIndicator::Torture).raises,
        [Right::FreedomFromTorture]
    );
    let mut venezuela = deal(Sector::SecurityEquipment, "military_or_security", "VE");
    venezuela.country_override = Some(CountryOverride {
        level: ContextLevel::Low,
        reason: "Our end user is a hospital".into(),
    });
    assert!(reading(&venezuela, SpecificIndicator::Torture).among_worst);
}

#[test]
fn an_unknown_destination_counts_as_possibly_among_the_worst() {
    let mut known = deal(Sector::SecurityEquipment, "military_or_security", "NO");
    known.tick("end_use.capabilities", &["force"]).unwrap();
    let likelihood = |a: &Assessment| {
        score(a)
            .salient_rights
            .iter()
            .find(|r| r.right == Right::FreedomFromTorture)
            .map(|r| r.inherent_likelihood)
    };
    let in_norway = likelihood(&known);
    assert!(in_norway.is_some_and(|l| l < 90), "{in_norway:?}");
    known
        .set_answer("profile.destination", Answer::DontKnow)
        .unwrap();
    assert!(likelihood(&known) > in_norway);
    let explanation = score(&known)
        .salient_rights
        .into_iter()
        .find(|r| r.right == Right::FreedomFromTorture)
        .unwrap()
        .explanation;
    assert!(
        explanation.iter().any(|line| matches!(
            line,
            RightExplanation::Signals { signals, .. } if signals.contains(&"torture_worst_quarter")
        )),
        "{explanation:?}"
    );
    let words = hrdd_core::i18n::Texts::english().right_explanation(
        explanation
            .iter()
            .find(|l| matches!(l, RightExplanation::Signals { .. }))
            .unwrap(),
    );
    assert!(words.contains("worst quarter for torture"), "{words}");
}

/// No open dataset of death-penalty status could be embedded, so the calculator asks, where the
/// product could serve executions, and counts the answer in the likelihood for life and for
/// freedom from torture.
#[test]
fn the_death_penalty_is_asked_where_the_product_could_serve_executions() {
    let asked = |a: &Assessment| {
        let index = hrdd_core::method::question_index("profile.death_penalty").unwrap();
        hrdd_core::method::QUESTIONS[index].is_asked(a)
    };
    assert!(asked(&deal(Sector::PharmaAndChemicals, "civilian", "US")));
    assert!(asked(&deal(Sector::General, "military_or_security", "US")));
    assert!(!asked(&deal(Sector::General, "civilian", "US")));
    assert!(!asked(&with(
        clean(Mode::QuickScreen, Sector::PharmaAndChemicals),
        &[]
    )));

    let mut restraints = deal(Sector::SecurityEquipment, "military_or_security", "US");
    restraints.tick("end_use.capabilities", &["force"]).unwrap();
    let likelihood = |a: &Assessment, right: Right| {
        score(a)
            .salient_rights
            .iter()
            .find(|r| r.right == right)
            .map(|r| r.inherent_likelihood)
            .unwrap()
    };
    let abolished = with(
        restraints.clone(),
        &[("profile.death_penalty", "abolished")],
    );
    let executes = with(
        restraints,
        &[("profile.death_penalty", "carries_out_executions")],
    );
    for right in [Right::LifeLibertyAndSecurity, Right::FreedomFromTorture] {
        assert!(
            likelihood(&executes, right) > likelihood(&abolished, right),
            "{right:?}"
        );
    }
}
