# wincase - build, test, run. See README.md.
#
#   make            bin/wincase and bin/wincased
#   make test       the whole suite (unit, API, terminal), "N passed, N failed"
#   make check-asan the same suite built with ASan + UBSan into build-asan/
#   make run        the demo: wincased on SQLite in ./data and the client
#   make bench      benchmarks, printing figures
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
BIN     ?= bin
CC      ?= cc

PKG_CLIENT := ncursesw libcurl jansson libsodium inih
PKG_SERVER := libmicrohttpd sqlite3 jansson libsodium inih
TEST_LIBS  := -lcmocka

.DEFAULT_GOAL := all

CFLAGS_BASE := -std=c11 -Wall -Wextra -Werror -g -O2 -DWINCASE_SHARE_DIR=\"$(PREFIX)/share/wincase\" \
	-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DNCURSES_WIDECHAR=1 \
	-Iinclude -MMD -MP
SAN_FLAGS ?=
CFLAGS  ?=
LDFLAGS ?=

# pkg-config answers are cached in $(BUILD)/config.mk, made by scripts/deps.sh
# (which installs missing packages when it can). ncursesw's own
# -D_XOPEN_SOURCE=600 would clash with ours and is dropped.
ifeq ($(filter clean distclean format format-check,$(MAKECMDGOALS)),)
-include $(BUILD)/config.mk
endif

# The install prefix is compiled in (WINCASE_SHARE_DIR): a new PREFIX makes a
# new config.mk, and so rebuilds every object.
PREFIX_STAMP := $(BUILD)/prefix$(subst /,_,$(PREFIX))
$(PREFIX_STAMP):
	@mkdir -p $(BUILD) && rm -f $(BUILD)/prefix_* && touch $@

$(BUILD)/config.mk: scripts/deps.sh $(PREFIX_STAMP)
	@mkdir -p $(BUILD)
	@scripts/deps.sh build
	@{ echo 'CLIENT_CFLAGS := '"$$(pkg-config --cflags $(PKG_CLIENT) | sed 's/-D_XOPEN_SOURCE=600//; s/-D_DEFAULT_SOURCE//')"; \
	  echo 'CLIENT_LIBS := '"$$(pkg-config --libs $(PKG_CLIENT))"; \
	  echo 'SERVER_CFLAGS := '"$$(pkg-config --cflags $(PKG_SERVER))"; \
	  echo 'SERVER_LIBS := '"$$(pkg-config --libs $(PKG_SERVER))"; \
	  } > $@.tmp
	@mv $@.tmp $@

ALL_CFLAGS = $(CFLAGS_BASE) $(CLIENT_CFLAGS) $(SERVER_CFLAGS) $(SAN_FLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)

CORE_SRC   := $(wildcard core/*.c)
FORMS_SRC  := $(wildcard forms/*.c)
NET_SRC    := $(wildcard net/*.c)
TUI_SRC    := $(wildcard tui/*.c tui/*/*.c)
SERVER_SRC := $(wildcard server/*.c server/store/*.c server/store/*/*.c)
SUPPORT_SRC := $(wildcard tests/support/*.c)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
API_SRC    := $(wildcard tests/api/test_*.c)
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
BENCH_BIN := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))

.PHONY: all test check-asan run bench install uninstall clean format format-check tests
all: $(WINCASE) $(WINCASED)

# Each program's folder is its include root: tui/counter/x.c includes
# "common/messages.h", server/store/sqlite/x.c includes "store/store.h".
$(BUILD)/tui/%.o: ALL_CFLAGS += -Itui
$(BUILD)/server/%.o: ALL_CFLAGS += -Iserver
$(BUILD)/tests/unit/%.o: ALL_CFLAGS += -Itui -Iserver

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIBCORE): $(call obj,$(CORE_SRC))
$(LIBFORMS): $(call obj,$(FORMS_SRC))
$(LIBNET): $(call obj,$(NET_SRC))
$(LIBSERVER): $(call obj,$(filter-out server/main.c,$(SERVER_SRC)))
$(LIBTEST): $(call obj,$(SUPPORT_SRC))
$(BUILD)/%.a:
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(WINCASE): $(call obj,$(TUI_SRC)) $(LIBFORMS) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS)

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

# SERVER_LIBS: the audit tamper test edits the SQLite file directly.
$(API_BIN): $(BUILD)/tests/%: $(BUILD)/tests/api/%.o $(LIBTEST) $(LIBNET) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CLIENT_LIBS) $(SERVER_LIBS) $(TEST_LIBS)

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

tests: all $(UNIT_BIN) $(API_BIN)

test: $(BUILD)/config.mk
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory tests
	@BUILD=$(BUILD) BIN=$(BIN) tests/run.sh

check-asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan BIN=build-asan/bin \
		SAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		CFLAGS="-O1"

bench: all $(BENCH_BIN) $(BUILD)/bench/gen_cases $(BUILD)/bench/sqlite_loop
	@BUILD=$(BUILD) BIN=$(BIN) tests/bench/run.sh

run: all
	@scripts/run-demo.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/wincase
	install -m 0755 $(WINCASE) $(WINCASED) $(DESTDIR)$(PREFIX)/bin/
	cp -R conf/. $(DESTDIR)$(PREFIX)/share/wincase/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	for m in docs/man/*.1; do [ -f "$$m" ] && install -m 0644 "$$m" $(DESTDIR)$(PREFIX)/share/man/man1/ || true; done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/wincase $(DESTDIR)$(PREFIX)/bin/wincased
	rm -rf $(DESTDIR)$(PREFIX)/share/wincase

FORMAT_FILES = $(wildcard core/*.[ch] forms/*.[ch] net/*.[ch] tui/*.[ch] tui/*/*.[ch] \
	server/*.[ch] server/store/*.[ch] server/store/*/*.[ch] include/wincase/*.h \
	tests/*/*.c tests/*/*.h)
format:
	clang-format -i $(FORMAT_FILES)
format-check:
	clang-format --dry-run -Werror $(FORMAT_FILES)

clean:
	rm -rf build build-asan bin

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Keep objects of test programs between runs.
.SECONDARY: $(call obj,$(UNIT_SRC) $(API_SRC) $(BENCH_SRC))
