#!/usr/bin/env bash
# Runs the whole JMH suite with -prof gc, keeps the JMH JSON, then the demo's burst run (the burst
# goal: 300k events/s in bursts of 1,000), and regenerates docs/benchmarks.md and
# docs/benchmarks-latency.svg from them, keeping the document's hand-written part. Needs only a
# JDK 17+ (the generator is a Java main in the benchmarks jar). About 25 minutes on 2 cores with
# the defaults: run it on a quiet machine.
#
#   benchmarks/run-suite.sh                      # full suite
#   benchmarks/run-suite.sh 'Ringtail|Log4j2'    # a subset (JMH regex); extra JMH flags go here too
#
# Environment:
#   JMH_OPTS      iteration settings (default: -f 1 -wi 3 -w 1s -i 5 -r 2s)
#   PROVISIONAL   if set, the document is marked provisional with this text
#   SKIP_BUILD=1  use the existing benchmarks/target/benchmarks.jar
#   SKIP_BURST=1  leave out the burst run (the document then says the burst goal was not measured)
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
rm -f "$OUT/outcomes.tsv" "$OUT/jmh-result.json" "$OUT/burst.tsv"

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
# The burst goal, measured by the demo: one thread into ringtail's BetterStack sink and the demo's own
# loopback receiver (never a real endpoint, whatever token the environment holds). A demo that fails
# costs the JMH results nothing: it is named with the failed benchmarks and the burst row reads not
# measured. One that finishes with drops or shed events is a missed goal, not a failure.
burst=()
if [ "${SKIP_BURST:-0}" != 1 ]; then
  demo=(demo --threads 1 --rate 300000 --burst 1000 --sync-events 0 --events 3000000)
  echo "running: java -jar $JAR ${demo[*]} --summary $SHOWN_OUT/burst.tsv" >&2
  demo_rc=0
  env -u BETTERSTACK_SOURCE_TOKEN -u LOGTAIL_SOURCE_TOKEN -u LOGTAIL_SERVER_SOURCE_TOKEN \
    "$JAVA" -jar "$JAR" "${demo[@]}" --summary "$OUT/burst.tsv" 2>&1 | tee "$OUT/demo.log" || demo_rc=$?
  if [ ! -s "$OUT/burst.tsv" ]; then
    echo "WARNING: the burst demo wrote no summary (exit $demo_rc, see $OUT/demo.log)" >&2
    failed=${failed:+$failed;}"demo burst run (exit $demo_rc)"
  elif [ "$demo_rc" != 0 ]; then
    echo "note: the burst demo exited $demo_rc: not every accepted event was delivered (see $OUT/demo.log)" >&2
  fi
  burst=(--burst "$OUT/burst.tsv")
fi

report=(report --results "$OUT/jmh-result.json" --out docs/benchmarks.md --outcomes "$OUT/outcomes.tsv"
        ${burst[@]+"${burst[@]}"} --command "$shown" --failed "$failed")
if [ -n "${PROVISIONAL:-}" ]; then
  report+=(--provisional "$PROVISIONAL")
fi
"$JAVA" -jar "$JAR" "${report[@]}"
