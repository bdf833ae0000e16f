"""Lexicon taggers: weapons, event triggers, actors, victims, damage and reporting cues.

Each lexicon is a data file in ``nlp/data`` (one entry a line, a ``#`` comment on where the facts come from).  A file
is compiled once into a single alternation regex; a match is mapped back to its entry by the named group that fired.
The tagger adds one layer per lexicon (``weapon``, ``trigger``, ``actor``, ``victim``, ``damage``) with the entry's
columns as span attributes, so the extractors downstream never see a raw string table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from conflictlens.document import Document, Span


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A compiled lexicon: ``regex`` finds any entry; group ``e<N>`` tells which entry ``rows[N]`` matched.

    The group is an empty marker at the *end* of each alternative (``entry(?P<eN>)``), not a group around it: sre
    skips an alternative that starts with a literal or a character class after one character test, but must enter
    a group to learn that it fails, so wrapping every entry in its own group made every word start try each entry
    in full (about three times slower on the weapons lexicon).  Being empty and last, the marker is the group that
    closes last, so ``lastgroup`` names the entry, and what matches is exactly what ``(?P<eN>entry)`` matched.
    """

    name: str
    regex: re.Pattern[str]
    rows: tuple[tuple[str, ...], ...]

    def finditer(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        rows = self.rows
        return [
            (m.start(), m.end(), rows[int(m.lastgroup[1:]) if m.lastgroup else 0]) for m in self.regex.finditer(text)
        ]

    def padded(self, width: int) -> Lexicon:
        """This lexicon with each row cut or padded with ``""`` to ``width`` columns (trailing columns are optional
        in the data files), done once here rather than for every match."""
        return Lexicon(self.name, self.regex, tuple(tuple((list(r) + [""] * width)[:width]) for r in self.rows))


def read_rows(filename: str) -> list[list[str]]:
    """Rows of a tab-separated data file in ``nlp/data``, comments and blank lines skipped."""
    text = resources.files("conflictlens.nlp").joinpath("data", filename).read_text(encoding="utf-8")
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def word_list(filename: str) -> list[str]:
    """Entries of a one-word-a-line data file in ``nlp/data``."""
    return [row[0].strip() for row in read_rows(filename)]


@cache
def load_lexicon(filename: str, ignore_case: bool = True) -> Lexicon:
    """Compile a lexicon.  A case-insensitive one is compiled lower-cased, to run over lower-cased text (sre's
    IGNORECASE matching is about twice as slow); :func:`lowered` gives that text."""
    rows = read_rows(filename)
    parts = [f"(?:{row[0].lower() if ignore_case else row[0]})(?P<e{i}>)" for i, row in enumerate(rows)]
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
    return Lexicon(filename, regex, tuple(tuple(r[1:]) for r in rows))


def lowered(doc: Document) -> str:
    """The document text lower-cased with offsets unchanged (cached on the document); characters whose lower case
    is longer (rare, e.g. "İ") are kept as they are so that offsets still line up."""
    low = doc.meta.get("_lower")
    if low is None:
        low = doc.text.lower()
        if len(low) != len(doc.text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in doc.text)
        doc.meta["_lower"] = low
    return low


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_PLACE_NOUN = re.compile(r"\s+(?:city|cities|town|towns|village|villages|regions?|territory|soil|capital|border)\b")


class LexiconTagger:
    """Adds ``weapon``, ``trigger``, ``actor``, ``victim`` and ``damage`` spans from the bundled lexicons."""

    name = "lexicon"

    def __init__(self) -> None:
        self.weapons = load_lexicon("weapons.tsv", ignore_case=True).padded(2)
        self.triggers = load_lexicon("triggers.tsv", ignore_case=True).padded(2)
        self.actors = load_lexicon("actors.tsv", ignore_case=False).padded(5)
        self.victims = load_lexicon("victims.tsv", ignore_case=True).padded(1)
        self.damage = load_lexicon("damage.tsv", ignore_case=True).padded(1)
        self.not_actor_nouns = frozenset(word_list("not_actor_nouns.txt"))

    def __call__(self, doc: Document) -> None:
        text = doc.text
        low = lowered(doc)
        for start, end, (category, model) in self.weapons.finditer(low):
            doc.add("weapon", Span(start, end, "weapon", {"category": category, "model": model or None}))
        for start, end, (role, sub) in self.triggers.finditer(low):
            doc.add("trigger", Span(start, end, "trigger", {"role": role, "sub_event_type": sub}))
        for start, end, (name, country, kind, side, bare) in self.actors.finditer(text):
            if _PLACE_NOUN.match(text[end : end + 12]):
                continue  # "the Russian city of Belgorod": a place, not an actor
            if bare == "bare" and (nxt := _NEXT_WORD.match(low, end)) and nxt.group(1) in self.not_actor_nouns:
                continue  # "Ukrainian Railways said", "the Russian president": a nationality, not an armed actor
            attrs = {"name": name, "country": None if country == "-" else country, "kind": kind, "side": side}
            attrs["bare"] = bare == "bare"
            doc.add("actor", Span(start, end, "actor", attrs))
        for start, end, (group,) in self.victims.finditer(low):
            doc.add("victim", Span(start, end, "victim", {"group": group}))
        for start, end, (label,) in self.damage.finditer(low):
            doc.add("damage", Span(start, end, "damage", {"label": label}))
