//! The screens' texts and the English catalogue agree: every `texts.ui("ui-…")` and
//! `texts.ui_with("ui-…", &[…])` in `src/` (and in the core's presenter) names a key that
//! `core/i18n/en.ftl` has, each `ui_with` passes every placeholder its text has, and `en.ftl` has
//! no `ui-` key that the screens do not use. The English lives in `en.ftl` only (the browser
//! build carries no other copy). The French and Spanish catalogues are checked against `en.ftl`
//! by the core's catalogue test.
#![cfg(not(target_arch = "wasm32"))]

use hrdd_core::i18n::Catalogue;
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

/// One screen text used in the code: its key, the placeholder names a `ui_with` call passes
/// (None when they are not written out as `&[("name", …), …]`, or for `ui`), and the file.
struct Use {
    key: String,
    arguments: Option<Vec<String>>,
    file: String,
}

/// The names of `&[("name", value), …]` at the start of `text`.
fn argument_names(text: &str) -> Option<Vec<String>> {
    let list = text.trim_start().strip_prefix("&[")?;
    let mut names = Vec::new();
    let (mut depth, mut at) = (1, 0);
    let bytes = list.as_bytes();
    while depth > 0 && at < bytes.len() {
        match bytes[at] {
            b'[' | b'(' if depth == 1 && bytes[at] == b'(' => {
                let rest = list[at + 1..].trim_start();
                if let Some(literal) = rest.strip_prefix('"') {
                    let (name, _) = string_literal(literal)?;
                    names.push(name);
                }
                depth += 1;
            }
            b'[' | b'(' => depth += 1,
            b']' | b')' => depth -= 1,
            b'"' => {
                let (_, rest) = string_literal(&list[at + 1..])?;
                at = list.len() - rest.len();
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    Some(names)
}

/// Every screen text used by the screens, and by the core's presenter of the report.
fn used_texts() -> Vec<Use> {
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
                let arguments = if call == ".ui_with(" {
                    let after_comma = after.trim_start().strip_prefix(',');
                    assert!(
                        after_comma.is_some_and(|a| !a.trim_start().starts_with('"')),
                        "{name}: {key}: the English text lives in en.ftl only, not beside the key"
                    );
                    after_comma.and_then(argument_names)
                } else {
                    assert!(
                        after.trim_start().starts_with(')'),
                        "{name}: {key}: the English text lives in en.ftl only, not beside the key"
                    );
                    None
                };
                found.push(Use {
                    key,
                    arguments,
                    file: name.clone(),
                });
                rest = after;
            }
        }
    }
    found
}

#[test]
fn every_screen_text_is_in_the_english_catalogue_and_gets_its_placeholders() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/i18n/en.ftl");
    let catalogue = Catalogue::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let used = used_texts();
    assert!(
        used.len() > 300,
        "only {} texts found: is the scan broken?",
        used.len()
    );
    let mut keys = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for Use {
        key,
        arguments,
        file,
    } in &used
    {
        if !key.starts_with("ui-") {
            problems.push(format!("{file}: \"{key}\" is not a ui- key"));
        }
        keys.insert(key.as_str());
        let Some(text) = catalogue.get(key) else {
            problems.push(format!("{file}: \"{key}\" is not in en.ftl"));
            continue;
        };
        let wanted = hrdd_core::i18n::placeholders(text);
        // `ui` returns the text as it is: a caller fills its placeholders itself.
        if let Some(names) = arguments {
            for name in &wanted {
                if !names.iter().any(|n| n == name) {
                    problems.push(format!(
                        "{file}: \"{key}\" needs {{ ${name} }}, which the call does not pass"
                    ));
                }
            }
        }
    }
    for key in catalogue.keys().filter(|k| k.starts_with("ui-")) {
        if !keys.contains(key) {
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
