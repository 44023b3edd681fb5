#!/bin/sh
# test_xml.sh: the XML front end end to end.  Both front ends must build
# the same canonical tree for the same deal (byte-identical canonical
# XML), XML -> Markdown -> XML must be a fixed point, and the XML examples
# must be clean and valid against the schema.
# Usage: sh tests/sh/test_xml.sh /abs/path/to/handoff (from the repo root)
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

# The same deal, once in Markdown and once as hand-written XML with
# prefixes, comments, CDATA and loose white space.
md=examples/deals/nordlicht-energie.md
xml=tests/regress/xml/nordlicht-prefixed.xml
"$bin" convert "$md" --to xml > "$tmp/from-md.xml" 2> "$tmp/err1"
"$bin" convert "$xml" --to xml > "$tmp/from-xml.xml" 2> "$tmp/err2"
if [ -s "$tmp/from-md.xml" ] && cmp -s "$tmp/from-md.xml" "$tmp/from-xml.xml"
then ok md-and-xml-same-canonical-tree
else ko md-and-xml-same-canonical-tree \
	"$(diff "$tmp/from-md.xml" "$tmp/from-xml.xml" | head -6)" \
	"$(cat "$tmp/err1" "$tmp/err2" | head -3)"
fi

for f in examples/deals/*.xml; do
	name=$(basename "$f" .xml)
	# clean: exit 0, no error or warning
	"$bin" check "$f" > "$tmp/out" 2>&1; rc=$?
	if [ "$rc" -eq 0 ] && ! grep -qE ': (error|warning): ' "$tmp/out"
	then ok "example-clean-$name"
	else ko "example-clean-$name" "exit $rc" "$(head -4 "$tmp/out")"
	fi
	# XML -> canonical -> Markdown -> canonical: a fixed point
	"$bin" convert "$f" --to xml > "$tmp/c1.xml" 2>/dev/null
	"$bin" convert "$f" --to md > "$tmp/m.md" 2>/dev/null
	"$bin" convert "$tmp/m.md" --to xml > "$tmp/c2.xml" 2>/dev/null
	"$bin" convert "$tmp/c1.xml" --to xml > "$tmp/c3.xml" 2>/dev/null
	if [ -s "$tmp/c1.xml" ] && cmp -s "$tmp/c1.xml" "$tmp/c2.xml" && \
	    cmp -s "$tmp/c1.xml" "$tmp/c3.xml"
	then ok "example-fixed-point-$name"
	else ko "example-fixed-point-$name" \
		"$(diff "$tmp/c1.xml" "$tmp/c2.xml" | head -6)"
	fi
	# the canonical form is valid against the schema, checked by xmllint
	if ! command -v xmllint > /dev/null; then
		echo "PASS example-xsd-$name (xmllint missing: skipped)"
	elif xmllint --noout --schema schemas/handoff.xsd "$tmp/c1.xml" \
	    > "$tmp/out" 2>&1
	then ok "example-xsd-$name"
	else ko "example-xsd-$name" "$(head -3 "$tmp/out")"
	fi
done

# Markdown -> canonical -> canonical: the XML front end must read the
# Markdown front end's tree back unchanged, white space included (found
# by fuzz_md: runs of spaces in front matter values).
# (Raw control characters are refused before parsing: test_hostile.sh.)
for f in tests/regress/hostile/whitespace-runs.md \
    tests/regress/hostile/char-reference.md; do
	name=$(basename "$f" .md)
	"$bin" convert "$f" --to xml > "$tmp/w1.xml" 2>/dev/null; rc=$?
	"$bin" convert "$tmp/w1.xml" --to xml > "$tmp/w2.xml" 2>"$tmp/err"
	if [ "$rc" -eq 1 ] && [ ! -s "$tmp/w1.xml" ]
	then ok "md-canonical-reads-back-$name (refused by the front end)"
	elif [ -s "$tmp/w1.xml" ] && cmp -s "$tmp/w1.xml" "$tmp/w2.xml"
	then ok "md-canonical-reads-back-$name"
	else ko "md-canonical-reads-back-$name" \
		"$(diff "$tmp/w1.xml" "$tmp/w2.xml" | head -4)" "$(head -2 "$tmp/err")"
	fi
done

# The canonical form names no prefix and declares one namespace, once.
"$bin" convert "$xml" --to xml > "$tmp/c.xml" 2>/dev/null
n=$(grep -c 'xmlns' "$tmp/c.xml")
if [ "$n" -eq 1 ] && ! grep -q '<[a-z-]*:' "$tmp/c.xml" && \
    head -2 "$tmp/c.xml" | grep -qx '<handoff xmlns="urn:x-handoff:1" version="1">'
then ok canonical-one-namespace
else ko canonical-one-namespace "$n xmlns declarations"
fi

# Diagnostics point at the XML line the author wrote.
printf '<?xml version="1.0"?>\n<handoff xmlns="urn:x-handoff:1">\n<deal>\n\n<id>Bad Id</id>\n</deal>\n</handoff>\n' \
    > "$tmp/lines.xml"
"$bin" check "$tmp/lines.xml" > "$tmp/out" 2>&1
if grep -qE "^$tmp/lines.xml:5(:[0-9]+)?: error: .*\[(deal-id|schema)\]" "$tmp/out"
then ok diagnostic-line-is-source-line
else ko diagnostic-line-is-source-line "$(grep -i 'id' "$tmp/out" | head -3)"
fi
exit 0
