#!/bin/sh
# jxc diff on the command line: the golden reports (text, Markdown, JSON,
# --stat) of tests/diff/small-old.jx → small-new.jx and of the Chengde demo
# (examples/chengde-justice-2024 → 2025), exit statuses like diff(1),
# --match, colours (--color, NO_COLOR, a terminal), -o, the usage errors,
# documents that do not read, and git's seven arguments.
set -u
. "$TESTS_SRCDIR/lib.sh"
export LC_ALL=C.UTF-8
unset NO_COLOR
d="$TESTS_SRCDIR/diff"

# golden NAME EXPECTED-FILE: compares $tmp/out with the expected file.
golden() {
  if ! cmp -s "$tmp/out" "$2"; then
    fail "$1 differs from $(basename "$2") (- expected, + actual):"
    diff -u "$2" "$tmp/out" | sed -n '3,40p' | sed 's/^/    /' >&2
  fi
}

# 1. The golden reports. Relative paths, as the reports show them.
cd "$d" || exit 1
expect 1 "small text" -- "$JXC" diff --color=never small-old.jx small-new.jx
golden "small text" small.txt.expected
empty err "small text"
expect 1 "small markdown" -- "$JXC" diff --format=markdown small-old.jx small-new.jx
golden "small markdown" small.md.expected
expect 1 "small json" -- "$JXC" diff --format=json small-old.jx small-new.jx
golden "small json" small.json.expected
expect 1 "small --stat" -- "$JXC" diff --stat --color=never small-old.jx small-new.jx
golden "small --stat" small.stat.expected
cd "$EXAMPLES" || exit 1
expect 1 "chengde text" -- "$JXC" diff --color=never chengde-justice-2024 chengde-justice-2025
golden "chengde text" "$d/chengde.txt.expected"
cd "$tmp" || exit 1

# The JSON is well-formed (when python3 is there to read it) and versioned.
expect 1 "json" -- "$JXC" diff --format=json "$EXAMPLES/chengde-justice-2024" "$EXAMPLES/chengde-justice-2025"
contains out '"format": "jixiao-diff"' "json format"
contains out '"version": 1' "json version"
if command -v python3 >/dev/null 2>&1; then
  python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["summary"]["projects"]["moved"] == 1' \
    <"$tmp/out" || fail "json: not well-formed, or the summary is wrong"
fi

# --stat: the summary, no details.
expect 1 "--stat" -- "$JXC" diff --stat --color=never "$EXAMPLES/chengde-justice-2024" "$EXAMPLES/chengde-justice-2025"
contains out "Summary" "--stat"
contains out "324004 承德市戒毒管理所" "--stat lists the units"
lacks out "12348 法律服务热线" "--stat has no projects"
expect 1 "--stat html" -- "$JXC" diff --stat --format=html "$EXAMPLES/chengde-justice-2024" "$EXAMPLES/chengde-justice-2025"
lacks out "section class=\"project" "--stat html has no projects"

