#!/usr/bin/env bash
# Fails if a browser crate appears anywhere in the dependency graph of the core or the CLI,
# on any target. Keeps the invariant "the core knows nothing of the web" from regressing.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for package in hrdd-core hrdd-cli; do
  deps=$(cargo tree --quiet -p "$package" -e normal,build --target all --prefix none --format '{p}' | awk '{print $1}' | sort -u)
  if ! grep -qx "$package" <<<"$deps"; then
    echo "could not list the dependencies of $package" >&2
    exit 1
  fi
  web=$(grep -E '^(yew|yew-macro|web-sys|js-sys|gloo|gloo-.*|wasm-bindgen|wasm-bindgen-.*)$' <<<"$deps" || true)
  if [ -n "$web" ]; then
    echo "$package depends on web crates, which the core must not:" >&2
    echo "$web" >&2
    status=1
  else
    echo "$package: $(wc -l <<<"$deps") crates in its graph, none of them a web crate"
  fi
done
exit $status
