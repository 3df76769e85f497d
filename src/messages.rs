//! Messages of the screens that are data until shown: notices and the errors of share links,
//! put into words from the catalogue of the reader's language (`Texts::ui`), and tests check that
//! in English they say what the core's English `Display` says.

use crate::draft_records::{CollectionProblem, DifferingChoice, RecordProblem};
use crate::settings::SettingsError;
use crate::state::NoticeText;
use crate::storage::{OpenProblem, StorageError};
use hrdd_core::i18n::{Language, Texts};
use hrdd_core::link::LinkError;
use hrdd_core::AssessmentError;

/// A notice in words.
pub fn notice_text(texts: &Texts, text: &NoticeText) -> String {
    let kept = || texts.ui("ui-notice-where-kept").to_owned();
    match text {
        NoticeText::Said(text) => text.clone(),
        NoticeText::AllDeleted => texts.ui("ui-notice-all-deleted").to_owned(),
        NoticeText::AllDeletedElsewhere => texts.ui("ui-notice-all-deleted-elsewhere").to_owned(),
        NoticeText::ChangedInTwoTabsOpen { name } => texts.ui_with(
            "ui-notice-changed-in-two-tabs-open",
            &[("name", name), ("kept", &kept())],
        ),
        NoticeText::ChangedInTwoTabs { name } => texts.ui_with(
            "ui-notice-changed-in-two-tabs",
            &[("name", name), ("kept", &kept())],
        ),
        NoticeText::DeletedElsewhereOpen { name } => {
            texts.ui_with("ui-notice-deleted-elsewhere-open", &[("name", name)])
        }
        NoticeText::Imported {
            added,
            differing: 0,
            ..
        } => texts.ui_with("ui-notice-imported", &[("added", &added.to_string())]),
        NoticeText::Imported {
            added,
            differing,
            choice: DifferingChoice::KeepBoth,
        } => texts.ui_with(
            "ui-notice-imported-beside",
            &[
                ("added", &added.to_string()),
                ("differing", &differing.to_string()),
            ],
        ),
        NoticeText::Imported {
            added,
            differing,
            choice: DifferingChoice::Replace,
        } => texts.ui_with(
            "ui-notice-imported-replacing",
            &[
                ("added", &added.to_string()),
                ("differing", &differing.to_string()),
            ],
        ),
        NoticeText::LinkProblem(error) => texts.ui_with(
            "ui-notice-link-problem",
            &[("problem", &link_error(texts, error))],
        ),
        NoticeText::Storage(error) => storage_error(texts, error),
        NoticeText::Opening(problems) => problems
            .iter()
            .map(|p| open_problem(texts, p))
            .collect::<Vec<_>>()
            .join(" "),
        NoticeText::UnreadableFromOtherTab => {
            texts.ui("ui-notice-unreadable-from-other-tab").to_owned()
        }
        NoticeText::KeptFromOtherTab { names } => texts.ui_with(
            "ui-notice-kept-from-other-tab",
            &[(
                "names",
                &names
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        ),
        NoticeText::SettingsProblem(problem) => texts.ui_with(
            "ui-notice-settings-problem",
            &[("problem", &settings_error(texts, problem))],
        ),
        NoticeText::SharedCopy { name } => {
            texts.ui_with("ui-notice-shared-copy", &[("name", name)])
        }
    }
}

/// A problem with storage or a file, in words.
pub fn storage_error(texts: &Texts, error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => texts.ui("ui-storage-unavailable").to_owned(),
        StorageError::Full => texts.ui("ui-storage-full").to_owned(),
        StorageError::FullCannotKeepOther => {
            texts.ui("ui-storage-full-cannot-keep-other").to_owned()
        }
        StorageError::NoLongerStored => texts.ui("ui-storage-no-longer-stored").to_owned(),
        StorageError::RefusedDelete => texts.ui("ui-storage-refused-delete").to_owned(),
        StorageError::NotJson(detail) => {
            texts.ui_with("ui-storage-not-json", &[("detail", detail)])
        }
        StorageError::NotAnAssessment(detail) => {
            texts.ui_with("ui-storage-not-an-assessment", &[("detail", detail)])
        }
        StorageError::NotACollection(detail) => {
            texts.ui_with("ui-storage-not-a-collection", &[("detail", detail)])
        }
        StorageError::Unreadable(problem) => texts.ui_with(
            "ui-storage-unreadable",
            &[("detail", &record_problem(texts, problem))],
        ),
        StorageError::InvalidAssessment(problem) => texts.ui_with(
            "ui-storage-invalid",
            &[("detail", &assessment_error(texts, problem))],
        ),
        StorageError::InvalidCollection(problem) => texts.ui_with(
            "ui-storage-invalid",
            &[("detail", &collection_problem(texts, problem))],
        ),
        StorageError::Browser(detail) => texts.ui_with("ui-storage-browser", &[("detail", detail)]),
    }
}

/// A free text of an assessment as the reader sees it: the user's own words, or, where a share
/// link left them out, the link's marker (`link::WITHHELD_REASON`, part of the link format) said
/// in the reader's language.
pub fn free_text(texts: &Texts, text: &str) -> String {
    if text == hrdd_core::link::WITHHELD_REASON {
        texts.ui("ui-link-text-withheld").to_owned()
    } else {
        text.to_owned()
    }
}

/// Why a stored value cannot be used, in the reader's language (the browser's or the parser's
/// own detail stays as they word it).
pub fn record_problem(texts: &Texts, problem: &RecordProblem) -> String {
    match problem {
        RecordProblem::NotJson(detail) => {
            texts.ui_with("ui-record-not-json", &[("detail", detail)])
        }
        RecordProblem::Shape(detail) => texts.ui_with("ui-record-shape", &[("detail", detail)]),
        RecordProblem::WrongKey(key) => texts.ui_with("ui-record-wrong-key", &[("key", key)]),
        RecordProblem::Invalid(error) => assessment_error(texts, error),
        RecordProblem::Format1Drafts(names) => {
            texts.ui_with("ui-record-format-1-drafts", &[("names", &names.join(", "))])
        }
        RecordProblem::SetAsideEarlier => texts.ui("ui-record-set-aside-earlier").to_owned(),
    }
}

/// Why a file of several assessments cannot be imported, in the reader's language.
pub fn collection_problem(texts: &Texts, problem: &CollectionProblem) -> String {
    match problem {
        CollectionProblem::OtherFormat(found) => {
            texts.ui_with("ui-storage-collection-format", &[("found", found)])
        }
        CollectionProblem::LaterVersion(version) => texts.ui_with(
            "ui-storage-collection-later-version",
            &[("version", &version.to_string())],
        ),
        CollectionProblem::Assessment { name, error } => texts.ui_with(
            "ui-storage-collection-assessment",
            &[("name", name), ("problem", &assessment_error(texts, error))],
        ),
    }
}

/// What is wrong with an assessment (from a file or a link), in words. The names of fields and
/// the kinds of answer expected are the core's own words (they name parts of the file format).
pub fn assessment_error(texts: &Texts, error: &AssessmentError) -> String {
    match error {
        AssessmentError::UnknownMethodVersion { found, newest } => texts.ui_with(
            "ui-error-unknown-method-version",
            &[
                ("found", &found.to_string()),
                ("newest", &newest.to_string()),
            ],
        ),
        AssessmentError::UnknownQuestion { question } => {
            texts.ui_with("ui-error-unknown-question", &[("question", question)])
        }
        AssessmentError::UnknownOption { question, option } => texts.ui_with(
            "ui-error-unknown-option",
            &[("option", option), ("question", question)],
        ),
        AssessmentError::WrongAnswerKind { question, expected } => texts.ui_with(
            "ui-error-wrong-answer-kind",
            &[
                ("question", question),
                ("expected", texts.expected_answer(*expected)),
            ],
        ),
        AssessmentError::UnknownCountry { code } => {
            texts.ui_with("ui-error-unknown-country", &[("code", code)])
        }
        AssessmentError::UnknownRight { right } => {
            texts.ui_with("ui-error-unknown-right", &[("right", right)])
        }
        AssessmentError::RatingOutOfRange {
            right,
            dimension,
            value,
        } => texts.ui_with(
            "ui-error-rating-out-of-range",
            &[
                ("dimension", texts.rating_dimension(*dimension)),
                ("right", right),
                ("value", &value.to_string()),
            ],
        ),
        AssessmentError::UnknownValue { field, value } => texts.ui_with(
            "ui-error-unknown-value",
            &[("value", value), ("field", texts.value_field(*field))],
        ),
        AssessmentError::OverrideWithoutReason => {
            texts.ui("ui-error-override-without-reason").to_owned()
        }
        AssessmentError::TextTooLong { field, max_chars } => texts.ui_with(
            "ui-error-text-too-long",
            &[
                ("field", texts.text_field(*field)),
                ("max", &max_chars.to_string()),
            ],
        ),
        AssessmentError::WrongFormat { found } => {
            texts.ui_with("ui-error-wrong-format", &[("found", found)])
        }
        AssessmentError::UnsupportedFormatVersion { found, newest } => texts.ui_with(
            "ui-error-unsupported-format-version",
            &[
                ("found", &found.to_string()),
                ("newest", &newest.to_string()),
            ],
        ),
    }
}

/// What reading storage at start-up found, in words.
pub fn open_problem(texts: &Texts, problem: &OpenProblem) -> String {
    match problem {
        OpenProblem::Format1Unreadable => texts.ui("ui-storage-format1-unreadable").to_owned(),
        OpenProblem::Format1Full => texts.ui("ui-storage-format1-full").to_owned(),
        OpenProblem::Format1Partly(names) => {
            texts.ui_with("ui-storage-format1-partly", &[("names", &names.join(", "))])
        }
        OpenProblem::Damaged(count) => {
            texts.ui_with("ui-storage-damaged", &[("count", &count.to_string())])
        }
    }
}

/// Why a share link could not be opened, in words.
pub fn link_error(texts: &Texts, error: &LinkError) -> String {
    match error {
        LinkError::NotALink => texts.ui("ui-link-not-a-link").to_owned(),
        LinkError::TooLong { chars, max } => texts.ui_with(
            "ui-link-too-long",
            &[("chars", &chars.to_string()), ("max", &max.to_string())],
        ),
        LinkError::UnsupportedVersion { prefix } => {
            texts.ui_with("ui-link-unsupported-version", &[("prefix", prefix)])
        }
        LinkError::NotBase64 => texts.ui("ui-link-not-base64").to_owned(),
        LinkError::Truncated => texts.ui("ui-link-truncated").to_owned(),
        LinkError::Corrupt => texts.ui("ui-link-corrupt").to_owned(),
        LinkError::TooLargeWhenInflated { max } => {
            texts.ui_with("ui-link-too-large", &[("max", &max.to_string())])
        }
        LinkError::NewerMethod { found, newest } => texts.ui_with(
            "ui-link-newer-method",
            &[
                ("found", &found.to_string()),
                ("newest", &newest.to_string()),
            ],
        ),
        LinkError::Invalid(problem) => texts.ui_with(
            "ui-link-invalid",
            &[("problem", &assessment_error(texts, problem))],
        ),
        LinkError::WrongPassphrase => texts.ui("ui-link-wrong-passphrase").to_owned(),
    }
}

/// Why the organisation's settings file was not used, in the reader's language (the parser's
/// own detail, for JSON that does not parse, stays as the parser says it).
pub fn settings_error(texts: &Texts, error: &SettingsError) -> String {
    use crate::settings::{SETTINGS_FORMAT, SETTINGS_VERSION, SUMMARY_FIELDS, THEME_PROPERTIES};
    match error {
        SettingsError::NotJson(detail) => {
            texts.ui_with("ui-settings-not-json", &[("detail", detail)])
        }
        SettingsError::Shape(detail) => detail.clone(),
        SettingsError::WrongFormat(found) => texts.ui_with(
            "ui-settings-wrong-format",
            &[("found", found), ("expected", SETTINGS_FORMAT)],
        ),
        SettingsError::UnsupportedVersion(version) => texts.ui_with(
            "ui-settings-unsupported-version",
            &[
                ("found", &version.to_string()),
                ("newest", &SETTINGS_VERSION.to_string()),
            ],
        ),
        SettingsError::UnknownSector(value) => {
            texts.ui_with("ui-settings-unknown-sector", &[("value", value)])
        }
        SettingsError::NoSectorPack => texts.ui("ui-settings-no-sector-pack").to_owned(),
        SettingsError::UnknownPerspective(value) => {
            texts.ui_with("ui-settings-unknown-perspective", &[("value", value)])
        }
        SettingsError::UnknownThemeProperty(value) => texts.ui_with(
            "ui-settings-unknown-theme-property",
            &[("value", value), ("known", &THEME_PROPERTIES.join(", "))],
        ),
        SettingsError::UnsafeThemeValue(value) => {
            texts.ui_with("ui-settings-unsafe-theme-value", &[("value", value)])
        }
        SettingsError::UnsafePolicyLink(value) => {
            texts.ui_with("ui-settings-unsafe-policy-link", &[("value", value)])
        }
        SettingsError::BadTargetOrigin(value) => {
            texts.ui_with("ui-settings-bad-target-origin", &[("value", value)])
        }
        SettingsError::UnknownSummaryField(value) => texts.ui_with(
            "ui-settings-unknown-summary-field",
            &[("value", value), ("known", &SUMMARY_FIELDS.join(", "))],
        ),
        SettingsError::UnknownScreeningList(value) => texts.ui_with(
            "ui-settings-unknown-screening-list",
            &[
                ("value", value),
                (
                    "known",
                    &hrdd_core::method::SCREENING_LIST_ITEMS
                        .iter()
                        .map(|c| c.key)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        ),
        SettingsError::UnknownPipelineField(value) => texts.ui_with(
            "ui-settings-unknown-pipeline-field",
            &[
                ("value", value),
                ("known", &crate::settings::pipeline_fields()),
            ],
        ),
        SettingsError::UnknownLanguage(value) => texts.ui_with(
            "ui-settings-unknown-language",
            &[
                ("value", value),
                (
                    "known",
                    &Language::ALL
                        .iter()
                        .map(|l| l.code())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_in_english_name_what_happened_and_where_it_is_kept() {
        let english = Texts::english();
        let said = |text: NoticeText| notice_text(&english, &text);
        assert_eq!(
            said(NoticeText::ChangedInTwoTabsOpen { name: "Deal B".into() }),
            "This assessment (\"Deal B\") was also changed in another tab, after your last change here. The later change is shown; your version from this tab is kept under Drafts, Earlier versions."
        );
        assert_eq!(
            said(NoticeText::Imported { added: 2, differing: 1, choice: DifferingChoice::Replace }),
            "Imported 2 new assessment(s); 1 that differed from a draft here replaced the drafts here, which are kept under Earlier versions."
        );
        assert_eq!(
            said(NoticeText::Imported {
                added: 3,
                differing: 0,
                choice: DifferingChoice::KeepBoth
            }),
            "Imported 3 assessment(s)."
        );
        assert_eq!(
            said(NoticeText::LinkProblem(LinkError::Truncated)),
            "This link is incomplete: it was probably cut off when it was copied. Ask for the whole link. Your own drafts are unchanged."
        );
        assert_eq!(said(NoticeText::Said("As is.".into())), "As is.");
    }

    #[test]
    fn assessment_errors_in_english_say_what_the_core_says() {
        let cases = [
            AssessmentError::UnknownMethodVersion {
                found: 9,
                newest: 2,
            },
            AssessmentError::UnknownQuestion {
                question: "x.y".into(),
            },
            AssessmentError::UnknownOption {
                question: "x.y".into(),
                option: "z".into(),
            },
            AssessmentError::WrongAnswerKind {
                question: "x.y".into(),
                expected: hrdd_core::error::ExpectedAnswer::OneDate,
            },
            AssessmentError::UnknownCountry { code: "ZZ".into() },
            AssessmentError::UnknownRight {
                right: "flying".into(),
            },
            AssessmentError::RatingOutOfRange {
                right: "privacy".into(),
                dimension: hrdd_core::error::RatingDimension::Scale,
                value: 9,
            },
            AssessmentError::UnknownValue {
                field: hrdd_core::error::ValueField::Mode,
                value: "slow".into(),
            },
            AssessmentError::OverrideWithoutReason,
            AssessmentError::TextTooLong {
                field: hrdd_core::error::TextField::Title,
                max_chars: 2000,
            },
            AssessmentError::WrongFormat {
                found: "csv".into(),
            },
            AssessmentError::UnsupportedFormatVersion {
                found: 9,
                newest: 2,
            },
        ];
        for error in cases {
            assert_eq!(
                assessment_error(&Texts::english(), &error),
                error.to_string()
            );
        }
    }

    #[test]
    fn file_problems_name_their_words_in_the_reader_s_language() {
        let french = Texts::new(
            Language::French,
            hrdd_core::i18n::Catalogue::parse(hrdd_core::i18n::CATALOGUE_FILES[1].1).unwrap(),
        );
        let words = assessment_error(
            &french,
            &AssessmentError::TextTooLong {
                field: hrdd_core::error::TextField::CustomerName,
                max_chars: 2000,
            },
        );
        assert!(words.contains("« nom du client »"), "{words}");
        let words = assessment_error(
            &french,
            &AssessmentError::WrongAnswerKind {
                question: "x.y".into(),
                expected: hrdd_core::error::ExpectedAnswer::OneDate,
            },
        );
        assert!(words.ends_with("attend une seule date."), "{words}");
        let words = settings_error(&french, &SettingsError::NoSectorPack);
        assert_eq!(words, "il désactive tous les modules sectoriels");
    }

    #[test]
    fn settings_errors_in_english_say_what_their_display_says() {
        let cases = [
            SettingsError::NotJson("expected value at line 1 column 1".into()),
            SettingsError::Shape("missing field `format`".into()),
            SettingsError::WrongFormat("other".into()),
            SettingsError::UnsupportedVersion(9),
            SettingsError::UnknownSector("toys".into()),
            SettingsError::NoSectorPack,
            SettingsError::UnknownPerspective("theirs".into()),
            SettingsError::UnknownThemeProperty("margin".into()),
            SettingsError::UnsafeThemeValue("url(x)".into()),
            SettingsError::UnsafePolicyLink("javascript:x".into()),
            SettingsError::BadTargetOrigin("intranet".into()),
            SettingsError::UnknownSummaryField("answers".into()),
            SettingsError::UnknownScreeningList("interpol".into()),
            SettingsError::UnknownLanguage("de".into()),
            SettingsError::UnknownPipelineField("region".into()),
        ];
        for error in cases {
            assert_eq!(settings_error(&Texts::english(), &error), error.to_string());
        }
    }

    #[test]
    fn link_errors_in_english_say_what_the_core_says() {
        let cases = [
            LinkError::NotALink,
            LinkError::TooLong {
                chars: 9000,
                max: 8000,
            },
            LinkError::UnsupportedVersion {
                prefix: "hrdd9".into(),
            },
            LinkError::NotBase64,
            LinkError::Truncated,
            LinkError::Corrupt,
            LinkError::TooLargeWhenInflated { max: 65536 },
            LinkError::NewerMethod {
                found: 9,
                newest: 2,
            },
            LinkError::Invalid(hrdd_core::AssessmentError::UnknownCountry { code: "ZZ".into() }),
            LinkError::WrongPassphrase,
        ];
        for error in cases {
            assert_eq!(link_error(&Texts::english(), &error), error.to_string());
        }
    }
}
