# review_api.sh - curl helpers for the reviewer console's terminal tests
# (sourced after lib.sh): make review items through the real API.
VALID_ID=11010519491231002X

api_token() { # user
	curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" \
		"$E2E_URL/v1/sessions" | jq -r .token
}

# api TOKEN METHOD PATH [BODY [VERSION]]: the answer's body on stdout.
api() {
	local token=$1 method=$2 path=$3 body=${4:-} version=${5:-}
	local args=(-s -X "$method" -H "Authorization: Bearer $token")
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
	[ -n "$version" ] && args+=(-H "If-Match: \"$version\"")
	curl "${args[@]}" "$E2E_URL$path"
}

api_clock() { # RFC3339
	api "$(api_token admin1)" PUT /v1/admin/clock "{\"now\":\"$1\"}" >/dev/null
}

# tolerant_case TOKEN NAME: a food licence accepted tolerantly (one
# tolerable material missing) -> a tolerant_acceptance review item. Prints
# the case id.
tolerant_case() {
	local token=$1 name=$2 c id version items
	c=$(api "$token" POST /v1/cases "$(jq -nc --arg n "$name" --arg i "$VALID_ID" \
		'{item_code:"000131104000",scenario_id:"food_sales",
		  applicant:{name:$n,id_type:"resident_id",id_no:$i}}')")
	id=$(jq -r .id <<<"$c")
	version=$(jq -r .version <<<"$c")
	items=$(jq -c '[.checklist[] | {material_id, state: "provided"}]
		| (map(.material_id) | index("equipment_list")) as $k
		| .[$k].state = "missing" | {items: .}' <<<"$c")
	version=$(api "$token" PUT "/v1/cases/$id/checklist" "$items" "$version" | jq -r .version)
	api "$token" POST "/v1/cases/$id/accept" "$(jq -nc --arg n "$name" \
		'{mode:"tolerant",commitment:{deadline_days:3,applicant_confirmation:$n}}')" \
		"$version" >/dev/null
	echo "$id"
}

# bounced_inquiry TOKEN NAME TOPIC: an inquiry handed off and never
# acknowledged; the clock then passes the working hour -> a bounced item.
bounced_inquiry() {
	local token=$1 q id
	q=$(api "$token" POST /v1/inquiries "$(jq -nc --arg n "$2" --arg t "$3" \
		'{applicant:{name:$n},topic:$t}')")
	id=$(jq -r .id <<<"$q")
	api "$token" POST "/v1/inquiries/$id/handoffs" \
		'{"to_window":"3","reason":"不属本窗口"}' 1 >/dev/null
	echo "$id"
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
