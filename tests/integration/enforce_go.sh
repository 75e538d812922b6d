#!/bin/sh
# Issue 5 items 3 and 5: a Go program (static, raw system calls, many
# threads, preemption signals) under `portsaf run`, which supervises it
# by itself.  Skipped where no Go toolchain is installed (Debian
# golang-go).
. "$(dirname "$0")/preload.inc"
command -v go > /dev/null 2>&1 || { echo "no Go toolchain (golang-go)"; exit 77; }
mkdir -p "$B/tests/go-cache"
HOME=${HOME:-$work} GOCACHE=$B/tests/go-cache GOPATH=$work/gopath GO111MODULE=off \
	CGO_ENABLED=0 \
	timeout 280 go build -o golisten "$top/tests/progs/sup_golisten.go" ||
	fail "go build"

set -- $(free_ports 1)
RESERVED=$1
reserved_and_blocked "$RESERVED"

timeout 120 "$PSF" run -- ./golisten "$RESERVED" 50 > out.txt 2> err.txt ||
	fail "exit $?: $(cat out.txt err.txt)"
grep -q "statically linked; running it under the supervisor" err.txt ||
	fail "not supervised: $(cat err.txt)"
echo "1600 calls, 0 wrong" | expect "Go program" - out.txt
[ "$(records smf.bin | grep -c 'OP(CONNECT).*ADDR(127.0.0.2)')" -eq 400 ] ||
	fail "one record per denied dial"
echo "enforce_go: ok"
