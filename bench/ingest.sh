#!/usr/bin/env bash
# Ingest: CSV import through the API (POST /api/v1/kpis/{id}/measurements, text/csv), rows per second, on the embedded
# H2 and on PostgreSQL: one file of N rows (default 1,000,000) for one KPI, and the same rows as 1,000 files for
# 1,000 KPIs. PostgreSQL is a throw-away server from .ci/postgres.sh on port 55444 (PROEFTUIN_PG_PORT overrides),
# stopped afterwards; --no-postgresql skips it. Writes bench/results/ingest.md (and a JFR recording of one more
# import on H2: bench/target/profiles/ingest-h2.jfr).
# Usage: bench/ingest.sh [rows] [--no-postgresql]      (build first: mvn -q install -DskipTests)
source "$(dirname "$0")/lib.sh"
rows=1000000
postgresql=yes
for arg in "$@"; do
  case "$arg" in
    --no-postgresql) postgresql=no ;;
    *) rows=$arg ;;
  esac
done
require_distribution
compile_support
pg=()
if [ "$postgresql" = yes ]; then
  if pg_env=$(PROEFTUIN_PG_PORT=${PROEFTUIN_PG_PORT:-55444} bash .ci/postgres.sh); then
    eval "$pg_env"
    trap 'eval "$PROEFTUIN_PG_STOP" >/dev/null' EXIT
    pg=("$PROEFTUIN_TEST_PG_URL" "$PROEFTUIN_TEST_PG_USER" "$PROEFTUIN_TEST_PG_PASSWORD")
  else
    echo "no PostgreSQL (.ci/postgres.sh failed): measuring H2 only" >&2
  fi
fi
run_program bench/ingest/Ingest.java "$dist" "$results/ingest.md" "$rows" "${pg[@]}"
