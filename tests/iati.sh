#!/bin/sh
# IATI 2.03 export of the bundled example, validated against the official
# schema. The schema is not part of jixiao: configure --with-iati-schema=DIR
# names it (.ci/run passes ../shared/iati-2.03). Without it this test is
# reported as SKIP, by name, never as a pass.
set -u
if [ -z "${IATI_SCHEMA_DIR:-}" ]; then
  echo "SKIP: the IATI schema is not configured (configure --with-iati-schema=DIR)"
  exit 77
fi
. "$TESTS_SRCDIR/lib.sh"
out="$tmp/iati.xml"

JIXIAO_IATI_SCHEMA=$IATI_SCHEMA_DIR "$JXC" build --format=iati \
  "$EXAMPLES/chengde-justice-2025" -o "$out" 2>/dev/null || fail "jxc build --format=iati failed"
"$XSD_VALIDATE" "$IATI_SCHEMA_DIR/iati-activities-schema.xsd" "$out" ||
  fail "the IATI document does not validate against iati-activities-schema.xsd"

count() { grep -c "$1" "$out"; }
[ "$(count '<iati-activity ')" -eq 27 ] || fail "want 27 activities, one per project"
[ "$(count '<budget ')" -eq 27 ] || fail "want 27 budgets"
# 12348 热线: 22.50 万元 = 225000 元, spent 25/25/25/25% by 3, 6, 10, 12月.
grep -q '<iati-identifier>CN-130800-13080025P00010310003N</iati-identifier>' "$out" ||
  fail "identifier of the first project"
grep -q '<value value-date="2025-01-01">225000</value>' "$out" || fail "first budget in 元"
grep -q '<value value-date="2025-01-01">56250</value>' "$out" || fail "first disbursement (25% of 225000)"
grep -q '<period-start iso-date="2025-07-01"/>' "$out" || fail "disbursement period after 6月"
# ≥7000 次 as a unit indicator with a target, ≥90% as a percentage one.
grep -q '<target value="7000">' "$out" || fail "target 7000"
grep -q 'measure="2" ascending="true"' "$out" || fail "percentage indicator"
grep -q '<narrative>≥7000次</narrative>' "$out" || fail "target comment shows the value as written"
# 0.97 比例-style units are converted: 98 百分比 is the percentage 98.
grep -q '<target value="98">' "$out" || fail "百分比 target"

# Projects and a unit without codes: unique, stable identifiers from the unit
# and a key of the name (doc/iati.md); these values must never change.
JIXIAO_IATI_SCHEMA=$IATI_SCHEMA_DIR "$JXC" build --format=iati \
  "$TESTS_SRCDIR/iati-no-codes.jx" -o "$out" 2>/dev/null || fail "jxc build --format=iati of iati-no-codes.jx failed"
"$XSD_VALIDATE" "$IATI_SCHEMA_DIR/iati-activities-schema.xsd" "$out" ||
  fail "the IATI document of iati-no-codes.jx does not validate against iati-activities-schema.xsd"
[ "$(count '<iati-identifier>')" -eq 3 ] || fail "want 3 activities for iati-no-codes.jx"
[ "$(sort "$out" | grep '<iati-identifier>' | uniq -d | wc -l)" -eq 0 ] || fail "identifiers repeat"
grep -q '<iati-identifier>CN-130800-Ubd7163082080f6ec-N5248a90c37f449be</iati-identifier>' "$out" ||
  fail "identifier of a project without a code in a unit without a code"
grep -q '<iati-identifier>CN-130800-Ubd7163082080f6ec-N5248a90c37f449be-2</iati-identifier>' "$out" ||
  fail "identifier of the second project whose name has the same key"
grep -q '<iati-identifier>CN-130800-324002-N5248a90c37f449be</iati-identifier>' "$out" ||
  fail "identifier of a project without a code in unit 324002"
[ $fails -eq 0 ]
