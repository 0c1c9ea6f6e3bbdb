#!/bin/sh
# Golden test driver: runs `jxc check NAME.jx` in the test's own folder (so
# paths in diagnostics are stable) and compares stderr and the exit status
# with NAME.expected, whose last line is "exit: N". Fails on any difference.
# When NAME.zh_CN.expected exists, the same run in Chinese (LANGUAGE=zh_CN,
# LANG=zh_CN.UTF-8) is compared with it too (skipped in a build without
# NLS, configure --disable-nls).
# Tests under a folder named parse test the parser alone (--syntax-only);
# NAME.xml files test `jxc import NAME.xml` the same way.
set -u
test_file=$1
dir=$(dirname "$test_file")
case "$test_file" in
  *.xml) name=$(basename "$test_file" .xml); command=import; input=$name.xml ;;
  *) name=$(basename "$test_file" .jx); command=check; input=$name.jx ;;
esac
mode=
case "$dir" in *parse) mode=--syntax-only ;; esac
expected="$dir/$name.expected"
if [ ! -f "$expected" ]; then
  echo "missing $expected" >&2
  exit 1
fi
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
# run EXPECTED [VAR=VALUE...]: runs jxc with the variables set, compares.
run() {
  want=$1
  shift
  (
    cd "$dir" || exit 2
    env "$@" "$JXC" $command $mode "$input" 2>&1 >/dev/null
    echo "exit: $?"
  ) >"$actual"
  if ! diff -u "$want" "$actual"; then
    echo "FAIL: $test_file: diagnostics differ from $want (- expected, + actual)" >&2
    return 1
  fi
}
run "$expected" || exit 1
zh="$dir/$name.zh_CN.expected"
if [ -f "$zh" ]; then
  if [ "${JX_USE_NLS:-yes}" != yes ]; then
    echo "$zh not compared: this jxc is built without NLS"
  else
    run "$zh" LC_ALL= LC_MESSAGES= LANGUAGE=zh_CN LANG=zh_CN.UTF-8 || exit 1
  fi
fi
exit 0
