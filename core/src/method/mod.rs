//! The assessment method as data: questions, options and their points, rights and the impacts
//! presumed from capabilities, red flags, recommended actions, thresholds. Everything a
//! practitioner may want to audit lives here, in one versioned place, and every number is
//! explained with its source in `docs/METHODOLOGY.md`. The scoring code in `crate::scoring`
//! only applies these tables.
//!
//! Rule for changes: questions, options, rights, red flags and actions are only ever appended,
//! never reordered or removed, because share links store them by position. Changing a weight
//! or threshold means a new [`METHOD_VERSION`].

mod actions;
mod questions;
mod red_flags;
mod rights;

pub use actions::{ActionDefinition, Relevance, ACTIONS};
pub use questions::{question_index, CAPABILITY_ITEMS, MITIGATION_ITEMS, QUESTIONS};
pub use red_flags::{RedFlagDefinition, Trigger, RED_FLAGS};
pub use rights::{presumed_impacts, HeightenedRiskGroup, PresumedImpact, Right, GROUPS, RIGHTS};

use serde::{Deserialize, Serialize};

/// Version of the method (weights, thresholds, questions). It travels with every assessment.
pub const METHOD_VERSION: u16 = 1;

/// Which part of the questionnaire a question belongs to, in the order the user meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Profile,
    EndUse,
    Customer,
    Impacts,
    Connection,
    Mitigations,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Profile,
        Section::EndUse,
        Section::Customer,
        Section::Impacts,
        Section::Connection,
        Section::Mitigations,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Profile => "Deal profile",
            Section::EndUse => "A. The end use",
            Section::Customer => "B. Customer, end user and destination",
            Section::Impacts => "C. Impacts on people",
            Section::Connection => "D. Your connection and leverage",
            Section::Mitigations => "Safeguards already in place",
        }
    }
}

/// The four scored elements of downstream due diligence (BSR primer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    EndUse,
    Customer,
    Impacts,
    Connection,
}

impl Element {
    pub const ALL: [Element; 4] = [
        Element::EndUse,
        Element::Customer,
        Element::Impacts,
        Element::Connection,
    ];

    pub fn letter(self) -> char {
        match self {
            Element::EndUse => 'A',
            Element::Customer => 'B',
            Element::Impacts => 'C',
            Element::Connection => 'D',
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Element::EndUse => "End use",
            Element::Customer => "Customer and geography",
            Element::Impacts => "Impacts on people",
            Element::Connection => "Connection and leverage",
        }
    }
}

/// Sector packs add questions and red flags that only make sense for one kind of product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    General,
    Surveillance,
    ArtificialIntelligence,
    Telecommunications,
    CloudAndPlatforms,
    PharmaAndChemicals,
    MachineryAndVehicles,
    SecurityEquipment,
}

impl Sector {
    pub const ALL: [Sector; 8] = [
        Sector::General,
        Sector::Surveillance,
        Sector::ArtificialIntelligence,
        Sector::Telecommunications,
        Sector::CloudAndPlatforms,
        Sector::PharmaAndChemicals,
        Sector::MachineryAndVehicles,
        Sector::SecurityEquipment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Sector::General => "general",
            Sector::Surveillance => "surveillance",
            Sector::ArtificialIntelligence => "artificial_intelligence",
            Sector::Telecommunications => "telecommunications",
            Sector::CloudAndPlatforms => "cloud_and_platforms",
            Sector::PharmaAndChemicals => "pharma_and_chemicals",
            Sector::MachineryAndVehicles => "machinery_and_vehicles",
            Sector::SecurityEquipment => "security_equipment",
        }
    }

    pub fn from_key(key: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|sector| sector.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sector::General => "General products and services",
            Sector::Surveillance => "Surveillance and security technology",
            Sector::ArtificialIntelligence => "AI and data analytics",
            Sector::Telecommunications => "Telecommunications networks",
            Sector::CloudAndPlatforms => "Cloud, hosting and online platforms",
            Sector::PharmaAndChemicals => "Pharmaceuticals and chemicals",
            Sector::MachineryAndVehicles => "Heavy machinery and vehicles",
            Sector::SecurityEquipment => "Security and crowd-control equipment",
        }
    }

    /// Points added to element A for the product category itself: some categories are listed
    /// by export-control law as capable of serious misuse (see METHODOLOGY.md, "Sector baseline").
    pub fn baseline_end_use_points(self) -> u8 {
        match self {
            Sector::General => 0,
            Sector::CloudAndPlatforms
            | Sector::PharmaAndChemicals
            | Sector::MachineryAndVehicles => 5,
            Sector::ArtificialIntelligence | Sector::Telecommunications => 10,
            Sector::Surveillance | Sector::SecurityEquipment => 20,
        }
    }
}

/// Quick screen asks only the decisive questions; the full assessment asks everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    QuickScreen,
    FullAssessment,
}

impl Mode {
    pub fn key(self) -> &'static str {
        match self {
            Mode::QuickScreen => "quick_screen",
            Mode::FullAssessment => "full_assessment",
        }
    }
    pub fn from_key(key: &str) -> Option<Mode> {
        [Mode::QuickScreen, Mode::FullAssessment]
            .into_iter()
            .find(|mode| mode.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Mode::QuickScreen => "Quick screen",
            Mode::FullAssessment => "Full assessment",
        }
    }
}

/// Who is assessing. It changes wording and some actions, never the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// A company screening a deal of its own.
    OurDeal,
    /// An organisation assessing its own product or deployment.
    OurProduct,
    /// An outside party, such as a civil society group, assessing someone else's deal.
    OutsideReview,
}

