#!/bin/sh
# --format=text, csv and markdown on the example: every text line fits the
# width in display columns (a CJK character is two), every project is in
# every format, the CSV has one record per indicator row (counted over the
# quoting, CRLF-terminated), the BOM only with --bom, amounts come out with
# the money unit's decimals, and --project / --unit print only what they
# select. Then two small documents compared byte for byte with outputs
# checked by hand: small.jx (quotes and a comma in a text, a pipe and an
# asterisk in a description, a 中期 group, a 不涉及 row, a merged 二级 cell)
# and forms.jx (every construct of the grown language: no codes, 类别
# subtotals, 资金总额 / 中期预算 and source trees, an empty source cell, a
# source of no declared kind, the template fields, ordinals, 长期 values,
# 标准, 空白 cells, a flat table).
set -u
# wc -L counts display columns only in a UTF-8 locale.
LC_ALL=C.UTF-8
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
example="$EXAMPLES/chengde-justice-2025"
. "$TESTS_SRCDIR/lib.sh"

# build NAME ARGS...: jxc build ARGS into $tmp/NAME (warnings to NAME.err).
build() {
  name=$1
  shift
  "$JXC" build "$@" >"$tmp/$name" 2>"$tmp/$name.err" ||
    fail "jxc build $*: exit $? ($(head -c 300 "$tmp/$name.err"))"
}

# widest FILE: the display width of its widest line.
widest() { wc -L <"$1" | tr -d ' '; }

# fits FILE WIDTH: no line wider than WIDTH columns (else shows the first).
fits() {
  w=$(widest "$1")
  [ "$w" -le "$2" ] && return
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    if [ "$(printf '%s\n' "$line" | wc -L)" -gt "$2" ]; then
      fail "$(basename "$1"): line $n is wider than $2 columns: $line"
      return
    fi
  done <"$1"
}

