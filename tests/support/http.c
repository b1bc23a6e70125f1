/* http.c - the API tests' HTTP client on libcurl. */
#include "http.h"
#include "prism.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

struct buffer {
	char *data;
	size_t len;
};

static size_t on_body(char *ptr, size_t size, size_t n, void *ctx)
{
	struct buffer *b = ctx;
	char *p = realloc(b->data, b->len + size * n + 1);

	if (!p)
		return 0;
	memcpy(p + b->len, ptr, size * n);
	b->data = p;
	b->len += size * n;
	b->data[b->len] = '\0';
	return size * n;
}

/* Copy the value of header "name: value" into dst if line is that one. */
static void header_value(const char *line, size_t len, const char *name,
			 char *dst, size_t size)
{
	size_t n = strlen(name);

	if (len <= n + 1 || strncasecmp(line, name, n) != 0 || line[n] != ':')
		return;
	line += n + 1;
	len -= n + 1;
	while (len && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	while (len && (line[len - 1] == '\r' || line[len - 1] == '\n'))
		len--;
	snprintf(dst, size, "%.*s", (int)len, line);
}

static size_t on_header(char *line, size_t size, size_t n, void *ctx)
{
	struct http_reply *r = ctx;
	size_t len = size * n;
	char replayed[16] = "";

	header_value(line, len, "ETag", r->etag, sizeof(r->etag));
	header_value(line, len, "Location", r->location, sizeof(r->location));
	header_value(line, len, "Content-Type", r->content_type,
		     sizeof(r->content_type));
	header_value(line, len, "Retry-After", r->retry_after,
		     sizeof(r->retry_after));
	header_value(line, len, "Content-Length", replayed, sizeof(replayed));
	if (replayed[0]) {
		r->content_length = atoll(replayed);
		replayed[0] = '\0';
	}
	header_value(line, len, "sl-violations", r->violations,
		     sizeof(r->violations));
	header_value(line, len, "Idempotent-Replayed", replayed,
		     sizeof(replayed));
	if (strcmp(replayed, "true") == 0)
		r->replayed = true;
	return len;
}

static int http_do_once(const char *base_url, const struct http_request *req,
			struct http_reply *out)
{
	CURL *curl = curl_easy_init();
	struct curl_slist *headers = NULL;
	struct buffer body = {0};
	char url[1024], line[1200];
	CURLcode rc;

	memset(out, 0, sizeof(*out));
	out->content_length = -1;
	if (!curl)
		return -1;
	if (req->source_addr)
		curl_easy_setopt(curl, CURLOPT_INTERFACE, req->source_addr);
	snprintf(url, sizeof(url), "%s%s", base_url, req->path);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST,
			 req->method ? req->method : "GET");
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, out);
	if (req->token) {
		snprintf(line, sizeof(line), "Authorization: Bearer %s",
			 req->token);
		headers = curl_slist_append(headers, line);
	}
	if (req->idempotency_key) {
		snprintf(line, sizeof(line), "Idempotency-Key: %s",
			 req->idempotency_key);
		headers = curl_slist_append(headers, line);
	}
	if (req->if_match) {
		snprintf(line, sizeof(line), "If-Match: %s", req->if_match);
		headers = curl_slist_append(headers, line);
	}
	if (req->body) {
		snprintf(line, sizeof(line), "Content-Type: %s",
			 req->content_type ? req->content_type
					   : "application/json");
		headers = curl_slist_append(headers, line);
		size_t len = req->body_len ? req->body_len : strlen(req->body);

		/* A large body waits for 100 Continue: a server that refuses
		 * it by its length (413) then answers before any of it is
		 * sent, instead of closing on a body still being written
		 * (a send error on a slow machine). */
		if (len > 16 * 1024)
			headers =
			    curl_slist_append(headers, "Expect: 100-continue");
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, req->body);
		curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)len);
	}
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	rc = curl_easy_perform(curl);
	if (rc == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
	else
		fprintf(stderr, "http_do %s: %s\n", url,
			curl_easy_strerror(rc));
	curl_slist_free_all(headers);
	curl_easy_cleanup(curl);
	out->body = body.data ? body.data : strdup("");
	if (body.len)
		out->json = json_loadb(body.data, body.len, 0, NULL);
	return rc == CURLE_OK ? 0 : -1;
}

/* Through Prism's proxies when the test runs under them (prism.h). */
int http_do(const char *base_url, const struct http_request *req,
	    struct http_reply *out)
{
	return test_prism_do(base_url, req, out, http_do_once);
}

void http_reply_release(struct http_reply *r)
{
	free(r->body);
	json_decref(r->json);
	r->body = NULL;
	r->json = NULL;
}

int http_get(const char *base_url, const char *path, const char *token,
	     struct http_reply *out)
{
	struct http_request req = {.path = path, .token = token};

	return http_do(base_url, &req, out);
}

int http_send_json(const char *base_url, const char *method, const char *path,
		   const char *token, const char *json_text,
		   struct http_reply *out)
{
	struct http_request req = {
	    .method = method, .path = path, .token = token, .body = json_text};

	return http_do(base_url, &req, out);
}

int http_call(const char *base_url, const char *method, const char *path,
	      const char *token, const char *body, int version,
	      struct http_reply *out)
{
	char if_match[32];
	struct http_request req = {
	    .method = method, .path = path, .token = token, .body = body};

	if (version > 0) {
		snprintf(if_match, sizeof(if_match), "\"%d\"", version);
		req.if_match = if_match;
	}
	return http_do(base_url, &req, out);
}

const char *tj_str(const json_t *obj, const char *key)
{
	const char *v = json_string_value(json_object_get(obj, key));

	return v ? v : "";
}

long long tj_num(const json_t *obj, const char *key)
{
	return (long long)json_integer_value(json_object_get(obj, key));
}

static const char *error_member(const struct http_reply *r, const char *key)
{
	return tj_str(json_object_get(r->json, "error"), key);
}

const char *http_error_code(const struct http_reply *r)
{
	return error_member(r, "code");
}

const char *http_error_field(const struct http_reply *r)
{
	return error_member(r, "field");
}

char *http_login(const char *base_url, const char *username,
		 const char *password)
{
	struct http_reply r;
	json_t *body =
	    json_pack("{s:s, s:s}", "username", username, "password", password);
	char *text = json_dumps(body, 0);
	char *token = NULL;

	if (http_send_json(base_url, "POST", "/v1/sessions", NULL, text, &r) ==
		0 &&
	    r.status == 201) {
		const char *t =
		    json_string_value(json_object_get(r.json, "token"));

		token = t ? strdup(t) : NULL;
	}
	http_reply_release(&r);
	free(text);
	json_decref(body);
	return token;
}

long http_set_clock(const char *base_url, const char *rfc3339)
{
	char *token = http_login(base_url, "admin1", "demo-password-1");
	char body[128];
	struct http_reply r;
	long status = -1;

	snprintf(body, sizeof(body), "{\"now\":\"%s\"}", rfc3339);
	if (token && http_send_json(base_url, "PUT", "/v1/admin/clock", token,
				    body, &r) == 0)
		status = r.status;
	if (token)
		http_reply_release(&r);
	free(token);
	return status;
}
