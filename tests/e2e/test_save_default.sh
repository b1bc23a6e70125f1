#!/bin/bash
# Issue 13 point 1: with no wincase.conf at all (as after `make run`), F7
# saves an issued notice in the default data folder
# ($XDG_DATA_HOME/wincase, else ~/.local/share/wincase) instead of
# failing with an empty folder name.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

server_start
tap $? "wincased starts"
# No --config, HOME and XDG_CONFIG_HOME empty of any wincase.conf.
client_spawn 80 24 "$WINCASE_BIN" --server "$E2E_URL"
login clerk1 demo-password-1
tap $? "clerk1 logs in without any configuration file"
case_new "食品" "张三" "11010519491231002X"
mark 11111121
k F6
wait_for "【预览】一次性告知书"
k F2
wait_for "已出具一次性告知书 GZ-"
tap $? "the notice is issued"
k F7
wait_for "已保存："
tap $? "F7 says the notice was saved"
screen_lacks "保存失败"
tap $? "and no save failure is shown"
f=$(ls "$E2E_TMP"/.local/share/wincase/GZ-*.txt 2>/dev/null | head -1)
[ -n "$f" ] && [ "$(stat -c %a "$f")" = 600 ] && grep -q "主要设备设施清单" "$f"
tap $? "the file is in ~/.local/share/wincase (mode 0600) with the notice text"
k Escape
wait_for "材料核对"
quit_clean
tap $? "F10 quits cleanly"
tap_done
