//! Screening a deal pipeline: the rows of a CRM export (CSV or TSV text) read into quick screens,
//! each scored by the same core, with the problems of each row by its line number. Headers are
//! matched to the method's fields by their plain names (or by a mapping the user gives), and
//! values by ISO code, by a country's name in any catalogue's language and by common synonyms. A
//! field that is missing or empty is an unknown answer, never the safe one (METHODOLOGY.md,
//! "Evidence gaps"). Decoding bytes (UTF-8, Windows-1252) is the caller's: the command line and
//! the browser each have their own decoder.

use crate::assessment::{Answer, Assessment, CountryCode};
use crate::country::countries;
use crate::i18n::Catalogue;
use crate::method::{Mode, Perspective, Sector, QUESTIONS};
use crate::scoring::{triage_with, Triage};
use crate::screening::Policy;
use std::collections::HashMap;

/// The fields of a pipeline row that the quick screen reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    DealId,
    Customer,
    Country,
    ProductCategory,
    CustomerType,
    SalesChannel,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::DealId,
        Field::Customer,
        Field::Country,
        Field::ProductCategory,
        Field::CustomerType,
        Field::SalesChannel,
    ];

    /// The field's key in a mapping file.
    pub fn key(self) -> &'static str {
        match self {
            Field::DealId => "deal_id",
            Field::Customer => "customer",
            Field::Country => "country",
            Field::ProductCategory => "product_category",
            Field::CustomerType => "customer_type",
            Field::SalesChannel => "sales_channel",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Header names (folded) that mean this field without any mapping.
    fn header_names(self) -> &'static [&'static str] {
        match self {
            Field::DealId => &[
                "deal id",
                "deal",
                "id",
                "opportunity id",
                "opportunity",
                "deal number",
                "deal no",
                "reference",
                "ref",
            ],
            Field::Customer => &[
                "customer",
                "customer name",
                "account",
                "account name",
                "client",
                "buyer",
                "company",
            ],
            Field::Country => &[
                "country",
                "destination",
                "destination country",
                "ship to country",
                "country of use",
                "end use country",
                "pays",
                "pais",
            ],
            Field::ProductCategory => &[
                "product category",
                "category",
                "product",
                "product line",
                "sector",
                "product family",
            ],
            Field::CustomerType => &[
                "customer type",
                "customer segment",
                "segment",
                "account type",
                "client type",
                "end user type",
            ],
            Field::SalesChannel => &["sales channel", "channel", "route to market", "sales route"],
        }
    }
}

/// Which column holds each field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    columns: HashMap<Field, usize>,
}

impl Mapping {
    /// The mapping the headers give by their plain names, with the user's own (header → field
    /// key, for headers with other names) applied first.
    pub fn from_headers(
        headers: &[String],
        user: &[(String, String)],
    ) -> Result<Mapping, PipelineProblem> {
        let mapping = Mapping::guess(headers, user)?;
        if !mapping.columns.contains_key(&Field::DealId) {
            return Err(PipelineProblem::NoDealIdColumn);
        }
        Ok(mapping)
    }

    /// The same, without requiring a deal ID column: what a mapping screen starts from when
    /// the file has none by a plain name (the columns that were recognised stay recognised).
    pub fn guess(
        headers: &[String],
        user: &[(String, String)],
    ) -> Result<Mapping, PipelineProblem> {
        let mut columns = HashMap::new();
        for (header, key) in user {
            let field = Field::from_key(key)
                .ok_or_else(|| PipelineProblem::UnknownMappingField(key.clone()))?;
            let column = headers
                .iter()
                .position(|h| fold(h) == fold(header))
                .ok_or_else(|| PipelineProblem::MappedHeaderMissing(header.clone()))?;
            columns.insert(field, column);
        }
        for field in Field::ALL {
            if columns.contains_key(&field) {
                continue;
            }
            if let Some(column) = headers
                .iter()
                .position(|h| field.header_names().contains(&fold(h).as_str()))
                .filter(|c| !columns.values().any(|used| used == c))
            {
                columns.insert(field, column);
            }
        }
        Ok(Mapping { columns })
    }

