#!/bin/sh
# Golden test driver: runs `jxc check NAME.jx` in the test's own folder (so
# paths in diagnostics are stable) and compares stderr and the exit status
# with NAME.expected, whose last line is "exit: N". Fails on any difference.
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
(
  cd "$dir" || exit 2
  "$JXC" $command $mode "$input" 2>&1 >/dev/null
  echo "exit: $?"
) >"$actual"
if diff -u "$expected" "$actual"; then
  exit 0
fi
echo "FAIL: $test_file: diagnostics differ from $expected (- expected, + actual)" >&2
exit 1
