"""Weapons of an incident, with salvo counts.

"Moscow launched 90 Iranian-made Shahed drones ..., 87 of which were destroyed" gives one ``drone`` weapon (model
Shahed) with ``launched`` 90 and ``intercepted`` 87.  Counts are read left to right: a number just before a weapon noun
belongs to it, and whether it counts as launched or intercepted depends on the last launch/defence verb seen
("launched", "fired" vs "destroyed", "shot down", "intercepted"); "N of which/of them were destroyed" intercepts the
weapon just named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictlens.document import Document, Span
from conflictlens.nlp.lexicon import lowered

_LAUNCH = re.compile(r"\b(?:launched|fired|attacked with|used|sent|struck with|deployed)\b", re.IGNORECASE)
_DEFEND = re.compile(
    r"\b(?:destroy(?:ed|s)|shoots? down|shot down|shooting down|intercept(?:ed|s)|down(?:ed|s)|neutrali[sz]ed|"
    r"repelled|eliminated|hit by air defen[cs]e)\b",
    re.IGNORECASE,
)
_N_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_ALL_DOWNED = re.compile(
    r"\ball (?:of )?(?:them|these|the \w+)\s+(?:had been|have been|were|was)\s+(?:shot down|destroyed|intercepted|"
    r"downed|neutrali[sz]ed)",
    re.IGNORECASE,
)
# "21 of the missiles", "both drones", "all (of) the missiles" right before a weapon noun
_OF_THE_BEFORE = re.compile(
    r"(?:\b(?P<n>\d[\d,]*|(?!all\b|both\b)[a-z]+)\s+of\s+(?:the|these|those)\s+|"
    r"\b(?:both|all(?:\s+of)?(?:\s+the)?)\s+)"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# words every match of ``_OF_THE_BEFORE`` / ``_ALL_DOWNED`` contains (lower-cased)
_OF_THE_WORDS = ("of", "both", "all")
_DOWNED_WORDS = ("shot down", "destroyed", "intercepted", "downed", "neutrali")
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
_OF_WHICH = re.compile(
    r"^[\s,]*(?:of (?:which|them|these)|were)\b[^.;]{0,40}?\b(?:destroyed|shot down|intercepted|downed|neutrali[sz]ed)"
    # headline style: "Russia attacks Ukraine with 30 drones, 25 shot down"
    r"|^\s+(?:shot down|intercepted|downed|destroyed)(?=\s*(?:[.,;:]|$)|\s+(?:by|over|overnight)\b)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class WeaponReading:
    category: str
    model: str | None
    launched: int | None = None
    intercepted: int | None = None
    spans: list[Span] = field(default_factory=list)


def read_weapons(doc: Document, start: int, end: int) -> list[WeaponReading]:
    """Weapons named in ``[start, end)``, one reading per category+model, with launched/intercepted counts."""
    weapons = doc.spans_in("weapon", start, end)
    if not weapons:
        return []  # (the counts below all go to a weapon read here)
    text = doc.text
    numbers = doc.spans_in("number", start, end)
    readings: dict[tuple[str, str | None], WeaponReading] = {}
    order: list[WeaponReading] = []
    last: WeaponReading | None = None
    for w in weapons:
        cat, model = str(w.attrs["category"]), w.attrs.get("model")
        # a generic noun right after a model ("Shahed drones") is the same weapon
        if last is not None and last.category == cat and last.spans and w.start - last.spans[-1].end <= 2:
            last.spans.append(w)
            continue
        key = (cat, model)
        if model is None:
            # "drones" after "Shahed-136 drones" already read: same reading
            same = [r for r in order if r.category == cat]
            if same:
                key = (cat, same[-1].model)
        reading = readings.get(key)
        if reading is None:
            reading = WeaponReading(cat, model)
            readings[key] = reading
            order.append(reading)
        reading.spans.append(w)
        last = reading
        num = _number_before(text, numbers, w.start, start)
        if num is not None and _total_of_kinds(text, numbers, weapons, w, start):
            num = None  # "151 missiles and drones": all of them, not the missiles alone
        if num is not None:
            # "35 missiles were shot down": what the verb after says, else the last launch/defence verb before
            mode = "defend" if _DOWNED_AFTER.match(text, w.end) else _mode_before(text, start, num.start)
            value = int(num.attrs["value"])
            if mode == "defend":
                reading.intercepted = value
            else:
                reading.launched = value
            reading.spans.append(num)
    # "Air defences destroyed 74 of the 75 drones", "seven of the ten Kalibr missiles": intercepted of launched
    for n in numbers:
        m = _N_OF.match(text, n.end)
        if not m:
            continue
        total = next((x for x in numbers if x.start == m.end()), None)
        after = [r for r in order if r.spans and any(s.start >= m.end() for s in r.spans)]
        if total is not None and after:
            target = min(after, key=lambda r: min(s.start for s in r.spans if s.start >= m.end()))
            target.intercepted, target.launched = int(n.attrs["value"]), int(total.attrs["value"])
            target.spans += [n, total]
    # "air defences shot down 21 of the missiles and both drones": the weapon named right after, a defence verb before
    # (in ASCII text, lower-cased with the same offsets, the words the two patterns need are looked for first: few
    # clauses have them; other text may match them case-insensitively with other letters, "ſ" for "s")
    low = lowered(doc) if text.isascii() else None
    for w in weapons:
        lo = max(start, w.start - 24)
        if low is not None and not _has_any(low, _OF_THE_WORDS, lo, w.start):
            continue
        m = _OF_THE_BEFORE.search(text, lo, w.start)
        if m is None or _mode_before(text, max(start, m.start() - 60), m.start()) != "defend":
            continue
        reading = next((r for r in order if w in r.spans), None)
        if reading is None:
            continue
        if m.group("n"):
            n = next((x for x in numbers if x.start == m.start("n")), None)
            if n is not None:
                reading.intercepted = int(n.attrs["value"])
                reading.spans.append(n)
        elif reading.launched is not None:  # "both drones", "all the missiles": every one launched
            reading.intercepted = reading.launched
    # "eight drones had been used ... and all of them had been shot down": every one launched
    downed = low is None or (low.find("all ", start, end) >= 0 and _has_any(low, _DOWNED_WORDS, start, end))
    for m in _ALL_DOWNED.finditer(text, start, end) if downed else ():
        before = [r for r in order if r.launched is not None and r.spans and r.spans[0].end <= m.start()]
        if before:
            before[-1].intercepted = before[-1].launched
    # "..., 87 of which were destroyed", "... and air defences shot down 21 of them": the weapon named last before
    for n in numbers:
        if not (_of_them(text, start, n) or _OF_WHICH.match(text[n.end : end])):
            continue
        before = [r for r in order if r.spans and r.spans[0].end <= n.start]
        if before:
            target = max(before, key=lambda r: max(s.end for s in r.spans if s.end <= n.start))
            target.intercepted = int(n.attrs["value"])
            target.spans.append(n)
    return order


# "missiles and drones" (one count for both), not "missiles and an Orlan drone" (the drone counted on its own)
_AND_ANOTHER = re.compile(
    r"\s+(?:and|or|&)\s+(?!(?:an?|one|the|both|its|their|dozens|hundreds|several|some|many|scores|more)\s)"
    r"(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)


_DOWNED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:were|was|had been|have been|has been)\s+(?:shot down|intercepted|destroyed|downed|"
    r"neutrali[sz]ed)\b",
    re.IGNORECASE,
)


def _total_of_kinds(text: str, numbers: list[Span], weapons: list[Span], w: Span, start: int) -> bool:
    """Whether the weapon ``w`` is joined to one of another kind right after it, with no number of its own ("151
    missiles and drones"), so that the number before ``w`` counts both."""
    nxt = next((x for x in weapons if x.start >= w.end), None)
    return (
        nxt is not None
        and nxt.attrs["category"] != w.attrs["category"]
        and _AND_ANOTHER.fullmatch(text, w.end, nxt.start) is not None
        and _number_before(text, numbers, nxt.start, w.end) is None
    )


def _has_any(low: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether one of ``words`` lies inside ``low[start:end]``."""
    for word in words:  # noqa: SIM110 (a loop costs less than any() of a generator)
        if low.find(word, start, end) >= 0:
            return True
    return False


def _of_them(text: str, start: int, n: Span) -> bool:
    """ "shot down 21 of them": a count of weapons named before, after a defence verb."""
    return bool(_OF_THEM.match(text, n.end)) and _mode_before(text, max(start, n.start - 40), n.start) == "defend"


def intercepted_of_them(doc: Document, start: int, end: int) -> Span | None:
    """The number in "shot down 21 of them" or "12 were shot down" inside ``[start, end)``, when the weapons were
    named in a clause before."""
    return next(
        (
            n
            for n in doc.spans_in("number", start, end)
            if _of_them(doc.text, start, n) or _WERE_DOWNED.match(doc.text, n.end, end)
        ),
        None,
    )


_WERE_DOWNED = re.compile(
    r"\s+(?:were|have been|had been)\s+(?:shot down|intercepted|downed|destroyed|neutrali[sz]ed)\b", re.IGNORECASE
)


_PUNCTUATION = re.compile(r"[,;.]")
_GAP_STOP = re.compile(
    r"\b(?:in|of|by|at|on|from|with|and|or|was|were|killed|injured|wounded|people|civilians)\b", re.I
)


def _number_before(text: str, numbers: list[Span], pos: int, floor: int) -> Span | None:
    """A count directly before a weapon noun: "90 Iranian-made Shahed drones", "40 drones", "two missiles" (only
    modifiers in between: "20 killed in shelling" is not a salvo)."""
    for n in reversed(numbers):
        if n.end > pos:
            continue
        gap = text[n.end : pos]
        if len(gap) <= 30 and len(gap.split()) <= 3 and not _PUNCTUATION.search(gap) and not _GAP_STOP.search(gap):
            return n if n.start >= floor else None
        return None
    return None


def _mode_before(text: str, start: int, pos: int) -> str:
    window = text[start:pos]
    last_launch = max((m.end() for m in _LAUNCH.finditer(window)), default=-1)
    last_defend = max((m.end() for m in _DEFEND.finditer(window)), default=-1)
    return "defend" if last_defend > last_launch else "launch"
