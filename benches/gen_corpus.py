#!/usr/bin/env python3
"""Generates a realistic news corpus of any size from the Reuters 106,520-article set.

For the scaling run (benches/scaling.sh): archives of 250k, 500k, 1M articles and more, made
of real newswire prose but neither exact nor near duplicates of each other or of the source.

Article i is built from a random generator seeded with "SEED:i" only, over a pool loaded
from the source in file order, so the output is deterministic and streaming: the first
250,000 articles of a 1,000,000-article run are exactly the 250,000-article run, and
`--start 1000000 10000` makes 10,000 further new articles for the same archive.

  - id `gen-SEED-IIIIIIII`, a date drawn uniformly over --from..--to (default
    2000-01-01..2025-12-31, minute resolution), the base article's source, a made-up url;
  - text: the lede (first paragraph, with its dateline) of a random base article, then 4 to
    16 body paragraphs taken as runs of 1 to 4 from 2 to 6 other random articles, shuffled.
    The source's bodies are mostly one long paragraph, so bodies are first cut into
    paragraphs of 1 to 3 sentences (the same cut for every run);
  - title: the base title's head joined to another title's tail, or the base title with a
    prefix or suffix;
  - source articles with empty text are never used, nor ledes over 100 words (a long first
    paragraph is cut to its first sentences) and paragraphs over 150 words (tables, texts
    pasted whole): reused, they would make near duplicates.

usage: benches/gen_corpus.py N [--seed S] [--start I] [--source PATH] [--out FILE]
                             [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  N          number of articles (ordinals --start .. --start+N-1)
  --out      output file (default stdout); a name ending in .zst is compressed by `zstd`
  --source   the source set (default ../shared/data/reuters-financial-2006-2013.jsonl.zst
             relative to the repository; .zst and .gz are read through zstd/gzip)

  benches/gen_corpus.py 1000000 --out /tmp/gen.jsonl             # about 80 s, 2.5 GB
  benches/gen_corpus.py 10000 --start 1000000 --out /tmp/add.jsonl

Python 3 standard library only; needs the `zstd` command for .zst files. Progress on stderr.
"""

import argparse
import datetime as dt
import gzip
import io
import json
import os
import random
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.normpath(
    os.path.join(HERE, "..", "..", "shared", "data", "reuters-financial-2006-2013.jsonl.zst"))

# A sentence ends at . ! ? (optionally followed by a closing quote or parenthesis) before
# whitespace and an upper-case letter, digit or opening quote.
SENTENCE_END = re.compile(r'(?<=[.!?])["\')]?\s+(?=["A-Z0-9(])')
TITLE_PREFIX = re.compile(r"^(UPDATE \d+|WRAPUP \d+|REFILE|CORRECTED|Summary|[A-Z ]{3,12})-")
# Longer ledes and paragraphs (tables, texts pasted whole) are left out: reused in several
# articles, they would make them near duplicates.
MAX_LEDE, MAX_PARAGRAPH = 100, 150
SIGN_OFF = ("(Reporting", "(Additional reporting", "(Editing", "(Writing", "(Compiled by")
PREFIXES = ["UPDATE 1-", "UPDATE 2-", "UPDATE 3-", "WRAPUP 1-", "ANALYSIS-", "FACTBOX-",
            "Exclusive: ", "Breakingviews: ", "Insight: ", "Analysis: "]
SUFFIXES = ["- sources", "- analysts", "- report", ", officials say", ", traders say",
            "as markets watch", "after talks", "amid uncertainty", "- survey",
            "in early trade", "ahead of data", "- statement", "on strong demand",
            "despite concerns", "- filing", "- newspaper"]


def open_source(path):
    """Yields the lines of a .jsonl, .jsonl.gz or .jsonl.zst file."""
    if path.endswith(".zst"):
        p = subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE)
        try:
            for line in p.stdout:
                yield line
        finally:
            p.stdout.close()
            if p.wait() != 0:
                sys.exit(f"gen_corpus: zstd -dc {path} failed")
    elif path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            yield from f
    else:
        with open(path, "rb") as f:
            yield from f


def cut_body(paragraph, rng):
    """Cuts a long paragraph into paragraphs of 1 to 3 sentences."""
    sentences = [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + n]))
        i += n
    return out


