#!/bin/sh
# test_startup.sh: the binary does not link the libraries that only one
# command needs (libcurl for 'send', libmicrohttpd for 'serve'): they are
# loaded by compiler/dlib/ when used, so 'check' in a pre-commit hook
# starts without their 40-odd shared libraries.  $1 is the handoff binary.
bin=$1
needed=$(readelf -d "$bin" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] && echo "PASS readelf lists the binary's libraries" ||
    { echo "FAIL readelf lists the binary's libraries"; exit 0; }
for lib in libcurl libmicrohttpd libgnutls libnghttp2 libldap; do
	if printf '%s\n' "$needed" | grep -q "^$lib"; then
		echo "FAIL $lib is not linked"; echo "  NEEDED: $(echo $needed)"
	else
		echo "PASS $lib is not linked"
	fi
done
# ... and, with nothing else between, the process closure stays small.
n=$(ldd "$bin" 2>/dev/null | wc -l)
[ "$n" -le 45 ] && echo "PASS $n shared objects at start-up (at most 45)" ||
    echo "FAIL $n shared objects at start-up (at most 45)"
exit 0
