/* messages_review.c - the reviewer console's words (Simplified Chinese). */
#include "common/messages.h"

/* The reviewer console. A second table so that its block stays
 * apart from the counter screens' words; msg() reads both. */
const char *const msg_table_review[MSG_COUNT] = {
    [MSG_RV_KEY_DECIDE] = "审核决定",
    [MSG_RV_KEY_OPEN] = "打开",
    [MSG_RV_KEY_SEARCH] = "查找",
    [MSG_RV_KEY_AUDIT] = "审计",
    [MSG_RV_KEY_STATS] = "统计",
    [MSG_RV_KEY_EXPORT] = "导出CSV",
    [MSG_RV_KEY_VERIFY] = "校验审计链",
    [MSG_RV_KEY_PRINT] = "打印",
    [MSG_RV_KEY_QUERY] = "查询",
    [MSG_RV_TITLE] = "审核队列",
    [MSG_RV_KIND_TOLERANT] = "容缺受理",
    [MSG_RV_KIND_ONCE] = "告知超范围",
    [MSG_RV_KIND_BREACH] = "承诺失信",
    [MSG_RV_KIND_OVERDUE] = "超期办件",
    [MSG_RV_KIND_BOUNCED] = "推诿咨询",
    [MSG_RV_KIND_RECTIFY] = "差评整改",
    [MSG_RV_COL_KIND] = "类别",
    [MSG_RV_COL_REF] = "对象",
    [MSG_RV_COL_SUMMARY] = "摘要",
    [MSG_RV_COL_SINCE] = "提交时间",
    [MSG_RV_EMPTY] = "审核队列中没有待审事项。F3 查找办件，F6 统计。",
    [MSG_RV_PENDING] = "待审",
    [MSG_RV_SHORT_TOLERANT] = "容缺",
    [MSG_RV_SHORT_ONCE] = "告知",
    [MSG_RV_SHORT_BREACH] = "失信",
    [MSG_RV_SHORT_OVERDUE] = "超期",
    [MSG_RV_SHORT_BOUNCED] = "推诿",
    [MSG_RV_SHORT_RECTIFY] = "整改",
    [MSG_RV_COUNTS_SEP] = "：",
    [MSG_RV_NOT_REVIEWER] = "审核功能只对审核人员开放",
    [MSG_RV_ITEM_TITLE] = "审核事项",
    [MSG_RV_CASE] = "办件",
    [MSG_RV_INQUIRY] = "咨询",
    [MSG_RV_APPLICANT] = "申请人",
    [MSG_RV_ITEM] = "事项",
    [MSG_RV_STATUS] = "状态",
    [MSG_RV_WINDOW] = "窗口",
    [MSG_RV_CLERK] = "经办人",
    [MSG_RV_DUE] = "办结期限",
    [MSG_RV_SUMMARY] = "审核原因",
    [MSG_RV_NOTICE] = "一次性告知书",
    [MSG_RV_COMMITMENT] = "承诺书",
    [MSG_RV_CREDIT] = "申请人信用记录",
    [MSG_RV_CREDIT_LINE] = "承诺 %d 次：履约 %d，失信 %d，未到期 %d",
    [MSG_RV_CREDIT_OK] = "信用记录允许容缺受理",
    [MSG_RV_CREDIT_BLOCKED] = "信用记录不允许容缺受理",
    [MSG_RV_HISTORY] = "办理经过",
    [MSG_RV_HANDOFFS] = "转办记录",
    [MSG_RV_RECTIFY_DUE] = "整改期限：%s（核实、整改、反馈须在此日前完成）",
    [MSG_RV_OWN_CASE] =
	"这件由您在窗口经办，按规定（一人不审自己经办的件）您不能作出审核决定，"
	"请交其他审核人员",
    [MSG_RV_DONE_ALREADY] = "这一项已经审核完毕，无需再作决定",
    [MSG_RV_PRINT_OFF] =
	"当前为受限（SSH）模式，打印已关闭；如需纸件请联系窗口",
    [MSG_RV_PRINTED] = "已送打印",
    [MSG_RV_DECIDE_TITLE] = "审核决定",
    [MSG_RV_DECISION] = "决定",
    [MSG_RV_COMMENT] = "审核意见",
    [MSG_RV_VERIFY_TEXT] = "核实情况",
    [MSG_RV_FIX_TEXT] = "整改措施",
    [MSG_RV_FEEDBACK_TEXT] = "反馈结果",
    [MSG_RV_DECISION_HELP] = "用 ←/→ 或空格选择：同意、退回、免除承诺、已整改",
    [MSG_RV_COMMENT_HELP] = "必须填写审核意见；按 Enter 或 F2 提交",
    [MSG_RV_VERIFY_HELP] = "核实：差评反映的问题是否属实；离开此栏即保存",
    [MSG_RV_FIX_HELP] = "整改：采取了哪些措施；离开此栏即保存",
    [MSG_RV_FEEDBACK_HELP] = "反馈：如何告知申请人；按 Enter 或 F2 提交",
    [MSG_RV_APPROVE] = "同意",
    [MSG_RV_RETURN] = "退回",
    [MSG_RV_WAIVE] = "免除承诺",
    [MSG_RV_RECTIFIED] = "已整改",
    [MSG_RV_DECIDED] = "已作出审核决定：%s（%s）",
    [MSG_RV_SEARCH_TITLE] = "查找办件和咨询",
    [MSG_RV_SEARCH_Q] = "编号或申请人",
    [MSG_RV_SEARCH_SCOPE] = "范围",
    [MSG_RV_SEARCH_ITEM] = "事项编码",
    [MSG_RV_SEARCH_WINDOW] = "窗口",
    [MSG_RV_SEARCH_CLERK] = "经办人账号",
    [MSG_RV_SEARCH_STATUS] = "状态代码",
    [MSG_RV_SEARCH_FROM] = "起始日期",
    [MSG_RV_SEARCH_TO] = "截止日期",
    [MSG_RV_SEARCH_HELP] = "各项都可不填；按 F2 或在最后一项按 Enter 查找",
    [MSG_RV_SEARCH_DATE_HELP] = "日期如 2026-11-02，可不填",
    [MSG_RV_SEARCH_BOTH] = "办件和咨询",
    [MSG_RV_SEARCH_CASES] = "只查办件",
    [MSG_RV_SEARCH_INQUIRIES] = "只查咨询",
    [MSG_RV_SEARCH_COUNT] = "找到 %zu 件；↑/↓ 选择，Enter 查看审计记录",
    [MSG_RV_SEARCH_NONE] = "没有符合条件的办件或咨询，请放宽条件",
    [MSG_RV_DATE_BAD] = "日期格式应为 年-月-日，如 2026-11-02",
    [MSG_RV_AUDIT_TITLE] = "审计记录",
    [MSG_RV_AUDIT_ENTITY] = "对象",
    [MSG_RV_AUDIT_HELP] = "输入办件或咨询编号（SL-…、SW-…）或 user:用户名，按 "
			  "Enter 查询；F6 校验审计链",
    [MSG_RV_AUDIT_BAD] = "请输入办件编号 SL-…、咨询编号 SW-…、user:用户名，"
			 "或 case:ID、inquiry:ID",
    [MSG_RV_AUDIT_COUNT] = "共 %zu 条记录",
    [MSG_RV_AUDIT_NONE] = "这个对象没有审计记录",
    [MSG_RV_AUDIT_COL_SEQ] = "序号",
    [MSG_RV_AUDIT_COL_AT] = "时间",
    [MSG_RV_AUDIT_COL_ACTOR] = "操作人",
    [MSG_RV_AUDIT_COL_ACTION] = "操作",
    [MSG_RV_AUDIT_COL_DATA] = "内容",
    [MSG_RV_CHAIN_OK] = "审计链完整：共 %ld 条记录，逐条校验无误",
    [MSG_RV_CHAIN_BROKEN] =
	"审计链在第 %ld "
	"条处断开：该条或之前的记录被改动或删除，请立即报告管理员",
    [MSG_RV_CHAIN_MISSING] = "审计链末尾被删除：第 %ld "
			     "条之后的记录缺失，请立即报告管理员",
    [MSG_RV_CHAIN_REWRITTEN] = "审计链被改写：自第 %ld "
			       "条起与签名检查点不符，请立即报告管理员",
    [MSG_RV_CHAIN_CHECKPOINT] = "；最近签名检查点 %s（第 %ld 条）",
    [MSG_RV_CHAIN_NO_CHECKPOINT] = "；尚无签名检查点",
    [MSG_RV_STATS_TITLE] = "统计",
    [MSG_RV_STATS_FROM] = "起始日期",
    [MSG_RV_STATS_TO] = "截止日期",
    [MSG_RV_STATS_GROUP] = "分组",
    [MSG_RV_BY_WINDOW] = "按窗口",
    [MSG_RV_BY_CLERK] = "按经办人",
    [MSG_RV_BY_ITEM] = "按事项",
    [MSG_RV_STATS_HELP] = "填好日期与分组后按 F2 查询；F6 导出 CSV",
    [MSG_RV_STATS_NONE] = "这段时间没有记录",
    [MSG_RV_STATS_SAT] = "满意率",
    [MSG_RV_STATS_BARS] = "办件数（#）与满意率",
    [MSG_RV_STATS_EXPORTED] = "已导出到 %s",
    [MSG_RV_STATS_EXPORT_FAIL] = "导出失败：%s。请检查数据目录是否可写",
    [MSG_RV_IDLE_OUT] =
	"已超过 %ld 秒没有操作，为安全起见已自动退出登录，请重新登录",
    [MSG_RV_HELP_QUEUE] =
	"审核队列：按类别排列，每类最早提交的在前；最上面的状态行显示待审总数\n"
	"  和各类件数，类别用简称：容缺、告知、失信、超期、推诿、整改。\n"
	"  ↑/↓、Home/End 选择，Enter 打开，F3 查找，F4 审计记录，F5 刷新，F6 "
	"统计。\n"
	"  多人共用队列：F7 领取（再按放回），F8 "
	"转交同事，处理人一栏显示谁在办；\n"
	"  别人领取的事项您不能作出决定。F9 切换列表：全部待审、我领取的、\n"
	"  无人领取、已审结、我的审核决定；Tab 按类别筛选。空格选中容缺受理\n"
	"  事项，F2 一次同意全部选中的（每项分别审核、分别记入审计）。\n"
	"  本人在窗口经办的件不能由本人审核，可按 F8 转交。\n"
	"  “已等待”按工作时间计；超过预警时长的以醒目颜色和 ! 标出。\n"
	"  S 切换排序（按类别、最早在前、最新在前、按处理人、按期限），\n"
	"  A 按等待时长筛选（全部、超时预警、未超时）。“期限”是差评整改的\n"
	"  完成期限，可在审核决定中设定。\n",
    [MSG_RV_HELP_ITEM] =
	"审核事项：办件或咨询的全部经过、告知书或承诺书全文、申请人信用记录。\n"
	"  ↑/↓、PgUp/PgDn 翻看，F2 作出决定，F4 审计记录，F8 打印，Esc "
	"返回。\n",
    [MSG_RV_HELP_DECIDE] =
	"审核决定：同意、退回、免除承诺（仅容缺承诺）或已整改（差评整改）。\n"
	"  差评整改分 核实 → 整改 → 反馈 三项依次填写，每填完一项离开该栏即\n"
	"  保存到服务器（F3 保存全部已填的项），并可设定整改期限（不超过规定\n"
	"  的最长期限）。F2 提交决定，Esc "
	"返回。连接中断时已输入的内容会保留，\n"
	"  重新登录后打开同一事项按 F2 即可继续。\n",
    [MSG_RV_HELP_SEARCH] =
	"查找：按编号或申请人、事项、窗口、经办人、状态和日期范围查找本部门的\n"
	"  办件和咨询。F2 查找，结果中 Enter 查看该件的审计记录，Esc 返回。\n",
    [MSG_RV_HELP_AUDIT] =
	"审计记录：每一项改动都记在审计链中。输入办件编号（SL-…）、咨询编号\n"
	"  （SW-…）或 user:用户名（该人员做过的全部操作和登录）后按 Enter；\n"
	"  也可输入 case:ID、inquiry:ID。F6 校验整条审计链是否完整。Esc "
	"返回。\n",
    [MSG_RV_HELP_STATS] =
	"统计：按窗口、经办人或事项分组，列出咨询、推诿、办件、告知、受理、\n"
	"  容缺、履约、失信、超期、办结和满意率，下方是文字条形图。\n"
	"  F2 查询，F6 导出 CSV（UTF-8 带 BOM，表格软件可直接打开）。\n"
	"  屏幕放不下全部列时，F7/F8 左右移动列（分组一列始终显示，事项编码\n"
	"  不截断）；PgUp/PgDn 上下翻行。\n",
    [MSG_RV_STAT_KEY] = "分组",
    [MSG_RV_STAT_INQUIRIES] = "咨询",
    [MSG_RV_STAT_BOUNCED] = "推诿",
    [MSG_RV_STAT_CASES] = "办件",
    [MSG_RV_STAT_NOTICES] = "告知",
    [MSG_RV_STAT_ONCE] = "超范围告知",
    [MSG_RV_STAT_ACCEPTED] = "受理",
    [MSG_RV_STAT_TOLERANT] = "容缺受理",
    [MSG_RV_STAT_FULFILLED] = "承诺履约",
    [MSG_RV_STAT_BREACHED] = "承诺失信",
    [MSG_RV_STAT_OVERDUE] = "超期",
    [MSG_RV_STAT_DEEMED] = "超时默认",
    [MSG_RV_STAT_COMPLETED] = "办结",
    [MSG_RV_RATING_1] = "非常不满意",
    [MSG_RV_RATING_2] = "不满意",
    [MSG_RV_RATING_3] = "基本满意",
    [MSG_RV_RATING_4] = "满意",
    [MSG_RV_RATING_5] = "非常满意",
    [MSG_RV_COL_OWNER] = "处理人",
    [MSG_RV_NOBODY] = "—",
    [MSG_RV_KEY_TAKE] = "领取",
    [MSG_RV_KEY_RELEASE] = "放回",
    [MSG_RV_KEY_ASSIGN] = "转交",
    [MSG_RV_KEY_VIEW] = "切换列表",
    [MSG_RV_KEY_KIND] = "类别",
    [MSG_RV_KEY_MARK] = "选中",
    [MSG_RV_KEY_BULK] = "批量同意",
    [MSG_RV_VIEW_PENDING] = "全部待审",
    [MSG_RV_VIEW_MINE] = "我领取的",
    [MSG_RV_VIEW_UNOWNED] = "无人领取",
    [MSG_RV_VIEW_DONE] = "已审结",
    [MSG_RV_VIEW_MY_DECIDED] = "我的审核决定",
    [MSG_RV_VIEW_LINE] = "列表：%s  类别：%s  时长：%s  排序：%s  共 %zu 项%s",
    [MSG_RV_ALL_KINDS] = "全部",
    [MSG_RV_TAKEN] = "已领取这一项，其他审核人员不能再对它作出决定",
    [MSG_RV_RELEASED] = "已放回，其他审核人员可以领取",
    [MSG_RV_ASSIGNED] = "已转交给 %s",
    [MSG_RV_TAKEN_BY] =
	"这一项已由 %s 领取处理，您不能对它作出决定；如需接手请与其联系",
    [MSG_RV_ASSIGN_PROMPT] = "转交给（审核人员账号）：",
    [MSG_RV_BULK_PROMPT] = "批量同意 %zu 项，审核意见：",
    [MSG_RV_BULK_DONE] = "已同意 %zu 项（每项分别记入审计记录）",
    [MSG_RV_BULK_FAILED] =
	"已同意 %zu 项，%zu 项未能同意（已被他人领取或已审结），请刷新后查看",
    [MSG_RV_MARK_ONLY_TOLERANT] = "只有待审的容缺受理事项可以选中后批量同意",
    [MSG_RV_MARKED] = "已选中 %zu 项；F2 批量同意",
    [MSG_RV_STATUS_DONE] = "已审结",
    [MSG_RV_OWNER_LINE] = "处理人：%s",
    [MSG_RV_DECIDED_LINE] = "审核结果：%s（%s）",
    [MSG_RV_EMPTY_VIEW] = "这个列表中没有事项。F9 切换列表，Tab 切换类别。",
    [MSG_RV_INPUT_EMPTY] = "请先输入内容再按 Enter；Esc 取消",
    [MSG_RV_COL_AGE] = "已等待",
    [MSG_RV_COL_DUE] = "期限",
    [MSG_RV_AGE_HOURS] = "%s%ld工时",
    [MSG_RV_SORT_KIND] = "按类别",
    [MSG_RV_SORT_OLDEST] = "最早在前",
    [MSG_RV_SORT_NEWEST] = "最新在前",
    [MSG_RV_SORT_OWNER] = "按处理人",
    [MSG_RV_SORT_DUE] = "按期限",
    [MSG_RV_AGE_ANY] = "全部",
    [MSG_RV_AGE_AGED] = "超时预警",
    [MSG_RV_AGE_FRESH] = "未超时",
    [MSG_RV_KEY_SORT] = "排序",
    [MSG_RV_KEY_AGE] = "时长",
    [MSG_RV_KEY_SAVE_STEPS] = "保存",
    [MSG_RV_DUE_TEXT] = "整改期限",
    [MSG_RV_DUE_HELP] =
	"完成期限，格式 2026-11-20；不得早于今天，也不得超过规定的最长"
	"期限；离开此栏即保存",
    [MSG_RV_DUE_TOO_LONG] = "整改期限最晚为 %s，请改早一些",
    [MSG_RV_STEP_SAVED] = "已保存：%s",
    [MSG_RV_STEPS_SAVED] = "已保存填写的各步和期限",
    [MSG_RV_NOTHING_TO_SAVE] = "没有需要保存的改动",
    [MSG_RV_DRAFT_RESTORED] = "已恢复 %s 未提交的内容，请核对后提交",
    [MSG_RV_KEY_COLS_LEFT] = "左移列",
    [MSG_RV_KEY_COLS_RIGHT] = "右移列",
    [MSG_RV_STATS_COLS] = "显示第 %d–%d 列，共 %d 列；F7/F8 左右移动",
    [MSG_Q_SEC_RETURNS] = "审核退回（请按审核意见处理）",
    [MSG_Q_RETURNED] = "审核退回 %.5s",
    [MSG_EX_COL_ITEM] = "审核事项",
    [MSG_EX_COL_HOURS] = "已等待工时",
    [MSG_EX_COL_AGED] = "超时预警",
    [MSG_EX_COL_DECISION] = "审核结果",
    [MSG_EX_COL_DECIDED_BY] = "审核人",
    [MSG_EX_COL_ENTITY] = "对象",
    [MSG_EX_YES] = "是",
    [MSG_EX_NO] = "否",
    [MSG_EX_USER] = "用户",
    [MSG_EX_CALENDAR] = "日历",
    [MSG_EX_USAGE] =
	"可用的导出命令（CSV 写到标准输出，UTF-8 带 BOM）：\n"
	"  export stats --from 2026-11-01 --to 2026-11-30 [--by "
	"window|clerk|item]\n"
	"  export queue [--view pending|mine|unowned|done|decided] [--kind "
	"类别]\n"
	"  export audit SL-20261102-0001|SW-20261102-0001|user:clerk1\n"
	"  export help\n"
	"每条命令可加 --user 用户名；用户名（未给 --user 时）和密码从标准输入"
	"读取，每项一行。\n"
	"例：read -rs PW; printf '%s\\n' \"$PW\" | ssh reviewer@服务器 "
	"export stats --user reviewer1 --from 2026-11-01 --to 2026-11-30 --by "
	"item > nov.csv",
    [MSG_EX_REFUSED] = "wincase: 此账号只能运行下列导出命令，其他命令"
		       "（包括 scp、sftp 和 shell）一律拒绝。",
    [MSG_EX_PROMPT_USER] = "用户名：",
    [MSG_EX_PROMPT_PASSWORD] = "密码：",
    [MSG_EX_NO_LOGIN] = "wincase: 没有读到用户名和密码：请从标准输入给出，"
			"每项一行",
    [MSG_EX_WRITE_FAILED] = "wincase: CSV 没能完整写出",
    [MSG_RV_DRAFT_WAITING] =
	"未提交的审核意见：第 %s 项（%s 保存），打开该项按 F2 继续",
};