    /// Each column's field key, or empty where no field reads it.
    pub fn column_keys(&self, column_count: usize) -> Vec<&'static str> {
        (0..column_count)
            .map(|column| {
                Field::ALL
                    .into_iter()
                    .find(|field| self.column(*field) == Some(column))
                    .map_or("", Field::key)
            })
            .collect()
    }

    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

/// Why a pipeline file, or one of its rows, cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PipelineProblem {
    Empty,
    /// The text holds characters no text file has (a binary file).
    NotText,
    NoDealIdColumn,
    UnknownMappingField(String),
    MappedHeaderMissing(String),
    TooManyRows {
        rows: usize,
        max: usize,
    },
    /// A row the CSV reader could not read (a broken quote), by line.
    Unreadable {
        line: u64,
        detail: String,
    },
    /// A row with another number of cells than the header.
    Ragged {
        line: u64,
        cells: usize,
        expected: usize,
    },
    NoDealId {
        line: u64,
    },
    UnknownCountry {
        line: u64,
        value: String,
    },
    UnknownCategory {
        line: u64,
        value: String,
    },
    UnknownCustomerType {
        line: u64,
        value: String,
    },
    UnknownChannel {
        line: u64,
        value: String,
    },
}

impl PipelineProblem {
    /// The problem's kind, as a stable key: the browser names its text by it.
    pub fn key(&self) -> &'static str {
        use PipelineProblem::*;
        match self {
            Empty => "empty",
            NotText => "not-text",
            NoDealIdColumn => "no-deal-id-column",
            UnknownMappingField(_) => "unknown-mapping-field",
            MappedHeaderMissing(_) => "mapped-header-missing",
            TooManyRows { .. } => "too-many-rows",
            Unreadable { .. } => "unreadable",
            Ragged { .. } => "ragged",
            NoDealId { .. } => "no-deal-id",
            UnknownCountry { .. } => "unknown-country",
            UnknownCategory { .. } => "unknown-category",
            UnknownCustomerType { .. } => "unknown-customer-type",
            UnknownChannel { .. } => "unknown-channel",
        }
    }

    /// The problem's parameters by the names its texts use (`line`, `value`, `cells`, …).
    pub fn arguments(&self) -> Vec<(&'static str, String)> {
        use PipelineProblem::*;
        match self {
            Empty | NotText | NoDealIdColumn => vec![],
            UnknownMappingField(value) | MappedHeaderMissing(value) => {
                vec![("value", value.clone())]
            }
            TooManyRows { rows, max } => vec![("rows", rows.to_string()), ("max", max.to_string())],
            Unreadable { line, detail } => {
                vec![("line", line.to_string()), ("detail", detail.clone())]
            }
            Ragged {
                line,
                cells,
                expected,
            } => vec![
                ("line", line.to_string()),
                ("cells", cells.to_string()),
                ("expected", expected.to_string()),
            ],
            NoDealId { line } => vec![("line", line.to_string())],
            UnknownCountry { line, value }
            | UnknownCategory { line, value }
            | UnknownCustomerType { line, value }
            | UnknownChannel { line, value } => {
                vec![("line", line.to_string()), ("value", value.clone())]
            }
        }
    }
}

impl std::fmt::Display for PipelineProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use PipelineProblem::*;
        match self {
            Empty => f.write_str("the file is empty"),
            NotText => f.write_str("the file is not text (a binary file?)"),
            NoDealIdColumn => f.write_str("no column is the deal id: name it \"Deal ID\", or map it"),
            UnknownMappingField(key) => write!(f, "the mapping names \"{key}\", which is not a field (use {})", Field::ALL.map(Field::key).join(", ")),
            MappedHeaderMissing(header) => write!(f, "the mapping names the column \"{header}\", which the file does not have"),
            TooManyRows { rows, max } => write!(f, "the file has more than {max} rows ({rows})"),
            Unreadable { line, detail } => write!(f, "line {line}: the row cannot be read ({detail})"),
            Ragged { line, cells, expected } => write!(f, "line {line}: {cells} cells where the header has {expected}; read as far as they go"),
            NoDealId { line } => write!(f, "line {line}: no deal id; the row is skipped"),
            UnknownCountry { line, value } => write!(f, "line {line}: \"{value}\" is not a country this calculator knows; the destination is read as unknown"),
            UnknownCategory { line, value } => write!(f, "line {line}: \"{value}\" is not a product category this calculator knows; read as general"),
            UnknownCustomerType { line, value } => write!(f, "line {line}: \"{value}\" is not a customer type this calculator knows; read as unknown"),
            UnknownChannel { line, value } => write!(f, "line {line}: \"{value}\" is not a sales channel this calculator knows; read as unknown"),
        }
    }
}

