"""conflictlens: turn news reports about armed conflict into structured, evidence-linked event data.

    >>> import conflictlens
    >>> result = conflictlens.extract("On 14 May 2023, Russian forces shelled Kherson. 2 civilians were killed.")
    >>> result.events[0].sub_event_type
    'Shelling/artillery/missile attack'

``extract`` and ``extract_many`` share one process-wide :class:`~conflictlens.pipeline.Pipeline`, built on first
use; build your own with ``Pipeline.default()`` to control its gazetteer or to hold one per worker.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from functools import lru_cache

from conflictlens import _compiled

_compiled.install(__name__)  # compiled modules (setup.py) only while they are as new as their sources

# Importing pydantic and building the output models make tens of thousands of long-lived objects, which the cyclic
# garbage collector would walk again and again while they are made (a twentieth of the CLI's start-up): it is
# paused meanwhile (see also ``conflictlens.cli`` and ``Pipeline.default``).
_collecting = gc.isenabled()
gc.disable()
try:
    from conflictlens.document import Document
    from conflictlens.model import DocumentFailure, DocumentResult
    from conflictlens.pipeline import Pipeline
finally:
    if _collecting:
        gc.enable()

__version__ = "0.1.0"
__all__ = ["Document", "DocumentFailure", "DocumentResult", "Pipeline", "extract", "extract_many", "__version__"]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def extract(text: str, published: dt.date | str | None = None, doc_id: str = "text") -> DocumentResult:
    """Extract the events and claims of one English news text.

    ``published`` anchors relative dates ("on Tuesday"); without it they stay unresolved and a warning says so.
    Raises :class:`~conflictlens.errors.InputError` for empty or non-English text, as the CLI reports them.
    """
    from conflictlens.ingest import document_from_text

    return _default_pipeline().run(document_from_text(text, doc_id, _as_date(published)))


def extract_many(
    docs: Iterable[Document | dict[str, object] | str], pipeline: Pipeline | None = None
) -> Iterator[DocumentResult | DocumentFailure]:
    """Stream results for many documents (Documents, ``{"id", "text", "published"}`` dicts or plain strings).

    One failing document yields a :class:`DocumentFailure` and the stream goes on.
    """
    pipe = pipeline or _default_pipeline()

    from conflictlens.errors import InputError
    from conflictlens.ingest import document_from_text

    def documents() -> Iterator[Document | DocumentFailure]:
        for i, d in enumerate(docs):
            if isinstance(d, Document):
                yield d
                continue
            doc_id = str(i) if isinstance(d, str) else str(d.get("id", i))
            try:
                if isinstance(d, str):
                    yield document_from_text(d, doc_id)
                elif "text" not in d:
                    yield DocumentFailure(id=doc_id, error="no 'text' field")
                else:
                    yield document_from_text(str(d["text"]), doc_id, _as_date(d.get("published")))  # type: ignore[arg-type]
            except InputError as exc:
                yield DocumentFailure(id=doc_id, error=exc.problem)
            except ValueError as exc:
                yield DocumentFailure(id=doc_id, error=f"bad 'published' value: {exc}")

    yield from pipe.run_many(documents())
