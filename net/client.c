/* client.c - the HTTP transport of net.h: one reused CURL handle, JSON in
 * and out, the error body of API.md turned into a struct wc_error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <sodium.h>

#include "curl_lib.h"
#include "private.h"
#include "wincase/net.h"
#include "wincase/net_offline.h"

/* An answer larger than this is refused: lists are paged by the server. */
#define NET_MAX_ANSWER (8u * 1024u * 1024u)

struct net_client {
	/* Both NULL until the first request (client_curl): libcurl is
	 * loaded and set up then, after the first frame is drawn. */
	CURL *curl;
	CURLM *multi;	  /* drives curl so that waits can be interrupted */
	bool curl_global; /* curl_global_init done for this client */
	char *base_url;
	char *token;
	long connect_timeout_ms;
	long timeout_ms;
	long low_speed_limit; /* bytes per second, 0: none */
	long low_speed_time_ms;
	long probe_connect_ms, probe_timeout_ms;
	char *ca_file;		 /* NULL: the system's CAs */
	char *pinned_public_key; /* NULL: no pin */
	bool (*interrupt)(void *user, long elapsed_ms);
	void *interrupt_user;
	enum net_link link;
	bool probing;	   /* the request under way is the health probe */
	long probe_due_ms; /* monotonic time of the next probe */
	long probe_backoff_ms;
	bool session_lost; /* a 401 unauthenticated while holding a token */
	struct net_journal_hook hook; /* the offline journal (net_offline.c) */
	json_t *session;	/* the last login's answer (offline login) */
	long long clock_offset; /* server's clock - ours, from health */
	bool clock_known;
	long last_status;   /* of the last answer, 0 when none came */
	bool uninterrupted; /* the request under way is a session call */
};

struct answer {
	char *data;
	size_t len;
	size_t cap;
	bool too_large;
};

static size_t answer_write(char *ptr, size_t size, size_t nmemb, void *user)
{
	struct answer *a = user;
	size_t n = size * nmemb;

	if (a->len + n + 1 > NET_MAX_ANSWER) {
		a->too_large = true;
		return 0; /* makes curl stop with CURLE_WRITE_ERROR */
	}
	if (a->len + n + 1 > a->cap) {
		size_t cap = a->cap ? a->cap : 4096;
		char *p;

		while (cap < a->len + n + 1)
			cap *= 2;
		p = realloc(a->data, cap);
		if (!p)
			return 0;
		a->data = p;
		a->cap = cap;
	}
	memcpy(a->data + a->len, ptr, n);
	a->len += n;
	a->data[a->len] = '\0';
	return n;
}

/* The host of an http(s) URL (no brackets for IPv6) into out. */
static bool url_host(const char *url, char *out, size_t size)
{
	const char *p = strstr(url, "://"), *end, *at;
	size_t n;

	if (!p)
		return false;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1; /* user:password@ */
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (!close)
			return false;
		n = (size_t)(close - p - 1);
		p++;
	} else {
		n = strcspn(p, ":/?#");
	}
	if (n == 0 || n >= size)
		return false;
	memcpy(out, p, n);
	out[n] = '\0';
	return true;
}

static bool host_loopback(const char *host)
{
	struct in_addr v4;
	struct in6_addr v6;

	if (strcasecmp(host, "localhost") == 0)
		return true;
	if (inet_pton(AF_INET, host, &v4) == 1)
		return (ntohl(v4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, host, &v6) == 1)
		return memcmp(&v6, &in6addr_loopback, sizeof(v6)) == 0;
	return false;
}

bool net_url_plain_remote(const char *url)
{
	char host[256];

	if (strncasecmp(url, "http://", 7) != 0)
		return false;
	/* A URL whose host cannot be read is not known to be loopback. */
	return !url_host(url, host, sizeof(host)) || !host_loopback(host);
}

static bool dup_opt(char **dst, const char *src)
{
	*dst = src && *src ? strdup(src) : NULL;
	return !src || !*src || *dst;
}

struct net_client *net_client_new(const struct net_options *opt,
				  struct wc_error *err)
{
	struct net_client *c = NULL;
	size_t len;

