#!/bin/sh
# jxc format in place: -w rewrites only the files that change (atomically,
# an unchanged file keeps its modification time, a link's target is
# rewritten), --check lists the files that are not formatted, --diff shows a
# unified diff that patch(1) applies, - reads standard input, a folder
# stands for its document's files (the root and its imports, nothing
# else), a file with syntax errors is never rewritten, and --textconv (for
# git) names each project's unit and shows an unreadable file as it is.
set -u
. "$TESTS_SRCDIR/lib.sh"
export LC_ALL=C.UTF-8

mtime() { stat -c %Y "$1"; }

# A document: a root, an imported unit file, and a file it does not import.
doc="$tmp/doc"
mkdir -p "$doc"
cat >"$doc/main.jx" <<'JX'
# 测试局
部门   "测试局"
年度 2025
金额单位 万元
导入 "unit.jx"    # 本级
JX
cat >"$doc/unit.jx" <<'JX'
单位 100001 "本级"
项目 "办公经费" {
  预算 10.00 (财政资金 10.00)
  产出指标 {
    数量指标 "保障人数" >= 30 人   描述 "保障在编人员"
  }
}
JX
printf '年度     2024\n' >"$doc/stray.jx"
cp "$doc/unit.jx" "$tmp/unit.orig"
touch -d '2020-01-02 03:04:05' "$doc"/*.jx
stray_time=$(mtime "$doc/stray.jx")

# --check lists the two files of the document, changes nothing, exit 1.
expect 1 "--check" -- "$JXC" format --check "$doc"
contains out "$doc/main.jx" "--check"
contains out "$doc/unit.jx" "--check"
grep -qF stray "$tmp/out" && fail "--check: a file the document does not import is listed"
contains err "2 files are not in the canonical layout; jxc format -w rewrites them" "--check says what to do"
cmp -s "$doc/unit.jx" "$tmp/unit.orig" || fail "--check changed a file"

# --diff is a unified diff that patch applies to give the formatted file.
expect 1 "--diff" -- "$JXC" format --diff "$doc/unit.jx"
contains out "--- $doc/unit.jx" "--diff header"
contains out '-    数量指标 "保障人数" >= 30 人   描述 "保障在编人员"' "--diff removal"
contains out '+    数量指标 "保障人数" ≥ 30 人  描述 "保障在编人员"' "--diff addition"
cp "$doc/unit.jx" "$tmp/patched.jx"
patch -s "$tmp/patched.jx" <"$tmp/out" || fail "--diff: patch could not apply the diff"
"$JXC" format "$doc/unit.jx" >"$tmp/unit.formatted"
cmp -s "$tmp/patched.jx" "$tmp/unit.formatted" || fail "--diff: the patched file is not the formatted one"

# -w rewrites both files of the document in place, not the stray one.
chmod 640 "$doc/unit.jx"
expect 0 "-w folder" -- "$JXC" format -w "$doc"
empty out "-w"
cmp -s "$doc/unit.jx" "$tmp/unit.formatted" || fail "-w: unit.jx is not the formatted text"
[ "$(mtime "$doc/stray.jx")" = "$stray_time" ] || fail "-w touched a file the document does not import"
[ "$(stat -c %a "$doc/unit.jx")" = 640 ] || fail "-w: the file's mode was not kept"
ls "$doc" | grep -q 'XXXXXX\|\.jx\.' && fail "-w left a temporary file: $(ls "$doc")"
grep -qF '导入 "unit.jx"  # 本级' "$doc/main.jx" || fail "-w: the comment of the import was lost"

# Formatted now: --check is quiet, and -w leaves the files untouched.
expect 0 "--check formatted" -- "$JXC" format --check "$doc"
empty out "--check formatted"
expect 0 "--diff formatted" -- "$JXC" format --diff "$doc"
empty out "--diff formatted"
touch -d '2020-01-02 03:04:05' "$doc/main.jx" "$doc/unit.jx"
before=$(mtime "$doc/unit.jx")
expect 0 "-w formatted" -- "$JXC" format -w "$doc/main.jx" "$doc/unit.jx"
[ "$(mtime "$doc/unit.jx")" = "$before" ] || fail "-w rewrote a formatted file (its mtime changed)"
[ "$(mtime "$doc/main.jx")" = "$before" ] || fail "-w rewrote a formatted root file"

# A link: its target is rewritten, the link stays a link.
printf '年度     2025\n' >"$tmp/target.jx"
ln -s "$tmp/target.jx" "$tmp/link.jx"
expect 0 "-w through a link" -- "$JXC" format -w "$tmp/link.jx"
[ -L "$tmp/link.jx" ] || fail "-w replaced the link by a file"
[ "$(cat "$tmp/target.jx")" = "年度 2025" ] || fail "-w through a link: target is '$(cat "$tmp/target.jx")'"

# A byte order mark and CRLF line ends are not the canonical layout.
printf '\357\273\277年度 2025\n' >"$tmp/bom.jx"
expect 1 "--check BOM" -- "$JXC" format --check "$tmp/bom.jx"
contains out "$tmp/bom.jx" "--check BOM"
printf '年度 2025\r\n' >"$tmp/crlf.jx"
expect 0 "-w CRLF" -- "$JXC" format -w "$tmp/crlf.jx"
[ "$(od -An -c "$tmp/crlf.jx" | tr -d ' \n')" = "$(printf '年度 2025\n' | od -An -c | tr -d ' \n')" ] ||
  fail "-w: CRLF line ends are not rewritten"

# Standard input.
printf '年度     2025\n' | "$JXC" format - >"$tmp/out" 2>"$tmp/err" || fail "format -: exit $?"
[ "$(cat "$tmp/out")" = "年度 2025" ] || fail "format -: '$(cat "$tmp/out")'"
printf '年度     2025\n' | "$JXC" format --check - >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "format --check -: not exit 1"
contains out "<standard input>" "--check -"
printf '年度 2025\n' | "$JXC" format --check - >"$tmp/out" 2>"$tmp/err" || fail "--check - formatted: exit $?"
expect 2 "-w -" -- "$JXC" format -w -
contains err "cannot rewrite standard input" "-w -"
expect 2 "-w --check" -- "$JXC" format -w --check "$doc"
contains err "give one of them" "-w --check"

# A file with syntax errors is reported and never rewritten.
printf '年度     2025\n项目 "甲" {\n' >"$tmp/bad.jx"
cp "$tmp/bad.jx" "$tmp/bad.orig"
expect 1 "-w syntax error" -- "$JXC" format -w "$tmp/bad.jx"
contains err "error[J015]" "-w syntax error"
cmp -s "$tmp/bad.jx" "$tmp/bad.orig" || fail "-w rewrote a file with syntax errors"
expect 1 "--check syntax error" -- "$JXC" format --check "$tmp/bad.jx"
expect 2 "-w unreadable" -- "$JXC" format -w "$tmp/nope.jx"
contains err "cannot read $tmp/nope.jx" "-w unreadable"

# --textconv: the project's line names its unit; an unreadable file is
# shown as it is, with status 0 (git stops on a failing textconv).
expect 0 "--textconv" -- "$JXC" format --textconv "$doc/unit.jx"
contains out '项目 "办公经费" {  # 单位 100001' "--textconv"
printf '单位 "某县第一中学"\n项目 "校舍维修" {  # 原名\n  预算 1\n}\n' >"$tmp/nocode.jx"
expect 0 "--textconv, a unit without a code" -- "$JXC" format --textconv "$tmp/nocode.jx"
contains out '项目 "校舍维修" {  # 原名  · 单位 某县第一中学' "--textconv: the unit's name, after the comment"
expect 0 "--textconv syntax error" -- "$JXC" format --textconv "$tmp/bad.jx"
cmp -s "$tmp/out" "$tmp/bad.orig" || fail "--textconv: a file with syntax errors is not shown as it is"
contains err "has syntax errors" "--textconv syntax error"
expect 2 "--textconv two files" -- "$JXC" format --textconv "$doc/unit.jx" "$doc/main.jx"

# Many FILE arguments are read ahead on a second thread: the output and
# the findings are those of formatting them one by one, also when one in
# the middle cannot be read (the files after it get other indexes).
many="$tmp/many"
mkdir "$many"
i=0
while [ "$i" -lt 12 ]; do
  printf '单位   %d "单位%d"\n项目 "项目%d" {\n预算   %d\n}\n' "$i" "$i" "$i" "$i" >"$many/u$i.jx"
  i=$((i + 1))
done
printf '单位 "坏" {\n' >"$many/u7.jx"
: >"$tmp/one-by-one"
: >"$tmp/one-by-one.err"
for f in u0 u1 u2 u3 u4 missing u5 u6 u7 u8 u9 u10 u11; do
  "$JXC" format "$many/$f.jx" >>"$tmp/one-by-one" 2>>"$tmp/one-by-one.err"
done
expect 2 "format many files" -- "$JXC" format "$many/u0.jx" "$many/u1.jx" "$many/u2.jx" \
  "$many/u3.jx" "$many/u4.jx" "$many/missing.jx" "$many/u5.jx" "$many/u6.jx" "$many/u7.jx" \
  "$many/u8.jx" "$many/u9.jx" "$many/u10.jx" "$many/u11.jx"
cmp -s "$tmp/out" "$tmp/one-by-one" || fail "format many files: output differs from one by one"
contains err "missing.jx" "format many files: the missing one"
contains err "u7.jx:1:8: error[J010]" "format many files: the syntax error, at its place"
grep -c 'error\[' "$tmp/err" | grep -qx "$(grep -c 'error\[' "$tmp/one-by-one.err")" ||
  fail "format many files: other findings than one by one"

[ "$fails" -eq 0 ]
