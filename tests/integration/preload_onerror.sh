#!/bin/sh
# libportsaf.so preloaded without `portsaf run` (a service's LD_PRELOAD):
# when the policy cannot be loaded, one message on stderr names the file
# and line, and on_error decides every checked call ("deny" by default).
. "$(dirname "$0")/preload.inc"

printf 'sysname = "SYS1";\nprofile = "p";\n' > deny.conf
printf 'PORT\n  99999 TCP X\n' > p
set -- sock tcp4 bind 127.0.0.1 0 sock udp4 sendto 127.0.0.1 9 sock unix bind-unix "$work/u"
PORTSAF_CONFIG=$work/deny.conf LD_PRELOAD=$LIB "$DRV" "$@" > out.txt 2> err.txt
cat > want.txt <<'EOC'
sock: OK
bind: EACCES
sock: OK
sendto: EACCES
sock: OK
bind-unix: OK
EOC
expect "on_error deny" want.txt out.txt
[ "$(wc -l < err.txt)" -eq 1 ] || fail "one message expected: $(cat err.txt)"
grep -q "$work/p:2: " err.txt || fail "message names file and line: $(cat err.txt)"

printf 'on_error = "allow";\nprofile = "p";\n' > allow.conf
rm -f u
PORTSAF_CONFIG=$work/allow.conf LD_PRELOAD=$LIB "$DRV" "$@" > out.txt 2> err.txt
[ "$(grep -c ': OK' out.txt)" -eq 6 ] || fail "on_error allow: $(cat out.txt)"
[ "$(wc -l < err.txt)" -eq 1 ] || fail "one message expected: $(cat err.txt)"

# A configuration that libconfig cannot parse: its line, and "deny".
printf 'sysname = "SYS1";\non_error = "allow"\nbroken = ;\n' > broken.conf
rm -f u
PORTSAF_CONFIG=$work/broken.conf LD_PRELOAD=$LIB "$DRV" "$@" > out.txt 2> err.txt
grep -q 'bind: EACCES' out.txt || fail "unparsable configuration must deny"
grep -q "broken.conf:3: " err.txt || fail "parse error line: $(cat err.txt)"
echo "preload_onerror: ok"
