#!/bin/sh
# Spec 4: z/OS never hands out a reserved port from the ephemeral pool;
# Linux does.  When the kernel assigns a port the profile reserves, the
# trace notes the conflict z/OS would have avoided (and only then).
. "$(dirname "$0")/preload.inc"
# (dash cannot read(1) this /proc file byte by byte)
set -- $(cat /proc/sys/net/ipv4/ip_local_port_range)
low=$1 high=$2
cat > portsaf.conf <<EOC
profile = "tcpip.profile";
smf = "";
messages = "none";
trace = "trace.log";
EOC
# every port the kernel may assign for TCP is reserved; UDP's are not
printf 'PORTRANGE %s %s TCP RESERVED\n' "$low" $((high - low + 1)) > tcpip.profile
"$PSF" run -c portsaf.conf -- "$DRV" sock tcp4 bind 127.0.0.1 0 sock udp4 bind 127.0.0.1 0 \
	> out.txt 2> err.txt || fail "run: $(cat err.txt)"
[ "$(grep -c '^bind: OK' out.txt)" = 2 ] || fail "binds: $(cat out.txt)"
grep 'PROTO(TCP)' trace.log | grep -q 'EPH(YES).*NOTE(the kernel assigned a port the profile reserves; z/OS never would)' ||
	fail "no note for the TCP bind: $(cat trace.log)"
if grep 'PROTO(UDP)' trace.log | grep -q 'NOTE('; then
	fail "a note for the UDP bind: $(cat trace.log)"
fi
exit 0
