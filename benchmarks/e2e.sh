#!/usr/bin/env bash
# End-to-end throughput of receiving a CloudEvent over HTTP, next to the floor of
# receiving the same bytes as a byte[]: one Spring MVC (Tomcat) and one Spring WebFlux
# (Reactor Netty) application from this module, driven by wrk over the loopback interface.
# Prints requests/s and p99 latency per endpoint and the ratios binary/bytes,
# structured/bytes and routed/bytes (the structured event routed by type among five
# @CloudEventMapping methods on one path), as the ratio of the median rounds and as the
# median of each round's ratio. Bounded: about 9 minutes with the defaults.
# See BENCHMARKS.md.
#
#   benchmarks/e2e.sh                      # from the repository root, or anywhere
#   DURATION=5s ROUNDS=1 benchmarks/e2e.sh # a quick look
#   ENDPOINTS="bytes from-http" benchmarks/e2e.sh   # some endpoints only (bytes is the floor)
#   ENDPOINTS="bytes structured request-body" benchmarks/e2e.sh  # also @RequestBody CloudEvent
#   OBSERVATIONS=true benchmarks/e2e.sh    # with an ObservationRegistry recording timers
#   APPS=webflux benchmarks/e2e.sh         # one application only
set -euo pipefail

DURATION=${DURATION:-8s}
ROUNDS=${ROUNDS:-5}
OBSERVATIONS=${OBSERVATIONS:-false}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
MVC_PORT=${MVC_PORT:-18481}
WEBFLUX_PORT=${WEBFLUX_PORT:-18482}
read -ra ENDPOINTS <<<"${ENDPOINTS:-binary structured routed bytes from-http}"
read -ra APPS <<<"${APPS:-mvc webflux}"

cd "$(dirname "$0")/.."
work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "wrk is missing: apt-get install -y wrk (as root)" >&2
		exit 1
	fi
	apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

for port in "$MVC_PORT" "$WEBFLUX_PORT"; do
	if ss -ltn "sport = :$port" | grep -q LISTEN; then
		echo "port $port is in use; set MVC_PORT / WEBFLUX_PORT" >&2
		exit 1
	fi
done

echo "building ..." >&2
./mvnw -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
	-Dmdep.outputFile=target/e2e.classpath >&2
classpath="benchmarks/target/classes:$(cat benchmarks/target/e2e.classpath)"

# One small event (about 300 bytes of JSON data), in each content mode. The bytes
# endpoint gets exactly the structured request: the same headers and the same body.
data='{"orderId":"order-42","customer":{"id":"c-1001","name":"Ada Lovelace","email":"ada@example.com","vip":true},"items":[{"sku":"SKU-00000","name":"Widget 0","quantity":1,"price":10.00,"tags":["blue","large"]},{"sku":"SKU-00001","name":"Widget 1","quantity":2,"price":11.01,"tags":["blue","large"]}],"total":84}'
id=6f1c2a9e-4b7d-4e21-9a53-000000000000
source=https://example.com/orders
type=com.example.order.created
time=2025-06-01T12:34:56.789Z
traceparent=00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01
structured="{\"specversion\":\"1.0\",\"id\":\"$id\",\"source\":\"$source\",\"type\":\"$type\",\"subject\":\"order-42\",\"time\":\"$time\",\"datacontenttype\":\"application/json\",\"traceparent\":\"$traceparent\",\"data\":$data}"

report='
done = function(summary, latency, requests)
	local seconds = summary.duration / 1000000
	local failed = summary.errors.status + summary.errors.connect + summary.errors.read
		+ summary.errors.write + summary.errors.timeout
	io.write(string.format("RESULT %.0f %.2f %d\n", summary.requests / seconds, latency:percentile(99) / 1000, failed))
end
'
binary_lua() {
	cat <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["ce-specversion"] = "1.0"
wrk.headers["ce-id"] = "$id"
wrk.headers["ce-source"] = "$source"
wrk.headers["ce-type"] = "$type"
wrk.headers["ce-subject"] = "order-42"
wrk.headers["ce-time"] = "$time"
wrk.headers["ce-traceparent"] = "$traceparent"
wrk.body = [[$data]]
$report
LUA
}
structured_lua() {
	cat <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/cloudevents+json"
wrk.body = [[$structured]]
$report
LUA
}
binary_lua >"$work/binary.lua"
structured_lua >"$work/structured.lua"
cp "$work/structured.lua" "$work/bytes.lua"
cp "$work/structured.lua" "$work/routed.lua"
cp "$work/structured.lua" "$work/request-body.lua"
cp "$work/binary.lua" "$work/from-http.lua"

