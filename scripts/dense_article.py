#!/usr/bin/env python3
"""Write an article of about N bytes dense with loaded terms, quotes and speakers to stdout.

The worst case for memory: a term hit every ~15 bytes. docs/hostile-input.md measures
peak memory on `python3 scripts/dense_article.py 30000000 > dense30.txt`.
"""
import random
import sys

PARTS = [
    "illegal aliens", "undocumented immigrants", "migrants", "illegal immigrants",
    "asylum seekers", "sanctuary cities", "amnesty", "border crisis", "caravan",
    "the mayor said", "\u201cWe will not help,\u201d Albence said.", "so-called dreamers",
    "not illegal aliens", "ICE agents", "deportation",
]


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000_000
    random.seed(1)
    out, n = ["Dense Article\n\n"], 0
    while n < size:
        s = " ".join(random.choice(PARTS) for _ in range(8)) + ". "
        if random.random() < 0.1:
            s += "\n\n"
        out.append(s)
        n += len(s.encode())
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
