#!/bin/sh
# The man pages cannot drift from jxc. jxc(1) must name every command and
# every option (long and short) that jxc --help and jxc COMMAND --help
# mention, and mention no option they do not; each command's section must
# list exactly the options jxc accepts for that command (from the table jxc
# parses its options with, a sample confirmed by running jxc), with a value
# exactly when the option takes one, and exactly the --format values jxc
# accepts for it (asked of jxc); the version in its title must be jxc's. Both
# pages must render without a warning (mandoc -Tlint, groff -ww), jxc(1)
# must name jixiao(7), and jixiao(7)'s grammar must be doc/language.md's.
set -u
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/options.sh"
doc="$TESTS_SRCDIR/../doc"

# The text of a man page as a reader sees it, without the layout: one line
# per input line, "SH NAME", "SS name", "TAG text" for the tag of a .TP or
# .TQ item, "TXT text" otherwise. Alternating-font macros (.BR, .IR, ...)
# join their arguments; \- is -, font changes and \& are dropped.
man_text() {
  awk '
    function clean(s) {
      gsub(/\\f[BIRP]/, "", s); gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
      gsub(/\\c$/, "", s); gsub(/\\\(dq/, "\"", s); gsub(/\\e/, "\\", s)
      return s
    }
    # The arguments of a macro line, double quotes grouping.
    function split_args(s, a,   n, i, c, cur, inq, has) {
      n = 0; cur = ""; inq = 0; has = 0
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\"") { inq = !inq; has = 1; continue }
        if (c == " " && !inq) { if (has) { a[++n] = cur; cur = ""; has = 0 }; continue }
        cur = cur c; has = 1
      }
      if (has) a[++n] = cur
      return n
    }
    /^\.\\"/ { next }
    /^\./ {
      m = $1; sub(/^\./, "", m)
      rest = $0; sub(/^\.[A-Za-z]+ ?/, "", rest)
      if (m == "TP" || m == "TQ") { tag = 1; next }
      n = split_args(rest, a); out = ""
      if (m ~ /^(BR|RB|BI|IB|IR|RI)$/) {
        for (i = 1; i <= n; i++) out = out a[i]
      } else if (m ~ /^(B|I|SM|SB|SH|SS)$/) {
        for (i = 1; i <= n; i++) out = out (i > 1 ? " " : "") a[i]
      } else next
      out = clean(out)
      if (m == "SH" || m == "SS") { print m " " out; next }
    }
    !/^\./ { out = clean($0) }
    { print (tag ? "TAG " : "TXT ") out; tag = 0 }
  ' "$1"
}

man_text "$doc/jxc.1" >"$tmp/jxc.1.txt"
sed 's/^[A-Z]* //' "$tmp/jxc.1.txt" >"$tmp/jxc.1.words"
grep -o -- '--[a-z][a-z-]*' "$tmp/jxc.1.words" | sort -u >"$tmp/man.long"
grep -oE -- '(^|[^-A-Za-z0-9])-[A-Za-z]' "$tmp/jxc.1.words" | sed 's/^.*-/-/' |
  sort -u >"$tmp/man.short"
check_option_table

# Every option --help mentions is in the page, and the page mentions no
# other.
for kind in long short; do
  for o in $(comm -23 "$tmp/help.$kind" "$tmp/man.$kind"); do
    fail "jxc --help mentions $o, jxc.1 does not"
  done
  for o in $(comm -13 "$tmp/help.$kind" "$tmp/man.$kind"); do
    fail "jxc.1 mentions $o, which jxc --help does not"
  done
done

# The page's sections: OPTIONS (every command's), then one subsection of
# COMMANDS per command, named by its first word.
awk -v dir="$tmp" '
  /^SH / { sh = substr($0, 4); ss = ""; next }
  /^SS / { split(substr($0, 4), w, " "); ss = w[1]
           if (sh == "COMMANDS") print ss >(dir "/man.commands"); next }
  /^TAG / && sh == "OPTIONS" { print substr($0, 5) >(dir "/tags.common") }
  /^TAG / && sh == "COMMANDS" { print substr($0, 5) >(dir "/tags." ss) }
' "$tmp/jxc.1.txt"
help_commands | sort >"$tmp/commands.sorted"
sort -o "$tmp/man.commands" "$tmp/man.commands"
for c in $(comm -23 "$tmp/commands.sorted" "$tmp/man.commands"); do
  fail "jxc --help lists the command $c, jxc.1 has no section for it"
done
for c in $(comm -13 "$tmp/commands.sorted" "$tmp/man.commands"); do
  fail "jxc.1 has a section for $c, which jxc --help does not list"
done

# The options of a tag line ("-o, --output=FILE", "--format=json"), each
# as "OPTION value" or "OPTION flag": a long option with = takes a value,
# and so does the short option written beside it.
tag_options() {
  sed 's/, */ /g' "$1" | awk '{
    short = ""
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^-[A-Za-z]$/) { short = $i; continue }
      if ($i !~ /^--[a-z]/) continue
      o = $i; k = "flag"
      if (o ~ /=/) { sub(/=.*/, "", o); k = "value" }
      print o " " k
      if (short != "") print short " " k
      short = ""
    }
    if (short != "") print short " flag"
  }' | sort -u
}

