//! The embedded country dataset (`core/data/countries.tsv`) and the country context index the
//! method derives from it. Source, year and licence travel with every use, for the report.

use crate::en;
use crate::method::ContextLevel;
use std::sync::OnceLock;

// The table as `build.rs` prepared it for this target (the same file, natively).
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/countries.tsv"));

/// Attribution shown wherever country data is shown.
pub const COUNTRY_DATA_ATTRIBUTION: &str = en("Source: World Bank, Worldwide Governance Indicators (2024 update, year 2023), www.govindicators.org, CC BY 4.0 (perception-based estimates with margins of error); V-Dem Institute, Varieties of Democracy dataset v14 (2023; Coppedge et al. 2024, doi:10.23696/vdemds24) and ERT v15 (2024), CC BY-SA 4.0.");

/// Margin of the context index, in points of the 0..100 index, used for a country whose table
/// row has no WGI confidence intervals (none today). It is the median of the per-country
/// margins in the table (a test keeps it so); see [`Country::context_index_margin`] and
/// METHODOLOGY.md, "Country context".
pub const CONTEXT_INDEX_MARGIN: u8 = 9;

/// One country's row: ISO codes, name and indicators (None where the source has no value).
/// Values are fixed-point integers, so that no floating-point parsing or formatting code is
/// compiled into the browser build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub name: String,
    /// WGI percentile ranks in tenths: 0 (lowest) to 1000 (highest).
    pub rule_of_law_percentile: Option<u16>,
    pub voice_and_accountability_percentile: Option<u16>,
    /// Shown only together with the physical violence index, and only where it is worse (it
    /// must never lower the index: METHODOLOGY.md, "Country context").
    pub political_stability_percentile: Option<u16>,
    /// Mean half-width of the 90% confidence intervals that the World Bank publishes for the
    /// country's WGI percentile ranks (rule of law, voice, political stability), in tenths of a
    /// percentile point.
    pub wgi_margin: Option<u16>,
    /// V-Dem indices in thousandths: 0 to 1000 (higher is freer).
    pub civil_society: Option<u16>,
    pub judicial_constraints: Option<u16>,
    /// V-Dem physical violence index (`v2x_clphy`): freedom from political killings and torture
    /// by the government.
    pub physical_violence: Option<u16>,
    /// V-Dem Regimes of the World, 0 closed autocracy .. 3 liberal democracy.
    pub regime: Option<u8>,
    /// Percentile ranks on the indicators of [`SpecificIndicator`], in its order.
    pub specific_ranks: [Option<u8>; 4],
}

/// V-Dem indicators that bear on particular products rather than on the context as a whole
/// (METHODOLOGY.md 4.4). The table keeps each country's percentile rank among the 179 V-Dem units:
/// the share of units, in whole percent, with a worse value (0 = the worst).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpecificIndicator {
    /// `v2cltort`: freedom from torture by state agents.
    Torture,
    /// `v2clkill`: freedom from political killings by state agents.
    PoliticalKillings,
    /// `v2csreprss`: how far the government represses civil society organisations (inverted:
    /// higher is less repression).
    CivilSocietyRepression,
    /// `v2mecenefi`: how far the government attempts to censor information on the Internet
    /// (higher is less censorship).
    InternetCensorship,
}

impl SpecificIndicator {
    pub const ALL: [SpecificIndicator; 4] = [
        SpecificIndicator::Torture,
        SpecificIndicator::PoliticalKillings,
        SpecificIndicator::CivilSocietyRepression,
        SpecificIndicator::InternetCensorship,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SpecificIndicator::Torture => en("Freedom from torture"),
            SpecificIndicator::PoliticalKillings => en("Freedom from political killings"),
            SpecificIndicator::CivilSocietyRepression => {
                en("Freedom of civil society from repression")
            }
            SpecificIndicator::InternetCensorship => {
                en("Freedom from Internet censorship by the government")
            }
        }
    }

    /// The V-Dem variable, for the source line.
    pub fn vdem_code(self) -> &'static str {
        match self {
            SpecificIndicator::Torture => "v2cltort",
            SpecificIndicator::PoliticalKillings => "v2clkill",
            SpecificIndicator::CivilSocietyRepression => "v2csreprss",
            SpecificIndicator::InternetCensorship => "v2mecenefi",
        }
    }

    fn column(self) -> &'static str {
        match self {
            SpecificIndicator::Torture => "vdem_torture_rank",
            SpecificIndicator::PoliticalKillings => "vdem_killings_rank",
            SpecificIndicator::CivilSocietyRepression => "vdem_cso_repression_rank",
            SpecificIndicator::InternetCensorship => "vdem_internet_censorship_rank",
        }
    }
}

