-- wrk script: redemptions with valid phone QR tokens, POST /api/redemptions (1 unit of a
-- 1-point product). Usage: wrk -tT ... -s redeem.lua http://127.0.0.1:PORT -- TOKENS_FILE KEY_PREFIX T
-- TOKENS_FILE: one "qr_token attendant_token product_id" line per request (tokens issued by
-- redeem_api.py just before the level; each is single-use). Thread k of T takes lines
-- k, k+T, ...; when a thread runs out it reuses its tokens (those requests fail with 409 and
-- are counted as errors_status, and "exhausted" says how many threads ran out).
-- With THINK_MS set in the environment each connection is an attendant serving a queue: it
-- waits a random think time (exponential, mean THINK_MS) before each redemption, so the
-- offered rate is about connections / (THINK_MS + latency) and latency is measured from the
-- request's send, as a villager at the counter would feel it.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end

local mine = {}
local prefix = "wrk"
local counter = 0
exhausted = 0

function init(args)
  local nthreads = tonumber(args[3] or "1")
  local f = assert(io.open(args[1], "r"))
  local i = 0
  for line in f:lines() do
    local tok, bearer, pid = line:match("^(%S+)%s+(%S+)%s+(%d+)%s*$")
    if tok then
      i = i + 1
      if (i - 1) % nthreads == thread_no - 1 then
        mine[#mine + 1] = {"Bearer " .. bearer,
          '{"qrToken":"' .. tok .. '","items":[{"productId":' .. pid .. ',"quantity":1}]}'}
      end
    end
  end
  f:close()
  assert(#mine > 0, "no tokens in " .. args[1])
  prefix = (args[2] or "wrk") .. "-" .. tostring(thread_no) .. "-"
  math.randomseed(os.time() * 16 + thread_no)
end

local think_ms = tonumber(os.getenv("THINK_MS") or "")
if think_ms and think_ms > 0 then
  function delay()
    return math.floor(-think_ms * math.log(1 - math.random()))
  end
end

function request()
  counter = counter + 1
  if counter > #mine then exhausted = 1 end
  local t = mine[((counter - 1) % #mine) + 1]
  return wrk.format("POST", "/api/redemptions", {
    ["Authorization"] = t[1],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. string.format("%09d", counter),
  }, t[2])
end

function done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  local ex = 0
  for _, t in ipairs(threads) do ex = ex + (t:get("exhausted") or 0) end
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f" ..
    " max_ms=%.2f mean_ms=%.2f errors_status=%d errors_connect=%d errors_read=%d" ..
    " errors_write=%d errors_timeout=%d exhausted=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, ex))
end
