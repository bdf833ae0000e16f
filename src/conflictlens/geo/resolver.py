"""Pipeline stage ``toponyms``: choose the place each ``place`` span means, with a confidence.

Scores every candidate of a span from evidence in the document, in this order of weight:

1. an admin1 named right after it ("Volfyne, Sumy", "Udachne, Donetsk region", "near X in the Kherson oblast"):
   the qualifier span itself becomes that oblast (``role = "qualifier"``) and the place must lie inside it;
2. oblasts named elsewhere in the sentence or the document;
3. the country of the conflict (Ukraine, then Russia) and countries the document names;
4. other places of the report nearby (Kyiv's Podil is the Kyiv district, not the Poltava village), a district's
   town named in the text;
5. population.

Confidence is the margin between the best candidate and the best one that is really elsewhere (> 25 km away),
so namesakes the context cannot separate get a low confidence instead of a silent guess; a small foreign place
with no support in the text is dropped (``place = None``): Odessa, Texas is chosen only when the text says Texas.

Sets on each span: ``place`` (Place | None), ``confidence`` (0..1), ``role`` ("place" | "qualifier" | "demonym").
:func:`event_place` is the helper the event assembler uses to pick one place for an event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache

from conflictlens.document import Document, Span
from conflictlens.geo.gazetteer import Gazetteer, key_of, kind_order, km
from conflictlens.geo.place import SPECIFICITY, Place
from conflictlens.geo.translit import loose_key

COUNTRY_PRIOR = {"UA": 3.0, "RU": 2.0, "BY": 1.0, "MD": 1.0}
_QUALIFIER_GAP = re.compile(r"\s*,\s*(?:the\s+)?|\s+in\s+(?:the\s+)?|\s*\(\s*", re.IGNORECASE)
NEAR_KM = 25.0
BIG_CITY = 100_000
_DEMONYM_WEIGHT = 0.5  # a country a demonym names ("Israeli raids") counts less than one named as a place
WORLD_CITY = 1_000_000  # a world city outweighs the conflict-country prior of a namesake village
# Words that put a report on the Donbas front line (separatist forces, the OSCE monitoring mission, the 2014-2022
# "ATO"): there, a village name is far more likely to be the Donetsk or Luhansk namesake.
_DONBAS_CUES = re.compile(r"\b(?:NAF|DPR|LPR|DNR|LNR|separatists?|OSCE SMM|ATO|JFO|Donbas+|people's militia)\b", re.I)
_DONBAS = {("UA", "Donetsk Oblast"), ("UA", "Luhansk Oblast")}
# "near Molocharka, " -- a capitalised name right after a preposition, then a comma (the place span follows)
_UNKNOWN_NAME_BEFORE = re.compile(
    r"\b(?:near|in|at|around|outside|of|on|towards?)\s+(?:the\s+)?(?:(?:village|town|settlement)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?),\s$"
)
FULL_SCALE_WAR = dt.date(2022, 2, 24)  # before it, the fighting was along the Donbas contact line
FRONT_KM = 60.0  # a namesake this close to the front line or border gets up to FRONT_BONUS


@cache
def _front_rows() -> tuple[tuple[float, float, dt.date | None, dt.date | None], ...]:
    from conflictlens.geo.gazetteer import _data_lines

    rows = []
    for row in _data_lines("frontline.tsv"):
        period = [dt.date.fromisoformat(c.strip()) for c in row[3:5] if c.strip()]
        start, end = (period[0], period[1]) if len(period) == 2 else (None, None)
        rows.append((float(row[1]), float(row[2]), start, end))
    return tuple(rows)


@cache
def _phases() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The distinct sets of front-line points, one per stretch of time between the dated rows' first and last days."""
    rows = _front_rows()
    days: list[dt.date | None] = [None, *_cuts()]
    return tuple(
        tuple(
            (lat, lon)
            for lat, lon, start, end in rows
            if start is None or end is None or (day is not None and start <= day <= end)
        )
        for day in days
    )


@lru_cache(maxsize=4096)
def front_phase(day: dt.date | None) -> int:
    """Which set of front-line points holds on ``day`` (an index into :func:`_phases`): the undated points and the
    dated ones whose period holds it; no day, the undated ones."""
    return 0 if day is None else bisect_right(_cuts(), day)


@cache
def _cuts() -> tuple[dt.date, ...]:
    """The days on which the set of front-line points changes."""
    return tuple(
        sorted({d for _, _, start, end in _front_rows() if start and end for d in (start, end + dt.timedelta(days=1))})
    )


