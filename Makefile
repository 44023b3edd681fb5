# handoff: a compiler for Sales -> Customer Success handoffs.
#
#   make demo    install missing Debian packages, build, compile the examples
#   make test    the same set-up, then every test (also under ASan + UBSan)
#
# GNU make, no recursion.  CFLAGS is yours; our flags are in HO_CFLAGS.

# ===== variables ============================================================

PREFIX		?= /usr/local
DESTDIR		?=
CC		?= cc
CFLAGS		?= -O2
PKGS		 = libxml-2.0 libcmark-gfm yaml-0.1 harfbuzz-subset \
		   jansson libutf8proc
# Compiled against, not linked: loaded by compiler/dlib/ when first used,
# so that every other command starts without their 40-odd libraries
# (libgit2 alone brings 14: TLS, SSH, Kerberos).
DL_PKGS		 = libcurl libmicrohttpd libgit2
HO_CFLAGS	 = -std=c11 -g -Wall -Wextra -Werror -Wmissing-prototypes \
		   -Wstrict-prototypes -Wwrite-strings -Wno-unused-parameter \
		   -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -MMD -MP \
		   $(shell pkg-config --cflags $(PKGS) $(DL_PKGS) 2>/dev/null)
HO_LIBS		 = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lstemmer -lxxhash -lm -pthread
TEST_LIBS	 = $(shell pkg-config --libs cmocka 2>/dev/null)
SAN_FLAGS	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=undefined

# Debian packages: build, run, and what the tests use.
DEB_PKGS	 = build-essential pkg-config libxml2-dev libcmark-gfm-dev \
		   libcmark-gfm-extensions-dev libyaml-dev libhpdf-dev \
		   libgit2-dev libcmocka-dev libharfbuzz-dev fonts-dejavu-core git \
		   libxml2-utils poppler-utils qpdf python3 \
		   python3-icalendar valgrind \
		   libcsv-dev libjansson-dev libstemmer-dev libutf8proc-dev \
		   libcurl4-openssl-dev libmicrohttpd-dev libxxhash-dev openssl \
		   python3-aiosmtpd python3-html5lib python3-selenium \
		   chromium chromium-driver hyperfine

