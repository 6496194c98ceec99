#!/usr/bin/env python3
"""Writes src/extract/lexicon/first_names.tsv: the usual gender of US first names, from the US
Census 1990 name lists (public domain, in the PyPI package `names` 0.3.0, laid out by
models/fetch-gazetteers.sh). A name is kept when it is at least MIN_PERCENT of its gender's
population and one gender holds at least RATIO times the other's share; pronoun resolution
uses it to tell "he" from "she" for a full name.

usage: models/make-first-names.py GAZETTEER_DIR > src/extract/lexicon/first_names.tsv
"""
import sys

MIN_PERCENT = 0.002
RATIO = 4.0


def read(path):
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].lower()] = float(parts[1])
    return out


def main():
    d = sys.argv[1]
    male, female = read(f"{d}/dist.male.first"), read(f"{d}/dist.female.first")
    print("# name\tgender (M or F): US Census 1990 first names, made by models/make-first-names.py")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= MIN_PERCENT and m >= RATIO * f:
            print(f"{name}\tM")
        elif f >= MIN_PERCENT and f >= RATIO * m:
            print(f"{name}\tF")


if __name__ == "__main__":
    main()
