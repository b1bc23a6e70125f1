# free_port.sh - sourced by the scripts that start a listener on a port of
# their own choosing (pg_cluster.sh, scripts/run-city.sh).
#
# free_port prints a loopback TCP port that nothing listens on, chosen below
# the kernel's ephemeral range: a port in that range may be the local port
# of some parallel test's client connection, and a listener cannot bind it
# then even with SO_REUSEADDR (CI saw nginx fail so). The caller still
# retries with another port when its bind fails: the check is only a check.
free_port() {
	local low p _
	read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || low=32768
	[ "$low" -gt 12000 ] 2>/dev/null || low=32768
	for _ in $(seq 1 50); do
		p=$((10000 + RANDOM % (low - 10000)))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}
