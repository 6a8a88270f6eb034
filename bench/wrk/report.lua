-- report prints one line that bench/run reads: totals, latency percentiles
-- in microseconds, and every kind of failure wrk counts. Timeouts are
-- apart: an overloaded server is a result to report, not a broken suite.
function report(summary, latency)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d non_2xx_3xx=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write, e.timeout))
end
