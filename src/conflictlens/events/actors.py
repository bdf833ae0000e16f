"""Who did it to whom, inferred as a reader would.

The attacker (actor1) is the actor named as the subject of the trigger ("Russian forces shelled ..."), modifying it
("a Ukrainian attack", "Russian shelling"), as its agent ("... targeted by Russian missiles") or by metonymy ("Moscow
launched ...").  Actors in object position ("shelled Ukrainian positions", "an attack on Ukrainian cities") are
targets (actor2).  With no actor named, a reader of a report on this war infers the attacker from the side the place
belongs to (shelling of a Ukrainian village -> Russian forces), and the event says so with lower confidence.
"""

from __future__ import annotations

import re
from functools import cache
from operator import attrgetter

from conflictlens.document import Document, Span
from conflictlens.model import Actor

_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:on|at|against|of|targeting|targeted|toward|towards|into|over|near|hit|hitting|shelled|struck|attacked|"
    r"with|from|in|positions of|between)\s+(?:the\s+)?|\b(?:hit|hitting|shelled|struck|attacked|targeting|targeted|"
    r"destroyed|damaged)"
    r"\s+an?\s+|"
    # "killing three policemen and wounding 20 others": who was killed or hurt (a number or two words between)
    r"\b(?:killing|kills|wounding|injuring)\s+(?:at least\s+)?(?:[\w-]+\s+){0,2})$",
    # "struck a Russian command post": the target ("an explosion of a Russian mine": whose mine)
)
# "shelled by Russian forces" names the attacker; "a car driven by Russian soldiers" names a target
# (the participles are looked behind from after "by": tested only where a "by" is, not at every position searched)
_AGENT_BEFORE = re.compile(
    r"\bby(?<!driven by)(?<!operated by)(?<!occupied by)(?<!controlled by)(?<!manned by)(?<!held by)(?<!owned by)"
    r"(?<!used by)(?<!carried by)(?<!guarded by)\s+(?:the\s+)?$",
)


def _search_any_case(rx: re.Pattern[str], text: str, needle: str = "") -> re.Match[str] | None:
    """``rx``, a lower-case pattern (those of the words before an actor, here), searched in ``text`` regardless of case.

    ASCII text is lower-cased and searched with the pattern itself, several times faster than with an IGNORECASE
    pattern; other text (where case-insensitive matching also takes "İ", "ı" or "ſ" for a Latin letter) is searched
    with the IGNORECASE pattern, so that both find the same.  ``needle``, a lower-case word every match contains
    ("by"), spares the search in ASCII text without it (nearly all the windows asked about).
    """
    if text.isascii():
        low = text.lower()
        return rx.search(low) if needle in low else None
    return _ignoring_case(rx).search(text)


