# Sourced by tests/man.sh and tests/completion.sh: what jxc says about its
# commands and options, the truth that the man page and the shell
# completions are compared with. Needs $JXC, $TESTS_SRCDIR and $tmp, and
# defines fail(). Runs jxc in the C locale, so that the texts it reads are
# the untranslated ones.
#
# Which command takes which option is read from the table jxc parses its
# command line with (option_specs in compiler/jxc.c): asking jxc about each
# of the ~30 options for each command would take seconds, as every run of
# jxc loads its fifty shared libraries. check_option_table asks jxc about a
# sample, so a table read wrongly fails the test.

LC_ALL=C
export LC_ALL
unset LANGUAGE LC_MESSAGES

# help_text: jxc --help and each command's --help, one after the other.
"$JXC" --help >"$tmp/help.top"
awk '/^Commands:/ { on = 1; next }
     on && /^$/ { exit }
     on && /^  [a-z]/ { print $1 }' "$tmp/help.top" >"$tmp/help.commands"
cp "$tmp/help.top" "$tmp/help.all"
for c in $(cat "$tmp/help.commands"); do "$JXC" "$c" --help >>"$tmp/help.all"; done
help_text() { cat "$tmp/help.all"; }

# help_commands: the commands --help lists, one a line (the lines of its
# "Commands:" paragraph that start with a command's name).
help_commands() { cat "$tmp/help.commands"; }

# help_long, help_short: every --option and -x that --help mentions,
# anywhere in its text, one a line.
help_long() { grep -o -- '--[a-z][a-z-]*' "$tmp/help.all" | sort -u; }
help_short() {
  grep -oE -- '(^|[^-A-Za-z0-9])-[A-Za-z]' "$tmp/help.all" | sed 's/^.*-/-/' | sort -u
}

# option_table: "COMMAND OPTION value|flag" for every option of every
# command, long and short, from compiler/jxc.c.
awk '
  /^static const struct command commands\[\]/ { in_cmds = 1; next }
  /^static const struct option_spec option_specs\[\]/ { in_opts = 1; next }
  /^};/ { in_cmds = in_opts = 0 }
  in_cmds {
    s = $0
    while (match(s, /\{"[a-z]+", *[a-z_]+, *C_[A-Z]+\}/)) {
      e = substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH)
      gsub(/[" ]/, "", e); split(e, f, ",")
      cmd[f[3]] = f[1]; all[++n] = f[1]
    }
  }
  in_opts && match($0, /\{\{"[a-z-]+", *[a-z_]+, *NULL, *[^}]*\}, *[^}]*\}/) {
    e = substr($0, RSTART + 2, RLENGTH - 3); gsub(/[" ]/, "", e)
    sub(/\},/, ",", e); split(e, f, ",")
    kind = f[2] == "no_argument" ? "flag" : "value"
    q = sprintf("%c", 39)
    short = length(f[4]) == 3 && substr(f[4], 1, 1) == q ? "-" substr(f[4], 2, 1) : ""
    nb = split(f[5], bits, "|")
    for (b = 1; b <= nb; b++) {
      if (bits[b] == "C_ALL") { for (i = 1; i <= n; i++) take(all[i]) }
      else if (bits[b] in cmd) take(cmd[bits[b]])
      else print "cannot read the command bit " bits[b] >"/dev/stderr"
    }
  }
  function take(c) {
    print c " --" f[1] " " kind
    if (short != "") print c " " short " " kind
  }
' "$TESTS_SRCDIR/../compiler/jxc.c" | sort -u >"$tmp/option.table"
[ -s "$tmp/option.table" ] || fail "cannot read the option table of compiler/jxc.c"
option_table() { cat "$tmp/option.table"; }

# accepted COMMAND: "OPTION value|flag" for each option COMMAND takes.
accepted() { awk -v c="$1" '$1 == c { print $2 " " $3 }' "$tmp/option.table"; }

# takes COMMAND OPTION: "value" when jxc COMMAND takes OPTION with a value,
# "flag" when without one, "no" when it does not take it; found by running
# jxc COMMAND OPTION with no value and no file. COMMAND "" is jxc without a
# command.
takes() {
  if [ -z "$1" ]; then
    if "$JXC" "$2" >/dev/null 2>&1; then echo flag; else echo no; fi
    return
  fi
  "$JXC" "$1" "$2" >"$tmp/probe.out" 2>"$tmp/probe.err"
  st=$?
  if [ "$st" -eq 0 ]; then
    echo flag
  elif grep -q "needs a value" "$tmp/probe.err"; then
    echo value
  elif grep -qE "is not an option of this command|unknown option" "$tmp/probe.err"; then
    echo no
  elif grep -q "no FILE given" "$tmp/probe.err"; then
    echo flag
  else
    echo "unexpected: $(cat "$tmp/probe.err")"
  fi
}

# check_option_table: the table read from jxc.c agrees with jxc: for each
# command, an option it takes (one with a value when it has any) and the
# first it does not take are asked of jxc; and every option the table has
# is one --help mentions.
check_option_table() {
  help_long >"$tmp/help.long"
  help_short >"$tmp/help.short"
  for c in $(help_commands); do
    accepted "$c" >"$tmp/t.acc"
    grep -q . "$tmp/t.acc" || fail "the option table of jxc.c has no options for $c"
    set -- $(sort -k2,2r "$tmp/t.acc" | grep -v -- '-h' | head -1) "$c"
    [ $# -lt 3 ] || [ "$(takes "$3" "$1")" = "$2" ] ||
      fail "jxc.c's table says $3 takes $1 ($2); jxc $3 $1 says otherwise"
    o=$(cut -d' ' -f1 "$tmp/t.acc" | sort | comm -13 - "$tmp/help.long" | grep -vx -- --name |
        head -1)
    [ -z "$o" ] || [ "$(takes "$c" "$o")" = no ] ||
      fail "jxc.c's table says $c does not take $o; jxc $c $o takes it"
  done
  for o in $(cut -d' ' -f2 "$tmp/option.table" | sort -u); do
    grep -qx -- "$o" "$tmp/help.long" "$tmp/help.short" ||
      fail "jxc takes $o, which jxc --help does not mention"
  done
}

# takes_value COMMAND OPTION VALUE: whether jxc COMMAND accepts
# OPTION=VALUE (--format=json, --color=auto, ...): the run then fails on
# the missing file or the number of files, with a message that does not
# name the option.
takes_value() {
  "$JXC" "$1" "$2=$3" "$tmp/no-such-file.jx" >/dev/null 2>"$tmp/probe.err"
  ! grep -qF -- "$2" "$tmp/probe.err"
}
