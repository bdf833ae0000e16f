"""Benchmark the geo module: gazetteer build/load time and memory, matcher+resolver cost per document.

Usage: ``python bench/gazetteer_load.py [notes.jsonl]`` (default: ../shared/eval/acled-ukraine/dev.jsonl, field
``notes``).  Runs in a temporary CONFLICTLENS_HOME unless CONFLICTLENS_HOME is set.  The baseline is a bare regex
word tokenisation of the same texts in the same run; the printed ratio is what the geo stages add relative to it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def main(argv: list[str]) -> None:
    if "CONFLICTLENS_HOME" not in os.environ:
        os.environ["CONFLICTLENS_HOME"] = tempfile.mkdtemp(prefix="clbench-")
    from conflictlens.document import Document
    from conflictlens.geo.gazetteer import Gazetteer
    from conflictlens.geo.matcher import PlaceMatcher
    from conflictlens.geo.resolver import ToponymResolver, event_place

    src = Path(argv[0]) if argv else Path(__file__).resolve().parents[1].parent / "shared/eval/acled-ukraine/dev.jsonl"
    if not src.exists():
        sys.exit(f"{src}: not found (pass a JSONL file with a 'notes' field)")
    texts = [json.loads(line)["notes"] for line in src.open(encoding="utf-8") if line.strip()]

    t0 = time.perf_counter()
    Gazetteer.build()
    build_s = time.perf_counter() - t0
    tracemalloc.start()
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    cold_s = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t0 = time.perf_counter()
    Gazetteer.load()
    warm_s = time.perf_counter() - t0
    matcher, resolver = PlaceMatcher(gaz), ToponymResolver(gaz)

    word = re.compile(r"\w+|[^\w\s]")
    t0 = time.perf_counter()
    n_tok = sum(len(word.findall(t)) for t in texts)
    base_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_spans = 0
    for i, t in enumerate(texts):
        doc = Document(id=str(i), text=t)
        matcher(doc)
        resolver(doc)
        event_place(doc, 0, len(t))
        n_spans += len(doc.layer("place"))
    geo_s = time.perf_counter() - t0

    print(f"places {len(gaz)}, names {len(gaz.names)}, index {gaz.path} ({gaz.path.stat().st_size / 1e6:.1f} MB)")
    print(f"build {build_s:.2f} s | load (first in process) {cold_s:.3f} s | load again {warm_s:.3f} s")
    print(f"memory: peak Python allocations during load {peak / 1e6:.0f} MB")
    print(f"docs {len(texts)}: regex tokenisation {base_s * 1e3:.1f} ms ({n_tok} tokens); "
          f"matcher+resolver {geo_s * 1e3:.1f} ms ({n_spans} place spans)")  # fmt: skip
    print(f"per doc: baseline {base_s / len(texts) * 1e6:.1f} us, geo {geo_s / len(texts) * 1e6:.1f} us, "
          f"ratio geo/baseline {geo_s / base_s:.1f}x; load / (geo over these docs) {cold_s / geo_s:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
