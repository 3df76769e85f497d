//! The embedded country dataset (`core/data/countries.tsv`) and the country context index the
//! method derives from it. Source, year and licence travel with every use, for the report.

use crate::method::ContextLevel;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/countries.tsv");

/// Attribution shown wherever country data is shown.
pub const COUNTRY_DATA_ATTRIBUTION: &str = "Source: World Bank, Worldwide Governance Indicators (2024 update, year 2023), www.govindicators.org, CC BY 4.0 (perception-based estimates with margins of error); V-Dem Institute, Varieties of Democracy v14 (2023) and ERT v15 (2024), CC BY-SA 4.0.";

/// One country's row: ISO codes, name and indicators (None where the source has no value).
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub name: String,
    /// WGI percentile ranks, 0 (lowest) to 100 (highest).
    pub rule_of_law_percentile: Option<f32>,
    pub voice_and_accountability_percentile: Option<f32>,
    pub political_stability_percentile: Option<f32>,
    /// V-Dem indices, 0 to 1.
    pub civil_society: Option<f32>,
    pub judicial_constraints: Option<f32>,
    pub equality_before_law: Option<f32>,
    /// V-Dem Regimes of the World, 0 closed autocracy .. 3 liberal democracy.
    pub regime: Option<u8>,
}

/// One indicator's contribution to the context index, for the explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorReading {
    pub name: &'static str,
    pub source: &'static str,
    /// The value as the source states it, e.g. "41.0th percentile" or "0.843 of 1".
    pub value: String,
    /// 0 (best) .. 100 (worst) on the method's common scale.
    pub risk: f32,
}

impl Country {
    /// Indicators on a common 0 (best) .. 100 (worst) scale (METHODOLOGY.md, "Country context").
    pub fn indicator_readings(&self) -> Vec<IndicatorReading> {
        let wgi = "World Bank WGI 2023";
        let vdem = "V-Dem v14, 2023";
        let percentile = |name, value: Option<f32>| {
            value.map(|v| IndicatorReading {
                name,
                source: wgi,
                value: format!("{v:.1}th percentile"),
                risk: 100.0 - v,
            })
        };
        let index = |name, value: Option<f32>| {
            value.map(|v| IndicatorReading {
                name,
                source: vdem,
                value: format!("{v:.3} of 1"),
                risk: (1.0 - v) * 100.0,
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

    /// Mean of the available indicators on the 0..100 risk scale; None when no indicator exists.
    pub fn context_index(&self) -> Option<u8> {
        let readings = self.indicator_readings();
        if readings.is_empty() {
            return None;
        }
        let mean = readings.iter().map(|r| r.risk).sum::<f32>() / readings.len() as f32;
        Some(mean.round().clamp(0.0, 100.0) as u8)
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

fn parse_table(table: &str) -> Vec<Country> {
    let number = |cell: &str| cell.parse::<f32>().ok();
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
                rule_of_law_percentile: number(cell(3)),
                voice_and_accountability_percentile: number(cell(4)),
                political_stability_percentile: number(cell(5)),
                civil_society: number(cell(6)),
                judicial_constraints: number(cell(7)),
                equality_before_law: number(cell(8)),
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
    fn lookup_is_case_insensitive_and_rejects_unknown_codes() {
        assert_eq!(
            country_by_code("ke").map(|c| c.name.as_str()),
            Some("Kenya")
        );
        assert!(country_by_code("ZZ").is_none());
        assert!(country_by_code("").is_none());
    }
}
