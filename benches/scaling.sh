#!/usr/bin/env bash
# The scaling run: a measured ceiling on one machine. Archives of 250,000, 500,000 and
# 1,000,000 generated articles (benches/gen_corpus.py: Reuters prose recombined into new
# articles, neither exact nor near duplicates, dated 2000..2025), each built fresh, and for
# each size:
#   - build wall time and peak memory (gazette index, quotes and entities on);
#   - archive size on disk, facets.tsv lines and bytes, articles, quotes, near-duplicate groups;
#   - query latency p50/p99 over benches/queries.txt, gazette's full request and bare Tantivy;
#   - `gazette check` time and verdict;
#   - for the largest size only: adding 10,000 new articles to it (time and peak memory).
# Writes one JSON line per size to WORKDIR/results.jsonl, prints a markdown table, and draws
# the growth curves to WORKDIR/scaling.svg (benches/plot_scaling.py; SVG=PATH to change it,
# e.g. SVG=docs/scaling.svg).
#
# usage: benches/scaling.sh [WORKDIR] [SIZES...]    (default sizes 250000 500000 1000000)
#   needs python3, zstd, /usr/bin/time and ~10 GB free in WORKDIR for 1M articles (the
#   corpus 2.5 GB, the kept largest archive, one smaller archive and its corpus at a time);
#   generating 1M articles takes under 2 minutes, the whole run with the default sizes
#   roughly 30 to 60 minutes on 2 cores.
#   GAZETTE_BIN=PATH   use this gazette binary instead of building target/release/gazette
#   QUERIES_BIN=PATH   use this query bench binary instead of `cargo bench --bench queries --no-run`
#   SEED=N             the generator's seed (default 1)
# Smaller archives are deleted once measured; the largest is kept in WORKDIR/ix-LARGEST.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
w=${1:-$(mktemp -d)}
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(250000 500000 1000000)
mapfile -t sizes < <(printf '%s\n' "${sizes[@]}" | sort -n -u)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "scaling.sh: not a size: $n" >&2; exit 2; }
done
max=${sizes[-1]}
seed=${SEED:-1}
add_n=10000
mkdir -p "$w"
w=$(cd "$w" && pwd)
cd "$here"

if [[ -n ${GAZETTE_BIN:-} ]]; then
  g=$GAZETTE_BIN
else
  cargo build --release -q
  g=$here/target/release/gazette
fi
if [[ -n ${QUERIES_BIN:-} ]]; then
  qb=$QUERIES_BIN
