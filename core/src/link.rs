//! Share links (format 1, `docs/FORMAT.md`): the assessment in the URL fragment, which browsers
//! never send to a server. A link is a version prefix and base64url of a compact binary body:
//! answers as option indices, not text, in the method's append-only catalogue order. Free text is
//! included only when the user asks. A passphrase-protected link carries the same body encrypted
//! (AES-256-GCM, key from PBKDF2-SHA-256); the encryption itself is done by the caller (the
//! browser's WebCrypto), the envelope is defined here.
//!
//! Decoding never trusts its input: the length is checked before anything is decoded, inflated
//! bodies are capped, and every index is checked against the method before it is used.

use crate::assessment::{
    Answer, Assessment, CountryCode, CountryOverride, FreeText, ImpactRating, RightStatus,
};
use crate::dates::Day;
use crate::error::AssessmentError;
use crate::format::WITHHELD_TEXT;
use crate::method::{
    ContextLevel, Mode, Perspective, QuestionKind, Sector, ACTIONS, METHOD_VERSION, QUESTIONS,
    RIGHTS,
};
use crate::record::{Condition, ConditionStatus, Decision, DecisionRecord, DecisionTaken};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Prefix of a plain link's fragment (format version 1).
pub const PLAIN_PREFIX: &str = "hrdd1.";
/// Prefix of a passphrase-protected link's fragment (format version 1).
pub const ENCRYPTED_PREFIX: &str = "hrdd1e.";
/// Longest fragment accepted, checked before any decoding.
pub const MAX_LINK_CHARS: usize = 16 * 1024;
/// Largest body accepted after inflating, against decompression bombs.
pub const MAX_BODY_BYTES: usize = 32 * 1024;
/// PBKDF2-SHA-256 iterations for passphrase-protected links (OWASP 2023 guidance: 600,000).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
/// AES-GCM authentication tag length.
pub const TAG_BYTES: usize = 16;

/// Reason recorded for a country override whose reason was left out of the link.
pub const WITHHELD_REASON: &str = "(reason not included in this link)";

const FLAG_DEFLATED: u8 = 1;
/// The body is followed by an [`ExtensionV1`]. Links without it are byte for byte what earlier
/// versions made, and earlier versions still open them.
const FLAG_EXTENDED: u8 = 2;
/// Then by a [`RecordV1`] (the decision on record). Earlier versions refuse such a link as made
/// by a newer version rather than open it without its decision.
const FLAG_RECORD: u8 = 4;

/// Everything that can be wrong with a link, in words for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    NotALink,
    TooLong { chars: usize, max: usize },
    UnsupportedVersion { prefix: String },
    NotBase64,
    Truncated,
    Corrupt,
    TooLargeWhenInflated { max: usize },
    NewerMethod { found: u16, newest: u16 },
    Invalid(AssessmentError),
    WrongPassphrase,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotALink => write!(f, "This address does not contain a shared assessment."),
            Self::TooLong { chars, max } => write!(f, "This link is too long to be a shared assessment ({chars} characters; the limit is {max}). It was not opened."),
            Self::UnsupportedVersion { prefix } => write!(f, "This link uses a format (\"{prefix}\") that this version of the calculator does not know. Open it in a newer version."),
            Self::NotBase64 => write!(f, "This link is damaged: it contains characters a shared assessment never has. Ask for the link again."),
            Self::Truncated => write!(f, "This link is incomplete: it was probably cut off when it was copied. Ask for the whole link."),
            Self::Corrupt => write!(f, "This link is damaged or was changed after it was made. It was not opened."),
            Self::TooLargeWhenInflated { max } => write!(f, "This link unpacks to more than {max} bytes, far more than any assessment. It was not opened."),
            Self::NewerMethod { found, newest } => write!(f, "This link was made with method version {found}; this calculator knows versions up to {newest}. Open it in a newer version."),
            Self::Invalid(e) => write!(f, "This link does not hold a valid assessment: {e}"),
            Self::WrongPassphrase => write!(f, "This passphrase does not open the link. Check it and try again (it is case-sensitive)."),
        }
    }
}

impl std::error::Error for LinkError {}

#[derive(Serialize, Deserialize)]
struct TextV1 {
    title: String,
    customer_name: String,
    beneficial_purpose: String,
    notes: String,
}

