//! The wording of questions from each perspective. The catalogue's prompts speak to a company
//! screening its own deal; an organisation assessing its own product or deployment has users,
//! not buyers, and an outside reviewer assesses another company's deal. Only the words change,
//! never the score (METHODOLOGY.md, "Structure of an assessment").

use super::{Perspective, Question};
use crate::en;

/// (question id, perspective, prompt) for every question whose catalogue prompt does not fit
/// that perspective. A test checks that no prompt shown to another perspective speaks of "the
/// buyer" or of "your company".
pub const PERSPECTIVE_PROMPTS: &[(&str, Perspective, &str)] = &[
    ("profile.ongoing_relationship", Perspective::OurProduct, en("What continues between you and the users after they start using it?")),
    ("profile.ongoing_relationship", Perspective::OutsideReview, en("What continues between the company and its customer after the sale?")),
    ("end_use.purpose_disclosed", Perspective::OurProduct, en("Is it clear, in writing, what the product or deployment is for and who uses it?")),
    ("end_use.purpose_disclosed", Perspective::OutsideReview, en("Has the customer said clearly, to the company or in public, what the product is for and who will use it?")),
    ("end_use.fits_business", Perspective::OurProduct, en("Do the product's capabilities fit what the users need it for?")),
    ("end_use.fits_business", Perspective::OutsideReview, en("Do the product's capabilities fit the customer's line of business?")),
    ("end_use.customisation", Perspective::OurProduct, en("Have users or partners asked for customisation?")),
    ("end_use.customisation", Perspective::OutsideReview, en("Has the customer asked the company for customisation?")),
    ("customer.end_user_known", Perspective::OurProduct, en("Do you know who actually uses the product?")),
    ("customer.end_user_known", Perspective::OutsideReview, en("Is it known who will actually use the product?")),
    ("customer.refusals", Perspective::OurProduct, en("Have users or partners refused any of the following? Tick all that apply.")),
    ("customer.refusals", Perspective::OutsideReview, en("Is the customer known to have refused any of the following? Tick all that apply.")),
    ("connection.type", Perspective::OutsideReview, en("If harm happened, how would the company be connected to it?")),
    ("connection.facilitating_acts", Perspective::OurProduct, en("Would your organisation do any of the following? Tick all that apply.")),
    ("connection.facilitating_acts", Perspective::OutsideReview, en("Would the company do any of the following? Tick all that apply.")),
    ("connection.contract_terms", Perspective::OurProduct, en("Can you set binding terms on how the product is used (for example terms of service)?")),
    ("connection.contract_terms", Perspective::OutsideReview, en("Can the company set binding terms on how the product is used?")),
    ("connection.traceability", Perspective::OutsideReview, en("Can the company trace where the product ends up, including transfers and modifications?")),
    ("connection.relationship", Perspective::OurProduct, en("Is this a new product or deployment, or does it continue one already in use?")),
    ("customer.transaction_red_flags", Perspective::OutsideReview, en("Are any of these signs known about the transaction? Tick all that apply.")),
    ("end_use.disallowed_uses", Perspective::OurProduct, en("Have you defined the uses of the product you will not allow?")),
    ("end_use.disallowed_uses", Perspective::OutsideReview, en("Has the company defined the uses of the product it will not allow for this customer?")),
    ("mitigations.planned", Perspective::OutsideReview, en("Which safeguards has the company announced it will put in place? Tick all that apply.")),
    ("mitigations.evidence", Perspective::OutsideReview, en("How is it known that the company's safeguards work?")),
    ("mitigations.in_place", Perspective::OutsideReview, en("Which safeguards does the company have in place for this deal? Tick all that apply.")),
];

/// (question id, option key, perspective, label) for every option whose catalogue label speaks
/// as the company ("we", "our") and so does not fit an outside reviewer, or speaks of a sale
/// where an organisation assesses its own product. A test checks that no option shown to an
/// outside reviewer says "we" or "our".
pub const PERSPECTIVE_OPTION_LABELS: &[(&str, &str, Perspective, &str)] = &[
    ("profile.channel", "direct", Perspective::OutsideReview, en("The company sells or provides it directly")),
    ("profile.ongoing_relationship", "continuing", Perspective::OutsideReview, en("A continuing service the company can suspend: licences, updates, hosting or maintenance")),
    ("customer.final_destination", "not_applicable", Perspective::OutsideReview, en("Nothing is delivered: the company runs the service or product itself")),
    ("connection.type", "contribute", Perspective::OutsideReview, en("Contribute: the company's design, service, training or marketing would facilitate or encourage it")),
    ("connection.type", "cause", Perspective::OutsideReview, en("Cause: the company's own activity would harm people")),
    ("mitigations.evidence", "verified", Perspective::OutsideReview, en("Verified: tested, audited or seen to work")),
    ("mitigations.evidence", "declared", Perspective::OutsideReview, en("Declared by the customer or the company, not verified")),
    ("connection.relationship", "new", Perspective::OurProduct, en("New: not yet in use, or put to a new use")),
    ("connection.relationship", "existing", Perspective::OurProduct, en("Existing: already in use (an update, extension or continued service)")),
];

impl Question {
    /// The label of one of its options in the words of this perspective.
    pub fn option_label_for(&self, key: &str, perspective: Perspective) -> &'static str {
        PERSPECTIVE_OPTION_LABELS
            .iter()
            .find(|(id, option, p, _)| *id == self.id && *option == key && *p == perspective)
            .map(|(_, _, _, label)| *label)
            .or_else(|| {
                self.choices()
                    .iter()
                    .find(|c| c.key == key)
                    .map(|c| c.label)
            })
            .unwrap_or("")
    }

    /// Whether this perspective has its own words for the prompt.
    pub fn has_prompt_for(&self, perspective: Perspective) -> bool {
        PERSPECTIVE_PROMPTS
            .iter()
            .any(|(id, p, _)| *id == self.id && *p == perspective)
    }

    /// Whether this perspective has its own words for an option.
    pub fn has_option_label_for(&self, key: &str, perspective: Perspective) -> bool {
        PERSPECTIVE_OPTION_LABELS
            .iter()
            .any(|(id, option, p, _)| *id == self.id && *option == key && *p == perspective)
    }

    /// The prompt in the words of this perspective.
    pub fn prompt_for(&self, perspective: Perspective) -> &'static str {
        PERSPECTIVE_PROMPTS
            .iter()
            .find(|(id, p, _)| *id == self.id && *p == perspective)
            .map_or(self.prompt, |(_, _, prompt)| prompt)
    }
}
