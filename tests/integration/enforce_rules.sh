#!/bin/sh
# Issue 5, "done when": a statically linked program under `portsaf run`
# (supervised automatically) is denied exactly where the same program
# built dynamically is denied under the preload, with the same SMF
# records, ICH408I messages and trace.  The dynamic program under
# --enforce must agree too.  Every rule of the spec through every trapped
# call: reserved ports (SAF, RESERVED, job name, BIND ipaddr), UNRSV at
# listen and at UDP bind, stack-assigned ports, NETACCESS at connect and
# first send (sendto, sendmsg, sendmmsg, TCP Fast Open), IPv6 and mapped
# addresses, the AF_UNSPEC bind the kernel accepts, AF_UNIX untouched.
. "$(dirname "$0")/preload.inc"
STATIC=$B/tests/progs/sockdrv_static
[ -x "$STATIC" ] || fail "missing $STATIC (make tests)"
# Same base name as the dynamic build, so that PGM() agrees.
mkdir static
cp "$STATIC" static/sockdrv

set -- $(free_ports 6)
P1=$1 P2=$2 P3=$3 P4=$4 P5=$5 P6=$6
cat > portsaf.conf <<EOC
profile = "tcpip.profile";
racf = "servauth.racf";
smf = "smf.bin";
messages = "msgs.txt";
trace = "trace.txt";
EOC
cat > tcpip.profile <<EOC
PORT
   $P1 TCP OWNJOB SAF OWNRES
   $P2 TCP RESERVED
   $P3 UDP OWNJOB
   $P4 TCP OWNJOB BIND 127.0.0.1
   UNRSV TCP * SAF UNRSVTCP
   UNRSV UDP * DENY
NETACCESS
   127.0.0.2/32 BLOCKED
   DEFAULT 0 WORLD
ENDNETACCESS
EOC
cat > servauth.racf <<'EOC'
RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.OWNRES UACC(NONE) AUDIT(ALL(READ))
PERMIT EZB.PORTACCESS.SYS1.TCPIP.OWNRES CLASS(SERVAUTH) ID(OWNUSER) ACCESS(READ)
RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE)
RDEFINE SERVAUTH EZB.NETACCESS.SYS1.TCPIP.BLOCKED UACC(NONE)
RDEFINE SERVAUTH EZB.NETACCESS.SYS1.TCPIP.WORLD UACC(READ)
EOC

# Process ids, times and the ports the kernel assigns differ from run to
# run; nothing else may.
normal() {
	sed 's/[0-9][0-9]:[0-9][0-9]:[0-9][0-9][.0-9]*//g; s/ *PID([0-9]*)//g
	     s/PORT([0-9]*)\(.*EPH(YES)\)/PORT(EPH)\1/' "$@"
}

# scenario MODE DRIVER: run every step, leave MODE.out, MODE.recs,
# MODE.msgs and MODE.trace.
scenario() {
	mode=$1 drv=$2
	shift 2
	rm -f smf.bin msgs.txt trace.txt
	timeout 60 "$PSF" run "$@" --job OWNJOB --user OWNUSER -- "$drv" \
		sock tcp4 bind 127.0.0.1 "$P1" \
		sock tcp4 bind 127.0.0.1 "$P2" \
		sock udp4 bind 127.0.0.1 "$P3" \
		sock tcp4 bind 0.0.0.0 "$P4" port \
		sock tcp4 bind 127.0.0.1 "$P5" listen \
		sock tcp4 bind 127.0.0.1 "$P6" connect 127.0.0.1 "$P1" \
		sock tcp4 bind 127.0.0.1 0 listen \
		sock tcp4 listen \
		sock udp4 bind 127.0.0.1 "$P5" \
		sock udp4 bind 127.0.0.1 0 \
		sock tcp4 connect 127.0.0.2 9 \
		sock udp4 sendto 127.0.0.2 9 sendmsg 127.0.0.2 9 \
		    sendto 127.0.0.1 9 sendmmsg 127.0.0.1 9 127.0.0.2 9 \
		    sendmmsg 127.0.0.2 9 \
		sock tcp4 fastopen 127.0.0.2 9 \
		sock tcp6 bind ::1 "$P2" \
		sock udp6 sendto 127.0.0.2 9 \
		sock udp6 sendto ::1 9 \
		sock tcp4 bind-unspec "$P2" \
		sock unix bind-unix "$work/u-$mode.sock" \
		> "$mode.out" 2> "$mode.err" || fail "$mode: exit $?: $(cat "$mode.err")"
	records smf.bin | normal > "$mode.recs"
	normal msgs.txt > "$mode.msgs"
	normal trace.txt > "$mode.trace"
}

scenario preload "$DRV"
scenario static "$work/static/sockdrv"
grep -q "statically linked; running it under the supervisor" static.err ||
	fail "static COMMAND was not handed to the supervisor: $(cat static.err)"
scenario enforce "$DRV" --enforce

# The preload's own test states the expected results; here the point is
# that the modes agree, and that the scenario did decide something.
grep -q "^bind: EADDRINUSE" preload.out || fail "scenario decided nothing"
[ "$(wc -l < preload.recs)" -ge 9 ] || fail "too few records: $(cat preload.recs)"
for mode in static enforce; do
	for what in out recs msgs trace; do
		expect "$mode vs preload: $what" "preload.$what" "$mode.$what"
	done
done

# Under WHENBIND no listen is decided (spec 2.3): neither enforcer traces
# one.
mkdir whenbind
cat > whenbind/portsaf.conf <<EOC
profile = "p";
smf = "smf.bin";
messages = "none";
trace = "trace.txt";
EOC
printf 'PORT\n   UNRSV TCP * WHENBIND\n' > whenbind/p
for mode in preload static; do
	drv=$DRV
	[ "$mode" = static ] && drv=$work/static/sockdrv
	(cd whenbind && rm -f trace.txt &&
	 timeout 60 "$PSF" run -- "$drv" sock tcp4 bind 127.0.0.1 "$P5" listen \
		sock tcp4 listen > "$mode.out" 2>/dev/null) || fail "whenbind $mode"
	normal whenbind/trace.txt > "whenbind/$mode.trace"
done
grep -q "OP(BIND)" whenbind/preload.trace || fail "whenbind: no bind traced"
! grep -q "OP(LISTEN)" whenbind/preload.trace || fail "whenbind: a listen traced"
expect "WHENBIND: static vs preload" whenbind/preload.trace whenbind/static.trace
expect "WHENBIND: results" whenbind/preload.out whenbind/static.out
echo "enforce_rules: ok"
