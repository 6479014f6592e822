#!/usr/bin/env bash
# Every figure of EVALUATION.md, measured on ../shared/corpora (when present).
#
#   scripts/eval.sh            lean-dev and attribution-dev
#
# Needs only cargo; the corpora are not part of the repository (see EVALUATION.md).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPORA="${CORPORA:-../shared/corpora}"
if [ ! -d "$CORPORA" ]; then
  echo "no corpora at $CORPORA (set CORPORA=...); nothing to measure" >&2
  exit 1
fi
cargo build --release --quiet --bin slant
S=./target/release/slant
echo "== lean-dev: stance and its components, right vs left"
$S eval lean "$CORPORA/lean-dev/articles.jsonl" --label lean --positive right --negative left --top 30
echo
echo "== attribution-dev: quotations and speakers against the gold attributions"
$S eval quotes "$CORPORA/attribution-dev/articles.jsonl" --gold "$CORPORA/attribution-dev/attributions.jsonl"
