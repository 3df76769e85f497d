//! What follows a decision, as method data: when to review a decided deal by default, and the
//! events that call for a new assessment before then (METHODOLOGY.md 4.18, "After the
//! decision"). The record of the decision itself is `crate::record`.

use crate::record::DecisionTaken;
use crate::report::Outcome;

/// Months from the decision to its default review, by what was decided; `None`: no review date
/// (a refused deal is assessed again only if it comes back). A decision that departs from the
/// recommendation towards more permission is reviewed as soon as an escalated deal
/// ([`REVIEW_MONTHS_AFTER_ESCALATION`]).
///
/// The intervals are the project's choice, read from the sources' call to track whether
/// responses work and to look again when circumstances change (UN Guiding Principles 17 and 20;
/// OECD Due Diligence Guidance for Responsible Business Conduct, step 5; US State Department
/// guidance on transactions linked to foreign government end-users of surveillance products,
/// 2020, on post-sale monitoring): the more the deal rests on conditions or on a senior
/// judgement, the sooner.
pub const REVIEW_MONTHS: [(DecisionTaken, Option<u32>); 4] = [
    (DecisionTaken::Proceed, Some(24)),
    (DecisionTaken::ProceedWithConditions, Some(12)),
    (DecisionTaken::Deferred, Some(3)),
    (DecisionTaken::DoNotProceed, None),
];

/// Months to the default review of a deal that proceeds after an escalation, or on a decision
/// more permissive than the recommendation.
pub const REVIEW_MONTHS_AFTER_ESCALATION: u32 = 6;

/// The default review interval of a decision, in months.
pub fn default_review_months(recommended: Outcome, taken: DecisionTaken) -> Option<u32> {
    let plain = REVIEW_MONTHS
        .iter()
        .find(|(decision, _)| *decision == taken)
        .and_then(|(_, months)| *months)?;
    let proceeds = matches!(
        taken,
        DecisionTaken::Proceed | DecisionTaken::ProceedWithConditions
    );
    let escalated = recommended >= Outcome::Escalate
        || crate::record::departure(recommended, taken) == crate::record::Departure::MorePermissive;
    Some(if proceeds && escalated {
        plain.min(REVIEW_MONTHS_AFTER_ESCALATION)
    } else {
        plain
    })
}

/// Events that call for a new assessment before the review date: a different customer, use or
/// destination changes the facts the outcome rests on, and a report of misuse is the signal the
/// sources ask companies to act on (UN Guiding Principle 17 commentary: due diligence is ongoing
/// as operating context changes; OECD Due Diligence Guidance, step 5; BSR primer on downstream
/// due diligence). Catalogue keys `reassess-<key>`.
pub const REASSESS_WHEN: [&str; 4] = [
    "new_customer",
    "new_use",
    "new_destination",
    "misuse_report",
];