/// The binary body. Field order and meaning are the format: never change them.
#[derive(Serialize, Deserialize)]
struct BodyV1 {
    method_version: u16,
    mode: u8,
    perspective: u8,
    sector: u8,
    /// Per question, in catalogue order (trailing unanswered ones dropped): 0 unanswered,
    /// 1 don't know, otherwise 2 + option index, 2 + bit set of ticked items, or 2 + country.
    answers: Vec<u32>,
    /// Per right, in order (trailing unrated ones dropped): 0 unrated, 1 not at risk,
    /// otherwise 2 + scale + 5 x scope + 25 x irremediability + 125 x likelihood (0 = don't know).
    rights: Vec<u16>,
    /// Context level index and reason.
    country_override: Option<(u8, String)>,
    text: Option<TextV1>,
}

/// What later versions added to the body, appended after it when present (flag
/// [`FLAG_EXTENDED`]). Field order and meaning are the format: only ever append.
#[derive(Serialize, Deserialize, Default)]
struct ExtensionV1 {
    /// Notes on answers: (question index, note), the note withheld unless text is included.
    answer_notes: Vec<(u16, String)>,
}

/// The decision on record (`crate::record`), after the body and any [`ExtensionV1`] (flag
/// [`FLAG_RECORD`]). Days as day numbers, the decision and statuses by position in their
/// `ALL` lists, actions by position in `method::ACTIONS` (append-only). Field order and meaning
/// are the format: never change them.
#[derive(Serialize, Deserialize, Default)]
struct RecordV1 {
    /// Action index, owner, due day, status index, evidence.
    conditions: Vec<(u16, String, Option<u32>, u8, String)>,
    taken: Option<u8>,
    role: String,
    name: String,
    on: Option<u32>,
    reason: String,
    second_name: String,
    second_on: Option<u32>,
    review_on: Option<u32>,
    assessor: String,
}

impl RecordV1 {
    fn from_record(record: &DecisionRecord, include_text: bool) -> RecordV1 {
        let mut record = record.clone();
        if !include_text {
            for text in record.texts_mut().filter(|t| !t.trim().is_empty()) {
                *text = WITHHELD_TEXT.to_owned();
            }
        }
        let number = |day: Option<Day>| day.map(Day::number);
        let d = record.decision;
        RecordV1 {
            conditions: record
                .conditions
                .into_iter()
                .map(|c| {
                    let action = ACTIONS.iter().position(|a| a.id == c.action).unwrap_or(0);
                    let status = ConditionStatus::ALL
                        .iter()
                        .position(|s| *s == c.status)
                        .unwrap_or(0);
                    (
                        action as u16,
                        c.owner,
                        number(c.due),
                        status as u8,
                        c.evidence,
                    )
                })
                .collect(),
            taken: d
                .taken
                .and_then(|t| DecisionTaken::ALL.iter().position(|x| *x == t))
                .map(|i| i as u8),
            role: d.role,
            name: d.name,
            on: number(d.on),
            reason: d.reason,
            second_name: d.second_name,
            second_on: number(d.second_on),
            review_on: number(record.review_on),
            assessor: record.assessor,
        }
    }

    fn into_record(self) -> Result<DecisionRecord, LinkError> {
        let day = |number: Option<u32>| -> Result<Option<Day>, LinkError> {
            number
                .map(|n| Day::from_number(n).ok_or(LinkError::Corrupt))
                .transpose()
        };
        let conditions = self
            .conditions
            .into_iter()
            .map(|(action, owner, due, status, evidence)| {
                Ok(Condition {
                    action: ACTIONS
                        .get(usize::from(action))
                        .ok_or(LinkError::Corrupt)?
                        .id,
                    owner,
                    due: day(due)?,
                    status: *ConditionStatus::ALL
                        .get(usize::from(status))
                        .ok_or(LinkError::Corrupt)?,
                    evidence,
                })
            })
            .collect::<Result<Vec<_>, LinkError>>()?;
        Ok(DecisionRecord {
            assessor: self.assessor,
            conditions,
            decision: Decision {
                taken: self
                    .taken
                    .map(|i| {
                        DecisionTaken::ALL
                            .get(usize::from(i))
                            .copied()
                            .ok_or(LinkError::Corrupt)
                    })
                    .transpose()?,
                role: self.role,
                name: self.name,
                on: day(self.on)?,
                reason: self.reason,
                second_name: self.second_name,
                second_on: day(self.second_on)?,
            },
            review_on: day(self.review_on)?,
        })
    }
}

/// A link opened without a passphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedAssessment {
    pub assessment: Assessment,
    /// Whether the sender included names and notes.
    pub includes_text: bool,
    /// The method version the link was made with.
    pub method_version: u16,
}