@lru_cache(maxsize=1 << 16)
def _front_km(lat: float, lon: float, phase: int) -> float:
    # equirectangular distance: exact enough at these scales, and a candidate recurs across documents (cached)
    coslat = math.cos(math.radians(lat))
    return 111.2 * min(math.hypot(lat - a, (lon - b) * coslat) for a, b in _phases()[phase])


def front_distance(lat: float | None, lon: float | None, day: dt.date | None = None) -> float:
    """Kilometres from a point to the nearest front-line point of ``day`` (a coarse line: points every 20-60 km)."""
    if lat is None or lon is None:
        return math.inf
    return _front_km(lat, lon, front_phase(day))


def report_day(doc: Document) -> dt.date | None:
    """The day a report is about, for the front line of then: its first resolved date, else its publication date."""
    for span in doc.layer("date"):
        start = span.attrs.get("start")
        if isinstance(start, dt.date):
            return start
    return doc.published


# forms of a span that name a settlement: "Mezhova", "Stepanivka village", "Yurivska community" (its centre)
TOWN_FORMS = frozenset(["plain", "village", "community"])


class ToponymResolver:
    """Picks ``attrs["place"]`` and ``attrs["confidence"]`` for every ``place`` span from document context."""

    name = "toponyms"

    def __init__(self, gazetteer: Gazetteer, front_bonus: float = 1.0) -> None:
        self.gaz = gazetteer
        self.front_bonus = front_bonus

    def __call__(self, doc: Document) -> None:
        spans = doc.layer("place")
        if not spans:
            return
        text = doc.text
        # One pass over the spans collects the document-wide evidence:
        # - countries the document names as places (and, weaker, as demonyms)
        # - oblasts named with a region form ("Odesa region"), per sentence and in the document
        # - unambiguous anchors: a name with a single settlement, district or oblast
        named: dict[str, float] = {}
        regions: list[tuple[Span, Place]] = []
        anchors: list[Place] = []
        for sp in spans:
            attrs = sp.attrs
            cands = attrs["candidates"]
            first = cands[0]
            if len(cands) == 1:
                if first.kind == "country" and first.country:
                    weight = _DEMONYM_WEIGHT if attrs.get("form") == "demonym" else 1.5
                    named[first.country] = max(named.get(first.country, 0.0), weight)
                elif first.kind in ("town", "district", "admin1", "admin2") and attrs.get("match") != "loose":
                    anchors.append(first)
            if first.kind == "admin1" and attrs.get("form") == "region":
                regions.append((sp, first))
        # admin1 qualifiers right after a place
        qualifier_of: dict[int, Place] = {}
        listed: set[int] | None = None  # spans a list goes on from ("Kyiv, Lviv, Dnipro, Odesa"), worked out once
        for a, b in _qualifier_pairs(spans, text):
            oblasts = [p for p in b.attrs["candidates"] if p.kind == "admin1"]
            if not oblasts:
                continue
            a_cands = a.attrs["candidates"]
            a_is_village = not any(p.kind in ("admin1", "country", "water", "region") for p in a_cands)
            a_regions = {(p.country, p.admin1) for p in a_cands}
            # an oblast that holds one of the candidates first: "Vasylkiv, Kyiv" is in Kyiv Oblast, not Kyiv City
            oblasts.sort(key=lambda adm: (adm.country, adm.admin1) not in a_regions)
            for adm in oblasts:
                inside = (adm.country, adm.admin1) in a_regions
                if inside and any(
                    p.population >= BIG_CITY and p.kind == "town" and p.admin1 != adm.admin1 for p in a_cands
                ):
                    # a city and the city after it in a list: "Strikes hit Lviv, Dnipro, Odesa" is not the village
                    # called Lviv in Dnipropetrovsk Oblast; "Makiivka, Luhansk." is the Luhansk village
                    if listed is None:
                        pairs = zip(spans, spans[1:], strict=False)
                        listed = {id(x) for x, y in pairs if _LIST_GAP.fullmatch(text, x.end, y.start)}
                    if id(b) in listed:
                        continue
                if inside or (a_is_village and a.attrs.get("form") in TOWN_FORMS):
                    qualifier_of[id(a)] = adm
                    b.attrs["role"] = "qualifier"
                    b.attrs["place"], b.attrs["confidence"] = adm, 0.95
                    break
        # a raion between a village and its oblast ("Ivanivka, Henicheskyi district, Kherson"): the oblast holds both
        raions = qualifier_of and [
            b for b in spans if b.attrs.get("form") in ("district", "raion") and id(b) in qualifier_of
        ]
        for a, b in zip(reversed(spans[:-1]), reversed(spans[1:]), strict=True) if raions else ():
            if (
                id(a) not in qualifier_of
                and id(b) in qualifier_of
                and b.attrs.get("form") in ("district", "raion")
                and b.start - a.end <= 3
                and _QUALIFIER_GAP.fullmatch(text, a.end, b.start)
                and any(p.kind in ("town", "district") for p in a.attrs["candidates"])
            ):
                qualifier_of[id(a)] = qualifier_of[id(b)]
        # an oblast after a name the gazetteer lacks ("near Molocharka, Donetsk"): the oblast, not the city of Donetsk
        for k, b in enumerate(spans):
            # most spans follow no comma: that test, the cheapest, comes first
            if b.start < 3 or not text.startswith(", ", b.start - 2):
                continue
            if b.attrs.get("role") == "qualifier" or b.attrs.get("form") != "plain":
                continue
            unknown = _UNKNOWN_NAME_BEFORE.search(text, max(0, b.start - 40), b.start)
            if unknown is None or (k > 0 and spans[k - 1].end > unknown.start("name")):
                continue  # no name before the comma, or one the gazetteer has (then it was handled above)
            oblast = next((p for p in b.attrs["candidates"] if p.kind == "admin1"), None)
            if oblast is not None:
                b.attrs["role"] = "qualifier"
                b.attrs["place"], b.attrs["confidence"] = oblast, 0.95
        # the oblasts the document names (and those of qualifiers: "Molodizhne-Katerynivka, Luhansk (coded to
        # Molodizhne)")
        doc_admin1 = {(p.country, p.admin1) for _, p in regions}
        doc_admin1.update((q.country, q.admin1) for q in qualifier_of.values())
        qualified: dict[str, Place] = {}  # names the report has placed in an oblast, with that oblast
        front: bool | None = None  # a Donbas front-line report? Looked up once, only if some span needs scoring
        day: dt.date | None = None  # the day the report is about (for the front line of then), with ``front``
        for sp in spans:
            attrs = sp.attrs
            if attrs.get("role") == "qualifier":
                continue
            form = attrs.get("form", "plain")
            cands: list[Place] = attrs["candidates"]
            if form == "demonym":
                attrs["role"], attrs["place"], attrs["confidence"] = "demonym", cands[0], 0.9
                continue
            qual = qualifier_of.get(id(sp))
            said_key = attrs.get("name", "")
            if qual is None:
                # one place per name in a report: "Dibrova, Luhansk ... killed near Dibrova and Torske" is the same
                # Dibrova both times, so a name the report placed in an oblast stays in it
                qual = qualified.get(said_key)
            elif said_key not in qualified:
                qualified[said_key] = qual
            if qual is not None and not any(_may_lie_in(p, qual) for p in cands):
                # a namesake elsewhere, the real place is missing from the gazetteer: the oblast is all we know
                attrs.update(role="place", place=None, confidence=0.0)
                continue
            if qual is not None and len(cands) > 1:
                # the oblast named settles it: only its namesakes are left to choose from (and to be rivals)
                cands = [p for p in cands if p.admin1 == qual.admin1 and p.country == qual.country] or cands
            if qual is None and any(p.country == "UA" and p.kind == "town" for p in cands):
                if front is None:
                    front = bool(_DONBAS_CUES.search(text))
                    day = report_day(doc)
                if front and day is not None and day < FULL_SCALE_WAR:
                    # before the full-scale war, fighting told with Donbas words ("NAF", "OSCE SMM") was on the
                    # contact line: a village of another oblast is a namesake of one the gazetteer lacks
                    cands = [p for p in cands if not _off_the_contact_line(p)]
                    if not cands:
                        attrs.update(role="place", place=None, confidence=0.0)
                        continue
            if attrs.get("match") == "loose":
                # a spelling-insensitive match is trusted only inside an oblast the document names ("Scherbynivka,
                # Donetsk"): loosely folded English words ("Russin forces") must not become villages
                allowed = doc_admin1 | {(a.country, a.admin1) for a in anchors}
                if qual is not None:
                    allowed = {(qual.country, qual.admin1)}
                cands = [p for p in cands if (p.country, p.admin1) in allowed]
                if not cands:
                    attrs.update(role="place", place=None, confidence=0.0)
                    continue
            if len(cands) > 1 and _STATE_AFTER.search(text, sp.start, sp.end):
                # "Plateau state" is Nigeria's, not Benin's Plateau department: a "state" of a country that has them
                in_states = [p for p in cands if p.country in _STATE_COUNTRIES]
                cands = in_states or cands
            if _foreign_alias(sp, cands, spans):
                attrs.update(role="place", place=None, confidence=0.0)
                continue
            if len(cands) == 1:  # nothing to choose between (most names): no scoring
                best, conf = cands[0], 0.95
            else:  # the evidence below only matters where there is a choice
                if front is None:
                    front = bool(_DONBAS_CUES.search(text))
                    day = report_day(doc)
                sent_admin1 = {(p.country, p.admin1) for r, p in regions if r is not sp and _same_sentence(doc, r, sp)}
                others = [a for a in anchors if a not in cands]
                said = loose_key(key_of(attrs.get("name", "")))
                # a town among the candidates only by another of its names (old, alternate): own names come first
                renamed = any(p.kind == "town" and name_of(p) != said for p in cands)
                scored = sorted(
                    (
                        (
                            self._score(
                                p, form, said, qual, sent_admin1, doc_admin1, named, others, front, day, renamed
                            ),
                            p,
                        )
                        for p in cands
                    ),
                    key=lambda t: -t[0],
                )
                best_score, best = scored[0]
                rival = next((s for s, p in scored[1:] if km(p.lat, p.lon, best.lat, best.lon) > NEAR_KM), None)
                conf = 0.95 if rival is None else 1.0 / (1.0 + math.exp(-(best_score - rival)))
            supported = (
                # the war's countries are the default -- unless the report names only others ("Wad al-Noura in
                # Sudan's Gezira" is no Russian village Vad)
                (best.country in COUNTRY_PRIOR and (not named or not COUNTRY_PRIOR.keys().isdisjoint(named)))
                or best.country in named
                or qual is not None
                or best.country is None
            )
            if not supported:
                # a small foreign place needs support from the text; a name only one town in the world bears
                # ("Kidal") is that town, with lower confidence -- unless the text names another country (Solhan,
                # Burkina Faso is not the Turkish town of the gazetteer)
                unique = (
                    attrs.get("match") != "loose"
                    and best.population >= 15000
                    # a country named as a place; a demonym says who acts, not where ("protested in Ramallah
                    # against Israeli raids" is in Ramallah)
                    and not any(w > _DEMONYM_WEIGHT for w in named.values())
                    and all(
                        p.country == best.country and km(p.lat, p.lon, best.lat, best.lon) <= NEAR_KM for p in cands
                    )
                    # its own name, not another spelling of it ("Mahas" in Somalia is not Jordan's Māḩiş)
                    and name_of(best) == loose_key(key_of(attrs.get("name", "")))
                )
                if (
                    best.population < 100000
                    and best.kind not in ("country", "admin1", "region", "water")
                    and not unique
                ):
                    attrs.update(role="place", place=None, confidence=0.0)
                    continue
                conf *= 0.6
            attrs["role"], attrs["place"], attrs["confidence"] = "place", best, round(min(conf, 0.99), 3)

    def _score(
        self,
        p: Place,
        form: str,
        said: str,
        qual: Place | None,
        sent_admin1: set[tuple[str | None, str | None]],
        doc_admin1: set[tuple[str | None, str | None]],
        named: dict[str, float],
        anchors: list[Place],
        front: bool = False,
        day: dt.date | None = None,
        renamed: bool = False,
    ) -> float:
        s = COUNTRY_PRIOR.get(p.country or "", 0.0) + named.get(p.country or "", 0.0)
        if p.kind == "town" and form in TOWN_FORMS and p.population >= WORLD_CITY and p.country not in COUNTRY_PRIOR:
            s += 3.0  # "New York" is the city unless the text places it ("New York, Donetsk region")
        s += 0.35 * math.log10(p.population + 1)
        if p.kind == "town" and (p.population >= BIG_CITY or renamed) and name_of(p) == said:
            # a city's name means the city (Mykolaiv is not a front-line Mykolaivka), an old name does not; and a
            # village's own name beats a town that bore it once (Ivanivka is not Bilozerka)
            s += 1.0
        # "X region" names an oblast first, "X" a settlement -- or a country ("in Mali" is not Mali, Gansu)
        if not (p.kind == "country" and form in ("plain", "village")):  # "a central Mali village"
            s -= 0.6 * kind_order(form).get(p.kind, 5)
        if form in TOWN_FORMS and p.kind in ("admin1", "admin2"):
            s -= 1.0
        if qual is not None:
            if (p.country, p.admin1) == (qual.country, qual.admin1):
                s += 4.0
            else:
                s += 2.0 if _may_lie_in(p, qual) else -2.0  # a town outside the conflict countries: admin1 unknown
        elif (p.country, p.admin1) in sent_admin1:
            s += 2.0
        elif (p.country, p.admin1) in doc_admin1:
            s += 0.75
        if front and qual is None and (p.country, p.admin1) in _DONBAS:
            s += 1.5
        if self.front_bonus and p.country == "UA" and p.kind in ("town", "district"):
            d = front_distance(p.lat, p.lon, day)
            s += self.front_bonus * max(0.0, 1.0 - d / FRONT_KM)
        if p.kind == "district" and any(a.geonameid == p.parent for a in anchors):
            s += 3.0
        elif any(km(a.lat, a.lon, p.lat, p.lon) < 50 for a in anchors if a.kind != "admin1"):
            s += 1.0
        return s