	if (!opt || !opt->base_url ||
	    (strncasecmp(opt->base_url, "http://", 7) != 0 &&
	     strncasecmp(opt->base_url, "https://", 8) != 0)) {
		wc_error_set(err, "bad_url", "server",
			     "server URL must start with http:// or https://");
		return NULL;
	}
	/* The link crosses a hall's LAN or a city network;
	 * passwords and applicants' data do not travel it in clear. */
	if (net_url_plain_remote(opt->base_url) && !opt->allow_plain_http) {
		wc_error_set(err, "plain_http", "server",
			     "plain http:// only to a loopback address; use "
			     "https:// or set allow_plain_http = yes");
		return NULL;
	}
	c = calloc(1, sizeof(*c));
	if (!c)
		goto fail;
	c->base_url = strdup(opt->base_url);
	if (!c->base_url || !dup_opt(&c->ca_file, opt->ca_file) ||
	    !dup_opt(&c->pinned_public_key, opt->pinned_public_key))
		goto fail;
	len = strlen(c->base_url);
	while (len > 0 && c->base_url[len - 1] == '/')
		c->base_url[--len] = '\0';
	c->connect_timeout_ms =
	    opt->connect_timeout_ms > 0 ? opt->connect_timeout_ms : 3000;
	c->timeout_ms = opt->timeout_ms > 0 ? opt->timeout_ms : 10000;
	c->low_speed_limit =
	    opt->low_speed_limit > 0 ? opt->low_speed_limit : 0;
	c->low_speed_time_ms =
	    opt->low_speed_time_ms > 0 ? opt->low_speed_time_ms : 5000;
	c->probe_connect_ms =
	    c->connect_timeout_ms < 1500 ? c->connect_timeout_ms : 1500;
	c->probe_timeout_ms = c->timeout_ms < 3000 ? c->timeout_ms : 3000;
	c->interrupt = opt->interrupt;
	c->interrupt_user = opt->interrupt_user;
	/* Unknown until the server has answered (issue 12): never "online"
	 * on trust. */
	c->link = NET_LINK_UNKNOWN;
	return c;
fail:
	wc_error_set(err, "internal", NULL, "out of memory");
	net_client_free(&c);
	return NULL;
}

/* libcurl for the client's first request: opened, initialised, one easy
 * handle and the multi handle that drives it. 0, or -1 with err. */
static int client_curl(struct net_client *c, struct wc_error *err)
{
	if (c->curl && c->multi)
		return 0;
	if (net_curl_load(err) < 0)
		return -1;
	if (!c->curl_global) {
		if (net_curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return wc_error_set(err, "internal", NULL,
					    "curl_global_init failed");
		c->curl_global = true;
	}
	if (!c->curl)
		c->curl = net_curl.easy_init();
	if (!c->multi)
		c->multi = net_curl.multi_init();
	return c->curl && c->multi ? 0 : net_oom(err);
}

int net_client_connect(struct net_client *client, struct wc_error *err)
{
	return client_curl(client, err);
}

void net_client_free(struct net_client **client)
{
	struct net_client *c = *client;

	if (!c)
		return;
	net_offline_detach(c);
	if (c->curl)
		net_curl.easy_cleanup(c->curl);
	if (c->multi)
		net_curl.multi_cleanup(c->multi);
	if (c->token)
		sodium_memzero(c->token, strlen(c->token));
	free(c->token);
	json_decref(c->session);
	free(c->base_url);
	free(c->ca_file);
	free(c->pinned_public_key);
	if (c->curl_global)
		net_curl.global_cleanup();
	free(c);
	*client = NULL;
}

int net_client_set_token(struct net_client *client, const char *token)
{
	char *copy = NULL;

	if (token) {
		copy = strdup(token);
		if (!copy)
			return -1;
	}
	if (client->token)
		sodium_memzero(client->token, strlen(client->token));
	free(client->token);
	client->token = copy;
	client->session_lost = false;
	return 0;
}

bool net_client_online(const struct net_client *client)
{
	return client->link == NET_LINK_ONLINE;
}

enum net_link net_client_link(const struct net_client *client)
{
	return client->link;
}

long net_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Every exchange tells the link state; a failure backs the probe off
 * (1 s, 2 s, 4 s ... 30 s), an answer resets it. */
static void link_set(struct net_client *c, bool answered)
{
	long now = net_monotonic_ms();

	if (answered) {
		c->link = NET_LINK_ONLINE;
		c->probe_backoff_ms = 0;
		c->probe_due_ms = now + NET_PROBE_ONLINE_MS;
		return;
	}
	c->link = NET_LINK_OFFLINE;
	c->probe_backoff_ms =
	    c->probe_backoff_ms ? c->probe_backoff_ms * 2 : NET_PROBE_FIRST_MS;
	if (c->probe_backoff_ms > NET_PROBE_MAX_MS)
		c->probe_backoff_ms = NET_PROBE_MAX_MS;
	c->probe_due_ms = now + c->probe_backoff_ms;
}

long net_client_probe_due_ms(const struct net_client *client)
{
	long left = client->probe_due_ms - net_monotonic_ms();

	if (client->link == NET_LINK_UNKNOWN || left < 0)
		return 0;
	return left;
}

bool net_client_probe_due(const struct net_client *client)
{
	return net_client_probe_due_ms(client) == 0;
}

int net_client_probe(struct net_client *client, struct wc_error *err)
{
	static const struct net_request_options none = {0};
	json_t *answer = NULL;
	const char *status;
	int ret;

	/* Straight to the wire: the offline layer's cache never answers a
	 * probe. */
	client->probing = true;
	ret = net_transport(client, "GET", "/v1/health", NULL, &none, &answer,
			    err);
	client->probing = false;
	status = json_string_value(json_object_get(answer, "status"));
	if (ret == 0) {
		long long t = net_rfc3339_seconds(
		    json_string_value(json_object_get(answer, "time")));

		if (t > 0) {
			client->clock_offset = t - (long long)time(NULL);
			client->clock_known = true;
		}
	}
	if (ret == 0 && (!status || strcmp(status, "ok") != 0))
		ret = wc_error_set(err, "bad_response", "status",
				   "server not ok");
	json_decref(answer);
	return ret;
}

void net_client_session_note(struct net_client *client, const json_t *answer)
{
	json_decref(client->session);
	client->session = json_deep_copy(answer);
}

const json_t *net_client_session_answer(const struct net_client *client)
{
	return client->session;
}

long long net_client_clock_offset(const struct net_client *client)
{
	return client->clock_offset;
}

long net_client_last_status(const struct net_client *client)
{
	return client->last_status;
}

bool net_client_clock_known(const struct net_client *client)
{
	return client->clock_known;
}

struct net_journal_hook *net_client_hook(struct net_client *client)
{
	return &client->hook;
}

bool net_client_session_lost(const struct net_client *client)
{
	return client->session_lost;
}

const char *net_client_url(const struct net_client *client)
{
	return client->base_url;
}

void net_idempotency_key_new(char out[NET_IDEMPOTENCY_KEY_SIZE])
{
	unsigned char raw[16];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, NET_IDEMPOTENCY_KEY_SIZE, raw, sizeof(raw));
}

