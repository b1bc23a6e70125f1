/* localstore.c - a clerk's encrypted local data (localstore.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "wincase/localstore.h"

#define ENTRY_MAGIC	"WCLS1\n"
#define ENTRY_MAGIC_LEN 6
#define CLERK_MAGIC	"wincase-clerk 1"
#define ENTRY_MAX_BYTES (16u * 1024u * 1024u)
#define KDF_CONTEXT	"wclocal1"

struct localstore {
	char dir[4096];
	char owner[2 * 16 + 1 + 2 * 16 + 1];
	char username[128];
	unsigned char key[LOCALSTORE_KEY_BYTES];
};

/* A short hex BLAKE2b digest of s (16 bytes), for folder names. */
static void digest_hex(const char *s, char out[33])
{
	unsigned char d[16];

	crypto_generichash(d, sizeof(d), (const unsigned char *)s, strlen(s),
			   NULL, 0);
	sodium_bin2hex(out, 33, d, sizeof(d));
}

static int dir_make(const char *path)
{
	if (mkdir(path, 0700) == 0 || errno == EEXIST)
		return 0;
	return -1;
}

static int write_all(int fd, const void *p, size_t len)
{
	const char *s = p;

	while (len > 0) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* path = data (len bytes), atomically: temp, fsync (when sync), rename,
 * then the folder's fsync. */
static int file_replace(const char *dir, const char *path, const void *data,
			size_t len, bool sync)
{
	char tmp[4200];
	int fd, dfd, ret = -1;

	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) == 0 && (!sync || fsync(fd) == 0))
		ret = 0;
	if (close(fd) != 0)
		ret = -1;
	if (ret == 0 && rename(tmp, path) != 0)
		ret = -1;
	if (ret != 0) {
		unlink(tmp);
		return -1;
	}
	if (sync) {
		dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			fsync(dfd);
			close(dfd);
		}
	}
	return 0;
}

/* The whole file (at most ENTRY_MAX_BYTES) into *out, NUL-terminated. */
static int file_read(const char *path, unsigned char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;

	*out = NULL;
	if (!f)
		return -1;
	for (;;) {
		size_t got;

		if (n + 4097 > cap) {
			unsigned char *p;

			cap = cap ? cap * 2 : 8192;
			if (cap > ENTRY_MAX_BYTES + 4096 ||
			    !(p = realloc(buf, cap)))
				goto fail;
			buf = p;
		}
		got = fread(buf + n, 1, 4096, f);
		n += got;
		if (got < 4096)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
fail:
	fclose(f);
	free(buf);
	return -1;
}

/* The associated data of entry name: "wincase-local 1|OWNER|name". */
static size_t ad_of(const struct localstore *s, const char *name, char *out,
		    size_t size)
{
	int n = snprintf(out, size, "wincase-local 1|%s|%s", s->owner, name);

	return n < 0 ? 0 : (size_t)n;
}

/* The clerk file: magic, salt, limits, verifier, all hex or decimal. */
struct clerk_file {
	unsigned char salt[crypto_pwhash_SALTBYTES];
	unsigned long long ops;
	size_t mem;
	unsigned char verifier[32];
};

static int clerk_read(const char *path, struct clerk_file *c)
{
	unsigned char *text;
	char salt[2 * crypto_pwhash_SALTBYTES + 2], ver[66];
	size_t len;
	int ok;

	if (file_read(path, &text, &len))
		return -1;
	ok = sscanf((char *)text,
		    CLERK_MAGIC "\nsalt %33s\nops %llu\nmem %zu\nverifier %65s",
		    salt, &c->ops, &c->mem, ver) == 4 &&
	     sodium_hex2bin(c->salt, sizeof(c->salt), salt, strlen(salt), NULL,
			    NULL, NULL) == 0 &&
	     sodium_hex2bin(c->verifier, sizeof(c->verifier), ver, strlen(ver),
			    NULL, NULL, NULL) == 0 &&
	     c->ops >= crypto_pwhash_OPSLIMIT_MIN &&
	     c->ops <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
	     c->mem >= crypto_pwhash_MEMLIMIT_MIN &&
	     c->mem <= crypto_pwhash_MEMLIMIT_SENSITIVE;
	free(text);
	return ok ? 0 : -1;
}

static int clerk_write(const char *dir, const char *path,
		       const struct clerk_file *c)
{
	char salt[2 * crypto_pwhash_SALTBYTES + 1], ver[65], text[512];
	int n;

	sodium_bin2hex(salt, sizeof(salt), c->salt, sizeof(c->salt));
	sodium_bin2hex(ver, sizeof(ver), c->verifier, sizeof(c->verifier));
	n = snprintf(text, sizeof(text),
		     CLERK_MAGIC "\nsalt %s\nops %llu\nmem %zu\nverifier %s\n",
		     salt, c->ops, c->mem, ver);
	return file_replace(dir, path, text, (size_t)n, true);
}

/* The encryption key and the verifier from the password and c's salt. */
static int key_derive(const char *password, const struct clerk_file *c,
		      unsigned char key[32], unsigned char verifier[32])
{
	unsigned char master[crypto_kdf_KEYBYTES];
	int ret = -1;

	if (crypto_pwhash(master, sizeof(master), password, strlen(password),
			  c->salt, c->ops, c->mem,
			  crypto_pwhash_ALG_ARGON2ID13) == 0 &&
	    crypto_kdf_derive_from_key(key, 32, 1, KDF_CONTEXT, master) == 0 &&
	    crypto_kdf_derive_from_key(verifier, 32, 2, KDF_CONTEXT, master) ==
		0)
		ret = 0;
	sodium_memzero(master, sizeof(master));
	return ret;
}

/* A folder that no longer opens with this password is kept, not lost. */
static int folder_set_aside(const char *dir)
{
	char old[4200];

	snprintf(old, sizeof(old), "%s.old-%ld", dir, (long)time(NULL));
	return rename(dir, old);
}

static int folders_make(const char *data_dir, const char *server,
			const char *user, char *dir, size_t size)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/local", data_dir);
	if (dir_make(data_dir) || dir_make(path))
		return -1;
	snprintf(path, sizeof(path), "%s/local/%s", data_dir, server);
	if (dir_make(path))
		return -1;
	if ((size_t)snprintf(dir, size, "%s/%s", path, user) >= size)
		return -1;
	return 0;
}

