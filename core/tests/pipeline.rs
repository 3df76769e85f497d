//! Screening a pipeline export: headers, delimiters, encodings' marks, quoting, synonyms,
//! countries by name in three languages, and every kind of bad row reported with its line while
//! the rest of the batch goes on.

use hrdd_core::assessment::Answer;
use hrdd_core::i18n::{Catalogue, CATALOGUE_FILES};
use hrdd_core::method::{question_index, Sector};
use hrdd_core::pipeline::{
    detect_delimiter, read_pipeline, result_row, screen_pipeline, spreadsheet_safe, Field, Mapping,
    PipelineProblem, RowAnswers, Screened, RESULT_COLUMNS,
};
use hrdd_core::report::Outcome;
use hrdd_core::screening::Policy;

fn catalogues() -> Vec<Catalogue> {
    CATALOGUE_FILES
        .iter()
        .map(|(_, text)| Catalogue::parse(text).unwrap())
        .collect()
}

fn screen(text: &str) -> Screened {
    screen_pipeline(text, &[], &catalogues(), &Policy::default()).unwrap()
}

fn answer(row: &hrdd_core::pipeline::ScreenedRow, question: &str) -> Answer {
    row.answers.assessment(&row.customer).answers[question_index(question).unwrap()]
}

const HEADER: &str = "Deal ID,Customer,Country,Product category,Customer type,Sales channel";

#[test]
fn the_plain_header_of_a_crm_export_needs_no_mapping() {
    let headers: Vec<String> = HEADER.split(',').map(str::to_owned).collect();
    let mapping = Mapping::from_headers(&headers, &[]).unwrap();
    for (column, field) in Field::ALL.into_iter().enumerate() {
        assert_eq!(mapping.column(field), Some(column), "{field:?}");
    }
    // Other plain names too, in any case and spacing.
    let other: Vec<String> = [
        "Opportunity ID",
        "ACCOUNT",
        "Destination country",
        "Segment",
    ]
    .map(str::to_owned)
    .to_vec();
    let mapping = Mapping::from_headers(&other, &[]).unwrap();
    assert_eq!(mapping.column(Field::DealId), Some(0));
    assert_eq!(mapping.column(Field::Customer), Some(1));
    assert_eq!(mapping.column(Field::Country), Some(2));
    assert_eq!(mapping.column(Field::CustomerType), Some(3));
    assert_eq!(mapping.column(Field::SalesChannel), None);
}

#[test]
fn a_mapping_names_columns_with_other_names_and_is_checked() {
    let headers: Vec<String> = ["Opp #", "Where"].map(str::to_owned).to_vec();
    assert_eq!(
        Mapping::from_headers(&headers, &[]),
        Err(PipelineProblem::NoDealIdColumn)
    );
    let user = vec![
        ("Opp #".to_owned(), "deal_id".to_owned()),
        ("where".to_owned(), "country".to_owned()),
    ];
    let mapping = Mapping::from_headers(&headers, &user).unwrap();
    assert_eq!(mapping.column(Field::DealId), Some(0));
    assert_eq!(mapping.column(Field::Country), Some(1));
    assert_eq!(
        Mapping::from_headers(&headers, &[("Opp #".into(), "deal".into())]),
        Err(PipelineProblem::UnknownMappingField("deal".into()))
    );
    assert_eq!(
        Mapping::from_headers(&headers, &[("Missing".into(), "deal_id".into())]),
        Err(PipelineProblem::MappedHeaderMissing("Missing".into()))
    );
}

#[test]
fn the_delimiter_is_found_outside_quotes() {
    for (first_line, expected) in [
        (HEADER, b','),
        ("Deal ID;Customer;Country", b';'),
        ("Deal ID\tCustomer\tCountry", b'\t'),
        ("\"Deal, ID\";Customer;Country", b';'),
        ("Deal ID", b','),
    ] {
        assert_eq!(detect_delimiter(first_line), expected, "{first_line}");
    }
}

