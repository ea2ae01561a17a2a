#!/usr/bin/env bash
# The blog API's benchmark (issue #5). What it does and how to read it: bench/README.md.
#
#   bench/run.sh                                  # N = 1,000 and 1,000,000, 10 s per scenario, SQLite and PostgreSQL
#   BENCH_SIZES="1000" BENCH_SECONDS=3 bench/run.sh   # a quick check
#   BENCH_ENGINES=sqlite bench/run.sh             # one engine only
#   BENCH_POSTGRES="Host=…;Port=…;Username=…;Database=postgres" bench/run.sh   # a server of your own
#
# Raw output goes to bench/results/<UTC time>/ (git-ignored); the final table is printed and saved there
# as report.md.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

SIZES=${BENCH_SIZES:-1000 1000000}
RUN_SECONDS=${BENCH_SECONDS:-10}
WARMUP_ALL_SECONDS=${BENCH_WARMUP_ALL:-30}   # mixed requests after each start, before any measurement
WARMUP_SECONDS=${BENCH_WARMUP:-3}            # each read scenario's own warm-up
WARMUP_WRITE_SECONDS=${BENCH_WARMUP_WRITE:-10}  # the write scenarios' own warm-up (they are not in the mix)
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
# A second pass at more connections for the scenarios issue 13 sets targets for at both (GET one, first page, create);
# 0 leaves it out.
HIGH_CONNECTIONS=${BENCH_CONNECTIONS_HIGH:-64}
((HIGH_CONNECTIONS != CONNECTIONS)) || HIGH_CONNECTIONS=0
TIMEOUT_SECONDS=${BENCH_TIMEOUT:-30}   # wrk drops (and counts as timeouts) answers slower than this
STARTS=${BENCH_STARTS:-3}             # start-up time: the median of this many starts
ENGINES=${BENCH_ENGINES:-sqlite postgres}
BASE_PORT=${BENCH_PORT:-5180}   # SQLite: service, baseline; PostgreSQL: the next two
declare -A PORTS=([service-sqlite]=$BASE_PORT [baseline-sqlite]=$((BASE_PORT + 1))
                  [service-postgres]=$((BASE_PORT + 2)) [baseline-postgres]=$((BASE_PORT + 3)))
# PostgreSQL: a server given as an Npgsql connection string to a database whose user may create databases
# (the run makes blog_bench_<N> there, dropping any older one), or else a cluster of the run's own, started
# here and stopped at the end. Its settings are durable (fsync, synchronous_commit and full_page_writes on,
# PostgreSQL's defaults, spelled out), so that every acknowledged write is on disk, as SQLite's synchronous=FULL
# makes it; shared_buffers is a quarter of a small server's memory rather than the 128 MB default.
PG_GIVEN=${BENCH_POSTGRES:-}
PG_BIN=${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_SETTINGS=(fsync=on synchronous_commit=on full_page_writes=on shared_buffers=1GB max_connections=300)

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP
BUILD=$BENCH_DIR/results/build
DATA=$BENCH_DIR/results/data
RESULTS=$OUT/results.jsonl
LUA=$BENCH_DIR/wrk/scenario.lua
CLK_TCK=$(getconf CLK_TCK)

# The seeded data: every post belongs to one of AUTHORS, except RARE_COUNT posts (spread evenly over time)
# by RARE_AUTHOR that contain RARE_WORD; every tenth post contains COMMON_WORD. The same ~100 posts match
# the author and the rare word at every N. Tags: 0-3 per post from a vocabulary of 1,000, COMMON_TAG on
# every tenth post, RARE_TAG on RARE_COUNT other posts spread evenly over time. Comments: one post with
# BUSY_COMMENTS (the comment page scenario's), 1-5 on every twentieth post.
PASSWORD=bench-password-1
POSTER=bench
AUTHORS=(bench alice bob carol)
RARE_AUTHOR=rarebird
RARE_WORD=zyzzyva
RARE_COUNT=100
COMMON_WORD=wyvern
RARE_TAG=quokka
COMMON_TAG=waxwing
BUSY_COMMENTS=200

declare -A PIDS=()   # process (service-sqlite, baseline-sqlite, service-postgres, baseline-postgres) → its pid
PG_ADMIN=""          # Npgsql connection string to the PostgreSQL server's maintenance database
PG_POSTMASTER=""     # pid of the run's own PostgreSQL server (its CPU is measured); empty for a given server
PG_DIR=""            # the run's own cluster

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
fail() { log "FAILED: $*"; exit 1; }

cleanup() {
  local target
  for target in "${!PIDS[@]}"; do
    stop_server "$target"
  done
  stop_postgres
}
trap cleanup EXIT
trap 'exit 143' INT TERM

need_tools() {
  if ! command -v wrk >/dev/null; then
    log "installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  fi
  local tool
  for tool in wrk curl jq sqlite3 python3 dotnet; do
    command -v "$tool" >/dev/null || fail "$tool is needed"
  done
  if has_engine postgres; then
    command -v psql >/dev/null || fail "psql is needed (apt-get install -y postgresql)"
    [[ -n $PG_GIVEN || -x $PG_BIN/initdb ]] || fail "no PostgreSQL server: set BENCH_POSTGRES or install postgresql"
  fi
}

has_engine() { [[ " $ENGINES " == *" $1 "* ]]; }

# --- PostgreSQL -------------------------------------------------------------------------------------------

# Whether the database server's CPU is measured for a process (service-postgres, …): only on the run's own cluster.
db_measured() { [[ $1 == *-postgres && -n $PG_POSTMASTER ]] && echo true || echo false; }
target_db_ticks() { if [[ $(db_measured "$1") == true ]]; then db_ticks; else echo 0; fi; }

# pg_env <Npgsql connection string>: the libpq variables (one NAME=value a line) psql needs for the same server.
pg_env() {
  local pair key value pairs
  IFS=';' read -ra pairs <<<"$1"
  for pair in "${pairs[@]}"; do
    key=${pair%%=*}
    key=${key,,}
    key=${key// /}
    value=${pair#*=}
    case $key in
      host | server) echo "PGHOST=$value" ;;
      port) echo "PGPORT=$value" ;;
      username | user | userid) echo "PGUSER=$value" ;;
      password) echo "PGPASSWORD=$value" ;;
      database | db) echo "PGDATABASE=$value" ;;
      sslmode) echo "PGSSLMODE=${value,,}" ;;
    esac
  done
}

