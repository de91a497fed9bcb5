#!/usr/bin/env bash
# Scale: start time, memory (RSS, heap and Metaspace after a full GC) and /api/v1/overview latency with 1, 10, 50 and
# 200 generated pilot bundles deployed (10 KPIs each, ten years of monthly data loaded through the CSV API), to show
# how the cost grows with the number of pilots. Writes bench/results/scale.md.
# Usage: bench/scale.sh [counts] [kpis-per-pilot] [months]    (defaults 1,10,50,200 10 120; build first)
source "$(dirname "$0")/lib.sh"
require_distribution
compile_support
run_program bench/scale/Scale.java "$dist" "$results/scale.md" "${1:-1,10,50,200}" "${2:-10}" "${3:-120}"
