/* http_limits.h - deadlines for slow clients.
 *
 * libmicrohttpd's connection timeout counts idle time only: a client that
 * sends one header line every few seconds holds its connection forever,
 * and 512 of them stopped all service. This watch gives each connection a
 * deadline for its request headers (counted from the connection's start
 * or the end of its previous request, so a slow keep-alive request line
 * counts too) and one for its body, and shuts the socket down when one
 * passes. libmicrohttpd then sees the end of the stream and closes the
 * connection itself. With MHD_OPTION_PER_IP_CONNECTION_LIMIT (http.c) one
 * address cannot take the connections of others. */
#ifndef WINCASED_HTTP_LIMITS_H
#define WINCASED_HTTP_LIMITS_H

#include <microhttpd.h>

#include "wincase/error.h"

enum http_phase {
	HTTP_PHASE_HEADERS, /* waiting for a request's headers */
	HTTP_PHASE_BODY,    /* headers read, the body arriving */
	HTTP_PHASE_ANSWER,  /* being answered: no deadline here */
};

struct http_watch;

int http_watch_start(int header_seconds, int body_seconds,
		     struct http_watch **out, struct wc_error *err);
/* After MHD_stop_daemon. */
void http_watch_stop(struct http_watch **w);
/* MHD_OPTION_NOTIFY_CONNECTION, with the watch as its closure. */
void http_watch_notify(void *cls, struct MHD_Connection *conn,
		       void **socket_context,
		       enum MHD_ConnectionNotificationCode code);
/* The connection entered phase (its deadline starts now). */
void http_watch_phase(struct MHD_Connection *conn, enum http_phase phase);

#endif