# psql_on <Npgsql connection string> [psql arguments]: unaligned, tuples only, stopping at the first error.
psql_on() {
  local connection=$1 vars
  shift
  mapfile -t vars < <(pg_env "$connection")
  env "${vars[@]}" PGOPTIONS="-c client_min_messages=warning" psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

# with_database <Npgsql connection string> <database>: the same connection string naming another database.
with_database() {
  local pair pairs out=()
  IFS=';' read -ra pairs <<<"$1"
  for pair in "${pairs[@]}"; do
    case ${pair,,} in database=* | db=* | "") ;; *) out+=("$pair") ;; esac
  done
  out+=("Database=$2")
  (IFS=';'; echo "${out[*]}")
}

free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "no free port from $1"
}

# PostgreSQL refuses to run as root; as root, the run's cluster belongs to the postgres user (Debian's package makes it).
as_pg_owner() { if (($(id -u) == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_postgres: BENCH_POSTGRES, or a fresh cluster of the run's own in $DATA/postgres (kept after the run, stopped,
# like the SQLite files, for EXPLAIN). C.UTF-8, as the tests use, so that q folds the case of every letter.
start_postgres() {
  if [[ -n $PG_GIVEN ]]; then
    PG_ADMIN=$PG_GIVEN
    log "PostgreSQL: the given server ($(psql_on "$PG_ADMIN" -c 'SHOW server_version')); its CPU is not measured"
  else
    PG_DIR=$DATA/postgres
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR"
    if (($(id -u) == 0)); then chown postgres "$PG_DIR"; fi
    as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" --username=blog --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$OUT/postgres-initdb.log" 2>&1 || fail "initdb; see $OUT/postgres-initdb.log"
    local port options setting
    port=$(free_port 55532)
    options="-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR"
    for setting in "${PG_SETTINGS[@]}"; do options+=" -c $setting"; done
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o "$options" start >/dev/null \
      || fail "PostgreSQL did not start; see $PG_DIR/server.log"
    PG_POSTMASTER=$(head -n 1 "$PG_DIR/data/postmaster.pid")
    PG_ADMIN="Host=127.0.0.1;Port=$port;Username=blog;Database=postgres"
    log "PostgreSQL: a cluster of the run's own in $PG_DIR, port $port, pid $PG_POSTMASTER; ${PG_SETTINGS[*]}"
  fi
  {
    echo "postgres: $(psql_on "$PG_ADMIN" -c 'SELECT version()' | cut -d' ' -f1-2)$([[ -n $PG_GIVEN ]] && echo ' (given: BENCH_POSTGRES)' || echo " (the run's own cluster)")"
    echo "postgres settings: $(psql_on "$PG_ADMIN" -F= -R' ' -c "SELECT name, current_setting(name) FROM pg_settings
      WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'work_mem',
                     'max_connections', 'jit', 'max_parallel_workers_per_gather', 'lc_ctype') ORDER BY name")"
  } >>"$OUT/environment.txt"
}

stop_postgres() {
  [[ -n $PG_POSTMASTER ]] || return 0
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  PG_POSTMASTER=""
  cp "$PG_DIR/server.log" "$OUT/postgres-server.log" 2>/dev/null || true
}

# CPU time (clock ticks) of the run's own PostgreSQL server: the postmaster, the children it has reaped (its cutime
# and cstime) and its children alive now (backends, parallel workers, WAL writer, checkpointer, autovacuum).
# 0 when the server is not the run's own.
db_ticks() {
  [[ -n $PG_POSTMASTER ]] || { echo 0; return; }
  local child
  {
    sed 's/^.*) //' "/proc/$PG_POSTMASTER/stat" | awk '{ print $12 + $13 + $14 + $15 }'
    for child in $(ps -o pid= --ppid "$PG_POSTMASTER"); do
      sed 's/^.*) //' "/proc/$child/stat" 2>/dev/null | awk '{ print $12 + $13 }' || true
    done
  } | awk '{ s += $1 } END { print s + 0 }'
}

# How the service is published for deployment (README.md), and the baseline with it: precompiled (ReadyToRun),
# so that neither spends its start-up compiling its own code.
PUBLISH_OPTIONS=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true)

build() {
  log "building ${PUBLISH_OPTIONS[*]}: Blog.Api, bench/Baseline, bench/Seeder (log: $OUT/build.log)"
  local project
  for project in "$ROOT/Blog.Api/Blog.Api.csproj:api" "$BENCH_DIR/Baseline/Baseline.csproj:baseline" \
                 "$BENCH_DIR/Seeder/Seeder.csproj:seeder"; do
    rm -rf "${BUILD:?}/${project##*:}"
    dotnet publish "${project%:*}" "${PUBLISH_OPTIONS[@]}" -o "$BUILD/${project##*:}" --nologo >>"$OUT/build.log" 2>&1 \
      || fail "build of ${project%:*}; see $OUT/build.log"
  done
}

# CPU time (user + system, in clock ticks) of a process; fields 14 and 15 of /proc/<pid>/stat, counted
# after the ")" that ends the command name.
cpu_ticks() { [[ -r /proc/$1/stat ]] || fail "process $1 is gone"; sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
# Busy clock ticks of the whole machine (all CPUs), to see what else ran during a measurement.
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
peak_rss_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }

# start_server <target> <directory> <executable> <port> <log> [NAME=value ...]
# Starts the process from its own directory (so it reads its appsettings.json, as when deployed) and sets
# PIDS[target] and STARTUP_MS: from just before the start to the first 200 from /health.
# The executable is started through a symlink named blog-bench-*, so that on a shared machine another
# job's `pkill -f Blog.Api` does not stop the process being measured (the apphost finds its dll all the same).
start_server() {
  local target=$1 dir=$2 exe=$3 port=$4 logfile=$5
  shift 5
  local t0 code alias=blog-bench-${exe,,}
  ln -sfn "$exe" "$dir/$alias"
  t0=$(date +%s%N)
  (cd "$dir" && exec env "$@" "./$alias" --urls "http://127.0.0.1:$port") >>"$logfile" 2>&1 &
  PIDS[$target]=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health" || true)
    [[ $code == 200 ]] && break
    kill -0 "${PIDS[$target]}" 2>/dev/null || fail "$target exited while starting; see $logfile"
    (($(date +%s%N) - t0 < 120000000000)) || fail "$target not healthy after 120 s; see $logfile"
    sleep 0.005
  done
  STARTUP_MS=$((($(date +%s%N) - t0) / 1000000))
}

# start_measured <target> <directory> <executable> <port> <log> [NAME=value ...]
# Starts the process STARTS times (stopping all but the last) and sets STARTUP_MS to the median start-up time.
start_measured() {
  local times=() k
  for ((k = 1; k <= STARTS; k++)); do
    ((k == 1)) || stop_server "$1"
    start_server "$@"
    times+=("$STARTUP_MS")
  done
  STARTUP_MS=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  log "N=$N: $1 healthy after ${times[*]} ms (median $STARTUP_MS ms; pid ${PIDS[$1]})"
}

stop_server() {
  local pid=${PIDS[$1]:-}
  unset "PIDS[$1]"
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

alive() { kill -0 "${PIDS[$1]}" 2>/dev/null || fail "the $1 (pid ${PIDS[$1]}) exited during $2; see its log in $OUT"; }

# settle <target>: waits until the process is idle (it may still be answering requests wrk gave up on);
# on PostgreSQL, until its server is idle too (a query whose client has gone is cancelled, but not at once).
settle() {
  local pid=${PIDS[$1]} prev now db_prev db_now i
  prev=$(cpu_ticks "$pid")
  db_prev=$(target_db_ticks "$1")
  for ((i = 0; i < 240; i++)); do
    sleep 0.5
    now=$(cpu_ticks "$pid")
    db_now=$(target_db_ticks "$1")
    ((now - prev <= 5 && db_now - db_prev <= 5)) && return 0
    prev=$now
    db_prev=$db_now
  done
  log "warning: the $1 is still busy after 120 s"
}

# alone <target> <url> [NAME=value ...]: requests one at a time on the idle server, with curl: 10, or 3 when
# they take over 2 s together. Sets ALONE_MS (median of curl's time_total), ALONE_COUNT, ALONE_TICKS (the
# server's CPU over all of them) and ALONE_DB_TICKS (the PostgreSQL server's, for a target on PostgreSQL).
alone() {
  local target=$1 pid=${PIDS[$1]} url=$2
  shift 2
  local mode=get etag="" auth="" pair
  for pair in "$@"; do
    case $pair in
      BENCH_MODE=*) mode=${pair#*=} ;;
      BENCH_ETAG=*) etag=${pair#*=} ;;
      BENCH_AUTH=*) auth=${pair#*=} ;;
    esac
  done
  local times=() args cpu0 db0 t0 i
  cpu0=$(cpu_ticks "$pid")
  db0=$(target_db_ticks "$target")
  t0=$(date +%s%N)
  for ((i = 1; i <= 10; i++)); do
    case $mode in
      get) args=() ;;
      if-none-match) args=(-H "If-None-Match: $etag") ;;
      post) args=(-X POST -H 'Content-Type: application/json' -H "Authorization: Basic $auth"
        -d "{\"title\":\"Bench $STAMP-$N-$target alone #$i\",\"body\":\"One request at a time.\"}") ;;
    esac
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "${args[@]}" "$url")")
    ((i < 3 || $(date +%s%N) - t0 < 2000000000)) || break
  done
  ALONE_TICKS=$(($(cpu_ticks "$pid") - cpu0))
  ALONE_DB_TICKS=$(($(target_db_ticks "$target") - db0))
  ALONE_COUNT=${#times[@]}
  ALONE_MS=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] * 1000 }')
}

