# wincase - build, test, run. See README.md.
#
#   make            bin/wincase and bin/wincased
#   make test       the whole suite (unit, API, terminal), "N passed, N failed";
#                   then the API suite again on PostgreSQL when it is installed
#   make test-pg    only the PostgreSQL part (API suite and tests/pg)
#   make check-asan the same suite built with ASan + UBSan into build-asan/
#   make run        the demo: wincased on SQLite in ./data and the client
#   make run-city   the city demo: PostgreSQL (primary + standby) in ./data,
#                   two wincased behind nginx, the client on the balancer
#   make bench      benchmarks, printing figures
#   make fuzz       libFuzzer targets, FUZZ_TIME (60) seconds each
#   make install    PREFIX=/usr/local DESTDIR= (then make uninstall)
#   make deb        the Debian packages (dpkg-buildpackage -us -uc -b)
# Honours CC, AR, PKG_CONFIG, CPPFLAGS, CFLAGS, LDFLAGS; WERROR=-Werror
# (set by the test targets) makes warnings errors.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
BIN     ?= bin
# Make's own defaults are CC=cc and AR=ar; the environment's win.
PKG_CONFIG ?= pkg-config
BINDIR     ?= $(PREFIX)/bin
SHAREDIR   ?= $(PREFIX)/share/wincase
MANDIR     ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
SYSCONFDIR ?= /etc
STATEDIR   ?= /var/lib/wincase
EXAMPLEDIR ?= $(SHAREDIR)

PKG_CLIENT := ncursesw libcurl jansson libsodium inih
PKG_SERVER := libmicrohttpd gnutls sqlite3 libpq jansson libsodium inih cairo pangocairo fontconfig libqrencode
TEST_LIBS  := -lcmocka

.DEFAULT_GOAL := all

# Warnings are errors for the test targets and CI (WERROR=-Werror), not for
# a packager's `make` with a newer compiler.
WERROR  ?=
CFLAGS  ?= -g -O2
CPPFLAGS ?=
LDFLAGS ?=
CFLAGS_BASE := -std=c11 -Wall -Wextra $(WERROR) \
	-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DNCURSES_WIDECHAR=1 \
	-Iinclude -MMD -MP
SAN_FLAGS ?=

# pkg-config answers are cached in $(BUILD)/config.mk. scripts/deps.sh
# only checks here (plain `make` never installs anything); `make run` and
# `make test` let it install missing packages as README says. ncursesw's
# own -D_XOPEN_SOURCE=600 would clash with ours and is dropped.
DEPS_GOALS := run run-city test test-pg check check-asan
DEPS_MODE = $(if $(filter $(DEPS_GOALS),$(MAKECMDGOALS)),--install,)
ifeq ($(filter clean distclean format format-check uninstall,$(MAKECMDGOALS)),)
-include $(BUILD)/config.mk
endif

$(BUILD)/config.mk: scripts/deps.sh
	@mkdir -p $(BUILD)
	@PKG_CONFIG="$(PKG_CONFIG)" scripts/deps.sh $(DEPS_MODE) build
	@{ echo 'CLIENT_CFLAGS := '"$$($(PKG_CONFIG) --cflags $(PKG_CLIENT) | sed 's/-D_XOPEN_SOURCE=600//; s/-D_DEFAULT_SOURCE//')"; \
	  echo 'CLIENT_LIBS := '"$$($(PKG_CONFIG) --libs $(PKG_CLIENT))"; \
	  echo 'SERVER_CFLAGS := '"$$($(PKG_CONFIG) --cflags $(PKG_SERVER))"; \
	  echo 'SERVER_LIBS := '"$$($(PKG_CONFIG) --libs $(PKG_SERVER))"; \
	  } > $@.tmp
	@mv $@.tmp $@

# The installed paths are compiled into the few objects that look files
# up; a new PREFIX (or SYSCONFDIR, STATEDIR) rebuilds only those.
PATH_DEFS := -DWINCASE_SHARE_DIR=\"$(SHAREDIR)\" \
	-DWINCASE_SYSCONF_DIR=\"$(SYSCONFDIR)/wincase\" \
	-DWINCASE_STATE_DIR=\"$(STATEDIR)\"
