#!/bin/sh
# run-demo.sh - the demo of `make run`: wincased on SQLite in ./data with the
# demo catalog and users, and the client against it. Demo passwords only.
set -eu
cd "$(dirname "$0")/.."
mkdir -p data
port=${WINCASE_DEMO_PORT:-0}
out=data/wincased.out
log=data/wincased.log
: >"$out"
bin/wincased --db data/demo.db --listen "127.0.0.1:$port" --seed-demo \
	--conf-dir conf >"$out" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM HUP

# Wait (at most 10 s) for the line that gives the actual port.
url=""
i=0
while [ $i -lt 100 ] && kill -0 "$server" 2>/dev/null; do
	url=$(sed -n 's/^wincased: listening on //p' "$out")
	[ -n "$url" ] && break
	sleep 0.1
	i=$((i + 1))
done
if [ -z "$url" ]; then
	echo "wincased did not start; see $log" >&2
	exit 1
fi

# The client needs an UTF-8 locale; a fresh Debian machine always has C.UTF-8.
case $(locale charmap 2>/dev/null) in
UTF-8) ;;
*)
	echo "note: this terminal's locale is not UTF-8; using LC_ALL=C.UTF-8"
	export LC_ALL=C.UTF-8
	;;
esac
echo "wincased on $url (log: $log)"
echo "demo users clerk1 clerk2 reviewer1 admin1, password demo-password-1 (demo only)"
bin/wincase --server "$url"
