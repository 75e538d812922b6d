#!/bin/sh
# `portsaf smf` usage errors and unreadable files: exit 125 with a message
# naming the problem (interface.md; cmd_smf.c).
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

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# usage WANT-FIRST-LINE ARG...: exit 125, stderr starting with that line
usage() {
	want=$1
	shift
	rc=0
	"$PSF" "$@" > "$work/out" 2> "$work/err" || rc=$?
	[ "$rc" -eq 125 ] || fail "portsaf $*: exit $rc, expected 125"
	[ "$(head -n 1 "$work/err")" = "$want" ] ||
		fail "portsaf $*: said '$(head -n 1 "$work/err")', expected '$want'"
	[ ! -s "$work/out" ] || fail "portsaf $*: wrote output"
}

usage "portsaf smf: print or report?" smf
usage "portsaf smf: unknown subcommand 'dump' (print or report)" smf dump x
usage "portsaf smf: print: no SMF file named" smf print
usage "portsaf smf: unknown format 'xml' (text or json)" \
	smf report --format xml "$G/sample.bin"
usage "portsaf smf: option '--format' needs an argument" smf print --format
usage "portsaf smf: unknown option '--policy-dir'" \
	smf print --policy-dir "$work" "$G/sample.bin"
usage "portsaf smf: unknown option '--frob'" smf report --frob "$G/sample.bin"
usage "portsaf smf: $work/none.bin: No such file or directory" \
	smf print "$G/sample.bin" "$work/none.bin"
usage "portsaf smf: $work: Is a directory" smf report "$work"
usage "portsaf smf: $work/none/x: No such file or directory" \
	smf report --policy-dir "$work/none/x" "$G/sample.bin"
"$PSF" smf --help | grep -q "^usage: portsaf smf print" || fail "smf --help"
echo "smf_usage: ok"
