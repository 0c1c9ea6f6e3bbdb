#!/bin/sh
# `jxc dump` golden tests: the JSON syntax tree of each tests/golden-dump/*.jx
# must equal the .json beside it (reviewed by reading it; see doc/ast-json.md).
# all-forms.jx uses every construct of the Chengde layout once, layouts.jx every
# construct added for other provinces' templates.
set -u
cd "$TESTS_SRCDIR/golden-dump" || exit 1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failed=0
for input in *.jx; do
  name=${input%.jx}
  "$JXC" dump "$input" >"$out"
  status=$?
  if [ $status -ne 0 ]; then
    echo "FAIL: jxc dump $input exited $status" >&2
    failed=1
    continue
  fi
  diff -u "$name.json" "$out" ||
    { echo "FAIL: dump of $input differs (- expected, + actual)" >&2; failed=1; }
done
exit $failed
