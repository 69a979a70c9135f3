#!/usr/bin/env bash
# fuzz/run.sh - build the libFuzzer harnesses and run one or all of them.
#
#   fuzz/run.sh SECONDS [READER...]     (readers: text markdown html json ninjs epub newsml)
#
# Each harness starts from a seed corpus made of the project's own inputs
# (samples/, tests/golden/, tests/regress/, fuzz/seeds/READER/) and keeps
# what it finds in build-fuzz/corpus/READER.  The EPUB harness also gets the
# books fuzz_mkseed writes, its dictionary and room to grow (see
# fuzz/README.md).  A finding is saved as build-fuzz/crash-* and makes the
# script exit 1; turn it into a file in tests/regress/.
set -u
cd "$(dirname "$0")/.." || exit 1
seconds=${1:?usage: fuzz/run.sh SECONDS [READER...]}
shift
readers=("$@")
[ ${#readers[@]} -gt 0 ] || readers=(text markdown html json ninjs epub newsml)
build=${FUZZ_BUILD:-build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link >/dev/null || exit 1
fi
ninja -C "$build" >/dev/null || exit 1

declare -A extensions=([text]="txt text" [markdown]="md markdown" [html]="html htm xhtml"
                       [json]="json" [ninjs]="ninjs json" [epub]="epub" [newsml]="xml newsml")
status=0
for reader in "${readers[@]}"; do
    corpus="$build/corpus/$reader"
    mkdir -p "$corpus"
    for ext in ${extensions[$reader]}; do
        find samples tests/golden tests/regress -name "*.$ext" -size -1024k \
            -exec cp -L -n {} "$corpus/" \; 2>/dev/null
    done
    [ -d "fuzz/seeds/$reader" ] && cp -L -n "fuzz/seeds/$reader"/* "$corpus/" 2>/dev/null
    if [ "$reader" = epub ]; then
        "$build/fuzz/fuzz_mkseed" "$corpus" || exit 1
    fi
    # A zip of small books needs more room than libFuzzer's default 4 KB;
    # the dictionary holds OPF and XHTML tokens.
    extra=()
    [ "$reader" = epub ] && extra=(-dict="$PWD/fuzz/dict/epub.dict" -max_len=65536)
    log="$build/fuzz-$reader.log"
    (cd "$build" && "./fuzz/fuzz_$reader" -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=20 -print_final_stats=1 "${extra[@]}" "corpus/$reader") >"$log" 2>&1
    rc=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "fuzz_$reader: ${runs:-?} executions in ${seconds}s, exit $rc (log: $log)"
    [ $rc -eq 0 ] || { status=1; grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5; }
done
exit $status
