#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1 for the store tests and prints the variables the tests read.
# Installs Debian's postgresql package first when no server is on the machine. Usage: eval "$(.ci/postgres.sh)"
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "CI: installing PostgreSQL from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

port=${PROEFTUIN_PG_PORT:-55433}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "CI: port $port on 127.0.0.1 is in use (a server left running? set PROEFTUIN_PG_PORT)" >&2
  exit 1
fi
data=$(mktemp -d /tmp/proeftuin-pg.XXXXXX)
chown postgres:postgres "$data"
run() { runuser -u postgres -- "$@"; }
run "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
run "$bin/pg_ctl" -D "$data" -o "-k /tmp -p $port -h 127.0.0.1 -c fsync=on" -l "$data/server.log" -w start >&2
run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE proeftuin LOGIN PASSWORD 'proeftuin'" >&2
run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE proeftuin OWNER proeftuin" >&2
echo "CI: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($data)" >&2

echo "export PROEFTUIN_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/proeftuin"
echo "export PROEFTUIN_TEST_PG_USER=proeftuin"
echo "export PROEFTUIN_TEST_PG_PASSWORD=proeftuin"
# stopping also removes the throw-away data folder
echo "export PROEFTUIN_PG_STOP='runuser -u postgres -- $bin/pg_ctl -D $data -m fast stop; rm -rf $data'"
