#!/usr/bin/env bash
# Mutation testing of the method and the scoring (not part of the test command: it takes about
# an hour on two cores). Installs cargo-mutants if missing, then mutates the functions of
# core/src/scoring.rs, core/src/triggers.rs, core/src/pre_answers.rs, core/src/screening.rs and
# core/src/method/ and runs the core's tests
# against each mutant (the link, format and frozen method-1 suites cannot see these functions
# and are left out for time). Functions that only return display text (labels, titles, the
# connection's response) are excluded: their texts move to catalogues (issue 12), and a
# mutant of a label changes no result. Results land in mutants.out/ (caught.txt, missed.txt, timeout.txt,
# unviable.txt); record the score and explain every survivor in docs/METHODOLOGY.md, section 8.
#
#   bash scripts/mutants.sh            # everything
#   bash scripts/mutants.sh --list     # only list the mutants
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-mutants >/dev/null 2>&1; then
    cargo install cargo-mutants --locked
fi
# Fewer random cases per property: each mutant runs the whole suite, and the examples, the
# tables and the snapshots catch most mutants before the properties do.
export PROPTEST_CASES="${PROPTEST_CASES:-64}"
# No debug information: each mutant is a rebuild, and linking the test binaries dominates it.
export CARGO_PROFILE_DEV_DEBUG=0
exec cargo mutants \
    --package hrdd-core \
    --file core/src/scoring.rs \
    --file core/src/triggers.rs \
    --file core/src/pre_answers.rs \
    --file core/src/screening.rs \
    --file 'core/src/method/*.rs' \
    --exclude core/src/method_v1 \
    --exclude-re '::(label|title|meaning|letter|instrument|response) ' \
    --timeout 300 \
    --jobs "${MUTANTS_JOBS:-2}" \
    "$@" \
    -- --lib --test examples --test scoring --test properties --test method_integrity \
    --test methodology_doc --test restrictive_measures --test screening \
    --test destination_indicators --no-fail-fast
