#!/bin/sh
# A fork + exec chain under one `portsaf run`: children that keep the
# environment stay governed; identity is resolved again after exec (here
# from `identities` rules on the executable's path) and every record
# carries the pid of the process that made the call.
. "$(dirname "$0")/preload.inc"

cp "$DRV" first
cp "$DRV" second
cat > portsaf.conf <<'EOC'
profile = "tcpip.profile";
racf = "servauth.racf";
smf = "smf.bin";
messages = "none";
emulate = { tcp_ephemeral_saf = true; };
identities = (
  { exe = "*/first"; jobname = "FIRSTJ"; user = "USER1"; },
  { exe = "*/second"; jobname = "SECONDJ"; }
);
EOC
printf 'PORT\n  UNRSV TCP * SAF UNRSVTCP WHENBIND\n' > tcpip.profile
echo 'RDEFINE SERVAUTH EZB.PORTACCESS.SYS1.TCPIP.UNRSVTCP UACC(NONE) WARNING AUDIT(ALL(READ))' \
	> servauth.racf

"$PSF" run -- sh -c "./first sock tcp4 bind 127.0.0.1 0 \
	fork sock tcp4 bind 127.0.0.1 0 \
	exec ./second sock tcp4 bind 127.0.0.1 0" > out.txt
[ "$(grep -c 'bind: OK' out.txt)" -eq 3 ] || fail "binds: $(cat out.txt)"
records smf.bin > recs.txt
[ "$(wc -l < recs.txt)" -eq 3 ] || fail "three records expected: $(cat recs.txt)"
pid_of() { sed -n "${1}p" recs.txt | sed 's/.*PID(\([0-9]*\)).*/\1/'; }
sed -n 1p recs.txt | grep -q '^EVQ=3 JOB=FIRSTJ USER=USER1 .*PGM(FIRST)' || fail "parent: $(cat recs.txt)"
sed -n 2p recs.txt | grep -q '^EVQ=3 JOB=FIRSTJ USER=USER1 .*PGM(FIRST)' || fail "child: $(cat recs.txt)"
sed -n 3p recs.txt | grep -q '^EVQ=3 JOB=SECONDJ .*PGM(SECOND)' || fail "after exec: $(cat recs.txt)"
sed -n 3p recs.txt | grep -q 'USER=USER1' && fail "the second rule sets no user: default, not the first rule's"
[ "$(pid_of 1)" != "$(pid_of 2)" ] || fail "forked child must carry its own pid"
[ "$(pid_of 2)" = "$(pid_of 3)" ] || fail "exec keeps the pid"
echo "run_forkexec: ok"
