#!/bin/sh
# Issue 5 item 3: the supervisor makes a blocking connect on the target's
# behalf; while that worker waits, the target's other threads' calls are
# still answered (a watchdog adds a worker): no bind waits for the 3 s
# the connect blocks.
. "$(dirname "$0")/preload.inc"
BLOCKED=$B/tests/progs/sup_blocked
[ -x "$BLOCKED" ] || fail "missing $BLOCKED (make tests)"
printf 'smf = "";\nmessages = "none";\n' > portsaf.conf
timeout 60 "$PSF" run --enforce -- "$BLOCKED" > out.txt 2>&1 ||
	fail "exit $?: $(cat out.txt)"
echo "enforce_blocked: ok"
