//! Native benchmarks of the core (criterion): scoring a full assessment and a quick screen, and
//! encoding and decoding a share link. Run by scripts/bench.sh; timings are benchmark output,
//! never test assertions.

use criterion::{criterion_group, criterion_main, Criterion};
use hrdd_core::format::AssessmentDocument;
use hrdd_core::{link, score, Assessment};
use std::hint::black_box;

fn example(name: &str) -> Assessment {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let document: AssessmentDocument =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    document.to_assessment().unwrap()
}

/// A worked example whose outcome safeguards can lower: "what would change the outcome" runs
/// its full search here, the slowest path of `score`. (Method 2's floors keep most other deals
/// from reaching the search.)
fn searched() -> Assessment {
    let a = example("04-ai-recruitment-analytics.json");
    assert!(matches!(
        score(&a).what_would_change,
        hrdd_core::report::WhatWouldChange::Changes { .. }
    ));
    a
}

fn benchmarks(c: &mut Criterion) {
    let full = example("02-surveillance-lawful-interception-police.json");
    let quick = example("11-security-equipment-tear-gas.json");
    let full_link = link::encode(&full, true);
    c.bench_function("score/full_assessment", |b| {
        b.iter(|| score(black_box(&full)))
    });
    c.bench_function("score/quick_screen", |b| {
        b.iter(|| score(black_box(&quick)))
    });
    let searched = searched();
    c.bench_function("score/with_change_search", |b| {
        b.iter(|| score(black_box(&searched)))
    });
    c.bench_function("link/encode_full", |b| {
        b.iter(|| link::encode(black_box(&full), true))
    });
    c.bench_function("link/decode_full", |b| {
        b.iter(|| link::decode(black_box(&full_link)))
    });
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
