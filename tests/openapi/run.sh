#!/bin/bash
# run.sh - the OpenAPI checks (make test-openapi, .ci/run): Redocly CLI lints
# docs/openapi.yaml (no error, no warning), then every API test program runs
# with Stoplight Prism's validating proxy in front of each wincased it
# starts (tests/support/prism.h), so any request or answer that does not
# match the description fails the run. Needs `npm ci` here and `make tests`.
set -u
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
BIN=${BIN:-bin}
tools=tests/openapi/node_modules/.bin
if [ ! -x "$tools/redocly" ] || [ ! -x "$tools/prism" ]; then
	echo "tests/openapi: run 'npm ci' in tests/openapi first" >&2
	exit 1
fi

echo "== redocly lint docs/openapi.yaml (rules: redocly.yaml)"
lint=$("$tools/redocly" lint docs/openapi.yaml --format=stylish 2>&1)
lint_rc=$?
# Only the findings and the verdict (not Node's deprecation banner).
printf '%s\n' "$lint" | grep -E '^ +[0-9]+:[0-9]+ |valid|Validation|warning' | grep -v Deprecation
if [ "$lint_rc" -ne 0 ] || printf '%s\n' "$lint" | grep -qE '^ +[0-9]+:[0-9]+ +(error|warning) '; then
	echo "FAIL redocly lint"
	exit 1
fi

# The answers' shapes do not depend on the store: SQLite only (the
# PostgreSQL pass of make test covers the other), TEST_STORES=pg to check.
echo "== API tests through prism proxy --errors"
logs="$BUILD/prism-logs"
rm -rf "$logs" && mkdir -p "$logs"
WINCASE_TEST_PRISM="$PWD/$tools/prism" WINCASE_OPENAPI="$PWD/docs/openapi.yaml" \
	WINCASE_PRISM_LOGS="$PWD/$logs" TEST_LOGS="$BUILD/test-logs-openapi" \
	BUILD="$BUILD" BIN="$BIN" TEST_STORES="${TEST_STORES:-sqlite}" tests/run.sh test_api_
rc=$?

# Prism's own logs: every answer the strict proxy forwarded it validated;
# VIOLATIONS are the answers (or requests) it found not to match.
count() { # pattern files...
	local p=$1
	shift
	cat "$@" 2>/dev/null | grep -c -- "$p"
}
strict=("$logs"/*-strict.log)
lenient=("$logs"/*-lenient.log)
validated=$(count 'Received forward response' "${strict[@]}")
violations=$(count 'errors#VIOLATIONS' "${strict[@]}")
warned=$(count 'Violation: response' "${strict[@]}")
refused=$(count 'errors#UNPROCESSABLE_ENTITY\|errors#UNAUTHORIZED' "${strict[@]}")
rechecked=$(count 'Received forward response' "${lenient[@]}")
echo "prism: ${#strict[@]} proxies; $validated answers validated by prism proxy --errors" \
	"($violations not matching, $warned with a response warning);" \
	"$refused invalid requests refused by it, $rechecked answers checked by the lenient proxy"
[ "$rc" -eq 0 ] && [ "$validated" -gt 0 ] && [ "$violations" -eq 0 ] && [ "$warned" -eq 0 ]
