#!/usr/bin/env bash
# Runtime benchmark: cco's echo server against an equivalent libuv server and
# a hand-written liburing loop, under the same client load on loopback in the
# same run, plus cco's context switch and cancellation latency. Prints
#   ctx_switch_ns: X
#   echo_uring_over_libuv: R (target >= 1.20) ok|under
#   echo_uring_over_raw_uring: R (target >= 0.90) ok|under
#   cancel_latency_us: X
# after one echo_<server>_msgs_per_sec line per server. R is a throughput
# ratio, cco / peer, each side the best of its rounds. A line whose program
# is missing, or that io_uring is refused to, reads "NAME: skipped: reason".
# Two reference lines follow, echo_uring_over_{libuv,raw_uring}_by_cpu: the
# server CPU time per round trip, peer / cco. With the client near a full
# core of its own, throughput ratios are squeezed towards 1; these are not.
#
# Usage: bash bench/run_runtime.sh BUILD_DIR
# Builds nothing: expects BUILD_DIR/bench/{echo_client, echo_cco, echo_libuv,
# echo_rawuring, ctx_switch, cancel_latency}.
#
# Contract with the programs:
#   echo_* PORT       listen on 127.0.0.1:PORT, print "ready" on stdout when
#                     listening, exit on SIGTERM; exit 77 with the reason on
#                     stderr when io_uring is refused. echo_cco runs with
#                     CCO_BACKEND=io_uring in its environment.
#   ctx_switch, cancel_latency
#                     print "ctx_switch_ns: X" / "cancel_latency_us: X";
#                     exit 77 with the reason on stderr to be skipped.
#
# Environment (all optional):
#   BENCH_ECHO_CONNS=64       client connections
#   BENCH_ECHO_MSG_SIZE=64    bytes per message
#   BENCH_ECHO_SECONDS=3      counted seconds per run (after 0.5 s warm-up)
#   BENCH_ECHO_ROUNDS=5       interleaved rounds; the best round counts
#   BENCH_ECHO_PIN=1          client on one CPU, server on another (0: off)
#
# Exit 0 when the report was produced, targets met or not, lines skipped or
# not; 1 when a program failed (wrong echo, crash, error exit); 2 on bad
# usage.
set -euo pipefail

die() {
	echo "bench-runtime: error: $*" >&2
	exit 2
}
progress() {
	echo "bench-runtime: $*" >&2
}

