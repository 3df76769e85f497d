//! The command-line entry, run as a user would run it.

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> (i32, serde_json::Value, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_hrdd-score"))
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (
        output.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn scores_files_and_prints_json_and_one_summary_line_each() {
    let files = [
        example("01-general-office-software.json"),
        example("03-surveillance-spyware-intelligence.json"),
    ];
    let (code, json, stderr) = run(&[&files[0], &files[1]]);
    assert_eq!(code, 0, "{stderr}");
    let results = json.as_array().expect("a JSON array");
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["report"]["outcome"], "proceed");
    assert_eq!(results[1]["report"]["outcome"], "do_not_proceed");
    assert!(results[1]["report"]["red_flags"]
        .as_array()
        .is_some_and(|f| !f.is_empty()));
    assert!(results[1]["report"]["explanation"]["end_use"]
        .as_array()
        .is_some_and(|e| !e.is_empty()));
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains("Proceed |"), "{stderr}");
    assert!(lines[1].contains("Do not proceed"), "{stderr}");
}

#[test]
fn a_method_one_file_is_scored_by_method_two_and_shows_what_method_one_gave() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/method1-examples/02-surveillance-lawful-interception-police.json");
    let (code, json, stderr) = run(&[file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let report = &json[0]["report"];
    assert_eq!(report["method_version"], 1);
    assert_eq!(report["method1_outcome"], "escalate");
    assert_ne!(report["outcome"], "escalate");
    assert!(
        stderr.contains("made under method 1, which gave Escalate"),
        "{stderr}"
    );
}

#[test]
fn a_bad_file_is_reported_plainly_and_the_others_still_scored() {
    let dir = std::env::temp_dir().join(format!("hrdd-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{ this is not json").unwrap();
    let wrong_option = dir.join("wrong-option.json");
    std::fs::write(
        &wrong_option,
        r#"{"format":"hrdd-assessment","format_version":1,"method_version":1,"mode":"quick_screen",
            "perspective":"our_deal","sector":"general","answers":{"customer.sanctions":"maybe"}}"#,
    )
    .unwrap();
    let good = example("01-general-office-software.json");
    let (code, json, stderr) = run(&[
        broken.to_str().unwrap(),
        wrong_option.to_str().unwrap(),
        &good,
        "/no/such/file.json",
    ]);
    assert_eq!(code, 1);
    let results = json.as_array().unwrap();
    assert!(results[0]["error"]
        .as_str()
        .unwrap()
        .contains("not a valid assessment document"));
    assert!(
        results[1]["error"]
            .as_str()
            .unwrap()
            .contains("\"maybe\" is not one of the options"),
        "{}",
        results[1]
    );
    assert_eq!(results[2]["report"]["outcome"], "proceed");
    assert!(results[3]["error"]
        .as_str()
        .unwrap()
        .contains("cannot read the file"));
    assert!(stderr.contains("error:"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn fail_at_sets_the_exit_status_for_pipelines() {
    let escalate = example("13-reseller-hidden-end-user.json");
    assert_eq!(run(&["--fail-at", "escalate", &escalate]).0, 3);
    assert_eq!(run(&["--fail-at", "do_not_proceed", &escalate]).0, 0);
}

#[test]
fn required_lists_hold_back_a_no_without_them() {
    let clean = example("01-general-office-software.json");
    let (code, json, _) = run(&["--fail-at", "assessment_incomplete", &clean]);
    assert_eq!(
        (code, json[0]["report"]["outcome"].as_str()),
        (0, Some("proceed"))
    );
    let (code, json, stderr) = run(&[
        "--require-lists",
        "un,eu,us_ofac",
        "--fail-at",
        "assessment_incomplete",
        &clean,
    ]);
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(json[0]["report"]["outcome"], "assessment_incomplete");
    assert_eq!(
        json[0]["report"]["screening"]["missing_required"],
        serde_json::json!(["us_ofac"])
    );
    assert_eq!(json[0]["report"]["screening"]["date"], "2026-11-20");
    assert!(json[0]["report"]["blocked_by"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("customer.listed_parties")));
    let (code, _, stderr) = run(&["--require-lists", "un,ofac", &clean]);
    assert_eq!(code, 2);
    assert!(stderr.contains("\"ofac\""), "{stderr}");
}

#[test]
fn wrong_usage_exits_2_with_help() {
    let (code, _, stderr) = run(&[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage: hrdd-score"));
    assert_eq!(run(&["--fail-at", "proceed", "x.json"]).0, 2);
    assert_eq!(run(&["--frobnicate"]).0, 2);
}

#[test]
fn lang_adds_the_reader_s_texts_and_keeps_the_report_s_ids() {
    let file = example("03-surveillance-spyware-intelligence.json");
    let (code, json, stderr) = run(&["--lang", "fr", &file]);
    assert_eq!(code, 0, "{stderr}");
    let result = &json[0];
    assert_eq!(result["report"]["outcome"], "do_not_proceed", "ids stay");
    assert_eq!(result["texts"]["language"], "fr");
    assert_eq!(result["texts"]["outcome"], "Ne pas poursuivre");
    let flags = result["texts"]["red_flags"].as_array().unwrap();
    let report_flags = result["report"]["red_flags"].as_array().unwrap();
    assert_eq!(flags.len(), report_flags.len());
    assert_ne!(
        flags[0]["title"], report_flags[0]["title"],
        "the title is French"
    );
    // The explanation and "what would change" are in French too, keyed by the same ids.
    assert_ne!(
        result["texts"]["what_would_change"],
        result["report"]["what_would_change"]
    );
    let french = result["texts"]["explanation"]["end_use"]
        .as_array()
        .unwrap();
    let english = result["report"]["explanation"]["end_use"]
        .as_array()
        .unwrap();
    assert_eq!(french.len(), english.len());
    assert_ne!(french, english);
    let right = &result["texts"]["salient_rights"][0]["detail"];
    assert!(
        right.as_str().is_some_and(|d| d.contains("Ampleur")),
        "{right}"
    );
    // Without --lang, no texts are added: the output of earlier versions is unchanged.
    let (_, json, _) = run(&[&file]);
    assert!(json[0].get("texts").is_none());
    let (code, _, stderr) = run(&["--lang", "de", &file]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--lang needs one of en, fr, es"),
        "{stderr}"
    );
}

/// One report rendered whole in each language (outcome, next step, reasons, red flags, actions,
/// each right with how it was rated, what would change, the explanation of every point), pinned
/// in reviewed files: a changed or untranslated text shows as a diff in review.
/// `UPDATE_SNAPSHOTS=1 cargo test -p hrdd-cli` rewrites them.
#[test]
fn a_report_rendered_in_each_language_matches_its_reviewed_snapshot() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/rendered");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for name in [
        "04-ai-recruitment-analytics",
        "12-security-equipment-quick-screen-gaps",
    ] {
        for language in ["en", "fr", "es"] {
            let (code, json, stderr) =
                run(&["--lang", language, &example(&format!("{name}.json"))]);
            assert_eq!(code, 0, "{stderr}");
            let fresh = serde_json::to_string_pretty(&json[0]["texts"]).unwrap() + "\n";
            let file = folder.join(format!("{name}.{language}.json"));
            if update {
                std::fs::create_dir_all(&folder).unwrap();
                std::fs::write(&file, &fresh).unwrap();
            } else if std::fs::read_to_string(&file).ok().as_deref() != Some(fresh.as_str()) {
                stale.push(file.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "rendered reports changed; review and run UPDATE_SNAPSHOTS=1 cargo test -p hrdd-cli: {stale:#?}"
    );
}

fn run_raw(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_hrdd-score"))
        .args(args)
        .output()
        .expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn csv_screens_the_sample_pipeline_and_reports_each_problem_by_line() {
    let sample = example("pipeline.csv");
    let (code, stdout, stderr) = run_raw(&["--csv", &sample]);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header[..3], ["deal_id", "customer", "outcome"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids.len(), 11, "{ids:?}");
    assert!(
        ids.contains(&"D-1006"),
        "a customer with a newline in it is one row"
    );
    // No row of a pipeline export is "proceed": its decisive questions are not answered.
    assert!(rows.iter().all(|r| &r[2] != "proceed"), "{stdout}");
    // A formula in a cell stays text.
    assert!(
        rows.iter().any(|r| r[1].starts_with("'=HYPERLINK")),
        "{stdout}"
    );
    for expected in [
        "line 9: \"Atlantis\"",
        "line 12: no deal id",
        "line 14: 3 cells",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(stderr.contains("11 deals screened"), "{stderr}");
    // --fail-at works as for files.
    assert_eq!(run_raw(&["--csv", &sample, "--fail-at", "escalate"]).0, 3);
}

#[test]
fn csv_reads_windows_1252_and_a_mapping_and_refuses_what_is_not_a_pipeline() {
    let folder = std::env::temp_dir().join(format!("hrdd-cli-csv-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let export = folder.join("export.csv");
    // "Société Générale" and "Côte d'Ivoire" saved by a spreadsheet as Windows-1252.
    let mut bytes =
        b"Opp #;Client;Pays\nX-1;Soci\xe9t\xe9 G\xe9n\xe9rale;C\xf4te d'Ivoire\n".to_vec();
    bytes.extend_from_slice(b"X-2;Acme;Norv\xe8ge\n");
    std::fs::write(&export, &bytes).unwrap();
    let mapping = folder.join("mapping.json");
    std::fs::write(&mapping, r#"{"Opp #": "deal_id"}"#).unwrap();
    let (code, stdout, stderr) = run_raw(&[
        "--csv",
        export.to_str().unwrap(),
        "--map",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("X-1,Société Générale,"), "{stdout}");
    assert!(
        !stderr.contains("not a country"),
        "Côte d'Ivoire and Norvège are known: {stderr}"
    );

    // Without the mapping, no column is the deal id: a clear refusal, exit 1.
    let (code, _, stderr) = run_raw(&["--csv", export.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no column is the deal id"), "{stderr}");
    let empty = folder.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let (code, _, stderr) = run_raw(&["--csv", empty.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("the file is empty"), "{stderr}");
    // Wrong usage: --map alone, or --csv with other files.
    assert_eq!(
        run_raw(&[
            "--map",
            mapping.to_str().unwrap(),
            &example("01-general-office-software.json")
        ])
        .0,
        2
    );
    assert_eq!(
        run_raw(&[
            "--csv",
            export.to_str().unwrap(),
            &example("01-general-office-software.json")
        ])
        .0,
        2
    );
    std::fs::remove_dir_all(&folder).unwrap();
}