PATHS_STAMP := $(BUILD)/paths-$(shell printf '%s' '$(PATH_DEFS)' | cksum | cut -d' ' -f1)
$(PATHS_STAMP):
	@mkdir -p $(BUILD) && rm -f $(BUILD)/paths-* && touch $@
PATH_OBJS := $(BUILD)/server/options.o $(BUILD)/server/config.o \
	$(BUILD)/tui/training/training.o $(BUILD)/tui/common/config.o
$(PATH_OBJS): $(PATHS_STAMP)
$(PATH_OBJS): ALL_CPPFLAGS += $(PATH_DEFS)

ALL_CPPFLAGS = $(CPPFLAGS)
ALL_CFLAGS = $(CFLAGS_BASE) $(CLIENT_CFLAGS) $(SERVER_CFLAGS) $(SAN_FLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)

CORE_SRC   := $(wildcard core/*.c)
FORMS_SRC  := $(wildcard forms/*.c)
NET_SRC    := $(wildcard net/*.c)
TUI_SRC    := $(wildcard tui/*.c tui/*/*.c)
# server/store/sqlite/ and server/store/pg/ (libpq) are the two back ends.
SERVER_SRC := $(wildcard server/*.c server/store/*.c server/store/*/*.c)
SUPPORT_SRC := $(wildcard tests/support/*.c)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
API_SRC    := $(wildcard tests/api/test_*.c)
PG_TEST_SRC := $(wildcard tests/pg/test_*.c)
BENCH_SRC  := $(wildcard tests/bench/bench_*.c)

obj = $(patsubst %.c,$(BUILD)/%.o,$(1))

LIBCORE   := $(BUILD)/libwccore.a
LIBFORMS  := $(BUILD)/libwcforms.a
LIBNET    := $(BUILD)/libwcnet.a
LIBSERVER := $(BUILD)/libwcserver.a
LIBTEST   := $(BUILD)/libwctest.a

WINCASE  := $(BIN)/wincase
WINCASED := $(BIN)/wincased
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
API_BIN   := $(patsubst tests/api/%.c,$(BUILD)/tests/%,$(API_SRC))
PG_TEST_BIN := $(patsubst tests/pg/%.c,$(BUILD)/tests/pg/%,$(PG_TEST_SRC))
BENCH_BIN := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))

.PHONY: all test test-pg check check-asan run run-city bench deb install uninstall clean format format-check tests
all: $(WINCASE) $(WINCASED)

# Each program's folder is its include root: tui/counter/x.c includes
# "common/messages.h", server/store/sqlite/x.c includes "store/store.h".
$(BUILD)/tui/%.o: ALL_CFLAGS += -Itui
$(BUILD)/server/%.o: ALL_CFLAGS += -Iserver
$(BUILD)/tests/unit/%.o: ALL_CFLAGS += -Itui -Iserver

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIBCORE): $(call obj,$(CORE_SRC))
$(LIBFORMS): $(call obj,$(FORMS_SRC))
$(LIBNET): $(call obj,$(NET_SRC))
$(LIBSERVER): $(call obj,$(filter-out server/main.c,$(SERVER_SRC)))
$(LIBTEST): $(call obj,$(SUPPORT_SRC))
$(BUILD)/%.a:
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

# --- docs/openapi.yaml embedded in wincased (GET /v1/openapi.yaml) --------
# The bytes as a C array; the build stops when the description's
# info.version is not WINCASE_VERSION (include/wincase/version.h).
OPENAPI_GEN := $(BUILD)/gen/openapi_yaml
$(OPENAPI_GEN).c: docs/openapi.yaml include/wincase/version.h
	@mkdir -p $(dir $@)
	@v=$$(sed -n 's/^#define WINCASE_VERSION "\(.*\)"/\1/p' include/wincase/version.h); \
	  grep -qx "  version: $$v" $< || { echo "$<: info.version is not $$v (include/wincase/version.h)" >&2; exit 1; }
	@{ echo '/* Generated from docs/openapi.yaml by the Makefile. */'; \
	  echo '#include "openapi.h"'; \
	  echo 'const unsigned char wincased_openapi_yaml[] = {'; \
	  od -An -v -tx1 $< | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '};'; \
	  echo 'const size_t wincased_openapi_yaml_len = sizeof(wincased_openapi_yaml);'; \
	} > $@.tmp && mv $@.tmp $@
