#!/bin/sh
# Rehearsal of policies/was: the location service daemon, the deployment
# manager and server BBOS001 listen on their reserved ports (bind-specific
# listeners, and the ORB SSL endpoint left to the stack, port 0); then the
# deployment manager creates a server and scans 9080-9089 for free ports,
# binding and listening on each.  Under PORT UNRSV TCP * SAF UNRSVTCP
# (WHENLISTEN, UNRSVTCP in WARNING) every listen of the scan on an
# unreserved port warns; the bind of 9080, reserved to BBOS001, fails for
# BBODMGR in both runs (a job-name denial: no RACF call, no warning).
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy was
rh_ports_free tcp 5755 8879 9809 2809 7276 8880 9080-9089 9100 9353 9443

workload() {
	rh_job --job BBODMN --user WASSRV --group WASGRP --program BBOCTL -- \
		"$PROGS/standin_was" --listen 5755
	rh_job --job BBOS001 --user WASSRV --group WASGRP --program BBOCTL -- \
		"$PROGS/standin_was" --listen 2809 --listen 7276 --listen 8880 \
		--listen 9080 --listen 9100 --listen 9353 --listen 9443 \
		--listen 0
	rh_job --job BBODMGR --user WASSRV --group WASGRP --program BBOCTL -- \
		"$PROGS/standin_was" --listen 8879 --listen 9809 --scan 9080-9089
}

rh_expect <<'EOW'
BBODMGR LISTEN TCP 9081
BBODMGR LISTEN TCP 9082
BBODMGR LISTEN TCP 9083
BBODMGR LISTEN TCP 9084
BBODMGR LISTEN TCP 9085
BBODMGR LISTEN TCP 9086
BBODMGR LISTEN TCP 9087
BBODMGR LISTEN TCP 9088
BBODMGR LISTEN TCP 9089
EOW
rh_rehearse workload

for run in warn nowarn; do
	[ "$(grep -c '^BIND TCP 9080 EACCES$' $run.out)" -eq 1 ] ||
		fail "$run: BBODMGR's bind of BBOS001's 9080 should fail once"
	[ "$(grep -c '^LISTEN TCP 9080 OK$' $run.out)" -eq 1 ] ||
		fail "$run: BBOS001 listens on 9080"
	grep -q '^BIND TCP 0 OK [0-9]' $run.out || fail "$run: port 0 endpoint"
done
[ "$(grep -c 'ICH408I' warn.msg)" -eq 9 ] || fail "9 ICH408I expected"
echo "rehearsal_was: ok"