/* The error body {"error":{"code","message","field"}} into err; its
 * "details" (a new reference) into *details when asked for. */
static void error_from_answer(long status, const struct answer *a,
			      struct wc_error *err, json_t **details)
{
	json_t *root = NULL, *e;
	const char *code, *msg, *field;

	if (a->data)
		root = json_loadb(a->data, a->len, 0, NULL);
	e = json_object_get(root, "error");
	code = json_string_value(json_object_get(e, "code"));
	if (!code) {
		wc_error_set(err, status >= 500 ? "internal" : "bad_response",
			     NULL, "HTTP %ld without an error body", status);
		goto done;
	}
	msg = json_string_value(json_object_get(e, "message"));
	field = json_string_value(json_object_get(e, "field"));
	wc_error_set(err, code, field, "%s", msg ? msg : "");
	if (details && json_object_get(e, "details"))
		*details = json_incref(json_object_get(e, "details"));
done:
	json_decref(root);
}

static int request_setup(struct net_client *c, const char *method,
			 const char *url, const char *body_text,
			 struct curl_slist *headers, struct answer *a)
{
	CURL *h = c->curl;

	net_curl.easy_reset(h);
	net_curl.easy_setopt(h, CURLOPT_URL, url);
	net_curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	net_curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	net_curl.easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
			     c->probing ? c->probe_connect_ms
					: c->connect_timeout_ms);
	net_curl.easy_setopt(h, CURLOPT_TIMEOUT_MS,
			     c->probing ? c->probe_timeout_ms : c->timeout_ms);
	/* A stalled link (bytes trickling or none at all) ends the wait
	 * before the total timeout does. */
	if (c->low_speed_limit > 0) {
		net_curl.easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT,
				     c->low_speed_limit);
		net_curl.easy_setopt(h, CURLOPT_LOW_SPEED_TIME,
				     (c->low_speed_time_ms + 999) / 1000);
	}
	net_curl.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	net_curl.easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	net_curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, answer_write);
	net_curl.easy_setopt(h, CURLOPT_WRITEDATA, a);
	net_curl.easy_setopt(h, CURLOPT_USERAGENT, "wincase/0.1");
	/* TLS 1.2 or newer, the configured CA and pin (the
	 * handle is reset before each request, so they are set each time). */
	net_curl.easy_setopt(h, CURLOPT_SSLVERSION,
			     (long)CURL_SSLVERSION_TLSv1_2);
	if (c->ca_file)
		net_curl.easy_setopt(h, CURLOPT_CAINFO, c->ca_file);
	if (c->pinned_public_key)
		net_curl.easy_setopt(h, CURLOPT_PINNEDPUBLICKEY,
				     c->pinned_public_key);
	if (strcmp(method, "GET") == 0) {
		net_curl.easy_setopt(h, CURLOPT_HTTPGET, 1L);
	} else {
		net_curl.easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
		net_curl.easy_setopt(h, CURLOPT_POSTFIELDS,
				     body_text ? body_text : "");
	}
	return 0;
}

