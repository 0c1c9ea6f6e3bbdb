#!/bin/sh
# make bench: speed goals of the compiler, measured, never asserted in tests.
# Goal (issue "The checker"): a clean check of the 27-project example takes
# well under 50 ms. Runs the check RUNS times and reports the mean wall time
# per run; exits 1 if the mean is 50 ms or more. Also times a document 20
# times the size of the example, to show how checking scales.
# Goal (issue 10, the year-over-year diff): diffing two documents costs at
# most 1.5 times checking both; timed on the 20-times document against a
# previous year made from it (new codes, budgets, targets); exits 1 above.
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

# The previous year of the 20x document: other codes, other budgets and
# targets, another year.
old=$(mktemp -d)
trap 'rm -rf "$big" "$old"' EXIT
for f in "$big"/*.jx; do
  sed -e 's/^年度 2025/年度 2024/' -e 's/\(项目 1308[0-9][0-9]\)25\([PQ]\)/\124\2/' \
      -e 's/预算 2\([0-9]\)\.00 (财政资金 2\([0-9]\)\.00)/预算 3\1.00 (财政资金 3\2.00)/' \
      -e 's/≥ \([0-9]*\)0 人/≥ \11 人/' "$f" >"$old/$(basename "$f")"
done
us_check_old=$(mean_ms 10 "$jxc" check "$old")
us_diff=$(mean_ms 10 "$jxc" diff "$old" "$big")
us_both=$((us_big + us_check_old))
printf 'diff of the 540-project document and its previous year: %d.%03d ms per run (mean of 10)\n' \
  $((us_diff / 1000)) $((us_diff % 1000))
printf '  checking both: %d.%03d ms; the diff costs %d%% of that (goal: at most 150%%)\n' \
  $((us_both / 1000)) $((us_both % 1000)) $((us_diff * 100 / us_both))
diff_ok=true
if [ $((us_diff * 100)) -gt $((us_both * 150)) ]; then
  echo "bench: FAIL: diffing costs more than 1.5 times checking both documents" >&2
  diff_ok=false
fi

if [ "$us" -ge 50000 ]; then
  echo "bench: FAIL: the example takes 50 ms or more per check" >&2
  exit 1
fi
echo "bench: the example checks well within the 50 ms goal"
$diff_ok