/// At most this many rows are screened from one file (issue 13: a whole pipeline export).
pub const MAX_ROWS: usize = 50_000;

/// What a row says, as the quick screen reads it (small: 50,000 rows are kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowAnswers {
    pub sector: Sector,
    /// The destination: a country, unknown (a value not recognised), or not given.
    pub destination: Option<Answer>,
    pub customer_type: Option<&'static str>,
    pub channel: Option<&'static str>,
}

impl RowAnswers {
    /// The quick screen of the row, to score it or to open it as a draft.
    pub fn assessment(&self, customer: &str) -> Assessment {
        let mut assessment = Assessment::new(Mode::QuickScreen, Perspective::OurDeal, self.sector);
        if let Some(destination) = self.destination {
            let _ = assessment.set_answer("profile.destination", destination);
        }
        if let Some(key) = self.customer_type {
            let _ = assessment.choose("profile.customer_type", key);
        }
        if let Some(key) = self.channel {
            let _ = assessment.choose("profile.channel", key);
        }
        assessment.text.customer_name = customer.to_owned();
        assessment
    }
}

impl RowAnswers {
    /// The answers as four short fields: the product category's key, the destination (a
    /// country code, `?` for a value not recognised, empty when not given), the customer type's
    /// and the sales channel's option keys. How the browser's worker hands a row to the page,
    /// which opens it as a draft.
    pub fn to_fields(&self) -> [String; 4] {
        [
            self.sector.key().to_owned(),
            match self.destination {
                Some(Answer::Country(code)) => code.to_string(),
                Some(_) => "?".to_owned(),
                None => String::new(),
            },
            self.customer_type.unwrap_or_default().to_owned(),
            self.channel.unwrap_or_default().to_owned(),
        ]
    }

    /// The answers from the fields `to_fields` wrote; `None` if any names what the method
    /// does not have.
    pub fn from_fields(fields: [&str; 4]) -> Option<RowAnswers> {
        let option = |question: &str, key: &str| -> Option<Option<&'static str>> {
            if key.is_empty() {
                return Some(None);
            }
            QUESTIONS
                .iter()
                .find(|q| q.id == question)?
                .choices()
                .iter()
                .find(|c| c.key == key)
                .map(|c| Some(c.key))
        };
        Some(RowAnswers {
            sector: Sector::from_key(fields[0])?,
            destination: match fields[1] {
                "" => None,
                "?" => Some(Answer::DontKnow),
                code => Some(Answer::Country(code.parse().ok()?)),
            },
            customer_type: option("profile.customer_type", fields[2])?,
            channel: option("profile.channel", fields[3])?,
        })
    }
}

/// One screened row.
#[derive(Debug, Clone)]
pub struct ScreenedRow {
    pub line: u64,
    pub deal_id: String,
    pub customer: String,
    pub answers: RowAnswers,
    pub triage: Triage,
}

/// What a file gives: the screened rows and every problem, each with its line.
#[derive(Debug, Clone, Default)]
pub struct Screened {
    pub rows: Vec<ScreenedRow>,
    pub problems: Vec<PipelineProblem>,
}

/// Lowercase, accents removed, punctuation as spaces, spaces collapsed: how headers and values
/// are compared.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().trim_start_matches('\u{feff}').chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ý' | 'ÿ' | 'Ý' => 'y',
            c if c.is_alphanumeric() => c.to_ascii_lowercase(),
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// The delimiter of a CSV or TSV export: the one of tab, semicolon and comma that its first line
/// (outside quotes) has most of; a comma when it has none.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '\n' if !quoted => break,
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b'\t', b';', b','];
    let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(2);
    if counts[best] == 0 {
        b','
    } else {
        delimiters[best]
    }
}

