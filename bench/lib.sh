# Shared by the bench/*.sh scripts (sourced): build, a fresh PostgreSQL database, the app in the "bench" profile,
# the load tool, clean-up. Everything targets 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PGHOST=127.0.0.1; PGPORT=5432; PGUSER=postgres
export PGHOST PGPORT PGUSER
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d postgres)
OUT="$ROOT/target/benchmarks"
mkdir -p "$OUT"
REPORT="$OUT/$NAME.txt"
WORK=$(mktemp -d /tmp/thidua-bench.XXXXXX)
DB="thidua_bench_$(date +%s)_$$"
PORT="${PORT:-$((20000 + RANDOM % 20000))}"
BASE="http://127.0.0.1:$PORT"
ADMIN_PW="Bench-ops-$RANDOM$RANDOM"
JAR="$ROOT/campaign-web/target/campaign-web-0.1.0-SNAPSHOT.jar"
# The benchmark baselines (campaign-web's test sources, vn.thidua.web.bench.baseline, and their Flyway location
# db/bench), packaged apart by the build; the application jar does not contain them.
BENCH_JAR="$ROOT/campaign-web/target/bench/campaign-web-0.1.0-SNAPSHOT-bench.jar"
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

build() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -B -o -pl campaign-web -am package -DskipTests || mvn -q -B -pl campaign-web -am package -DskipTests
  fi
  [ -f "$BENCH_JAR" ] || { echo "missing $BENCH_JAR (build without SKIP_BUILD=1)"; exit 1; }
  javac -d "$WORK/client" campaign-web/src/test/java/vn/thidua/web/bench/BenchClient.java
}

client() { java -cp "$WORK/client" vn.thidua.web.bench.BenchClient "$@"; }

# Builds and starts the app, then sets up $1 units as BenchClient setup does (a cluster, its launched campaign, an
# officer and a pledge per unit), one line a unit in $WORK/units.txt.
start_with_units() {
  build
  start_app
  client setup "$BASE" "ops:$ADMIN_PW" "$1" "$WORK/units.txt"
}

start_app() {
  "${PSQL[@]}" -c "CREATE DATABASE $DB"
  # The application jar with the bench jar in front of its classpath: Spring Boot's PropertiesLauncher runs the
  # jar's own main class (Start-Class) with loader.path added.
  java ${APP_JAVA_OPTS:-} -Ddisable-axoniq-console-message=true -Dloader.path="$BENCH_JAR" -cp "$JAR" \
      org.springframework.boot.loader.launch.PropertiesLauncher --server.port="$PORT" \
      --spring.profiles.active=postgres,bench \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
      --thidua.admin.user=ops --thidua.admin.password="$ADMIN_PW" --thidua.demo.enabled=false \
      --thidua.auth-cache-seconds="${AUTH_CACHE_SECONDS:-3600}" ${APP_ARGS:-} \
      > "$OUT/$NAME-app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/$NAME-app.log"; exit 1; }
    sleep 1
  done
  echo "app did not start"; tail -50 "$OUT/$NAME-app.log"; exit 1
}

sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

machine() {
  echo "machine: $(nproc) CPUs, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)," \
       "$(psql -X -tA -d postgres -c 'show server_version') , load average $(cut -d' ' -f1-3 /proc/loadavg)," \
       "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2" | head -1; }

# Waits until every projection has caught up with the event store's head (at most ~3 minutes).
await_projections() {
  for _ in $(seq 1 180); do
    if curl -fsS -u "ops:$ADMIN_PW" "$BASE/api/v1/admin/projections" | python3 -c '
import json, sys
p = json.load(sys.stdin)
sys.exit(0 if p and all((x.get("position") or 0) >= (x.get("headPosition") or 0) for x in p) else 1)'; then
      return 0
    fi
    sleep 1
  done
  echo "projections did not catch up"; return 1
}
