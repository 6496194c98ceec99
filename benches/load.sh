#!/usr/bin/env bash
# The HTTP load test: `gazette serve` on the Reuters 106,520-article archive, and in the same
# run `tantivy-cli serve` on the plain index of the same articles (../shared/tools/peers.sh) as
# the baseline. Each gets the queries of benches/queries.txt, at a fixed rate for a fixed time
# with concurrent clients, from oha (installed with cargo into WORKDIR), against 127.0.0.1 only.
#   - gazette: the page's request (top 10, facets with the month histogram, 3 snippets,
#     collapse) with each query's filters as parameters;
#   - tantivy-cli: the query text alone (`/api/?q=...&nhits=10`: what it can do).
# Prints, for each server: requests per second, p50, p99, errors and non-2xx answers, and the
# server's peak memory (VmHWM).
# usage: benches/load.sh [WORKDIR] [RATE] [SECONDS]    (default: a temp dir, 100/s, 60 s)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/../shared/data/reuters-financial-2006-2013.jsonl.zst
[[ -f $data ]] || { echo "skipped: $data is not present"; exit 0; }
w=${1:-$(mktemp -d)}
rate=${2:-100}
secs=${3:-60}
clients=8
mkdir -p "$w"
cd "$here"
cargo build --release -q
g=$here/target/release/gazette
oha=$(command -v oha || echo "$w/tools/bin/oha")
[[ -x $oha ]] || cargo install --quiet --locked --root "$w/tools" oha
[[ -x $w/peers/bin/tantivy && -d $w/tantivy ]] || bash "$here/../shared/tools/peers.sh" "$w" >/dev/null
# Exit code 1: some articles of the set have no text (reported); the rest are indexed.
[[ -f $w/full/gazette.json ]] || "$g" --index "$w/full" index "$data" >/dev/null 2>&1 || [[ $? -eq 1 ]]

# The URL lists, one per server, from the same queries.
python3 - "$here/benches/queries.txt" "$w" <<'PY'
import shlex, sys, urllib.parse as u
flags = {"--speaker": "speaker", "--person": "person", "--org": "org", "--place": "place",
         "--source": "source", "--since": "since", "--until": "until", "--sort": "sort"}
g, t = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        continue
    q, _, rest = line.partition("\t")
    params = [("q", q), ("facets", "speaker,person,org,place,source,date"), ("by_date", "month"),
              ("snippets", "3"), ("limit", "10")]
    args = shlex.split(rest)
    for k, v in zip(args[::2], args[1::2]):
        params.append((flags[k], v))
    g.append("http://127.0.0.1:7790/api/search?" + u.urlencode(params, quote_via=u.quote))
    t.append("http://127.0.0.1:7791/api/?" + u.urlencode([("q", q), ("nhits", "10")], quote_via=u.quote))
open(sys.argv[2] + "/urls-gazette.txt", "w").write("\n".join(g) + "\n")
open(sys.argv[2] + "/urls-tantivy.txt", "w").write("\n".join(t) + "\n")
PY

# load NAME PID URLS: warm up, then the timed run; prints the summary line.
load() {
  local name=$1 pid=$2 urls=$3
  "$oha" --no-tui -z 10s -c "$clients" -q "$rate" --urls-from-file "$urls" >/dev/null 2>&1 || true
  "$oha" --no-tui -z "${secs}s" -c "$clients" -q "$rate" --wait-ongoing-requests-after-deadline --urls-from-file --output-format json "$urls" >"$w/$name.oha.json" 2>"$w/$name.oha.err" || true
  local hwm
  hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
  python3 - "$w/$name.oha.json" "$name" "$hwm" "$rate" "$secs" "$clients" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s, p = r["summary"], r["latencyPercentiles"]
codes = r.get("statusCodeDistribution", {})
ok = sum(v for k, v in codes.items() if k.startswith("2"))
bad = sum(v for k, v in codes.items() if not k.startswith("2"))
errs = sum(r.get("errorDistribution", {}).values())
print(f"{sys.argv[2]}: {s['requestsPerSec']:.1f} req/s at a rate of {sys.argv[4]}/s for {sys.argv[5]} s, {sys.argv[6]} clients; "
      f"p50 {p['p50']*1000:.2f} ms, p99 {p['p99']*1000:.2f} ms; {ok} answered 2xx, {bad} non-2xx {dict(codes)}, {errs} errors; "
      f"server peak memory {int(sys.argv[3])//1024} MB")
PY
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(wc -l <"$w/urls-gazette.txt") queries"
"$g" --index "$w/full" serve --bind 127.0.0.1:7790 >/dev/null 2>"$w/serve.err" &
gpid=$!
"$w/peers/bin/tantivy" serve -i "$w/tantivy" --host 127.0.0.1 -p 7791 >/dev/null 2>"$w/tantivy-serve.err" &
tpid=$!
trap 'kill $gpid $tpid 2>/dev/null || true' EXIT
for port in 7790 7791; do
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
load gazette "$gpid" "$w/urls-gazette.txt"
load tantivy-cli "$tpid" "$w/urls-tantivy.txt"
