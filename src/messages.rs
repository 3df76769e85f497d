//! Messages of the screens that are data until shown: notices and the errors of share links,
//! put into words from the catalogue of the reader's language. English is written beside each
//! key (`Texts::ui`), and a test checks that it says what the core's English `Display` says.

use crate::draft_records::DifferingChoice;
use crate::settings::SettingsError;
use crate::state::NoticeText;
use crate::storage::{OpenProblem, StorageError};
use hrdd_core::i18n::{Language, Texts};
use hrdd_core::link::LinkError;
use hrdd_core::AssessmentError;

/// A notice in words.
pub fn notice_text(texts: &Texts, text: &NoticeText) -> String {
    let kept = || {
        texts
            .ui(
                "ui-notice-where-kept",
                "your version from this tab is kept under Drafts, Earlier versions",
            )
            .to_owned()
    };
    match text {
        NoticeText::Said(text) => text.clone(),
        NoticeText::AllDeleted => texts
            .ui(
                "ui-notice-all-deleted",
                "All assessments stored in this browser have been deleted.",
            )
            .to_owned(),
        NoticeText::AllDeletedElsewhere => texts
            .ui(
                "ui-notice-all-deleted-elsewhere",
                "All assessments stored in this browser were deleted in another tab.",
            )
            .to_owned(),
        NoticeText::ChangedInTwoTabsOpen { name } => texts.ui_with(
            "ui-notice-changed-in-two-tabs-open",
            "This assessment (\"{ $name }\") was also changed in another tab, after your last change here. The later change is shown; { $kept }.",
            &[("name", name), ("kept", &kept())],
        ),
        NoticeText::ChangedInTwoTabs { name } => texts.ui_with(
            "ui-notice-changed-in-two-tabs",
            "\"{ $name }\" was changed in two tabs at once. The later change is kept; { $kept }.",
            &[("name", name), ("kept", &kept())],
        ),
        NoticeText::DeletedElsewhereOpen { name } => texts.ui_with(
            "ui-notice-deleted-elsewhere-open",
            "\"{ $name }\", open here, was deleted in another tab.",
            &[("name", name)],
        ),
        NoticeText::Imported {
            added,
            differing: 0,
            ..
        } => texts.ui_with(
            "ui-notice-imported",
            "Imported { $added } assessment(s).",
            &[("added", &added.to_string())],
        ),
        NoticeText::Imported {
            added,
            differing,
            choice: DifferingChoice::KeepBoth,
        } => texts.ui_with(
            "ui-notice-imported-beside",
            "Imported { $added } new assessment(s); { $differing } that differed from a draft here added beside the drafts here.",
            &[("added", &added.to_string()), ("differing", &differing.to_string())],
        ),
        NoticeText::Imported {
            added,
            differing,
            choice: DifferingChoice::Replace,
        } => texts.ui_with(
            "ui-notice-imported-replacing",
            "Imported { $added } new assessment(s); { $differing } that differed from a draft here replaced the drafts here, which are kept under Earlier versions.",
            &[("added", &added.to_string()), ("differing", &differing.to_string())],
        ),
        NoticeText::LinkProblem(error) => texts.ui_with(
            "ui-notice-link-problem",
            "{ $problem } Your own drafts are unchanged.",
            &[("problem", &link_error(texts, error))],
        ),
        NoticeText::Storage(error) => storage_error(texts, error),
        NoticeText::Opening(problems) => problems
            .iter()
            .map(|p| open_problem(texts, p))
            .collect::<Vec<_>>()
            .join(" "),
        NoticeText::UnreadableFromOtherTab => texts.ui("ui-notice-unreadable-from-other-tab", "Another tab saved a draft this tab cannot read (perhaps a newer version of the calculator is open there). Reload this tab to see it; nothing was changed here.").to_owned(),
        NoticeText::KeptFromOtherTab { names } => texts.ui_with(
            "ui-notice-kept-from-other-tab",
            "{ $names } was also changed in another tab. Your change here is the latest and is kept; the other tab's version is kept under Drafts, Earlier versions.",
            &[("names", &names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", "))],
        ),
        NoticeText::SettingsProblem(problem) => texts.ui_with(
            "ui-notice-settings-problem",
            "The organisation settings file (settings.json) could not be used: { $problem }. The calculator works with its defaults.",
            &[("problem", &settings_error(texts, problem))],
        ),
        NoticeText::SharedCopy { name } => texts.ui_with(
            "ui-notice-shared-copy",
            "The shared assessment is now your draft \"{ $name }\". Your other drafts are unchanged.",
            &[("name", name)],
        ),
    }
}

