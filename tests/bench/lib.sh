# lib.sh - helpers for the benchmark scripts (sourced): a real wincased on
# a SQLite file, wrk and curl figures as medians, the table's rows.
BUILD=${BUILD:-build}
BIN=${BIN:-bin}
WINCASED_BIN=${WINCASED_BIN:-$PWD/$BIN/wincased}
WINCASE_CONF=${WINCASE_CONF:-$PWD/conf}
RUNS=${RUNS:-5}
BENCH_CLOCK=2026-11-30T10:00:00+08:00

# row FIGURE OURS ANCHOR: one tab-separated row of the table.
row() { printf '%s\t%s\t%s\n' "$1" "$2" "$3"; }

# median: the median of the numbers on stdin, one per line.
median() { sort -n | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }

# median_of N COMMAND...: the median of N runs of a command printing one
# number.
median_of() {
	local n=$1 i
	shift
	for i in $(seq "$n"); do "$@"; done | median
}

# bench_server_start DB [NAME [ARGS...]]: wincased on DB (a SQLite file or
# a PostgreSQL conninfo; seeded with the demo data unless ARGS hold
# --no-seed, a fake clock) on a free loopback port; prints its URL. NAME
# (default "server") tells instances apart for bench_server_stop.
bench_server_start() {
	local db=$1 name=${2:-server} i url seed=(--seed-demo)
	shift 2 2>/dev/null || shift
	[ "${1:-}" = --no-seed ] && { seed=(); shift; }
	: >"$WORK/$name.out"
	"$WINCASED_BIN" --db "$db" --listen 127.0.0.1:0 "${seed[@]}" \
		--fake-clock="$BENCH_CLOCK" --conf-dir "$WINCASE_CONF" "$@" \
		>"$WORK/$name.out" 2>"$WORK/$name.log" &
	echo $! >"$WORK/$name.pid"
	for i in $(seq 1200); do
		url=$(sed -n 's/^wincased: listening on //p' "$WORK/$name.out")
		[ -n "$url" ] && { echo "$url"; return 0; }
		kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null || break
		sleep 0.05
	done
	echo "bench: wincased did not start on $db; see $WORK/$name.log:" >&2
	tail -3 "$WORK/$name.log" >&2
	return 1
}

bench_server_stop() { # [NAME]
	local pid name=${1:-server}
	pid=$(cat "$WORK/$name.pid" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	rm -f "$WORK/$name.pid"
}

bench_stop_all() {
	local f
	for f in "$WORK"/nginx.pid "$WORK"/balancer/nginx.pid; do
		[ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
	done
	for f in "$WORK"/*.pid; do
		[ -e "$f" ] && [ "$f" != "$WORK/nginx.pid" ] &&
			bench_server_stop "$(basename "$f" .pid)"
	done
	[ -d "$WORK/pg" ] && tests/support/pg_cluster.sh stop "$WORK/pg" >/dev/null 2>&1
	return 0
}

# bench_seed DB: a store with the schema and the demo data, no server left.
bench_seed() {
	bench_server_start "$1" seed >/dev/null && bench_server_stop seed
}

bench_login() { # URL USER: the session token
	curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$2\",\"password\":\"demo-password-1\"}" \
		"$1/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}

# median_ms TOKEN URL: the median time of RUNS GETs after one warm-up, ms.
median_ms() {
	local i
	curl -s -o /dev/null -H "Authorization: Bearer $1" "$2"
	for i in $(seq "$RUNS"); do
		curl -s -o /dev/null -w '%{time_total}\n' \
			-H "Authorization: Bearer $1" "$2"
	done | median | awk '{printf "%.1f", $1 * 1000}'
}

wrk_field() { # OUTPUT LABEL: the number after LABEL
	awk -v l="$2" 'index($0, l) == 1 {print $2}' <<<"$1" | head -1
}

wrk_percentile() { # OUTPUT 50%: that latency percentile, in ms
	awk -v p="$2" '$1 == p {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000
		else if (u == "m") v *= 60000
		printf "%.1f\n", v
	}' <<<"$1" | head -1
}

# wrk_rate WRK-OPTIONS... URL: the median req/s of 3 runs.
wrk_rate() {
	wrk_median "$@" | cut -f1
}

# wrk_ok_rate OUTPUT: answers per second that were 2xx or 3xx (wrk's
# Requests/sec counts refusals too: "Non-2xx or 3xx responses: N").
wrk_ok_rate() {
	awk '/ requests in / {n = $1; t = $4; sub(/s,?$/, "", t)}
	/Non-2xx or 3xx responses:/ {bad = $5}
	END {if (t > 0) printf "%.2f\n", (n - bad) / t}' <<<"$1"
}

# wrk_median WRK-OPTIONS... URL: "req/s<TAB>p50 ms<TAB>p99 ms" of the run
# with the median rate of 3 (WRK_RUNS); the rate counts successful answers.
wrk_median() {
	local i out
	for i in $(seq "${WRK_RUNS:-3}"); do
		out=$(wrk -d"${WRK_SECONDS:-5}s" --latency "$@" 2>&1)
		printf '%s\t%s\t%s\n' "$(wrk_ok_rate "$out")" \
			"$(wrk_percentile "$out" 50%)" "$(wrk_percentile "$out" 99%)"
	done | sort -n | awk '{v[NR] = $0} END {if (NR) print v[int((NR + 1) / 2)]}'
}

# nginx_start DIR FILE: nginx serving FILE at /v1/health on a free port,
# with as many workers as cores (as wincased has threads); prints the port.
nginx_start() {
	local dir=$1 file=$2 port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p "$dir/nginx/v1"
	cp "$file" "$dir/nginx/v1/health"
	# The workers drop root: they must reach the file.
	chmod a+rx "$dir" "$dir/nginx" "$dir/nginx/v1"
	chmod a+r "$dir/nginx/v1/health"
	cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server { listen 127.0.0.1:$port; root $dir/nginx; }
}
CONF
	nginx -c "$dir/nginx.conf" -p "$dir" || return 1
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null && { echo "$port"; return 0; }
		sleep 0.05
	done
	return 1
}

# balancer_start DIR URL...: nginx on a free port balancing the wincased
# URLs as scripts/run-city.sh does (docs/deploy.md's upstream); prints the
# port.
balancer_start() {
	local dir=$1 port u upstreams=""
	shift
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	for u in "$@"; do
		upstreams+="    server ${u#http://} max_fails=2 fail_timeout=5s;"$'\n'
	done
	mkdir -p "$dir"
	cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  upstream wincased {
$upstreams    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://wincased;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
	nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" || return 1
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null && { echo "$port"; return 0; }
		sleep 0.05
	done
	return 1
}
