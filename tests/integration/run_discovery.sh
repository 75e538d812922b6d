#!/bin/sh
# The issue's "done when": with no configuration anywhere, `portsaf run --
# python3 -m http.server PORT` serves pages and leaves warning SMF records
# and ICH408I lines for that port (the built-in discovery policy).
. "$(dirname "$0")/preload.inc"
command -v python3 > /dev/null || { echo "no python3" >&2; exit 77; }
[ ! -e /etc/portsaf.conf ] || { echo "/etc/portsaf.conf exists" >&2; exit 77; }

PORT=$(free_ports 1)
mkfifo ready
echo "hello from portsaf" > index.html
"$PSF" run -- python3 -u -m http.server "$PORT" --bind 127.0.0.1 \
	> ready 2> server.err &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
# The server says it is listening on stdout: that is the handshake.
timeout 30 head -n 1 < ready > banner.txt || fail "server did not start"
grep -q "port $PORT" banner.txt || fail "banner: $(cat banner.txt)"
python3 -c "import urllib.request,sys
sys.stdout.write(urllib.request.urlopen('http://127.0.0.1:$PORT/index.html', timeout=20).read().decode())" \
	> page.txt || fail "fetching the page"
grep -q "hello from portsaf" page.txt || fail "page: $(cat page.txt)"
kill "$server"
wait "$server" 2>/dev/null || true

records portsaf-smf80.bin > recs.txt
grep -q "^EVQ=3 JOB=PYTHON3.* LOGSTR=OP(BIND) PROTO(TCP) PORT($PORT) ADDR(127.0.0.1)" recs.txt ||
	fail "no warning record for the bind of $PORT: $(cat recs.txt)"
grep -q "^ICH408I USER(" server.err || fail "no ICH408I: $(cat server.err)"
grep -q "EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP CL(SERVAUTH)" server.err ||
	fail "ICH408I resource"
grep -q "WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED" server.err ||
	fail "ICH408I warning form"
echo "run_discovery: ok"
