#!/bin/sh
# test_cache.sh: the stamp cache of 'build' (OUTDIR/.cache/stamps) is used
# while HEAD stays put, followed when HEAD moves, and rebuilt, never
# trusted, when it is corrupt, forged or of another work tree; two builds
# at once leave valid outputs and a valid cache.  $1 is the handoff binary.
. tests/sh/git_lib.sh
export HANDOFF_TODAY=2026-11-24
xml=out/nordlicht-energie/handoff.xml
stamp() { sed -n 's/^<!-- handoff .*, built from \(.*\) -->$/\1/p' "$1"; }

(cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1)
cd "$T/team" || exit 1
cp "$EX" deals/
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1
id=$(git rev-parse --short=7 HEAD)
"$H" build -o out >/dev/null 2>&1
[ -f out/.cache/stamps ] && ok "build writes out/.cache/stamps" ||
    no "build writes out/.cache/stamps"
grep -q "^id $id\$" out/.cache/stamps && ok "the cache holds HEAD ($id)" ||
    no "the cache holds HEAD ($id)" "$(head -8 out/.cache/stamps)"
[ "$(stamp $xml)" = "$id" ] && ok "first build stamped $id" ||
    no "first build stamped $id" "$(stamp $xml)"

# HEAD moves (a commit of another file): the cache follows.
echo "notes" > notes.txt && git add notes.txt && git commit -qm notes
id2=$(git rev-parse --short=7 HEAD)
"$H" build --force -o out >/dev/null 2>&1
[ "$(stamp $xml)" = "$id2" ] && ok "after a commit the stamp is $id2" ||
    no "after a commit the stamp is $id2" "$(stamp $xml)"
grep -q "^id $id2\$" out/.cache/stamps && ok "the cache follows HEAD" ||
    no "the cache follows HEAD"
# ... and a reset back (packed or loose ref rewritten) too.
git reset -q --hard HEAD~1
"$H" build --force -o out >/dev/null 2>&1
[ "$(stamp $xml)" = "$id" ] && ok "after a reset the stamp is $id again" ||
    no "after a reset the stamp is $id again" "$(stamp $xml)"
git pack-refs --all
"$H" build --force -o out >/dev/null 2>&1
[ "$(stamp $xml)" = "$id" ] && ok "packed refs: still $id" ||
    no "packed refs: still $id" "$(stamp $xml)"

# A forged cache (a blob id changed, checksum not updated): not trusted.
# With the forged id the deal would read '+dirty'.
cp out/.cache/stamps "$T/stamps.good"
awk '$2 == "deals/nordlicht-energie.md" { c = substr($1, 40, 1);
    $0 = substr($1, 1, 39) (c == "f" ? "e" : "f") " " $2 } { print }' \
    "$T/stamps.good" > out/.cache/stamps
cmp -s out/.cache/stamps "$T/stamps.good" && no "the cache was forged (test set-up)" ||
    ok "the cache was forged (test set-up)"
"$H" build --force -o out >/dev/null 2>&1
[ "$(stamp $xml)" = "$id" ] && ok "a corrupt cache is not trusted" ||
    no "a corrupt cache is not trusted" "$(stamp $xml)"
tail -1 out/.cache/stamps | grep -q '^sum [0-9a-f]\{40\}$' &&
    ok "the corrupt cache was rewritten" || no "the corrupt cache was rewritten"
# A cache that claims HEAD is another commit, with a right checksum but
# the key of a moved HEAD: the key no longer matches, so it is rebuilt.
printf 'garbage\n' > out/.cache/stamps
"$H" build --force -o out >/dev/null 2>&1
[ "$(stamp $xml)" = "$id" ] && ok "a garbage cache is rebuilt" ||
    no "a garbage cache is rebuilt" "$(stamp $xml)"
