#!/usr/bin/env python3
"""Peak memory of every reader x writer on hostile input shapes.

Usage: bench/memory.py [ARTCONV] [PAGE.html]

Generates the shapes of issue 13 in a temporary folder (150,000 Markdown
links, nested emphasis, deep quotes and lists, a real page if one is given),
converts each to every reader's format with artconv itself, then runs every
reader x writer and prints the peak RSS (ru_maxrss from wait4) above that of
converting an empty file, as a ratio to the input's size, then the output's
size as a ratio to the input's.  An EPUB input is compressed, so its ratios
are large by nature: the row also gives the size of the text it holds.  Only the standard
library is used; nothing here is a dependency of artconv.
"""
import os
import subprocess
import sys
import tempfile
import time

READERS = ["markdown", "html", "text", "newsml", "epub"]
WRITERS = ["json", "text", "html", "markdown", "newsml", "epub"]
EXT = {"markdown": "md", "html": "html", "text": "txt", "newsml": "xml",
       "epub": "epub", "json": "json"}


def links(n=150000):
    return " ".join("[a](b)" for _ in range(n)) + "\n"


def emphasis(size=600000, depth=90):
    out, marks = [], ["*", "_"]
    unit = "".join(marks[i % 2] + "x " for i in range(depth)).rstrip() + \
        "".join(" x" + marks[i % 2] for i in reversed(range(depth)))
    while sum(map(len, out)) < size:
        out.append(unit + "\n\n")
    return "".join(out)


def quotes(size=600000, depth=90):
    unit = ">" * depth + " deep quote text\n\n"
    return unit * (size // len(unit))


def lists(size=600000, depth=45):
    unit = "".join("  " * i + "- item\n" for i in range(depth)) + "\n"
    return unit * (size // len(unit))


def run(cmd):
    """Runs cmd; returns (exit status, peak RSS in bytes, seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024, time.monotonic() - start


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else "build/artconv"
    page = sys.argv[2] if len(sys.argv) > 2 else None
    tmp = tempfile.mkdtemp(prefix="artconv-memory-")
    shapes = {"links": links(), "emphasis": emphasis(), "quotes": quotes(), "lists": lists()}
    sources = {}
    for name, text in shapes.items():
        path = os.path.join(tmp, name + ".md")
        with open(path, "w") as f:
            f.write(text)
        sources[name] = path
    if page:
        sources["page"] = page
    empty = os.path.join(tmp, "empty.md")
    open(empty, "w").close()
    base = run([exe, "convert", "-q", empty, os.path.join(tmp, "empty.json")])[1]
    print("baseline peak RSS %.1f MB; cells: (peak - baseline) / input, "
          "output / input; '!' = failed" % (base / 1e6))
    print("%-9s %-9s" % ("shape", "reader") + "".join("%16s" % w for w in WRITERS))
    for shape, src in sources.items():
        for reader in READERS:
            inp = os.path.join(tmp, "%s-in.%s" % (shape, EXT[reader]))
            if src.endswith("." + EXT[reader]):
                inp = src
            elif run([exe, "convert", "-q", src, inp])[0] != 0:
                print("%-9s %-9s (could not make the input)" % (shape, reader))
                continue
            size = os.path.getsize(inp)
            row = "%-9s %-9s" % (shape, reader)
            for writer in WRITERS:
                out = os.path.join(tmp, "out." + EXT[writer])
                rc, rss, secs = run([exe, "convert", "-q", "-f", reader, inp, out])
                osize = os.path.getsize(out) if rc == 0 and os.path.exists(out) else 0
                if os.path.exists(out):
                    os.unlink(out)
                cell = "%.1f %.1f%s" % (max(rss - base, 0) / size, osize / size,
                                         "" if rc == 0 else "!")
                row += "%16s" % cell
            print(row + "   [%d KB, from %d KB]" % (size // 1024, os.path.getsize(src) // 1024),
                  flush=True)
    print("inputs in", tmp)


if __name__ == "__main__":
    main()
