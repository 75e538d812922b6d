#!/bin/sh
# Every rule of the issue through every wrapped call, as a program under
# `portsaf run` sees it: reserved ports (SAF, RESERVED, job name, BIND
# ipaddr), UNRSV at listen (WHENLISTEN) and at UDP bind, stack-assigned
# ports unchecked, NETACCESS at connect / __connect / first sendto,
# sendmsg, sendmmsg, IPv6 and IPv4-mapped addresses, the AF_UNSPEC bind
# the kernel accepts, AF_UNIX untouched; and the SMF records, ICH408I and
# trace lines that result.
. "$(dirname "$0")/preload.inc"

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
   $P1 TCP OWNJOB SAF OWNRES     ; reserved, SAF
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

"$PSF" run --job OWNJOB --user OWNUSER -- "$DRV" \
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
	sock tcp4 __connect 127.0.0.2 9 \
	sock udp4 sendto 127.0.0.2 9 sendmsg 127.0.0.2 9 \
	    sendto 127.0.0.1 9 sendmmsg 127.0.0.1 9 127.0.0.2 9 \
	    sendmmsg 127.0.0.2 9 \
	sock tcp4 fastopen 127.0.0.2 9 \
	sock tcp6 bind ::1 "$P2" \
	sock udp6 sendto 127.0.0.2 9 \
	sock udp6 sendto ::1 9 \
	sock tcp4 bind-unspec "$P2" \
	sock unix bind-unix "$work/u.sock" \
	> out.txt
cat > want.txt <<EOC
sock: OK
bind: OK
sock: OK
bind: EADDRINUSE
sock: OK
bind: OK
sock: OK
bind: OK
port: OK 127.0.0.1 $P4
sock: OK
bind: OK
listen: EACCES
sock: OK
bind: OK
connect: ECONNREFUSED
sock: OK
bind: OK
listen: OK
sock: OK
listen: OK
sock: OK
bind: EACCES
sock: OK
bind: OK
sock: OK
connect: EACCES
sock: OK
__connect: EACCES
sock: OK
sendto: EACCES
sendmsg: EACCES
sendto: OK
sendmmsg: OK 1
sendmmsg: EACCES
sock: OK
fastopen: EACCES
sock: OK
bind: EADDRINUSE
sock: OK
sendto: EACCES
sock: OK
sendto: OK
sock: OK
bind-unspec: EADDRINUSE
sock: OK
bind-unix: OK
EOC
expect "call results" want.txt out.txt

# Another job may not bind the reserved port (no RACF call, nothing
# written); the owner's job with a user RACF refuses draws ICH408I.
"$PSF" run --job OTHER -- "$DRV" sock tcp4 bind 127.0.0.1 "$P1" > out2.txt
"$PSF" run --job OWNJOB --user NOBODY -- "$DRV" sock tcp4 bind 127.0.0.1 "$P1" >> out2.txt
printf 'sock: OK\nbind: EACCES\nsock: OK\nbind: EACCES\n' > want2.txt
expect "job name and SAF denials" want2.txt out2.txt

records smf.bin | sed 's/ PID([0-9]*)//' > recs.txt
cat > want_recs.txt <<EOC
EVQ=0 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(BIND) PROTO(TCP) PORT($P1) ADDR(127.0.0.1) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(LISTEN) PROTO(TCP) PORT($P5) ADDR(127.0.0.1) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(CONNECT) PROTO(TCP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(CONNECT) PROTO(TCP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(SEND) PROTO(UDP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(SEND) PROTO(UDP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(SEND) PROTO(UDP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(SEND) PROTO(UDP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(CONNECT) PROTO(TCP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=OWNUSER LOGSTR=OP(SEND) PROTO(UDP) PORT(9) ADDR(127.0.0.2) PGM(SOCKDRV)
EVQ=1 JOB=OWNJOB USER=NOBODY LOGSTR=OP(BIND) PROTO(TCP) PORT($P1) ADDR(127.0.0.1) PGM(SOCKDRV)
EOC
expect "SMF records" want_recs.txt recs.txt

[ "$(grep -c '^ICH408I USER(' msgs.txt)" -eq 10 ] ||
	fail "expected 10 ICH408I messages: $(cat msgs.txt)"
grep -q "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP" msgs.txt || fail "ICH408I resource"
# The trace states decisions RACF never sees.
grep -q "PORT($P2) .*DENY EADDRINUSE RULE(reserved)" trace.txt || fail "trace: reserved"
grep -q "JOB(OTHER) .*PORT($P1) .*DENY EACCES RULE(jobname)" trace.txt ||
	fail "trace: job name"
grep -q "PORT($P4) .*BIND(127.0.0.1)" trace.txt || fail "trace: BIND ipaddr"
echo "preload_rules: ok"
