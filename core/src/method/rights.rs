//! The rights at risk, the groups at heightened risk, and the impacts the method presumes from a
//! product's capabilities and sector when the assessor has not rated them.

use super::Sector;
use crate::en;
use serde::{Deserialize, Serialize};

/// A human right that downstream use can affect. Order is part of the link format: append only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    Privacy,
    ExpressionAndInformation,
    AssemblyAndAssociation,
    NonDiscrimination,
    LifeLibertyAndSecurity,
    FreedomFromTorture,
    FairTrialAndRemedy,
    Health,
    HousingAndLand,
    Work,
    Environment,
    ChildrensRights,
    IndigenousPeoplesRights,
    PoliticalParticipation,
}

pub const RIGHTS: [Right; 14] = [
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

impl Right {
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn key(self) -> &'static str {
        match self {
            Right::Privacy => "privacy",
            Right::ExpressionAndInformation => "expression_and_information",
            Right::AssemblyAndAssociation => "assembly_and_association",
            Right::NonDiscrimination => "non_discrimination",
            Right::LifeLibertyAndSecurity => "life_liberty_and_security",
            Right::FreedomFromTorture => "freedom_from_torture",
            Right::FairTrialAndRemedy => "fair_trial_and_remedy",
            Right::Health => "health",
            Right::HousingAndLand => "housing_and_land",
            Right::Work => "work",
            Right::Environment => "environment",
            Right::ChildrensRights => "childrens_rights",
            Right::IndigenousPeoplesRights => "indigenous_peoples_rights",
            Right::PoliticalParticipation => "political_participation",
        }
    }
    pub fn from_key(key: &str) -> Option<Right> {
        RIGHTS.into_iter().find(|r| r.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Right::Privacy => en("Privacy"),
            Right::ExpressionAndInformation => en("Freedom of expression and information"),
            Right::AssemblyAndAssociation => en("Freedom of assembly and association"),
            Right::NonDiscrimination => en("Equality and non-discrimination"),
            Right::LifeLibertyAndSecurity => en("Life, liberty and security of person"),
            Right::FreedomFromTorture => en("Freedom from torture and ill-treatment"),
            Right::FairTrialAndRemedy => en("Fair trial and effective remedy"),
            Right::Health => en("Health"),
            Right::HousingAndLand => en("Adequate housing and land"),
            Right::Work => en("Just and favourable work"),
            Right::Environment => en("Rights that depend on a healthy environment"),
            Right::ChildrensRights => en("Children's rights"),
            Right::IndigenousPeoplesRights => en("Indigenous peoples' rights"),
            Right::PoliticalParticipation => en("Political participation"),
        }
    }
    /// The international instrument that names the right, for the report.
    pub fn instrument(self) -> &'static str {
        match self {
            Right::Privacy => en("ICCPR art. 17"),
            Right::ExpressionAndInformation => en("ICCPR art. 19"),
            Right::AssemblyAndAssociation => en("ICCPR arts. 21-22"),
            Right::NonDiscrimination => en("ICCPR arts. 2, 26"),
            Right::LifeLibertyAndSecurity => en("ICCPR arts. 6, 9"),
            Right::FreedomFromTorture => en("ICCPR art. 7; Convention against Torture"),
            Right::FairTrialAndRemedy => en("ICCPR arts. 2(3), 14"),
            Right::Health => en("ICESCR art. 12"),
            Right::HousingAndLand => en("ICESCR art. 11"),
            Right::Work => en("ICESCR arts. 6-7"),
            Right::Environment => en("UN General Assembly resolution 76/300"),
            Right::ChildrensRights => en("Convention on the Rights of the Child"),
            Right::IndigenousPeoplesRights => {
                en("UN Declaration on the Rights of Indigenous Peoples")
            }
            Right::PoliticalParticipation => en("ICCPR art. 25"),
        }
    }
}

