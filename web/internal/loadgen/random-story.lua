-- wrk script: each request asks for a random story page of a store filled
-- by loadgen (story IDs s-load000000 .. s-load019999), so most requests
-- miss the report cache and measure the cross-check too.
--   wrk -t2 -c4 -d30s --latency -s web/internal/loadgen/random-story.lua http://127.0.0.1:8099
local stories = tonumber(os.getenv("STORIES") or "20000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", string.format("/stories/s-load%06d", math.random(0, stories - 1)))
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (%d requests, %d errors)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