# records FILE: the number of CSV records, each ending with CRLF; a quoted
# field may hold commas, doubled quotes and line breaks. Prints "N BAD OPEN":
# BAD counts records not ended by CRLF, OPEN is 1 when a quote is left open.
records() {
  awk 'BEGIN { open = 0; n = 0; bad = 0 }
       { if (gsub(/"/, "&") % 2) open = !open
         if (!open) { if (substr($0, length($0), 1) == "\r") n++; else bad++ } }
       END { print n, bad, open }' "$1"
}

# The locale must be there, or wc -L would count bytes and pass anything.
[ "$(printf '承德\n' | wc -L | tr -d ' ')" = 4 ] ||
  fail "wc -L does not count a CJK character as two columns (is C.UTF-8 installed?)"
# The record counter is not fooled by line breaks and quotes inside fields.
printf 'a,"x,\r\ny ""z"""\r\n"b\nc",d\r\n' >"$tmp/quoted.csv"
[ "$(records "$tmp/quoted.csv")" = "2 0 0" ] ||
  fail "the CSV record counter reads $(records "$tmp/quoted.csv") for 2 records"

codes=$(sed -n 's/^项目 \([0-9A-Z]*\) .*/\1/p' "$example/324001.jx" "$example/324004.jx")
codes_324004=$(sed -n 's/^项目 \([0-9A-Z]*\) .*/\1/p' "$example/324004.jx")
codes_324001=$(sed -n 's/^项目 \([0-9A-Z]*\) .*/\1/p' "$example/324001.jx")
[ "$(echo "$codes" | wc -l)" = 27 ] || fail "the example should have 27 projects"
[ "$(echo "$codes_324004" | wc -l)" = 13 ] || fail "unit 324004 should have 13 projects"

build text --format=text --width=80 "$example"
build csv --format=csv "$example"
build bom.csv --format=csv --bom "$example"
build md --format=markdown "$example"
build project.txt --format=text --project 13080025P00010310003N "$example"
build unit.csv --format=csv --unit 324004 "$example"

# 1. Text: every line within the width, here and at other widths; the
# default width (not a terminal) is 100.
fits "$tmp/text" 80
for width in 40 57 100 133; do
  build "text$width" --format=text --width=$width "$example"
  fits "$tmp/text$width" "$width"
done
fits "$tmp/project.txt" 100
grep -q '^+-' "$tmp/text" || fail "text: no table drawn with + and -"
grep -q '^| 一级指标 ' "$tmp/text" || fail "text: no indicator table header"

# 2. Every project in every format.
for code in $codes; do
  for f in text csv md; do
    grep -qF "$code" "$tmp/$f" || fail "$f: project $code missing"
  done
done

# 3. CSV: a header and one record per indicator row (175), CRLF after each.
head -1 "$tmp/csv" | grep -q '^单位编码,单位名称,项目编码,项目名称,预算数（万元）,财政资金（万元）,其他资金（万元）,资金用途,绩效目标,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据,长期指标值,绩效标准,项目类别,所属类别,所属类别合计（万元）,项目期,主管部门编码,主管部门,实施单位,监督管理单位,一级项目,项目类型,资金性质,负责人,联系电话,项目概况,立项依据,资金总额（万元）,资金总额来源（万元）,中期预算（万元）,中期预算来源（万元）,预算来源（万元）,资金支出计划（%）,中期目标,实施进度,其他说明,3月底（%）,6月底（%）,10月底（%）,12月底（%）'"$(printf '\r')"'$' ||
  fail "csv: wrong header: $(head -1 "$tmp/csv")"
[ "$(records "$tmp/csv")" = "176 0 0" ] ||
  fail "csv: $(records "$tmp/csv") (records, not CRLF-ended, quote open); want 176 0 0"

# 4. The BOM only with --bom, and nothing else differs.
bytes() { head -c 3 "$1" | od -An -tx1 | tr -d ' \n'; }
[ "$(bytes "$tmp/bom.csv")" = efbbbf ] || fail "csv --bom: starts with $(bytes "$tmp/bom.csv")"
for f in csv text md; do
  [ "$(bytes "$tmp/$f")" != efbbbf ] || fail "$f: a BOM without --bom"
done
tail -c +4 "$tmp/bom.csv" | cmp -s - "$tmp/csv" || fail "csv --bom differs from csv after the BOM"

# 5. Amounts in the money unit's precision; the department total.
for f in text csv md; do
  grep -qF 165.85 "$tmp/$f" || fail "$f: the budget 165.85 is missing"
  grep -qF 22.50 "$tmp/$f" || fail "$f: the budget 22.50 is missing"
done
for f in text md; do
  grep -qF 1371.36 "$tmp/$f" || fail "$f: the department total 1371.36 is missing"
done
# No project of the example has 其他资金: the summary leaves the column
# empty rather than inventing 0.00.
grep -Eq '^\| 合计 +\| +\| +27 \| +1371\.36 \| +1371\.36 \| +\| +175 \|$' "$tmp/text" ||
  fail "text: the summary's 合计 should have an empty 其他资金 cell: $(grep '^| 合计' "$tmp/text")"
grep -qF '| 合计 |  | 27 | 1371.36 | 1371.36 |  | 175 |' "$tmp/md" ||
  fail "md: the summary's 合计 should have an empty 其他资金 cell: $(grep '^| 合计' "$tmp/md")"
! grep -qF '| 0.00 |' "$tmp/md" || fail "md: an invented 0.00 in the summary"

# 6. Markdown: headings, pipe tables, merged cells left empty.
grep -q '^# 承德市司法局 2025' "$tmp/md" || fail "md: no title"
grep -q '^## 324001 承德市司法局本级$' "$tmp/md" || fail "md: no unit heading"
grep -q '^### 1\. 12348 法律服务热线绩效目标表$' "$tmp/md" || fail "md: no project heading"
grep -q '^|  | 质量指标 | ' "$tmp/md" || fail "md: a merged 一级指标 cell is not left empty"

# 7. --project: that project only, without part one.
grep -qF 13080025P00010310003N "$tmp/project.txt" || fail "--project: the project is missing"
grep -qF '12348 法律服务热线' "$tmp/project.txt" || fail "--project: the project name is missing"
for code in $codes; do
  [ "$code" = 13080025P00010310003N ] && continue
  ! grep -qF "$code" "$tmp/project.txt" || fail "--project: another project ($code) printed"
done
! grep -q '总体绩效目标' "$tmp/project.txt" || fail "--project: part one printed"

# 8. --unit 324004: its 13 projects and their 90 indicator rows, nothing else.
for code in $codes_324004; do
  grep -qF "$code" "$tmp/unit.csv" || fail "--unit 324004: project $code missing"
done
for code in $codes_324001; do
  ! grep -qF "$code" "$tmp/unit.csv" || fail "--unit 324004: project $code of 324001 printed"
done
[ "$(records "$tmp/unit.csv")" = "91 0 0" ] ||
  fail "--unit 324004: $(records "$tmp/unit.csv") records; want 91 0 0"
[ "$(sed 1d "$tmp/unit.csv" | grep -cv '^324004,')" = 0 ] ||
  fail "--unit 324004: a record of another unit"

# 9. The small documents, byte for byte.
build small.txt --format=text --width=60 "$here/small.jx"
build small.csv --format=csv "$here/small.jx"
build small.md --format=markdown "$here/small.jx"
build forms.txt --format=text --width=100 "$here/forms.jx"
build forms.csv --format=csv "$here/forms.jx"
build forms.md --format=markdown "$here/forms.jx"
for f in small.txt small.csv small.md forms.txt forms.csv forms.md; do
  if ! cmp -s "$here/$f.expected" "$tmp/$f"; then
    fail "$f differs from $f.expected (- expected, + actual):"
    diff -u "$here/$f.expected" "$tmp/$f" | head -40
  fi
done

# 10. The forms of the grown language fit every width too (at 40 columns
# the eight-column indicator table folds 绩效标准 into the basis column),
# and the CSV has one record per indicator row with the 栏目 columns last.
for width in 40 57 80 133; do
  build "forms$width" --format=text --width=$width "$here/forms.jx"
  fits "$tmp/forms$width" "$width"
done
grep -q '^| 一 *| 二级 *| 三 *| 绩 *| 年 *| 长 *| 绩效 *|$' "$tmp/forms40" ||
  fail "text --width=40: the indicator header should fold 绩效标准 into the basis column"
[ "$(records "$tmp/forms.csv")" = "23 0 0" ] ||
  fail "forms.csv: $(records "$tmp/forms.csv") records; want 23 0 0"
head -1 "$tmp/forms.csv" | grep -q ',其他说明,3月底（%）,6月底（%）,10月底（%）,12月底（%）,绩效标准类型,项目实施内容'"$(printf '\r')"'$' ||
  fail "forms.csv: the plan's months, then the 栏目 labels should be the last columns: $(head -1 "$tmp/forms.csv")"

# 11. The wrap never splits a number from its unit, nor a term, where the
# column can hold it: the seed's ≤5900元/人/年 and the level names stay
# whole on a line at every width from 57 columns on (at 40 the eight
# columns of a line cannot hold 13 columns of one value).
cp "$tmp/text" "$tmp/text80"
for width in 57 80 100 133; do
  grep -qF '≤5900元/人/年' "$tmp/text$width" ||
    fail "text --width=$width: ≤5900元/人/年 is split: $(grep -F '5900' "$tmp/text$width" | head -2)"
  ! grep -qE '(满意度指|服务对象满意度指|其他资|指标值确定依) *\|' "$tmp/text$width" ||
    fail "text --width=$width: a term is split: $(grep -E '(满意度指|其他资|指标值确定依) *\|' "$tmp/text$width" | head -1)"
done
grep -qF '≥3200平方米' "$tmp/forms.txt" || fail "forms.txt: ≥3200平方米 is split"

# 12. --ambiguous=wide counts ≥ ≤ “ ” … two columns, as a terminal set to
# draw East Asian ambiguous characters wide does: every line fits when they
# are counted so; without it they count one column (as wc -L does).
wide() { sed 's/[≥≤“”‘’…—×°]/xx/g' "$1" | wc -L | tr -d ' '; }
for width in 57 80; do
  build "wide$width" --format=text --ambiguous=wide --width=$width "$example"
  [ "$(wide "$tmp/wide$width")" -le $width ] ||
    fail "text --ambiguous=wide --width=$width: a line is $(wide "$tmp/wide$width") columns wide"
  [ "$(wide "$tmp/text$width")" -gt $width ] ||
    fail "text --width=$width without --ambiguous=wide should count ≥ one column"
done

# 12b. What a spreadsheet would change: codes of digits keep their leading
# zeros and all their digits (="001001"); a text beginning with =, +, - or
# @ is not a formula ('=1+1); amounts say their unit; the plan is in
# columns of numbers, one per month of the document.
build sheet.csv --format=csv "$here/spreadsheet.jx"
rec=$(sed -n 2p "$tmp/sheet.csv")
for want in '"=""001001"""' '"=""130800250001031000312"""' '"=""001"""' '"=""03142022222"""' \
  "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"点击\"\")\"" "'@SUM(A1:A9) 购置设备" "'-2+3 完成购置。" \
  "'=1+1" ",'-," "'+1 张三" ',50,100'"$(printf '\r')"; do
  case "$rec" in
    *"$want"*) ;;
    *) fail "spreadsheet.csv: $want is not in the record: $rec" ;;
  esac