/// Groups whose exposure makes an impact graver (OECD guidance on severity and vulnerability).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeightenedRiskGroup {
    HumanRightsDefenders,
    Journalists,
    PoliticalOpposition,
    EthnicAndReligiousMinorities,
    MigrantsAndRefugees,
    LgbtiPeople,
    Children,
    Women,
    IndigenousPeoples,
}

pub const GROUPS: [HeightenedRiskGroup; 9] = [
    HeightenedRiskGroup::HumanRightsDefenders,
    HeightenedRiskGroup::Journalists,
    HeightenedRiskGroup::PoliticalOpposition,
    HeightenedRiskGroup::EthnicAndReligiousMinorities,
    HeightenedRiskGroup::MigrantsAndRefugees,
    HeightenedRiskGroup::LgbtiPeople,
    HeightenedRiskGroup::Children,
    HeightenedRiskGroup::Women,
    HeightenedRiskGroup::IndigenousPeoples,
];

impl HeightenedRiskGroup {
    pub fn label(self) -> &'static str {
        match self {
            HeightenedRiskGroup::HumanRightsDefenders => en("Human rights defenders"),
            HeightenedRiskGroup::Journalists => en("Journalists"),
            HeightenedRiskGroup::PoliticalOpposition => en("Political opposition"),
            HeightenedRiskGroup::EthnicAndReligiousMinorities => {
                en("Ethnic and religious minorities")
            }
            HeightenedRiskGroup::MigrantsAndRefugees => en("Migrants and refugees"),
            HeightenedRiskGroup::LgbtiPeople => en("LGBTI people"),
            HeightenedRiskGroup::Children => en("Children"),
            HeightenedRiskGroup::Women => en("Women and girls"),
            HeightenedRiskGroup::IndigenousPeoples => en("Indigenous peoples"),
        }
    }
}

/// An impact the method assumes until the assessor rates the right: ratings 1 (least) to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresumedImpact {
    pub right: Right,
    pub scale: u8,
    pub scope: u8,
    pub irremediability: u8,
    /// Names the reason in the catalogues (`presumption-<id>`), for the explanation.
    pub id: &'static str,
    /// Why the method presumes it, for the explanation.
    pub because: &'static str,
}

const fn presume(
    right: Right,
    scale: u8,
    scope: u8,
    irremediability: u8,
    id: &'static str,
    because: &'static str,
) -> PresumedImpact {
    PresumedImpact {
        right,
        scale,
        scope,
        irremediability,
        id,
        because: en(because),
    }
}

/// Presumed for a security or prison customer even when no capability is ticked: coercive powers
/// over people are themselves a risk to life, liberty and security (METHODOLOGY.md, "Customer
/// and context move the outcome").
pub const PRESUMED_FOR_SECURITY_CUSTOMERS: PresumedImpact = presume(
    Right::LifeLibertyAndSecurity,
    2,
    2,
    3,
    "coercive_powers",
    "security forces and prison authorities hold coercive powers over people",
);

