#!/usr/bin/env bash
# The Kafka fault runs of RELIABILITY.md, on Spring Kafka's embedded KRaft broker. They measure
# correctness, not speed: the events go out at a steady RATE, so that the fault strikes mid-run.
#   consumer: two consumer JVMs in one group on a 6-partition topic; one is killed with
#             kill -9 once 40% of the events are handled, the other takes its partitions over.
#             Every event must be handled at least once; duplicates are counted per partition.
#   producer: KafkaCloudEventTemplate through a TCP proxy that the broker advertises; the
#             proxy drops every connection and refuses new ones for OUTAGE seconds mid-run.
#             Every acknowledged send must be on the topic; failed sends are counted.
# Bounded: each run is killed after TIMEOUT seconds (default 300).
#
#   benchmarks/kafka-faults.sh                         # both, 20,000 events each
#   RUNS=producer EVENTS=5000 benchmarks/kafka-faults.sh
#   MAVEN_ARGS=-o benchmarks/kafka-faults.sh           # build offline
set -euo pipefail

EVENTS=${EVENTS:-20000}
RATE=${RATE:-1000}
OUTAGE=${OUTAGE:-12}
TIMEOUT=${TIMEOUT:-300}
read -ra RUNS <<<"${RUNS:-consumer producer}"

cd "$(dirname "$0")/.."
echo "building ..." >&2
./mvnw -B -q -pl benchmarks -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/kafka.classpath >&2
classpath="benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/kafka.classpath)"

status=0
for run in "${RUNS[@]}"; do
	case "$run" in
	consumer) main=KafkaConsumerFault ;;
	producer) main=KafkaProducerFault ;;
	*)
		echo "unknown run $run: consumer or producer" >&2
		exit 2
		;;
	esac
	echo "== $run fault run: $EVENTS events at $RATE/s" >&2
	timeout --kill-after=30 "$TIMEOUT" java -Xmx512m -cp "$classpath" -Devents="$EVENTS" -Drate="$RATE" \
		-Doutage="$OUTAGE" -Dlogs=benchmarks/target/kafka-faults \
		"dev.cloudevents.spring.benchmarks.kafka.$main" || status=$?
done
exit "$status"
