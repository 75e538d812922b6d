# portsaf — see README.md.  `make` builds build/portsaf,
# build/libportsaf.so and build/libportsaf-engine.so; `make check` runs
# every test; `make bench` the benchmarks.  Sources are found by
# directory, so adding a file needs no edit here:
#   enforcer/{engine,audit,runtime}/*.c  the engine (build/libpsf.a, PIC)
#   enforcer/{cli,supervisor}/*.c        the portsaf command
#   preload/*.c                          libportsaf.so
#   libpsf.a (engine_table.o's table)    libportsaf-engine.so
#   tests/unit/test_*.c                  one cmocka binary each
#   tests/progs/*.c                      programs the integration tests run
#                                        (*_static.c are linked -static)
#   tests/bench/*.c                      benchmark programs

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS    := libconfig cmocka libseccomp

# The project installs what it needs: no hand-installed package is assumed.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
ifneq ($(shell pkg-config --exists $(PKGS) 2>/dev/null && echo ok),ok)
DEPS_RC := $(shell scripts/install-deps >&2; echo $$?)
ifneq ($(DEPS_RC),0)
$(error scripts/install-deps failed; install $(PKGS) and pkg-config)
endif
endif
endif

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes
INCS := -Iinclude -Ienforcer/engine -Ienforcer/audit -Ienforcer/runtime \
        -Ienforcer/supervisor
XCFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) -fPIC -fvisibility=hidden \
           -ffunction-sections -fdata-sections -pthread $(INCS) $(shell pkg-config --cflags libconfig) $(CFLAGS)
LIBCONFIG := $(shell pkg-config --libs libconfig)
LIBSECCOMP := $(shell pkg-config --libs libseccomp)
LIBCMOCKA := $(shell pkg-config --libs cmocka)

ENGINE_SRC  := $(sort $(wildcard enforcer/engine/*.c enforcer/audit/*.c \
                                 enforcer/runtime/*.c))
CLI_SRC     := $(sort $(wildcard enforcer/cli/*.c enforcer/supervisor/*.c))
PRELOAD_SRC := $(sort $(wildcard preload/*.c))
UNIT_SRC    := $(sort $(wildcard tests/unit/test_*.c))
UNIT_LIB_SRC := $(sort $(filter-out tests/unit/test_%,$(wildcard tests/unit/*.c)))
PROG_SRC    := $(sort $(wildcard tests/progs/*.c))
BENCH_SRC   := $(sort $(wildcard tests/bench/*.c))

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))

ENGINE_OBJ  := $(call obj,$(ENGINE_SRC))
CLI_OBJ     := $(call obj,$(CLI_SRC))
PRELOAD_OBJ := $(call obj,$(PRELOAD_SRC))
# The pure pieces of the engine the wrappers use before any decision.
STUB_OBJ    := $(call obj,enforcer/engine/ipaddr.c \
                          enforcer/runtime/kernel_sockaddr.c)
UNIT_LIB_OBJ := $(call obj,$(UNIT_LIB_SRC))
UNIT_BIN    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
PROG_BIN    := $(patsubst tests/progs/%.c,$(BUILD)/tests/progs/%,$(PROG_SRC))
BENCH_BIN   := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))

.PHONY: all check bench install clean tests
all: $(BUILD)/portsaf $(BUILD)/libportsaf.so $(BUILD)/libportsaf-engine.so

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libpsf.a: $(ENGINE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/portsaf: $(CLI_OBJ) $(BUILD)/libpsf.a
	$(CC) $(XCFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libpsf.a $(LIBCONFIG) $(LIBSECCOMP) $(LDFLAGS)

# Every process the preload enters pays for loading it: keep only what the
# wrappers reach (--gc-sections) and let symbols bind lazily.  The engine
# and libconfig are not in it: it dlopen()s libportsaf-engine.so, from its
# own directory, on the first call that needs a decision (an engine
# function called directly is an undefined symbol here: -z defs).
$(BUILD)/libportsaf.so: $(PRELOAD_OBJ) $(STUB_OBJ)
	$(CC) $(XCFLAGS) -shared -Wl,-z,defs -Wl,--gc-sections -o $@ \
	    $(PRELOAD_OBJ) $(STUB_OBJ) -ldl $(LDFLAGS)

# Everything libportsaf.so calls once it decides, as one exported table
# (enforcer/runtime/engine_table.h); nothing else is visible.
$(BUILD)/libportsaf-engine.so: $(BUILD)/libpsf.a
	$(CC) $(XCFLAGS) -shared -Wl,-z,defs -Wl,--gc-sections \
	    -Wl,-u,psf_engine_v1 -o $@ $(BUILD)/libpsf.a $(LIBCONFIG) $(LDFLAGS)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(UNIT_LIB_OBJ) $(BUILD)/libpsf.a
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) -Itests/unit -o $@ $< $(UNIT_LIB_OBJ) $(BUILD)/libpsf.a \
	    $(LIBCMOCKA) $(LIBCONFIG) $(LDFLAGS)

$(BUILD)/tests/progs/%: tests/progs/%.c
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) -MMD -MP -MF $@.d $(if $(filter %_static,$*),-static) -o $@ $< $(LDFLAGS)

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libpsf.a
	@mkdir -p $(dir $@)
	$(CC) $(XCFLAGS) -o $@ $< $(BUILD)/libpsf.a $(LIBCONFIG) $(LDFLAGS)

tests: all $(UNIT_BIN) $(PROG_BIN) $(BENCH_BIN)

check: tests
	BUILD=$(BUILD) tests/run-tests

bench: tests
	BUILD=$(BUILD) tests/bench/run

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	    $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	    $(DESTDIR)$(PREFIX)/share/portsaf
	install -m 755 $(BUILD)/portsaf $(DESTDIR)$(PREFIX)/bin/portsaf
	install -m 755 $(BUILD)/libportsaf.so $(DESTDIR)$(PREFIX)/lib/libportsaf.so
	install -m 755 $(BUILD)/libportsaf-engine.so $(DESTDIR)$(PREFIX)/lib/libportsaf-engine.so
	install -m 644 man/portsaf.1 $(DESTDIR)$(PREFIX)/share/man/man1/portsaf.1
	install -m 644 man/portsaf.conf.5 $(DESTDIR)$(PREFIX)/share/man/man5/portsaf.conf.5
	cp -R policies $(DESTDIR)$(PREFIX)/share/portsaf/

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
