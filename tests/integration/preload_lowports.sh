#!/bin/sh
# RESTRICTLOWPORTS with real low ports (needs root to bind them): a
# superuser (effective UID 0) may bind an unreserved low port, an identity
# that is not superuser may not; a low port reserved to another job stays
# closed even to root (spec 4, Decision).
. "$(dirname "$0")/preload.inc"
[ "$(id -u)" -eq 0 ] || { echo "needs root (ports below 1024)" >&2; exit 77; }

# Low ports free right now among a few candidates.
pick() {
	for p in "$@"; do
		if "$DRV" sock tcp4 bind 127.0.0.1 "$p" | grep -q 'bind: OK'; then
			echo "$p"
			return
		fi
	done
	echo "no free low port" >&2
	exit 77
}
LOW=$(pick 901 902 903 904 905)
RSV=$(pick 911 912 913 914 915)
cp "$DRV" plainuser
cat > portsaf.conf <<'EOC'
profile = "tcpip.profile";
smf = "";
identities = ( { exe = "*/plainuser"; superuser = false; } );
EOC
printf 'TCPCONFIG RESTRICTLOWPORTS\nPORT\n  %s TCP OTHERJOB\n' "$RSV" > tcpip.profile
"$PSF" run -- "$DRV" sock tcp4 bind 127.0.0.1 "$LOW" sock tcp4 bind 127.0.0.1 "$RSV" > out.txt
"$PSF" run -- ./plainuser sock tcp4 bind 127.0.0.1 "$LOW" >> out.txt
cat > want.txt <<'EOC'
sock: OK
bind: OK
sock: OK
bind: EACCES
sock: OK
bind: EACCES
EOC
expect "RESTRICTLOWPORTS" want.txt out.txt
echo "preload_lowports: ok"
