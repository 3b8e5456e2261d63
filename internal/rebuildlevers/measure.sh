#!/usr/bin/env bash
# measure.sh OUTDIR ROUNDS NAME...: for each variant OUTDIR/v/NAME (made by
# mkvariant.sh) and gowsdl's User package (OUTDIR/gowsdl, see setup-gowsdl.sh):
# the functions the package compiles (-gcflags=PKG=-bench) and its symbols by
# kind (categorize.py), then ROUNDS interleaved rounds of `go build` of the
# package after a comment line changes (same line count; warm cache), timed
# by GNU time. Prints medians and per-round ratios' medians.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1 rounds=$2
shift 2
export GOTOOLCHAIN=local
upkg=github.com/soapgen/soapgen/generated/services88/user
# run NAME CMD...: in the package's module, with its environment
run() {
	local n=$1; shift
	if [ "$n" = gowsdl ]; then (cd "$out/gowsdl" && GOWORK=off GOFLAGS=-mod=mod "$@")
	else (cd "$out/v/$n/generated" && GOWORK=$out/v/$n/go.work "$@"); fi
}
pkgdir() { if [ "$1" = gowsdl ]; then echo ./user; else echo ./services88/user; fi; }
cfile() { if [ "$1" = gowsdl ]; then echo "$out/gowsdl/user/user.go"; else echo "$out/v/$1/generated/services88/user/client.gen.go"; fi; }
res=$out/results.$$
: >"$res"
for n in "$@"; do
	p=$(pkgdir "$n")
	ip=$upkg; [ "$n" = gowsdl ] && ip=gowsdlcmp/user
	sed -i "s|^// rbl: .*|// rbl: bench|" "$(cfile "$n")"
	run "$n" go build "-gcflags=$ip=-bench=$out/bench.$n" "$p"
	funcs=$(awk '/:be:compilefuncs/ { for (i = 1; i <= NF; i++) if ($i == "funcs") print $(i-1) }' "$out/bench.$n")
	lines=$(awk '/:fe:parse/ { for (i = 1; i <= NF; i++) if ($i == "lines") print $(i-1) }' "$out/bench.$n")
	echo "== $n: $lines lines, $funcs functions compiled"
	run "$n" go build "$p"
	if [ "$n" != gowsdl ]; then
		run "$n" go tool nm "$(run "$n" go list -export -f '{{.Export}}' "$p")" | awk '$2 == "T"' | sed -E 's/^ *[0-9a-f]* *T //' >"$out/syms.$n"
		python3 "$here/categorize.py" "$out/syms.$n" | sed 's/^/    /'
	fi
	echo "$n funcs $funcs" >>"$res.funcs"
done
for r in $(seq "$rounds"); do
	for n in "$@"; do
		sed -i "s|^// rbl: .*|// rbl: r$r-$$-$RANDOM$RANDOM|" "$(cfile "$n")"
		run "$n" /usr/bin/time -f "%e %U %S" -o "$out/time" go build "$(pkgdir "$n")"
		read -r w u s <"$out/time"
		echo "$r $n $w $(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" >>"$res"
	done
done
echo "== medians over $rounds rounds (wall, cpu of go build of the package; ratios per round, then median)"
python3 - "$res" "$@" <<'PY'
import sys, statistics as st, collections
rows = [l.split() for l in open(sys.argv[1])]
names = sys.argv[2:]
t = collections.defaultdict(dict)
for r, n, w, c in rows: t[r][n] = (float(w), float(c))
funcs = dict(l.split()[0::2] for l in open(sys.argv[1] + '.funcs'))
med = lambda xs: st.median(xs) if xs else float('nan')
print(f"{'variant':28s} {'funcs':>6s} {'wall':>6s} {'cpu':>6s} {'wall/base':>9s} {'cpu/base':>8s} {'wall/gowsdl':>11s} {'cpu/gowsdl':>10s}")
for n in names:
    w = med([t[r][n][0] for r in t]); c = med([t[r][n][1] for r in t])
    rb = lambda i: med([t[r][n][i] / t[r]['base'][i] for r in t]) if 'base' in names else float('nan')
    rg = lambda i: med([t[r][n][i] / t[r]['gowsdl'][i] for r in t]) if 'gowsdl' in names else float('nan')
    print(f"{n:28s} {funcs.get(n, '?'):>6s} {w:6.2f} {c:6.2f} {rb(0):9.2f} {rb(1):8.2f} {rg(0):11.2f} {rg(1):10.2f}")
PY
