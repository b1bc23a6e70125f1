/* error_text.c - the Chinese words of the API's error codes and values, as
 * data (issue 13.4). tests/unit/test_error_text.c reads docs/api.md and
 * fails on a code or value this file does not know. */
#include <stdio.h>
#include <string.h>

#include "wincase/error_text.h"

/* Sorted by nothing but topic; the table is small enough to scan. */
static const struct error_text errors[] = {
    /* the transport (client side, never on the wire) */
    {"offline", "无法连接服务器", "请检查网络，稍后按 F5 刷新或重新提交"},
    {"queued", "已保存到本机离线日志（未生效）",
     "这项需要服务器审核或签章，联网后自动提交，不会打印正式文书"},
    {"bad_response", "服务器的回答无法识别", "请稍后重试；仍不行请联系管理员"},
    {"bad_url", "服务器地址不正确",
     "地址应以 http:// 或 https:// 开头，请联系管理员改正配置"},
    {"plain_http", "服务器地址未加密，只能用于本机",
     "请改用 https:// 地址，或请管理员允许明文连接"},
    /* the conventions of API.md */
    {"bad_request", "提交的内容格式有误", "请检查后重试；仍出错请联系管理员"},
    {"unauthenticated", "登录已过期", "请重新登录"},
    {"bad_credentials", "用户名或密码不正确", "请重新输入"},
    {"rate_limited", "登录失败次数过多", "请 5 分钟后再试"},
    {"forbidden", "您的账号没有这项操作的权限",
     "如确需办理，请联系管理员或本部门负责人"},
    {"not_found", "没有找到这条记录", "请按 F5 刷新后再试"},
    {"method_not_allowed", "服务器不接受这种操作", "请联系管理员检查程序版本"},
    {"version_conflict", "记录已被他人修改",
     "请按 F5 刷新，看过最新内容后再操作"},
    {"precondition_required", "记录版本缺失", "请按 F5 刷新后再操作"},
    {"too_large", "提交的内容太长", "请删减后再提交"},
    {"unsupported_media_type", "提交的内容格式不被接受",
     "请联系管理员检查程序版本"},
    {"invalid_field", "有填写不符合要求的项目", "请按提示修改后再提交"},
    {"idempotency_key_reused", "这份登记已用不同内容提交过", "请再按一次提交"},
    {"internal", "服务器内部出错", "请稍后重试；仍出错请联系管理员"},
    /* sessions and users */
    {"window_not_allowed", "您的账号不能在这个窗口登录",
     "请核对窗口号，或请管理员为您登记这个窗口"},
    {"training_only", "学员账号只能在培训模式中登录",
     "请在登录界面按 F6 进入培训模式"},
    {"user_exists", "这个用户名已有人使用", "请换一个用户名"},
    /* catalog and calendar */
    {"calendar_missing", "服务器缺少该年度的工作日历", "请联系管理员导入日历"},
    {"catalog_changed", "事项目录已更新，与这件办件的事项不一致",
     "请按 F5 刷新；仍不行请联系管理员"},
    /* inquiries (R1) */
    {"inquiry_closed", "此咨询已办结，不能再更改",
     "如需继续办理，请登记新咨询"},
    {"already_acknowledged", "这项转办已被接收", "无需再接收，按 F5 刷新"},
    {"resolution_not_allowed", "不能这样办结",
     "“已转办”须对方已接收，“已转为办件”须先建办件；请改选"},
    {"handoff_pending", "已有一笔转办等待对方接收",
     "可撤回后再转（在咨询详情按 F7 撤回）"},
    {"handoff_target_unknown", "没有这个窗口或部门",
     "请按 F3 从列表中选择转办对象"},
    {"handoff_not_pending", "这项转办已被接收或已撤回，不能再撤回",
     "按 F5 刷新查看"},
    /* cases (R2, R3, R4, R5) */
    {"invalid_state", "办件当前的状态不允许这项操作",
     "请按 F5 刷新后查看办件状态"},
    {"checklist_unchecked", "还有材料未核对",
     "请先逐项标记全部材料，告知书须一次列全"},
    {"checklist_incomplete", "还有材料未提供，不能正常受理",
     "请补齐材料，或出具一次性告知书"},
    {"notice_once_violation", "告知书新增了此前没有告知的材料",
     "须写明理由才能出具，并会送审核"},
    {"nothing_missing", "没有缺少或有误的材料",
     "不需要出具一次性告知书，可直接受理"},
    {"not_tolerable", "不符合容缺受理条件", "请按列出的原因逐项处理"},
    {"no_open_commitment", "这件办件没有待补交的承诺书", "无需登记补交"},
    {"already_supplied", "这份材料已经补交过", "无需再登记，按 F5 刷新"},
    {"commitment_open", "容缺承诺还有材料未补交，不能准予办结",
     "请先登记补交，或办结为不予办理"},
    {"already_rated", "这件办件已经评价过", "每件只能评价一次"},
    /* review */
    {"own_case", "这件是您在窗口经办的",
     "经办人不能审核自己的办件，请交给其他审核人员"},
    {"already_decided", "这一项已经有了审核决定", "按 F5 刷新查看"},
    {"decision_not_allowed", "这一类审核事项不能作这个决定", "请改选其他决定"},
    {"taken_by_other", "这一项已由其他审核人员领取",
     "您不能对它作出决定，按 F5 刷新查看"},
    {"not_taken", "这一项还没有人领取", "无需放回"},
    {"store_unavailable", "案件数据库暂时无法连接，这次没有保存任何内容",
     "请稍后重试；仍不行请联系管理员"},
    {"deadline_too_long", "整改期限超过了允许的最长期限",
     "请改选不晚于提示日期的期限"},
    {"step_out_of_order", "整改步骤顺序不对",
     "请按 核实 → 整改 → 反馈 的顺序填写"},
};

