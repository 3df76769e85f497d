#!/usr/bin/env bash
# Rebuilds the release bundle and regenerates docs/screenshots/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/screenshots.mjs
