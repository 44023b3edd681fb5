#!/bin/sh
# test_history_cache.sh: the history cache (OUTDIR/.cache/history/) and
# the audit page cache (OUTDIR/.cache/audit) of 'build'.  With both and
# the stamp cache warm a build never loads libgit2; the outputs are the
# bytes of a build without any cache; a forged, corrupt or garbage entry
# is rebuilt, never trusted; a commit moves the key; two builds at once
# leave valid outputs and valid caches.  $1 is the handoff binary.
. tests/sh/git_lib.sh
export HANDOFF_TODAY=2026-11-24
# same NAME DIR: DIR's outputs are those of a build from no cache at all
same() {
	rm -rf "$T/fresh"
	"$H" build -o "$T/fresh" >/dev/null 2>&1
	if diff -r -x .cache -x .handoff-state "$T/fresh" "$2" >"$T/diff" 2>&1
	then ok "$1"; else no "$1" "$(head -5 "$T/diff")"; fi
}
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -q 'file=libgit2'; }
entry() { ls out/.cache/history/* 2>/dev/null | head -1; }

(cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1)
cd "$T/team" || exit 1
cp "$EX" deals/
at "2026-11-10T09:00:00+01:00"
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1
sed 's/^value: 240000 EUR/value: 250000 EUR/' "$EX" > deals/nordlicht-energie.md
at "2026-11-12T10:30:00+01:00"
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE

"$H" build -o out >/dev/null 2>&1
e=$(entry)
[ -n "$e" ] && ok "build writes a history entry" || no "build writes a history entry"
[ "$(grep -c '^version ' "$e")" = 2 ] && ok "the entry holds the 2 versions" ||
    no "the entry holds the 2 versions" "$(grep '^version ' "$e")"
[ -f out/.cache/audit ] && ok "build writes the audit cache" ||
    no "build writes the audit cache"
loads "$H" build --force -o out && no "a warm build does not load libgit2" ||
    ok "a warm build does not load libgit2"
loads "$H" build --force -o out deals/nordlicht-energie.md &&
    no "a warm one-deal build does not load libgit2" ||
    ok "a warm one-deal build does not load libgit2"
same "cached outputs are the uncached bytes" out

# A forged entry: the older version's time changed, checksum not: that
# would change timeline.ics if it were trusted.
cp "$e" "$T/entry.good"
awk '/^version / && !done { $2 = $2 - 86400; done = 1 } { print }' \
    "$T/entry.good" > "$e"
cmp -s "$e" "$T/entry.good" && no "the entry was forged (set-up)" ||
    ok "the entry was forged (set-up)"
"$H" build --force -o out >/dev/null 2>&1
same "a forged history entry is not trusted" out
cmp -s "$e" "$T/entry.good" && ok "the forged entry was rewritten" ||
    no "the forged entry was rewritten"
# Truncated, and garbage.
head -c 300 "$T/entry.good" > "$e"
"$H" build --force -o out >/dev/null 2>&1
same "a truncated history entry is rebuilt" out
cmp -s "$e" "$T/entry.good" && ok "the truncated entry was rewritten" ||
    no "the truncated entry was rewritten"
printf 'garbage\n' > "$e"
"$H" build --force -o out >/dev/null 2>&1
cmp -s "$e" "$T/entry.good" && ok "a garbage entry is rebuilt" ||
    no "a garbage entry is rebuilt"
# The audit page: forged (a byte of the page changed) and garbage.
cp out/.cache/audit "$T/audit.good"
sed 's/<title>/<title>X/' "$T/audit.good" > out/.cache/audit
"$H" build --force -o out >/dev/null 2>&1
same "a forged audit entry is not trusted" out
cmp -s out/.cache/audit "$T/audit.good" && ok "the audit entry was rewritten" ||
    no "the audit entry was rewritten"

# A new commit moves the key: 3 versions, and the bytes of no cache.
sed 's/^value: 240000 EUR/value: 260000 EUR/' "$EX" > deals/nordlicht-energie.md
at "2026-11-14T08:00:00+01:00"
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
"$H" build -o out >/dev/null 2>&1
[ "$(grep -c '^version ' "$(entry)")" = 3 ] &&
    ok "after a commit the entry holds 3 versions" ||
    no "after a commit the entry holds 3 versions"
[ "$(ls out/.cache/history | wc -l)" = 1 ] &&
    ok "one entry per deal (the old one replaced)" ||
    no "one entry per deal (the old one replaced)" "$(ls out/.cache/history)"
same "after a commit the outputs are the uncached bytes" out

# Two builds at once, from no cache, on the same output.
rm -rf out
"$H" build -o out >"$T/a.out" 2>&1 & a=$!
"$H" build -o out >"$T/b.out" 2>&1 & b=$!
wait $a; ra=$?; wait $b; rb=$?
[ $ra -eq 0 ] && [ $rb -eq 0 ] && ok "two builds at once both succeed" ||
    no "two builds at once both succeed" "$(cat "$T/a.out" "$T/b.out")"
same "two builds at once leave the uncached bytes" out
"$H" build --force -o out >/dev/null 2>&1
same "... and valid caches (a build from them gives the same bytes)" out
loads "$H" build --force -o out && no "... which a build reads without libgit2" ||
    ok "... which a build reads without libgit2"
exit 0
