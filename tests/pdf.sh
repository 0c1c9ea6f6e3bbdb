#!/bin/sh
# --format=pdf, read back with poppler-utils: fonts embedded as subsets and
# never Type 3; the same input gives the same bytes (no creation date, or
# SOURCE_DATE_EPOCH's); a page number in the footer of every page but the
# cover; a contents page whose page numbers are the pages where the tables
# really are; part one flowing (its three sections are not each on a page
# of their own); a table longer than a page continued on the next with its
# indicator header repeated, and no text below the bottom margin; --font
# with an installed font and with a missing one; no temporary file left.
# Every cell of the example is checked by tests/unit/test_pdf. Needs a jxc
# built with cairo and pango, and poppler-utils; SKIP otherwise.
set -u
for tool in pdftotext pdfinfo pdffonts; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (run tools/install-deps.sh)"
    exit 77
  fi
done
. "$TESTS_SRCDIR/lib.sh"
export LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH
example="$EXAMPLES/chengde-justice-2025"

"$JXC" build --format=pdf "$example" -o "$tmp/seed.pdf" 2>"$tmp/err"
status=$?
if grep -q 'built without PDF support' "$tmp/err"; then
  echo "SKIP: this jxc was built without cairo and pango"
  exit 77
fi
[ $status -eq 0 ] || fail "jxc build --format=pdf: exit $status ($(tail -3 "$tmp/err"))"

# 1. A4, the expected pages: cover, contents, part one (2), the summary, 27
# tables of one page each.
info=$(pdfinfo "$tmp/seed.pdf")
pages=$(echo "$info" | sed -n 's/^Pages: *//p')
[ "$pages" = 32 ] || fail "the example should be 32 pages, not ${pages:-none}"
echo "$info" | grep -q '^Page size: *595.27[0-9]* x 841.8[0-9]* pts (A4)' ||
  fail "not A4: $(echo "$info" | grep '^Page size')"
echo "$info" | grep -q '^Title: *承德市司法局 2025 年部门预算绩效文本$' ||
  fail "the PDF's title: $(echo "$info" | grep '^Title')"

# 2. Fonts: embedded subsets, CID-keyed or TrueType, never Type 3.
pdffonts "$tmp/seed.pdf" >"$tmp/fonts"
[ "$(sed 1,2d "$tmp/fonts" | wc -l)" -ge 1 ] || fail "no fonts in the PDF"
! grep -q 'Type 3' "$tmp/fonts" || fail "a Type 3 font: $(grep 'Type 3' "$tmp/fonts")"
sed 1,2d "$tmp/fonts" | while read -r line; do
  case "$line" in
    *"CID Type 0C"*" yes yes yes "* | *"CID TrueType"*" yes yes yes "*) ;;
    *) echo "FAIL: a font not embedded as a subset with its text: $line" >&2; exit 1 ;;
  esac
done || fails=$((fails + 1))
grep -q 'NotoSerifCJK' "$tmp/fonts" || fail "the default font is not Noto Serif CJK: $(cat "$tmp/fonts")"

# 3. The same bytes every time; a creation date only from SOURCE_DATE_EPOCH.
"$JXC" build --format=pdf "$example" -o "$tmp/again.pdf" 2>/dev/null
cmp -s "$tmp/seed.pdf" "$tmp/again.pdf" || fail "two runs gave different bytes"
! echo "$info" | grep -q '^CreationDate' || fail "a creation date without SOURCE_DATE_EPOCH"
SOURCE_DATE_EPOCH=1735689600 "$JXC" build --format=pdf "$example" -o "$tmp/dated.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=1735689600 "$JXC" build --format=pdf "$example" -o "$tmp/dated2.pdf" 2>/dev/null
cmp -s "$tmp/dated.pdf" "$tmp/dated2.pdf" || fail "SOURCE_DATE_EPOCH: two runs gave different bytes"
pdfinfo "$tmp/dated.pdf" | grep -q '^CreationDate: *Wed Jan  1 00:00:00 2025 UTC' ||
  fail "SOURCE_DATE_EPOCH: $(pdfinfo "$tmp/dated.pdf" | grep '^CreationDate')"

# page FILE N: the text of page N without blanks.
page() { pdftotext -raw -f "$2" -l "$2" "$1" - 2>/dev/null | tr -d ' \t\n\f'; }

# 3b. A blank cell stays blank: no project of the example has 其他资金, so
# the summary's column is empty, not 0.00.
page "$tmp/seed.pdf" 5 | grep -q '324001承德市司法局本级14306.50306.5085324004承德市戒毒管理所131064.861064.8690合计271371.361371.36175' ||
  fail "the summary's 其他资金 should be blank: $(page "$tmp/seed.pdf" 5 | head -c 300)"
! page "$tmp/seed.pdf" 5 | grep -q '0\.00' || fail "an invented 0.00 in the summary"

