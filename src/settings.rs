//! Organisation settings (`settings.json` beside `index.html`, format `docs/SETTINGS.md`):
//! the organisation's name, escalation contacts, policy links, which sector packs are offered,
//! the default perspective, the theme, and what an embedding page may receive. Optional: without
//! the file the calculator works as it is; a bad file gets a clear message and the defaults.
//! Loading it is one same-origin GET that carries no user data.

use hrdd_core::method::{Perspective, Sector, SCREENING_LIST_ITEMS};
use hrdd_core::screening::Policy;
use serde::Deserialize;
use std::fmt;

pub const SETTINGS_FILE: &str = "settings.json";
pub const SETTINGS_FORMAT: &str = "hrdd-settings";
pub const SETTINGS_VERSION: u32 = 1;

/// Fields of the outcome summary an embedding page may be sent.
pub const SUMMARY_FIELDS: [&str; 6] = [
    "outcome",
    "outcome_label",
    "residual_risk",
    "element_scores",
    "red_flag_count",
    "open_question_count",
];

/// Theme properties that may be set, each a CSS custom property of `www/style.css`.
pub const THEME_PROPERTIES: [&str; 6] =
    ["accent", "text", "background", "surface", "border", "font"];

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyLink {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostMessageSettings {
    /// The exact origin of the page allowed to receive the summary, e.g. "https://intranet.example".
    pub target_origin: String,
    /// Which of [`SUMMARY_FIELDS`] it receives.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedSettings {
    #[serde(default)]
    pub post_message: Option<PostMessageSettings>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    format: String,
    format_version: u32,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    escalation_contacts: Vec<Contact>,
    #[serde(default)]
    policy_links: Vec<PolicyLink>,
    #[serde(default)]
    sector_packs: Option<Vec<String>>,
    #[serde(default)]
    default_perspective: Option<String>,
    /// The language a first visit opens in ("en", "fr", "es"), unless the address or the
    /// user's own choice says otherwise.
    #[serde(default)]
    default_language: Option<String>,
    #[serde(default)]
    theme: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    embed: EmbedSettings,
    /// Keys of the screening lists every party must be screened against.
    #[serde(default)]
    required_screening_lists: Vec<String>,
    /// The pipeline screen's columns: a header of the organisation's CRM export → the field it
    /// holds (`deal_id`, `customer`, `country`, `product_category`, `customer_type`,
    /// `sales_channel`).
    #[serde(default)]
    pipeline_mapping: std::collections::BTreeMap<String, String>,
}

/// The field keys a pipeline mapping may name, as a list for a message.
pub fn pipeline_fields() -> String {
    hrdd_core::pipeline::Field::ALL
        .map(hrdd_core::pipeline::Field::key)
        .join(", ")
}

/// Validated settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub organisation: String,
    pub escalation_contacts: Vec<Contact>,
    pub policy_links: Vec<PolicyLink>,
    /// Sector packs offered (never empty; all when the file does not say).
    pub sector_packs: Vec<Sector>,
    pub default_perspective: Option<Perspective>,
    pub default_language: Option<hrdd_core::i18n::Language>,
    /// (CSS custom property, value)
    pub theme: Vec<(String, String)>,
    pub post_message: Option<PostMessageSettings>,
    /// What the organisation requires beyond the method (the screening lists).
    pub policy: Policy,
    /// The pipeline screen's columns (header → field key), checked.
    pub pipeline_mapping: Vec<(String, String)>,
}

impl Settings {
    pub fn defaults() -> Self {
        Settings {
            sector_packs: Sector::ALL.to_vec(),
            ..Settings::default()
        }
    }
}

