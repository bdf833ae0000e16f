"""Pipeline stage ``places``: find toponyms in the text with the gazetteer.

Walks the word tokens once; at each capitalised word it tries the longest run of words (up to the longest name in
the gazetteer) whose normalised key is a gazetteer name -- a dict lookup per try, so the cost is linear in the text.
A following "region"/"oblast"/"district"/"raion"/"direction" joins the span and sets its ``form``, which decides
which candidates come first ("Odesa region" -> the oblast; "Solomyansky district" -> the Kyiv district;
"Pokrovskyi district" -> the raion around Pokrovsk).  Country demonyms are spans too: "Ukrainian cities" names the
country (form ``country``), "Russian forces" an actor (form ``demonym``), so the assembler can tell them apart.

A word after a name may also be "village" or "(territorial) community" (form ``village`` / ``community``); a
hromada adjective before "community" names its centre ("Velykopysarivska community" -> Velyka Pysarivka).  Where no
key matches, a spelling-insensitive key (:func:`~conflictlens.geo.translit.loose_key`) is tried over the towns of the
conflict countries ("Scherbynivka" -> Shcherbynivka); such spans carry ``match = "loose"`` and the resolver keeps
them only inside an oblast the document names.

Adds spans to layer ``place`` with attrs ``candidates`` (list of Place, best prior first), ``form`` and ``name``
(the matched surface, without the form word).  Choosing among candidates is the resolver's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, compress, count

from conflictlens.document import Document, Span
from conflictlens.geo.gazetteer import (
    CONFLICT_COUNTRIES,
    FORM_ONLY_NAMES,
    FORM_WORDS,
    RANKED_FORMS,
    Gazetteer,
    candidate_rank,
    data_words,
    kind_order,
)
from conflictlens.geo.place import Place
from conflictlens.geo.translit import ASCII_TOKEN, loose_key, name_key, token_key, tokens

# a demonym followed by one of these names the country as a place ("Ukrainian cities", "Russian territory"); not
# "border": what is "near the Polish border" is not in Poland
GEO_NOUNS = frozenset(
    [
        "cities",
        "city",
        "towns",
        "town",
        "villages",
        "village",
        "territory",
        "territories",
        "soil",
        "regions",
        "region",
        "airspace",
        "capital",
        "port",
        "ports",
        "coast",
        "oblast",
        "oblasts",
        "land",
        "lands",
        "side",
    ]
)
_ADJ_ENDINGS = (("yi", "iy", "yy", "ii", "y"), ("skyi", "skyy", "skiy", "skii", "sky"))
_JOINERS = frozenset({" ", "-"})
# a single-word name followed by another capitalised word is usually part of a longer proper name ("Vladimir
# Putin", "Kyiv Independent") -- unless the next word is one of these
# what is named after a person or place rather than being it: "Shevchenko park", "Khreshchatyk street", "Molotov
# cocktail", "Azov battalion"
NAMED_AFTER = frozenset(
    ["park", "street", "avenue", "square", "boulevard", "lane", "prospekt", "prospect", "embankment", "alley",
     "garden", "gardens", "stadium", "st", "ave", "battalion", "regiment", "brigade", "cocktail", "cocktails"]
)  # fmt: skip
PLACE_FOLLOWERS = frozenset(
    [
        "mayor",
        "governor",
        "city",
        "military",
        "regional",
        "region",
        "oblast",
        "administration",
        "police",
        "council",
        "authorities",
        "officials",
        "forces",
        "front",
        "sector",
    ]
)


# "Turkish-backed", "Iranian-made", "Saudi-led": the demonym says who stands behind, not where
# kinds of a name that starts no longer name: a capitalised word after a province is a headline's noun
_PROVINCE_KINDS = frozenset(["admin1", "region"])
_SPONSORED = frozenset(["backed", "led", "made", "supplied", "funded", "trained", "brokered", "allied", "aligned"])
_COMMON_CAPITALISED = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "casualties", "there",
     "during", "forces", "the", "this", "that", "these", "after", "before", "around", "about", "since",
     "according", "unspecified", "military", "government", "president", "ministry", "defence", "defense", "army"]
)  # fmt: skip
# fallback lookups by spelling-insensitive key (a name not in the gazetteer as written): at most this many words,
# at least this many letters, so that short English words do not fold onto village names
LOOSE_MAX_WORDS = 3
LOOSE_MIN_CHARS = 5


class PlaceMatcher:
    """Gazetteer lookup over the document's words; adds ``place`` spans with candidate places."""

    name = "places"

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.stop = frozenset(name_key(w) for w in data_words("stopnames.txt")) | FORM_ONLY_NAMES
        # capitalised words met in nearly every report whose loose key starts no name: no loose lookup for them
        self.no_loose = frozenset(w for w in _COMMON_CAPITALISED if loose_key(w) not in gazetteer.loose_first)

    def __call__(self, doc: Document) -> None:
        for span in self.find(doc.text):
            doc.add("place", span)

    def find(self, text: str) -> list[Span]:
        """The place spans of ``text`` (longest match wins, left to right).

        Only a capitalised word can start a name, so only those are visited (one comprehension picks them); whether two
        words are joined (by a space or a hyphen) and whether the text is a Title Case headline are worked out only
        where a name or a form word needs them.
        """
        starts, ends, keys, gaps = _words(text)
        n = len(keys)
        names, demonyms, maxw = self.gaz.names, self.gaz.demonyms, self.gaz.max_words
        prefixes, stop, loose_first, no_loose = self.gaz.prefixes, self.stop, self.gaz.loose_first, self.no_loose

        def joined(k: int) -> bool:  # word k and word k + 1 are one run ("Ivano-Frankivsk", "Odesa region")
            return k + 1 < n and gaps[k + 1] in _JOINERS

        title_case: bool | None = None
        out: list[Span] = []
        # only a capitalised word can start a name: the loop visits those (``resume``: the first word after a match)
        caps = list(compress(count(), map(str.isupper, map(text.__getitem__, starts))))
        resume = 0
        for i in caps:
            if i < resume:
                continue
            s = starts[i]
            if (
                # the tail of a compound name the gazetteer lacks ("Orikhovo-Vasylivka", "Dubovo-Vasylivka" are not
                # Vasylivka: their first part ends in the linking -o); in "the Bakhmut-Lysychansk road" or a
                # "Ternovi Pody-Zelenyi Hai line" a name still starts here
                i > 0
                and gaps[i] == "-"
                and text[starts[i - 1]].isupper()
                and keys[i - 1].endswith("o")
                and not (out and out[-1].end == ends[i - 1])
            ):
                continue
            key = keys[i]
            # a word that is also a place name ("Plateau", "Unity") is the place when a form word follows it
            found = 1 if key in names and (key not in stop or _form_follows(keys, joined, i)) else 0
            if key in prefixes:  # a longer name may start here: extend the run while it can still match
                k = key
                for length in range(2, min(maxw, n - i) + 1):
                    if not joined(i + length - 2):
                        break
                    k = f"{k} {keys[i + length - 1]}"
                    if k in names:
                        found, key = length, k
                    if k not in prefixes:
                        break
            loose = False
            if (
                not found
                and keys[i] not in demonyms
                and len(keys[i]) >= 3
                and keys[i] not in no_loose
                and loose_key(keys[i]) in loose_first
            ):
                found, key = self._loose_run(keys, joined, i)
                loose = found > 0
            j = i + found  # index of the token after the name
            if found == 1 and j < n and text[starts[j]].isupper() and joined(i):
                if title_case is None:
                    # In Title Case Headlines every word is capitalised: a capital after a name says nothing about
                    # a longer name
                    title_case = _title_case(text, starts)
                if (
                    not title_case
                    and keys[j] not in PLACE_FOLLOWERS
                    and keys[j] not in FORM_WORDS
                    # an acronym after a mixed-case name is no part of it: "Chhattisgarh IED blast", "Borno SEMA"
                    and not (text[starts[j] : ends[j]].isupper() and not text[s : ends[i]].isupper())
                    # a state or province begins no longer name: "Jharkhand Blast: ...", "Manipur Violence: ..."
                    and not all(p.kind in _PROVINCE_KINDS for p in self.gaz.lookup(key))
                ):
                    found = 0
                    j = i
            if found and j < n and keys[j] in NAMED_AFTER and joined(j - 1):
                found, j = 0, i  # "Shevchenko park", "Bandera Avenue": named after someone, not the place
            form_key, form_len = _form_at(keys, joined, j) if found and j < n and joined(j - 1) else ("", 0)
            if not found and i + 1 < n and keys[i + 1] in _FORM_OR_QUALIFIER and joined(i):
                fk, fl = _form_at(keys, joined, i + 1)
                adj_form = FORM_WORDS.get(fk)
                stem = ""
                if adj_form in ("district", "raion"):
                    stem = self._adjective_stem(keys[i])
                elif adj_form == "community":
                    stem = self._community_stem(keys[i])
                if stem:
                    found, key, j, form_key, form_len = 1, stem, i + 1, fk, fl
            if found:
                form = FORM_WORDS.get(form_key, "plain")
                end = ends[j + form_len - 1] if form_len else ends[j - 1]
                name_end = ends[j - 1]
                cands = self._candidates(key, form, loose)
                if cands:
                    attrs = {"candidates": cands, "form": form, "name": text[s:name_end]}
                    if loose:
                        attrs["match"] = "loose"
                    out.append(Span(s, end, "place", attrs))
                resume = j + form_len
                continue
            if keys[i] in demonyms and not (
                i + 1 < n and keys[i + 1] in _SPONSORED and gaps[i + 1] == "-"
            ):  # "Turkish-backed fighters", "Iranian-made drones": not a word about where
                nxt = keys[i + 1] if i + 1 < n else ""
                country = self.gaz.country(demonyms[keys[i]])
                if country is not None:
                    form = "country" if nxt in GEO_NOUNS else "demonym"
                    out.append(Span(s, ends[i], "place", {"candidates": [country], "form": form,
                                                          "name": text[s : ends[i]]}))  # fmt: skip
        return out

    def _adjective_stem(self, key: str) -> str:
        """The town a raion adjective is named after ("pokrovskyi" -> "pokrovsk", "nikopolskyi" -> "nikopol")."""
        for endings in _ADJ_ENDINGS:
            for end in endings:
                if key.endswith(end) and len(key) - len(end) >= 3 and key[: -len(end)] in self.gaz.names:
                    return key[: -len(end)]
        return ""

    def _community_stem(self, key: str) -> str:
        """The town a hromada adjective is named after: the hromada's centre.

        Ukrainian hromada names are adjectives of their centre's name: Yurivska -> Yurivka, Pokrovska -> Pokrovsk,
        Znob-Novhorodska -> Znob-Novhorodske, Bilopilska -> Bilopillia, Mezhyritska -> Mezhyrich, Lozivska -> Lozova,
        Velykopysarivska -> Velyka Pysarivka.
        """
        for end in ("ska", "zka", "ka"):
            if key.endswith(end) and len(key) - len(end) >= 3:
                base = key[: -len(end)]
                break
        else:
            return ""
        bases = [base]
        for short, full in _COMPOUND_PREFIXES:
            if base.startswith(short) and len(base) > len(short) + 2:
                bases += [f"{f} {base[len(short) :]}" for f in full]
        names = self.gaz.names
        for b in bases:
            options = [b + "ka", b + "sk", b + "ske", b + "e", b, b + "ia", b + b[-1] + "ia", b + "a"]
            if b.endswith("t"):
                options += [b[:-1] + "ch", b[:-1] + "k"]  # Mezhyritska -> Mezhyrich
            if b.endswith("iv"):
                options += [b[:-2] + "ova", b[:-2] + "ove", b[:-2] + "iv"]  # Lozivska -> Lozova
            for opt in options:
                if opt in names and opt not in self.stop:
                    return opt
        return ""

    def _loose_run(self, keys: list[str], joined: Callable[[int], bool], i: int) -> tuple[int, str]:
        """Longest run of up to 3 words from ``i`` whose loose key is a conflict-country name: (length, key).

        The caller has checked that the loose key of word ``i`` starts some loose key (``Gazetteer.loose_first``).
        """
        loose = self.gaz.loose
        best = (0, "")
        k = ""
        for length in range(1, min(LOOSE_MAX_WORDS, len(keys) - i) + 1):
            if length > 1 and not joined(i + length - 2):
                break
            k = keys[i] if length == 1 else f"{k} {keys[i + length - 1]}"
            if len(k) >= LOOSE_MIN_CHARS and k not in self.stop and loose_key(k) in loose:
                best = (length, k)
        return best

    def _candidates(self, key: str, form: str, loose: bool = False) -> list[Place]:
        """The places a mention of ``key`` in form ``form`` may mean, best prior first (see :func:`candidate_rank`)."""
        if form not in RANKED_FORMS:  # a settlement mention: the index holds that order
            return self.gaz.settlement_candidates(key, loose)
        cands = self.gaz.lookup_loose(key) if loose else self.gaz.lookup(key)
        if form in ("district", "raion"):
            cands = [_raion_of(p) if p.kind == "town" else p for p in cands]
        if len(cands) > 1:
            cands.sort(key=candidate_rank(kind_order(form)))
        return cands


