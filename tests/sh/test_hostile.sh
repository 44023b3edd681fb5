#!/bin/sh
# test_hostile.sh: bad input never hurts (issue 3 item 8, issue 7).
# Each hostile input is generated here, in a temporary team repo, and must
# get a clear one-line error naming the file (and its line where it has
# one), exit 1, no crash and no sanitizer report, no output file, within
# 10 s and (outside ASan) 1.5 GB of address space.  'handoff build' over
# the lot must write nothing outside output/ and no deal output.
# Usage: sh tests/sh/test_hostile.sh /abs/path/to/handoff (from the repo root)
bin=$1
root=$(pwd)
tmp=$(mktemp -d); [ -n "$HOSTILE_KEEP" ] || trap 'rm -rf "$tmp"' EXIT
repo=$tmp/a/b/repo			# so '../../etc/x' stays inside $tmp
mkdir -p "$repo/deals"
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000
asan=${HANDOFF_ASAN:-}
case $bin in *-asan) asan=1 ;; esac

# Run "$@" bounded in time and (outside ASan) memory; output in $tmp/out.
bounded() {
	if [ -z "$asan" ]; then
		( ulimit -v 1500000; timeout 10 "$@" ) > "$tmp/out" 2>&1
	else
		timeout 60 "$@" > "$tmp/out" 2>&1
	fi
}

snapshot() {	# everything under $tmp but the output folder and our logs
	find "$tmp" \( -path "$repo/output" -o -name out -o -name 'snap*' \) \
	    -prune -o -print | sort > "$1"
}

fail() {
	echo "FAIL $1"; shift
	for l in "$@"; do echo "  $l"; done
	sed 's/^/  | /' "$tmp/out" | head -8
}

# check_case NAME FILE RULES LINE: 'handoff check FILE' in the repo.
# RULES is a list of acceptable rule ids (a|b); LINE is 'line' when the
# error must carry a line number.
check_case() {
	name=$1 file=$2 rules=$3 want_line=$4
	snapshot "$tmp/snap1"
	(cd "$repo" && bounded "$bin" check "$file"); rc=$?
	snapshot "$tmp/snap2"
	pat="^$(printf '%s' "$file" | sed 's/[.[\*^$/]/\\&/g')"
	if [ "$want_line" = line ]; then pat="$pat:[0-9]+(:[0-9]+)?"; else
		pat="$pat(:[0-9]+(:[0-9]+)?)?"; fi
	pat="$pat: error: [^ ].* \[($rules)\]\$"
	if [ "$rc" -eq 124 ]; then fail "$name" "timed out (10 s)"
	elif [ "$rc" -ge 128 ]; then fail "$name" "crashed (exit $rc)"
	elif grep -qE 'Sanitizer|runtime error|LeakSanitizer' "$tmp/out"; then
		fail "$name" "sanitizer report"
	elif [ "$rc" -ne 1 ]; then fail "$name" "exit $rc, want 1"
	elif ! grep -qE "$pat" "$tmp/out"; then
		fail "$name" "no one-line error [$rules] naming $file${4:+ with its line}"
	elif grep -vE "^$(printf '%s' "$file" | sed 's/[.[\*^$/]/\\&/g')(:[0-9]+)*: (error|warning|note): |^  " \
	    "$tmp/out" | grep -q .; then
		fail "$name" "stray output (each diagnostic must be one line)"
	elif ! cmp -s "$tmp/snap1" "$tmp/snap2"; then
		fail "$name" "files were written:" \
		    "$(diff "$tmp/snap1" "$tmp/snap2" | grep '^>' | head -3)"
	else
		echo "PASS $name"
	fi
}

# A complete signed deal to spoil one field at a time (Markdown and XML).
md_base=examples/deals/nordlicht-energie.md
xml_base=examples/deals/harbourview-clinics.xml
cd "$repo/deals" || exit 2

# ---- bytes -----------------------------------------------------------
: > empty.md
: > empty.xml
printf 'PK\003\004\000\000\377\376junk\000\001\002' > junk.md
head -c 4096 /dev/urandom > random.xml
printf '\000' >> random.xml
bad=$(printf 'Caf\351')			# Latin-1, not UTF-8
sed "3s/\$/ $bad/" "$root/$md_base" > bad-utf8.md
sed "9s/\$/ $bad/" "$root/$xml_base" > bad-utf8.xml
# C0 controls and U+FFFF: no XML can carry them (found by fuzz_md)
cp "$root/tests/regress/hostile/control-char.md" control-char.md
# 50 MB of plain text: refused by size before it is read.
head -c 52428800 /dev/zero | tr '\000' 'a' > huge.md

