#!/usr/bin/env python3
"""Convert many articles on a Dask cluster, each worker through the artconv
Python binding (python/artconv): the way to run artconv past one machine
on an engine that already exists, with no scheduler of our own.

    python3 examples/dask_convert.py --to epub --out OUTDIR IN...
    python3 examples/dask_convert.py --scheduler tcp://host:8786 --to html --out OUT IN...

Without --scheduler a LocalCluster of --workers processes is started.  The
inputs are split into one batch a task (--batch files), so the cluster
moves file names, not articles; each output is named after its input
(story.md -> OUTDIR/story.epub) and written by the worker that converted
it.  Prints one JSON line at the end: converted, failed, seconds, per second,
and the workers that did the work.
"""

import argparse
import json
import os
import sys
import time


def convert_batch(paths, to, out_dir):
    """Runs on a worker: converts each file, returns (converted, failures,
    worker pid).  A failure is (path, message); the others go on."""
    import artconv  # imported on the worker, from its own PYTHONPATH

    ext = {"markdown": ".md", "text": ".txt", "html": ".html", "json": ".json",
           "epub": ".epub", "newsml": ".xml"}[to]
    done, failed = 0, []
    for path in paths:
        stem, suffix = os.path.splitext(os.path.basename(path))
        from_ = {".md": "markdown", ".txt": "text", ".html": "html", ".htm": "html",
                 ".epub": "epub", ".xml": "newsml"}.get(suffix.lower())
        try:
            if from_ is None:
                raise ValueError(f"cannot tell the format of {path}")
            with open(path, "rb") as f:
                out = artconv.convert(f.read(), from_=from_, to=to, filename=path)
            target = os.path.join(out_dir, stem + ext)
            tmp = target + ".part"
            with open(tmp, "wb") as f:
                f.write(out if isinstance(out, bytes) else out.encode("utf-8"))
            os.replace(tmp, target)  # a whole file or none
            done += 1
        except (OSError, ValueError, artconv.Error) as e:
            failed.append((path, str(e)))
    return done, failed, os.getpid()


def run(paths, to, out_dir, workers=2, batch=100, scheduler=None):
    """Converts `paths` on a cluster; returns the summary dict."""
    from dask.distributed import Client, LocalCluster

    os.makedirs(out_dir, exist_ok=True)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(scheduler or cluster)
    start = time.monotonic()
    try:
        batches = [paths[i:i + batch] for i in range(0, len(paths), batch)]
        futures = client.map(convert_batch, batches, to=to, out_dir=out_dir, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.monotonic() - start
    converted = sum(r[0] for r in results)
    failures = [f for r in results for f in r[1]]
    return {"converted": converted, "failed": len(failures), "failures": failures[:20],
            "seconds": round(seconds, 3),
            "per_second": round(converted / seconds, 1) if seconds > 0 else None,
            "worker_pids": sorted({r[2] for r in results})}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--to", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--scheduler")
    p.add_argument("inputs", nargs="+")
    a = p.parse_args(argv)
    summary = run(a.inputs, a.to, a.out, a.workers, a.batch, a.scheduler)
    print(json.dumps(summary))
    return 0 if summary["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
