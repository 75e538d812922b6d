#!/bin/sh
# Bad input gets the kernel's own answer, never a crash and never a policy
# decision: NULL, short and wrong-family addresses, descriptors that are
# no socket or not open, AF_UNIX sockets.  Under a policy that denies
# every checked call, portsaf must answer exactly as the kernel does
# without it.  And an allowed call that writes a record leaves errno as
# the real call left it.
. "$(dirname "$0")/preload.inc"

cat > portsaf.conf <<'EOC'
profile = "tcpip.profile";
smf = "smf.bin";
messages = "none";
EOC
printf 'PORT\n  UNRSV TCP * DENY WHENBIND\n  UNRSV UDP * DENY\n' > tcpip.profile
set -- sock tcp4 bind-null bind-short 127.0.0.1 5000 bind-family6 5000 \
	sock udp4 bind-null bind-short 127.0.0.1 5000 bind-family6 5000 \
	sock tcp6 bind-null bind-short ::1 5000 \
	sock unix bind-unix "$work/u.sock" \
	use 1 bind 127.0.0.1 5000 use 999 bind 127.0.0.1 5000 \
	use 999 connect 127.0.0.1 5000 use 999 sendto 127.0.0.1 5000 listen
"$DRV" "$@" > native.txt
rm -f u.sock
"$PSF" run -- "$DRV" "$@" > preload.txt
expect "kernel answers" native.txt preload.txt
grep -q 'bind-short: EINVAL' native.txt || fail "test is not testing"
[ ! -s smf.bin ] || fail "odd input produced records"

# The policy does apply to good input here.
"$PSF" run -- "$DRV" sock tcp4 bind 127.0.0.1 5000 > out.txt
grep -q 'bind: EACCES' out.txt || fail "policy not applied"

# errno: a bind(0) that writes a warning record (discovery policy).
rm -f portsaf.conf
PORTSAF_MESSAGES=none "$PSF" run -- "$DRV" sock tcp4 errno-kept > out.txt
grep -q 'errno-kept: OK' out.txt || fail "errno changed: $(cat out.txt)"
[ "$(records portsaf-smf80.bin | wc -l)" -eq 1 ] || fail "no record written"
echo "preload_oddaddr: ok"