static int store_unlock(struct localstore *s, const char *password,
			enum localstore_mode mode, bool *moved_aside,
			struct wc_error *err)
{
	struct clerk_file c;
	unsigned char verifier[32];
	char path[4200];

	snprintf(path, sizeof(path), "%s/clerk", s->dir);
	if (clerk_read(path, &c) == 0) {
		if (key_derive(password, &c, s->key, verifier))
			return wc_error_set(err, "internal", NULL,
					    "key derivation failed");
		if (sodium_memcmp(verifier, c.verifier, 32) == 0)
			return 0;
		if (mode == LOCALSTORE_EXISTING)
			return wc_error_set(err, "bad_credentials", NULL,
					    "not the password of the last "
					    "online login");
		if (folder_set_aside(s->dir))
			return wc_error_set(err, "local_store", NULL,
					    "cannot set the old folder aside");
		if (moved_aside)
			*moved_aside = true;
	} else if (mode == LOCALSTORE_EXISTING) {
		return wc_error_set(err, "no_local_login", NULL,
				    "no online login on this computer yet");
	}
	if (dir_make(s->dir))
		return wc_error_set(err, "local_store", NULL,
				    "cannot create %s", s->dir);
	randombytes_buf(c.salt, sizeof(c.salt));
	c.ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	c.mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	if (key_derive(password, &c, s->key, c.verifier) ||
	    clerk_write(s->dir, path, &c))
		return wc_error_set(err, "local_store", NULL, "cannot write %s",
				    path);
	return 0;
}

int localstore_open(const char *data_dir, const char *server_url,
		    const char *username, const char *password,
		    enum localstore_mode mode, struct localstore **out,
		    bool *moved_aside, struct wc_error *err)
{
	struct localstore *s;
	char server[33], user[33];

	*out = NULL;
	if (moved_aside)
		*moved_aside = false;
	if (!data_dir || !*data_dir || !username || !*username || !password)
		return wc_error_set(err, "local_store", NULL, "no data folder");
	if (sodium_init() < 0)
		return wc_error_set(err, "internal", NULL, "sodium_init");
	s = sodium_malloc(sizeof(*s));
	if (!s)
		return wc_error_set(err, "internal", NULL, "out of memory");
	memset(s, 0, sizeof(*s));
	digest_hex(server_url ? server_url : "", server);
	digest_hex(username, user);
	snprintf(s->owner, sizeof(s->owner), "%s/%s", server, user);
	snprintf(s->username, sizeof(s->username), "%s", username);
	if (folders_make(data_dir, server, user, s->dir, sizeof(s->dir))) {
		sodium_free(s);
		return wc_error_set(err, "local_store", NULL,
				    "cannot create the data folder %s",
				    data_dir);
	}
	if (store_unlock(s, password, mode, moved_aside, err)) {
		sodium_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

void localstore_close(struct localstore **store)
{
	if (!*store)
		return;
	sodium_free(*store); /* zeroes the key */
	*store = NULL;
}

const char *localstore_dir(const struct localstore *store)
{
	return store->dir;
}

const unsigned char *localstore_key(const struct localstore *store)
{
	return store->key;
}

const char *localstore_owner(const struct localstore *store)
{
	return store->owner;
}

const char *localstore_username(const struct localstore *store)
{
	return store->username;
}

bool localstore_name_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n >= LOCALSTORE_NAME_MAX || name[0] == '.')
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_.-") == n;
}

