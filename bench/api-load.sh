#!/usr/bin/env bash
# API throughput and p50/p99 latency under load on loopback, on a generated large catalogue (default: 200 pilots,
# 2,000 KPIs, ten years of monthly data = 240,000 measurements loaded through the CSV API): /api/v1/overview and a KPI
# measurements query, next to the same Jetty serving static files (the ceiling), with wrk (installed from Debian's
# packages when missing and running as root) or else a Java load generator; then a JFR profile of the overview.
# Prints a table and writes bench/results/api-load.md (the recording: bench/target/profiles/api-load-overview.jfr).
# Then the same load on a small catalogue (default 20 pilots), where the overview's 2 s cache holds.
# Usage: bench/api-load.sh [pilots] [kpis-per-pilot] [months] [seconds] [connections] [small-pilots]
#        (defaults 200 10 120 20 16 20; build first: mvn -q install -DskipTests). BENCH_LOAD=java: the Java generator.
source "$(dirname "$0")/lib.sh"
require_distribution
compile_support
ensure_wrk
run_program bench/api-load/ApiLoad.java "$dist" "$results/api-load.md" "${1:-200}" "${2:-10}" "${3:-120}" \
  "${4:-20}" "${5:-16}" "${6:-20}"
