#!/bin/sh
# The translations are complete and current. For each catalogue of
# po/LINGUAS: msgfmt --check passes (format directives that match the
# English, a sound header), and after merging it with the messages the
# sources have now (xgettext with po/Makevars' options over every source
# file, not only those POTFILES.in lists) no message is untranslated or
# fuzzy and none is obsolete. Also po/jixiao.pot holds exactly the
# messages of the sources, and POTFILES.in names every file that has one.
# A new English message without its translation fails here: add it with
#   make -C po update-po   (then translate it in po/LL.po)
set -u
for tool in xgettext msgmerge msgfmt msgcomm msgattrib; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "SKIP: $tool not found (Debian: apt-get install gettext)"
    exit 77
  fi
done
top=${TESTS_SRCDIR:?}/..
po=$top/po
. "$TESTS_SRCDIR/lib.sh"
# gettext's own messages are parsed below: keep them in English.
LC_ALL=C
export LC_ALL
unset LANGUAGE

# The messages of the sources now, extracted as po/Makefile does.
opts=$(printf 'print-options:\n\t@echo $(XGETTEXT_OPTIONS)\n' |
       MAKEFLAGS= MFLAGS= MAKELEVEL= make -s -f "$po/Makevars" -f - print-options) || {
  echo "FAIL: cannot read XGETTEXT_OPTIONS from po/Makevars" >&2
  exit 1
}
(cd "$top" && ls compiler/*.c compiler/*.h grammar/*.y grammar/*.l) >"$tmp/files"
# shellcheck disable=SC2086
(cd "$top" && xgettext $opts --package-name=jixiao --msgid-bugs-address= \
   -f "$tmp/files" -o "$tmp/now.pot") 2>"$tmp/xgettext.err" || {
  cat "$tmp/xgettext.err" >&2
  echo "FAIL: xgettext failed" >&2
  exit 1
}

# POTFILES.in lists every file with messages.
sed -n 's/^#: //p' "$tmp/now.pot" | tr ' ' '\n' | sed 's/:[0-9]*$//' | sort -u \
  >"$tmp/with-messages"
grep -v '^#' "$po/POTFILES.in" | sed '/^ *$/d' | sort -u >"$tmp/listed"
missing=$(comm -23 "$tmp/with-messages" "$tmp/listed")
[ -z "$missing" ] || fail "po/POTFILES.in does not list: $missing"

# po/jixiao.pot is current: no message only in it or only in the sources.
msgcomm -u --no-location --no-wrap "$tmp/now.pot" "$po/jixiao.pot" -o "$tmp/pot-diff.pot"
if [ -s "$tmp/pot-diff.pot" ] && grep -q '^msgid "[^"]' "$tmp/pot-diff.pot"; then
  fail "po/jixiao.pot is stale (run make -C po update-po); messages in one only:"
  grep '^msgid "[^"]' "$tmp/pot-diff.pot" | head -20 >&2
fi

for lang in $(sed 's/#.*//' "$po/LINGUAS"); do
  file=$po/$lang.po
  msgfmt --check --statistics -o /dev/null "$file" 2>"$tmp/stats" ||
    fail "$lang.po: msgfmt --check: $(cat "$tmp/stats")"
  # Merged with the current messages: what a build of these sources uses.
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$file" "$tmp/now.pot" ||
    fail "$lang.po: msgmerge failed"
  msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>"$tmp/stats" ||
    fail "$lang.po with the current messages: msgfmt --check: $(cat "$tmp/stats")"
  cat "$tmp/stats"
  if grep -q 'fuzzy\|untranslated' "$tmp/stats"; then
    fail "$lang.po: messages not translated or fuzzy: $(cat "$tmp/stats")"
    msgattrib --untranslated --only-fuzzy --no-wrap "$tmp/$lang.po" 2>/dev/null |
      grep '^msgid "[^"]' | head -20 >&2
    msgattrib --untranslated --no-wrap "$tmp/$lang.po" | grep '^msgid "[^"]' | head -20 >&2
  fi
  if grep -q '^#, fuzzy' "$file"; then
    fail "$lang.po has fuzzy entries"
  fi
  obsolete=$(msgattrib --only-obsolete --no-wrap "$tmp/$lang.po" | grep -c '^#~ msgid')
  [ "$obsolete" -eq 0 ] ||
    fail "$lang.po has $obsolete messages the sources no longer have (make -C po update-po)"
done

[ "$fails" -eq 0 ]
