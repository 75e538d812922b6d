#!/bin/sh
# interface.md: the exit status of `portsaf run` is COMMAND's, 128+signal
# when it was killed, for any caller (not only a shell), and a signal sent
# to portsaf reaches COMMAND.
. "$(dirname "$0")/preload.inc"
command -v python3 >/dev/null 2>&1 || { echo "no python3"; exit 77; }
mkfifo ready
PSF="$PSF" timeout 60 python3 - <<'EOPY' || fail "python check"
import os, signal, subprocess, sys
psf = os.environ["PSF"]
env = dict(os.environ, PORTSAF_SMF="", PORTSAF_MESSAGES="none")
rc = subprocess.run([psf, "run", "--", "sh", "-c", "kill -KILL $$"], env=env).returncode
if rc != 137:
    sys.exit("killed by SIGKILL: exit %d, expected 137" % rc)
rc = subprocess.run([psf, "run", "--", "sh", "-c", "exit 42"], env=env).returncode
if rc != 42:
    sys.exit("exit 42: got %d" % rc)
p = subprocess.Popen([psf, "run", "--", "sh", "-c", "echo up > ready; exec sleep 30"], env=env)
with open("ready") as f:
    f.read()
p.send_signal(signal.SIGTERM)
rc = p.wait(timeout=20)
if rc != 128 + signal.SIGTERM:
    sys.exit("SIGTERM to portsaf: exit %d, expected 143" % rc)
EOPY
exit 0
