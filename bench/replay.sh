#!/usr/bin/env bash
# League-table replay benchmark (see BENCHMARKS.md, "Replay"). Needs PostgreSQL at 127.0.0.1:5432 (user postgres,
# trust auth or -Dbench.password=...). Usage: bench/replay.sh [extra -Dbench.* properties]
#   HEAP=512m (default) is the heap the benchmark JVM gets; the rebuild is meant to fit in 512 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP="${HEAP:-512m}"
# Parallel GC gives up with OutOfMemoryError when it spends ~all its time collecting; G1 would thrash for minutes
# before failing if the rebuild does not fit the heap. GC_OPTS= (empty) keeps the JVM default (G1).
GC_OPTS="${GC_OPTS--XX:+UseParallelGC}"
mvn -q -B install -DskipTests
mvn -B -pl campaign-web -am test \
    -Dsurefire.excludedGroups= -Dgroups=benchmark -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dsurefire.extraArgLine=-Xmx${HEAP} ${GC_OPTS}" "$@"
echo "report: campaign-web/target/benchmarks/replay.txt"