# measure <target> <scenario> <url> [NAME=value ...]   (the NAME=value pairs configure wrk/scenario.lua)
# Warm-up, wait for idle, requests one at a time, the measured wrk run, wait for idle. With wrk's CONNECTIONS, or
# AT_CONNECTIONS when set (AT_CONNECTIONS=64 measure ...).
measure() {
  local target=$1 scenario=$2 url=$3
  shift 3
  local pid=${PIDS[$target]} connections=${AT_CONNECTIONS:-$CONNECTIONS}
  local raw=$OUT/wrk-$N-$target-$scenario.txt
  ((connections == CONNECTIONS)) || raw=$OUT/wrk-$N-$target-$scenario-c$connections.txt
  local wrk_args=(-t"$THREADS" -c"$connections" --timeout "${TIMEOUT_SECONDS}s" -s "$LUA")
  local warmup=$WARMUP_SECONDS
  [[ " $* " != *" BENCH_MODE=post "* ]] || warmup=$WARMUP_WRITE_SECONDS

  env "$@" BENCH_RUN="$STAMP-$N-$target-warmup" wrk "${wrk_args[@]}" -d"${warmup}s" "$url" >"$raw.warmup" 2>&1 \
    || fail "wrk warm-up for $scenario; see $raw.warmup"
  alive "$target" "the warm-up of $scenario"
  settle "$target"
  alone "$target" "$url" "$@"

  local cpu0 db0 busy0 cpu1 db1 busy1 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu0=$(cpu_ticks "$pid")
  db0=$(target_db_ticks "$target")
  busy0=$(machine_busy_ticks)
  env "$@" BENCH_RUN="$STAMP-$N-$target" wrk "${wrk_args[@]}" -d"${RUN_SECONDS}s" --latency "$url" >"$raw" 2>&1 \
    || fail "wrk for $scenario; see $raw"
  alive "$target" "$scenario"
  cpu1=$(cpu_ticks "$pid")
  db1=$(target_db_ticks "$target")
  busy1=$(machine_busy_ticks)

  local json
  json=$(sed -n 's/^BENCH_JSON //p' "$raw")
  [[ -n $json ]] || fail "no result from wrk for $scenario; see $raw"
  # db_cpu_us: the PostgreSQL server's CPU in the run (null on SQLite, which runs inside the service, and for a
  # server the run did not start).
  jq -c --argjson n "$N" --arg target "${target%-*}" --arg db "${target##*-}" --arg scenario "$scenario" --arg url "$url" \
    --argjson connections "$connections" \
    --argjson cpu "$((cpu1 - cpu0))" --argjson dbcpu "$((db1 - db0))" --argjson busy "$((busy1 - busy0))" \
    --argjson clk "$CLK_TCK" --argjson measured "$(db_measured "$target")" \
    --argjson load "$load" --argjson alone_ms "$ALONE_MS" --argjson alone_count "$ALONE_COUNT" \
    --argjson alone_ticks "$ALONE_TICKS" --argjson alone_db_ticks "$ALONE_DB_TICKS" \
    '{kind: "wrk", n: $n, target: $target, db: $db, scenario: $scenario, url: $url, connections: $connections} + .
     + {server_cpu_us: ($cpu * 1000000 / $clk), db_cpu_us: (if $measured then $dbcpu * 1000000 / $clk else null end),
        machine_busy_us: ($busy * 1000000 / $clk), load1_before: $load,
        alone_ms: $alone_ms, alone_count: $alone_count, alone_cpu_ticks: $alone_ticks,
        alone_cpu_us: ($alone_ticks * 1000000 / $clk),
        alone_db_cpu_ticks: (if $measured then $alone_db_ticks else null end),
        alone_db_cpu_us: (if $measured then $alone_db_ticks * 1000000 / $clk else null end)}' \
    <<<"$json" >>"$RESULTS"
  jq -r '"  \(.target) \(.db) \(.scenario) (\(.connections) connections): \(.requests) requests, \(.requests * 1000000 / .duration_us | floor) req/s, p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, status errors \(.status_errors), CPU \(.server_cpu_us / ([.requests, 1] | max) | floor)\(if .db_cpu_us then " + \(.db_cpu_us / ([.requests, 1] | max) | floor) (PostgreSQL)" else "" end) µs/req; alone \(.alone_ms) ms"' \
    <<<"$(tail -n 1 "$RESULTS")" | tee -a "$OUT/run.log" >&2
  settle "$target"
}

