-- page.lua: GET the URL given to wrk, with the headers given by -H, and
-- report in the form bench/run reads.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

function done(summary, latency, requests)
  report(summary, latency)
end