# 4. Page numbers: "— N —" at the foot of every page but the cover.
[ -z "$(page "$tmp/seed.pdf" 1 | grep -o '—1—')" ] || fail "the cover shows a page number"
n=2
while [ $n -le "$pages" ]; do
  page "$tmp/seed.pdf" $n | grep -q -- "—$n—\$" || fail "page $n does not end with its number"
  n=$((n + 1))
done

# 5. The contents cite the true pages: each table's entry "N. name绩效目标表"
# is followed by a page number, and that page begins with the table's title.
pdftotext -raw -f 2 -l 2 "$tmp/seed.pdf" - | sed -n 's/^\([0-9][0-9]*\. .*绩效目标表\) \([0-9][0-9]*\)$/\2 \1/p' \
  >"$tmp/toc"
[ "$(wc -l <"$tmp/toc")" = 27 ] || fail "the contents should list 27 tables: $(cat "$tmp/toc")"
while read -r at title; do
  first=$(pdftotext -raw -f "$at" -l "$at" "$tmp/seed.pdf" - | head -1)
  [ "$first" = "$title" ] || fail "the contents put \"$title\" on page $at, which begins \"$first\""
done <"$tmp/toc"
for entry in '一、总体绩效目标 3' '二、分项绩效目标 3' '三、工作保障措施 4' '预算项目汇总表 5'; do
  pdftotext -raw -f 2 -l 2 "$tmp/seed.pdf" - | grep -qx -- "$entry" || fail "contents: no line \"$entry\""
done
page "$tmp/seed.pdf" 3 | grep -q '^第一部分部门整体绩效目标一、总体绩效目标' || fail "page 3 is not part one"
# Each entry of the contents links to a named destination the PDF has.
links=$(strings "$tmp/seed.pdf" | grep -a -A4 '/Subtype /Link' | grep -a -c '/Dest (')
[ "$links" = 33 ] || fail "the contents should have 33 links with a destination, not $links"
for dest in part-one overall sub-targets safeguards part-two summary p0 p26; do
  strings "$tmp/seed.pdf" | grep -a -q "^ *($dest) \[" || fail "no destination $dest for the contents' link"
done
# Part one flows: 二、分项绩效目标 follows the overall target on the same page.
page "$tmp/seed.pdf" 3 | grep -q '二、分项绩效目标' || fail "part one: 二、 does not follow on page 3"
page "$tmp/seed.pdf" 4 | grep -q '三、工作保障措施1、完善制度建设' && ! page "$tmp/seed.pdf" 3 | grep -q '三、工作保障措施' ||
  fail "part one: 三、工作保障措施 is not on page 4, as the contents say"

# 6. A summary and a table longer than a page: 45 projects, one with 70
# indicators. The table goes on over pages headed （续）, each with the
# indicator header and the merged 产出指标 again; no text below the bottom
# margin (20 mm: y > 785 pt) but the page numbers.
{
  printf '部门 "分页测试局"\n年度 2025\n金额单位 万元\n单位 100001 "分页测试单位"\n类别 "其他运转类"\n'
  i=1
  while [ $i -le 45 ]; do
    printf '项目 "项目%s" {\n  预算 1.00 (财政资金 1.00)\n  目标 "目标%s。"\n  产出指标 {\n' $i $i
    n=1
    rows=1
    [ $i = 1 ] && rows=70
    while [ $n -le $rows ]; do
      printf '    数量指标 "指标%s" ≥ %s 次 描述 "第 %s 个指标的描述文字" 依据 "年度工作计划"\n' $n $n $n
      n=$((n + 1))
    done
    printf '  }\n  效益指标 {\n    社会效益指标 "效益" 较上年提升\n  }\n'
    printf '  满意度指标 {\n    服务对象满意度指标 "满意度" ≥ 90%%\n  }\n}\n'
    i=$((i + 1))
  done
} >"$tmp/long.jx"
"$JXC" build --format=pdf "$tmp/long.jx" -o "$tmp/long.pdf" 2>"$tmp/long.err" ||
  fail "the long document: $(head -3 "$tmp/long.err")"
long_pages=$(pdfinfo "$tmp/long.pdf" | sed -n 's/^Pages: *//p')
cont=0
n=1
while [ $n -le "$long_pages" ]; do
  text=$(page "$tmp/long.pdf" $n)
  case "$text" in
    1.项目1绩效目标表（续）*)
      cont=$((cont + 1))
      echo "$text" | grep -q '^1.项目1绩效目标表（续）100001分页测试单位单位：万元一级指标二级指标三级指标绩效指标描述指标值指标值确定依据' ||
        fail "page $n: the continued table does not repeat its header: $(echo "$text" | head -c 200)"
      # The first continuation goes on in the rows of 产出指标 › 数量指标.
      [ $cont != 1 ] || echo "$text" | grep -q '指标值确定依据产出指标数量指标指标' ||
        fail "page $n: the merged 产出指标 and 数量指标 are not repeated: $(echo "$text" | head -c 200)"
      ;;
  esac
  n=$((n + 1))