[ $# -eq 1 ] || die "usage: run_runtime.sh BUILD_DIR"
[ -d "$1" ] || die "build directory '$1' does not exist"
bin=$(cd "$1" && pwd)/bench
logs=$bin/logs/runtime
mkdir -p "$logs" || die "cannot create $logs"

conns=${BENCH_ECHO_CONNS:-64}
size=${BENCH_ECHO_MSG_SIZE:-64}
secs=${BENCH_ECHO_SECONDS:-3}
rounds=${BENCH_ECHO_ROUNDS:-5}
pin=${BENCH_ECHO_PIN:-1}
[[ $conns =~ ^[1-9][0-9]*$ ]] || die "BENCH_ECHO_CONNS must be a positive integer, got '$conns'"
[[ $size =~ ^[1-9][0-9]*$ ]] || die "BENCH_ECHO_MSG_SIZE must be a positive integer, got '$size'"
if ! [[ $secs =~ ^[0-9]+(\.[0-9]+)?$ ]] || ! awk -v s="$secs" 'BEGIN { exit !(s > 0) }'; then
	die "BENCH_ECHO_SECONDS must be a positive number, got '$secs'"
fi
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "BENCH_ECHO_ROUNDS must be a positive integer, got '$rounds'"

status=0		# becomes 1 when a program fails
clk_tck=$(getconf CLK_TCK)

# ---------------------------------------------------------------- CPUs
# Two CPUs of those this script may use: the client on one, the server on
# the other, so neither steals the other's core and no run depends on where
# the scheduler happened to put them.
client_pin=()
server_pin=()
pin_note="unpinned"
if [ "$pin" != 0 ] && command -v taskset >/dev/null 2>&1; then
	cpus=()
	list=$(awk '/^Cpus_allowed_list:/ { print $2 }' /proc/self/status)
	IFS=, read -r -a ranges <<<"$list"
	for r in "${ranges[@]}"; do
		lo=${r%-*} hi=${r#*-}
		for ((c = lo; c <= hi && ${#cpus[@]} < 2; c++)); do
			cpus+=("$c")
		done
	done
	if [ "${#cpus[@]}" -ge 2 ]; then
		client_pin=(taskset -c "${cpus[0]}")
		server_pin=(taskset -c "${cpus[1]}")
		pin_note="client on cpu ${cpus[0]}, server on cpu ${cpus[1]}"
	fi
fi

# ---------------------------------------------------------------- echo
servers=(cco libuv raw_uring)
declare -A exe=([cco]=echo_cco [libuv]=echo_libuv [raw_uring]=echo_rawuring)
declare -A state	# "" runs, "skipped: why" or "failed: why" once decided
declare -A best	# best msgs/s
declare -A best_ccpu	# client CPU in the best round
declare -A min_cpu	# least server CPU us per round trip over the rounds
declare -A all	# msgs/s of every round

for s in "${servers[@]}"; do
	state[$s]=""
	all[$s]=""
	[ -x "$bin/${exe[$s]}" ] || state[$s]="skipped: ${exe[$s]} not built"
done
# cco's echo runs on io_uring: where the kernel refuses io_uring_setup
# (containers), it is skipped like the raw loop, not failed.
if ! python3 -c 'import ctypes, os, sys
fd = ctypes.CDLL(None).syscall(425, 1, ctypes.create_string_buffer(120))
sys.exit(fd < 0 or os.close(fd))' 2>/dev/null; then
	[ -z "${state[cco]}" ] && state[cco]="skipped: io_uring refused here"
fi
if [ ! -x "$bin/echo_client" ]; then
	for s in "${servers[@]}"; do
		state[$s]="skipped: echo_client not built"
	done
fi

last_line() { # last_line FILE: its last non-empty line, for messages
	awk 'NF { l = $0 } END { print l }' "$1"
}

cpu_ticks() { # cpu_ticks PID: user + system time in clock ticks
	# Fields after the parenthesised command name; utime and stime are
	# the 12th and 13th of those.
	sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# Listening ports come from below the ephemeral range, where the client's
# own connections cannot be holding them.
read -r eph_lo _ </proc/sys/net/ipv4/ip_local_port_range || eph_lo=32768
port_lo=10000
port_span=$((eph_lo - port_lo))
if [ "$port_span" -lt 1000 ]; then	# an unusual range: any port will do
	port_lo=1024 port_span=60000
fi

srv_pid=""
stop_server() {
	[ -n "$srv_pid" ] || return 0
	kill -TERM "$srv_pid" 2>/dev/null || true
	for _ in $(seq 60); do
		kill -0 "$srv_pid" 2>/dev/null || break
		sleep 0.05
	done
	kill -KILL "$srv_pid" 2>/dev/null || true
	wait "$srv_pid" 2>/dev/null || true
	srv_pid=""
}
trap stop_server EXIT

# start_server NAME TAG: sets srv_pid and srv_port, or returns 1 with
# state[NAME] set (skipped or failed).
start_server() {
	local s=$1 tag=$2 rc
	local out=$logs/$s.$tag.out err=$logs/$s.$tag.err
	local -a env=()
	if [ "$s" = cco ]; then
		env=(env CCO_BACKEND=io_uring)
	fi
	for _ in 1 2 3 4 5; do
		srv_port=$((port_lo + RANDOM % port_span))
		# Something answers there already: pick another.
		(: <>"/dev/tcp/127.0.0.1/$srv_port") 2>/dev/null && continue
		"${env[@]}" "${server_pin[@]}" "$bin/${exe[$s]}" "$srv_port" >"$out" 2>"$err" &
		srv_pid=$!
		for _ in $(seq 200); do
			grep -qx ready "$out" && return 0
			kill -0 "$srv_pid" 2>/dev/null || break
			sleep 0.025
		done
		rc=0
		if kill -0 "$srv_pid" 2>/dev/null; then
			stop_server
			state[$s]="failed: ${exe[$s]} did not print ready within 5 s"
			return 1
		fi
		wait "$srv_pid" || rc=$?
		srv_pid=""
		if [ "$rc" = 77 ]; then
			state[$s]="skipped: $(last_line "$err")"
			return 1
		fi
		# Most likely the port was taken in between: try another one.
		progress "${exe[$s]} exited $rc before ready on port $srv_port: $(last_line "$err")"
	done
	state[$s]="failed: ${exe[$s]} exited before ready 5 times (see $err)"
	return 1
}

run_once() { # run_once NAME ROUND
	local s=$1 r=$2 out=$logs/client.$1.$2.out err=$logs/client.$1.$2.err
	local t0 t1 rc=0 rate msgs ccpu us
	start_server "$s" "$r" || return 0
	t0=$(cpu_ticks "$srv_pid")
	timeout "$(awk -v s="$secs" 'BEGIN { print s + 60 }')" \
		"${client_pin[@]}" "$bin/echo_client" 127.0.0.1 "$srv_port" \
		"$conns" "$size" "$secs" >"$out" 2>"$err" || rc=$?
	if ! kill -0 "$srv_pid" 2>/dev/null; then
		wait "$srv_pid" || true
		srv_pid=""
		state[$s]="failed: ${exe[$s]} died during the run (see $logs/$s.$r.err)"
		return 0
	fi
	t1=$(cpu_ticks "$srv_pid")
	stop_server
	if [ "$rc" != 0 ]; then
		state[$s]="failed: echo_client exit $rc: $(last_line "$err")"
		return 0
	fi
	rate=$(awk '$1 == "msgs_per_sec:" { print $2 }' "$out")
	msgs=$(awk '$1 == "msgs_incl_warmup:" { print $2 }' "$out")
	ccpu=$(awk '$1 == "client_cpu:" { print $2 }' "$out")
	if [ -z "$rate" ] || [ -z "$msgs" ]; then
		state[$s]="failed: no msgs_per_sec from echo_client (see $out)"
		return 0
	fi
	us=$(awk -v t=$((t1 - t0)) -v hz="$clk_tck" -v n="$msgs" \
		'BEGIN { printf "%.2f", t * 1e6 / hz / n }')
	all[$s]+="${all[$s]:+ }$rate"
	progress "round $r/$rounds: $s $rate msgs/s (server $us us CPU/msg, client cpu $ccpu)"
	if [ -z "${best[$s]:-}" ] || [ "$rate" -gt "${best[$s]}" ]; then
		best[$s]=$rate
		best_ccpu[$s]=$ccpu
	fi
	if [ -z "${min_cpu[$s]:-}" ] || awk -v a="$us" -v b="${min_cpu[$s]}" 'BEGIN { exit !(a < b) }'; then
		min_cpu[$s]=$us
	fi
}

progress "echo: $conns connections x $size B ping-pong, ${secs} s per run, $rounds rounds, $pin_note"
for ((r = 1; r <= rounds; r++)); do
	# Rotate the order so that no server always runs first or last.
	for ((i = 0; i < ${#servers[@]}; i++)); do
		s=${servers[$(((i + r - 1) % ${#servers[@]}))]}
		[ -z "${state[$s]}" ] || continue
		run_once "$s" "$r"
	done
done

for s in "${servers[@]}"; do
	if [[ ${state[$s]} == failed:* ]]; then
		status=1
	fi
done

# ---------------------------------------------------------------- one-liners
# passthrough PROGRAM KEY: its "KEY: X" line, or KEY: skipped/failed: why.
passthrough() {
	local p=$1 key=$2 out=$logs/$1.out err=$logs/$1.err rc=0 line
	if [ ! -x "$bin/$p" ]; then
		echo "$key: skipped: $p not built"
		return 0
	fi
	progress "running $p"
	timeout 300 "$bin/$p" >"$out" 2>"$err" || rc=$?
	line=$(grep -m1 "^$key: " "$out" || true)
	if [ "$rc" = 77 ]; then
		echo "$key: skipped: $(last_line "$err")"
	elif [ "$rc" != 0 ] || [ -z "$line" ]; then
		echo "$key: failed: $p exit $rc: $(last_line "$err")"
	else
		echo "$line"
	fi
}

ctx_line=$(passthrough ctx_switch ctx_switch_ns) || true
cancel_line=$(passthrough cancel_latency cancel_latency_us) || true
if [[ $ctx_line == *": failed: "* || $cancel_line == *": failed: "* ]]; then
	status=1
fi

# ---------------------------------------------------------------- report
echo "echo_load: $conns connections x $size B ping-pong on loopback, ${secs} s per run, best of $rounds interleaved rounds, $pin_note"
for s in "${servers[@]}"; do
	if [ -n "${best[$s]:-}" ] && [ -z "${state[$s]}" ]; then
		echo "echo_${s}_msgs_per_sec: ${best[$s]} (rounds: ${all[$s]}; client cpu ${best_ccpu[$s]}; server CPU per msg ${min_cpu[$s]} us)"
	else
		echo "echo_${s}_msgs_per_sec: ${state[$s]:-failed: no result}"
	fi
done

have() { # have NAME...: all of these servers have a result, else say why
	local s
	for s in "$@"; do
		if [ -n "${state[$s]}" ]; then
			echo "${state[$s]}"
			return 1
		fi
		if [ -z "${best[$s]:-}" ]; then
			echo "failed: no result from ${exe[$s]}"
			return 1
		fi
	done
}

ratio() { # ratio LABEL PEER TARGET: throughput, cco / peer
	local label=$1 peer=$2 target=$3 why
	if ! why=$(have cco "$peer"); then
		echo "$label: $why"
		return 0
	fi
	awk -v l="$label" -v a="${best[cco]}" -v b="${best[$peer]}" -v t="$target" 'BEGIN {
		r = sprintf("%.2f", a / b)
		printf "%s: %s (target >= %.2f) %s\n", l, r, t, (r + 0 >= t + 0) ? "ok" : "under"
	}'
}

cpu_ratio() { # cpu_ratio LABEL PEER: server CPU per round trip, peer / cco
	local label=$1 peer=$2
	have cco "$peer" >/dev/null || return 0
	awk -v l="$label" -v a="${min_cpu[$peer]}" -v b="${min_cpu[cco]}" 'BEGIN {
		printf "%s: %.2f (reference: server CPU per round trip, peer / cco)\n", l, a / b
	}'
}

echo "$ctx_line"
ratio echo_uring_over_libuv libuv 1.2
ratio echo_uring_over_raw_uring raw_uring 0.9
echo "$cancel_line"
cpu_ratio echo_uring_over_libuv_by_cpu libuv
cpu_ratio echo_uring_over_raw_uring_by_cpu raw_uring
# the programs' other lines, for reference: a yield through the scheduler
# (two switches), cancel latency's 99th percentile, how late a deadline fires
for p in ctx_switch cancel_latency; do
	[ -f "$logs/$p.out" ] && grep -vE '^(ctx_switch_ns|cancel_latency_us): ' "$logs/$p.out" \
		| sed 's/$/ (reference)/'
done
exit "$status"
