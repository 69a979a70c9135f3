#!/usr/bin/env bash
# compare-outputs.sh - writes every output of one artconv build over the
# project's inputs and the shared corpora, so that two builds (before and
# after a refactoring) can be compared file by file.
#
#   bench/compare-outputs.sh run [-j N] [--groups LIST] ARTCONV OUTDIR
#   bench/compare-outputs.sh diff [-v] OUTDIR-A OUTDIR-B
#
# run: each input is converted to every writer's format, its `info` is kept,
#      and the EPUB and NewsML outputs are read back to JSON; each result is
#      OUTDIR/GROUP/NAME.FORMAT with its exit status and messages beside it
#      (NAME.FORMAT.log).  SOURCE_DATE_EPOCH is fixed so that EPUB bytes are
#      reproducible.  Groups (default all): samples, golden, regress, newsml,
#      ninjs, readability, trafilatura, wcxb.
# diff: lists the outputs that differ (EPUBs entry by entry), and with -v
#      shows the first lines of each difference.  Exit status 1 if any differ.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(realpath -m "$here/../shared")
writers=(text markdown html json epub newsml)
all_groups="samples,golden,regress,newsml,ninjs,readability,trafilatura,wcxb"

usage() {
    sed -n '4,6p' "$0" | sed 's/^# *//' >&2
    exit 2
}

# inputs GROUP: prints "NAME<TAB>PATH" for each input of the group.
inputs() {
    case "$1" in
    samples) find "$here/samples" -maxdepth 1 -type f ;;
    golden)
        find "$here/tests/golden" -type f \( -name '*.html' -o -name '*.md' \
            -o -name '*.txt' -o -name '*.epub' -o -name '*.xml' \) ;;
    regress) find "$here/tests/regress" -type f ;;
    newsml) [ -d "$shared/specs/newsml-g2" ] && find "$shared/specs/newsml-g2" -name '*.xml' \
                -path '*/examples/*' -o -name '*.xml' -path '*/samples/*' ;;
    ninjs) [ -d "$shared/specs/ninjs" ] && find "$shared/specs/ninjs/examples" -type f ;;
    readability) [ -d "$shared/corpus/readability" ] \
                     && find "$shared/corpus/readability" -name source.html ;;
    trafilatura) [ -d "$shared/corpus/trafilatura-eval/pages" ] \
                     && find "$shared/corpus/trafilatura-eval/pages" -name '*.html' ;;
    wcxb) [ -d "$shared/corpus/wcxb-dev/html" ] \
              && find "$shared/corpus/wcxb-dev/html" -name '*.html.gz' ;;
    esac 2>/dev/null | sort | while read -r path; do
        name=${path#"$here/"}
        name=${name#"$shared/"}
        printf '%s\t%s\n' "$(printf '%s' "$name" | tr '/' '_')" "$path"
    done
}

# convert_one ARTCONV OUTDIR GROUP NAME PATH: every output of one input.
convert_one() {
    local artconv=$1 out=$2/$3 name=$4 path=$5 input fmt
    mkdir -p "$out"
    input=$path
    case "$path" in
    *.gz)
        input="$out/$name.input.html"
        gzip -dc "$path" >"$input" || return 0
        ;;
    esac
    "$artconv" info "$input" >"$out/$name.info" 2>"$out/$name.info.log"
    echo "exit $?" >>"$out/$name.info.log"
    for fmt in "${writers[@]}"; do
        "$artconv" convert -q -t "$fmt" "$input" "$out/$name.$fmt" 2>"$out/$name.$fmt.log" </dev/null
        echo "exit $?" >>"$out/$name.$fmt.log"
    done
    for fmt in epub newsml; do
        [ -s "$out/$name.$fmt" ] || continue
        "$artconv" convert -q -f "$fmt" -t json "$out/$name.$fmt" "$out/$name.$fmt.json" \
            2>"$out/$name.$fmt.json.log" </dev/null
        echo "exit $?" >>"$out/$name.$fmt.json.log"
    done
    [ "$input" = "$path" ] || rm -f "$input"
}

run() {
    local jobs=2 groups=$all_groups
    while [ $# -gt 0 ]; do
        case "$1" in
        -j) jobs=$2; shift 2 ;;
        --groups) groups=$2; shift 2 ;;
        *) break ;;
        esac
    done
    [ $# -eq 2 ] || usage
    local artconv outdir
    artconv=$(realpath "$1") && mkdir -p "$2" && outdir=$(realpath "$2") || exit 2
    export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LC_ALL=C.UTF-8
    export -f convert_one
    export writers_list="${writers[*]}"
    local group
    for group in ${groups//,/ }; do
        inputs "$group" | awk -F '\t' -v g="$group" '{print g "\t" $1 "\t" $2}'
    done | xargs -d '\n' -P "$jobs" -n 1 bash -c '
        IFS="	" read -r group name path <<<"$2"
        read -r -a writers <<<"$writers_list"
        convert_one "$0" "$1" "$group" "$name" "$path"' "$artconv" "$outdir"
    # bash -c gets the artconv path as $0, OUTDIR as $1 and the line from xargs as $2
    # Messages name the output path; keep only its part inside OUTDIR.
    find "$outdir" -name '*.log' -exec sed -i "s|$(realpath "$outdir")/||g" {} +
    find "$outdir" -type f | wc -l | awk '{print $1 " files written"}'
}

# same_epub A B: the two books hold the same entries with the same bytes.
same_epub() {
    [ "$(unzip -Z1 "$1" 2>/dev/null)" = "$(unzip -Z1 "$2" 2>/dev/null)" ] || return 1
    local entry
    while read -r entry; do
        cmp -s <(unzip -p "$1" "$entry") <(unzip -p "$2" "$entry") || return 1
    done < <(unzip -Z1 "$1" 2>/dev/null)
}

diff_dirs() {
    local verbose=0
    [ "${1:-}" = "-v" ] && { verbose=1; shift; }
    [ $# -eq 2 ] || usage
    local a=$1 b=$2 rel differ=0 total=0
    while read -r rel; do
        total=$((total + 1))
        if [ ! -e "$b/$rel" ]; then
            echo "only in $a: $rel"; differ=$((differ + 1)); continue
        fi
        cmp -s "$a/$rel" "$b/$rel" && continue
        case "$rel" in *.epub) same_epub "$a/$rel" "$b/$rel" && continue ;; esac
        echo "differs: $rel"
        differ=$((differ + 1))
        if [ $verbose -eq 1 ]; then
            case "$rel" in
            *.epub) diff <(unzip -Z1 "$a/$rel") <(unzip -Z1 "$b/$rel") | head -n 10 ;;
            *) diff "$a/$rel" "$b/$rel" | head -n 10 ;;
            esac
        fi
    done < <(cd "$a" && find . -type f | sed 's|^\./||' | sort)
    while read -r rel; do
        [ -e "$a/$rel" ] || { echo "only in $b: $rel"; differ=$((differ + 1)); }
    done < <(cd "$b" && find . -type f | sed 's|^\./||' | sort)
    echo "$differ of $total outputs differ"
    [ $differ -eq 0 ]
}

case "${1:-}" in
run) shift; run "$@" ;;
diff) shift; diff_dirs "$@" ;;
*) usage ;;
esac