$(OPENAPI_GEN).o: $(OPENAPI_GEN).c $(BUILD)/config.mk
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Iserver -c $< -o $@
$(LIBSERVER): $(OPENAPI_GEN).o

# The OpenAPI checks: Redocly lint, the API tests through Prism's proxy.
.PHONY: test-openapi
test-openapi: tests
	@BUILD=$(BUILD) BIN=$(BIN) tests/openapi/run.sh
# ---------------------------------------------------------------------------

# --- make fuzz: libFuzzer targets (tests/fuzz/README.md) ------------------
# Built with clang, ASan + UBSan, into $(BUILD)/fuzz/ (apart from the gcc
# objects); each target runs FUZZ_TIME seconds (-max_total_time) over its
# seeds in tests/fuzz/corpus/NAME/, FUZZ_JOBS at a time. CI: FUZZ_TIME=10.
FUZZ_CC   ?= clang
FUZZ_TIME ?= 60
FUZZ_JOBS ?= 1
FUZZ_DIR  := $(BUILD)/fuzz
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -g -O1 $(CFLAGS_BASE) -Iserver $(CLIENT_CFLAGS) \
	$(SERVER_CFLAGS) $(PATH_DEFS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS  := $(addprefix $(FUZZ_DIR)/fuzz_,$(FUZZ_NAMES))
FUZZ_LIB   := $(FUZZ_DIR)/libwcfuzz.a
FUZZ_LIB_SRC := $(CORE_SRC) $(FORMS_SRC) \
	$(filter-out server/main.c,$(SERVER_SRC)) $(OPENAPI_GEN).c
# The request-body targets (route_harness.h).
FUZZ_ROUTES := inquiries cases handoffs checklists sessions reviews admin

$(FUZZ_DIR)/obj/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -c $< -o $@
$(FUZZ_LIB): $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_LIB_SRC))
	rm -f $@ && $(AR) rcs $@ $^
$(addprefix $(FUZZ_DIR)/fuzz_,$(FUZZ_ROUTES)): \
	$(FUZZ_DIR)/obj/tests/fuzz/route_harness.o
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/obj/tests/fuzz/fuzz_%.o $(FUZZ_LIB)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ \
		$(filter %.o,$^) $(filter %.a,$^) \
		$(CLIENT_LIBS) $(SERVER_LIBS) -lpthread

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)
fuzz: fuzz-build
	@FUZZ_DIR=$(FUZZ_DIR) FUZZ_TIME=$(FUZZ_TIME) FUZZ_JOBS=$(FUZZ_JOBS) \
		tests/fuzz/run.sh $(FUZZ_NAMES)
.SECONDARY: $(patsubst %,$(FUZZ_DIR)/obj/tests/fuzz/fuzz_%.o,$(FUZZ_NAMES))
# --- end of make fuzz ------------------------------------------------------

# The client opens libcurl when its first request needs it (net/curl_lib.c):
# not linked, so that the login screen is drawn before libcurl and the
# thirty libraries behind it are loaded (issue 16).
WINCASE_LIBS = $(filter-out -lcurl,$(CLIENT_LIBS))
$(WINCASE): $(call obj,$(TUI_SRC)) $(LIBFORMS) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(WINCASE_LIBS)

$(WINCASED): $(BUILD)/server/main.o $(LIBSERVER) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SERVER_LIBS) -lpthread

# Unit tests link every library, like the programs do (STYLE.md 1).
$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(LIBTEST) $(LIBSERVER) $(LIBFORMS) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(SERVER_LIBS) $(TEST_LIBS) -lpthread

# The training harness lives in the client (tui/training/training.c); its
# test and the isolation test's driver link it too.
$(BUILD)/tests/test_training_harness: $(BUILD)/tests/unit/test_training_harness.o \
		$(BUILD)/tui/training/training.o $(LIBTEST) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(TEST_LIBS)

# The client's command line and file search (tui/common/args.c, config.c).
$(BUILD)/tests/test_client_args: $(BUILD)/tests/unit/test_client_args.o \
		$(BUILD)/tui/common/args.o $(BUILD)/tui/common/config.o $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(TEST_LIBS)

