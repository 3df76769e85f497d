//! Any file content must import as a valid assessment or give a typed error, never a panic.
#![no_main]

use hrdd_core::format::AssessmentDocument;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = serde_json::from_slice::<AssessmentDocument>(data) {
        if let Ok(assessment) = document.to_assessment() {
            assessment.validate().expect("an imported assessment is valid");
            let report = hrdd_core::score(&assessment);
            let written = AssessmentDocument::from_assessment(&assessment, true);
            assert_eq!(written.to_assessment().expect("round trip"), assessment);
            let _ = report.summary_line();
        }
    }
});