/// A problem with storage or a file, in words.
pub fn storage_error(texts: &Texts, error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => texts.ui("ui-storage-unavailable", "This browser does not let the calculator keep drafts (local storage is turned off, as in some private windows). Your work stays in this page only until you close it: use \"Export all\" to keep it as a file.").to_owned(),
        StorageError::Full => texts.ui("ui-storage-full", "This browser's storage for the calculator is full, so your last change is not saved here. Nothing already saved was lost. Export your assessments to keep them, then delete drafts or earlier versions you no longer need.").to_owned(),
        StorageError::FullCannotKeepOther => texts.ui("ui-storage-full-cannot-keep-other", "This browser's storage for the calculator is full: another tab changed this assessment too, and its version could not be kept, so your change here is not saved. Nothing was lost. Export your assessments, then free some space.").to_owned(),
        StorageError::NoLongerStored => texts.ui("ui-storage-no-longer-stored", "This earlier version is no longer stored (it was deleted in another tab).").to_owned(),
        StorageError::RefusedDelete => texts.ui("ui-storage-refused-delete", "The browser refused to delete it.").to_owned(),
        StorageError::NotJson(detail) => texts.ui_with("ui-storage-not-json", "This file could not be imported: it is not valid JSON ({ $detail }).", &[("detail", detail)]),
        StorageError::NotAnAssessment(detail) => texts.ui_with("ui-storage-not-an-assessment", "This file is not an assessment of this calculator: { $detail }.", &[("detail", detail)]),
        StorageError::NotACollection(detail) => texts.ui_with("ui-storage-not-a-collection", "This file is not a collection of assessments of this calculator: { $detail }.", &[("detail", detail)]),
        StorageError::Invalid(detail) => texts.ui_with("ui-storage-invalid", "This file could not be imported: { $detail }", &[("detail", detail)]),
        StorageError::InvalidAssessment(problem) => texts.ui_with("ui-storage-invalid", "This file could not be imported: { $detail }", &[("detail", &assessment_error(texts, problem))]),
        StorageError::Browser(detail) => texts.ui_with("ui-storage-browser", "The browser could not do it ({ $detail }).", &[("detail", detail)]),
    }
}