# SERVER_LIBS: the audit tamper test edits the SQLite file directly.
$(filter-out $(BUILD)/tests/test_api_training,$(API_BIN)): $(BUILD)/tests/%: $(BUILD)/tests/api/%.o $(LIBTEST) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(SERVER_LIBS) $(TEST_LIBS)

# The training API test starts attempts' servers as the client does
# (tui/training/training.c).
$(BUILD)/tests/test_api_training: $(BUILD)/tests/api/test_api_training.o \
		$(BUILD)/tui/training/training.o $(LIBTEST) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(SERVER_LIBS) $(TEST_LIBS)

# The PostgreSQL tests (tests/pg/README.md), run by the PostgreSQL pass
# of tests/run.sh only.
$(PG_TEST_BIN): $(BUILD)/tests/pg/%: $(BUILD)/tests/pg/%.o $(LIBTEST) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(SERVER_LIBS) $(TEST_LIBS) -lpthread

# The case generator writes through the store interface.
$(BUILD)/tests/bench/gen_cases.o: ALL_CFLAGS += -Iserver
$(BUILD)/bench/gen_cases: $(BUILD)/tests/bench/gen_cases.o $(LIBSERVER) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SERVER_LIBS) -lpthread

$(BUILD)/bench/sqlite_loop: $(BUILD)/tests/bench/sqlite_loop.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SERVER_LIBS)

$(BUILD)/bench/%: $(BUILD)/tests/bench/%.o $(LIBTEST) $(LIBFORMS) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(TEST_LIBS)

# The loopback proxy that delays, stalls and drops (issue 12's stall test).
STALL_PROXY := $(BUILD)/tests/stall_proxy
$(STALL_PROXY): tests/support/proxy/stall_proxy.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $<

# The benchmarks' pseudo-terminal harness, for tests that count the bytes
# the client writes (tests/bench/bytes_per_key.c).
PTY_BYTES := $(BUILD)/tests/pty_bytes
$(PTY_BYTES): tests/bench/bytes_per_key.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -g -O2 -Wall -Wextra $(WERROR) -o $@ $< -lutil

tests: all $(UNIT_BIN) $(API_BIN) $(PG_TEST_BIN) $(STALL_PROXY) $(PTY_BYTES) \
	$(BUILD)/bench/gen_cases

# The test targets build with -Werror (CI runs them on a fresh clone).
test check: $(BUILD)/config.mk
	@PKG_CONFIG="$(PKG_CONFIG)" scripts/deps.sh --install test
	@$(MAKE) --no-print-directory tests WERROR=-Werror
	@BUILD=$(BUILD) BIN=$(BIN) tests/run.sh

# The PostgreSQL pass alone (tests/support/pg_pass.sh).
test-pg: $(BUILD)/config.mk
	@PKG_CONFIG="$(PKG_CONFIG)" scripts/deps.sh --install test
	@$(MAKE) --no-print-directory tests WERROR=-Werror
	@BUILD=$(BUILD) BIN=$(BIN) TEST_STORES=pg tests/run.sh

check-asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan BIN=build-asan/bin \
		SAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		CFLAGS="-g -O1"

bench: all $(BENCH_BIN) $(BUILD)/bench/gen_cases $(BUILD)/bench/sqlite_loop
	@BUILD=$(BUILD) BIN=$(BIN) tests/bench/run.sh

run: $(BUILD)/config.mk
	@PKG_CONFIG="$(PKG_CONFIG)" scripts/deps.sh --install run
	@$(MAKE) --no-print-directory all
	@scripts/run-demo.sh

# The city topology on one machine (scripts/run-city.sh, docs/deploy.md).
run-city: $(BUILD)/config.mk
	@PKG_CONFIG="$(PKG_CONFIG)" scripts/deps.sh --install city
	@$(MAKE) --no-print-directory all
	@scripts/run-city.sh

