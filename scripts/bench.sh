#!/usr/bin/env bash
# End-to-end throughput of slant against the tools people would otherwise use.
#
#   scripts/bench.sh [ARTICLES]     (default 20000, about 66 MB of JSONL)
#
# Generates a deterministic corpus from seeds/, then times:
#   slant score --format jsonl on 2 threads and on 1 (terms, quotes, scores, JSON out)
#   ripgrep counting whole-word case-insensitive matches of the same term list (-j1;
#   RG=/path/to/rg picks another ripgrep)
#   pyahocorasick doing the same matching job in Python, and its bare scan (one core)
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

RG="${RG:-rg}"
if command -v "$RG" > /dev/null; then
  RGV=$("$RG" --version | head -1)
  # -c counts matching lines: on JSONL that is one article per line, and ripgrep stops
  # reading a line at its first hit. --count-matches finds every hit, as slant does.
  TR=$(best "$RG" -j1 -i -w -F -c -f "$TERMS" --no-unicode "$CORPUS")
  TRM=$(best "$RG" -j1 -i -w -F --count-matches -f "$TERMS" --no-unicode "$CORPUS")
  echo "$RGV -j1 -i -w -F -c (lines):  $(rate "$TR")"
  echo "$RGV --count-matches (hits):    $(rate "$TRM")"
  python3 -c "print(f'slant (2 threads) / ripgrep -c: {$TR/$T2:.2f}x; / ripgrep --count-matches: {$TRM/$T2:.2f}x')"
else
  echo "ripgrep not installed (apt-get install ripgrep); skipped"
fi

if python3 -c "import ahocorasick" 2> /dev/null; then
  # The same job written with pyahocorasick, as a user would: parse each JSONL record,
  # lowercase, take leftmost-longest hits, keep whole words, print a count per article.
  PYJOB="$WORK/pyaho_job.py"
  cat > "$PYJOB" <<'PY'
import sys, json, ahocorasick
A = ahocorasick.Automaton()
for i, t in enumerate(open(sys.argv[2]).read().split("\n")):
    if t:
        A.add_word(t, len(t))
A.make_automaton()
out = sys.stdout.write
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    t = rec["text"].lower()
    n = 0
    for end, length in A.iter_long(t):
        start = end - length + 1
        if (start == 0 or not t[start - 1].isalnum()) and (end + 1 == len(t) or not t[end + 1].isalnum()):
            n += 1
    out(f"{rec['id']}\t{n}\n")
PY
  TPJ=$(best python3 "$PYJOB" "$CORPUS" "$TERMS")
  echo "pyahocorasick, same job (1 core):      $(rate "$TPJ")"
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
  echo "pyahocorasick bare scan (1 core):      $(rate "$TP")"
  python3 -c "print(f'slant (2 threads) / pyahocorasick same job: {$TPJ/$T2:.1f}x; / bare scan: {$TP/$T2:.1f}x')"
else
  echo "pyahocorasick not installed (pip install pyahocorasick pyyaml); skipped"
fi
