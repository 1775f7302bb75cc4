-- wrk script: single manual adjustments, POST /api/households/{id}/adjustments (+1 point).
-- Usage: wrk ... -s adjust.lua http://127.0.0.1:PORT -- TARGETS_FILE KEY_PREFIX
-- TARGETS_FILE has one "household_id access_token" line per household (the token of that
-- household's village committee). Each request picks a random line and sends a unique
-- Idempotency-Key (KEY_PREFIX-thread-counter; KEY_PREFIX of [A-Za-z0-9_.:-]), the realistic
-- path through the service.
-- done() prints one machine-readable line: WRK_RESULT key=value ...

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end

local targets = {}
local prefix = "wrk"
local counter = 0
local body = '{"points": 1, "reason": "bench"}'

function init(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    local hid, token = line:match("^(%d+)%s+(%S+)%s*$")
    if hid then
      targets[#targets + 1] = {"/api/households/" .. hid .. "/adjustments", "Bearer " .. token}
    end
  end
  f:close()
  assert(#targets > 0, "no targets in " .. args[1])
  prefix = (args[2] or "wrk") .. "-" .. tostring(thread_no) .. "-"
  math.randomseed(os.time() * 1000 + thread_no * 7919)
end

function request()
  counter = counter + 1
  local t = targets[math.random(#targets)]
  return wrk.format("POST", t[1], {
    ["Authorization"] = t[2],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. string.format("%09d", counter), -- 8-100 chars
  }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f" ..
    " max_ms=%.2f mean_ms=%.2f errors_status=%d errors_connect=%d errors_read=%d" ..
    " errors_write=%d errors_timeout=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
