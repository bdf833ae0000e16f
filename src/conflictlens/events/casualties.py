"""Killed and injured counts, with the text's own hedge.

A count is a ``number`` span (or a singular "a civilian", "one person", "another person") tied to a casualty word
("killed", "dead", "deaths", "wounded", "injuries", "the death of") within a few words, in either order.  Breakdowns
("including five children", "among them 3 civilians") refine the count they follow instead of adding to it.
Counts are read clause by clause by the assembler; here is only the reading of one stretch of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictlens.document import Document
from conflictlens.nlp.lexicon import lowered

KILLED = (
    r"killed|dead|died|deaths?|death toll|fatalities|fatality|lives|lost their lives|bodies|perished|slain|shot dead|"
    r"executed|murdered|beheaded|beheads|behead|massacred|slaughtered|gunned down|killing|kills|kill|dies|die|kia|"
    # "Ukraine loses 3 soldiers in Donbas": a number and people after it
    r"(?:loses|lost)(?=\s+\S+\s+(?:[a-z-]+\s+)?(?:soldiers|servicemen|troops|fighters|marines|(?:service)?members)\b)"
)
INJURED = r"injured|wounded|hurt|injuries|injury|hospitali[sz]ed|wounds|wounding|injuring|injures|casualties|wia"
_KIND = re.compile(rf"\b(?:(?P<k>{KILLED})|(?P<i>{INJURED}))\b")
_BREAKDOWN = re.compile(
    r"(?:including|among them|among whom|of whom|of them|incl\.|among the (?:dead|killed|victims|injured|wounded))"
    r"\s*(?:were\s*|was\s*)?$",
    re.IGNORECASE,
)
_SINGULAR = re.compile(
    r"\b(?:(?:a|an|one|another|the|his|her|their)\s+(?:(?:\d+|[a-z]+)-years?-old\s+|local\s+|elderly\s+|young\s+|ukrainian\s+|"
    r"russian\s+|deputy\s+|catholic\s+|muslim\s+|christian\s+|senior\s+|prominent\s+|village\s+|tribal\s+|"
    r"police\s+|army\s+|district\s+)?(?:civilian|person|resident|man|woman|boy|girl|child|soldier|serviceman|"
    r"policeman|councill?or|lawmaker|politician|elder|cleric|imam|pastor|activist|judge|teacher|student|teenager|"
    r"driver|worker|volunteer|rescuer|medic|journalist|pensioner|farmer|employee|individual|member|mother|father|son|"
    r"daughter|wife|husband|passenger|victim|head|official|officer|commander|chief|mayor|collaborator|guard|priest|"
    r"director|inspector|constable|jawan|businessman|shopkeeper|leader))\b(?!\s+(?:who|(?:was\s+|is\s+)?among)\b)",
)
# headline style, no article: "Russian shelling kills woman in Kherson", "Civilian killed by drone in Sumy"
# A headline's first words may say who ("Ukrainian army officer killed ..."), and up to two words may stand between
# the verb and the victim ("kills DPR official", "kills Luhansk separatist leader").
_BARE_SINGULAR = re.compile(
    r"(?:^(?:[a-z]+(?:-[a-z]+)?\s+){0,2}?|[,:;]\s+|\b(?:kills|kill|killed|killing|injures|injured|injuring|wounds|wounded|"
    r"wounding|beheads?|beheaded)\s+(?:[a-z]+\s+){0,2}?|"
    # "kills father and son", "a man and woman": the one after "and" too (one fixed-width look-behind: cheap at every
    # position the pattern is tried)
    r"(?<=\w and ))"
    r"(?P<n>civilian|woman|man|boy|girl|child|teenager|soldier|serviceman|pensioner|policeman|journalist|driver|"
    r"volunteer|medic|rescuer|chief|leader|imam|pastor|priest|official|teacher|student|commander|officer|farmer|"
    # "Child among three killed": one of them, not a fourth; "official says 8 killed": who tells, not a victim;
    # "Civilian death toll ... rises to 52": what kind of toll, not one more
    r"herder|trader|aide|fighter|marine|paratrooper|jawan|constable|inspector|father|mother|son|daughter|husband|"
    r"wife|brother|sister)\b(?!['’]s|\s+(?:was\s+|is\s+)?among\b|"
    r"\s+(?:says|said|told|claims?|claimed|reports?|reported|confirms?|confirmed)\b|"
    r"\s+(?:death\s+|casualty\s+)?tolls?\b|\s+(?:deaths|casualties)\b)"
)
_NEGATIVE = re.compile(
    r"\b(?:no (?:one|casualties|fatalities|deaths|injuries|victims)|nobody|no-one)\b(?: was| were)?"
    r"(?: killed| injured| hurt| reported)?",
)
_NOT_CASUALTY_AFTER = re.compile(
    r"^\s*(?:\w+[- ]){0,2}?(?:collaborators?|attackers?|gunmen|assailants?|saboteurs?|perpetrators?|"
    r"drones?|missiles?|rockets?|shells?|bombs?|houses?|buildings?|cars?|km|kilometres?|"
    r"kilometers?|metres?|meters?|hectares?|times|villages?|settlements?|towns?|attacks?|strikes?|days?|hours?)\b"
    # right after the number only ("strikes on several districts"; "5 in Kherson region" is a toll)
    r"|^\s*(?:districts?|regions?|cities|areas?|neighbou?rhoods?|streets?|oblasts?|events|incidents|locations)\b",
)

# ... unless the casualty word comes first: "Four die as shells hit a bus stop", "2 killed in drone strike"
_CASUALTY_AFTER = re.compile(
    r"^\s*(?:of (?:them|whom) )?(?:were |was |are )?(?:killed|injured|wounded|die|dies|died|dead)\b"
)


def _negative(clause: str) -> re.Match[str] | None:
    """The first "no one was killed" of a (lower-case) clause; as each such phrase starts with "no " or "nobody" or
    "no-one", the pattern is searched only in a clause that has one of them (not in every "unknown" or "not")."""
    if "no " in clause or "nobody" in clause or "no-one" in clause:
        return _NEGATIVE.search(clause)
    return None


_VICTIM_GAP_STOP = re.compile(r"\band\b|[,;.]")  # between a count and the victims it counts


_OF_THEM_GROUP = re.compile(r"\s+of (?:them|whom)(?: were)?\s+(children|civilians|soldiers)\b")
_GROUP_OF = {"children": "child", "civilians": "civilian", "soldiers": "military"}
_KILLING_BEFORE = re.compile(r"\b(?:killing|killed|kills|kill|wounding|wounded|injuring|injured)\s+$")


@dataclass(slots=True)
class CountReading:
    """One casualty count read from the text."""

    kind: str  # "killed" | "injured"
    value: int
    qualifier: str
    start: int
    end: int
    group: str | None = None  # "civilian" | "child" | "military"
    breakdown: bool = False
    clause: int = 0  # readings of one clause add up; across clauses the largest total wins
    joined: bool = False  # "a man and a woman": another person, never the same count told twice


def read_counts(doc: Document, start: int, end: int, *, low: str | None = None) -> list[CountReading]:
    """Casualty counts in ``doc.text[start:end]``, in text order (``low``: the lowered text, if the caller has it)."""
    text = lowered(doc) if low is None else low  # all patterns here are lower-case; offsets are the document's
    clause = text[start:end]
    kinds = [
        (m.start() + start, m.end() + start, "killed" if m.lastgroup == "k" else "injured")
        for m in _KIND.finditer(clause)
    ]
    out: list[CountReading] = []
    if not kinds:
        if m := _negative(clause):
            kind = "injured" if re.search(INJURED, m.group(0), re.IGNORECASE) else "killed"
            out.append(CountReading(kind, 0, "exact", start + m.start(), start + m.end()))
        return out
    numbers: list[tuple[int, int, int, str]] = [
        (s.start, s.end, int(s.attrs["value"]), str(s.attrs.get("qualifier") or "exact"))
        for s in doc.spans_in("number", start, end)
    ]
    for m in _SINGULAR.finditer(clause):
        s, e = m.start() + start, m.end() + start
        if not any(ns <= s < ne or s <= ns < e for ns, ne, _, _ in numbers):
            numbers.append((s, s + len(m.group(0).split()[0]), 1, "exact"))
    stripped = clause.lstrip()
    shift = start + len(clause) - len(stripped)
    for m in _BARE_SINGULAR.finditer(stripped):
        # a number or an article among the words before the noun counts it already ("kills one civilian")
        first, s = m.start() + shift, m.start("n") + shift
        if not any(ns < s + len(m.group("n")) and first < ne for ns, ne, _, _ in numbers):
            numbers.append((s, s + len(m.group("n")), 1, "exact"))
    if not numbers:  # (a casualty word with nothing that counts: "Casualties unknown.")
        if m := _negative(clause):
            out.append(CountReading("killed", 0, "exact", start + m.start(), start + m.end()))
        return out
    numbers.sort()
    victims = doc.spans_in("victim", start, end)
    for ns, ne, value, qualifier in numbers:
        after = text[ne:end]
        if (
            _NOT_CASUALTY_AFTER.match(after)
            and not _CASUALTY_AFTER.match(after)
            and not _KILLING_BEFORE.search(text, max(start, ns - 16), ns)  # "killing two gunmen": they died
        ):
            continue
        if out and (part := _OF_THEM_GROUP.match(text, ne, end)):
            # "Nine people were injured, three of them children": a breakdown of the count before
            out.append(CountReading(out[-1].kind, value, qualifier, ns, ne, _GROUP_OF[part.group(1)], True))
            continue
        kind = _nearest_kind(kinds, ns, ne, text)
        if (
            kind is None
            and out
            and (
                text[ns:ne].lower() == "another"
                or re.fullmatch(r"\s*(?:[\w'-]+\s+){0,3}?,?\s*and\s*", text[out[-1].end : ns])
            )
        ):
            kind = out[-1].kind  # "one person in X and another person in Y", "killing a mother and a child"
            joined = True
        else:
            joined = False
        if kind is None and out and _BREAKDOWN.search(text[max(start, ns - 30) : ns]):
            kind = out[-1].kind  # "killed 25 people, including five children"
        if kind is None:
            continue
        group = next(
            (
                v.attrs["group"]
                for v in victims
                if ne <= v.start <= ne + 30
                and not _VICTIM_GAP_STOP.search(text[ne : v.start])
                and not text.startswith(("'s", "’s"), v.end)  # "two at the children's hospital": a building's name
            ),
            None,
        )
        breakdown = bool(_BREAKDOWN.search(text[max(start, ns - 30) : ns]))
        out.append(CountReading(kind, value, qualifier, ns, ne, group, breakdown, joined=joined))
    if not out and (m := _negative(clause)):
        out.append(CountReading("killed", 0, "exact", start + m.start(), start + m.end()))
    return out


_TOLL = re.compile(
    r"\b(?:(?P<k>death toll|number of (?:the )?dead|number of people killed)|"
    r"(?P<i>number of (?:the )?(?:injured|wounded)))\b[^.;]{0,100}?"
    r"\b(?:rises|rose|has risen|had risen|risen|climbs|climbed|reaches|reached|stands at|stood at|increased|grew|"
    r"is|was) to\s+"
    r"(?:at least\s+|more than\s+|over\s+)?$"
)


# what ends the gap between a number and its casualty word after it / before it
_GAP_AFTER_STOP = re.compile(r"[;:.]|\band\s+\d|\bwhile\b")
_GAP_BEFORE_STOP = re.compile(r"[;:.,]|\band\b|\bwhile\b")


def _nearest_kind(kinds: list[tuple[int, int, str]], ns: int, ne: int, text: str) -> str | None:
    """The casualty word that governs a number: the first one after it within ~8 words ("2 civilians were killed"),
    else one just before it ("killed 25 people", "the death of one person"), or a toll update ("the death toll from
    the strike on Dnipro has risen to 40")."""
    window = text[max(0, ns - 140) : ns]
    toll = _TOLL.search(window) if "death toll" in window or "number of" in window else None  # (how _TOLL starts)
    if toll:
        return "killed" if toll.group("k") else "injured"
    before = next(((ke, kind) for _ks, ke, kind in reversed(kinds) if ke <= ns), None)
    if before is not None and not text[before[0] : ns].strip():
        return before[1]  # "killing three people and wounding 15": the verb right before the number governs it
    for ks, _ke, kind in kinds:
        if ks < ne:
            continue
        gap = text[ne:ks]
        if before is not None and "," in gap and not text[before[0] : ns].strip():
            return before[1]  # "kills three, injures 12": the verb right before, not the next clause's
        if len(gap) <= 60 and len(gap.split()) <= 8 and not _GAP_AFTER_STOP.search(gap):
            return kind
        break
    for _ks, ke, kind in reversed(kinds):
        if ke > ns:
            continue
        gap = text[ke:ns]
        if len(gap) <= 25 and len(gap.split()) <= 3 and not _GAP_BEFORE_STOP.search(gap):
            return kind
        break
    return None


def merge_counts(
    readings: list[CountReading], kind: str
) -> tuple[int, str, int | None, int | None, list[CountReading]] | None:
    """Combine the readings of one kind for one event.

    Within one clause, counts of different groups add up ("1 soldier and 3 militants were killed"); breakdowns
    ("including five children") only fill ``children``/``civilians``.  Across clauses the largest total wins, since
    later sentences usually restate or update the toll.  Returns (value, qualifier, civilians, children, used).
    """
    mains = [r for r in readings if r.kind == kind and not r.breakdown]
    if not mains:
        return None
    totals: dict[int, list[CountReading]] = {}
    for r in mains:
        group = totals.setdefault(r.clause, [])
        if r.joined or all(r.value != g.value or r.group != g.group for g in group):
            if not r.joined and r.group is None and any(r.value == g.value for g in group):
                continue  # "280 soldiers were killed [... reported 280 fatalities": the same toll again
            group.append(r)
    clause_readings = max(totals.values(), key=lambda rs: sum(r.value for r in rs))
    best = clause_readings[0]
    value = sum(r.value for r in clause_readings)
    qualifier = best.qualifier
    used = list(clause_readings)
    civilians = children = None
    for r in readings:
        if r.kind != kind or r in clause_readings:
            continue
        if r.breakdown and r.start > best.start:
            # the first breakdown after the toll; a later "among the dead were two sisters" only names some of them
            if r.group == "child" and children is None:
                children = r.value
            elif r.group == "civilian" and civilians is None:
                civilians = r.value
            used.append(r)
    if best.group == "child":
        children = best.value
    elif best.group == "civilian":
        civilians = best.value
    return value, qualifier, civilians, children, used
