#!/usr/bin/env bash
# Evidence uploads against a bare JDBC insert of the same bytes (BENCHMARKS.md, "Evidence uploads"): 200 PDFs of
# 1 MiB from 8 clients over HTTP into the application on PostgreSQL (a database of its own, dropped after), then the
# same bytes inserted bare into a scratch bytea table from 8 threads; heap used before/after and peak.
# Options as system properties: bench.files (200), bench.clients (8), bench.mib (1). HEAP (default 512m).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl campaign-web -am test -Dtest=EvidenceUploadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsurefire.excludedGroups=none -Dsurefire.extraArgLine="-Xmx${HEAP:-512m}" "$@" 2>&1 | grep -E "EVIDENCE-BENCH|Tests run|FAIL" || true
