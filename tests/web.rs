//! Browser tests (wasm-bindgen-test in headless Chromium): components mount into a fresh
//! element of a real page and react to user events. Run by scripts/test.sh.
#![cfg(target_arch = "wasm32")]

use hrdd_calculator::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mount the application into a new element of the test page, as on a first visit: no drafts
/// stored by an earlier test.
async fn mount_app() -> Element {
    gloo::utils::window()
        .local_storage()
        .expect("storage")
        .expect("storage")
        .clear()
        .expect("clear");
    mount_app_keeping_storage().await
}

/// Mount the application again without clearing storage, as after a reload.
async fn mount_app_keeping_storage() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create root");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

/// Let Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn outcome(root: &Element) -> String {
    find(root, "#outcome").text_content().unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn starts_incomplete_and_a_prohibited_red_flag_changes_the_outcome() {
    let root = mount_app().await;
    assert_eq!(outcome(&root), "Assessment incomplete");
    click(&root, "[id='customer.sanctions-yes']");
    settle().await;
    assert_eq!(outcome(&root), "Do not proceed");
    let flags = find(&root, ".red-flags").text_content().unwrap_or_default();
    assert!(flags.contains("arms embargo"), "red flags shown: {flags}");
}

#[wasm_bindgen_test]
async fn full_mode_adds_questions_and_sector_pack_adds_its_own() {
    let root = mount_app().await;
    let count = |root: &Element| {
        root.query_selector_all("fieldset.question, div.question")
            .unwrap()
            .length()
    };
    let quick = count(&root);
    assert!(root
        .query_selector("[id='connection.type-cause']")
        .unwrap()
        .is_none());
    click(&root, "#mode-full_assessment");
    settle().await;
    assert!(count(&root) > quick, "full assessment shows more questions");
    assert!(root
        .query_selector("[id='connection.type-cause']")
        .unwrap()
        .is_some());

    let sector: HtmlSelectElement = find(&root, "#sector").unchecked_into();
    sector.set_value("surveillance");
    sector
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert!(root
        .query_selector("[id='surveillance.covert-yes']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn a_clean_quick_screen_reaches_proceed() {
    let root = mount_app().await;
    for id in [
        "profile.customer_type-private_company",
        "profile.channel-direct",
        "profile.ongoing_relationship-continuing",
        "end_use.purpose_disclosed-in_writing",
        "end_use.inherently_harmful-no",
        "end_use.torture_or_executions-no",
        "end_use.capabilities-none",
        "end_use.fits_business-yes",
        "end_use.customisation-none",
        "customer.end_user_known-buyer_itself",
        "customer.record_of_harm-none",
        "customer.misuse_against_groups-no",
        "customer.sanctions-no",
        "customer.unconstitutional_change-no",
        "impacts.groups-none",
        "mitigations.in_place-contract_clauses",
    ] {
        click(&root, &format!("[id='{id}']"));
    }
    let country: HtmlSelectElement = find(&root, "[id='profile.destination']").unchecked_into();
    country.set_value("NO");
    country
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(outcome(&root), "Proceed");
}

#[wasm_bindgen_test]
async fn answers_are_autosaved_in_local_storage_and_restored() {
    let root = mount_app().await;
    click(&root, "[id='customer.end_user_known-hidden']");
    settle().await;
    assert!(
        hrdd_calculator::storage::has_stored_data(),
        "the answer was saved"
    );
    // A second mount (as after a reload) opens the saved draft.
    let again = mount_app_keeping_storage().await;
    let hidden: web_sys::HtmlInputElement =
        find(&again, "[id='customer.end_user_known-hidden']").unchecked_into();
    assert!(hidden.checked());
}

#[wasm_bindgen_test]
async fn an_imported_file_with_errors_is_refused_with_a_plain_message() {
    let error =
        hrdd_calculator::storage::import_json("{\"format\": \"hrdd-assessment\"}").unwrap_err();
    assert!(error.contains("missing field"), "{error}");
    let error = hrdd_calculator::storage::import_json("not json").unwrap_err();
    assert!(error.contains("not valid JSON"), "{error}");
    let assessment = hrdd_core::Assessment::default();
    let json = hrdd_calculator::storage::export_json(&assessment, false).unwrap();
    assert_eq!(
        hrdd_calculator::storage::import_json(&json).unwrap(),
        assessment
    );
}

/// The golden passphrase-protected link was made natively with RustCrypto (AES-256-GCM,
/// PBKDF2-SHA-256); the browser's WebCrypto must open it, and refuse a wrong passphrase.
#[wasm_bindgen_test]
async fn webcrypto_opens_the_golden_protected_link() {
    let fixtures =
        js_sys::JSON::parse(include_str!("fixtures/links-v1.json")).expect("fixture JSON");
    let entries: js_sys::Array = fixtures.unchecked_into();
    let entry = entries
        .iter()
        .find(|e| js_sys::Reflect::get(e, &"passphrase".into()).is_ok_and(|p| p.is_string()))
        .expect("a protected golden link");
    let get = |key: &str| js_sys::Reflect::get(&entry, &key.into()).unwrap();
    let fragment = get("link").as_string().unwrap();
    let passphrase = get("passphrase").as_string().unwrap();
    let expected = js_sys::Reflect::get(&get("expected"), &"outcome".into())
        .unwrap()
        .as_string()
        .unwrap();
    let hrdd_core::link::ParsedLink::Locked(locked) = hrdd_core::link::decode(&fragment).unwrap()
    else {
        panic!("the golden link should be protected");
    };
    assert_eq!(
        hrdd_calculator::crypto::decrypt(&locked, "not the passphrase").await,
        Err(hrdd_core::link::LinkError::WrongPassphrase)
    );
    let body = hrdd_calculator::crypto::decrypt(&locked, &passphrase)
        .await
        .expect("opens");
    let shared = hrdd_core::link::decode_body(&body).unwrap();
    assert_eq!(hrdd_core::score(&shared.assessment).outcome.key(), expected);

    // And a link encrypted here opens here, with a fresh salt and nonce each time.
    let plain = hrdd_core::link::body_bytes(&shared.assessment, true);
    let first = hrdd_calculator::crypto::encrypt(&plain, "another passphrase")
        .await
        .unwrap();
    let second = hrdd_calculator::crypto::encrypt(&plain, "another passphrase")
        .await
        .unwrap();
    assert_ne!(first.salt, second.salt);
    assert_ne!(first.nonce, second.nonce);
    assert_eq!(
        hrdd_calculator::crypto::decrypt(&second, "another passphrase")
            .await
            .unwrap(),
        plain
    );
}
