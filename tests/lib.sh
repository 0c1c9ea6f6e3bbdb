# Shared by the shell tests (sourced): a temporary folder, removed on exit
# (made writable first, for the tests that take permissions away), the
# count of failures, and the checks they make. A test ends with
# [ "$fails" -eq 0 ].

fails=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL: $*" >&2
  fails=$((fails + 1))
}

# expect STATUS DESCRIPTION -- COMMAND...: runs COMMAND, keeps its output in
# $tmp/out and $tmp/err, and checks the exit status.
expect() {
  want=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, want $want ($(head -c 300 "$tmp/err"))"
}

# contains / lacks FILE TEXT DESCRIPTION: whether $tmp/FILE (out, err, …)
# has TEXT; empty FILE DESCRIPTION: whether it is empty.
contains() { grep -qF -- "$2" "$tmp/$1" || fail "$3: '$2' not in $1"; }
lacks() { ! grep -qF -- "$2" "$tmp/$1" || fail "$3: '$2' in $1"; }
empty() { [ ! -s "$tmp/$1" ] || fail "$2: $1 not empty: $(head -c 300 "$tmp/$1")"; }