# The same output folder used from another work tree: its own stamps.
cd "$T" && git clone -q team team2 && cd team2 || exit 1
echo x >> README.md 2>/dev/null || echo x > README.md
git add -A && git commit -qm other
id3=$(git rev-parse --short=7 HEAD)
"$H" build --force -o "$T/team/out" >/dev/null 2>&1
[ "$(stamp "$T/team/$xml")" = "$id3" ] && ok "another work tree: its own HEAD" ||
    no "another work tree: its own HEAD" "$(stamp "$T/team/$xml")"
cd "$T/team" || exit 1

# Two builds at once on the same output: both succeed, everything valid.
rm -rf out
"$H" build --force -o out >"$T/a.log" 2>&1 & a=$!
"$H" build --force -o out >"$T/b.log" 2>&1 & b=$!
wait $a; ra=$?; wait $b; rb=$?
[ $ra -eq 0 ] && [ $rb -eq 0 ] && ok "two builds at once both succeed" ||
    no "two builds at once both succeed" "$ra $rb" "$(cat "$T/a.log" "$T/b.log")"
xmllint --noout $xml 2>/dev/null && qpdf --check out/nordlicht-energie/handoff-package.pdf >/dev/null 2>&1 &&
    ok "their outputs are valid" || no "their outputs are valid"
[ "$(stamp $xml)" = "$id" ] && ok "and stamped $id" || no "and stamped $id" "$(stamp $xml)"
find out/.cache -name '*.tmp.*' | grep -q . &&
    no "no temporary file is left in the cache" "$(find out/.cache)" ||
    ok "no temporary file is left in the cache"
n=$(ls out/.cache/fonts 2>/dev/null | wc -l)
[ "$n" -ge 4 ] && ok "font subsets and widths are cached ($n entries)" ||
    no "font subsets and widths are cached ($n entries)"
# A cached build gives the same bytes as an uncached one.
"$H" build --force -o out >/dev/null 2>&1
rm -rf "$T/fresh" && GIT_CEILING_DIRECTORIES=/nonexistent "$H" build --force -o "$T/fresh" >/dev/null 2>&1
same=1
for f in handoff.xml handoff-package.pdf intro-email.eml handoff-notice.eml timeline.ics; do
	cmp -s "out/nordlicht-energie/$f" "$T/fresh/nordlicht-energie/$f" || same=0
done
[ $same -eq 1 ] && ok "cached and uncached builds are byte-identical" ||
    no "cached and uncached builds are byte-identical"

# A corrupt font entry (one byte of the font changed, or cut short) is
# not trusted: the PDF is the same as without any cache.
for f in out/.cache/fonts/*; do
	size=$(wc -c < "$f")
	printf 'X' | dd of="$f" bs=1 seek=$((size - 10)) conv=notrunc 2>/dev/null
done
"$H" build --force -o out >/dev/null 2>&1
cmp -s out/nordlicht-energie/handoff-package.pdf "$T/fresh/nordlicht-energie/handoff-package.pdf" &&
    ok "corrupt font cache: the same PDF bytes" ||
    no "corrupt font cache: the same PDF bytes"
qpdf --check out/nordlicht-energie/handoff-package.pdf >/dev/null 2>&1 &&
    ok "corrupt font cache: the PDF is valid" || no "corrupt font cache: the PDF is valid"
bad=0
for f in out/.cache/fonts/*; do	# as made by the cache-less build
	cmp -s "$f" "$T/fresh/.cache/fonts/$(basename "$f")" || bad=1
done
[ $bad -eq 0 ] && ok "corrupt font entries were rewritten" || no "corrupt font entries were rewritten"
for f in out/.cache/fonts/*; do head -c 200 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
"$H" build --force -o out >/dev/null 2>&1
cmp -s out/nordlicht-energie/handoff-package.pdf "$T/fresh/nordlicht-energie/handoff-package.pdf" &&
    ok "truncated font cache: the same PDF bytes" ||
    no "truncated font cache: the same PDF bytes"
exit 0
