/* messages.c - the client's words (Simplified Chinese). */
#include <stdio.h>
#include <string.h>

#include "wincase/error_text.h"

#include "common/messages.h"

static const char *const table[MSG_COUNT] = {
    [MSG_APP_NAME] = "wincase 政务服务窗口",
    [MSG_NOT_LOGGED_IN] = "未登录",
    [MSG_STATUS_USER] = "用户",
    [MSG_STATUS_WINDOW] = "窗口",
    [MSG_STATUS_ONLINE] = "服务器：在线",
    [MSG_STATUS_OFFLINE] = "服务器：离线",
    [MSG_TOO_SMALL] = "终端窗口太小，请放大到至少 80×24",
    [MSG_BUSY_CONNECTING] = "正在连接服务器……",
    [MSG_CALENDAR_ENDING] =
	"工作日历只到 %s（还剩 %d 天），请管理员及时导入下一年度日历",
    [MSG_BUSY_LOADING] = "正在读取……",
    [MSG_BUSY_SAVING] = "正在提交……",
    [MSG_REQUIRED] = "此项必须填写",

    [MSG_KEY_HELP] = "帮助",
    [MSG_KEY_SUBMIT] = "提交",
    [MSG_KEY_LOGIN] = "登录",
    [MSG_KEY_ITEM] = "选事项",
    [MSG_KEY_NEW] = "新登记",
    [MSG_KEY_REFRESH] = "刷新",
    [MSG_KEY_BACK] = "返回",
    [MSG_KEY_CHOOSE] = "选定",
    [MSG_KEY_QUIT] = "退出",
    [MSG_KEY_FALLBACK] = "无F键:Esc+数字",

    [MSG_LOGIN_TITLE] = "登录",
    [MSG_LOGIN_USER] = "用户名",
    [MSG_LOGIN_PASSWORD] = "密码",
    [MSG_LOGIN_WINDOW] = "窗口号",
    [MSG_LOGIN_USER_HELP] = "请输入您的工作账号",
    [MSG_LOGIN_PASSWORD_HELP] = "密码输入时显示为 *",
    [MSG_LOGIN_WINDOW_HELP] =
	"今天坐的窗口号，可不填（默认用账号登记的窗口）；按 Enter 登录",
    [MSG_LOGIN_WELCOME] = "欢迎使用政务服务窗口工作台，请登录。",
    [MSG_LOGIN_SERVER] = "服务器",

    [MSG_HOME_TITLE] = "我的待办咨询",
    [MSG_HOME_COL_NO] = "编号",
    [MSG_HOME_COL_APPLICANT] = "申请人",
    [MSG_HOME_COL_TOPIC] = "咨询内容",
    [MSG_HOME_COL_STATUS] = "状态",
    [MSG_HOME_EMPTY] = "目前没有待跟进的咨询。按 F4 登记新咨询。",
    [MSG_HOME_COUNT] = "共 %zu 件待办咨询",
    [MSG_STATUS_OPEN] = "办理中",
    [MSG_STATUS_HANDED_OFF] = "转办待接收",
    [MSG_STATUS_REFERRED] = "已转办",
    [MSG_STATUS_CLOSED] = "已办结",

    [MSG_INQ_TITLE] = "登记新咨询（首问负责）",
    [MSG_INQ_NAME] = "申请人姓名",
    [MSG_INQ_ID_TYPE] = "证件类型",
    [MSG_INQ_ID_NO] = "证件号码",
    [MSG_INQ_PHONE] = "联系电话",
    [MSG_INQ_CHANNEL] = "来访渠道",
    [MSG_INQ_ITEM] = "咨询事项",
    [MSG_INQ_TOPIC] = "咨询内容",
    [MSG_INQ_NAME_HELP] = "申请人或单位名称，可输入中文",
    [MSG_INQ_ID_TYPE_HELP] = "用 ←/→ 或空格切换证件类型",
    [MSG_INQ_ID_NO_HELP] = "可不填；输入时即检查号码，身份证末位 X 自动大写",
    [MSG_INQ_PHONE_HELP] = "可不填；手机号11位，座机请带区号",
    [MSG_INQ_CHANNEL_HELP] = "用 ←/→ 或空格切换：窗口、电话、网上",
    [MSG_INQ_ITEM_HELP] = "可不选；按 Enter 或 F3 查找事项，退格键清除",
    [MSG_INQ_TOPIC_HELP] = "简要记录申请人想办什么；在此按 Enter 或 F2 提交",
    [MSG_INQ_FIX_ERRORS] = "还有填写不正确的项目，请按提示修改后再提交",
    [MSG_INQ_CREATED] = "已登记咨询 %s（%s）",
    [MSG_ID_RESIDENT] = "居民身份证",
    [MSG_ID_USCC] = "统一社会信用代码",
    [MSG_ID_PASSPORT] = "护照",
    [MSG_ID_OTHER] = "其他",
    [MSG_CHANNEL_COUNTER] = "窗口",
    [MSG_CHANNEL_PHONE] = "电话",
    [MSG_CHANNEL_ONLINE] = "网上",

    [MSG_ITEMS_TITLE] = "选择事项",
    [MSG_ITEMS_SEARCH] = "查找",
    [MSG_ITEMS_COL_CODE] = "事项编码",
    [MSG_ITEMS_COL_NAME] = "事项名称",
    [MSG_ITEMS_COL_DEPT] = "部门",
    [MSG_ITEMS_NONE] = "没有找到匹配的事项，请换个关键词（编码或中文名称）",
    [MSG_ITEMS_COUNT] = "找到 %zu 项；输入编码或名称筛选，↑/↓ 选择，Enter 选定",

    [MSG_HELP_TITLE] = "帮助",
    [MSG_HELP_GENERAL] =
	"常用按键\n"
	"  F1 帮助    F2 提交    F3 选事项    F4 新登记\n"
	"  F5 刷新    Esc 返回   F10 退出\n"
	"  Tab 或 ↓ 下一项，Shift-Tab 或 ↑ 上一项，Enter 下一项\n"
	"  ←/→ 移动光标，Home/End 到行首/行尾，退格键删除\n"
	"\n"
	"终端没有功能键时\n"
	"  先按 Esc 再按数字：Esc 1 = F1，Esc 2 = F2 …… Esc 0 = F10\n"
	"  Ctrl-A 行首，Ctrl-E 行尾，Ctrl-U 清空本项\n",
    [MSG_HELP_LOGIN] = "登录\n"
		       "  输入用户名和密码，窗口号可不填，按 Enter 登录。\n"
		       "  密码不会显示在屏幕上。\n",
    [MSG_HELP_HOME] =
	"工作台（我的待办）\n"
	"  未提交的草稿：上次断电、断线或关窗时正在填的表，Enter 恢复，Del "
	"丢弃。\n"
	"  我的待办咨询：您首问登记、尚未办结的咨询，转办未接收的排在前面。\n"
	"  转给本窗口、待我接收的咨询：打开后按 F4 接收。\n"
	"  我的在办件：按剩余工作日排序，“!”只剩1个工作日，“!!”已超期。\n"
	"  容缺承诺：3个工作日内到期的补交期限，“!!已失信”表示已逾期。\n"
	"  直接输入编号或申请人姓名即筛选，Esc 清除筛选。\n"
	"  ↑/↓ 选择，Enter 打开，F4（筛选为空时也可按 n）登记新咨询，\n"
	"  F6 新建办件，F5 从服务器刷新。\n",
    [MSG_HELP_INQUIRY] =
	"登记新咨询\n"
	"  申请人来到窗口先登记，您就是首问负责人。\n"
	"  带 * 的项目必须填写；证件号码和电话在输入时即检查，\n"
	"  红字（或“!”开头的提示）说明哪里不对、怎样改正。\n"
	"  在“咨询事项”上按 Enter 或按 F3 查找事项。\n"
	"  F2 提交，Esc 放弃返回。\n",
    [MSG_HELP_ITEMS] = "选择事项\n"
		       "  输入事项编码或中文名称的一部分，列表随输入筛选。\n"
		       "  ↑/↓ 选择，Enter 选定，Esc 返回不选。\n",
    /* work queue, inquiry view, case view, drafts (counter-a) */
    [MSG_Q_TITLE] = "工作台",
    [MSG_Q_FILTER] = "筛选",
    [MSG_Q_FILTER_HINT] = "输入编号或申请人姓名即筛选；Esc 清除",
    [MSG_Q_SEC_DRAFTS] = "未提交的草稿（Enter 恢复，Del 丢弃）",
    [MSG_Q_SEC_FOLLOW] = "我的待办咨询（首问，转办未接收的在前）",
    [MSG_Q_SEC_ACK] = "转给本窗口、待我接收的咨询",
    [MSG_Q_SEC_CASES] = "我的在办件（按剩余工作日排序）",
    [MSG_Q_SEC_COMMIT] = "3个工作日内到期或已失信的容缺承诺",
    [MSG_Q_COL_DETAIL] = "内容",
    [MSG_Q_NONE] = "（无）",
    [MSG_Q_COUNT] = "咨询 %zu 件，待接收 %zu 件，在办件 %zu 件，承诺 %zu 件",
    [MSG_Q_PARTIAL] = "办件列表暂时读不到（%s），先显示咨询",
    [MSG_Q_DRAFT_ROW] = "草稿 %s",
    [MSG_Q_DRAFT_FOUND] =
	"发现上次未提交的表单，已列在最上面：选中后按 Enter 恢复",
    [MSG_Q_DRAFT_DROPPED] = "草稿已丢弃",
    [MSG_Q_DRAFT_RESTORED] = "已恢复上次未提交的内容，请核对后提交",
    [MSG_Q_WAIT_ACK] = "*转办待接收",
    [MSG_Q_ACK_FROM] = "来自 %s：%s",
    [MSG_Q_DAYS_LEFT] = "剩%d个工作日",
    [MSG_Q_DAYS_LAST] = "!剩%d个工作日",
    [MSG_Q_OVERDUE] = "!!超期%d个工作日",
    [MSG_Q_DUE_TODAY] = "!今日到期",
    [MSG_Q_COMMIT_DUE] = "!%s前补交",
    [MSG_Q_COMMIT_BREACHED] = "!!已失信",
    [MSG_KEY_OPEN] = "打开",
    [MSG_KEY_NEW_CASE] = "新办件",
    [MSG_KEY_DISCARD] = "丢弃草稿",
    [MSG_KEY_ANSWER] = "办结",
    [MSG_KEY_HANDOFF] = "转办",
    [MSG_KEY_ACK] = "接收",
    [MSG_KEY_CONVERT] = "转为办件",
    [MSG_KEY_CLOSE] = "办结",
    [MSG_KEY_CHECK] = "材料核验",
    [MSG_KEY_NOTICE] = "告知书",
    [MSG_KEY_ACCEPT] = "受理",
    [MSG_KEY_SUPPLEMENT] = "补交",
    [MSG_KEY_COMPLETE] = "办结",
    [MSG_KEY_WITHDRAW] = "撤回",
    [MSG_KEY_RATING] = "评价",
    [MSG_IV_TITLE] = "咨询详情（首问负责）",
    [MSG_IV_NO] = "编号",
    [MSG_IV_APPLICANT] = "申请人",
    [MSG_IV_RESPONDER] = "首问负责人",
    [MSG_IV_TOPIC] = "咨询内容",
    [MSG_IV_RESOLUTION] = "办结",
    [MSG_IV_CASE] = "办件",
    [MSG_IV_BOUNCED] =
	"!!已判定推诿（转办超过两次或一个工作小时内未接收），已送审核",
    [MSG_IV_CHAIN] = "转办记录",
    [MSG_IV_CHAIN_NONE] = "  没有转办",
    [MSG_IV_HANDOFF_LINE] = "%zu. %s  %s 转给 %s：%s",
    [MSG_IV_HANDOFF_ACKED] = "   已接收：%s %s",
    [MSG_IV_HANDOFF_WAITING] = "   *待接收",
    [MSG_IV_NOTHING_TO_ACK] = "没有转给您窗口或部门、待接收的转办",
    [MSG_IV_ACKED] = "已接收转办，此咨询由您继续办理",
    [MSG_IV_CLOSED_ALREADY] = "此咨询已办结，不能再转办或办结",
    [MSG_IV_CONVERTED] = "咨询已转为办件 %s 并办结",
    [MSG_IV_RELOADED] = "记录已被他人修改，已重新读取，请核对后再操作",
    [MSG_HO_TITLE] = "转办咨询",
    [MSG_HO_KIND] = "转给",
    [MSG_HO_TARGET] = "窗口号或部门",
    [MSG_HO_REASON] = "转办原因",
    [MSG_HO_KIND_HELP] = "用 ←/→ 或空格切换：窗口、部门",
    [MSG_HO_TARGET_HELP] =
	"按 Enter 或 F3 从服务器的窗口和部门列表中选择（可输入筛选）",
    [MSG_HO_REASON_HELP] = "说明为什么由对方办理；在此按 Enter 或 F2 提交",
    [MSG_HO_TO_WINDOW] = "窗口",
    [MSG_HO_TO_DEPARTMENT] = "部门",
    [MSG_HO_DONE] = "已转办；对方接收前此咨询仍在您的待办中，可按 F7 撤回",
    [MSG_ICL_TITLE] = "办结咨询",
    [MSG_ICL_RESOLUTION] = "办结方式",
    [MSG_ICL_NOTE] = "答复或说明",
    [MSG_ICL_RESOLUTION_HELP] =
	"←/→ 切换：已答复、已转办（对方已接收）、已转为办件、无需办理",
    [MSG_ICL_NOTE_HELP] = "简要记录答复内容；在此按 Enter 或 F2 提交",
    [MSG_ICL_ANSWERED] = "已答复",
    [MSG_ICL_REFERRED] = "已转办",
    [MSG_ICL_CONVERTED] = "已转为办件",
    [MSG_ICL_NO_ACTION] = "无需办理",
    [MSG_ICL_DONE] = "咨询已办结",
    [MSG_CV_TITLE] = "办件详情",
    [MSG_CV_NO] = "办件",
    [MSG_CV_APPLICANT] = "申请人",
    [MSG_CV_ITEM] = "事项",
    [MSG_CV_DUE] = "到期 %s，%s",
    [MSG_CV_NOT_ACCEPTED] = "尚未受理",
    [MSG_CV_DEEMED] = "（超时默认）",
    [MSG_CV_SEC_CHECKLIST] = "材料清单",
    [MSG_CV_SEC_NOTICES] = "一次性告知书",
    [MSG_CV_SEC_COMMITMENT] = "容缺受理承诺书",
    [MSG_CV_SEC_TIMELINE] = "办理经过",
    [MSG_CV_NONE] = "  （无）",
    [MSG_CV_TIMELINE_NONE] = "  （暂时读不到办理经过）",
    [MSG_CV_NOTICE_LINE] = "  %s  %s  列 %zu 项材料%s",
    [MSG_CV_ONCE_VIOLATION] = "  !超出一次告知（已送审核）",
    [MSG_CV_COMMIT_LINE] = "  %s  %s前补交  %s",
    [MSG_CV_COMMIT_OPEN] = "待补交",
    [MSG_CV_COMMIT_FULFILLED] = "已履行",
    [MSG_CV_COMMIT_BREACHED] = "!!已失信（逾期未补交）",
    [MSG_CV_COMMIT_WAIVED] = "已豁免",
    [MSG_CV_RESULT] = "办理结果：%s",
    [MSG_CV_RATED] = "评价：%d 分",
    [MSG_CV_ROLE_MAIN] = "主要",
    [MSG_CV_ROLE_SECONDARY] = "次要",
    [MSG_CV_TOLERABLE] = "可容缺",
    [MSG_CV_NO_ACTIONS] = "此办件已结束，没有可做的操作",
    [MSG_HELP_IV] =
	"咨询详情\n"
	"  显示申请人、首问负责人和全部转办记录（谁转给谁、是否已接收）。\n"
	"  F2 办结（已答复、已转办、已转为办件或无需办理，须写说明）。\n"
	"  F3 转办给其他窗口或部门，须写原因；对方接收前仍在您的待办中。\n"
	"  F4 接收转给您窗口或部门的转办。F6 把咨询转为办件并核验材料。\n"
	"  F5 刷新，Esc 返回工作台。\n",
    [MSG_HELP_HO] =
	"转办咨询\n"
	"  在“窗口号或部门”处按 Enter 或 F3，从列表中选择转办对象（输入\n"
	"  窗口号或部门名称筛选），再写明转办原因，F2 提交。\n"
	"  对方接收前，可在咨询详情按 F7 撤回；撤回的转办不计入推诿次数。\n"
	"  已转办两次的咨询再转将认定为推诿：提交前会提示，须再按 F2 确认。\n"
	"  填写内容随时保存，断电或断线也不会丢。\n",
    [MSG_HELP_CL] = "办结咨询\n"
		    "  选择办结方式并写明答复或说明。“已转办”须对方已接收，\n"
		    "  “已转为办件”须先由此咨询建立办件。F2 提交，Esc 放弃。\n",
    [MSG_HELP_CV] = "办件详情\n"
		    "  上方是编号、申请人、事项、状态、到期日和剩余工作日；\n"
		    "  “!”表示只剩1个工作日，“!!”表示已超期或已失信。\n"
		    "  下方是材料清单、告知书、承诺书和办理经过，↑/↓ 翻看。\n"
		    "  Enter 打开此办件的告知书和承诺书，可补打或存文件。\n"
		    "  功能键栏只列出此状态下可做的操作。F5 刷新，Esc 返回。\n",
    /* case screens (counter-b) */
    [MSG_KEY_MARK] = "标记",
    [MSG_KEY_ISSUE] = "出具",
    [MSG_KEY_PRINT] = "打印",
    [MSG_KEY_SAVE] = "存文件",
    [MSG_KEY_RATE] = "评价",
    [MSG_PRINTING] = "正在打印……",
    [MSG_PRINTED] = "已送打印（%s）",
    [MSG_PRINT_FAILED] =
	"打印失败：打印命令“%s”无法执行或出错，请检查打印机，或按 F7 存为文件",
    [MSG_SAVED] = "已保存：%s",
    [MSG_SAVE_FAILED] =
	"保存失败：无法写入数据目录 %s，请检查它的权限和磁盘空间",
    [MSG_CASE_CHECKING] = "材料核对中",
    [MSG_CASE_NOTIFIED] = "已一次性告知",
    [MSG_CASE_ACCEPTED] = "已受理",
    [MSG_CASE_TOLERANT] = "已容缺受理",
    [MSG_CASE_COMPLETED] = "已办结",
    [MSG_CASE_DENIED] = "不予批准",
    [MSG_CASE_WITHDRAWN] = "已撤回",
    [MSG_COMMIT_OPEN] = "待补交",
    [MSG_COMMIT_FULFILLED] = "已履约",
    [MSG_COMMIT_BREACHED] = "已失信",
    [MSG_COMMIT_WAIVED] = "已豁免",
    [MSG_CASE_RELOADED] =
	"这件办件刚被他人修改，已重新读取最新内容，请核对后再操作一次",
    [MSG_STATE_PENDING] = "未核对",
    [MSG_STATE_PROVIDED] = "已提供",
    [MSG_STATE_MISSING] = "缺少",
    [MSG_STATE_DEFECTIVE] = "有误",
    [MSG_STATE_SHARED] = "免提交",
    [MSG_ROLE_MAIN] = "主要",
    [MSG_ROLE_SECONDARY] = "次要",
    [MSG_FORM_ORIGINAL] = "原件",
    [MSG_FORM_COPY] = "复印件",
    [MSG_FORM_ELECTRONIC] = "电子",
    [MSG_CN_TITLE] = "新建办件",
    [MSG_CN_ITEM] = "办理事项",
    [MSG_CN_ITEM_HELP] =
	"按 Enter 或 F3 查找事项（输入编码或名称筛选），退格键清除",
    [MSG_CN_ITEM_NEEDED] = "请先选择办理事项：按 Enter 或 F3 查找",
    [MSG_CN_SCENARIO] = "办事情形",
    [MSG_CN_SCENARIO_HELP] = "用 ←/→ 或空格切换办事情形，材料清单随情形而定",
    [MSG_CN_SCENARIO_NONE] = "（先选事项）",
    [MSG_CN_MAJOR] = "亿元以上项目",
    [MSG_CN_MAJOR_HELP] =
	"亿元以上产业项目超时默认；用 ←/→ 切换；在此按 Enter 或 F2 建立办件",
    [MSG_CN_MAJOR_NO] = "否",
    [MSG_CN_MAJOR_YES] = "是",
    [MSG_CN_CREATED] = "已建立办件 %s（%s），请逐项核对材料",
    [MSG_CK_TITLE] = "材料核对（一次性告知）",
    [MSG_CK_COL_NO] = "序",
    [MSG_CK_COL_NAME] = "材料名称",
    [MSG_CK_COL_ROLE] = "类别",
    [MSG_CK_COL_FORM] = "形式",
    [MSG_CK_COL_COPIES] = "份数",
    [MSG_CK_COL_TOL] = "容缺",
    [MSG_CK_COL_STATE] = "核对结果",
    [MSG_CK_TOLERABLE] = "可容缺",
    [MSG_CK_SUMMARY] = "共%zu项：已提供%zu 免提交%zu 缺少%zu 有误%zu 未核对%zu",
    [MSG_CK_NEXT_CHECK] =
	"按键标记所选材料：1 已提供  2 缺少  3 有误  4 免提交；↑/↓ 选择",
    [MSG_CK_NEXT_ACCEPT] = "材料齐全，可以受理：按 F7 受理",
    [MSG_CK_NEXT_TOLERANT] =
	"缺少的都是可容缺材料：按 F7 容缺受理，或 F6 出具一次性告知书",
    [MSG_CK_NEXT_NOTICE] =
	"材料不齐且不能容缺：按 F6 出具一次性告知书，列明全部缺少和有误的材料",
    [MSG_CK_HOW] = "获取方式",
    [MSG_CK_MARKED] = "“%s”已标记为%s",
    [MSG_CK_DEFECT_ASK] = "问题说明",
    [MSG_CK_DEFECT_HELP] =
	"请写明这份材料的问题（如：未加盖公章），Enter 确认，Esc 取消",
    [MSG_CK_DEFECT_EMPTY] =
	"请写明材料有什么问题（最多200字），申请人才知道怎样改正",
    [MSG_NOTICE_TITLE] = "一次性告知书",
    [MSG_NOTICE_PREVIEW_HEAD] = "【预览】一次性告知书\n申请人：%s\n事项：%s（%"
				"s）\n\n经核对，您的申请还需要补正以下全部材料"
				"（一次告知，不再另行要求）：\n",
    [MSG_NOTICE_PREVIEW_FOOT] =
	"\n窗口：%s  经办人：%s  日期：%s\n办理地点：%s  "
	"咨询电话：%s\n告知书编号和核验码在出具时由服务器生成并签名。\n",
    [MSG_NOTICE_NOTHING] = "（没有缺少或有误的材料，无需出具告知书）",
    [MSG_NOTICE_PREVIEW_HINT] =
	"请与申请人核对预览内容，按 F2 出具告知书；Esc 返回修改核对结果",
    [MSG_NOTICE_ISSUED] = "已出具一次性告知书 %s：按 F6 打印，F7 存为文件",
    [MSG_NOTICE_ISSUED_LINE] =
	"告知书编号 %s  核验码 %s   F6 打印  F7 存文件  Esc 返回",
    [MSG_NOTICE_ISSUE_FIRST] = "请先按 F2 出具告知书，出具后才能打印或保存",
    [MSG_NOTICE_ONCE_HEAD] =
	"一次性告知规则：此前的告知书没有列出下列材料，这次不能再新增要求：",
    [MSG_NOTICE_ONCE_FOOT] = "如确需补充告知，请在下方写明理由后按 Enter 或 F2 "
			     "出具；该告知书将标记为“违反一次性告知”，并提交后"
			     "台审核。否则按 Esc 返回，改正核对结果。",
    [MSG_NOTICE_ONCE_REFUSED] = "服务器拒绝：告知书新增了此前没有告知的材料。请"
				"写明理由后再出具，或返回修改",
    [MSG_NOTICE_OVERRIDE] = "补充告知理由",
    [MSG_NOTICE_OVERRIDE_EMPTY] = "请写明补充告知的理由，才能出具这份告知书",
    [MSG_ACC_TITLE] = "受理",
    [MSG_ACC_NORMAL] =
	"材料齐全，可以正常受理。\n\n承诺时限：%d "
	"个工作日，受理后办结期限：%s\n\n按 F2（或 Enter）受理。\n",
    [MSG_ACC_HINT_NORMAL] = "核对无误后按 F2 受理；Esc 返回",
    [MSG_ACC_HINT_TOLERANT] =
	"容缺受理：请申请人在“确认姓名”处亲自输入姓名，然后按 F2 签署受理",
    [MSG_ACC_ELIGIBLE] = "✓ 符合容缺受理条件",
    [MSG_ACC_NOT_ELIGIBLE] = "不符合容缺受理条件，原因如下（全部列出）：",
    [MSG_ACC_SERVER_SAYS] =
	"服务器核验不符合容缺受理条件，原因如下（全部列出）：",
    [MSG_ACC_R_ITEM] = "本事项不在容缺受理清单内，只能在材料齐全后正常受理",
    [MSG_ACC_R_MAIN] = "主要材料未提供，主要材料不能容缺，请补齐后再受理：",
    [MSG_ACC_R_NOT_TOLERABLE] = "该材料不可容缺，请补齐或出具一次性告知书：",
    [MSG_ACC_R_CREDIT] =
	"申请人信用记录不允许容缺受理（近一年失信次数超过规定）",
    [MSG_ACC_R_DEADLINE] = "补交期限超过本事项允许的最长期限，请改短",
    [MSG_ACC_R_CONFIRM] =
	"申请人输入的确认姓名与申请人姓名不一致，请申请人重新输入",
    [MSG_ACC_R_NOTHING] = "材料已经齐全，请按正常受理",
    [MSG_ACC_R_OTHER] = "服务器拒绝了容缺受理，请联系后台审核人员",
    [MSG_ACC_CREDIT] = "信用记录：承诺 %d 次，按期补齐 %d 次，失信 %d "
		       "次，未到期 %d 次 —— %s\n",
    [MSG_ACC_CREDIT_OK] = "可以容缺受理",
    [MSG_ACC_CREDIT_BLOCKED] = "不能容缺受理",
    [MSG_ACC_NO_CREDIT] = "信用记录：申请人没有登记证件号码，无法查询",
    [MSG_ACC_COMMIT_MATERIALS] = "\n承诺书：申请人承诺补交 ",
    [MSG_ACC_COMMIT_DEADLINE] =
	"\n补交期限：%d 个工作日，截止 %s；逾期未补交将记入申请人信用记录。\n",
    [MSG_ACC_DAYS] = "补交期限（工作日）",
    [MSG_ACC_DAYS_HELP] =
	"可不填（用本事项默认期限）；改动后上方显示补交截止日",
    [MSG_ACC_DAYS_BAD] = "补交期限应为 1 至 %d 个工作日",
    [MSG_ACC_CONFIRM] = "申请人确认姓名",
    [MSG_ACC_CONFIRM_HELP] =
	"请申请人亲自输入本人姓名，表示同意承诺书内容；按 Enter 或 F2 签署受理",
    [MSG_ACC_REFUSED_NORMAL] = "不能正常受理：还有材料未提供，见上方列表",
    [MSG_ACC_REFUSED_TOLERANT] = "不能容缺受理：原因全部列在上方，请逐条处理",
    [MSG_ACC_DONE] = "已受理 %s，办结期限 %s",
    [MSG_ACC_DONE_NORMAL] = "办件 %s 已受理。\n\n办结期限：%s\n",
    [MSG_ACC_NOTHING_TO_PRINT] = "没有可打印的承诺书（容缺受理签署后才有）",
    [MSG_ACT_TITLE] = "办件处理",
    [MSG_ACT_COMMITMENT] = "承诺书 %s  补交截止 %s  状态：%s",
    [MSG_ACT_ALL_IN] = "承诺补交的材料已全部收齐",
    [MSG_ACT_SUPPLEMENT_HINT] =
	"补交材料：↑/↓ 选择申请人补交的材料，按 Enter 登记",
    [MSG_ACT_SUPPLEMENTED] = "已登记补交“%s”；承诺书状态：%s",
    [MSG_ACT_COMPLETE_HEAD] = "办结：选择审批结果并填写说明",
    [MSG_ACT_WITHDRAW_HEAD] = "撤回：申请人撤回申请，请写明原因",
    [MSG_ACT_RESULT] = "审批结果",
    [MSG_ACT_RESULT_HELP] = "用 ←/→ 或空格切换：准予批准、不予批准",
    [MSG_ACT_APPROVED] = "准予批准",
    [MSG_ACT_DENIED] = "不予批准",
    [MSG_ACT_NOTE] = "说明",
    [MSG_ACT_NOTE_HELP] =
	"写明办理结果（不予批准时写明理由）；按 Enter 或 F2 提交",
    [MSG_ACT_WITHDRAW_HELP] = "写明撤回原因；按 Enter 或 F2 提交",
    [MSG_ACT_DONE] = "办件 %s 现在的状态：%s",
    [MSG_RATE_TITLE] = "服务评价（好差评）",
    [MSG_RATE_ASK] = "请您对本次服务作出评价，按数字键 1 至 5",
    [MSG_RATE_THANKS] = "感谢您的评价！",
    [MSG_RATE_1] = "非常不满意",
    [MSG_RATE_2] = "不满意",
    [MSG_RATE_3] = "基本满意",
    [MSG_RATE_4] = "满意",
    [MSG_RATE_5] = "非常满意",
    [MSG_RATE_REASONS_ASK] =
	"请告诉我们哪里不满意（↑/↓ 选择，空格勾选，可多选）：",
    [MSG_RATE_R_SLOW] = "办理时间太长",
    [MSG_RATE_R_TRIPS] = "多次跑腿",
    [MSG_RATE_R_ATTITUDE] = "服务态度不好",
    [MSG_RATE_R_UNCLEAR] = "告知不清楚",
    [MSG_RATE_R_RULES] = "材料要求不合理",
    [MSG_RATE_COMMENT] = "其他意见",
    [MSG_RATE_PICK] = "请先按数字键 1 至 5 选择评价",
    [MSG_RATE_NEED_REASON] = "不满意的评价请至少勾选一个原因或写下意见",
    [MSG_RATE_HINT_REASONS] = "请勾选不满意的原因，然后按 Enter 提交",
    [MSG_RATE_HINT_CONFIRM] = "按 Enter 提交评价，或按其他数字键更改",
    [MSG_RATE_DONE] = "已记录评价：%d %s",
    [MSG_ACC_R_UNIDENTIFIED] =
	"申请人没有登记证件号码，无法查询信用记录，不能容缺受理",
    [MSG_KEY_TO_NOTICE] = "告知书",
    [MSG_KEY_TO_ACCEPT] = "受理",
    [MSG_HELP_CASE_NEW] = "新建办件\n  选择办理事项（Enter 或 F3 "
			  "查找，输入编码或名称筛选）和办事情形，\n  "
			  "填写申请人信息，F2 建立办件，随后进入材料核对。\n",
    [MSG_HELP_CHECKLIST] =
	"材料核对\n  ↑/↓ 选择材料，按一个键标记：1（或 p）已提供，2（或 "
	"m）缺少，\n  3（或 d）有误（需写明问题），4（或 "
	"s）免提交（电子证照、数据共享）。\n  标记后自动跳到下一项。“+ ? x ! "
	"=”标出状态，不只靠颜色。\n  F6 出具一次性告知书，F7 "
	"受理（材料齐全）或容缺受理，F5 刷新。\n",
    [MSG_HELP_NOTICE] =
	"一次性告知书\n  先预览将列明的全部缺少和有误的材料，F2 "
	"出具（服务器签名编号）。\n  出具后 F6 打印，F7 "
	"存为文件（数据目录）。\n  "
	"再次告知时不能新增此前没有告知的材料；确需新增须写明理由，\n  "
	"该告知书会提交后台审核。\n",
    [MSG_HELP_ACCEPT] =
	"受理\n  材料齐全时 F2 正常受理，显示办结期限。\n  "
	"缺少可容缺材料时为容缺受理：上方列出全部不符合的原因和信用记录；\n  "
	"符合时填写补交期限（工作日，显示截止日），请申请人亲自输入姓名，\n  "
	"F2 签署受理；之后 F6 打印承诺书，F7 存为文件。\n",
    [MSG_HELP_ACTIONS] = "办件处理\n  补交：↑/↓ 选择补交的材料，Enter "
			 "登记；全部补齐后承诺书履约。\n  "
			 "办结：选择准予或不予批准，写明说明，F2 提交。\n  "
			 "撤回：写明原因，F2 提交。\n",
    [MSG_HELP_RATING] =
	"服务评价\n  把屏幕转向申请人，按 1 至 5：5 非常满意，4 满意，3 "
	"基本满意，\n  2 不满意，1 非常不满意。选 1 或 2 "
	"时请勾选原因（空格）或写下意见，\n  Enter 提交。每件只能评价一次。\n",
    /* end of case screens (counter-b) */
    /* case timeline and expired sessions (counter-c) */
    [MSG_TL_SCHEDULER] = "系统",
    [MSG_TL_UNKNOWN] = "其他记录（%s）",
    [MSG_TL_ITEM] = "事项 %s，情形 %s",
    [MSG_TL_COUNT] = "%s %d",
    [MSG_TL_NOTICE] = "告知书 %s%s",
    [MSG_TL_ONCE_VIOLATION] = "，超出一次告知范围",
    [MSG_TL_DOC_NOTICE] = "告知书 %s",
    [MSG_TL_DOC_COMMITMENT] = "承诺书 %s",
    [MSG_TL_DEADLINE] = "补交期限 %d 个工作日",
    [MSG_TL_SUPPLEMENT] = "补交：%s",
    [MSG_TL_APPROVED] = "准予",
    [MSG_TL_DENIED] = "不予办理",
    [MSG_TL_RATING] = "%d %s",
    [MSG_TL_BREACH] = "承诺书 %s 期限 %s 已过，记入信用记录",
    [MSG_TL_DUE_DATE] = "期限 %s",
    [MSG_TL_DEEMED] = "期限 %s 已到，视为已办结",
    [MSG_TL_REVIEW] = "%s：%s",
    [MSG_TL_HANDOFF] = "转给 %s：%s",
    [MSG_TL_RESOLUTION] = "%s：%s",
    [MSG_SESSION_EXPIRED] =
	"登录已过期，请重新登录；未提交的内容已保存为草稿，登录后可恢复",
    [MSG_DOC_TITLE] = "办件文书",
    [MSG_DOC_COL_KIND] = "文书",
    [MSG_DOC_COL_NO] = "编号",
    [MSG_DOC_COL_TIME] = "出具时间",
    [MSG_DOC_KIND_NOTICE] = "一次性告知书",
    [MSG_DOC_KIND_COMMITMENT] = "容缺受理承诺书",
    [MSG_DOC_NONE] = "此办件还没有出具告知书或承诺书",
    [MSG_DOC_REPRINT_MARK] = "【补打】本件为 %s 的补打件，与原件同等有效\n\n",
    [MSG_DOC_HINT] = "↑/↓ 选文书，PgUp/PgDn 翻看内容；F6 补打，F7 存文件",
    [MSG_KEY_REPRINT] = "补打",
    [MSG_KEY_DOCUMENTS] = "文书",
    [MSG_HELP_DOC] =
	"办件文书\n"
	"  列出此办件出具过的每份告知书和承诺书，下方是所选文书的全文。\n"
	"  F6 补打：再打印一份，纸上注明“补打”，补打记入办理经过；\n"
	"  F7 把全文存为文本文件。Esc 返回办件详情。\n",
    [MSG_FIND_TITLE] = "查找办件和咨询",
    [MSG_FIND_LABEL] = "号码或姓名",
    [MSG_FIND_HINT] =
	"输入编号、申请人姓名、证件号码或电话，按 Enter 查找（含已办结）",
    [MSG_FIND_EMPTY] = "请先输入编号、姓名、证件号码或电话",
    [MSG_FIND_NONE] = "本窗口没有与“%s”相符的办件或咨询",
    [MSG_FIND_COUNT] = "找到 %zu 件；↑/↓ 选择，Enter 打开",
    [MSG_FIND_COL_KIND] = "类别",
    [MSG_FIND_COL_TIME] = "登记时间",
    [MSG_FIND_KIND_CASE] = "办件",
    [MSG_FIND_KIND_INQUIRY] = "咨询",
    [MSG_KEY_FIND] = "查找",
    [MSG_HELP_FIND] =
	"查找办件和咨询\n"
	"  在任何画面按 Ctrl-F（工作台上也可按 F3）打开。\n"
	"  输入编号、申请人姓名、证件号码或电话的一部分，按 Enter，\n"
	"  列出本窗口所有状态（含已办结、已结束）的办件和咨询；\n"
	"  输入完整编号按 Enter 直接打开。↑/↓ 选择，Enter 打开，Esc 返回。\n",

    /* issue 13 (counter): leaving a form, handoff targets and recall,
     * returning applicants */
    [MSG_LEAVE_ASK] = "填写的内容尚未提交：1 保存草稿  2 放弃  Esc 继续填写",
    [MSG_LEAVE_QUIT_ASK] =
	"填写的内容尚未提交，退出前：1 保存草稿  2 放弃  Esc 继续填写",
    [MSG_LEAVE_GO_ON] = "请继续填写",
    [MSG_LEAVE_SAVED] = "已保存草稿：在工作台“未提交的草稿”中按 Enter 恢复",
    [MSG_LEAVE_DROPPED] = "已放弃刚才填写的内容",
    [MSG_HO_PICK_TITLE] = "选择转办对象",
    [MSG_HO_PICK_NONE] = "没有相符的窗口或部门，请换个词（窗口号或部门名称）",
    [MSG_HO_PICK_COUNT] =
	"共 %zu 个；输入窗口号或部门名称筛选，↑/↓ 选择，Enter 选定",
    [MSG_HO_BOUNCE_WARN] =
	"注意：此咨询已转办两次，再转将认定为推诿并送审核；能办理请直接办理",
    [MSG_HO_BOUNCE_CONFIRM] =
	"这次转办将认定为推诿并送审核：确需转办请再按 F2，否则按 Esc",
    [MSG_KEY_RECALL] = "撤回转办",
    [MSG_IV_RECALLED] = "已撤回转办，此咨询回到您的待办，可重新转办或直接办理",
    [MSG_IV_NOTHING_TO_RECALL] = "没有您发出、等待对方接收的转办",
    [MSG_Q_NEW_HANDOFF] = "有新转给本窗口的咨询待接收",
    [MSG_NAME_CHARSET] =
	"姓名只能用汉字、字母、数字和 · （ ）-，不能有表情或符号",
    [MSG_LIMIT_REACHED] = "%s最多%zu个字，已到上限，后面的字没有输入",
    [MSG_CTRL_C] =
	"Ctrl-C 不会退出（以免丢失正在填写的内容）：要退出请按 F10 或 Esc 0",
    [MSG_TERM_DUMB] =
	"wincase：终端类型 %s 不能显示全屏界面（无法移动光标）。\n"
	"请在 xterm、linux 控制台、screen/tmux 或 vt100 等终端中使用，"
	"或设置正确的 TERM 后再启动。\n",
    [MSG_TERM_UNKNOWN] =
	"wincase：不认识这个终端类型（TERM 未设置或没有它的 terminfo）。"
	"请设置 TERM（如 xterm-256color、linux、vt100）后再启动。",
    /* end of issue 13 (counter) */
};

