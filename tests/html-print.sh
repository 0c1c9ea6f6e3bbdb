#!/bin/sh
# Browser test of --format=html: headless Chromium prints the example to
# PDF; the PDF has exactly the pages the layout promises (its
# <meta name="jixiao-pages">), pdftotext finds every project name and every
# indicator value, and a script run in the page confirms that no table is
# wider than the printable area and no page overflows. Needs the Debian
# packages chromium, poppler-utils and fonts-noto-cjk (tools/install-deps.sh
# installs them); without them the test is reported as SKIP, by name.
set -u
for tool in chromium pdfinfo pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (run tools/install-deps.sh)"
    exit 77
  fi
done
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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

# 1. Print to PDF; the page count is the promised one.
chrome --no-pdf-header-footer --print-to-pdf="$tmp/seed.pdf" "file://$tmp/seed.html" ||
  fail "chromium could not print: $(tail -3 "$tmp/chrome.log")"
promised=$(sed -n 's/.*<meta name="jixiao-pages" content="\([0-9]*\)">.*/\1/p' "$tmp/seed.html")
pages=$(pdfinfo "$tmp/seed.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ -n "$promised" ] && [ "$promised" = "$pages" ] ||
  fail "the PDF has ${pages:-no} pages, the layout promises ${promised:-none}"
[ "$promised" = 33 ] || fail "the example should promise 33 pages (6 + 27 projects), not $promised"

# 2. Every project name and every indicator value is in the printed text.
pdftotext -raw "$tmp/seed.pdf" - | tr -d ' \n\t' >"$tmp/text"
sed -n 's/.*<\(PRO_NAME\|KPI_DISPLAY\)>\(.*\)<\/\1>.*/\2/p' "$tmp/seed.xml" |
  sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g' | sort -u >"$tmp/wanted"
[ "$(wc -l <"$tmp/wanted")" -gt 100 ] || fail "too few names and values to look for"
while IFS= read -r want; do
  needle=$(printf '%s' "$want" | tr -d ' \t')
  grep -qF -- "$needle" "$tmp/text" || fail "not in the PDF: $want"
done <"$tmp/wanted"

# 3. In the page: tables within 180 mm, no section taller than its page.
cat "$tmp/seed.html" >"$tmp/checked.html"
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
  var out = document.createElement('pre');
  out.id = 'jx-check';
  out.textContent = (bad.length ? 'FAIL ' + bad.join('; ') : 'OK') + ' tables=' + tables.length;
  document.body.appendChild(out);
})();
</script>
JS
chrome --virtual-time-budget=5000 --dump-dom "file://$tmp/checked.html" >"$tmp/dom.html" ||
  fail "chromium could not load the page"
result=$(sed -n 's/.*<pre id="jx-check">\([^<]*\)<\/pre>.*/\1/p' "$tmp/dom.html")
case "$result" in
  "OK tables=28") ;;
  *) fail "page check: ${result:-no result}" ;;
esac
[ $fails -eq 0 ]