# warm_up <target> <url> [NAME=value ...]: WARMUP_ALL_SECONDS of mixed requests (wrk/scenario.lua, mode mix).
# .NET's tiered JIT recompiles hot code with full optimisation in the background; on a busy 2-core machine
# that takes 20-30 s of load, and measuring before it is done measures the JIT. Reads only: posts created
# now would change N for the read scenarios (the write scenarios come last, with a longer warm-up of their own).
warm_up() {
  local target=$1 url=$2
  shift 2
  local raw=$OUT/wrk-$N-$target-warmup-mix.txt
  log "N=$N: $target: ${WARMUP_ALL_SECONDS} s of mixed requests to warm up"
  env BENCH_MODE=mix "$@" BENCH_RUN="$STAMP-$N-$target-mix" wrk -t"$THREADS" -c"$CONNECTIONS" \
    --timeout "${TIMEOUT_SECONDS}s" -s "$LUA" -d"${WARMUP_ALL_SECONDS}s" "$url" >"$raw" 2>&1 \
    || fail "wrk warm-up; see $raw"
  alive "$target" "the warm-up"
  local errors
  errors=$(sed -n 's/^BENCH_JSON //p' "$raw" | jq '.status_errors + .connect_errors + .read_errors + .write_errors + .timeouts')
  ((errors == 0)) || log "warning: $errors errors during the warm-up; see $raw"
  settle "$target"
}

