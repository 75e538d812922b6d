#!/bin/sh
# Bad input from the target (a NULL or short sockaddr, the wrong family,
# AF_UNSPEC, a descriptor that is closed or no socket, AF_UNIX and IPv6
# calls) gets the kernel's own answer under the supervisor: with a policy
# that allows everything, every result equals the result without portsaf.
. "$(dirname "$0")/preload.inc"
printf 'smf = "";\nmessages = "none";\n' > portsaf.conf

set -- $(free_ports 2)
P1=$1 P2=$2
steps="sock tcp4 bind-null
	sock tcp4 bind-short 127.0.0.1 $P1
	sock tcp4 bind-family6 $P1
	sock tcp6 bind 127.0.0.1 $P1 port
	sock tcp4 bind-unspec $P2 port
	sock udp4 connect 127.0.0.1 0
	sock udp6 sendto 127.0.0.1 9 sendto ::1 0
	sock tcp4 fastopen 127.0.0.1 $P1
	use 99 bind 127.0.0.1 0 listen connect 127.0.0.1 9 sendto 127.0.0.1 9
	use 0 bind 127.0.0.1 0 listen
	sock unix bind-unix $work/u.sock listen connect 127.0.0.1 9
	sock udp4 sendmmsg 127.0.0.1 9 ::1 9"

# shellcheck disable=SC2086
"$DRV" $steps < /dev/null > native.txt 2>&1
rm -f u.sock
# shellcheck disable=SC2086
timeout 60 "$PSF" run --enforce -- "$DRV" $steps < /dev/null > enforce.txt 2>&1 ||
	fail "exit $?: $(cat enforce.txt)"
grep -q "EFAULT" native.txt || fail "the scenario has no bad pointer: $(cat native.txt)"
expect "the kernel's answers" native.txt enforce.txt

# A send on an unconnected TCP socket: EPIPE, and SIGPIPE for the caller
# (raised in the target, not in the supervisor that made the send).
set +e
"$DRV" sock tcp4 sendmsg 127.0.0.1 9 > /dev/null 2>&1
native=$?
timeout 60 "$PSF" run --enforce -- "$DRV" sock tcp4 sendmsg 127.0.0.1 9 \
	> /dev/null 2>&1
enforce=$?
set -e
[ "$native" -eq 141 ] && [ "$enforce" -eq 141 ] ||
	fail "SIGPIPE: native exit $native, under --enforce $enforce"
echo "enforce_oddaddr: ok"
