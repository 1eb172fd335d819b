#!/usr/bin/env bash
# End-to-end throughput of CloudEvents over Kafka, next to the floor of the same records as
# raw byte[] values, in one Boot application on Spring Kafka's embedded KRaft broker:
# KafkaCloudEventTemplate -> @KafkaListener taking a CloudEvent, against KafkaTemplate ->
# @KafkaListener taking the byte[] value. Both paths warm up, then interleaved rounds; every
# id is counted (exactly once, every send acknowledged with acks=all) or the run fails.
# Prints events/s per path (median of the rounds) and the ratio; each phase's line also gives
# the process CPU time per event (producer, broker and consumer), steadier than the rate when
# other processes load the machine. Bounded: the run is killed
# after TIMEOUT seconds (default 600; 1,000,000 events x 2 rounds take a few minutes on 2 cores).
# See BENCHMARKS.md.
#
#   benchmarks/kafka-e2e.sh                                # 1,000,000 events per round
#   EVENTS=20000 ROUNDS=1 benchmarks/kafka-e2e.sh          # a correctness check
#   MAVEN_ARGS=-o benchmarks/kafka-e2e.sh                  # build offline
#   HEAP=2g benchmarks/kafka-e2e.sh                        # a larger heap (default 1g) for the broker and the app
set -euo pipefail

EVENTS=${EVENTS:-1000000}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-$((EVENTS / 5 < 200000 ? EVENTS / 5 : 200000))}
PARTITIONS=${PARTITIONS:-4}
TIMEOUT=${TIMEOUT:-600}

cd "$(dirname "$0")/.."
echo "building ..." >&2
./mvnw -B -q -pl benchmarks -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/kafka.classpath >&2
classpath="benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/kafka.classpath)"

echo "running: $EVENTS events x $ROUNDS round(s) after $WARMUP warm-up events per path" >&2
timeout --kill-after=30 "$TIMEOUT" java -Xms${HEAP:-1g} -Xmx${HEAP:-1g} -cp "$classpath" -Devents="$EVENTS" -Drounds="$ROUNDS" \
	-Dwarmup="$WARMUP" -Dpartitions="$PARTITIONS" -Dphase.timeout="$((TIMEOUT / 2))" \
	dev.cloudevents.spring.benchmarks.kafka.KafkaEndToEnd
