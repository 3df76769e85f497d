#!/usr/bin/env bash
# Installs whatever building (and, with --browsers, testing) the calculator needs, skipping
# what is already there, so a second run takes seconds. Called by scripts/serve.sh and
# scripts/test.sh; safe to run on its own.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must match the library version pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# npm packages: wasm-opt (binaryen), and the end-to-end suite's browser driver, axe-core and
# PDF text reader (pdf.js, whose optional canvas renderer the tests do not need).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages"
  npm ci --no-audit --no-fund --omit=optional
fi

if [ "${1:-}" = "--browsers" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing Debian's chromium and chromium-driver"
    sudo_if_needed=""
    [ "$(id -u)" -ne 0 ] && sudo_if_needed="sudo"
    $sudo_if_needed apt-get update
    $sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
fi

# Trunk runs cargo offline-friendly; fetch the crates first.
cargo fetch --quiet
