#!/usr/bin/env python3
"""Builds benches/queries.txt: real words, phrases and names of the Reuters 106,520 set.

    python3 benches/make_queries.py DATA.jsonl.zst INDEX_DIR > benches/queries.txt

Each line is a query, a tab, and gazette search flags (possibly empty). Words and phrases come
from word and bigram frequencies of the corpus (common and rare), names from the archive's
speaker, person, organization and place facets. Deterministic (fixed seed).
"""
import collections, json, random, re, subprocess, sys

STOP = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says also new one two three
year years percent reuters mln pct million billion would could may might last first per u s""".split())

def main():
    data, index = sys.argv[1], sys.argv[2]
    rng = random.Random(20240325)
    words, bigrams = collections.Counter(), collections.Counter()
    text = subprocess.run(['zstd', '-dc', data], capture_output=True, check=True).stdout.decode()
    for i, line in enumerate(text.splitlines()):
        if i % 4:
            continue  # a quarter of the articles is plenty for frequencies
        r = json.loads(line)
        toks = re.findall(r"[a-z]+", (r.get('text') or '').lower())
        words.update(t for t in toks if t not in STOP and len(t) > 2)
        bigrams.update((a, b) for a, b in zip(toks, toks[1:]) if a not in STOP and b not in STOP and len(a) > 2 and len(b) > 2)
    common = [w for w, _ in words.most_common(400)]
    mid = [w for w, c in words.items() if 20 <= c <= 200]
    rare = [w for w, c in words.items() if 3 <= c <= 10]
    phrases = [f'"{a} {b}"' for (a, b), _ in bigrams.most_common(300)]
    def facet(kind):
        out = subprocess.run(['cargo', 'run', '--release', '-q', '--', '--index', index, 'facets', kind, '--size', '150', '--json'],
                             capture_output=True, check=True).stdout
        v = json.loads(out)
        return [x['value'] for x in next(iter(v.values()))]
    names = {k: facet(k) for k in ('speakers', 'persons', 'organizations', 'places')}
    flag = {'speakers': '--speaker', 'persons': '--person', 'organizations': '--org', 'places': '--place'}
    q = []
    q += [(w, '') for w in rng.sample(common, 150)]
    q += [(w, '') for w in rng.sample(mid, 150)]
    q += [(w, '') for w in rng.sample(rare, 100)]
    q += [(f'{rng.choice(common)} {rng.choice(mid)}', '') for _ in range(150)]
    q += [(p, '') for p in rng.sample(phrases, 150)]
    q += [(w[:max(4, len(w) - 3)] + '*', '') for w in rng.sample(mid, 50)]
    q += [(w + '~', '') for w in rng.sample(mid, 50)]
    for kind in names:
        for n in rng.sample(names[kind], min(50, len(names[kind]))):
            q.append((rng.choice(common), f'{flag[kind]} "{n}"'))
    q += [(f'{rng.choice(common)} OR {rng.choice(mid)}', '--since 2010-01-01') for _ in range(50)]
    q += [(rng.choice(common), '--sort -date') for _ in range(20)]
    rng.shuffle(q)
    for query, flags in q:
        print(f'{query}\t{flags}')

if __name__ == '__main__':
    main()
