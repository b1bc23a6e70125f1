#!/bin/bash
# Issue 14.5: exports that reach the reviewer through a restricted
# (ForceCommand) account. wincase --restricted runs SSH_ORIGINAL_COMMAND
# only when it is one of the export commands - statistics, the review
# queue, an audit trail - writing CSV (UTF-8 with BOM, Chinese titles) to
# standard output after the reviewer signs in with a password read from
# standard input; scp, sftp, shells, unknown options and odd characters
# are refused with status 2 and nothing runs. (test_ssh.sh runs one
# export through a real sshd.)
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
c=$(tolerant_case "$clerk" 张三)
rated_case "$clerk" 周九 1 >/dev/null
[ -n "$c" ]
tap $? "a tolerant acceptance and a rectification to export"

# export COMMAND [STDIN]: runs the restricted client as sshd would; the
# CSV in $E2E_TMP/out.csv, messages in $E2E_TMP/err.txt, status returned.
export_run() {
	printf '%s' "${2-demo-password-1
}" | env -i PATH="$PATH" HOME="$E2E_TMP" LC_ALL=C.UTF-8 \
		SSH_ORIGINAL_COMMAND="$1" "$WINCASE_BIN" --restricted \
		--config "$WINCASE_CONF/wincase.conf" --server "$E2E_URL" \
		>"$E2E_TMP/out.csv" 2>"$E2E_TMP/err.txt"
}
bom=$'\xef\xbb\xbf'

export_run "export stats --user reviewer1 --from 2026-11-01 --to 2026-11-30 --by item"
[ $? = 0 ] && head -1 "$E2E_TMP/out.csv" | grep -q "^${bom}分组,咨询,推诿,办件,告知,超范围告知,受理,容缺受理,承诺履约,承诺失信,超期,超时默认,办结,非常不满意,不满意,基本满意,满意,非常满意,满意率"
tap $? "export stats: status 0, BOM and every column title in Chinese"
grep -q '^000131104000,0,0,2,0,0,2,1,' "$E2E_TMP/out.csv" && [ "$(wc -l <"$E2E_TMP/out.csv")" = 2 ]
tap $? "one row for the item, its code whole, two cases, two accepted, one tolerant"
grep -q $'\r$' "$E2E_TMP/out.csv"
tap $? "records end in CRLF (RFC 4180)"

export_run "export queue" $'reviewer1\ndemo-password-1\n'
[ $? = 0 ] && grep -q "^${bom}审核事项,类别,对象,摘要,状态,处理人,提交时间,已等待工时,超时预警,期限,审核结果,审核人" "$E2E_TMP/out.csv" &&
	grep -q ",容缺受理,办件#$c," "$E2E_TMP/out.csv" && grep -q ",差评整改," "$E2E_TMP/out.csv" &&
	[ "$(wc -l <"$E2E_TMP/out.csv")" = 3 ]
tap $? "export queue: the username and password from standard input, both pending items"
export_run "export queue --user reviewer1 --kind rectification --view pending"
[ $? = 0 ] && [ "$(wc -l <"$E2E_TMP/out.csv")" = 2 ] && grep -q ",差评整改," "$E2E_TMP/out.csv" &&
	! grep -q "容缺受理" "$E2E_TMP/out.csv"
tap $? "export queue --kind: only that kind"

export_run "export audit case:$c --user reviewer1"
[ $? = 0 ] && head -1 "$E2E_TMP/out.csv" | grep -q "^${bom}序号,时间,操作人,操作,对象,内容" &&
	grep -q "2026-11-02 09:00,clerk1,.*,办件#$c," "$E2E_TMP/out.csv" && ! grep -q "case\.create" "$E2E_TMP/out.csv"
tap $? "export audit: the case's trail in words, times as 2026-11-02 09:00"
no=$(api "$clerk" GET "/v1/cases/$c" | json_str no)
export_run "export audit $no --user reviewer1"
[ $? = 0 ] && grep -q ",办件#$c," "$E2E_TMP/out.csv"
tap $? "export audit by the case number $no"
export_run "export audit user:clerk1 --user reviewer1"
[ $? = 0 ] && grep -q ",办件#$c," "$E2E_TMP/out.csv" && grep -q ",用户 clerk1," "$E2E_TMP/out.csv"
tap $? "export audit user:clerk1: what clerk1 did and their logins"

export_run "export stats --user reviewer1 --from 2026-11-01 --to 2026-11-30" $'wrong-password\n'
st=$?
[ "$st" = 1 ] && [ ! -s "$E2E_TMP/out.csv" ] && grep -q "用户名或密码" "$E2E_TMP/err.txt"
tap $? "a wrong password: status 1, nothing written, the reason on standard error"
export_run "export queue --user clerk1"
[ $? = 1 ] && [ ! -s "$E2E_TMP/out.csv" ]
tap $? "a clerk may not export (status 1)"
export_run "export queue --user reviewer1" ""
[ $? = 1 ] && grep -q "没有读到用户名和密码" "$E2E_TMP/err.txt"
tap $? "no password on standard input: status 1, said so"

refused=0
for cmd in "scp -t ." "scp -f /etc/passwd" "internal-sftp" "/usr/lib/openssh/sftp-server" \
	"sh" "bash -i" "export" "export stats" "export stats --from 2026-11-01 --to 2026-11-31" \
	"export stats --from 2026-11-01 --to 2026-11-30 --by nothing" "export queue --view all" \
	"export queue --kind x" "export audit" "export audit /etc/passwd" "export audit case:1 extra" \
	'export queue; sh' 'export queue $(id)' 'export queue `id`' "export queue | sh" \
	"export queue > /tmp/x" "export queue --user a --output /tmp/x" "export stats --help"; do
	export_run "$cmd"
	st=$?
	if [ "$st" != 2 ] || [ -s "$E2E_TMP/out.csv" ] || ! grep -q "一律拒绝" "$E2E_TMP/err.txt"; then
		echo "# not refused: '$cmd' (status $st)"
		refused=1
	fi
done
[ "$refused" = 0 ]
tap $? "scp, sftp, shells, bad options and shell characters: status 2, nothing run"
export_run "export help"
[ $? = 0 ] && grep -q "export stats --from" "$E2E_TMP/out.csv"
tap $? "export help lists the commands"
tap_done
