#!/bin/sh
# make install, from this build tree into a temporary folder (DESTDIR), and
# what it gives:
#   - the installed jxc checks and builds the bundled example with nothing
#     from the source tree (JIXIAO_STDLIB and JIXIAO_SCHEMA unset): its
#     findings are those of the jxc in the build tree, and spoiling the
#     installed standard library or schema spoils its run, so those are the
#     files it reads;
#   - the public headers, each of which compiles on its own (-pedantic) and
#     includes only installed headers; no internal header is installed;
#   - jixiao.pc, with the configured prefix; the program of doc/library.md,
#     compiled and linked with pkg-config --cflags --libs jixiao, checks
#     the example with the standard library pkg-config names;
#   - the translations, which the installed jxc reads (its Chinese is the
#     built jxc's);
#   - the man pages, the completions, the reference docs;
#   - make uninstall leaves no file behind.
set -u
. "$TESTS_SRCDIR/lib.sh"
finish() {
  [ "$fails" -eq 0 ] || exit 1
  exit 0
}
# prefix, bindir, libdir, includedir, pkgincludedir, pkgconfigdir, mandir,
# docdir, stdlibdir, schemadir, localedir, bashcompletiondir,
# zshcompletiondir as configured.
eval "$JX_INSTALL_DIRS"
example="$EXAMPLES/chengde-justice-2025"
dest="$tmp/dest"

# make install, without the jobserver of the make running the tests.
(unset MAKEFLAGS MFLAGS; cd "$BUILDDIR" && $MAKE install DESTDIR="$dest") \
  >"$tmp/install.log" 2>&1 ||
  { fail "make install DESTDIR=$dest: $(tail -20 "$tmp/install.log")"; finish; }
# /proc/self/exe names the installed jxc with links resolved.
real=$(cd "$dest" && pwd -P)

# --- jxc, with the installed standard library and schema -------------------
jxc="$dest$bindir/jxc"
[ -x "$jxc" ] || { fail "no $jxc"; finish; }
for f in "$stdlibdir/units.jx" "$stdlibdir/frameworks.jx" "$stdlibdir/sources.jx" \
  "$schemadir/jixiao-1.xsd"; do
  [ -f "$dest$f" ] || fail "not installed: $f"
done
installed() { (unset JIXIAO_STDLIB JIXIAO_SCHEMA JIXIAO_LOCALEDIR; cd "$tmp" && "$jxc" "$@"); }

"$JXC" check "$example" >"$tmp/check.built" 2>&1
installed check "$example" >"$tmp/check.installed" 2>&1
st=$?
[ "$st" -eq 0 ] || fail "installed jxc check of the example: exit $st: $(tail -5 "$tmp/check.installed")"
cmp -s "$tmp/check.built" "$tmp/check.installed" ||
  fail "installed jxc check of the example differs from the built one's: $(diff "$tmp/check.built" "$tmp/check.installed" | head -10)"
"$JXC" build "$example" -o "$tmp/built.xml" 2>/dev/null
installed build "$example" -o "$tmp/installed.xml" 2>"$tmp/err" ||
  fail "installed jxc build of the example: $(cat "$tmp/err")"
cmp -s "$tmp/built.xml" "$tmp/installed.xml" ||
  fail "installed jxc build of the example differs from the built one's"

# Spoilt, the installed files spoil its runs: they are the ones it reads.
cp "$dest$stdlibdir/units.jx" "$tmp/units.jx"
echo '@@@' >>"$dest$stdlibdir/units.jx"
installed check "$example" >/dev/null 2>"$tmp/err" &&
  fail "installed jxc check passes with a broken installed units.jx: it reads another"
grep -qF "$real$stdlibdir/units.jx:" "$tmp/err" ||
  fail "installed jxc check does not report the broken $real$stdlibdir/units.jx: $(head -3 "$tmp/err")"
cp "$tmp/units.jx" "$dest$stdlibdir/units.jx"
cp "$dest$schemadir/jixiao-1.xsd" "$tmp/jixiao-1.xsd"
echo '<nonsense/>' >"$dest$schemadir/jixiao-1.xsd"
installed build "$example" -o "$tmp/spoilt.xml" >/dev/null 2>"$tmp/err" &&
  fail "installed jxc build passes with a broken installed schema: it reads another"
grep -qF "$real$schemadir/jixiao-1.xsd" "$tmp/err" ||
  fail "installed jxc build does not name the broken $real$schemadir/jixiao-1.xsd: $(head -3 "$tmp/err")"
cp "$tmp/jixiao-1.xsd" "$dest$schemadir/jixiao-1.xsd"

# The translations: the installed jxc speaks the built one's Chinese (in a
# message of its own: the system's part of others, such as strerror's, has
# its own catalogue).
if [ "${JX_USE_NLS:-yes}" = yes ]; then
  mo="$localedir/zh_CN/LC_MESSAGES/jixiao.mo"
  [ -f "$dest$mo" ] || fail "not installed: $mo"
  in_chinese() { (unset LANGUAGE LC_ALL LC_MESSAGES; LANG=zh_CN.UTF-8; export LANG; "$@"); }
  in_chinese "$JXC" check >/dev/null 2>"$tmp/zh.built"
  in_chinese installed check >/dev/null 2>"$tmp/zh.installed"
  installed check >/dev/null 2>"$tmp/en.installed"
  cmp -s "$tmp/zh.built" "$tmp/zh.installed" ||
    fail "installed jxc in Chinese: $(cat "$tmp/zh.installed"); the built one: $(cat "$tmp/zh.built")"
  ! cmp -s "$tmp/zh.installed" "$tmp/en.installed" ||
    fail "installed jxc: the same message in Chinese as in English: $(cat "$tmp/en.installed")"
  # With the installed catalogue emptied it speaks English: that is the one
  # it reads (not the build tree's).
  cp "$dest$mo" "$tmp/jixiao.mo"
  : >"$dest$mo"
  in_chinese installed check >/dev/null 2>"$tmp/zh.none"
  cmp -s "$tmp/zh.none" "$tmp/en.installed" ||
    fail "installed jxc speaks Chinese with its installed catalogue emptied: it reads another"
  cp "$tmp/jixiao.mo" "$dest$mo"
