#!/bin/sh
# Issue 4 "done when": `portsaf smf report --policy-dir` on the records of
# a discovery run (no configuration) proposes statements and PERMITs that,
# used as the policy of a second run of the same program, produce no
# warning and no failure: every call succeeds again, no ICH408I, and no
# SMF record at all (the proposed profiles audit failures only).  Under
# the preload and under the seccomp supervisor.
. "$(dirname "$0")/preload.inc"
[ ! -e /etc/portsaf.conf ] || { echo "/etc/portsaf.conf exists" >&2; exit 77; }

set -- $(free_ports 3)
P1=$1 P2=$2 P3=$3
# A server on two ports, a client of it, a UDP service, a UDP sender on a
# port the stack assigns, and a listener on a port the stack assigns.
calls="sock tcp4 bind 127.0.0.1 $P1 listen
       sock tcp4 bind 127.0.0.1 $P2 listen
       sock tcp4 connect 127.0.0.1 $P1
       sock udp4 bind 127.0.0.1 $P3
       sock udp4 bind 127.0.0.1 0 sendto 127.0.0.1 $P3
       sock tcp4 listen"

for mode in preload enforce; do
	opt=""
	[ "$mode" = enforce ] && opt=--enforce
	rm -rf policy disc.bin rerun.bin
	# shellcheck disable=SC2086
	PORTSAF_SMF=$work/disc.bin "$PSF" run $opt -- "$DRV" $calls \
		> disc.out 2> disc.err || fail "$mode: discovery run: $(cat disc.err)"
	! grep -qv ": OK" disc.out || fail "$mode: discovery run: $(cat disc.out)"
	grep -q "TEMPORARY ACCESS ALLOWED" disc.err ||
		fail "$mode: discovery run wrote no warning"
	"$PSF" smf report --policy-dir policy disc.bin > report.txt ||
		fail "$mode: smf report"
	grep -q "^PORT $P1 TCP SOCKDRV SAF SOCKDRV$" policy/tcpip.profile ||
		fail "$mode: no reservation of $P1: $(cat policy/tcpip.profile)"
	grep -q "^PORT $P3 UDP SOCKDRV SAF SOCKDRV$" policy/tcpip.profile ||
		fail "$mode: no reservation of UDP $P3"
	# shellcheck disable=SC2086
	PORTSAF_SMF=$work/rerun.bin "$PSF" run $opt -c policy/portsaf.conf -- \
		"$DRV" $calls > rerun.out 2> rerun.err ||
		fail "$mode: second run: $(cat rerun.err)"
	expect "$mode: second run's calls" disc.out rerun.out
	! grep -q "ICH408I" rerun.err || fail "$mode: second run: $(cat rerun.err)"
	[ ! -s rerun.bin ] || fail "$mode: second run wrote SMF records:
$("$PSF" smf print rerun.bin)"
done
echo "smf_discovery_loop: ok"
