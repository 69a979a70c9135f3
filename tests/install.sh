#!/usr/bin/env bash
# install.sh - install artconv into a temporary folder, then build the
# examples against it with pkg-config alone and run them.  Speaks TAP.
set -u
build=${1:?usage: install.sh BUILD-DIR SOURCE-DIR}
src=${2:?usage: install.sh BUILD-DIR SOURCE-DIR}
for tool in cc pkg-config; do
    command -v $tool >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 0; }
done
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
failed=0
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
meson install -C "$build" --destdir "$dest" --quiet >"$dest.log" 2>&1
ok $? "meson install into a temporary folder"
pcdir=$(dirname "$(find "$dest" -name artconv.pc | head -n 1)")
[ -f "$pcdir/artconv.pc" ]; ok $? "artconv.pc is installed"
libdir=$(dirname "$(find "$dest" -name 'libartconv.so.0' | head -n 1)")
[ -e "$libdir/libartconv.so.0" ]; ok $? "the shared library is installed with its soname"
[ -n "$(find "$dest" -name artconv.h)" ]; ok $? "artconv.h is installed"
[ -n "$(find "$dest" -path '*man1/artconv.1')" ]; ok $? "the man page is installed"
# The Python binding is installed and works over the installed library.
pymod=$(find "$dest" -path '*/artconv/__init__.py' | head -n 1)
if [ -n "$pymod" ] && command -v python3 >/dev/null; then
    version=$(ARTCONV_LIBRARY="$libdir/libartconv.so.0" PYTHONPATH="$(dirname "$(dirname "$pymod")")" \
        PYTHONDONTWRITEBYTECODE=1 python3 -c 'import artconv; print(artconv.convert("T\n\nBody.\n", from_="text", to="markdown").strip().splitlines()[0], artconv.version())')
    [ "$version" = "# T 0.1.0" ]; ok $? "the installed Python binding converts over the installed library ($version)"
else
    echo "ok $((n += 1)) # SKIP the Python binding: python3 was not found when building"
fi
# The zsh completion goes where Debian's zsh looks for the build's prefix.
zsh_file=$(find "$dest" -name _artconv | head -n 1)
prefix=$(meson introspect --buildoptions "$build" 2>/dev/null |
    python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])' 2>/dev/null)
if command -v zsh >/dev/null && [ -n "$prefix" ]; then
    zsh_dir=${zsh_file#"$dest"}
    zsh_dir=${zsh_dir%/_artconv}
    zsh -fc 'print -l $fpath' | grep -qx -- "$zsh_dir"
    ok $? "the zsh completion is installed in zsh's \$fpath ($zsh_dir)"
else
    echo "ok $((n += 1)) # SKIP zsh's \$fpath: zsh or python3 is not installed"
fi
export PKG_CONFIG_PATH="$pcdir" PKG_CONFIG_SYSROOT_DIR="$dest"
flags=$(pkg-config --cflags --libs artconv)
ok $? "pkg-config knows artconv ($flags)"
work=$(mktemp -d)
for example in build_article walk_page; do
    # shellcheck disable=SC2086
    cc -std=c11 -Wall -Wextra -pedantic -Werror "$src/examples/$example.c" $flags -o "$work/$example"
    ok $? "examples/$example.c builds against the installed library"
done
LD_LIBRARY_PATH="$libdir" "$work/build_article" "$work/story.epub" "$work/story.xml"
ok $? "build_article writes EPUB and NewsML"
head -c 58 "$work/story.epub" | grep -q "application/epub+zip"; ok $? "the EPUB starts with its mimetype"
grep -q "Lighthouse keeper retires" "$work/story.xml"; ok $? "the NewsML holds the headline"
out=$(LD_LIBRARY_PATH="$libdir" "$work/walk_page" "$src/samples/news-page.html")
ok $? "walk_page reads the sample page"
case "$out" in *"title: Tidal turbines"*"paragraph"*) ok 0 "walk_page prints the outline";;
    *) ok 1 "walk_page prints the outline"; printf '%s\n' "$out" | head -5 | sed 's/^/# /';; esac
rm -rf "$work"
echo "1..$n"
exit $failed
