#!/bin/sh
# Rehearsal of policies/phases/3, rollout phase 3 on SYS1: secure
# unreserved UDP ports (PORT UNRSV UDP * SAF UNRSVUDP, UNRSVUDP in WARNING,
# empty access list); the reservations have left WARNING.  Explicit UDP
# binds to unreserved ports warn: OMEGAMON's IP.UDP on 1918 and the
# heartbeat receiver on 5100.  CSSMTP's sends from ports the stack assigns
# are not checked (z/OS 2.2 and later).
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy phases/3
rh_site_ports_free
RH_PHASE=3

rh_expect <<'EOW'
CANSDSST BIND UDP 1918
HBRECV BIND UDP 5100
EOW
rh_rehearse rh_site_workload
echo "rehearsal_phase3: ok"
