#!/bin/sh
# Hostile input: every defect of "never silently wrong, never unbounded" that
# the command line can show, with a minimal input each (issue: province
# scale and hostile input). Each case would fail without its fix.
set -u
. "$TESTS_SRCDIR/lib.sh"

doc() { # doc FILE: a minimal valid document with a budget unit
  printf '部门 "测试局"\n年度 2025\n金额单位 万元\n' >"$1"
}

# 1. An imported file that cannot be read is an error, never skipped. Root
# can read anything, so the check runs as an unprivileged user there.
mkdir "$tmp/unreadable"
doc "$tmp/unreadable/main.jx"
printf '导入 "unit.jx"\n' >>"$tmp/unreadable/main.jx"
printf '单位 100001 "本级"\n' >"$tmp/unreadable/unit.jx"
chmod 000 "$tmp/unreadable/unit.jx"
chmod 755 "$tmp" "$tmp/unreadable"
as_user=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
  expect 1 "unreadable import" -- $as_user "$JXC" check --syntax-only "$tmp/unreadable"
  contains err "error[J020]" "unreadable import"
  contains err "Permission denied" "unreadable import"
else
  fail "unreadable import: running as root without setpriv, cannot drop privileges"
fi
chmod 644 "$tmp/unreadable/unit.jx"

# 3. Imports stay inside the document's folder and read only .jx files, and
# what they would have read is never echoed.
mkdir -p "$tmp/tree/sub" "$tmp/elsewhere"
doc "$tmp/tree/main.jx"
printf '导入 "/etc/passwd"\n导入 "../elsewhere/unit.jx"\n导入 "sub/ok.jx"\n' >>"$tmp/tree/main.jx"
printf '单位 100001 "本级"\n' >"$tmp/tree/sub/ok.jx"
printf '单位 100002 "别处" root:x:0:0\n' >"$tmp/elsewhere/unit.jx"
expect 1 "confined imports" -- "$JXC" check --syntax-only "$tmp/tree"
contains err "not read: it does not name a jixiao source file" "import of /etc/passwd"
contains err "not read: it lies outside the document's folder" "import outside the tree"
lacks err "root:x:0:0" "an outside file is never echoed"
printf '部门 "测试局"\n年度 2025\n导入 "../elsewhere/unit.jx"\n' >"$tmp/tree/main.jx"
printf '单位 100002 "别处"\n' >"$tmp/elsewhere/unit.jx"
expect 0 "-I allows a folder" -- "$JXC" check --syntax-only -I "$tmp/elsewhere" "$tmp/tree"

# 4. Diagnostics are bounded: excerpts of a very long line are a window,
# and --max-errors stops the list with a count of the rest.
line=$(awk 'BEGIN { for (i = 0; i < 1001; i++) printf "%s", "1.2.3 "; print "" }')
printf '年度 2025\n单位 1 "x"\n项目 "p" {\n  预算 %s\n}\n' "$line" >"$tmp/long.jx"
expect 1 "many errors on one line" -- "$JXC" check "$tmp/long.jx"
contains err "more errors not shown (--max-errors=100)" "--max-errors default"
size=$(wc -c <"$tmp/err")
[ "$size" -lt 100000 ] || fail "many errors on one line: $size bytes of output"
expect 1 "--max-errors=3" -- "$JXC" check --max-errors=3 "$tmp/long.jx"
[ "$(grep -c 'error\[J005\]' "$tmp/err")" -eq 3 ] || fail "--max-errors=3 shows 3"
contains err "998 more errors not shown" "--max-errors=3 counts the rest"

