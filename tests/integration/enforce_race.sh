#!/bin/sh
# Issue 5 item 2: a thread rewrites the sockaddr of a call while the
# supervisor decides it.  The decision and what the kernel did must agree
# for every call: a bind that succeeds bound the allowed port, a denied
# one left the socket unbound; a UDP destination in a denied zone never
# receives a datagram.  (The preload, which lets the kernel re-read the
# caller's memory, loses this race.)
. "$(dirname "$0")/preload.inc"
RACE=$B/tests/progs/sup_race
[ -x "$RACE" ] || fail "missing $RACE (make tests)"

set -- $(free_ports 3)
ALLOWED=$1 DENIED=$2 UDPPORT=$3
reserved_and_blocked "$DENIED"

timeout 120 "$PSF" run --enforce -- "$RACE" bind "$ALLOWED" "$DENIED" 3000 \
	> bind.txt 2>&1 || fail "bind race: $(cat bind.txt)"
timeout 120 "$PSF" run --enforce -- "$RACE" sendto "$UDPPORT" 3000 \
	> sendto.txt 2>&1 || fail "sendto race: $(cat sendto.txt)"
# Every refused send to the denied zone was audited, and nothing else.
[ "$(records smf.bin | grep -c 'ADDR(127.0.0.2)')" -eq \
  "$(sed -n 's/.* \([0-9]*\) refused.*/\1/p' sendto.txt)" ] ||
	fail "records do not match the refused sends: $(cat sendto.txt)"
records smf.bin | grep -v 'ADDR(127.0.0.2)' && fail "a record for the allowed zone"
echo "enforce_race: ok"
