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

# Pointers the kernel cannot read (tests/progs/badptr.c): (void *)1, an
# unmapped page, a buffer running into one, PROT_NONE, a kernel address,
# just above the main thread's and a thread's stack; as the address of
# bind, connect, sendto, as sendmsg's msghdr and msg_name, as sendmmsg's
# vector, a header in it and a msg_name in it; and lengths the kernel
# refuses unread.  The policy denies every bind and every destination but
# 127.0.0.1: whatever portsaf cannot read, it must leave to the kernel,
# never crash and never decide on.  (The good messages ahead of a bad one
# go to 127.0.0.1.)
BAD=$B/tests/progs/badptr
[ -x "$BAD" ] || fail "missing $BAD (make tests)"
cat > bad.conf <<'EOC'
profile = "bad.profile";
racf = "bad.racf";
smf = "bad.smf";
messages = "none";
EOC
cat > bad.profile <<'EOC'
PORT
  UNRSV TCP * DENY WHENBIND
  UNRSV UDP * DENY
NETACCESS
  127.0.0.1/32 LOCAL
  DEFAULT 0 BLOCKED
ENDNETACCESS
EOC
cat > bad.racf <<'EOC'
RDEFINE SERVAUTH EZB.NETACCESS.SYS1.TCPIP.LOCAL UACC(READ)
RDEFINE SERVAUTH EZB.NETACCESS.SYS1.TCPIP.BLOCKED UACC(NONE)
EOC
P=$(free_ports 1)
for k in tcp4 tcp6 udp4 udp6; do
	rc=0
	"$BAD" bad "$k" "$P" > bad-native.txt || rc=$?
	[ "$rc" -eq 0 ] || fail "badptr bad $k: exit $rc without portsaf"
	PORTSAF_CONFIG=$work/bad.conf "$PSF" run -- "$BAD" bad "$k" "$P" \
		> bad-preload.txt || rc=$?
	[ "$rc" -eq 0 ] || fail "badptr bad $k: exit $rc under portsaf"
	expect "bad pointers ($k)" bad-native.txt bad-preload.txt
done
for c in bind-unmapped sendmsg-heap-name-protnone sendmmsg-vec-one \
	 bind-thread-above-stack; do
	grep -qx "$c: EFAULT" bad-native.txt || fail "test is not testing: $c"
done
grep -qx 'sendmmsg-heap-long-straddle: 20' bad-native.txt ||
	fail "test is not testing: sendmmsg-heap-long"

# The same wrappers on good addresses they cannot read on the fast path
# (heap, static data, a thread's stack, deep recursion, a signal handler
# on an alternate stack): the policy applies (sends: UDP only, TCP ignores
# the address).
for k in tcp4 udp6; do
	"$BAD" good "$k" "$P" > good-native.txt
	PORTSAF_CONFIG=$work/bad.conf "$PSF" run -- "$BAD" good "$k" "$P" \
		> good-preload.txt
	set -- bind-heap bind-static bind-thread bind-deep bind-sigaltstack
	[ "$k" = tcp4 ] || set -- "$@" sendto-heap sendmsg-heap
	for c in "$@"; do
		grep -qx "$c: EACCES" good-preload.txt ||
			fail "$k $c: $(grep "^$c:" good-preload.txt)"
	done
	if [ "$k" = udp6 ]; then
		grep -qx 'sendmmsg-heap: 20' good-preload.txt ||
			fail "udp6 sendmmsg: $(grep '^sendmmsg' good-preload.txt)"
		grep -qx 'sendmmsg-heap: 40' good-native.txt ||
			fail "test is not testing: sendmmsg-heap"
	fi
done

# The policy does apply to good input here.
"$PSF" run -- "$DRV" sock tcp4 bind 127.0.0.1 5000 > out.txt
grep -q 'bind: EACCES' out.txt || fail "policy not applied"

# errno: a bind(0) that writes a warning record (discovery policy).
rm -f portsaf.conf
PORTSAF_MESSAGES=none "$PSF" run -- "$DRV" sock tcp4 errno-kept > out.txt
grep -q 'errno-kept: OK' out.txt || fail "errno changed: $(cat out.txt)"
[ "$(records portsaf-smf80.bin | wc -l)" -eq 1 ] || fail "no record written"
echo "preload_oddaddr: ok"
