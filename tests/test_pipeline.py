"""run_many: batched through the stages, the same results as run() one document at a time, failures in place."""

from __future__ import annotations

from conflictlens.document import Document
from conflictlens.errors import InputError
from conflictlens.model import DocumentFailure, DocumentResult
from conflictlens.pipeline import BATCH, Pipeline

TEXTS = [
    "On 14 May 2023, Russian forces shelled Kherson. 2 civilians were killed.",
    "On 3 April 2024, Russian air forces struck Stara Mykolaivka, Donetsk.",
    "Nothing happened in the town today.",
]


class Boom:
    """A stage that raises for the documents whose id it names: an input problem for "input-*", a bug otherwise."""

    name = "boom"

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids

    def __call__(self, doc: Document) -> None:
        if doc.id in self.ids:
            if doc.id.startswith("input"):
                raise InputError(doc.id, "cannot be read")
            raise KeyError("a bug")


def _docs(n: int) -> list[Document | DocumentFailure]:
    docs: list[Document | DocumentFailure] = [
        Document(id=f"d{i}", text=TEXTS[i % len(TEXTS)], published=None) for i in range(n)
    ]
    docs[2] = Document(id="input-2", text=TEXTS[0])
    if n > 40:
        docs[40] = Document(id="bug-40", text=TEXTS[1])
    docs.insert(7, DocumentFailure(id="bad", error="empty document"))
    return docs


def test_run_many_equals_run_in_order_with_failures_in_place(pipeline: Pipeline) -> None:
    boom = Boom({"input-2", "bug-40"})
    stages = [*pipeline.stages[:4], boom, *pipeline.stages[4:]]
    batched = Pipeline(stages, pipeline._finish)
    n = 2 * BATCH + 30  # several batches, the last one partial
    results = list(batched.run_many(_docs(n)))
    assert [r.id for r in results] == [d.id for d in _docs(n)]
    assert results[2] == DocumentFailure(id="input-2", error="input-2: cannot be read")
    assert results[7] == DocumentFailure(id="bad", error="empty document")
    assert results[41] == DocumentFailure(id="bug-40", error="internal error: KeyError: 'a bug'")
    for doc, result in zip(_docs(n), results, strict=True):
        if isinstance(result, DocumentResult):
            assert isinstance(doc, Document)
            assert result.model_dump() == pipeline.run(doc).model_dump()


def test_a_failing_finish_fails_only_its_document(pipeline: Pipeline) -> None:
    def finish(doc: Document) -> DocumentResult:
        if doc.id == "d1":
            raise ValueError("no result")
        return pipeline._finish(doc)

    docs = [Document(id=f"d{i}", text=text) for i, text in enumerate(TEXTS)]
    results = list(Pipeline(pipeline.stages, finish).run_many(docs))
    assert [type(r) for r in results] == [DocumentResult, DocumentFailure, DocumentResult]
    assert results[1] == DocumentFailure(id="d1", error="internal error: ValueError: no result")
