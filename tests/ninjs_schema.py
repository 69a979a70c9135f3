#!/usr/bin/env python3
"""ninjs_schema.py - every ninjs item artconv writes validates against IPTC's
ninjs 3.1 JSON Schema (../shared/specs/ninjs), with formats checked: the
samples, the NewsML-G2 examples and every page of the three extraction
corpora.  Speaks TAP; skips by name without python3-jsonschema or ../shared.

    ninjs_schema.py ARTCONV SOURCE_ROOT SHARED_DIR
"""
import glob
import gzip
import json
import os
import subprocess
import sys
import tempfile


def main():
    artconv, root, shared = sys.argv[1:4]
    try:
        import jsonschema
    except ImportError:
        print("1..0 # SKIP python3-jsonschema is not installed")
        return 0
    schema_path = os.path.join(shared, "specs", "ninjs", "ninjs-schema_3.1.json")
    if not os.path.isfile(schema_path):
        print("1..0 # SKIP ../shared is absent: no ninjs schema")
        return 0
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(
            json.load(f), format_checker=jsonschema.FormatChecker())
    groups = {
        "samples": sorted(glob.glob(os.path.join(root, "samples", "*"))),
        "NewsML-G2 examples": sorted(glob.glob(os.path.join(shared, "specs", "newsml-g2", "*", "*.xml"))),
        "readability": sorted(glob.glob(os.path.join(shared, "corpus", "readability", "*", "source.html"))),
        "trafilatura-eval": sorted(glob.glob(os.path.join(shared, "corpus", "trafilatura-eval", "pages", "*.html"))),
        "wcxb-dev": sorted(glob.glob(os.path.join(shared, "corpus", "wcxb-dev", "html", "*.html.gz"))),
    }
    n = 0
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, inputs in groups.items():
            paths = []
            for i, path in enumerate(inputs):
                if path.endswith(".gz"):  # the reader takes the page, not its gzip
                    page = os.path.join(tmp, "%s-%04d.html" % (name, i))
                    with gzip.open(path, "rb") as src, open(page, "wb") as dst:
                        dst.write(src.read())
                    path = page
                paths.append(path)
            out = os.path.join(tmp, name.replace(" ", "-"))
            os.mkdir(out)
            listing = os.path.join(tmp, name.replace(" ", "-") + ".list")
            with open(listing, "w", encoding="utf-8") as f:
                f.write("".join(p + "\n" for p in paths))
            # Inputs a reader refuses (a picture item) are other tests' business.
            subprocess.run([artconv, "convert", "-q", "-t", "ninjs", "-d", out,
                            "--files-from", listing], check=False)
            items = sorted(glob.glob(os.path.join(out, "*.ninjs")))
            bad = []
            for item in items:
                with open(item, encoding="utf-8") as f:
                    errors = list(validator.iter_errors(json.load(f)))
                if errors:
                    bad.append("%s: %s" % (os.path.basename(item), errors[0].message))
            n += 1
            ok = len(items) >= max(1, len(paths) // 2) and not bad
            failed += not ok
            print("%sok %d - %s: %d of %d ninjs items valid (ninjs 3.1)"
                  % ("" if ok else "not ", n, name, len(items) - len(bad), len(items)))
            for line in bad[:5]:
                print("#   " + line)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
