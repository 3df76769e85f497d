#!/usr/bin/env bash
# The benchmark command (not part of the test command): builds the release bundle, runs the
# native benchmarks (criterion) and the browser measurements, prints a table and writes
# docs/PERFORMANCE.md. About 3 minutes warm.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0
trunk build --release

results=$(mktemp)
printf '==> native benchmarks (criterion)\n'
cargo bench -p hrdd-core --bench score -- --noplot 2>/dev/null | tee /dev/stderr | python3 -c '
import json, re, sys
units = {"ns": 0.001, "µs": 1.0, "us": 1.0, "ms": 1000.0, "s": 1e6}
results, name = {}, None
for line in sys.stdin:
    match = re.match(r"^(\S+/\S+)\s*(time:.*)?$", line.strip())
    if match and "/" in match.group(1) and not line.startswith(" "):
        name = match.group(1)
    timing = re.search(r"time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", line)
    if timing and name:
        results[name] = float(timing.group(1)) * units[timing.group(2)]
        name = None
json.dump(results, sys.stdout)
' > "$results"
printf '==> browser and size measurements\n'
node scripts/bench.mjs "$results"