/// Country names in every language the catalogues give, and ISO codes, folded.
struct CountryNames {
    by_name: HashMap<String, CountryCode>,
}

impl CountryNames {
    fn new(catalogues: &[Catalogue]) -> CountryNames {
        let mut by_name = HashMap::new();
        for country in countries() {
            let Ok(code) = country.alpha2.parse::<CountryCode>() else {
                continue;
            };
            by_name.insert(fold(&country.alpha2), code);
            by_name.insert(fold(&country.alpha3), code);
            if !country.name.is_empty() {
                by_name.insert(fold(&country.name), code);
            }
            for catalogue in catalogues {
                if let Some(name) = catalogue.get(&format!("country-{}", country.alpha2)) {
                    by_name.insert(fold(name), code);
                }
            }
        }
        // Common short names that exports use.
        for (name, alpha2) in [
            ("usa", "US"),
            ("united states", "US"),
            ("us", "US"),
            ("uk", "GB"),
            ("united kingdom", "GB"),
            ("great britain", "GB"),
            ("russia", "RU"),
            ("south korea", "KR"),
            ("north korea", "KP"),
            ("iran", "IR"),
            ("syria", "SY"),
            ("vietnam", "VN"),
            ("bolivia", "BO"),
            ("venezuela", "VE"),
            ("tanzania", "TZ"),
            ("laos", "LA"),
            ("moldova", "MD"),
        ] {
            if let Ok(code) = alpha2.parse::<CountryCode>() {
                by_name.entry(name.to_owned()).or_insert(code);
            }
        }
        CountryNames { by_name }
    }

    fn find(&self, value: &str) -> Option<CountryCode> {
        self.by_name.get(&fold(value)).copied()
    }
}

/// A value's option key by its synonyms (folded), or by the option's own key or English label.
fn synonym(value: &str, table: &[(&str, &[&str])], question: &str) -> Option<&'static str> {
    let folded = fold(value);
    if let Some((key, _)) = table
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()))
    {
        return QUESTIONS
            .iter()
            .find(|q| q.id == question)?
            .choices()
            .iter()
            .find(|c| c.key == *key)
            .map(|c| c.key);
    }
    QUESTIONS
        .iter()
        .find(|q| q.id == question)?
        .choices()
        .iter()
        .find(|c| fold(c.key) == folded || (!c.label.is_empty() && fold(c.label) == folded))
        .map(|c| c.key)
}

const CUSTOMER_TYPES: &[(&str, &[&str])] = &[
    (
        "private_company",
        &[
            "private",
            "private company",
            "company",
            "corporate",
            "enterprise",
            "business",
            "b2b",
            "commercial",
        ],
    ),
    (
        "ngo_or_academic",
        &[
            "ngo",
            "non profit",
            "nonprofit",
            "charity",
            "university",
            "academic",
            "research",
            "education",
        ],
    ),
    (
        "public_body",
        &[
            "government",
            "public",
            "public sector",
            "public body",
            "civilian government",
            "ministry",
            "municipality",
            "agency",
        ],
    ),
    (
        "state_owned",
        &[
            "state owned",
            "soe",
            "state owned enterprise",
            "state enterprise",
        ],
    ),
    (
        "reseller",
        &[
            "reseller",
            "distributor",
            "integrator",
            "partner",
            "var",
            "system integrator",
            "wholesaler",
        ],
    ),
    (
        "law_enforcement",
        &[
            "police",
            "law enforcement",
            "border",
            "border police",
            "customs",
        ],
    ),
    (
        "military",
        &[
            "military",
            "army",
            "armed forces",
            "defence",
            "defense",
            "navy",
            "air force",
        ],
    ),
    (
        "intelligence",
        &[
            "intelligence",
            "state security",
            "security service",
            "secret service",
        ],
    ),
    (
        "general_public",
        &[
            "consumer",
            "consumers",
            "retail",
            "b2c",
            "individual",
            "general public",
        ],
    ),
    (
        "prisons",
        &[
            "prison",
            "prisons",
            "detention",
            "corrections",
            "correctional",
            "immigration detention",
        ],
    ),
    (
        "humanitarian",
        &[
            "humanitarian",
            "un",
            "un agency",
            "red cross",
            "relief",
            "international organisation",
            "international organization",
        ],
    ),
];

