# Shared part of the rollout rehearsals, sourced by rehearsal_*.sh.  The
# test runner runs every *.sh file, this one too: run on its own, it tests
# its comparison, rh_compare (at the end).
#
# A rehearsal runs a workload of stand-ins (tests/progs/standin_*.c) twice
# under one of the policies/ configurations: first as the policy stands,
# with its new profiles in WARNING, then with `portsaf run --no-warning`,
# the moment `RALTER ... NOWARNING` is issued.  It then checks the promise
# of the rollout (zos-port-security.md section 9): the calls that fail the
# second time are exactly the warnings of the first -- no more, no fewer:
#
#  * the WARNING records of run 1 (smf print) and the warnings smf report
#    lists agree, and are the ones the test expects;
#  * run 2 writes no WARNING record, and its INSAUTH records are run 1's
#    plus one for each warning;
#  * the calls whose result changed from run 1 to run 2, as the stand-ins
#    report them, are exactly the warned calls, each now failing EACCES;
#    every other call has the same result in both runs, or was not made
#    because an earlier one failed (an FTP transfer after its listen).
#
# Run as root, a rehearsal moves into a network namespace of its own, with
# only a loopback device, so that the products' real port numbers are free
# and no other program's sockets change the results between the two runs.
# Elsewhere it checks that the ports it needs are free and skips (77) if
# they are not.
set -eu
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case ${BUILD:-build} in
/*) B=${BUILD} ;;
*) B=$top/${BUILD:-build} ;;
esac
PSF=$B/portsaf
PROGS=$B/tests/progs
for f in "$PSF" "$B/libportsaf.so" "$PROGS/standin_batch" \
	 "$PROGS/standin_ftp" "$PROGS/standin_omegamon" "$PROGS/standin_sas" \
	 "$PROGS/standin_was"; do
	[ -e "$f" ] || { echo "missing $f (make tests)" >&2; exit 1; }
done
command -v python3 > /dev/null || { echo "no python3" >&2; exit 77; }

if [ -z "${RH_NETNS:-}" ] && [ "$(id -u)" -eq 0 ] &&
   command -v unshare > /dev/null && unshare --net true 2> /dev/null; then
	RH_NETNS=1 exec unshare --net sh "$0" "$@"
fi
if [ -n "${RH_NETNS:-}" ]; then
	# A new namespace's loopback device is down: SIOCSIFFLAGS IFF_UP.
	python3 - <<'EOF' || { echo "cannot bring lo up" >&2; exit 1; }
import fcntl, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
flags = struct.unpack("16sH", fcntl.ioctl(s, 0x8913,
                      struct.pack("16sH", b"lo", 0))[:18])[1]
fcntl.ioctl(s, 0x8914, struct.pack("16sH", b"lo", flags | 1))
EOF
fi

RH_DIR=$(mktemp -d)
trap 'rm -rf "$RH_DIR"' EXIT
cd "$RH_DIR"
unset PORTSAF_CONFIG PORTSAF_SMF PORTSAF_MESSAGES PORTSAF_JOBNAME \
      PORTSAF_USER PORTSAF_GROUP PORTSAF_PROGRAM PORTSAF_NO_WARNING \
      PORTSAF_PRELOAD LD_PRELOAD

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# rh_policy NAME: rehearse policies/NAME/portsaf.conf
rh_policy() {
	RH_CONF=$top/policies/$1/portsaf.conf
	[ -f "$RH_CONF" ] || fail "no $RH_CONF"
}

# rh_ports_free tcp|udp PORT|FIRST-LAST...: outside a namespace of its own,
# skip unless every port named is free on 127.0.0.1.
rh_ports_free() {
	[ -z "${RH_NETNS:-}" ] || return 0
	python3 - "$@" <<'EOF' || exit 77
import socket, sys
kind = socket.SOCK_STREAM if sys.argv[1] == "tcp" else socket.SOCK_DGRAM
for arg in sys.argv[2:]:
    first, _, last = arg.partition("-")
    for port in range(int(first), int(last or first) + 1):
        s = socket.socket(socket.AF_INET, kind)
        if kind == socket.SOCK_STREAM:     # as the stand-ins do
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError as e:
            sys.exit("port %s %d is busy (%s): skipped" % (sys.argv[1], port, e))
        finally:
            s.close()
EOF
}

# rh_job [portsaf run options] -- COMMAND...: one job of the workload in
# the current run, with the options in RH_RUN_OPTS too (--enforce, say).
# The stand-in's report lines go to RUN.out, portsaf's messages (ICH408I,
# ICH432I) to RUN.msg, SMF records to RUN.smf.  A stand-in exits 0
# whatever its calls return; anything else is a failure.
rh_job() {
	rc=0
	# shellcheck disable=SC2086
	PORTSAF_SMF=$RH_DIR/$RH_RUN.smf PORTSAF_MESSAGES=$RH_DIR/$RH_RUN.msg \
		"$PSF" run -c "$RH_CONF" $RH_FLAG ${RH_RUN_OPTS:-} "$@" \
		>> "$RH_DIR/$RH_RUN.out" 2>> "$RH_DIR/$RH_RUN.err" || rc=$?
	[ "$rc" -eq 0 ] || fail "$RH_RUN run: portsaf run $* exited $rc:
$(tail -n 20 "$RH_DIR/$RH_RUN.err")"
}

# rh_expect: the warnings run 1 must report, one per line from stdin,
# "JOBNAME OP PROTO PORT" (a call made twice is listed twice).
rh_expect() {
	cat > "$RH_DIR/expected"
}

# rh_rehearse WORKLOAD: run the shell function WORKLOAD (made of rh_job
# calls) in WARNING and with --no-warning, and check the outcome.
rh_rehearse() {
	[ -f "$RH_DIR/expected" ] || fail "rh_expect first"
	RH_RUN=warn RH_FLAG=
	"$1"
	RH_RUN=nowarn RH_FLAG=--no-warning
	"$1"
	for run in warn nowarn; do
		touch "$run.smf" "$run.msg"
		"$PSF" smf print --format json "$run.smf" > "$run.json" ||
			fail "smf print $run.smf"
		"$PSF" smf report --format json "$run.smf" > "$run.report.json" ||
			fail "smf report --format json $run.smf"
	done
	echo "== portsaf smf report, run 1 (profiles as written, WARNING)"
	"$PSF" smf report warn.smf | sed -n '/^WARNINGS BY PROFILE/,/^$/p'
	echo "== messages, run 1"
	cat warn.msg
	echo "== messages, run 2 (--no-warning)"
	cat nowarn.msg
	rh_compare "$RH_DIR"
}

# rh_compare DIR: the checks, on DIR/expected and DIR/RUN.out, RUN.json
# (smf print --format json) and RUN.report.json (smf report --format
# json) of the runs "warn" and "nowarn".
rh_compare() {
	python3 - "$1" <<'EOF'
import collections, json, os, sys

d = sys.argv[1]
C = collections.Counter
problems = []

def check(ok, what, got=None, want=None):
    if not ok:
        problems.append(what if got is None else
                        "%s\n    got:  %s\n    want: %s" % (what, got, want))

def show(counter):
    return ", ".join("%s%s" % (" ".join(map(str, k)),
                               " x%d" % n if n > 1 else "")
                     for k, n in sorted(counter.items())) or "(none)"

def calls(run):
    """(op, proto, port, result) of every call, as the stand-ins said."""
    out = C()
    with open(os.path.join(d, run + ".out")) as f:
        for line in f:
            w = line.split()
            if len(w) >= 4 and w[0] in ("BIND", "LISTEN", "CONNECT", "SEND"):
                out[(w[0], w[1], int(w[2]), w[3])] += 1
    return out

def records(run, qualifier):
    """(jobname, op, proto, port) of the SMF records of one qualifier."""
    with open(os.path.join(d, run + ".json")) as f:
        recs = [json.loads(l) for l in f if l.strip()]
    return C((r["jobname"], r["op"], r["protocol"], r["port"])
             for r in recs if r["qualifier"] == qualifier)

def reported_warnings(run):
    got = C()
    with open(os.path.join(d, run + ".report.json")) as f:
        for l in f:
            r = json.loads(l)
            if r.get("type") == "warning":
                got[(r["jobname"], r["op"], r["protocol"], r["port"])] += r["count"]
    return got

def calls_of(recs, result=None):
    """Drop the job name, as the stand-ins' lines have none."""
    out = C()
    for k, n in recs.items():
        out[k[1:] + ((result,) if result else ())] += n
    return out

expected = C()
with open(os.path.join(d, "expected")) as f:
    for line in f:
        w = line.split()
        if w:
            expected[(w[0], w[1], w[2], int(w[3]))] += 1

# What run 1 announced
warned = records("warn", "WARNING")
check(warned == expected, "run 1: the WARNING records are not the expected "
      "warnings", show(warned), show(expected))
check(reported_warnings("warn") == warned, "run 1: smf report's warnings "
      "differ from the WARNING records", show(reported_warnings("warn")),
      show(warned))

# What RACF said in run 2
check(not records("nowarn", "WARNING"), "run 2 (--no-warning) wrote WARNING "
      "records: " + show(records("nowarn", "WARNING")))
check(not reported_warnings("nowarn"), "run 2: smf report lists warnings")
ins1, ins2 = records("warn", "INSAUTH"), records("nowarn", "INSAUTH")
check(ins2 == ins1 + warned, "run 2: the INSAUTH records are not run 1's "
      "plus one per warning", show(ins2), show(ins1 + warned))

# What the programs saw
c1, c2 = calls("warn"), calls("nowarn")
check(sum(c1.values()) > 0 and sum(c2.values()) > 0, "a run made no calls")
new_results = c2 - c1
lost_results = c1 - c2
failed_now = C({k: n for k, n in new_results.items() if k[3] != "OK"})
check(all(k[3] == "EACCES" for k in failed_now),
      "run 2: a call failed other than with EACCES: " + show(failed_now))
failed_calls = C({k[:3]: n for k, n in failed_now.items()})
check(failed_calls == calls_of(warned), "the calls that fail with "
      "--no-warning are not exactly the warnings",
      show(failed_calls), show(calls_of(warned)))
check(not C({k: n for k, n in new_results.items() if k[3] == "OK"}),
      "run 2: calls succeeded that had not succeeded in run 1: " +
      show(C({k: n for k, n in new_results.items() if k[3] == "OK"})))
check(not (calls_of(warned, "OK") - c1), "run 1: a warned call did not "
      "succeed: " + show(calls_of(warned, "OK") - c1))
# Calls made in run 1 and not in run 2: what the program did not go on to
# do once a call failed (an FTP transfer after its listen, say).
skipped = lost_results - calls_of(warned, "OK")
both = C({k: n for k, n in (c1 & c2).items() if k[3] != "OK"})

print("== rehearsal: %d calls in run 1, %d in run 2"
      % (sum(c1.values()), sum(c2.values())))
print("warnings in run 1 (JOBNAME OP PROTO PORT): " + show(warned))
print("failing only with --no-warning: " + show(failed_now))
print("not made with --no-warning, after a failure: " + show(skipped))
print("failing in both runs (port in use, or denied where no WARNING "
      "applies): " + show(both))
if problems:
    print("\n".join("FAIL: " + p for p in problems))
    sys.exit(1)
print("rehearsal: the calls that fail are exactly the warnings")
EOF
}

# The workload of SYS1 for the rollout-phase rehearsals (policies/phases):
# rh_site_workload runs it as it stands in phase $RH_PHASE.  The month-end
# payroll job runs from phase 2 on, the rehearsal window that reads SMF
# for rare listeners; the WAS cell stops scanning ports at server creation
# in phase 5 (suppressPortScan=true, phase 4's finding).
rh_site_ports_free() {
	rh_ports_free tcp 1414 1918 2809 5001 5755 6014 7001 7276 8088 8803 \
		8879 8880 9080-9089 9100 9353 9443 9809 10110 14206 18302 \
		19000-19100 22398 26494 27000-27099 30590 34686 38782 42878 \
		46974 51070 55166 59262 63358
	rh_ports_free udp 1918 5100 19000-19100
}

rh_site_workload() {
	# OMEGAMON: hub TEMS with 15 agents
	rh_job --job CANSDSST --user OMEGSTC --group STCGRP --program KDSMAIN \
		-- "$PROGS/standin_omegamon" --loopback-pool 19000-19100
	# WAS cell
	rh_job --job BBODMN --user WASSRV --group WASGRP --program BBOCTL \
		-- "$PROGS/standin_was" --listen 5755
	rh_job --job BBOS001 --user WASSRV --group WASGRP --program BBOCTL \
		-- "$PROGS/standin_was" --listen 2809 --listen 7276 --listen 8880 \
		--listen 9080 --listen 9100 --listen 9353 --listen 9443 --listen 0
	if [ "$RH_PHASE" -le 4 ]; then
		rh_job --job BBODMGR --user WASSRV --group WASGRP \
			--program BBOCTL -- "$PROGS/standin_was" --listen 8879 \
			--listen 9809 --scan 9081-9089
	else
		rh_job --job BBODMGR --user WASSRV --group WASGRP \
			--program BBOCTL -- "$PROGS/standin_was" --listen 8879 \
			--listen 9809
	fi
	# MQ, RMF, SAS
	rh_job --job CSQ1CHIN --user MQSTC --group STCGRP --program CSQXJST \
		-- "$PROGS/standin_batch" listen 1414
	rh_job --job GPMSERVE --user GPMSTC --group STCGRP --program GPMSERVE \
		-- "$PROGS/standin_batch" listen 8803
	rh_job --job SASDAILY --user SASUSR1 --group SASUSERS --program SAS \
		-- env TCP_EPH_MAP_ENABLED=1 TCP_EPH_MAP_FIRST=27000 \
		TCP_EPH_MAP_LAST=27099 "$PROGS/standin_sas"
	# A UDP heartbeat receiver; CSSMTP's name server queries from ports
	# the stack assigns
	rh_job --job HBRECV --user HBSTC --group STCGRP --program HBRECV \
		-- "$PROGS/standin_batch" udp 5100
	rh_job --job CSSMTP --user SMTPSTC --group STCGRP --program CSSMTP \
		-- "$PROGS/standin_batch" udpsend 53 udpsend 53
	# A TSO user's test server; a file transfer job whose client binds a
	# port of its own, and one that lets the stack choose
	rh_job --job JSMITH --user JSMITH --group TSOUSERS --program PYTHON3 \
		-- "$PROGS/standin_batch" listen 8088
	rh_job --job XFERJOB --user XFERUSR --group BATCHGRP --program XFERPGM \
		-- "$PROGS/standin_batch" client 7001 client 0
	if [ "$RH_PHASE" -ge 2 ]; then
		rh_job --job PAYMEND --user PAYUSR --group PAYGRP \
			--program PAYSRV -- "$PROGS/standin_batch" listen 5001
	fi
}

# Run on its own -- the test runner runs every *.sh file -- this file
# tests rh_compare: a rehearsal whose two runs agree passes, and each way
# of disagreeing fails.
rh_selftest() {
	base=$RH_DIR/base
	mkdir "$base"
	echo "JOB1 LISTEN TCP 9081" > "$base/expected"
	printf '%s\n' "BIND TCP 9080 EACCES" "BIND TCP 9081 OK" \
		"LISTEN TCP 9081 OK" "BIND TCP 9082 OK" "LISTEN TCP 9082 OK" \
		"CONNECT TCP 0 OK 40000" > "$base/warn.out"
	printf '%s\n' "BIND TCP 9080 EACCES" "BIND TCP 9081 OK" \
		"LISTEN TCP 9081 EACCES" "BIND TCP 9082 OK" "LISTEN TCP 9082 OK" \
		"CONNECT TCP 0 OK 40001" > "$base/nowarn.out"
	rec='"jobname":"JOB1","op":"LISTEN","protocol":"TCP"'
	printf '%s\n' "{\"qualifier\":\"SUCCESS\",$rec,\"port\":9082}" \
		"{\"qualifier\":\"WARNING\",$rec,\"port\":9081}" > "$base/warn.json"
	printf '%s\n' "{\"qualifier\":\"SUCCESS\",$rec,\"port\":9082}" \
		"{\"qualifier\":\"INSAUTH\",$rec,\"port\":9081}" > "$base/nowarn.json"
	echo "{\"type\":\"warning\",$rec,\"port\":9081,\"count\":1}" \
		> "$base/warn.report.json"
	echo '{"type":"summary"}' > "$base/nowarn.report.json"
	rh_compare "$base" > "$RH_DIR/log" ||
		fail "two runs that agree: $(cat "$RH_DIR/log")"
	while IFS='|' read -r what file from to; do
		rm -rf "$RH_DIR/case"
		cp -R "$base" "$RH_DIR/case"
		sed "s/$from/$to/" "$base/$file" > "$RH_DIR/case/$file"
		! cmp -s "$base/$file" "$RH_DIR/case/$file" || fail "no change: $what"
		if rh_compare "$RH_DIR/case" > "$RH_DIR/log"; then
			fail "rh_compare passed $what"
		fi
		grep -q '^FAIL: ' "$RH_DIR/log" ||
			fail "rh_compare broke on $what: $(cat "$RH_DIR/log")"
	done <<'CASES'
a failure that was not warned|nowarn.out|LISTEN TCP 9082 OK|LISTEN TCP 9082 EACCES
a warned call that does not fail|nowarn.out|LISTEN TCP 9081 EACCES|LISTEN TCP 9081 OK
a warned call that fails otherwise|nowarn.out|LISTEN TCP 9081 EACCES|LISTEN TCP 9081 EADDRINUSE
a call that succeeds only in run 2|nowarn.out|BIND TCP 9080 EACCES|BIND TCP 9080 OK
a warned call that failed in run 1|warn.out|LISTEN TCP 9081 OK|LISTEN TCP 9081 EACCES
a warning that was not expected|expected|9081|9082
a WARNING record in run 2|nowarn.json|INSAUTH|WARNING
a missing INSAUTH record|nowarn.json|INSAUTH|SUCCESS
a report that disagrees with the records|warn.report.json|"count":1|"count":2
CASES
	echo "lib_rehearsal: rh_compare passes agreeing runs and fails 9 kinds of disagreement"
}

case $0 in
*/lib_rehearsal.sh) rh_selftest ;;
esac
