#!/usr/bin/env python3
"""Article extraction accuracy and speed of `slant extract` on saved web pages.

    scripts/eval_html.py [CORPUS_DIR] [--slant PATH] [--worst N]

CORPUS_DIR holds `html/<key>.html.gz` (or `.html`) and `ground-truth.json` mapping each
key to {"articleBody": ..., "url": ...}: the layout of the scrapinghub article-extraction
benchmark (default: ../shared/corpora/html-dev, half of it). The pages are unpacked into a
temporary folder, `slant extract FOLDER --format jsonl` reads them all in one process, and
each extracted text is scored against `articleBody` with the benchmark's metric: true and
false positives and negatives over 4-word shingles (`\\w+` tokens, case kept), normalised
per page, precision and recall averaged over pages, F1 of the two averages (as the
benchmark's evaluate.py computes them).

Two figures: the *body* (the text slant scores without its first paragraph when that is
the page's headline, which slant puts first and gives as `title`; the benchmark's
`articleBody` never includes the headline), and the *text as scored*, headline included.

Pages per second: `slant extract` reads the pages one after another in one process on one
core (pinned with taskset when there is one); the page count over that process's CPU time
(user + system), and over its wall time, which a busy machine inflates. Needs python3 only;
builds nothing (run `cargo build --release` first).
"""
import argparse
import collections
import gzip
import json
import os
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    return collections.Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def tp_fp_fn(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for k in t.keys() | p.keys():
        tc, pc = t.get(k, 0), p.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=os.path.join(root, "..", "shared", "corpora", "html-dev"))
    ap.add_argument("--slant", default=os.path.join(root, "target", "release", "slant"))
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args()

    truth = json.load(open(os.path.join(args.corpus, "ground-truth.json"), encoding="utf-8"))
    work = tempfile.mkdtemp(prefix="slant-html-eval-")
    try:
        pages = os.path.join(work, "pages")
        os.mkdir(pages)
        for key in truth:
            for name, opener in ((f"{key}.html.gz", gzip.open), (f"{key}.html", open)):
                src = os.path.join(args.corpus, "html", name)
                if os.path.exists(src):
                    with opener(src, "rb") as f, open(os.path.join(pages, f"{key}.html"), "wb") as g:
                        g.write(f.read())
                    break
            else:
                sys.exit(f"no page for {key}")
        cmd = [args.slant, "extract", pages, "--format", "jsonl"]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0"] + cmd
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run = subprocess.run(cmd, capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if run.returncode not in (0, 1):
        sys.exit(f"slant extract failed ({run.returncode}):\n{run.stderr.decode()[:2000]}")
    scored, body = {}, {}
    for line in run.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        text = rec["text"]
        scored[rec["id"]] = text
        first, _, rest = text.partition("\n\n")
        body[rec["id"]] = rest if first.strip() == rec.get("title", "").strip() else text

    def measure(extracted):
        rows = {k: tp_fp_fn(v.get("articleBody", ""), extracted.get(k, "")) for k, v in truth.items()}
        ps = [precision(*r) for r in rows.values() if r[0] + r[1] > 0]
        rs = [recall(*r) for r in rows.values() if r[0] + r[2] > 0]
        p, r = sum(ps) / len(ps), sum(rs) / len(rs)
        return rows, p, r, 2 * p * r / (p + r)

    missing = sum(1 for k in truth if k not in scored)
    print(f"pages: {len(truth)} ({missing} without text)")
    rows, p, r, f1 = measure(body)
    print(f"body:            precision={p:.3f} recall={r:.3f} F1={f1:.3f}")
    _, p2, r2, f2 = measure(scored)
    print(f"text as scored:  precision={p2:.3f} recall={r2:.3f} F1={f2:.3f} (headline included)")
    print(f"speed: {len(truth) / cpu:.0f} pages/s of CPU time on one core "
          f"({cpu:.2f} s CPU, {wall:.2f} s wall: {len(truth) / wall:.0f} pages/s)")
    if args.worst:
        def page_f1(x):
            pp, rr = precision(*x), recall(*x)
            return 2 * pp * rr / (pp + rr) if pp + rr else 0.0
        for k, x in sorted(rows.items(), key=lambda kv: page_f1(kv[1]))[: args.worst]:
            print(f"  {k[:16]}  P={precision(*x):.2f} R={recall(*x):.2f}  {truth[k].get('url', '')}")


if __name__ == "__main__":
    main()
