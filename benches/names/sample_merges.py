#!/usr/bin/env python3
"""Draws merge instances at random from an archive, to check gazette's own name merges by
reading the articles (issue 11).

A merge is one form filed under another name (`gazette alias list --auto` gives them). For
each merge drawn, the script picks up to two of the articles that write the form (found with
`--as-written` filters) and writes their paragraphs that mention the form's last word, so a
reader can say whether the person meant there is the canonical name.

    benches/names/sample_merges.py --index IDX --n 100 --seed 11 \
        --tsv benches/names/merges-bbc-reuters.tsv --context /tmp/merges-context.jsonl

The TSV (kind, form, canonical, article ids, verdict, note) holds no article text and is kept
in the repository with the verdicts filled in; the context file holds text of the corpora and
stays local.
"""

import argparse
import json
import random
import subprocess
import sys


def gazette(binary, index, *args):
    out = subprocess.run([binary, "--index", index, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"gazette {' '.join(args)}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True)
    ap.add_argument("--gazette", default="target/release/gazette")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--context", required=True)
    a = ap.parse_args()

    groups = gazette(a.gazette, a.index, "alias", "list", "--auto", "--json")["automatic"]
    # a merge: one form filed under another name (forms that differ only in case are one:
    # names are matched without case, as filters match them)
    merges = {}
    for g in groups:
        for form in g["forms"]:
            merges.setdefault((g["kind"], form.lower(), g["name"]), form)
    merges = sorted((k, c, f) for (k, _, c), f in merges.items())
    print(f"{len(groups)} merged names, {len(merges)} merges (form -> name); seed {a.seed}", file=sys.stderr)
    rng = random.Random(a.seed)
    drawn = rng.sample(merges, min(a.n, len(merges)))
    with open(a.tsv, "w") as tsv, open(a.context, "w") as ctx:
        tsv.write("kind\tform\tcanonical\tarticles\tverdict\tnote\n")
        for kind, canonical, form in drawn:
            flag = "--speaker" if kind == "speaker" else "--person"
            hits = gazette(a.gazette, a.index, "search", flag, form, "--as-written", "--no-collapse",
                           "--limit", "10000", "--json")["hits"]
            ids = sorted(h["id"] for h in hits)
            # the merge is read in up to two of the articles that write the form
            read = rng.sample(ids, min(2, len(ids)))
            tsv.write(f"{kind}\t{form}\t{canonical}\t{' '.join(read)}\t\t\n")
            for article in read:
                doc = gazette(a.gazette, a.index, "show", article, "--json")
                last = form.split()[-1].strip(".,").lower()
                paras = [p for p in doc["paragraphs"] if last in p.lower()]
                ctx.write(json.dumps({"kind": kind, "form": form, "canonical": canonical, "article": article,
                                      "title": doc["title"], "date": doc["date"],
                                      "persons": sorted({e["name"] for e in doc["entities"] if e["type"] == "person"}),
                                      "paragraphs": paras[:6]}) + "\n")


if __name__ == "__main__":
    main()
