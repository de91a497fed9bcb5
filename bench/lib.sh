# Shared by the benchmark scripts (sourced, not run). Every script runs from the repository root, on the built
# distribution, with a JDK 17+ and Maven only; downloads (Karaf, FileInstall, Felix) go to bench/target/cache.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dist=distribution/target/proeftuin
cache=bench/target/cache
classes=bench/target/classes
# where the result files go; bench/run-all.sh --quick sends them to bench/target/quick-results
results=${BENCH_RESULTS:-bench/results}

require_distribution() {
  if [ ! -x "$dist/bin/proeftuin" ]; then
    echo "build the distribution first: mvn -q install -DskipTests" >&2
    exit 2
  fi
}

require_jdk() {
  for tool in java javac jcmd; do
    command -v "$tool" >/dev/null || { echo "the benchmarks need a JDK 17+ ($tool is not on the PATH)" >&2; exit 2; }
  done
}

# Compiles bench/support/*.java (the code the benchmark programs share) into bench/target/classes.
compile_support() {
  require_jdk
  mkdir -p "$classes"
  javac -d "$classes" bench/support/*.java
}

# fetch G:A:V[:type] FILE: copies an artifact from Maven Central (through the local repository) into the cache,
# once; prints its path.
fetch() {
  local artifact=$1 file=$2
  if [ ! -f "$cache/$file" ]; then
    mkdir -p "$cache"
    local empty
    empty=$(mktemp -d)
    # from an empty folder, so that no project's pom is read
    (cd "$empty" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="$artifact" -DoutputDirectory="$OLDPWD/$cache" >&2)
    rmdir "$empty"
  fi
  echo "$cache/$file"
}

# wrk from Debian's packages when it is missing and we may install it; else the Java load generator is used.
ensure_wrk() {
  if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1; } \
      || echo "wrk could not be installed; using the Java load generator" >&2
  fi
}

# run_program bench/x/X.java args...: a single-file benchmark program with the shared classes on the class path.
run_program() {
  local program=$1
  shift
  java -cp "$classes${BENCH_EXTRA_CP:+:$BENCH_EXTRA_CP}" "$program" "$@"
}

# What was measured, for the result file: when the distribution was built, and from which commit. The tree is
# shared with others at work, so the number of changed files says how far it is from that commit.
if [ -d "$dist/system" ]; then
  BENCH_BUILD="distribution built $(date -u -r "$dist/system" +%Y-%m-%dT%H:%M:%SZ)"
  if command -v git >/dev/null && git rev-parse --short HEAD >/dev/null 2>&1; then
    BENCH_BUILD="$BENCH_BUILD from commit $(git rev-parse --short HEAD) ($(git status --porcelain 2>/dev/null | wc -l) files changed in the working tree)"
  fi
  export BENCH_BUILD
fi

# The command line as typed, for the result file.
BENCH_COMMAND="$0${*:+ $*}"
export BENCH_COMMAND
