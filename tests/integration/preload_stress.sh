#!/bin/sh
# 8 threads x 1,000 audited binds under the discovery policy: exactly
# 8,000 whole SMF records (one write() each on an O_APPEND descriptor, so
# no record is lost or torn), every one a warning for a TCP bind.
. "$(dirname "$0")/preload.inc"

PORTSAF_MESSAGES=none "$PSF" run -- "$B/tests/progs/bind_storm" 8 1000 > out.txt ||
	fail "binds failed: $(cat out.txt)"
records portsaf-smf80.bin > recs.txt || fail "damaged SMF file"
n=$(wc -l < recs.txt)
[ "$n" -eq 8000 ] || fail "expected 8000 records, found $n"
[ "$(grep -c '^EVQ=3 .*OP(BIND) PROTO(TCP) .*EPH(YES)' recs.txt)" -eq 8000 ] ||
	fail "records are not all warnings for stack-assigned binds"
# Each bind shows the port the kernel assigned, never PORT(0).
! grep -q 'PORT(0)' recs.txt || fail "a record shows PORT(0)"
echo "preload_stress: ok"
