//! The embedded country dataset (`core/data/countries.tsv`) and the country context index the
//! method derives from it. Source, year and licence travel with every use, for the report.

use crate::method::ContextLevel;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/countries.tsv");

/// Attribution shown wherever country data is shown.
pub const COUNTRY_DATA_ATTRIBUTION: &str = "Source: World Bank, Worldwide Governance Indicators (2024 update, year 2023), www.govindicators.org, CC BY 4.0 (perception-based estimates with margins of error); V-Dem Institute, Varieties of Democracy v14 (2023) and ERT v15 (2024), CC BY-SA 4.0.";

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
    pub political_stability_percentile: Option<u16>,
    /// V-Dem indices in thousandths: 0 to 1000.
    pub civil_society: Option<u16>,
    pub judicial_constraints: Option<u16>,
    /// V-Dem Regimes of the World, 0 closed autocracy .. 3 liberal democracy.
    pub regime: Option<u8>,
}

/// One indicator's contribution to the context index, for the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorReading {
    pub name: &'static str,
    pub source: &'static str,
    /// The value as the source states it, e.g. "41.0th percentile" or "0.843 of 1".
    pub value: String,
    /// 0 (best) .. 1000 (worst): the method's common 0..100 scale, in tenths.
    pub risk_tenths: u16,
}

impl IndicatorReading {
    /// The risk on the 0..100 scale, rounded.
    pub fn risk(&self) -> u16 {
        (self.risk_tenths + 5) / 10
    }
}

impl Country {
    /// Indicators on a common 0 (best) .. 100 (worst) scale (METHODOLOGY.md, "Country context").
    pub fn indicator_readings(&self) -> Vec<IndicatorReading> {
        let wgi = "World Bank WGI 2023";
        let vdem = "V-Dem v14, 2023";
        let percentile = |name, value: Option<u16>| {
            value.map(|v| IndicatorReading {
                name,
                source: wgi,
                value: format!("{}.{}th percentile", v / 10, v % 10),
                risk_tenths: 1000 - v.min(1000),
            })
        };
        // (1 - v) x 100 in tenths is 1000 - v when v is in thousandths.
        let index = |name, value: Option<u16>| {
            value.map(|v| IndicatorReading {
                name,
                source: vdem,
                value: format!("{}.{:03} of 1", v / 1000, v % 1000),
                risk_tenths: 1000 - v.min(1000),
            })
        };
        [
            percentile("Rule of law", self.rule_of_law_percentile),
            percentile(
                "Voice and accountability",
                self.voice_and_accountability_percentile,
            ),
            percentile(
                "Political stability and absence of violence",
                self.political_stability_percentile,
            ),
            index("Civil society space", self.civil_society),
            index(
                "Judicial and legislative constraints on the executive",
                self.judicial_constraints,
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Mean of the available indicators on the 0..100 risk scale, rounded; None when no
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

    pub fn context_level(&self) -> Option<ContextLevel> {
        self.context_index().map(ContextLevel::from_context_index)
    }

    pub fn regime_label(&self) -> Option<&'static str> {
        self.regime.map(|r| match r {
            0 => "closed autocracy",
            1 => "electoral autocracy",
            2 => "electoral democracy",
            _ => "liberal democracy",
        })
    }
}

/// All countries, sorted by ISO alpha-2 code.
pub fn countries() -> &'static [Country] {
    static PARSED: OnceLock<Vec<Country>> = OnceLock::new();
    PARSED.get_or_init(|| parse_table(TABLE))
}

/// The country with this ISO 3166-1 alpha-2 code (case-insensitive).
pub fn country_by_code(alpha2: &str) -> Option<&'static Country> {
    let wanted = alpha2.to_ascii_uppercase();
    let all = countries();
    all.binary_search_by(|c| c.alpha2.as_str().cmp(wanted.as_str()))
        .ok()
        .map(|i| &all[i])
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

fn parse_table(table: &str) -> Vec<Country> {
    let mut rows: Vec<Country> = table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("alpha2\t") && !line.is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |i: usize| cells.get(i).copied().unwrap_or("");
            Country {
                alpha2: cell(0).to_owned(),
                alpha3: cell(1).to_owned(),
                name: cell(2).to_owned(),
                rule_of_law_percentile: fixed_point(cell(3), 1),
                voice_and_accountability_percentile: fixed_point(cell(4), 1),
                political_stability_percentile: fixed_point(cell(5), 1),
                civil_society: fixed_point(cell(6), 3),
                judicial_constraints: fixed_point(cell(7), 3),
                regime: cell(9).parse().ok(),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.alpha2.cmp(&b.alpha2));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn context_levels_follow_the_indicators() {
        let table = [
            ("NO", Some(ContextLevel::Low)),
            ("US", Some(ContextLevel::Low)),
            ("KE", Some(ContextLevel::Moderate)),
            ("AE", Some(ContextLevel::High)),
            ("MM", Some(ContextLevel::VeryHigh)),
            ("RU", Some(ContextLevel::VeryHigh)),
            ("AQ", None),
        ];
        for (code, expected) in table {
            let country = country_by_code(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!(
                country.context_level(),
                expected,
                "{code}: {:?}",
                country.context_index()
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
        assert_eq!(readings[0].value, "41.0th percentile");
        assert_eq!(readings[0].risk(), 59);
        assert_eq!(readings[3].value, "0.843 of 1");
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
}