# compiler/*.c and one level of phase folders (compiler/import/, …).
SRCS		 = $(filter-out compiler/embed_gen.c, $(wildcard compiler/*.c compiler/*/*.c))
OBJS		 = $(SRCS:compiler/%.c=build/obj/%.o) build/obj/embed_gen.o
LIB_OBJS	 = $(filter-out build/obj/main.o, $(OBJS))
ASAN_OBJS	 = $(OBJS:build/obj/%=build/asan/%)
ASAN_LIB_OBJS	 = $(LIB_OBJS:build/obj/%=build/asan/%)
UNIT_SRCS	 = $(wildcard tests/unit/test_*.c)
UNIT_BINS	 = $(UNIT_SRCS:tests/unit/%.c=build/unit/%)
ASAN_UNIT_BINS	 = $(UNIT_SRCS:tests/unit/%.c=build/asan-unit/%)
EMBED_FILES	 = schemas/handoff.xsd schemas/import.yml schemas/headings.txt \
		   schemas/holidays.txt schemas/call-cues.txt \
		   schemas/call-stopwords.txt schemas/call-commitments.txt \
		   $(sort $(wildcard schemas/playbooks/*.yml)) \
		   $(sort $(wildcard schemas/read/*.txt)) \
		   $(sort $(filter-out templates/README.md, \
		   $(wildcard templates/*.mustache templates/*.md \
		   templates/*.xml templates/*.yml templates/*.css \
		   templates/*.js)))

.PHONY: all deps demo test unit regress sh asan valgrind fuzz bench \
	install clean regress-update

# ===== build ================================================================

all: handoff

handoff: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(HO_LIBS)

build/obj/%.o: compiler/%.c | build/obj
	@mkdir -p $(@D)
	$(CC) $(HO_CFLAGS) $(CFLAGS) -Icompiler -c -o $@ $<

build/asan/%.o: compiler/%.c | build/asan
	@mkdir -p $(@D)
	$(CC) $(HO_CFLAGS) -O1 $(SAN_FLAGS) -Icompiler -c -o $@ $<

build/gen/embed_gen.c: build/embed $(EMBED_FILES) | build/gen
	build/embed $@ $(EMBED_FILES)

build/obj/embed_gen.o: build/gen/embed_gen.c | build/obj
	$(CC) $(HO_CFLAGS) $(CFLAGS) -Wno-missing-prototypes -Icompiler -c -o $@ $<

build/asan/embed_gen.o: build/gen/embed_gen.c | build/asan
	$(CC) $(HO_CFLAGS) -O1 $(SAN_FLAGS) -Icompiler -c -o $@ $<

build/embed: tools/embed.c | build/obj
	$(CC) -std=c11 -O1 -Wall -o $@ $<

build/obj build/asan build/gen build/unit build/asan-unit:
	mkdir -p $@

handoff-asan: $(ASAN_OBJS)
	$(CC) $(SAN_FLAGS) -o $@ $(ASAN_OBJS) $(HO_LIBS)

# ===== set-up ===============================================================

# Install the Debian packages that are missing (as root, with apt-get).
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run as root to install:$$missing"; exit 2; fi; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing \
	    >/dev/null || exit 2; \
	fi

demo: deps
	$(MAKE) --no-print-directory handoff
	@echo "== handoff check examples/deals/* (corner-bakery is wrong on purpose)"
	@./handoff check examples/deals/*.md examples/deals/*.xml; \
	    test $$? -le 1
	@echo "== handoff build (examples/deals -> output/)"
	@cd examples && ../handoff build --force -o ../output; test $$? -le 1
	@echo; echo "outputs:"; ls -1 output/*/* 2>/dev/null || true

# ===== tests ================================================================

test: deps
	$(MAKE) --no-print-directory handoff handoff-asan
	$(MAKE) --no-print-directory unit regress sh asan valgrind

build/unit/%: tests/unit/%.c $(LIB_OBJS) | build/unit
	$(CC) $(HO_CFLAGS) -Wno-missing-prototypes -Icompiler -o $@ $< \
	    $(LIB_OBJS) $(HO_LIBS) $(TEST_LIBS)

build/asan-unit/%: tests/unit/%.c $(ASAN_LIB_OBJS) | build/asan-unit
	$(CC) $(HO_CFLAGS) -O1 $(SAN_FLAGS) -Wno-missing-prototypes -Icompiler \
	    -o $@ $< $(ASAN_LIB_OBJS) $(HO_LIBS) $(TEST_LIBS)

unit: $(UNIT_BINS)
	@sh tests/run_unit.sh $(UNIT_BINS)

regress: handoff
	@sh tests/run_regress.sh ./handoff

sh: handoff
	@sh tests/run_sh.sh ./handoff

# The whole suite again, built with AddressSanitizer + UBSan.
asan: handoff-asan $(ASAN_UNIT_BINS)
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run_unit.sh $(ASAN_UNIT_BINS)
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run_regress.sh ./handoff-asan
	@ASAN_OPTIONS=detect_leaks=1 HANDOFF_ASAN=1 sh tests/run_sh.sh ./handoff-asan

valgrind: handoff
	@sh tests/run_valgrind.sh ./handoff

regress-update: handoff
	@sh tests/run_regress.sh ./handoff --update

bench: handoff
	@sh bench/targets.sh ./handoff
	@sh bench/run.sh

# ===== install ==============================================================

install: handoff
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 handoff $(DESTDIR)$(PREFIX)/bin/handoff
	install -m 644 doc/handoff.1 $(DESTDIR)$(PREFIX)/share/man/man1/handoff.1

clean:
	rm -rf build handoff handoff-asan tests/out

-include $(wildcard build/obj/*.d build/asan/*.d build/obj/*/*.d build/asan/*/*.d)

# libFuzzer harnesses (fuzz/fuzz.mk, owned by the fuzz work).
-include fuzz/fuzz.mk
