-- inquiry.lua - wrk: POST /v1/inquiries with a unique Idempotency-Key per
-- request (thread number and counter). ${TOKEN} is filled in by server.sh.
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer ${TOKEN}",
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d", id, n),
  }, '{"channel":"counter","topic":"营业执照办理咨询","applicant":{"name":"张三"}}')
end