# The options every command takes, for the OPTIONS section.
touch "$tmp/tags.common"
tag_options "$tmp/tags.common" >"$tmp/common"
for c in $(cat "$tmp/help.commands"); do
  accepted "$c" | sort >"$tmp/accepted.sorted.$c"
done
while read -r o k; do
  every=yes
  for c in $(cat "$tmp/help.commands"); do
    grep -qx -- "$o $k" "$tmp/accepted.sorted.$c" || every=no
  done
  [ "$every" = yes ] || [ "$(takes "" "$o")" = flag ] ||
    fail "jxc.1 lists $o ($k) among the options of every command; not every command takes it so"
done <"$tmp/common"

# Each command's section lists exactly what the command takes.
for c in $(cat "$tmp/help.commands"); do
  touch "$tmp/tags.$c"
  tag_options "$tmp/tags.$c" >"$tmp/documented.$c"
  sort -u "$tmp/documented.$c" "$tmp/common" >"$tmp/covered.$c"
  for o in $(comm -23 "$tmp/accepted.sorted.$c" "$tmp/covered.$c" | tr ' ' ':'); do
    fail "jxc $c takes ${o%:*} (${o#*:}); its section in jxc.1 does not list it so"
  done
  for o in $(comm -13 "$tmp/accepted.sorted.$c" "$tmp/documented.$c" | tr ' ' ':'); do
    fail "jxc.1 lists ${o%:*} (${o#*:}) under $c; jxc $c does not take it so"
  done
  # --format values: those the section lists are those jxc takes, among
  # every value any section or --help names.
  grep -o -- '--format=[a-z|]*' "$tmp/tags.$c" | sed 's/--format=//' | tr '|' '\n' |
    sort -u >"$tmp/formats.man.$c"
done
{ cat "$tmp"/formats.man.*; help_text | grep -o -- '--format=[a-z|]*' |
    sed 's/--format=//' | tr '|' '\n'; } | sort -u >"$tmp/formats.all"
for c in $(cat "$tmp/help.commands"); do
  for v in $(cat "$tmp/formats.all"); do
    if grep -qx -- '--format value' "$tmp/accepted.sorted.$c" &&
      takes_value "$c" --format "$v"; then echo "$v"; fi
  done >"$tmp/formats.jxc.$c"
  for v in $(comm -23 "$tmp/formats.jxc.$c" "$tmp/formats.man.$c"); do
    fail "jxc $c takes --format=$v; its section in jxc.1 does not list it"
  done
  for v in $(comm -13 "$tmp/formats.jxc.$c" "$tmp/formats.man.$c"); do
    fail "jxc.1 lists --format=$v under $c; jxc $c does not take it"
  done
done
for v in $(cat "$tmp/formats.all"); do
  cat "$tmp"/formats.jxc.* | grep -qx -- "$v" ||
    fail "--format=$v is named in jxc --help or jxc.1, but no command takes it"
done

# The version in the titles is jxc's.
version=$("$JXC" --version | sed -n '1s/.* //p')
for page in jxc.1 jixiao.7; do
  grep -q "^\.TH [A-Z]* [0-9] [^ ]* \"jixiao $version\"" "$doc/$page" ||
    fail "$page: the .TH line does not say jixiao $version (jxc --version)"
done
grep -q 'jixiao (7)' "$tmp/jxc.1.words" || grep -q 'BR jixiao (7)' "$doc/jxc.1" ||
  fail "jxc.1 does not point to jixiao(7)"

# jixiao(7)'s grammar is doc/language.md's.
awk '/^## 10\. Grammar summary/ { on = 1; next } on && /^```$/ { if (in_block) exit; in_block = 1; next }
     in_block' "$doc/language.md" >"$tmp/grammar.md"
awk '/^\.SH GRAMMAR/ { on = 1; next } on && /^\.EX$/ { in_block = 1; next }
     in_block && /^\.EE$/ { exit } in_block' "$doc/jixiao.7" >"$tmp/grammar.7"
[ -s "$tmp/grammar.md" ] || fail "no grammar summary in doc/language.md"
cmp -s "$tmp/grammar.md" "$tmp/grammar.7" ||
  fail "the grammar of jixiao.7 is not doc/language.md's: $(diff "$tmp/grammar.md" "$tmp/grammar.7" | head -10)"

# Both pages render without a warning, with whichever of mandoc and groff
# is installed (tools/install-deps.sh installs both).
linted=0
for page in jxc.1 jixiao.7; do
  if command -v mandoc >/dev/null 2>&1; then
    linted=1
    mandoc -Tlint "$doc/$page" >"$tmp/lint" 2>&1 || fail "mandoc -Tlint $page: $(cat "$tmp/lint")"
  fi
  if command -v groff >/dev/null 2>&1; then
    linted=1
    groff -k -man -Tutf8 -ww -z "$doc/$page" >"$tmp/lint" 2>&1
    [ ! -s "$tmp/lint" ] || fail "groff -ww $page: $(cat "$tmp/lint")"
  fi
done
[ "$linted" -eq 1 ] || echo "note: neither mandoc nor groff is installed; the pages were not rendered"

[ "$fails" -eq 0 ] || exit 1