/// What is wrong with an assessment (from a file or a link), in words. The names of fields and
/// the kinds of answer expected are the core's own words (they name parts of the file format).
pub fn assessment_error(texts: &Texts, error: &AssessmentError) -> String {
    match error {
        AssessmentError::UnknownMethodVersion { found, newest } => texts.ui_with(
            "ui-error-unknown-method-version",
            "This assessment uses method version { $found }, but this calculator knows versions up to { $newest }. Open it in a newer version of the calculator.",
            &[("found", &found.to_string()), ("newest", &newest.to_string())],
        ),
        AssessmentError::UnknownQuestion { question } => texts.ui_with(
            "ui-error-unknown-question",
            "The assessment answers a question this method does not have: \"{ $question }\".",
            &[("question", question)],
        ),
        AssessmentError::UnknownOption { question, option } => texts.ui_with(
            "ui-error-unknown-option",
            "The answer \"{ $option }\" is not one of the options of question \"{ $question }\".",
            &[("option", option), ("question", question)],
        ),
        AssessmentError::WrongAnswerKind { question, expected } => texts.ui_with(
            "ui-error-wrong-answer-kind",
            "Question \"{ $question }\" expects { $expected }.",
            &[("question", question), ("expected", texts.expected_answer(*expected))],
        ),
        AssessmentError::UnknownCountry { code } => texts.ui_with(
            "ui-error-unknown-country",
            "\"{ $code }\" is not a country code this calculator knows (use ISO 3166-1 alpha-2, such as \"KE\").",
            &[("code", code)],
        ),
        AssessmentError::UnknownRight { right } => texts.ui_with(
            "ui-error-unknown-right",
            "\"{ $right }\" is not a right this method lists.",
            &[("right", right)],
        ),
        AssessmentError::RatingOutOfRange { right, dimension, value } => texts.ui_with(
            "ui-error-rating-out-of-range",
            "The { $dimension } rating of \"{ $right }\" is { $value }; ratings go from 1 to 4.",
            &[("dimension", texts.rating_dimension(*dimension)), ("right", right), ("value", &value.to_string())],
        ),
        AssessmentError::UnknownValue { field, value } => texts.ui_with(
            "ui-error-unknown-value",
            "\"{ $value }\" is not a valid value for { $field }.",
            &[("value", value), ("field", texts.value_field(*field))],
        ),
        AssessmentError::OverrideWithoutReason => texts
            .ui(
                "ui-error-override-without-reason",
                "An override of the country context needs a reason, so that readers of the report can judge it.",
            )
            .to_owned(),
        AssessmentError::TextTooLong { field, max_chars } => texts.ui_with(
            "ui-error-text-too-long",
            "The { $field } is longer than { $max } characters.",
            &[("field", texts.text_field(*field)), ("max", &max_chars.to_string())],
        ),
        AssessmentError::WrongFormat { found } => texts.ui_with(
            "ui-error-wrong-format",
            "This is not an assessment file of this calculator (its format field says \"{ $found }\").",
            &[("found", found)],
        ),
        AssessmentError::UnsupportedFormatVersion { found, newest } => texts.ui_with(
            "ui-error-unsupported-format-version",
            "This file uses format version { $found }, but this calculator reads versions up to { $newest }. Open it in a newer version of the calculator.",
            &[("found", &found.to_string()), ("newest", &newest.to_string())],
        ),
    }
}

/// What reading storage at start-up found, in words.
pub fn open_problem(texts: &Texts, problem: &OpenProblem) -> String {
    match problem {
        OpenProblem::Format1Unreadable => texts.ui("ui-storage-format1-unreadable", "The drafts saved by an earlier version of the calculator could not be read. They were set aside, not deleted: Drafts, Data set aside, lists them.").to_owned(),
        OpenProblem::Format1Full => texts.ui("ui-storage-format1-full", "The drafts saved by an earlier version of the calculator could not all be moved to the new storage format because this browser's storage is full. They stay where they were; nothing was lost. Export your assessments, then free some space.").to_owned(),
        OpenProblem::Format1Partly(names) => texts.ui_with("ui-storage-format1-partly", "Some drafts saved by an earlier version of the calculator could not be opened ({ $names }). The others were kept; the old data was set aside, not deleted.", &[("names", &names.join(", "))]),
        OpenProblem::Damaged(count) => texts.ui_with("ui-storage-damaged", "{ $count } stored draft(s) could not be read and were set aside, not deleted. Drafts, Data set aside, lists them: you can download or delete them.", &[("count", &count.to_string())]),
    }
}

/// Why a share link could not be opened, in words.
pub fn link_error(texts: &Texts, error: &LinkError) -> String {
    match error {
        LinkError::NotALink => texts.ui("ui-link-not-a-link", "This address does not contain a shared assessment.").to_owned(),
        LinkError::TooLong { chars, max } => texts.ui_with(
            "ui-link-too-long",
            "This link is too long to be a shared assessment ({ $chars } characters; the limit is { $max }). It was not opened.",
            &[("chars", &chars.to_string()), ("max", &max.to_string())],
        ),
        LinkError::UnsupportedVersion { prefix } => texts.ui_with(
            "ui-link-unsupported-version",
            "This link uses a format (\"{ $prefix }\") that this version of the calculator does not know. Open it in a newer version.",
            &[("prefix", prefix)],
        ),
        LinkError::NotBase64 => texts.ui("ui-link-not-base64", "This link is damaged: it contains characters a shared assessment never has. Ask for the link again.").to_owned(),
        LinkError::Truncated => texts.ui("ui-link-truncated", "This link is incomplete: it was probably cut off when it was copied. Ask for the whole link.").to_owned(),
        LinkError::Corrupt => texts.ui("ui-link-corrupt", "This link is damaged or was changed after it was made. It was not opened.").to_owned(),
        LinkError::TooLargeWhenInflated { max } => texts.ui_with(
            "ui-link-too-large",
            "This link unpacks to more than { $max } bytes, far more than any assessment. It was not opened.",
            &[("max", &max.to_string())],
        ),
        LinkError::NewerMethod { found, newest } => texts.ui_with(
            "ui-link-newer-method",
            "This link was made with method version { $found }; this calculator knows versions up to { $newest }. Open it in a newer version.",
            &[("found", &found.to_string()), ("newest", &newest.to_string())],
        ),
        LinkError::Invalid(problem) => texts.ui_with(
            "ui-link-invalid",
            "This link does not hold a valid assessment: { $problem }",
            &[("problem", &assessment_error(texts, problem))],
        ),
        LinkError::WrongPassphrase => texts.ui("ui-link-wrong-passphrase", "This passphrase does not open the link. Check it and try again (it is case-sensitive).").to_owned(),
    }
}

