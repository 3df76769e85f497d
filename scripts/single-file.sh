#!/usr/bin/env bash
# Builds the one-file version: dist-single/hrdd-calculator.html (see README, "One file").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/single-file.mjs
