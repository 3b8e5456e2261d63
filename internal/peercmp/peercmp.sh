#!/usr/bin/env bash
# peercmp.sh [ROUNDS]
#
# soapgen against gowsdl (github.com/hooklift/gowsdl, a peer: never a
# dependency of soapgen) on the User agent, in a scratch folder outside the
# repository (mktemp -d), ROUNDS (default 7) interleaved rounds of each
# timing, medians printed at the end:
#
#   (a) stripped binary growth of a program making one call
#       (SetUserPresenceStatus) through the generated client: soapgen's
#       examples/sdkcost/user against gowsdl's equivalent, each over two
#       baselines: the same program with the generated package replaced by
#       two hand-written empty messages, calling through the same runtime
#       (examples/sdkcost/runtimeonly; gowsdl: soap.Client.CallContext),
#       and an empty main;
#   (b) rebuild time of that program (go build, warm cache) after a comment
#       of the generated package changes (the same line count, so nothing
#       but that package is compiled again);
#   (c) generation time of User.wsdl (soapgen generate, gowsdl), each
#       writing gofmt-ed Go into a folder of its own.
#
# gowsdl's User output needs three fixes to compile, applied by sed (it
# declares `type Duration Duration`, names the portType's interface User
# like the complex type User, and shadows byte with `type byte int8`).
# Its module comes from the module cache when it is there
# (GONOSUMDB=github.com/hooklift/gowsdl go get ...@VERSION).
#
# The tree measured is the working tree (tracked and untracked files, not
# .git; all of it outside a git work tree) copied into the scratch folder,
# so that changing a generated file there leaves the repository alone. The
# builds use the usual GOCACHE.
set -euo pipefail
rounds=${1:-7}
gowsdl_version=v0.5.1-0.20240801015259-2a06cec86c50
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
wsdl=$root/generated/services88/user/User.wsdl
work=$(mktemp -d /tmp/peercmp.XXXXXX)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export GOTOOLCHAIN=local
mkdir -p "$work/bin"

echo "== setup in $work"
# soapgen's side: a copy of the working tree.
mkdir -p "$work/ours"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$root" && git ls-files -co --exclude-standard -z |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		xargs -0 cp --parents -t "$work/ours")
else
	cp -a "$root/." "$work/ours" # a tree without .git (e.g. a git archive)
fi
(cd "$work/ours" && go build -o "$work/bin/soapgen" ./cmd/soapgen)

