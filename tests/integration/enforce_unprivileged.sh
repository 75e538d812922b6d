#!/bin/sh
# The supervisor needs no privilege: run by an ordinary user (nobody, when
# the test runs as root) it takes its child's listener, reads the
# target's memory and performs its calls, and the kernel's own answers
# (EACCES for a port below 1024) still come through.
. "$(dirname "$0")/preload.inc"
run=""
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv > /dev/null 2>&1 || { echo "no setpriv"; exit 77; }
	run="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 777 "$work"
	$run test -x "$PSF" -a -x "$DRV" ||
		{ echo "the build tree is not readable by nobody"; exit 77; }
fi
printf 'smf = "smf.bin";\nmessages = "none";\n' > portsaf.conf
chmod 644 portsaf.conf
set -- $(free_ports 1)
P=$1

$run timeout 60 "$PSF" run --enforce -- "$DRV" sock tcp4 bind 127.0.0.1 "$P" \
	listen sock tcp4 connect 127.0.0.1 "$P" sock tcp4 bind 127.0.0.1 80 \
	> out.txt 2> err.txt || fail "exit $?: $(cat err.txt)"
low=EACCES
[ "$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start)" -gt 80 ] || low=OK
cat > want.txt <<EOC
sock: OK
bind: OK
listen: OK
sock: OK
connect: OK
sock: OK
bind: $low
EOC
expect "unprivileged supervisor" want.txt out.txt
echo "enforce_unprivileged: ok"