/// Why a settings file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    NotJson(String),
    Shape(String),
    WrongFormat(String),
    UnsupportedVersion(u32),
    UnknownSector(String),
    NoSectorPack,
    UnknownPerspective(String),
    UnknownThemeProperty(String),
    UnsafeThemeValue(String),
    UnsafePolicyLink(String),
    BadTargetOrigin(String),
    UnknownSummaryField(String),
    UnknownScreeningList(String),
    UnknownLanguage(String),
    UnknownPipelineField(String),
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            Self::Shape(e) => write!(f, "{e}"),
            Self::WrongFormat(found) => write!(
                f,
                "its format field is \"{found}\", not \"{SETTINGS_FORMAT}\""
            ),
            Self::UnsupportedVersion(v) => write!(
                f,
                "it uses settings version {v}; this calculator reads version {SETTINGS_VERSION}"
            ),
            Self::UnknownSector(s) => write!(f, "\"{s}\" is not a sector pack"),
            Self::NoSectorPack => write!(f, "it switches every sector pack off"),
            Self::UnknownPerspective(p) => write!(f, "\"{p}\" is not a perspective"),
            Self::UnknownThemeProperty(p) => write!(
                f,
                "\"{p}\" is not a theme property (use {})",
                THEME_PROPERTIES.join(", ")
            ),
            Self::UnsafeThemeValue(v) => write!(
                f,
                "the theme value \"{v}\" is not a plain colour or font name"
            ),
            Self::UnsafePolicyLink(u) => {
                write!(f, "the policy link \"{u}\" is not an http or https address")
            }
            Self::BadTargetOrigin(o) => write!(
                f,
                "\"{o}\" is not an origin such as https://intranet.example"
            ),
            Self::UnknownSummaryField(x) => write!(
                f,
                "\"{x}\" is not a summary field (use {})",
                SUMMARY_FIELDS.join(", ")
            ),
            Self::UnknownScreeningList(x) => write!(
                f,
                "\"{x}\" is not a screening list (use {})",
                SCREENING_LIST_ITEMS
                    .iter()
                    .map(|c| c.key)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::UnknownPipelineField(key) => write!(
                f,
                "\"{key}\" is not a pipeline field (use {})",
                pipeline_fields()
            ),
            Self::UnknownLanguage(code) => write!(
                f,
                "\"{code}\" is not a language of the calculator (use {})",
                hrdd_core::i18n::Language::ALL
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// A theme value must be a colour or a font list: no url(), no expressions, no escapes.
fn safe_theme_value(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 100
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " #,.-_'%()".contains(c))
        && !value.to_ascii_lowercase().contains("url")
}

fn valid_origin(origin: &str) -> bool {
    let Some(rest) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        return false;
    };
    !rest.is_empty()
        && !rest.contains('/')
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
}

/// Check a parsed settings file.
fn validate(file: SettingsFile) -> Result<Settings, SettingsError> {
    if file.format != SETTINGS_FORMAT {
        return Err(SettingsError::WrongFormat(file.format));
    }
    if file.format_version != SETTINGS_VERSION {
        return Err(SettingsError::UnsupportedVersion(file.format_version));
    }
    let sector_packs = match file.sector_packs {
        None => Sector::ALL.to_vec(),
        Some(keys) => {
            let mut packs = Vec::new();
            for key in keys {
                packs.push(Sector::from_key(&key).ok_or(SettingsError::UnknownSector(key))?);
            }
            if packs.is_empty() {
                return Err(SettingsError::NoSectorPack);
            }
            packs
        }
    };
    let default_perspective = file
        .default_perspective
        .map(|key| Perspective::from_key(&key).ok_or(SettingsError::UnknownPerspective(key)))
        .transpose()?;
    let default_language = file
        .default_language
        .map(|code| {
            hrdd_core::i18n::Language::ALL
                .into_iter()
                .find(|l| l.code() == code)
                .ok_or(SettingsError::UnknownLanguage(code))
        })
        .transpose()?;
    let mut theme = Vec::new();
    for (property, value) in file.theme {
        if !THEME_PROPERTIES.contains(&property.as_str()) {
            return Err(SettingsError::UnknownThemeProperty(property));
        }
        if !safe_theme_value(&value) {
            return Err(SettingsError::UnsafeThemeValue(value));
        }
        theme.push((format!("--hrdd-{property}"), value));
    }
    for link in &file.policy_links {
        if !(link.url.starts_with("https://") || link.url.starts_with("http://")) {
            return Err(SettingsError::UnsafePolicyLink(link.url.clone()));
        }
    }
    if let Some(post) = &file.embed.post_message {
        if !valid_origin(&post.target_origin) {
            return Err(SettingsError::BadTargetOrigin(post.target_origin.clone()));
        }
        for field in &post.fields {
            if !SUMMARY_FIELDS.contains(&field.as_str()) {
                return Err(SettingsError::UnknownSummaryField(field.clone()));
            }
        }
    }
    let policy = Policy::with_required_lists(&file.required_screening_lists).map_err(|_| {
        let known: Vec<&str> = SCREENING_LIST_ITEMS.iter().map(|c| c.key).collect();
        let unknown = file
            .required_screening_lists
            .iter()
            .find(|key| !known.contains(&key.as_str()))
            .cloned()
            .unwrap_or_default();
        SettingsError::UnknownScreeningList(unknown)
    })?;
    if let Some(key) = file
        .pipeline_mapping
        .values()
        .find(|key| hrdd_core::pipeline::Field::from_key(key).is_none())
    {
        return Err(SettingsError::UnknownPipelineField(key.clone()));
    }
    Ok(Settings {
        pipeline_mapping: file.pipeline_mapping.into_iter().collect(),
        policy,
        organisation: file.organisation,
        escalation_contacts: file.escalation_contacts,
        policy_links: file.policy_links,
        sector_packs,
        default_perspective,
        default_language,
        theme,
        post_message: file.embed.post_message,
    })
}

/// Fetch `settings.json` from beside the page: `Ok(None)` when there is none (or the page was
/// opened from disk, or the network is off), an error when the file exists but cannot be used.
pub async fn load() -> Result<Option<Settings>, SettingsError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(window) = web_sys::window() else {
        return Ok(None);
    };
    // The one-file build has no folder beside it, and its policy forbids any connection.
    let single_file = gloo::utils::document()
        .query_selector("meta[name='hrdd-single-file']")
        .ok()
        .flatten()
        .is_some();
    if single_file || window.location().protocol().is_ok_and(|p| p == "file:") {
        return Ok(None);
    }
    let Ok(response) = JsFuture::from(window.fetch_with_str(SETTINGS_FILE)).await else {
        return Ok(None);
    };
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Ok(None);
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => return Ok(None),
    };
    parse(&text).map(Some)
}

