/* messages.c - the client's words (Simplified Chinese). */
#include <stdio.h>
#include <string.h>

#include "messages.h"

static const char *const table[MSG_COUNT] = {
    [MSG_APP_NAME] = "wincase 政务服务窗口",
    [MSG_NOT_LOGGED_IN] = "未登录",
    [MSG_STATUS_USER] = "用户",
    [MSG_STATUS_WINDOW] = "窗口",
    [MSG_STATUS_ONLINE] = "服务器：在线",
    [MSG_STATUS_OFFLINE] = "服务器：离线",
    [MSG_TOO_SMALL] = "终端窗口太小，请放大到至少 80×24",
    [MSG_BUSY_CONNECTING] = "正在连接服务器……",
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
	"我的待办咨询\n"
	"  列出您首问登记、尚未办结的咨询，以及转给您窗口待接收的咨询。\n"
	"  ↑/↓ 选择，F4（或 n）登记新咨询，F5 从服务器刷新。\n",
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
};

const char *msg(enum msg_id id)
{
	if (id >= MSG_COUNT || !table[id])
		return "?";
	return table[id];
}

struct code_text {
	const char *code;
	const char *text;
};

static const struct code_text error_texts[] = {
    {"offline", "无法连接服务器，请检查网络，稍后按 F5 或重新提交"},
    {"bad_credentials", "用户名或密码不正确，请重新输入"},
    {"rate_limited", "登录失败次数过多，请 5 分钟后再试"},
    {"unauthenticated", "登录已失效，请退出后重新登录"},
    {"forbidden", "您的账号没有这项操作的权限，请联系管理员"},
    {"not_found", "没有找到这条记录，请刷新后再试"},
    {"invalid_field", "有填写不符合要求的项目，请按提示修改"},
    {"bad_request", "提交的内容格式有误，请检查后重试；如仍出错请联系管理员"},
    {"idempotency_key_reused", "这份登记已用不同内容提交过，请再按一次提交"},
    {"too_large", "内容太长，请删减后再提交"},
    {"version_conflict", "记录已被他人修改，请刷新后再试"},
    {"internal", "服务器内部出错，请稍后重试；如仍出错请联系管理员"},
    {"bad_response", "服务器的回答无法识别，请联系管理员"},
    {"bad_url", "服务器地址不正确，应以 http:// 或 https:// 开头"},
};

static const struct code_text field_texts[] = {
    {"applicant.name", "申请人姓名不符合要求：最多100个字，不含控制字符"},
    {"applicant.id_type", "证件类型不正确，请重新选择"},
    {"applicant.id_no", "证件号码不正确，请逐位核对后重新输入"},
    {"applicant.phone", "联系电话不正确：手机号为11位，座机请带区号"},
    {"channel", "来访渠道不正确，请重新选择"},
    {"topic", "咨询内容不符合要求：最多2000字"},
    {"item_code", "所选事项不存在，请重新选择"},
    {"window", "窗口号不正确，请核对后重新输入或不填"},
    {"username", "请填写用户名"},
    {"password", "请填写密码"},
};

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
	for (size_t i = 0; i < sizeof(error_texts) / sizeof(*error_texts); i++)
		if (strcmp(error_texts[i].code, err->code) == 0) {
			snprintf(out, size, "%s", error_texts[i].text);
			return;
		}
	snprintf(out, size, "服务器拒绝了这项操作（原因代码 %s），请联系管理员",
		 err->code);
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
			 "电话号码不正确：手机号为1开头的11位数字，"
			 "座机请带区号，如 0571-87654321");
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
