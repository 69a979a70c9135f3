#!/usr/bin/env bash
# symbols.sh - the shared library exports the public API and nothing else.
# Speaks TAP.
lib=${1:?usage: symbols.sh LIBRARY HEADER}
header=${2:?usage: symbols.sh LIBRARY HEADER}
if ! command -v nm >/dev/null; then
    echo "1..0 # SKIP nm (binutils) is not installed"
    exit 0
fi
# nm prints versioned symbols as name@@ARTCONV_0.1.
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {sub(/@.*/, "", $3); print $3}' | sort)
versioned=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ && $3 ~ /^artconv_/ && $3 !~ /@@ARTCONV_/ {print $3}')
stray=$(printf '%s\n' "$exported" | grep -v '^artconv_' | grep -v '^_')
declared=$(grep -o 'artconv_[a-z0-9_]*(' "$header" | tr -d '(' | sort -u)
missing=$(comm -23 <(printf '%s\n' "$declared") <(printf '%s\n' "$exported"))
extra=$(comm -13 <(printf '%s\n' "$declared") <(printf '%s\n' "$exported"))
n=0
check() {
    n=$((n + 1))
    if [ -z "$2" ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; printf '#   %s\n' $2; fi
}
check "only artconv_ symbols are exported" "$stray"
check "every function in artconv.h is exported" "$missing"
check "nothing is exported that artconv.h does not declare" "$extra"
check "every exported function carries the version ARTCONV_0.1" "$versioned"
echo "1..$n"
