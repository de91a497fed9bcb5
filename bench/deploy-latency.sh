#!/usr/bin/env bash
# Deploy latency: how long from writing a pilot JAR into deploy/ (write-then-rename) until the platform shows it,
# N times (default 20) for new pilots and N times for new versions of one pilot; the same, for comparison, for plain
# Apache Felix FileInstall 3.7.4 with its default settings (drop to ACTIVE). Prints median and p95 and writes
# the table to bench/results/deploy-latency.md.
# Usage: bench/deploy-latency.sh [runs]   (build first: mvn -q install -DskipTests)
# Needs: a JDK 17+, Maven (to fetch FileInstall and the Felix framework from Maven Central once).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
dist=distribution/target/proeftuin
[ -x "$dist/bin/proeftuin" ] || { echo "build the distribution first: mvn -q install -DskipTests" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/deploy-latency.XXXXXX")
trap 'rm -rf "$work"' EXIT
for artifact in org.apache.felix:org.apache.felix.framework:7.0.5 org.apache.felix:org.apache.felix.fileinstall:3.7.4; do
  # from an empty folder, so that no project's pom is read
  (cd "$work" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$artifact" -DoutputDirectory="$work/felix")
done

java -cp "$work/felix/org.apache.felix.framework-7.0.5.jar" bench/deploy-latency/DeployLatency.java \
  "$dist" "$work/felix/org.apache.felix.fileinstall-3.7.4.jar" bench/results/deploy-latency.md "$runs"
