#!/bin/sh
# The shell completions know what jxc knows: every command --help lists;
# for each command, exactly the options it takes (from jxc.c's table, as in
# tests/man.sh), a long option offered with = exactly when it takes a value;
# for every option whose values --help spells out (--format, --color, ...),
# exactly the values jxc accepts for that command; and the right files:
# documents (.jx and folders), XML for import, any file after -o, folders
# after -I, only files after --. The bash completion is sourced and its
# function called with COMP_WORDS set as bash sets them; the zsh one is
# driven in a real interactive zsh through a pseudo-terminal
# (tests/complete.zsh). Without zsh (or its zpty module) the zsh part is
# not run, and the log says so.
set -u
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/options.sh"
completion="$TESTS_SRCDIR/../completion"

# A folder to complete file names in.
work="$tmp/work"
mkdir -p "$work/sub"
: >"$work/a.jx"
: >"$work/b.xml"
: >"$work/c.txt"

# The queries: for bash, the words of the command line ('' for an empty
# word, "--opt = x" for --opt=x as bash splits it), the last the word being
# completed; for zsh, the line typed. The answers, sorted, go to
# $tmp/bash.N and $tmp/zsh.N, with N in ${VARIABLE}_bash and _zsh.
: >"$tmp/bash.queries"
: >"$tmp/zsh.queries"
n_bash=0
n_zsh=0
query() { # query VARIABLE BASH-WORDS [ZSH-LINE]
  n_bash=$((n_bash + 1))
  printf '%s\n' "$2" >>"$tmp/bash.queries"
  eval "${1}_bash=$n_bash ${1}_zsh="
  [ $# -ge 3 ] || return 0
  n_zsh=$((n_zsh + 1))
  printf '%s\n' "$3" >>"$tmp/zsh.queries"
  eval "${1}_zsh=$n_zsh"
}
answers() { # answers SHELL < the shell's answers: splits them into $tmp/SHELL.N
  awk -v f="$tmp/$1." 'BEGIN { n = 1; out = f n; printf "" >out }
    /^--$/ { close(out); n++; out = f n; printf "" >out; next }
    { print >out }'
  for f in "$tmp/$1".*; do sort -u -o "$f" "$f"; done
}
# answer VARIABLE SHELL: the file of the answer, or nothing when SHELL had
# no such query.
answer() {
  eval "n=\${${1}_$2}"
  [ -z "$n" ] || echo "$tmp/$2.$n"
}

# want VARIABLE FILE DESCRIPTION: each shell's answer is FILE.
want() {
  for sh in $shells; do
    a=$(answer "$1" "$sh")
    [ -z "$a" ] || cmp -s "$a" "$2" ||
      fail "$sh: $3: offers $(tr '\n' ' ' <"$a"), want $(tr '\n' ' ' <"$2")"
  done
}
list() { printf '%s\n' "$@" | sort -u >"$tmp/expected"; echo "$tmp/expected"; }

help_text | grep -oE -- '--[a-z-]+=[a-z][a-z|]*' | sort -u | tr '|' ' ' |
  sed 's/=/ /' >"$tmp/help.values"
query q_commands "jxc ''" "jxc "
query q_top "jxc -" "jxc -"
for c in $(help_commands); do
  query "q_opts_$c" "jxc $c -" "jxc $c -"
  accepted "$c" >"$tmp/accepted.$c"
  for o in $(awk '$2 == "value" && $1 ~ /^--/ { print $1 }' "$tmp/accepted.$c"); do
    # zsh is asked only about the values --help spells out, which are the
    # ones its completion lists itself: a zsh takes a while to answer.
    v=$(echo "$o" | tr -d -)
    if grep -q -- "^$o " "$tmp/help.values"; then
      query "q_val_${c}_$v" "jxc $c $o = ''" "jxc $c $o="
    else
      query "q_val_${c}_$v" "jxc $c $o = ''"
    fi
  done
done
query q_split "jxc build --format=h" "jxc build --format=h"
query q_apart "jxc build --format h" "jxc build --format h"
query q_docs "jxc check ''" "jxc check "
query q_xml "jxc import ''" "jxc import "
query q_out "jxc build -o ''" "jxc build -o "
query q_dirs "jxc check -I ''" "jxc check -I "
query q_ended "jxc format -- ''" "jxc format -- "
query q_second "jxc diff a.jx ''" "jxc diff a.jx "

shells=bash
(cd "$work" && bash --norc --noprofile "$TESTS_SRCDIR/complete.bash" "$completion/bash/jxc" \
  <"$tmp/bash.queries") | answers bash
if ! command -v zsh >/dev/null 2>&1; then
  echo "note: zsh is not installed; the zsh completion was not tested"
elif ! zsh -n "$completion/zsh/_jxc"; then
  fail "zsh -n: the zsh completion does not parse"
else
  (cd "$work" && zsh -f "$TESTS_SRCDIR/complete.zsh" "$completion/zsh" \
    <"$tmp/zsh.queries" >"$tmp/zsh.out")
  st=$?
  if [ "$st" -eq 77 ]; then
    echo "note: zsh has no zsh/zpty module; the zsh completion was not tested"
  elif [ "$st" -ne 0 ]; then
    fail "tests/complete.zsh failed (exit $st)"
  else
    shells="bash zsh"
    answers zsh <"$tmp/zsh.out"
  fi
fi
echo "tested the completions of: $shells"

# The commands, and the options jxc takes without one.
help_commands | sort -u >"$tmp/commands"
want q_commands "$tmp/commands" "the commands"
for o in -h --help -V --version; do
  [ "$(takes "" "$o")" = flag ] || fail "the completions offer jxc $o, which jxc does not take"
done
want q_top "$(list -h --help -V --version)" "options without a command"

# Each command's options. bash offers a long option that takes a value
# with its =; zsh adds the = itself, so only the names are compared there.
for c in $(help_commands); do
  awk '{ print ($2 == "value" && $1 ~ /^--/) ? $1 "=" : $1 }' "$tmp/accepted.$c" |
    sort -u >"$tmp/want.bash"
  sed 's/=$//' "$tmp/want.bash" | sort -u >"$tmp/want.zsh"
  for sh in $shells; do
    a=$(answer "q_opts_$c" "$sh")
    cmp -s "$a" "$tmp/want.$sh" ||
      fail "$sh: jxc $c -: offers $(tr '\n' ' ' <"$a"), jxc $c takes $(tr '\n' ' ' <"$tmp/want.$sh")"
  done
done

# The values of each option that takes one. Where --help spells out values
# (--format=json, --color=auto|always|never), the option has a fixed set:
# exactly the values jxc accepts for the command, among those --help and
# the completions name. Other options are completed with file names, or
# not at all.
for c in $(help_commands); do
  for o in $(awk '$2 == "value" && $1 ~ /^--/ { print $1 }' "$tmp/accepted.$c"); do
    v=$(echo "$o" | tr -d -)
    : >"$tmp/offered"
    for sh in $shells; do
      a=$(answer "q_val_${c}_$v" "$sh")
      [ -z "$a" ] || { sed "s/^$o=//" "$a" | sort -u >"$a.v"; cat "$a.v" >>"$tmp/offered"; }
    done
    if grep -q -- "^$o " "$tmp/help.values"; then
      { grep -- "^$o " "$tmp/help.values" | cut -d' ' -f2- | tr ' ' '\n'
        cat "$tmp/offered"; } | sort -u >"$tmp/candidates"
      for x in $(cat "$tmp/candidates"); do
        if takes_value "$c" "$o" "$x"; then echo "$x"; fi
      done >"$tmp/takes"
      for sh in $shells; do
        a=$(answer "q_val_${c}_$v" "$sh")
        cmp -s "$a.v" "$tmp/takes" ||
          fail "$sh: jxc $c $o=: offers $(tr '\n' ' ' <"$a.v"), jxc takes $(tr '\n' ' ' <"$tmp/takes")"
      done
    else
      for x in $(sort -u "$tmp/offered"); do
        [ -e "$work/$x" ] || fail "jxc $c $o=: a completion offers $x, which is not a file"
      done
    fi
  done
done
want q_split "$(list --format=html)" "jxc build --format=h, as one word"
want q_apart "$(list html)" "jxc build --format h"

# File names.
want q_docs "$(list a.jx sub)" "documents"
want q_xml "$(list b.xml sub)" "import's XML"
want q_out "$(list a.jx b.xml c.txt sub)" "the file of -o"
want q_dirs "$(list sub)" "the folder of -I"
want q_ended "$(list a.jx sub)" "after --"
want q_second "$(list a.jx sub)" "diff's second document"

[ "$fails" -eq 0 ] || exit 1
