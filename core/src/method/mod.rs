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
mod follow_up;
mod gates;
mod measures;
mod migration;
mod questions;
mod red_flags;
mod rights;
mod wording;

pub use actions::{ActionDefinition, Relevance, ACTIONS};
pub use follow_up::{
    default_review_months, REASSESS_WHEN, REVIEW_MONTHS, REVIEW_MONTHS_AFTER_ESCALATION,
};
pub use gates::{
    answered_by, AnsweredBy, FloorDefinition, LikelihoodSignal, ANSWERED_BY_COMPLIANCE,
    DESTINATION_INDICATOR_USES, DISALLOWED_WITHOUT_FULL_ASSESSMENT, KYC_GATE, LIKELIHOOD_SIGNALS,
    OUTCOME_FLOORS, QUICK_SCREEN_NEVER_REFUSES_BY_ARITHMETIC, QUICK_SCREEN_PRESUMPTIONS,
    SCREENING_CLEARING_ANSWERS, SECURITY_CUSTOMER_TYPES, STATE_CUSTOMER_TYPES, WORST_SHARE_PERCENT,
};
pub use measures::{
    EMBARGO_QUESTION, END_USER_UNKNOWN_TYPES, LEAST_VERIFICATION_TO_SETTLE, MEASURE_ANSWERS,
    NO_MEASURE_ANSWER,
};
pub use migration::{
    applicable_migrations, migrated_answers, read_method1_answers, RetiredAnswerMapping,
    METHOD1_MIGRATIONS,
};
pub use questions::{
    question_index, safeguard_kind, SafeguardKind, CAPABILITY_ITEMS, MITIGATION_ITEMS,
    PRODUCT_FAMILY, QUESTIONS, SAFEGUARD_KINDS_LEN, SCREENING_LIST_ITEMS,
};
pub use red_flags::{can_raise_prohibited_flag, FlagLevel, RedFlagDefinition, Trigger, RED_FLAGS};
pub use rights::{
    all_presumptions, groups_bear_on, presumed_impacts, HeightenedRiskGroup, PresumedImpact, Right,
    COERCIVE_PATHWAY_CAPABILITIES, GROUPS, PRESUMED_FOR_SECURITY_CUSTOMERS, RIGHTS,
    SECURITY_CUSTOMER_UPLIFTED_RIGHTS, SECURITY_HOLDER_UPLIFT, STATE_HOLDER_UPLIFT,
};
pub use wording::{PERSPECTIVE_OPTION_LABELS, PERSPECTIVE_PROMPTS};

use crate::assessment::Assessment;
use crate::en;
use crate::triggers::{truth, AskedAnswers, Truth};
use serde::{Deserialize, Serialize};

/// Why a pack other than the chosen one applies: `Some(Truth::Yes)` when the answers make it
/// relevant, `Some(Truth::Unknown)` when they might, `None` when it does not apply.
pub fn pack_relevance(pack: Sector, assessment: &Assessment) -> Option<Truth> {
    AskedAnswers::new(assessment).pack_relevance(pack)
}

/// Version of the method (weights, thresholds, questions). It travels with every assessment.
pub const METHOD_VERSION: u16 = 2;

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

    /// Stable key (as in the JSON format's snake case), for catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            Section::Profile => "profile",
            Section::EndUse => "end_use",
            Section::Customer => "customer",
            Section::Impacts => "impacts",
            Section::Connection => "connection",
            Section::Mitigations => "mitigations",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Profile => en("Deal profile"),
            Section::EndUse => en("A. The end use"),
            Section::Customer => en("B. Customer, end user and destination"),
            Section::Impacts => en("C. Impacts on people"),
            Section::Connection => en("D. Your connection and leverage"),
            Section::Mitigations => en("Safeguards already in place"),
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

    /// Stable key (as in the JSON format's snake case), for catalogue keys.
    pub fn key(self) -> &'static str {
        match self {
            Element::EndUse => "end_use",
            Element::Customer => "customer",
            Element::Impacts => "impacts",
            Element::Connection => "connection",
        }
    }

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
            Element::EndUse => en("End use"),
            Element::Customer => en("Customer and geography"),
            Element::Impacts => en("Impacts on people"),
            Element::Connection => en("Connection and leverage"),
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

