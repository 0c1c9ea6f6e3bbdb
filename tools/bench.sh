#!/bin/sh
# make bench: speed goals of the compiler, measured, never asserted in tests.
# Goal (issue "The checker"): a clean check of the 27-project example takes
# well under 50 ms. Runs the check RUNS times and reports the mean wall time
# per run; exits 1 if the mean is 50 ms or more. Also times a document 20
# times the size of the example, to show how checking scales.
set -eu
jxc=${JXC:-./jxc}
example=${EXAMPLES:-examples}/chengde-justice-2025
runs=${RUNS:-50}
export JIXIAO_STDLIB="${JIXIAO_STDLIB:-$(dirname "$0")/../stdlib}"

now_ns() { date +%s%N; }

mean_ms() { # mean_ms RUNS COMMAND...
  n=$1
  shift
  start=$(now_ns)
  i=0
  while [ "$i" -lt "$n" ]; do
    "$@" >/dev/null 2>&1 || true
    i=$((i + 1))
  done
  end=$(now_ns)
  echo $(((end - start) / n / 1000)) # microseconds
}

us=$(mean_ms "$runs" "$jxc" check "$example")
printf 'check %s: %d.%03d ms per run (mean of %d)\n' "$example" $((us / 1000)) $((us % 1000)) "$runs"

# A 20x document: the two unit files imported 20 times under fresh codes.
big=$(mktemp -d)
trap 'rm -rf "$big"' EXIT
cp "$example"/main.jx "$big"/main.jx
sed -i '/^导入/d' "$big"/main.jx
i=10
while [ "$i" -lt 30 ]; do
  for unit in 324001 324004; do
    sed -e "s/^单位 $unit /单位 $unit$i /" \
        -e "s/项目 130800\([0-9][0-9]\)P[0-9A-Z][0-9A-Z]/项目 130800\1Q$i/" \
        "$example/$unit.jx" >"$big/$unit-$i.jx"
    echo "导入 \"$unit-$i.jx\"" >>"$big"/main.jx
  done
  i=$((i + 1))
done
us_big=$(mean_ms 10 "$jxc" check "$big")
printf 'check a 540-project document: %d.%03d ms per run (mean of 10)\n' \
  $((us_big / 1000)) $((us_big % 1000))

if [ "$us" -ge 50000 ]; then
  echo "bench: FAIL: the example takes 50 ms or more per check" >&2
  exit 1
fi
echo "bench: the example checks well within the 50 ms goal"
