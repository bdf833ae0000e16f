"""Where predictions come from: a JSON Lines file of document results, or the extraction pipeline run in-process.

Either way the evaluator sees ``doc id -> document result dict`` (the contract's JSON, as ``conflictlens extract``
writes it) plus ``doc id -> error`` for documents extraction could not process.  Like the reference scorer, a later
line for the same id replaces an earlier one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from conflictlens.errors import ConfigError, InputError
from conflictlens.evaluate.gold import GoldDoc

Predictions = dict[str, dict[str, Any]]
Failures = dict[str, str]


def read_predictions(path: Path) -> tuple[Predictions, Failures]:
    """Read a JSON Lines file of document results (lines ``{"id": ..., "error": ...}`` are failures)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read predictions: {exc}") from None
    preds: Predictions = {}
    failures: Failures = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {n}: invalid JSON: {exc.msg}") from None
        if not isinstance(obj, dict) or "id" not in obj:
            raise InputError(str(path), f"line {n}: not a document result (a JSON object with an 'id')")
        doc_id = str(obj["id"])
        preds[doc_id] = obj
        if "error" in obj and "events" not in obj:
            failures[doc_id] = str(obj["error"])
    return preds, failures


def run_pipeline(
    docs: Iterable[GoldDoc], *, on_result: Callable[[str], None] | None = None
) -> tuple[Predictions, Failures]:
    """Run ``Pipeline.default()`` over the gold texts, streaming; returns predictions and failures.

    A result keeps the document text when the pipeline sets it, so evidence offsets can be shown against it.

    ``on_result(doc_id)`` is called after each document (for progress display).
    """
    from conflictlens.document import Document
    from conflictlens.model import DocumentFailure
    from conflictlens.pipeline import Pipeline

    try:
        pipeline = Pipeline.default()
    except Exception as exc:  # stages not importable, a broken user gazetteer...
        raise ConfigError(f"cannot load the extraction pipeline: {type(exc).__name__}: {exc}") from exc
    preds: Predictions = {}
    failures: Failures = {}
    inputs = (Document(id=d.id, text=d.text, published=d.published, title=d.title) for d in docs)
    for item in pipeline.run_many(inputs):
        if isinstance(item, DocumentFailure):
            failures[item.id] = item.error
            preds[item.id] = {"id": item.id, "error": item.error}
        else:
            preds[item.id] = item.to_json_dict(with_text=item.text is not None)
        if on_result is not None:
            on_result(item.id)
    return preds, failures
