/* documents_key.c - the server's Ed25519 signing key: a 32-byte seed in
 * the data folder, created once with mode 0600 and refused when others may
 * read it (DESIGN.md 5). */
#include "documents.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#define SEED_BYTES 32

/* Read the seed from an open key file, refusing an unsafe or malformed
 * one with a message that says what to do. */
static int key_read(int fd, const char *path, unsigned char seed[SEED_BYTES],
		    struct wc_error *err)
{
	struct stat st;
	size_t got = 0;

	if (fstat(fd, &st) < 0)
		return wc_error_set(err, "internal", "key",
				    "cannot stat %s: %s", path,
				    strerror(errno));
	if (!S_ISREG(st.st_mode))
		return wc_error_set(err, "internal", "key",
				    "signing key %s is not a regular file",
				    path);
	if (st.st_mode & (S_IRWXG | S_IRWXO))
		return wc_error_set(err, "internal", "key",
				    "signing key %s is accessible by group or "
				    "others (mode %04o); refusing to start: "
				    "chmod 600 it",
				    path, (unsigned)(st.st_mode & 07777));
	if (st.st_size != SEED_BYTES)
		return wc_error_set(err, "internal", "key",
				    "signing key %s is malformed (%lld bytes, "
				    "expected a %d-byte Ed25519 seed)",
				    path, (long long)st.st_size, SEED_BYTES);
	while (got < SEED_BYTES) {
		ssize_t n = read(fd, seed + got, SEED_BYTES - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return wc_error_set(err, "internal", "key",
					    "cannot read signing key %s", path);
		got += (size_t)n;
	}
	return 0;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int key_open_existing(const char *path, unsigned char seed[SEED_BYTES],
			     struct wc_error *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return wc_error_set(err, "internal", "key",
				    "cannot open signing key %s: %s", path,
				    strerror(errno));
	rc = key_read(fd, path, seed, err);
	close(fd);
	return rc;
}

/* Write a new seed beside the key and link it into place, so that the key
 * file never exists half-written and an existing one is never replaced. */
static int key_create(const char *dir, const char *path,
		      unsigned char seed[SEED_BYTES], bool *created,
		      struct wc_error *err)
{
	char tmp[640];
	int fd, rc = -1;

	snprintf(tmp, sizeof(tmp), "%s.new", path);
	if (unlink(tmp) < 0 && errno != ENOENT)
		return wc_error_set(err, "internal", "key",
				    "cannot remove %s: %s", tmp,
				    strerror(errno));
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		  0600);
	if (fd < 0)
		return wc_error_set(err, "internal", "key",
				    "cannot create signing key %s: %s", tmp,
				    strerror(errno));
	randombytes_buf(seed, SEED_BYTES);
	if (write_all(fd, seed, SEED_BYTES) < 0 || fsync(fd) < 0) {
		wc_error_set(err, "internal", "key", "cannot write %s: %s", tmp,
			     strerror(errno));
		close(fd);
		goto done;
	}
	close(fd);
	if (link(tmp, path) < 0) {
		if (errno == EEXIST) /* another start made it first */
			rc = key_open_existing(path, seed, err);
		else
			wc_error_set(err, "internal", "key",
				     "cannot create signing key %s: %s", path,
				     strerror(errno));
		goto done;
	}
	sync_dir(dir);
	*created = true;
	rc = 0;
done:
	unlink(tmp);
	return rc;
}

int document_key_open(const char *dir, unsigned char seed[32], bool *created,
		      struct wc_error *err)
{
	char path[600];
	struct stat st;

	*created = false;
	if (snprintf(path, sizeof(path), "%s/%s", dir, DOCUMENT_KEY_FILE) >=
	    (int)sizeof(path))
		return wc_error_set(err, "internal", "data_dir",
				    "data folder path too long");
	if (lstat(path, &st) == 0)
		return key_open_existing(path, seed, err);
	if (errno != ENOENT)
		return wc_error_set(err, "internal", "key",
				    "cannot stat %s: %s", path,
				    strerror(errno));
	return key_create(dir, path, seed, created, err);
}

void document_data_dir(const struct server_config *cfg, char *out, size_t size)
{
	const char *slash;

	if (cfg->data_dir[0]) {
		snprintf(out, size, "%s", cfg->data_dir);
		return;
	}
	slash = strrchr(cfg->db_path, '/');
	if (!slash)
		snprintf(out, size, ".");
	else if (slash == cfg->db_path)
		snprintf(out, size, "/");
	else
		snprintf(out, size, "%.*s", (int)(slash - cfg->db_path),
			 cfg->db_path);
}
