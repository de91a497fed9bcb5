#!/usr/bin/env bash
# Launch-to-health: time from starting bin/proeftuin to the first 200 of /api/health,
# over N runs (default 5) on a fresh home each time. Prints each run and the median,
# and appends the table to bench/results/launch-to-health.md.
# Usage: bench/launch-to-health.sh [runs]   (build first: mvn -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dist=distribution/target/proeftuin
[ -x "$dist/bin/proeftuin" ] || { echo "build the distribution first: mvn -q package -DskipTests" >&2; exit 2; }
port=$(( 20000 + RANDOM % 20000 ))
times=()
for i in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  start=$(date +%s%N)
  PROEFTUIN_HOME="$home" PROEFTUIN_PORT=$port "$dist/bin/proeftuin" >"$home/out.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "platform exited; see $home/out.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$home"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
echo "median of $runs: ${median} ms"
mkdir -p bench/results
{
  echo "## $(date -u +%Y-%m-%dT%H:%M:%SZ) launch-to-health, $runs runs, $(nproc) cores"
  echo
  echo "| run | ms |"; echo "|---|---|"
  for i in "${!times[@]}"; do echo "| $((i+1)) | ${times[$i]} |"; done
  echo "| **median** | **$median** |"
  echo
} >> bench/results/launch-to-health.md
