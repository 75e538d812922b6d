#!/bin/sh
# Golden tests of `portsaf check` and `portsaf explain` (interface.md): the
# exact output and exit status of each case in tests/golden/cli/cases.
# UPDATE_GOLDEN=1 rewrites the .out files (review the diff before commit).
set -u
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin="$top/${BUILD:-build}/portsaf"
cd "$top/tests/golden/cli" || exit 1
# the identity explain shows (superuser, APF through the uid 0 rule) and the
# RESTRICTLOWPORTS decisions depend on the euid: the goldens are root's
if [ "$(id -u)" -ne 0 ]; then
	echo "skip: the golden outputs are those of root (CI runs as root)"
	exit 77
fi
# explain shows the identity: the same defaults everywhere
unset PORTSAF_CONFIG PORTSAF_JOBNAME
export PORTSAF_USER=TESTUSR PORTSAF_GROUP=TESTGRP PORTSAF_PROGRAM=PORTSAF TZ=UTC
failed=0
while IFS='|' read -r name want args; do
	case $name in '#'*|'') continue ;; esac
	name=$(echo $name)
	want=$(echo $want)
	out=$(eval "\"$bin\" $args" 2>&1)
	got=$?
	# the record explain shows carries the time, the process start and
	# the pid: its bytes are unit-tested (test_smf80), here only its
	# size and qualifier, with the pid's digits taken out
	out=$(printf '%s\n' "$out" | sed -e "s|$PWD/||g" \
		-e 's/PID([0-9]*)/PID(n)/' -e '/^  [0-9A-F]\{4\} /d' \
		-e 's/^\(SMF type 80 record\) ([0-9]* bytes/\1 (n bytes/')
	[ -z "${UPDATE_GOLDEN:-}" ] || printf '%s\n' "$out" > "$name.out"
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit $got, expected $want"
		failed=1
	fi
	if ! printf '%s\n' "$out" | diff -u "$name.out" -; then
		echo "FAIL $name: output differs from $name.out"
		failed=1
	fi
done < cases
exit $failed
