//! The screens' texts and the English catalogue agree: every `texts.ui("ui-…", "English")` and
//! `texts.ui_with(…)` in `src/` (and in the core's presenter) names a key that `core/i18n/en.ftl` has with exactly that English
//! text, a key is never used with two different texts, and `en.ftl` has no `ui-` key that the
//! screens do not use. (The French and Spanish catalogues are checked against `en.ftl` by the
//! core's catalogue test.)
#![cfg(not(target_arch = "wasm32"))]

use hrdd_core::i18n::Catalogue;
use std::collections::BTreeMap;
use std::path::Path;

/// Read a Rust string literal starting at `text` (just after its opening quote): its value and
/// the rest of the text after the closing quote.
fn string_literal(text: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((value, &text[at + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => value.push('\n'),
                '"' => value.push('"'),
                '\\' => value.push('\\'),
                '\'' => value.push('\''),
                // A line continuation skips the newline and the next line's indentation.
                '\n' => {
                    let rest = &text[at + 2..];
                    let skipped = rest.len() - rest.trim_start().len();
                    for _ in 0..skipped {
                        chars.next();
                    }
                }
                other => panic!("unexpected escape \\{other} in a screen text"),
            },
            c => value.push(c),
        }
    }
    None
}

/// Every (key, English text, file) used by the screens.
fn used_texts() -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    // The screens, and the core's presenter of the report (`explanation.rs` words open
    // questions and changes with the screens' keys).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = [root.join("src"), root.join("core/src")]
        .iter()
        .flat_map(|folder| std::fs::read_dir(folder).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for call in [".ui(", ".ui_with("] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                let Some(after_key) = rest.trim_start().strip_prefix('"') else {
                    continue;
                };
                let (key, after) = string_literal(after_key).expect("a key literal");
                let Some(after_comma) = after.trim_start().strip_prefix(',') else {
                    panic!("{name}: {key} has no English text beside it");
                };
                let english_start = after_comma
                    .trim_start()
                    .strip_prefix('"')
                    .unwrap_or_else(|| panic!("{name}: {key}: the English text must be a literal"));
                let (english, after) = string_literal(english_start).expect("a text literal");
                found.push((key, english, name.clone()));
                rest = after;
            }
        }
    }
    found
}

#[test]
fn every_screen_text_is_in_the_english_catalogue_with_the_same_words() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/i18n/en.ftl");
    let catalogue = Catalogue::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let used = used_texts();
    assert!(
        used.len() > 20,
        "only {} texts found: is the scan broken?",
        used.len()
    );
    let mut by_key: BTreeMap<&str, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    for (key, english, file) in &used {
        if !key.starts_with("ui-") {
            problems.push(format!("{file}: \"{key}\" is not a ui- key"));
        }
        if let Some(earlier) = by_key.insert(key, english) {
            if earlier != english {
                problems.push(format!("{file}: \"{key}\" is used with two texts"));
            }
        }
        match catalogue.get(key) {
            None => problems.push(format!(
                "{file}: \"{key}\" is not in en.ftl; add:\n{key} = {english}"
            )),
            Some(text) if text != english => problems.push(format!(
                "{file}: \"{key}\" reads \"{text}\" in en.ftl, \"{english}\" in the code"
            )),
            Some(_) => {}
        }
    }
    for key in catalogue.keys().filter(|k| k.starts_with("ui-")) {
        if !by_key.contains_key(key) {
            problems.push(format!("en.ftl: \"{key}\" is not used by any screen"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_reads_literals_as_rust_does() {
    assert_eq!(
        string_literal(
            r#"say \"hi\"\\ \
            there" rest"#
        ),
        Some(("say \"hi\"\\ there".to_owned(), " rest"))
    );
}

/// A button whose accessible name adds the draft's name to its visible words must start with
/// those words in every language (WCAG 2.5.3, "label in name": speech users say what they see).
#[test]
fn accessible_names_contain_the_visible_words_in_every_language() {
    const PAIRS: &[(&str, &[&str])] = &[
        ("ui-drafts-open-2", &["ui-drafts-open-named"]),
        ("ui-drafts-rename", &["ui-drafts-rename-named"]),
        (
            "ui-drafts-delete",
            &[
                "ui-drafts-delete-named",
                "ui-drafts-delete-version",
                "ui-drafts-delete-set-aside",
            ],
        ),
        (
            "ui-drafts-confirm-delete",
            &[
                "ui-drafts-confirm-delete-named",
                "ui-drafts-confirm-delete-version",
                "ui-drafts-confirm-delete-set-aside",
            ],
        ),
        (
            "ui-drafts-open-as-a-new-draft",
            &["ui-drafts-open-version-named"],
        ),
        ("ui-drafts-download", &["ui-drafts-download-set-aside"]),
    ];
    for (_, text) in hrdd_core::i18n::CATALOGUE_FILES {
        let catalogue = Catalogue::parse(text).unwrap();
        for (visible, named) in PAIRS {
            let visible = catalogue.get(visible).unwrap().to_lowercase();
            for key in *named {
                let name = catalogue.get(key).unwrap().to_lowercase();
                assert!(
                    name.contains(&visible),
                    "{key}: \"{name}\" lacks \"{visible}\""
                );
            }
        }
    }
}