#[test]
fn rows_read_whatever_the_delimiter_mark_and_quoting() {
    for text in [
        format!("{HEADER}\nD-1,Acme,NO,Software,Private company,Direct\n"),
        format!("\u{feff}{HEADER}\r\nD-1,Acme,NO,Software,Private company,Direct\r\n"),
        format!(
            "{}\nD-1;Acme;NO;Software;Private company;Direct\n",
            HEADER.replace(',', ";")
        ),
        format!(
            "{}\nD-1\tAcme\tNO\tSoftware\tPrivate company\tDirect\n",
            HEADER.replace(',', "\t")
        ),
    ] {
        let screened = screen(&text);
        assert_eq!(screened.problems, [], "{text:?}");
        let row = &screened.rows[0];
        assert_eq!(
            (row.deal_id.as_str(), row.customer.as_str()),
            ("D-1", "Acme")
        );
        assert!(
            matches!(answer(row, "profile.destination"), Answer::Country(c) if c.as_str() == "NO")
        );
        assert_eq!(row.line, 2);
    }
    // A quoted field may hold the delimiter, quotes and a newline.
    let screened = screen(&format!(
        "{HEADER}\nD-1,\"Acme, \"\"North\"\"\nbranch\",NO,,,\nD-2,Beta,SE,,,\n"
    ));
    assert_eq!(screened.rows[0].customer, "Acme, \"North\"\nbranch");
    assert_eq!(
        screened.rows[1].line, 4,
        "line numbers count the quoted newline"
    );
}

#[test]
fn countries_by_code_or_by_name_in_english_french_or_spanish() {
    for value in ["DE", "deu", "Germany", "germany ", "Allemagne", "Alemania"] {
        let screened = screen(&format!("{HEADER}\nD-1,Acme,{value},,,\n"));
        assert_eq!(screened.problems, [], "{value}");
        assert!(
            matches!(answer(&screened.rows[0], "profile.destination"), Answer::Country(c) if c.as_str() == "DE"),
            "{value}"
        );
    }
    let screened = screen(&format!(
        "{HEADER}\nD-1,Acme,Côte d'Ivoire,,,\nD-2,Acme,Atlantis,,,\n"
    ));
    assert!(
        matches!(answer(&screened.rows[0], "profile.destination"), Answer::Country(c) if c.as_str() == "CI")
    );
    assert_eq!(
        answer(&screened.rows[1], "profile.destination"),
        Answer::DontKnow
    );
    assert_eq!(
        screened.problems,
        [PipelineProblem::UnknownCountry {
            line: 3,
            value: "Atlantis".into()
        }]
    );
}

