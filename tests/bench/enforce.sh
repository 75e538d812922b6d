#!/bin/sh
# `make bench`: the seccomp supervisor (`portsaf run --enforce`, issue 5
# item 6) on the preload benchmark's own loops (preload_loop: a socket +
# bind(0) + close, b socket + bind(port) + listen + close, c loopback
# connect), against the same loops without portsaf and under the preload,
# in one run.  Target: a supervised bind or connect costs under 15 us
# over native.  Auditing is off (no record written), as in the preload's
# main figures.
set -eu
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case ${BUILD:-build} in
/*) B=$BUILD ;;
*) B=$top/${BUILD:-build} ;;
esac
ROUNDS=${PSF_BENCH_ROUNDS:-5}
N=${PSF_BENCH_N:-20000}
LOOP=$B/bench/preload_loop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'smf = "";\nmessages = "none";\n' > "$work/off.conf"
cd "$work"

# run VARIANT MODE: ns per iteration of one run.
run() {
	case $1 in
	native) "$LOOP" "$2" "$N" ;;
	preload) PORTSAF_CONFIG=$work/off.conf "$B/portsaf" run -- \
		"$LOOP" "$2" "$N" ;;
	enforce) PORTSAF_CONFIG=$work/off.conf "$B/portsaf" run --enforce -- \
		"$LOOP" "$2" "$N" ;;
	esac
}

# once VARIANT MODE: run, again if the loop failed; loop (b) binds a port
# the kernel had handed out, which another program on the machine may
# take meanwhile.
once() {
	run "$1" "$2" || run "$1" "$2" || run "$1" "$2"
}

# The variants take turns within each round, so that load from elsewhere
# on the machine falls on all three alike; the median of each is shown.
median_of() {
	sort -n "$1" | sed -n "$(((ROUNDS + 1) / 2))p"
}

printf '%-40s %9s %9s %9s %8s %8s %9s\n' "median of $ROUNDS rounds, ns/iteration" \
	native preload enforce "/native" "/preload" "us/call"
for m in a b c; do
	case $m in
	a) what="socket+bind(0)+close"; calls=1 ;;
	b) what="socket+bind(port)+listen+close"; calls=2 ;;
	c) what="socket+connect(loopback)+close"; calls=1 ;;
	esac
	: > native.t
	: > preload.t
	: > enforce.t
	r=0
	while [ "$r" -lt "$ROUNDS" ]; do
		for v in native preload enforce; do
			once $v $m >> $v.t
		done
		r=$((r + 1))
	done
	# The last column: what one supervised call adds to native.
	awk -v w="$what" -v n="$(median_of native.t)" -v p="$(median_of preload.t)" \
	    -v e="$(median_of enforce.t)" -v c="$calls" 'BEGIN {
		printf "%-40s %9.0f %9.0f %9.0f %8.2f %8.2f %9.2f\n",
		       w, n, p, e, e / n, e / p, (e - n) / c / 1000 }'
done