const CHANNELS: &[(&str, &[&str])] = &[
    (
        "direct",
        &["direct", "direct sale", "direct sales", "own sales"],
    ),
    (
        "through_partner",
        &[
            "partner",
            "reseller",
            "distributor",
            "indirect",
            "channel partner",
            "integrator",
            "var",
        ],
    ),
    (
        "self_service",
        &[
            "online",
            "web",
            "self service",
            "webshop",
            "e commerce",
            "ecommerce",
            "marketplace",
        ],
    ),
];

const CATEGORIES: &[(Sector, &[&str])] = &[
    (
        Sector::General,
        &[
            "general", "software", "it", "office", "hardware", "services", "other", "saas", "crm",
            "erp",
        ],
    ),
    (
        Sector::Surveillance,
        &[
            "surveillance",
            "video surveillance",
            "cctv",
            "lawful interception",
            "interception",
            "forensics",
            "spyware",
            "osint",
        ],
    ),
    (
        Sector::ArtificialIntelligence,
        &[
            "ai",
            "artificial intelligence",
            "analytics",
            "machine learning",
            "facial recognition",
            "biometrics",
        ],
    ),
    (
        Sector::Telecommunications,
        &[
            "telecom",
            "telecoms",
            "telecommunications",
            "network",
            "networks",
            "radio",
            "mobile network",
        ],
    ),
    (
        Sector::CloudAndPlatforms,
        &[
            "cloud",
            "hosting",
            "platform",
            "platforms",
            "data centre",
            "data center",
            "iaas",
            "paas",
        ],
    ),
    (
        Sector::PharmaAndChemicals,
        &[
            "pharma",
            "pharmaceuticals",
            "medicines",
            "chemicals",
            "chemical",
            "medical",
        ],
    ),
    (
        Sector::MachineryAndVehicles,
        &[
            "machinery",
            "vehicles",
            "vehicle",
            "trucks",
            "construction equipment",
            "heavy equipment",
            "drones",
        ],
    ),
    (
        Sector::SecurityEquipment,
        &[
            "security equipment",
            "riot control",
            "restraints",
            "less lethal",
            "police equipment",
            "protective equipment",
        ],
    ),
];

fn category(value: &str) -> Option<Sector> {
    let folded = fold(value);
    CATEGORIES
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()))
        .map(|(sector, _)| *sector)
        .or_else(|| Sector::from_key(&folded.replace(' ', "_")))
}

/// Read a pipeline export and quick-screen every row. `catalogues` give the country names in
/// their languages; `mapping` is the user's (header → field key) for headers with other names.
pub fn screen_pipeline(
    text: &str,
    mapping: &[(String, String)],
    catalogues: &[Catalogue],
    policy: &Policy,
) -> Result<Screened, PipelineProblem> {
    let read = read_pipeline(text, mapping, catalogues)?;
    let triages = triage_all(read.distinct(), policy);
    Ok(read.into_screened(triages))
}

/// A pipeline export read and mapped, not yet scored. Scoring is the slow part; the browser's
/// worker scores the distinct rows a slice at a time (`triage_slice`) to show its progress and
/// stay cancellable, the command line all at once.
#[derive(Debug, Clone)]
pub struct PipelineRead {
    pub headers: Vec<String>,
    pub mapping: Mapping,
    pub problems: Vec<PipelineProblem>,
    /// Each row: line, deal id, customer, and the index of its answers in `distinct`.
    rows: Vec<(u64, String, String, usize)>,
    /// A quick screen is a pure function of the row's answers: rows that say the same (a
    /// pipeline repeats its countries, customer types and products) are scored once.
    distinct: Vec<RowAnswers>,
}

