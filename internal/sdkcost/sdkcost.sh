#!/usr/bin/env bash
# sdkcost.sh LABEL DIR PKG...
#
# Builds PKG... (import paths or patterns, resolved in the Go module
# directory DIR) from a cold build cache and prints what it cost:
#
#   - a fresh GOCACHE (mktemp -d) in which the standard library and
#     github.com/soapgen/soapgen/soap are built first, so that the figures
#     are those of the generated code (and the program), not of std;
#   - then /usr/bin/time around `go build -toolexec RSS PKG...`, where RSS is
#     the wrapper in rss/ that logs each compile's max RSS, CPU and wall time.
#
# One package (after pattern expansion): `go build -o TMP PKG` (a main
# package is also linked); several: `go build PKG...`, which compiles and
# discards.
#
# Output: one summary line, tab separated:
#   LABEL wall=S cpu=S peak_rss=MiB max_compile_rss=MiB max_pkg=PKG compiled=N compile_cpu=S
# then the top 5 packages by compiler RSS.
#
# The tree's go.work (found from DIR) is used as GOWORK; GOTOOLCHAIN=local.
# Environment:
#   SDKCOST_BUILDFLAGS  extra flags for the measured go build (word split)
#   SDKCOST_KEEPLOG     if set, copy the per-compile log to this file
set -euo pipefail

if [ $# -lt 3 ]; then
	echo "usage: $0 LABEL DIR PKG..." >&2
	exit 2
fi
label=$1 dir=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$(cd "$dir" && pwd)

if [ ! -x /usr/bin/time ]; then
	echo "sdkcost: installing GNU time" >&2
	apt-get update >/dev/null && apt-get install -y time >/dev/null
fi

work=$(mktemp -d /tmp/sdkcost.XXXXXX)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# The wrapper, built outside any module of the project (standard library
# only) and with the caller's usual cache, so neither the tree being
# measured nor the cold cache is touched.
mkdir -p "$work/rsssrc"
cp "$here/rss/main.go" "$work/rsssrc/"
printf 'module sdkcost/rss\n\ngo 1.22\n' >"$work/rsssrc/go.mod"
(cd "$work/rsssrc" && GOWORK=off GOFLAGS= go build -o "$work/rss" .)

export GOTOOLCHAIN=local
export GOFLAGS="-buildvcs=false${GOFLAGS:+ $GOFLAGS}"
gowork=$(cd "$dir" && env -u GOWORK go env GOWORK)
if [ -n "$gowork" ] && [ "$gowork" != off ]; then
	export GOWORK=$gowork
else
	export GOWORK=off
fi
export GOCACHE=$work/gocache
mkdir -p "$GOCACHE"

# Warm the cold cache with std and the soap runtime (and its internal
# dependencies), through the same wrapper but without logging.
(cd "$dir" && SDKCOST_LOG= go build -toolexec "$work/rss" std github.com/soapgen/soapgen/soap)

log=$work/compile.log
: >"$log"
# A single package (after expanding patterns) is built with -o, which
# also links a main package; several are compiled and discarded.
npkg=$(cd "$dir" && go list "$@" | wc -l)
out=()
if [ "$npkg" -eq 1 ]; then
	out=(-o "$work/out")
fi
# shellcheck disable=SC2086
(cd "$dir" && SDKCOST_LOG=$log /usr/bin/time -o "$work/time" -f '%e %U %S %M' \
	go build -toolexec "$work/rss" "${out[@]}" ${SDKCOST_BUILDFLAGS:-} "$@")

read -r wall user sys maxkib <"$work/time"
[ -n "${SDKCOST_KEEPLOG:-}" ] && cp "$log" "$SDKCOST_KEEPLOG"

# Compiles of the standard library mean the warm-up did not cover it.
stdn=$(awk -F'\t' '$1 != "main" { split($1, e, "/"); if (e[1] !~ /\./) n++ } END { print n+0 }' "$log")
if [ "$stdn" -gt 0 ]; then
	echo "sdkcost: warning: $stdn standard-library compiles in the measured build" >&2
fi

awk -F'\t' -v label="$label" -v wall="$wall" -v user="$user" -v sys="$sys" -v maxkib="$maxkib" '
	{ n++; cpu += $3; if ($2 + 0 > max) { max = $2 + 0; pkg = $1 } }
	END {
		printf "%s\twall=%.2fs\tcpu=%.2fs\tpeak_rss=%.0fMiB\tmax_compile_rss=%.0fMiB\tmax_pkg=%s\tcompiled=%d\tcompile_cpu=%.2fs\n",
			label, wall, user + sys, maxkib / 1024, max, (n ? pkg : "-"), n, cpu
	}' "$log"
echo "top 5 by compiler RSS (MiB, cpu s, wall s):"
sort -t$'\t' -k2,2gr "$log" | head -5 | awk -F'\t' '{ printf "  %7.0f %7.2f %7.2f  %s\n", $2, $3, $4, $1 }'
