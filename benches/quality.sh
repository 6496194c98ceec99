#!/usr/bin/env bash
# Extraction quality on the shared gold sets, with ../shared/tools/evaluate.py.
#
#   benches/quality.sh [BINARY] [WORKDIR]
#
# Prints one headline figure per set. The measuring sets (polnear-named compartment dev,
# CoNLL-2003 dev, the seed) are scored only; the train sets are the ones rules are checked on.
set -euo pipefail
bin=${1:-target/release/gazette}
work=${2:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
data=$shared/data
eval="python3 $shared/tools/evaluate.py"
[ -d "$data" ] || { echo "skip: $data is missing" >&2; exit 0; }
mkdir -p "$work"

# gold files split by compartment (the evaluator pairs gold and prediction by id)
python3 - "$data" "$work" <<'PY'
import gzip, json, sys
data, work = sys.argv[1], sys.argv[2]
def split(src, prefix, keep):
    outs = {c: open(f"{work}/{prefix}-{c}.jsonl", "w") for c in keep}
    with gzip.open(f"{data}/{src}", "rt") as f:
        for line in f:
            c = json.loads(line).get("compartment")
            if c in outs:
                outs[c].write(line)
split("polnear-named.jsonl.gz", "named", ["train", "dev"])
split("polnear-dev.jsonl.gz", "pn", ["train"])
PY
python3 "$here/benches/gold/make-speaker-gold.py" > "$work/silver-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-2.jsonl" \
    > "$work/silver2-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-3.jsonl" \
    > "$work/silver3-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-4.jsonl" \
    > "$work/silver4-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-5.jsonl" \
    > "$work/silver5-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-6.jsonl" \
    > "$work/silver6-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-7.jsonl" \
    > "$work/silver7-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-8.jsonl" \
    > "$work/silver8-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-9.jsonl" \
    > "$work/silver9-train.jsonl"
python3 "$here/benches/gold/make-speaker-gold.py" --speakers "$here/benches/gold/polnear-train-speakers-10.jsonl" \
    > "$work/silver10-train.jsonl"

run() { "$bin" extract "$1" --json > "$2" 2> "$2.err"; }
headline() { printf '%-58s %s\n' "$1" "$(tail -n 1)"; }

for set in named-dev named-train silver-train silver2-train silver3-train silver4-train silver5-train silver6-train silver7-train silver8-train silver9-train silver10-train pn-train; do
    run "$work/$set.jsonl" "$work/$set.pred"
done
run "$data/polnear-dev.jsonl.gz" "$work/pn-all.pred"
run "$data/conll2003-dev.jsonl.gz" "$work/conll-dev.pred"
run "$shared/corpus" "$work/seed.pred"

$eval quotes "$work/named-dev.jsonl" "$work/named-dev.pred" | headline "speaker names, polnear-named dev (measure)"
$eval quotes "$work/named-train.jsonl" "$work/named-train.pred" | headline "speaker names, polnear-named train"
$eval quotes "$work/silver-train.jsonl" "$work/silver-train.pred" | headline "speaker names, 80 more train articles"
$eval quotes "$work/silver2-train.jsonl" "$work/silver2-train.pred" | headline "speaker names, 60 further train articles"
$eval quotes "$work/silver3-train.jsonl" "$work/silver3-train.pred" | headline "speaker names, 56 third-set train articles"
$eval quotes "$work/silver4-train.jsonl" "$work/silver4-train.pred" | headline "speaker names, 65 fourth-set train articles"
$eval quotes "$work/silver5-train.jsonl" "$work/silver5-train.pred" | headline "speaker names, 54 fifth-set train articles"
$eval quotes "$work/silver6-train.jsonl" "$work/silver6-train.pred" | headline "speaker names, 54 sixth-set train articles"
$eval quotes "$work/silver7-train.jsonl" "$work/silver7-train.pred" | headline "speaker names, 54 seventh-set train articles"
$eval quotes "$work/silver8-train.jsonl" "$work/silver8-train.pred" | headline "speaker names, 54 eighth-set train articles"
$eval quotes "$work/silver9-train.jsonl" "$work/silver9-train.pred" | headline "speaker names, 54 ninth-set train articles"
$eval quotes "$work/silver10-train.jsonl" "$work/silver10-train.pred" | headline "speaker names, 40 tenth-set train articles"
$eval quotes "$work/pn-train.jsonl" "$work/pn-train.pred" | headline "mentions, PolNeAR train"
$eval quotes "$data/polnear-dev.jsonl.gz" "$work/pn-all.pred" | headline "mentions, all of polnear-dev.jsonl.gz"
$eval entities "$data/conll2003-dev.jsonl.gz" "$work/conll-dev.pred" | headline "entities, CoNLL-2003 dev (measure)"
$eval entities "$here/benches/gold/polnear-train-entities.jsonl" "$work/pn-train.pred" | headline "distinct entities, 30 PolNeAR train articles"
for g in "$shared"/gold/*.json; do
    $eval quotes "$g" "$work/seed.pred" | headline "quotes, seed (measure)"
    $eval entities "$g" "$work/seed.pred" | headline "entities, seed (measure)"
done
echo "predictions in $work"