/// Impacts presumed for each capability, in the order of the items of `end_use.capabilities`.
/// Ratings follow the typical worst realistic misuse described in the State Department 2020
/// guidance and the EU 2024 cyber-surveillance guidelines (METHODOLOGY.md, "Presumed impacts").
pub const CAPABILITY_IMPACTS: [&[PresumedImpact]; 7] = [
    // Identifying people (biometrics, facial recognition).
    &[
        presume(
            Right::Privacy,
            3,
            3,
            2,
            "identify_people",
            "it can identify people",
        ),
        presume(
            Right::NonDiscrimination,
            3,
            2,
            2,
            "identification_errors_fall_unevenly",
            "identification errors fall unevenly on groups",
        ),
        presume(
            Right::AssemblyAndAssociation,
            3,
            3,
            2,
            "identifying_people_deters_from",
            "identifying people deters them from gathering",
        ),
    ],
    // Tracking location or movement.
    &[
        presume(
            Right::Privacy,
            3,
            3,
            2,
            "track_where_people_go",
            "it can track where people go",
        ),
        presume(
            Right::LifeLibertyAndSecurity,
            2,
            2,
            3,
            "tracking_lead_arrest_attack",
            "tracking can lead to arrest or attack",
        ),
    ],
    // Intercepting or monitoring communications.
    &[
        presume(
            Right::Privacy,
            3,
            3,
            2,
            "intercept_communications",
            "it can intercept communications",
        ),
        presume(
            Right::ExpressionAndInformation,
            3,
            3,
            2,
            "monitored_people_censor_themselves",
            "monitored people censor themselves",
        ),
        presume(
            Right::LifeLibertyAndSecurity,
            2,
            2,
            3,
            "intercepted_sources_activists_arrested",
            "intercepted sources and activists can be arrested",
        ),
    ],
    // Censoring, blocking or shaping content.
    &[
        presume(
            Right::ExpressionAndInformation,
            3,
            4,
            2,
            "block_shape_what_people",
            "it can block or shape what people can say and read",
        ),
        presume(
            Right::PoliticalParticipation,
            3,
            3,
            2,
            "censorship_distorts_public_debate",
            "censorship distorts public debate and elections",
        ),
    ],
    // Profiling, scoring or automated decisions about people.
    &[
        presume(
            Right::NonDiscrimination,
            3,
            3,
            2,
            "profiling_treat_groups_unfairly",
            "profiling can treat groups unfairly at scale",
        ),
        presume(
            Right::Privacy,
            2,
            3,
            2,
            "profiling_processes_personal_data",
            "profiling processes personal data",
        ),
        presume(
            Right::FairTrialAndRemedy,
            2,
            2,
            2,
            "automated_decisions_hard_contest",
            "automated decisions are hard to contest",
        ),
    ],
    // Applying force or causing physical harm.
    &[
        presume(
            Right::LifeLibertyAndSecurity,
            4,
            2,
            4,
            "injure_kill",
            "it can injure or kill",
        ),
        presume(
            Right::FreedomFromTorture,
            4,
            2,
            4,
            "used_ill_treat_people",
            "it can be used to ill-treat people in custody or crowds",
        ),
        presume(
            Right::AssemblyAndAssociation,
            3,
            3,
            2,
            "force_used_disperse_gatherings",
            "force is used to disperse gatherings",
        ),
    ],
    // Demolishing buildings, moving earth or clearing land.
    &[
        presume(
            Right::HousingAndLand,
            3,
            2,
            3,
            "demolition_land_clearing_destroy",
            "demolition and land clearing can destroy homes and livelihoods",
        ),
        presume(
            Right::IndigenousPeoplesRights,
            2,
            2,
            3,
            "land_clearing_take_land",
            "land clearing can take land from indigenous peoples without their consent",
        ),
    ],
];

/// Rights whose presumed scale grows when the capability that threatens them is held by the
/// state: in the hands of a body with powers of arrest, identification, tracking, interception
/// or profiling leads to detention and ill-treatment, not only to a loss of privacy (US State
/// Department guidance, 2020). Applied to the presumptions of [`COERCIVE_PATHWAY_CAPABILITIES`].
pub const SECURITY_CUSTOMER_UPLIFTED_RIGHTS: &[Right] =
    &[Right::LifeLibertyAndSecurity, Right::FreedomFromTorture];

/// Capability items (bits of `end_use.capabilities`) whose harm to liberty runs through the
/// powers of whoever holds them: identify, track, intercept, profile.
pub const COERCIVE_PATHWAY_CAPABILITIES: u32 = 0b1_0111;

/// Steps added to the presumed scale of [`SECURITY_CUSTOMER_UPLIFTED_RIGHTS`] from those
/// capabilities: by a police, military, intelligence or prison customer, and by another state
/// customer.
pub const SECURITY_HOLDER_UPLIFT: u8 = 2;
pub const STATE_HOLDER_UPLIFT: u8 = 1;

