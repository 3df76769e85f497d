#!/usr/bin/env bash
# Fuzzes the share-link decoder and the JSON import (cargo fuzz, libFuzzer). Not part of the
# test command. Usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET] (default 120).
# Seeds come from the golden links and the worked examples. Works on the stable toolchain
# with the sanitizer off (-s none); findings are written to fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/link_decode fuzz/corpus/json_import
python3 - <<'PY'
import json, hashlib, pathlib
for entry in json.load(open("tests/fixtures/links-v1.json")):
    data = entry["link"].encode()
    pathlib.Path("fuzz/corpus/link_decode", hashlib.sha1(data).hexdigest()).write_bytes(data)
for path in pathlib.Path("examples").glob("*.json"):
    data = path.read_bytes()
    pathlib.Path("fuzz/corpus/json_import", hashlib.sha1(data).hexdigest()).write_bytes(data)
PY
cd fuzz
for target in link_decode json_import; do
  echo "==> fuzzing $target for ${seconds}s"
  cargo fuzz run -s none "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=20000 2>&1 | tail -n 4
done