/// A passphrase-protected link, before decryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedLink {
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    /// Ciphertext with the GCM tag at the end, as WebCrypto produces it.
    pub ciphertext: Vec<u8>,
}

/// A link as read from the address.
#[derive(Debug, Clone, PartialEq)]
pub enum ParsedLink {
    Open(SharedAssessment),
    Locked(EncryptedLink),
}

fn country_number(code: CountryCode) -> u32 {
    let b = code.as_str().as_bytes();
    u32::from(b[0] - b'A') * 26 + u32::from(b[1] - b'A')
}

fn country_from_number(n: u32) -> Option<CountryCode> {
    if n >= 26 * 26 {
        return None;
    }
    let code = [b'A' + (n / 26) as u8, b'A' + (n % 26) as u8];
    std::str::from_utf8(&code).ok()?.parse().ok()
}

fn rating_code(r: Option<u8>) -> u16 {
    r.map_or(0, u16::from)
}

fn rating_from_code(code: u16) -> Option<u8> {
    (code != 0).then_some(code as u8)
}

/// The body bytes (flags byte, then postcard, deflated when that is shorter). This is also the
/// plaintext that a passphrase-protected link encrypts.
pub fn body_bytes(assessment: &Assessment, include_text: bool) -> Vec<u8> {
    let mut answers: Vec<u32> = QUESTIONS
        .iter()
        .zip(&assessment.answers)
        .map(|(question, answer)| match (question.kind, *answer) {
            (_, Answer::Unanswered) => 0,
            (_, Answer::DontKnow) => 1,
            (QuestionKind::Single(_), Answer::Choice(i)) => 2 + u32::from(i),
            (QuestionKind::Checklist(_), Answer::Ticked(bits)) => 2 + bits,
            (QuestionKind::Country, Answer::Country(code)) => 2 + country_number(code),
            (QuestionKind::Date, Answer::Date(day)) => 2 + day.number(),
            _ => 0,
        })
        .collect();
    while answers.last() == Some(&0) {
        answers.pop();
    }
    let mut rights: Vec<u16> = assessment
        .rights
        .iter()
        .map(|status| match status {
            RightStatus::Unrated => 0,
            RightStatus::NotAtRisk => 1,
            RightStatus::Rated(r) => {
                2 + rating_code(r.scale)
                    + 5 * rating_code(r.scope)
                    + 25 * rating_code(r.irremediability)
                    + 125 * rating_code(r.likelihood)
            }
        })
        .collect();
    while rights.last() == Some(&0) {
        rights.pop();
    }
    let body = BodyV1 {
        method_version: assessment.method_version,
        mode: (assessment.mode == Mode::FullAssessment).into(),
        perspective: Perspective::ALL
            .iter()
            .position(|p| *p == assessment.perspective)
            .unwrap_or(0) as u8,
        sector: assessment.sector as u8,
        answers,
        rights,
        country_override: assessment.country_override.as_ref().map(|o| {
            let reason = if include_text {
                o.reason.clone()
            } else {
                WITHHELD_REASON.to_owned()
            };
            (o.level.index() as u8, reason)
        }),
        text: include_text.then(|| TextV1 {
            title: assessment.text.title.clone(),
            customer_name: assessment.text.customer_name.clone(),
            beneficial_purpose: assessment.text.beneficial_purpose.clone(),
            notes: assessment.text.notes.clone(),
        }),
    };
    let extension = ExtensionV1 {
        answer_notes: assessment
            .answer_notes
            .iter()
            .map(|(index, note)| {
                let note = if include_text {
                    note.clone()
                } else {
                    WITHHELD_REASON.to_owned()
                };
                (*index as u16, note)
            })
            .collect(),
    };
    let extended = !extension.answer_notes.is_empty();
    let recorded = !assessment.record.is_empty();
    // Serialising plain data into a Vec cannot fail.
    let mut raw = postcard::to_allocvec(&body).unwrap_or_default();
    if extended {
        raw.extend(postcard::to_allocvec(&extension).unwrap_or_default());
    }
    if recorded {
        let record = RecordV1::from_record(&assessment.record, include_text);
        raw.extend(postcard::to_allocvec(&record).unwrap_or_default());
    }
    let extended_flag =
        if extended { FLAG_EXTENDED } else { 0 } | if recorded { FLAG_RECORD } else { 0 };
    #[cfg(feature = "deflate-links")]
    {
        let deflated = miniz_oxide::deflate::compress_to_vec(&raw, 9);
        if deflated.len() < raw.len() {
            let mut bytes = Vec::with_capacity(deflated.len() + 1);
            bytes.push(FLAG_DEFLATED | extended_flag);
            bytes.extend_from_slice(&deflated);
            return bytes;
        }
    }
    let mut bytes = Vec::with_capacity(raw.len() + 1);
    bytes.push(extended_flag);
    bytes.extend_from_slice(&raw);
    bytes
}