static int entry_path(const struct localstore *s, const char *name, char *out,
		      size_t size, struct wc_error *err)
{
	if (!localstore_name_ok(name))
		return wc_error_set(err, "bad_request", "name",
				    "bad local entry name");
	snprintf(out, size, "%s/%s.wce", s->dir, name);
	return 0;
}

int localstore_put(struct localstore *store, const char *name, const void *data,
		   size_t len, bool sync, struct wc_error *err)
{
	char path[4200], ad[256];
	size_t adlen = ad_of(store, name, ad, sizeof(ad));
	size_t total = ENTRY_MAGIC_LEN +
		       crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + len +
		       crypto_aead_xchacha20poly1305_ietf_ABYTES;
	unsigned char *buf, *nonce;
	unsigned long long clen;
	int ret;

	if (entry_path(store, name, path, sizeof(path), err))
		return -1;
	if (len > ENTRY_MAX_BYTES)
		return wc_error_set(err, "too_large", NULL, "entry too large");
	buf = malloc(total);
	if (!buf)
		return wc_error_set(err, "internal", NULL, "out of memory");
	memcpy(buf, ENTRY_MAGIC, ENTRY_MAGIC_LEN);
	nonce = buf + ENTRY_MAGIC_LEN;
	randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(
	    nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &clen, data,
	    len, (const unsigned char *)ad, adlen, NULL, nonce, store->key);
	ret = file_replace(store->dir, path, buf, total, sync);
	free(buf);
	if (ret)
		return wc_error_set(err, "local_store", NULL, "cannot write %s",
				    path);
	return 0;
}

int localstore_get(struct localstore *store, const char *name, char **data,
		   size_t *len, struct wc_error *err)
{
	const size_t head =
	    ENTRY_MAGIC_LEN + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	char path[4200], ad[256];
	size_t adlen = ad_of(store, name, ad, sizeof(ad)), n;
	unsigned char *raw;
	unsigned long long plen;
	char *plain;

	*data = NULL;
	if (entry_path(store, name, path, sizeof(path), err))
		return -1;
	if (file_read(path, &raw, &n))
		return wc_error_set(err, "not_found", NULL, "no entry %s",
				    name);
	if (n < head + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
	    memcmp(raw, ENTRY_MAGIC, ENTRY_MAGIC_LEN) != 0) {
		free(raw);
		return wc_error_set(err, "refused", NULL,
				    "%s is not a wincase local file", path);
	}
	plain = malloc(n - head + 1);
	if (!plain) {
		free(raw);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(
		(unsigned char *)plain, &plen, NULL, raw + head, n - head,
		(const unsigned char *)ad, adlen, raw + ENTRY_MAGIC_LEN,
		store->key) != 0) {
		free(raw);
		free(plain);
		return wc_error_set(err, "refused", NULL,
				    "%s does not open with this clerk's key "
				    "(another clerk's, altered or renamed)",
				    path);
	}
	free(raw);
	plain[plen] = '\0';
	*data = plain;
	if (len)
		*len = (size_t)plen;
	return 0;
}

int localstore_remove(struct localstore *store, const char *name)
{
	char path[4200];

	if (entry_path(store, name, path, sizeof(path), NULL))
		return -1;
	if (unlink(path) != 0 && errno != ENOENT)
		return -1;
	return 0;
}

size_t localstore_list(struct localstore *store, const char *prefix,
		       char (*names)[LOCALSTORE_NAME_MAX], size_t max)
{
	DIR *d = opendir(store->dir);
	struct dirent *e;
	size_t n = 0, plen = strlen(prefix);

	if (!d)
		return 0;
	while (n < max && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len <= 4 || strcmp(e->d_name + len - 4, ".wce") != 0 ||
		    strncmp(e->d_name, prefix, plen) != 0 ||
		    len - 4 >= LOCALSTORE_NAME_MAX)
			continue;
		memcpy(names[n], e->d_name, len - 4);
		names[n][len - 4] = '\0';
		if (localstore_name_ok(names[n]))
			n++;
	}
	closedir(d);
	return n;
}
