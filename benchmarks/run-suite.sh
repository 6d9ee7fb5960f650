#!/usr/bin/env bash
# Runs the whole JMH suite with -prof gc, keeps the JMH JSON, and regenerates docs/benchmarks.md
# and docs/benchmarks-latency.svg from it. Needs only a JDK 17+ (the generator is a Java main in the
# benchmarks jar). About 25 minutes on 2 cores with the defaults: run it on a quiet machine.
#
#   benchmarks/run-suite.sh                      # full suite
#   benchmarks/run-suite.sh 'Ringtail|Log4j2'    # a subset (JMH regex); extra JMH flags go here too
#
# Environment:
#   JMH_OPTS      iteration settings (default: -f 1 -wi 3 -w 1s -i 5 -r 2s)
#   PROVISIONAL   if set, the document is marked provisional with this text
#   SKIP_BUILD=1  use the existing benchmarks/target/benchmarks.jar
#   OUT           where the JSON and the outcomes file go (default benchmarks/target/suite)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
OUT=${OUT:-benchmarks/target/suite}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 2s}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B package -DskipTests
fi
mkdir -p "$OUT"
SHOWN_OUT=$OUT # as given, so the command recorded in docs names no path of this machine
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT/outcomes.tsv" "$OUT/jmh-result.json"

# shellcheck disable=SC2086 # JMH_OPTS is a list of flags
set -- $JMH_OPTS -prof gc "$@"
shown="java -jar $JAR $* -rf json -rff $SHOWN_OUT/jmh-result.json"
echo "running: $shown" >&2
"$JAVA" -jar "$JAR" "$@" -rf json -rff "$OUT/jmh-result.json" \
  -jvmArgsPrepend "-Dringtail.bench.outcomes=$OUT/outcomes.tsv" | tee "$OUT/jmh.log"

# a benchmark that fails is left out of the JSON; name it in the document rather than lose it silently
failed=$(awk '/^# Benchmark:/ {b=$3} /^# Parameters:/ {p=$3" "$4" "$5} /^# Benchmark mode:/ {m=$4}
              /<failure>/ {print b " " m " " p}' "$OUT/jmh.log" | sort -u | paste -sd ';' -)
if [ -n "$failed" ]; then
  echo "WARNING: failed: $failed (see $OUT/jmh.log)" >&2
fi
report=(report --results "$OUT/jmh-result.json" --out docs/benchmarks.md --outcomes "$OUT/outcomes.tsv"
        --command "$shown" --failed "$failed")
if [ -n "${PROVISIONAL:-}" ]; then
  report+=(--provisional "$PROVISIONAL")
fi
"$JAVA" -jar "$JAR" "${report[@]}"
