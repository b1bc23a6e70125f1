#!/bin/bash
# wincase as an SSH ForceCommand: a private sshd on a loopback
# port whose test account runs `wincase --restricted`; through a real ssh
# session reviewer1 logs in and decides a queue item; Ctrl-Z, Ctrl-\, !,
# shell-escape keys and a crafted print command do nothing; F10 ends wincase
# and with it the SSH session; a dropped connection (SIGHUP) ends it too.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

SSHD=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then
	echo "ok 1 - real SSH ForceCommand test # SKIP sshd or ssh not installed"
	echo "1..1"
	exit 0
fi

# sshd reads the account's files with the account's rights: a folder of
# its own that others may read (the e2e folder is private).
SSH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/wincase-ssh.XXXXXX")
chmod 755 "$SSH_DIR"
SSHD_PID=""
CREATED_ACCOUNT=""
ssh_cleanup() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null && wait "$SSHD_PID" 2>/dev/null
	e2e_cleanup
	# The account made for this run goes with it.
	[ -n "$CREATED_ACCOUNT" ] && userdel "$CREATED_ACCOUNT" 2>/dev/null
	rm -rf "$SSH_DIR"
}
trap ssh_cleanup EXIT

if [ "$(id -u)" = 0 ]; then
	ACCOUNT=wincase-review
	# '*': no password, but not a locked account (sshd refuses those).
	if ! id "$ACCOUNT" >/dev/null 2>&1; then
		useradd -M -d /nonexistent -s /bin/sh -p '*' "$ACCOUNT" &&
			CREATED_ACCOUNT=$ACCOUNT
	fi
	mkdir -p /run/sshd
else
	ACCOUNT=$(id -un) # an sshd not run as root logs in only its own user
fi

ssh-keygen -q -t ed25519 -N '' -f "$SSH_DIR/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$SSH_DIR/user_key"
cp "$SSH_DIR/user_key.pub" "$SSH_DIR/authorized_keys"
chmod 644 "$SSH_DIR/authorized_keys"
# The print command a reviewer must not be able to run.
MARK="$SSH_DIR/print-ran"
cat >"$SSH_DIR/wincase.conf" <<CONF
[client]
print_command = /bin/sh -c touch\$IFS$MARK
CONF
chmod 644 "$SSH_DIR/wincase.conf"

server_start
tap $? "wincased starts"
tolerant_case "$(api_token clerk1)" 张三 >/dev/null

cat >"$SSH_DIR/sshd_config" <<CONF
ListenAddress 127.0.0.1
HostKey $SSH_DIR/host_key
PidFile $SSH_DIR/sshd.pid
AuthorizedKeysFile $SSH_DIR/authorized_keys
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
PermitRootLogin no
AllowUsers $ACCOUNT
AllowTcpForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PermitUserEnvironment no
Subsystem sftp internal-sftp
ForceCommand env LC_ALL=C.UTF-8 $WINCASE_BIN --restricted --config $SSH_DIR/wincase.conf --server $E2E_URL
CONF

sshd_listening() { grep -q "Server listening" "$SSH_DIR/sshd.log" 2>/dev/null; }
sshd_dead() { ! kill -0 "$SSHD_PID" 2>/dev/null; }
sshd_up_or_dead() { sshd_listening || sshd_dead; }
for _ in 1 2 3 4 5; do
	PORT=$((20000 + RANDOM % 30000))
	rm -f "$SSH_DIR/sshd.log"
	"$SSHD" -D -e -f "$SSH_DIR/sshd_config" -p "$PORT" 2>"$SSH_DIR/sshd.log" &
	SSHD_PID=$!
	poll sshd_up_or_dead
	sshd_listening && break
	wait "$SSHD_PID" 2>/dev/null
	SSHD_PID=""
done
[ -n "$SSHD_PID" ]
tap $? "a private sshd listens on 127.0.0.1:$PORT (ForceCommand wincase --restricted)"
[ -n "$SSHD_PID" ] || { sed 's/^/# /' "$SSH_DIR/sshd.log"; tap_done; exit 1; }

ssh_start() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	rm -f "$E2E_TMP/client.status"
	printf 'set -g status off\nset -g remain-on-exit on\n' >"$E2E_TMP/tmux.conf"
	tmux -L "$E2E_SOCK" -f "$E2E_TMP/tmux.conf" new-session -d -s wc \
		-x 80 -y 24 sh -c '"$@"; echo $? >"$0"' "$E2E_TMP/client.status" \
		ssh -tt -p "$PORT" -i "$SSH_DIR/user_key" \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o LogLevel=ERROR -o BatchMode=yes "$ACCOUNT@127.0.0.1"
}
# A shell prompt at the end of a line, or a job-control message.
no_shell() {
	! screen_text | grep -qE '(^|[^[:alnum:]])[$#] *$|Stopped|Suspended|command not found|sh: '
}

