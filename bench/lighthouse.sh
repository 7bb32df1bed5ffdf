#!/usr/bin/env bash
# Lighthouse (mobile settings: Moto G power emulation, slow 4G, 4x CPU slowdown) on the dashboard, against Debian's
# Chromium, headless. Prints the performance and accessibility scores of each page measured and keeps the JSON and
# HTML reports in target/lighthouse/.
#
#   bench/lighthouse.sh                 builds the jar, starts it on the embedded demo (H2 in a temp dir, port chosen
#                                       at random), measures, stops it
#   bench/lighthouse.sh http://host:port   measures a running instance with the demo data (signs in as the auditor
#                                       with LH_USER / LH_PASSWORD when given)
#
# Pages: the public dashboard of the 2021 campaign (/cong-khai/campaigns/cum-ii-2021, no sign-in) and the signed-in
# dashboard (/campaigns/cum-ii-2021, the session cookie passed as an extra header). RUNS=n (default 3) runs per page;
# the median performance score is reported. Lighthouse 12.2.3 is installed under bench/lighthouse/ (npm ci) on first
# use. Knobs: SKIP_BUILD=1, CHROME_PATH (default /usr/bin/chromium), RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/lighthouse"
mkdir -p "$OUT"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
RUNS="${RUNS:-3}"
CAMPAIGN="${CAMPAIGN:-cum-ii-2021}"
if [ ! -x "$CHROME_PATH" ] && [ "$CHROME_PATH" = /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
LH="$ROOT/bench/lighthouse/node_modules/.bin/lighthouse"
if [ ! -x "$LH" ]; then
  (cd bench/lighthouse && npm ci --no-audit --no-fund)
fi

APP_PID=""
WORK=$(mktemp -d /tmp/thidua-lh.XXXXXX)
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ $# -ge 1 ]; then
  BASE="${1%/}"
  USER_NAME="${LH_USER:-}"; PASSWORD="${LH_PASSWORD:-}"
else
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -B -o -pl campaign-web -am package -DskipTests || mvn -q -B -pl campaign-web -am package -DskipTests
  fi
  PORT="${PORT:-$((20000 + RANDOM % 20000))}"
  BASE="http://127.0.0.1:$PORT"
  USER_NAME=kiemtoan; PASSWORD="Lighthouse-demo-$RANDOM$RANDOM"
  (cd "$WORK" && exec java -Ddisable-axoniq-console-message=true -jar "$ROOT/campaign-web/target/campaign-web-0.1.0-SNAPSHOT.jar" \
      --server.port="$PORT" --thidua.demo.enabled=true --thidua.demo.password="$PASSWORD" \
      > "$OUT/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 1
  done
  # The demo's projections catch up asynchronously after start: wait until the 2021 table has its eight units.
  for _ in $(seq 1 120); do
    if [ "$(curl -fsS "$BASE/cong-khai/campaigns/$CAMPAIGN" 2>/dev/null | grep -c 'data-unit=' || true)" -ge 8 ]; then break; fi
    sleep 1
  done
fi

# A signed-in session for the dashboard behind the sign-in (form login with its CSRF token).
COOKIE=""
if [ -n "$USER_NAME" ] && [ -n "$PASSWORD" ]; then
  JAR_FILE="$WORK/cookies"
  TOKEN=$(curl -fsS -c "$JAR_FILE" "$BASE/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -fsS -b "$JAR_FILE" -c "$JAR_FILE" -o /dev/null --data-urlencode "username=$USER_NAME" \
      --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$TOKEN" "$BASE/login"
  SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_FILE" | tail -1)
  [ -n "$SESSION" ] && COOKIE="JSESSIONID=$SESSION"
fi

measure() { # name path [cookie]
  local name=$1 path=$2 cookie=${3:-} scores=()
  for i in $(seq 1 "$RUNS"); do
    local args=(--quiet --only-categories=performance,accessibility --form-factor=mobile
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
      --output=json --output=html --output-path="$OUT/$name-$i")
    [ -n "$cookie" ] && args+=(--extra-headers="{\"Cookie\":\"$cookie\"}")
    "$LH" "$BASE$path" "${args[@]}"
    scores+=("$(node -e '
      const r = require(process.argv[1]);
      const a = r.audits;
      const ms = k => a[k] && a[k].numericValue != null ? Math.round(a[k].numericValue) : "n/a";
      console.log([Math.round(r.categories.performance.score * 100), Math.round(r.categories.accessibility.score * 100),
        ms("first-contentful-paint"), ms("largest-contentful-paint"), ms("total-blocking-time"),
        a["cumulative-layout-shift"].numericValue.toFixed(3), ms("speed-index"),
        Math.round(a["total-byte-weight"].numericValue / 1024)].join(" "));' "$OUT/$name-$i.report.json")")
    echo "$name run $i: performance accessibility FCP(ms) LCP(ms) TBT(ms) CLS SI(ms) bytes(KiB) = ${scores[-1]}"
  done
  printf '%s\n' "${scores[@]}" | sort -n -k1,1 | awk -v n="$name" -v p="$path" \
    '{ a[NR] = $0 } END { split(a[int((NR + 1) / 2)], m, " ");
       printf "%s (%s): median performance %s, accessibility %s; FCP %s ms, LCP %s ms, TBT %s ms, CLS %s, SI %s ms, %s KiB\n",
              n, p, m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8] }' | tee -a "$OUT/summary.txt"
}

echo "lighthouse $("$LH" --version), $("$CHROME_PATH" --version 2>/dev/null), $(nproc) CPUs," \
     "load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)" \
     | tee -a "$OUT/summary.txt"
if curl -fsS -o /dev/null "$BASE/cong-khai/campaigns/$CAMPAIGN" 2>/dev/null; then
  measure public-dashboard "/cong-khai/campaigns/$CAMPAIGN"
fi
if [ -n "$COOKIE" ]; then
  measure dashboard "/campaigns/$CAMPAIGN" "$COOKIE"
fi
