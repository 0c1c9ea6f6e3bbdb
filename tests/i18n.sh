#!/bin/sh
# The language of the messages: chosen by the locale as in every GNU
# program (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), Chinese from the catalogue
# of the build tree ($JIXIAO_LOCALEDIR), English in C. Each case runs twice
# when it can: with zh_CN.UTF-8 missing from the system (jxc falls back to
# C.UTF-8 and LANGUAGE) and with it installed (in a private LOCPATH made
# with localedef), since a fresh Debian has no zh_CN.UTF-8 until
# locale-gen and a clerk's machine has it.
set -u
if [ "${JX_USE_NLS:-yes}" != yes ]; then
  echo "SKIP: jxc is built without NLS (configure --disable-nls)"
  exit 77
fi
. "$TESTS_SRCDIR/lib.sh"

# run DESCRIPTION VAR=VALUE... -- ARGS...: runs jxc with only the locale
# variables given (the others unset), output in $tmp/out and $tmp/err.
run() {
  what=$1
  shift
  set -- env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG ${locpath:+LOCPATH=$locpath} "$@"
  # env takes VAR=VALUE up to "--"; drop the marker.
  args=
  for a in "$@"; do
    if [ "$a" = "--" ]; then a=$JXC; fi
    args="$args '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
  done
  eval "$args" >"$tmp/out" 2>"$tmp/err"
  status=$?
}

contains() { grep -qF -- "$2" "$tmp/$1" || fail "$3$where: '$2' not in std$1: $(head -c 400 "$tmp/$1")"; }
lacks() { ! grep -qF -- "$2" "$tmp/$1" || fail "$3$where: '$2' in std$1"; }

doc="$TESTS_SRCDIR/check/J113-fail.jx"

cases() {
  run "LANG=zh_CN.UTF-8" LANG=zh_CN.UTF-8 -- check "$doc"
  contains err "警告[J113]: 项目 13080025P00010310003N" "LANG=zh_CN.UTF-8 gives Chinese"
  contains err "  提示: " "LANG=zh_CN.UTF-8: the hint label"
  contains err "0 个错误，1 个警告。" "LANG=zh_CN.UTF-8: the summary line"
  lacks err "warning[J113]" "LANG=zh_CN.UTF-8: no English"

  run "LANG=C" LANG=C -- check "$doc"
  contains err "warning[J113]: The spending plan of project" "LANG=C gives English"
  contains err "0 errors, 1 warning." "LANG=C: the summary line"

  run "no locale variables" -- check "$doc"
  contains err "warning[J113]" "no locale variables give English"

  run "LANG=en_US.UTF-8" LANG=en_US.UTF-8 -- check "$doc"
  contains err "warning[J113]" "LANG=en_US.UTF-8 gives English"

  run "LANGUAGE=zh_CN" LANGUAGE=zh_CN LANG=en_US.UTF-8 -- check "$doc"
  contains err "警告[J113]" "LANGUAGE=zh_CN with LANG=en_US.UTF-8 gives Chinese"

  run "LC_MESSAGES" LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8 -- check "$doc"
  contains err "警告[J113]" "LC_MESSAGES=zh_CN.UTF-8 overrides LANG"

  run "LC_ALL" LC_ALL=zh_CN.UTF-8 LC_MESSAGES=C LANG=C -- check "$doc"
  contains err "警告[J113]" "LC_ALL=zh_CN.UTF-8 overrides LC_MESSAGES and LANG"

  run "LC_ALL=C" LC_ALL=C LANGUAGE=zh_CN -- check "$doc"
  contains err "warning[J113]" "LC_ALL=C stays English whatever LANGUAGE says"

  run "LANGUAGE=en" LANGUAGE=en LANG=zh_CN.UTF-8 -- check "$doc"
  contains err "warning[J113]" "LANGUAGE=en before LANG=zh_CN.UTF-8 gives English"

  # JSON: stable codes and field names, the message in the chosen language.
  run "json" LANG=zh_CN.UTF-8 -- check --format=json "$doc"
  contains out '"severity":"warning","code":"J113","message":"项目 13080025P00010310003N' \
    "--format=json in Chinese keeps the code and carries the Chinese message"
  contains out '"hint":"支出计划通常在年底前支出全部预算' "--format=json in Chinese: the hint"
  run "json C" LANG=C -- check --format=json "$doc"
  contains out '"code":"J113","message":"The spending plan' "--format=json in English"

  run "--help" LANG=zh_CN.UTF-8 -- --help
  [ "$status" -eq 0 ] || fail "--help in Chinese$where: exit $status"
  contains out "用法：jxc 命令 [FILE]..." "--help in Chinese"
  contains out "  check FILE...   读取并检查每份文档，报告所有问题" "--help in Chinese: the commands"
  contains out "LANG=zh_CN.UTF-8：中文" "--help in Chinese: how the language is chosen"

  run "usage error" LANG=zh_CN.UTF-8 -- check --nonsense "$doc"
  [ "$status" -eq 2 ] || fail "usage error in Chinese$where: exit $status"
  contains err "jxc：未知选项“--nonsense”。" "usage error in Chinese"
  contains err "请运行“jxc --help”了解更多信息。" "usage error in Chinese: the pointer to --help"

  run "diff" LANG=zh_CN.UTF-8 -- diff "$TESTS_SRCDIR/diff/small-old.jx" "$TESTS_SRCDIR/diff/small-new.jx"
  contains out "概要" "diff in Chinese: the summary heading"
  lacks out "Summary" "diff in Chinese: no English heading"
}

where=" (zh_CN.UTF-8 not installed)"
locpath=
if LC_ALL=zh_CN.UTF-8 locale 2>&1 | grep -q 'Cannot set'; then
  cases
else
  # The system has zh_CN.UTF-8: hide it by an empty LOCPATH, which glibc
  # searches instead of the system's locales (C.UTF-8 is built in).
  mkdir "$tmp/none"
  locpath="$tmp/none"
  cases
fi

# With the locales installed, as after locale-gen.
if command -v localedef >/dev/null 2>&1 && mkdir "$tmp/loc" &&
   localedef -i zh_CN -f UTF-8 "$tmp/loc/zh_CN.UTF-8" >/dev/null 2>&1 &&
   localedef -i en_US -f UTF-8 "$tmp/loc/en_US.UTF-8" >/dev/null 2>&1; then
  where=" (zh_CN.UTF-8 installed)"
  locpath="$tmp/loc"
  cases
else
  echo "note: localedef cannot make zh_CN.UTF-8 here; tested without it only"
fi

[ "$fails" -eq 0 ]
