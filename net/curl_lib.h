/* curl_lib.h - libcurl, opened (dlopen) when the first request needs it,
 * not when the client starts: the login screen is drawn before libcurl and
 * the thirty libraries it pulls in (OpenSSL, GnuTLS, Kerberos, LDAP, ...)
 * are loaded and relocated (issue 16). Built against libcurl's headers;
 * net/ calls libcurl through this table only. */
#ifndef WINCASE_NET_CURL_LIB_H
#define WINCASE_NET_CURL_LIB_H

#include <curl/curl.h>

#include "wincase/error.h"

/* The soname of libcurl4 (the OpenSSL flavour the client is built with). */
#define NET_CURL_SONAME "libcurl.so.4"

struct net_curl_lib {
	CURLcode (*global_init)(long flags);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	void (*easy_cleanup)(CURL *h);
	void (*easy_reset)(CURL *h);
	CURLcode (*easy_setopt)(CURL *h, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *h);
	CURLcode (*easy_getinfo)(CURL *h, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode code);
	CURLM *(*multi_init)(void);
	CURLMcode (*multi_cleanup)(CURLM *m);
	CURLMcode (*multi_add_handle)(CURLM *m, CURL *h);
	CURLMcode (*multi_remove_handle)(CURLM *m, CURL *h);
	CURLMcode (*multi_perform)(CURLM *m, int *running);
	CURLMsg *(*multi_info_read)(CURLM *m, int *left);
	CURLMcode (*multi_poll)(CURLM *m, struct curl_waitfd *fds,
				unsigned int nfds, int timeout_ms, int *numfds);
	struct curl_slist *(*slist_append)(struct curl_slist *list,
					   const char *s);
	void (*slist_free_all)(struct curl_slist *list);
};

/* Filled by net_curl_load; its members are NULL before. */
extern struct net_curl_lib net_curl;

/* Opens libcurl once for the process and fills net_curl; 0, or -1 with
 * err internal naming the library that is missing. */
int net_curl_load(struct wc_error *err);

#endif