#[test]
fn customer_types_channels_and_categories_by_their_common_names() {
    let cases: &[(&str, &str, &str, &str, &str, Sector)] = &[
        (
            "Police",
            "law_enforcement",
            "Direct",
            "direct",
            "Security equipment",
            Sector::SecurityEquipment,
        ),
        (
            "Armed forces",
            "military",
            "Partner",
            "through_partner",
            "Vehicles",
            Sector::MachineryAndVehicles,
        ),
        (
            "Ministry",
            "public_body",
            "Webshop",
            "self_service",
            "Cloud",
            Sector::CloudAndPlatforms,
        ),
        (
            "Distributor",
            "reseller",
            "indirect",
            "through_partner",
            "CCTV",
            Sector::Surveillance,
        ),
        (
            "Consumer",
            "general_public",
            "Online",
            "self_service",
            "Software",
            Sector::General,
        ),
        (
            "State-owned enterprise",
            "state_owned",
            "direct",
            "direct",
            "Medicines",
            Sector::PharmaAndChemicals,
        ),
        (
            "intelligence",
            "intelligence",
            "direct",
            "direct",
            "AI",
            Sector::ArtificialIntelligence,
        ),
        (
            "Humanitarian",
            "humanitarian",
            "direct",
            "direct",
            "Telecom",
            Sector::Telecommunications,
        ),
        (
            "Private company",
            "private_company",
            "direct",
            "direct",
            "general",
            Sector::General,
        ),
    ];
    for (customer_type, type_key, channel, channel_key, category, sector) in cases {
        let screened = screen(&format!(
            "{HEADER}\nD-1,Acme,NO,{category},{customer_type},{channel}\n"
        ));
        assert_eq!(
            screened.problems,
            [],
            "{customer_type} {channel} {category}"
        );
        let row = &screened.rows[0];
        assert_eq!(row.answers.sector, *sector, "{category}");
        let q = hrdd_core::method::QUESTIONS[question_index("profile.customer_type").unwrap()];
        let Answer::Choice(i) = answer(row, "profile.customer_type") else {
            panic!("{customer_type}: no choice");
        };
        assert_eq!(q.choices()[usize::from(i)].key, *type_key);
        let q = hrdd_core::method::QUESTIONS[question_index("profile.channel").unwrap()];
        let Answer::Choice(i) = answer(row, "profile.channel") else {
            panic!("{channel}: no choice");
        };
        assert_eq!(q.choices()[usize::from(i)].key, *channel_key);
    }
    let screened = screen(&format!("{HEADER}\nD-1,Acme,NO,Toys,Martians,Pigeon\n"));
    assert_eq!(
        screened.problems,
        [
            PipelineProblem::UnknownCategory {
                line: 2,
                value: "Toys".into()
            },
            PipelineProblem::UnknownCustomerType {
                line: 2,
                value: "Martians".into()
            },
            PipelineProblem::UnknownChannel {
                line: 2,
                value: "Pigeon".into()
            },
        ]
    );
    assert_eq!(
        answer(&screened.rows[0], "profile.customer_type"),
        Answer::Unanswered
    );
}

#[test]
fn a_missing_field_is_an_unknown_never_the_safe_answer() {
    // A deal with nothing but its id, and a clean-looking one: neither can be "proceed", because
    // a quick screen's decisive questions are not answered by a pipeline export.
    let screened = screen(&format!(
        "{HEADER}\nD-1,,,,,\nD-2,Acme,Norway,Software,Private company,Direct\n"
    ));
    for row in &screened.rows {
        assert_ne!(row.triage.outcome, Outcome::Proceed, "{}", row.deal_id);
        assert!(row.triage.open_questions > 0, "{}", row.deal_id);
    }
}

#[test]
fn bad_rows_are_reported_by_line_and_the_rest_goes_on() {
    let screened = screen(&format!(
        "{HEADER}\n,No id,NO,,,\nD-2,Short,SE\nD-3,Long,DK,,,,extra,cells\n\nD-4,\"Broken,NO,,,\n"
    ));
    assert_eq!(
        screened
            .rows
            .iter()
            .map(|r| r.deal_id.as_str())
            .collect::<Vec<_>>(),
        ["D-2", "D-3", "D-4"],
        "blank lines are skipped, the row without an id too"
    );
    assert!(screened
        .problems
        .contains(&PipelineProblem::NoDealId { line: 2 }));
    assert!(screened.problems.contains(&PipelineProblem::Ragged {
        line: 3,
        cells: 3,
        expected: 6
    }));
    assert!(screened.problems.contains(&PipelineProblem::Ragged {
        line: 4,
        cells: 8,
        expected: 6
    }));
    // A broken quote swallows the rest of the file into one cell: the row is reported.
    assert!(screened
        .problems
        .iter()
        .any(|p| matches!(p, PipelineProblem::Ragged { line: 6, .. })));
}

