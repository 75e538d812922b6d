#!/bin/sh
# The supervisor binds, connects and sends on the target's behalf with the
# target's capabilities, not its own: a command that dropped root gets
# EACCES for a port below 1024 under a root supervisor, as without
# portsaf.  Needs root to drop from.
. "$(dirname "$0")/preload.inc"
[ "$(id -u)" -eq 0 ] || { echo "needs root"; exit 77; }
command -v setpriv > /dev/null 2>&1 || { echo "no setpriv"; exit 77; }
printf 'smf = "";\nmessages = "none";\n' > portsaf.conf
[ "$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start)" -gt 80 ] ||
	{ echo "port 80 is not privileged here"; exit 77; }

drop="setpriv --reuid=65534 --regid=65534 --clear-groups"
$drop "$DRV" sock tcp4 bind 127.0.0.1 80 sock tcp4 bind 127.0.0.1 0 \
	> native.txt 2>&1
timeout 60 "$PSF" run --enforce -- $drop "$DRV" sock tcp4 bind 127.0.0.1 80 \
	sock tcp4 bind 127.0.0.1 0 > enforce.txt 2>&1 || fail "exit $?"
grep -q "^bind: EACCES" native.txt || fail "the scenario is not privileged"
expect "capabilities of the caller" native.txt enforce.txt
echo "enforce_caps: ok"
