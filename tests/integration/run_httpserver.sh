#!/bin/sh
# python3 -m http.server on a reserved port: the owning job starts and
# serves; another job fails with EACCES (no RACF call, nothing logged).
. "$(dirname "$0")/preload.inc"
command -v python3 > /dev/null || { echo "no python3" >&2; exit 77; }

PORT=$(free_ports 1)
cat > portsaf.conf <<'EOC'
profile = "tcpip.profile";
racf = "servauth.racf";
smf = "smf.bin";
EOC
cat > tcpip.profile <<EOC
PORT
   $PORT TCP WEBSRV SAF WEB
EOC
cat > servauth.racf <<'EOC'
RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.WEB UACC(NONE) AUDIT(ALL(READ))
PERMIT EZB.PORTACCESS.SYS1.TCPIP.WEB CLASS(SERVAUTH) ID(WEBUSER) ACCESS(READ)
EOC

# Another job: the bind fails, the server exits at once.
set +e
"$PSF" run --job INTRUDER -- python3 -m http.server "$PORT" --bind 127.0.0.1 \
	> /dev/null 2> intruder.err < /dev/null
rc=$?
set -e
[ "$rc" -ne 0 ] || fail "another job started the server"
grep -q "Permission denied" intruder.err || fail "not EACCES: $(cat intruder.err)"
[ ! -s smf.bin ] || fail "a job-name denial was logged"

mkfifo ready
echo "owner page" > index.html
"$PSF" run --job WEBSRV --user WEBUSER -- python3 -u -m http.server "$PORT" \
	--bind 127.0.0.1 > ready 2> owner.err &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
timeout 30 head -n 1 < ready > banner.txt || fail "owner did not start: $(cat owner.err)"
python3 -c "import urllib.request,sys
sys.stdout.write(urllib.request.urlopen('http://127.0.0.1:$PORT/index.html', timeout=20).read().decode())" \
	> page.txt || fail "fetching the page"
grep -q "owner page" page.txt || fail "page: $(cat page.txt)"
kill "$server"
wait "$server" 2>/dev/null || true
records smf.bin > recs.txt
grep -q "^EVQ=0 JOB=WEBSRV USER=WEBUSER LOGSTR=OP(BIND) PROTO(TCP) PORT($PORT)" recs.txt ||
	fail "success record: $(cat recs.txt)"
[ "$(wc -l < recs.txt)" -eq 1 ] || fail "one record expected: $(cat recs.txt)"
echo "run_httpserver: ok"
