#!/usr/bin/env python3
"""Builds the speaker-name gold of PolNeAR train articles from the ids and names in
polnear-train-speakers.jsonl (80 articles; or the file given with --speakers, such as
polnear-train-speakers-2.jsonl, 60 more) and the articles of ../shared/data/polnear-dev.jsonl.gz, in the
form of polnear-named.jsonl.gz (each direct attribution with `speaker`), on stdout.

    python3 benches/gold/make-speaker-gold.py > /tmp/silver-train.jsonl
    target/release/gazette extract /tmp/silver-train.jsonl --json > /tmp/p.jsonl
    python3 ../shared/tools/evaluate.py quotes /tmp/silver-train.jsonl /tmp/p.jsonl
    python3 benches/gold/make-speaker-gold.py --speakers benches/gold/polnear-train-speakers-2.jsonl
"""
import gzip
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, '..', '..', '..', 'shared', 'data', 'polnear-dev.jsonl.gz')
speakers = os.path.join(here, 'polnear-train-speakers.jsonl')
args = sys.argv[1:]
if '--speakers' in args:
    k = args.index('--speakers')
    speakers = args[k + 1]
    del args[k:k + 2]
if args:
    data = args[0]
names = {}
with open(speakers, encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        names[r['id']] = {x['i']: x['speaker'] for x in r['speakers']}
found = 0
with gzip.open(data, 'rt', encoding='utf-8') as f:
    for line in f:
        a = json.loads(line)
        if a['id'] not in names or a.get('compartment') != 'train':
            continue
        sp = names[a['id']]
        for i, att in enumerate(a['attributions']):
            if att['direct']:
                att['speaker'] = sp.get(i)
        sys.stdout.write(json.dumps(a, ensure_ascii=False) + '\n')
        found += 1
if found != len(names):
    sys.exit(f'{len(names) - found} articles of the gold are missing from {data}')