def load_pool(path):
    """(bases, donors): bases are (title, lede, source) of every article with text; donors
    are the body paragraph lists of those with a body."""
    bases, donors = [], []
    cut = random.Random("cut")  # the same cut for every run
    n = 0
    for line in open_source(path):
        n += 1
        try:
            r = json.loads(line)
        except ValueError:
            continue
        text = (r.get("text") or "").strip()
        title = " ".join((r.get("title") or "").split())
        if not text or not title:
            continue
        paras = [" ".join(p.split()) for p in text.split("\n\n")]
        paras = [p for p in paras if p]
        lede, rest = paras[0], paras[1:]
        if len(lede.split()) > MAX_LEDE:  # a text pasted whole: its first sentences only
            first = cut_body(lede, cut)
            lede, rest = first[0], first[1:] + rest
        if len(lede.split()) <= MAX_LEDE:
            bases.append((title, lede, r.get("source") or "Reuters"))
        body = [q for p in rest for q in cut_body(p, cut) if len(q.split()) <= MAX_PARAGRAPH]
        if body:
            donors.append(body)
    if not bases or not donors:
        sys.exit(f"gen_corpus: no usable articles in {path}")
    return n, bases, donors


def make_title(rng, base, other):
    b, o = base.split(), TITLE_PREFIX.sub("", other).split()
    roll = rng.random()
    if roll < 0.55 and len(b) >= 3 and len(o) >= 3:
        head = b[:rng.randint(max(2, len(b) // 2), len(b) - 1)]
        tail = o[rng.randint(len(o) // 2, len(o) - 1):]
        return " ".join(head + tail)
    if roll < 0.8:
        return f"{base} {rng.choice(SUFFIXES)}"
    return rng.choice(PREFIXES) + TITLE_PREFIX.sub("", base)


def make_article(seed, i, bases, donors, t0, span_minutes):
    rng = random.Random(f"{seed}:{i}")
    b = rng.randrange(len(bases))
    title, lede, source = bases[b]
    other_title = bases[rng.randrange(len(bases))][0]
    want = rng.randint(4, 16)
    runs, got = [], 0
    for _ in range(rng.randint(2, 6)):
        if got >= want:
            break
        body = donors[rng.randrange(len(donors))]
        n = min(rng.randint(1, 4), want - got, len(body))
        start = rng.randrange(len(body) - n + 1)
        runs.append(body[start:start + n])
        got += n
    rng.shuffle(runs)
    body = [p for run in runs for p in run]
    # sign-offs ("(Reporting by ...; Editing by ...)") go last, as in the source
    body = [p for p in body if not p.startswith(SIGN_OFF)] + \
        [p for p in body if p.startswith(SIGN_OFF)]
    paras = [lede] + body
    when = t0 + dt.timedelta(minutes=rng.randrange(span_minutes))
    return {
        "id": f"gen-{seed}-{i:08d}",
        "title": make_title(rng, title, other_title),
        "date": when.strftime("%Y-%m-%dT%H:%M"),
        "source": source,
        "url": f"https://archive.example/gen/{seed}/{i:08d}",
        "text": "\n\n".join(paras),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", metavar="N", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first ordinal (default 0)")
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--out", default="-", help="output file, .zst compressed (default stdout)")
    ap.add_argument("--from", dest="date_from", default="2000-01-01")
    ap.add_argument("--to", dest="date_to", default="2025-12-31", help="inclusive")
    a = ap.parse_args()
    t0 = dt.datetime.fromisoformat(a.date_from)
    t1 = dt.datetime.fromisoformat(a.date_to) + dt.timedelta(days=1)
    span = int((t1 - t0).total_seconds() // 60)
    if a.n < 0 or a.start < 0 or span <= 0:
        sys.exit("gen_corpus: N and --start must be >= 0 and --from before --to")

    clock = time.time()
    read, bases, donors = load_pool(a.source)
    print(f"gen_corpus: pool of {len(bases)} ledes and {sum(map(len, donors))} body paragraphs"
          f" from {read} articles in {time.time() - clock:.1f} s", file=sys.stderr)

    proc = None
    if a.out == "-":
        out = sys.stdout
    elif a.out.endswith(".zst"):
        f = open(a.out, "wb")
        proc = subprocess.Popen(["zstd", "-q", "-T1", "-c"], stdin=subprocess.PIPE, stdout=f)
        f.close()
        out = io.TextIOWrapper(io.BufferedWriter(proc.stdin, 1 << 20), encoding="utf-8")
    else:
        out = open(a.out, "w", encoding="utf-8", buffering=1 << 20)

    clock = time.time()
    step = max(100_000, a.n // 10)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for k, i in enumerate(range(a.start, a.start + a.n), 1):
        out.write(dumps(make_article(a.seed, i, bases, donors, t0, span)))
        out.write("\n")
        if k % step == 0 and k < a.n:
            el = time.time() - clock
            print(f"gen_corpus: {k}/{a.n} articles, {k / el:.0f}/s", file=sys.stderr)
    out.flush()
    if proc is not None:
        out.close()
        if proc.wait() != 0:
            sys.exit("gen_corpus: zstd failed")
    elif out is not sys.stdout:
        out.close()
    el = time.time() - clock
    print(f"gen_corpus: {a.n} articles in {el:.1f} s ({a.n / max(el, 1e-9):.0f}/s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
