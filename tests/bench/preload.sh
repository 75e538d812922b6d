#!/bin/sh
# `make bench`: libportsaf.so and `portsaf run` against the same work
# without portsaf (issue 3, item 8).  Targets: (a) and (c) without
# auditing within 5% of native; (d) within 5% of an empty preload; with
# auditing, the system calls each record adds are shown.
set -eu
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case ${BUILD:-build} in
/*) B=$BUILD ;;
*) B=$top/${BUILD:-build} ;;
esac
ROUNDS=${PSF_BENCH_ROUNDS:-11}
N=${PSF_BENCH_N:-20000}
STARTS=${PSF_BENCH_STARTS:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Auditing off: a configuration with no rules, nothing written.
printf 'smf = "";\nmessages = "none";\n' > "$work/off.conf"
# The empty library the start-up figure is measured against.
printf 'int psf_bench_empty;\n' > "$work/empty.c"
${CC:-cc} -shared -fPIC -o "$work/empty.so" "$work/empty.c"
cd "$work"
"$B/bench/preload_bench" "$work" "$B/bench/preload_loop" "$B/portsaf" \
	"$B/libportsaf.so" "$work/empty.so" "$ROUNDS" "$N" "$STARTS"