# 5. Nesting has a limit with a clear message, not "memory exhausted".
deep=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%s", "a 1 ("; print "" }')
printf '年度 2025\n单位 1 "x"\n项目 "p" {\n  预算 1 (%s\n}\n' "$deep" >"$tmp/deep.jx"
expect 1 "deep nesting" -- "$JXC" check "$tmp/deep.jx"
contains err "error[J008]" "deep nesting"
lacks err "memory exhausted" "deep nesting"

# 8. A root file must be a regular file of bounded size.
expect 2 "/dev/zero" -- "$JXC" check /dev/zero
contains err "it is not a regular file" "/dev/zero"
mkfifo "$tmp/fifo.jx"
expect 2 "FIFO" -- "$JXC" check "$tmp/fifo.jx"
contains err "it is not a regular file" "FIFO"

# 9. Control characters never reach the terminal raw.
printf '部门 "x"\n年度 2025 @ # \033]0;PWNED\007\033[2J\n' >"$tmp/esc.jx"
expect 1 "escape sequences" -- "$JXC" check "$tmp/esc.jx"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/err"; then fail "ESC echoed raw"; fi
contains err "␛]0;PWNED␇␛[2J" "escape sequences shown as pictures"

# 11. -o writes through special files and never replaces them.
e="$EXAMPLES/chengde-justice-2025"
expect 0 "-o /dev/null" -- "$JXC" build "$e" -o /dev/null
[ -c /dev/null ] || fail "-o /dev/null replaced /dev/null"
mkfifo "$tmp/out.fifo"
cat "$tmp/out.fifo" >"$tmp/fifo-read" &
expect 0 "-o FIFO" -- "$JXC" build "$e" -o "$tmp/out.fifo"
wait
[ -p "$tmp/out.fifo" ] || fail "-o FIFO replaced the FIFO"
grep -q "13080025P00010310003N" "$tmp/fifo-read" || fail "-o FIFO: nothing written through"
echo old >"$tmp/target.xml"
ln -s "$tmp/target.xml" "$tmp/link.xml"
expect 0 "-o symlink" -- "$JXC" build "$e" -o "$tmp/link.xml"
[ -L "$tmp/link.xml" ] || fail "-o symlink replaced the link"
grep -q "13080025P00010310003N" "$tmp/target.xml" || fail "-o symlink: target not written"
mkdir "$tmp/dir.xml"
expect 2 "-o folder" -- "$JXC" build "$e" -o "$tmp/dir.xml"
contains err "it is a folder" "-o folder"

# 13. A failed write to standard output is an error, whatever the command.
if [ -w /dev/full ]; then
  for cmd in "format $e/main.jx" "tokens $e/main.jx" "check --format=json $e" \
             "dump $e" "build $e" "--help" "check --help" "diff $e $e" \
             "diff --format=json $e $e" "format --diff $e"; do
    # shellcheck disable=SC2086
    expect 2 "$cmd > /dev/full" -- sh -c "\"\$0\" $cmd >/dev/full" "$JXC"
    contains err "cannot write to standard output" "$cmd > /dev/full"
  done
fi

# 14. -o never overwrites the input or a file it imports.
cp -r "$e" "$tmp/copy"
before=$(cksum <"$tmp/copy/324001.jx")
expect 2 "-o an imported file" -- "$JXC" build "$tmp/copy" -o "$tmp/copy/324001.jx"
contains err "which this run reads as source" "-o an imported file"
[ "$(cksum <"$tmp/copy/324001.jx")" = "$before" ] || fail "-o overwrote an imported file"
expect 2 "-o the root file" -- "$JXC" build "$tmp/copy/main.jx" -o "$tmp/copy/main.jx"

# 15. No temporary file is left behind, whatever happens to the build.
expect 1 "refused build" -- "$JXC" build "$tmp/long.jx" -o "$tmp/never.xml"
[ ! -e "$tmp/never.xml" ] || fail "a refused build wrote its output"
ls "$tmp" | grep -q 'XXXXXX\|\.xml\.' && fail "a temporary file was left: $(ls "$tmp")"

# 16. A project with more fields than its index by kind can count (65,535)
# still has the fields after them: its budget is found, not reported missing.
doc "$tmp/fields.jx"
{
  printf '单位 100001 "本级"\n项目 "很多栏目" {\n'
  awk 'BEGIN { for (i = 0; i < 70000; i++) print "  栏目 \"备注\" \"无\"" }'
  printf '  预算 10 (财政资金 10)\n}\n'
} >>"$tmp/fields.jx"
"$JXC" check "$tmp/fields.jx" >"$tmp/out" 2>"$tmp/err"
lacks err "J108" "a budget after 70,000 fields"
contains err "J" "a budget after 70,000 fields (the check ran)"

[ "$fails" -eq 0 ] || { echo "$fails hostile-input check(s) failed" >&2; exit 1; }
exit 0
