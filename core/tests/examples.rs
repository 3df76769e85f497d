//! The worked examples in `examples/` are assessments with the outcome the method documents for
//! them. Each must parse, validate and score exactly that outcome; together they cover every
//! outcome and every sector pack. They double as golden fixtures of the JSON format.

use hrdd_core::format::AssessmentDocument;
use hrdd_core::method::Sector;
use hrdd_core::report::Outcome;
use hrdd_core::score;
use std::collections::HashSet;
use std::path::PathBuf;

fn examples() -> Vec<(PathBuf, AssessmentDocument)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let document: AssessmentDocument =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, document)
        })
        .collect()
}

#[test]
fn every_example_scores_its_documented_outcome() {
    let all = examples();
    assert!(all.len() >= 12, "only {} worked examples", all.len());
    for (path, document) in &all {
        let assessment = document
            .to_assessment()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let expected = document
            .expected_outcome()
            .expect("known outcome")
            .unwrap_or_else(|| panic!("{} states no expected outcome", path.display()));
        let report = score(&assessment);
        assert_eq!(
            report.outcome,
            expected,
            "{}: {}\n{:#?}",
            path.display(),
            report.summary_line(),
            report.outcome_reasons
        );
    }
}

#[test]
fn the_examples_cover_every_outcome_and_every_sector_pack() {
    let mut outcomes = HashSet::new();
    let mut sectors = HashSet::new();
    for (_, document) in examples() {
        outcomes.insert(document.expected_outcome().unwrap().unwrap());
        sectors.insert(Sector::from_key(&document.sector).unwrap());
    }
    for outcome in Outcome::ALL {
        assert!(
            outcomes.contains(&outcome),
            "no example reaches {outcome:?}"
        );
    }
    for sector in Sector::ALL {
        assert!(
            sectors.contains(&sector),
            "no example uses the {sector:?} pack"
        );
    }
}

#[test]
fn examples_round_trip_through_the_format() {
    for (path, document) in examples() {
        let assessment = document.to_assessment().unwrap();
        let written = AssessmentDocument::from_assessment(&assessment, true);
        let again = written.to_assessment().unwrap();
        assert_eq!(assessment, again, "{}", path.display());
    }
}
