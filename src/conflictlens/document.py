"""The document object every pipeline stage annotates.

Like a spaCy ``Doc``: the plain text is fixed once, and stages add typed spans to named layers (``sentence``,
``date``, ``number``, ``place``, ``weapon``, ``actor``, ``trigger``, ``source``, ``quote``...).  Evidence offsets in the
output are taken from these spans, so they always point at the words a value came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(slots=True)
class Span:
    """A labelled character range ``[start, end)`` of ``Document.text`` with stage-specific attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end


def _text_order(span: Span) -> tuple[int, int]:
    return span.start, -span.end


@dataclass
class Document:
    """One input document: plain text, metadata, and the span layers stages add."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    layers: dict[str, list[Span]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _unsorted: set[str] = field(default_factory=set, repr=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)  # span starts of each sorted layer

    def add(self, layer: str, span: Span) -> Span:
        self.layers.setdefault(layer, []).append(span)
        self._unsorted.add(layer)
        self._starts.pop(layer, None)
        return span

    def layer(self, name: str) -> list[Span]:
        """Spans of one layer in text order (empty if no stage added any); sorted once after additions."""
        spans = self.layers.get(name, [])
        if name in self._unsorted:
            spans.sort(key=_text_order)
            self._unsorted.discard(name)
        return spans

    def spans_in(self, name: str, start: int, end: int) -> list[Span]:
        """Spans of layer ``name`` lying inside ``[start, end)``, in text order.

        Stages ask this for every clause, so the layer's span starts are kept in a plain list (made again whenever
        the layer was added to) and the clause's spans are cut out of the layer with two bisections.
        """
        spans = self.layers.get(name)
        if not spans:
            return []
        if name in self._unsorted:
            spans = self.layer(name)
        starts = self._starts.get(name)
        if starts is None or len(starts) != len(spans):
            starts = self._starts[name] = [s.start for s in spans]
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if i == j:
            return []
        return [s for s in spans[i:j] if s.end <= end]

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def sentences(self) -> list[Span]:
        return self.layer("sentence")

    @cached_property
    def text_sha256(self) -> str:
        """Hex SHA-256 of the text; computed once, as every event id and the result need it (the text never
        changes once a document is made)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
