#!/usr/bin/env bash
# benchratio.sh [ROUNDS] [BENCHTIME]
#
# The codec benchmarks of generated/services88/user, each soapgen benchmark
# against its encoding/xml baseline, as same-run ratios: the test binary is
# built once, then every round runs each pair back to back (soapgen, then
# encoding/xml, for -benchtime BENCHTIME, default 300ms), so that both sides
# of a ratio see the same load. Prints one line per round and pair, then
# the median of each ratio over the rounds (default 7). The machine is
# shared: read the medians, not a single round. EncodeGetUserResponse
# encodes into a new 1 KiB buffer each time (growth included), as a client
# does; EncodeGetUserResponseReused into one Encoder Reset between
# envelopes, as the Handler does with its pooled ones.
set -euo pipefail
rounds=${1:-7}
benchtime=${2:-300ms}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/benchratio.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$root/generated" && go test -c -o "$work/user.test" ./services88/user)

pairs=(
	"DecodeGetUserResponse BaselineEncodingXMLDecodeGetUserResponse"
	"EncodeGetUserResponse BaselineEncodingXMLEncodeGetUserResponse"
	"EncodeGetUserResponseReused BaselineEncodingXMLEncodeGetUserResponse"
	"EncodeSetUserPresenceStatus BaselineEncodingXMLEncodeSetUserPresenceStatus"
)

# run NAME: prints "ns/op allocs/op" of one run of benchmark NAME.
run() {
	(cd "$root/generated/services88/user" && "$work/user.test" -test.run '^$' -test.bench "^Benchmark$1\$" \
		-test.benchtime "$benchtime" -test.benchmem -test.count 1) |
		awk -v name="Benchmark$1" '$1 ~ "^"name"(-[0-9]+)?$" {
			for (i = 2; i <= NF; i++) { if ($i == "ns/op") ns = $(i-1); if ($i == "allocs/op") al = $(i-1) }
			print ns, al }'
}

: >"$work/ratios"
for r in $(seq "$rounds"); do
	for p in "${pairs[@]}"; do
		read -r ours base <<<"$p"
		read -r ons oal <<<"$(run "$ours")"
		read -r bns bal <<<"$(run "$base")"
		awk -v r="$r" -v n="$ours" -v ons="$ons" -v bns="$bns" -v oal="$oal" -v bal="$bal" 'BEGIN {
			printf "round %d  %-30s soapgen %9.0f ns/op %5d allocs   encoding/xml %9.0f ns/op %5d allocs   %5.2fx faster, allocs %.3f\n",
				r, n, ons, oal, bns, bal, bns / ons, oal / bal }'
		echo "$ours $ons $bns $oal $bal" >>"$work/ratios"
	done
done
echo "medians over $rounds rounds (encoding/xml time / soapgen time; soapgen allocs / encoding/xml allocs):"
for p in "${pairs[@]}"; do
	read -r ours _ <<<"$p"
	awk -v n="$ours" '$1 == n { t[++k] = $3 / $2; a = $4 / $5; ns[k] = $2; bs[k] = $3 }
		function median(x, m,   i, j, v) {
			for (i = 2; i <= m; i++) { v = x[i]; for (j = i - 1; j > 0 && x[j] > v; j--) x[j+1] = x[j]; x[j+1] = v }
			return m % 2 ? x[(m+1)/2] : (x[m/2] + x[m/2+1]) / 2 }
		END { printf "  %-30s %5.2fx faster (soapgen %.0f ns/op, encoding/xml %.0f ns/op), allocs %.3f\n",
			n, median(t, k), median(ns, k), median(bs, k), a }' "$work/ratios"
done