impl PipelineRead {
    /// The distinct answers to score, in the order `into_screened` expects their triages.
    pub fn distinct(&self) -> &[RowAnswers] {
        &self.distinct
    }

    /// How many rows were read (each has a deal id).
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Scores the rows `rows` in file order, each distinct answer once: `triages` has one slot
    /// per distinct answer, filled as they are first met. The browser's worker calls this a
    /// slice at a time, so that its progress counts deals exactly and it can be stopped.
    pub fn triage_rows(
        &self,
        rows: std::ops::Range<usize>,
        triages: &mut [Option<Triage>],
        policy: &Policy,
    ) {
        for (_, _, _, index) in &self.rows[rows] {
            if triages[*index].is_none() {
                triages[*index] = Some(triage_with(&self.distinct[*index].assessment(""), policy));
            }
        }
    }

    /// The screened rows, given the triage of every distinct answer in order.
    pub fn into_screened(self, triages: Vec<Triage>) -> Screened {
        assert_eq!(
            triages.len(),
            self.distinct.len(),
            "one triage per distinct row"
        );
        let rows = self
            .rows
            .into_iter()
            .map(|(line, deal_id, customer, index)| ScreenedRow {
                line,
                deal_id,
                customer,
                answers: self.distinct[index],
                triage: triages[index].clone(),
            })
            .collect();
        Screened {
            rows,
            problems: self.problems,
        }
    }
}

/// The reader of an export and its header row; `text` refused if it is empty or not text.
fn csv_reader(text: &str) -> Result<(csv::Reader<&[u8]>, Vec<String>), PipelineProblem> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(PipelineProblem::Empty);
    }
    if text.contains('\0') {
        return Err(PipelineProblem::NotText);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| PipelineProblem::Unreadable {
            line: 1,
            detail: e.to_string(),
        })?
        .iter()
        .map(str::to_owned)
        .collect();
    Ok((reader, headers))
}

/// The header row of an export: what a mapping screen offers when the columns' names are not
/// plain enough to map them by themselves.
pub fn read_headers(text: &str) -> Result<Vec<String>, PipelineProblem> {
    csv_reader(text).map(|(_, headers)| headers)
}