else
  echo "note: built without NLS: no translations to install"
fi

# --- the library: headers, jixiao.pc, a program ----------------------------
[ -f "$dest$libdir/libjixiao.a" ] || fail "not installed: $libdir/libjixiao.a"
pc="$dest$pkgconfigdir/jixiao.pc"
[ -f "$pc" ] || { fail "not installed: $pkgconfigdir/jixiao.pc"; finish; }
for h in checker.h parse_state.h cli.h hash.h strmap.h utf8.h output.h diff_render.h \
  pdf_table.h; do
  [ ! -e "$dest$pkgincludedir/$h" ] || fail "an internal header is installed: $h"
done
n=0
for h in "$dest$pkgincludedir"/*.h; do
  n=$((n + 1))
  for inc in $(sed -n 's/^#include "\(.*\)"$/\1/p' "$h"); do
    [ -f "$dest$pkgincludedir/$inc" ] ||
      fail "${h##*/} includes $inc, which is not installed"
  done
done
[ "$n" -ge 10 ] || fail "only $n headers in $pkgincludedir"

PKG_CONFIG_PATH="$dest$pkgconfigdir"
export PKG_CONFIG_PATH
[ "$($PKG_CONFIG --variable=prefix jixiao)" = "$prefix" ] ||
  fail "jixiao.pc: prefix is $($PKG_CONFIG --variable=prefix jixiao), configured $prefix"
version=$("$JXC" --version | sed -n '1s/.* //p')
[ "$($PKG_CONFIG --modversion jixiao)" = "$version" ] ||
  fail "jixiao.pc: version $($PKG_CONFIG --modversion jixiao), jxc says $version"

# jixiao.pc as it would read had it been installed without DESTDIR: each
# absolute folder moved under $dest.
mkdir "$tmp/pc"
sed "s|^\([A-Za-z_]*\)=/|\1=$dest/|" "$pc" >"$tmp/pc/jixiao.pc"
PKG_CONFIG_PATH="$tmp/pc"
flags=$($PKG_CONFIG --cflags --libs jixiao) || fail "pkg-config --cflags --libs jixiao"
cflags=$($PKG_CONFIG --cflags jixiao)
for h in "$dest$pkgincludedir"/*.h; do
  printf '#include <jixiao/%s>\n' "${h##*/}" >"$tmp/one.c"
  # shellcheck disable=SC2086
  $INSTALL_CC -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only $cflags "$tmp/one.c" \
    >"$tmp/err" 2>&1 || fail "<jixiao/${h##*/}> does not compile on its own: $(head -5 "$tmp/err")"
done
awk '/^```c$/ { on = 1; next } /^```$/ && on { exit } on' \
  "$TESTS_SRCDIR/../doc/library.md" >"$tmp/check-doc.c"
grep -q jx_check "$tmp/check-doc.c" || fail "no C program in doc/library.md"
# shellcheck disable=SC2086
if $INSTALL_CC $INSTALL_CFLAGS -std=c11 -Wall -Wextra -Werror -o "$tmp/check-doc" \
  "$tmp/check-doc.c" $INSTALL_LDFLAGS $flags >"$tmp/err" 2>&1; then
  JIXIAO_STDLIB=$($PKG_CONFIG --variable=stdlibdir jixiao) "$tmp/check-doc" "$example" \
    >"$tmp/out" 2>"$tmp/err"
  st=$?
  [ "$st" -eq 0 ] || fail "doc/library.md's program on the example: exit $st: $(head -5 "$tmp/err")"
  grep -q "^0 errors, [1-9][0-9]* warnings$" "$tmp/out" ||
    fail "doc/library.md's program says: $(cat "$tmp/out")"
  grep -q 'warning\[J1' "$tmp/err" || fail "doc/library.md's program prints no finding"
else
  fail "doc/library.md's program does not compile with pkg-config --cflags --libs jixiao: $(head -10 "$tmp/err")"
fi

# --- man pages, completions, docs -----------------------------------------
for f in "$mandir/man1/jxc.1" "$mandir/man7/jixiao.7" "$docdir/language.md" \
  "$docdir/library.md" "$docdir/README.md"; do
  [ -f "$dest$f" ] || fail "not installed: $f"
done
if [ -n "$bashcompletiondir" ]; then
  [ -f "$dest$bashcompletiondir/jxc" ] || fail "not installed: $bashcompletiondir/jxc"
else
  echo "note: configured --without-bash-completion-dir"
fi
if [ -n "$zshcompletiondir" ]; then
  [ -f "$dest$zshcompletiondir/_jxc" ] || fail "not installed: $zshcompletiondir/_jxc"
else
  echo "note: configured --without-zsh-completion-dir"
fi

# --- make uninstall --------------------------------------------------------
(unset MAKEFLAGS MFLAGS; cd "$BUILDDIR" && $MAKE uninstall DESTDIR="$dest") \
  >"$tmp/uninstall.log" 2>&1 || fail "make uninstall: $(tail -20 "$tmp/uninstall.log")"
left=$(cd "$dest" && find . ! -type d)
[ -z "$left" ] || fail "make uninstall leaves: $left"

finish
