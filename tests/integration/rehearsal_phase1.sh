#!/bin/sh
# Rehearsal of policies/phases/1, rollout phase 1 on SYS1: reserve the
# known TCP and UDP ports, new profiles in WARNING. The day's workload
# runs; RMF's Distributed Data Server listens on 8803, reserved with SAF
# GPMSERVE, whose owner nobody was sure of: no access list, so the one
# warning.  Unreserved ports are not checked yet.
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy phases/1
rh_site_ports_free
RH_PHASE=1

rh_expect <<'EOW'
GPMSERVE BIND TCP 8803
EOW
rh_rehearse rh_site_workload
echo "rehearsal_phase1: ok"
