#!/bin/sh
# Rehearsal of policies/phases/4, rollout phase 4 on SYS1: secure
# unreserved TCP ports (PORT UNRSV TCP * SAF UNRSVTCP, WHENLISTEN, UNRSVTCP
# in WARNING, empty access list).  Listens on unreserved ports warn: the
# WAS port scan at server creation (9081-9089) and a TSO user's test server
# on 8088.  The file transfer client that binds 7001 is not checked: it
# does not listen.
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy phases/4
rh_site_ports_free
RH_PHASE=4

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
JSMITH LISTEN TCP 8088
EOW
rh_rehearse rh_site_workload
echo "rehearsal_phase4: ok"