/// Apply the theme: set the CSS custom properties on the root element. Setting properties
/// through the CSS object model is allowed by the Content-Security-Policy, unlike inline styles.
pub fn apply_theme(settings: &Settings) {
    use wasm_bindgen::JsCast;
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
        for (property, value) in &settings.theme {
            let _ = root.style().set_property(property, value);
        }
    }
}

/// Read settings from the text of the file.
pub fn parse(text: &str) -> Result<Settings, SettingsError> {
    #[cfg(target_arch = "wasm32")]
    let file: SettingsFile = {
        let value = js_sys::JSON::parse(text)
            .map_err(|e| SettingsError::NotJson(js_sys::Error::from(e).message().into()))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| SettingsError::Shape(e.to_string()))?
    };
    #[cfg(not(target_arch = "wasm32"))]
    let file: SettingsFile = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            SettingsError::NotJson(e.to_string())
        } else {
            SettingsError::Shape(e.to_string())
        }
    })?;
    validate(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r##"{
        "format": "hrdd-settings", "format_version": 1,
        "organisation": "Example Corp",
        "escalation_contacts": [{"name": "Human Rights Committee", "role": "Escalation", "email": "hr-committee@example.com"}],
        "policy_links": [{"title": "Human rights policy", "url": "https://intranet.example/policy"}],
        "sector_packs": ["general", "surveillance"],
        "default_perspective": "our_deal",
        "default_language": "fr",
        "theme": {"accent": "#0b5394", "font": "Georgia, serif"},
        "embed": {"post_message": {"target_origin": "https://intranet.example", "fields": ["outcome", "red_flag_count"]}},
        "required_screening_lists": ["un", "eu", "us_ofac"]
    }"##;

    #[test]
    fn an_organisation_maps_its_crm_export_s_columns() {
        let settings = parse(
            r#"{"format": "hrdd-settings", "format_version": 1, "pipeline_mapping": {"Opportunity": "deal_id", "Ship-to": "country"}}"#,
        )
        .unwrap();
        assert_eq!(
            settings.pipeline_mapping,
            [
                ("Opportunity".to_owned(), "deal_id".to_owned()),
                ("Ship-to".to_owned(), "country".to_owned())
            ]
        );
    }

    #[test]
    fn a_full_settings_file_reads() {
        let settings = parse(FULL).unwrap();
        assert_eq!(settings.organisation, "Example Corp");
        assert_eq!(
            settings.sector_packs,
            vec![Sector::General, Sector::Surveillance]
        );
        assert_eq!(settings.default_perspective, Some(Perspective::OurDeal));
        assert_eq!(
            settings.default_language,
            Some(hrdd_core::i18n::Language::French)
        );
        assert!(settings
            .theme
            .contains(&("--hrdd-accent".to_owned(), "#0b5394".to_owned())));
        assert_eq!(
            settings.post_message.unwrap().fields,
            vec!["outcome", "red_flag_count"]
        );
        assert_eq!(
            settings.policy.required_screening_lists,
            vec!["un", "eu", "us_ofac"]
        );
    }

    #[test]
    fn bad_settings_files_are_refused_with_a_reason() {
        let cases = [
            ("{", "not valid JSON"),
            (
                r#"{"format": "other", "format_version": 1}"#,
                "format field",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 9}"#,
                "version 9",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "sector_packs": ["mining"]}"#,
                "\"mining\"",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "sector_packs": []}"#,
                "every sector pack off",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "default_perspective": "boss"}"#,
                "\"boss\"",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "default_language": "de"}"#,
                "\"de\" is not a language of the calculator",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "theme": {"accent": "url(https://evil/x)"}}"#,
                "not a plain colour",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "theme": {"position": "fixed"}}"#,
                "not a theme property",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "policy_links": [{"title": "x", "url": "javascript:alert(1)"}]}"#,
                "not an http",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "embed": {"post_message": {"target_origin": "*", "fields": []}}}"#,
                "not an origin",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "embed": {"post_message": {"target_origin": "https://a.example", "fields": ["notes"]}}}"#,
                "\"notes\" is not a summary field",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "surprise": true}"#,
                "unknown field",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "required_screening_lists": ["un", "ofac"]}"#,
                "\"ofac\" is not a screening list (use un, eu,",
            ),
            (
                r#"{"format": "hrdd-settings", "format_version": 1, "pipeline_mapping": {"Opportunity": "deal", "Account": "customer"}}"#,
                "\"deal\" is not a pipeline field (use deal_id, customer, country,",
            ),
        ];
        for (text, expected) in cases {
            let error = parse(text).expect_err(text).to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
