#!/usr/bin/env bash
# End-to-end throughput of slant against the tools people would otherwise use.
#
#   scripts/bench.sh [ARTICLES]     (default 20000, about 66 MB of JSONL)
#
# Generates a deterministic corpus from seeds/, then times:
#   slant score --format jsonl on 2 threads and on 1 (terms, quotes, scores, JSON out)
#   ripgrep counting whole-word case-insensitive matches of the same term list (-j1)
#   pyahocorasick scanning the same texts for the same terms (one core)
# and prints MB/s, ratios and peak memory. Needs: cargo; optional: ripgrep (apt-get
# install ripgrep), python3 with pyahocorasick and pyyaml (pip install pyahocorasick pyyaml).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
WORK="${TMPDIR:-/tmp}/slant-bench"
mkdir -p "$WORK"
cargo build --release --quiet --bin slant --example gen_corpus
CORPUS="$WORK/corpus-$N.jsonl"
[ -s "$CORPUS" ] || ./target/release/examples/gen_corpus "$N" > "$CORPUS"
BYTES=$(stat -c %s "$CORPUS")
MB=$(python3 -c "print($BYTES/1e6)")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $N articles, $MB MB ($CORPUS)"

# Term list of the default lexicon (every surface form, hyphen forms with a space too).
TERMS="$WORK/terms.txt"
python3 - "$TERMS" <<'PY'
import sys, yaml
d = yaml.safe_load(open("lexicons/immigration.yaml"))
forms = set()
for c in d["concepts"]:
    for v in c["variants"]:
        for t in v.get("terms", []):
            t = " ".join(t.lower().split())
            forms.add(t)
            if "-" in t:
                forms.add(t.replace("-", " "))
open(sys.argv[1], "w").write("\n".join(sorted(forms)) + "\n")
print(f"terms: {len(forms)} surface forms")
PY

best() { # best of 3 wall-clock seconds for a command
  local best=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $e - $s))")
  done
  echo "$best"
}
rate() { python3 -c "print(f'{$MB/$1:8.1f} MB/s  ({$1:.2f} s)')"; }

T2=$(best ./target/release/slant score "$CORPUS" --format jsonl --threads 2)
T1=$(best ./target/release/slant score "$CORPUS" --format jsonl --threads 1)
echo "slant score --format jsonl, 2 threads: $(rate "$T2")"
echo "slant score --format jsonl, 1 thread:  $(rate "$T1")"
MEM=$( { /usr/bin/time -f %M ./target/release/slant score "$CORPUS" --format jsonl > /dev/null; } 2>&1 | tail -1 )
echo "slant peak memory: $((MEM / 1024)) MB"

if command -v rg > /dev/null; then
  TR=$(best rg -j1 -i -w -F -c -f "$TERMS" --no-unicode "$CORPUS")
  echo "ripgrep -j1 -i -w -F -c:               $(rate "$TR")"
  python3 -c "print(f'slant (2 threads) / ripgrep: {$TR/$T2:.1f}x')"
else
  echo "ripgrep not installed (apt-get install ripgrep); skipped"
fi

if python3 -c "import ahocorasick" 2> /dev/null; then
  TP=$(python3 - "$CORPUS" "$TERMS" <<'PY'
import sys, json, time, ahocorasick
texts = [json.loads(l)["text"].lower() for l in open(sys.argv[1])]
A = ahocorasick.Automaton()
for i, t in enumerate(open(sys.argv[2]).read().split("\n")):
    if t:
        A.add_word(t, i)
A.make_automaton()
best = 1e9
for _ in range(3):
    s = time.perf_counter()
    n = 0
    for t in texts:
        for end, i in A.iter_long(t):
            n += 1
    best = min(best, time.perf_counter() - s)
print(best)
PY
)
  echo "pyahocorasick (iter_long, 1 core):     $(rate "$TP")"
  python3 -c "print(f'slant (2 threads) / pyahocorasick: {$TP/$T2:.1f}x')"
else
  echo "pyahocorasick not installed (pip install pyahocorasick pyyaml); skipped"
fi
