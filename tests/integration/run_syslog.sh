#!/bin/sh
# messages = "syslog" (interface.md; issue 4 item 3): facility AUTH, ident
# portsaf, one datagram per ICH408I line group.  /dev/log is a fixed path:
# the test gives itself a private /dev in its own mount namespace (root).
. "$(dirname "$0")/preload.inc"
[ "$(id -u)" -eq 0 ] || { echo "needs root for a private /dev"; exit 77; }
command -v unshare >/dev/null 2>&1 || { echo "no unshare"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "no python3"; exit 77; }
cat > recv.py <<'EOPY'
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
os.write(int(sys.argv[1]), b"ready\n")
s.settimeout(20)
with open("got.txt", "w") as out:
    for _ in range(int(sys.argv[2])):
        out.write(repr(s.recv(4096).decode()) + "\n")
EOPY
cat > inner.sh <<EOSH
set -eu
mount -t tmpfs tmpfs /dev
mknod -m 666 /dev/null c 1 3
mkfifo ready
python3 recv.py 3 2 3> ready &
read -r line < ready
PORTSAF_SMF= PORTSAF_MESSAGES=syslog "$PSF" run --job SYSLJOB --user SYSLUSR -- \
	"$DRV" sock tcp4 bind 127.0.0.1 0 sock udp4 bind 127.0.0.1 0 > out.txt
wait \$!
EOSH
timeout 60 unshare -m sh inner.sh > inner.out 2>&1 || fail "inner: $(cat inner.out)"
[ "$(wc -l < got.txt)" = 2 ] || fail "datagrams: $(cat got.txt)"
# <PRI>: facility AUTH (4) * 8 + severity; the whole ICH408I in one message
grep -c "^'<3[3-9]>" got.txt | grep -qx 2 || fail "facility: $(cat got.txt)"
grep -c "portsaf\[[0-9]*\]: ICH408I USER(SYSLUSR ) .*\\\\n  EZB.PORTACCESS.SYS1.TCPIP.UNRSV...\ CL(SERVAUTH)\\\\n  WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED\\\\n  FROM EZB.PORTACCESS.\*\* (G)\\\\n  ACCESS INTENT(READ   )  ACCESS ALLOWED(NONE   )" got.txt |
	grep -qx 2 || fail "message layout: $(cat got.txt)"
exit 0
