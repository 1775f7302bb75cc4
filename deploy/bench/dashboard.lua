-- wrk script for district-bench.sh: GET one dashboard URL with the bearer token from the
-- environment (TOKEN); prints one line with p50/p95/p99 latency, requests and errors.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
