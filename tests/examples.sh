#!/bin/sh
# Every example document under examples/ (one folder each, root file main.jx):
#   1. reads without a syntax error (jxc check --syntax-only);
#   2. jxc format of each of its .jx files is idempotent (formatting the
#      formatted file gives the same bytes) and keeps the meaning (jxc dump of
#      the original and of the formatted folder differ only in locations);
#   3. when the folder has an expected-findings.txt, jxc check reports exactly
#      the set of (CODE, FILE:LINE) listed there: every finding the example is
#      built to show, and nothing else.
# expected-findings.txt: one finding a line, "CODE FILE:LINE why…" (FILE is
# relative to the example's folder); blank lines and lines starting with #
# are ignored. A finding is compared by code, file and line, not column or
# message, and duplicates on one line count once.
# Each failure names the example and the file or finding that differs.
set -u
. "$TESTS_SRCDIR/lib.sh"

# The dump without what formatting may change: node locations ("loc"
# objects) and the line numbers of comments.
strip_locations() {
  sed -e '/"loc": {/,/}/d' -e '/^ *"line": [0-9]*,\{0,1\}$/d'
}

# jxc check --format=json lines → "CODE FILE:LINE<TAB>message", one a line
# (the message with its JSON escapes of quotes and backslashes undone).
findings_of_json() {
  sed -n 's/^{"file":"\([^"]*\)","line":\([0-9]*\),.*"code":"\([^"]*\)","message":"\(.*\)","hint":.*$/\3 \1:\2	\4/p' |
    sed -e 's/\\"/"/g' -e 's/\\\\/\\/g'
}

count=0
for dir in "$EXAMPLES"/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  count=$((count + 1))
  if [ ! -f "$dir/main.jx" ]; then
    fail "$name: the folder has no main.jx"
    continue
  fi

  # 1. It reads.
  if ! (cd "$dir" && "$JXC" check --syntax-only main.jx) >"$tmp/out" 2>&1; then
    fail "$name: does not read without errors (jxc check --syntax-only):"
    sed 's/^/    /' "$tmp/out" >&2
    continue
  fi

  # 2. Formatting: idempotent, and the same tree up to locations.
  once="$tmp/$name/once" twice="$tmp/$name/twice"
  mkdir -p "$once" "$twice"
  (cd "$dir" && find . -name '*.jx' | sort) >"$tmp/files"
  formatted=true
  while read -r file; do
    mkdir -p "$once/$(dirname "$file")" "$twice/$(dirname "$file")"
    if ! "$JXC" format "$dir/$file" >"$once/$file" 2>"$tmp/err"; then
      fail "$name: jxc format $file failed: $(head -c 300 "$tmp/err")"
      formatted=false
      continue
    fi
    if ! "$JXC" format "$once/$file" >"$twice/$file" 2>"$tmp/err"; then
      fail "$name: jxc format of the formatted $file failed: $(head -c 300 "$tmp/err")"
      formatted=false
      continue
    fi
    if ! cmp -s "$once/$file" "$twice/$file"; then
      fail "$name: jxc format is not idempotent on $file (- formatted once, + twice):"
      diff -u "$once/$file" "$twice/$file" | sed -n '3,40p' | sed 's/^/    /' >&2
    fi
  done <"$tmp/files"
  if $formatted; then
    (cd "$dir" && "$JXC" dump main.jx) | strip_locations >"$tmp/dump.orig"
    (cd "$once" && "$JXC" dump main.jx) | strip_locations >"$tmp/dump.formatted"
    if ! diff -u "$tmp/dump.orig" "$tmp/dump.formatted" >"$tmp/dump.diff"; then
      fail "$name: jxc format changes the meaning: jxc dump differs beyond locations (- original, + formatted):"
      sed -n '3,60p' "$tmp/dump.diff" | sed 's/^/    /' >&2
    fi
  fi

  # 3. The findings it is built to show, and no others.
  expected_file="$dir/expected-findings.txt"
  [ -f "$expected_file" ] || continue
  (cd "$dir" && "$JXC" check --format=json main.jx) 2>"$tmp/err" | findings_of_json >"$tmp/actual.full"
  if [ -s "$tmp/err" ]; then
    fail "$name: jxc check wrote to standard error: $(head -c 300 "$tmp/err")"
  fi
  cut -f1 "$tmp/actual.full" | sort -u >"$tmp/actual"
  sed -e 's/^[ 	]*//' -e '/^#/d' -e '/^$/d' "$expected_file" |
    awk '{ print $1 " " $2 }' | sort -u >"$tmp/expected"
  bad=$(grep -v '^J[0-9][0-9]* [^ :]*:[0-9][0-9]*$' "$tmp/expected")
  if [ -n "$bad" ]; then
    fail "$name: lines of expected-findings.txt that are not \"CODE FILE:LINE why\": $bad"
  fi
  comm -23 "$tmp/expected" "$tmp/actual" | while read -r code where; do
    echo "FAIL: $name: expected finding $code at $where was not reported" >&2
  done
  comm -13 "$tmp/expected" "$tmp/actual" | while read -r code where; do
    msg=$(grep -F "$code $where	" "$tmp/actual.full" | head -1 | cut -f2)
    echo "FAIL: $name: unexpected finding $code at $where: $msg" >&2
  done
  if ! cmp -s "$tmp/expected" "$tmp/actual"; then
    fails=$((fails + 1))
  fi
done

if [ "$count" -eq 0 ]; then
  fail "no example folders under $EXAMPLES"
fi
[ "$fails" -eq 0 ]