/* The Linux console has no CJK glyphs: these words stand in for
 * the key bar, the status line and the headings there. */
static const char *const table_ascii[MSG_COUNT] = {
    [MSG_APP_NAME] = "wincase",
    [MSG_NOT_LOGGED_IN] = "not logged in",
    [MSG_STATUS_USER] = "user",
    [MSG_STATUS_WINDOW] = "window",
    [MSG_STATUS_ONLINE] = "server: online",
    [MSG_STATUS_OFFLINE] = "server: OFFLINE",
    [MSG_TOO_SMALL] = "Terminal too small: 80x24 needed",
    [MSG_BUSY_CONNECTING] = "connecting...",
    [MSG_CALENDAR_ENDING] =
	"calendar ends %s (%d days left): import the next year",
    [MSG_BUSY_LOADING] = "loading...",
    [MSG_BUSY_SAVING] = "saving...",
    [MSG_KEY_HELP] = "Help",
    [MSG_KEY_TR_HINT] = "Hint",
    [MSG_KEY_TR_PANEL] = "Brief",
    [MSG_KEY_TR_MENU] = "Training",
    [MSG_KEY_SUBMIT] = "Submit",
    [MSG_KEY_LOGIN] = "Login",
    [MSG_KEY_ITEM] = "Item",
    [MSG_KEY_NEW] = "New",
    [MSG_KEY_REFRESH] = "Refresh",
    [MSG_KEY_BACK] = "Back",
    [MSG_KEY_CHOOSE] = "Choose",
    [MSG_KEY_QUIT] = "Quit",
    [MSG_KEY_FALLBACK] = "no F-keys: Esc+digit",
    [MSG_LOGIN_TITLE] = "Login",
    [MSG_LOGIN_USER] = "User",
    [MSG_LOGIN_PASSWORD] = "Password",
    [MSG_LOGIN_WINDOW] = "Window",
    [MSG_LOGIN_USER_HELP] = "Your work account",
    [MSG_LOGIN_PASSWORD_HELP] = "Shown as *",
    [MSG_LOGIN_WINDOW_HELP] = "Window number, may be empty; Enter logs in",
    [MSG_LOGIN_WELCOME] =
	"This console cannot show Chinese: ASCII labels are used where "
	"possible. Use a UTF-8 terminal for full text.",
    [MSG_LOGIN_SERVER] = "Server",
    [MSG_HOME_TITLE] = "My inquiries",
    [MSG_HELP_TITLE] = "Help",
    [MSG_RV_KEY_DECIDE] = "Decide",
    [MSG_RV_KEY_OPEN] = "Open",
    [MSG_RV_KEY_SEARCH] = "Search",
    [MSG_RV_KEY_AUDIT] = "Audit",
    [MSG_RV_KEY_STATS] = "Stats",
    [MSG_RV_KEY_EXPORT] = "CSV",
    [MSG_RV_KEY_VERIFY] = "Verify",
    [MSG_RV_KEY_PRINT] = "Print",
    [MSG_RV_KEY_QUERY] = "Query",
    [MSG_RV_TITLE] = "Review queue",
    [MSG_RV_KIND_TOLERANT] = "tolerant",
    [MSG_RV_KIND_ONCE] = "once-rule",
    [MSG_RV_KIND_BREACH] = "breach",
    [MSG_RV_KIND_OVERDUE] = "overdue",
    [MSG_RV_KIND_BOUNCED] = "bounced",
    [MSG_RV_KIND_RECTIFY] = "rectify",
    [MSG_RV_COL_KIND] = "Kind",
    [MSG_RV_COL_REF] = "Ref",
    [MSG_RV_COL_SUMMARY] = "Summary",
    [MSG_RV_COL_SINCE] = "Since",
    [MSG_RV_PENDING] = "pending",
    [MSG_RV_SHORT_TOLERANT] = "tol",
    [MSG_RV_SHORT_ONCE] = "once",
    [MSG_RV_SHORT_BREACH] = "brch",
    [MSG_RV_SHORT_OVERDUE] = "over",
    [MSG_RV_SHORT_BOUNCED] = "bnc",
    [MSG_RV_SHORT_RECTIFY] = "rect",
    [MSG_RV_COUNTS_SEP] = ": ",
    [MSG_RV_ITEM_TITLE] = "Review item",
    [MSG_RV_DECIDE_TITLE] = "Decision",
    [MSG_RV_SEARCH_TITLE] = "Search",
    [MSG_RV_AUDIT_TITLE] = "Audit trail",
    [MSG_RV_AUDIT_COL_SEQ] = "Seq",
    [MSG_RV_AUDIT_COL_AT] = "At",
    [MSG_RV_AUDIT_COL_ACTOR] = "Actor",
    [MSG_RV_AUDIT_COL_ACTION] = "Action",
    [MSG_RV_AUDIT_COL_DATA] = "Data",
    [MSG_RV_CHAIN_OK] = "Audit chain intact: %ld entries verified",
    [MSG_RV_CHAIN_BROKEN] = "AUDIT CHAIN BROKEN at entry %ld: report it",
    [MSG_RV_CHAIN_MISSING] =
	"AUDIT CHAIN CUT: entries after %ld are missing: report it",
    [MSG_RV_CHAIN_REWRITTEN] =
	"AUDIT CHAIN REWRITTEN from entry %ld: report it",
    [MSG_RV_CHAIN_CHECKPOINT] = "; last signed checkpoint %s (entry %ld)",
    [MSG_RV_CHAIN_NO_CHECKPOINT] = "; no signed checkpoint yet",
    [MSG_RV_STATS_TITLE] = "Statistics",
    [MSG_RV_STATS_SAT] = "Satisf.",
    [MSG_RV_STAT_KEY] = "Group",
    [MSG_RV_STAT_INQUIRIES] = "Inq",
    [MSG_RV_STAT_BOUNCED] = "Bnc",
    [MSG_RV_STAT_CASES] = "Cases",
    [MSG_RV_STAT_NOTICES] = "Notc",
    [MSG_RV_STAT_ONCE] = "Once",
    [MSG_RV_STAT_ACCEPTED] = "Acc",
    [MSG_RV_STAT_TOLERANT] = "Tol",
    [MSG_RV_STAT_FULFILLED] = "Ful",
    [MSG_RV_STAT_BREACHED] = "Brch",
    [MSG_RV_STAT_OVERDUE] = "Over",
    [MSG_RV_STAT_DEEMED] = "Deem",
    [MSG_RV_STAT_COMPLETED] = "Done",
    [MSG_RV_IDLE_OUT] = "Idle for %ld s: logged out. Please log in again.",
    [MSG_TR_BANNER] = "[TRAINING]",
};

