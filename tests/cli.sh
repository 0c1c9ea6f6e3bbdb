#!/bin/sh
# The command line: help, version, exit codes, unreadable files, folders,
# several documents in one run, and the token dump.
set -u
. "$TESTS_SRCDIR/lib.sh"

expect 0 "--help" -- "$JXC" --help
contains out "Usage: jxc COMMAND" "--help"
contains out "check FILE..." "--help lists check"
contains out "dump FILE..." "--help lists dump"
expect 0 "check --help" -- "$JXC" check --help
contains out "Usage: jxc COMMAND" "check --help"

expect 0 "--version" -- "$JXC" --version
contains out "jxc (jixiao) " "--version"

expect 2 "no arguments" -- "$JXC"
contains err "no command given" "no arguments"
expect 2 "unknown command" -- "$JXC" compile x.jx
contains err "unknown command 'compile'" "unknown command"
expect 2 "unknown option" -- "$JXC" check --frobnicate x.jx
contains err "unknown option '--frobnicate'" "unknown option"
expect 2 "no file" -- "$JXC" check
contains err "no FILE given" "no file"

expect 2 "missing file" -- "$JXC" check "$tmp/nope.jx"
contains err "cannot read $tmp/nope.jx: No such file or directory" "missing file"
mkdir "$tmp/empty"
expect 2 "folder without main.jx" -- "$JXC" check "$tmp/empty"
contains err "the folder has no main.jx" "folder without main.jx"

# The bundled example reads without a syntax error: no output at all.
expect 0 "example" -- "$JXC" check --syntax-only "$EXAMPLES/chengde-justice-2025"
empty out "example"
empty err "example"
# A clean check prints nothing at all, as doc/diagnostics.md says: no
# summary line without diagnostics.
expect 0 "clean check" -- "$JXC" check "$TESTS_SRCDIR/check/J115-pass.jx"
empty out "clean check"
empty err "clean check"
expect 0 "example with trailing slash" -- "$JXC" check --syntax-only "$EXAMPLES/chengde-justice-2025/"

# Checker options. The example has warnings only (tests/seed-findings.sh
# lists them), so it passes unless warnings count as errors.
expect 0 "example checked" -- "$JXC" check "$EXAMPLES/chengde-justice-2025"
contains err "0 errors, 11 warnings." "example checked"
expect 1 "--warnings=error" -- "$JXC" check --warnings=error "$EXAMPLES/chengde-justice-2025"
contains err "error[J113]" "--warnings=error turns warnings into errors"
contains err "11 errors, 0 warnings." "--warnings=error summary"
expect 0 "--disable" -- "$JXC" check --disable=J113,J124 "$EXAMPLES/chengde-justice-2025"
contains err "0 errors, 4 warnings." "--disable drops the rules"
expect 2 "--disable unknown" -- "$JXC" check --disable=J999 "$EXAMPLES/chengde-justice-2025"
contains err "'J999' is not a checker rule code" "--disable unknown"
expect 2 "--disable syntax code" -- "$JXC" check --disable=J010 "$EXAMPLES/chengde-justice-2025"
expect 0 "--format=json" -- "$JXC" check --format=json "$EXAMPLES/chengde-justice-2025"
empty err "--format=json"
[ "$(grep -c '^{"file":' "$tmp/out")" -eq 11 ] || fail "--format=json: want 11 lines"
contains out '"line":143,"column":23,"end_line":143,"end_column":35,"severity":"warning","code":"J141"' "json fields"
contains out '"notes":[{"file":' "json notes"

