#!/usr/bin/env bash
# run-all.sh [ROUNDS]: make every variant of README.md in a mktemp -d folder,
# set up gowsdl there, and measure them all (measure.sh), interleaved.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(mktemp -d /tmp/rbl.XXXXXX)
echo "== in $out"
"$here/setup-gowsdl.sh" "$out"
while read -r name levers; do
	[ -z "$name" ] && continue
	echo "== variant $name: $levers"
	# shellcheck disable=SC2086
	"$here/mkvariant.sh" "$out/v" "$name" $levers
done <<'V'
base
optfn opt-fn
optnone opt-none
optptr opt-ptr
optnocmp opt-nocmp
nocmp nocmp
nogetters nogetters
unimplptr unimpl-ptr
nounimpl nounimpl
ifaceu iface-unexported
newbody newbody-refl
nostring nostring
ptrshape ptrshape
c_optcmp opt-none opt-nocmp nocmp
c_optcmpget opt-none opt-nocmp nocmp nogetters
c_fn opt-fn opt-nocmp nocmp nogetters unimpl-ptr
c_ptr opt-ptr opt-nocmp nocmp nogetters unimpl-ptr
c_best opt-none opt-nocmp nocmp nogetters unimpl-ptr ptrshape
c_fnbest opt-fn opt-nocmp nocmp nogetters unimpl-ptr ptrshape
c_allps opt-none opt-nocmp nocmp nogetters unimpl-ptr newbody-refl ptrshape
c_allnostrps opt-none opt-nocmp nocmp nogetters unimpl-ptr newbody-refl nostring ptrshape
V
"$here/measure.sh" "$out" "${1:-7}" base gowsdl optfn optnone optptr optnocmp nocmp nogetters unimplptr nounimpl ifaceu newbody nostring ptrshape c_optcmp c_optcmpget c_fn c_ptr c_best c_fnbest c_allps c_allnostrps
echo "peercmp of the best combination: $out/v/c_best/internal/peercmp/peercmp.sh 7"