// `AskedAnswers` keeps each pack's relevance at the pack's position in `Sector::ALL`.
const _: () = {
    let mut position = 0;
    while position < Sector::ALL.len() {
        assert!(Sector::ALL[position] as usize == position);
        position += 1;
    }
};

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
            Sector::General => en("General products and services"),
            Sector::Surveillance => en("Surveillance and security technology"),
            Sector::ArtificialIntelligence => en("AI and data analytics"),
            Sector::Telecommunications => en("Telecommunications networks"),
            Sector::CloudAndPlatforms => en("Cloud, hosting and online platforms"),
            Sector::PharmaAndChemicals => en("Pharmaceuticals and chemicals"),
            Sector::MachineryAndVehicles => en("Heavy machinery and vehicles"),
            Sector::SecurityEquipment => en("Security and crowd-control equipment"),
        }
    }

    /// When this pack's questions and red flags apply even though another pack was chosen: the
    /// capabilities, the product family or the customer make them relevant. A pack chosen freely
    /// must never hide a risk (METHODOLOGY.md, "Sector packs cannot hide risk"). These triggers
    /// refer only to questions that every pack asks, so relevance never depends on itself.
    pub fn relevant_when(self) -> Trigger {
        PACK_RELEVANCE[self as usize]
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

const fn capability(item: &'static str) -> Trigger {
    Trigger::Ticked {
        question: "end_use.capabilities",
        item,
    }
}

const fn family(choices: &'static [&'static str]) -> Trigger {
    Trigger::AnswerIs {
        question: "end_use.product_family",
        choices,
    }
}

/// When each pack applies without being chosen, in the order of [`Sector::ALL`]
/// (see [`Sector::relevant_when`]).
const PACK_RELEVANCE: [Trigger; 8] = [
    Trigger::SectorIs(Sector::General),
    Trigger::AnyOf(&[
        capability("identify"),
        capability("track"),
        capability("intercept"),
        family(&["cyber_surveillance"]),
    ]),
    Trigger::AnyOf(&[capability("profile"), capability("identify")]),
    Trigger::AnyOf(&[capability("intercept"), capability("censor")]),
    Trigger::AnyOf(&[capability("censor")]),
    Trigger::AnyOf(&[Trigger::CustomerIs(&["prisons"]), family(&["humanitarian"])]),
    Trigger::AnyOf(&[capability("demolish")]),
    Trigger::AnyOf(&[capability("force"), family(&["military_or_security"])]),
];

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
            Mode::QuickScreen => en("Quick screen"),
            Mode::FullAssessment => en("Full assessment"),
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
            Perspective::OurDeal => en("Our deal: we are screening a sale or contract of ours"),
            Perspective::OurProduct => {
                en("Our product or deployment: we assess what we build or run")
            }
            Perspective::OutsideReview => en("Outside review: we assess another company's deal"),
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
    /// A calendar day (for example when a screening was done). Never scored by itself.
    Date,
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
            QuestionKind::Country => COUNTRY_CONTEXT_MAX_POINTS,
            QuestionKind::Date => 0,
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
    /// Decisive questions: an unknown answer is listed first among the open questions, and the
    /// quick screen asks every one of them.
    pub decisive: bool,
    /// Asked under method 1 only. Kept in the catalogue (links store answers by position, and
    /// files by id) so that older assessments open with every answer; method 2 reads a retired
    /// answer only through `migration::METHOD1_MIGRATIONS`.
    pub retired: bool,
    /// Asked only when this holds or might (for example the end user's type, only when the end
    /// user is not the customer). It reads only questions that are always asked.
    pub asked_when: Option<Trigger>,
}

impl Question {
    /// Whether the question is asked in this assessment: its mode fits, it is not retired, and
    /// it belongs to no pack, to the chosen pack, or to a pack that the answers make relevant
    /// (or might: an unknown capability keeps the pack's questions asked).
    pub fn is_asked(&self, assessment: &Assessment) -> bool {
        self.mode_fits(assessment) && self.applies_given(&AskedAnswers::new(assessment))
    }

    /// Whether a full assessment of the same answers would ask it (what a quick screen counts as
    /// "not asked").
    pub fn asked_in_full_assessment(&self, assessment: &Assessment) -> bool {
        self.applies_given(&AskedAnswers::new(assessment))
    }

    /// Whether the assessment's mode asks this question.
    pub fn mode_fits(&self, assessment: &Assessment) -> bool {
        assessment.mode == Mode::FullAssessment || self.scope == Scope::Quick
    }