def _home(sp: Span) -> str | None:
    """The one country all the candidates of a span lie in (a name, not a demonym), if there is one."""
    attrs = sp.attrs
    cands = attrs["candidates"]
    country = cands[0].country
    if attrs.get("form") == "demonym" or attrs.get("match") == "loose" or not country:
        return None
    return country if all(p.country == country for p in cands) else None


def _foreign_alias(sp: Span, cands: list[Place], spans: list[Span]) -> bool:
    """Whether a span names a war-country village only by another of its names (or loosely) in a report whose other
    places all lie in one other country: "Rio de Janeiro's Complexo da Mare" is no Crimean Mar'yanovka ("Mare")."""
    # the other places first: in most reports they are in the war's countries, which settles it
    elsewhere = {c for other in spans if other is not sp and (c := _home(other)) is not None}
    if not elsewhere or not elsewhere.isdisjoint(COUNTRY_PRIOR):
        return False
    if not all(p.country in COUNTRY_PRIOR and p.kind == "town" and p.population < BIG_CITY for p in cands):
        return False
    if sp.attrs.get("match") != "loose":
        said = loose_key(key_of(sp.attrs.get("name", "")))
        return not any(name_of(p) == said for p in cands)
    return True


@lru_cache(maxsize=1 << 16)
def name_of(p: Place) -> str:
    """A place's own name as a spelling-insensitive key, to compare with the name a text uses (cached per place)."""
    return loose_key(key_of(p.name))