# "territorial community", "urban community", ... : a word that may stand between a name and "community"
_COMMUNITY_QUALIFIERS = frozenset(["territorial", "urban", "rural", "settlement", "village", "city"])
# first parts of compound hromada adjectives: Velykopysarivska -> Velyka Pysarivka
_COMPOUND_PREFIXES = [
    ("velyko", ("velyka", "velykyi", "velyke")), ("malo", ("mala", "malyi", "male")),
    ("staro", ("stara", "staryi", "stare")), ("nyzhnio", ("nyzhnia", "nyzhnii", "nyzhnie")),
    ("verkhnio", ("verkhnia", "verkhnii", "verkhnie")),
]  # fmt: skip


def _form_follows(keys: list[str], joined: Callable[[int], bool], i: int) -> bool:
    """Whether a region form word ("state", "province", "region") follows word ``i``."""
    return i + 1 < len(keys) and joined(i) and FORM_WORDS.get(keys[i + 1]) == "region"


def _form_at(keys: list[str], joined: Callable[[int], bool], j: int) -> tuple[str, int]:
    """The form word at token ``j`` ("region", "district", "community", ...) and how many tokens it spans."""
    if j >= len(keys):
        return "", 0
    nxt = keys[j + 1] if joined(j) else ""
    if keys[j] in _COMMUNITY_QUALIFIERS and FORM_WORDS.get(nxt) == "community":  # "territorial community"
        return nxt, 2
    return (keys[j], 1) if keys[j] in FORM_WORDS else ("", 0)


