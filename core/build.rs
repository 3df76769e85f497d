//! Prepares the data tables the core embeds. Natively they are embedded as they are. The browser
//! build gets them without their comment lines (the sources and licences, which the catalogues'
//! attribution texts say) and without the English "whom it covers" column of the restrictive
//! measures (the catalogues hold it, `measure-<country>-<regime>`): the wasm carries no English
//! sentence of its own.

use std::path::Path;

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (table, english_columns) in [
        ("countries.tsv", &[][..]),
        ("restrictive_measures.tsv", &["scope_in_words"][..]),
    ] {
        let source = Path::new("data").join(table);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).expect("the data table");
        let text = if wasm {
            for_the_browser(&text, english_columns)
        } else {
            text
        };
        std::fs::write(Path::new(&out).join(table), text).expect("write the table");
    }
}

/// The table without comment lines, and with the named columns emptied (kept as columns, so
/// that every other column stays where the header says).
fn for_the_browser(text: &str, emptied: &[&str]) -> String {
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    let header = lines.next().unwrap_or("");
    let drop: Vec<usize> = header
        .split('\t')
        .enumerate()
        .filter(|(_, name)| emptied.contains(name))
        .map(|(i, _)| i)
        .collect();
    let mut out = String::with_capacity(text.len());
    out.push_str(header);
    out.push('\n');
    for line in lines {
        let cells: Vec<&str> = line
            .split('\t')
            .enumerate()
            .map(|(i, cell)| if drop.contains(&i) { "" } else { cell })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}