/// Why the organisation's settings file was not used, in the reader's language (the parser's
/// own detail, for JSON that does not parse, stays as the parser says it).
pub fn settings_error(texts: &Texts, error: &SettingsError) -> String {
    use crate::settings::{SETTINGS_FORMAT, SETTINGS_VERSION, SUMMARY_FIELDS, THEME_PROPERTIES};
    match error {
        SettingsError::NotJson(detail) => texts.ui_with(
            "ui-settings-not-json",
            "it is not valid JSON ({ $detail })",
            &[("detail", detail)],
        ),
        SettingsError::Shape(detail) => detail.clone(),
        SettingsError::WrongFormat(found) => texts.ui_with(
            "ui-settings-wrong-format",
            "its format field is \"{ $found }\", not \"{ $expected }\"",
            &[("found", found), ("expected", SETTINGS_FORMAT)],
        ),
        SettingsError::UnsupportedVersion(version) => texts.ui_with(
            "ui-settings-unsupported-version",
            "it uses settings version { $found }; this calculator reads version { $newest }",
            &[
                ("found", &version.to_string()),
                ("newest", &SETTINGS_VERSION.to_string()),
            ],
        ),
        SettingsError::UnknownSector(value) => texts.ui_with(
            "ui-settings-unknown-sector",
            "\"{ $value }\" is not a sector pack",
            &[("value", value)],
        ),
        SettingsError::NoSectorPack => texts
            .ui(
                "ui-settings-no-sector-pack",
                "it switches every sector pack off",
            )
            .to_owned(),
        SettingsError::UnknownPerspective(value) => texts.ui_with(
            "ui-settings-unknown-perspective",
            "\"{ $value }\" is not a perspective",
            &[("value", value)],
        ),
        SettingsError::UnknownThemeProperty(value) => texts.ui_with(
            "ui-settings-unknown-theme-property",
            "\"{ $value }\" is not a theme property (use { $known })",
            &[("value", value), ("known", &THEME_PROPERTIES.join(", "))],
        ),
        SettingsError::UnsafeThemeValue(value) => texts.ui_with(
            "ui-settings-unsafe-theme-value",
            "the theme value \"{ $value }\" is not a plain colour or font name",
            &[("value", value)],
        ),
        SettingsError::UnsafePolicyLink(value) => texts.ui_with(
            "ui-settings-unsafe-policy-link",
            "the policy link \"{ $value }\" is not an http or https address",
            &[("value", value)],
        ),
        SettingsError::BadTargetOrigin(value) => texts.ui_with(
            "ui-settings-bad-target-origin",
            "\"{ $value }\" is not an origin such as https://intranet.example",
            &[("value", value)],
        ),
        SettingsError::UnknownSummaryField(value) => texts.ui_with(
            "ui-settings-unknown-summary-field",
            "\"{ $value }\" is not a summary field (use { $known })",
            &[("value", value), ("known", &SUMMARY_FIELDS.join(", "))],
        ),
        SettingsError::UnknownScreeningList(value) => texts.ui_with(
            "ui-settings-unknown-screening-list",
            "\"{ $value }\" is not a screening list (use { $known })",
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
        SettingsError::UnknownLanguage(value) => texts.ui_with(
            "ui-settings-unknown-language",
            "\"{ $value }\" is not a language of the calculator (use { $known })",
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
