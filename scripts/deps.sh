#!/bin/sh
# deps.sh [--install] build|test|run|city - make sure the Debian packages
# wincase needs are here. With --install (make run, make test) and as root
# it installs the missing ones with apt-get; otherwise it stops with the
# exact command to run. Plain `make` never installs.
set -eu
install=no
if [ "${1:-}" = --install ]; then
	install=yes
	shift
fi
mode=${1:-build}
pkg_config=${PKG_CONFIG:-pkg-config}

# pkg-config module -> Debian package
need_pkg() {
	case $1 in
	ncursesw) echo libncurses-dev ;;
	libcurl) echo libcurl4-openssl-dev ;;
	jansson) echo libjansson-dev ;;
	libsodium) echo libsodium-dev ;;
	libmicrohttpd) echo libmicrohttpd-dev ;;
	gnutls) echo libgnutls28-dev ;;
	sqlite3) echo libsqlite3-dev ;;
	libpq) echo libpq-dev ;;
	inih) echo libinih-dev ;;
	cairo) echo libcairo2-dev ;;
	pangocairo) echo libpango1.0-dev ;;
	fontconfig) echo libfontconfig-dev ;;
	libqrencode) echo libqrencode-dev ;;
	cmocka) echo libcmocka-dev ;;
	esac
}

missing=""
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v "$pkg_config" >/dev/null 2>&1 || missing="$missing pkg-config"
modules="ncursesw libcurl jansson libsodium libmicrohttpd gnutls sqlite3 libpq inih cairo pangocairo fontconfig libqrencode"
[ "$mode" = test ] && modules="$modules cmocka"
for m in $modules; do
	if ! command -v "$pkg_config" >/dev/null 2>&1 || ! "$pkg_config" --exists "$m"; then
		missing="$missing $(need_pkg "$m")"
	fi
done
if [ "$mode" = test ]; then
	for tool in tmux:tmux sqlite3:sqlite3 curl:curl certtool:gnutls-bin gnutls-cli:gnutls-bin pdftotext:poppler-utils zbarimg:zbar-tools chromium:chromium; do
		command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
	done
fi
# make run-city: a PostgreSQL server (started in ./data, never the system
# service) and nginx as the load balancer.
if [ "$mode" = city ]; then
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ||
		command -v initdb >/dev/null 2>&1 || missing="$missing postgresql"
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] ||
		missing="$missing nginx"
fi
[ -z "$missing" ] && exit 0

line="apt-get update && apt-get install -y$missing"
if [ "$install" = yes ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq $missing >&2
else
	echo "deps: missing packages:$missing" >&2
	echo "deps: run as root:  $line" >&2
	[ "$install" = yes ] || echo "deps: (or \`make run\` / \`make test\` as root, which install them)" >&2
	exit 1
fi