# a word that can begin a form after a name: a form word, or a qualifier before "community"
_FORM_OR_QUALIFIER = frozenset(FORM_WORDS) | _COMMUNITY_QUALIFIERS
_APOSTROPHES = str.maketrans("", "", "'`")
# the words of lower-case ASCII text (:data:`ASCII_TOKEN`) as ``re.split`` separators, so that the gaps come too
_ASCII_SPLIT = re.compile(f"({ASCII_TOKEN.pattern})")


def _words(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Word tokens of ``text`` with a possessive "'s" split off ("Kyiv's Podil"): their starts, ends and keys, and
    the ``n + 1`` gaps around them (``gaps[k]``: the characters before word ``k``; ``gaps[n]``: after the last).

    The gaps are what the matcher asks about neighbouring words (joined by a space or a hyphen?), so they come
    ready-made.  Most texts are ASCII: there a word's key (:func:`token_key`) is its lower-case form, and one
    ``re.split`` of the lower-cased text (C code) gives the gaps and keys together, with the offsets summed from
    their lengths -- no Python-level step per word (a gap holds no letter, so lower-casing left it as in ``text``).
    Other texts take the general way.
    """
    if not text.isascii():
        toks = tokens(text)
        for k, (s, e) in enumerate(toks):
            if e - s > 2 and text[e - 1] in "sS" and text[e - 2] in "'’":
                toks[k] = (s, e - 2)
        starts = [s for s, _ in toks]
        ends = [e for _, e in toks]
        gaps = [text[a:b] for a, b in zip([0, *ends], [*starts, len(text)], strict=True)]
        return starts, ends, [token_key(text[s:e]) for s, e in toks], gaps
    low = text.lower()  # ASCII: same length, same offsets
    parts = _ASCII_SPLIT.split(low)  # gap, word, gap, word, ..., gap
    bounds = list(accumulate(map(len, parts)))
    keys = parts[1::2]
    gaps = parts[0::2]
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    if "'" in low or "`" in low:
        for k, key in enumerate(keys):
            if "'" in key or "`" in key:
                if len(key) > 2 and key[-1] == "s" and key[-2] == "'":
                    ends[k] -= 2
                    gaps[k + 1] = text[ends[k] : ends[k] + 2] + gaps[k + 1]
                    key = key[:-2]
                keys[k] = key.translate(_APOSTROPHES)
    return starts, ends, keys, gaps


def _title_case(text: str, starts: list[int]) -> bool:
    """Whether ``text`` is a Title Case Headline: at least 4 words, 70% of them capitalised."""
    words = [text[a] for a in starts if text[a].isalpha()]
    return len(words) >= 4 and sum(c.isupper() for c in words) >= 0.7 * len(words)


def _raion_of(town: Place) -> Place:
    """The raion (admin2) named after a town, located at the town: "Pokrovskyi district" around Pokrovsk."""
    # "raion" in the countries of this war, "district" elsewhere ("Pulwama district")
    name = f"{town.name} Raion" if town.country in CONFLICT_COUNTRIES else f"{town.name} District"
    return Place(
        None, name, town.country, town.admin1, name, town.lat, town.lon, "admin2", town.population, town.geonameid
    )