/// The fragment of a plain share link (without the leading '#').
pub fn encode(assessment: &Assessment, include_text: bool) -> String {
    format!(
        "{PLAIN_PREFIX}{}",
        URL_SAFE_NO_PAD.encode(body_bytes(assessment, include_text))
    )
}

/// The fragment of a passphrase-protected link from its parts.
pub fn encode_encrypted(link: &EncryptedLink) -> String {
    let mut bytes = Vec::with_capacity(link.salt.len() + link.nonce.len() + link.ciphertext.len());
    bytes.extend_from_slice(&link.salt);
    bytes.extend_from_slice(&link.nonce);
    bytes.extend_from_slice(&link.ciphertext);
    format!("{ENCRYPTED_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The additional authenticated data of an encrypted link: its prefix, so that a body cannot be
/// moved to another format version unnoticed.
pub fn encryption_associated_data() -> &'static [u8] {
    ENCRYPTED_PREFIX.as_bytes()
}

/// Whether a fragment claims to be a share link at all (so that other fragments, such as
/// in-page anchors, are left alone).
pub fn looks_like_link(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with("hrdd")
}

/// A length that no whole link has, or a last character that cannot end one, means the link was
/// cut off; any other base64 error means characters a link never has.
fn base64_error(error: base64::DecodeError) -> LinkError {
    match error {
        base64::DecodeError::InvalidLength { .. }
        | base64::DecodeError::InvalidLastSymbol { .. } => LinkError::Truncated,
        _ => LinkError::NotBase64,
    }
}

/// Read a fragment (with or without the leading '#').
pub fn decode(fragment: &str) -> Result<ParsedLink, LinkError> {
    let fragment = fragment.trim_start_matches('#');
    let chars = fragment.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong {
            chars,
            max: MAX_LINK_CHARS,
        });
    }
    if let Some(data) = fragment.strip_prefix(ENCRYPTED_PREFIX) {
        let bytes = URL_SAFE_NO_PAD.decode(data.trim()).map_err(base64_error)?;
        if bytes.len() < SALT_BYTES + NONCE_BYTES + TAG_BYTES + 1 {
            return Err(LinkError::Truncated);
        }
        let (salt, rest) = bytes.split_at(SALT_BYTES);
        let (nonce, ciphertext) = rest.split_at(NONCE_BYTES);
        return Ok(ParsedLink::Locked(EncryptedLink {
            salt: salt.to_vec(),
            nonce: nonce.to_vec(),
            ciphertext: ciphertext.to_vec(),
        }));
    }
    if let Some(data) = fragment.strip_prefix(PLAIN_PREFIX) {
        let bytes = URL_SAFE_NO_PAD.decode(data.trim()).map_err(base64_error)?;
        return decode_body(&bytes).map(ParsedLink::Open);
    }
    if looks_like_link(fragment) {
        let prefix: String = fragment
            .chars()
            .take_while(|c| *c != '.')
            .take(16)
            .collect();
        return Err(LinkError::UnsupportedVersion { prefix });
    }
    Err(LinkError::NotALink)
}