/// One indicator's contribution to the context index, for the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorReading {
    /// Its key in [`INDICATOR_NAMES`] (the catalogues' `indicator-<key>`).
    pub key: &'static str,
    /// Where the values come from: the sources' own names and years, never translated.
    pub source: &'static str,
    /// The values as the sources state them (`i18n::Texts::indicator_values` puts them into
    /// words, "41.0th percentile" or "0.843 of 1").
    pub values: Vec<IndicatorValue>,
    /// 0 (best) .. 1000 (worst): the method's common 0..100 scale, in tenths.
    pub risk_tenths: u16,
}

impl IndicatorReading {
    /// The risk on the 0..100 scale, rounded.
    pub fn risk(&self) -> u16 {
        (self.risk_tenths + 5) / 10
    }
}

/// The names of the indicators of the context index, by key (the language catalogues hold them
/// as `indicator-<key>`).
pub const INDICATOR_NAMES: [(&str, &str); 5] = [
    ("rule_of_law", RULE_OF_LAW_NAME),
    ("voice", VOICE_NAME),
    ("violence", VIOLENCE_NAME),
    ("civil_society", CIVIL_SOCIETY_NAME),
    ("constraints", CONSTRAINTS_NAME),
];
const RULE_OF_LAW_NAME: &str = en("Rule of law");
const VOICE_NAME: &str = en("Voice and accountability");
const CIVIL_SOCIETY_NAME: &str = en("Civil society space");
const CONSTRAINTS_NAME: &str = en("Judicial and legislative constraints on the executive");

/// V-Dem's regime types (ERT), by the table's code.
pub const REGIME_TYPES: [&str; 4] = [
    en("closed autocracy"),
    en("electoral autocracy"),
    en("electoral democracy"),
    en("liberal democracy"),
];

const WGI_SOURCE: &str = "World Bank WGI 2023";
const VDEM_SOURCE: &str = "V-Dem v14, 2023";
const VIOLENCE_NAME: &str =
    en("Physical violence: killings and torture by the state, or political instability and violence if worse");

/// One value of an indicator as its source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorValue {
    pub scale: ValueScale,
    /// Tenths of a percentile point, or thousandths of the index.
    pub raw: u16,
    /// Which of two combined values it is, when the reading combines two.
    pub part: Option<ValuePart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueScale {
    /// A WGI percentile rank, in tenths ("41.0th percentile").
    Percentile,
    /// A V-Dem index from 0 to 1, in thousandths ("0.843 of 1").
    IndexOfOne,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValuePart {
    PhysicalViolence,
    PoliticalStability,
}

impl IndicatorValue {
    /// The catalogue key of its words (`indicator-value-…`).
    pub fn key(&self) -> &'static str {
        match self.scale {
            ValueScale::Percentile => "indicator-value-percentile",
            ValueScale::IndexOfOne => "indicator-value-index",
        }
    }

    /// The number with one decimal (a percentile) or three (an index), as digits before and
    /// after the decimal separator.
    pub fn digits(&self) -> (u16, String) {
        match self.scale {
            ValueScale::Percentile => (self.raw / 10, format!("{}", self.raw % 10)),
            ValueScale::IndexOfOne => (self.raw / 1000, format!("{:03}", self.raw % 1000)),
        }
    }
}

fn percentile_value(tenths: u16, part: Option<ValuePart>) -> IndicatorValue {
    IndicatorValue {
        scale: ValueScale::Percentile,
        raw: tenths,
        part,
    }
}

fn index_value(thousandths: u16, part: Option<ValuePart>) -> IndicatorValue {
    IndicatorValue {
        scale: ValueScale::IndexOfOne,
        raw: thousandths,
        part,
    }
}

