#!/usr/bin/env bash
# readme.sh - the README's first command, run with stand-ins for id, sudo,
# apt-get, meson, ninja and the built program: as root it runs apt-get
# update and install itself, as a user it asks sudo, it installs every
# package .ci/run installs for the tests, and it ends by converting the
# sample.  Speaks TAP.
set -u
src=${1:?usage: readme.sh SOURCE-DIR}
n=0
failed=0
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
# The first command: the first line of the first ```sh block.
first=$(awk '/^```sh$/ {getline; print; exit}' "$src/README.md")
[ -n "$first" ]; ok $? "the README opens with a shell command"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/run/build"
# Each stand-in appends its name and arguments to the journal.
for tool in sudo apt-get meson ninja; do
    cat >"$work/bin/$tool" <<STUB
#!/bin/sh
echo "$tool \$*" >>"$work/journal"
[ "$tool" = sudo ] && exec "\$@"
exit 0
STUB
done
cat >"$work/run/build/artconv" <<STUB
#!/bin/sh
echo "artconv \$*" >>"$work/journal"
STUB
chmod +x "$work/bin/"* "$work/run/build/artconv"

# run_as UID: runs the command with `id -u` answering UID.
run_as() {
    printf '#!/bin/sh\n[ "$1" = -u ] && echo %s || exec /usr/bin/id "$@"\n' "$1" >"$work/bin/id"
    chmod +x "$work/bin/id"
    : >"$work/journal"
    (cd "$work/run" && PATH="$work/bin:$PATH" bash -c "$first")
}

run_as 0
ok $? "as root the command succeeds"
! grep -q '^sudo' "$work/journal"; ok $? "as root it does not need sudo"
head -n 1 "$work/journal" | grep -qx 'apt-get update'; ok $? "it runs apt-get update first"
grep -q '^apt-get install -y ' "$work/journal"; ok $? "then apt-get install -y"
tail -n 1 "$work/journal" | grep -qx 'artconv convert samples/news-page.html news-page.md'
ok $? "it ends by converting the sample"

run_as 1000
ok $? "as a user the command succeeds"
head -n 1 "$work/journal" | grep -q '^sudo sh -c'; ok $? "as a user it installs through sudo"

# Every package .ci/run installs, but the ones only its sanitizer and
# valgrind runs use, is in the README's list.
installed=$(grep '^apt-get install' "$work/journal" | head -n 1)
ci_only=" valgrind clang libclang-rt-14-dev "
missing=""
for pkg in $(sed -n '/^packages=(/,/)/p' "$src/.ci/run" | sed 's/#.*//; s/packages=(//; s/)//'); do
    case "$ci_only" in *" $pkg "*) continue ;; esac
    case " $installed " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ]; ok $? "it installs what the tests need (missing:${missing:- none})"
echo "1..$n"
exit $failed
