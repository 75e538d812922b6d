#!/bin/sh
# Issue 5 item 3: a multi-threaded, statically linked program whose
# threads bind, connect and send at once under the supervisor; every
# thread checks each of its answers.
. "$(dirname "$0")/preload.inc"
THREADS=$B/tests/progs/sup_threads_static
[ -x "$THREADS" ] || fail "missing $THREADS (make tests)"

set -- $(free_ports 1)
DENIED=$1
reserved_and_blocked "$DENIED"

timeout 120 "$PSF" run -- "$THREADS" 8 100 "$DENIED" > out.txt 2> err.txt ||
	fail "exit $?: $(cat out.txt err.txt)"
echo "4000 calls, 0 wrong" | expect "threads" - out.txt
# One record per denied connect and send: 2 per round and thread.
[ "$(records smf.bin | grep -c 'ADDR(127.0.0.2)')" -eq 1600 ] ||
	fail "records: $(records smf.bin | grep -c 'ADDR(127.0.0.2)')"
echo "enforce_threads: ok"
