#!/usr/bin/env bash
# What H2 itself does with the store's work, without the platform: reading all measurements of 2,000 KPIs × 120 months
# (the query behind a recomputed overview) the way the store reads them now (IN lists of 1,000 bound ids) and in three
# other ways; and inserting 1,000,000 rows of one KPI in one transaction (the core of a large CSV import) as the store
# does and with multi-row INSERTs. Uses the distribution's H2 JAR. Writes bench/results/store-h2.md.
# Usage: bench/store-h2.sh [kpis] [months] [rounds] [insert-rows]      (defaults 2000 120 5 1000000; build first)
source "$(dirname "$0")/lib.sh"
require_distribution
compile_support
h2=$(ls "$dist"/system/h2-*.jar | head -n 1)
BENCH_EXTRA_CP="$h2" run_program bench/store-h2/StoreH2.java "$results/store-h2.md" \
  "${1:-2000}" "${2:-120}" "${3:-5}" "${4:-1000000}"