def _qualifier_pairs(spans: list[Span], text: str) -> Iterator[tuple[Span, Span]]:
    """Each place span with the one that may say what region it lies in: the next one, after ", ", " in (the) " or
    " (" -- or the one after a country's possessive ("the village of Volna in Russia's Krasnodar region")."""
    for k, (a, b) in enumerate(zip(spans, spans[1:], strict=False)):
        if (
            k + 2 < len(spans)
            and b.attrs["candidates"][0].kind == "country"
            and _IN_COUNTRYS.fullmatch(text, a.end, b.start)
            and _POSSESSIVE_GAP.fullmatch(text, b.end, spans[k + 2].start)
        ):
            yield a, spans[k + 2]
        elif b.start - a.end <= 12 and _QUALIFIER_GAP.fullmatch(text, a.end, b.start):  # ", the " at most
            yield a, b


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+")
_IN_COUNTRYS = re.compile(r"\s+in\s+(?:the\s+)?")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")


def _off_the_contact_line(p: Place) -> bool:
    """A Ukrainian village or small town outside Donetsk and Luhansk oblasts: before the full-scale war, not where a
    Donbas report's fighting was (a city of 20,000 or more may still be named, as a target or a headquarters)."""
    return p.country == "UA" and p.kind == "town" and (p.country, p.admin1) not in _DONBAS and p.population < 20000