# gowsdl's side: a scratch module with gowsdl's output for User.wsdl.
mkdir -p "$work/gowsdl/cmd/onecall" "$work/gowsdl/cmd/base"
(
	cd "$work/gowsdl"
	export GOWORK=off GOFLAGS=-mod=mod
	go mod init gowsdlcmp >/dev/null 2>&1
	GONOSUMDB=github.com/hooklift/gowsdl go get "github.com/hooklift/gowsdl@$gowsdl_version" >/dev/null 2>&1
	go build -o "$work/bin/gowsdl" github.com/hooklift/gowsdl/cmd/gowsdl
	"$work/bin/gowsdl" -o user.go -p user "$wsdl" >/dev/null
	sed -i 's/^type Duration Duration$/type Duration string/;
		s/^type User interface {$/type UserPortType interface {/;
		s/^func NewUser(client \*soap.Client) User {$/func NewUser(client *soap.Client) UserPortType {/' user/user.go
	sed -i 's/\[\]byte(wsdl)/[]uint8(wsdl)/g' user/serveruser.go
)
cat >"$work/gowsdl/cmd/onecall/main.go" <<'EOF'
// Command onecall makes one call through gowsdl's User client.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hooklift/gowsdl/soap"
	"gowsdlcmp/user"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: onecall BASEURL")
		os.Exit(2)
	}
	u := user.NewUser(soap.NewClient(os.Args[1] + "/User.svc"))
	status, msg := user.EjUserStatusStatusNormal, "in"
	resp, err := u.SetUserPresenceStatusContext(context.Background(), &user.SetUserPresenceStatus{
		AssociateId:        1,
		UserPresenceStatus: &user.UserPresenceStatus{Status: &status, Message: &msg},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "onecall:", err)
		os.Exit(1)
	}
	fmt.Println(resp.Response != nil)
}
EOF
cat >"$work/gowsdl/cmd/base/main.go" <<'EOF'
// Command base is onecall with the generated package replaced by two
// hand-written empty messages.
package main

import (
	"context"
	"encoding/xml"
	"fmt"
	"os"

	"github.com/hooklift/gowsdl/soap"
)

type request struct {
	XMLName xml.Name `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SetUserPresenceStatus"`
}

type response struct {
	XMLName xml.Name `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SetUserPresenceStatusResponse"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: base BASEURL")
		os.Exit(2)
	}
	c := soap.NewClient(os.Args[1] + "/User.svc")
	var req request
	var resp response
	if err := c.CallContext(context.Background(), "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetUserPresenceStatus", &req, &resp); err != nil {
		fmt.Fprintln(os.Stderr, "base:", err)
		os.Exit(1)
	}
	fmt.Println(true)
}
EOF
mkdir -p "$work/empty"
printf 'package main\n\nfunc main() {}\n' >"$work/empty/main.go"
printf 'module empty\n\ngo 1.22\n' >"$work/empty/go.mod"

# build SIDE PKG OUT [FLAG...]: SIDE is ours (the examples module of the
# copy) or gowsdl (the scratch module); $timecmd, if set, runs go build.
timecmd=
build() {
	local side=$1 pkg=$2 out=$3
	shift 3
	case $side in
	ours) (cd "$work/ours/examples" && $timecmd env GOWORK="$work/ours/go.work" go build "$@" -o "$out" "$pkg") ;;
	gowsdl) (cd "$work/gowsdl" && $timecmd env GOWORK=off GOFLAGS=-mod=mod go build "$@" -o "$out" "$pkg") ;;
	esac
}
size() { stat -c %s "$1"; }

echo "== (a) stripped binary growth of a one-call program (go build -trimpath -ldflags=-s)"
build ours ./sdkcost/user "$work/o1" -trimpath -ldflags=-s
build ours ./sdkcost/runtimeonly "$work/o0" -trimpath -ldflags=-s
build gowsdl ./cmd/onecall "$work/g1" -trimpath -ldflags=-s
build gowsdl ./cmd/base "$work/g0" -trimpath -ldflags=-s
(cd "$work/empty" && GOWORK=off go build -trimpath -ldflags=-s -o "$work/e0" .)
awk -v o1="$(size "$work/o1")" -v o0="$(size "$work/o0")" -v g1="$(size "$work/g1")" -v g0="$(size "$work/g0")" -v e0="$(size "$work/e0")" 'BEGIN {
	printf "  one-call program: soapgen %d B, gowsdl %d B; runtime only: soapgen %d B, gowsdl %d B; empty main %d B\n", o1, g1, o0, g0, e0
	printf "  growth over the runtime-only program: soapgen %d B (%.2f MB), gowsdl %d B (%.2f MB)", o1-o0, (o1-o0)/1e6, g1-g0, (g1-g0)/1e6
	if (g1 - g0 > 0) printf ", ratio %.2f\n", (o1-o0)/(g1-g0); else printf " (gowsdl adds less than a page: no ratio)\n"
	printf "  growth over an empty main: soapgen %.2f MB, gowsdl %.2f MB, ratio %.2f\n", (o1-e0)/1e6, (g1-e0)/1e6, (o1-e0)/(g1-e0)
}'
# Stripped sizes grow by whole pages: the generated packages' own symbols
# (code, type descriptors, data) measure finer.
build ours ./sdkcost/user "$work/o1u"
build gowsdl ./cmd/onecall "$work/g1u"
os=$(go tool nm -size "$work/o1u" | awk '$0 ~ /soapgen\/generated\// { s += $2; n++ } END { printf "%d B in %d symbols", s, n }')
gs=$(go tool nm -size "$work/g1u" | awk '$0 ~ /gowsdlcmp\/user/ { s += $2; n++ } END { printf "%d B in %d symbols", s, n }')
echo "  symbols of the generated packages in the one-call program (go tool nm -size): soapgen $os, gowsdl $gs"

echo "== (b) rebuild after a comment of the generated package changes ($rounds rounds, interleaved)"
# A comment line of our own after the package clause of a file of each
# generated package; each round rewrites its text, keeping the line count.
ours_file=$work/ours/generated/services88/user/client.gen.go
gowsdl_file=$work/gowsdl/user/user.go
for f in "$ours_file" "$gowsdl_file"; do
	sed -i '0,/^package user$/s//package user\n\n\/\/ peercmp: 0/' "$f"
done
build ours ./sdkcost/user "$work/o1"
build gowsdl ./cmd/onecall "$work/g1"
# timed SIDE PKG OUT FILE TAG: rewrite FILE's comment, time the build; prints "wall cpu".
timed() {
	sed -i "s|^// peercmp: .*|// peercmp: $5|" "$4"
	timecmd="/usr/bin/time -f %e,%U,%S -o $work/time" build "$1" "$2" "$3"
	awk -F, '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time"
}
if [ ! -x /usr/bin/time ]; then
	echo "peercmp: needs GNU time (apt-get install -y time)" >&2
	exit 1
fi
: >"$work/rebuild"
for r in $(seq "$rounds"); do
	read -r ow oc <<<"$(timed ours ./sdkcost/user "$work/o1" "$ours_file" "r$r")"
	read -r gw gc <<<"$(timed gowsdl ./cmd/onecall "$work/g1" "$gowsdl_file" "r$r")"
	echo "$ow $oc $gw $gc" >>"$work/rebuild"
	awk -v r="$r" -v ow="$ow" -v oc="$oc" -v gw="$gw" -v gc="$gc" 'BEGIN {
		printf "  round %d: soapgen %.2f s (cpu %.2f s), gowsdl %.2f s (cpu %.2f s): ratio %.2f (cpu %.2f)\n", r, ow, oc, gw, gc, ow/gw, oc/gc }'
done

# Why: what the compiler does with each generated package.
echo "  compiled functions and lines of the generated package (go build -gcflags=PKG=-bench):"
sed -i "s|^// peercmp: .*|// peercmp: bench|" "$ours_file" "$gowsdl_file"
build ours ./sdkcost/user "$work/o1" "-gcflags=github.com/soapgen/soapgen/generated/services88/user=-bench=$work/bench-ours"
build gowsdl ./cmd/onecall "$work/g1" "-gcflags=gowsdlcmp/user=-bench=$work/bench-gowsdl"
for side in ours gowsdl; do
	awk -v side="$side" '
		/:fe:parse/ { for (i = 1; i <= NF; i++) if ($i == "lines") lines = $(i-1) }
		/:be:compilefuncs/ { for (i = 1; i <= NF; i++) if ($i == "funcs") funcs = $(i-1) }
		/:total/ { total = $3 / 1e9 }
		END { printf "    %-7s %6d lines %6d functions, compile %.2f s\n", side, lines, funcs, total }' "$work/bench-$side"
done

# What the User package compiles, by kind of function.
(cd "$work/ours/generated" && GOWORK=$work/ours/go.work go tool nm "$(GOWORK=$work/ours/go.work go list -export -f '{{.Export}}' ./services88/user)") |
	awk '$2 == "T" { n++
		if ($3 ~ /soap\.\(\*?Opt\[/ || $3 ~ /soap\.Opt\[/) opt++
		else if ($3 ~ /type:\.eq\./) eq++
		else if ($3 ~ /^github.com\/soapgen\/soapgen\/soap\./) gen++
		else if ($3 ~ /Marshal|Unmarshal/) codec++
		else other++ }
		END { printf "    soapgen User: %d functions: %d functions of soap.Opt[T] (its 7 methods, their pointer-receiver wrappers and equality functions, per T and per GC shape), %d other equality functions, %d other instantiations of soap generics, %d codec methods, %d others\n", n, opt, eq, gen, codec, other }'

echo "== (c) generation time of User.wsdl ($rounds rounds, interleaved, 5 runs each per round)"
mkdir -p "$work/gen-ours" "$work/gen-gowsdl"
: >"$work/gen"
for r in $(seq "$rounds"); do
	s0=$(date +%s.%N)
	for _ in 1 2 3 4 5; do "$work/bin/soapgen" generate -o "$work/gen-ours" -pkg user "$wsdl" >/dev/null; done
	s1=$(date +%s.%N)
	for _ in 1 2 3 4 5; do (cd "$work/gen-gowsdl" && "$work/bin/gowsdl" -o user.go -p user "$wsdl" >/dev/null); done
	s2=$(date +%s.%N)
	awk -v r="$r" -v s0="$s0" -v s1="$s1" -v s2="$s2" 'BEGIN {
		o = (s1 - s0) / 5 * 1000; g = (s2 - s1) / 5 * 1000
		printf "  round %d: soapgen %.1f ms, gowsdl %.1f ms: ratio %.2f\n", r, o, g, o / g
		print o, g > "/dev/stderr" }' 2>>"$work/gen"
done

echo "== medians over $rounds rounds"
median() { sort -g | awk '{ x[NR] = $1 } END { print (NR % 2 ? x[(NR+1)/2] : (x[NR/2] + x[NR/2+1]) / 2) }'; }
awk '{ print $1 / $3 }' "$work/rebuild" | median | awk '{ printf "  (b) rebuild, soapgen / gowsdl: %.2f", $1 }'
awk '{ print $2 / $4 }' "$work/rebuild" | median | awk '{ printf " (cpu %.2f)", $1 }'
awk '{ print $1 }' "$work/rebuild" | median | awk '{ printf "; soapgen %.2f s", $1 }'
awk '{ print $3 }' "$work/rebuild" | median | awk '{ printf ", gowsdl %.2f s\n", $1 }'
awk '{ print $1 / $2 }' "$work/gen" | median | awk '{ printf "  (c) generation, soapgen / gowsdl: %.2f", $1 }'
awk '{ print $1 }' "$work/gen" | median | awk '{ printf "; soapgen %.1f ms", $1 }'
awk '{ print $2 }' "$work/gen" | median | awk '{ printf ", gowsdl %.1f ms\n", $1 }'