static bool ascii_mode;

void msg_set_ascii(bool on)
{
	ascii_mode = on;
}

const char *msg(enum msg_id id)
{
	if (id >= MSG_COUNT)
		return "?";
	if (ascii_mode && table_ascii[id])
		return table_ascii[id];
	if (table[id])
		return table[id];
	if (msg_table_training[id])
		return msg_table_training[id];
	if (msg_table_offline[id])
		return msg_table_offline[id];
	return msg_table_review[id] ? msg_table_review[id] : "?";
}

struct code_text {
	const char *code;
	const char *text;
};

static const struct code_text field_texts[] = {
    {"applicant.name",
     "申请人姓名不符合要求：最多100个字，只用汉字、字母、数字和 ·"},
    {"applicant.id_type", "证件类型不正确，请重新选择"},
    {"applicant.id_no", "证件号码不正确，请逐位核对后重新输入"},
    {"applicant.phone", "联系电话不正确：手机号为11位，座机请带区号"},
    {"channel", "来访渠道不正确，请重新选择"},
    {"topic", "咨询内容不符合要求：最多2000字"},
    {"item_code", "所选事项不存在，请重新选择"},
    {"window", "窗口号不正确，请核对后重新输入或不填"},
    {"username", "请填写用户名"},
    {"to_window", "窗口号不正确，请核对后重新输入"},
    {"to_department", "部门名称不正确，请填写部门全称"},
    {"reason", "转办原因不符合要求：必须填写，最多2000字"},
    {"note", "说明不符合要求：必须填写，最多2000字"},
    {"resolution", "办结方式不正确，请重新选择"},
    {"password", "请填写密码"},
    {"scenario_id", "请选择办事情形"},
    {"commitment.deadline_days", "补交期限超出本事项允许的范围，请改短"},
    {"commitment.applicant_confirmation", "确认姓名须与申请人姓名完全一致"},
    {"reasons", "不满意的评价须说明原因"},
};

