#!/bin/sh
# Browser test of --format=html: headless Chromium prints the example to
# PDF; the PDF has exactly the pages the layout promises (its
# <meta name="jixiao-pages">), pdftotext finds every project name and every
# indicator value, and a script run in the page confirms that no table is
# wider than the printable area, no page overflows and the plan's months
# are equally wide. Printed with the browser's headers and footers on, every
# page but the title carries its number and nothing else of the browser's;
# the contents cite the pages the tables are on; part one flows; and no line
# breaks inside a number with its unit or a term (tests/render/lines.jx). The same for
# tests/render/forms.jx, whose fields of the grown language must all be in
# the PDF, and for a generated document whose summary and one form are too
# long for a page, so both go on over pages headed （续）. Needs the Debian
# packages chromium, poppler-utils and fonts-noto-cjk (tools/install-deps.sh
# installs them); without them the test is reported as SKIP, by name.
# Last, the HTML report of jxc diff (the Chengde demo, 2024 → 2025): every
# project it lists and every retargeted value is in the printed text, and
# no table is wider than the printable area.
set -u
for tool in chromium pdfinfo pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (run tools/install-deps.sh)"
    exit 77
  fi
done
. "$TESTS_SRCDIR/lib.sh"
export LC_ALL=C.UTF-8

chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$tmp/profile" "$@" 2>"$tmp/chrome.log"
}

"$JXC" build --format=html "$EXAMPLES/chengde-justice-2025" -o "$tmp/seed.html" 2>/dev/null ||
  fail "jxc build --format=html failed"
"$JXC" build --format=xml "$EXAMPLES/chengde-justice-2025" -o "$tmp/seed.xml" 2>/dev/null ||
  fail "jxc build --format=xml failed"

# 1. Print to PDF, with the browser's headers and footers on (as its print
# dialog has them by default); the page count is the promised one.
chrome --print-to-pdf="$tmp/seed.pdf" "file://$tmp/seed.html" ||
  fail "chromium could not print: $(tail -3 "$tmp/chrome.log")"
