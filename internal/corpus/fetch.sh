#!/usr/bin/env bash
# Fetch the corpus's sources (sources.tsv) by exact version and write roots.tsv:
# kind, name, version, the folder holding that source's files.
#   CORPUS_DIR=/tmp/x bash internal/corpus/fetch.sh
# Go modules come from the module proxy into the module cache (read-only there), npm
# packages by `npm pack`, Debian packages by `apt-get download` and `dpkg -x`.
# No third-party WSDL is committed: they are read where these put them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CORPUS_DIR=${CORPUS_DIR:-$(mktemp -d /tmp/soapgen-corpus.XXXXXX)}
mkdir -p "$CORPUS_DIR"/gomod "$CORPUS_DIR"/npm "$CORPUS_DIR"/deb
out="$CORPUS_DIR/roots.tsv"; : > "$out"
[ -f "$CORPUS_DIR/gomod/go.mod" ] || (cd "$CORPUS_DIR/gomod" && go mod init corpusfetch >/dev/null 2>&1)
grep -v '^#' "$here/sources.tsv" | while IFS=$'\t' read -r kind name ver; do
  [ -n "$kind" ] || continue
  case $kind in
  go)
    dir=$(cd "$CORPUS_DIR/gomod" && GOFLAGS=-mod=mod GONOSUMDB="$name" GOSUMDB=off \
      go mod download -json "$name@$ver" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("Dir") or sys.exit(d.get("Error")))') ;;
  npm)
    d="$CORPUS_DIR/npm/$(echo "$name@$ver" | tr '/@' '__')"
    if [ ! -d "$d/package" ]; then mkdir -p "$d"; (cd "$d" && npm pack "$name@$ver" --silent >/dev/null && tar xzf ./*.tgz); fi
    dir="$d/package" ;;
  deb)
    d="$CORPUS_DIR/deb/${name}_$ver"
    if [ ! -d "$d/x" ]; then mkdir -p "$d"; (cd "$d" && apt-get download "$name=$ver" >/dev/null && dpkg -x ./*.deb x); fi
    dir="$d/x" ;;
  esac
  printf '%s\t%s\t%s\t%s\n' "$kind" "$name" "$ver" "$dir" >> "$out"
  echo "$kind $name@$ver -> $dir" >&2
done
echo "$out"
