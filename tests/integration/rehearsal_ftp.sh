#!/bin/sh
# Rehearsal of policies/ftp: the FTP daemon (program FTPD) on 21, an FTP
# session (program FTPDNS) opening active-mode data connections from 20,
# both permitted WHEN(PROGRAM(...)); a TSO user's FTP client that is
# refused passive mode and falls back to active mode, listening on a port
# of its own (1031) -- a warning under PORT UNRSV TCP * SAF UNRSVTCP -- and
# the same client with PASSIVEONLY TRUE, which does not; a user's own FTP
# server on 21 (reserved to job FTPD1: refused in both runs, no RACF call)
# and on 20 (SAF FTPDATA: a warning, and in ENHANCED-WARNING mode an
# ICH432I naming the program, MYFTPD).
[ "$(id -u)" -eq 0 ] || { echo "needs root: ports 20 and 21" >&2; exit 77; }
. "$(dirname "$0")/lib_rehearsal.sh"
rh_policy ftp
rh_ports_free tcp 20 21 1031
for name in ftpd ftpdns ftp myftpd; do
	ln -s "$PROGS/standin_ftp" "$RH_DIR/$name"
done

workload() {
	rm -f ready
	mkfifo ready
	rh_job -- "$RH_DIR/ftpd" server --ctl 21 --data 20 --sessions 2 \
		--session "$RH_DIR/ftpdns" --ready ready &
	server=$!
	timeout 30 head -n 1 ready > /dev/null || fail "the FTP daemon did not start"
	rh_job -- "$RH_DIR/ftp" client --ctl 21 --active-port 1031
	rh_job -- "$RH_DIR/ftp" client --ctl 21 --passive-only
	wait "$server" || fail "$RH_RUN run: the FTP daemon"
	rh_job -- "$RH_DIR/myftpd" server --ctl 21 --sessions 0
	rh_job -- "$RH_DIR/myftpd" server --ctl 20 --sessions 0
}

rh_expect <<'EOW'
JSMITH LISTEN TCP 1031
JSMITH BIND TCP 20
EOW
rh_rehearse workload

# The transfer went through in run 1: the session's data connection from
# port 20 to the client's port.
grep -q '^CONNECT TCP 1031 OK$' warn.out || fail "no active-mode transfer"
[ "$(grep -c '^BIND TCP 20 OK$' warn.out)" -eq 2 ] ||
	fail "run 1: port 20 for the session and for MYFTPD"
[ "$(grep -c '^BIND TCP 21 EACCES$' warn.out)" -eq 1 ] ||
	fail "run 1: MYFTPD on 21 must fail (job name)"
grep -q 'PASSIVEONLY TRUE: no fallback' warn.err || fail "PASSIVEONLY client"
ich432="ICH432I CONDITIONAL ACCESS LIST FOR SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.FTPDATA DID NOT GRANT AUTHORITY TO PROGRAM(S): MYFTPD"
for run in warn nowarn; do
	grep -qF "$ich432" $run.msg || fail "$run: no ICH432I for MYFTPD"
	[ "$(grep -c ICH432I $run.msg)" -eq 1 ] ||
		fail "$run: ICH432I only for MYFTPD: $(grep ICH432I $run.msg)"
done
echo "rehearsal_ftp: ok"
