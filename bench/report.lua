-- wrk script of bench/command-path.sh: PUT report corrections, each thread on its own units, every body new.
-- Usage: wrk ... -s bench/report.lua <url> -- <unitsFile> <pathPrefix> <valueBase> <threads>
--   unitsFile lines: campaignId unitCode basicAuthHeader (written by BenchClient setup)
--   pathPrefix: /api/v1 (the application) or /api/v1/bench (the bare JDBC endpoint)
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, prefix, base = args[1], args[2], tonumber(args[3])
  local nthreads = tonumber(args[4])
  units = {}
  local all = {}
  for line in io.lines(file) do
    local c, u, auth = line:match("^(%S+) (%S+) (.+)$")
    if c then table.insert(all, {path = prefix .. "/campaigns/" .. c .. "/reports/" .. u .. "/Q1", auth = auth}) end
  end
  for i, u in ipairs(all) do
    if (i - 1) % nthreads == tid then table.insert(units, u) end
  end
  counter = base + tid * 100000000
  n = 0
end

function request()
  n = n + 1
  counter = counter + 1
  local u = units[(n - 1) % #units + 1]
  local body = string.format('{"values":{"I1":%.0f,"I2":95.5,"I3":101.25,"I4":true,"I5":88,"I6":120.75},'
      .. '"reason":"Số liệu điều chỉnh theo báo cáo kiểm tra"}', counter)
  return wrk.format("PUT", u.path, {["Authorization"] = u.auth, ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  local errs = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("WRK requests=%d seconds=%.2f errors=%d status_errors=%d rate=%.1f ok_rate=%.1f "
      .. "p50=%.3fms p90=%.3fms p99=%.3fms p99.9=%.3fms max=%.3fms\n",
      summary.requests, s, errs, summary.errors.status, summary.requests / s, (summary.requests - errs) / s,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000))
end
