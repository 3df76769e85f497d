//! Gives the worker the country names of every catalogue (`country-XX = name` lines of
//! `core/i18n/<code>.ftl`), so that an export's countries are found by their English, French or
//! Spanish names without loading the whole catalogues: a language added to `core/i18n/` is
//! picked up here too.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let folder = Path::new("../core/i18n");
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("the catalogues")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut out = String::from("/// The `country-XX` messages of each catalogue, in its format.\n");
    out.push_str("pub const COUNTRY_NAMES: &[&str] = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).expect("a catalogue");
        let names: String = text
            .lines()
            .filter(|line| {
                line.strip_prefix("country-").is_some_and(|rest| {
                    rest.len() > 5
                        && rest.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
                        && rest[2..].starts_with(" = ")
                })
            })
            .map(|line| format!("{line}\n"))
            .collect();
        writeln!(out, "    {names:?},").expect("writing to a string");
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("country_names.rs");
    std::fs::write(target, out).expect("write country_names.rs");
}
