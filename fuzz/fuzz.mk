# fuzz/fuzz.mk: libFuzzer harnesses, included by the top Makefile.
#
#   make fuzz                 build every harness, run each FUZZ_SECONDS
#   make fuzz-build           build only (build/fuzz/fuzz_*)
#   make fuzz FUZZ_TARGETS=xml FUZZ_SECONDS=600
#
# The compiler objects are built again with clang, ASan + UBSan and
# libFuzzer's coverage into build/fuzz/obj/ (never mixed with the gcc
# ones).  Seeds come from examples/ and tests/regress/; the corpus grows in
# build/fuzz/corpus/TARGET and crashes land in build/fuzz/artifacts/.

FUZZ_CC		?= clang
FUZZ_SECONDS	?= 60
FUZZ_SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
		   -fno-omit-frame-pointer
FUZZ_CFLAGS	 = -std=c11 -g -O1 -Wall -Wno-unused-parameter -MMD -MP \
		   -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
		   $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
		   -fsanitize=fuzzer-no-link $(FUZZ_SAN)
# The harnesses call the phases, never a command or the PDF back end:
# leaving those out keeps the fuzz build independent of them.
FUZZ_OBJS	 = $(filter-out build/fuzz/obj/cmd%.o build/fuzz/obj/render_pdf%.o \
		   build/fuzz/obj/pdf_%.o, \
		   $(LIB_OBJS:build/obj/%=build/fuzz/obj/%))
# A harness is built when the module it drives exists.
FUZZ_TARGETS	?= md xml config \
		   $(if $(wildcard compiler/mustache.h),mustache) \
		   $(if $(wildcard compiler/mime.h),mime)
FUZZ_BINS	 = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

.PHONY: fuzz-build fuzz-replay

build/fuzz/obj:
	mkdir -p $@

build/fuzz/obj/%.o: compiler/%.c | build/fuzz/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Icompiler -c -o $@ $<

build/fuzz/obj/embed_gen.o: build/gen/embed_gen.c | build/fuzz/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Icompiler -c -o $@ $<

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_util.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Icompiler -Ifuzz -o $@ \
	    $< $(FUZZ_OBJS) $(HO_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

-include $(wildcard build/fuzz/obj/*.d)

# Replay the saved findings (tests/regress/hostile/fuzz-TARGET-*) through
# their harness: each must now run clean.  Set FUZZ_KNOWN=1 to look past
# the findings already reported (see fuzz/fuzz_util.h).
fuzz-replay: fuzz-build
	@sh fuzz/run.sh replay $(FUZZ_TARGETS)
