"""Date expressions in news text, anchored the way news is written.

:class:`DateTagger` adds spans to the ``date`` layer for absolute dates ("On 14 May 2023", "May 14, 2023",
"14.05.2023", "2023-05-14", "in May 2023", "in 2022"), ranges ("between 1 and 3 May 2023", "on the night of 29 to
30 December", "On 31 May - 1 June 2023"), and relative ones ("on Tuesday morning", "New Year's Day", "last night",
"last week", "two days ago", "the previous day").  Relative expressions are resolved against the publication date
with news conventions, not a calendar library's: an article published on a Tuesday that says "on Tuesday" means that
day, "on Friday" the most recent Friday on or before publication, a day and month without a year the nearest such day
on or before publication, and a night ("overnight", "New Year's Eve") the two days it spans (precision ``range``).
Without a publication date relative expressions keep their span with ``start``/``end`` ``None`` and precision
``unknown`` -- never guessed -- and the document gets a warning.

Every span's ``attrs``: ``start``, ``end`` (``datetime.date`` or ``None``), ``precision`` (``day`` | ``range`` |
``month`` | ``year`` | ``unknown``), ``relative`` (bool), ``text`` (the surface words, including a leading
preposition such as "on" or "on the night of").  Optional: ``since`` (True for "since February 2022": an aggregate
period, not an event date), ``approx`` (True for "around"/"on or around"), ``relation`` ("before", "after",
"until", "by"), ``anchor`` ("published", "mention" or "following" for "the previous day"-style phrases; "following"
means the phrase is relative to an event named after it, as in "a day after Putin warned", and is left unresolved),
``offset_days`` (int, for those phrases).

Why regexes and dicts instead of ``dateparser``: the tagger runs on every note of a batch and must cost a few
microseconds; ``dateparser`` is orders of magnitude slower, resolves "Tuesday morning" to the previous week and knows
no holidays.  Lexicons (months, weekdays, holidays, deictic phrases) are the ``data/dates_*.txt`` files.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from conflictlens.document import Document, Span
from conflictlens.nlp.lexicon import read_rows

__all__ = ["DateTagger", "find_dates", "MONTHS", "WEEKDAYS", "NO_PUBLISHED_WARNING"]

NO_PUBLISHED_WARNING = "no publication date: relative dates left unresolved"
_ONE_DAY = dt.timedelta(days=1)


_rows = read_rows  # tab-separated rows of an nlp/data file


MONTHS: dict[str, int] = {name: int(num) for num, name in _rows("dates_months.txt")}
WEEKDAYS: dict[str, int] = {name: int(num) for num, name in _rows("dates_weekdays.txt")}
_HOLIDAYS: dict[str, tuple[int, int, str]] = {
    phrase: (int(mmdd[:2]), int(mmdd[3:]), kind) for phrase, mmdd, kind in _rows("dates_holidays.txt")
}
_RELATIVE: dict[str, tuple[str, int]] = {phrase: (kind, int(off)) for phrase, kind, off in _rows("dates_relative.txt")}
_SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def _trie(words: list[str] | set[str]) -> str:
    """Regex matching any of ``words`` (longest first), factored as a character trie.

    A trie fails on the first character instead of trying every alternative in turn: with ~30 month names and
    prepositions this makes the pattern several times faster.  Spaces match any whitespace, apostrophes are optional
    and may be typographic.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted((c for c in node if c), key=lambda c: (c == " ", c)):
            atom = r"\s+" if ch == " " else "['\u2019]?" if ch == "'" else re.escape(ch)
            alts.append(atom + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(trie) + ")"


_MON = _trie(list(MONTHS)) + r"\.?"
# Month names standing alone ("in May") must be capitalised: "may" and "march" are also ordinary words.
_MON_CAP = (
    "(?-i:" + _trie([max((k for k in MONTHS if MONTHS[k] == n), key=len).capitalize() for n in range(1, 13)]) + ")"
)
_WD = _trie(list(WEEKDAYS))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_SEP = r"\s*(?:[-\u2013\u2014]|(?:to|and|until|till|through)\b)\s*"
_PART = r"(?:morning|afternoon|evening|night)"
# Words that may precede a date and belong to its span.  One shared, trie-factored group for all branches; which
# prepositions a branch accepts (a bare month or year needs one) is checked after matching.
_PREPS = [
    "on",
    "on or about",
    "on or around",
    "on the night of",
    "the night of",
    "overnight on",
    "overnight into",
    "overnight to",
    "on the morning of",
    "on the afternoon of",
    "on the evening of",
    "around",
    "about",
    "circa",
    "as of",
    "since",
    "by",
    "until",
    "before",
    "after",
    "from",
    "between",
    "in",
    "in early",
    "in late",
    "in mid",
    "during",
    "throughout",
    "early",
    "late",
    "mid",
    "of",
    "last",
    "this",
    "next",
    "earlier in",
]
_PREP = r"(?:(?P<prep>" + _trie(_PREPS) + r")(?:\s+|(?<=mid)-))?"
_NUMWORD = r"(?:\d{1,2}|" + _trie(list(_SMALL_NUMBERS)) + ")"

_BRANCHES: dict[str, str] = {
    # 2023-05-14
    "iso": r"(?P<{g}y>" + _YEAR + r")-(?P<{g}m>[01]\d)-(?P<{g}d>[0-3]\d)(?!\d)",
    # 14.05.2023 (day first, as in Ukrainian and most European usage)
    "dots": r"(?P<{g}d>[0-3]?\d)\.(?P<{g}m>[01]?\d)\.(?P<{g}y>" + _YEAR + r")",
    # (Tuesday,) 14 May (2023); the 14th of May; ranges 1-3 May 2023, between 12 and 13 May 2023, 31 May - 1 June
    # 2023, night of 29 to 30 December.  Atomic groups stop backtracking; a lone number (no month) fails.
    "dmy": r"(?:(?P<{g}wd>"
    + _WD
    + r"),?\s+)?(?:the\s+)?(?P<{g}d>"
    + _DAY
    + r")(?>\s+(?:of\s+)?(?P<{g}m>"
    + _MON
    + r")(?:,?\s+(?P<{g}y>"
    + _YEAR
    + r"))?)?(?:(?>"
    + _SEP
    + r"(?:the\s+)?(?P<{g}d2>"
    + _DAY
    + r")\s+(?:of\s+)?(?P<{g}m2>"
    + _MON
    + r")(?:,?\s+(?P<{g}y2>"
    + _YEAR
    + r"))?)|(?({g}m)|(?!)))",
    # (Tuesday,) May 14(, 2023); Jan. 12 2019; ranges December 29-30, May 1 to June 3, 2023
    "mdy": r"(?:(?P<{g}wd>"
    + _WD
    + r"),?\s+)?(?P<{g}m>"
    + _MON
    + r")\s+(?P<{g}d>"
    + _DAY
    + r")(?>,?\s+(?P<{g}y>"
    + _YEAR
    + r"))?(?>"
    + _SEP
    + r"(?:(?P<{g}m2>"
    + _MON
    + r")\s+)?(?P<{g}d2>"
    + _DAY
    + r")(?![^\S\n]+[a-z])(?:,?\s+(?P<{g}y2>"
    + _YEAR
    + r"))?)?",
    # in May 2023; since February 2022; early March 2022
    "my": r"(?P<{g}m>" + _MON + r"),?\s+(?P<{g}y>" + _YEAR + r")",
    # on the night of Monday to Tuesday; overnight on Monday; on Monday night; Tuesday morning; last Friday
    "wd": r"(?P<{g}wd>" + _WD + r")(?:" + _SEP + r"(?P<{g}wd2>" + _WD + r"))?(?:\s+(?P<{g}part>" + _PART + r"))?(?!\w)",
    # New Year's Day; on Christmas Eve; the last night of the year
    "hol": r"(?P<{g}hol>" + _trie(list(_HOLIDAYS)) + r")(?!\w)",
    # two days ago; a week ago
    "ago": r"(?P<{g}n>" + _NUMWORD + r")\s+(?P<{g}unit>day|week|month|year)s?\s+ago\b",
    # the previous day; the day before; the next day; two days later; a day after
    "anch": r"(?:(?P<{g}prev>the\s+(?:previous|preceding)\s+(?:day|night|evening)|the\s+day\s+before"
    r"(?!\s+yesterday))|(?P<{g}next>the\s+(?:next|following)\s+day)|(?P<{g}same>the\s+same\s+day)|"
    r"(?P<{g}n>" + _NUMWORD + r")\s+days?\s+(?P<{g}dir>later|earlier|after|before))(?!\w)",
    # deictic phrases from the lexicon: yesterday, last night, last week, earlier this month...
    "rel": r"(?P<{g}rel>" + _trie(list(_RELATIVE)) + r")(?!\w)",
    # in May; since February; earlier in March (a preposition is required, see _NEEDS_PREP)
    "mon": r"(?P<{g}m>" + _MON_CAP + r")(?![\w-])",
    # in 2022; since 2014 (a preposition is required)
    "year": r"(?P<{g}y>" + _YEAR + r")(?![\w-]|\s*(?:%|per\s*cent))",
}
_NEEDS_PREP: dict[str, frozenset[str]] = {
    "mon": frozenset(
        [
            "in",
            "since",
            "during",
            "by",
            "until",
            "early",
            "late",
            "mid",
            "in early",
            "in late",
            "in mid",
            "earlier in",
            "last",
            "this",
        ]
    ),
    "year": frozenset(
        [
            "in",
            "since",
            "during",
            "by",
            "until",
            "throughout",
            "early",
            "late",
            "mid",
            "in early",
            "in late",
            "in mid",
            "of",
            "from",
        ]
    ),
}

_COMBINED = re.compile(
    r"(?<![\w-])"
    + _PREP
    + "(?:"
    + "|".join(f"(?P<{k}>{v.replace('{g}', k + '_')})" for k, v in _BRANCHES.items())
    + ")",
    re.IGNORECASE,
)
_GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    kind: (
        (*(n[len(kind) + 1 :] for n in _COMBINED.groupindex if n.startswith(kind + "_")), "prep"),
        (*(n for n in _COMBINED.groupindex if n.startswith(kind + "_")), "prep"),
    )
    for kind in _BRANCHES
}
_APPROX = {"around", "about", "circa", "on or about", "on or around"}
_RELATIONS = {"before": "before", "after": "after", "until": "until", "by": "by"}


