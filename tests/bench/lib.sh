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

# bench_server_start DB: wincased on DB (seeded with the demo data, a fake
# clock) on a free loopback port; prints its URL. One at a time.
bench_server_start() {
	local db=$1 out="$1.out" i
	"$WINCASED_BIN" --db "$db" --listen 127.0.0.1:0 --seed-demo \
		--fake-clock="$BENCH_CLOCK" --conf-dir "$WINCASE_CONF" \
		>"$out" 2>"$db.log" &
	echo $! >"$WORK/server.pid"
	for i in $(seq 400); do
		url=$(sed -n 's/^wincased: listening on //p' "$out")
		[ -n "$url" ] && { echo "$url"; return 0; }
		sleep 0.05
	done
	echo "bench: wincased did not start on $db" >&2
	return 1
}

bench_server_stop() {
	local pid
	pid=$(cat "$WORK/server.pid" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	rm -f "$WORK/server.pid"
}

bench_stop_all() {
	bench_server_stop
	[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
}

# bench_seed DB: a store with the schema and the demo data, no server left.
bench_seed() {
	bench_server_start "$1" >/dev/null && bench_server_stop
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

wrk_percentile() { # OUTPUT 50%: that latency percentile
	awk -v p="$2" '$1 == p {print $2}' <<<"$1" | head -1
}

# wrk_rate WRK-OPTIONS... URL: the median req/s of 3 runs.
wrk_rate() {
	local i
	for i in 1 2 3; do
		wrk_field "$(wrk -d"${WRK_SECONDS:-5}s" "$@" 2>&1)" 'Requests/sec:'
	done | median
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
