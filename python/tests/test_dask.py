"""A conversion job on Dask distributed (Debian's python3-dask and
python3-distributed): a LocalCluster of two worker processes, each feeding
its share of the files to the Python binding (examples/dask_convert.py)."""

import importlib.util
import os

import pytest

pytest.importorskip("dask", reason="python3-dask is not installed")
pytest.importorskip("distributed", reason="python3-distributed is not installed")

HERE = os.path.dirname(__file__)
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "dask_convert.py")


def load_example():
    spec = importlib.util.spec_from_file_location("dask_convert", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_workers_convert_every_file(tmp_path):
    example = load_example()
    inputs = []
    for i in range(40):
        path = tmp_path / f"story-{i:02d}.md"
        path.write_text(f"# Story {i} of the day\n\nThe council met on day {i} and agreed.\n")
        inputs.append(str(path))
    bad = tmp_path / "notes.doc"
    bad.write_text("not an article")
    out = tmp_path / "out"
    summary = example.run(inputs + [str(bad)], "html", str(out), workers=2, batch=5)
    assert summary["converted"] == 40
    assert summary["failed"] == 1 and "notes.doc" in summary["failures"][0][0]
    assert len(summary["worker_pids"]) == 2, "both workers took a share"
    assert os.getpid() not in summary["worker_pids"]
    html = (out / "story-07.html").read_text()
    assert "Story 7 of the day" in html and "<!DOCTYPE html>" in html
    assert not list(out.glob("*.part"))