/// The rights on which harm to each group at heightened risk bears most, in the order of
/// [`GROUPS`] (OECD guidance on vulnerability; UN Guiding Principle 18 commentary). A ticked
/// group makes only these rights graver, not every right at risk.
const GROUP_RIGHTS: [&[Right]; 9] = [
    // Human rights defenders
    &[
        Right::Privacy,
        Right::ExpressionAndInformation,
        Right::AssemblyAndAssociation,
        Right::LifeLibertyAndSecurity,
        Right::FreedomFromTorture,
        Right::FairTrialAndRemedy,
    ],
    // Journalists
    &[
        Right::Privacy,
        Right::ExpressionAndInformation,
        Right::LifeLibertyAndSecurity,
        Right::FreedomFromTorture,
    ],
    // Political opposition
    &[
        Right::Privacy,
        Right::ExpressionAndInformation,
        Right::AssemblyAndAssociation,
        Right::PoliticalParticipation,
        Right::LifeLibertyAndSecurity,
        Right::FreedomFromTorture,
    ],
    // Ethnic and religious minorities
    &[
        Right::NonDiscrimination,
        Right::Privacy,
        Right::LifeLibertyAndSecurity,
        Right::FreedomFromTorture,
        Right::HousingAndLand,
    ],
    // Migrants and refugees
    &[
        Right::NonDiscrimination,
        Right::LifeLibertyAndSecurity,
        Right::FairTrialAndRemedy,
        Right::Privacy,
    ],
    // LGBTI people
    &[
        Right::NonDiscrimination,
        Right::Privacy,
        Right::LifeLibertyAndSecurity,
        Right::ExpressionAndInformation,
    ],
    // Children
    &[
        Right::ChildrensRights,
        Right::Privacy,
        Right::Health,
        Right::NonDiscrimination,
    ],
    // Women and girls
    &[
        Right::NonDiscrimination,
        Right::Privacy,
        Right::LifeLibertyAndSecurity,
        Right::Work,
    ],
    // Indigenous peoples
    &[
        Right::IndigenousPeoplesRights,
        Right::HousingAndLand,
        Right::Environment,
        Right::NonDiscrimination,
    ],
];

/// Whether any of the ticked groups (bit i = group i of [`GROUPS`]) bears on this right.
pub fn groups_bear_on(groups: u32, right: Right) -> bool {
    GROUP_RIGHTS
        .iter()
        .enumerate()
        .any(|(bit, rights)| groups & (1 << bit) != 0 && rights.contains(&right))
}

