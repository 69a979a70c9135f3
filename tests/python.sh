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
export ARTCONV_LIBRARY="$lib" ARTCONV_SAMPLES="$src/samples" PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH="$src/python${PYTHONPATH:+:$PYTHONPATH}"
cd "$src/python" || exit 1
exec "$py" -m pytest -q -p no:cacheprovider tests