#[test]
fn files_that_are_not_a_pipeline_are_refused_with_a_reason() {
    let refuse = |text: &str| screen_pipeline(text, &[], &[], &Policy::default()).unwrap_err();
    assert_eq!(refuse(""), PipelineProblem::Empty);
    assert_eq!(refuse(" \n\n"), PipelineProblem::Empty);
    assert_eq!(refuse("\u{feff}"), PipelineProblem::Empty);
    assert_eq!(refuse("PK\u{3}\u{4}\0\0binary"), PipelineProblem::NotText);
    assert_eq!(
        refuse("Name,Amount\nAcme,3\n"),
        PipelineProblem::NoDealIdColumn
    );
}

#[test]
fn result_cells_that_look_like_formulas_stay_text() {
    for (cell, safe) in [
        ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Acme", "Acme"),
        ("", ""),
    ] {
        assert_eq!(spreadsheet_safe(cell), safe);
    }
    let screened = screen(&format!("{HEADER}\n=1+1,@evil,NO,,,\n"));
    let row = result_row(&screened.rows[0], "2026-12-02");
    assert_eq!(row.len(), RESULT_COLUMNS.len());
    assert_eq!(row[0], "'=1+1");
    assert_eq!(row[1], "'@evil");
    assert_eq!(row[2], screened.rows[0].triage.outcome.key());
    assert_eq!(row[8], "2026-12-02");
}

#[test]
fn a_row_s_triage_agrees_with_the_whole_report_of_its_quick_screen() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/pipeline.csv"
    ))
    .unwrap();
    let screened = screen(&text);
    assert!(screened.rows.len() > 5);
    for row in &screened.rows {
        let report = hrdd_core::score(&row.answers.assessment(&row.customer));
        assert_eq!(row.triage.outcome, report.outcome, "{}", row.deal_id);
        assert_eq!(
            row.triage.red_flags,
            report.red_flags.iter().map(|f| f.id).collect::<Vec<_>>(),
            "{}",
            row.deal_id
        );
        assert_eq!(
            row.triage.possible_red_flags,
            report.possible_red_flags.len()
        );
        assert_eq!(
            row.triage.top_right,
            report.salient_rights.first().map(|r| r.right)
        );
        assert_eq!(row.triage.open_questions, report.open_questions.len());
    }
}

/// The browser's worker screens a slice of rows at a time (to show its progress and stay
/// cancellable): whatever the slices, it lands on what the one-shot screening gives.
#[test]
fn screening_in_slices_gives_what_screening_at_once_gives() {
    let mut text = format!("{HEADER}\n");
    let countries = ["NO", "MM", "Allemagne", "Narnia", "", "KE"];
    let types = ["Police", "Private company", "", "Armed forces"];
    let categories = ["Software", "Security equipment", "Vehicles", ""];
    for i in 0..97 {
        text.push_str(&format!(
            "D-{i},Customer {i},{},{},{},Direct\n",
            countries[i % countries.len()],
            categories[i % categories.len()],
            types[i % types.len()],
        ));
    }
    let at_once = screen(&text);
    for slice in [1, 7, 50, 500] {
        let read = read_pipeline(&text, &[], &catalogues()).unwrap();
        assert_eq!(read.row_count(), 97);
        let mut triages = vec![None; read.distinct().len()];
        let mut next = 0;
        while next < read.row_count() {
            let end = (next + slice).min(read.row_count());
            read.triage_rows(next..end, &mut triages, &Policy::default());
            next = end;
        }
        let sliced = read.into_screened(triages.into_iter().map(Option::unwrap).collect());
        assert_eq!(sliced.problems, at_once.problems, "slices of {slice}");
        for (a, b) in sliced.rows.iter().zip(&at_once.rows) {
            assert_eq!(
                (a.line, &a.deal_id, &a.answers),
                (b.line, &b.deal_id, &b.answers)
            );
            assert_eq!(a.triage, b.triage, "row {} in slices of {slice}", a.deal_id);
        }
    }
}

