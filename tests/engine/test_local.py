"""The local worker pool: same results as one process, in input order, failures in place."""

from __future__ import annotations

from conflictlens.document import Document
from conflictlens.engine.local import json_bytes, json_line, run_parallel
from conflictlens.model import DocumentFailure, DocumentResult

TEXTS = [
    "On 14 May 2023, Russian forces shelled Kherson. 2 civilians were killed.",
    "On 3 April 2024, Russian air forces struck Stara Mykolaivka, Donetsk.",
    "Nothing happened in the town today.",
]


def _docs(n: int) -> list[Document | DocumentFailure]:
    docs: list[Document | DocumentFailure] = [Document(id=f"d{i}", text=TEXTS[i % 3]) for i in range(n)]
    docs.insert(5, DocumentFailure(id="bad", error="empty document"))
    return docs


def test_parallel_equals_serial_and_keeps_order(pipeline) -> None:  # type: ignore[no-untyped-def]
    serial = list(run_parallel(_docs(40), jobs=1, pipeline=pipeline))
    parallel = list(run_parallel(_docs(40), jobs=2, pipeline=pipeline, chunk=7))
    assert [r.id for r in parallel] == [r.id for r in serial]
    assert [type(r) for r in parallel] == [type(r) for r in serial]
    assert parallel[5] == DocumentFailure(id="bad", error="empty document")
    for a, b in zip(serial, parallel, strict=True):
        if isinstance(a, DocumentResult):
            assert a.model_dump() == b.model_dump()  # type: ignore[union-attr]


def test_transform_runs_in_the_workers(pipeline) -> None:  # type: ignore[no-untyped-def]
    lines = list(run_parallel(_docs(6), jobs=2, pipeline=pipeline, transform=json_line))
    assert isinstance(lines[0], str) and lines[0].startswith('{"id":"d0"')
    assert isinstance(lines[5], DocumentFailure)


def test_json_bytes_are_the_json_line_encoded(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The CLI writes :func:`json_bytes` to files; it must be the contract's line, byte for byte."""
    for doc in _docs(4):
        if isinstance(doc, Document):
            result = pipeline.run(Document(id=doc.id, text=doc.text + " \u201cЗахід\u201d said."))
            for with_text in (False, True):
                assert json_bytes(result, with_text) == json_line(result, with_text).encode("utf-8")
