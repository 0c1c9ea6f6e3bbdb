# bash tests/complete.bash COMPLETION-FILE: for tests/completion.sh. Reads
# one query a line on standard input, the words of a command line as bash
# splits them (COMP_WORDBREAKS splits --format=json into --format, =,
# json), separated by spaces, the last the word being completed ('' for
# an empty one); prints what the completion offers, one a line, then "--".
. "$1" || exit 1
while read -r -a words; do
  for i in "${!words[@]}"; do [[ ${words[i]} == "''" ]] && words[i]=""; done
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMP_LINE="${words[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _jxc jxc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
  ((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
  echo --
done