def _may_lie_in(p: Place, region: Place) -> bool:
    """Whether place ``p`` is or may be inside admin1 ``region``: the bundled towns outside the conflict countries
    carry no admin1, so there the country is all that can be checked ("Owo, Ondo state")."""
    if p.country != region.country:
        return False
    return p.admin1 == region.admin1 or (p.admin1 is None and p.kind == "town")


def _same_sentence(doc: Document, a: Span, b: Span) -> bool:
    """Whether spans ``a`` and ``b`` start in the same sentence (within 300 characters where none are marked)."""
    sentences = doc.layer("sentence")
    if not sentences:
        return abs(a.start - b.start) < 300
    for s in sentences:
        if s.start <= a.start < s.end:
            return s.start <= b.start < s.end
    return False


_EVENT_RANK = {"point": 0, "town": 0, "admin2": 2, "district": 1, "admin1": 3, "region": 4, "country": 5, "water": 6}


# countries whose first-level divisions are "states" ("Plateau state", "Rakhine State", "Blue Nile state")
_STATE_COUNTRIES = frozenset(["NG", "IN", "US", "MX", "SD", "SS", "MM", "MY", "BR", "AU", "VE", "DE", "AT"])
_STATE_AFTER = re.compile(r"\s[Ss]tate$")


def event_place(doc: Document, start: int, end: int, min_confidence: float = 0.2) -> tuple[Span | None, list[Span]]:
    """The place of an event told in ``doc.text[start:end]`` (a clause, a sentence, or a whole short note).

    Returns ``(main, sublocations)``:

    - ``main``: the resolved ``place`` span that locates the event most specifically -- a town (or point) first,
      then a district, a raion, an oblast, a region, a country, a sea; the first in the text among equals.  Spans
      that are demonyms ("Russian forces"), admin1 qualifiers ("..., Sumy") or below ``min_confidence`` are not
      chosen (a qualifier already narrowed its town's place) -- except that a qualifier is the answer when nothing
      else is (the town before it is missing from the gazetteer).  When the best is a city district whose town is also
      named in the range, the town is ``main`` and the district a sublocation.  ``None`` if no span qualifies.
    - ``sublocations``: district spans of the main town's districts inside the range ("Solomyansky district" and
      "Podilsky district" of Kyiv), in text order.

    Read the place as ``main.attrs["place"]`` (a :class:`Place`; ``.to_location()`` gives the contract's Location)
    and evidence offsets from the spans.  If ``main`` is a district with no town span, ``place.parent`` is the
    town's geonameid (``Gazetteer.by_id``).
    """
    spans = [
        sp
        for sp in doc.spans_in("place", start, end)
        if sp.attrs.get("place") is not None
        and sp.attrs.get("role") == "place"
        and sp.attrs.get("confidence", 0.0) >= min_confidence
    ]
    if not spans:  # only an oblast qualifier of a place the gazetteer lacks ("Volfyne, Sumy")
        spans = [sp for sp in doc.spans_in("place", start, end) if sp.attrs.get("role") == "qualifier"]
    if not spans:
        return None, []
    main = _coded_to(doc, start, end, spans) or min(
        spans, key=lambda sp: (_EVENT_RANK.get(sp.attrs["place"].kind, 9), sp.start)
    )
    place: Place = main.attrs["place"]
    if place.kind == "district" and place.parent is not None:
        town = next((sp for sp in spans if sp.attrs["place"].geonameid == place.parent), None)
        if town is not None:
            main, place = town, town.attrs["place"]
    subs = [
        sp
        for sp in spans
        if sp is not main and sp.attrs["place"].kind == "district" and sp.attrs["place"].parent == place.geonameid
    ]
    return main, subs


