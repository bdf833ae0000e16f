"""A local pool of worker processes, each holding one pipeline, streaming results in input order.

Extraction is CPU-bound pure Python, so threads do not help; processes do.  Each worker builds (or, with the ``fork``
start method, inherits) its pipeline once, then receives documents in chunks.  Results come back in the order the
documents went in, as they are ready, so a batch of millions streams through with bounded memory.  A document that
fails becomes a :class:`~conflictlens.model.DocumentFailure` in its place; the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from conflictlens.document import Document
from conflictlens.model import DocumentFailure, DocumentResult
from conflictlens.pipeline import Pipeline

_worker_pipeline: Pipeline | None = None  # one per worker process, set by the pool initializer
_worker_transform: Callable[[DocumentResult], object] | None = None


def _init_worker(
    factory: Callable[[], Pipeline] | None,
    inherited: Pipeline | None,
    transform: Callable[[DocumentResult], object] | None,
) -> None:
    global _worker_pipeline, _worker_transform
    _worker_pipeline = inherited if inherited is not None else factory()  # type: ignore[misc]
    _worker_transform = transform


def _run_chunk(docs: list[Document | DocumentFailure]) -> list[object]:
    assert _worker_pipeline is not None
    results = _worker_pipeline.run_many(docs)
    if _worker_transform is None:
        return list(results)
    return [r if isinstance(r, DocumentFailure) else _worker_transform(r) for r in results]


def json_line(result: DocumentResult, with_text: bool = False) -> str:
    """A result as one line of the contract's JSON Lines (a picklable ``transform``)."""
    return result.to_json_line(with_text=with_text)


def json_bytes(result: DocumentResult, with_text: bool = False) -> bytes:
    """:func:`json_line` UTF-8 encoded (a picklable ``transform`` for writing to a binary stream)."""
    return result.to_json_bytes(with_text=with_text)


def default_jobs() -> int:
    """Worker processes to use by default: the CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run_parallel(
    docs: Iterable[Document | DocumentFailure],
    jobs: int,
    pipeline: Pipeline | None = None,
    factory: Callable[[], Pipeline] = Pipeline.default,
    chunk: int = 256,
    transform: Callable[[DocumentResult], object] | None = None,
) -> Iterator[object]:
    """Results of ``docs`` in input order, computed by ``jobs`` worker processes.

    With the ``fork`` start method the workers share ``pipeline`` (built once, here); otherwise each worker calls
    ``factory``.  ``transform`` (a picklable function, e.g. serialisation to a JSON line) runs in the workers on each
    result; failures pass through as :class:`DocumentFailure`.  ``jobs <= 1`` runs in this process.
    """
    if jobs <= 1:
        for r in (pipeline or factory()).run_many(docs):
            yield r if transform is None or isinstance(r, DocumentFailure) else transform(r)
        return
    import multiprocessing as mp  # only with workers: a millisecond of the start-up of every single-process run

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    inherited = pipeline if ctx.get_start_method() == "fork" else None
    if inherited is None and ctx.get_start_method() == "fork":
        inherited = factory()
    it = iter(docs)
    chunks = iter(lambda: list(islice(it, chunk)), [])
    initargs = (None if inherited else factory, inherited, transform)
    with ctx.Pool(jobs, initializer=_init_worker, initargs=initargs) as pool:
        for results in pool.imap(_run_chunk, chunks):
            yield from results