    /// Not retired, its pack (if any) applies and its `asked_when` holds or might: whether a
    /// full assessment asks it. [`AskedAnswers`] keeps the result for each question.
    pub(crate) fn applies_given(&self, answers: &AskedAnswers) -> bool {
        !self.retired
            && self
                .sector
                .is_none_or(|pack| answers.pack_relevance(pack).is_some())
            && self
                .asked_when
                .is_none_or(|t| truth(&t, answers, None).possible())
    }

    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            QuestionKind::Single(c) | QuestionKind::Checklist(c) => c,
            QuestionKind::Country | QuestionKind::Date => &[],
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
            ContextLevel::Low => en("low risk context"),
            ContextLevel::Moderate => en("moderate risk context"),
            ContextLevel::High => en("high risk context"),
            ContextLevel::VeryHigh => en("very high risk context"),
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

/// Most points the country context adds to element B, reached at a context index of 100. The
/// context contributes continuously (index x this / 100): two countries one index point apart
/// get almost the same score (METHODOLOGY.md, "Country context").
pub const COUNTRY_CONTEXT_MAX_POINTS: u16 = 30;

/// The index that stands for a context level the assessor set by hand (the middle of its band).
pub const CONTEXT_LEVEL_REPRESENTATIVE_INDEX: [u8; 4] = [15, 42, 65, 88];

/// Red flags and floors read a country's context index plus its margin (the half-width of the
/// WGI 90% confidence intervals, `Country::context_index_margin`), so that a country just below
/// a band edge is treated as in the higher band: the conservative reading of uncertain data.
/// The margin used is capped here, so that a country rated by few sources is not pushed two
/// bands up (METHODOLOGY.md, "Country context").
pub const MAX_CONTEXT_INDEX_MARGIN_FOR_FLAGS: u8 = 10;

/// Likelihood weights of the elements (sum 100): how strongly each element's score predicts
/// that harm occurs when no explicit likelihood is given.
pub const LIKELIHOOD_WEIGHT_END_USE: u32 = 35;
pub const LIKELIHOOD_WEIGHT_CUSTOMER: u32 = 45;
pub const LIKELIHOOD_WEIGHT_CONNECTION: u32 = 20;

/// How many times the assessor's likelihood rating of a right weighs against the likelihood
/// from the answers when the two are combined (OECD guidance: likelihood is judged per impact;
/// the deal-wide answers keep a say so that a rating cannot erase the evidence).
pub const ASSESSOR_LIKELIHOOD_WEIGHT: u32 = 3;

/// Safeguards can remove at most this share (percent) of the inherent likelihood: safeguards
/// reduce risk, they do not make harm impossible.
pub const MAX_MITIGATION_REDUCTION_PERCENT: u32 = 50;

/// Credit (percent of its points) of a safeguard that is declared but not verified.
pub const DECLARED_SAFEGUARD_CREDIT_PERCENT: u32 = 50;

/// Credit (percent) of a paper safeguard (a promise, a clause, a training) against a state
/// security customer: such a customer can ignore paper, and the seller rarely learns of it
/// (US State Department guidance, 2020; EU 2024 cyber-surveillance guidelines).
pub const PAPER_SAFEGUARD_CREDIT_AGAINST_SECURITY_PERCENT: u32 = 25;

/// Severity added to a right when a group at heightened risk that the right bears on could be
/// affected. Added once per right, however many groups are ticked.
pub const GROUP_SEVERITY_POINTS: u8 = 10;

/// How the company is connected to a harm (UN Guiding Principles 13 and 19; OECD guidance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    DirectlyLinked,
    Contribute,
    Cause,
}

impl Connection {
    pub const ALL: [Connection; 3] = [
        Connection::DirectlyLinked,
        Connection::Contribute,
        Connection::Cause,
    ];
    /// The option key of `connection.type`.
    pub fn key(self) -> &'static str {
        match self {
            Connection::DirectlyLinked => "linked",
            Connection::Contribute => "contribute",
            Connection::Cause => "cause",
        }
    }
    pub fn from_key(key: &str) -> Option<Connection> {
        Connection::ALL.into_iter().find(|c| c.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Connection::DirectlyLinked => en("directly linked"),
            Connection::Contribute => en("contributing"),
            Connection::Cause => en("causing"),
        }
    }
    /// What the company must do, by its connection (UN Guiding Principle 19 and commentary;
    /// OECD guidance, section II.3).
    pub fn response(self) -> &'static str {
        match self {
            Connection::Cause => en("You would cause the harm: stop or change your own activity so that it does not happen, and provide for remediation if it does. Customer clauses do not answer a harm you cause."),
            Connection::Contribute => en("You would contribute: stop the acts that facilitate or encourage the harm, use your leverage to reduce what remains, and take part in remediation."),
            Connection::DirectlyLinked => en("You would be directly linked: build and use leverage over the customer (terms, audits, suspension, joint action with others). If leverage stays low and the harm is severe, do not enter a new relationship until leverage is in place, and consider responsible disengagement from an existing one."),
        }
    }
}

/// How much the company can influence the customer after the sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Leverage {
    Low,
    Medium,
    High,
}

impl Leverage {
    pub fn label(self) -> &'static str {
        match self {
            Leverage::Low => en("low"),
            Leverage::Medium => en("medium"),
            Leverage::High => en("high"),
        }
    }
}

/// Leverage points (0..30) from the answers on what continues after the sale, binding terms
/// and traceability: 0-9 high, 10-19 medium, 20+ low. Leverage is counted here once; the
/// safeguards that are leverage (clauses, suspension, staged payments, void warranty) earn no
/// likelihood credit of their own.
pub fn leverage_from_points(points: u16) -> Leverage {
    match points {
        0..=9 => Leverage::High,
        10..=19 => Leverage::Medium,
        _ => Leverage::Low,
    }
}