def _norm(s: str | None) -> str:
    return " ".join(s.lower().replace("\u2019", "'").split()) if s else ""


def _month(s: str) -> int:
    return MONTHS[_norm(s).rstrip(".")]


def _day(s: str) -> int:
    return int(s.rstrip("stndrhSTNDRH"))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_on_or_before(m: int, d: int, published: dt.date, slack: int = 0) -> int:
    """The year that puts ``d``/``m`` nearest on or before publication (``slack`` days after it allowed)."""
    y = published.year
    limit = published + dt.timedelta(days=slack)
    day = _safe_date(y, m, d)
    if day is None or day > limit:
        y -= 1
    return y


def _nearest_year(m: int, d: int, ref: dt.date) -> int:
    """The year that puts ``d``/``m`` nearest to ``ref`` (either side)."""
    best = ref.year
    for y in (ref.year - 1, ref.year, ref.year + 1):
        day = _safe_date(y, m, d) or _safe_date(y, m, 28)
        if day is not None and abs((day - ref).days) <= 183:
            best = y
            break
    return best


def _month_bounds(y: int, m: int) -> tuple[dt.date, dt.date]:
    start = dt.date(y, m, 1)
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return start, nxt - _ONE_DAY


def _shift_month(y: int, m: int, off: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + off
    return k // 12, k % 12 + 1


def _weekday_on_or_before(wd: int, ref: dt.date, strictly: bool = False) -> dt.date:
    back = (ref.weekday() - wd) % 7
    if strictly and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


class _Resolver:
    """Turns one regex match into span attributes; remembers the last resolved day for "the previous day"."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.last_day: dt.date | None = None

    def attrs(self, m: re.Match[str]) -> dict[str, Any]:
        kind = m.lastgroup or ""
        short, full = _GROUPS[kind]
        groups = {k: v for k, v in zip(short, m.group(*full), strict=True) if v is not None}
        # normalised once here for every branch ("on the Night of" -> "on the night of")
        prep = groups["prep"] = _norm(groups.get("prep"))
        out: dict[str, Any] = {"start": None, "end": None, "precision": "unknown", "relative": False}
        _BRANCH_RESOLVERS[kind](self, groups, out)
        if prep == "since":
            out["since"] = True
        elif prep in _APPROX:
            out["approx"] = True
        elif prep in _RELATIONS:
            out["relation"] = _RELATIONS[prep]
        if out["start"] is not None and out["precision"] == "day" and not out.get("since"):
            self.last_day = out["start"]
        return out

    # -- helpers ------------------------------------------------------------------------------------------------
    def _set(self, out: dict[str, Any], start: dt.date | None, end: dt.date | None, precision: str) -> None:
        if start is None or end is None or end < start:
            return
        out["start"], out["end"] = start, end
        out["precision"] = "day" if precision == "day" and start == end else precision

    def _single(self, out: dict[str, Any], y: str | None, mon: int, d: int, night: bool) -> None:
        if y is None:
            out["relative"] = True
            if self.published is not None:
                year = _year_on_or_before(mon, d, self.published)
            elif self.last_day is not None:  # no publication date: the year of the date mentioned before
                year = _nearest_year(mon, d, self.last_day)
                out["anchor"] = "mention"
            else:
                return
        else:
            year = int(y)
        day = _safe_date(year, mon, d)
        if day is not None:
            self._set(out, day, day + _ONE_DAY if night else day, "range" if night else "day")

    # -- branches -----------------------------------------------------------------------------------------------
    def _range(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        m1 = _month(grp.get("m1") or grp["m2"])
        m2 = _month(grp.get("m2") or grp["m1"])
        d1, d2 = _day(grp["d1"]), _day(grp["d2"])
        y2s = grp.get("y2") or grp.get("y1")
        if y2s is None:
            out["relative"] = True
            if self.published is not None:
                y2 = _year_on_or_before(m2, d2, self.published, slack=1)
            elif self.last_day is not None:
                y2 = _nearest_year(m2, d2, self.last_day)
                out["anchor"] = "mention"
            else:
                return
        else:
            y2 = int(y2s)
        y1 = int(grp["y1"]) if "y1" in grp else (y2 - 1 if (m1, d1) > (m2, d2) else y2)
        start, end = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if "night" in grp["prep"] and start is not None and start == end:
            end = start + _ONE_DAY
        self._set(out, start, end, "range")

    def _iso(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        self._single(out, grp["y"], int(grp["m"]), int(grp["d"]), False)

    _dots = _iso

    def _dmy(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        if "d2" in grp:
            grp["d1"] = grp["d"]
            if "m" in grp:
                grp["m1"] = grp["m"]
            if "y" in grp:
                grp["y1"] = grp["y"]
            self._range(grp, out)
            return
        self._single(out, grp.get("y"), _month(grp["m"]), _day(grp["d"]), "night" in grp["prep"])

    _mdy = _dmy

    def _my(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        self._set(out, *_month_bounds(int(grp["y"]), _month(grp["m"])), "month")

    def _mon(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        out["relative"] = True
        if self.published is None:
            return
        mon, prep = _month(grp["m"]), grp["prep"]
        y = self.published.year - (mon > self.published.month or (prep == "last" and mon == self.published.month))
        self._set(out, *_month_bounds(y, mon), "month")

    def _year(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        y = int(grp["y"])
        self._set(out, dt.date(y, 1, 1), dt.date(y, 12, 31), "year")

    def _wd(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        out["relative"] = True
        if self.published is None:
            return
        prep, part = grp["prep"], _norm(grp.get("part"))
        wd = WEEKDAYS[_norm(grp["wd"])]
        if prep == "next":
            day = _weekday_on_or_before(wd, self.published + dt.timedelta(days=7), strictly=True)
        else:
            day = _weekday_on_or_before(wd, self.published, strictly=prep == "last")
        if "wd2" in grp:  # night of Monday to Tuesday; Monday-Tuesday
            end = _weekday_on_or_before(WEEKDAYS[_norm(grp["wd2"])], self.published)
            start = end - dt.timedelta(days=(end.weekday() - wd) % 7)
            self._set(out, start, end, "range")
        elif prep in ("overnight into", "overnight to"):
            self._set(out, day - _ONE_DAY, day, "range")
        elif part == "night" or "night" in prep or prep.startswith("overnight"):
            self._set(out, day, day + _ONE_DAY, "range")
        else:
            self._set(out, day, day, "day")

    def _hol(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        out["relative"] = True
        if self.published is None:
            return
        mon, d, kind = _HOLIDAYS[_norm(grp["hol"])]
        day = dt.date(_year_on_or_before(mon, d, self.published), mon, d)
        self._set(out, day, day + _ONE_DAY if kind == "night" else day, "range" if kind == "night" else "day")

    def _rel(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        out["relative"] = True
        out["anchor"] = "published"
        pub = self.published
        if pub is None:
            return
        kind, off = _RELATIVE[_norm(grp["rel"])]
        if kind == "day":
            day = pub + dt.timedelta(days=off)
            self._set(out, day, day, "day")
        elif kind == "night":
            day = pub + dt.timedelta(days=off)
            self._set(out, day, day + _ONE_DAY, "range")
        elif kind == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=off)
            self._set(out, monday, min(monday + dt.timedelta(days=6), pub), "range")
        elif kind == "weekend":  # "over the weekend" in Monday's paper: the Saturday and Sunday just past
            saturday = _weekday_on_or_before(5, pub) + dt.timedelta(weeks=off)
            self._set(out, saturday, min(saturday + _ONE_DAY, pub), "range")
        elif kind == "month":
            start, end = _month_bounds(*_shift_month(pub.year, pub.month, off))
            self._set(out, start, min(end, pub), "month")
        else:
            y = pub.year + off
            self._set(out, dt.date(y, 1, 1), min(dt.date(y, 12, 31), pub), "year")

    def _ago(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        out["relative"] = True
        out["anchor"] = "published"
        n = _SMALL_NUMBERS.get(_norm(grp["n"])) or int(grp["n"])
        pub, unit = self.published, _norm(grp["unit"])
        if pub is None:
            return
        if unit in ("day", "week"):
            day = pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
            self._set(out, day, day, "day")
            if unit == "week":
                out["approx"] = True
        elif unit == "month":
            self._set(out, *_month_bounds(*_shift_month(pub.year, pub.month, -n)), "month")
        else:
            self._set(out, dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), "year")

    def _anch(self, grp: dict[str, str], out: dict[str, Any]) -> None:
        out["relative"] = True
        if "prev" in grp:
            off, fallback = -1, True
        elif "next" in grp:
            off, fallback = 1, False
        elif "same" in grp:
            off, fallback = 0, False
        else:
            n = _SMALL_NUMBERS.get(_norm(grp["n"])) or int(grp["n"])
            direction = _norm(grp["dir"])
            if direction in ("after", "before"):  # "a day after Putin warned": relative to an event named next
                out["anchor"] = "following"
                out["offset_days"] = n if direction == "after" else -n
                return
            off, fallback = (n, False) if direction == "later" else (-n, True)
        out["offset_days"] = off
        if self.last_day is not None:
            ref, out["anchor"] = self.last_day, "mention"
        elif fallback and self.published is not None:
            ref, out["anchor"] = self.published, "published"
        else:
            out["anchor"] = None
            return
        day = ref + dt.timedelta(days=off)
        self._set(out, day, day, "day")


# each branch's method of _Resolver, looked up once
_BRANCH_RESOLVERS = {kind: getattr(_Resolver, "_" + kind) for kind in _BRANCHES}


# -- fast candidate search -----------------------------------------------------------------------------------
# Trying the combined pattern at every character costs ~170 us per short note, and each try ~2 us.  Every date
# expression contains a trigger token (a day or year number next to a month or a preposition, a month or weekday
# name, a word of a deictic or holiday phrase...), possibly preceded by a few words that can begin a date phrase
# ("on the night of").  So we split a lower-cased copy -- punctuation blanked, digits folded to "0" -- with C-speed
# string methods, pick the triggers with set look-ups, and try the pattern once or twice per trigger.
_FOLD = str.maketrans({**{c: " " for c in ",.;:()[]{}\"'\u2019\u2018\u201c\u201d!?/-\u2013\u2014\t\n\r"},
                       **{str(i): "0" for i in range(10)}})  # fmt: skip


class FoldedTokens:
    """The tokens of a folded copy of a text (see :func:`folded_tokens`), with their offsets in the text found
    lazily, in order (a caller may need only the first few)."""

    __slots__ = ("padded", "toks", "_starts")

    def __init__(self, padded: str) -> None:
        self.padded = padded  # " " + folded text + " ": ``padded[i + 1]`` is the folded ``text[i]``
        self.toks = padded.split()
        self._starts: list[int] = []

    def pos(self, i: int) -> int:
        """Offset in the text of token ``i``."""
        starts, toks = self._starts, self.toks
        while len(starts) <= i:
            n = len(starts)
            starts.append(self.padded.find(toks[n], starts[-1] + 1 + len(toks[n - 1]) if starts else 0) - 1)
        return starts[i]


class Folding:
    """A ``str.translate`` table for lower-cased text (punctuation to spaces, digits to "0"), and the same folding,
    lower-casing included, as a ``bytes.translate`` table for ASCII text (many times faster; most text is ASCII)."""

    __slots__ = ("table", "ascii")

    def __init__(self, table: dict[int, str]) -> None:
        self.table = table
        folded = [table.get(ord(c.lower()), c.lower()) for c in map(chr, range(128))]
        assert all(len(c) == 1 and c.isascii() for c in folded)
        self.ascii = "".join(folded).encode("ascii") + bytes(range(128, 256))


_FOLDING = Folding(_FOLD)


def folded_tokens(text: str, folding: Folding = _FOLDING) -> FoldedTokens | None:
    """``text`` lower-cased and folded (punctuation to spaces, digits to "0"), split into tokens; None when
    lower-casing changed the length, so that offsets would not map back."""
    if text.isascii():
        return FoldedTokens(" " + text.encode("ascii").translate(folding.ascii).decode("ascii") + " ")
    padded = " " + text.lower().translate(folding.table) + " "
    return FoldedTokens(padded) if len(padded) == len(text) + 2 else None


_STOP = {"the", "of", "this", "last", "early", "earlier", "in", "new", "s", "first", "during", "or", "on", "a", "an"}
_DAY_TOKENS = frozenset("0" * n + suffix for n in (1, 2) for suffix in ("", "st", "nd", "rd", "th"))
_MONTH_TOKENS = frozenset(MONTHS)
_YEAR_PREPS = frozenset(["in", "since", "during", "by", "until", "throughout", "early", "late", "mid", "of", "from"])
_AFTER_NUMBER = frozenset(["ago", "day", "days", "week", "weeks", "month", "months", "year", "years"])
_TRIGGERS: frozenset[str] = (
    frozenset(w for phrase in [*WEEKDAYS, *_HOLIDAYS, *_RELATIVE] for w in _norm(phrase).replace("'", " ").split())
    - _STOP
    | {"day", "days", "night", "evening", "ago", "week", "weeks", "month", "months", "year", "years"}
    | _DAY_TOKENS
    | _MONTH_TOKENS
    | {"0000"}
)
_STARTS: frozenset[str] = (
    _TRIGGERS
    | frozenset(w for prep in _PREPS for w in prep.split())
    | frozenset(
        [
            "overnight",
            "yesterday",
            "today",
            "tonight",
            "new",
            "christmas",
            "orthodox",
            "the",
            "previous",
            "preceding",
            "next",
            "following",
            "same",
        ]
    )
    | frozenset(_SMALL_NUMBERS)
)


def _worth_trying(toks: list[str], k: int) -> bool:
    """Cheap context test for number triggers: a day or year number is a date only next to a month etc."""
    tok = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else ""
    if tok in _DAY_TOKENS:
        return (
            nxt in _MONTH_TOKENS
            or nxt in _AFTER_NUMBER
            or nxt in _DAY_TOKENS
            or nxt == "0000"
            or (k > 0 and toks[k - 1] in _MONTH_TOKENS)
            or not _MONTH_TOKENS.isdisjoint(toks[k + 2 : k + 4])
        )
    if tok == "0000":
        return (k > 0 and (toks[k - 1] in _YEAR_PREPS or toks[k - 1] in _MONTH_TOKENS)) or nxt in _DAY_TOKENS
    return True


def _matches(text: str, tokens: FoldedTokens | None = None) -> list[re.Match[str]]:
    """Date matches in text order, trying the combined pattern only around trigger tokens (``tokens``: the text's
    :func:`folded_tokens`, made here when not given)."""
    if tokens is None:
        tokens = folded_tokens(text)
    if tokens is None:  # lower() changed the length: offsets would not map back
        return [m for m in _COMBINED.finditer(text) if _valid(m)]
    toks, pos = tokens.toks, tokens.pos
    if _TRIGGERS.isdisjoint(toks):
        return []
    found: list[re.Match[str]] = []
    first_free = 0  # first token index not inside a previous match
    for k in [k for k, tok in enumerate(toks) if tok in _TRIGGERS]:
        if k < first_free or not _worth_trying(toks, k):
            continue
        j = k
        while j > first_free and k - j < 5 and toks[j - 1] in _STARTS:
            j -= 1
        trig = pos(k)
        for start in (j, k) if j < k else (k,):
            m = _COMBINED.match(text, pos(start))
            if m is not None and m.end() > trig and _valid(m):
                found.append(m)
                # the tokens starting before the match's end (token k starts at padded[trig + 1]) are inside it
                first_free = k + len(tokens.padded[trig + 1 : m.end() + 1].split())
                break
    return found


def _valid(m: re.Match[str]) -> bool:
    """A bare month or year is a date only after a preposition ("in May", "since 2014")."""
    need = _NEEDS_PREP.get(m.lastgroup or "")
    return need is None or _norm(m.group("prep")) in need


def find_dates(text: str, published: dt.date | None, tokens: FoldedTokens | None = None) -> list[Span]:
    """All date expressions of ``text`` as ``date`` spans, resolved against ``published`` where relative
    (``tokens``: the text's :func:`folded_tokens`, if already made)."""
    resolver = _Resolver(published)
    spans: list[Span] = []
    for m in _matches(text, tokens):
        attrs = resolver.attrs(m)
        attrs["text"] = m.group()
        spans.append(Span(m.start(), m.end(), "date", attrs))
    return spans


class DateTagger:
    """Pipeline stage: adds the ``date`` layer (see the module docstring for the attributes)."""

    name = "dates"

    def __call__(self, doc: Document) -> None:
        tokens = folded_tokens(doc.text)
        doc.meta["_date_tokens"] = tokens  # the number tagger splits the same folded text (see there)
        for span in find_dates(doc.text, doc.published, tokens):
            doc.add("date", span)
            if doc.published is None and span.attrs["relative"] and span.attrs["start"] is None:
                doc.warn(NO_PUBLISHED_WARNING)
