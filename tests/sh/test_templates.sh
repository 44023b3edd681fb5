#!/bin/sh
# test_templates.sh: 'handoff templates check' and 'handoff templates
# render' from the outside.  $1 is the handoff binary; cwd is the repo.
h=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

# the repo's own templates check clean
out=$("$h" templates check 2>&1); rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q 'intro.txt *client' &&
    echo "$out" | grep -q 'notice.txt *internal'; then
	pass templates-check-clean
else fail templates-check-clean "rc=$rc" "$out"; fi

# a team repo whose intro leaks an internal field through a partial
mkdir -p "$tmp/team/templates"
printf 'Hi {{deal.client}}\n{{> footer}}\n' > "$tmp/team/templates/intro.txt.mustache"
printf '{{#relationships.stakeholder}}{{notes}}{{/relationships.stakeholder}}\n' \
    > "$tmp/team/templates/footer.mustache"
out=$(cd "$tmp/team" && "$h" templates check 2>&1); rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q \
    'templates/footer.mustache:1:31: error: .notes. is internal.*\[template-audience\]'; then
	pass templates-check-audience-partial
else fail templates-check-audience-partial "rc=$rc" "$out"; fi

# a misspelt field: line, column and a suggestion
printf '{{! audience: internal }}\nHi {{deal.csm.frist_name}}\n' \
    > "$tmp/team/templates/notice.txt.mustache"
rm "$tmp/team/templates/intro.txt.mustache"
out=$(cd "$tmp/team" && "$h" templates check 2>&1); rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q \
    "notice.txt.mustache:2:4: error: no field 'deal.csm.frist_name'; did you mean 'deal.csm.first_name'?"; then
	pass templates-check-unknown-field
else fail templates-check-unknown-field "rc=$rc" "$out"; fi

# build fails for a leaking intro
printf '{{risks.red-flags}}\n' > "$tmp/team/templates/intro.txt.mustache"
rm "$tmp/team/templates/notice.txt.mustache"
cp examples/deals/nordlicht-energie.md "$tmp/team/"
out=$(cd "$tmp/team" && HANDOFF_TODAY=2026-11-19 "$h" build -o out nordlicht-energie.md 2>&1); rc=$?
if [ $rc -ne 0 ] && [ ! -f "$tmp/team/out/nordlicht-energie/intro-email.eml" ] &&
    echo "$out" | grep -q 'template-audience'; then
	pass build-refuses-leaking-template
else fail build-refuses-leaking-template "rc=$rc" "$out"; fi

# render against plain YAML data, with partials and escaping
mkdir -p "$tmp/r"
printf '{{#people}}{{> line}}{{/people}}{{^people}}nobody{{/people}}\n' > "$tmp/r/list.mustache"
printf -- '- {{name}} <{{mail}}>\n' > "$tmp/r/line.mustache"
printf 'people:\n  - {name: "Zoë & Co", mail: z@x.example}\n  - {name: Ærø, mail: a@x.example}\n' > "$tmp/r/d.yml"
out=$("$h" templates render "$tmp/r/list.mustache" --data "$tmp/r/d.yml" 2>&1); rc=$?
exp=$(printf -- '- Zoë & Co <z@x.example>\n- Ærø <a@x.example>')
if [ $rc -eq 0 ] && [ "$out" = "$exp" ]; then pass template-render-yaml
else fail template-render-yaml "rc=$rc" "$out"; fi
out=$("$h" templates render "$tmp/r/list.mustache" --data "$tmp/r/d.yml" --html 2>&1)
if echo "$out" | grep -q -- '^- Zoë &amp; Co <z@x.example>$'; then pass template-render-html
else fail template-render-html "$out"; fi

# a syntax error is file:line:col [template-syntax], exit 1
mkdir -p "$tmp/b"
printf 'ok\n{{#people}}\n{{name}\n' > "$tmp/b/bad.mustache"
out=$("$h" templates render "$tmp/b/bad.mustache" --data "$tmp/r/d.yml" 2>&1); rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q 'bad.mustache:3:1: error: unclosed tag.*\[template-syntax\]'; then
	pass template-render-syntax-error
else fail template-render-syntax-error "rc=$rc" "$out"; fi

# YAML numbers as the spec wants them, HTML by the file name
mkdir -p "$tmp/n"
printf 'x: 1.210\ny: {z: "<b>"}\n' > "$tmp/n/n.yml"
printf '{{x}} {{y.z}} {{{y.z}}}' > "$tmp/n/n.html.mustache"
out=$("$h" templates render "$tmp/n/n.html.mustache" --data "$tmp/n/n.yml" 2>&1)
if [ "$out" = '1.21 &lt;b&gt; <b>' ]; then pass template-render-numbers
else fail template-render-numbers "$out"; fi

# usage errors exit 2
"$h" templates render >/dev/null 2>&1; rc=$?
if [ $rc -eq 2 ]; then pass template-usage; else fail template-usage "rc=$rc"; fi
