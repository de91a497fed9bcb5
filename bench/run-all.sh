#!/usr/bin/env bash
# Runs every benchmark in turn on the built distribution and writes each result to bench/results/, then the fault
# tests at full size (bench/faults.sh, about 20 minutes; --no-faults skips them). With --quick: smaller sizes and
# fewer runs, no fault tests, results in bench/target/quick-results/, to check that everything works; those numbers
# are not the ones to quote. Run by hand on an otherwise idle machine, never from CI.
# Usage: bench/run-all.sh [--quick] [--no-faults]       (build first: mvn -q install -DskipTests)
source "$(dirname "$0")/lib.sh"
quick=no
faults=yes
for arg in "$@"; do
  case "$arg" in
    --quick) quick=yes ;;
    --no-faults) faults=no ;;
    *) echo "usage: bench/run-all.sh [--quick] [--no-faults]" >&2; exit 2 ;;
  esac
done
require_distribution
if [ "$quick" = yes ]; then
  export BENCH_RESULTS=bench/target/quick-results
fi

step() {
  echo
  echo "=== $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  "$@"
}

started=$(date +%s)
if [ "$quick" = yes ]; then
  step bench/launch-to-health.sh 3
  step bench/deploy-latency.sh 5
  step bench/api-load.sh 20 10 12 5 8 5
  step bench/store-h2.sh 200 120 2 100000
  step bench/ingest.sh 100000
  step bench/scale.sh 1,10,50 10 12
else
  step bench/launch-to-health.sh 10
  step bench/deploy-latency.sh 20
  step bench/api-load.sh 200 10 120 20 16 20
  step bench/store-h2.sh 2000 120 5 1000000
  step bench/ingest.sh 1000000
  step bench/scale.sh 1,10,50,200 10 120
  if [ "$faults" = yes ]; then
    step bench/faults.sh --no-build
  fi
fi
echo
echo "all benchmarks ran in $(( $(date +%s) - started )) s; results in ${BENCH_RESULTS:-bench/results}/"