# ---- front matter ------------------------------------------------------
sed '/^---$/{x;s/^/x/;/^xx$/{x;d};x}' "$root/$md_base" > unclosed-front.md
awk 'NR==3{print "client: Someone Else"} {print}' "$root/$md_base" \
    > duplicate-key.md
{
	echo '---'
	echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
	for v in b c d e f g h i; do
		prev=$(printf '%s' abcdefghi | sed "s/$v.*//" | tail -c 1)
		echo "$v: &$v [*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev]"
	done
	echo 'client: *i'
	echo '---'
	echo '# Context'
} > alias-bomb.md
sed 's/^deal: .*/deal: ..\/..\/etc\/x/' "$root/$md_base" > id-dotdot.md
sed 's/^deal: .*/deal: acme\/evil/' "$root/$md_base" > id-slash.md
sed 's/^signed: .*/signed: 2026-02-30/' "$root/$md_base" > bad-date.md
sed 's|<id>.*</id>|<id>../../etc/x</id>|' "$root/$xml_base" > id-dotdot.xml
sed 's|<signed>.*</signed>|<signed>2026-02-30</signed>|' "$root/$xml_base" \
    > bad-date.xml

# ---- Markdown body -------------------------------------------------------
# the front matter only: from the first '---' to the second
awk 'n<2{print} /^---$/{n++}' "$root/$md_base" > fm.tmp
{ cat fm.tmp; echo '# Context'; echo '## Pain points'
  awk 'BEGIN{s=""; for(i=0;i<100000;i++) s=s "- "; print s "deep"}'
} > nested-list.md
{ cat fm.tmp; echo '# Relationships'
  awk 'BEGIN{h=""; d=""; for(i=0;i<1000;i++){h=h "|c"; d=d "|-"}
	print h "|"; print d "|"; for(i=0;i<8000;i++) print "w"}'
} > table-bomb.md
rm -f fm.tmp

# ---- XML -----------------------------------------------------------------
awk 'BEGIN{printf "<handoff xmlns=\"urn:x-handoff:1\">\n";
	for(i=0;i<100000;i++) printf "<p>"; for(i=0;i<100000;i++) printf "</p>";
	print "</handoff>"}' > nested.xml
# 90,000 attributes on one element: quadratic in libxml2 2.9 (10 s)
awk 'BEGIN{printf "<handoff xmlns=\"urn:x-handoff:1\">\n<deal";
	for(i=0;i<90000;i++) printf " a%d=\"\"", i; print "/></handoff>"}' \
    > attribute-bomb.xml
