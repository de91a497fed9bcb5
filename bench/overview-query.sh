#!/usr/bin/env bash
# The query behind a recomputed overview, on its own: all measurements of 2,000 KPIs × 120 months read from an H2
# database of the store's shape, the way the store reads them now (IN lists of 1,000 bound ids) and in three other
# ways. Shows what the overview's recomputation spends in this query. Writes bench/results/overview-query.md.
# Usage: bench/overview-query.sh [kpis] [months] [rounds]      (defaults 2000 120 5; build first)
source "$(dirname "$0")/lib.sh"
require_distribution
compile_support
h2=$(ls "$dist"/system/h2-*.jar | head -n 1)
BENCH_EXTRA_CP="$h2" run_program bench/overview-query/OverviewQuery.java "$results/overview-query.md" \
  "${1:-2000}" "${2:-120}" "${3:-5}"