/// Risk in tenths of a point for a "higher is better" value on a 0..1000 scale: a WGI percentile
/// in tenths (100 − percentile) or a V-Dem index in thousandths (100 × (1 − value)).
fn inverted(value: u16) -> u16 {
    1000 - value.min(1000)
}

impl Country {
    /// The country's percentile rank on a specific indicator (0 = the worst of the V-Dem
    /// units); None where V-Dem has no value.
    pub fn specific_rank(&self, indicator: SpecificIndicator) -> Option<u8> {
        let position = SpecificIndicator::ALL
            .iter()
            .position(|i| *i == indicator)?;
        self.specific_ranks[position]
    }

    /// The indicators the context index averages, each on a common 0 (best) .. 100 (worst)
    /// scale (METHODOLOGY.md, "Country context"). The index is their mean, so what is listed
    /// here is exactly what is scored.
    pub fn indicator_readings(&self) -> Vec<IndicatorReading> {
        let percentile = |(key, _), value: Option<u16>| {
            value.map(|v| IndicatorReading {
                key,
                source: WGI_SOURCE,
                values: vec![percentile_value(v, None)],
                risk_tenths: inverted(v),
            })
        };
        let index = |(key, _), value: Option<u16>| {
            value.map(|v| IndicatorReading {
                key,
                source: VDEM_SOURCE,
                values: vec![index_value(v, None)],
                risk_tenths: inverted(v),
            })
        };
        let [rule_of_law, voice, _, civil_society, constraints] = INDICATOR_NAMES;
        [
            percentile(rule_of_law, self.rule_of_law_percentile),
            percentile(voice, self.voice_and_accountability_percentile),
            self.violence_reading(),
            index(civil_society, self.civil_society),
            index(constraints, self.judicial_constraints),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Violence against people: V-Dem's physical violence index, or WGI political stability and
    /// absence of violence where that is worse (armed conflict, terrorism, unrest). Political
    /// stability can raise this reading but never lower it, so a stable state that kills or
    /// tortures its critics gains nothing from its stability. Without the V-Dem index there is
    /// no reading: political stability alone would reward stable repression.
    fn violence_reading(&self) -> Option<IndicatorReading> {
        let violence = self.physical_violence?;
        let state_risk = inverted(violence);
        let Some(stability) = self.political_stability_percentile else {
            return Some(IndicatorReading {
                key: "violence",
                source: VDEM_SOURCE,
                values: vec![index_value(violence, Some(ValuePart::PhysicalViolence))],
                risk_tenths: state_risk,
            });
        };
        Some(IndicatorReading {
            key: "violence",
            source: "V-Dem v14, 2023; World Bank WGI 2023",
            values: vec![
                index_value(violence, Some(ValuePart::PhysicalViolence)),
                percentile_value(stability, Some(ValuePart::PoliticalStability)),
            ],
            risk_tenths: state_risk.max(inverted(stability)),
        })
    }

    /// Mean of the indicator readings on the 0..100 risk scale, rounded; None when no
    /// indicator exists.
    pub fn context_index(&self) -> Option<u8> {
        let readings = self.indicator_readings();
        if readings.is_empty() {
            return None;
        }
        let total: u32 = readings.iter().map(|r| u32::from(r.risk_tenths)).sum();
        let count = readings.len() as u32;
        // Mean in tenths, then to whole points, rounding half up.
        Some(((total * 10 / count + 50) / 100).min(100) as u8)
    }

    /// How far the context index may be from the true value because the indicators are
    /// estimates, in points of the 0..100 index (None when there is no index). It is the mean
    /// half-width of the 90% confidence intervals the World Bank publishes for the country's WGI
    /// percentile ranks, rounded up: the index is read as "index ± margin". Where the table has
    /// no intervals, [`CONTEXT_INDEX_MARGIN`]. See METHODOLOGY.md, "Country context".
    pub fn context_index_margin(&self) -> Option<u8> {
        self.context_index()?;
        Some(self.margin_of_an_index())
    }

    /// The margin of [`Country::context_index_margin`], for a caller that already knows the
    /// country has an index (working the index out allocates: the scoring does it once).
    pub fn margin_of_an_index(&self) -> u8 {
        self.wgi_margin.map_or(CONTEXT_INDEX_MARGIN, |tenths| {
            tenths.div_ceil(10).min(100) as u8
        })
    }

    pub fn context_level(&self) -> Option<ContextLevel> {
        self.context_index().map(ContextLevel::from_context_index)
    }
}

/// All countries, sorted by ISO alpha-2 code.
pub fn countries() -> &'static [Country] {
    static PARSED: OnceLock<Vec<Country>> = OnceLock::new();
    PARSED.get_or_init(|| parse_table(TABLE))
}

/// The country with this ISO 3166-1 alpha-2 code (case-insensitive).
pub fn country_by_code(alpha2: &str) -> Option<&'static Country> {
    let all = countries();
    // The rules look countries up on every score by codes that are already upper case: no copy.
    let found = if alpha2.bytes().any(|b| b.is_ascii_lowercase()) {
        let wanted = alpha2.to_ascii_uppercase();
        all.binary_search_by(|c| c.alpha2.as_str().cmp(wanted.as_str()))
    } else {
        all.binary_search_by(|c| c.alpha2.as_str().cmp(alpha2))
    };
    found.ok().map(|i| &all[i])
}

