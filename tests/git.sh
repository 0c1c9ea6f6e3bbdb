#!/bin/sh
# jxc with git, configured as doc/git.md says: a temporary repository with
# the Chengde document in two commits (2024, then 2025) and a third that adds
# a file. `git diff` goes through jxc diff as the external diff driver and
# shows the semantic diff of each changed file; `git diff --no-ext-diff`
# shows lines of `jxc format --textconv` with hunk headers naming the
# project and its budget unit (xfuncname); `git log -p` uses textconv, and
# `git log -p --ext-diff` the driver. Skipped when git is not installed.
set -u
if ! command -v git >/dev/null 2>&1; then
  echo "SKIP: git is not installed"
  exit 77
fi
. "$TESTS_SRCDIR/lib.sh"
export LC_ALL=C.UTF-8
# The user's own git settings play no part.
export HOME="$tmp" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset GIT_DIR GIT_WORK_TREE GIT_EXTERNAL_DIFF NO_COLOR

repo="$tmp/repo"
mkdir -p "$repo/chengde"
cd "$repo" || exit 1
git init -q .
git config user.name "jxc test"
git config user.email "jxc-test@example.invalid"
git config commit.gpgsign false
git config core.pager cat
# doc/git.md: the attributes and the driver.
printf '*.jx diff=jixiao\n' >.gitattributes
git config diff.jixiao.command "$JXC diff --color=never"
git config diff.jixiao.textconv "$JXC format --textconv"
git config diff.jixiao.xfuncname '^((项目|单位|类别|分项目标|保障措施|总体目标)[ 	].*)$'

cp "$EXAMPLES"/chengde-justice-2024/*.jx chengde/
git add -A && git commit -qm "2024" || fail "first commit"
cp "$EXAMPLES"/chengde-justice-2025/*.jx chengde/
git add -A && git commit -qm "2025" || fail "second commit"

# 1. git diff: the external driver, file by file.
git diff HEAD~1 HEAD >"$tmp/ext" 2>"$tmp/err" || fail "git diff: exit $? ($(head -c 300 "$tmp/err"))"
contains ext "jxc diff: 承德市司法局 2024 → 承德市司法局 2025" "git diff: main.jx"
contains ext "a/chengde/324001.jx" "git diff: 324001.jx"
contains ext "≥6000次 → ≥7000次" "git diff: a retargeted indicator"
contains ext "tightened" "git diff: its direction"
contains ext "amounts in 万元" "git diff: the unit file's money unit, from main.jx"
contains ext "“执法培训经费”  added" "git diff: an added project"
# File by file, a project that moved to another unit's file leaves one and
# joins the other.
contains ext "“警察服装经费”  removed" "git diff: a project that left a file"
contains ext "“警察服装经费”  added" "git diff: a project that joined a file"
grep -q '^@@ ' "$tmp/ext" && fail "git diff: a line diff instead of the driver"

# 2. --no-ext-diff: lines of the textconv, hunk headers with project and unit.
git diff --no-ext-diff HEAD~1 HEAD -- chengde/324004.jx >"$tmp/lines" 2>"$tmp/err" ||
  fail "git diff --no-ext-diff: exit $?"
contains lines "-  预算 160.00 (财政资金 160.00)" "textconv: the old budget line"
contains lines "+  预算 165.85 (财政资金 165.85)" "textconv: the new budget line"
grep -q '^@@ .* @@ 项目 13080024P00011110002Y "聘用医护人员经费" {  # 单位 324004$' "$tmp/lines" ||
  fail "xfuncname: no hunk header naming 聘用医护人员经费 and its unit: $(grep '^@@' "$tmp/lines" | head -5)"

# 3. git log -p uses textconv; --ext-diff the driver.
git log -p -1 -- chengde/324001.jx >"$tmp/log" 2>&1 || fail "git log -p: exit $?"
contains log "{  # 单位 324001" "git log -p: textconv"
git log -p --ext-diff -1 -- chengde/324001.jx >"$tmp/logx" 2>&1 || fail "git log -p --ext-diff: exit $?"
contains logx "≥6000次 → ≥7000次" "git log -p --ext-diff"
git show --ext-diff HEAD -- chengde/324001.jx >"$tmp/show" 2>&1 || fail "git show --ext-diff: exit $?"
contains show "≥6000次 → ≥7000次" "git show --ext-diff"

# Without configuration, for one command: GIT_EXTERNAL_DIFF.
git config --unset diff.jixiao.command
GIT_EXTERNAL_DIFF="$JXC diff --color=never" git diff HEAD~1 HEAD -- chengde/ >"$tmp/env" 2>&1 ||
  fail "GIT_EXTERNAL_DIFF: exit $?"
contains env "≥6000次 → ≥7000次" "GIT_EXTERNAL_DIFF"
git config diff.jixiao.command "$JXC diff --color=never"

# 4. An added file: the old side is /dev/null, an empty document.
cat >chengde/324009.jx <<'JX'
单位 324009 "承德市法律援助中心"
项目 "法律援助案件补贴" {
  预算 12.00 (财政资金 12.00)
}
JX
printf '导入 "324009.jx"\n' >>chengde/main.jx
git add -A && git commit -qm "a new unit" || fail "third commit"
git diff HEAD~1 HEAD >"$tmp/added" 2>"$tmp/err" || fail "git diff, added file: exit $? ($(head -c 300 "$tmp/err"))"
contains added "+ 单位 324009 承德市法律援助中心" "git diff: the added file's unit"
contains added "“法律援助案件补贴”  added, budget 12.00" "git diff: the added file's project"

# 5. A working-tree file with a syntax error: shown as lines, git goes on.
printf '项目 "未完成" {\n' >>chengde/324009.jx
git diff >"$tmp/broken" 2>"$tmp/err" || fail "git diff, broken file: exit $? ($(head -c 300 "$tmp/err"))"
contains broken "does not read as jixiao" "git diff: a broken file"
contains broken '+项目 "未完成" {' "git diff: a broken file's lines"
git diff --no-ext-diff >"$tmp/broken-lines" 2>"$tmp/err" || fail "textconv of a broken file: exit $?"
contains broken-lines '+项目 "未完成" {' "textconv: a broken file as it is"

[ "$fails" -eq 0 ]
