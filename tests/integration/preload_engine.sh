#!/bin/sh
# libportsaf.so loads the engine (libportsaf-engine.so, beside it) only
# when a call needs a decision.  Without the engine: one message on stderr
# naming the file it looked for, and on_error's default, "deny", decides
# (no configuration can be read).  The engine is found from libportsaf.so's
# own directory even when LD_PRELOAD named it relatively and the program
# has changed directory since.
. "$(dirname "$0")/preload.inc"

set -- $(free_ports 1)
P1=$1
printf 'on_error = "allow";\nprofile = "p";\nsmf = "";\ntrace = "%s/trace.txt";\n' \
	"$work" > allow.conf
printf 'PORT\n  %s TCP OTHERJOB\n' "$P1" > p
export PORTSAF_CONFIG="$work/allow.conf"

mkdir solo pair
cp "$LIB" solo/
cp "$LIB" "$B/libportsaf-engine.so" pair/

# No call that needs a decision: nothing loaded, nothing said.
LD_PRELOAD=$work/solo/libportsaf.so "$DRV" sock tcp4 close \
	sock unix bind-unix "$work/u0" > out.txt 2> err.txt
[ "$(grep -c ': OK' out.txt)" -eq 4 ] || fail "no decision: $(cat out.txt)"
[ ! -s err.txt ] || fail "no decision, no message: $(cat err.txt)"

LD_PRELOAD=$work/solo/libportsaf.so "$DRV" sock tcp4 bind 127.0.0.1 0 \
	sock udp4 sendto 127.0.0.1 9 sock unix bind-unix "$work/u1" \
	> out.txt 2> err.txt
cat > want.txt <<'EOC'
sock: OK
bind: EACCES
sock: OK
sendto: EACCES
sock: OK
bind-unix: OK
EOC
expect "no engine: on_error deny" want.txt out.txt
[ "$(wc -l < err.txt)" -eq 1 ] || fail "one message expected: $(cat err.txt)"
grep -q "$work/solo/libportsaf-engine.so" err.txt ||
	fail "message names the engine's path: $(cat err.txt)"

# Relative LD_PRELOAD, directory changed before the first decision.
LD_PRELOAD=pair/libportsaf.so "$DRV" chdir / sock tcp4 bind 127.0.0.1 0 \
	sock tcp4 bind 127.0.0.1 "$P1" > out.txt 2> err.txt
cat > want.txt <<'EOC'
chdir: OK
sock: OK
bind: OK
sock: OK
bind: EACCES
EOC
expect "engine found after chdir" want.txt out.txt
[ ! -s err.txt ] || fail "engine found after chdir: $(cat err.txt)"
grep -q "PORT($P1).*DENY" trace.txt ||
	fail "the engine traces: $(cat trace.txt)"
echo "preload_engine: ok"