/// Read a pipeline export and map its rows to quick-screen answers, without scoring them.
pub fn read_pipeline(
    text: &str,
    mapping: &[(String, String)],
    catalogues: &[Catalogue],
) -> Result<PipelineRead, PipelineProblem> {
    // Line numbers below count in the text the reader reads: without the byte-order mark.
    let text = text.trim_start_matches('\u{feff}');
    let (mut reader, headers) = csv_reader(text)?;
    let mapping = Mapping::from_headers(&headers, mapping)?;
    let names = CountryNames::new(catalogues);
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut index: HashMap<RowAnswers, usize> = HashMap::new();
    let mut distinct: Vec<RowAnswers> = Vec::new();
    // Line numbers from byte offsets, counted incrementally: each row's line as an editor shows
    // it. (A record's offset can point at the line ending or blank lines before it, which the
    // reader skips: skip them too.)
    let bytes = text.as_bytes();
    let (mut counted_to, mut lines_before) = (0usize, 0u64);
    let mut line_at = |offset: u64| {
        let mut offset = (offset as usize).min(bytes.len());
        while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
            offset += 1;
        }
        if offset >= counted_to {
            lines_before += bytes[counted_to..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            counted_to = offset;
        }
        lines_before + 1
    };
    for record in reader.records() {
        if rows.len() >= MAX_ROWS {
            problems.push(PipelineProblem::TooManyRows {
                rows: rows.len() + 1,
                max: MAX_ROWS,
            });
            break;
        }
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| line_at(p.byte()));
                problems.push(PipelineProblem::Unreadable {
                    line,
                    detail: error.to_string(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            problems.push(PipelineProblem::Ragged {
                line,
                cells: record.len(),
                expected: headers.len(),
            });
        }
        let cell = |field: Field| {
            mapping
                .column(field)
                .and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let Some(deal_id) = cell(Field::DealId) else {
            problems.push(PipelineProblem::NoDealId { line });
            continue;
        };
        let sector = match cell(Field::ProductCategory) {
            Some(value) => category(value).unwrap_or_else(|| {
                problems.push(PipelineProblem::UnknownCategory {
                    line,
                    value: value.to_owned(),
                });
                Sector::General
            }),
            None => Sector::General,
        };
        let mut answers = RowAnswers {
            sector,
            destination: None,
            customer_type: None,
            channel: None,
        };
        if let Some(value) = cell(Field::Country) {
            answers.destination = Some(match names.find(value) {
                Some(code) => Answer::Country(code),
                None => {
                    problems.push(PipelineProblem::UnknownCountry {
                        line,
                        value: value.to_owned(),
                    });
                    Answer::DontKnow
                }
            });
        }
        if let Some(value) = cell(Field::CustomerType) {
            answers.customer_type = synonym(value, CUSTOMER_TYPES, "profile.customer_type");
            if answers.customer_type.is_none() {
                problems.push(PipelineProblem::UnknownCustomerType {
                    line,
                    value: value.to_owned(),
                });
            }
        }
        if let Some(value) = cell(Field::SalesChannel) {
            answers.channel = synonym(value, CHANNELS, "profile.channel");
            if answers.channel.is_none() {
                problems.push(PipelineProblem::UnknownChannel {
                    line,
                    value: value.to_owned(),
                });
            }
        }
        let customer = cell(Field::Customer).unwrap_or_default().to_owned();
        let next = distinct.len();
        let at = *index.entry(answers).or_insert(next);
        if at == next {
            distinct.push(answers);
        }
        rows.push((line, deal_id.to_owned(), customer, at));
    }
    Ok(PipelineRead {
        headers,
        mapping,
        problems,
        rows,
        distinct,
    })
}

/// The triage of each distinct row, in order: natively on every core of the machine (the
/// quick screens are independent), in the browser on its one thread (a Web Worker).
fn triage_all(answers: &[RowAnswers], policy: &Policy) -> Vec<Triage> {
    let one = |a: &RowAnswers| triage_with(&a.assessment(""), policy);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        if threads > 1 && answers.len() >= 256 {
            let chunk = answers.len().div_ceil(threads);
            return std::thread::scope(|scope| {
                let parts: Vec<_> = answers
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
                    .collect();
                parts
                    .into_iter()
                    .flat_map(|part| part.join().expect("a quick screen never panics"))
                    .collect()
            });
        }
    }
    answers.iter().map(one).collect()
}

/// A cell safe to open in a spreadsheet: one that starts like a formula (`=`, `+`, `-`, `@`, a
/// tab or a carriage return) is prefixed with an apostrophe, so that it stays text.
pub fn spreadsheet_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The results table's columns: the red flags by id, and counts of the possible red flags (an
/// unknown answer could raise them) and of the open questions.
pub const RESULT_COLUMNS: [&str; 9] = [
    "deal_id",
    "customer",
    "outcome",
    "red_flags",
    "possible_red_flags",
    "top_right_at_risk",
    "open_questions",
    "method_version",
    "screened_on",
];

/// A triage as the results' cells: the outcome's key, the red flags' ids (space-separated), the
/// count of possible red flags, the right most at risk (its key, or empty) and the count of open
/// questions. One definition for the exported file and the browser's results table.
pub fn triage_cells(triage: &Triage) -> [String; 5] {
    [
        triage.outcome.key().to_owned(),
        triage.red_flags.join(" "),
        triage.possible_red_flags.to_string(),
        triage
            .top_right
            .map_or(String::new(), |r| r.key().to_owned()),
        triage.open_questions.to_string(),
    ]
}

/// One results row, in the order of [`RESULT_COLUMNS`], spreadsheet-safe.
pub fn result_row(row: &ScreenedRow, screened_on: &str) -> Vec<String> {
    [row.deal_id.clone(), row.customer.clone()]
        .into_iter()
        .chain(triage_cells(&row.triage))
        .chain([
            crate::method::METHOD_VERSION.to_string(),
            screened_on.to_owned(),
        ])
        .map(|cell| spreadsheet_safe(&cell))
        .collect()
}
