#!/usr/bin/env bash
# python.sh - the Python binding's pytest tests (python/tests) over the
# library this build made.  Exit status 77 (a skip, with the reason on
# stdout) when no Python has pytest (Debian's python3-pytest).
set -u
lib=${1:?usage: python.sh LIBARTCONV.so SOURCE-DIR}
src=${2:?usage: python.sh LIBARTCONV.so SOURCE-DIR}
py=""
# Debian's python3-pytest serves Debian's python3; a python3 earlier on PATH
# (pyenv, a venv) may have its own or none.
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import pytest' 2>/dev/null; then
        py=$candidate
        break
    fi
done
if [ -z "$py" ]; then
    echo "SKIP: pytest is not installed (Debian package python3-pytest): the Python binding is not tested"
    exit 77
fi
# The sizes and last offsets of the structs the binding mirrors, from the
# header itself, for the layout test (skipped without a C compiler).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if command -v cc >/dev/null && cc -std=c11 -I"$src/include" -x c -o "$work/sizes" - <<'C' 2>"$work/cc.log"
#include <artconv.h>
#include <stddef.h>
#include <stdio.h>
int main(void)
{
    printf("read_options=%zu:%zu write_options=%zu:%zu error=%zu buf=%zu\n",
           sizeof(artconv_read_options), offsetof(artconv_read_options, base_url),
           sizeof(artconv_write_options), offsetof(artconv_write_options, root),
           sizeof(artconv_error), sizeof(artconv_buf));
    return 0;
}
C
then
    ARTCONV_C_LAYOUT=$("$work/sizes")
    export ARTCONV_C_LAYOUT
fi
export ARTCONV_LIBRARY="$lib" ARTCONV_SAMPLES="$src/samples" PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$src/python${PYTHONPATH:+:$PYTHONPATH}"
cd "$src/python" || exit 1
"$py" -m pytest -q -p no:cacheprovider tests
