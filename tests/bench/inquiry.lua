-- inquiry.lua - wrk: POST /v1/inquiries with a unique Idempotency-Key per
-- request: this run's tag (the time and an address that differs per
-- process), the thread number and a counter. A key of an earlier run on
-- the same server would be answered as a replay, with no write at all.
-- ${TOKEN} is filled in by server.sh.
local threads = 0
local tag = string.format("%d-%s", os.time(),
  tostring({}):match("0x(%x+)") or "0")
function setup(thread)
  thread:set("id", threads)
  thread:set("tag", tag)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer ${TOKEN}",
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("b-%s-%d-%d", tag, id, n),
  }, '{"channel":"counter","topic":"营业执照办理咨询","applicant":{"name":"张三"}}')
end