/// A row handed from the worker to the page (to open it as a draft) keeps every answer.
#[test]
fn a_row_s_answers_survive_the_hand_off_to_the_page() {
    let screened = screen(&format!(
        "{HEADER}\nD-1,A,NO,Security equipment,Police,Partner\nD-2,B,Narnia,,,\nD-3,C,,Software,Armed forces,\n"
    ));
    for row in &screened.rows {
        let fields = row.answers.to_fields();
        let back = RowAnswers::from_fields([&fields[0], &fields[1], &fields[2], &fields[3]]);
        assert_eq!(back, Some(row.answers), "{}", row.deal_id);
    }
    assert_eq!(RowAnswers::from_fields(["toys", "", "", ""]), None);
    assert_eq!(
        RowAnswers::from_fields(["general", "", "astronaut", ""]),
        None
    );
    assert_eq!(RowAnswers::from_fields(["general", "XX1", "", ""]), None);
}

/// The browser names each problem's text by its key and fills it with its parameters: every
/// kind has its own key, and every parameter its text needs.
#[test]
fn every_problem_has_its_own_key_and_its_parameters() {
    let problems = [
        PipelineProblem::Empty,
        PipelineProblem::NotText,
        PipelineProblem::NoDealIdColumn,
        PipelineProblem::UnknownMappingField("region".into()),
        PipelineProblem::MappedHeaderMissing("Account".into()),
        PipelineProblem::TooManyRows {
            rows: 50_001,
            max: 50_000,
        },
        PipelineProblem::Unreadable {
            line: 4,
            detail: "x".into(),
        },
        PipelineProblem::Ragged {
            line: 5,
            cells: 2,
            expected: 6,
        },
        PipelineProblem::NoDealId { line: 6 },
        PipelineProblem::UnknownCountry {
            line: 7,
            value: "Narnia".into(),
        },
        PipelineProblem::UnknownCategory {
            line: 8,
            value: "toys".into(),
        },
        PipelineProblem::UnknownCustomerType {
            line: 9,
            value: "elf".into(),
        },
        PipelineProblem::UnknownChannel {
            line: 10,
            value: "owl".into(),
        },
    ];
    let keys: std::collections::BTreeSet<_> = problems.iter().map(PipelineProblem::key).collect();
    assert_eq!(keys.len(), problems.len(), "one key per kind");
    let english = Catalogue::parse(CATALOGUE_FILES[0].1).unwrap();
    for problem in &problems {
        let key = format!("ui-batch-problem-{}", problem.key());
        let text = english
            .get(&key)
            .unwrap_or_else(|| panic!("{key} in en.ftl"));
        let given: Vec<&str> = problem.arguments().iter().map(|(n, _)| *n).collect();
        for wanted in hrdd_core::i18n::placeholders(text) {
            assert!(given.contains(&wanted), "{key} needs {wanted}");
        }
        if let Some(line) = problem.arguments().iter().find(|(n, _)| *n == "line") {
            assert!(problem.to_string().starts_with(&format!("line {}", line.1)));
        }
    }
}

/// Without a deal ID column the file cannot be screened, but the columns that have plain names
/// are still recognised: the mapping screen starts from them.
#[test]
fn without_a_deal_id_column_the_recognised_columns_are_still_given() {
    let headers: Vec<String> = ["Opportunity Name", "Account", "Ship-to", "Customer type"]
        .map(str::to_owned)
        .to_vec();
    assert_eq!(
        Mapping::from_headers(&headers, &[]),
        Err(PipelineProblem::NoDealIdColumn)
    );
    let guessed = Mapping::guess(&headers, &[]).unwrap();
    assert_eq!(
        guessed.column_keys(headers.len()),
        ["", "customer", "", "customer_type"]
    );
    let mapped =
        Mapping::guess(&headers, &[("opportunity name".into(), "deal_id".into())]).unwrap();
    assert_eq!(
        mapped.column_keys(headers.len()),
        ["deal_id", "customer", "", "customer_type"]
    );
    assert_eq!(
        Mapping::from_headers(&headers, &[("Opportunity Name".into(), "deal_id".into())]),
        Ok(mapped)
    );
}
