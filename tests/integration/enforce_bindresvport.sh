#!/bin/sh
# Issue 5 item 5: glibc's bindresvport(3) binds from inside libc, where
# LD_PRELOAD cannot interpose; the supervisor decides it like any bind.
# Ports 512-1023 need root (CAP_NET_BIND_SERVICE).
. "$(dirname "$0")/preload.inc"
[ "$(id -u)" -eq 0 ] || { echo "needs root for ports below 1024"; exit 77; }
RESV=$B/tests/progs/sup_resvport
[ -x "$RESV" ] || fail "missing $RESV (make tests)"

cat > portsaf.conf <<'EOC'
profile = "tcpip.profile";
smf = "";
messages = "none";
trace = "trace.txt";
EOC
cat > tcpip.profile <<'EOC'
PORTRANGE 512 512 TCP RPCJOB
PORTRANGE 512 512 UDP RESERVED
EOC

timeout 60 "$PSF" run --enforce -- "$RESV" tcp > tcp.txt
echo "bindresvport: EACCES" | expect "another job's range" - tcp.txt
grep -q "OP(BIND) PROTO(TCP) PORT(6[0-9][0-9]\|[7-9][0-9][0-9]\|10[0-2][0-9]) .*DENY EACCES RULE(jobname)" \
	trace.txt || fail "trace: $(cat trace.txt)"

timeout 60 "$PSF" run --enforce --job RPCJOB -- "$RESV" tcp > owner.txt
grep -q "^bindresvport: OK \(5[1-9][0-9]\|[6-9][0-9][0-9]\|10[0-2][0-9]\)$" owner.txt ||
	fail "the range's job: $(cat owner.txt)"

# Every port RESERVED: bindresvport tries each (EADDRINUSE) and gives up.
timeout 60 "$PSF" run --enforce -- "$RESV" udp > udp.txt
echo "bindresvport: EADDRINUSE" | expect "reserved range" - udp.txt
[ "$(grep -c 'PROTO(UDP).*DENY EADDRINUSE' trace.txt)" -eq 512 ] ||
	fail "expected one decision per port tried"
echo "enforce_bindresvport: ok"
