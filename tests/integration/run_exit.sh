#!/bin/sh
# `portsaf run` as interface.md states it: exit statuses (COMMAND's own,
# 128+signal through the shell, 125/126/127), configuration search and
# errors (FILE:LINE: error, exit 125 without running COMMAND), tolerated
# conditions (warning, run goes on), and the environment handed down.
. "$(dirname "$0")/preload.inc"

st() {
	set +e
	"$@" > /dev/null 2> err.txt
	echo $?
	set -e
}

[ "$(st "$PSF" run -- sh -c 'exit 7')" -eq 7 ] || fail "COMMAND's status"
[ "$(st sh -c "\"$PSF\" run -- sh -c 'kill -TERM \$\$'")" -eq 143 ] ||
	fail "killed COMMAND"
[ "$(st "$PSF" run -- ./no-such-command)" -eq 127 ] || fail "not found: 127"
[ "$(st "$PSF" run -- no-such-command-on-path)" -eq 127 ] || fail "PATH: 127"
printf 'data\n' > notexec
[ "$(st "$PSF" run -- ./notexec)" -eq 126 ] || fail "not executable: 126"
[ "$(st "$PSF" run)" -eq 125 ] || fail "no COMMAND: 125"
[ "$(st "$PSF" run --bogus -- true)" -eq 125 ] || fail "bad option: 125"
[ "$(st "$PSF" run --job ... -- true)" -eq 125 ] || fail "bad job name: 125"

# A named configuration must exist; never a silent fall-back.
[ "$(st "$PSF" run -c missing.conf -- touch ran)" -eq 125 ] || fail "-c missing"
[ "$(st env PORTSAF_CONFIG=missing.conf "$PSF" run -- touch ran)" -eq 125 ] ||
	fail "PORTSAF_CONFIG missing"
[ ! -e ran ] || fail "COMMAND ran despite a missing configuration"

# A broken configuration stops the run: FILE:LINE: error: ...
printf 'sysname = "SYS1";\nbogus_setting = 1;\n' > portsaf.conf
[ "$(st "$PSF" run -- touch ran)" -eq 125 ] || fail "bad config: 125"
grep -q "portsaf.conf:2: error: " err.txt || fail "error format: $(cat err.txt)"
[ ! -e ran ] || fail "COMMAND ran despite a broken configuration"

# What z/OS tolerates (EZZ0146I: DENY with a job name) warns and runs.
printf 'profile = "p";\n' > portsaf.conf
printf 'PORT\n  UNRSV TCP SOMEJOB DENY\n' > p
[ "$(st "$PSF" run -- touch ran)" -eq 0 ] || fail "tolerated: runs"
grep -q "p:2: warning: " err.txt || fail "warning format: $(cat err.txt)"
[ -e ran ] || fail "COMMAND did not run"

# The environment: absolute configuration and SMF paths, identity
# options, --no-warning; a COMMAND that changes directory still writes the
# same SMF file.
mkdir sub
"$PSF" run --job JOBA --user USERA --group GRPA --program PGMA --no-warning -- \
	sh -c 'echo "$PORTSAF_CONFIG|$PORTSAF_SMF|$PORTSAF_JOBNAME|$PORTSAF_USER|$PORTSAF_GROUP|$PORTSAF_PROGRAM|$PORTSAF_NO_WARNING"' \
	> env.txt 2> /dev/null
[ "$(cat env.txt)" = "$work/portsaf.conf|$work/portsaf-smf80.bin|JOBA|USERA|GRPA|PGMA|1" ] ||
	fail "environment: $(cat env.txt)"
rm portsaf.conf
PORTSAF_MESSAGES=none "$PSF" run --job JOBB -- sh -c "cd sub && \"$DRV\" sock tcp4 bind 127.0.0.1 0" > /dev/null
records portsaf-smf80.bin | grep -q '^EVQ=3 JOB=JOBB ' ||
	fail "discovery record in the start directory: $(records portsaf-smf80.bin)"
[ ! -e sub/portsaf-smf80.bin ] || fail "record followed the chdir"
"$PSF" run -- sh -c 'printf "[%s]" "$PORTSAF_CONFIG"' > env.txt
[ "$(cat env.txt)" = "[]" ] || fail "discovery: PORTSAF_CONFIG must be empty"

# --no-warning: the discovery policy's WARNING profiles then deny.
PORTSAF_MESSAGES=none "$PSF" run --no-warning -- "$DRV" sock tcp4 bind 127.0.0.1 0 > out.txt
grep -q 'bind: EACCES' out.txt || fail "--no-warning: $(cat out.txt)"

# The preload library: PORTSAF_PRELOAD wins, and must exist.
[ "$(st env PORTSAF_PRELOAD="$work/none.so" "$PSF" run -- true)" -eq 125 ] ||
	fail "PORTSAF_PRELOAD missing: 125"
cp "$LIB" "$work/copy.so"
PORTSAF_PRELOAD="$work/copy.so" "$PSF" run -- sh -c 'echo "$LD_PRELOAD"' > env.txt
[ "$(cat env.txt)" = "$work/copy.so" ] || fail "LD_PRELOAD: $(cat env.txt)"
echo "run_exit: ok"