# A pragma on the offending line allows one rule there, and only there.
cat >"$tmp/pragma.jx" <<'JX'
年度 2025
金额单位 万元
单位 324001 "本级"
项目 13080025P00010310003N "甲" {
  预算 10 (财政资金 10)
  支出计划 3月 25%, 6月 50%   # jxc: allow J113
  产出指标 { 数量指标 "次数" ≥ 1 次 }
  效益指标 { 社会效益指标 "知晓度" 较上年提升 }
  满意度指标 { 服务对象满意度指标 "满意度" ≥ 90% }
}
项目 13080025P00010310004N "乙" {
  预算 10 (财政资金 10)
  支出计划 3月 25%, 6月 50%   # jxc: allow J101
  产出指标 { 数量指标 "次数" ≥ 1 次 }
  效益指标 { 社会效益指标 "知晓度" 较上年提升 }
  满意度指标 { 服务对象满意度指标 "满意度" ≥ 90% }
}
JX
expect 0 "pragma" -- "$JXC" check "$tmp/pragma.jx"
contains err "pragma.jx:13:3: warning[J113]" "pragma for another rule does not allow J113"
contains err "0 errors, 1 warning." "pragma allows J113 on its line"

# A bad document next to a good one: both are read, the status is 1.
printf '年度 2025\n单位 1 "x"\n项目 13080025P00010310003N "x" {\n  预算 1 (财政资金 1\n}\n' >"$tmp/bad.jx"
expect 1 "good and bad document" -- "$JXC" check "$EXAMPLES/chengde-justice-2025" "$tmp/bad.jx"
contains err "bad.jx:5:1: error[J010]" "good and bad document"
contains err "1 error, 11 warnings." "summary line"

# A missing file among good ones is a usage error (2) after checking the rest.
expect 2 "missing among good" -- "$JXC" check "$tmp/nope.jx" "$tmp/bad.jx"
contains err "bad.jx:5:1" "missing among good still checks the rest"

# dump prints JSON even for the whole example.
expect 0 "dump example" -- "$JXC" dump "$EXAMPLES/chengde-justice-2025"
contains out '"format": "jixiao-ast"' "dump format"
contains out '"code": "13080024P00015510006J"' "dump has the last project"

# tokens shows each token with its location.
printf '预算 ≥７０００ 万元 # c\n' >"$tmp/t.jx"
expect 0 "tokens" -- "$JXC" tokens "$tmp/t.jx"
contains out "1:1-1:3	预算" "tokens keyword"
contains out "1:4-1:5	≥" "tokens sign"
contains out "1:5-1:9	number	7000" "tokens full-width digits"
contains out "1:10-1:12	name	万元" "tokens word"

# format prints the canonical layout and keeps comments.
printf '年度 2025 # 年\n单位 1 "x"\n项目 13080025P00010310003N "x" { 预算 1 (财政资金 1)\n  产出指标 { 数量指标 "a" >=7 次 依据 "b" } }\n' >"$tmp/f.jx"
expect 0 "format" -- "$JXC" format "$tmp/f.jx"
printf '年度 2025  # 年\n单位 1 "x"\n项目 13080025P00010310003N "x" {\n  预算 1 (财政资金 1)\n  产出指标 {\n    数量指标 "a" ≥ 7 次  依据 "b"\n  }\n}\n' >"$tmp/f.want"
cmp -s "$tmp/out" "$tmp/f.want" || fail "format: output differs: $(cat "$tmp/out")"
expect 1 "format with syntax errors" -- "$JXC" format "$tmp/bad.jx"
empty out "format prints nothing for a file with syntax errors"

