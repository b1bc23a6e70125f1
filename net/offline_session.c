/* offline_session.c - the offline login (net_offline.h): the last online
 * login's answer kept in the clerk's encrypted store, used again on this
 * PC while the session it gave has not expired. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "private.h"
#include "wincase/localstore.h"
#include "wincase/net_offline.h"

#define SESSION_ENTRY "session"

int net_session_save(struct net_client *client, struct localstore *store,
		     struct wc_error *err)
{
	const json_t *answer = net_client_session_answer(client);
	char *text;
	int ret;

	if (!answer)
		return wc_error_set(err, "internal", NULL, "no login answer");
	if (!net_client_clock_known(client)) /* for the offset below */
		net_client_probe(client, NULL);
	/* The session's end on this PC's clock: the server's clock (fake in
	 * tests, or simply off) is not this one. */
	{
		json_t *copy = json_deep_copy(answer);
		long long end = net_rfc3339_seconds(
		    json_string_value(json_object_get(answer, "expires_at")));

		if (!copy)
			return net_oom(err);
		if (end > 0)
			json_object_set_new(
			    copy, "client_expires",
			    json_integer(end -
					 net_client_clock_offset(client)));
		text = json_dumps(copy, JSON_COMPACT);
		json_decref(copy);
	}
	if (!text)
		return net_oom(err);
	ret =
	    localstore_put(store, SESSION_ENTRY, text, strlen(text), true, err);
	free(text);
	return ret;
}

/* "2026-11-02T17:00:00+08:00" as seconds since the epoch; -1 when not. */
long long net_rfc3339_seconds(const char *s)
{
	struct tm tm = {0};
	int y, mo, d, h, mi, sec, oh = 0, om = 0;
	char sign = 'Z';
	time_t base;

	if (!s ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) !=
		6 ||
	    strlen(s) < 20)
		return -1;
	sign = s[19] == '.' ? s[strcspn(s + 19, "Z+-") + 19] : s[19];
	if (sign == '+' || sign == '-') {
		const char *off = strchr(s + 19, sign);

		if (sscanf(off + 1, "%2d:%2d", &oh, &om) != 2)
			return -1;
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	base = timegm(&tm);
	if (base == (time_t)-1)
		return -1;
	return (long long)base - (sign == '-'	? -1
				  : sign == '+' ? 1
						: 0) *
				     (oh * 3600 + om * 60);
}

int net_session_restore(struct net_client *client, struct localstore *store,
			struct net_user *user, char *expires, size_t size,
			struct wc_error *err)
{
	char *text = NULL;
	json_t *answer;
	const char *token, *until;
	long long end;
	int ret = -1;

	if (localstore_get(store, SESSION_ENTRY, &text, NULL, err))
		return wc_error_set(err, "no_local_login", NULL,
				    "no online login kept on this computer");
	answer = json_loads(text, 0, NULL);
	free(text);
	token = json_string_value(json_object_get(answer, "token"));
	until = json_string_value(json_object_get(answer, "expires_at"));
	end = json_is_integer(json_object_get(answer, "client_expires"))
		  ? (long long)json_integer_value(
			json_object_get(answer, "client_expires"))
		  : net_rfc3339_seconds(until);
	if (!token || end < 0) {
		wc_error_set(err, "no_local_login", NULL, "bad login record");
		goto done;
	}
	if (end <= (long long)time(NULL)) {
		wc_error_set(err, "session_expired", NULL,
			     "the session of the last online login expired");
		goto done;
	}
	if (net_session_adopt(client, answer, token, user, err))
		goto done;
	snprintf(expires, size, "%s", until);
	ret = 0;
done:
	json_decref(answer);
	return ret;
}
