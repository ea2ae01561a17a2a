-- One wrk script for every scenario, set up by environment variables (run.sh sets them):
--   BENCH_MODE       get (default) | if-none-match | post | mix
--   BENCH_ETAG       the If-None-Match value (if-none-match; mix)
--   BENCH_AUTH       base64("user:password") for Basic auth (post)
--   BENCH_RUN        a tag that makes this run's titles unique (post)
--   mix only (the warm-up, reads only): requests taken in turn from
--   BENCH_GET_PATHS  space-separated paths to GET
--   BENCH_ETAG_PATH  a path to GET with If-None-Match: BENCH_ETAG
-- It prints one line "BENCH_JSON {...}" with the numbers run.sh records.
-- GET scenarios send one fixed request (no request() function), so wrk's Lua costs nothing per request.

local mode = os.getenv("BENCH_MODE") or "get"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local post_body = string.rep("Benchmark body text, about five hundred characters long, as a short post would be. ", 6)
local posted = 0

local function post_json()
  posted = posted + 1
  return string.format('{"title":"Bench %s t%d #%d","body":"%s"}', run, thread_number or 0, posted, post_body)
end

-- Each thread gets a number, so that titles are unique across threads.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

if mode == "if-none-match" then
  wrk.headers["If-None-Match"] = assert(os.getenv("BENCH_ETAG"), "BENCH_ETAG is not set")
elseif mode == "post" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. assert(os.getenv("BENCH_AUTH"), "BENCH_AUTH is not set")
  function request()
    return wrk.format(nil, nil, nil, post_json())
  end
elseif mode == "mix" then
  local requests, next_request = {}, 0
  -- Built in init(), once wrk has set the Host header.
  function init()
    local host = wrk.headers["Host"]
    for path in string.gmatch(os.getenv("BENCH_GET_PATHS") or "", "%S+") do
      table.insert(requests, wrk.format("GET", path, { Host = host }))
    end
    local etag_path = os.getenv("BENCH_ETAG_PATH")
    if etag_path then
      table.insert(requests, wrk.format("GET", etag_path, { Host = host, ["If-None-Match"] = os.getenv("BENCH_ETAG") }))
    end
    assert(#requests > 0, "mix: no requests configured")
  end
  function request()
    next_request = next_request % #requests + 1
    return requests[next_request]
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