static struct curl_slist *headers_build(const struct net_client *c,
					const struct net_request_options *opt,
					bool has_body)
{
	const char *idempotency_key = opt->idempotency_key;
	int if_match = opt->if_match;
	struct curl_slist *list = NULL, *next;
	char line[512];

	list = net_curl.slist_append(NULL, "Accept: application/json");
	if (list && has_body) {
		next = net_curl.slist_append(list,
					     "Content-Type: application/json");
		list = next ? next : (net_curl.slist_free_all(list), NULL);
	}
	if (list && c->token) {
		snprintf(line, sizeof(line), "Authorization: Bearer %s",
			 c->token);
		next = net_curl.slist_append(list, line);
		sodium_memzero(line, sizeof(line));
		list = next ? next : (net_curl.slist_free_all(list), NULL);
	}
	if (list && idempotency_key) {
		snprintf(line, sizeof(line), "Idempotency-Key: %s",
			 idempotency_key);
		next = net_curl.slist_append(list, line);
		list = next ? next : (net_curl.slist_free_all(list), NULL);
	}
	if (list && if_match > 0) {
		snprintf(line, sizeof(line), "If-Match: \"%d\"", if_match);
		next = net_curl.slist_append(list, line);
		list = next ? next : (net_curl.slist_free_all(list), NULL);
	}
	if (list && opt->client_time && *opt->client_time) {
		snprintf(line, sizeof(line), "X-Client-Time: %s",
			 opt->client_time);
		next = net_curl.slist_append(list, line);
		list = next ? next : (net_curl.slist_free_all(list), NULL);
	}
	if (list) { /* no "Expect: 100-continue" round trip */
		next = net_curl.slist_append(list, "Expect:");
		list = next ? next : (net_curl.slist_free_all(list), NULL);
	}
	return list;
}

int net_request(struct net_client *client, const char *method, const char *path,
		const json_t *body, const char *idempotency_key, json_t **out,
		struct wc_error *err)
{
	struct net_request_options opt = {.idempotency_key = idempotency_key};

	return net_request_ex(client, method, path, body, &opt, out, err);
}

/* curl_easy_perform, but through the multi handle so that the wait can
 * be cut short: every NET_POLL_MS the caller's interrupt is asked (a key
 * waiting, in the client), and a yes ends the exchange as if the link had
 * failed. A write cut short may have reached the server; it is retried
 * (or journaled) with the same Idempotency-Key, which the server answers
 * once. */
static CURLcode perform(struct net_client *c)
{
	long start = net_monotonic_ms();
	CURLcode rc = CURLE_OK;
	CURLMsg *msg;
	int running = 1, left;

	/* A login is not cut short: it cannot be journaled, and a
	 * password hash takes the server a moment. */
	if (!c->interrupt || c->uninterrupted)
		return net_curl.easy_perform(c->curl);
	if (net_curl.multi_add_handle(c->multi, c->curl) != CURLM_OK)
		return net_curl.easy_perform(c->curl);
	for (;;) {
		if (net_curl.multi_perform(c->multi, &running) != CURLM_OK) {
			rc = CURLE_FAILED_INIT;
			break;
		}
		if (!running) {
			while (
			    (msg = net_curl.multi_info_read(c->multi, &left)))
				if (msg->msg == CURLMSG_DONE)
					rc = msg->data.result;
			break;
		}
		if (c->interrupt(c->interrupt_user,
				 net_monotonic_ms() - start)) {
			rc = CURLE_ABORTED_BY_CALLBACK;
			break;
		}
		net_curl.multi_poll(c->multi, NULL, 0, NET_POLL_MS, NULL);
	}
	net_curl.multi_remove_handle(c->multi, c->curl);
	return rc;
}

