#!/usr/bin/env python3
"""Benchmark artconv against pandoc (and calibre's ebook-convert, and Mozilla
Readability under node, when they are installed) on the same inputs, in one
run on one machine.  Not a test: it prints a table of median wall times, peak
memory and ratios.

    python3 bench/run.py [--artconv build/artconv] [--reps 5] [--quick]

Inputs: every sample in samples/, the ../shared/corpus/readability pages as a
batch, and generated large articles (5 MB of HTML and of Markdown, plus 50 KB
ones for the time-per-byte comparison).  Each timed process is started
directly (posix_spawn) and its CPU time comes from wait4; peak memory comes
from one more run under GNU time (the `time` package).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

# (label, input format, output extension, pandoc reader, pandoc writer)
CONVERSIONS = [
    ("HTML -> EPUB", "html", "epub", "html", "epub3"),
    ("Markdown -> EPUB", "md", "epub", "commonmark_x", "epub3"),
    ("HTML -> Markdown", "html", "md", "html", "commonmark"),
    ("Markdown -> text", "md", "txt", "commonmark_x", "plain"),
    ("text -> NewsML", "txt", "xml", None, None),  # pandoc has no NewsML writer
]


GNU_TIME = "/usr/bin/time"


def run_measured(argv, stdin_path=None):
    """Runs argv once; returns (seconds, CPU seconds) or None when it failed.
    The process is started with posix_spawn and reaped with wait4, whose
    rusage gives its CPU time (user + system, to the microsecond), with no
    wrapper process in between: a wrapper such as GNU time costs a fork and
    an exec of its own, a millisecond or more that would be charged to a
    conversion taking a few.  CPU time is reported beside wall time because
    on a loaded machine a short process spends most of its wall time
    waiting for a CPU."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, stdin_path or os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    except OSError:
        return None
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    return elapsed, usage.ru_utime + usage.ru_stime


def peak_memory(argv):
    """Peak RSS in KiB of one more run, through GNU time.  Not from the timed
    runs: a process spawned from this script starts as a copy of it, and its
    high-water mark keeps the Python interpreter's tens of MiB."""
    with tempfile.NamedTemporaryFile() as stats:
        proc = subprocess.run([GNU_TIME, "-f", "%M", "-o", stats.name] + argv,
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        if proc.returncode != 0:
            return None
        fields = open(stats.name).read().split()
        return int(fields[-1]) if fields else 0


def median_run(argv_for_rep, reps):
    times, cpus = [], []
    for rep in range(reps):
        result = run_measured(argv_for_rep(rep))
        if result is None:
            return None
        times.append(result[0])
        cpus.append(result[1])
    peak = peak_memory(argv_for_rep(reps))
    if peak is None:
        return None
    return statistics.median(times), peak, statistics.median(cpus)


def run_batch(commands, reps):
    """Runs a list of argv lists back to back; medians of the batch totals,
    and the highest peak memory of one more pass."""
    totals, cpus = [], []
    for _ in range(reps):
        total, cpu = 0.0, 0.0
        for argv in commands:
            result = run_measured(argv)
            if result is None:
                return None
            total += result[0]
            cpu += result[1]
        totals.append(total)
        cpus.append(cpu)
    peak = 0
    for argv in commands:
        one = peak_memory(argv)
        if one is None:
            return None
        peak = max(peak, one)
    return statistics.median(totals), peak, statistics.median(cpus)


def generate(path, kind, size):
    """Writes an invented article of about `size` bytes (html or md)."""
    words = ("harbour council ferry tide turbine engineer budget vote island "
             "market school bridge report minister week station river").split()
    out = []
    n = 0
    i = 0
    if kind == "html":
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<title>Generated long read | Bench Gazette</title></head><body>"
                   "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
                   "<article><h1>Generated long read</h1><p class=\"byline\">By Bench Writer</p>")
    else:
        out.append("---\ntitle: Generated long read\nauthors: [Bench Writer]\n---\n\n")
    while n < size:
        sentence = " ".join(words[(i * 7 + k) % len(words)] for k in range(18))
        i += 1
        if kind == "html":
            if i % 40 == 0:
                block = "<h2>Section %d</h2>\n" % i
            elif i % 25 == 0:
                block = "<ul><li>%s</li><li>%s</li></ul>\n" % (sentence[:60], sentence[60:])
            else:
                block = ("<p>%s, <a href=\"/story/%d\">said the %s</a> on <em>Tuesday</em>. "
                         "%s.</p>\n" % (sentence.capitalize(), i, words[i % len(words)],
                                        sentence))
        else:
            if i % 40 == 0:
                block = "## Section %d\n\n" % i
            elif i % 25 == 0:
                block = "- %s\n- %s\n\n" % (sentence[:60], sentence[60:])
            else:
                block = ("%s, [said the %s](https://example.org/story/%d) on *Tuesday*. "
                         "%s.\n\n" % (sentence.capitalize(), words[i % len(words)], i, sentence))
        out.append(block)
        n += len(block)
    if kind == "html":
        out.append("</article><footer>© Bench Gazette</footer></body></html>\n")
    with open(path, "w") as f:
        f.write("".join(out))