cat > xxe.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE handoff [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<handoff xmlns="urn:x-handoff:1" version="1">
  <deal><client>&xxe;</client><id>xxe</id></deal>
</handoff>
EOF
cat > xxe-param.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE handoff SYSTEM "file:///etc/passwd" [
  <!ENTITY % p SYSTEM "file:///etc/passwd"> %p;
]>
<handoff xmlns="urn:x-handoff:1"><deal><client>x</client></deal></handoff>
EOF
cat > billion-laughs.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<handoff xmlns="urn:x-handoff:1"><deal><client>&lol9;</client></deal></handoff>
EOF
{ echo '<?xml version="1.0"?>'; echo '<!DOCTYPE handoff>'
  sed 1d "$root/$xml_base"; } > doctype.xml
{ echo '<!-- a DTD after a comment -->'
  echo '<!DOCTYPE handoff SYSTEM "http://attacker.example/h.dtd">'
  sed 1d "$root/$xml_base"; } > doctype-remote.xml
cd "$repo" || exit 2

check_case empty-md deals/empty.md 'empty-file'
check_case empty-xml deals/empty.xml 'empty-file'
check_case binary-junk deals/junk.md 'binary-file|encoding'
check_case random-bytes deals/random.xml 'binary-file|encoding|xml-syntax'
check_case invalid-utf8-md deals/bad-utf8.md 'encoding' line
check_case invalid-utf8-xml deals/bad-utf8.xml 'encoding' line
check_case control-characters-md deals/control-char.md 'binary-file|encoding' \
    line
check_case file-50mb deals/huge.md 'file-too-large'
check_case unclosed-front-matter deals/unclosed-front.md 'front-matter'
check_case duplicate-yaml-key deals/duplicate-key.md 'yaml-duplicate-key' line
check_case yaml-alias-bomb deals/alias-bomb.md 'yaml-alias' line
check_case md-nested-100000 deals/nested-list.md 'nesting-too-deep' line
check_case md-table-bomb deals/table-bomb.md 'table-too-large' line
check_case xml-nested-100000 deals/nested.xml 'nesting-too-deep' line
check_case xml-attribute-bomb deals/attribute-bomb.xml 'xml-syntax' line
check_case xml-xxe-passwd deals/xxe.xml 'xml-doctype' line
check_case xml-xxe-parameter deals/xxe-param.xml 'xml-doctype' line
check_case xml-billion-laughs deals/billion-laughs.xml 'xml-doctype' line
check_case xml-doctype deals/doctype.xml 'xml-doctype' line
check_case xml-doctype-remote deals/doctype-remote.xml 'xml-doctype' line
check_case deal-id-dotdot-md deals/id-dotdot.md 'deal-id|schema' line
check_case deal-id-slash-md deals/id-slash.md 'deal-id|schema' line
check_case deal-id-dotdot-xml deals/id-dotdot.xml 'deal-id|schema' line
check_case date-feb-30-md deals/bad-date.md 'invalid-date|schema' line
check_case date-feb-30-xml deals/bad-date.xml 'invalid-date|schema' line

# Nothing of /etc/passwd may leak, whatever the command.
leak=0
for f in deals/xxe.xml deals/xxe-param.xml; do
	for cmd in "check" "check --format json" "convert --to md" \
	    "convert --to xml"; do
		# shellcheck disable=SC2086
		bounded "$bin" $cmd "$f"
		grep -q 'root:' "$tmp/out" && leak=1
	done
done
if [ "$leak" -eq 0 ]; then echo "PASS xxe-no-passwd-leak"; else
	fail xxe-no-passwd-leak "'root:' appeared in an output"; fi

# 'handoff new' with an id that is a path: refused, nothing written.
for id in ../../etc/x acme/evil; do
	name="new-id-$(printf '%s' "$id" | tr './' 'ds')"
	snapshot "$tmp/snap1"
	bounded "$bin" new "$id"; rc=$?
	snapshot "$tmp/snap2"
	if [ "$rc" -eq 0 ] || [ "$rc" -ge 124 ]; then
		fail "$name" "exit $rc, want 1 (or 2 for a usage error)"
	elif ! grep -q 'error' "$tmp/out" || ! grep -qF "$id" "$tmp/out"; then
		fail "$name" "no error naming '$id'"
	elif [ "$(wc -l < "$tmp/out")" -gt 3 ]; then
		fail "$name" "more than a short error"
	elif ! cmp -s "$tmp/snap1" "$tmp/snap2"; then
		fail "$name" "files were written:" \
		    "$(diff "$tmp/snap1" "$tmp/snap2" | grep '^>' | head -3)"
	else
		echo "PASS $name"
	fi
done

# 'handoff build' over every hostile deal: exit 1, nothing written outside
# output/, and no deal output at all (every one of them is invalid).
rm -f deals/huge.md		# refused by size already; keeps the build quick
snapshot "$tmp/snap1"
bounded "$bin" build -j 1 -o output; rc=$?
snapshot "$tmp/snap2"
outs=$(find output -type f \( -name '*.pdf' -o -name '*.eml' -o \
    -name '*.ics' -o -name '*.xml' \) 2>/dev/null | head -3)
if [ "$rc" -ne 1 ]; then fail build-hostile "exit $rc, want 1"
elif grep -qE 'Sanitizer|runtime error|root:' "$tmp/out"; then
	fail build-hostile "sanitizer report or leaked /etc/passwd"
elif ! cmp -s "$tmp/snap1" "$tmp/snap2"; then
	fail build-hostile "files written outside output/:" \
	    "$(diff "$tmp/snap1" "$tmp/snap2" | grep '^>' | head -3)"
elif [ -n "$outs" ]; then fail build-hostile "outputs written: $outs"
elif [ -e "$tmp/a/etc" ] || [ -e "$repo/output/etc" ] || \
    [ -e "$repo/output/acme" ]; then
	fail build-hostile "a deal id escaped its folder"
else
	echo "PASS build-hostile"
fi
exit 0
