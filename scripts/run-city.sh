#!/bin/bash
# run-city.sh - the city demo of `make run-city` (docs/deploy.md) on one
# machine: a throwaway PostgreSQL cluster in ./data/city (run as an
# unprivileged user when started as root; tests/support/pg_cluster.sh)
# with a streaming standby, two wincased instances on the primary, nginx
# balancing them on loopback, and the
# client against the balancer. Demo passwords only; everything stops and
# ./data/city is removed again when the client exits. `make run` stays the
# SQLite demo.
#
# WINCASE_CITY_DIR: the folder instead of ./data/city (tests).
# WINCASE_CITY_PORT: the balancer's port (default: a free one).
# WINCASE_CITY_CLIENT=none: no client; wait for Ctrl-C (or SIGTERM) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
city=${WINCASE_CITY_DIR:-$PWD/data/city}
instances=2
pids=()

nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx_bin" ]; then
	echo "run-city: nginx is missing (apt-get install nginx)" >&2
	exit 1
fi

stop_all() {
	local p
	trap '' INT TERM HUP # a second Ctrl-C must not cut the cleanup short
	[ -f "$city/nginx/nginx.pid" ] && kill "$(cat "$city/nginx/nginx.pid")" 2>/dev/null
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	tests/support/pg_cluster.sh stop "$city/pg-standby" >/dev/null 2>&1 || true
	tests/support/pg_cluster.sh stop "$city/pg" >/dev/null 2>&1 || true
	rm -rf "$city"
}

any_alive() {
	local p
	for p in "${pids[@]}"; do
		kill -0 "$p" 2>/dev/null && return 0
	done
	return 1
}

# free_port: a loopback port nothing listens on.
. tests/support/free_port.sh

# Wait (at most 20 s) for "wincased: listening on URL" in file $1.
wait_listening() {
	local url
	for _ in $(seq 1 200); do
		url=$(sed -n 's/^wincased: listening on //p' "$1")
		if [ -n "$url" ]; then
			echo "${url#http://}"
			return 0
		fi
		sleep 0.1
	done
	return 1
}

rm -rf "$city"
mkdir -p "$city/keys" "$city/nginx"
chmod 0700 "$city/keys"
trap stop_all EXIT
trap 'exit 130' INT TERM HUP

echo "starting PostgreSQL in $city/pg"
tests/support/pg_cluster.sh start "$city/pg" >/dev/null
db=$(tests/support/pg_cluster.sh createdb "$city/pg" wincase)
standby=$(tests/support/pg_cluster.sh standby "$city/pg-standby" "$city/pg")
echo "PostgreSQL primary: $db"
echo "PostgreSQL standby (streaming, read-only): ${standby% dbname=*} dbname=wincase"

# One signing key for every instance (docs/deploy.md): the first start
# makes it, the others read it. The demo seed runs once, on the first.
upstreams=""
for n in $(seq 1 "$instances"); do
	seed=()
	[ "$n" = 1 ] && seed=(--seed-demo)
	out=$city/wincased-$n.out
	: >"$out"
	bin/wincased --db "$db" --listen 127.0.0.1:0 --conf-dir conf \
		--data-dir "$city/keys" "${seed[@]}" >"$out" 2>"$city/wincased-$n.log" &
	pids+=($!)
	if ! addr=$(wait_listening "$out"); then
		echo "run-city: wincased $n did not start; see $city/wincased-$n.log" >&2
		tail -5 "$city/wincased-$n.log" >&2
		exit 1
	fi
	echo "wincased $n on http://$addr (pid ${pids[-1]}, log: $city/wincased-$n.log)"
	upstreams+="		server $addr max_fails=2 fail_timeout=5s;"$'\n'
done

write_nginx_conf() { # PORT
	cat >"$city/nginx/nginx.conf" <<EOF
# Written by scripts/run-city.sh: the upstream of docs/deploy.md on loopback.
worker_processes 1;
pid $city/nginx/nginx.pid;
error_log $city/nginx/error.log warn;
events { worker_connections 256; }
http {
	access_log $city/nginx/access.log;
	client_body_temp_path $city/nginx/body;
	proxy_temp_path $city/nginx/proxy;
	fastcgi_temp_path $city/nginx/fastcgi;
	uwsgi_temp_path $city/nginx/uwsgi;
	scgi_temp_path $city/nginx/scgi;
	client_max_body_size 128k;
	upstream wincased {
$upstreams		keepalive 16;
	}
	server {
		listen 127.0.0.1:$1;
		location / {
			proxy_pass http://wincased;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			# A write is retried on the other instance only when
			# it never reached this one; the client's
			# Idempotency-Key covers the rest.
			proxy_next_upstream error timeout http_502 http_503;
			proxy_connect_timeout 2s;
		}
	}
}
EOF
}

# A free port may be taken before nginx binds it: then another one, unless
# the port was asked for.
for try in 1 2 3 4 5; do
	port=${WINCASE_CITY_PORT:-$(free_port)}
	write_nginx_conf "$port"
	"$nginx_bin" -p "$city/nginx" -c "$city/nginx/nginx.conf" -e "$city/nginx/error.log" \
		2>"$city/nginx/start.err" && break
	if [ -n "${WINCASE_CITY_PORT:-}" ] || [ $try = 5 ] ||
		! grep -q 'Address already in use' "$city/nginx/start.err"; then
		cat "$city/nginx/start.err" >&2
		exit 1
	fi
done
url=http://127.0.0.1:$port
for _ in $(seq 1 100); do
	curl -fsS "$url/v1/health" >/dev/null 2>&1 && break
	sleep 0.1
done
echo "nginx on $url -> ${instances} wincased -> PostgreSQL ($db)"
echo "demo users clerk1 clerk2 reviewer1 admin1, password demo-password-1 (demo only)"

if [ "${WINCASE_CITY_CLIENT:-}" = none ]; then
	echo "no client (WINCASE_CITY_CLIENT=none); Ctrl-C stops the city"
	# Until stopped, or until every instance has gone (one may be
	# stopped on purpose to watch the balancer move to the other).
	while any_alive; do sleep 1; done
	exit 0
fi
case $(locale charmap 2>/dev/null) in
UTF-8) ;;
*) export LC_ALL=C.UTF-8 ;;
esac
bin/wincase --server "$url"
