-- wrk script of the benchmark: GET requests cycling through the paths of a file, with the API token
-- or a browser session, and one JSON line of results at the end.
--   WRK_PATHS=file WRK_TOKEN=... | WRK_COOKIE=... wrk -t T -c C -d 15s -s bench/wrk.lua http://host:port
-- Each thread starts at its own place in the list, so that the connections do not send the same query
-- at the same moment.

local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local headers = {}
local token, cookie = os.getenv("WRK_TOKEN") or "", os.getenv("WRK_COOKIE") or ""
if token ~= "" then headers["Authorization"] = "Bearer " .. token end
if cookie ~= "" then headers["Cookie"] = cookie end
headers["Accept"] = os.getenv("WRK_ACCEPT") or "application/json"

local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

local n = 0
function request()
  n = n + 1
  return wrk.format("GET", paths[((offset or 0) + n) % #paths + 1], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, ' ..
    '"max_ms": %.3f, "mean_ms": %.3f, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}, "bytes": %d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, summary.bytes))
end
