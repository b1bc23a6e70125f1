#!/bin/bash
# The calendar horizon: due dates need the working-day calendar of
# their year, so reviewers and administrators are warned at login while less
# than 60 days of loaded calendar remain; clerks are not bothered with it.
# The demo calendars end 2026-12-31 and the fake clock starts 2026-11-02.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"

client_start 80 24
login_reviewer reviewer1 && wait_for "工作日历只到 2026-12-31（还剩 59 天）"
tap $? "reviewer1 is warned that the calendar ends in 59 days"
quit_clean
tap $? "F10 quits cleanly"

client_start 80 24
login clerk1 demo-password-1 && screen_lacks "工作日历只到"
tap $? "clerk1 sees no calendar warning"
quit_clean
tap $? "F10 quits cleanly"

# The administrator imports 2027 (a State Council notice): no more warning.
api "$(api_token admin1)" PUT /v1/calendar/2027 \
	'{"year":2027,"holidays":["2027-01-01"],"workdays":[]}' |
	grep -q '"year":2027'
tap $? "admin1 imports the 2027 calendar"
client_start 80 24
login_reviewer reviewer1 && screen_lacks "工作日历只到"
tap $? "with 2027 loaded, reviewer1 sees no warning"
quit_clean
tap $? "F10 quits cleanly"

tap_done
