# zsh -f tests/complete.zsh FOLDER: for tests/completion.sh. Runs an
# interactive zsh in a pseudo-terminal with the completion functions of
# FOLDER, types each line of standard input followed by TAB, and prints
# what zsh's completion offers, one a line, then "--". Exit status 77 when
# zsh has no zsh/zpty module.
zmodload zsh/zpty 2>/dev/null || exit 77
setup=$(mktemp) || exit 1
print -r -- "fpath=(${(q)1} \$fpath)" >$setup
cat >>$setup <<'SETUP'
PS1='' PROMPT='' RPROMPT=''
unsetopt zle_bracketed_paste 2>/dev/null
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' insert-tab false
# Every match added is also printed; the real compadd still runs, so that
# completion goes on exactly as it would (falling back to all files only
# when no document matched, for one).
compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __hits
  local -A __o
  zparseopts -E -A __o P: p:
  builtin compadd -A __hits "$@"
  local h
  for h in $__hits; do print -r -- "MATCH:$IPREFIX${__o[-P]}${__o[-p]}$h"; done
  builtin compadd "$@"
}
__test_end() { print -r -- "END-OF-MATCHES" }
__test_complete() { comppostfuncs=(__test_end); _main_complete }
zle -C __test_complete complete-word __test_complete
bindkey '^I' __test_complete
print -r -- SETUP-DONE
SETUP
zpty z zsh -f -i
zpty -w z "source ${(q)setup}"
local line
while zpty -r z line; do [[ $line == SETUP-DONE* ]] && break; done
while IFS= read -r query; do
  zpty -w -n z "$query"$'\t'
  while zpty -r z line; do
    line=${line%$'\n'}
    line=${line%$'\r'}
    [[ $line == *END-OF-MATCHES* ]] && break
    [[ $line == *MATCH:* ]] && print -r -- "${line##*MATCH:}"
  done
  print -r -- "--"
  zpty -w -n z $'\C-u'
done
zpty -d z
rm -f $setup
