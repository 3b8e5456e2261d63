#!/usr/bin/env bash
# mkvariant.sh OUTDIR NAME [LEVER...]: a copy of this work tree (tracked and
# untracked files) at OUTDIR/NAME with levers.py's LEVERs applied; checks
# that the User package builds and vets.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$1/$2
shift 2
rm -rf "$out"; mkdir -p "$out"
(cd "$root" && git ls-files -co --exclude-standard -z | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done | xargs -0 cp --parents -t "$out")
python3 "$here/levers.py" "$out" "$@"
gofmt -l -w "$out/soap" "$out/generated/services88/user" >/dev/null
# a comment line of our own to rewrite between builds (same line count)
sed -i '0,/^package user$/s//package user\n\n\/\/ rbl: 0/' "$out/generated/services88/user/client.gen.go"
cd "$out/generated"
export GOWORK=$out/go.work GOTOOLCHAIN=local
go build ./services88/user/
go vet ./services88/user/
