#!/bin/sh
# `jxc dump` golden test: the JSON syntax tree of tests/golden-dump/all-forms.jx,
# which uses every construct of the language once, must equal
# tests/golden-dump/all-forms.json (reviewed by reading it; see doc/ast-json.md).
set -u
cd "$TESTS_SRCDIR/golden-dump" || exit 1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$JXC" dump all-forms.jx >"$out"
status=$?
if [ $status -ne 0 ]; then
  echo "FAIL: jxc dump exited $status" >&2
  exit 1
fi
diff -u all-forms.json "$out" || { echo "FAIL: dump differs (- expected, + actual)" >&2; exit 1; }
