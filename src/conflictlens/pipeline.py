"""The one ``document -> events`` path.

The CLI, the Python API, the evaluator and the batch engines all call :meth:`Pipeline.run`.  A pipeline is an ordered
list of small named stages; each adds spans to the :class:`~conflictlens.document.Document` (sentences, dates,
numbers, places, weapons, actors, triggers, sources, quotes) and the last ones assemble events and claims from those
spans.  Heavy resources (the gazetteer, lexicons) are loaded once when the pipeline is built: build one per process or
worker and reuse it; a pipeline holds no per-document state.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Protocol, cast

from conflictlens.document import Document
from conflictlens.errors import ConflictlensError
from conflictlens.model import DocumentFailure, DocumentResult

#: Documents :meth:`Pipeline.run_many` takes through the stages together.  Each stage runs over the whole batch before
#: the next one starts, so that its code and tables stay in the CPU's caches instead of being evicted by the other
#: eight stages' (the gazetteer's above all) at every document: about a sixth less time on short notes than stage
#: after stage per document.  Batches of 32 to 128 do about as well; below 16 the gain shrinks.
BATCH = 64


class Stage(Protocol):
    """A pipeline component: annotates a document in place."""

    name: str

    def __call__(self, doc: Document) -> None: ...


class Pipeline:
    def __init__(self, stages: list[Stage], finish: Callable[[Document], DocumentResult]) -> None:
        self.stages = stages
        self._finish = finish

    @classmethod
    def default(cls, *, home: Path | None = None, gazetteer: object | None = None) -> Pipeline:
        """The standard English pipeline, with the bundled gazetteer plus whatever the user imported."""
        # The gazetteer and lexicons are hundreds of thousands of long-lived objects, and the stages' modules
        # (imported here, on first use) thousands more: collecting while they are made only walks them again and
        # again, and once made they are moved out of the cyclic garbage collector's sight, or every full collection
        # during a batch walks them all again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            from conflictlens.events.assemble import EventAssembler, result_of
            from conflictlens.events.claims import ClaimExtractor
            from conflictlens.geo.gazetteer import Gazetteer
            from conflictlens.geo.matcher import PlaceMatcher
            from conflictlens.geo.resolver import ToponymResolver
            from conflictlens.nlp.dateline import DatelineReader
            from conflictlens.nlp.dates import DateTagger
            from conflictlens.nlp.lexicon import LexiconTagger
            from conflictlens.nlp.numbers import NumberTagger
            from conflictlens.nlp.sentences import SentenceSplitter

            gaz = gazetteer if gazetteer is not None else Gazetteer.load(home=home)
            stages: list[Stage] = [
                SentenceSplitter(),
                DatelineReader(),
                DateTagger(),
                NumberTagger(),
                PlaceMatcher(gaz),  # type: ignore[arg-type]
                ToponymResolver(gaz),  # type: ignore[arg-type]
                LexiconTagger(),
                EventAssembler(gaz),
                ClaimExtractor(),
            ]
        finally:
            if collecting:
                gc.enable()
        gc.freeze()
        return cls(stages, result_of)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def annotate(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc

    def run(self, doc: Document) -> DocumentResult:
        """Extract the events and claims of one document."""
        return self._finish(self.annotate(doc))

    def run_text(self, text: str, published: dt.date | None = None, doc_id: str = "text") -> DocumentResult:
        return self.run(Document(id=doc_id, text=text, published=published))

    def run_many(self, docs: Iterable[Document | DocumentFailure]) -> Iterator[DocumentResult | DocumentFailure]:
        """Stream results in input order; a document that fails becomes a :class:`DocumentFailure` and the others go
        on.

        Documents go through the stages in batches (see :data:`BATCH`): the first alone, so that one document is
        answered at once, then twice as many each time, up to :data:`BATCH`.  The cyclic garbage collector is paused
        while a batch runs: its documents' spans are thousands of objects that all live until its results are made,
        and collections in between would only walk them again and again (a tenth of a second per 10,000 notes).  They
        are freed, by reference counting, before it resumes; it collects whatever cycles a batch left after it.
        """
        items = iter(docs)
        size = 1
        while batch := list(islice(items, size)):
            collecting = gc.isenabled()
            gc.disable()
            try:
                results = self._run_batch(batch)
                del batch  # the documents, and their spans, go before the collector resumes
            finally:
                if collecting:
                    gc.enable()
            yield from results
            size = min(2 * size, BATCH)

    def _run_batch(self, batch: list[Document | DocumentFailure]) -> list[DocumentResult | DocumentFailure]:
        """The results of ``batch`` in its order: each stage runs over all its documents before the next stage does.
        A document a stage raises for gets the failure :meth:`run_many` has always given it, and leaves the batch."""
        out: list[DocumentResult | DocumentFailure | None] = [
            d if isinstance(d, DocumentFailure) else None for d in batch
        ]
        live = [(i, d) for i, d in enumerate(batch) if not isinstance(d, DocumentFailure)]
        for stage in self.stages:
            failures = 0
            for i, doc in live:
                try:
                    stage(doc)
                except Exception as exc:  # one bad document never stops a batch
                    out[i] = _failure(doc, exc)
                    failures += 1
            if failures:
                live = [(i, doc) for i, doc in live if out[i] is None]
        for i, doc in live:
            try:
                out[i] = self._finish(doc)
            except Exception as exc:
                out[i] = _failure(doc, exc)
        return cast("list[DocumentResult | DocumentFailure]", out)


def _failure(doc: Document, exc: Exception) -> DocumentFailure:
    """What a document becomes when a stage raises: the error's own message for an input problem, else an internal
    error naming the exception."""
    if isinstance(exc, ConflictlensError):
        return DocumentFailure(id=doc.id, error=str(exc))
    return DocumentFailure(id=doc.id, error=f"internal error: {type(exc).__name__}: {exc}")
