#!/bin/sh
# A supervised command must not also carry an inherited libportsaf.so
# (a nested `portsaf run`, a service's LD_PRELOAD): every call is decided
# and recorded once, by the supervisor.
. "$(dirname "$0")/preload.inc"
export PORTSAF_SMF="$work/smf.bin" PORTSAF_MESSAGES=none
"$PSF" run -- "$PSF" run --enforce -- "$DRV" sock tcp4 bind 127.0.0.1 0 \
	> out.txt 2> err.txt || fail "run: $(cat err.txt)"
grep -q '^bind: OK' out.txt || fail "bind: $(cat out.txt)"
n=$(records smf.bin | grep -c 'OP(BIND)' || true)
[ "$n" = 1 ] || fail "$n BIND records for one bind: $(records smf.bin)"
exit 0
