-- post.lua: post valid, distinct comments, as many readers would.
--
-- wrk -s post.lua URL -- STAMP FIRST_ID LAST_ID RUN
--
-- STAMP is a signed form time taken from an article page at least three
-- seconds before; FIRST_ID..LAST_ID are the stories to comment on; RUN
-- (a number under 2^32) makes names, emails and addresses unique across
-- runs. Each request comes from its own client address, sent as
-- X-Forwarded-For (the server trusts 127.0.0.1 as a proxy for this run),
-- with its own name, email and text, so no rate limit or duplicate check
-- is tripped: every answer should be a 303 and every post a stored row.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local threads = 0

function setup(thread)
  thread:set("thread_no", threads)
  threads = threads + 1
end

local stamp, first, span, run
local sent = 0

function init(args)
  stamp, first, run = args[1], tonumber(args[2]), tonumber(args[4])
  span = tonumber(args[3]) - first + 1
end

function request()
  sent = sent + 1
  local who = string.format("%d-%d-%d", run, thread_no, sent)
  local story = first + (sent * 7919 + thread_no * 104729) % span
  local addr = string.format("fd00:%x:%x:%x::%x:%x", math.floor(run / 65536), run % 65536, thread_no,
    math.floor(sent / 65536) % 65536, sent % 65536)
  local body = "article_id=" .. story .. "&author=Reader+" .. who .. "&email=reader-" .. who ..
    "%40example.org&url=&comment=Comment+" .. who .. "%3A+the+wheat+harvest+came+in+early+this+year." ..
    "&contact_me=&stamp=" .. stamp
  return wrk.format("POST", "/comments", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = addr,
  }, body)
end

function done(summary, latency, requests)
  report(summary, latency)
end
