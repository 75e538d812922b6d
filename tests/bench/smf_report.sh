#!/bin/sh
# `portsaf smf report` on 1,000,000 records (issue 4 item 5): under 2 s and
# in bounded memory.  Prints the time against the target, the time to read
# the same file with cat (the floor any reader has), and the peak RSS,
# which must not grow with the file: 100,000 records are measured too.
set -eu
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case ${BUILD:-build} in
/*) B=$BUILD ;;
*) B=$top/${BUILD:-build} ;;
esac
COUNT=${PSF_BENCH_SMF_RECORDS:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$B/bench/smf_gen" "$COUNT" "$work/big.bin"
"$B/bench/smf_gen" $((COUNT / 10)) "$work/small.bin"
size=$(wc -c < "$work/big.bin")
cat "$work/big.bin" > /dev/null         # the file is in the page cache
set -- $("$B/bench/smf_timed" cat "$work/big.bin")
cat_s=$1
set -- $("$B/bench/smf_timed" "$B/portsaf" smf report "$work/small.bin")
small_rss=$2
set -- $("$B/bench/smf_timed" "$B/portsaf" smf report "$work/big.bin")
secs=$1 rss=$2 status=$3
echo "smf report: $COUNT records ($size bytes) in $secs s (target 2 s;" \
     "cat alone $cat_s s), exit $status"
echo "smf report: peak RSS $rss KiB for $COUNT records, $small_rss KiB" \
     "for $((COUNT / 10))"
[ "$status" -eq 0 ] || { echo "smf report: failed" >&2; exit 1; }
awk -v s="$secs" 'BEGIN { exit !(s < 2.0) }' ||
	{ echo "smf report: slower than the 2 s target" >&2; exit 1; }
# Bounded memory: ten times the records, not ten times the memory.
awk -v a="$rss" -v b="$small_rss" 'BEGIN { exit !(a < 2 * b + 4096) }' ||
	{ echo "smf report: memory grows with the file" >&2; exit 1; }
