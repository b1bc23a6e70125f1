/* print.c - documents to the printer (posix_spawnp, no shell) and to
 * files in the data folder: the server's PDF as it is, or the text. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/print.h"

extern char **environ;

static const char *print_mark;

void print_set_mark(const char *mark)
{
	print_mark = mark;
}

/* One line of the mark: "==== 培训样张 ==== 培训样张 ==== 培训样张 ====". */
static int mark_line(char *out, size_t size)
{
	return snprintf(out, size, "==== %s ==== %s ==== %s ====\n", print_mark,
			print_mark, print_mark);
}

char *print_marked(const char *text)
{
	size_t len, lines = 0, size;
	char line[256], *out, *o;
	int ml;

	text = text ? text : "";
	if (!print_mark || !*print_mark)
		return strdup(text);
	len = strlen(text);
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	ml = mark_line(line, sizeof(line));
	size = len + 2 + ((lines + 1) / PRINT_MARK_EVERY + 3) * (size_t)ml;
	out = o = malloc(size);
	if (!out)
		return NULL;
	o += snprintf(o, size, "%s", line);
	for (size_t n = 0; *text;) {
		const char *nl = strchr(text, '\n');
		size_t l = nl ? (size_t)(nl - text) + 1 : strlen(text);

		memcpy(o, text, l);
		o += l;
		text += l;
		if (!nl)
			*o++ = '\n';
		if (++n % PRINT_MARK_EVERY == 0 && *text) {
			memcpy(o, line, (size_t)ml);
			o += ml;
		}
	}
	memcpy(o, line, (size_t)ml + 1);
	return out;
}

/* One word of command from *in into *out (both in the same buffer, out
 * never ahead of in): blanks end it, "..." and '...' keep blanks (a
 * backslash inside "..." takes the next " or \ as it is). False for a
 * quote left open. */
static bool split_word(const char **in, char **out)
{
	const char *p = *in;
	char *o = *out, quote = 0;

	for (; *p && (quote || (*p != ' ' && *p != '\t')); p++) {
		if (quote && *p == quote)
			quote = 0;
		else if (!quote && (*p == '"' || *p == '\''))
			quote = *p;
		else if (quote == '"' && *p == '\\' &&
			 (p[1] == '"' || p[1] == '\\'))
			*o++ = *++p;
		else
			*o++ = *p;
	}
	/* The blank that ended the word is read before out may overwrite it
	 * with the word's NUL. */
	if (*p)
		p++;
	*o++ = '\0';
	*in = p;
	*out = o;
	return quote == 0;
}

size_t print_split(const char *command, char *buf, size_t size,
		   char *argv[PRINT_MAX_ARGS])
{
	const char *in;
	char *out = buf;
	size_t n = 0;

	argv[0] = NULL;
	if (!command || strlen(command) >= size)
		return 0;
	/* The words are copied into buf as they are read: a word never
	 * grows, so out stays at or behind the reading position. */
	strcpy(buf, command);
	in = buf;
	while (n + 1 < PRINT_MAX_ARGS) {
		while (*in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		argv[n] = out;
		if (!split_word(&in, &out)) {
			argv[0] = NULL;
			return 0;
		}
		n++;
	}
	argv[n] = NULL;
	return n;
}

/* Writes all of text to fd; false on an error (EPIPE included). */
static bool write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, text, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		text += w;
		len -= (size_t)w;
	}
	return true;
}

static int spawn_with_stdin(char **argv, int *fd_out, pid_t *pid,
			    struct wc_error *err)
{
	posix_spawn_file_actions_t fa;
	int fds[2], rc;

	if (pipe(fds))
		return wc_error_set(err, "print_failed", NULL, "%s", argv[0]);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[0], STDIN_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
					 O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
					 O_WRONLY, 0);
	rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[0]);
	if (rc != 0) {
		close(fds[1]);
		return wc_error_set(err, "print_failed", NULL, "%s", argv[0]);
	}
	*fd_out = fds[1];
	return 0;
}

/* The print command with len bytes of data on its standard input. */
static int print_bytes(const char *command, const char *data, size_t len,
		       struct wc_error *err)
{
	char buf[1024], *argv[PRINT_MAX_ARGS];
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	int fd = -1, status = 0;
	bool written;
	pid_t pid;

	if (print_split(command, buf, sizeof(buf), argv) == 0)
		return wc_error_set(err, "print_failed", NULL, "%s",
				    "no print command");
	if (spawn_with_stdin(argv, &fd, &pid, err))
		return -1;
	/* A printer command that stops reading must not kill the client. */
	sigaction(SIGPIPE, &ign, &old);
	written = write_all(fd, data, len);
	close(fd);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!written || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return wc_error_set(err, "print_failed", NULL, "%s", argv[0]);
	return 0;
}

int print_text(const char *command, const char *text, struct wc_error *err)
{
	char *marked = print_marked(text);
	int rc;

	if (!marked)
		return wc_error_set(err, "print_failed", NULL, "%s",
				    "out of memory");
	rc = print_bytes(command, marked, strlen(marked), err);
	free(marked);
	return rc;
}

int print_pdf(const char *command, const char *pdf, size_t len,
	      struct wc_error *err)
{
	return print_bytes(command, pdf, len, err);
}

/* data_dir with "~/" expanded into out. */
static int dir_expand(const char *data_dir, char *out, size_t size)
{
	const char *home = getenv("HOME");
	int n;

	if (data_dir[0] == '~' && (data_dir[1] == '/' || !data_dir[1]))
		n = snprintf(out, size, "%s%s", home ? home : "", data_dir + 1);
	else
		n = snprintf(out, size, "%s", data_dir);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* mkdir -p with mode 0700 for the folders it creates. */
static int dir_make(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) && errno != EEXIST ? -1 : 0;
}

/* len bytes of data to data_dir/name, through a temporary name. */
static int save_bytes(const char *data_dir, const char *name, const char *data,
		      size_t len, char *path_out, size_t path_size,
		      struct wc_error *err)
{
	char dir[1024], tmp[1200];
	bool ok;
	int fd, n;

	if (!data_dir || dir_expand(data_dir, dir, sizeof(dir)) ||
	    dir_make(dir))
		return wc_error_set(err, "save_failed", NULL, "%s",
				    data_dir ? data_dir : "");
	n = snprintf(path_out, path_size, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= path_size ||
	    snprintf(tmp, sizeof(tmp), "%s.tmp", path_out) >= (int)sizeof(tmp))
		return wc_error_set(err, "save_failed", NULL, "%s", name);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return wc_error_set(err, "save_failed", NULL, "%s", tmp);
	ok = write_all(fd, data, len) && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path_out)) {
		unlink(tmp);
		return wc_error_set(err, "save_failed", NULL, "%s", path_out);
	}
	return 0;
}

int print_save(const char *data_dir, const char *name, const char *text,
	       char *path_out, size_t path_size, struct wc_error *err)
{
	char *marked = print_marked(text); /* 培训样张 in training */
	int rc;

	if (!marked)
		return wc_error_set(err, "save_failed", NULL, "%s", name);
	rc = save_bytes(data_dir, name, marked, strlen(marked), path_out,
			path_size, err);
	free(marked);
	return rc;
}

int print_save_pdf(const char *data_dir, const char *name, const char *pdf,
		   size_t len, char *path_out, size_t path_size,
		   struct wc_error *err)
{
	return save_bytes(data_dir, name, pdf, len, path_out, path_size, err);
}
