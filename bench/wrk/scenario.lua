-- One wrk script for every scenario, set up by environment variables (run.sh sets them):
--   BENCH_MODE  get (default) | if-none-match | post
--   BENCH_ETAG  the If-None-Match value (if-none-match)
--   BENCH_AUTH  base64("user:password") for Basic auth (post)
--   BENCH_RUN   a tag that makes this run's titles unique (post)
-- It prints one line "BENCH_JSON {...}" with the numbers run.sh records.
-- GET scenarios send one fixed request (no request() function), so wrk's Lua costs nothing per request.

local mode = os.getenv("BENCH_MODE") or "get"

if mode == "if-none-match" then
  wrk.headers["If-None-Match"] = assert(os.getenv("BENCH_ETAG"), "BENCH_ETAG is not set")
elseif mode == "post" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. assert(os.getenv("BENCH_AUTH"), "BENCH_AUTH is not set")

  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
  end

  local run = os.getenv("BENCH_RUN") or tostring(os.time())
  local body = string.rep("Benchmark body text, about five hundred characters long, as a short post would be. ", 6)
  local counter = 0
  function request()
    counter = counter + 1
    local json = string.format('{"title":"Bench %s t%d #%d","body":"%s"}', run, thread_number or 0, counter, body)
    return wrk.format(nil, nil, nil, json)
  end
elseif mode ~= "get" then
  error("unknown BENCH_MODE " .. mode)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"status_errors":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
    '"p50_us":%.0f,"p90_us":%.0f,"p99_us":%.0f,"max_us":%.0f,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.status,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