# 2. Exit status: 0 the same, 1 different, 2 trouble.
expect 0 "same document" -- "$JXC" diff "$EXAMPLES/chengde-justice-2025" "$EXAMPLES/chengde-justice-2025"
contains out "The documents do not differ." "same document"
# Two 栏目 cells of one label pair in order: the same cells are no
# difference, and changing the second is one change, not two (found by the
# fuzzer: each was compared with the first).
cells() {
  printf '年度 2024\n单位 "x"\n项目 "甲" {\n  预算 1\n  栏目 "绩效标准类型" "%s"\n  栏目 "绩效标准类型" "%s"\n}\n' "$1" "$2"
}
cells 计划标准 历史标准 >"$tmp/cells-a.jx"
cells 计划标准 历史标准 >"$tmp/cells-b.jx"
cells 计划标准 行业标准 >"$tmp/cells-c.jx"
expect 0 "same repeated cells" -- "$JXC" diff "$tmp/cells-a.jx" "$tmp/cells-b.jx"
expect 1 "one repeated cell changed" -- "$JXC" diff --format=json "$tmp/cells-a.jx" "$tmp/cells-c.jx"
[ "$(grep -c '"key": "labelled_field"' "$tmp/out")" = 1 ] || fail "repeated cells: not exactly one change"
contains out "行业标准" "one repeated cell changed"
# Layout and comments are not differences: the formatted document is the same.
mkdir "$tmp/formatted"
cp "$EXAMPLES"/chengde-justice-2025/*.jx "$tmp/formatted/"
"$JXC" format -w "$tmp/formatted" 2>/dev/null
sed -i 's/^# 1\. 12348.*$/# 一个新的注释/' "$tmp/formatted/324001.jx"
expect 0 "formatted document" -- "$JXC" diff "$EXAMPLES/chengde-justice-2025" "$tmp/formatted"
expect 2 "missing file" -- "$JXC" diff "$tmp/nope.jx" "$EXAMPLES/chengde-justice-2025"
contains err "cannot read $tmp/nope.jx" "missing file"
empty out "missing file"
printf '年度 2025\n项目 "甲" {\n' >"$tmp/bad.jx"
expect 2 "syntax error" -- "$JXC" diff "$tmp/bad.jx" "$EXAMPLES/chengde-justice-2025"
contains err "error[J015]" "syntax error: the diagnostic"
contains err "cannot be compared while they have syntax errors" "syntax error: why"
expect 2 "one operand" -- "$JXC" diff "$EXAMPLES/chengde-justice-2025"
contains err "give OLD and NEW" "one operand"
expect 2 "bad --format" -- "$JXC" diff --format=pdf a b
contains err "unknown --format 'pdf'" "bad --format"
expect 2 "bad --color" -- "$JXC" diff --color=sometimes a b
expect 2 "bad --match" -- "$JXC" diff --match=nothing a b
contains err "is not OLD=NEW" "bad --match"

# 3. --match pins a pair the matching would not make.
old_new="$d/small-old.jx $d/small-new.jx"
# shellcheck disable=SC2086
expect 1 "--match" -- "$JXC" diff --color=never --match 学生营养餐补助=课后服务补助 $old_new
contains out "paired by --match" "--match"
lacks out "removed, budget 200.00" "--match: no longer removed"
# shellcheck disable=SC2086
expect 2 "--match unknown" -- "$JXC" diff --match 学生营养餐补助=不存在 $old_new
contains err "the new document has no project with the code or name “不存在”" "--match unknown"

# 4. Colours: never in a file or pipe unless asked; NO_COLOR wins over auto.
esc=$(printf '\033')
# shellcheck disable=SC2086
expect 1 "pipe" -- "$JXC" diff $old_new
grep -q "$esc" "$tmp/out" && fail "colours written to a pipe"
# shellcheck disable=SC2086
expect 1 "--color=always" -- "$JXC" diff --color=always $old_new
grep -q "$esc\[32m" "$tmp/out" || fail "--color=always: no colours"
# shellcheck disable=SC2086
expect 1 "--color=always --format=json" -- "$JXC" diff --color=always --format=json $old_new
grep -q "$esc" "$tmp/out" && fail "colours in JSON"
if command -v script >/dev/null 2>&1; then
  script -qec "$JXC diff $old_new" /dev/null >"$tmp/tty" 2>&1
  grep -q "$esc\[" "$tmp/tty" || fail "a terminal gets no colours"
  NO_COLOR=1 script -qec "$JXC diff $old_new" /dev/null >"$tmp/tty" 2>&1
  grep -q "$esc\[" "$tmp/tty" && fail "NO_COLOR: a terminal still gets colours"
  NO_COLOR=1 script -qec "$JXC diff --color=always $old_new" /dev/null >"$tmp/tty" 2>&1
  grep -q "$esc\[" "$tmp/tty" || fail "--color=always loses to NO_COLOR"
fi

# Text from the documents cannot drive the terminal: a control character
# (here in a file's name, as the parser refuses them in texts) is shown as
# its visible symbol.
hostile="$tmp/$(printf 'a\033[31mb').jx"
cp "$d/small-old.jx" "$hostile"
expect 1 "control character" -- "$JXC" diff --color=never "$hostile" "$d/small-new.jx"
grep -q "$esc" "$tmp/out" && fail "a control character reached the terminal"
contains out "a␛[31mb.jx" "the control character is shown as ␛"

# 5. -o writes the report (atomically, through the output helper), never
# over a source of the run.
# shellcheck disable=SC2086
expect 1 "-o" -- "$JXC" diff --format=html -o "$tmp/report.html" $old_new
empty out "-o"
grep -q '<del>' "$tmp/report.html" || fail "-o: the HTML report has no <del>"
cp "$d/small-new.jx" "$tmp/new.jx"
expect 2 "-o over a source" -- "$JXC" diff -o "$tmp/new.jx" "$d/small-old.jx" "$tmp/new.jx"
cmp -s "$tmp/new.jx" "$d/small-new.jx" || fail "-o overwrote a source"

# 6. git's seven arguments: each file on its own, /dev/null is empty, the
# header comes from main.jx beside PATH, and the status is 0.
mkdir -p "$tmp/repo/doc"
cp "$EXAMPLES/chengde-justice-2025/main.jx" "$tmp/repo/doc/main.jx"
cp "$EXAMPLES/chengde-justice-2024/324001.jx" "$tmp/old-324001.jx"
cp "$EXAMPLES/chengde-justice-2025/324001.jx" "$tmp/repo/doc/324001.jx"
(cd "$tmp/repo" && "$JXC" diff --color=never doc/324001.jx "$tmp/old-324001.jx" 1111111 100644 \
  doc/324001.jx 2222222 100644) >"$tmp/out" 2>"$tmp/err" || fail "git arguments: exit $?"
contains out "a/doc/324001.jx" "git: the old side is named a/PATH"
contains out "b/doc/324001.jx" "git: the new side is named b/PATH"
contains out "amounts in 万元" "git: the money unit comes from main.jx"
contains out "≥6000次 → ≥7000次" "git: the semantic diff"
(cd "$tmp/repo" && "$JXC" diff --color=never doc/324001.jx /dev/null . . doc/324001.jx 2222222 100644) \
  >"$tmp/out" 2>"$tmp/err" || fail "git arguments, added file: exit $?"
contains out "14 added" "git: an added file's projects are added"
(cd "$tmp/repo" && "$JXC" diff doc/324001.jx "$tmp/bad.jx" 1111111 100644 doc/324001.jx 2222222 100644) \
  >"$tmp/out" 2>"$tmp/err" || fail "git arguments, unreadable side: exit $?"
contains out "does not read as jixiao" "git: an unreadable side"
contains out "@@ " "git: an unreadable side is shown as lines"

[ "$fails" -eq 0 ]
