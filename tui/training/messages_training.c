/* messages_training.c - training mode's words (Simplified Chinese). */
#include "common/messages.h"

/* Training mode: its own table, like the reviewer's. */
const char *const msg_table_training[MSG_COUNT] = {
    [MSG_TR_BANNER] = "【培训模式 TRAINING】",
    [MSG_TR_SAMPLE] = "培训样张",
    [MSG_TR_STARTING] = "正在启动培训服务器，请稍候……",
    [MSG_TR_STARTED] = "培训模式：学员 trainee1 / 老师 trainer1，密码 "
		       "%s（练习数据，不连正式系统）",
    [MSG_TR_START_FAILED] = "培训服务器启动失败：%s。请联系管理员",
    [MSG_KEY_TRAINING] = "培训模式",
    [MSG_KEY_START] = "开始练习",
    [MSG_KEY_TR_MENU] = "培训菜单",
    [MSG_KEY_TR_PANEL] = "情景说明",
    [MSG_KEY_TR_HINT] = "提示",
    [MSG_TR_LIST_TITLE] = "培训情景",
    [MSG_TR_LIST_HEAD] =
	"选一个情景按 Enter 开始。练习中：F11 情景说明，F1 提示（扣分），F12 "
	"或 Ctrl-T 培训菜单（时间前进、完成练习）",
    [MSG_TR_COL_ID] = "编号",
    [MSG_TR_COL_TITLE] = "情景",
    [MSG_TR_COL_RULES] = "规则",
    [MSG_TR_COL_BEST] = "最好成绩",
    [MSG_TR_NOT_TRIED] = "未练习",
    [MSG_TR_BEGUN] = "练习开始：%s。右侧是情景说明（F11 翻页或关闭），F12 或 "
		     "Ctrl-T 打开培训菜单",
    [MSG_TR_PANEL_BRIEF] = "情景说明 %d/2（F11）",
    [MSG_TR_PANEL_SAYS] = "申请人说：",
    [MSG_TR_PANEL_APPLICANT] = "申请人：%s",
    [MSG_TR_PANEL_ID] = "证件号码：%s",
    [MSG_TR_PANEL_PHONE] = "联系电话：%s",
    [MSG_TR_PANEL_MATERIALS] = "申请人带来的材料：",
    [MSG_TR_PANEL_HINTS] = "已用提示：",
    [MSG_TR_PANEL_KEYS] = "F1 提示  F12 培训菜单",
    [MSG_TR_PANEL_TRAVEL] = "办件“%s”后可在培训菜单里时间前进 %d 个工作日",
    [MSG_TR_COND_PROVIDED] = "带齐",
    [MSG_TR_COND_MISSING] = "没带",
    [MSG_TR_COND_DEFECTIVE] = "有问题：%s",
    [MSG_TR_COND_SHARED] = "可共享获取（免提交）",
    [MSG_TR_HINT] = "提示 %zu（扣 %d 分）：%s",
    [MSG_TR_NO_HINT] = "本情景没有更多提示了",
    [MSG_TR_MENU_TITLE] = "培训菜单",
    [MSG_TR_MENU_PANEL] = "显示或隐藏情景说明（F11）",
    [MSG_TR_MENU_HINT] = "下一条提示（F1，每条扣分）",
    [MSG_TR_MENU_TRAVEL] = "时间前进 %d 个工作日",
    [MSG_TR_MENU_DEBRIEF] = "完成练习，查看讲评",
    [MSG_TR_MENU_ABANDON] = "放弃本练习，返回情景列表（不记成绩）",
    [MSG_TR_MENU_HELP] = "按数字键，或用上下键选择后按 Enter；Esc 返回练习",
    [MSG_TR_TRAVEL_NOT_YET] = "办件办到“%s”之后才能时间前进，请先完成受理",
    [MSG_TR_TRAVEL_DONE] =
	"时间已前进 %d 个工作日，今天是 %s；按 F5 刷新查看办件",
    [MSG_TR_TRAVEL_ONCE] = "本练习已经时间前进过了",
    [MSG_TR_TRAVEL_NONE] = "本情景不需要时间前进",
    [MSG_TR_COLLEAGUE_ACK] = "%s 已接收你的转办，按 F5 刷新查看",
    [MSG_TR_DEBRIEF_TITLE] = "练习讲评",
    [MSG_TR_SCORE] =
	"得分 %d / %d（做对 %d 分，提示扣 %d 分）  用时 %d 分 %02d 秒",
    [MSG_TR_PASSED] = "✓ 通过",
    [MSG_TR_FAILED] = "✗ 未通过",
    [MSG_TR_CHECK_LINE] = "%s  %s %s  %d/%d 分",
    [MSG_TR_FOUND] = "    实际：%s",
    [MSG_TR_RULE_R1] = "首问负责",
    [MSG_TR_RULE_R2] = "一次性告知",
    [MSG_TR_RULE_R3] = "容缺受理",
    [MSG_TR_RULE_R4] = "限时办结",
    [MSG_TR_RULE_R5] = "好差评",
    [MSG_TR_RULE_R6] = "岗位权限",
    [MSG_TR_RULES_HEAD] = "规则：",
    [MSG_TR_DEBRIEF_SAVED] = "成绩已保存。Enter 或 Esc 返回情景列表",
    [MSG_TR_DEBRIEF_UNSAVED] = "成绩未能保存（%s），请告诉培训老师",
    [MSG_TR_GATHER_FAILED] = "读取练习结果失败：%s",
    [MSG_TR_PROGRESS_TITLE] = "学员进度",
    [MSG_TR_PROGRESS_HEAD] = "全部情景计：已练情景数、最好成绩之和；Enter "
			     "学员明细，F5 刷新，F6 导出 CSV",
    [MSG_TR_PROGRESS_EMPTY] = "还没有学员的练习成绩",
    [MSG_TR_COL_TRAINEE] = "学员",
    [MSG_TR_COL_ATTEMPTS] = "练习次数",
    [MSG_TR_COL_SCENARIOS] = "情景数",
    [MSG_TR_COL_TOTAL] = "总分/满分",
    [MSG_TR_COL_TIME] = "用时",
    [MSG_TR_NO_SCENARIOS] = "没有找到培训情景（conf/training），请联系管理员",
    [MSG_TR_PREPARING] = "正在为本次练习准备全新的练习数据，请稍候……",
    [MSG_TR_SAVED_LOCALLY] =
	"成绩已保存在本机，未能存入共享文件夹（%s），请告诉培训老师",
    [MSG_TR_NO_ATTEMPT] = "该学员还没有练过这个情景",
    [MSG_TR_COL_DONE] = "已练情景",
    [MSG_TR_COL_LOST] = "失分项（最好一次）",
    [MSG_TR_COL_MAX] = "满分",
    [MSG_TR_TRAINEE_TITLE] = "学员成绩",
    [MSG_TR_TRAINEE_HEAD] = "学员 %s：已练 %zu/%zu 个情景，总分 %ld/%ld。"
			    "Enter 看该情景最好一次的讲评",
    [MSG_TR_DEBRIEF_OF] = "学员 %s 的最好一次练习",
    [MSG_TR_EXPORTED] = "已导出到 %s",
    [MSG_TR_EXPORT_FAILED] = "导出失败：%s。请检查培训文件夹是否可写",
    [MSG_TR_UNREADABLE] = "有 %zu 个成绩文件或共享文件夹无法读取，未计入",
    [MSG_KEY_TR_DETAIL] = "学员明细",
    [MSG_KEY_TR_DEBRIEF] = "看讲评",
    [MSG_KEY_TR_EXPORT] = "导出CSV",
    [MSG_TR_CSV_SECONDS] = "用时（秒）",
    [MSG_TR_PANEL_KEYS_PAGE] = "F11 翻页  其他键回到工作台  F1 提示  F12 菜单",
    [MSG_TR_RESTRICTED] =
	"受限模式下不能从登录界面进入培训模式；请在窗口电脑上用 wincase "
	"--training 启动",
    [MSG_HELP_TRAINING] =
	"培训模式\n  "
	"练习用的是本机临时服务器和虚构的申请人，不连正式系统，退出即删除。\n  "
	"情景列表：上下键选择，Enter 开始。练习时用平常的工作台和办件界面。\n  "
	"F11 情景说明（两页：说明与申请人的话；申请人和材料）。\n  F1 "
	"下一条提示（每条扣分）。F12 或 Ctrl-T "
	"培训菜单：时间前进、完成练习看讲评、放弃。\n  "
	"讲评逐项列出检查是否通过、对应规则 "
	"R1–R5、得分和用时；成绩按学员保存，\n  "
	"培训老师（trainer1）登录后看到学员进度。打印和保存的文书都带“培训样张”"
	"字样。\n",
};