record() { jq -nc "$@" >>"$RESULTS"; }

# expect_status <status> <url> [curl args]
expect_status() {
  local want=$1 url=$2
  shift 2
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
  [[ $got == "$want" ]] || fail "$url answered $got, expected $want"
}

total_items() { curl -sf "$1" | jq -r '.totalItems'; }

pg_connection() { with_database "$PG_ADMIN" "blog_bench_$N"; }

# service_env <engine>, baseline_env <engine>: the processes' settings for this N, one NAME=value a line.
service_env() {
  case $1 in
    sqlite) echo "ConnectionStrings__Blog=Data Source=$DATA/blog-$N.db" ;;
    postgres) echo "Database__Provider=Postgres"; echo "ConnectionStrings__Blog=$(pg_connection)" ;;
  esac
  echo "RateLimiting__Enabled=false"
}
baseline_env() {
  case $1 in
    sqlite) echo "ConnectionStrings__Baseline=Data Source=$DATA/blog-$N.db" ;;
    postgres) echo "Baseline__Provider=Postgres"; echo "ConnectionStrings__Baseline=$(pg_connection)" ;;
  esac
  echo "Baseline__Author=$POSTER"
}

# register_authors <engine>: the service creates and migrates the schema; the authors register through the API
# (so that their password hashes are the service's own); the service stops.
register_authors() {
  local engine=$1 settings user
  mapfile -t settings < <(service_env "$engine")
  start_server "service-$engine" "$BUILD/api" Blog.Api "${PORTS[service-$engine]}" "$OUT/service-$N-$engine-schema.log" "${settings[@]}"
  for user in "${AUTHORS[@]}" "$RARE_AUTHOR"; do
    expect_status 201 "http://127.0.0.1:${PORTS[service-$engine]}/users" -X POST -H 'Content-Type: application/json' \
      -d "{\"username\":\"$user\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench $user\"}"
  done
  stop_server "service-$engine"
}

SEEDER_ARGS=()
# seeder_args <engine>: the seeder's arguments; it writes what it seeded to seed-N-<engine>.json.
seeder_args() {
  SEEDER_ARGS=(--posts "$N" --authors "$(IFS=,; echo "${AUTHORS[*]}")" --rare-author "$RARE_AUTHOR"
    --rare-count "$RARE_COUNT" --rare-word "$RARE_WORD" --common-word "$COMMON_WORD"
    --rare-tag "$RARE_TAG" --common-tag "$COMMON_TAG" --busy-comments "$BUSY_COMMENTS" --summary "$OUT/seed-$N-$1.json")
}

# seeded <engine> <field>: a field of what the seeder wrote for this N and engine (rare, common, rare_tag, …).
seeded() { jq -r ".$2" "$OUT/seed-$N-$1.json"; }

# record_seed <engine> <ms> <bytes>
record_seed() {
  record --argjson n "$N" --arg db "$1" --argjson ms "$2" --argjson bytes "$3" --slurpfile seeded "$OUT/seed-$N-$1.json" \
    '{kind: "seed", n: $n, db: $db, seed_ms: $ms, db_bytes: $bytes,
      post_tags: $seeded[0].post_tags, comments: $seeded[0].comments, busy_comments: $seeded[0].busy_comments}'
}

declare -A MIDDLE=()   # engine → id of the post in the middle of the timeline
declare -A BUSY=()     # engine → id of the post with BUSY_COMMENTS comments

# prepare_sqlite: a fresh SQLite file with the service's schema and N posts.
prepare_sqlite() {
  local db=$DATA/blog-$N.db t0
  log "N=$N: sqlite: fresh database $db"
  rm -f "$db" "$db-wal" "$db-shm"
  register_authors sqlite
  sqlite3 "$db" .schema >"$OUT/schema-$N-sqlite.sql"
  log "N=$N: sqlite: schema saved to schema-$N-sqlite.sql; triggers on Posts: $(sqlite3 "$db" "SELECT COALESCE(group_concat(name, ', '), 'none') FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Posts'")"

  # Bulk seed with the service stopped.
  t0=$(date +%s%N)
  seeder_args sqlite
  dotnet "$BUILD/seeder/Seeder.dll" --db "$db" "${SEEDER_ARGS[@]}" 2>&1 | tee "$OUT/seed-$N-sqlite.log" | tail -n 1 >&2
  # The seeder does not fsync (synchronous=OFF): flush its writes now, or the kernel writes the file back
  # during the start-up and the first scenarios and slows them down.
  sync "$db"
  record_seed sqlite "$((($(date +%s%N) - t0) / 1000000))" "$(stat -c %s "$db")"
  MIDDLE[sqlite]=$(sqlite3 "$db" "SELECT lower(Id) FROM Posts ORDER BY PostedDate, Id LIMIT 1 OFFSET $((N / 2))")
  BUSY[sqlite]=$(seeded sqlite busy_post_id)
}

