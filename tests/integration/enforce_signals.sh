#!/bin/sh
# Issue 5 item 3: signals (Go's preemption signals, any handler without
# SA_RESTART) must not make a supervised call fail after the supervisor
# has made it.  The filter asks the kernel to let a caller wait only
# killably once its call is taken (SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV);
# without that, a connect could return EINTR with its socket connected.
. "$(dirname "$0")/preload.inc"
SIGS=$B/tests/progs/sup_signals
[ -x "$SIGS" ] || fail "missing $SIGS (make tests)"
printf 'smf = "";\nmessages = "none";\n' > portsaf.conf
timeout 120 "$PSF" run --enforce -- "$SIGS" 5000 > out.txt 2>&1 ||
	fail "exit $?: $(cat out.txt)"
grep -q " 0 wrong$" out.txt || fail "$(cat out.txt)"
echo "enforce_signals: ok"
