"""Lexicon taggers: weapons, event triggers, actors, victims, damage and reporting cues.

Each lexicon is a data file in ``nlp/data`` (one entry a line, a ``#`` comment on where the facts come from).  Its
meaning is fixed by one alternation regex of all entries (:attr:`Lexicon.regex`): at the leftmost position where any
entry matches, the first entry in file order that matches there wins, and matches never overlap.  The tagger finds
the same matches faster with a :class:`LexiconScanner` (see there), and adds one layer per lexicon (``weapon``,
``trigger``, ``actor``, ``victim``, ``damage``) with the entry's columns as span attributes, so the extractors
downstream never see a raw string table.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import ahocorasick

from conflictlens.document import Document, Span
from conflictlens.home import write_atomically

# a lexicon match: start, end and the matched entry's columns
Match = tuple[int, int, tuple[str, ...]]
# what an entry must stand alone between, as in the alternation
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"
# characters that, before a match, fail ``_BEFORE`` (the ASCII ones: a quick test before the regex's own)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A lexicon: entry ``N`` is the regex ``patterns[N]`` (lower-cased when the lexicon ignores case) with the
    columns ``rows[N]``."""

    name: str
    patterns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def regex(self) -> re.Pattern[str]:
        """The alternation of all entries, which defines what the lexicon matches (see :func:`_alternation`)."""
        return _alternation(self.patterns)

    def finditer(self, text: str) -> list[Match]:
        """The lexicon's matches in ``text`` by the alternation regex: the reference :class:`LexiconScanner` agrees
        with, and its fallback."""
        rows = self.rows
        return [
            (m.start(), m.end(), rows[int(m.lastgroup[1:]) if m.lastgroup else 0]) for m in self.regex.finditer(text)
        ]

    def padded(self, width: int) -> Lexicon:
        """This lexicon with each row cut or padded with ``""`` to ``width`` columns (trailing columns are optional
        in the data files), done once here rather than for every match."""
        return Lexicon(self.name, self.patterns, tuple(tuple((list(r) + [""] * width)[:width]) for r in self.rows))


@cache
def _alternation(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex of all entries, each standing alone (no word character or hyphen on either side).

    Each entry is marked by an empty group at its *end* (``entry(?P<eN>)``), not a group around it: sre skips an
    alternative that starts with a literal or a character class after one character test, but must enter a group to
    learn that it fails, so wrapping every entry in its own group made every word start try each entry in full
    (about three times slower on the weapons lexicon).  Being empty and last, the marker is the group that closes
    last, so ``lastgroup`` names the entry, and what matches is exactly what ``(?P<eN>entry)`` matched.  Compiled on
    first use: the tagger runs it only for a lexicon with an entry its scanner cannot cue.
    """
    parts = [f"(?:{p})(?P<e{i}>)" for i, p in enumerate(patterns)]
    return re.compile(_BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER)


@cache
def _entry_regex(pattern: str) -> re.Pattern[str]:
    """One entry (or one of its top-level alternatives) alone, as the alternation tries it at a position (compiled
    on the first hit: most texts need few)."""
    return re.compile(_BEFORE + "(?:" + pattern + ")" + _AFTER)


@cache
def _uncued_regex(alternatives: str) -> re.Pattern[str]:
    """Finds every position where one of an entry's ``alternatives`` matches as the alternation would try it there
    (a lookahead, so that ``finditer`` tries every position, overlapping ones too)."""
    return re.compile("(?=" + _BEFORE + "(?:" + alternatives + ")" + _AFTER + ")")


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
    """Read a lexicon.  A case-insensitive one is kept lower-cased, to run over lower-cased text (sre's IGNORECASE
    matching is about twice as slow); :func:`lowered` gives that text."""
    rows = read_rows(filename)
    patterns = tuple(row[0].lower() if ignore_case else row[0] for row in rows)
    return Lexicon(filename, patterns, tuple(tuple(r[1:]) for r in rows))


# --- where an entry can start ----------------------------------------------------------------------------------------
# An entry's *cues* are literal strings such that every match of the entry starts with one of them ("shahed-136",
# "shahed 136" and "shahed136" for ``shahed[- ]?136s?``; "landmine" and "mine" for ``(?<!coal )(?:land)?mines?``).
# They are read from sre's parse of the entry, expanding alternatives, optional parts and small character classes
# while the set stays small, and stopping at anything that is not a literal.  The longer the cues, the fewer places
# the entry is tried at ("the " for ``(?:the )?buildings?`` made a candidate of every "the").  The parser is the one
# ``re`` itself uses, so the cues describe exactly the regex that runs; an entry it cannot describe leaves its lexicon
# on the plain alternation.

_MAX_CUES = 16  # more alternatives than this: the cues stop growing (shorter cues, still every possible start)
_MAX_CLASS = 16  # a character class of more characters than this ends a cue ([a-z], \d)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


# ``\1``, ``(?P=name)``, ``(?(1)...)``: alone, an entry's groups are numbered otherwise than inside the alternation,
# so an entry that refers back to one may not match alone as it does there (an escaped backslash before a digit, or
# an octal escape, is taken for one too: the lexicon then merely runs its alternation)
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _class_chars(items: list[tuple[object, object]]) -> list[str] | None:
    """The characters of a small positive character class, or None (negated, a category, too many)."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))  # type: ignore[arg-type]
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:  # type: ignore[index]
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))  # type: ignore[index]
        else:
            return None
        if len(chars) > _MAX_CLASS:
            return None
    return chars