/// Impacts presumed for each sector whatever the capabilities, in the order of `Sector::ALL`:
/// the issues most often found salient for that kind of product (B-Tech commentary; BSR primer
/// examples). Deliberately moderate: capabilities, not the sector alone, make an impact grave.
const SECTOR_IMPACTS: [&[PresumedImpact]; 8] = [
    // General
    &[],
    // Surveillance
    &[
        presume(
            Right::Privacy,
            3,
            3,
            2,
            "surveillance_technology_processes_data",
            "surveillance technology processes data about people by design",
        ),
        presume(
            Right::ExpressionAndInformation,
            3,
            3,
            2,
            "surveillance_chills_speech",
            "surveillance chills speech",
        ),
    ],
    // AI and data analytics
    &[
        presume(
            Right::NonDiscrimination,
            2,
            3,
            2,
            "models_reproduce_bias_scale",
            "models can reproduce bias at scale",
        ),
        presume(
            Right::Privacy,
            2,
            3,
            2,
            "data_analytics_processes_personal",
            "data analytics processes personal data",
        ),
    ],
    // Telecommunications
    &[
        presume(
            Right::Privacy,
            2,
            4,
            2,
            "networks_carry_everyones_communications",
            "networks carry everyone's communications",
        ),
        presume(
            Right::ExpressionAndInformation,
            2,
            4,
            2,
            "networks_shut_down_filtered",
            "networks can be shut down or filtered",
        ),
    ],
    // Cloud and platforms
    &[
        presume(
            Right::ExpressionAndInformation,
            2,
            3,
            2,
            "hosted_content_accounts_removed",
            "hosted content and accounts can be removed or abused",
        ),
        presume(
            Right::Privacy,
            2,
            3,
            2,
            "hosted_data_demanded_authorities",
            "hosted data can be demanded by authorities",
        ),
    ],
    // Pharmaceuticals and chemicals
    &[
        presume(
            Right::Health,
            2,
            3,
            2,
            "misuse_poor_disposal_harms",
            "misuse or poor disposal harms health",
        ),
        presume(
            Right::Environment,
            2,
            2,
            3,
            "chemical_releases_damage_environment",
            "chemical releases damage the environment people depend on",
        ),
    ],
    // Heavy machinery and vehicles
    &[
        presume(
            Right::HousingAndLand,
            2,
            2,
            3,
            "machinery_used_demolish_homes",
            "machinery can be used to demolish homes or clear land",
        ),
        presume(
            Right::Work,
            2,
            2,
            2,
            "heavy_equipment_carries_safety",
            "heavy equipment carries safety risks for workers",
        ),
    ],
    // Security and crowd-control equipment
    &[
        presume(
            Right::AssemblyAndAssociation,
            3,
            3,
            2,
            "crowd_control_equipment_used",
            "crowd-control equipment is used on protests",
        ),
        presume(
            Right::LifeLibertyAndSecurity,
            3,
            2,
            3,
            "less_lethal_weapons_still",
            "less-lethal weapons still injure and kill",
        ),
    ],
];

/// Every presumption of the method (capabilities, sectors, security customers), for the
/// catalogues and for finding one by its id.
pub fn all_presumptions() -> impl Iterator<Item = &'static PresumedImpact> {
    CAPABILITY_IMPACTS
        .iter()
        .chain(SECTOR_IMPACTS.iter())
        .flat_map(|impacts| impacts.iter())
        .chain(std::iter::once(&PRESUMED_FOR_SECURITY_CUSTOMERS))
}

pub fn sector_impacts(sector: Sector) -> &'static [PresumedImpact] {
    SECTOR_IMPACTS[sector as usize]
}

/// All impacts presumed for a sector and a set of capabilities (bit i = capability item i),
/// keeping for each right the highest rating of every dimension.
pub fn presumed_impacts(
    sector: Sector,
    capabilities: u32,
    holder_uplift: u8,
) -> Vec<PresumedImpact> {
    let mut merged: Vec<PresumedImpact> = Vec::new();
    let from_capabilities = CAPABILITY_IMPACTS
        .iter()
        .enumerate()
        .filter(|(bit, _)| capabilities & (1 << bit) != 0)
        .flat_map(|(bit, impacts)| {
            impacts.iter().map(move |impact| {
                let mut impact = *impact;
                if COERCIVE_PATHWAY_CAPABILITIES & (1 << bit) != 0
                    && SECURITY_CUSTOMER_UPLIFTED_RIGHTS.contains(&impact.right)
                {
                    impact.scale = (impact.scale + holder_uplift).min(4);
                }
                impact
            })
        });
    for impact in sector_impacts(sector)
        .iter()
        .copied()
        .chain(from_capabilities)
    {
        match merged.iter_mut().find(|m| m.right == impact.right) {
            Some(existing) => {
                // A stronger presumption replaces the reason as well as the ratings.
                if impact.scale + impact.scope + impact.irremediability
                    > existing.scale + existing.scope + existing.irremediability
                {
                    existing.id = impact.id;
                    existing.because = impact.because;
                }
                existing.scale = existing.scale.max(impact.scale);
                existing.scope = existing.scope.max(impact.scope);
                existing.irremediability = existing.irremediability.max(impact.irremediability);
            }
            None => merged.push(impact),
        }
    }
    merged.sort_by_key(|m| m.right);
    merged
}
