#!/bin/sh
# test_startup.sh: the binary does not link the libraries that only some
# commands need: libcurl ('send'), libmicrohttpd ('serve') and libgit2
# (the repository, with its TLS, SSH and Kerberos stack) are loaded by
# compiler/dlib/ when used, and nothing links libcrypto, so 'check' in a
# pre-commit hook starts without them.  At run time 'check' never loads
# libgit2, a build whose stamps come from the cache does, and a libgit2
# that cannot be loaded is an error for the commands that need it, never
# a silent "not in git".  $1 is the handoff binary.
. tests/sh/git_lib.sh
bin=$H
needed=$(readelf -d "$bin" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] && echo "PASS readelf lists the binary's libraries" ||
    { echo "FAIL readelf lists the binary's libraries"; exit 0; }
for lib in libcurl libmicrohttpd libgnutls libnghttp2 libldap libgit2 \
    libcrypto libssl libmbed libssh2 libgssapi; do
	if printf '%s\n' "$needed" | grep -q "^$lib"; then
		echo "FAIL $lib is not linked"; echo "  NEEDED: $(echo $needed)"
	else
		echo "PASS $lib is not linked"
	fi
done
# ... and, with nothing else between, the process closure stays small.
n=$(ldd "$bin" 2>/dev/null | wc -l)
[ "$n" -le 32 ] && echo "PASS $n shared objects at start-up (at most 32)" ||
    echo "FAIL $n shared objects at start-up (at most 32)"

# At run time: which commands load libgit2 (LD_DEBUG=files names every
# object the loader maps, dlopen()ed ones too).
export HANDOFF_TODAY=2026-11-24
(cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1)
cd "$T/team" || exit 1
cp "$EX" deals/
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -q 'file=libgit2'; }
loads "$H" check deals/nordlicht-energie.md &&
    no "check does not load libgit2" || ok "check does not load libgit2"
loads "$H" build -o out && ok "a first build loads libgit2 (stamp cache miss)" ||
    no "a first build loads libgit2 (stamp cache miss)"
loads "$H" log deals/nordlicht-energie.md && ok "log loads libgit2" ||
    no "log loads libgit2"

# A libgit2 that cannot be loaded: 'check' does not care; 'build' and
# 'log' fail and say so, and build writes nothing.
mkdir -p "$T/badlib"
echo "not a shared library" > "$T/badlib/libgit2.so.1.5"
LD_LIBRARY_PATH=$T/badlib "$H" check deals/nordlicht-energie.md >/dev/null 2>&1 &&
    ok "check runs without libgit2" || no "check runs without libgit2"
LD_LIBRARY_PATH=$T/badlib "$H" build -o out2 >"$T/b.out" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q 'libgit2.*could not be loaded' "$T/b.out" &&
    [ ! -e out2/nordlicht-energie ] &&
    ok "build without libgit2 fails and says why ($rc)" ||
    no "build without libgit2 fails and says why ($rc)" "$(cat "$T/b.out")"
LD_LIBRARY_PATH=$T/badlib "$H" log deals/nordlicht-energie.md >"$T/l.out" 2>&1
rc=$?
[ $rc -ne 0 ] && grep -q 'libgit2.*could not be loaded' "$T/l.out" &&
    ok "log without libgit2 fails and says why ($rc)" ||
    no "log without libgit2 fails and says why ($rc)" "$(cat "$T/l.out")"
exit 0