def _extend(heads: set[str], seq: Iterable[tuple[object, object]]) -> tuple[set[str], set[str]]:
    """Grow the literal starts ``heads`` through the parsed sequence ``seq``.

    Returns ``(open, closed)``: starts that reached the end of ``seq`` (and may grow further after it) and starts
    that stopped inside it.  Every match of ``seq`` appended to a string of ``heads`` begins with one of them.  A
    step that would make more than :data:`_MAX_CUES` of them is not taken: the starts stop before it.
    """
    closed: set[str] = set()
    items = seq.data if isinstance(seq, sre_parse.SubPattern) else list(seq)
    i = 0
    while i < len(items) and heads:
        if items[i][0] is sre.LITERAL:  # a run of literals in one step (most of a lexicon is words)
            j = i + 1
            while j < len(items) and items[j][0] is sre.LITERAL:
                j += 1
            run = "".join(chr(av) for _, av in items[i:j])  # type: ignore[arg-type]
            heads = {h + run for h in heads}
            i = j
            continue
        step = _step(heads, items[i])
        if step is None or len(step[0]) + len(step[1]) + len(closed) > _MAX_CUES:
            return set(), closed | heads
        heads = step[0]
        closed |= step[1]
        i += 1
    return heads, closed


def _step(heads: set[str], item: tuple[object, object]) -> tuple[set[str], set[str]] | None:
    """:func:`_extend` through one parsed item; None where the item is not a literal (the starts end before it)."""
    op, av = item
    if op in _ZERO_WIDTH:
        return heads, set()  # a lookaround or anchor consumes nothing: the starts go on after it
    if op is sre.IN:
        chars = _class_chars(av)  # type: ignore[arg-type]
        return None if chars is None else ({h + c for h in heads for c in chars}, set())
    if op is sre.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]  # a group, no flags
        return _extend(heads, av[3])  # type: ignore[index]
    if op is sre.BRANCH:
        grown: set[str] = set()
        closed: set[str] = set()
        for alternative in av[1]:  # type: ignore[index]
            more, stopped = _extend(heads, alternative)
            grown |= more
            closed |= stopped
        return grown, closed
    if op in _REPEATS:
        low, high, repeated = av  # type: ignore[misc]
        once, stopped = _extend(heads, repeated)
        if low == 0 and high == 1:  # an optional part: the sequence goes on after it, or without it
            return heads | once, stopped
        if low == 0:  # none, or once and then no telling what follows
            return heads, stopped | once
        if low == high == 1:
            return once, stopped
        return set(), stopped | once
    return None


def _starts(seq: sre_parse.SubPattern) -> set[str]:
    """Literal strings every match of ``seq`` starts with; contains ``""`` when some match may start otherwise."""
    heads, closed = _extend({""}, seq)
    return heads | closed


def _required(seq: sre_parse.SubPattern) -> set[str] | None:
    """Literal strings one of which every match of ``seq`` contains (those that start some tail of it, the longest
    shortest one chosen), or None."""
    best: set[str] | None = None
    for k in range(1, len(seq)):
        tail = _starts(seq[k:])  # type: ignore[arg-type]
        if "" not in tail and (best is None or min(map(len, tail)) > min(map(len, best))):
            best = tail
    return best