else
  qb=$(cargo bench --bench queries --no-run --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "queries" and m.get("executable"):
        print(m["executable"])')
fi
[[ -x $g && -x $qb ]] || { echo "scaling.sh: missing binary: $g or $qb" >&2; exit 2; }
machine="$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
echo "machine: $machine"
echo "sizes: ${sizes[*]}; workdir: $w"

# ---- the corpus: the largest size once, and the 10,000 articles added after it
gen=$w/gen.jsonl
stamp="$max $seed $(sha1sum benches/gen_corpus.py | cut -c1-12)"
if [[ -f $gen && -f $gen.stamp && $(cat "$gen.stamp") == "$stamp" ]]; then
  echo "== corpus: reusing $gen ($stamp)"
else
  echo "== corpus: generating $max articles"
  rm -f "$gen.stamp"
  /usr/bin/time -f "%e s" python3 benches/gen_corpus.py "$max" --seed "$seed" --out "$gen"
  echo "$stamp" >"$gen.stamp"
fi
python3 benches/gen_corpus.py "$add_n" --seed "$seed" --start "$max" --out "$w/add.jsonl" 2>/dev/null

# timed OUT CMD...: runs CMD with stdout to OUT.json, stderr to OUT.err, "secs peakKB" in
# OUT.time and the exit code in OUT.rc
timed() {
  local out=$1; shift
  local rc=0
  /usr/bin/time -f "%e %M" -o "$out.time" "$@" >"$out.json" 2>"$out.err" || rc=$?
  echo "$rc" >"$out.rc"
}

: >"$w/results.jsonl"
for n in "${sizes[@]}"; do
  echo "== $n articles"
  m=$w/m-$n
  ix=$w/ix-$n
  rm -rf "$m" "$ix"
  mkdir -p "$m"
  if ((n == max)); then corpus=$gen; else corpus=$w/corpus-$n.jsonl; head -n "$n" "$gen" >"$corpus"; fi

  timed "$m/build" "$g" --index "$ix" index "$corpus" --json
  rc=$(cat "$m/build.rc")
  if ((rc > 1)); then echo "scaling.sh: index failed ($rc):" >&2; cat "$m/build.err" >&2; exit 1; fi
  echo "   build: $(tail -n 1 "$m/build.time") (s, peak KB), exit $rc"
  "$g" --index "$ix" stats --json >"$m/stats.json"
  du -sm "$ix" | cut -f1 >"$m/size_mb"
  echo "$(wc -l <"$ix/facets.tsv") $(stat -c %s "$ix/facets.tsv")" >"$m/facets"
  "$g" --index "$ix" duplicates --near --json >"$m/near.json"
  "$qb" "$ix" benches/queries.txt 2 >"$m/queries.txt" 2>"$m/queries.err"
  echo "   queries: $(tail -n 1 "$m/queries.txt")"
  timed "$m/check" "$g" --index "$ix" check "$corpus" --json
  echo "   check: $(tail -n 1 "$m/check.time" | cut -d' ' -f1) s, exit $(cat "$m/check.rc")"
  if ((n == max)); then
    timed "$m/add" "$g" --index "$ix" index "$w/add.jsonl" --json
    if (($(cat "$m/add.rc") > 1)); then echo "scaling.sh: adding failed:" >&2; cat "$m/add.err" >&2; exit 1; fi
    echo "   add $add_n: $(tail -n 1 "$m/add.time") (s, peak KB)"
    rm -rf "$w/export"
    timed "$m/export" "$g" --index "$ix" export --format parquet --out "$w/export" --json
    if (($(cat "$m/export.rc") != 0)); then echo "scaling.sh: export failed:" >&2; cat "$m/export.err" >&2; exit 1; fi
    du -sm "$w/export" | cut -f1 >"$m/export_mb"
    echo "   export parquet: $(tail -n 1 "$m/export.time") (s, peak KB), $(cat "$m/export_mb") MB"
  fi

  python3 - "$m" "$n" "$machine" "$seed" >>"$w/results.jsonl" <<'PY'
import json, os, re, sys
m, n, machine, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rd = lambda f: open(os.path.join(m, f)).read().strip()
def timing(f):
    secs, kb = rd(f + '.time').splitlines()[-1].split()
    return float(secs), round(int(kb) / 1024, 1)
build_s, build_mb = timing('build')
stats = json.loads(rd('stats.json'))
built = json.loads(rd('build.json'))
lines, nbytes = map(int, rd('facets').split())
q = re.search(r'gazette p50 ([\d.]+) ms p99 ([\d.]+) ms; bare tantivy p50 ([\d.]+) ms p99 ([\d.]+) ms',
              rd('queries.txt').splitlines()[-1])
check_s, check_mb = timing('check')
try:
    check_ok = json.loads(rd('check.json')).get('ok') is True and rd('check.rc') == '0'
except ValueError:
    check_ok = False
r = {
    'articles_in': n, 'seed': seed, 'machine': machine,
    'articles': stats.get('articles'), 'quotes': stats.get('quotes'),
    'paragraphs': stats.get('paragraphs'), 'speakers': stats.get('speakers'),
    'failed': built.get('failed'), 'duplicates': stats.get('duplicates'),
    'near_duplicate_groups': len(json.loads(rd('near.json'))),
    'build_s': build_s, 'build_peak_mb': build_mb,
    'index_mb': int(rd('size_mb')), 'facets_lines': lines, 'facets_mb': round(nbytes / 1e6, 1),
    'gazette_p50_ms': float(q[1]), 'gazette_p99_ms': float(q[2]),
    'bare_p50_ms': float(q[3]), 'bare_p99_ms': float(q[4]),
    'check_s': check_s, 'check_peak_mb': check_mb, 'check_ok': check_ok,
}
if os.path.exists(os.path.join(m, 'add.time')):
    r['add_articles'] = json.loads(rd('add.json')).get('added')
    r['add_s'], r['add_peak_mb'] = timing('add')
if os.path.exists(os.path.join(m, 'export.time')):
    r['export_s'], r['export_peak_mb'] = timing('export')
    r['export_mb'] = int(rd('export_mb'))
print(json.dumps(r))
PY
  if ((n != max)); then rm -rf "$ix" "$corpus"; fi
done

echo
python3 - "$w/results.jsonl" <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(f"machine: {rs[-1]['machine']}")
print()
print('| articles | build | peak memory | index | facets.tsv | quotes | near-dup groups '
      '| query p50 / p99 (bare) | check |')
print('|---:|---:|---:|---:|---:|---:|---:|---|---|')
for r in rs:
    print(f"| {r['articles']:,} | {r['build_s']:.1f} s ({r['articles'] / r['build_s']:,.0f}/s) "
          f"| {r['build_peak_mb']:,.0f} MB | {r['index_mb']:,} MB "
          f"| {r['facets_lines']:,} lines, {r['facets_mb']:.1f} MB | {r['quotes']:,} "
          f"| {r['near_duplicate_groups']} "
          f"| {r['gazette_p50_ms']:.2f} / {r['gazette_p99_ms']:.2f} ms "
          f"({r['bare_p50_ms']:.2f} / {r['bare_p99_ms']:.2f}) "
          f"| {r['check_s']:.1f} s, {'ok' if r['check_ok'] else 'FAILED'} |")
last = rs[-1]
if 'add_s' in last:
    print()
    print(f"adding {last['add_articles']:,} new articles to the {last['articles']:,}-article "
          f"archive: {last['add_s']:.1f} s, peak {last['add_peak_mb']:,.0f} MB "
          f"({last['add_s'] / last['build_s'] * 100:.1f}% of its build)")
if 'export_s' in last:
    print(f"export --format parquet of it: {last['export_s']:.1f} s, peak {last['export_peak_mb']:,.0f} MB, "
          f"{last['export_mb']:,} MB of Parquet")
PY
svg=${SVG:-$w/scaling.svg}
python3 benches/plot_scaling.py "$w/results.jsonl" "$svg"
echo "results: $w/results.jsonl; chart: $svg"