done
head -1 "$tmp/sheet.csv" | grep -q ',预算数（万元）,.*,6月底（%）,12月底（%）'"$(printf '\r')"'$' ||
  fail "spreadsheet.csv: the header: $(head -1 "$tmp/sheet.csv")"
# No field of the seed's CSV begins with = + - @ unless it is a code of digits.
tail -n +2 "$tmp/csv" | tr ',' '\n' | grep -E '^[=+@-]' | grep -vqE '^"?="' &&
  fail "csv: a field could run as a formula: $(tail -n +2 "$tmp/csv" | tr ',' '\n' | grep -E '^[=+@-]' | head -1)"

# 13. One spelling per unit: the seed writes ratios as % and as 百分比, so
# every ratio prints in % (≥98百分比 as ≥98%); forms.jx mixes 比例 with %,
# so ≥0.95比例 prints ≥95%. --as-written prints them as the source does.
for f in text csv md; do
  ! grep -qF '百分比' "$tmp/$f" || fail "$f: a ratio printed in 百分比 beside %: $(grep -F 百分比 "$tmp/$f" | head -1)"
  grep -qF '≥98%' "$tmp/$f" || fail "$f: ≥98百分比 is not printed as ≥98%"
done
grep -qF '考核合格人数/参训人数 | ≥95% ' "$tmp/forms.txt" || fail "forms.txt: ≥0.95比例 is not printed as ≥95%"
build written.txt --format=text --as-written "$example"
grep -qF '≥98百分比' "$tmp/written.txt" || fail "--as-written: ≥98百分比 is not printed as written"
build forms-written.csv --format=csv --as-written "$here/forms.jx"
grep -qF ',≥0.95比例,' "$tmp/forms-written.csv" || fail "--as-written: ≥0.95比例 is not printed as written"
# The document can ask the same with the header line 数值写法 原样, and the
# line survives the exchange XML.
sed 's/^年度 \(.*\)$/年度 \1\n数值写法 原样/' "$here/forms.jx" >"$tmp/forms-line.jx"
grep -q '^数值写法 原样$' "$tmp/forms-line.jx" || fail "forms-line.jx: the header line was not added"
build forms-line.csv --format=csv "$tmp/forms-line.jx"
grep -qF ',≥0.95比例,' "$tmp/forms-line.csv" || fail "数值写法 原样: ≥0.95比例 is not printed as written"
build forms-line.xml "$tmp/forms-line.jx"
"$JXC" import "$tmp/forms-line.xml" >"$tmp/forms-line-back.jx" || fail "forms-line.xml does not import"
grep -q '^数值写法 原样$' "$tmp/forms-line-back.jx" || fail "数值写法 原样 is lost through the exchange XML"

# 14. The plan's columns are the months the document uses, the same in
# every form: small.jx plans one project at 6 and 12, the other at 3, 6,
# 8, 10 and 12, so both forms have five month columns, 8月底 included;
# the seed's forms all have 3月底, 6月底, 10月底 and 12月底 and no other.
[ "$(grep -c '^| 资金支出 | 3月底 *| 6月底 *| 8月底 *| 10月底 *| 12月底 *|$' "$tmp/small.txt")" = 2 ] ||
  fail "small.txt: both forms should have the columns 3, 6, 8, 10 and 12月底"
[ "$(grep -c '^| 资金支出 *| 3月底 *| 6月底 *| 10月底 *| 12月底 *|$' "$tmp/text")" = 27 ] ||
  fail "text: the seed's 27 forms should have the plan columns 3, 6, 10 and 12月底"

[ "$fails" -eq 0 ] || exit 1
exit 0
