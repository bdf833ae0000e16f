"""Counts in news text, with the hedge that qualifies them.

:class:`NumberTagger` adds spans to the ``number`` layer: ``attrs = {"value": int, "qualifier": "exact" |
"at_least" | "more_than" | "about" | "up_to", "vague": bool, "text": str}`` (plus ``high`` for ranges such as
"10-15" or "between 10 and 15", whose ``value`` is the low end with qualifier ``at_least``).  The span covers the
hedge and the number: "at least 10", "a minimum of 10", "over 40", "nearly 30" (fewer than 30: ``up_to``), "40 or
more".  Numbers are digits ("10,000", "10 000", "1.5 million") or words ("five", "twenty-three", "a hundred", "two
hundred and five", "a dozen"); vague quantities take the smallest value they imply ("dozens" -> 24, ``at_least``,
``vague`` True).  The bare article "a"/"an" is not a number (the assembler reads "a civilian was killed").

Not counts, so not tagged: ordinals ("first", "3rd"), years ("2023", "in 2022"), dates ("14 May", "May 14", and
anything inside a ``date`` span when the date tagger ran first), times ("10:30"), calibres ("120-mm", "152mm"),
model numbers ("Kh-101", "S-300", "Tu-95", "Shahed-136/131"), ages and sizes ("14-year-old", "5-storey"),
percentages and measurements ("5 km", "7 hectares").  Bracketed ACLED notes such as "[4 fatalities split across 14
events]" are tagged like any text; the assembler decides what they mean.

Speed: the tagger runs on every note of a batch, so it is regex and dict work only.  A lower-cased, punctuation-folded
copy of the text is split with C string methods; the combined pattern is tried only at number tokens (and the hedge
words just before them).  Lexicons are the ``data/numbers_*.txt`` files.
"""

from __future__ import annotations

import re
from typing import Any

from conflictlens.document import Document, Span
from conflictlens.nlp.dates import _FOLD as _DATE_FOLD
from conflictlens.nlp.dates import MONTHS, FoldedTokens, Folding, _trie, folded_tokens
from conflictlens.nlp.lexicon import read_rows

__all__ = ["NumberTagger", "find_numbers", "parse_number_word"]


_rows = read_rows  # tab-separated rows of an nlp/data file


_WORDS: dict[str, tuple[int, str]] = {w: (int(v), kind) for w, v, kind in _rows("numbers_words.txt")}
_VAGUE: dict[str, tuple[int, str]] = {p: (int(v), q) for p, v, q in _rows("numbers_vague.txt")}
_PRE_HEDGES: dict[str, str] = {p: q for p, q, where in _rows("numbers_hedges.txt") if where == "pre"}
_POST_HEDGES: dict[str, str] = {p: q for p, q, where in _rows("numbers_hedges.txt") if where == "post"}
_UNITS: list[str] = [row[0] for row in _rows("numbers_units.txt")]
_NOT_AFTER_YEAR = frozenset(
    [
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "the",
        "of",
        "for",
        "with",
        "when",
        "as",
        "by",
        "from",
        "was",
        "were",
        "is",
        "are",
        "after",
        "before",
    ]
)


def _alt(phrases: list[str] | set[str]) -> str:
    """Trie-factored regex of literal phrases (fails on the first character instead of trying each one)."""
    return _trie([p.lower() for p in phrases])


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


