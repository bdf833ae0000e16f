"""Sentence, paragraph and quotation spans.

News text is mostly well punctuated, so a rule-based splitter is both faster and more predictable than a statistical
one: it splits at line breaks (headlines and paragraphs) and after ``.``, ``!`` or ``?`` (with closing quotes) when the
next word starts a sentence, but not after common abbreviations ("Jan.", "Gen.", "U.S.") or initials.  Quotations
(“...”, "...") are a layer of their own: events are never read from inside a quotation, and claims are.
"""

from __future__ import annotations

import re

from conflictlens.document import Document, Span
from conflictlens.nlp.lexicon import word_list

_ABBREVIATIONS = frozenset(word_list("abbreviations.txt"))
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)[.!?]+[\"”’)\]]*$")
_NEWLINE = re.compile(r"\n")
_QUOTE = re.compile(r"“[^”\n]{2,}?”|\"[^\"\n]{2,}?\"")
# 'single-quoted titles' (slogans, operation names); an apostrophe between letters (Don't) does not close them
_SINGLE_QUOTE = re.compile(r"(?<![\w’'])'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w)){2,}?(?<=\S)'(?![\w’'])")


def quotations(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, single)`` of each quotation, marks included: double-quoted ones first, then single-quoted."""
    # most texts hold no quotation mark at all: a substring test is far cheaper than trying the patterns
    double = '"' in text or "“" in text
    found = [(m.start(), m.end(), False) for m in _QUOTE.finditer(text)] if double else []
    if "'" in text:
        found += [(m.start(), m.end(), True) for m in _SINGLE_QUOTE.finditer(text)]
    return found


def sentence_bounds(text: str, quotes: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trimmed of surrounding whitespace; never splits inside one of the
    ``quotes`` (as :func:`quotations` gives them, found once for both the sentences and the quote layer)."""
    inner = [(qs + 1, qe - 1) for qs, qe, _ in quotes]
    bounds: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        start = line_start
        for m in _BOUNDARY.finditer(line):
            end = line_start + m.end()
            if inner and any(qs < end <= qe for qs, qe in inner):
                continue
            if m.group(0).startswith("."):  # after a period, unless it ends an abbreviation or an initial
                # the word before the stop: it cannot start before the sentence's last space, so the search starts there
                word = _LAST_WORD.search(text, text.rfind(" ", start, end) + 1 or start, end)
                if word and _is_abbreviation(word.group(1)):
                    continue
            bounds.append(_trim(text, start, end))
            start = end
        bounds.append(_trim(text, start, line_start + len(line)))
    return [b for b in bounds if b[1] > b[0]]


def _is_abbreviation(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    part = text[start:end]
    kept = part.strip()  # strips what ``str.isspace`` calls whitespace
    if len(kept) == len(part):
        return start, end
    start += len(part) - len(part.lstrip())
    return start, start + len(kept)


class SentenceSplitter:
    """Adds ``sentence`` spans (attr ``paragraph``: index of the line block) and ``quote`` spans."""

    name = "sentences"

    def __call__(self, doc: Document) -> None:
        text = doc.text
        para_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)] if "\n" in text else [0]
        para = 0
        quotes = quotations(text)
        for start, end in sentence_bounds(text, quotes):
            while para + 1 < len(para_starts) and para_starts[para + 1] <= start:
                para += 1
            doc.add("sentence", Span(start, end, "sentence", {"paragraph": para}))
        for qs, qe, single in quotes:
            attrs: dict[str, object] = {"inner": (qs + 1, qe - 1)}
            if single:
                attrs["single"] = True
            doc.add("quote", Span(qs, qe, "quote", attrs))
