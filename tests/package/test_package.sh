#!/bin/bash
# test_package.sh - the Debian packages as an administrator meets them:
# build them (make deb), check them (lintian, blhc, systemd-analyze, man),
# install them with apt-get, start the installed wincased with its unit's
# ExecStart line as its system user on a loopback port, add a user with
# `wincased user-add`, check /v1/health and a login, reload with SIGHUP,
# stop with SIGTERM, then remove and purge and check nothing is left.
# Root only: it installs and removes system packages. Prints TAP lines and
# "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
DEB_DIR=$BUILD/deb
TMP=$(mktemp -d /tmp/test_package.XXXXXX)
chmod 0755 "$TMP"
n=0 passed=0 failed=0
server=""

tap() { # status description
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
	fi
}

# Wait for another apt or dpkg on this machine rather than fail.
apt_get() {
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"
}

cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	if dpkg -s wincased >/dev/null 2>&1 || dpkg -s wincase >/dev/null 2>&1; then
		apt_get purge -y -qq wincase wincased >/dev/null 2>&1
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

if [ "$(id -u)" != 0 ]; then
	echo "test_package: needs root (apt-get install, a system user)" >&2
	exit 1
fi
tools="dpkg-buildpackage:dpkg-dev dh:debhelper fakeroot:fakeroot lintian:lintian
	blhc:blhc systemd-analyze:systemd man:man-db groff:groff setpriv:util-linux
	curl:curl"
missing=""
for t in $tools; do
	command -v "${t%%:*}" >/dev/null 2>&1 || missing="$missing ${t#*:}"
done
if [ -n "$missing" ]; then
	echo "test_package: installing$missing" >&2
	apt_get install -y -qq $missing >/dev/null
fi
for p in wincase wincased; do
	if dpkg -s "$p" >/dev/null 2>&1; then
		echo "test_package: $p is installed already; purge it first" >&2
		exit 1
	fi
done

# The files of ours on the system before, to compare after the purge
# (others may install packages on this machine meanwhile).
snapshot() {
	find /etc /usr /lib /var/lib /var/log -xdev \
		\( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/cache \) \
		-prune -o -print 2>/dev/null | grep -i wincase | sort
}
snapshot >"$TMP/before"

# --- build and static checks ---
t0=$(date +%s)
make deb >"$TMP/build.log" 2>&1
tap $? "make deb (dpkg-buildpackage -us -uc -b) builds wincase and wincased"
echo "# build: $(($(date +%s) - t0)) s"
client_deb=$(ls "$DEB_DIR"/wincase_*.deb 2>/dev/null | head -1)
server_deb=$(ls "$DEB_DIR"/wincased_*.deb 2>/dev/null | head -1)
[ -n "$client_deb" ] && [ -n "$server_deb" ]
tap $? "both .deb files are in $DEB_DIR"

lintian --pedantic -I "$DEB_DIR"/wincase_*.changes >"$TMP/lintian" 2>&1
sed 's/^/# lintian: /' "$TMP/lintian"
! grep -Eq '^(E|W):' "$TMP/lintian"
tap $? "lintian: no errors and no warnings"

blhc "$TMP/build.log" >"$TMP/blhc" 2>&1
rc=$?
sed 's/^/# blhc: /' "$TMP/blhc" | head -20
tap $rc "blhc: every compile and link line has Debian's hardening flags"

# --- install ---
apt_get install -y -qq "./$client_deb" \
	"./$server_deb" >"$TMP/install.log" 2>&1
tap $? "apt-get install ./wincase_*.deb ./wincased_*.deb"
getent passwd _wincase >/dev/null
tap $? "the system user _wincase exists (sysusers.d)"
[ "$(stat -c %U:%a /var/lib/wincase 2>/dev/null)" = "_wincase:750" ]
tap $? "/var/lib/wincase belongs to _wincase, mode 0750 (tmpfiles.d)"
dpkg-query -W -f='${Conffiles}\n' wincased | grep -q '/etc/wincase/wincased.conf'
tap $? "/etc/wincase/wincased.conf is a conffile"
unit=/lib/systemd/system/wincased.service
systemd-analyze verify "$unit" >"$TMP/verify" 2>&1 && [ ! -s "$TMP/verify" ]
tap $? "systemd-analyze verify wincased.service is clean"
sed 's/^/# verify: /' "$TMP/verify"
score=$(systemd-analyze security --offline=true "$unit" 2>/dev/null |
	sed -n 's/.*Overall exposure level for wincased.service: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p')
