/* messages.h - every word the client shows, in one table (messages.c), so
 * that the logic holds none and another language is one more table. */
#ifndef WINCASE_TUI_MESSAGES_H
#define WINCASE_TUI_MESSAGES_H

#include <stddef.h>

#include "wincase/error.h"
#include "wincase/validate.h"

enum msg_id {
	MSG_APP_NAME,
	MSG_NOT_LOGGED_IN,
	MSG_STATUS_USER,
	MSG_STATUS_WINDOW,
	MSG_STATUS_ONLINE,
	MSG_STATUS_OFFLINE,
	MSG_TOO_SMALL,
	MSG_BUSY_CONNECTING,
	MSG_BUSY_LOADING,
	MSG_BUSY_SAVING,
	MSG_REQUIRED,
	/* key bar */
	MSG_KEY_HELP,
	MSG_KEY_SUBMIT,
	MSG_KEY_LOGIN,
	MSG_KEY_ITEM,
	MSG_KEY_NEW,
	MSG_KEY_REFRESH,
	MSG_KEY_BACK,
	MSG_KEY_CHOOSE,
	MSG_KEY_QUIT,
	MSG_KEY_FALLBACK,
	/* login */
	MSG_LOGIN_TITLE,
	MSG_LOGIN_USER,
	MSG_LOGIN_PASSWORD,
	MSG_LOGIN_WINDOW,
	MSG_LOGIN_USER_HELP,
	MSG_LOGIN_PASSWORD_HELP,
	MSG_LOGIN_WINDOW_HELP,
	MSG_LOGIN_WELCOME,
	MSG_LOGIN_SERVER,
	/* home */
	MSG_HOME_TITLE,
	MSG_HOME_COL_NO,
	MSG_HOME_COL_APPLICANT,
	MSG_HOME_COL_TOPIC,
	MSG_HOME_COL_STATUS,
	MSG_HOME_EMPTY,
	MSG_HOME_COUNT,
	MSG_STATUS_OPEN,
	MSG_STATUS_HANDED_OFF,
	MSG_STATUS_REFERRED,
	MSG_STATUS_CLOSED,
	/* new inquiry */
	MSG_INQ_TITLE,
	MSG_INQ_NAME,
	MSG_INQ_ID_TYPE,
	MSG_INQ_ID_NO,
	MSG_INQ_PHONE,
	MSG_INQ_CHANNEL,
	MSG_INQ_ITEM,
	MSG_INQ_TOPIC,
	MSG_INQ_NAME_HELP,
	MSG_INQ_ID_TYPE_HELP,
	MSG_INQ_ID_NO_HELP,
	MSG_INQ_PHONE_HELP,
	MSG_INQ_CHANNEL_HELP,
	MSG_INQ_ITEM_HELP,
	MSG_INQ_TOPIC_HELP,
	MSG_INQ_FIX_ERRORS,
	MSG_INQ_CREATED,
	MSG_ID_RESIDENT,
	MSG_ID_USCC,
	MSG_ID_PASSPORT,
	MSG_ID_OTHER,
	MSG_CHANNEL_COUNTER,
	MSG_CHANNEL_PHONE,
	MSG_CHANNEL_ONLINE,
	/* catalog search */
	MSG_ITEMS_TITLE,
	MSG_ITEMS_SEARCH,
	MSG_ITEMS_COL_CODE,
	MSG_ITEMS_COL_NAME,
	MSG_ITEMS_COL_DEPT,
	MSG_ITEMS_NONE,
	MSG_ITEMS_COUNT,
	/* help */
	MSG_HELP_TITLE,
	MSG_HELP_GENERAL,
	MSG_HELP_LOGIN,
	MSG_HELP_HOME,
	MSG_HELP_INQUIRY,
	MSG_HELP_ITEMS,
	MSG_COUNT
};

const char *msg(enum msg_id id);

/* Chinese text for an error of the server or the transport: what went
 * wrong and what to do. Never a bare code or JSON. */
void msg_for_error(const struct wc_error *err, char *out, size_t size);

/* Chinese text for a field the server refused (err->field), or NULL. */
const char *msg_for_field(const char *field);

/* Chinese text for an identifier that validate_id refused; chars is how
 * many characters were typed. */
void msg_for_id(enum id_type type, enum validate_result result, size_t chars,
		char *out, size_t size);
void msg_for_phone(enum validate_result result, char *out, size_t size);
void msg_for_text(const char *what, enum validate_result result,
		  size_t max_chars, char *out, size_t size);

#endif
