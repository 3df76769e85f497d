//! The embedded table of UN and EU restrictive measures on destinations (arms embargoes, bans on
//! equipment for internal repression or for monitoring telecommunications, trade restrictions):
//! its rows, how they are read from `core/data/restrictive_measures.tsv`, and the dates that say
//! whether the table or a row may be out of date. What the method makes of a row is in
//! `crate::method` (`MEASURE_ANSWERS`) and `crate::pre_answers`; how each row was verified is in
//! `core/data/README.md`.

use crate::dates::Day;
use crate::en;
use std::sync::OnceLock;

// The table as `build.rs` prepared it for this target (the same file, natively).
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/restrictive_measures.tsv"));

/// The day the table was compiled and every row's status assigned. Shown with the table; the
/// page warns when it is more than [`STALE_AFTER_MONTHS`] old on the user's device.
pub const TABLE_AS_OF: &str = "2026-11-23";

/// Sanctions change often: after this many months the page says the table may be out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;

/// The kind of measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Regime {
    UnArmsEmbargo,
    EuArmsEmbargo,
    /// The 1992 OSCE request on the Nagorno-Karabakh area: politically binding only.
    OsceArmsEmbargo,
    EuInternalRepressionBan,
    EuTelecomMonitoringBan,
    /// EU trade restrictions that list goods in detail (dual-use, technology, sectoral bans);
    /// the table says only that they exist.
    EuTradeRestrictions,
}

impl Regime {
    pub const ALL: [Regime; 6] = [
        Regime::UnArmsEmbargo,
        Regime::EuArmsEmbargo,
        Regime::OsceArmsEmbargo,
        Regime::EuInternalRepressionBan,
        Regime::EuTelecomMonitoringBan,
        Regime::EuTradeRestrictions,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Regime::UnArmsEmbargo => "un_arms_embargo",
            Regime::EuArmsEmbargo => "eu_arms_embargo",
            Regime::OsceArmsEmbargo => "osce_arms_embargo",
            Regime::EuInternalRepressionBan => "eu_internal_repression_ban",
            Regime::EuTelecomMonitoringBan => "eu_telecom_monitoring_ban",
            Regime::EuTradeRestrictions => "eu_trade_restrictions",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Regime::UnArmsEmbargo => en("UN arms embargo"),
            Regime::EuArmsEmbargo => en("EU arms embargo"),
            Regime::OsceArmsEmbargo => en("OSCE arms embargo (politically binding)"),
            Regime::EuInternalRepressionBan => en("EU ban on equipment for internal repression"),
            Regime::EuTelecomMonitoringBan => {
                en("EU ban on telecommunications monitoring and interception equipment")
            }
            Regime::EuTradeRestrictions => {
                en("EU trade restrictions (dual-use, technology, sectoral)")
            }
        }
    }

    /// What the measure forbids, in plain words, so that the user sees what it does not cover.
    pub fn covers(self) -> &'static str {
        match self {
            Regime::UnArmsEmbargo | Regime::EuArmsEmbargo | Regime::OsceArmsEmbargo => {
                en("Arms and related materiel (military goods), and usually related services and assistance. Civilian and humanitarian goods are not covered, though supplies to the armed or security forces may need authorisation.")
            }
            Regime::EuInternalRepressionBan => {
                en("Equipment that might be used for internal repression (the regulation's annex lists it: riot control, restraints, certain vehicles and weapons). Other goods are not covered.")
            }
            Regime::EuTelecomMonitoringBan => {
                en("Equipment, technology and software for monitoring or intercepting internet and telephone communications, and services for them. Other goods are not covered.")
            }
            Regime::EuTradeRestrictions => {
                en("Goods, technology and services listed in the regulation (dual-use items, advanced technology, sectoral lists). Whether they cover this deal must be checked against the lists.")
            }
        }
    }

    fn from_key(key: &str) -> Option<Regime> {
        Regime::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Whom a measure covers, as the project read the legal text (see
/// `scripts/build-restrictive-measures.py`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureScope {
    /// Every end user in the destination.
    WholeCountry,
    /// Everyone but the government's own forces, which are exempt (often subject to a
    /// notification or an authorisation).
    ExceptState,
    /// Only listed persons and entities: the sanctions screening answers it.
    ListedPartiesOnly,
    /// Only part of the territory.
    Region,
}

impl MeasureScope {
    fn from_key(key: &str) -> Option<MeasureScope> {
        Some(match key {
            "whole" => MeasureScope::WholeCountry,
            "except_state" => MeasureScope::ExceptState,
            "listed_only" => MeasureScope::ListedPartiesOnly,
            "region" => MeasureScope::Region,
            _ => return None,
        })
    }
}

/// How a row was verified when the table was compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verification {
    /// Not confirmed, or the last confirmed renewal had expired: never presented as settled.
    Unverified,
    /// From secondary sources only (research institutes' pages, news, sanctions metadata).
    Secondary,
    /// Checked against the legal text or an official UN or EU release.
    Verified,
}

impl Verification {
    pub const ALL: [Verification; 3] = [
        Verification::Verified,
        Verification::Secondary,
        Verification::Unverified,
    ];

