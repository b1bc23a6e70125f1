/* http_limits.c - the header and body deadlines (http_limits.h). */
#include "http_limits.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

/* The phase and the second it began in one word (second * 4 + phase):
 * a request changes it twice without the list's lock, which every
 * request of every thread took before, and the sweep never sees a new
 * phase with the old phase's start. */
#define PHASE_BITS 2

struct watched {
	struct watched *prev, *next;
	struct http_watch *watch;
	MHD_socket fd;
	_Atomic int64_t phase_since;
	bool shut; /* already shut down (the sweep's, under the lock) */
};

struct http_watch {
	pthread_mutex_t lock; /* guards the list, links and shut flags */
	pthread_cond_t wake;
	pthread_t thread;
	bool stop;
	int header_seconds, body_seconds;
	struct watched *head;
};

static int64_t now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec;
}

static int64_t phase_word(enum http_phase phase)
{
	return now_seconds() << PHASE_BITS | (int64_t)phase;
}

void http_watch_notify(void *cls, struct MHD_Connection *conn,
		       void **socket_context,
		       enum MHD_ConnectionNotificationCode code)
{
	struct http_watch *w = cls;
	struct watched *e = *socket_context;
	const union MHD_ConnectionInfo *info;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		info = MHD_get_connection_info(
		    conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		e = calloc(1, sizeof(*e));
		if (!e || !info) {
			free(e);
			return; /* unwatched: only the idle timeout applies */
		}
		e->watch = w;
		e->fd = info->connect_fd;
		atomic_init(&e->phase_since, phase_word(HTTP_PHASE_HEADERS));
		pthread_mutex_lock(&w->lock);
		e->next = w->head;
		if (w->head)
			w->head->prev = e;
		w->head = e;
		pthread_mutex_unlock(&w->lock);
		*socket_context = e;
		return;
	}
	/* Closed: called before libmicrohttpd closes the socket, so the
	 * watch never shuts down a number another connection reuses. */
	if (!e)
		return;
	pthread_mutex_lock(&w->lock);
	if (e->prev)
		e->prev->next = e->next;
	else
		w->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	pthread_mutex_unlock(&w->lock);
	free(e);
	*socket_context = NULL;
}

void http_watch_phase(struct MHD_Connection *conn, enum http_phase phase)
{
	const union MHD_ConnectionInfo *info =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct watched *e = info ? info->socket_context : NULL;

	if (e)
		atomic_store_explicit(&e->phase_since, phase_word(phase),
				      memory_order_relaxed);
}

/* Shut down every connection past its phase's deadline. */
static void watch_sweep(struct http_watch *w)
{
	int64_t now = now_seconds();

	for (struct watched *e = w->head; e; e = e->next) {
		int64_t word =
		    atomic_load_explicit(&e->phase_since, memory_order_relaxed);
		enum http_phase phase =
		    (enum http_phase)(word & ((1 << PHASE_BITS) - 1));
		int limit = phase == HTTP_PHASE_HEADERS ? w->header_seconds
			    : phase == HTTP_PHASE_BODY	? w->body_seconds
							: 0;

		if (e->shut || limit <= 0 || now - (word >> PHASE_BITS) < limit)
			continue;
		shutdown(e->fd, SHUT_RDWR);
		e->shut = true;
	}
}

static void *watch_main(void *arg)
{
	struct http_watch *w = arg;
	struct timespec until;

	pthread_mutex_lock(&w->lock);
	while (!w->stop) {
		watch_sweep(w);
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 250 * 1000 * 1000;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!w->stop && pthread_cond_timedwait(&w->wake, &w->lock,
							  &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int http_watch_start(int header_seconds, int body_seconds,
		     struct http_watch **out, struct wc_error *err)
{
	struct http_watch *w = calloc(1, sizeof(*w));
	pthread_condattr_t attr;

	*out = NULL;
	if (!w)
		return wc_error_set(err, "internal", NULL, "out of memory");
	w->header_seconds = header_seconds;
	w->body_seconds = body_seconds;
	pthread_mutex_init(&w->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&w->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&w->thread, NULL, watch_main, w) != 0) {
		pthread_cond_destroy(&w->wake);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return wc_error_set(err, "internal", NULL,
				    "cannot start the connection watch");
	}
	*out = w;
	return 0;
}

void http_watch_stop(struct http_watch **wp)
{
	struct http_watch *w = *wp;

	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	/* MHD_stop_daemon closed every connection and told us so. */
	while (w->head) {
		struct watched *e = w->head;

		w->head = e->next;
		free(e);
	}
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	free(w);
	*wp = NULL;
}
