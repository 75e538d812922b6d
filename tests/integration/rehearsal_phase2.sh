#!/bin/sh
# Rehearsal of policies/phases/2, rollout phase 2 on SYS1: read SMF
# constantly to catch rare listeners.  The phase 1 finding is permitted;
# the month-end payroll job, which phase 1's day did not see, listens on
# 5001 (SAF PAYROLL, no access list yet): the one warning.
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy phases/2
rh_site_ports_free
RH_PHASE=2

rh_expect <<'EOW'
PAYMEND BIND TCP 5001
EOW
rh_rehearse rh_site_workload
echo "rehearsal_phase2: ok"
