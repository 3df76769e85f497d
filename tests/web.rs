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
    // The calculator's words come from its catalogue (the wasm holds none): give the page the
    // English one inline, as the one-file build does (this test server has no i18n/ folder).
    if document.get_element_by_id("hrdd-catalogue-en").is_none() {
        let catalogue = document.create_element("script").expect("create script");
        catalogue.set_id("hrdd-catalogue-en");
        catalogue.set_attribute("type", "text/plain").expect("type");
        catalogue.set_text_content(Some(hrdd_core::i18n::CATALOGUE_FILES[0].1));
        document
            .body()
            .expect("body")
            .append_child(&catalogue)
            .expect("append catalogue");
    }
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

/// Let Yew's scheduler run the pending renders: wait until the page stops changing (a debug
/// build scores and renders slowly), at most about three seconds.
async fn settle() {
    let body = gloo::utils::document().body().expect("body");
    let mut last = String::new();
    for _ in 0..100 {
        yew::platform::time::sleep(Duration::from_millis(30)).await;
        let now = body.inner_html();
        if now == last {
            return;
        }
        last = now;
    }
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

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn exists(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

fn choose_country(root: &Element, code: &str) {
    let country: HtmlSelectElement = find(root, "[id='profile.destination']").unchecked_into();
    country.set_value(code);
    country
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

fn choose_sector(root: &Element, key: &str) {
    let sector: HtmlSelectElement = find(root, "#sector").unchecked_into();
    sector.set_value(key);
    sector
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// The quick screen of a clean deal: a private customer in Norway that said what the product is
/// for, ordinary civilian goods with no capability to act on people, every party screened, no
/// embargo, no warning sign in the transaction, nothing pointing to torture or atrocities,
/// contract clauses in place.
const CLEAN_QUICK_SCREEN: &[&str] = &[
    "profile.customer_type-private_company",
    "profile.channel-direct",
    "profile.ongoing_relationship-continuing",
    "profile.destination_embargo-none_checked",
    "end_use.purpose_disclosed-in_writing",
    "end_use.inherently_harmful-no",
    "end_use.capabilities-none",
    "end_use.fits_business-yes",
    "end_use.customisation-none",
    "end_use.product_family-civilian",
    "end_use.torture_goods-none",
    "end_use.torture_reason_to_believe-no",
    "customer.end_user_known-buyer_itself",
    "customer.record_of_harm-none",
    "customer.misuse_against_groups-no",
    "customer.unconstitutional_change-no",
    "customer.security_control-no",
    "customer.listed_parties-none_screened",
    "customer.atrocity_risk-no",
    "customer.transaction_red_flags-none",
    "impacts.groups-none",
    "impacts.positive_rights-none",
    "mitigations.in_place-contract_clauses",
    "mitigations.planned-none",
    "mitigations.evidence-verified",
];

async fn answer_clean_quick_screen(root: &Element) {
    for id in CLEAN_QUICK_SCREEN {
        click(root, &format!("[id='{id}']"));
    }
    choose_country(root, "NO");
    settle().await;
    // The screening record, asked once the sanctions question is answered.
    click(root, "[id='customer.screening_lists-un']");
    click(root, "[id='customer.screening_lists-eu']");
    let date: web_sys::HtmlInputElement =
        find(root, "[id='customer.screening_date-date']").unchecked_into();
    date.set_value("2026-11-20");
    date.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn starts_incomplete_with_facts_to_establish_and_a_prohibited_red_flag_stops_the_deal() {
    let root = mount_app().await;
    assert_eq!(outcome(&root), "Assessment incomplete");
    // Nothing is known: the facts to establish are listed, and unknown answers show as possible
    // red flags, apart from raised ones.
    let blockers = text(&root, "#blockers");
    assert!(
        blockers.contains("Before any decision, establish:")
            && blockers.contains("What kind of organisation is the customer?"),
        "{blockers}"
    );
    assert!(text(&root, "#possible-red-flags").contains("An unknown answer could raise these"));
    assert!(!exists(&root, ".red-flags"), "nothing is raised yet");
    // Questions retired by method 2 stay in the data but are never shown.
    assert!(!exists(&root, "[id='customer.sanctions-yes']"));
    assert!(!exists(&root, "[id='end_use.torture_or_executions-yes']"));

    click(&root, "[id='customer.listed_parties-listed']");
    settle().await;
    assert_eq!(outcome(&root), "Do not proceed");
    let flags = text(&root, ".red-flags");
    assert!(
        flags.contains("on a sanctions list") && flags.contains("Prohibited: do not proceed"),
        "red flags shown: {flags}"
    );
    assert!(
        !text(&root, "#possible-red-flags").contains("on a sanctions list"),
        "a raised flag is no longer only possible"
    );
    assert!(
        !exists(&root, "#blockers"),
        "a prohibited flag stops the deal whatever is unknown"
    );
}

#[wasm_bindgen_test]
async fn full_mode_adds_questions_and_a_sector_pack_adds_its_own() {
    let root = mount_app().await;
    let count = |root: &Element| {
        root.query_selector_all("fieldset.question, div.question")
            .unwrap()
            .length()
    };
    let quick = count(&root);
    assert!(!exists(&root, "[id='connection.type-cause']"));
    click(&root, "#mode-full_assessment");
    settle().await;
    assert!(count(&root) > quick, "full assessment shows more questions");
    assert!(exists(&root, "[id='connection.type-cause']"));

    // Ordinary civilian goods that cannot act on people: no surveillance question...
    click(&root, "[id='end_use.capabilities-none']");
    click(&root, "[id='end_use.product_family-civilian']");
    settle().await;
    assert!(!exists(&root, "[id='surveillance.covert-yes']"));
    // ...until the surveillance pack is chosen...
    choose_sector(&root, "surveillance");
    settle().await;
    assert!(exists(&root, "[id='surveillance.covert-yes']"));
    // ...or a capability calls for it, which the question and the result say.
    choose_sector(&root, "general");
    click(&root, "[id='end_use.capabilities-track']");
    settle().await;
    assert!(exists(&root, "[id='surveillance.covert-yes']"));
    assert!(text(&root, "[id='q-surveillance.covert']").contains("Asked from the"));
    assert!(text(&root, "#method-notes")
        .contains("Questions of the \"Surveillance and security technology\" pack were added"));
}

#[wasm_bindgen_test]
async fn a_clean_quick_screen_reaches_proceed() {
    let root = mount_app().await;
    answer_clean_quick_screen(&root).await;
    assert_eq!(outcome(&root), "Proceed");
    assert!(!exists(&root, "#blockers"));
    assert!(!exists(&root, "#possible-red-flags"));
    assert!(!exists(&root, "#full-assessment-needed"));
    assert!(text(&root, "#open-title").contains("(0)"));
}

#[wasm_bindgen_test]
async fn a_capability_calls_for_a_full_assessment_and_the_button_switches_to_it() {
    let root = mount_app().await;
    answer_clean_quick_screen(&root).await;
    click(&root, "[id='end_use.capabilities-track']");
    settle().await;
    click(&root, "[id='surveillance.covert-no']");
    click(&root, "[id='surveillance.independent_authorisation-yes']");
    settle().await;
    // Nothing is unknown, but a quick screen cannot clear a product that tracks people.
    assert_eq!(outcome(&root), "Assessment incomplete");
    let needed = text(&root, "#full-assessment-needed");
    assert!(
        needed.contains("A full assessment is needed before relying on this result, because:")
            && needed.contains("the product can act on people"),
        "{needed}"
    );
    click(&root, "#switch-to-full");
    settle().await;
    let full: web_sys::HtmlInputElement = find(&root, "#mode-full_assessment").unchecked_into();
    assert!(full.checked());
    assert!(!exists(&root, "#full-assessment-needed"));
    assert!(exists(&root, "[id='connection.type-cause']"));
    let kept: web_sys::HtmlInputElement =
        find(&root, "[id='surveillance.covert-no']").unchecked_into();
    assert!(kept.checked(), "the answers are kept");
}

#[wasm_bindgen_test]
async fn a_floor_from_the_destination_planned_safeguards_and_benefits_are_shown() {
    let root = mount_app().await;
    answer_clean_quick_screen(&root).await;
    click(&root, "[id='mitigations.planned-end_use_certificate']");
    click(&root, "[id='impacts.positive_rights-health']");
    // The assessor judges the destination a very high risk context, with a reason.
    click(&root, "#override-toggle");
    settle().await;
    let level: HtmlSelectElement = find(&root, "#override-level").unchecked_into();
    level.set_value("very_high");
    level
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let reason: web_sys::HtmlTextAreaElement = find(&root, "#override-reason").unchecked_into();
    reason.set_value("New emergency law");
    reason
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    // The destination sets a floor by itself: never a plain "proceed" there.
    assert_eq!(outcome(&root), "Proceed with conditions");
    let floors = text(&root, "#floors");
    assert!(
        floors.contains("The customer and destination set a floor")
            && floors.contains("\"Proceed with conditions\"")
            && floors.contains("high risk"),
        "{floors}"
    );
    // A planned safeguard is a condition of the deal, not credit.
    let actions = text(&root, ".actions");
    assert!(
        actions.contains("Planned — a condition of the deal")
            && actions.contains("Obtain a signed end-use and end-user statement"),
        "{actions}"
    );
    assert!(text(&root, "#actions-title").contains("1 planned"));
    let benefits = text(&root, "#benefits");
    assert!(
        benefits.contains("Health") && benefits.contains("never subtracted from them"),
        "{benefits}"
    );
    assert!(
        find(&root, ".risks-and-benefits")
            .query_selector("#benefits")
            .unwrap()
            .is_some(),
        "benefits are shown beside the risks"
    );
}

#[wasm_bindgen_test]
async fn answers_are_autosaved_in_local_storage_and_restored() {
    let root = mount_app().await;
    click(&root, "[id='customer.end_user_known-hidden']");
    settle().await;
    // The save is an effect after the render; under a loaded machine it can come a little after
    // the page settles, so wait for it (up to two seconds) rather than for a fixed time.
    for _ in 0..40 {
        if hrdd_calculator::storage::has_stored_data() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(50)).await;
    }
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
    use hrdd_calculator::messages::storage_error;
    use hrdd_calculator::storage::StorageError;
    let english = hrdd_core::i18n::Texts::new(
        hrdd_core::i18n::Language::English,
        hrdd_core::i18n::Catalogue::parse(hrdd_core::i18n::CATALOGUE_FILES[0].1).unwrap(),
    );
    let error =
        hrdd_calculator::storage::import_json("{\"format\": \"hrdd-assessment\"}").unwrap_err();
    assert!(
        matches!(&error, StorageError::NotAnAssessment(detail) if detail.contains("missing field")),
        "{error:?}"
    );
    let error = hrdd_calculator::storage::import_json("not json").unwrap_err();
    assert!(matches!(error, StorageError::NotJson(_)), "{error:?}");
    assert!(storage_error(&english, &error).contains("not valid JSON"));
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
    // The golden links were made under method 1: method 1's conclusion is kept, and the report
    // shows it beside the current method's.
    assert_eq!(shared.method_version, 1);
    let method1 = hrdd_core::method_v1::evaluate(&shared.assessment).outcome;
    assert_eq!(method1.key(), expected);
    assert_eq!(
        hrdd_core::score(&shared.assessment).method1_outcome,
        Some(method1)
    );

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

/// An outside reviewer reads the options in their own words: the company, not "we".
#[wasm_bindgen_test]
async fn an_outside_reviewer_reads_options_about_the_company() {
    let root = mount_app().await;
    assert_eq!(
        text(&root, "label[for='profile.channel-direct']"),
        "We sell or provide it directly"
    );
    click(&root, "#perspective-outside_review");
    settle().await;
    assert_eq!(
        text(&root, "label[for='profile.channel-direct']"),
        "The company sells or provides it directly"
    );
}

/// The pipeline's results are read a slice at a time (the page stays responsive): the rows are
/// exactly those read at once, and a worker stopped meanwhile hands nothing on.
#[wasm_bindgen_test]
async fn pipeline_results_read_in_slices_are_those_read_at_once_and_a_stop_drops_them() {
    use hrdd_calculator::batch_worker::{parse_results, read_results_in_slices, WorkerMessage};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    // Three slices and one row more; rows with and without red flags.
    let text: String = (0..15_001)
        .map(|i| {
            let flags = if i % 3 == 0 { "covert_surveillance_tool" } else { "" };
            format!("{}\u{1f}D-{i}\u{1f}Customer {i}\u{1f}escalate\u{1f}{flags}\u{1f}{}\u{1f}life\u{1f}{}\u{1e}", i + 2, i % 4, i % 9)
        })
        .collect();
    let received: Rc<RefCell<Vec<WorkerMessage>>> = Rc::default();
    let keep = {
        let received = received.clone();
        Rc::new(move |message| received.borrow_mut().push(message))
    };
    read_results_in_slices(
        text.clone(),
        Vec::new(),
        Rc::new(Cell::new(false)),
        keep.clone(),
    )
    .await;
    let expected = parse_results(&text);
    assert_eq!(expected.len(), 15_001);
    assert_eq!(expected[15_000].deal_id, "D-15000");
    match received.borrow().as_slice() {
        [WorkerMessage::Done { rows, problems }] => {
            assert!(problems.is_empty());
            assert_eq!(*rows, expected);
        }
        other => panic!("expected the results once, got {other:?}"),
    }
    received.borrow_mut().clear();
    read_results_in_slices(text, Vec::new(), Rc::new(Cell::new(true)), keep).await;
    assert!(
        received.borrow().is_empty(),
        "a stopped worker's results were handed on"
    );
}