/* Audit actions (api_audit and scheduler_audit in server/) by Chinese name. */
static const struct code_text action_texts[] = {
    {"case.create", "立案"},
    {"case.checklist", "核验材料"},
    {"case.notice", "出具一次性告知书"},
    {"document.issue", "签发文书"},
    {"document.reprint", "补打文书"},
    {"case.accept", "受理"},
    {"case.accept.tolerant", "容缺受理"},
    {"case.supplement", "补交材料"},
    {"case.complete", "办结"},
    {"case.withdraw", "撤回"},
    {"case.rating", "评价"},
    {"case.overdue", "超期"},
    {"case.deemed", "超时默认"},
    {"case.due_resolved", "确定办结时限"},
    {"commitment.breach", "逾期未补交"},
    {"commitment.waive", "免除补交承诺"},
    {"review.decide", "审核"},
    {"review.due_date", "确定整改期限"},
    /* issue 14: the reviewer queue worked by a team */
    {"review.take", "领取审核事项"},
    {"review.release", "退回审核事项"},
    {"review.assign", "转交审核事项"},
    {"review.step", "填写整改步骤"},
    {"inquiry.create", "登记咨询"},
    {"inquiry.handoff", "转办"},
    {"inquiry.ack", "接收转办"},
    {"inquiry.close", "办结咨询"},
    {"inquiry.bounced", "推诿"},
    /* review decisions and inquiry resolutions, for the summaries */
    {"decision.approve", "同意"},
    {"decision.return", "退回"},
    {"decision.waive", "免除"},
    {"decision.rectified", "已整改"},
    {"resolution.answered", "已答复"},
    {"resolution.referred", "已转办"},
    {"resolution.converted", "已转为办件"},
    {"resolution.no_action", "无需办理"},
};