impl Perspective {
    pub const ALL: [Perspective; 3] = [
        Perspective::OurDeal,
        Perspective::OurProduct,
        Perspective::OutsideReview,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Perspective::OurDeal => "our_deal",
            Perspective::OurProduct => "our_product",
            Perspective::OutsideReview => "outside_review",
        }
    }
    pub fn from_key(key: &str) -> Option<Perspective> {
        Perspective::ALL.into_iter().find(|p| p.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Perspective::OurDeal => "Our deal: we are screening a sale or contract of ours",
            Perspective::OurProduct => "Our product or deployment: we assess what we build or run",
            Perspective::OutsideReview => "Outside review: we assess another company's deal",
        }
    }
}

/// Which modes ask a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Asked in the quick screen and the full assessment.
    Quick,
    /// Asked only in the full assessment.
    Full,
}

/// One answer option, with the points it adds to its element's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Stable key used in the JSON format.
    pub key: &'static str,
    pub label: &'static str,
    pub points: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Pick one option.
    Single(&'static [Choice]),
    /// Tick any number of items (an empty ticked set means "none of these").
    Checklist(&'static [Choice]),
    /// The destination country; its points come from the country context.
    Country,
}

impl QuestionKind {
    /// Points counted while the answer is unknown: the worst case, so that "don't know" is never
    /// scored as the safe answer (METHODOLOGY.md, "Evidence gaps").
    pub fn worst_case_points(&self) -> u16 {
        match self {
            QuestionKind::Single(choices) => choices
                .iter()
                .map(|c| u16::from(c.points))
                .max()
                .unwrap_or(0),
            QuestionKind::Checklist(items) => items.iter().map(|c| u16::from(c.points)).sum(),
            QuestionKind::Country => u16::from(COUNTRY_CONTEXT_POINTS[3]),
        }
    }
}

/// A question of the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable key used in the JSON format and explanations, e.g. `customer.end_user_known`.
    pub id: &'static str,
    pub section: Section,
    /// The element whose score the answer feeds, if any.
    pub scored: Option<Element>,
    pub prompt: &'static str,
    /// "Why this matters", in the project's own words.
    pub help: &'static str,
    /// Where the question comes from.
    pub source: &'static str,
    pub kind: QuestionKind,
    pub scope: Scope,
    /// Asked only with this sector pack (None: every sector).
    pub sector: Option<Sector>,
    /// Decisive questions gate the outcome: too many unknowns give "assessment incomplete".
    pub decisive: bool,
}

impl Question {
    pub fn in_scope(&self, mode: Mode, sector: Sector) -> bool {
        let mode_fits = mode == Mode::FullAssessment || self.scope == Scope::Quick;
        let sector_fits = self.sector.is_none_or(|s| s == sector);
        mode_fits && sector_fits
    }

    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            QuestionKind::Single(c) | QuestionKind::Checklist(c) => c,
            QuestionKind::Country => &[],
        }
    }
}

/// Country context level, either derived from the indicators or set by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextLevel {
    Low,
    Moderate,
    High,
    VeryHigh,
}

impl ContextLevel {
    pub const ALL: [ContextLevel; 4] = [
        ContextLevel::Low,
        ContextLevel::Moderate,
        ContextLevel::High,
        ContextLevel::VeryHigh,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn key(self) -> &'static str {
        match self {
            ContextLevel::Low => "low",
            ContextLevel::Moderate => "moderate",
            ContextLevel::High => "high",
            ContextLevel::VeryHigh => "very_high",
        }
    }
    pub fn from_key(key: &str) -> Option<ContextLevel> {
        ContextLevel::ALL.into_iter().find(|l| l.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            ContextLevel::Low => "low risk context",
            ContextLevel::Moderate => "moderate risk context",
            ContextLevel::High => "high risk context",
            ContextLevel::VeryHigh => "very high risk context",
        }
    }
    /// From the country context index (0 best governance .. 100 worst).
    pub fn from_context_index(index: u8) -> ContextLevel {
        match index {
            0..=29 => ContextLevel::Low,
            30..=54 => ContextLevel::Moderate,
            55..=74 => ContextLevel::High,
            _ => ContextLevel::VeryHigh,
        }
    }
}

/// Points that the country context adds to element B, by level (METHODOLOGY.md, "Country context").
pub const COUNTRY_CONTEXT_POINTS: [u8; 4] = [0, 10, 20, 30];

/// Decisive questions left unknown before the outcome becomes "assessment incomplete".
pub const DECISIVE_GAPS_FOR_INCOMPLETE: usize = 3;

/// Likelihood weights of the elements (sum 100): how strongly each element's score predicts
/// that harm occurs when no explicit likelihood is given.
pub const LIKELIHOOD_WEIGHT_END_USE: u32 = 35;
pub const LIKELIHOOD_WEIGHT_CUSTOMER: u32 = 45;
pub const LIKELIHOOD_WEIGHT_CONNECTION: u32 = 20;

/// Safeguards can remove at most this share (percent) of the inherent likelihood: safeguards
/// reduce risk, they do not make harm impossible.
pub const MAX_MITIGATION_REDUCTION_PERCENT: u32 = 50;

/// Severity added per heightened-risk group exposed, and its cap.
pub const GROUP_SEVERITY_POINTS: u8 = 5;
pub const GROUP_SEVERITY_CAP: u8 = 15;
