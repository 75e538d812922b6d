#!/bin/sh
# Rehearsal of policies/omegamon: the hub TEMS with 15 agents in one
# address space, IP.PIPE on 1918, IP.UDP on 1918, KDE_LOOPBACK_POOL
# 19000-19100.  Every TCP port the product uses is reserved with SAF
# OMEGAMON and permitted to its started task user; IP.UDP's port 1918 is
# not reserved, so unreserved UDP (phase 3, UNRSVUDP in WARNING) warns for
# it -- and only for it.
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy omegamon
rh_ports_free tcp 1918 6014 10110 14206 18302 22398 26494 30590 34686 \
	38782 42878 46974 51070 55166 59262 63358 19000-19100
rh_ports_free udp 1918 19000-19100

workload() {
	rh_job --job CANSDSST --user OMEGSTC --group STCGRP --program KDSMAIN -- \
		"$PROGS/standin_omegamon" --pipe 1918 --udp 1918 --agents 15 \
		--loopback-pool 19000-19100
}

rh_expect <<'EOW'
CANSDSST BIND UDP 1918
EOW
rh_rehearse workload

# Every agent found its slot: 15 listeners besides the TEMS, and the
# loopback connections came from the pool.
[ "$(grep -c '^LISTEN TCP [0-9]* OK$' warn.out)" -eq 16 ] ||
	fail "TEMS and 15 agents should listen: $(grep LISTEN warn.out)"
grep -q '^LISTEN TCP 63358 OK$' nowarn.out || fail "agent slot 15"
grep -q '^BIND TCP 19014 OK$' nowarn.out || fail "loopback pool"
grep -q "ICH408I USER(OMEGSTC )" warn.msg || fail "no ICH408I"
grep -q "WARNING: INSUFFICIENT AUTHORITY" warn.msg || fail "not a warning"
grep -q "INSUFFICIENT ACCESS AUTHORITY" nowarn.msg || fail "no violation"
echo "rehearsal_omegamon: ok"
