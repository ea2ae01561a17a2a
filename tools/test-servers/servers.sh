#!/usr/bin/env bash
# Starts (or stops) the servers the tests run against: a throwaway PostgreSQL cluster and a Redis server, each in a
# temporary directory on a free loopback port. `start` prints the environment the tests read:
#
#   eval "$(bash tools/test-servers/servers.sh start)"   # exports BLOG_TEST_POSTGRES, BLOG_TEST_REDIS, ...
#   dotnet test
#   bash tools/test-servers/servers.sh stop "$BLOG_TEST_SERVERS"
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (Debian's package makes it).
set -euo pipefail

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port from $1" >&2; exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local dir pg_port redis_port
  dir="$(mktemp -d /tmp/blog-test-servers.XXXXXX)"
  chmod 755 "$dir"
  mkdir -p "$dir/postgres" "$dir/redis"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir/postgres"; fi

  pg_port="$(free_port 55432)"
  # C.UTF-8 so that ILIKE and lower() fold the case of every letter, not only ASCII.
  as_owner "$pg_bin/initdb" -D "$dir/postgres/data" --username=blog --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/postgres/initdb.log"
  as_owner "$pg_bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/postgres/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/postgres -c max_connections=300" start >/dev/null

  redis_port="$(free_port 56379)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" --save "" --appendonly no \
    --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

  cat <<ENV
export BLOG_TEST_SERVERS='$dir'
export BLOG_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=blog;Database=postgres'
export BLOG_TEST_POSTGRES_DATA='$dir/postgres/data'
export BLOG_TEST_REDIS='127.0.0.1:$redis_port'
ENV
}

stop() {
  local dir="${1:?the directory start printed as BLOG_TEST_SERVERS}"
  if [ -d "$dir/postgres/data" ]; then as_owner "$pg_bin/pg_ctl" -D "$dir/postgres/data" -m fast stop >/dev/null || true; fi
  if [ -f "$dir/redis/redis.pid" ]; then kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-${BLOG_TEST_SERVERS:-}}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
