/* journal.c - the append-only encrypted offline journal (journal.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "wincase/journal.h"

#define MAGIC	  "WCJRNL1\n"
#define MAGIC_LEN 8
#define ID_LEN	  16
#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN	  crypto_aead_xchacha20poly1305_ietf_ABYTES
/* magic, id, then a nonce and the tag of nothing under id + owner: a
 * journal of another clerk is refused even when it holds no entry */
#define HEAD_LEN (MAGIC_LEN + ID_LEN + NONCE_LEN + TAG_LEN)

struct journal {
	char path[4096];
	char owner[128];
	unsigned char key[32];
	unsigned char id[ID_LEN];
	int fd;
	size_t n, cap;
	char **entries;
};

static int write_all(int fd, const void *p, size_t len)
{
	const char *s = p;

	while (len > 0) {
		ssize_t w = write(fd, s, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		len -= (size_t)w;
	}
	return 0;
}

static size_t ad_build(const struct journal *j, uint64_t seq,
		       unsigned char *out, size_t size)
{
	size_t olen = strlen(j->owner);

	if (ID_LEN + olen + 8 > size)
		return 0;
	memcpy(out, j->id, ID_LEN);
	memcpy(out + ID_LEN, j->owner, olen);
	for (int i = 0; i < 8; i++)
		out[ID_LEN + olen + (size_t)i] =
		    (unsigned char)(seq >> (56 - 8 * i));
	return ID_LEN + olen + 8;
}

static int entries_push(struct journal *j, char *text)
{
	if (j->n == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 32;
		char **p = realloc(j->entries, cap * sizeof(*p));

		if (!p)
			return -1;
		j->entries = p;
		j->cap = cap;
	}
	j->entries[j->n++] = text;
	return 0;
}

static void entries_free(struct journal *j)
{
	for (size_t i = 0; i < j->n; i++) {
		sodium_memzero(j->entries[i], strlen(j->entries[i]));
		free(j->entries[i]);
	}
	free(j->entries);
	j->entries = NULL;
	j->n = j->cap = 0;
}

/* One sealed entry: length, nonce, ciphertext into a new buffer. */
static unsigned char *entry_seal(const struct journal *j, uint64_t seq,
				 const char *payload, size_t *size)
{
	size_t len = strlen(payload), clen = len + TAG_LEN;
	unsigned char ad[256], *buf = malloc(4 + NONCE_LEN + clen);
	size_t adlen = ad_build(j, seq, ad, sizeof(ad));

	if (!buf || !adlen) {
		free(buf);
		return NULL;
	}
	buf[0] = (unsigned char)(clen >> 24);
	buf[1] = (unsigned char)(clen >> 16);
	buf[2] = (unsigned char)(clen >> 8);
	buf[3] = (unsigned char)clen;
	randombytes_buf(buf + 4, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    buf + 4 + NONCE_LEN, NULL, (const unsigned char *)payload, len, ad,
	    adlen, NULL, buf + 4, j->key);
	*size = 4 + NONCE_LEN + clen;
	return buf;
}

/* The header's tag: AEAD of nothing with the id and the owner. */
static int head_seal(const struct journal *j, unsigned char *head)
{
	unsigned char ad[256], *nonce = head + MAGIC_LEN + ID_LEN;
	size_t adlen = ad_build(j, 0, ad, sizeof(ad));

	if (!adlen)
		return -1;
	randombytes_buf(nonce, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    nonce + NONCE_LEN, NULL, NULL, 0, ad, adlen, NULL, nonce, j->key);
	return 0;
}

static bool head_open(const struct journal *j, const unsigned char *head)
{
	const unsigned char *nonce = head + MAGIC_LEN + ID_LEN;
	unsigned char ad[256];
	size_t adlen = ad_build(j, 0, ad, sizeof(ad));

	return adlen && crypto_aead_xchacha20poly1305_ietf_decrypt(
			    NULL, NULL, NULL, nonce + NONCE_LEN, TAG_LEN, ad,
			    adlen, nonce, j->key) == 0;
}

/* A new file at path with the header and the payloads; fsync'd. */
static int file_create(struct journal *j, const char *path,
		       const char *const *payloads, size_t n)
{
	unsigned char head[HEAD_LEN];
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int ret = -1;

	if (fd < 0)
		return -1;
	memcpy(head, MAGIC, MAGIC_LEN);
	memcpy(head + MAGIC_LEN, j->id, ID_LEN);
	if (head_seal(j, head) || write_all(fd, head, HEAD_LEN))
		goto done;
	for (size_t i = 0; i < n; i++) {
		size_t size;
		unsigned char *e = entry_seal(j, i + 1, payloads[i], &size);

		if (!e || write_all(fd, e, size)) {
			free(e);
			goto done;
		}
		free(e);
	}
	if (fsync(fd) == 0)
		ret = 0;
done:
	close(fd);
	return ret;
}

static void dir_sync(const char *path)
{
	char dir[4096];
	char *slash;
	int fd;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		return;
	*slash = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Atomically replaces j->path with a new journal (new id) holding the
 * payloads, and reopens it for appending. */
static int file_start(struct journal *j, const char *const *payloads, size_t n)
{
	char tmp[4200];

	randombytes_buf(j->id, ID_LEN);
	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", j->path, (long)getpid());
	if (file_create(j, tmp, payloads, n) || rename(tmp, j->path)) {
		unlink(tmp);
		return -1;
	}
	dir_sync(j->path);
	if (j->fd >= 0)
		close(j->fd);
	j->fd = open(j->path, O_WRONLY | O_APPEND | O_CLOEXEC);
	return j->fd < 0 ? -1 : 0;
}

enum read_result { READ_OK, READ_TORN, READ_REFUSED, READ_FAILED };

/* Reads every entry of data (size bytes); *good is the length of the
 * whole entries that opened. */
static enum read_result entries_read(struct journal *j,
				     const unsigned char *data, size_t size,
				     size_t *good)
{
	size_t at = HEAD_LEN;
	unsigned char ad[256];

	*good = HEAD_LEN;
	if (size < HEAD_LEN)
		return size == 0 ? READ_TORN : READ_REFUSED;
	if (memcmp(data, MAGIC, MAGIC_LEN) != 0)
		return READ_REFUSED;
	memcpy(j->id, data + MAGIC_LEN, ID_LEN);
	if (!head_open(j, data))
		return READ_REFUSED;
	while (at < size) {
		size_t clen, adlen;
		char *text;

		if (size - at < 4 + NONCE_LEN)
			return READ_TORN;
		clen = (size_t)data[at] << 24 | (size_t)data[at + 1] << 16 |
		       (size_t)data[at + 2] << 8 | data[at + 3];
		if (clen < TAG_LEN || clen > JOURNAL_ENTRY_MAX + TAG_LEN)
			return READ_REFUSED;
		if (size - at - 4 - NONCE_LEN < clen)
			return READ_TORN; /* cut short: the last write */
		text = malloc(clen - TAG_LEN + 1);
		adlen = ad_build(j, j->n + 1, ad, sizeof(ad));
		if (!text)
			return READ_FAILED;
		if (crypto_aead_xchacha20poly1305_ietf_decrypt(
			(unsigned char *)text, NULL, NULL,
			data + at + 4 + NONCE_LEN, clen, ad, adlen,
			data + at + 4, j->key) != 0) {
			free(text);
			return READ_REFUSED;
		}
		text[clen - TAG_LEN] = '\0';
		if (entries_push(j, text)) {
			free(text);
			return READ_FAILED;
		}
		at += 4 + NONCE_LEN + clen;
		*good = at;
	}
	return READ_OK;
}

static int file_slurp(const char *path, unsigned char **data, size_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t got = 0;

	*data = NULL;
	*size = 0;
	if (fd < 0)
		return errno == ENOENT ? 1 : -1;
	if (fstat(fd, &st) || st.st_size < 0 ||
	    (uint64_t)st.st_size > 512u * 1024u * 1024u) {
		close(fd);
		return -1;
	}
	*data = malloc((size_t)st.st_size + 1);
	if (!*data) {
		close(fd);
		return -1;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, *data + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*size = got;
	return 0;
}

static int refuse(struct journal *j, struct journal_open_report *rep)
{
	entries_free(j);
	snprintf(rep->set_aside, sizeof(rep->set_aside), "%s.refused-%ld",
		 j->path, (long)time(NULL));
	if (rename(j->path, rep->set_aside))
		return -1;
	rep->refused = true;
	return file_start(j, NULL, 0);
}

int journal_open(const char *path, const unsigned char *key, const char *owner,
		 struct journal **out, struct journal_open_report *rep,
		 struct wc_error *err)
{
	struct journal *j = calloc(1, sizeof(*j));
	unsigned char *data = NULL;
	size_t size, good;
	int rc, ret = -1;

	*out = NULL;
	memset(rep, 0, sizeof(*rep));
	if (!j)
		return wc_error_set(err, "internal", NULL, "out of memory");
	j->fd = -1;
	snprintf(j->path, sizeof(j->path), "%s", path);
	snprintf(j->owner, sizeof(j->owner), "%s", owner);
	memcpy(j->key, key, 32);
	rc = file_slurp(path, &data, &size);
	if (rc < 0) {
		wc_error_set(err, "local_store", NULL, "cannot read %s", path);
		goto done;
	}
	if (rc == 1) { /* none yet */
		if (file_start(j, NULL, 0))
			goto fail_write;
		ret = 0;
		goto done;
	}
	switch (entries_read(j, data, size, &good)) {
	case READ_OK:
		break;
	case READ_TORN:
		rep->torn_tail = size > 0;
		if (size < HEAD_LEN) { /* never had a whole header */
			entries_free(j);
			if (file_start(j, NULL, 0))
				goto fail_write;
			break;
		}
		if (truncate(path, (off_t)good))
			goto fail_write;
		break;
	case READ_REFUSED:
		if (refuse(j, rep))
			goto fail_write;
		break;
	default:
		wc_error_set(err, "internal", NULL, "out of memory");
		goto done;
	}
	if (j->fd < 0)
		j->fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (j->fd < 0)
		goto fail_write;
	rep->entries = j->n;
	ret = 0;
	goto done;
fail_write:
	wc_error_set(err, "local_store", NULL, "cannot write %s", path);
done:
	free(data);
	if (ret) {
		journal_close(&j);
		return -1;
	}
	*out = j;
	return 0;
}

void journal_close(struct journal **jp)
{
	struct journal *j = *jp;

	if (!j)
		return;
	if (j->fd >= 0)
		close(j->fd);
	entries_free(j);
	sodium_memzero(j->key, sizeof(j->key));
	free(j);
	*jp = NULL;
}

int journal_append(struct journal *j, const char *payload, struct wc_error *err)
{
	size_t size, len = strlen(payload);
	unsigned char *e;
	char *copy;

	if (len > JOURNAL_ENTRY_MAX)
		return wc_error_set(err, "too_large", NULL,
				    "journal entry too large");
	e = entry_seal(j, j->n + 1, payload, &size);
	copy = strdup(payload);
	if (!e || !copy) {
		free(e);
		free(copy);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	/* One write of the whole entry, then fsync: the screen says saved
	 * only after this returns. */
	if (write_all(j->fd, e, size) || fsync(j->fd)) {
		free(e);
		free(copy);
		return wc_error_set(err, "local_store", NULL,
				    "cannot write the journal %s", j->path);
	}
	free(e);
	if (entries_push(j, copy)) {
		free(copy);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	return 0;
}

size_t journal_count(const struct journal *j)
{
	return j->n;
}

const char *journal_entry(const struct journal *j, size_t index)
{
	return index < j->n ? j->entries[index] : NULL;
}

int journal_rewrite(struct journal *j, const char *const *payloads, size_t n,
		    struct wc_error *err)
{
	char **copies = calloc(n ? n : 1, sizeof(*copies));

	if (!copies)
		return wc_error_set(err, "internal", NULL, "out of memory");
	for (size_t i = 0; i < n; i++)
		if (!(copies[i] = strdup(payloads[i]))) {
			for (size_t k = 0; k < i; k++)
				free(copies[k]);
			free(copies);
			return wc_error_set(err, "internal", NULL,
					    "out of memory");
		}
	if (file_start(j, payloads, n)) {
		for (size_t k = 0; k < n; k++)
			free(copies[k]);
		free(copies);
		return wc_error_set(err, "local_store", NULL,
				    "cannot write the journal %s", j->path);
	}
	entries_free(j);
	j->entries = copies;
	j->n = j->cap = n;
	if (!n) {
		free(copies);
		j->entries = NULL;
		j->cap = 0;
	}
	return 0;
}
