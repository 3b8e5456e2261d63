#!/usr/bin/env bash
# setup-gowsdl.sh OUTDIR: gowsdl's User package in a scratch module at
# OUTDIR/gowsdl, as internal/peercmp/peercmp.sh sets it up, with a comment
# line "// rbl: 0" for measure.sh to rewrite.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$1
export GOTOOLCHAIN=local GOWORK=off GOFLAGS=-mod=mod
mkdir -p "$out/gowsdl" "$out/bin"
cd "$out/gowsdl"
go mod init gowsdlcmp >/dev/null 2>&1 || true
GONOSUMDB=github.com/hooklift/gowsdl go get github.com/hooklift/gowsdl@v0.5.1-0.20240801015259-2a06cec86c50 >/dev/null 2>&1
go build -o "$out/bin/gowsdl" github.com/hooklift/gowsdl/cmd/gowsdl
"$out/bin/gowsdl" -o user.go -p user "$root/generated/services88/user/User.wsdl" >/dev/null
sed -i 's/^type Duration Duration$/type Duration string/;
	s/^type User interface {$/type UserPortType interface {/;
	s/^func NewUser(client \*soap.Client) User {$/func NewUser(client *soap.Client) UserPortType {/' user/user.go
sed -i 's/\[\]byte(wsdl)/[]uint8(wsdl)/g' user/serveruser.go
sed -i '0,/^package user$/s//package user\n\n\/\/ rbl: 0/' user/user.go
go build ./user
