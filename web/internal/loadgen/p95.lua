-- wrk script: print the 95th percentile (wrk's --latency shows 50/75/90/99).
--   wrk -t2 -c4 -d30s -s web/internal/loadgen/p95.lua http://127.0.0.1:8099/
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (%d requests, %d errors)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