/// Read a body: the bytes after base64 (plain links) or after decryption (protected links).
pub fn decode_body(bytes: &[u8]) -> Result<SharedAssessment, LinkError> {
    let (&flags, data) = bytes.split_first().ok_or(LinkError::Truncated)?;
    if flags & !(FLAG_DEFLATED | FLAG_EXTENDED | FLAG_RECORD) != 0 {
        return Err(LinkError::Corrupt);
    }
    let inflated;
    let raw: &[u8] = if flags & FLAG_DEFLATED != 0 {
        inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_BODY_BYTES)
            .map_err(|e| {
                if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    LinkError::TooLargeWhenInflated {
                        max: MAX_BODY_BYTES,
                    }
                } else if e.status == miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress {
                    LinkError::Truncated
                } else {
                    LinkError::Corrupt
                }
            })?;
        &inflated
    } else {
        data
    };
    if raw.len() > MAX_BODY_BYTES {
        return Err(LinkError::TooLargeWhenInflated {
            max: MAX_BODY_BYTES,
        });
    }
    let (body, rest): (BodyV1, &[u8]) = postcard::take_from_bytes(raw).map_err(postcard_error)?;
    let (extension, rest): (ExtensionV1, &[u8]) = if flags & FLAG_EXTENDED != 0 {
        postcard::take_from_bytes(rest).map_err(postcard_error)?
    } else {
        (ExtensionV1::default(), rest)
    };
    let (record, rest): (RecordV1, &[u8]) = if flags & FLAG_RECORD != 0 {
        postcard::take_from_bytes(rest).map_err(postcard_error)?
    } else {
        (RecordV1::default(), rest)
    };
    if !rest.is_empty() {
        return Err(LinkError::Corrupt);
    }
    if body.method_version > METHOD_VERSION {
        return Err(LinkError::NewerMethod {
            found: body.method_version,
            newest: METHOD_VERSION,
        });
    }
    if body.method_version == 0 {
        return Err(LinkError::Corrupt);
    }
    let includes_text = body.text.is_some();
    let method_version = body.method_version;
    let mut assessment = assessment_from_body(body)?;
    for (index, note) in extension.answer_notes {
        assessment.answer_notes.insert(usize::from(index), note);
    }
    assessment.record = Box::new(record.into_record()?);
    assessment.validate().map_err(LinkError::Invalid)?;
    Ok(SharedAssessment {
        assessment,
        includes_text,
        method_version,
    })
}

/// A body part that ends early was cut off; any other postcard error is damage.
fn postcard_error(error: postcard::Error) -> LinkError {
    match error {
        postcard::Error::DeserializeUnexpectedEnd => LinkError::Truncated,
        _ => LinkError::Corrupt,
    }
}

fn assessment_from_body(body: BodyV1) -> Result<Assessment, LinkError> {
    let mode = match body.mode {
        0 => Mode::QuickScreen,
        1 => Mode::FullAssessment,
        _ => return Err(LinkError::Corrupt),
    };
    let perspective = *Perspective::ALL
        .get(usize::from(body.perspective))
        .ok_or(LinkError::Corrupt)?;
    let sector = *Sector::ALL
        .get(usize::from(body.sector))
        .ok_or(LinkError::Corrupt)?;
    if body.answers.len() > QUESTIONS.len() || body.rights.len() > RIGHTS.len() {
        return Err(LinkError::Corrupt);
    }
    let mut assessment = Assessment::new(mode, perspective, sector);
    assessment.method_version = body.method_version;
    for (index, code) in body.answers.into_iter().enumerate() {
        let question = &QUESTIONS[index];
        assessment.answers[index] = match (code, question.kind) {
            (0, _) => Answer::Unanswered,
            (1, _) => Answer::DontKnow,
            (c, QuestionKind::Single(choices)) if ((c - 2) as usize) < choices.len() => {
                Answer::Choice((c - 2) as u8)
            }
            (c, QuestionKind::Checklist(items)) if (c - 2) >> items.len() == 0 => {
                Answer::Ticked(c - 2)
            }
            (c, QuestionKind::Country) => {
                Answer::Country(country_from_number(c - 2).ok_or(LinkError::Corrupt)?)
            }
            (c, QuestionKind::Date) => {
                Answer::Date(Day::from_number(c - 2).ok_or(LinkError::Corrupt)?)
            }
            _ => return Err(LinkError::Corrupt),
        };
    }
    for (index, code) in body.rights.into_iter().enumerate() {
        assessment.rights[index] = match code {
            0 => RightStatus::Unrated,
            1 => RightStatus::NotAtRisk,
            c if c - 2 < 625 => {
                let packed = c - 2;
                RightStatus::Rated(ImpactRating {
                    scale: rating_from_code(packed % 5),
                    scope: rating_from_code(packed / 5 % 5),
                    irremediability: rating_from_code(packed / 25 % 5),
                    likelihood: rating_from_code(packed / 125),
                })
            }
            _ => return Err(LinkError::Corrupt),
        };
    }
    if let Some((level, reason)) = body.country_override {
        let level = *ContextLevel::ALL
            .get(usize::from(level))
            .ok_or(LinkError::Corrupt)?;
        assessment.country_override = Some(CountryOverride { level, reason });
    }
    if let Some(text) = body.text {
        assessment.text = FreeText {
            title: text.title,
            customer_name: text.customer_name,
            beneficial_purpose: text.beneficial_purpose,
            notes: text.notes,
        };
    }
    Ok(assessment)
}