const char *msg_for_action(const char *action)
{
	for (size_t i = 0;
	     action && i < sizeof(action_texts) / sizeof(*action_texts); i++)
		if (strcmp(action_texts[i].code, action) == 0)
			return action_texts[i].text;
	return NULL;
}

const char *msg_for_field(const char *field)
{
	for (size_t i = 0;
	     field && i < sizeof(field_texts) / sizeof(*field_texts); i++)
		if (strcmp(field_texts[i].code, field) == 0)
			return field_texts[i].text;
	return NULL;
}

void msg_for_error(const struct wc_error *err, char *out, size_t size)
{
	const char *field = msg_for_field(err->field);

	if (strcmp(err->code, "invalid_field") == 0 && field) {
		snprintf(out, size, "%s", field);
		return;
	}
	/* issue 13.4: core's table says what happened and what to do; an
	 * unknown code gets a general sentence, never the code itself. */
	error_text_format(err->code, out, size);
}

static const char *id_name(enum id_type type)
{
	switch (type) {
	case ID_RESIDENT:
		return "身份证号";
	case ID_USCC:
		return "统一社会信用代码";
	case ID_PASSPORT:
		return "护照号码";
	default:
		return "证件号码";
	}
}

void msg_for_id(enum id_type type, enum validate_result result, size_t chars,
		char *out, size_t size)
{
	const char *name = id_name(type);

	switch (result) {
	case VALID_OK:
		snprintf(out, size, "%s", "");
		break;
	case VALID_LENGTH:
		if (type == ID_PASSPORT)
			snprintf(out, size, "护照号码应为5至20位，已输入%zu位",
				 chars);
		else if (type == ID_OTHER)
			snprintf(out, size, "证件号码最多40个字");
		else
			snprintf(out, size, "%s应为18位，已输入%zu位", name,
				 chars);
		break;
	case VALID_CHARSET:
		if (type == ID_RESIDENT)
			snprintf(out, size,
				 "身份证号只能是数字，最后一位可以是 X");
		else if (type == ID_USCC)
			snprintf(out, size,
				 "统一社会信用代码只含数字和大写字母"
				 "（没有 I、O、S、V、Z）");
		else
			snprintf(out, size, "%s只能含大写字母和数字", name);
		break;
	case VALID_BIRTH_DATE:
		snprintf(out, size,
			 "身份证号中的出生日期（第7至14位）不存在，请核对");
		break;
	case VALID_CHECK:
		snprintf(out, size, "%s校验位不正确，请逐位核对", name);
		break;
	default:
		snprintf(out, size, "%s含有不能使用的字符，请重新输入", name);
		break;
	}
}

void msg_for_phone(enum validate_result result, char *out, size_t size)
{
	if (result == VALID_OK)
		snprintf(out, size, "%s", "");
	else
		snprintf(out, size,
			 "电话不正确：手机为1开头的11位数字，"
			 "座机带区号，如 0571-87654321");
}

void msg_for_text(const char *what, enum validate_result result,
		  size_t max_chars, char *out, size_t size)
{
	switch (result) {
	case VALID_OK:
		snprintf(out, size, "%s", "");
		break;
	case VALID_TOO_LONG:
		snprintf(out, size, "%s最多%zu个字，请删减", what, max_chars);
		break;
	case VALID_EMPTY:
		snprintf(out, size, "%s必须填写", what);
		break;
	default:
		snprintf(out, size, "%s含有不能使用的字符，请重新输入", what);
		break;
	}
}
