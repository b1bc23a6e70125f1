/* messages_offline.c - the words of working offline (issue 12): the
 * status line, the offline login, the journal screen. */
#include "common/messages.h"

const char *const msg_table_offline[MSG_COUNT] = {
    [MSG_OFF_CONNECTING] = "服务器：连接中",
    [MSG_OFF_OFFLINE_N] = "服务器：离线 · 待同步 %zu",
    [MSG_OFF_ONLINE_N] = "服务器：在线 · 待同步 %zu",
    [MSG_OFF_SYNCING] = "服务器：同步中",
    [MSG_OFF_LOGIN_TAG] = "离线登录",
    [MSG_OFF_LOGGED_IN] =
	"离线登录（服务器暂时无法连接，有效至 %s）：可登记咨询、新建办件、"
	"核对材料；其余操作记为“未生效”，联网后自动提交",
    [MSG_OFF_PENDING_NO] = "未生效",
    [MSG_OFF_SYNCED] = "服务器已恢复，%zu 项离线记录已提交生效",
    [MSG_OFF_STOPPED] = "有 %zu 项离线记录被服务器退回，按 Ctrl-O 查看并处理",
    [MSG_OFF_REFUSED] =
	"本机离线日志无法用您的密钥打开（被改动或属于其他人员），已移到一旁、"
	"不会提交，请联系管理员",
    [MSG_OFF_TORN] = "离线日志最后一项未写完（程序曾中断），已丢弃该项",
    [MSG_OFF_NO_LOCAL] =
	"无法连接服务器，本机没有您的登录记录：请在联网时登录一次",
    [MSG_OFF_EXPIRED] = "无法连接服务器，且上次登录已过期：请联网后重新登录",
    [MSG_OFF_STORE_FAILED] =
	"本机加密资料无法打开，草稿和离线日志暂不可用，请联系管理员",
    [MSG_OFF_MOVED_ASIDE] =
	"密码已更换：旧密码加密的本机资料已移到一旁，草稿从新开始",
    [MSG_OFF_CACHE_AGE] = "资料 %s",
    [MSG_JR_TITLE] = "离线日志",
    [MSG_JR_HEAD] = "未生效的离线记录按时间顺序列出；联网后自动依次提交",
    [MSG_JR_EMPTY] = "没有待同步的离线记录",
    [MSG_JR_COL_TIME] = "记录时间",
    [MSG_JR_COL_WHAT] = "内容",
    [MSG_JR_COL_STATE] = "状态",
    [MSG_JR_PENDING] = "待同步（未生效）",
    [MSG_JR_STOPPED] = "被退回",
    [MSG_JR_BLOCKED] = "暂停（同一事项的前一项被退回）",
    [MSG_JR_WHAT_TO_DO] =
	"退回原因：%s。请打开该办件核对后重新办理，再按 Del 标为已处理；"
	"或按 F5 重新提交",
    [MSG_JR_RETRIED] = "已重新排队，联网后提交",
    [MSG_JR_DISMISSED] = "已标为已处理，不再提交",
    [MSG_KEY_JR_RETRY] = "重新提交",
    [MSG_KEY_JR_DISMISS] = "已处理",
    [MSG_KEY_JR_SYNC] = "立即同步",
    [MSG_HELP_JOURNAL] =
	"离线日志（Ctrl-O）\n"
	"  服务器无法连接时，登记咨询、新建办件、核对材料照常进行；需要服务器\n"
	"  审核或签章的操作（告知书编号与签章、容缺受理、信用查询、接收转办）\n"
	"  记为“未生效”。每项先写入本机加密日志再显示已保存。\n"
	"  服务器恢复后按原顺序自动提交，每项只生效一次。\n"
	"  被退回的项目：同一办件后面的项目暂停，其他办件照常提交。\n"
	"  ↑/↓ 选择；F5 重新提交；Del 标为已处理；F2 立即同步；Esc 返回。\n",
    [MSG_JR_KIND_FIRST + 0] = "登记咨询",
    [MSG_JR_KIND_FIRST + 1] = "转办",
    [MSG_JR_KIND_FIRST + 2] = "接收转办",
    [MSG_JR_KIND_FIRST + 3] = "结束咨询",
    [MSG_JR_KIND_FIRST + 4] = "新建办件",
    [MSG_JR_KIND_FIRST + 5] = "核对材料",
    [MSG_JR_KIND_FIRST + 6] = "一次性告知书",
    [MSG_JR_KIND_FIRST + 7] = "受理",
    [MSG_JR_KIND_FIRST + 8] = "补交材料",
    [MSG_JR_KIND_FIRST + 9] = "办结",
    [MSG_JR_KIND_FIRST + 10] = "撤回",
    [MSG_JR_KIND_FIRST + 11] = "评价",
    [MSG_JR_KIND_FIRST + 12] = "其他操作",
};
