"""The wall time of each phase of a build, for ``benchmarks/bench_site.py``.

The examples run in parallel and the pages are read in parallel, so their recorded run times
add up to more than the build took; this records when each phase of the build itself starts
and ends, in the build process, and writes ``docs/_build/build-phases.json`` (beside the site,
not in it): the time (Unix seconds) of the start and end of

- ``gallery``: sphinx-gallery running every example (it does so at ``builder-inited``);
- ``read``: reading every page (the notebooks' execution included);
- ``write``: writing every page, then the ``build-finished`` work (the site's fixes).

conf.py adds this extension only when ``REGEXPLAIN_TIMINGS=1`` (only the benchmark sets it).
"""

import json
import time
from pathlib import Path


def setup(app):
    marks: dict[str, float] = {}

    def mark(name: str):
        def record(*args) -> None:
            marks[name] = time.time()

        return record

    def write(app, exception) -> None:
        mark("write_end")()
        if exception is None:
            phases = {
                phase: {"start": marks[f"{phase}_start"], "end": marks[f"{phase}_end"]}
                for phase in ("gallery", "read", "write")
            }
            path = Path(app.outdir).parent / "build-phases.json"
            path.write_text(json.dumps(phases, indent=2) + "\n", encoding="utf-8")

    app.connect("builder-inited", mark("gallery_start"), priority=0)  # sphinx-gallery's handler: priority 500
    app.connect("builder-inited", mark("gallery_end"), priority=1000)
    app.connect("env-before-read-docs", mark("read_start"), priority=0)
    app.connect("env-updated", mark("read_end"), priority=1000)
    app.connect("write-started", mark("write_start"), priority=0)
    app.connect("build-finished", write, priority=1000)  # after the site's own build-finished work
    return {"parallel_read_safe": True, "parallel_write_safe": True}