# prepare_postgres: a fresh database blog_bench_<N> with the service's schema and the same N posts.
prepare_postgres() {
  local name=blog_bench_$N connection t0 pg_dump=pg_dump vars
  connection=$(pg_connection)
  log "N=$N: postgres: fresh database $name"
  psql_on "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
  register_authors postgres
  [[ ! -x $PG_BIN/pg_dump ]] || pg_dump=$PG_BIN/pg_dump
  mapfile -t vars < <(pg_env "$connection")
  env "${vars[@]}" "$pg_dump" --schema-only --no-owner >"$OUT/schema-$N-postgres.sql"
  log "N=$N: postgres: schema saved to schema-$N-postgres.sql; triggers on Posts: $(psql_on "$connection" -c "SELECT COALESCE(string_agg(tgname, ', '), 'none') FROM pg_trigger WHERE tgrelid = '\"Posts\"'::regclass AND NOT tgisinternal")"

  # Bulk seed with the service stopped: COPY, indexes built once, VACUUM ANALYZE, CHECKPOINT (bench/Seeder).
  t0=$(date +%s%N)
  seeder_args postgres
  dotnet "$BUILD/seeder/Seeder.dll" --postgres "$connection" "${SEEDER_ARGS[@]}" 2>&1 | tee "$OUT/seed-$N-postgres.log" | tail -n 1 >&2
  record_seed postgres "$((($(date +%s%N) - t0) / 1000000))" "$(psql_on "$connection" -c 'SELECT pg_database_size(current_database())')"
  MIDDLE[postgres]=$(psql_on "$connection" -c "SELECT \"Id\" FROM \"Posts\" ORDER BY \"PostedDate\", \"Id\" LIMIT 1 OFFSET $((N / 2))")
  BUSY[postgres]=$(seeded postgres busy_post_id)
}

declare -A ETAG=() PAGE50=() STARTUP=()
declare -A SKIP=()   # scenario-engine → why the scenario is skipped (the service does not have its endpoint yet)

# expect_count <engine> <what> <got> <expected>: a filter's totalItems must be what was seeded.
expect_count() {
  [[ $3 == "$4" ]] || fail "$1: $2 has totalItems $3, but $4 posts were seeded for it (N=$N): the seed or the filter is broken"
}

# check_engine <engine>: the URLs answer as expected, /posts has N posts, the filters match what was seeded;
# sets ETAG and PAGE50 for the engine, and SKIP for a scenario whose endpoint the service does not have.
check_engine() {
  local engine=$1 base=http://127.0.0.1:${PORTS[service-$engine]} bbase=http://127.0.0.1:${PORTS[baseline-$engine]}
  local id=${MIDDLE[$engine]} busy=${BUSY[$engine]} etag page50 i rare common by_author rare_tag common_tag comments code body
  etag=$(curl -s -o /dev/null -w '%header{etag}' "$base/posts/$id")
  [[ -n $etag ]] || fail "no ETag on $base/posts/$id"
  expect_status 200 "$base/posts/$id"
  expect_status 304 "$base/posts/$id" -H "If-None-Match: $etag"
  expect_status 200 "$bbase/posts/$id"
  expect_status 200 "$bbase/mvc/posts/$id"
  page50="$base/posts"
  for ((i = 1; i < 50; i++)); do
    page50=$(curl -sf "$page50" | jq -r '._links.next.href // empty')
    [[ -n $page50 ]] || fail "$engine: page $i of /posts has no next link (N=$N)"
  done
  expect_status 200 "$page50"
  [[ $(total_items "$base/posts") == "$N" ]] || fail "$engine: /posts does not have $N posts"
  rare=$(total_items "$base/posts?q=$RARE_WORD")
  common=$(total_items "$base/posts?q=$COMMON_WORD")
  by_author=$(total_items "$base/posts?author=$RARE_AUTHOR")

  # The tag filter and the comments are v2 endpoints: a service without them answers 404 (or, for ?tag=, ignores
  # the parameter and lists every post); their scenarios are then skipped, and the report says so.
  rare_tag=null common_tag=null comments=null
  unset "SKIP[tag_filter-$engine]" "SKIP[comment_page-$engine]"
  body=$(mktemp)
  code=$(curl -s -o "$body" -w '%{http_code}' "$base/posts?tag=$RARE_TAG")
  if [[ $code == 404 ]]; then
    SKIP[tag_filter-$engine]="GET /posts?tag= answers 404"
  elif [[ $code == 200 && $(jq -r .totalItems "$body") == "$N" && $N != "$(seeded "$engine" rare_tag)" ]]; then
    SKIP[tag_filter-$engine]="the service ignores ?tag= (it lists all $N posts)"
  elif [[ $code == 200 ]]; then
    rare_tag=$(jq -r .totalItems "$body")
    common_tag=$(total_items "$base/posts?tag=$COMMON_TAG")
  else
    fail "$engine: $base/posts?tag=$RARE_TAG answered $code"
  fi
  expect_status 200 "$base/posts/$busy"
  [[ $(curl -sf "$base/posts/$busy" | jq -r .commentCount) == "$(seeded "$engine" busy_comments)" ]] \
    || fail "$engine: the post $busy does not have commentCount $(seeded "$engine" busy_comments)"
  code=$(curl -s -o "$body" -w '%{http_code}' "$base/posts/$busy/comments")
  if [[ $code == 404 ]]; then
    SKIP[comment_page-$engine]="GET /posts/{id}/comments answers 404"
  elif [[ $code == 200 ]]; then
    comments=$(jq -r .totalItems "$body")
  else
    fail "$engine: $base/posts/$busy/comments answered $code"
  fi
  rm -f "$body"

  log "N=$N: $engine: matches: q=$RARE_WORD $rare, q=$COMMON_WORD $common, author=$RARE_AUTHOR $by_author, tag=$RARE_TAG $rare_tag, tag=$COMMON_TAG $common_tag, comments of $busy $comments"
  expect_count "$engine" "q=$RARE_WORD" "$rare" "$(seeded "$engine" rare)"
  expect_count "$engine" "q=$COMMON_WORD" "$common" "$(seeded "$engine" common)"
  expect_count "$engine" "author=$RARE_AUTHOR" "$by_author" "$(seeded "$engine" rare)"
  [[ $rare_tag == null ]] || expect_count "$engine" "tag=$RARE_TAG" "$rare_tag" "$(seeded "$engine" rare_tag)"
  [[ $common_tag == null ]] || expect_count "$engine" "tag=$COMMON_TAG" "$common_tag" "$(seeded "$engine" common_tag)"
  [[ $comments == null ]] || expect_count "$engine" "/posts/$busy/comments" "$comments" "$(seeded "$engine" busy_comments)"
  # The baseline answers the same lists with its own queries: its counts must be the service's.
  local what got want
  for what in "/posts:$N" "/posts?q=$RARE_WORD:$rare" "/posts?q=$COMMON_WORD:$common"; do
    want=${what##*:}
    got=$(total_items "$bbase${what%:*}")
    [[ $got == "$want" ]] || fail "$engine: the baseline's ${what%:*} has totalItems $got, the service's $want (N=$N): one of them counts wrong"
  done
  local scenario
  for scenario in tag_filter comment_page; do
    [[ -z ${SKIP[$scenario-$engine]:-} ]] || log "N=$N: $engine: $scenario SKIPPED: ${SKIP[$scenario-$engine]}"
  done
  record --argjson n "$N" --arg db "$engine" --argjson rare "$rare" --argjson common "$common" --argjson author "$by_author" \
    --argjson rare_tag "$rare_tag" --argjson common_tag "$common_tag" --argjson comments "$comments" \
    '{kind: "matches", n: $n, db: $db, rare: $rare, common: $common, author: $author,
      rare_tag: $rare_tag, common_tag: $common_tag, comments: $comments}'
  ETAG[$engine]=$etag
  PAGE50[$engine]=$page50
}

