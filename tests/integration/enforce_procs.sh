#!/bin/sh
# Issue 5 item 3: every descendant is supervised; the supervisor runs until
# the last one has exited and exits with the first child's status
# (128+signal if killed; 126/127 as interface.md says); signals sent to
# portsaf reach the command; exec resolves the identity again.
. "$(dirname "$0")/preload.inc"

st() {
	set +e
	timeout 60 "$@" > st.out 2> st.err
	echo $?
	set -e
}
[ "$(st "$PSF" run --enforce -- sh -c 'exit 7')" -eq 7 ] || fail "status"
[ "$(st "$PSF" run --enforce -- sh -c 'kill -TERM $$')" -eq 143 ] ||
	fail "killed: 128+signal"
[ "$(st "$PSF" run --enforce -- ./no-such-command)" -eq 127 ] || fail "127"
printf 'data\n' > notexec
[ "$(st "$PSF" run --enforce -- ./notexec)" -eq 126 ] || fail "126"
grep -q "notexec: Permission denied" st.err || fail "126 message: $(cat st.err)"
# No "#!" line: the shell runs it, as execvp() would.
printf 'exit 5\n' > script
chmod +x script
[ "$(st "$PSF" run --enforce -- ./script)" -eq 5 ] || fail "shell script"

set -- $(free_ports 3)
P1=$1 P2=$2 P3=$3
cat > portsaf.conf <<EOC
profile = "tcpip.profile";
smf = "smf.bin";
messages = "none";
EOC
cat > tcpip.profile <<EOC
PORT
   $P1 TCP OWNJOB
   $P2 TCP RESERVED
   $P3 TCP RESERVED
EOC

# Children and grandchildren are supervised.
"$PSF" run --enforce -- sh -c "
	\"$DRV\" sock tcp4 bind 127.0.0.1 $P2 > a.txt &
	( \"$DRV\" fork sock tcp4 bind 127.0.0.1 $P3 > b.txt ) &
	wait" || fail "children"
echo "sock: OK
bind: EADDRINUSE" | expect "child" - a.txt
echo "sock: OK
bind: EADDRINUSE" | expect "grandchild" - b.txt

# An orphan outlives the first child: the supervisor waits for it (a call
# made after the supervisor had gone would fail with ENOSYS), then exits
# with the first child's status.
mkfifo go
timeout 60 "$PSF" run --enforce -- sh -c "
	( read x < go; \"$DRV\" sock tcp4 bind 127.0.0.1 $P2 > orphan.txt ) &
	exit 9" &
sup=$!
echo go > go
set +e
wait "$sup"
rc=$?
set -e
[ "$rc" -eq 9 ] || fail "first child's status with an orphan left: $rc"
echo "sock: OK
bind: EADDRINUSE" | expect "orphan supervised to its end" - orphan.txt

# exec: the job name comes from the new program's environment.
"$PSF" run --enforce -- "$DRV" sock tcp4 bind 127.0.0.1 "$P1" \
	exec /usr/bin/env PORTSAF_JOBNAME=OWNJOB "$DRV" \
	sock tcp4 bind 127.0.0.1 "$P1" > exec.txt
printf 'sock: OK\nbind: EACCES\nsock: OK\nbind: OK\n' | expect "exec" - exec.txt

# kill(1) on portsaf reaches the command.
mkfifo ready hold
timeout 60 "$PSF" run --enforce -- sh -c 'echo up > ready; read x < hold' &
sup=$!
read -r x < ready
kill -TERM "$sup"
set +e
wait "$sup"
rc=$?
set -e
[ "$rc" -eq 143 ] || fail "SIGTERM passed on: exit $rc"
echo "enforce_procs: ok"