# build: the exchange XML, written atomically, refused on errors.
expect 0 "build" -- "$JXC" build "$EXAMPLES/chengde-justice-2025" -o "$tmp/seed.xml"
contains err "0 errors, 11 warnings." "build prints the warnings"
grep -q '<PRO_CODE>13080024P00015510006J</PRO_CODE>' "$tmp/seed.xml" || fail "build: last project missing"
expect 0 "build to stdout" -- "$JXC" build --format=xml "$EXAMPLES/chengde-justice-2025"
cmp -s "$tmp/out" "$tmp/seed.xml" || fail "build: stdout and -o differ, or the output is not deterministic"
expect 2 "build unknown format" -- "$JXC" build --format=pdf "$EXAMPLES/chengde-justice-2025"
echo "old content" >"$tmp/keep.xml"
expect 1 "build refused" -- "$JXC" build "$tmp/bad.jx" -o "$tmp/keep.xml"
contains err "nothing was written" "build refused"
[ "$(cat "$tmp/keep.xml")" = "old content" ] || fail "build refused: the old file was touched"
# The checker and the XML writer run side by side: what only the writer
# finds (a character XML cannot carry) is still reported and refuses the
# build; when the checker finds errors, only they are reported, as before;
# and neither leaves a file or a temporary file behind.
mkdir "$tmp/side"
printf '年度 2025\n单位 "某\357\277\276县" 合计 0\n' >"$tmp/side/writer.jx"
expect 1 "build: the writer's finding" -- "$JXC" build "$tmp/side/writer.jx" -o "$tmp/side/w.xml"
contains err "error[J301]" "build: the writer's finding"
printf '年度 2025\n单位 "某\357\277\276县" 合计 5\n' >"$tmp/side/both.jx"
expect 1 "build: checker and writer" -- "$JXC" build "$tmp/side/both.jx" -o "$tmp/side/b.xml"
contains err "error[J103]" "build: checker and writer"
contains err "nothing was written" "build: checker and writer"
grep -qF "J301" "$tmp/err" && fail "build: the writer's finding shown beside the checker's errors"
[ "$(ls "$tmp/side")" = "both.jx
writer.jx" ] || fail "build: files left behind: $(ls "$tmp/side")"
# A document read one file at a time while the XML is written: what only
# the whole document says (a top-level allowance or a definition outside its
# root) makes the build read it whole, and the XML carries it.
mkdir "$tmp/late" "$tmp/late2"
printf '部门 "某局"\n年度 2025\n金额单位 万元\n导入 "u.jx"\n' >"$tmp/late/main.jx"
printf '允许 J191 "原表留空"\n单位 "甲"\n项目 "绿化" {\n  预算 10\n  产出指标 { 数量指标 "绿化面积" 空白 }\n  效益指标 { 社会效益指标 "环境改善" 较上年提升 }\n  满意度指标 { 服务对象满意度指标 "群众满意度" ≥ 90%% }\n}\n' >"$tmp/late/u.jx"
expect 0 "build: allowance outside the root" -- "$JXC" build "$tmp/late" -o "$tmp/late.xml"
grep -q '<ALLOW_CODE>J191</ALLOW_CODE>' "$tmp/late.xml" || fail "build: the imported file's allowance is not in the XML"
printf '部门 "某局"\n年度 2025\n金额单位 万元\n导入 "u.jx"\n导入 "defs.jx"\n' >"$tmp/late2/main.jx"
printf '单位 "甲"\n项目 "绿化" {\n  预算 10\n  产出指标 { 数量指标 "绿化面积" ≥ 3 标准田 }\n  效益指标 { 社会效益指标 "环境改善" 较上年提升 }\n  满意度指标 { 服务对象满意度指标 "群众满意度" ≥ 90%% }\n}\n' >"$tmp/late2/u.jx"
printf '计量单位 标准田 = 10000 平方米\n' >"$tmp/late2/defs.jx"
expect 0 "build: definition outside the root" -- "$JXC" build "$tmp/late2" -o "$tmp/late2.xml"
grep -q '<UNIT_NAME>标准田</UNIT_NAME>' "$tmp/late2.xml" || fail "build: the imported file's unit is not in the XML"
# check lets each imported file's text go once it is checked, and reads it
# again for the lines its diagnostics show: a rule's finding, a syntax error
# (also with --syntax-only, which reads the same way).
mkdir "$tmp/excerpt"
printf '部门 "某局"\n年度 2025\n金额单位 万元\n导入 "a.jx"\n导入 "b.jx"\n' >"$tmp/excerpt/main.jx"
printf '单位 "甲"\n项目 "绿化" {\n  预算 10\n  产出指标 { 数量指标 "绿化面积" 空白 }\n  效益指标 { 社会效益指标 "环境改善" 较上年提升 }\n  满意度指标 { 服务对象满意度指标 "群众满意度" ≥ 90%% }\n}\n' >"$tmp/excerpt/a.jx"
printf '单位 "乙"\n' >"$tmp/excerpt/b.jx"
expect 0 "check: a finding in an imported file" -- "$JXC" check "$tmp/excerpt"
contains err 'a.jx:4:' "check: a finding in an imported file"
contains err ' 4 |   产出指标 { 数量指标 "绿化面积" 空白 }' "check: a finding in an imported file"
printf '单位 "乙"\n项目 "坏" {\n  预算 10 万\n  用途 "未闭合\n}\n' >"$tmp/excerpt/b.jx"
expect 1 "check: a syntax error in an imported file" -- "$JXC" check "$tmp/excerpt"
contains err ' 4 |   用途 "未闭合' "check: a syntax error in an imported file"
expect 1 "check --syntax-only: a syntax error in an imported file" -- "$JXC" check --syntax-only "$tmp/excerpt"
contains err ' 4 |   用途 "未闭合' "check --syntax-only: a syntax error in an imported file"
expect 1 "build --warnings=error" -- "$JXC" build --warnings=error "$EXAMPLES/chengde-justice-2025" -o "$tmp/keep.xml"
[ "$(cat "$tmp/keep.xml")" = "old content" ] || fail "build --warnings=error: the old file was touched"
expect 2 "build into a missing folder" -- "$JXC" build "$EXAMPLES/chengde-justice-2025" -o "$tmp/no/such/dir/x.xml"
contains err "cannot create" "build into a missing folder"
[ -z "$(ls "$tmp" | grep -F 'keep.xml.')" ] || fail "build left a temporary file"
# The XML is validated as it is written: output the schema refuses is an
# internal error that leaves neither the file nor a temporary one.
mkdir "$tmp/strict" "$tmp/broken"
sed 's/fixed="1"/fixed="2"/' "$JIXIAO_SCHEMA/jixiao-1.xsd" >"$tmp/strict/jixiao-1.xsd"
echo "<not a schema" >"$tmp/broken/jixiao-1.xsd"
expect 2 "build against a schema it does not follow" -- env JIXIAO_SCHEMA="$tmp/strict" \
  "$JXC" build "$EXAMPLES/chengde-justice-2025" -o "$tmp/keep.xml"
contains err "internal error: the XML made for this document does not follow $tmp/strict/jixiao-1.xsd, so it was not written." "build, invalid"
contains err "line 2: Element '{urn:jixiao:exchange:1}PERF_TARGET_DOC', attribute 'version'" "build, invalid: the validator's message with its line"
[ "$(cat "$tmp/keep.xml")" = "old content" ] || fail "build, invalid: the old file was touched"
[ -z "$(ls "$tmp" | grep -F 'keep.xml.')" ] || fail "build, invalid: a temporary file is left"
expect 2 "build to stdout against a schema it does not follow" -- env JIXIAO_SCHEMA="$tmp/strict" \
  "$JXC" build "$EXAMPLES/chengde-justice-2025"
empty out "build to stdout, invalid"
expect 2 "build with an unreadable schema" -- env JIXIAO_SCHEMA="$tmp/broken" \
  "$JXC" build "$EXAMPLES/chengde-justice-2025" -o "$tmp/keep.xml"
contains err "the schema $tmp/broken/jixiao-1.xsd cannot be read" "build, unreadable schema"
[ "$(cat "$tmp/keep.xml")" = "old content" ] || fail "build, unreadable schema: the old file was touched"
expect 2 "build without the schema" -- env JIXIAO_SCHEMA="$tmp/no-such-dir" \
  "$JXC" build "$EXAMPLES/chengde-justice-2025" -o "$tmp/keep.xml"
contains err "cannot find the schema jixiao-1.xsd" "build without the schema"
[ "$(cat "$tmp/keep.xml")" = "old content" ] || fail "build without the schema: the old file was touched"
[ -z "$(ls "$tmp" | grep -F 'keep.xml.')" ] || fail "build without a valid schema left a temporary file"
# import: back to source, which builds the same XML again.
expect 0 "import" -- "$JXC" import "$tmp/seed.xml" -o "$tmp/seed.jx"
expect 0 "rebuild" -- "$JXC" build "$tmp/seed.jx" -o "$tmp/seed2.xml"
cmp -s "$tmp/seed.xml" "$tmp/seed2.xml" || fail "source -> XML -> source -> XML is not identical"
expect 2 "import two files" -- "$JXC" import "$tmp/seed.xml" "$tmp/seed.xml"
expect 2 "import missing file" -- "$JXC" import "$tmp/none.xml"

# Printable formats: selection and their usage errors.
expect 2 "xlsx needs -o" -- "$JXC" build --format=xlsx "$EXAMPLES/chengde-justice-2025"
contains err "give it with -o FILE.xlsx" "xlsx needs -o"
expect 2 "unknown project" -- "$JXC" build --format=html --project 999 "$EXAMPLES/chengde-justice-2025"
contains err "nothing to print: no project has the code 999" "unknown project"
expect 2 "unknown unit" -- "$JXC" build --format=csv --unit 999 "$EXAMPLES/chengde-justice-2025"
contains err "no budget unit has the code 999" "unknown unit"
expect 2 "bad width" -- "$JXC" build --format=text --width=10 "$EXAMPLES/chengde-justice-2025"
contains err "not a width from 40 to 1000" "bad width"
expect 0 "html one project" -- "$JXC" build --format=html --project 13080025P00010810002F "$EXAMPLES/chengde-justice-2025"
contains out '<meta name="jixiao-pages" content="1">' "one project is one page"
[ "$(grep -c '<section' "$tmp/out")" -eq 1 ] || fail "html one project: one section"
expect 0 "html one unit" -- "$JXC" build --format=html --unit 324004 "$EXAMPLES/chengde-justice-2025"
contains out '<meta name="jixiao-pages" content="13">' "a unit is its projects' pages"
expect 0 "xlsx" -- "$JXC" build --format=xlsx "$EXAMPLES/chengde-justice-2025" -o "$tmp/seed.xlsx"
[ -s "$tmp/seed.xlsx" ] || fail "xlsx: no file"
[ -z "$(ls "$tmp" | grep -F 'seed.xlsx.tmp')" ] || fail "xlsx left a temporary file"

# Every output gets the mode a new file gets (the umask's), and a file it
# replaces keeps its own: XLSX and PDF too, which libraries write to the
# temporary file by name (jx_cli_write_with), through the same helper.
for fmt in xml html csv xlsx pdf; do
  out="$tmp/mode.$fmt"
  rm -f "$out"
  (umask 022 && "$JXC" build --format=$fmt --unit 324004 "$EXAMPLES/chengde-justice-2025" -o "$out" 2>"$tmp/err")
  if [ $fmt = pdf ] && grep -q 'built without PDF support' "$tmp/err"; then continue; fi
  [ "$(stat -c %a "$out" 2>/dev/null)" = 644 ] || fail "$fmt: a new file has mode $(stat -c %a "$out" 2>/dev/null), not 644"
  chmod 640 "$out"
  (umask 022 && "$JXC" build --format=$fmt --unit 324004 "$EXAMPLES/chengde-justice-2025" -o "$out" 2>/dev/null)
  [ "$(stat -c %a "$out")" = 640 ] || fail "$fmt: a replaced file's mode 640 became $(stat -c %a "$out")"
  rm -f "$out"
  (umask 077 && "$JXC" build --format=$fmt --unit 324004 "$EXAMPLES/chengde-justice-2025" -o "$out" 2>/dev/null)
  [ "$(stat -c %a "$out")" = 600 ] || fail "$fmt: with umask 077 a new file has mode $(stat -c %a "$out")"
  [ -z "$(ls "$tmp" | grep -F "mode.$fmt.")" ] || fail "$fmt: a temporary file was left"
done

# CRLF line ends never leak into the value of a multi-line string.
expect 0 "dump CRLF" -- "$JXC" dump "$TESTS_SRCDIR/parse/45-valid-crlf.jx"
contains out '"text": "资金用于聘请律师值班，\n免费解答来电咨询。"' "CRLF block string"

# Options as in every GNU tool (getopt_long): a separate value, -oFILE, --,
# options after the files.
e="$EXAMPLES/chengde-justice-2025"
expect 0 "--format json (separate value)" -- "$JXC" check --format json "$e"
contains out '"code":"J113"' "--format json"
expect 0 "--disable J113 (separate value)" -- "$JXC" check --format=json --disable J113 "$e"
grep -q '"code":"J113"' "$tmp/out" && fail "--disable J113 left J113"
expect 0 "-oFILE" -- "$JXC" build "$e" -o"$tmp/o1.xml"
[ -s "$tmp/o1.xml" ] || fail "-oFILE wrote nothing"
expect 0 "--output FILE" -- "$JXC" build --output "$tmp/o2.xml" "$e"
cmp -s "$tmp/o1.xml" "$tmp/o2.xml" || fail "--output FILE differs from -oFILE"
expect 0 "options after the files" -- "$JXC" check "$e" --syntax-only
expect 2 "-- ends the options" -- "$JXC" check --syntax-only -- --syntax-only
contains err "cannot read --syntax-only" "-- ends the options"
expect 2 "an option of another command" -- "$JXC" check --project=x "$e"
contains err "--project=x is not an option of this command" "option of another command"
expect 2 "a value missing" -- "$JXC" build "$e" -o
contains err "-o needs a value" "a value missing"

# SARIF for CI systems: one log, one run, a result per finding.
expect 0 "--format=sarif" -- "$JXC" check --format=sarif "$e"
contains out '"version": "2.1.0"' "sarif version"
contains out '"ruleId": "J141"' "sarif result"
contains out '"uri": "'"$e"'/324004.jx"' "sarif location"
contains out '"relatedLocations"' "sarif notes"
[ "$(grep -c '"ruleId"' "$tmp/out")" -eq 11 ] || fail "sarif: 11 results"

# Colours in diagnostics, as gcc and clang: --color=always and never;
# auto colours a terminal only, never a pipe, and NO_COLOR or TERM=dumb
# turn it off (a terminal is made with script(1) from util-linux).
esc=$(printf '\033')
j174="$TESTS_SRCDIR/check/J174-fail.jx"
expect 0 "--color=always" -- "$JXC" check --color=always "$j174"
contains err "${esc}[1;35mwarning[J174]:${esc}[m" "--color=always colours the label"
contains err "${esc}[1;32m^^^${esc}[m" "--color=always colours the underline"
expect 0 "--color=never" -- "$JXC" check --color=never "$j174"
grep -q "$esc" "$tmp/err" && fail "--color=never: escapes in the output"
expect 0 "colour in a pipe" -- "$JXC" check "$j174"
grep -q "$esc" "$tmp/err" && fail "auto colour in a pipe: escapes in the output"
expect 2 "bad --color" -- "$JXC" check --color=sometimes "$j174"
if command -v script >/dev/null; then
  script -qec "'$JXC' check '$j174'" /dev/null >"$tmp/tty" 2>&1
  grep -q "${esc}\[1;35mwarning" "$tmp/tty" || fail "auto colour on a terminal: no colours"
  NO_COLOR=1 script -qec "'$JXC' check '$j174'" /dev/null >"$tmp/tty" 2>&1
  grep -q "$esc" "$tmp/tty" && fail "NO_COLOR on a terminal: escapes in the output"
  TERM=dumb script -qec "'$JXC' check '$j174'" /dev/null >"$tmp/tty" 2>&1
  grep -q "$esc" "$tmp/tty" && fail "TERM=dumb on a terminal: escapes in the output"
else
  fail "script(1) is missing (util-linux): the terminal colour checks cannot run"
fi

if [ "$fails" -ne 0 ]; then
  echo "$fails CLI check(s) failed" >&2
  exit 1
fi