run_size() {
  N=$1
  local engine settings scenario url auth

  for engine in $ENGINES; do
    "prepare_$engine"
  done

  # The services and the baselines on the seeded databases, all at once (the ones not being measured are idle),
  # so that each scenario is measured on both engines, and each baseline beside its service, a minute apart at
  # most instead of a whole pass apart.
  for engine in $ENGINES; do
    mapfile -t settings < <(service_env "$engine")
    start_measured "service-$engine" "$BUILD/api" Blog.Api "${PORTS[service-$engine]}" "$OUT/service-$N-$engine.log" "${settings[@]}"
    STARTUP[service-$engine]=$STARTUP_MS
    mapfile -t settings < <(baseline_env "$engine")
    start_measured "baseline-$engine" "$BUILD/baseline" Baseline "${PORTS[baseline-$engine]}" "$OUT/baseline-$N-$engine.log" "${settings[@]}"
    STARTUP[baseline-$engine]=$STARTUP_MS
    check_engine "$engine"
  done

  for engine in $ENGINES; do
    local base=http://127.0.0.1:${PORTS[service-$engine]} id=${MIDDLE[$engine]} paths
    paths="/posts/$id /posts ${PAGE50[$engine]#"$base"} /posts?author=$RARE_AUTHOR"
    [[ -n ${SKIP[tag_filter-$engine]:-} ]] || paths+=" /posts?tag=$RARE_TAG"
    [[ -n ${SKIP[comment_page-$engine]:-} ]] || paths+=" /posts/${BUSY[$engine]}/comments"
    warm_up "service-$engine" "$base" "BENCH_GET_PATHS=$paths" "BENCH_ETAG_PATH=/posts/$id" "BENCH_ETAG=${ETAG[$engine]}"
    warm_up "baseline-$engine" "http://127.0.0.1:${PORTS[baseline-$engine]}" "BENCH_GET_PATHS=/posts/$id /mvc/posts/$id /posts"
  done

  # Reads first, each scenario on one engine right after the other, each baseline scenario right after its
  # service's; then GET one and the first page again at HIGH_CONNECTIONS; the writes add posts, so they come last,
  # each baseline's create (insert) right after its service's, at CONNECTIONS and then at HIGH_CONNECTIONS.
  local bbase
  for engine in $ENGINES; do
    bbase=http://127.0.0.1:${PORTS[baseline-$engine]}
    measure "service-$engine" get_one "http://127.0.0.1:${PORTS[service-$engine]}/posts/${MIDDLE[$engine]}"
    measure "baseline-$engine" get_one "$bbase/posts/${MIDDLE[$engine]}"
    measure "baseline-$engine" get_one_mvc "$bbase/mvc/posts/${MIDDLE[$engine]}"
  done
  for engine in $ENGINES; do
    measure "service-$engine" get_one_304 "http://127.0.0.1:${PORTS[service-$engine]}/posts/${MIDDLE[$engine]}" \
      BENCH_MODE=if-none-match "BENCH_ETAG=${ETAG[$engine]}"
  done
  for scenario in list_first list_page50 author tag_filter comment_page search_rare search_common; do
    for engine in $ENGINES; do
      if [[ -n ${SKIP[$scenario-$engine]:-} ]]; then
        log "  service $engine $scenario: SKIPPED: ${SKIP[$scenario-$engine]}"
        record --argjson n "$N" --arg db "$engine" --arg scenario "$scenario" --arg reason "${SKIP[$scenario-$engine]}" \
          --argjson connections "$CONNECTIONS" \
          '{kind: "skipped", n: $n, target: "service", db: $db, scenario: $scenario, connections: $connections, reason: $reason}'
        continue
      fi
      url=http://127.0.0.1:${PORTS[service-$engine]}
      case $scenario in
        list_first) url+=/posts ;;
        list_page50) url=${PAGE50[$engine]} ;;
        author) url+="/posts?author=$RARE_AUTHOR" ;;
        tag_filter) url+="/posts?tag=$RARE_TAG" ;;
        comment_page) url+="/posts/${BUSY[$engine]}/comments" ;;
        search_rare) url+="/posts?q=$RARE_WORD" ;;
        search_common) url+="/posts?q=$COMMON_WORD" ;;
      esac
      measure "service-$engine" "$scenario" "$url"
      bbase=http://127.0.0.1:${PORTS[baseline-$engine]}
      case $scenario in
        list_first) measure "baseline-$engine" "$scenario" "$bbase/posts" ;;
        search_rare) measure "baseline-$engine" "$scenario" "$bbase/posts?q=$RARE_WORD" ;;
        search_common) measure "baseline-$engine" "$scenario" "$bbase/posts?q=$COMMON_WORD" ;;
      esac
    done
  done
  if ((HIGH_CONNECTIONS > 0)); then
    for scenario in get_one list_first; do
      for engine in $ENGINES; do
        url=/posts
        [[ $scenario == list_first ]] || url=/posts/${MIDDLE[$engine]}
        AT_CONNECTIONS=$HIGH_CONNECTIONS measure "service-$engine" "$scenario" "http://127.0.0.1:${PORTS[service-$engine]}$url"
        AT_CONNECTIONS=$HIGH_CONNECTIONS measure "baseline-$engine" "$scenario" "http://127.0.0.1:${PORTS[baseline-$engine]}$url"
      done
    done
  fi
  auth=$(printf '%s:%s' "$POSTER" "$PASSWORD" | base64 -w0)
  local at
  for at in "$CONNECTIONS" "$HIGH_CONNECTIONS"; do
    ((at > 0)) || continue
    for engine in $ENGINES; do
      AT_CONNECTIONS=$at measure "service-$engine" create "http://127.0.0.1:${PORTS[service-$engine]}/posts" BENCH_MODE=post "BENCH_AUTH=$auth"
      AT_CONNECTIONS=$at measure "baseline-$engine" insert "http://127.0.0.1:${PORTS[baseline-$engine]}/posts" BENCH_MODE=post "BENCH_AUTH=unused"
    done
  done

  local target
  for engine in $ENGINES; do
    for target in service baseline; do
      record --argjson n "$N" --arg target "$target" --arg db "$engine" \
        --argjson rss "$(peak_rss_kb "${PIDS[$target-$engine]}")" --argjson ms "${STARTUP[$target-$engine]}" \
        '{kind: "process", n: $n, target: $target, db: $db, peak_rss_kb: $rss, startup_ms: $ms}'
      stop_server "$target-$engine"
    done
    gzip -f "$OUT/service-$N-$engine.log"   # one log entry per request: tens of MB
  done
}