# The Debian packages (debian/), built in a copy of the tree so that the
# .deb files land in $(BUILD)/deb/ and not beside the tree.
DEB_DIR := $(BUILD)/deb
deb:
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/wincase
	tar -cf - --exclude=./.git --exclude='./build*' --exclude=./bin \
		--exclude=./data . | tar -xf - -C $(DEB_DIR)/wincase
	cd $(DEB_DIR)/wincase && dpkg-buildpackage -us -uc -b
	@ls $(DEB_DIR)/*.deb

MAN_PAGES := $(wildcard docs/man/*.[158])
COMPLETIONS := dist/bash-completion/wincase dist/bash-completion/wincased

# Installs what `make` built (no rebuild when the same variables are
# given): programs, reference data, man pages, completions, the systemd
# unit with its sysusers.d and tmpfiles.d files, the example configs with
# the real paths.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(COMPLETIONDIR) $(DESTDIR)$(SYSTEMDUNITDIR) \
		$(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR)
	install -m 0755 $(WINCASE) $(WINCASED) $(DESTDIR)$(BINDIR)/
	for d in calendar catalog templates training; do \
		install -d $(DESTDIR)$(SHAREDIR)/$$d && \
		install -m 0644 conf/$$d/* $(DESTDIR)$(SHAREDIR)/$$d/ || exit 1; done
	install -d $(DESTDIR)$(EXAMPLEDIR)
	sed -e 's|^conf_dir = .*|conf_dir = $(SHAREDIR)|; s|^db = .*|db = $(STATEDIR)/wincase.db|' \
		conf/wincased.conf > $(DESTDIR)$(EXAMPLEDIR)/wincased.conf
	install -m 0644 conf/wincase.conf $(DESTDIR)$(EXAMPLEDIR)/wincase.conf
	for m in $(MAN_PAGES); do \
		install -m 0644 $$m $(DESTDIR)$(MANDIR)/man$${m##*.}/ || exit 1; done
	install -m 0644 dist/bash-completion/wincase $(DESTDIR)$(COMPLETIONDIR)/wincase
	install -m 0644 dist/bash-completion/wincased $(DESTDIR)$(COMPLETIONDIR)/wincased
	sed -e 's|@BINDIR@|$(BINDIR)|g; s|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
		dist/systemd/wincased.service.in > $(DESTDIR)$(SYSTEMDUNITDIR)/wincased.service
	install -m 0644 dist/systemd/wincased.sysusers $(DESTDIR)$(SYSUSERSDIR)/wincased.conf
	install -m 0644 dist/systemd/wincased.tmpfiles $(DESTDIR)$(TMPFILESDIR)/wincased.conf
	chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/wincased.service \
		$(DESTDIR)$(EXAMPLEDIR)/wincased.conf

# Everything install put, and the folders it made when they are empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/wincase $(DESTDIR)$(BINDIR)/wincased
	rm -rf $(DESTDIR)$(SHAREDIR)
	rm -f $(DESTDIR)$(EXAMPLEDIR)/wincased.conf $(DESTDIR)$(EXAMPLEDIR)/wincase.conf
	for m in $(MAN_PAGES); do \
		rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$${m##*/}; done
	rm -f $(DESTDIR)$(COMPLETIONDIR)/wincase $(DESTDIR)$(COMPLETIONDIR)/wincased
	rm -f $(DESTDIR)$(SYSTEMDUNITDIR)/wincased.service \
		$(DESTDIR)$(SYSUSERSDIR)/wincased.conf $(DESTDIR)$(TMPFILESDIR)/wincased.conf
	-rmdir -p --ignore-fail-on-non-empty $(DESTDIR)$(COMPLETIONDIR) \
		$(DESTDIR)$(SYSTEMDUNITDIR) $(DESTDIR)$(SYSUSERSDIR) \
		$(DESTDIR)$(TMPFILESDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(BINDIR) 2>/dev/null

FORMAT_FILES = $(wildcard core/*.[ch] forms/*.[ch] net/*.[ch] tui/*.[ch] tui/*/*.[ch] \
	server/*.[ch] server/store/*.[ch] server/store/*/*.[ch] include/wincase/*.h \
	tests/*/*.c tests/*/*.h)
format:
	clang-format -i $(FORMAT_FILES)
format-check:
	clang-format --dry-run -Werror $(FORMAT_FILES)

# BUILD and BIN as given (make clean BUILD=out); build-asan too.
clean:
	rm -rf $(BUILD) build-asan $(BIN)

-include $(shell find $(BUILD) -path '$(BUILD)/deb' -prune -o -name '*.d' -type f -print 2>/dev/null)

# Keep objects of test programs between runs.
.SECONDARY: $(call obj,$(UNIT_SRC) $(API_SRC) $(PG_TEST_SRC) $(BENCH_SRC))
