#!/usr/bin/env bash
# Fetch the corpus by version and measure soapgen, zeep and wsimport on it.
#   bash internal/corpus/rerun.sh [CORPUS_DIR]     (from the repository root)
# Needs: go, npm, apt-get (root), Debian's python3-zeep (/usr/bin/python3) and jaxws (wsimport).
# Results go to CORPUS_DIR/results (summary.md, results.jsonl, manifest.tsv); copy them here to update.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export CORPUS_DIR=${1:-${CORPUS_DIR:-$(mktemp -d /tmp/soapgen-corpus.XXXXXX)}}
command -v wsimport >/dev/null || apt-get install -y jaxws >/dev/null
/usr/bin/python3 -c 'import zeep' 2>/dev/null || apt-get install -y python3-zeep >/dev/null
bin=$(mktemp -d)/soapgen
(cd "$repo" && go build -o "$bin" ./cmd/soapgen)
bash "$here/fetch.sh" >/dev/null
rm -rf "$CORPUS_DIR/vet" "$CORPUS_DIR/wsimport" "$CORPUS_DIR/results"
SOAPGEN_BIN=$bin SOAPGEN_REPO=$repo python3 "$here/run.py" "$CORPUS_DIR" -j 2
# a last check with an empty build cache: every accepted WSDL's package vets
G=$(mktemp -d); (cd "$CORPUS_DIR/vet" && GOCACHE=$G GOFLAGS=-mod=mod GOPROXY=off GOWORK=off go vet ./...); rm -rf "$G"
echo "results: $CORPUS_DIR/results"
