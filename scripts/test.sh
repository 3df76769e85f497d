#!/usr/bin/env bash
# README command 2: install what is missing (also Debian's chromium and chromium-driver), then
# run every check and test layer. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

step() { printf '\n==> %s\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "the core and the CLI have no web crate in their dependency graph"
bash scripts/check-core-has-no-web-deps.sh

step "clippy, host target"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy, wasm32 target"
cargo clippy -p hrdd-calculator -p hrdd-pipeline-worker --target wasm32-unknown-unknown --all-targets -- -D warnings

step "layer 1: native tests (cargo test)"
cargo test --workspace

step "layer 2: browser component tests (wasm-bindgen-test in headless Chromium)"
cargo test -p hrdd-calculator --target wasm32-unknown-unknown --test web

step "release build (trunk) and the one-file build"
trunk build --release
node scripts/single-file.mjs

step "no English sentence in the wasm outside the English catalogue"
node scripts/check-wasm-texts.mjs

step "layer 3: end-to-end tests (node --test, playwright-core, Chromium, axe-core)"
node --test tests/e2e/