def _top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (outside groups and character classes)."""
    parts: list[str] = []
    depth = start = i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":
                i += 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


@dataclass(frozen=True, slots=True)
class EntryCues:
    """Where an entry can match: only where one of ``starts`` begins, or where its alternatives with no literal start
    (``\\d+ ?mm``), joined in ``uncued``, match -- which they can only in a text containing one of ``anywhere``
    (both empty: no such alternative)."""

    starts: frozenset[str]
    anywhere: frozenset[str] = frozenset()
    uncued: str = ""


@cache
def entry_cues(pattern: str) -> EntryCues | None:
    """The cues of one entry regex, or None when they cannot be read safely: the entry refers back to a group, sets
    flags, or has an alternative with neither a literal start nor a literal it must contain (which includes one that
    may match the empty string: every part of it may, so no part has a literal start)."""
    if _GROUP_REFERENCE.search(pattern):
        return None
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & ~re.UNICODE:
            return None
        starts = _starts(parsed)
        if "" not in starts:
            return EntryCues(frozenset(_starts_only(starts)))
        # some alternative has no literal start: cue the others by their starts, that one by a literal it contains
        cued: set[str] = set()
        anywhere: set[str] = set()
        uncued: list[str] = []
        for alternative in _top_level_alternatives(pattern):
            alt = sre_parse.parse(alternative)
            alt_starts = _starts(alt)
            if "" not in alt_starts:
                cued |= alt_starts
            elif (inside := _required(alt)) is not None:
                anywhere |= inside
                uncued.append(alternative)
            else:
                return None
        return EntryCues(frozenset(_starts_only(cued)), frozenset(_contained_only(anywhere)), "|".join(uncued))
    except (re.error, RecursionError):
        return None


def _starts_only(starts: set[str]) -> set[str]:
    """``starts`` without those extending another one: both are found at the same place, so the longer one would
    only make the entry a candidate twice.  In sorted order, the strings between a string and one that extends it
    all extend it too, so a string extends some other iff it extends the last one kept."""
    kept: list[str] = []
    for s in sorted(starts):
        if not (kept and s.startswith(kept[-1])):
            kept.append(s)
    return set(kept)


def _contained_only(literals: set[str]) -> set[str]:
    """``literals`` without those containing another one: a text that holds the longer holds the shorter."""
    return {s for s in literals if not any(other != s and other in s for other in literals)}


# An entry as the scanner tries it: its parts (regexes tried in order at a position, as the entry's alternatives are)
# with their cues; None when the entry cannot be cued.
Parts = list[tuple[str, EntryCues]] | None


def entry_parts(pattern: str) -> Parts:
    """The parts of one entry: its top-level alternatives, each with its own cues, so that a cue makes a candidate
    of only the alternatives it can start, not of the whole entry (many entries are long alternations, and trying --
    and compiling -- all of an entry where one rare alternative's cue occurs is wasted).  Trying an entry's
    alternatives in order, each standing alone, is what the entry does at one position.  An entry with an
    alternative that has no literal start stays whole (its uncued part is found by :func:`_uncued_regex`), as does
    one whose alternatives cannot all be cued alone."""
    cues = entry_cues(pattern)
    if cues is None or cues.anywhere:
        return None if cues is None else [(pattern, cues)]
    alternatives = _top_level_alternatives(pattern)
    if len(alternatives) == 1:
        return [(pattern, cues)]
    parts = [(alternative, entry_cues(alternative)) for alternative in alternatives]
    if any(cue is None or cue.anywhere for _, cue in parts):
        return [(pattern, cues)]
    return parts  # type: ignore[return-value]


# Reading the cues takes sre's parser (pure Python) over every entry: tens of milliseconds at each start-up, so the
# parts of a set of lexicons are kept in a JSON file named after everything they depend on -- the entries, this
# format and the Python version (its parser) -- and read back in about a millisecond.
_PARTS_FORMAT = 2  # bump when the cue analysis changes: files written before are no longer read


def cached_parts(patterns: Sequence[str], cache_dir: Path | None) -> list[Parts]:
    """:func:`entry_parts` of each pattern, from a cache file in ``cache_dir`` when one was written for exactly these
    patterns (else computed, and the file written; a cache that cannot be read or written only costs the time)."""
    if cache_dir is None:
        return [entry_parts(p) for p in patterns]
    key = json.dumps([_PARTS_FORMAT, sys.version, _MAX_CUES, _MAX_CLASS, list(patterns)])
    path = cache_dir / f"lexicon-cues-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.json"
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        data = json.loads(path.read_text("utf-8"))
        if data["key"] == key:
            parts: list[Parts] = [
                None if entry is None else [(p, EntryCues(frozenset(s), frozenset(a), u)) for p, s, a, u in entry]
                for entry in data["parts"]
            ]
            # each entry is its parts joined: a check that the file belongs to these patterns, entry by entry
            if len(parts) == len(patterns) and all(
                e is None or "|".join(p for p, _ in e) == pattern for e, pattern in zip(parts, patterns, strict=True)
            ):
                return parts
    parts = [entry_parts(p) for p in patterns]
    with contextlib.suppress(OSError):
        _write_json(path, {"key": key, "parts": [_parts_json(e) for e in parts]})
        for stale in cache_dir.glob("lexicon-cues-*.json"):  # written for other lexicons: never read again
            if stale != path:
                stale.unlink(missing_ok=True)
    return parts


def _parts_json(parts: Parts) -> list[list[object]] | None:
    return None if parts is None else [[p, sorted(c.starts), sorted(c.anywhere), c.uncued] for p, c in parts]


def _write_json(path: Path, data: object) -> None:
    """Write ``data`` to ``path`` atomically, so that concurrent processes never read half a file."""
    write_atomically(path, json.dumps(data))


# --- scanning ---------------------------------------------------------------------------------------------------------


class LexiconScanner:
    """Finds the matches of several lexicons in one text, as each lexicon's alternation would, in one pass.

    Why: the alternation tries every entry at every word start.  Here one Aho-Corasick pass (C, pyahocorasick) over
    the text finds where entries' cues occur, and only those entries are tried, each at those positions, by its own
    regex (:func:`_entry_regex`) -- or rather only those of their alternatives that the cue can start
    (:func:`entry_parts`).  Candidates are tried in text order and, at one position, in file order (and an entry's
    alternatives in their order); a position inside the lexicon's previous match is skipped -- exactly the
    alternation's leftmost-first, non-overlapping choice, since an entry can match only where one of its cues
    starts.  An entry's alternatives with no literal start (``\\d+ ?mm``) make it a candidate wherever they match
    (:func:`_uncued_regex`), looked for only in texts that contain a literal they require (``"mm"``).  A lexicon
    with an entry the cues cannot describe runs its alternation.

    ``cased`` lexicons (matched case-sensitively, in the original text) share the pass over the lower-cased text:
    their cues are looked for lower-cased, which finds every place the cue itself occurs in the original (and a
    few more, where the entry's regex, run on the original text, then fails).  That needs cues of ASCII characters,
    whose lower case is one character and the same in any text; a cased lexicon with another cue runs its
    alternation.  With ``cache_dir`` the cues are kept there between processes (:func:`cached_parts`).
    """

    def __init__(
        self, lexicons: Sequence[Lexicon], cased: Sequence[Lexicon] = (), cache_dir: Path | None = None
    ) -> None:
        self.lexicons = (*lexicons, *cased)
        self._cased = tuple(slot >= len(lexicons) for slot in range(len(self.lexicons)))  # slot -> in the original?
        candidates: list[tuple[int, str, tuple[str, ...]]] = []  # id -> (lexicon index, part regex, entry columns)
        starting: dict[str, list[int]] = {}  # cue -> the candidates it starts
        gating: dict[str, list[tuple[int, str]]] = {}  # literal -> (candidate, its uncued alternatives) needing it
        cased_gating: dict[str, list[tuple[int, str]]] = {}  # the same, for literals of cased lexicons
        always: list[int] = []
        all_parts = iter(cached_parts([p for lexicon in self.lexicons for p in lexicon.patterns], cache_dir))
        for slot, lexicon in enumerate(self.lexicons):
            parts = [next(all_parts) for _ in lexicon.patterns]
            if any(e is None for e in parts) or (
                self._cased[slot] and not all(c.isascii() for e in parts for _, cue in e or () for c in cue.starts)
            ):
                always.append(slot)
                continue
            gates = cased_gating if self._cased[slot] else gating
            for row, entry in zip(lexicon.rows, parts, strict=True):
                for part, cue in entry or ():
                    cid = len(candidates)
                    candidates.append((slot, part, row))
                    for start in cue.starts:
                        starting.setdefault(start.lower() if self._cased[slot] else start, []).append(cid)
                    for literal in cue.anywhere:
                        gates.setdefault(literal, []).append((cid, cue.uncued))
        self._candidates = tuple(candidates)
        self._regexes: list[re.Pattern[str] | None] = [None] * len(candidates)  # each compiled on its first hit
        self._always_plain = tuple(always)
        # few: found by ``in``, each in its own text
        self._gates = tuple((literal, tuple(entries)) for literal, entries in gating.items())
        self._cased_gates = tuple((literal, tuple(entries)) for literal, entries in cased_gating.items())
        self._automaton: ahocorasick.Automaton | None = None
        if starting:
            automaton = ahocorasick.Automaton()
            for cue, ids in starting.items():
                automaton.add_word(cue, (len(cue) - 1, tuple(dict.fromkeys(ids))))
            automaton.make_automaton()
            self._automaton = automaton

    def scan(self, text: str, original: str | None = None) -> list[list[Match]]:
        """Each lexicon's matches in ``text``, in text order: what :meth:`Lexicon.finditer` gives; the ``cased``
        lexicons' come last, matched in ``original``, of which ``text`` is then the :func:`lowered` copy."""
        lexicons, candidates, regexes = self.lexicons, self._candidates, self._regexes
        if original is None:
            original = text
        texts = [original if cased else text for cased in self._cased]
        found: list[list[Match]] = [[] for _ in lexicons]
        # (start, candidate id): sorted, in text order and, at one start, in file order (ids follow the files); a
        # cue inside a word ("man" in "command") is dropped here, as the entry's regex would refuse it
        hits = (
            [
                (start, cid)
                for end, (back, ids) in self._automaton.iter(text)
                if (start := end - back) == 0 or text[start - 1] not in _WORD_CHARS
                for cid in ids
            ]
            if self._automaton is not None
            else []
        )
        uncued = {entry for literal, entries in self._gates if literal in text for entry in entries}
        if self._cased_gates:
            uncued |= {entry for literal, entries in self._cased_gates if literal in original for entry in entries}
        for cid, alternatives in uncued:
            hits += [(m.start(), cid) for m in _uncued_regex(alternatives).finditer(texts[candidates[cid][0]])]
        hits.sort()
        resume = [0] * len(lexicons)  # where each lexicon's previous match ended
        for start, cid in hits:
            slot, pattern, row = candidates[cid]
            if start >= resume[slot]:
                regex = regexes[cid]
                if regex is None:
                    regex = regexes[cid] = _entry_regex(pattern)
                m = regex.match(texts[slot], start)
                if m is not None:
                    found[slot].append((start, m.end(), row))
                    resume[slot] = m.end()
        for slot in self._always_plain:
            found[slot] = lexicons[slot].finditer(texts[slot])
        return found


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


def _cache_dir() -> Path | None:
    """Where the bundled lexicons' cues are cached: the home's ``cache`` directory (None if it cannot be found)."""
    from conflictlens.home import home_path

    try:
        return home_path("cache")
    except Exception:  # no home directory to be had: compute the cues at every start-up
        return None


class LexiconTagger:
    """Adds ``weapon``, ``trigger``, ``actor``, ``victim`` and ``damage`` spans from the bundled lexicons."""

    name = "lexicon"

    def __init__(self) -> None:
        self.weapons = load_lexicon("weapons.tsv", ignore_case=True).padded(3)
        self.triggers = load_lexicon("triggers.tsv", ignore_case=True).padded(2)
        self.actors = load_lexicon("actors.tsv", ignore_case=False).padded(5)
        self.victims = load_lexicon("victims.tsv", ignore_case=True).padded(1)
        self.damage = load_lexicon("damage.tsv", ignore_case=True).padded(1)
        self.not_actor_nouns = frozenset(word_list("not_actor_nouns.txt"))
        # one pass over the lower-cased text for the four case-insensitive lexicons and the actors, which are
        # matched case-sensitively in the text
        self._scan = LexiconScanner(
            [self.weapons, self.triggers, self.victims, self.damage], cased=[self.actors], cache_dir=_cache_dir()
        )

    def __call__(self, doc: Document) -> None:
        text = doc.text
        low = lowered(doc)
        weapons, triggers, victims, damage, actors = self._scan.scan(low, text)
        for start, end, (category, model, user) in weapons:
            attrs = {"category": category, "model": model or None, "user": user or None}
            doc.add("weapon", Span(start, end, "weapon", attrs))
        for start, end, (role, sub) in triggers:
            doc.add("trigger", Span(start, end, "trigger", {"role": role, "sub_event_type": sub}))
        for start, end, (name, country, kind, side, bare) in actors:
            if _PLACE_NOUN.match(text, end, end + 12):
                continue  # "the Russian city of Belgorod": a place, not an actor
            if bare == "bare" and (nxt := _NEXT_WORD.match(low, end)) and nxt.group(1) in self.not_actor_nouns:
                continue  # "Ukrainian Railways said", "the Russian president": a nationality, not an armed actor
            attrs = {"name": name, "country": None if country == "-" else country, "kind": kind, "side": side}
            attrs["bare"] = bare == "bare"
            doc.add("actor", Span(start, end, "actor", attrs))
        for start, end, (group,) in victims:
            doc.add("victim", Span(start, end, "victim", {"group": group}))
        for start, end, (label,) in damage:
            doc.add("damage", Span(start, end, "damage", {"label": label}))