main() {
  mkdir -p "$OUT" "$DATA"
  : >"$RESULTS"
  need_tools
  {
    echo "date: $(date -u +%FT%TZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD) ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD))"
    echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
    echo "dotnet: $(dotnet --version); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
    echo "wrk: -t$THREADS -c$CONNECTIONS$( ((HIGH_CONNECTIONS == 0)) || echo " (and -c$HIGH_CONNECTIONS for GET one, first page, create)") -d${RUN_SECONDS}s --latency --timeout ${TIMEOUT_SECONDS}s; warm-up: ${WARMUP_ALL_SECONDS}s of mixed reads after start, ${WARMUP_SECONDS}s per read scenario, ${WARMUP_WRITE_SECONDS}s per write scenario"
    echo "publish: ${PUBLISH_OPTIONS[*]}"
    echo "sizes: $SIZES; engines: $ENGINES"
  } >"$OUT/environment.txt"
  log "results in $OUT"
  if [[ ${BENCH_BUILD:-1} == 0 && -x $BUILD/api/Blog.Api && -f $BUILD/baseline/Baseline.dll && -f $BUILD/seeder/Seeder.dll ]]; then
    log "BENCH_BUILD=0: reusing the builds in $BUILD (made $(date -r "$BUILD/api/Blog.Api.dll" -u +%FT%TZ))"
    echo "publish: reused the builds of $(date -r "$BUILD/api/Blog.Api.dll" -u +%FT%TZ) (BENCH_BUILD=0)" >>"$OUT/environment.txt"
  else
    build
  fi
  if has_engine postgres; then
    start_postgres
  fi
  local n
  for n in $SIZES; do
    run_size "$n"
  done
  stop_postgres
  python3 "$BENCH_DIR/report.py" "$RESULTS" "$OUT/environment.txt" | tee "$OUT/report.md"
  log "done: $OUT/report.md"
}

main "$@"