const struct error_text *error_text_find(const char *code)
{
	for (size_t i = 0; code && i < sizeof(errors) / sizeof(*errors); i++)
		if (strcmp(errors[i].code, code) == 0)
			return &errors[i];
	return NULL;
}

bool error_text_format(const char *code, char *out, size_t size)
{
	const struct error_text *e = error_text_find(code);

	if (!e) {
		snprintf(out, size, "%s",
			 "服务器没有办理这项操作：请按 F5 刷新后重试；"
			 "仍不行请联系管理员");
		return false;
	}
	snprintf(out, size, "%s：%s", e->what, e->next);
	return true;
}

struct value_text {
	const char *set;
	const char *value;
	const char *text;
};

static const struct value_text values[] = {
    {"role", "clerk", "窗口工作人员"},
    {"role", "reviewer", "后台审核"},
    {"role", "admin", "管理员"},
    {"role", "trainee", "学员"},
    {"channel", "counter", "窗口"},
    {"channel", "phone", "电话"},
    {"channel", "online", "网上"},
    {"id_type", "resident_id", "居民身份证"},
    {"id_type", "uscc", "统一社会信用代码"},
    {"id_type", "passport", "护照"},
    {"id_type", "other", "其他证件"},
    {"inquiry.status", "open", "办理中"},
    {"inquiry.status", "handed_off", "转办待接收"},
    {"inquiry.status", "referred", "已转办"},
    {"inquiry.status", "closed", "已办结"},
    {"resolution", "answered", "已答复"},
    {"resolution", "referred", "已转办"},
    {"resolution", "converted", "已转为办件"},
    {"resolution", "no_action", "无需办理"},
    {"resolution.reason", "no_acknowledged_handoff", "没有已接收的转办"},
    {"resolution.reason", "case_id_missing", "没有写明办件"},
    {"resolution.reason", "case_not_from_inquiry",
     "这件办件不是由此咨询建立的"},
    {"handoff.status", "waiting", "待接收"},
    {"handoff.status", "acknowledged", "已接收"},
    {"handoff.status", "recalled", "已撤回"},
    {"case.status", "checking", "核验材料"},
    {"case.status", "notified", "已告知"},
    {"case.status", "accepted", "已受理"},
    {"case.status", "accepted_tolerant", "容缺受理"},
    {"case.status", "completed", "已办结"},
    {"case.status", "denied", "不予办理"},
    {"case.status", "withdrawn", "已撤回"},
    {"checklist.state", "pending", "未核对"},
    {"checklist.state", "provided", "已提供"},
    {"checklist.state", "missing", "缺少"},
    {"checklist.state", "defective", "有误"},
    {"checklist.state", "shared", "免提交"},
    {"material.role", "main", "主要材料"},
    {"material.role", "secondary", "次要材料"},
    {"material.form", "original", "原件"},
    {"material.form", "copy", "复印件"},
    {"material.form", "electronic", "电子件"},
    {"accept.mode", "normal", "正常受理"},
    {"accept.mode", "tolerant", "容缺受理"},
    {"not_tolerable.reason", "item_not_tolerant", "本事项不在容缺受理清单内"},
    {"not_tolerable.reason", "main_material_open", "主要材料未齐"},
    {"not_tolerable.reason", "material_not_tolerable", "所缺材料不可容缺"},
    {"not_tolerable.reason", "credit_blocked", "申请人有失信记录"},
    {"not_tolerable.reason", "deadline_too_long", "补交期限超出上限"},
    {"not_tolerable.reason", "confirmation_mismatch", "确认姓名与申请人不一致"},
    {"not_tolerable.reason", "nothing_missing", "材料已齐，请正常受理"},
    {"not_tolerable.reason", "applicant_unidentified", "申请人没有登记证件"},
    {"result", "approved", "准予"},
    {"result", "denied", "不予办理"},
    {"commitment.status", "open", "待补交"},
    {"commitment.status", "fulfilled", "已补齐"},
    {"commitment.status", "breached", "逾期未补交"},
    {"commitment.status", "waived", "已免除"},
    {"document.kind", "notice", "一次性告知书"},
    {"document.kind", "commitment", "承诺书"},
    {"review.kind", "tolerant_acceptance", "容缺受理"},
    {"review.kind", "once_violation", "违反一次性告知"},
    {"review.kind", "breach", "逾期未补交"},
    {"review.kind", "overdue", "超期"},
    {"review.kind", "bounced", "推诿"},
    {"review.kind", "rectification", "差评整改"},
    {"review.status", "pending", "待审核"},
    {"review.status", "done", "已审核"},
    {"decision", "approve", "同意"},
    {"decision", "return", "退回"},
    {"decision", "waive", "免除"},
    {"decision", "rectified", "已整改"},
    {"stats.group_by", "window", "按窗口"},
    {"stats.group_by", "clerk", "按工作人员"},
    {"stats.group_by", "item", "按事项"},
    {"handoff_target.kind", "window", "窗口"},
    {"handoff_target.kind", "department", "部门"},
};

const char *value_text_find(const char *set, const char *value)
{
	for (size_t i = 0; set && value && i < sizeof(values) / sizeof(*values);
	     i++)
		if (strcmp(values[i].set, set) == 0 &&
		    strcmp(values[i].value, value) == 0)
			return values[i].text;
	return NULL;
}
