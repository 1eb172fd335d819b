#!/usr/bin/env bash
# Runs the JMH benchmarks (test sources of this module, beside the reference Java SDK they
# measure against) with the given JMH options, e.g.
#   benchmarks/jmh.sh -prof gc -rf json -rff benchmarks/target/jmh-result.json
#   benchmarks/jmh.sh 'Binary(En|De)code' -p size=SMALL -f 1 -wi 2 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/jmh.classpath >&2
exec java -cp "benchmarks/target/test-classes:benchmarks/target/classes:$(cat benchmarks/target/jmh.classpath)" \
	org.openjdk.jmh.Main "$@"
