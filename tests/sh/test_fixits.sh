#!/bin/sh
# SPDX-License-Identifier: MIT
# test_fixits.sh: the fix-its of 'check --format json' (issue 10 point 8).
# A diagnostic whose words the reader knows how to write ('Stnace' read
# as 'Stance', '## Pain Ponts' as 'Pain points') carries
#   "fix": {"line": L, "col": C, "end_col": E, "text": T}
# (columns from 1, in bytes, end exclusive).  The property, over every
# example and regress Markdown deal: applying every fix gives a file whose
# check has no diagnostic of those rules left, no new error, and the same
# canonical XML; a fix always replaces exactly the words its message
# names.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

n=0 fixed=0 bad=0
for f in examples/deals/*.md tests/regress/*/*.md tests/regress/*/*/*.md; do
	[ -f "$f" ] || continue
	cp "$f" "$tmp/d.md"
	(cd "$tmp" && "$bin" check --format json d.md > j1.json 2>/dev/null)
	grep -q '"fix"' "$tmp/j1.json" || continue
	n=$((n + 1))
	"$bin" convert --to xml "$tmp/d.md" > "$tmp/x1.xml" 2>/dev/null
	if ! /usr/bin/python3 - "$tmp/j1.json" "$tmp/d.md" <<'PY'
import json, re, sys
diags = json.load(open(sys.argv[1]))
lines = open(sys.argv[2], "rb").read().split(b"\n")
fixes = sorted((d for d in diags if "fix" in d),
               key=lambda d: (d["fix"]["line"], -d["fix"]["col"]))
for d in fixes:
    fx = d["fix"]
    l = lines[fx["line"] - 1]
    old = l[fx["col"] - 1:fx["end_col"] - 1].decode()
    said = re.findall(r"'([^']*)'", d["message"])
    if said[:2] != [old, fx["text"]]:
        sys.exit("fix of '%s' does not replace what its message names: %r" % (d["message"], old))
    lines[fx["line"] - 1] = l[:fx["col"] - 1] + fx["text"].encode() + l[fx["end_col"] - 1:]
open(sys.argv[2], "wb").write(b"\n".join(lines))
PY
	then bad=$((bad + 1)); ko "fixit-names-words $f"; continue
	fi
	(cd "$tmp" && "$bin" check --format json d.md > j2.json 2>/dev/null)
	"$bin" convert --to xml "$tmp/d.md" > "$tmp/x2.xml" 2>/dev/null
	left=$(grep -c '"rule": "\(column\|section\)-spelling"' "$tmp/j2.json")
	e1=$(grep -c '"severity": "error"' "$tmp/j1.json")
	e2=$(grep -c '"severity": "error"' "$tmp/j2.json")
	if [ "$left" -ne 0 ] || [ "$e2" -gt "$e1" ] || ! cmp -s "$tmp/x1.xml" "$tmp/x2.xml"; then
		bad=$((bad + 1))
		ko "fixit-applies $f" "left $left, errors $e1 -> $e2" "$(diff "$tmp/x1.xml" "$tmp/x2.xml" | head -4)"
	else
		fixed=$((fixed + 1))
	fi
done
if [ "$n" -ge 3 ] && [ "$bad" -eq 0 ]; then ok "fixit-property ($fixed deals with fix-its, all applied clean)"
else ko fixit-property "$bad of $n deals failed"
fi

# One of each, exactly.
printf -- '---\nclient: Fix Co\ndeal: fix\nsegment: smb\nstage: pre-close\nae: Nora Berg <nora.berg@vendor.example>\n---\n# Context\n## Pain Ponts\n- Typed twice.\n\n# Relationships\n| Name | Titel | Role | Email |\n|---|---|---|---|\n| Ann Lee | COO | Champion | ann@fix.example |\n' > "$tmp/fix.md"
(cd "$tmp" && "$bin" check --format json fix.md > j.json 2>/dev/null)
if grep -q '"rule": "section-spelling", "message": "section .Pain Ponts. read as .Pain points.".*"fix": {"line": 9, "col": 4, "end_col": 14, "text": "Pain points"}' "$tmp/j.json" &&
    grep -q '"rule": "column-spelling".*"fix": {"line": 13, "col": 10, "end_col": 15, "text": "Title"}' "$tmp/j.json"; then
	ok fixit-positions
else ko fixit-positions "$(grep fix "$tmp/j.json" | head -3)"
fi
