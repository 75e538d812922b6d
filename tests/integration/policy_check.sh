#!/bin/sh
# portsaf check on every policy under policies/: each loads without an
# error or a warning, and reports exactly the findings written down here.
# A rollout policy has profiles in WARNING -- the list the rollout must
# empty -- so its check exits 1 with "warning-mode" findings; a policy that
# rolls a phase out one system at a time also keeps the profile of every
# other system, which SYS1 cannot reach ("unreachable-profile").
# Reservations inside the ephemeral pool are notes, which do not count.
set -eu
top=${PORTSAF_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
case ${BUILD:-build} in
/*) B=${BUILD} ;;
*) B=$top/${BUILD:-build} ;;
esac
PSF=$B/portsaf
[ -x "$PSF" ] || { echo "missing $PSF (make)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "no python3" >&2; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# policy, then one line per finding: KIND PROFILE
cat > "$work/expected" <<'EOF2'
omegamon
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.OMEGAMON
  warning-mode EZB.PORTACCESS.*.*.UNRSVUDP
was
  warning-mode EZB.PORTACCESS.*.*.UNRSVTCP
sas
  warning-mode EZB.PORTACCESS.SYS1.*.SAS
  unreachable-profile EZB.PORTACCESS.*.*.UNRSVTCP
  warning-mode EZB.PORTACCESS.SYS1.*.UNRSVTCP
ftp
  warning-mode EZB.PORTACCESS.*.*.FTP
  warning-mode EZB.PORTACCESS.*.*.FTPDATA
  warning-mode EZB.PORTACCESS.*.*.UNRSVTCP
phases/1
  warning-mode EZB.PORTACCESS.*.*.FTP
  warning-mode EZB.PORTACCESS.*.*.FTPDATA
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.TN3270
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.OSNMPD
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.DB2DRDA
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.MQLSNR
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.GPMSERVE
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.PAYROLL
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.BBO*
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.OMEGAMON
  warning-mode EZB.PORTACCESS.SYS1.*.SAS
phases/2
  warning-mode EZB.PORTACCESS.*.*.FTP
  warning-mode EZB.PORTACCESS.*.*.FTPDATA
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.TN3270
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.OSNMPD
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.DB2DRDA
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.MQLSNR
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.GPMSERVE
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.PAYROLL
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.BBO*
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.OMEGAMON
  warning-mode EZB.PORTACCESS.SYS1.*.SAS
phases/3
  warning-mode EZB.PORTACCESS.*.*.UNRSVUDP
phases/4
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.HBRECV
  warning-mode EZB.PORTACCESS.*.*.UNRSVTCP
phases/5
  unreachable-profile EZB.PORTACCESS.*.*.UNRSVTCP
  warning-mode EZB.PORTACCESS.SYS1.TCPIP.DEVTEST
  warning-mode EZB.PORTACCESS.SYS1.*.UNRSVTCP
EOF2

python3 - "$PSF" "$top/policies" "$work/expected" <<'EOF2'
import json, os, re, subprocess, sys

psf, policies, expected = sys.argv[1:]
want = {}
for line in open(expected):
    if not line.startswith(" "):
        name = line.strip()
        want[name] = []
    elif line.strip():
        want[name].append(line.strip())

shipped = sorted(os.path.relpath(d, policies)
                 for d, _, files in os.walk(policies) if "portsaf.conf" in files)
if shipped != sorted(want):
    sys.exit("FAIL: policies/ holds %s, this test lists %s"
             % (shipped, sorted(want)))

failed = False
for policy in shipped:
    run = subprocess.run([psf, "check", "-c",
                          os.path.join(policies, policy, "portsaf.conf"),
                          "--format", "json"], capture_output=True, text=True)
    problems, got = [], []
    for line in run.stdout.splitlines():
        o = json.loads(line)
        if o["type"] == "diagnostic":
            problems.append("%s:%s: %s: %s" % (o["file"], o.get("line", ""),
                                              o["severity"], o["message"]))
        elif o["type"] == "finding":
            m = re.search(r"EZB\.[A-Z0-9.*%$#@-]*[A-Z0-9*%$#@-]", o["message"])
            got.append("%s %s" % (o["kind"], m.group(0) if m else o["message"]))
        elif o["type"] == "note" and o["kind"] != "reserved-in-ephemeral-pool":
            problems.append("unexpected note: " + o["message"])
    if sorted(got) != sorted(want[policy]):
        problems.append("findings:\n    got:  %s\n    want: %s"
                        % ("\n          ".join(sorted(got)),
                           "\n          ".join(sorted(want[policy]))))
    status = 1 if want[policy] else 0
    if run.returncode != status:
        problems.append("exit status %d, want %d: %s"
                        % (run.returncode, status, run.stderr.strip()))
    for p in problems:
        print("FAIL: policies/%s: %s" % (policy, p))
    if not problems:
        print("policies/%s: %d findings, as expected" % (policy, len(got)))
    failed = failed or bool(problems)
sys.exit(1 if failed else 0)
EOF2
echo "policy_check: ok"