def fmt_time(seconds):
    return "%.1f ms" % (seconds * 1000) if seconds < 1 else "%.2f s" % seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--artconv", default=os.path.join(ROOT, "build", "artconv"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="1 repetition, no 5 MB pandoc runs")
    args = ap.parse_args()
    reps = 1 if args.quick else args.reps
    artconv = os.path.abspath(args.artconv)
    if not os.path.exists(GNU_TIME):
        sys.exit("bench: needs GNU time (apt-get install time)")
    pandoc = shutil.which("pandoc")
    calibre = shutil.which("ebook-convert")
    work = tempfile.mkdtemp(prefix="artconv-bench-")
    rows = []

    def out_path(tool, ext):
        return os.path.join(work, "%s.%s" % (tool, ext))

    def artconv_argv(src, ext):
        return lambda rep: [artconv, "convert", "-q", src, out_path("artconv", ext)]

    def pandoc_argv(src, reader, writer, ext):
        return lambda rep: [pandoc, "-f", reader, "-t", writer, src, "-o", out_path("pandoc", ext)]

    def add_row(conversion, input_name, size, ours, theirs, peer):
        row = {"conversion": conversion, "input": input_name, "bytes": size,
               "artconv_s": ours[0] if ours else None, "artconv_kib": ours[1] if ours else None,
               "peer": peer, "peer_s": theirs[0] if theirs else None,
               "peer_kib": theirs[1] if theirs else None,
               "artconv_cpu_s": ours[2] if ours else None,
               "peer_cpu_s": theirs[2] if theirs else None}
        rows.append(row)
        ratio = ("%.0fx" % (theirs[0] / ours[0])) if ours and theirs and ours[0] > 0 else "-"
        cpu_ratio = (("%.0fx" % (theirs[2] / ours[2])) if ours and theirs and ours[2] > 0
                     else "-")
        print("%-18s %-24s %9s  %10s %8s  %-7s %10s %8s  %7s %7s" % (
            conversion, input_name[:24], size,
            fmt_time(ours[0]) if ours else "failed", "%d MiB" % (ours[1] // 1024) if ours else "",
            peer, fmt_time(theirs[0]) if theirs else "-",
            "%d MiB" % (theirs[1] // 1024) if theirs else "", ratio, cpu_ratio), flush=True)

    # Inputs: samples and generated articles, by extension.
    inputs = {"html": [], "md": [], "txt": []}
    for name in sorted(os.listdir(os.path.join(ROOT, "samples"))):
        ext = name.rsplit(".", 1)[-1]
        if ext in inputs:
            inputs[ext].append(os.path.join(ROOT, "samples", name))
    for kind in ("html", "md"):
        for size, label in ((50_000, "50k"), (5_000_000, "5M")):
            path = os.path.join(work, "generated-%s.%s" % (label, kind))
            generate(path, kind, size)
            inputs[kind].append(path)
    # Text inputs come from the generated Markdown, through artconv itself.
    for label in ("50k", "5M"):
        txt = os.path.join(work, "generated-%s.txt" % label)
        subprocess.run([artconv, "convert", "-q", os.path.join(work, "generated-%s.md" % label),
                        txt], check=False)
        if os.path.exists(txt):
            inputs["txt"].append(txt)

    print("artconv: %s\npandoc: %s\ncalibre: %s\nrepetitions: %d (median time, peak RSS)\n" % (
        artconv, pandoc or "not installed", calibre or "not installed", reps))
    print("%-18s %-24s %9s  %10s %8s  %-7s %10s %8s  %7s %7s" % (
        "conversion", "input", "bytes", "artconv", "memory", "peer", "peer", "memory", "ratio",
        "cpu"))
    for label, src_ext, out_ext, reader, writer in CONVERSIONS:
        for src in inputs[src_ext]:
            size = os.path.getsize(src)
            ours = median_run(artconv_argv(src, out_ext), reps)
            theirs = None
            if pandoc and reader:
                peer_reps = 1 if (size > 1_000_000 and reps > 1) else reps
                if not (args.quick and size > 1_000_000):
                    theirs = median_run(pandoc_argv(src, reader, writer, out_ext), peer_reps)
            add_row(label, os.path.basename(src), size, ours, theirs, "pandoc" if reader else "-")
            if calibre and out_ext == "epub" and size < 1_000_000:
                cal = median_run(lambda rep: [calibre, src, out_path("calibre", "epub")], reps)
                add_row(label, os.path.basename(src), size, ours, cal, "calibre")

    # The corpus as a batch: HTML -> Markdown, one process per page, as a
    # script converting an archive would run it.
    corpus = os.path.join(SHARED, "corpus", "readability")
    if os.path.isdir(corpus):
        pages = sorted(os.path.join(corpus, d, "source.html") for d in os.listdir(corpus)
                       if os.path.exists(os.path.join(corpus, d, "source.html")))
        size = sum(os.path.getsize(p) for p in pages)
        ours = run_batch([[artconv, "convert", "-q", p, out_path("artconv", "md")] for p in pages],
                         reps)
        theirs = None
        if pandoc:
            theirs = run_batch([[pandoc, "-f", "html", "-t", "commonmark", p, "-o",
                                 out_path("pandoc", "md")] for p in pages], 1)
        add_row("HTML -> Markdown", "corpus (%d pages)" % len(pages), size, ours, theirs, "pandoc")
        ours = run_batch([[artconv, "convert", "-q", p, out_path("artconv", "txt")] for p in pages],
                         reps)
        readability = os.path.join(HERE, "readability.js")
        theirs = None
        if shutil.which("node") and os.path.isdir(os.path.join(HERE, "node_modules", "jsdom")):
            theirs = run_batch([["node", readability, p] for p in pages], 1)
        add_row("HTML -> text", "corpus (%d pages)" % len(pages), size, ours, theirs,
                "Readab." if theirs else "-")

    summarise(rows)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("\nraw results: %s" % os.path.join(work, "results.json"))


def verdict(ok):
    return "met" if ok else "NOT met"


def speedup(r, target):
    """'Nx wall, Mx CPU -- met/NOT met' for a row with a peer."""
    wall = r["peer_s"] / r["artconv_s"]
    text = "%.0fx wall (%s)" % (wall, verdict(wall >= target))
    if r.get("peer_cpu_s") and r.get("artconv_cpu_s"):
        cpu = r["peer_cpu_s"] / r["artconv_cpu_s"]
        text += ", %.0fx CPU (%s)" % (cpu, verdict(cpu >= target))
    return text


def summarise(rows):
    """Prints each target of issue 9 next to the measured ratio."""
    print("\ntargets (issue 9):")
    small = [r for r in rows if r["peer"] == "pandoc" and r["peer_s"] and r["artconv_s"]
             and r["bytes"] < 1_000_000 and not r["input"].startswith("corpus")]
    if small:
        worst = min(small, key=lambda r: r["peer_s"] / r["artconv_s"])
        best = max(small, key=lambda r: r["peer_s"] / r["artconv_s"])
        print("  per article >= 50x pandoc: worst %s: %s; best %s: %s" % (
            worst["input"], speedup(worst, 50), best["input"], speedup(best, 50)))
    big = [r for r in rows if r["bytes"] >= 1_000_000 and r["artconv_s"]
           and not r["input"].startswith("corpus")]
    for r in big:
        if r["peer"] == "pandoc" and r["peer_s"]:
            print("  5 MB >= 100x pandoc (%s): %s" % (r["conversion"], speedup(r, 100)))
    for r in big:
        mem = r["artconv_kib"] * 1024 / r["bytes"]
        print("  5 MB peak memory < 10x input (%s): %.2fx -- %s" % (
            r["conversion"], mem, verdict(mem < 10)))
    for r in big:
        stem = r["input"].replace("5M", "50k")
        ref = [q for q in rows if q["conversion"] == r["conversion"] and q["input"] == stem
               and q["artconv_s"]]
        if ref:
            per_byte = (r["artconv_s"] / r["bytes"]) / (ref[0]["artconv_s"] / ref[0]["bytes"])
            print("  time per byte, 5 MB vs 50 KB <= 1.5x (%s): %.2fx -- %s" % (
                r["conversion"], per_byte, verdict(per_byte <= 1.5)))
    for r in rows:
        if r["peer"] == "Readab." and r["peer_s"] and r["artconv_s"]:
            print("  HTML -> text >= 100x Readability per page: %s" % speedup(r, 100))


if __name__ == "__main__":
    main()
