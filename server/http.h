/* http.h - wincased's HTTP front: libmicrohttpd with its own thread pool
 * on epoll, bodies collected up to 64 KiB, every request dispatched
 * through the route table with the same wrapper. */
#ifndef WINCASED_HTTP_H
#define WINCASED_HTTP_H

#include "app.h"

#define HTTP_BODY_LIMIT (64 * 1024)

struct http_server;

/* Start listening on cfg.listen_host:listen_port; *out on success. */
int http_start(struct app *app, struct http_server **out, struct wc_error *err);
/* The port actually bound (useful with port 0). */
int http_port(const struct http_server *srv);
/* Stop serving, wait for the workers, free. */
void http_stop(struct http_server **srv);

#endif
