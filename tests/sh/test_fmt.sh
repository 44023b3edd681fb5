#!/bin/sh
# test_fmt.sh: 'handoff fmt' (issue 10, point 7).  Over every example and
# regress Markdown deal (the property): fmt is idempotent, the canonical
# XML before and after is identical, and every word of the input is in
# the output (but the names of the form and the words of the readers'
# lists: see form() and listwords() below).  --check lists what would change and exits 1 (and 0 once
# formatted); --diff prints a unified diff and changes nothing; a file
# that cannot be read without loss is left untouched.
# Usage: sh tests/sh/test_fmt.sh /abs/path/to/handoff (from the repo root)
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

# words FILE: the file's words, lower case, one a line, sorted, unique.
# Bare numbers are values ('86,500' is written back as 86500: the XML
# compares them), an entity ('&amp;') is a character, not a word, and a
# link's 'mailto:' is the form of an address.
# The names of the form are left out: heading lines, front-matter keys
# and table header rows are read as the pillar, field or column they name
# (fmt writes '# Key Contacts' as '# Relationships'); what they name is
# compared in the canonical XML, where an unknown one is kept by name.
form() { awk 'NR == 1 && /^---/ { fm = 1; print; next }
    fm && /^(---|\.\.\.)/ { fm = 0; print; next }
    fm { if ($0 !~ /^[ -]/) sub(/^[^:]*:/, ""); print; next }
    { line[NR] = $0 }
    END { for (i = 1; i <= NR; i++) if (i in line) {
        l = line[i]; n = line[i + 1]
        if (l ~ /^ *#/ || (l ~ /^ *\|/ && n ~ /^[ |:-]*-[ |:-]*$/)) l = ""
        print l } }' "$1"; }
# The words the readers lift out of a value and write back in handoff's
# spelling ('Nov' of 'Nov 16, 2026', 'ARR' of '$84k ARR', 'promised by'
# of a commitment) are every word of the readers' lists but their field
# and column names: listwords prints them.  A number with such a word
# ('84k', '36m') is a value too.  Words are letters, marks and digits,
# case-folded and NFC-composed, so '—' and '✓' are punctuation.
listwords() { grep -hv '^#' schemas/read/*.txt |
    awk '$1 != "field" && $1 !~ /^column/ { $1 = ""; $2 = ""; print }'; }
words() { form "$1" | unesc | allwords; }
# unesc: the escapes of double-quoted front-matter values decoded, as YAML
# reads them ('"2\tyears"' is '2' and 'years', '"Zo\u00eb"' is 'Zoë').
unesc() { python3 -c '
import re, sys
esc = {"0": " ", "t": "\t", "n": "\n", "N": "\x85", "L": "\u2028", "P": "\u2029",
       "_": "\xa0", " ": " ", "\"": "\"", "/": "/", "\\": "\\"}
def dec(m):
    def one(e):
        e = e.group(0)[1:]
        if e[0] in "xuU":
            return chr(int(e[1:], 16))
        return esc.get(e, "\\" + e)
    return re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", one, m.group(0))
lines = sys.stdin.read().split("\n")
front = bool(lines) and lines[0] == "---"
for i, l in enumerate(lines):
    if front and i > 0 and l in ("---", "..."):
        front = False
    elif front and i > 0:
        l = re.sub(r"\"(?:[^\"\\]|\\.)*\"", dec, l)
    lines[i] = l
sys.stdout.write("\n".join(lines))'; }
# allwords: the words of stdin, as words() counts them.
allwords() { python3 -c '
import re, sys, unicodedata
lists = set(re.findall(r"[^\W_]+", unicodedata.normalize("NFC",
    open(sys.argv[1], encoding="utf-8").read()).casefold()))
text = unicodedata.normalize("NFC", sys.stdin.read()).casefold()
text = re.sub(r"&[a-z0-9#]*;", " ", text)
text = re.sub(r"mailto:", " ", text)
out = set()
for w in re.findall(r"[^\W_]+", text):
    num = re.match(r"[0-9]+", w)
    if w in lists or (num and (num.end() == len(w) or w[num.end():] in lists)):
        continue
    # the joints of an ISO 8601 date and time ('16t10', '00z')
    if re.fullmatch(r"[0-9]+t[0-9]+|[0-9]+z", w):
        continue
    out.add(w)
print("\n".join(sorted(out)))' "$tmp/lists"; }
listwords > "$tmp/lists"

n=0 bad=0 refused=0
for f in examples/deals/*.md tests/regress/*/*.md tests/regress/*/*/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	c="$tmp/c$n.md"
	cp "$f" "$c"
	"$bin" convert --to xml "$c" > "$tmp/before.xml" 2>/dev/null ||
	    continue	# not readable without loss: fmt must refuse it
	if ! "$bin" fmt "$c" 2>"$tmp/err"; then
		refused=$((refused + 1))
		if ! cmp -s "$f" "$c"; then
			bad=$((bad + 1)); ko "fmt-refused-untouched $f"
		fi
		continue
	fi
	"$bin" convert --to xml "$c" > "$tmp/after.xml" 2>/dev/null
	cp "$c" "$tmp/once.md"
	"$bin" fmt "$c" 2>/dev/null
	if ! cmp -s "$tmp/before.xml" "$tmp/after.xml"; then
		bad=$((bad + 1))
		ko "fmt-same-xml $f" "$(diff "$tmp/before.xml" "$tmp/after.xml" | head -4)"
	elif ! cmp -s "$tmp/once.md" "$c"; then
		bad=$((bad + 1))
		ko "fmt-idempotent $f" "$(diff "$tmp/once.md" "$c" | head -4)"
	else
		# What fmt wrote counts whole: a label lifted out of a bullet
		# ('Severity: high') is a column name now, and still there.
		words "$f" > "$tmp/w1"; unesc < "$c" | allwords > "$tmp/w2"
		lost=$(comm -23 "$tmp/w1" "$tmp/w2" | head -3 | tr '\n' ' ')
		if [ -n "$lost" ]; then
			bad=$((bad + 1)); ko "fmt-keeps-words $f" "lost: $lost"
		fi
	fi
done
if [ "$n" -ge 20 ] && [ "$bad" -eq 0 ]; then
	ok "fmt-property ($n deals, $refused refused as lossy)"
else ko fmt-property "$bad of $n deals failed"
fi
# Every deal that reads without a format error formats: a refusal for
# loss is a word the checker or the writer gets wrong (YAML escapes,
# character references, role words and aliases were such).
if [ "$refused" -eq 0 ]; then ok fmt-formats-every-readable-deal
else ko fmt-formats-every-readable-deal "$refused refused"
fi

# --check, --diff, in place.
cp examples/deals/corner-bakery.md "$tmp/deal.md"
cp "$tmp/deal.md" "$tmp/orig.md"
"$bin" fmt --check "$tmp/deal.md" > "$tmp/out" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && grep -qx "$tmp/deal.md" "$tmp/out" &&
    cmp -s "$tmp/deal.md" "$tmp/orig.md"; then ok fmt-check-lists
else ko fmt-check-lists "exit $rc" "$(head -3 "$tmp/out")"
fi
"$bin" fmt --diff "$tmp/deal.md" > "$tmp/diff" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && grep -q '^--- ' "$tmp/diff" && grep -q '^+++ ' "$tmp/diff" &&
    grep -q '^@@ ' "$tmp/diff" && cmp -s "$tmp/deal.md" "$tmp/orig.md"; then
	ok fmt-diff-unified
else ko fmt-diff-unified "exit $rc" "$(head -3 "$tmp/diff")"
fi
# The diff applies: patch gives what fmt writes.
cp "$tmp/orig.md" "$tmp/p.md"
sed "s|$tmp/deal.md|$tmp/p.md|g" "$tmp/diff" | patch -s "$tmp/p.md" 2>/dev/null
"$bin" fmt "$tmp/deal.md" 2>/dev/null
if cmp -s "$tmp/p.md" "$tmp/deal.md"; then ok fmt-diff-applies
else ko fmt-diff-applies "patched file differs from fmt's"
fi
"$bin" fmt --check "$tmp/deal.md" > "$tmp/out" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ]; then ok fmt-check-clean
else ko fmt-check-clean "exit $rc" "$(head -3 "$tmp/out")"
fi
# A file with a duplicate front-matter key is lossy: untouched, exit 1.
printf -- '---\ndeal: a\ndeal: b\n---\n# Context\n' > "$tmp/dup.md"
cp "$tmp/dup.md" "$tmp/dup.orig"
"$bin" fmt "$tmp/dup.md" > "$tmp/out" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && cmp -s "$tmp/dup.md" "$tmp/dup.orig" &&
    grep -q 'not formatted' "$tmp/out"; then ok fmt-lossy-untouched
else ko fmt-lossy-untouched "exit $rc" "$(head -3 "$tmp/out")"
fi
"$bin" fmt > /dev/null 2>&1; rc=$?
if [ "$rc" -eq 2 ]; then ok fmt-usage; else ko fmt-usage "exit $rc"; fi

# What 'handoff new' writes is already formatted.
( cd "$tmp" && mkdir team && cd team && "$bin" init --company Acme >/dev/null 2>&1 &&
  "$bin" new demo-co >/dev/null 2>&1 )
"$bin" fmt --check "$tmp/team/deals/demo-co.md" > "$tmp/out" 2>&1; rc=$?
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ]; then ok fmt-new-skeleton-clean
else ko fmt-new-skeleton-clean "exit $rc" "$(head -3 "$tmp/out")"
fi

# A file's comments, empty headings, header-only tables and unknown keys
# survive fmt, in place, and fmt of that is a no-op.
cat > "$tmp/keep.md" <<'MD'
---
# front comment: ask Nora about the region
client: Keep Co
deal: keep
segment: smb
stage: pre-close
ae: Nora Berg <nora.berg@vendor.example>
region: west   # inline remark
partner: Nordic Systems AS
---
<!-- body note: fill in after the call -->
# Context
## Pain points
- Invoices are typed twice.

## Why they bought

# Relationships
| Name | Title | Role | Email |
|---|---|---|---|

# Goals
<!-- goals from the QBR -->
MD
"$bin" convert --to xml "$tmp/keep.md" > "$tmp/k1.xml" 2>/dev/null
"$bin" fmt "$tmp/keep.md" 2>"$tmp/err"; rc=$?
"$bin" convert --to xml "$tmp/keep.md" > "$tmp/k2.xml" 2>/dev/null
missing=
for s in '# front comment: ask Nora about the region' \
    'region: west  # inline remark' 'partner: Nordic Systems AS' \
    '<!-- body note: fill in after the call -->' '## Why they chose us' \
    '| Name | Title | Role | Email |' '<!-- goals from the QBR -->' '# Goals'; do
	grep -qxF -- "$s" "$tmp/keep.md" || missing="$missing [$s]"
done
cp "$tmp/keep.md" "$tmp/keep.once"
"$bin" fmt "$tmp/keep.md" 2>/dev/null
if [ "$rc" -eq 0 ] && [ -z "$missing" ] && cmp -s "$tmp/k1.xml" "$tmp/k2.xml" &&
    cmp -s "$tmp/keep.md" "$tmp/keep.once"; then ok fmt-keeps-comments-and-empty
else ko fmt-keeps-comments-and-empty "exit $rc, missing:$missing" "$(head -2 "$tmp/err")"
fi

# check says it once, as a note, while the file is not canonical, and
# not once fmt has run.
cp examples/deals/corner-bakery.md "$tmp/note.md"
"$bin" check "$tmp/note.md" > "$tmp/c1" 2>&1
"$bin" fmt "$tmp/note.md" 2>/dev/null
"$bin" check "$tmp/note.md" > "$tmp/c2" 2>&1
if [ "$(grep -c "note: not in the canonical form: 'handoff fmt --diff $tmp/note.md'.*\[fmt\]$" "$tmp/c1")" -eq 1 ] &&
    [ "$(grep -c '\[fmt\]$' "$tmp/c1")" -eq 1 ] && ! grep -q '\[fmt\]' "$tmp/c2"; then
	ok fmt-check-note-once
else ko fmt-check-note-once "$(grep fmt "$tmp/c1" "$tmp/c2" | head -3)"
fi

# Paragraphs and list items wrapped by hand stay wrapped where the author
# broke them (fmt joined them before), and check has nothing to say.
cat > "$tmp/wrap.md" <<'MD'
---
client: Wrap Co
deal: wrap
segment: smb
stage: pre-close
ae: Nora Berg <nora.berg@vendor.example>
---
# Context

## Pain points
The clinics run three scheduling tools and
nobody trusts the numbers; the COO wants one
source of truth before the board meeting.

- Dentrix sync is flaky at two sites and the
  front desk re-keys appointments by hand
- Reports take a week
MD
cp "$tmp/wrap.md" "$tmp/wrap.orig"
"$bin" fmt --check "$tmp/wrap.md" > "$tmp/out" 2>&1; rc=$?
"$bin" check "$tmp/wrap.md" > "$tmp/c1" 2>&1
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/out" ] && ! grep -q '\[fmt\]' "$tmp/c1"; then
	ok fmt-keeps-hand-wraps
else ko fmt-keeps-hand-wraps "exit $rc" "$(head -3 "$tmp/out")" "$(grep fmt "$tmp/c1")"
fi
# Out of form elsewhere: fmt fixes the form and keeps the breaks.
sed 's/^## Pain points$/## pain points/' "$tmp/wrap.orig" | sed '/^client:/d' |
    sed 's/^deal: wrap$/deal: wrap\nclient: Wrap Co/' > "$tmp/wrap.md"
"$bin" fmt "$tmp/wrap.md" 2>"$tmp/err"; rc=$?
if [ "$rc" -eq 0 ] && cmp -s "$tmp/wrap.md" "$tmp/wrap.orig"; then ok fmt-wraps-survive-rewrite
else ko fmt-wraps-survive-rewrite "exit $rc" "$(diff "$tmp/wrap.orig" "$tmp/wrap.md" | head -6)"
fi
# A break before a word that would start a list item, a heading or a
# quote at the start of a line is joined: the text must read the same.
printf -- '---\nclient: Wrap Co\ndeal: wrap\nsegment: smb\nstage: pre-close\nae: Nora Berg <nora.berg@vendor.example>\n---\n# Context\n\n## Pain points\n\nPrice is\n\\- 5 after discount, and\n1986. was the year\n' > "$tmp/join.md"
"$bin" convert --to xml "$tmp/join.md" > "$tmp/j1.xml" 2>/dev/null
"$bin" fmt "$tmp/join.md" 2>"$tmp/err"; rc=$?
"$bin" convert --to xml "$tmp/join.md" > "$tmp/j2.xml" 2>/dev/null
if [ "$rc" -eq 0 ] && cmp -s "$tmp/j1.xml" "$tmp/j2.xml" &&
    grep -qx '1986. was the year' "$tmp/join.md" &&
    ! grep -q '^\\\?- 5' "$tmp/join.md"; then ok fmt-wrap-unsafe-break-joined
else ko fmt-wrap-unsafe-break-joined "exit $rc" "$(sed -n '10,14p' "$tmp/join.md")"
fi

# The property, wrapped: every formatted deal above, with its paragraph
# and bullet lines wrapped by hand at 40 columns (not its 'Label: value'
# lines, which are read one a line), is still canonical, and reads as the
# same XML.
wrapped() { python3 - "$1" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def starter(w):
    return (w in ("-", "+", "*", "_", "1.", "1)") or w[0] in "><|" or
            w.startswith("```") or w.startswith("~~~") or
            (len(w) <= 6 and set(w) == {"#"}) or
            (len(set(w)) == 1 and w[0] in "=-_*"))
def wrap(text, first, indent, width=40):
    out, cur, empty = [], first, True
    for w in text.split(" "):
        if not empty and len(cur) + 1 + len(w) > width and not starter(w):
            out.append(cur); cur = indent + w
        else:
            cur = cur + ("" if empty else " ") + w
        empty = False
    out.append(cur)
    return out
res, fm, fence = [], 0, False
for i, l in enumerate(lines):
    if i == 0 and l == "---": fm = 1; res.append(l); continue
    if fm == 1:
        if l in ("---", "..."): fm = 2
        res.append(l); continue
    if l.startswith("```") or l.startswith("~~~"): fence = not fence
    m = re.match(r"(- (?:\[[ x]\] )?)(\S.*)$", l)
    if not fence and m and len(l) > 40:
        res += wrap(m.group(2), m.group(1), "  ")
    elif (not fence and len(l) > 40 and re.match(r"[A-Za-z]", l) and
          not re.match(r"[\w ()/-]+: ", l) and
          "  " not in l and not l.endswith("\\")):
        res += wrap(l, "", "")
    else:
        res.append(l)
sys.stdout.write("\n".join(res))
PY
}
n=0 bad=0 grew=0
for f in examples/deals/*.md tests/regress/*/*.md tests/regress/*/*/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	c="$tmp/w$n.md"
	cp "$f" "$c"
	"$bin" fmt "$c" 2>/dev/null || continue
	wrapped "$c" > "$tmp/wr.md" || continue
	cmp -s "$c" "$tmp/wr.md" || grew=$((grew + 1))
	"$bin" convert --to xml "$c" > "$tmp/x1.xml" 2>/dev/null
	"$bin" convert --to xml "$tmp/wr.md" > "$tmp/x2.xml" 2>/dev/null
	cp "$tmp/wr.md" "$tmp/wr.once"
	"$bin" fmt "$tmp/wr.md" 2>/dev/null
	if ! cmp -s "$tmp/wr.once" "$tmp/wr.md"; then
		bad=$((bad + 1))
		ko "fmt-wrapped-canonical $f" "$(diff "$tmp/wr.once" "$tmp/wr.md" | head -6)"
	elif ! cmp -s "$tmp/x1.xml" "$tmp/x2.xml"; then
		bad=$((bad + 1))
		ko "fmt-wrapped-same-xml $f" "$(diff "$tmp/x1.xml" "$tmp/x2.xml" | head -4)"
	fi
done
if [ "$grew" -ge 20 ] && [ "$bad" -eq 0 ]; then
	ok "fmt-wrapped-property ($grew of $n deals wrapped)"
else ko fmt-wrapped-property "$bad failed, $grew wrapped of $n"
fi

# XML deals: fmt writes the canonical XML, and refuses (untouched) one
# whose comments the canonical XML would drop.
cp examples/deals/harbourview-clinics.xml "$tmp/x.xml"
cp "$tmp/x.xml" "$tmp/x.orig"
"$bin" fmt "$tmp/x.xml" > "$tmp/out" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && cmp -s "$tmp/x.xml" "$tmp/x.orig" &&
    grep -q 'keeps no comments' "$tmp/out"; then ok fmt-xml-comments-refused
else ko fmt-xml-comments-refused "exit $rc" "$(head -2 "$tmp/out")"
fi
"$bin" convert --to xml "$tmp/x.xml" > "$tmp/xc.xml" 2>/dev/null
python3 -c 'import sys; s = open(sys.argv[1]).read()
sys.stdout.write(s.replace("?>\n", "?>\n\n", 1).replace("\n  <", "\n    <"))' \
    "$tmp/xc.xml" > "$tmp/y.xml"
"$bin" fmt "$tmp/y.xml" > "$tmp/out" 2>&1; rc=$?
"$bin" fmt --check "$tmp/y.xml" > "$tmp/out2" 2>&1; rc2=$?
if [ "$rc" -eq 0 ] && [ "$rc2" -eq 0 ] && cmp -s "$tmp/y.xml" "$tmp/xc.xml"; then
	ok fmt-xml-canonical
else ko fmt-xml-canonical "exit $rc/$rc2" "$(head -2 "$tmp/out")" "$(diff "$tmp/xc.xml" "$tmp/y.xml" | head -4)"
fi
