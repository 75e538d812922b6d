#!/bin/sh
# Engine: policy load and one decision against the targets.
set -eu
BUILD=${BUILD:-build}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$PORTSAF_TOP/$BUILD/bench/engine_bench" "$dir"
"$PORTSAF_TOP/$BUILD/bench/racf_index_bench"
