#!/usr/bin/env bash
# The blog API's benchmark (issue #5). What it does and how to read it: bench/README.md.
#
#   bench/run.sh                                  # N = 1,000 and 1,000,000, 10 s per scenario
#   BENCH_SIZES="1000" BENCH_SECONDS=3 bench/run.sh   # a quick check
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
TIMEOUT_SECONDS=${BENCH_TIMEOUT:-30}   # wrk drops (and counts as timeouts) answers slower than this
STARTS=${BENCH_STARTS:-3}             # start-up time: the median of this many starts
SERVICE_PORT=${BENCH_PORT:-5180}
BASELINE_PORT=$((SERVICE_PORT + 1))

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP
BUILD=$BENCH_DIR/results/build
DATA=$BENCH_DIR/results/data
RESULTS=$OUT/results.jsonl
LUA=$BENCH_DIR/wrk/scenario.lua
CLK_TCK=$(getconf CLK_TCK)

# The seeded data: every post belongs to one of AUTHORS, except RARE_COUNT posts (spread evenly over time)
# by RARE_AUTHOR that contain RARE_WORD; every tenth post contains COMMON_WORD. The same ~100 posts match
# the author and the rare word at every N.
PASSWORD=bench-password-1
POSTER=bench
AUTHORS=(bench alice bob carol)
RARE_AUTHOR=rarebird
RARE_WORD=zyzzyva
RARE_COUNT=100
COMMON_WORD=wyvern

declare -A PIDS=()   # target (service, baseline) → pid of the running process

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
fail() { log "FAILED: $*"; exit 1; }

cleanup() {
  local target
  for target in "${!PIDS[@]}"; do
    stop_server "$target"
  done
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

# settle <target>: waits until the process is idle (it may still be answering requests wrk gave up on).
settle() {
  local pid=${PIDS[$1]} prev now i
  prev=$(cpu_ticks "$pid")
  for ((i = 0; i < 240; i++)); do
    sleep 0.5
    now=$(cpu_ticks "$pid")
    ((now - prev <= 5)) && return 0
    prev=$now
  done
  log "warning: the $1 is still busy after 120 s"
}

# alone <target> <url> [NAME=value ...]: requests one at a time on the idle server, with curl: 10, or 3 when
# they take over 2 s together. Sets ALONE_MS (median of curl's time_total), ALONE_COUNT and ALONE_TICKS (the
# server's CPU over all of them).
alone() {
  local pid=${PIDS[$1]} url=$2
  shift 2
  local mode=get etag="" auth="" pair
  for pair in "$@"; do
    case $pair in
      BENCH_MODE=*) mode=${pair#*=} ;;
      BENCH_ETAG=*) etag=${pair#*=} ;;
      BENCH_AUTH=*) auth=${pair#*=} ;;
    esac
  done
  local times=() args cpu0 t0 i
  cpu0=$(cpu_ticks "$pid")
  t0=$(date +%s%N)
  for ((i = 1; i <= 10; i++)); do
    case $mode in
      get) args=() ;;
      if-none-match) args=(-H "If-None-Match: $etag") ;;
      post) args=(-X POST -H 'Content-Type: application/json' -H "Authorization: Basic $auth"
        -d "{\"title\":\"Bench $STAMP-$N alone #$i\",\"body\":\"One request at a time.\"}") ;;
    esac
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "${args[@]}" "$url")")
    ((i < 3 || $(date +%s%N) - t0 < 2000000000)) || break
  done
  ALONE_TICKS=$(($(cpu_ticks "$pid") - cpu0))
  ALONE_COUNT=${#times[@]}
  ALONE_MS=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] * 1000 }')
}

