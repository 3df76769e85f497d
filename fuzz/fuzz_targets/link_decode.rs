//! Any fragment, and any body bytes, must decode to a valid assessment or a typed error: no
//! panic, no unbounded allocation, and whatever opens must validate and score.
#![no_main]

use hrdd_core::link::{decode, decode_body, ParsedLink};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(ParsedLink::Open(shared)) = decode(text) {
            shared.assessment.validate().expect("an opened link is valid");
            let _ = hrdd_core::score(&shared.assessment);
        }
        let _ = decode(&format!("hrdd1.{text}"));
    }
    if let Ok(shared) = decode_body(data) {
        shared.assessment.validate().expect("an opened body is valid");
        let again = hrdd_core::link::encode(&shared.assessment, true);
        match decode(&again) {
            Ok(ParsedLink::Open(round)) => assert_eq!(round.assessment, shared.assessment),
            other => panic!("re-encoded link did not open: {other:?}"),
        }
    }
});