@cache
def _ignoring_case(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The IGNORECASE version of a pattern (made once per pattern)."""
    return re.compile(rx.pattern, rx.flags | re.IGNORECASE)


RUSSIA = Actor(name="Military Forces of Russia", country="RU", kind="state_forces")
UKRAINE = Actor(name="Military Forces of Ukraine", country="UA", kind="state_forces")
_SIDE_ACTOR = {"RU": RUSSIA, "UA": UKRAINE}


def actor_of(span: Span) -> Actor:
    """The actor an actor span names: one ``Actor`` per lexicon entry, shared by the events that name it (like
    :data:`RUSSIA`; events never modify their actors)."""
    return _actor(str(span.attrs["name"]), span.attrs.get("country"), span.attrs.get("kind"))


@cache
def _actor(name: str, country: str | None, kind: str | None) -> Actor:
    return Actor(name=name, country=country, kind=kind)  # type: ignore[arg-type]


def is_object(doc: Document, span: Span, clause_start: int) -> bool:
    before = doc.text[max(clause_start, span.start - 25) : span.start]
    if " of " in before and _MEMBERS_OF.search(before):  # (every match has " of ": most windows have none)
        return False  # "Fighters of JNIM attacked ...": the group's own men
    return bool(_search_any_case(_OBJECT_BEFORE, before)) and not _search_any_case(_AGENT_BEFORE, before, "by")


_MEMBERS_OF = re.compile(
    r"\b(?:[Ff]ighters|[Mm]ilitants|[Mm]embers|[Gg]unmen|[Ff]orces|[Uu]nits|[Tt]roops) of (?:the )?$"
)


_REPEL = r"repelled|repulsed|repels?|repulses?|repelling|fend(?:s|ed)? off|fought off|beats? back"
# "repelled a Ukrainian attack", "repelled five attacks by Ukrainian assault groups": the attackers follow
_REPELLED = re.compile(
    rf"\b(?:{_REPEL}|stopped|halted)\s+(?:an?\s+|the\s+)?(?:(?!by\b|from\b|with\b)\w+\s+)?"
    r"(?:(?:attacks?|assaults?|offensives?|attempts?)\s+(?:by|of)\s+(?:the\s+)?)?$"
)
_REPELLED_BY_SUBJECT = re.compile(
    # "Ukrainian troops repel attacks", "... said on Sunday they had repelled 14 assaults"
    rf"\s+(?:\w+\s+)?(?:{_REPEL})\b|\s+(?:said|say|says|reported)(?:\s+on\s+\w+)?\s+(?:that\s+)?(?:they|it)\s+"
    rf"(?:had\s+|have\s+|has\s+)?(?:{_REPEL})\b",
    re.IGNORECASE,
)
_SPEAKS = re.compile(
    r"\s*(?:['’]s\s+(?:[\w-]+\s+){0,3})?(?:says?|said|claims?|claimed|reports?|reported|announced|accuses|accused|"
    r"denies|denied|confirms?|confirmed)\b",
    re.IGNORECASE,
)


_START = attrgetter("start")  # a span's start, as a sort key


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$")
# a headline's victims: "Ukrainian soldier killed in east", "Two Ukrainian servicemen were wounded near Avdiivka"
_PASSIVE_VICTIM = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:(?:was|were|has been|have been|had been)\s+)?(?:killed|wounded|injured|hurt|dies|died)"
    r"(?=\s*(?:$|[,.;:]|\s(?:in|near|by|at|as|after|during|when|while|on|overnight)\b))"
)


# a side named with its action or its weapon ("Russian strike", "Ukrainian shelling", "Russian missile"): the one who
# acts, whatever precedes it
_WEAPON_NOUNS = r"missiles?|rockets?|drones?|shells?|bombs?|jets?|warplanes?"
_ITS_ACTION = re.compile(
    r"\s(?:strikes?|attacks?|shelling|bombardment|bombing|air ?strikes?|missile strikes?|drone attacks?|offensive|"
    rf"assaults?|raids?|barrage|{_WEAPON_NOUNS})$",
    re.IGNORECASE,
)
# ... but a weapon of a side may be what was hit ("destroyed a Ukrainian missile depot"), unless it struck
_WEAPON_END = re.compile(rf"\s(?:{_WEAPON_NOUNS})$", re.IGNORECASE)
_ACTION_AFTER = re.compile(r"\s+(?:strikes?|attacks?|hit|hits|struck|barrage|fire)\b", re.IGNORECASE)
_COMPASS_BEFORE = re.compile(
    r"\b(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|occupied)\s+$", re.IGNORECASE
)


# an aircraft of a side shot down: "Ukrainian Su-25 shot down near Bakhmut" -- that side lost it
DOWNED_AIRCRAFT = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:helicopters?|(?:air)?planes?|aircraft|jets?|bombers?|fighters?|"
    r"(?:su|mig|ka|mi|tu|il)-\d+\w*)\s+(?:(?:was|were|has been|have been|had been)\s+)?(?:shot down|downed)\b",
    re.IGNORECASE,
)
# "the military said it killed eight terrorists": who was killed, not who killed
_KILLED_BEFORE = re.compile(
    r"\b(?:killed|kills|killing|kill|eliminated|neutrali[sz]ed)\s+(?:at least\s+|more than\s+|over\s+|about\s+)?"
    r"(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|"
    r"fifty|several|dozens of|scores of|hundreds of)\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_LAUNCHED_BY = re.compile(r"\b(?:launched|fired|sent|used|deployed)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_SELF_AFTER_SPEAKING = re.compile(
    r"\s+(?:that\s+)?(?:it|its\s+(?:forces|troops|military|army|air\s+defen[cs]es?))\s"
    r"|\s+(?:[\w-]+\s+)?(?:advances|gains)\b"  # "Ukraine claims advances near Bakhmut": its own
)


def pick_actors(
    doc: Document, actors: list[Span], trigger: Span | None, clause_start: int
) -> tuple[Span | None, Span | None]:
    """(attacker, target) spans among the actor mentions of a clause.

    For clashes ACLED's actor1 is the side that initiated: the first side named ("Russian and Ukrainian forces
    clashed", "between Ukrainian and Russian forces"), the subject of an offensive even when it "was repelled by" the
    other, and the attackers in "X repelled Ukrainian attacks".
    """
    if not actors:
        return None, None
    text = doc.text
    # "in eastern Ukraine shelling": a country with a compass word is where it happened, not who did it
    actors = [
        a for a in actors if not (a.attrs.get("bare") and _COMPASS_BEFORE.search(text, max(0, a.start - 20), a.start))
    ]
    # "Ukraine says 5 civilians killed": a country that speaks is a source, not the attacker
    # ("Shelling killed two in Kherson, the Ukrainian military said": a force that speaks after the event reports it)
    actors = sorted(
        (
            a
            for a in actors
            if not (
                (a.attrs.get("bare") or (trigger is not None and a.start > trigger.end))
                and (said := _SPEAKS.match(text, a.end)) is not None
                and not _SELF_AFTER_SPEAKING.match(text, said.end())  # "Ukraine says it shot down": it did
            )
        ),
        key=_START,
    )
    if trigger is not None and trigger.attrs.get("role") == "clash" and actors:
        for a in actors:
            if _search_any_case(_REPELLED, text[max(clause_start, a.start - 30) : a.start]):
                other = next((b for b in actors if b.attrs["side"] != a.attrs["side"]), None)
                return a, other
        if len(actors) == 1 and _REPELLED_BY_SUBJECT.match(text, actors[0].end):
            return None, actors[0]  # "Ukrainian troops repel attacks near Bakhmut": the unnamed attackers are actor1
        first = next(
            (
                a
                for a in actors
                if _search_any_case(_BETWEEN, text[max(clause_start, a.start - 15) : a.start], "between")
            ),
            None,
        )
        if first is None:
            first = next(
                (
                    a
                    for a in actors
                    if not is_object(doc, a, clause_start)
                    or _search_any_case(_AGENT_BEFORE, text[max(clause_start, a.start - 20) : a.start], "by") is None
                    and a.start < trigger.start
                ),
                actors[0],
            )
        other = next((b for b in actors if b.attrs["side"] != first.attrs["side"] and not b.attrs.get("bare")), None)
        return first, other
    agents = [
        a for a in actors if _search_any_case(_AGENT_BEFORE, text[max(clause_start, a.start - 20) : a.start], "by")
    ]
    if trigger is not None and trigger.attrs.get("role") == "intercept":
        # "shot down by Ukrainian air defence" names the interceptor; "intercepted missiles fired by Russian forces"
        # names who fired what was intercepted
        # ("drones launched by Russia": who launched them, not who shot them down)
        agents = [
            a
            for a in agents
            if 0 <= a.start - trigger.end <= 25 and not _LAUNCHED_BY.search(text, max(0, a.start - 24), a.start)
        ]
    subjects: list[Span] = []
    objects: list[Span] = []
    intercepting = trigger is not None and trigger.attrs.get("role") == "intercept"
    for a in actors:
        weapon = _WEAPON_END.search(text, a.start, a.end) is not None
        if weapon and intercepting and a.start >= trigger.end:  # type: ignore[union-attr]
            objects.append(a)  # "destroyed 13 Ukrainian drones": what was shot down
        elif _ITS_ACTION.search(text, a.start, a.end) and (
            not weapon or not is_object(doc, a, clause_start) or _ACTION_AFTER.match(text, a.end)
        ):
            subjects.append(a)  # "toll from Russian strike on Uman", "killed in Russian attack": whose strike it was
        elif (
            _PASSIVE_VICTIM.match(text, a.end)
            or DOWNED_AIRCRAFT.match(text, a.end)
            or _KILLED_BEFORE.search(text, max(clause_start, a.start - 30), a.start)
        ):
            objects.append(a)  # "Ukrainian soldier killed in east": who was killed, not who killed
        elif not is_object(doc, a, clause_start):
            subjects.append(a)
        elif a not in agents:
            objects.append(a)
    attacker: Span | None = None
    if agents:
        attacker = agents[0]
    elif subjects:
        if trigger is not None:
            # a bare country name is the attacker by metonymy only next to the verb ("Moscow launched", "Russia
            # shells"); far before it, it is where things are ("in Kharkiv, Ukraine. The victim was stabbed") or
            # what was hit ("Ukrainian forces destroyed a Russian 82mm mortar ... by dropping a mine")
            before = [
                a
                for a in subjects
                if a.start <= trigger.start and (not a.attrs.get("bare") or trigger.start - a.end <= 25)
            ]
            # after the trigger only a named force is the attacker ("hit Kramatorsk, Ukraine's railway said" is not)
            after = [a for a in subjects if a.start > trigger.start and not a.attrs.get("bare")]
            attacker = before[-1] if before else (after[0] if after else None)
        else:
            attacker = subjects[0]
    target = next(
        (
            o
            for o in objects
            if not o.attrs.get("bare")
            and (attacker is None or o.attrs["side"] != attacker.attrs["side"] or o.attrs["side"] == "other")
            and (attacker is None or o.attrs["name"] != attacker.attrs["name"])
        ),
        None,
    )
    return attacker, target


def side_actor(side: str) -> Actor:
    return _SIDE_ACTOR[side]


# ACLED's actor names use short country names ("Civilians (Russia)"), where ISO 3166 has the formal one.
SHORT_NAMES = {
    "RU": "Russia", "IR": "Iran", "SY": "Syria", "KP": "North Korea", "KR": "South Korea", "MD": "Moldova",
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CI": "Ivory Coast",
    "TR": "Turkey", "BN": "Brunei", "CV": "Cape Verde", "SZ": "eSwatini", "TL": "East Timor", "VN": "Vietnam",
    "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "CZ": "Czech Republic",
}  # fmt: skip


@cache
def country_name(code: str | None) -> str:
    """The short English name of an ISO 3166-1 alpha-2 code, as actor names use it ("Russia", "Ukraine")."""
    import pycountry

    c = pycountry.countries.get(alpha_2=code) if code else None
    if c is None:
        return code or "unknown"
    return SHORT_NAMES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name


@cache
def civilians_of(country: str | None) -> Actor:
    """The civilians of a country, one shared ``Actor`` per country (see :func:`actor_of`)."""
    name = f"Civilians ({country_name(country)})" if country else "Civilians"
    return Actor(name=name, country=country, kind="civilians")
