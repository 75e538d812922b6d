#!/bin/sh
# Rehearsal of policies/sas: SAS sessions with TCP_EPH_MAP_ENABLED=1 bind
# their listeners and their client sockets inside 27000-27099, which is
# reserved with SAF SAS and permitted to group SASUSERS WHEN(PROGRAM(SAS));
# with TCP_EPH_MAP_ENABLED=0 SAS binds port 0, which no rule checks even
# under WHENBIND.  A SAS user outside SASUSERS warns for every bind in the
# range, and nothing else warns.
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy sas
rh_ports_free tcp 27000-27099

# SAS reads TCP_EPH_MAP_* from its environment (TKMVSENV on z/OS).
map="TCP_EPH_MAP_ENABLED=1 TCP_EPH_MAP_FIRST=27000 TCP_EPH_MAP_LAST=27099"
workload() {
	# shellcheck disable=SC2086
	rh_job --job SASDAILY --user SASUSR1 --group SASUSERS --program SAS -- \
		env $map "$PROGS/standin_sas" -l 2 -c 2
	rh_job --job SASUSR1 --user SASUSR1 --group SASUSERS --program SAS -- \
		env TCP_EPH_MAP_ENABLED=0 "$PROGS/standin_sas" -l 2 -c 2
	# shellcheck disable=SC2086
	rh_job --job ANALYST2 --user ANALYST2 --group FINANCE --program SAS -- \
		env $map "$PROGS/standin_sas" -l 2 -c 2
}

rh_expect <<'EOW'
ANALYST2 BIND TCP 27000
ANALYST2 BIND TCP 27001
ANALYST2 BIND TCP 27002
ANALYST2 BIND TCP 27003
EOW
rh_rehearse workload

# SASDAILY's session ran whole in both runs: listeners and clients inside
# the range, both clients connected.
for run in warn nowarn; do
	for p in 27000 27001 27002 27003; do
		[ "$(grep -c "^BIND TCP $p OK$" $run.out)" -ge 1 ] ||
			fail "$run: SASDAILY's bind of $p"
	done
	[ "$(grep -c '^CONNECT TCP 2700[01] OK$' $run.out)" -ge 2 ] ||
		fail "$run: SASDAILY's clients"
	[ "$(grep -c '^BIND TCP 0 OK' $run.out)" -eq 4 ] ||
		fail "$run: TCP_EPH_MAP_ENABLED=0 binds port 0"
done
grep -q "FROM EZB.PORTACCESS.SYS1.\*.SAS (G)" warn.msg ||
	fail "the SAS profile decides"
echo "rehearsal_sas: ok"
