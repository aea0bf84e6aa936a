-- One wrk script for every scenario of bench/run.sh.
--   wrk ... -s bench/wrk/bench.lua <base-url> -- MODE TOKEN_FILE IDS_FILE [EXTRA]
-- MODE: member | list | roster | plan | fixed | register | visit
--   member    GET  /api/v1/members/<member id>                        (IDS_FILE: member ids)
--   list      GET  /api/v1/members?communityId=..&category=RETIRED&status=ACTIVE&page=0..2&size=20
--                                                                      (IDS_FILE: community ids)
--   roster    GET  /api/v1/branches/<id>/roster?size=50               (IDS_FILE: branch ids)
--   plan      GET  /api/v1/branches/<id>/visit-plan?month=EXTRA       (IDS_FILE: branch ids)
--   fixed     GET  EXTRA (a path), IDS_FILE ignored
--   register  POST /api/v1/members                                    (IDS_FILE: building ids)
--   visit     POST /api/v1/visits   (IDS_FILE: "householdId branchId visitorId" lines)
-- done() prints one line of JSON (latencies in microseconds) that run.sh keeps.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then
      lines[#lines + 1] = line
    end
  end
  return lines
end

local function read_file(path)
  local f = assert(io.open(path, "r"))
  local text = f:read("*a")
  f:close()
  return (text:gsub("%s+$", ""))
end

function init(args)
  mode = args[1]
  local token = read_file(args[2])
  if mode ~= "fixed" then
    ids = read_lines(args[3])
  end
  extra = args[4]
  math.randomseed(os.time() * 1000 + (tid or 0))
  n = 0
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  if mode == "register" or mode == "visit" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
end

local function pick()
  return ids[math.random(#ids)]
end

local names = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵" }
local given = { "建国", "秀兰", "国强", "桂英", "志华", "玉兰", "伟", "静" }

function request()
  n = n + 1
  if mode == "member" then
    return wrk.format(nil, "/api/v1/members/" .. pick())
  elseif mode == "list" then
    return wrk.format(nil, "/api/v1/members?communityId=" .. pick() ..
      "&category=RETIRED&status=ACTIVE&size=20&page=" .. math.random(0, 2))
  elseif mode == "roster" then
    return wrk.format(nil, "/api/v1/branches/" .. pick() .. "/roster?size=50")
  elseif mode == "plan" then
    return wrk.format(nil, "/api/v1/branches/" .. pick() .. "/visit-plan?month=" .. extra)
  elseif mode == "fixed" then
    return wrk.format(nil, extra)
  elseif mode == "register" then
    local body = string.format(
      '{"name":"%s%s","gender":"%s","birthDate":"19%02d-%02d-01","standing":"FULL",' ..
      '"joinedOn":"1990-07-01","fullMemberOn":"1991-07-01","category":"RETIRED",' ..
      '"buildingId":"%s","unit":"W","room":"%d-%d"}',
      names[math.random(#names)], given[math.random(#given)],
      (math.random(2) == 1) and "MALE" or "FEMALE", math.random(40, 70), math.random(1, 12),
      pick(), tid or 0, n)
    return wrk.format(nil, "/api/v1/members", nil, body)
  elseif mode == "visit" then
    local line = pick()
    local household, branch, visitor = line:match("(%S+)%s+(%S+)%s+(%S+)")
    local body = string.format(
      '{"householdId":"%s","branchId":"%s","visitorMemberId":"%s","visitedAt":"%s",' ..
      '"kind":"ROUTINE","notes":"压测走访","followUpNeeded":false}',
      household, branch, visitor, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 120))
    return wrk.format(nil, "/api/v1/visits", nil, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"wrk":1,"requests":%d,"duration_us":%d,"rps":%.1f,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f,"stdev":%.1f}}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean, latency.stdev))
end
