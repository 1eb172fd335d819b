#!/usr/bin/env bash
# Loopback load test of the CloudEvents Player (see RELIABILITY.md at the repository root):
# builds the app, starts it on a free 127.0.0.1 port with a fixed heap, warms it up, then
# holds SENDERS concurrent senders for LOAD_SECONDS and checks that every acknowledged event was
# received and that the heap after a full GC did not grow. Exits non-zero on any error, any
# unaccounted event, or heap growth over MAX_HEAP_GROWTH_MB. About 2 minutes.
#
#   sample-app/load/load.sh                       # 64 senders, 60 s, 10 s warm-up
#   SENDERS=16 LOAD_SECONDS=20 sample-app/load/load.sh
set -euo pipefail

senders=${SENDERS:-64}
seconds=${LOAD_SECONDS:-60}
warmup_seconds=${WARMUP_SECONDS:-10}
max_requests=${MAX_REQUESTS:-10000000}
heap=${HEAP:-512m}
kept=${KEPT:-1000}
max_heap_growth_mb=${MAX_HEAP_GROWTH_MB:-16}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}

cd "$(dirname "$0")/../.."
work=sample-app/target/load
rm -rf "$work"
mkdir -p "$work"
app_pid=
stop_app() {
	if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill "$app_pid"
		wait "$app_pid" 2>/dev/null || true
	fi
}
trap stop_app EXIT

fail() {
	echo "load.sh: $*" >&2
	[[ -f $work/app.log ]] && tail -n 40 "$work/app.log" >&2
	exit 1
}

# heap used after two explicit full GCs, in KiB
heap_after_gc() {
	"${bin}jcmd" "$app_pid" GC.run >/dev/null
	"${bin}jcmd" "$app_pid" GC.run >/dev/null
	"${bin}jcmd" "$app_pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -n 1 | grep -oE '[0-9]+'
}

echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB; load: $(uptime | sed 's/.*load average: //')"
./mvnw -B -q -pl sample-app -am package -DskipTests
jar=$(ls sample-app/target/cloudevents-spring-sample-app-*.jar | grep -v -- '-plain' | head -n 1)
"${bin}javac" -d "$work/classes" sample-app/load/LoadTest.java

"${bin}java" -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -jar "$jar" --server.port=0 --server.address=127.0.0.1 \
	--player.max-events="$kept" ${APP_ARGS:-} >"$work/app.log" 2>&1 &
app_pid=$!
port=
for _ in $(seq 1 120); do
	kill -0 "$app_pid" 2>/dev/null || fail "the app stopped"
	port=$(grep -oE 'Tomcat started on port [0-9]+' "$work/app.log" | grep -oE '[0-9]+$' || true)
	[[ -n $port ]] && break
	sleep 0.5
done
[[ -n $port ]] || fail "the app did not start within 60 s"
url="http://127.0.0.1:$port/"
curl -sf --retry 20 --retry-connrefused --retry-delay 1 --max-time 5 "${url}actuator/health" >/dev/null \
	|| fail "the app does not answer at $url"
echo "app: pid $app_pid on $url, heap $heap, player.max-events=$kept"

load() {
	"${bin}java" -cp "$work/classes" LoadTest --url="$url" --senders="$senders" --max-requests="$max_requests" \
		--kept="$kept" "$@"
}

heap_started=$(heap_after_gc)
echo "--- warm-up: $senders senders, $warmup_seconds s (fills the $kept-event store, warms the JIT)"
load --seconds="$warmup_seconds" --prefix=warmup || fail "warm-up failed"
heap_before=$(heap_after_gc)
echo "--- load: $senders senders, $seconds s"
status=0
load --seconds="$seconds" --prefix=load || status=1
heap_after=$(heap_after_gc)

growth=$((heap_after - heap_before))
echo "--- heap used after full GC (-Xmx$heap, G1)"
printf 'started   %8d KiB\nbefore    %8d KiB (after warm-up)\nafter     %8d KiB\ngrowth    %8d KiB (limit %d MiB)\n' \
	"$heap_started" "$heap_before" "$heap_after" "$growth" "$max_heap_growth_mb"
if ((growth > max_heap_growth_mb * 1024)); then
	echo "heap: FAILED: grew by $growth KiB" >&2
	status=1
fi
echo "load average after: $(uptime | sed 's/.*load average: //')"
exit "$status"