promised=$(sed -n 's/.*<meta name="jixiao-pages" content="\([0-9]*\)">.*/\1/p' "$tmp/seed.html")
pages=$(pdfinfo "$tmp/seed.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ -n "$promised" ] && [ "$promised" = "$pages" ] ||
  fail "the PDF has ${pages:-no} pages, the layout promises ${promised:-none}"
[ "$promised" = 32 ] ||
  fail "the example should promise 32 pages (title, contents, part one on 2, summary, 27 tables), not $promised"

# 1b. Page numbers from the page's own margin boxes: "— N —" at the foot of
# every page but the title, and none of the browser's header or footer (its
# date, title, file path, "N/32").
page() { pdftotext -raw -f "$2" -l "$2" "$1" - 2>/dev/null | tr -d ' \t\n\f'; }
browser='file://|[0-9]+/32|[0-9]+/[0-9]+/[0-9]+, [0-9]+:[0-9]+'
! pdftotext -raw "$tmp/seed.pdf" - | grep -qE "$browser" ||
  fail "the browser's header or footer is printed: $(pdftotext -raw "$tmp/seed.pdf" - | grep -E "$browser" | head -2)"
! page "$tmp/seed.pdf" 1 | grep -q '—1—' || fail "the title page shows a page number"
n=2
while [ $n -le "${pages:-0}" ]; do
  [ "$(page "$tmp/seed.pdf" $n | grep -o -- "—[0-9]*—")" = "—$n—" ] ||
    fail "page $n does not show its number once"
  n=$((n + 1))
done
# 1c. The contents cite the true pages; part one flows (二、 follows 一、 on
# page 3) and is not three half-empty pages.
# (Chromium's text comes without the spaces; the page number is read first.)
pdftotext -raw -f 2 -l 2 "$tmp/seed.pdf" - | tr -d ' ' |
  sed -n 's/^\([0-9][0-9]*\..*绩效目标表\)\([0-9][0-9]*\)$/\2 \1/p' >"$tmp/toc"
[ "$(wc -l <"$tmp/toc")" = 27 ] || fail "the contents should list 27 tables: $(head -3 "$tmp/toc")"
while read -r at title; do
  first=$(pdftotext -raw -f "$at" -l "$at" "$tmp/seed.pdf" - | tr -d ' ' | grep -v '^—[0-9]*—$' | head -1)
  [ "$first" = "$title" ] || fail "the contents put \"$title\" on page $at, which begins \"$first\""
done <"$tmp/toc"
page "$tmp/seed.pdf" 3 | grep -q '一、总体绩效目标.*二、分项绩效目标' || fail "part one does not flow on page 3"
pdftotext -raw -f 2 -l 2 "$tmp/seed.pdf" - | tr -d ' ' | grep -q '^三、工作保障措施4$' ||
  fail "contents: 三、工作保障措施 should be on page 4"

# 2. Every project name and every indicator value is in the printed text.
pdftotext -raw "$tmp/seed.pdf" - | tr -d ' \n\t' >"$tmp/text"
# The seed writes ratios as % and as 百分比: the tables print them all in %.
sed -n 's/.*<\(PRO_NAME\|KPI_DISPLAY\)>\(.*\)<\/\1>.*/\2/p' "$tmp/seed.xml" |
  sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/百分比/%/' | sort -u >"$tmp/wanted"
[ "$(wc -l <"$tmp/wanted")" -gt 100 ] || fail "too few names and values to look for"
while IFS= read -r want; do
  needle=$(printf '%s' "$want" | tr -d ' \t')
  grep -qF -- "$needle" "$tmp/text" || fail "not in the PDF: $want"
done <"$tmp/wanted"

# page_check HTML: runs a script in the page that reports tables wider
# than 180 mm and sections taller than their page; prints "OK tables=N" or
# "FAIL …".
page_check() {
  cat "$1" >"$tmp/checked.html"
  cat >>"$tmp/checked.html" <<'JS'
<script>
(function () {
  var mm = 96 / 25.4, limit = 180 * mm + 0.5, bad = [];
  var tables = document.querySelectorAll('table');
  tables.forEach(function (t, i) {
    var w = t.getBoundingClientRect().width;
    if (w > limit || t.scrollWidth > t.clientWidth + 1) bad.push('table ' + i + ' is ' + w.toFixed(1) + 'px wide');
  });
  document.querySelectorAll('section.page').forEach(function (s, i) {
    if (s.scrollHeight > s.clientHeight + 1) bad.push('page ' + (i + 1) + ' overflows');
  });
  document.querySelectorAll('table.plan').forEach(function (t, i) {
    var w = Array.prototype.map.call(t.rows[0].cells, function (c) { return c.getBoundingClientRect().width; });
    if (Math.max.apply(null, w) - Math.min.apply(null, w) > 1) bad.push('plan ' + i + ' months of unequal widths ' + w.join('/'));
  });
  var out = document.createElement('pre');
  out.id = 'jx-check';
  out.textContent = (bad.length ? 'FAIL ' + bad.join('; ') : 'OK') + ' tables=' + tables.length;
  document.body.appendChild(out);
})();
</script>
JS
  chrome --virtual-time-budget=5000 --dump-dom "file://$tmp/checked.html" >"$tmp/dom.html" ||
    fail "chromium could not load the page"
  sed -n 's/.*<pre id="jx-check">\([^<]*\)<\/pre>.*/\1/p' "$tmp/dom.html"
}

# pages NAME: prints $tmp/NAME.html to $tmp/NAME.pdf and fails unless the
# PDF has the pages the layout promises; the PDF's text, without blanks,
# goes to $tmp/NAME.text.
pages() {
  chrome --no-pdf-header-footer --print-to-pdf="$tmp/$1.pdf" "file://$tmp/$1.html" ||
    fail "$1: chromium could not print: $(tail -3 "$tmp/chrome.log")"
  promised=$(sed -n 's/.*<meta name="jixiao-pages" content="\([0-9]*\)">.*/\1/p' "$tmp/$1.html")
  printed=$(pdfinfo "$tmp/$1.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  [ -n "$promised" ] && [ "$promised" = "$printed" ] ||
    fail "$1: the PDF has ${printed:-no} pages, the layout promises ${promised:-none}"
  pdftotext -raw "$tmp/$1.pdf" - | tr -d ' \n\t' >"$tmp/$1.text"
}

# 3. In the page: tables within 180 mm, no section taller than its page.
result=$(page_check "$tmp/seed.html")
case "$result" in
  "OK tables=55") ;; # 28 tables and the 27 plans' own
  *) fail "page check: ${result:-no result}" ;;
