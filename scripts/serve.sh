#!/usr/bin/env bash
# README command 1: install what is missing, build the release bundle into dist/ and serve it
# on 127.0.0.1 (PORT, default 8080). Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
printf '==> building the release bundle\n'
trunk build --release
exec node scripts/static-server.mjs dist "${PORT:-8080}"
