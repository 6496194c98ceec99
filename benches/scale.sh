#!/usr/bin/env bash
# The scale bench: in one run, on the Reuters 106,520-article set of ../shared/data,
#   - plain tantivy-cli 0.24 indexing the same title and text (../shared/tools/peers.sh: the
#     baseline every ratio is taken against), and SQLite FTS5 for reference;
#   - gazette's full build (quotes and entities), with peak memory and size;
#   - gazette without quote extraction (the cost of quotes) and without any extraction;
#   - 25%, 50% and 100% of the set (linearity);
#   - reindexing the unchanged set, and adding 1,000 new articles to it;
#   - query latency over benches/queries.txt (top 10, facets, 3 snippets; warm).
# usage: benches/scale.sh [WORKDIR]     (needs zstd, python3, /usr/bin/time; ~10 minutes)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/../shared/data/reuters-financial-2006-2013.jsonl.zst
[[ -f $data ]] || { echo "skipped: $data is not present"; exit 0; }
w=${1:-$(mktemp -d)}
mkdir -p "$w"
cd "$here"
cargo build --release -q
g=$here/target/release/gazette
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
echo "== peers (baseline)"
bash "$here/../shared/tools/peers.sh" "$w" 2>&1 | grep -E "wall|MB" | tee "$w/peers.txt"
base=$(awk '/tantivy-cli:/{print $2}' "$w/peers.txt")
base_mb=$(awk '/tantivy-cli index:/{print $3}' "$w/peers.txt")
text_mb=$(python3 -c "
import json,sys
n=0
for l in open('$w/rf.ndjson'):
    r=json.loads(l); n+=len((r['title'] or '').encode())+len((r['text'] or '').encode())
print(round(n/1e6,1))")

# run NAME ARGS...: one timed gazette run into $w/NAME; prints "NAME seconds peakKB"
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$w/$name.time" "$g" "$@" >"$w/$name.json" 2>"$w/$name.err" || true
  read -r secs kb < <(tail -n 1 "$w/$name.time")
  echo "$name $secs $kb"
}
echo "== gazette builds"
rm -rf "$w/full" "$w/noquotes" "$w/plain"
full=$(run full --index "$w/full" index "$data" --json)
noq=$(run noquotes --index "$w/noquotes" index "$data" --json --no-quotes)
plain=$(run plain --index "$w/plain" index "$data" --json --no-quotes --no-entities)
echo "$full"; echo "$noq"; echo "$plain"
size=$(du -sm "$w/full" | cut -f1)
# tantivy-cli again after gazette's builds: the ratio is taken against the mean of its two
# runs, so that a machine slower in one part of the run shows in both
rm -rf "$w/tantivy2" && mkdir "$w/tantivy2" && cp "$here/../shared/tools/tantivy-cli-meta.json" "$w/tantivy2/meta.json"
/usr/bin/time -f "%e" -o "$w/tantivy2.time" "$w/peers/bin/tantivy" index -i "$w/tantivy2" -f "$w/rf.ndjson" >/dev/null 2>&1
base2=$(tail -n 1 "$w/tantivy2.time")
echo "tantivy-cli again: $base2 s"
base1=$base
base=$(python3 -c "print(($base1 + $base2) / 2)")

echo "== linearity"
total=$(wc -l <"$w/rf.ndjson")
for pct in 25 50; do
  head -n $((total * pct / 100)) "$w/rf.ndjson" >"$w/part$pct.ndjson"
  rm -rf "$w/p$pct"
  run "p$pct" --index "$w/p$pct" index "$w/part$pct.ndjson" --json
done | tee "$w/linear.txt"
rm -rf "$w/p100" && run p100 --index "$w/p100" index "$w/rf.ndjson" --json | tee -a "$w/linear.txt"

echo "== incremental"
re=$(run reindex --index "$w/full" index "$data" --json)
echo "$re"
python3 - "$w" <<'PY'
import json, sys
w = sys.argv[1]
with open(f'{w}/new1000.jsonl', 'w') as out:
    for i, line in enumerate(open(f'{w}/rf.ndjson')):
        if i >= 1000: break
        r = json.loads(line); r['id'] = 'new-' + r['id']; r['text'] = (r['text'] or '') + '\n\nUpdated for the bench.'
        out.write(json.dumps(r) + '\n')
PY
add=$(run add1000 --index "$w/full" index "$w/new1000.jsonl" --json)
echo "$add"

echo "== queries"
lat=$(cargo bench -q --bench queries -- "$w/full" 2>/dev/null | tail -1)
echo "$lat"

python3 - "$base" "$base_mb" "$text_mb" "$size" "$full" "$noq" "$plain" "$re" "$add" "$w/linear.txt" "$lat" "$base1" "$base2" <<'PY'
import sys
base, base_mb, text_mb, size = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
f = lambda s: (float(s.split()[1]), int(s.split()[2]))
full, noq, plain, re_, add = (f(s) for s in sys.argv[5:10])
lin = {l.split()[0]: float(l.split()[1]) for l in open(sys.argv[10]) if l.strip()}
print()
print('| figure | value |')
print('|---|---|')
print(f'| plain tantivy-cli 0.24 build (baseline), mean of a run before and one after gazette\'s | {base:.1f} s ({sys.argv[12]} s, {sys.argv[13]} s), {base_mb:.0f} MB |')
print(f'| gazette full build (quotes + entities) | {full[0]:.1f} s, {size:.0f} MB, peak {full[1]/1024:.0f} MB (target < 600 MB) |')
print(f'| build time ratio gazette / tantivy-cli | {full[0]/base:.2f} (target <= 2.5) |')
print(f'| index size ratio | {size/base_mb:.2f} (target <= 1.3) |')
print(f'| throughput | {text_mb/full[0]:.1f} MB/s of title and text ({text_mb:.0f} MB) |')
print(f'| without quote extraction | {noq[0]:.1f} s: quotes add {(full[0]-noq[0])/noq[0]*100:.0f}% (target <= 33%) |')
print(f'| without any extraction | {plain[0]:.1f} s ({plain[0]/base:.2f}x tantivy-cli) |')
print(f'| 25% / 50% / 100% | {lin["p25"]:.1f} s / {lin["p50"]:.1f} s / {lin["p100"]:.1f} s; per 25%: {lin["p25"]:.1f} / {lin["p50"]/2:.1f} / {lin["p100"]/4:.1f} s (target within 15%) |')
print(f'| reindex the unchanged set | {re_[0]:.1f} s = {re_[0]/full[0]*100:.1f}% of the build (target < 5%) |')
print(f'| add 1,000 new articles | {add[0]:.1f} s = {add[0]/full[0]*100:.1f}% of the build (target < 5%) |')
print(f'| queries | {sys.argv[11]} |')
PY