esac

# 4. The fields of the grown language (tests/render/forms.jx) are printed:
# each of these (label or value, blanks removed) is in the PDF's text.
"$JXC" build --format=html "$TESTS_SRCDIR/render/forms.jx" -o "$tmp/forms.html" 2>/dev/null ||
  fail "jxc build --format=html forms.jx failed"
pages forms
[ "$promised" = 9 ] ||
  fail "forms.jx should promise 9 pages (title, contents, summary, 5 forms, one on two pages), not $promised"
for want in 主管部门及代码 101某县教育局 实施单位 某县第一中学 监督管理单位 某县财政局 \
  一级项目 教育运转 项目类别 其他运转类 公用经费 项目类型 延续 项目期 2024至2026 资金性质 \
  负责人 张三 联系电话 0314-2022222 项目概况 教学楼建于1998年，屋面渗漏。 立项依据 \
  《某县教育条例》 项目资金 资金来源 资金总额 3200000.00 中期预算 2600000.00 年度预算 \
  财政拨款 一般公共预算 3000000.00 政府性基金 200000.00 校友捐赠 神秘资金 20000.00 \
  实施进度 前期准备 2024年1月至3月 完成招标 更换屋面防水层 2024年12月底前 中期目标 \
  三年内完成全部校舍维修。 年度指标值 长期指标值 ≥9000平方米 绩效标准 计划标准 \
  指标1:维修面积 ≥95%以上 12月底前100%到位 2024年4月至10月 ≤**万元 绩效标准类型 \
  历史标准 项目实施内容 屋面防水、外墙修补 其他说明 指标名称 培训人次 ≥2500人次以上 \
  ≥8000人次 考核合格人数/参训人数≥95% 专项业务类 40000.00 2000000.00 \
  2600000.00 2550000.00 校舍维修绩效目标表（续）; do
  grep -qF -- "$want" "$tmp/forms.text" || fail "forms.jx: not in the PDF: $want"
done
# Without a code, no 项目编码 cell: three projects have none.
[ "$(grep -o '项目编码' "$tmp/forms.text" | wc -l)" = 2 ] ||
  fail "forms.jx: 项目编码 should be printed for the 2 projects that have a code only"
result=$(page_check "$tmp/forms.html")
case "$result" in
  "OK tables=12") ;; # 7 tables and the 5 plans' own
  *) fail "forms.jx page check: ${result:-no result}" ;;
esac

# 5. A summary and a form too long for one page go on over pages, and no
# page overflows: 45 projects under a 类别 line, one with 70 indicators.
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
"$JXC" build --format=html "$tmp/long.jx" -o "$tmp/long.html" 2>"$tmp/long.err" ||
  fail "jxc build --format=html of the long document failed: $(head -5 "$tmp/long.err")"
pages long
grep -qF '预算项目汇总表（续）' "$tmp/long.text" || fail "long: the summary is not continued"
grep -qF '1.项目1绩效目标表（续）' "$tmp/long.text" || fail "long: the 70-row form is not continued"
for n in 1 35 70; do
  grep -qF "指标$n第${n}个指标的描述文字≥${n}次" "$tmp/long.text" || fail "long: indicator $n is not in the PDF"
