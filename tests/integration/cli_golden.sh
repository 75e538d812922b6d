#!/bin/sh
# Golden tests of `portsaf check` and `portsaf explain` (interface.md): the
# exact output and exit status of each case in tests/golden/cli/cases.
# UPDATE_GOLDEN=1 rewrites the .out files (review the diff before commit).
set -u
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
bin="$top/${BUILD:-build}/portsaf"
cd "$top/tests/golden/cli" || exit 1
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
	# the SMF record explain shows carries the time (record offsets 6-13)
	# and the process start (62-69): mask the lines that hold them
	out=$(printf '%s\n' "$out" | sed -e "s|$PWD/||g" \
		-e 's/^\(  00[034]0\) .*/\1 (time)/')
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
