#!/usr/bin/env bash
# Start time and memory at idle: Proeftuin with its three example pilots (launch → /api/health 200 → the example
# regions in the API; RSS, heap and Metaspace after a full GC) on a fresh copy of the distribution and on a restart,
# next to Apache Karaf 4.4.10 with its default configuration (launch → SSH shell answers), run after run in turn.
# Prints a table and writes it to bench/results/launch-to-health.md.
# Usage: bench/launch-to-health.sh [runs] [--no-karaf]     (default 10 runs; build first: mvn -q install -DskipTests)
source "$(dirname "$0")/lib.sh"
runs=10
karaf=yes
for arg in "$@"; do
  case "$arg" in
    --no-karaf) karaf=no ;;
    *) runs=$arg ;;
  esac
done
require_distribution
compile_support
karaf_tar=()
if [ "$karaf" = yes ]; then
  karaf_tar=("$(fetch org.apache.karaf:apache-karaf:4.4.10:tar.gz apache-karaf-4.4.10.tar.gz)")
fi
run_program bench/startup/Startup.java "$dist" "$results/launch-to-health.md" "$runs" "${karaf_tar[@]}"