done
grep -qF '项目45' "$tmp/long.text" || fail "long: the last project is not in the PDF"
result=$(page_check "$tmp/long.html")
case "$result" in
  OK*) ;;
  *) fail "long page check: ${result:-no result}" ;;
esac
# 6. No line breaks inside a number with its unit or a term: lines.jx
# wraps its texts at every place of such runs; no printed line ends inside
# one of them (the runs of its texts, as compiler/breaks.c finds them).
"$JXC" build --format=html "$TESTS_SRCDIR/render/lines.jx" -o "$tmp/lines.html" 2>/dev/null ||
  fail "jxc build --format=html lines.jx failed"
pages lines
for run in '其他资金' '≥15%' '满意度指标' '≤2000元/人/年' '服务对象' '22.5万元' '较上年增加' \
  '≥1,200人次' '指标值确定依据' '≥0.95比例'; do
  pdftotext -raw "$tmp/lines.pdf" - | tr -d ' \f' | awk -v run="$run" '
    { text = text $0 "\n" }
    END {
      for (k = 2; k <= length(run); k++) {
        split_at = substr(run, 1, k - 1) "\n" substr(run, k)
        if (index(text, split_at)) { print "broken: " substr(run, 1, k - 1) " / " substr(run, k); exit 1 }
      }
    }' || fail "lines.jx: a printed line breaks inside $run"
done
grep -qF '≤2000元/人/年' "$tmp/lines.text" || fail "lines.jx: ≤2000元/人/年 is not in the PDF"

# 7. The year-over-year diff as HTML: self-contained (no script, no file
# beside it), printable, with everything it reports in the PDF.
"$JXC" diff --format=html "$EXAMPLES/chengde-justice-2024" "$EXAMPLES/chengde-justice-2025" \
  -o "$tmp/diff.html" 2>"$tmp/diff.err"
[ $? -eq 1 ] || fail "jxc diff --format=html: not exit 1 ($(head -3 "$tmp/diff.err"))"
grep -qi '<script\|<link\|src=' "$tmp/diff.html" && fail "the diff report is not self-contained"
chrome --no-pdf-header-footer --print-to-pdf="$tmp/diff.pdf" "file://$tmp/diff.html" ||
  fail "diff: chromium could not print: $(tail -3 "$tmp/chrome.log")"
pdftotext -raw "$tmp/diff.pdf" - | tr -d ' \n\t' >"$tmp/diff.text"
"$JXC" diff --format=json "$EXAMPLES/chengde-justice-2024" "$EXAMPLES/chengde-justice-2025" \
  >"$tmp/diff.json" 2>/dev/null
# Every project and indicator name the report lists (the keys of projects
# and of indicators in the JSON), and every old and new value (the keys of
# their value objects).
grep -E '^( {10}| {14})"name": "|^ {16}"(old|new)": "' "$tmp/diff.json" |
  sed 's/^ *"[a-z]*": "\(.*\)",\{0,1\}$/\1/' | sort -u >"$tmp/diff.wanted"
[ "$(wc -l <"$tmp/diff.wanted")" -gt 80 ] || fail "diff: too few names and values to look for"
while IFS= read -r want; do
  needle=$(printf '%s' "$want" | tr -d ' \t')
  grep -qF -- "$needle" "$tmp/diff.text" || fail "diff: not in the PDF: $want"
done <"$tmp/diff.wanted"
for want in tightened loosened 预算单位 承德市司法局本级 承德市戒毒管理所 "moved" \
  "≥6000次→≥7000次" "-234.14" "-14.6%" 执法培训经费 法治政府建设示范创建经费; do
  grep -qF -- "$want" "$tmp/diff.text" || fail "diff: not in the PDF: $want"
done
result=$(page_check "$tmp/diff.html")
case "$result" in
  OK*) ;;
  *) fail "diff page check: ${result:-no result}" ;;
esac
[ $fails -eq 0 ]