    /// The key of the table's `verification` column.
    pub fn key(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::Secondary => "secondary",
            Verification::Unverified => "unverified",
        }
    }

    fn from_key(key: &str) -> Option<Verification> {
        Some(match key {
            "verified" => Verification::Verified,
            "secondary" => Verification::Secondary,
            "unverified" => Verification::Unverified,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Verification::Verified => en("verified against the legal text or an official release"),
            Verification::Secondary => en("from secondary sources only"),
            Verification::Unverified => en("not verified: it may have lapsed or changed"),
        }
    }
}

/// One measure on one destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub regime: Regime,
    pub scope: MeasureScope,
    pub verification: Verification,
    /// Resolution numbers, Council decision and regulation numbers.
    pub legal_basis: String,
    pub in_force_since: String,
    /// The end of the current term when the measure must be renewed (empty or "open-ended"
    /// otherwise).
    pub valid_until: String,
    /// Date of the source the row was checked against.
    pub source_date: String,
    /// The day the row was last checked.
    pub checked: String,
    /// Whom and what the measure covers, in words (regions, exempt forces, listed groups).
    pub scope_in_words: String,
}

impl Measure {
    /// Whether the row's current term ended before `today` (YYYY-MM-DD): it may have been
    /// renewed or may have lapsed, so it must be checked.
    pub fn term_ended(&self, today: &str) -> bool {
        let end = self.valid_until.trim();
        match end.get(..10).and_then(Day::parse) {
            Some(day) => Day::parse(today).is_some_and(|today| day < today),
            // A term given by month ends with that month.
            None => end
                .get(..7)
                .filter(|m| is_month(m))
                .is_some_and(|month| month < today.get(..7).unwrap_or(today)),
        }
    }
}

/// Every row, in table order (by destination).
pub fn measures() -> &'static [Measure] {
    static PARSED: OnceLock<Vec<Measure>> = OnceLock::new();
    PARSED.get_or_init(|| parse_table(TABLE))
}

/// The rows on one destination (ISO alpha-2).
pub fn measures_on(country: &str) -> impl Iterator<Item = &'static Measure> + '_ {
    // The table is sorted by destination (the build script sorts it; a test checks it).
    let all = measures();
    let start = all.partition_point(|m| m.country.as_str() < country);
    all[start..]
        .iter()
        .take_while(move |m| m.country == country)
}

fn parse_table(text: &str) -> Vec<Measure> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1) // the header
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |i: usize| cells.get(i).map_or(String::new(), |c| c.trim().to_owned());
            Some(Measure {
                country: cell(0),
                regime: Regime::from_key(cells.get(1)?)?,
                scope: MeasureScope::from_key(cells.get(2)?)?,
                verification: Verification::from_key(cells.get(3)?)?,
                legal_basis: cell(4),
                in_force_since: cell(5),
                valid_until: cell(6),
                source_date: cell(7),
                checked: cell(8),
                scope_in_words: cell(9),
            })
        })
        .collect()
}

/// A `YYYY-MM` month.
fn is_month(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7 && b[4] == b'-' && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
}

/// Whether the table is more than [`STALE_AFTER_MONTHS`] old on `today` (YYYY-MM-DD, the
/// user's device date); None when `today` is not a date.
pub fn table_is_stale(today: &str) -> Option<bool> {
    is_older_than_months(TABLE_AS_OF, today, STALE_AFTER_MONTHS)
}

fn is_older_than_months(as_of: &str, today: &str, months: u32) -> Option<bool> {
    let (as_of, today) = (Day::parse(as_of)?, Day::parse(today)?);
    let elapsed = as_of.months_until(today);
    // Exactly `months` later, to the day, is not yet older.
    let anniversary = elapsed == months && today.civil().2 == as_of.civil().2;
    Some(elapsed > months || (elapsed == months && !anniversary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staleness_counts_calendar_months() {
        let table = [
            ("2026-11-23", "2026-11-23", false),
            ("2026-11-23", "2027-05-23", false),
            ("2026-11-23", "2027-05-24", true),
            ("2026-11-23", "2027-06-01", true),
            ("2026-11-23", "2026-12-31", false),
            ("2026-01-31", "2026-07-31", false),
            ("2026-01-31", "2026-08-01", true),
        ];
        for (as_of, today, stale) in table {
            assert_eq!(
                is_older_than_months(as_of, today, 6),
                Some(stale),
                "{as_of} on {today}"
            );
        }
        assert_eq!(table_is_stale("yesterday"), None);
    }

    #[test]
    fn a_term_ends_on_its_day_or_with_its_month() {
        let row = |valid_until: &str| Measure {
            valid_until: valid_until.to_owned(),
            ..measures()[0].clone()
        };
        assert!(row("2026-07-31").term_ended("2026-08-01"));
        assert!(!row("2026-07-31").term_ended("2026-07-31"));
        assert!(row("2026-10 (one-year renewal from 2025-10-17)").term_ended("2026-11-01"));
        assert!(!row("2026-10 (one-year renewal from 2025-10-17)").term_ended("2026-10-31"));
        assert!(!row("open-ended").term_ended("2030-01-01"));
        assert!(!row("").term_ended("2030-01-01"));
    }
}
