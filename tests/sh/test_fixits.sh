#!/bin/sh
# SPDX-License-Identifier: MIT
# test_fixits.sh: the fix-its of 'check --format json' (issue 10 point 8).
# A diagnostic whose words the reader knows how to write ('Stnace' read
# as 'Stance', '## Pain Ponts' as 'Pain points') carries
#   "fix": {"line": L, "col": C, "end_col": E, "text": T}
# (columns from 1, in bytes, end exclusive).  A value handoff cannot read
# but can tell what was meant ('Acme_Logistics' for a deal id, an address
# written 'priya(at)acme.example') carries one too, named in the note.
# The property, over every example and regress Markdown deal: applying
# every fix gives a file whose check has no diagnostic of those rules on
# those lines left, no new error, and the same canonical XML (but for the
# values fixed); a fix always replaces exactly the words its message
# names, with the words its message or its note names.
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
	if ! /usr/bin/python3 - "$tmp/j1.json" "$tmp/d.md" "$tmp/fixed" <<'PY'
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
    told = said[1:2] + re.findall(r"'([^']*)'", d.get("hint", ""))
    if said[:1] != [old] or fx["text"] not in told:
        sys.exit("fix of '%s' does not replace what its message names: %r" % (d["message"], old))
    lines[fx["line"] - 1] = l[:fx["col"] - 1] + fx["text"].encode() + l[fx["end_col"] - 1:]
open(sys.argv[2], "wb").write(b"\n".join(lines))
with open(sys.argv[3], "w") as out:
    for d in fixes:
        out.write("%s\t%d\t%s\t%s\n" % (d["rule"], d["line"], d["message"].split("'")[1], d["fix"]["text"]))
PY
	then bad=$((bad + 1)); ko "fixit-names-words $f"; continue
	fi
	(cd "$tmp" && "$bin" check --format json d.md > j2.json 2>/dev/null)
	"$bin" convert --to xml "$tmp/d.md" > "$tmp/x2.xml" 2>/dev/null
	left=$(/usr/bin/python3 -c '
import json, sys
fixed = {(l.split("\t")[0], int(l.split("\t")[1])) for l in open(sys.argv[2])}
print(sum((d["rule"], d["line"]) in fixed for d in json.load(open(sys.argv[1]))))' \
	    "$tmp/j2.json" "$tmp/fixed")
	e1=$(grep -c '"severity": "error"' "$tmp/j1.json")
	e2=$(grep -c '"severity": "error"' "$tmp/j2.json")
	# The canonical XML is the same but for the values fixed.
	/usr/bin/python3 -c '
import sys
x = open(sys.argv[1]).read()
for l in open(sys.argv[2]):
    rule, line, old, new = l.rstrip("\n").split("\t")
    x = x.replace(">%s<" % old, ">%s<" % new)
sys.stdout.write(x)' "$tmp/x1.xml" "$tmp/fixed" > "$tmp/x1f.xml"
	if [ "$left" -ne 0 ] || [ "$e2" -gt "$e1" ] || ! cmp -s "$tmp/x1f.xml" "$tmp/x2.xml"; then
		bad=$((bad + 1))
		ko "fixit-applies $f" "left $left, errors $e1 -> $e2" "$(diff "$tmp/x1f.xml" "$tmp/x2.xml" | head -4)"
	else
		fixed=$((fixed + 1))
	fi
done
if [ "$n" -ge 3 ] && [ "$bad" -eq 0 ]; then ok "fixit-property ($fixed deals with fix-its, all applied clean)"
else ko fixit-property "$bad of $n deals failed"
fi

# One of each, exactly.
printf -- '---\nclient: Fix Co\ndeal: fix\nsegment: smb\nstage: pre-close\nae: Nora Berg <nora.berg@vendor.example>\n---\n# Context\n## Pain Ponts\n- Typed twice.\n\n# Relationships\n| Name | Tilte | Role | Email |\n|---|---|---|---|\n| Ann Lee | COO | Champion | ann@fix.example |\n' > "$tmp/fix.md"
(cd "$tmp" && "$bin" check --format json fix.md > j.json 2>/dev/null)
if grep -q '"rule": "section-spelling", "message": "section .Pain Ponts. read as .Pain points.".*"fix": {"line": 9, "col": 4, "end_col": 14, "text": "Pain points"}' "$tmp/j.json" &&
    grep -q '"rule": "column-spelling".*"fix": {"line": 13, "col": 10, "end_col": 15, "text": "Title"}' "$tmp/j.json"; then
	ok fixit-positions
else ko fixit-positions "$(grep fix "$tmp/j.json" | head -3)"
fi

# Values: a deal id is fixed to its file's name, an address written to
# fool harvesters to the address; a person with no address is told what
# to add, with the person's own name (never a made-up one).
printf -- '---\nclient: Fix Co\ndeal: Fix Co\nsegment: smb\nstage: pre-close\nae: Nora Berg\n---\n# Relationships\n| Name | Title | Role | Email |\n|---|---|---|---|\n| Ann Lee | COO | Champion | ann (at) fix (dot) example |\n' > "$tmp/fix-co.md"
(cd "$tmp" && "$bin" check --format json fix-co.md > j.json 2>/dev/null)
if grep -q '"rule": "deal-id", "message": "deal id .Fix Co. is not.*"hint": "write it as .fix-co., the name of its file", "fix": {"line": 3, "col": 7, "end_col": 13, "text": "fix-co"}' "$tmp/j.json" &&
    grep -q '"rule": "invalid-email".*"hint": "write it as .ann@fix.example.", "fix": {"line": 11, "col": 30, "end_col": 56, "text": "ann@fix.example"}' "$tmp/j.json" &&
    grep -q '"rule": "person-format", "message": "ae .Nora Berg. is not .Name <email>.", "hint": "add the e-mail address: .Nora Berg <e-mail address>."' "$tmp/j.json"; then
	ok fixit-values
else ko fixit-values "$(grep '"deal-id"\|invalid-email\|person-format' "$tmp/j.json" | head -3)"
fi