echo "# systemd-analyze security: $score"
case ${score#* } in OK | SAFE) true ;; *) false ;; esac
tap $? "systemd-analyze security rates the unit OK or better ($score)"
for page in wincase wincased wincase.conf wincased.conf; do
	out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings "$page" 2>&1 >/dev/null)
	[ -z "$out" ] && man -w "$page" >/dev/null 2>&1
	tap $? "man $page is installed and clean under man --warnings"
done
[ "$(wincased --version)" = "wincased 0.2.0" ] && [ "$(wincase --version)" = "wincase 0.2.0" ]
tap $? "both --version print 0.2.0"

# --- run the installed server as its unit does ---
echo 'package-test-pw-1' | runuser -u _wincase -- wincased user-add \
	--username pkgclerk --display-name 测试 --role clerk --window 1 \
	>"$TMP/user-add" 2>&1
tap $? "wincased user-add as _wincase, the database from the config"
exec_line=$(sed -n 's/^ExecStart=//p' "$unit")
echo "# ExecStart: $exec_line"
cd /
# shellcheck disable=SC2086 # the unit's line, split as systemd does
setpriv --reuid=_wincase --regid=_wincase --init-groups -- \
	$exec_line --listen 127.0.0.1:0 >"$TMP/out" 2>"$TMP/err" &
server=$!
cd - >/dev/null
url=""
for _ in $(seq 100); do
	url=$(sed -n 's/^wincased: listening on //p' "$TMP/out" 2>/dev/null)
	[ -n "$url" ] && break
	kill -0 "$server" 2>/dev/null || break
	sleep 0.1
done
[ -n "$url" ]
tap $? "the unit's ExecStart runs as _wincase and listens ($url)"
sed 's/^/# server: /' "$TMP/err" | head -5
curl -s -D "$TMP/health.h" "$url/v1/health" >"$TMP/health" 2>/dev/null
grep -q '"status":"ok"' "$TMP/health" && grep -q '"version":"0.2.0"' "$TMP/health"
tap $? "GET /v1/health: ok, version 0.2.0"
grep -qi '^X-Request-Id: [0-9a-f]\{16\}' "$TMP/health.h"
tap $? "the answer carries an X-Request-Id"
code=$(curl -s -o "$TMP/login" -w '%{http_code}' -X POST \
	-H 'Content-Type: application/json' \
	-d '{"username":"pkgclerk","password":"package-test-pw-1","window":"1"}' \
	"$url/v1/sessions")
[ "$code" = 201 ] && grep -q '"token"' "$TMP/login"
tap $? "login of the user made by user-add (201, a token)"
grep -q 'request POST /v1/sessions 201 [0-9.]*ms client=127.0.0.1' "$TMP/err"
tap $? "the log has one line for the login with status, time and client"
[ "$(stat -c %U /var/lib/wincase/wincase.db /var/lib/wincase/wincased.key | sort -u)" = _wincase ]
tap $? "database and key in /var/lib/wincase belong to _wincase"
kill -HUP "$server"
for _ in $(seq 50); do
	grep -q 'reloaded document templates' "$TMP/err" && break
	sleep 0.1
done
kill -0 "$server" 2>/dev/null && grep -q 'reloaded catalog and calendars' "$TMP/err"
tap $? "SIGHUP reloads (catalog, calendars, templates) and the server goes on"
kill -TERM "$server"
wait "$server"
tap $? "SIGTERM stops it with status 0"
server=""

# --- remove, purge ---
apt_get remove -y -qq wincase wincased >"$TMP/remove.log" 2>&1
tap $? "apt-get remove"
[ ! -e /usr/bin/wincased ] && [ ! -e /usr/bin/wincase ] && [ -f /etc/wincase/wincased.conf ]
tap $? "after remove: programs gone, the conffile kept"
# After remove, a package without conffiles (wincase) is gone from dpkg's
# list, and apt-get refuses to purge a local package it cannot find.
known=$(dpkg-query -W -f '${Package} ' wincase wincased 2>/dev/null)
apt_get purge -y -qq $known >"$TMP/purge.log" 2>&1
rc=$?
[ $rc -eq 0 ] || sed 's/^/# purge: /' "$TMP/purge.log" | tail -20
tap $rc "apt-get purge"
snapshot >"$TMP/after"
diff "$TMP/before" "$TMP/after" >"$TMP/left"
rc=$?
sed 's/^/# left: /' "$TMP/left" | head -20
tap $rc "after purge no wincase file is left in /etc, /usr, /lib, /var/lib, /var/log"
# Debian keeps system users on purge, so that no later user inherits the
# uid of files left anywhere.
getent passwd _wincase >/dev/null && echo "# the system user _wincase stays (Debian practice)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
