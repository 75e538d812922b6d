#!/bin/sh
# Lazy initialisation when the first bind comes from a constructor, before
# main: the policy is loaded there and then, and decides as it does later.
. "$(dirname "$0")/preload.inc"

PORT=$(free_ports 1)
printf 'profile = "p";\nsmf = "";\n' > portsaf.conf
printf 'PORT\n  %s TCP RESERVED\n' "$PORT" > p
CTOR_PORT=$PORT "$PSF" run -- "$B/tests/progs/ctor_bind" > out.txt
printf 'constructor: EADDRINUSE\nmain: EADDRINUSE\n' > want.txt
expect "constructor bind" want.txt out.txt
# The same through plain LD_PRELOAD, without portsaf run.
CTOR_PORT=$PORT PORTSAF_CONFIG=$work/portsaf.conf LD_PRELOAD=$LIB \
	"$B/tests/progs/ctor_bind" > out.txt
expect "constructor bind, LD_PRELOAD" want.txt out.txt
echo "preload_constructor: ok"
