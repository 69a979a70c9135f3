#!/usr/bin/env bash
# bench/batch.sh - how well `artconv convert -d` scales: 10,000 small
# articles (the samples under varied headlines) converted with -j1 and with
# -j2, best of a few runs each; prints both times and their ratio (the aim
# is under 0.60).  Not a test: timings depend on the machine and its load.
#
#   bench/batch.sh [ARTCONV [COUNT [FORMAT [RUNS]]]]
#   defaults: build/artconv, 10000, html, 3
#
# The articles and outputs go to BENCH_DIR, by default /dev/shm (memory)
# when it exists, so the conversions and not the disk set the time.  A batch
# no longer fsyncs each output (it syncs the folder once at its end), so
# BENCH_DIR=/tmp, which measures the disk as well, is meaningful too.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/artconv}
count=${2:-10000}
format=${3:-html}
runs=${4:-3}
[ -x "$bin" ] || { echo "bench/batch.sh: no artconv at $bin (build first, or pass its path)" >&2; exit 2; }
base=${BENCH_DIR:-}
if [ -z "$base" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then base=/dev/shm; else base=${TMPDIR:-/tmp}; fi
fi
work=$(mktemp -d "$base/artconv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"

# Each article is a sample with its own headline and date, so no two
# inputs are the same bytes; the kinds rotate through every reader that
# reads a plain file (text, Markdown, HTML).
samples=("$here"/samples/*.txt "$here"/samples/*.md "$here"/samples/*.html)
awk -v n="$count" -v dir="$work/in" -v list="${samples[*]}" '
BEGIN {
    k = split(list, files, " ")
    for (f = 1; f <= k; f++) {
        ext[f] = files[f]; sub(/.*\./, "", ext[f])
        body[f] = ""
        while ((getline line < files[f]) > 0) body[f] = body[f] line "\n"
        close(files[f])
    }
    for (i = 1; i <= n; i++) {
        f = (i - 1) % k + 1
        out = sprintf("%s/article-%05d.%s", dir, i, ext[f])
        title = sprintf("Story %d of the archive: edition %d", i, i % 97)
        text = body[f]
        if (ext[f] == "md") sub(/title: [^\n]*/, "title: " title, text)
        else if (ext[f] == "html") sub(/<title>[^<]*<\/title>/, "<title>" title "</title>", text)
        else text = title "\n\n" text
        printf "%s", text > out
        close(out)
    }
}'

# run JOBS: prints "WALL CPU" in seconds, the run with the best wall time
# of $runs (CPU = user + system, to tell a loaded machine from bad scaling).
run() {
    local best="" cpu="" t
    for _ in $(seq "$runs"); do
        rm -rf "$work/out"
        /usr/bin/time -o "$work/time" -f '%e %U %S' "$bin" convert -q -t "$format" \
            -d "$work/out" -j "$1" --files-from "$work/list" >/dev/null 2>&1 || true
        read -r t u s < <(tail -n 1 "$work/time")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$t
            cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
        fi
    done
    echo "$best $cpu"
}
load=$(cut -d' ' -f1-3 /proc/loadavg)
(cd "$work/in" && ls) | sed "s|^|$work/in/|" > "$work/list"
echo "artconv $("$bin" --version | cut -d' ' -f2): $count articles to $format in $base, $(nproc) cores online, best of $runs"
read -r t1 c1 < <(run 1)
read -r t2 c2 < <(run 2)
ratio=$(awk -v a="$t2" -v b="$t1" 'BEGIN { printf "%.2f", a / b }')
echo "-j1: ${t1} s (cpu ${c1} s)  -j2: ${t2} s (cpu ${c2} s)  ratio -j2/-j1: $ratio (aim: < 0.60)"
echo "load average before the runs: $load"
