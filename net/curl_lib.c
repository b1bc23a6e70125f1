/* curl_lib.c - libcurl opened on first use (curl_lib.h). */
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "curl_lib.h"

struct net_curl_lib net_curl;

/* The table's members and the symbols that fill them, in order. */
static const struct {
	const char *symbol;
	size_t offset;
} entries[] = {
#define ENTRY(member)                                                          \
	{                                                                      \
		"curl_" #member, offsetof(struct net_curl_lib, member)         \
	}
    ENTRY(global_init),		ENTRY(global_cleanup), ENTRY(easy_init),
    ENTRY(easy_cleanup),	ENTRY(easy_reset),     ENTRY(easy_setopt),
    ENTRY(easy_perform),	ENTRY(easy_getinfo),   ENTRY(easy_strerror),
    ENTRY(multi_init),		ENTRY(multi_cleanup),  ENTRY(multi_add_handle),
    ENTRY(multi_remove_handle), ENTRY(multi_perform),  ENTRY(multi_info_read),
    ENTRY(multi_poll),		ENTRY(slist_append),   ENTRY(slist_free_all),
#undef ENTRY
};

int net_curl_load(struct wc_error *err)
{
	struct net_curl_lib lib;
	const char *why;
	void *h;

	if (net_curl.global_init)
		return 0;
	/* Never closed: curl's state lives as long as the process. */
	h = dlopen(NET_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		why = dlerror();
		return wc_error_set(
		    err, "internal", NULL,
		    "无法加载 %s，请安装 libcurl4 / %s cannot be "
		    "loaded; install libcurl4: %s",
		    NET_CURL_SONAME, NET_CURL_SONAME, why ? why : "");
	}
	for (size_t i = 0; i < sizeof(entries) / sizeof(entries[0]); i++) {
		void *fn = dlsym(h, entries[i].symbol);

		if (!fn) {
			dlclose(h);
			return wc_error_set(err, "internal", NULL, "%s 缺少 %s",
					    NET_CURL_SONAME, entries[i].symbol);
		}
		/* POSIX: a function's address fits in a void *. */
		memcpy((char *)&lib + entries[i].offset, &fn, sizeof(fn));
	}
	net_curl = lib;
	return 0;
}
