"""Value normalisation shared by every scoring view: distances, admin1 names, actor sides, counts.

These functions define what "the same place", "the same admin1" and "the same side" mean for the evaluator.
They behave exactly like the reference scorer's ``km``, ``norm_admin``, ``side`` and ``pred_side``
(``shared/eval/score.py``), so that the numbers conflictlens reports agree with it;
``tests/evaluate/test_reference_agreement.py`` checks this.
The admin1 spelling variants live in ``data/admin1_aliases.tsv``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

EARTH_DIAMETER_KM = 12742.0

# Words dropped from admin1 names before comparing ("Kyiv Oblast" == "Kyiv", "Kyiv City" == "Kyiv").
_ADMIN_WORDS = re.compile(r"\b(oblast'?|region|city|raion|district|province|krai|municipality|of)\b")
_NON_LETTERS = re.compile(r"[^a-z]")

# Substrings of an actor name (lower case) that put it on the Russian side; checked before the Ukrainian one.
RUSSIAN_SIDE_MARKERS: tuple[str, ...] = ("russia", "wagner", "novorossiya", "donetsk people", "luhansk people", "nafu")
UKRAINIAN_SIDE_MARKER = "ukrain"


def km(a_lat: Any, a_lon: Any, b_lat: Any, b_lon: Any) -> float:
    """Great-circle distance in km (haversine); ``inf`` when any coordinate is missing."""
    if a_lat is None or a_lon is None or b_lat is None or b_lon is None:
        return math.inf
    p1, p2 = math.radians(float(a_lat)), math.radians(float(b_lat))
    dp, dl = p2 - p1, math.radians(float(b_lon) - float(a_lon))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, h)))


@cache
def admin1_aliases() -> dict[str, str]:
    """Spelling variant -> canonical key, read from ``data/admin1_aliases.tsv`` (``#`` starts a comment)."""
    table: dict[str, str] = {}
    text = resources.files("conflictlens.evaluate").joinpath("data/admin1_aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            variant, canonical = line.split("\t")
            table[variant.strip()] = canonical.strip()
    return table


def norm_admin(name: str | None) -> str:
    """A comparison key for an admin1 name: ASCII letters only, generic words dropped, spelling variants unified.

    ``"Kyiv City"``, ``"Kiev Oblast"`` and ``"Kyiv"`` all give ``"kyiv"``; ``None`` and ``""`` give ``""``.
    """
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = _NON_LETTERS.sub("", _ADMIN_WORDS.sub("", s))
    return admin1_aliases().get(s, s)


def side(name: str | None) -> str:
    """The side of a gold actor name: ``RU``, ``UA`` or ``other``."""
    n = (name or "").lower()
    if any(k in n for k in RUSSIAN_SIDE_MARKERS):
        return "RU"
    if UKRAINIAN_SIDE_MARKER in n:
        return "UA"
    return "other"


def pred_side(actor: dict[str, Any] | None) -> str:
    """The side of a predicted actor object: its ``country`` when RU/UA, else by name; ``none`` without an actor."""
    if not actor:
        return "none"
    if actor.get("country") in ("RU", "UA"):
        return str(actor["country"])
    return side(actor.get("name"))


def count_value(count: dict[str, Any] | None) -> int | None:
    """The stated number of a count object (``{"value": 40, ...}``), or ``None``."""
    return None if not count else count.get("value")


def within_pct(got: int | None, gold: int | None, pct: float = 0.10) -> bool:
    """``got`` is within ``pct`` of ``gold`` (both known); for a gold 0 only 0 counts."""
    if got is None or gold is None:
        return got is None and gold is None
    return abs(got - gold) <= pct * gold
