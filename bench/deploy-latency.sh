#!/usr/bin/env bash
# Deploy latency: a JAR dropped into the deploy folder (write-then-rename) until it is live, and a new version of it
# until that version is live, N times each (default 20): Proeftuin (until visible in /api/v1/regions), plain Apache
# Felix FileInstall 3.7.4 with its defaults, and Apache Karaf 4.4.10's deploy/ folder with its default configuration
# (until the bundle's activator ran). Prints median and p95 and writes bench/results/deploy-latency.md.
# Usage: bench/deploy-latency.sh [runs] [--no-karaf]       (build first: mvn -q install -DskipTests)
# Needs: a JDK 17+ and Maven (fetches Felix, FileInstall and Karaf from Maven Central once, into bench/target/cache).
source "$(dirname "$0")/lib.sh"
runs=20
karaf=yes
for arg in "$@"; do
  case "$arg" in
    --no-karaf) karaf=no ;;
    *) runs=$arg ;;
  esac
done
require_distribution
compile_support
felix=$(fetch org.apache.felix:org.apache.felix.framework:7.0.5 org.apache.felix.framework-7.0.5.jar)
fileinstall=$(fetch org.apache.felix:org.apache.felix.fileinstall:3.7.4 org.apache.felix.fileinstall-3.7.4.jar)
karaf_tar=()
if [ "$karaf" = yes ]; then
  karaf_tar=("$(fetch org.apache.karaf:apache-karaf:4.4.10:tar.gz apache-karaf-4.4.10.tar.gz)")
fi
BENCH_EXTRA_CP="$felix" run_program bench/deploy-latency/DeployLatency.java \
  "$dist" "$fileinstall" "$results/deploy-latency.md" "$runs" "${karaf_tar[@]}"