done
[ "$cont" -ge 1 ] || fail "the 70-row table is not continued"
for k in 1 35 70; do
  pdftotext -raw "$tmp/long.pdf" - | tr -d ' \n' | grep -qF "指标$k第${k}个指标的描述文字≥${k}次年度工作计划" ||
    fail "long: indicator $k is not in the PDF in one piece"
done
pdftotext -bbox "$tmp/long.pdf" "$tmp/long.html" 2>/dev/null
low=$(sed -n 's/.*yMax="\([0-9.]*\)">\([^<]*\)<.*/\1 \2/p' "$tmp/long.html" |
  awk '$1 > 785.3 && $2 != "—" && $2 !~ /^[0-9]+$/ { print; exit }')
[ -z "$low" ] || fail "long: text below the bottom margin: $low"
pdftotext -raw "$tmp/long.pdf" - | tr -d '\f' | grep -q '^预算项目汇总表（续）$' || fail "long: the summary is not continued"

# 6b. A row taller than a page (a 项目概况 of 150 sentences) is divided
# between its lines over the pages, its label beside each part; every
# sentence is in the PDF and no text is below the bottom margin.
{
  printf '部门 "长文测试局"\n年度 2025\n金额单位 万元\n单位 100001 "长文测试单位"\n'
  printf '项目 "长概况项目" {\n  概况 "'
  i=1
  while [ $i -le 150 ]; do printf '第%s句：教学楼建于1998年，屋面渗漏，墙体开裂。' $i; i=$((i + 1)); done
  printf '"\n  预算 10.00 (财政资金 10.00)\n  目标 "完成维修。"\n'
  printf '  产出指标 { 数量指标 "维修面积" ≥ 100 平方米 }\n  效益指标 { 社会效益指标 "安全" 较上年提升 }\n'
  printf '  满意度指标 { 服务对象满意度指标 "满意度" ≥ 90%% }\n}\n'
} >"$tmp/tall.jx"
"$JXC" build --format=pdf "$tmp/tall.jx" -o "$tmp/tall.pdf" 2>"$tmp/tall.err" ||
  fail "the document with a tall row: $(head -3 "$tmp/tall.err")"
# (The text read across a page break, its page number and the continued
# title and label taken out, goes on where it stopped.)
[ "$(pdftotext -raw "$tmp/tall.pdf" - | tr -d ' \n\f' |
  sed 's/—[0-9]*—1\.长概况项目绩效目标表（续）100001长文测试单位单位：万元项目概况//g' |
  grep -o '第[0-9]*句：教学楼建于1998年，屋面渗漏，墙体开裂。' | wc -l)" = 150 ] ||
  fail "tall row: not every sentence is in the PDF"
[ "$(pdftotext -raw "$tmp/tall.pdf" - | grep -c '^项目概况')" -ge 2 ] || fail "tall row: the label is not beside each part"
pdftotext -bbox "$tmp/tall.pdf" "$tmp/tall.html" 2>/dev/null
low=$(sed -n 's/.*yMax="\([0-9.]*\)">\([^<]*\)<.*/\1 \2/p' "$tmp/tall.html" |
  awk '$1 > 785.3 && $2 != "—" && $2 !~ /^[0-9]+$/ { print; exit }')
[ -z "$low" ] || fail "tall row: text below the bottom margin: $low"

# 7. --font: another installed face; a missing one is a clear error.
if fc-list 2>/dev/null | grep -q 'Noto Sans CJK SC'; then
  "$JXC" build --format=pdf --font="Noto Sans CJK SC" --project 13080025P00010310003N "$example" \
    -o "$tmp/sans.pdf" 2>/dev/null || fail "--font=\"Noto Sans CJK SC\" failed"
  pdffonts "$tmp/sans.pdf" | grep -q 'NotoSansCJK' || fail "--font: not set in Noto Sans CJK"
fi
"$JXC" build --format=pdf --font="No Such Font" "$example" -o "$tmp/none.pdf" 2>"$tmp/err"
status=$?
[ $status -eq 2 ] || fail "--font with a missing font: exit $status, want 2"
grep -qF 'the font "No Such Font" is not installed' "$tmp/err" ||
  fail "--font with a missing font: $(cat "$tmp/err" | tail -1)"
[ ! -e "$tmp/none.pdf" ] || fail "--font with a missing font: a file was written"

# 8. Needs -o; nothing is left behind; the file has a new file's mode.
"$JXC" build --format=pdf "$example" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && grep -qF 'give it with -o FILE.pdf' "$tmp/err" || fail "pdf without -o: $(tail -1 "$tmp/err")"
[ -z "$(ls "$tmp" | grep -F '.pdf.')" ] || fail "a temporary file was left: $(ls "$tmp")"
(umask 022 && "$JXC" build --format=pdf --unit 324004 "$example" -o "$tmp/mode.pdf" 2>/dev/null)
[ "$(stat -c %a "$tmp/mode.pdf")" = 644 ] || fail "the PDF's mode is $(stat -c %a "$tmp/mode.pdf"), not 644"

[ $fails -eq 0 ]