ssh_start
wait_for "用户名"
tap $? "ssh to the account shows wincase's login screen, not a shell"
screen_has "服务器"
login_reviewer reviewer1
tap $? "reviewer1 logs in through SSH and sees the review queue"

# Keys that lead to a shell elsewhere.
keys C-z
keys C-'\'
keys C-c
type_text '!sh'
keys Enter
keys Escape
type_text ':!sh'
keys Enter
type_text '|less'
keys C-z
keys Escape
wait_for "审核队列" && wait_for "待审 1" && no_shell
tap $? "Ctrl-Z, Ctrl-\\, Ctrl-C, !, :!sh and | leave the session in wincase (no shell prompt)"
[ -n "$(pgrep -u "$ACCOUNT" -f -- "--config $SSH_DIR/wincase.conf")" ]
tap $? "wincase still runs under sshd (not stopped, not replaced)"

keys Enter
wait_for "承诺书"
keys F8
wait_for "打印已关闭"
tap $? "printing is off in restricted mode, with the reason on screen"
[ ! -e "$MARK" ]
tap $? "the crafted print command did not run"

keys F2
wait_for "审核意见"
type_text '!sh'
keys C-z
type_text ' 同意容缺受理'
keys F2
wait_for "已作出审核决定：同意"
tap $? "reviewer1 decides the queue item over SSH"
[ "$(api "$(api_token reviewer1)" GET "/v1/review/queue?status=done" | json_str comment)" = "!sh 同意容缺受理" ]
tap $? "shell-escape text typed in a field is only text"
keys Escape
wait_for "待审 0" && no_shell
tap $? "back in the queue, still in wincase"
keys F10
poll pane_dead && [ "$(pane_status)" = 0 ]
tap $? "F10 ends wincase and the SSH session with it (ssh exit status 0)"
screen_text | no_shell
tap $? "no shell prompt after the end"

# A dropped connection: the ssh client dies, sshd sends SIGHUP to wincase.
ssh_start
wait_for "用户名"
wincase_pid=$(pgrep -n -u "$ACCOUNT" -f -- "--config $SSH_DIR/wincase.conf")
tmux -L "$E2E_SOCK" kill-server 2>/dev/null
wincase_gone() { ! kill -0 "$wincase_pid" 2>/dev/null; }
[ -n "$wincase_pid" ] && poll wincase_gone
tap $? "a dropped SSH connection ends wincase (SIGHUP)"

# Issue 14.5: an export command through ssh writes CSV on this side;
# scp and sftp stay refused.
ssh_opts=(-i "$SSH_DIR/user_key" -o StrictHostKeyChecking=no
	-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes)
printf 'demo-password-1\n' | ssh -p "$PORT" "${ssh_opts[@]}" "$ACCOUNT@127.0.0.1" \
	export stats --user reviewer1 --from 2026-11-01 --to 2026-11-30 --by item \
	>"$E2E_TMP/nov.csv" 2>"$E2E_TMP/ssh-err.txt"
[ $? = 0 ] && grep -q $'^\xef\xbb\xbf分组,咨询' "$E2E_TMP/nov.csv" &&
	grep -q '^000131104000,' "$E2E_TMP/nov.csv"
tap $? "ssh ACCOUNT@host export stats ... > nov.csv brings the CSV here"
ssh -p "$PORT" "${ssh_opts[@]}" "$ACCOUNT@127.0.0.1" sh -c id </dev/null \
	>"$E2E_TMP/id.txt" 2>"$E2E_TMP/ssh-err.txt"
[ $? = 2 ] && [ ! -s "$E2E_TMP/id.txt" ] && grep -q "一律拒绝" "$E2E_TMP/ssh-err.txt"
tap $? "any other command over ssh is refused (status 2), nothing runs"
scp -P "$PORT" "${ssh_opts[@]}" "$SSH_DIR/authorized_keys" \
	"$ACCOUNT@127.0.0.1:/tmp/wincase-scp-$$" </dev/null >/dev/null 2>&1
[ $? != 0 ] && [ ! -e "/tmp/wincase-scp-$$" ]
tap $? "scp to the account fails and writes nothing"
tap_done