/// A decimal such as "41.0" or "0.843" as an integer with `decimals` fractional digits
/// (410, 843); None for an empty or malformed cell.
fn fixed_point(cell: &str, decimals: u32) -> Option<u16> {
    let (whole, fraction) = cell.split_once('.').unwrap_or((cell, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut value: u32 = whole.parse().ok()?;
    let digits: Vec<u32> = fraction.bytes().map(|b| u32::from(b - b'0')).collect();
    for position in 0..decimals as usize {
        value = value * 10 + digits.get(position).copied().unwrap_or(0);
    }
    u16::try_from(value).ok()
}

/// Parses the table by its header row, so that a column added by the build script cannot shift
/// the others. A missing column reads as empty.
fn parse_table(table: &str) -> Vec<Country> {
    let mut lines = table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty());
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let position = |name: &str| header.iter().position(|h| *h == name);
    let columns = [
        "alpha2",
        "alpha3",
        "name",
        "wgi_rl",
        "wgi_va",
        "wgi_pv",
        "wgi_margin",
        "vdem_civil_society",
        "vdem_judicial_constraints",
        "vdem_physical_violence",
        "vdem_regime",
    ]
    .map(position);
    let specific = SpecificIndicator::ALL.map(|i| position(i.column()));

    let mut rows: Vec<Country> = lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |i: usize| columns[i].and_then(|c| cells.get(c)).copied().unwrap_or("");
            Country {
                alpha2: cell(0).to_owned(),
                alpha3: cell(1).to_owned(),
                name: cell(2).to_owned(),

                rule_of_law_percentile: fixed_point(cell(3), 1),
                voice_and_accountability_percentile: fixed_point(cell(4), 1),
                political_stability_percentile: fixed_point(cell(5), 1),
                wgi_margin: fixed_point(cell(6), 1),
                civil_society: fixed_point(cell(7), 3),
                judicial_constraints: fixed_point(cell(8), 3),
                physical_violence: fixed_point(cell(9), 3),
                regime: cell(10).parse().ok(),
                specific_ranks: specific.map(|column| {
                    column
                        .and_then(|c| cells.get(c))
                        .and_then(|value| value.parse::<u8>().ok())
                        .filter(|rank| *rank <= 100)
                }),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.alpha2.cmp(&b.alpha2));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    #[test]
    fn table_has_every_iso_country_with_unique_codes() {
        let all = countries();
        assert!(all.len() >= 249, "only {} countries", all.len());
        for pair in all.windows(2) {
            assert_ne!(pair[0].alpha2, pair[1].alpha2);
        }
        assert!(all
            .iter()
            .all(|c| c.alpha2.len() == 2 && c.alpha3.len() == 3 && !c.name.is_empty()));
    }

    /// (code, index, level): stable democracies, stable autocracies, conflict-affected states,
    /// and places that had no V-Dem values before the wider extract.
    #[test]
    fn context_levels_follow_the_indicators() {
        use ContextLevel::{High, Low, Moderate, VeryHigh};
        let table = [
            ("NO", Some(6), Some(Low)),
            ("US", Some(20), Some(Low)),
            ("KE", Some(46), Some(Moderate)),
            ("SG", Some(30), Some(Moderate)),
            ("HK", Some(52), Some(Moderate)),
            ("AE", Some(59), Some(High)),
            ("BH", Some(74), Some(High)),
            ("SA", Some(76), Some(VeryHigh)),
            ("CN", Some(78), Some(VeryHigh)),
            ("MM", Some(93), Some(VeryHigh)),
            ("RU", Some(89), Some(VeryHigh)),
            ("MT", Some(21), Some(Low)),
            ("PS", Some(76), Some(VeryHigh)),
            ("AQ", None, None),
        ];
        for (code, index, level) in table {
            let country = country_by_code(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(
                (country.context_index(), country.context_level()),
                (index, level),
                "{code}"
            );
        }
    }

    #[test]
    fn fixed_point_parsing_table() {
        for (cell, decimals, expected) in [
            ("41.0", 1, Some(410)),
            ("88.7", 1, Some(887)),
            ("100", 1, Some(1000)),
            ("0.843", 3, Some(843)),
            ("0.8", 3, Some(800)),
            ("1.000", 3, Some(1000)),
            ("", 1, None),
            ("..", 1, None),
            ("-1.0", 1, None),
            ("4x.0", 1, None),
        ] {
            assert_eq!(fixed_point(cell, decimals), expected, "{cell}");
        }
        let kenya = country_by_code("KE").unwrap();
        let readings = kenya.indicator_readings();
        let english = crate::i18n::Texts::english();
        assert_eq!(
            english.indicator_values(&readings[0].values),
            "41.0th percentile"
        );
        assert_eq!(readings[0].risk(), 59);
        assert_eq!(english.indicator_values(&readings[3].values), "0.843 of 1");
        assert_eq!(readings[3].risk(), 16);
        assert_eq!(kenya.context_index(), Some(46));
    }

    #[test]
    fn lookup_is_case_insensitive_and_rejects_unknown_codes() {
        assert_eq!(
            country_by_code("ke").map(|c| c.name.as_str()),
            Some("Kenya")
        );
        assert!(country_by_code("ZZ").is_none());
        assert!(country_by_code("").is_none());
    }

    #[test]
    fn the_table_is_read_by_its_header_whatever_the_column_order() {
        let table = "# comment\nname\talpha3\tvdem_physical_violence\talpha2\twgi_rl\twgi_margin\n\
                     Testland\tTST\t0.500\tTT\t40.0\t7.1\n";
        let rows = parse_table(table);
        assert_eq!(rows.len(), 1);
        let t = &rows[0];
        assert_eq!((t.alpha2.as_str(), t.alpha3.as_str()), ("TT", "TST"));
        assert_eq!(t.rule_of_law_percentile, Some(400));
        assert_eq!(t.physical_violence, Some(500));
        assert_eq!(t.political_stability_percentile, None);
        // Mean of 60 (rule of law) and 50 (violence); margin 7.1 rounded up.
        assert_eq!(t.context_index(), Some(55));
        assert_eq!(t.context_index_margin(), Some(8));
    }

    /// The formula of method version 1, kept here only to show what changed: the plain mean of
    /// rule of law, voice, political stability, civil society and judicial constraints.
    fn version_1_index(c: &Country) -> Option<u8> {
        let risks: Vec<u32> = [
            c.rule_of_law_percentile,
            c.voice_and_accountability_percentile,
            c.political_stability_percentile,
            c.civil_society,
            c.judicial_constraints,
        ]
        .into_iter()
        .flatten()
        .map(|v| u32::from(inverted(v)))
        .collect();
        if risks.is_empty() {
            return None;
        }
        let total: u32 = risks.iter().sum();
        Some(((total * 10 / risks.len() as u32 + 50) / 100) as u8)
    }

    #[test]
    fn political_stability_never_lowers_the_index() {
        for country in countries() {
            let with_stability = |percentile| Country {
                political_stability_percentile: percentile,
                ..country.clone()
            };
            let without = with_stability(None).context_index();
            // The most stable country possible is rated as if stability were not measured ...
            assert_eq!(
                with_stability(Some(1000)).context_index(),
                without,
                "{}",
                country.alpha2
            );
            // ... and the real value can only add to the index.
            assert!(country.context_index() >= without, "{}", country.alpha2);
            // Where both exist, the violence reading is at least the state-violence risk.
            if let Some(violence) = country.physical_violence {
                let reading = &country.indicator_readings()[2];
                assert_eq!(reading.key, "violence");
                assert!(reading.risk_tenths >= inverted(violence));
            }
            // With V-Dem data, never below the version 1 mean (which let stability lower it).
            if country.physical_violence.is_some() {
                assert!(
                    country.context_index() >= version_1_index(country),
                    "{}",
                    country.alpha2
                );
            }
        }
    }

    /// Stable autocracies: a high political stability rank, little civil liberty. Each is rated
    /// at least as badly as its indicators without political stability, and worse than the
    /// version 1 mean, which their stability pulled down.
    #[test]
    fn a_stable_autocracy_is_not_rated_better_for_its_stability() {
        let stable_autocracy = Country {
            alpha2: "TT".into(),
            alpha3: "TST".into(),
            name: "Testland".into(),

            rule_of_law_percentile: Some(600),
            voice_and_accountability_percentile: Some(100),
            political_stability_percentile: Some(950),
            wgi_margin: Some(80),
            civil_society: Some(100),
            judicial_constraints: Some(150),
            physical_violence: Some(350),
            regime: Some(0),
            specific_ranks: [None; 4],
        };
        // Risks 40, 90, max(5, 65), 90, 85: mean 74; version 1 used 5 for stability: mean 62.
        assert_eq!(stable_autocracy.context_index(), Some(74));
        assert_eq!(version_1_index(&stable_autocracy), Some(62));

        for (code, min_level) in [
            ("AE", ContextLevel::High),
            ("QA", ContextLevel::High),
            ("RW", ContextLevel::High),
            ("KH", ContextLevel::High),
            ("TM", ContextLevel::VeryHigh),
            ("SA", ContextLevel::VeryHigh),
            ("LA", ContextLevel::VeryHigh),
        ] {
            let c = country_by_code(code).unwrap();
            let stability = c.political_stability_percentile.unwrap();
            assert!(
                inverted(stability) < inverted(c.physical_violence.unwrap()),
                "{code} is not a stable autocracy in the data"
            );
            assert!(c.context_index() > version_1_index(c), "{code}");
            assert!(c.context_level() >= Some(min_level), "{code}");
        }
    }

    #[test]
    fn the_margin_is_present_and_sane() {
        let mut margins = Vec::new();
        for country in countries() {
            match country.context_index() {
                None => assert_eq!(country.context_index_margin(), None),
                Some(_) => {
                    // Every country with an index has WGI intervals today, so no fallback.
                    assert!(country.wgi_margin.is_some(), "{}", country.alpha2);
                    let margin = country.context_index_margin().unwrap();
                    assert!((1..=50).contains(&margin), "{}: {margin}", country.alpha2);
                    margins.push(margin);
                }
            }
        }
        margins.sort_unstable();
        assert_eq!(CONTEXT_INDEX_MARGIN, margins[margins.len() / 2], "median");
        // Well-measured countries have narrow margins; a territory with one source a wide one.
        for (code, margin) in [("NO", 8), ("US", 8), ("CN", 9), ("NU", 41)] {
            assert_eq!(
                country_by_code(code).unwrap().context_index_margin(),
                Some(margin),
                "{code}"
            );
        }
    }

    /// Splits one CSV line into fields, honouring double quotes (the source files quote names
    /// such as "Korea, Rep.").
    fn csv_fields(line: &str) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    fields.last_mut().unwrap().push('"');
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(String::new()),
                _ => fields.last_mut().unwrap().push(ch),
            }
        }
        fields
    }

    /// Rows of a source CSV file as (header, rows).
    fn read_csv(path: &PathBuf) -> (Vec<String>, Vec<Vec<String>>) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let mut lines = text.lines().map(csv_fields);
        let header = lines.next().unwrap_or_default();
        (header, lines.collect())
    }

    /// Places with V-Dem values only since the wider V-Dem extract (they had WGI alone).
    const NEWLY_WITH_VDEM: [&str; 7] = ["BH", "HK", "MT", "PS", "SC", "ST", "VU"];

    #[test]
    fn every_iso_country_with_source_data_has_an_index() {
        // Every V-Dem value the table has: physical violence, civil society and judicial
        // constraints come together.
        for c in countries() {
            let vdem = [c.physical_violence, c.civil_society, c.judicial_constraints];
            assert!(
                vdem.iter().all(Option::is_some) || vdem.iter().all(Option::is_none),
                "{}",
                c.alpha2
            );
        }
        for code in NEWLY_WITH_VDEM {
            let c = country_by_code(code).unwrap();
            assert!(c.physical_violence.is_some(), "{code}");
        }
        let with_index = countries()
            .iter()
            .filter(|c| c.context_index().is_some())
            .count();
        assert_eq!(with_index, 213);

        // Against the source extracts, where they are present (they are not part of a clone).
        let folder = std::env::var_os("HRDD_COUNTRY_SOURCE").map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/country"),
            PathBuf::from,
        );
        if !folder.join("country-codes.csv").exists() {
            eprintln!("{folder:?} not found: checked the embedded table only");
            return;
        }
        let (header, rows) = read_csv(&folder.join("country-codes.csv"));
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (a2, a3) = (column("ISO3166-1-Alpha-2"), column("ISO3166-1-Alpha-3"));
        let mut alpha2_of: std::collections::BTreeMap<String, String> = rows
            .iter()
            .map(|r| (r[a3].trim().to_owned(), r[a2].trim().to_owned()))
            .filter(|(three, two)| three.len() == 3 && two.len() == 2)
            .collect();
        alpha2_of.insert("XKX".into(), "XK".into());
        let wgi_codes = [
            ("ADO", "AND"),
            ("ROM", "ROU"),
            ("TMP", "TLS"),
            ("WBG", "PSE"),
            ("ZAR", "COD"),
            ("KSV", "XKX"),
        ];

        let (header, rows) = read_csv(&folder.join("wgi2024_latest_2023.csv"));
        let rank = header.iter().position(|h| h == "pctrank").unwrap();
        let mut with_wgi = BTreeSet::new();
        for row in &rows {
            if row[rank].parse::<f64>().is_ok() {
                let code = wgi_codes
                    .iter()
                    .find(|(wgi, _)| *wgi == row[0])
                    .map_or(row[0].as_str(), |(_, iso)| iso);
                with_wgi.insert(
                    alpha2_of
                        .get(code)
                        .cloned()
                        .unwrap_or_else(|| panic!("WGI {} has values but no ISO country", row[0])),
                );
            }
        }
        // V-Dem: Gaza (PSG) is part of ISO PS; Somaliland and Zanzibar are parts of Somalia
        // and Tanzania, which V-Dem codes separately.
        let (_, rows) = read_csv(&folder.join("vdem_v14_2023_rights.csv"));
        let mut with_vdem = BTreeSet::new();
        for row in &rows {
            let code = if row[0] == "PSG" { "PSE" } else { &row[0] };
            if let Some(two) = alpha2_of.get(code) {
                with_vdem.insert(two.clone());
            } else {
                assert!(["SML", "ZZB"].contains(&code), "V-Dem {code} not mapped");
            }
        }
        assert_eq!(with_vdem.len(), 176);
        for code in &with_wgi | &with_vdem {
            let c = country_by_code(&code).unwrap_or_else(|| panic!("{code} missing"));
            assert!(c.context_index().is_some(), "{code} has no index");
            assert!(c.context_index_margin().is_some(), "{code} has no margin");
            assert_eq!(
                c.physical_violence.is_some(),
                with_vdem.contains(&code),
                "{code}: V-Dem values"
            );
        }
        assert_eq!((&with_wgi | &with_vdem).len(), with_index);
    }
}