start() { # name main-class port
	java -Xms512m -Xmx512m -cp "$classpath" "$2" --server.address=127.0.0.1 --server.port="$3" \
		--logging.level.root=warn --spring.main.banner-mode=off --e2e.observations="$OBSERVATIONS" >"$work/$1.log" 2>&1 &
	pids+=($!)
	local pid=$!
	for _ in $(seq 1 120); do
		if [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/octet-stream' --data-binary x \
			"http://127.0.0.1:$3/bytes" || true)" = 202 ]; then
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			break
		fi
		sleep 0.5
	done
	echo "$1 did not start:" >&2
	tail -40 "$work/$1.log" >&2
	exit 1
}

check() { # port endpoint: one request must be accepted, else the numbers mean nothing
	local status
	status=$(wrk -t1 -c1 -d1s -s "$work/$2.lua" "http://127.0.0.1:$1/$2" | awk '/^RESULT/ { print $4 }')
	if [ "$status" != 0 ]; then
		echo "/$2 on port $1 answered errors; request and response:" >&2
		lua_body=$(sed -n 's/^wrk.body = \[\[\(.*\)\]\]$/\1/p' "$work/$2.lua")
		headers=$(sed -n 's/^wrk.headers\["\(.*\)"\] = "\(.*\)"$/-H \1:\2/p' "$work/$2.lua")
		# shellcheck disable=SC2086
		curl -s -i -X POST $headers --data-binary "$lua_body" "http://127.0.0.1:$1/$2" >&2 || true
		exit 1
	fi
}

declare -A rps p99
measure() { # app port
	# warm every endpoint before measuring any: they share the server's and the JIT's warm-up
	for endpoint in "${ENDPOINTS[@]}"; do
		check "$2" "$endpoint"
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$work/$endpoint.lua" "http://127.0.0.1:$2/$endpoint" >/dev/null
	done
	# interleaved rounds, so that load from other processes on the machine spreads
	# over all endpoints alike; each round starts one endpoint later, so that none always
	# runs right after the same one; the median round counts
	local round count=${#ENDPOINTS[@]} k endpoint
	for round in $(seq 1 "$ROUNDS"); do
		for k in $(seq 0 $((count - 1))); do
			endpoint=${ENDPOINTS[$(((k + round - 1) % count))]}
			read -r _ r p f < <(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/$endpoint.lua" \
				"http://127.0.0.1:$2/$endpoint" | grep '^RESULT')
			if [ "$f" != 0 ]; then
				echo "$1 /$endpoint: $f failed requests" >&2
				exit 1
			fi
			rps[$1/$endpoint]="${rps[$1/$endpoint]:-} $r"
			p99[$1/$endpoint]="${p99[$1/$endpoint]:-} $p"
			printf '%-8s round %d %-12s %10s req/s  p99 %7s ms\n' "$1" "$round" "/$endpoint" "$r" "$p" >&2
		done
	done
}

median() {
	tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

stop_last() {
	local pid=${pids[-1]}
	kill "$pid" && wait "$pid" 2>/dev/null || true
	unset 'pids[-1]'
}

echo "load before: $(uptime)" >&2
for app in "${APPS[@]}"; do
	case $app in
	mvc) port=$MVC_PORT main=dev.cloudevents.spring.benchmarks.e2e.mvc.MvcReceiverApplication ;;
	webflux) port=$WEBFLUX_PORT main=dev.cloudevents.spring.benchmarks.e2e.webflux.WebFluxReceiverApplication ;;
	*) echo "unknown app $app: mvc or webflux" >&2 && exit 1 ;;
	esac
	start "$app" "$main" "$port"
	measure "$app" "$port"
	stop_last
done
echo "load after: $(uptime)" >&2

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, median of $ROUNDS interleaved rounds after $WARMUP of warm-up per endpoint, 127.0.0.1, observations: $OBSERVATIONS"
echo
echo "| app | endpoint | requests/s | p99 (ms) | / bytes | / bytes by round: median (range) |"
echo "|---|---|---:|---:|---:|---:|"
for app in "${APPS[@]}"; do
	for endpoint in "${ENDPOINTS[@]}"; do
		r=$(median "${rps[$app/$endpoint]}")
		ratio=$(awk -v a="$r" -v c="$(median "${rps[$app/bytes]}")" 'BEGIN { printf "%.2f", a / c }')
		# each round's ratio: the machine's speed drifts less within a round than across
		rounds=$(paste -d' ' <(tr ' ' '\n' <<<"${rps[$app/$endpoint]}" | grep .) \
			<(tr ' ' '\n' <<<"${rps[$app/bytes]}" | grep .) | awk '{ printf "%.3f ", $1 / $2 }')
		by_round=$(printf '%.2f (%.2f-%.2f)' "$(median "$rounds")" \
			"$(tr ' ' '\n' <<<"$rounds" | grep . | sort -g | head -1)" "$(tr ' ' '\n' <<<"$rounds" | grep . | sort -g | tail -1)")
		echo "| $app | /$endpoint | $r | $(median "${p99[$app/$endpoint]}") | $ratio | $by_round |"
	done
done
