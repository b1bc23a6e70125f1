# review_api.sh - curl helpers for the reviewer console's terminal tests
# (sourced after lib.sh): make review items through the real API.
VALID_ID=11010519491231002X

api_token() { # user
	curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" \
		"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}

# api TOKEN METHOD PATH [BODY [VERSION]]: the answer's body on stdout.
api() {
	local token=$1 method=$2 path=$3 body=${4:-} version=${5:-}
	local args=(-s -X "$method" -H "Authorization: Bearer $token")
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
	[ -n "$version" ] && args+=(-H "If-Match: \"$version\"")
	curl "${args[@]}" "$E2E_URL$path"
}

# json_num KEY: the first "KEY":N of the (compact) JSON on stdin. No jq:
# CI installs only what the build needs.
json_num() {
	grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2
}

# json_str KEY: the first "KEY":"text" (text without quotes).
json_str() {
	grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed 's/^[^:]*:"//; s/"$//'
}

# json_count KEY: how many times "KEY": occurs.
json_count() {
	grep -o "\"$1\":" | wc -l
}

api_clock() { # RFC3339
	api "$(api_token admin1)" PUT /v1/admin/clock "{\"now\":\"$1\"}" >/dev/null
}

# tolerant_case TOKEN NAME: a food licence accepted tolerantly (one
# tolerable material, equipment_list, missing) -> a tolerant_acceptance
# review item. Prints the case id. NAME must need no JSON escaping.
tolerant_case() {
	local token=$1 name=$2 c id version items="" m state
	c=$(api "$token" POST /v1/cases "{\"item_code\":\"000131104000\",\
\"scenario_id\":\"food_sales\",\"applicant\":{\"name\":\"$name\",\
\"id_type\":\"resident_id\",\"id_no\":\"$VALID_ID\"}}")
	id=$(json_num id <<<"$c")
	version=$(json_num version <<<"$c")
	for m in application_form business_licence legal_rep_id premises_proof \
		layout_flow safety_manager_proof equipment_list safety_rules; do
		state=provided
		[ "$m" = equipment_list ] && state=missing
		items="$items${items:+,}{\"material_id\":\"$m\",\"state\":\"$state\"}"
	done
	version=$(api "$token" PUT "/v1/cases/$id/checklist" "{\"items\":[$items]}" \
		"$version" | json_num version)
	api "$token" POST "/v1/cases/$id/accept" "{\"mode\":\"tolerant\",\
\"commitment\":{\"deadline_days\":3,\"applicant_confirmation\":\"$name\"}}" \
		"$version" >/dev/null
	echo "$id"
}

# bounced_inquiry TOKEN NAME TOPIC: an inquiry handed off and never
# acknowledged; once the clock passes the working hour it is bounced.
bounced_inquiry() {
	local token=$1 id
	id=$(api "$token" POST /v1/inquiries \
		"{\"applicant\":{\"name\":\"$2\"},\"topic\":\"$3\"}" | json_num id)
	api "$token" POST "/v1/inquiries/$id/handoffs" \
		'{"to_window":"3","reason":"不属本窗口"}' 1 >/dev/null
	echo "$id"
}

# stats_lines TOKEN FROM TO GROUP: "key,inquiries,...,completed" per row.
stats_lines() {
	api "$1" GET "/v1/stats?from=$2&to=$3&group_by=$4" |
		grep -o '{"key":[^}]*}' | sed -E 's/"[a-z_]+"://g; s/^\{//' |
		cut -d, -f1-13 | tr -d '"'
}

# login_reviewer USER: from the login screen to the review queue.
login_reviewer() {
	wait_for "用户名" || return 1
	type_text "$1"
	keys Tab
	type_text demo-password-1
	keys Enter Enter
	wait_for "审核队列"
}

# client_start_conf COLS ROWS CONF [ARG...]: like client_start, with the
# configuration CONF and more client arguments (--restricted).
client_start_conf() {
	local cols=$1 rows=$2 conf=$3
	shift 3
	client_spawn "$cols" "$rows" TERM="${E2E_TERM:-xterm-256color}" \
		"$WINCASE_BIN" --config "$conf" --server "$E2E_URL" "$@"
}

# rated_case TOKEN NAME LEVEL: a case accepted (all provided), completed and
# rated LEVEL; levels 1-2 open a rectification item. Prints the case id.
rated_case() {
	local token=$1 name=$2 level=$3 c id version items="" m
	c=$(api "$token" POST /v1/cases "{\"item_code\":\"000131104000\",\
\"scenario_id\":\"food_sales\",\"applicant\":{\"name\":\"$name\"}}")
	id=$(json_num id <<<"$c")
	version=$(json_num version <<<"$c")
	for m in application_form business_licence legal_rep_id premises_proof \
		layout_flow safety_manager_proof equipment_list safety_rules; do
		items="$items${items:+,}{\"material_id\":\"$m\",\"state\":\"provided\"}"
	done
	version=$(api "$token" PUT "/v1/cases/$id/checklist" "{\"items\":[$items]}" \
		"$version" | json_num version)
	version=$(api "$token" POST "/v1/cases/$id/accept" '{"mode":"normal"}' \
		"$version" | json_num version)
	version=$(api "$token" POST "/v1/cases/$id/complete" \
		'{"result":"approved","note":"准予许可"}' "$version" | json_num version)
	api "$token" POST "/v1/cases/$id/rating" "{\"level\":$level,\
\"reasons\":[\"等候时间长\"],\"comment\":\"窗口态度冷淡\"}" "$version" >/dev/null
	echo "$id"
}
