#!/bin/sh
# Issue 5, items 1 and 5: a statically linked program making raw
# syscall(SYS_bind, ...) calls on reserved and unreserved ports is decided
# by the supervisor (and recorded); io_uring is refused with EPERM, and so
# is a seccomp listener of the program's own (it could answer its own
# calls); the ways around a filter of the native ABI (the 32-bit int 0x80
# entry, x32 system call numbers) kill the program instead of reaching
# the kernel unchecked.
. "$(dirname "$0")/preload.inc"
RAW=$B/tests/progs/sup_rawcalls_static
[ -x "$RAW" ] || fail "missing $RAW (make tests)"

set -- $(free_ports 5)
P1=$1 P2=$2 P3=$3 P4=$4 P5=$5
cat > portsaf.conf <<EOC
profile = "tcpip.profile";
racf = "servauth.racf";
smf = "smf.bin";
messages = "msgs.txt";
EOC
cat > tcpip.profile <<EOC
PORT
   $P1 TCP RESERVED
   $P2 TCP OTHERJOB
   $P3 TCP * SAF LOCKED
   $P4 UDP RESERVED
NETACCESS
   127.0.0.2/32 BLOCKED
ENDNETACCESS
EOC
cat > servauth.racf <<'EOC'
RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.LOCKED UACC(NONE)
RDEFINE SERVAUTH EZB.NETACCESS.SYS1.TCPIP.BLOCKED UACC(NONE)
EOC

# Without portsaf every call goes through: the policy is what denies.
"$RAW" bind tcp "$P1" listener > native.txt
printf 'bind tcp %s: OK\nlistener: OK\n' "$P1" | expect "native" - native.txt

# `portsaf run` sees the static executable and supervises it by itself.
set +e
timeout 60 "$PSF" run -- "$RAW" \
	bind tcp "$P1" bind tcp "$P2" bind tcp "$P3" bind udp "$P4" \
	bind tcp "$P5" bind udp "$P5" listen tcp 0 \
	connect 127.0.0.2 9 sendto 127.0.0.2 9 sendto 127.0.0.1 9 \
	io_uring listener > out.txt 2> err.txt
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat err.txt)"
cat > want.txt <<EOC
bind tcp $P1: EADDRINUSE
bind tcp $P2: EACCES
bind tcp $P3: EACCES
bind udp $P4: EADDRINUSE
bind tcp $P5: OK
bind udp $P5: OK
listen tcp 0: OK
connect 127.0.0.2 9: EACCES
sendto 127.0.0.2 9: EACCES
sendto 127.0.0.1 9: OK
io_uring: EPERM
listener: EPERM
EOC
expect "raw calls under the supervisor" want.txt out.txt

# RACF was asked for the SAF port and the zone: records and ICH408I.
records smf.bin | sed 's/ PID([0-9]*)//' > recs.txt
U=$(id -un | tr a-z A-Z | tr -cd 'A-Z0-9$@#' | cut -c1-8)
cat > want_recs.txt <<EOC
EVQ=1 JOB=SUPRAWCA USER=$U LOGSTR=OP(BIND) PROTO(TCP) PORT($P3) ADDR(127.0.0.1) PGM(SUPRAWCA)
EVQ=1 JOB=SUPRAWCA USER=$U LOGSTR=OP(CONNECT) PROTO(TCP) PORT(9) ADDR(127.0.0.2) PGM(SUPRAWCA)
EVQ=1 JOB=SUPRAWCA USER=$U LOGSTR=OP(SEND) PROTO(UDP) PORT(9) ADDR(127.0.0.2) PGM(SUPRAWCA)
EOC
expect "records of raw calls" want_recs.txt recs.txt
[ "$(grep -c '^ICH408I' msgs.txt)" -eq 3 ] || fail "ICH408I: $(cat msgs.txt)"

# Another ABI's system call entry would bypass a filter written for the
# native numbers: the process dies of SIGSYS (128 + 31) at that call.
for way in int80 x32; do
	set +e
	timeout 60 "$PSF" run --enforce -- "$RAW" "$way" > "$way.txt" 2>&1
	rc=$?
	set -e
	[ "$rc" -eq 159 ] || fail "$way: exit $rc, want 159 (SIGSYS): $(cat "$way.txt")"
	! grep -q "^$way: " "$way.txt" || fail "$way returned: $(cat "$way.txt")"
done
echo "enforce_raw: ok"
