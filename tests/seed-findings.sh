#!/bin/sh
# Acceptance test of the checker on the whole seed document: exactly these
# findings, each a true inconsistency of the published 2025 text, and nothing
# else. Reasons, by table number of the seed:
#   J113 x5  tables 7, 10, 13, 19, 20: the spending plan never reaches 100%
#            (75%, 75%, 75%, 80%, 75% at its last month).
#   J141     table 21: ≤5900 元/人/年 for ≥150 戒毒人员 is 88.5 万元 a year,
#            against a budget of 50 万元.
#   J172     table 22: the satisfaction row has a target (≥95 百分比) but its
#            basis says 不涉及.
#   J171     table 23: the indicator name "戒毒所安全事故发生降低率（" has an
#            unclosed bracket.
#   J163     tables 23 and 24: two projects of unit 324004 with the same name
#            "2024 年消防设施修缮项目".
#   J124     table 25: two 数量指标 rows named "硬件设备数量" (35 套, 45 个);
#            table 27: two named "场所基础设施改造" (300 延长米, 50 间).
# Not caught, by design of the rules: part one's "安防设施项目验收合格率达
# 95%" against table 15's ≥98 百分比 (part one is free text).
set -u
expected="$TESTS_SRCDIR/seed-findings.expected"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$EXAMPLES/.." || exit 1
"$JXC" check examples/chengde-justice-2025 >/dev/null 2>"$out"
echo "exit: $?" >>"$out"
diff -u "$expected" "$out" || { echo "FAIL: findings differ (- expected, + actual)" >&2; exit 1; }