_WORD_SEPARATORS = re.compile(r"[\s-]+")
_WORD_ENDS = re.compile(r"(?<=\w)(?=[\s-])")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def parse_number_word(s: str) -> int | None:
    """Value of a number written in words ("twenty-three", "a hundred", "two hundred and five"), else None."""
    tokens = [t for t in _WORD_SEPARATORS.split(s.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        if len(tokens) < 2 or _WORDS.get(tokens[1], (0, ""))[1] not in ("scale", "dozen"):
            return None
        tokens[0] = "one"
    total = current = 0
    prev = ""
    for tok in tokens:
        if tok not in _WORDS:
            return None
        value, kind = _WORDS[tok]
        if kind in ("unit", "ten"):
            if prev in ("unit", "ten") and not (prev == "ten" and kind == "unit" and current % 10 == 0 and value < 10):
                return None  # "five six", "twenty thirty"
            current += value
        elif kind == "dozen":
            current = (current or 1) * 12
        else:  # scale
            if prev == "":
                current = 1
            if value == 100:
                current *= 100
            else:
                total += current * value
                current = 0
        prev = kind
    return total + current


_NUMWORD = _alt([w for w in _WORDS if w != "zero"])
_SCALES = _alt([w for w, (_, kind) in _WORDS.items() if kind == "scale"])
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]|\s*(?:-?mm|%))|\d+"
_MONTH = _alt(list(MONTHS)) + r"\.?"
_EXCLUDE_AFTER = (
    r"(?![\w%:\u00b0]|[.,]\d|[-/]\w|\s*(?:" + _alt(_UNITS) + r")(?!\w)|\s+(?:of\s+)?" + _MONTH + r"(?![a-z]))"
)
_PATTERN = re.compile(
    r"(?<![\w.,/:#\u2116-])(?<!\w-)(?<!no\.\s)"
    r"(?:(?P<hedge>" + _alt(list(_PRE_HEDGES)) + r")\s+)?"
    r"(?:(?P<vague>" + _alt(list(_VAGUE)) + r")(?![\w-])"
    r"|(?P<dig>" + _DIGITS + r")(?:(?P<dec>\.\d+)?\s+(?P<dscale>" + _SCALES + r")\b)?"
    r"(?:\s*(?:-|\u2013|to|or|and)\s*(?P<hi>\d+))?" + _EXCLUDE_AFTER + r"(?<!\s)"
    r"|(?P<word>(?:an?\s+)?" + _NUMWORD + r"(?:(?:[\s-]+|\s+and\s+)" + _NUMWORD + r")*)(?![\w-]))"
    r"(?P<post>" + _alt([(" " + p if p[0].isalpha() else p) for p in _POST_HEDGES]) + r"(?!\w))?",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(_MONTH + r"\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"between\s+$", re.IGNORECASE)
_NOT_ONE = re.compile(r"(?:no\s+one|one\s+another|one\s+by\s+one)\b", re.IGNORECASE)

# the date tagger's folding, and "+" blanked too ("40+"): for a text without "+" the two folded copies are the same
_FOLDING = Folding({**_DATE_FOLD, ord("+"): " "})
_WORD_TRIGGERS = frozenset(
    {w for w in _WORDS if w != "zero"} | {w for p in _VAGUE for w in p.split()} - {"a", "an", "of"}
)
_HEDGE_FIRST = frozenset(p.split()[0] for p in _PRE_HEDGES) | {"between", "a", "an"}
_HEDGE_WORDS = frozenset(w for p in _PRE_HEDGES for w in p.replace(".", " ").split()) | {"between", "a", "an"}


def _attrs(m: re.Match[str], text: str) -> dict[str, Any] | None:
    """Value, qualifier and vagueness of one match, or None when it is not a count."""
    hedge = m.group("hedge")
    qualifier = _PRE_HEDGES[_norm(hedge)] if hedge else "exact"
    vague = False
    high: int | None = None
    if m.group("vague"):
        value, qualifier_v = _VAGUE[_norm(m.group("vague"))]
        vague = True
        if not hedge:
            qualifier = qualifier_v
    elif m.group("dig"):
        raw = m.group("dig")
        digits = raw.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        if m.group("dscale"):
            value = round(float(digits + (m.group("dec") or "")) * _WORDS[_norm(m.group("dscale"))][0])
        else:
            value = int(digits)
            if len(raw) == 4 and 1900 <= value <= 2099 and not m.group("hi"):
                after = _NEXT_WORD.match(text, m.end("dig"))
                if after is None or after.group(1) in _NOT_AFTER_YEAR:
                    return None  # a year
        if (
            m.start("dig") > 2
            and text[m.start("dig") - 2].isalpha()
            and _MONTH_BEFORE.search(text, max(0, m.start("dig") - 12), m.start("dig"))
        ):
            return None  # "May 14"
        if m.group("hi"):
            high = int(m.group("hi"))
            if high <= value:
                return None
            qualifier = "at_least"
    else:
        word = m.group("word")
        parsed = parse_number_word(word)
        if parsed is None:
            return None
        value = parsed
    post = m.group("post")
    if post:
        qualifier = _POST_HEDGES[_norm(post)]
    out: dict[str, Any] = {"value": value, "qualifier": qualifier, "vague": vague, "text": m.group()}
    if high is not None:
        out["high"] = high
    return out


def _match_at(text: str, pos: int) -> tuple[re.Match[str], dict[str, Any]] | None:
    m = _PATTERN.match(text, pos)
    if m is None:
        return None
    if m.group("word"):  # shrink word runs that do not parse ("five six") to the longest prefix that does
        word = m.group("word")
        if parse_number_word(word) is None:
            parts = _WORD_ENDS.split(word)
            for n in range(len(parts) - 1, 0, -1):
                prefix = "".join(parts[:n])
                if parse_number_word(prefix) is not None:
                    short = _PATTERN.match(text, pos, m.start("word") + len(prefix))
                    if short is None:
                        return None
                    m = short
                    break
            else:
                return None
    attrs = _attrs(m, text)
    return (m, attrs) if attrs is not None else None


def find_numbers(
    text: str, skip: list[tuple[int, int]] | None = None, tokens: FoldedTokens | None = None
) -> list[Span]:
    """All counts of ``text`` as ``number`` spans; numbers inside a ``skip`` range (dates) are left out.
    ``tokens``: the text's :func:`~conflictlens.nlp.dates.folded_tokens` with this module's folding, if already made."""
    if tokens is None:
        tokens = folded_tokens(text, _FOLDING)
    spans: list[Span] = []
    candidates: list[tuple[int, list[int]]] = []
    if tokens is None:  # lower() changed the length: try every word start
        cands = [(w.start(), [w.start()]) for w in re.finditer(r"\b\w", text)]
    else:
        toks, pos = tokens.toks, tokens.pos
        for k in [k for k, tok in enumerate(toks) if tok in _WORD_TRIGGERS or tok[0] == "0" and not tok.strip("0")]:
            j = k
            while j > 0 and k - j < 4 and toks[j - 1] in _HEDGE_WORDS:
                j -= 1
            candidates.append((k, [i for i in range(j, k) if toks[i] in _HEDGE_FIRST] + [k] if j < k else [k]))
        cands = [(pos(k), [pos(i) for i in idx]) for k, idx in candidates]
    # the skip ranges sorted and merged, passed in step with the candidates (which come in text order)
    ranges = _merged(skip) if skip else []
    r = 0
    last_end = 0
    for trig, starts_at in cands:
        if trig < last_end:
            continue
        while r < len(ranges) and ranges[r][1] <= trig:
            r += 1
        if r < len(ranges) and ranges[r][0] <= trig:
            continue  # inside a skip range
        for s in starts_at:
            if s < last_end:
                continue
            found = _match_at(text, s)
            if found is None or found[0].end() <= trig:
                continue
            m, attrs = found
            start = m.start()
            if m.group("word") and attrs["value"] == 1 and _NOT_ONE.match(text, max(0, m.start("word") - 3)):
                break
            if "high" in attrs and _BETWEEN.search(text, max(0, start - 9), start):
                start = text.rindex("between", 0, start)
                attrs["text"] = text[start : m.end()]
            if skip and any(a < m.end() and m.start() < b for a, b in skip):
                break
            spans.append(Span(start, m.end(), "number", attrs))
            last_end = m.end()
            break
    return spans


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` sorted, with overlapping ones joined (a position is in one of them iff it is in one of these)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class NumberTagger:
    """Pipeline stage: adds the ``number`` layer (see the module docstring), skipping numbers inside dates."""

    name = "numbers"

    def __call__(self, doc: Document) -> None:
        skip = [(s.start, s.end) for s in doc.layer("date")]
        # the date tagger's folded tokens are this tagger's too when the text has no "+" (the only difference)
        tokens = doc.meta.get("_date_tokens") if "+" not in doc.text else None
        for span in find_numbers(doc.text, skip, tokens):
            doc.add("number", span)