_XREF = re.compile(r"\s*(?:events?|incidents?)\b", re.IGNORECASE)
_CODED_TO = re.compile(r"\bcoded (?:to|at|in)\s+(?:the\s+)?", re.IGNORECASE)


def _coded_to(doc: Document, start: int, end: int, spans: list[Span]) -> Span | None:
    """The place an ACLED note says the event was coded to ("... community (coded to Mezhova, Dnipropetrovsk)").

    ACLED analysts write this when the text names an area (a hromada, a sea, a front) and the event was put at one
    settlement; that settlement is the event's place.
    """
    named = {
        (sp.attrs["place"].country, sp.attrs["place"].admin1)
        for sp in doc.spans_in("place", start, end)
        if sp.attrs.get("place") is not None
        and (sp.attrs.get("role") == "qualifier" or sp.attrs.get("form") == "region")
    }
    for m in _CODED_TO.finditer(doc.text, start, end):
        hit = next((sp for sp in spans if sp.start == m.end()), None)
        if hit is None or _XREF.match(doc.text, hit.end):  # "fatalities coded to Novotroitske event": another event
            continue
        place: Place = hit.attrs["place"]
        if place.kind == "country" or (named and place.kind != "water" and (place.country, place.admin1) not in named):
            continue  # a namesake outside the oblast the note names: the gazetteer lacks the real one
        return hit
    return None


__all__ = ["SPECIFICITY", "ToponymResolver", "event_place"]