/* The HTTP exchange itself: a 2xx answer's bytes into *a (0), or -1 with
 * err (the server's error, offline, bad_response). */
static int exchange(struct net_client *client, const char *method,
		    const char *path, const json_t *body,
		    const struct net_request_options *opt, struct answer *a,
		    struct wc_error *err)
{
	struct curl_slist *headers = NULL;
	char *url = NULL, *body_text = NULL;
	long status = 0;
	CURLcode rc;
	int ret = -1;

	if (opt->details)
		*opt->details = NULL;
	if (client_curl(client, err) < 0)
		return -1;
	if (body) {
		body_text = json_dumps(body, JSON_COMPACT);
		if (!body_text) {
			wc_error_set(err, "internal", NULL,
				     "json_dumps failed");
			goto done;
		}
	}
	url = malloc(strlen(client->base_url) + strlen(path) + 1);
	headers = headers_build(client, opt, body != NULL);
	if (!url || !headers) {
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	strcpy(url, client->base_url);
	strcat(url, path);
	request_setup(client, method, url, body_text, headers, a);
	client->last_status = 0;
	client->uninterrupted = strncmp(path, "/v1/sessions", 12) == 0;
	rc = perform(client);
	if (rc != CURLE_OK && !a->too_large) {
		link_set(client, false);
		wc_error_set(err, "offline", NULL, "%s",
			     net_curl.easy_strerror(rc));
		goto done;
	}
	link_set(client, true);
	if (a->too_large) {
		wc_error_set(err, "bad_response", NULL, "answer too large");
		goto done;
	}
	net_curl.easy_getinfo(client->curl, CURLINFO_RESPONSE_CODE, &status);
	client->last_status = status;
	if (status < 200 || status > 299) {
		error_from_answer(status, a, err, opt->details);
		if (status == 401 && client->token &&
		    (!err || strcmp(err->code, "unauthenticated") == 0))
			client->session_lost = true;
		goto done;
	}
	ret = 0;
done:
	net_curl.slist_free_all(headers);
	free(url);
	free(body_text);
	return ret;
}

/* For reads and (through net_write) writes: the answer as JSON. */
int net_transport(struct net_client *client, const char *method,
		  const char *path, const json_t *body,
		  const struct net_request_options *opt, json_t **out,
		  struct wc_error *err)
{
	struct answer a = {0};
	json_t *root = NULL;
	int ret = -1;

	if (out)
		*out = NULL;
	if (exchange(client, method, path, body, opt, &a, err) < 0)
		goto done;
	if (a.len > 0) {
		root = json_loadb(a.data, a.len, 0, NULL);
		if (!root) {
			wc_error_set(err, "bad_response", NULL,
				     "answer is not JSON");
			goto done;
		}
	}
	if (out) {
		*out = root;
		root = NULL;
	}
	ret = 0;
done:
	json_decref(root);
	free(a.data);
	return ret;
}

int net_get_bytes(struct net_client *client, const char *path, char **data,
		  size_t *len, struct wc_error *err)
{
	static const struct net_request_options none = {0};
	struct answer a = {0};

	*data = NULL;
	*len = 0;
	if (exchange(client, "GET", path, NULL, &none, &a, err) < 0) {
		free(a.data);
		return -1;
	}
	if (!a.data)
		return wc_error_set(err, "bad_response", NULL, "empty answer");
	*data = a.data;
	*len = a.len;
	return 0;
}

int net_write(struct net_client *client, const char *method, const char *path,
	      const json_t *body, const struct net_request_options *opt,
	      json_t **out, struct wc_error *err)
{
	static const struct net_request_options none = {0};

	/* The journal's hook: every write passes by (net_offline.c). */
	if (client->hook.write)
		return client->hook.write(client, method, path, body,
					  opt ? opt : &none, out, err);
	return net_transport(client, method, path, body, opt ? opt : &none, out,
			     err);
}

int net_request_ex(struct net_client *client, const char *method,
		   const char *path, const json_t *body,
		   const struct net_request_options *opt, json_t **out,
		   struct wc_error *err)
{
	static const struct net_request_options none = {0};

