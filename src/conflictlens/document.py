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
from operator import attrgetter
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


_START = attrgetter("start")
_END = attrgetter("end")


def _sort_in_text_order(spans: list[Span]) -> None:
    """Sort ``spans`` in text order in place (by start, the longer first; equal spans keep their order): by end
    descending, then (stably) by start, with C key functions rather than one Python call per span."""
    spans.sort(key=_END, reverse=True)
    spans.sort(key=_START)


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
    # each layer sorted in text order, with its span starts in a plain list; dropped when the layer is added to
    _index: dict[str, tuple[list[Span], list[int]]] = field(default_factory=dict, repr=False)
    _sha256: str | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, layer: str, span: Span) -> Span:
        self.layers.setdefault(layer, []).append(span)
        self._index.pop(layer, None)
        return span

    def layer(self, name: str) -> list[Span]:
        """Spans of one layer in text order (empty if no stage added any); sorted once after additions."""
        index = self._index.get(name)
        if index is None:
            if name not in self.layers:
                return []
            index = self._sort(name)
        return index[0]

    def _sort(self, name: str) -> tuple[list[Span], list[int]]:
        """Sort a layer in text order and list its span starts."""
        spans = self.layers[name]
        if len(spans) > 1:  # (most layers of a short note hold one span)
            _sort_in_text_order(spans)
        index = self._index[name] = (spans, [s.start for s in spans])
        return index

    def spans_in(self, name: str, start: int, end: int) -> list[Span]:
        """Spans of layer ``name`` lying inside ``[start, end)``, in text order.

        Stages ask this for every clause, so each layer is kept sorted with its span starts in a plain list (made
        again whenever the layer was added to), and the clause's spans are cut out of it with two bisections.
        """
        index = self._index.get(name)
        if index is None:
            if name not in self.layers:
                return []
            index = self._sort(name)
        spans, starts = index
        if len(starts) != len(spans):  # spans appended to the list itself, not with add()
            starts = [s.start for s in spans]
            self._index[name] = (spans, starts)
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if i == j:
            return []
        if j == i + 1:  # the common case: one span, without making a list comprehension
            span = spans[i]
            return [span] if span.end <= end else []
        return [s for s in spans[i:j] if s.end <= end]

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def sentences(self) -> list[Span]:
        return self.layer("sentence")

    @property
    def text_sha256(self) -> str:
        """Hex SHA-256 of the text; computed once, as every event id and the result need it (the text never
        changes once a document is made).  Kept in a field rather than a ``cached_property``, whose lock (Python
        3.11) costs more than the hash of a short text."""
        sha = self._sha256
        if sha is None:
            sha = self._sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return sha

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
