#!/bin/sh
# Rehearsal of policies/phases/5, rollout phase 5 on SYS1: secure TCP
# client binds (UNRSV TCP ... WHENBIND), SYS1 first
# (EZB.PORTACCESS.SYS1.*.UNRSVTCP in WARNING).  The cell no longer scans
# ports, the test server is in the developers' range 8000-8099; the file
# transfer client that binds 7001 before it connects now warns, the one
# that binds port 0 does not.
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy phases/5
rh_site_ports_free
RH_PHASE=5

rh_expect <<'EOW'
XFERJOB BIND TCP 7001
EOW
rh_rehearse rh_site_workload
echo "rehearsal_phase5: ok"
