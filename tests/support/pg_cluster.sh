#!/bin/bash
# pg_cluster.sh start|stop|status|conninfo DIR - a throwaway PostgreSQL
# cluster for the tests and `make run-city`: initdb into DIR/pgdata (once),
# postgres on a free loopback port (kept in DIR/port, so that a restart
# gets the same one), its socket in DIR. No system service is used or
# assumed. As root, the cluster runs as the unprivileged user
# $WINCASE_PG_OS_USER (wincase-test), created without a home or a shell
# when missing, since PostgreSQL refuses to run as root.
#
# start prints the conninfo on stdout, one line:
#   host=127.0.0.1 port=PORT user=wincase dbname=postgres
# (role "wincase" is the cluster's superuser; trust authentication on
# loopback only: a test cluster, never a production setting).
# createdb DIR NAME makes database NAME (when missing) in the running
# cluster and prints its conninfo; standby DIR PRIMARY_DIR makes DIR a
# streaming standby of the running cluster in PRIMARY_DIR (pg_basebackup
# -R), starts it and prints its conninfo (then start/stop DIR as any);
# promote DIR makes the standby in DIR a primary (pg_ctl promote, waiting
# until it takes writes) and prints its conninfo;
# bindir - prints the folder of the PostgreSQL programs (pg_dump, ...).
#
# The binaries come from $PG_BIN, else the newest /usr/lib/postgresql/*/bin,
# else PATH. Exit status: 0 done, 1 failed, 2 usage, 3 no PostgreSQL here.
set -euo pipefail

usage() {
	echo "usage: $0 start|stop|status|conninfo|promote DIR | createdb DIR NAME |" \
		"standby DIR PRIMARY_DIR | bindir -" >&2
	exit 2
}
case $#:${1:-} in
2:*) ;;
3:createdb | 3:standby) ;;
*) usage ;;
esac
cmd=$1
dir=$2
dbname=postgres
[ "$cmd" = createdb ] && dbname=$3
primary=${3:-}
os_user=${WINCASE_PG_OS_USER:-wincase-test}
role=wincase

pg_bin() {
	if [ -n "${PG_BIN:-}" ]; then
		echo "$PG_BIN"
		return
	fi
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	if [ -n "$d" ] && [ -x "$d/initdb" ]; then
		echo "$d"
	elif command -v initdb >/dev/null 2>&1; then
		dirname "$(command -v initdb)"
	fi
}
bin=$(pg_bin)
if [ -z "$bin" ]; then
	echo "pg_cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
	exit 3
fi

# Run a PostgreSQL program as the cluster's owner.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$os_user" -- "$@"
	else
		"$@"
	fi
}

ensure_os_user() {
	[ "$(id -u)" = 0 ] || return 0
	id "$os_user" >/dev/null 2>&1 && return 0
	useradd --system --no-create-home --home-dir /nonexistent \
		--shell /usr/sbin/nologin "$os_user"
}

conninfo() {
	echo "host=127.0.0.1 port=$(cat "$dir/port") user=$role dbname=$dbname"
}

createdb() {
	local port
	port=$(cat "$dir/port")
	case $dbname in *[!a-z0-9_]*)
		echo "pg_cluster: database names here are [a-z0-9_]" >&2
		return 2
		;;
	esac
	if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U "$role" -d postgres -Atqc \
		"SELECT 1 FROM pg_database WHERE datname = '$dbname'" | grep -q 1; then
		"$bin/createdb" -h 127.0.0.1 -p "$port" -U "$role" "$dbname"
	fi
	conninfo
}

running() {
	[ -f "$dir/pgdata/postmaster.pid" ] &&
		as_owner "$bin/pg_ctl" -D "$dir/pgdata" status >/dev/null 2>&1
}

# free_port: a loopback port nothing listens on.
. "$(dirname "$0")/free_port.sh"

init_cluster() {
	mkdir -p "$dir"
	ensure_os_user
	[ "$(id -u)" = 0 ] && chown "$os_user" "$dir"
	# The owner must reach DIR through every folder above it.
	if ! as_owner test -w "$dir"; then
		echo "pg_cluster: $os_user cannot write $dir" >&2
		return 1
	fi
	# fsync off: a test cluster survives a crash of postgres (the page
	# cache keeps what was written), not of the machine; commits still
	# wait for their WAL write (synchronous_commit stays on).
	as_owner "$bin/initdb" -D "$dir/pgdata" -U "$role" --auth=trust \
		-E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		return 1
	}
	cat >>"$dir/pgdata/postgresql.conf" <<EOF
# pg_cluster.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
full_page_writes = off
max_connections = 200
shared_buffers = 64MB
log_min_messages = warning
EOF
	free_port >"$dir/port"
}

start() {
	if [ -f "$dir/port" ] && running; then
		conninfo
		return 0
	fi
	[ -f "$dir/pgdata/PG_VERSION" ] || init_cluster
	local tries=0
	while :; do
		if as_owner "$bin/pg_ctl" -D "$dir/pgdata" -l "$dir/postgres.log" \
			-o "-p $(cat "$dir/port")" -w -t 30 start >/dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		# The port may have been taken since: another one.
		if [ $tries -ge 5 ] || ! grep -q 'could not bind\|could not create listen' "$dir/postgres.log"; then
			tail -20 "$dir/postgres.log" >&2
			return 1
		fi
		free_port >"$dir/port"
	done
	conninfo
}

standby() {
	if [ -f "$dir/pgdata/PG_VERSION" ]; then
		start
		return
	fi
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown "$os_user" "$dir"
	as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$(cat "$primary/port")" \
		-U "$role" -D "$dir/pgdata" -R -X stream --checkpoint=fast --no-sync \
		>"$dir/basebackup.log" 2>&1 || {
		cat "$dir/basebackup.log" >&2
		return 1
	}
	# The primary's settings came along; its socket folder is its own.
	echo "unix_socket_directories = '$dir'" | as_owner tee -a "$dir/pgdata/postgresql.conf" >/dev/null
	free_port >"$dir/port"
	start
}

promote() {
	as_owner "$bin/pg_ctl" -D "$dir/pgdata" -w -t 30 promote >/dev/null
	conninfo
}

stop() {
	[ -f "$dir/pgdata/PG_VERSION" ] || return 0
	running || return 0
	# fast: connections are cut, what was committed is on disk.
	as_owner "$bin/pg_ctl" -D "$dir/pgdata" -m fast -w -t 30 stop >/dev/null
}

case $cmd in
start) start ;;
stop) stop ;;
status) running ;;
bindir) echo "$bin" ;;
conninfo) conninfo ;;
createdb) createdb ;;
standby) standby ;;
promote) promote ;;
*) usage ;;
esac
