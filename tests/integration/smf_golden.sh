#!/bin/sh
# `portsaf smf print` and `portsaf smf report` on the golden SMF files of
# tests/golden/smf (issue 4 items 4-6): output, diagnostics and exit status
# byte for byte.  sample.bin holds the worked example of smf80.md section 5,
# portsaf records of each qualifier and a type 30 record; damaged.bin a
# record whose relocate runs past it and a truncated record.
set -eu
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case ${BUILD:-build} in
/*) B=$BUILD ;;
*) B=$top/${BUILD:-build} ;;
esac
PSF=$B/portsaf
G=$top/tests/golden/smf
[ -x "$PSF" ] || { echo "missing $PSF (make tests)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Diagnostics name the files as given: run where the goldens are.
cd "$G"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# check NAME WANT-RC WANT-STDOUT WANT-STDERR ARG...
check() {
	name=$1 want_rc=$2 want_out=$3 want_err=$4
	shift 4
	rc=0
	"$PSF" "$@" > "$work/out" 2> "$work/err" || rc=$?
	[ "$rc" -eq "$want_rc" ] || fail "$name: exit $rc, expected $want_rc"
	diff -u "$want_out" "$work/out" >&2 || fail "$name: output"
	diff -u "$want_err" "$work/err" >&2 || fail "$name: diagnostics"
}

empty=$work/empty
: > "$empty"
check "print text" 0 print.txt print.err smf print sample.bin
check "print json" 0 print.json print.err smf print --format json sample.bin
check "print damaged: the rest is printed, exit 1" 1 damaged.txt damaged.err \
	smf print damaged.bin
check "report text" 0 report.txt report.err smf report sample.bin
check "report json" 0 report.json report.err smf report --format=json sample.bin
check "report --policy-dir" 0 report.txt report.err \
	smf report --policy-dir "$work/policy" sample.bin
for f in portsaf.conf tcpip.profile servauth.racf; do
	diff -u "policy/$f" "$work/policy/$f" >&2 || fail "policy file $f"
done
cat sample.bin | "$PSF" smf print - > "$work/stdin.txt" 2> /dev/null ||
	fail "print from standard input"
diff -u print.txt "$work/stdin.txt" >&2 || fail "print from standard input"
# Several files are merged; damage in one still gives a report, exit 1.
rc=0
"$PSF" smf report sample.bin damaged.bin > "$work/two.txt" 2> "$work/two.err" ||
	rc=$?
[ "$rc" -eq 1 ] || fail "report of two files: exit $rc, expected 1"
[ "$(head -n 1 "$work/two.txt")" = "portsaf smf report: 7 port access records \
from 2 files, 2025-03-14T14:30:15.27 to 2025-03-14T14:30:20.27, system SYS1" ] ||
	fail "report of two files: $(head -n 1 "$work/two.txt")"
# damage is reported as it is met, the skipped counts at the end
cat damaged.err print.err > "$work/two.want"
diff -u "$work/two.want" "$work/two.err" >&2 || fail "report of two files: diagnostics"
echo "smf_golden: ok"
