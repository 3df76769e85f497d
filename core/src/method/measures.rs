//! How the method reads the embedded table of restrictive measures
//! (`crate::restrictive_measures`): which answer of the embargo question each kind of measure
//! stands for, which rows may settle that answer, and whom an exemption for the state covers.
//! Applied by `crate::pre_answers`; explained with sources in METHODOLOGY.md, "Restrictive
//! measures on the destination".

use crate::restrictive_measures::{Regime, Verification};

/// The question the table pre-answers.
pub const EMBARGO_QUESTION: &str = "profile.destination_embargo";

/// The answer each kind of measure stands for. When several measures cover the destination,
/// the one that leads to the most cautious outcome for this deal is presumed (an arms embargo
/// for military goods, trade restrictions for civilian goods).
pub const MEASURE_ANSWERS: &[(Regime, &str)] = &[
    (Regime::UnArmsEmbargo, "arms_embargo"),
    (Regime::EuArmsEmbargo, "arms_embargo"),
    (Regime::OsceArmsEmbargo, "arms_embargo"),
    (
        Regime::EuInternalRepressionBan,
        "repression_or_monitoring_ban",
    ),
    (
        Regime::EuTelecomMonitoringBan,
        "repression_or_monitoring_ban",
    ),
    (Regime::EuTradeRestrictions, "trade_ban"),
];

/// The answer presumed when no measure in the table covers the destination (or only measures
/// on listed persons, which the sanctions screening answers).
pub const NO_MEASURE_ANSWER: &str = "none_checked";

/// The least a row's verification must be for the table to settle the answer by itself. An
/// unverified row (a lapsed renewal, conflicting sources) is shown but never settles anything:
/// the user must check the current act and answer.
pub const LEAST_VERIFICATION_TO_SETTLE: Verification = Verification::Secondary;

/// Buyer types that do not say who ends up with the product: a reseller's end user must be
/// known before an exemption for the state (or its absence) can be read.
pub const END_USER_UNKNOWN_TYPES: &[&str] = &["reseller"];
