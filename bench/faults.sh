#!/usr/bin/env bash
# The fault tests at full size: kill -9 during 20 CSV imports of 1,000,000 rows and during 20 file updates and 10
# uploads of a pilot (distribution/.../fault/*IT, on the built distribution); 50 updates of one pilot under API load
# with the class-loader, heap and Metaspace checks, and pilots whose data feeds hang or throw, next to eight more such
# pilots (core/itest .../fault/*Test, inside the framework). CI runs the same tests at small sizes.
# Prints a table and writes it to bench/results/faults.md; the Maven logs go to bench/target/faults/.
# Usage: bench/faults.sh [--no-build]     (builds first with mvn -q install -DskipTests, unless --no-build)
# About 15 minutes.
source "$(dirname "$0")/lib.sh"
build=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    *) echo "usage: bench/faults.sh [--no-build]" >&2; exit 2 ;;
  esac
done
require_jdk
logs=bench/target/faults
mkdir -p "$logs" "$results"
load=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# the tests are compiled from the working tree, so say how far it is from the commit
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($(git status --porcelain 2>/dev/null | wc -l) files changed in the working tree)"
export PROEFTUIN_FAULT_SCALE=full

if [ "$build" = yes ]; then
  echo "building (mvn -q install -DskipTests)" >&2
  mvn -B -q install -DskipTests > "$logs/build.log" 2>&1 || { tail -40 "$logs/build.log" >&2; exit 1; }
fi
require_distribution

failed=0
seconds() { echo $(( $(date +%s) - $1 )); }
echo "in-framework fault tests (core/itest, fault/*Test)" >&2
t0=$(date +%s)
mvn -B -pl core/itest verify -Dtest=nl.proeftuin.itest.fault.RepeatedUpdateTest,nl.proeftuin.itest.fault.FeedFaultTest \
    -Dproeftuin.fault.scale=full > "$logs/itest.log" 2>&1 || failed=1
itest_seconds=$(seconds "$t0")
echo "black-box fault tests (distribution, fault/*IT)" >&2
t0=$(date +%s)
mvn -B -pl distribution verify -Dit.test='nl.proeftuin.distribution.fault.*IT' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dproeftuin.fault.scale=full > "$logs/distribution.log" 2>&1 || failed=1
distribution_seconds=$(seconds "$t0")

# one row per fault test case: class, test, seconds, passed or the first line of its failure
cases() {
  awk '
    /<testcase / {
      if (name != "") print row(status)
      match($0, /name="[^"]*"/); name = substr($0, RSTART + 6, RLENGTH - 7)
      match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12)
      match($0, /time="[^"]*"/); time = substr($0, RSTART + 6, RLENGTH - 7)
      status = "passed"
      if ($0 ~ /\/>[[:space:]]*$/) { print row(status); name = "" }
      next
    }
    /<(failure|error)/ && name != "" {
      msg = $0; sub(/.*message="/, "", msg); sub(/".*/, "", msg); gsub(/&quot;/, "\"", msg); gsub(/\|/, "/", msg)
      status = "FAILED: " substr(msg, 1, 160)
    }
    /<\/testcase>/ && name != "" { print row(status); name = "" }
    function row(s) { return "| " cls " | " name " | " sprintf("%.1f", time) " | " s " |" }
  ' "$@" | grep -E '\.fault\.' || true
}
# every line a test printed as "<name>: ..." with the Markdown table right after it
table_after() {
  awk -v name="$1" '$0 ~ "^" name ":" { p = 1; t = 0; print; next }
    p && /^\|/ { print; t = 1; next }
    p && t { p = 0; print "" }' "$2"
}

reports=$(find core/itest/target/test-reports distribution/target/failsafe-reports -name 'TEST-*.xml' 2>/dev/null || true)
case_rows=""
if [ -n "$reports" ]; then
  # shellcheck disable=SC2086 # one path per word
  case_rows=$(cases $reports)
fi

{
  echo "# Fault tests at full size"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory"
  echo "- Java: $(java -version 2>&1 | head -1)"
  echo "- load average at start (1/5/15 min): $load"
  echo "- started: $started"
  echo "- command: \`$BENCH_COMMAND\`"
  echo "- commit: $commit"
  echo "- in-framework fault tests: ${itest_seconds} s; black-box fault tests: ${distribution_seconds} s"
  echo
  echo "## Test cases"
  echo
  echo "| class | test | seconds | result |"
  echo "|---|---|---:|---|"
  echo "${case_rows:-| (no test reports found) | | | |}"
  echo
  echo "## kill -9 during CSV imports"
  echo
  table_after ImportCrashIT "$logs/distribution.log"
  echo
  echo "## kill -9 during updates of a pilot"
  echo
  table_after UpdateCrashIT "$logs/distribution.log"
  echo
  echo "## Updates under load, data feeds that hang or throw"
  echo
  grep -h '^RepeatedUpdateTest:\|^FeedFaultTest:' "$logs/itest.log" | sed 's/^/- /' || true
} > "$results/faults.md"
cat "$results/faults.md"
if [ "$failed" != 0 ]; then
  echo "a fault test failed: see $logs/itest.log and $logs/distribution.log" >&2
  exit 1
fi
