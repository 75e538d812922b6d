#!/bin/sh
# The rehearsal of rollout phase 3 (rehearsal_phase3.sh) under the seccomp
# supervisor, portsaf run --enforce, instead of the preload library: the
# same warnings, and the same calls failing with --no-warning.
RH_RUN_OPTS=--enforce exec sh "$(dirname "$0")/rehearsal_phase3.sh"
