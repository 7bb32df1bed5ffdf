#!/usr/bin/env bash
# Profiles the command path (APP_ARGS=... passes extra application properties, to try a setting): the same load as bench/command-path.sh (16 clients, report corrections), with a JFR
# recording (profile settings, deep stacks) of the application during a run of the bare endpoint and one of the
# Axon endpoint, then prints the top self and inclusive frames of the Tomcat request threads for each.
# Knobs: UNITS=128 CLIENTS=16 DUR=20 SKIP_BUILD=1
NAME=profile-command-path
source "$(dirname "$0")/lib.sh"
UNITS="${UNITS:-128}"; CLIENTS="${CLIENTS:-16}"; DUR="${DUR:-20}"
APP_JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=512"
start_with_units "$UNITS"
run_wrk() { wrk -t2 -c"$CLIENTS" -d"$3"s --timeout 10s -s bench/report.lua "$BASE" -- "$WORK/units.txt" "$1" "$2" 2 \
    | grep '^WRK'; }
run_wrk /api/v1/bench 1000000000000 10 >/dev/null
run_wrk /api/v1 1000000000000 10 >/dev/null
{ echo "== Command path profile ($(date -u +%FT%TZ)) =="; machine; } | tee "$REPORT"
for kind in bare app; do
  prefix=/api/v1; [ "$kind" = bare ] && prefix=/api/v1/bench
  jcmd "$APP_PID" JFR.start name="$kind" settings=profile filename="$OUT/$NAME-$kind.jfr" >/dev/null
  R=$(run_wrk "$prefix" "$([ "$kind" = bare ] && echo 2 || echo 3)000000000000" "$DUR")
  jcmd "$APP_PID" JFR.stop name="$kind" >/dev/null
  {
    echo "### $kind: $R"
    jfr print --stack-depth 400 --events jdk.ExecutionSample "$OUT/$NAME-$kind.jfr" | python3 bench/jfr-buckets.py
    jfr print --stack-depth 400 --events jdk.ExecutionSample "$OUT/$NAME-$kind.jfr" | python3 bench/jfr-top.py 30 'http-nio'
    echo "### $kind, all threads:"
    jfr print --stack-depth 400 --events jdk.ExecutionSample "$OUT/$NAME-$kind.jfr" | python3 bench/jfr-top.py 15 | sed -n '1,18p'
  } | tee -a "$REPORT"
done
echo "recordings: $OUT/$NAME-{bare,app}.jfr; report: $REPORT"
