#!/bin/sh
# The per-socket state across dup, dup2, dup3, F_DUPFD, close and fork:
# a socket explicitly bound to a nonzero port stays "explicitly bound"
# under every name it has (WHENLISTEN checks its listen), a socket bound to
# port 0 stays stack-assigned, a closed descriptor forgets.  And portsaf's
# own descriptors survive a program that closes every descriptor (close
# loop, close_range, closefrom) or dup2()s onto one of them.
. "$(dirname "$0")/preload.inc"

set -- $(free_ports 2)
P=$1 Q=$2
cat > portsaf.conf <<'EOC'
profile = "tcpip.profile";
racf = "servauth.racf";
smf = "smf.bin";
messages = "none";
EOC
printf 'PORT\n  UNRSV TCP * SAF UNRSVTCP WHENLISTEN\n' > tcpip.profile
echo 'RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) AUDIT(ALL(READ))' \
	> servauth.racf

run() {
	"$PSF" run -- "$DRV" "$@"
}

{
	run sock tcp4 bind 127.0.0.1 "$P" dup listen
	run sock tcp4 dup2 20 dup2 21 bind 127.0.0.1 "$P" use 20 listen
	run sock tcp4 bind 127.0.0.1 "$P" dup3 30 listen
	run sock tcp4 bind 127.0.0.1 "$P" dupfd 40 listen
	run sock tcp4 bind 127.0.0.1 "$P" fork listen
	run sock tcp4 bind 127.0.0.1 "$P" close sock tcp4 bind 127.0.0.1 0 listen
	run sock tcp4 bind 127.0.0.1 0 dup listen
} > out.txt
cat > want.txt <<'EOC'
sock: OK
bind: OK
dup: OK
listen: EACCES
sock: OK
dup2: OK
dup2: OK
bind: OK
use: OK
listen: EACCES
sock: OK
bind: OK
dup3: OK
listen: EACCES
sock: OK
bind: OK
dupfd: OK
listen: EACCES
sock: OK
bind: OK
listen: EACCES
sock: OK
bind: OK
close: OK
sock: OK
bind: OK
listen: OK
sock: OK
bind: OK
dup: OK
listen: OK
EOC
expect "state across dup/close/fork" want.txt out.txt
[ "$(records smf.bin | grep -c "OP(LISTEN)")" -eq 5 ] || fail "5 listen records"

# Closing everything after the sinks are open must not lose records.
for how in loop range from; do
	rm -f smf.bin
	run sock tcp4 bind 127.0.0.1 "$P" listen closeall "$how" \
	    sock tcp4 bind 127.0.0.1 "$Q" listen > out.txt
	[ "$(grep -c 'listen: EACCES' out.txt)" -eq 2 ] || fail "closeall $how: $(cat out.txt)"
	[ "$(records smf.bin | wc -l)" -eq 2 ] ||
		fail "closeall $how: records lost: $(records smf.bin)"
done

# The sinks live just below the descriptor limit: with 256, the SMF file
# is 192.  A program that dup2()s onto it gets its descriptor, and the
# records still reach the SMF file.
rm -f smf.bin
( ulimit -n 256 && run sock tcp4 bind 127.0.0.1 "$P" listen \
	sock tcp4 dup2 192 bind 127.0.0.1 "$Q" listen port ) > out.txt
grep -q '^port: OK 127.0.0.1 '"$Q"'$' out.txt || fail "dup2 onto fd 192: $(cat out.txt)"
[ "$(records smf.bin | wc -l)" -eq 2 ] || fail "dup2 onto a sink: $(records smf.bin)"
echo "preload_fdstate: ok"