	if (strcmp(method, "GET") != 0)
		return net_write(client, method, path, body, opt, out, err);
	if (client->hook.read)
		return client->hook.read(client, path, opt ? opt : &none, out,
					 err);
	return net_transport(client, method, path, body, opt ? opt : &none, out,
			     err);
}

static const char *const error_words[NET_ERROR_COUNT] = {
    [NET_ERR_OTHER] = "",
    [NET_ERR_OFFLINE] = "offline",
    [NET_ERR_BAD_RESPONSE] = "bad_response",
    [NET_ERR_BAD_URL] = "bad_url",
    [NET_ERR_INTERNAL] = "internal",
    [NET_ERR_BAD_CREDENTIALS] = "bad_credentials",
    [NET_ERR_RATE_LIMITED] = "rate_limited",
    [NET_ERR_UNAUTHENTICATED] = "unauthenticated",
    [NET_ERR_FORBIDDEN] = "forbidden",
    [NET_ERR_NOT_FOUND] = "not_found",
    [NET_ERR_INVALID_FIELD] = "invalid_field",
    [NET_ERR_BAD_REQUEST] = "bad_request",
    [NET_ERR_IDEMPOTENCY_KEY_REUSED] = "idempotency_key_reused",
    [NET_ERR_TOO_LARGE] = "too_large",
    [NET_ERR_VERSION_CONFLICT] = "version_conflict",
    [NET_ERR_PRECONDITION_REQUIRED] = "precondition_required",
    [NET_ERR_METHOD_NOT_ALLOWED] = "method_not_allowed",
    [NET_ERR_UNSUPPORTED_MEDIA_TYPE] = "unsupported_media_type",
    [NET_ERR_INVALID_STATE] = "invalid_state",
    [NET_ERR_CHECKLIST_UNCHECKED] = "checklist_unchecked",
    [NET_ERR_CHECKLIST_INCOMPLETE] = "checklist_incomplete",
    [NET_ERR_NOTICE_ONCE_VIOLATION] = "notice_once_violation",
    [NET_ERR_NOTHING_MISSING] = "nothing_missing",
    [NET_ERR_NOT_TOLERABLE] = "not_tolerable",
    [NET_ERR_NO_OPEN_COMMITMENT] = "no_open_commitment",
    [NET_ERR_ALREADY_SUPPLIED] = "already_supplied",
    [NET_ERR_COMMITMENT_OPEN] = "commitment_open",
    [NET_ERR_ALREADY_RATED] = "already_rated",
    [NET_ERR_CALENDAR_MISSING] = "calendar_missing",
    [NET_ERR_CATALOG_CHANGED] = "catalog_changed",
    [NET_ERR_INQUIRY_CLOSED] = "inquiry_closed",
    [NET_ERR_ALREADY_ACKNOWLEDGED] = "already_acknowledged",
    [NET_ERR_RESOLUTION_NOT_ALLOWED] = "resolution_not_allowed",
    [NET_ERR_HANDOFF_PENDING] = "handoff_pending",
    [NET_ERR_OWN_CASE] = "own_case",
    [NET_ERR_ALREADY_DECIDED] = "already_decided",
    [NET_ERR_DECISION_NOT_ALLOWED] = "decision_not_allowed",
    [NET_ERR_WINDOW_NOT_ALLOWED] = "window_not_allowed",
    [NET_ERR_TRAINING_ONLY] = "training_only",
    [NET_ERR_PLAIN_HTTP] = "plain_http",
    [NET_ERR_TAKEN_BY_OTHER] = "taken_by_other",
    [NET_ERR_NOT_TAKEN] = "not_taken",
    [NET_ERR_STEP_OUT_OF_ORDER] = "step_out_of_order",
    [NET_ERR_QUEUED] = "queued",
    [NET_ERR_DEADLINE_TOO_LONG] = "deadline_too_long",
};

enum net_error net_error_of(const struct wc_error *err)
{
	if (!err || !err->code[0])
		return NET_ERR_OTHER;
	for (int i = 1; i < NET_ERROR_COUNT; i++)
		if (strcmp(err->code, error_words[i]) == 0)
			return (enum net_error)i;
	return NET_ERR_OTHER;
}

const char *net_error_word(enum net_error e)
{
	return (unsigned)e < NET_ERROR_COUNT ? error_words[e] : "";
}

bool net_error_unsent(const struct wc_error *err)
{
	/* queued: journaled, not sent yet; the same key again finds it */
	return net_error_of(err) == NET_ERR_OFFLINE ||
	       net_error_of(err) == NET_ERR_QUEUED;
}