# measure <target> <scenario> <url> [NAME=value ...]   (the NAME=value pairs configure wrk/scenario.lua)
# Warm-up, wait for idle, requests one at a time, the measured wrk run, wait for idle.
measure() {
  local target=$1 scenario=$2 url=$3
  shift 3
  local pid=${PIDS[$target]}
  local raw=$OUT/wrk-$N-$target-$scenario.txt
  local wrk_args=(-t"$THREADS" -c"$CONNECTIONS" --timeout "${TIMEOUT_SECONDS}s" -s "$LUA")
  local warmup=$WARMUP_SECONDS
  [[ " $* " != *" BENCH_MODE=post "* ]] || warmup=$WARMUP_WRITE_SECONDS

  env "$@" BENCH_RUN="$STAMP-$N-$target-warmup" wrk "${wrk_args[@]}" -d"${warmup}s" "$url" >"$raw.warmup" 2>&1 \
    || fail "wrk warm-up for $scenario; see $raw.warmup"
  alive "$target" "the warm-up of $scenario"
  settle "$target"
  alone "$target" "$url" "$@"

  local cpu0 busy0 cpu1 busy1 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu0=$(cpu_ticks "$pid")
  busy0=$(machine_busy_ticks)
  env "$@" BENCH_RUN="$STAMP-$N-$target" wrk "${wrk_args[@]}" -d"${RUN_SECONDS}s" --latency "$url" >"$raw" 2>&1 \
    || fail "wrk for $scenario; see $raw"
  alive "$target" "$scenario"
  cpu1=$(cpu_ticks "$pid")
  busy1=$(machine_busy_ticks)

  local json
  json=$(sed -n 's/^BENCH_JSON //p' "$raw")
  [[ -n $json ]] || fail "no result from wrk for $scenario; see $raw"
  jq -c --argjson n "$N" --arg target "$target" --arg scenario "$scenario" --arg url "$url" \
    --argjson cpu "$((cpu1 - cpu0))" --argjson busy "$((busy1 - busy0))" --argjson clk "$CLK_TCK" \
    --argjson load "$load" --argjson alone_ms "$ALONE_MS" --argjson alone_count "$ALONE_COUNT" \
    --argjson alone_ticks "$ALONE_TICKS" \
    '{kind: "wrk", n: $n, target: $target, scenario: $scenario, url: $url} + .
     + {server_cpu_us: ($cpu * 1000000 / $clk), machine_busy_us: ($busy * 1000000 / $clk), load1_before: $load,
        alone_ms: $alone_ms, alone_count: $alone_count, alone_cpu_ticks: $alone_ticks,
        alone_cpu_us: ($alone_ticks * 1000000 / $clk)}' \
    <<<"$json" >>"$RESULTS"
  jq -r '"  \(.target) \(.scenario): \(.requests) requests, \(.requests * 1000000 / .duration_us | floor) req/s, p50 \(.p50_us / 1000) ms, p99 \(.p99_us / 1000) ms, status errors \(.status_errors), CPU \(.server_cpu_us / ([.requests, 1] | max) | floor) µs/req; alone \(.alone_ms) ms"' \
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

run_size() {
  N=$1
  local db=$DATA/blog-$N.db
  local api=$BUILD/api baseline=$BUILD/baseline
  local service_env=("ConnectionStrings__Blog=Data Source=$db" "RateLimiting__Enabled=false")
  local base=http://127.0.0.1:$SERVICE_PORT

  log "N=$N: fresh database $db"
  rm -f "$db" "$db-wal" "$db-shm"

  # 1. The service creates and migrates the schema; the authors register through the API (right hashes).
  start_server service "$api" Blog.Api "$SERVICE_PORT" "$OUT/service-$N-schema.log" "${service_env[@]}"
  local user
  for user in "${AUTHORS[@]}" "$RARE_AUTHOR"; do
    expect_status 201 "$base/users" -X POST -H 'Content-Type: application/json' \
      -d "{\"username\":\"$user\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench $user\"}"
  done
  stop_server service
  sqlite3 "$db" .schema >"$OUT/schema-$N.sql"
  log "N=$N: schema saved to schema-$N.sql; triggers on Posts: $(sqlite3 "$db" "SELECT COALESCE(group_concat(name, ', '), 'none') FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Posts'")"

  # 2. Bulk seed with the service stopped.
  local t0
  t0=$(date +%s%N)
  dotnet "$BUILD/seeder/Seeder.dll" --db "$db" --posts "$N" --authors "$(IFS=,; echo "${AUTHORS[*]}")" \
    --rare-author "$RARE_AUTHOR" --rare-count "$RARE_COUNT" --rare-word "$RARE_WORD" --common-word "$COMMON_WORD" \
    2>&1 | tee "$OUT/seed-$N.log" | tail -n 1 >&2
  # The seeder does not fsync (synchronous=OFF): flush its writes now, or the kernel writes the file back
  # during the start-up and the first scenarios and slows them down.
  sync "$db"
  local seed_ms=$((($(date +%s%N) - t0) / 1000000))
  record --argjson n "$N" --argjson ms "$seed_ms" --argjson bytes "$(stat -c %s "$db")" \
    '{kind: "seed", n: $n, seed_ms: $ms, db_bytes: $bytes}'
  local id
  id=$(sqlite3 "$db" "SELECT lower(Id) FROM Posts ORDER BY PostedDate, Id LIMIT 1 OFFSET $((N / 2))")

  # 3. The service and the baseline on the seeded file, side by side (the one not being measured is idle),
  #    so that each comparison with the baseline is measured a minute apart at most, not a whole pass apart.
  start_measured service "$api" Blog.Api "$SERVICE_PORT" "$OUT/service-$N.log" "${service_env[@]}"
  local service_startup=$STARTUP_MS
  local bbase=http://127.0.0.1:$BASELINE_PORT
  start_measured baseline "$baseline" Baseline "$BASELINE_PORT" "$OUT/baseline-$N.log" \
    "ConnectionStrings__Baseline=Data Source=$db" "Baseline__Author=$POSTER"
  local baseline_startup=$STARTUP_MS

  local etag page50 rare common by_author
  etag=$(curl -s -o /dev/null -w '%header{etag}' "$base/posts/$id")
  [[ -n $etag ]] || fail "no ETag on $base/posts/$id"
  expect_status 200 "$base/posts/$id"
  expect_status 304 "$base/posts/$id" -H "If-None-Match: $etag"
  expect_status 200 "$bbase/posts/$id"
  page50="$base/posts"
  local i
  for ((i = 1; i < 50; i++)); do
    page50=$(curl -sf "$page50" | jq -r '._links.next.href // empty')
    [[ -n $page50 ]] || fail "page $i of /posts has no next link (N=$N)"
  done
  expect_status 200 "$page50"
  [[ $(total_items "$base/posts") == "$N" ]] || fail "/posts does not have $N posts"
  rare=$(total_items "$base/posts?q=$RARE_WORD")
  common=$(total_items "$base/posts?q=$COMMON_WORD")
  by_author=$(total_items "$base/posts?author=$RARE_AUTHOR")
  log "N=$N: matches: q=$RARE_WORD $rare, q=$COMMON_WORD $common, author=$RARE_AUTHOR $by_author"
  record --argjson n "$N" --argjson rare "$rare" --argjson common "$common" --argjson author "$by_author" \
    '{kind: "matches", n: $n, rare: $rare, common: $common, author: $author}'

  warm_up service "$base" "BENCH_GET_PATHS=/posts/$id /posts ${page50#"$base"} /posts?author=$RARE_AUTHOR" \
    "BENCH_ETAG_PATH=/posts/$id" "BENCH_ETAG=$etag"
  warm_up baseline "$bbase" "BENCH_GET_PATHS=/posts/$id"

  # Reads first, the baseline's GET right after the service's; the writes add posts, so they come last,
  # the baseline's INSERT right after the service's create.
  measure service get_one "$base/posts/$id"
  measure baseline get_one "$bbase/posts/$id"
  measure service get_one_304 "$base/posts/$id" BENCH_MODE=if-none-match "BENCH_ETAG=$etag"
  measure service list_first "$base/posts"
  measure service list_page50 "$page50"
  measure service author "$base/posts?author=$RARE_AUTHOR"
  measure service search_rare "$base/posts?q=$RARE_WORD"
  measure service search_common "$base/posts?q=$COMMON_WORD"
  local auth
  auth=$(printf '%s:%s' "$POSTER" "$PASSWORD" | base64 -w0)
  measure service create "$base/posts" BENCH_MODE=post "BENCH_AUTH=$auth"
  measure baseline insert "$bbase/posts" BENCH_MODE=post "BENCH_AUTH=unused"

  record --argjson n "$N" --argjson rss "$(peak_rss_kb "${PIDS[service]}")" --argjson ms "$service_startup" \
    '{kind: "process", n: $n, target: "service", peak_rss_kb: $rss, startup_ms: $ms}'
  record --argjson n "$N" --argjson rss "$(peak_rss_kb "${PIDS[baseline]}")" --argjson ms "$baseline_startup" \
    '{kind: "process", n: $n, target: "baseline", peak_rss_kb: $rss, startup_ms: $ms}'
  stop_server service
  stop_server baseline
  gzip -f "$OUT/service-$N.log"   # one log entry per request: tens of MB
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
    echo "wrk: -t$THREADS -c$CONNECTIONS -d${RUN_SECONDS}s --latency --timeout ${TIMEOUT_SECONDS}s; warm-up: ${WARMUP_ALL_SECONDS}s of mixed reads after start, ${WARMUP_SECONDS}s per read scenario, ${WARMUP_WRITE_SECONDS}s per write scenario"
    echo "publish: ${PUBLISH_OPTIONS[*]}"
    echo "sizes: $SIZES"
  } >"$OUT/environment.txt"
  log "results in $OUT"
  build
  local n
  for n in $SIZES; do
    run_size "$n"
  done
  python3 "$BENCH_DIR/report.py" "$RESULTS" "$OUT/environment.txt" | tee "$OUT/report.md"
  log "done: $OUT/report.md"
}

main "$@"
