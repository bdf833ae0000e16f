"""From spans to incident frames: clauses, irrealis filtering, and ACLED typing.

A sentence is cut into clauses at connectives that usually start a new predication ("; ", ", which", "following",
"after", ", resulting in", "while").  Each clause with an event trigger, a casualty count or a salvo count becomes a
*frame*: the spans that describe one incident.  Frames without a place or a trigger are folded into a neighbour in
the same sentence ("..., which local officials claimed killed 25 people" belongs to the attack on Belgorod).
Triggers under a modal, a threat or a plan ("would intensify its assault", "to target") and triggers inside quotations
do not make events.  The ACLED type comes from the frame's trigger roles and weapons (see :func:`classify`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictlens.document import Document, Span
from conflictlens.events.actors import pick_actors
from conflictlens.events.casualties import CountReading, read_counts
from conflictlens.events.sources import SourceReading, may_name_sources, read_sources
from conflictlens.events.weapons import WeaponReading, intercepted_of_them, read_weapons
from conflictlens.model import EVENT_TYPE_OF
from conflictlens.nlp.lexicon import lowered

# A full stop inside a sentence ends a clause, except after an abbreviation ("Jan. 12", "Gen. Smith", "St. Louis"):
# the abbreviation is looked behind from after the stop, so the lookbehinds run only at full stops.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:which|while|whereas|resulting|leaving|killing|injuring|wounding)\b|\s(?:following|after|before|while|"
    r"whereas|but|as well as|meanwhile|when|and in)\s|\.(?<![A-Z][a-z][a-z]\.)(?<![A-Z][a-z]\.)(?<!Sept\.)\s|"
    r",\s+and\s+(?=[A-Z]|(?:the|a|an|in|on)\s)"
)
# what people are arrested, charged or sentenced for
_CHARGE = re.compile(
    r"\b(?:arrested|detained|held|booked|charged|convicted|sentenced|jailed|nabbed|registered against|filed against|"
    r"lodged against)\b[^.;]{0,50}?\bfor\s+"
    r"(?:allegedly\s+|(?:their|his|her)\s+(?:role|involvement)\s+in\s+(?:the\s+)?|involvement\s+in\s+(?:the\s+)?)?"
    r"(?:[\w-]+,?\s+(?:and|or)\s+)?$"
)


# roles that can name what someone is arrested for ("rioting", "arson", "killing", "attacking")
_CHARGE_ROLES = frozenset(["riot", "protest", "loot", "kill", "attack", "strike", "abduct", "sexual"])


_IRREALIS = re.compile(
    r"\b(?:will|would|could|might|(?<!\d )may(?! \d)|shall|can|"  # "may", not "9 May 2021"
    r"(?:aims?|aimed|plans?|planned|wants?|wanted|intends?|was|is|are|were) to|"
    r"pledges?|pledged|threaten(?:s|ed)?|vow(?:s|ed)?|warn(?:s|ed|ing)?|"
    r"plan(?:s|ned|ning)?|aim(?:s|ed)?|intends?|intended|promis(?:e|es|ed)|priorit(?:y|ies)|prevent|reduce|"
    r"escalat(?:e|ing)|intensify|if|unless|accused|accusing|suggestion|proposal|retaliation for|cautioned of|"
    r"rejects?|rejected|denies|deny|denied|call(?:s|ed)? for|gave a call for)\b[^.;,]{0,40}$|"
    # what a state does as a rule, or did not do ("Russia only strikes military targets")
    r"\b(?:only|never|does not|do not|doesn't|don't|did not|didn't)\s+$|"
    # a town's state, not an incident ("Marinka ... has been almost completely destroyed")
    r"\b(?:has|have) been (?:(?:almost|nearly|largely|mostly|completely|virtually|totally|entirely)\s+){1,2}$|"
    # an incident referred to by its victims ("compensation for the families of those killed in the riots")
    r"\b(?:those|people|persons) (?:who (?:were|had been) )?(?:killed|injured|hurt|wounded|affected|arrested) "
    r"(?:in|during) (?:the |these |last [a-z]+'s )?$|\bthose (?:who (?:were |had been )?)?$",
)
_PLANNED_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has been|have been)\s+(?:planned|scheduled|expected|due|set to|called|announced)\b"
)
# "custody for the 12 persons arrested in connection with the violence": a participle after whom it describes
_ARRESTED_BEFORE = re.compile(
    r"\b(?:for|of|against|to|on|with|among) (?:the |all )?(?:[\w-]+ ){0,2}(?:persons|people|men|accused|suspects|"
    r"youths|protesters|activists|workers|leaders) (?:who were |who had been )?$"
)
# "after weeks of protests", "months of unrest and demonstrations": a period of protests, not one told here
_PERIOD_OF = re.compile(r"\b(?:weeks|months|years|days) of (?:[\w-]+ ){0,2}$")
# "the protesting doctors": the participle says who, not that a protest took place here
_PARTICIPLE_BEFORE = re.compile(r"\b(?:the|these|those|of|to|by|with|and)\s+$")
# quarrels between people: a stabbing or a shooting told with them, by no armed group or force, is a crime
_PERSONAL_CUES = (
    r"domestic (?:dispute|violence)|(?:family|property|marital|land) dispute|dowry|hono(?:u)?r killing|"
    r"(?:dispute|quarrel|row|argument) over (?:[\w-]+ ){0,2}(?:land|property|money|debts?|loans?|parking|water|dowry)"
)
# Disasters, accidents and ordinary crime kill, destroy and lead to arrests too, but are not political violence
# (ACLED codes none of them): a clause with such a cue and nothing armed in it is no event.
_NON_CONFLICT = re.compile(
    r"\b(?:earthquakes?|quakes?|floods?|flooding|landslides?|mudslides?|cyclones?|hurricanes?|typhoons?|tornado(?:es)?|"
    r"tsunami|avalanches?|heat ?waves?|lightning|monsoon|(?:fire|blaze) (?:broke out|engulfed|gutted|swept)|"
    r"(?<![a-z] )(?<![a-z])(?:(?:a|the) )?(?:fire|blaze)s? (?:kills?|killed)|caught fire|derail(?:ed|ment)|"
    r"capsiz(?:e|es|ed|ing)|plunged into|overturned|collided|collision|road accident|sewer|septic tank|manhole|"
    r"dacoits?|dacoity|heist|jewell?ery shop|"
    r"(?:bus|train|plane|car|boat|ferry|truck|lorry|road|air) (?:accident|crash)|crashed|(?:building|bridge|roof|wall) "
    r"collapsed?|collapsed|stampede|gas (?:explosion|leak|cylinder)|boiler explosion|short circuit|electrocuted|"
    r"drowned|smuggl\w*|traffick\w*|drugs?|narcotics?|cocaine|heroin|cannabis|marijuana|methamphetamine|"
    r"robbers?|robbery|robbed|thieves|theft|burglar\w*|fraud|embezzl\w*|brib(?:e|es|ed|ery)|poach(?:er|ers|ing)|"
    r"(?:fire|blaze|explosion|blast) at (?:a|an|the) (?:[\w-]+ ){0,2}(?:factory|plant|refinery|warehouse|godown|"
    r"workshop|kiln|mine|firecracker unit)|fireworks|firecrackers?|(?:spurious|illicit|toxic) (?:liquor|alcohol)|"
    rf"hooch|food poisoning|cholera|outbreak|{_PERSONAL_CUES})\b"
)
_PERSONAL = re.compile(rf"\b(?:{_PERSONAL_CUES})\b")
_ARMED_ROLES = frozenset(["shelling", "air", "clash", "intercept", "suicide", "grenade", "attack", "protest", "riot",
                          "abduct", "sexual", "withdraw", "regain", "hq", "defuse"])  # fmt: skip
_ARMED_ROLES_BUT_WITHDRAW = _ARMED_ROLES - {"withdraw"}
# roles that still make a clause armed beside a quarrel between people: not a stabbing or a shooting ("attack")
_CRIME_ROLES = _ARMED_ROLES - {"attack"}
# (role sets that :func:`classify` compares a frame's roles with: made once, not at every comparison)
_KILL_ONLY = frozenset(["kill"])
_KILL_OR_ATTACK = frozenset(["kill", "attack"])
# (the cues are also looked for in the whole text first: most documents have none, and a few substring tests of the
# text cost less than searching the pattern in each clause)
_AGGREGATE_CUES = (
    "repeated", "repeatedly", "waves of", "every day", "each day", "almost daily", "nearly every day", "regularly",
    "constantly",
)  # fmt: skip
_AGGREGATE = re.compile(rf"\b(?:{'|'.join(_AGGREGATE_CUES)})\b")
# a toll counted over a period ("killed since the invasion") is an aggregate; "the largest attack since the
# invasion" is a superlative about one incident
_SINCE_PERIOD = re.compile(
    r"\b(?:since (?:the (?:start|beginning)|february 2022|the full-scale|the invasion|\d{4}|"
    r"(?:[\w'’-]+\s+){0,3}(?:invasion|war|outbreak|start of the war))|"
    r"throughout the war|during the war|since the war|over the past (?:year|month|week)s?|"
    r"in recent (?:weeks|months|days))\b",
)
_AGGREGATE_COUNT = re.compile(r"\b(?:in total|overall|so far this|of the war|daily)\b")
# events counted over a period ("over 200 protests were held across the country last year")
_COUNTED_NOUNS = (
    "protests", "demonstrations", "rallies", "strikes", "attacks", "incidents", "clashes", "riots", "agitations",
)  # fmt: skip
_COUNTED_EVENTS = re.compile(
    rf"\b(?:\d[\d,]*|dozens|hundreds|thousands|scores|several|numerous) (?:of )?(?:[\w-]+ )?"
    rf"(?:{'|'.join(_COUNTED_NOUNS)})\b[^.;]*\b(?:(?:last|this|past) (?:year|month|decade)|"
    r"across the (?:country|state|nation)|so far|in \d{4}|over the (?:years|past (?:years?|months?|weeks|decades?))|"
    r"since)\b"
)
_ROLE_PRIORITY = [
    "chemical",
    "withdraw",
    "regain",
    "hq",
    "change",
    "capture",
    "protest",
    "riot",
    "abduct",
    "arrest",
    "loot",
    "sexual",
    "other",
    "defuse",
    "attack",
    "grenade",
    "suicide",
    "mine",
    "clash",
    "air",
    "shelling",
    "intercept",
    "strike",
    "kill",
]
_PRIORITY_OF = {role: i for i, role in enumerate(_ROLE_PRIORITY)}
# kinds of event told in their own words, whatever other incident the clause refers to or the report told before
OWN_KIND_ROLES = frozenset(["arrest", "protest", "riot", "abduct", "agreement", "change", "hq"])
_PREFIX_TYPES = {
    "interception": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "looting": "Looting/property destruction",
    "property destruction": "Looting/property destruction",
    "land seizure": "Looting/property destruction",
    "displacement": "Other",
    "mass grave": "Other",
}
_ACLED_LABEL = re.compile(r"^([a-z ]{4,25}):")  # "interception: ..." (ACLED's notes start with their own label)
_SMALL_ARMS = re.compile(r"small arms|rifles?|automatic weapons")
_BOMBING = re.compile(r"bomb(?:ing|ings|ed)")
# weapons that make remote violence (shelling, strikes), not a fight or an attack at close range
_HEAVY_WEAPONS = frozenset(["missile", "drone", "rocket", "artillery", "aircraft", "bomb"])
# forces whose "strikes", with no weapon named, are from the air ("Israeli strike on Gaza school kills 20", "a US
# strike in Somalia"): ACLED codes them as air strikes
_AIR_STRIKERS = frozenset(["Military Forces of Israel", "Military Forces of United States"])
_STRIKE_OR_KILL = frozenset(["strike", "kill"])
_AIR_ACTOR = re.compile(r"\b(?:air|aviation|aircraft|jets?|helicopters?|drones?|aerospace)\b", re.IGNORECASE)
# "intercepted 11 drones, the rest hit the targets": an interception that did not stop the strike
_REST_HIT = re.compile(r"\b(?:the rest|the others|others|the remaining(?: \w+)?)\s+(?:\w+\s+)?(?:hit|struck|reached)\b")
# an exchange of fire between forces is a clash, whatever the weapons ("shelled ...; Ukrainian forces fired back")
_RETURN_FIRE = re.compile(r"\b(?:fired back|returned fire|exchanged fire)\b")
_GOVERNMENT_VERB = re.compile(
    r"\s+(?:also\s+|still\s+|has\s+|had\s+|have\s+)?(?:would|will|could|may|might|launched|fired|said|says|claimed|"
    r"reported|stated|announced|aimed|aims|accused|denied|denies|insisted|warned|sent|struck|attacked|targeted|used|"
    r"attacks|launches|strikes|hits|shells|fires|pounded|pounds|bombarded|bombed|hammered|shelled|resumes|resumed|"
    r"renews|renewed|unleashes|unleashed|steps up|stepped up|"
    r"wants|needs|must|(?:was|is|were|are)\s+(?:still\s+)?(?!being\b)\w+ing)\b"
)
# "..., the governor said on Telegram on Monday": the date of the statement, not of the incident
_STATEMENT_DATE = re.compile(
    r"\b(?:said|says|reported|told|announced|wrote|stated|posted|added|confirmed|claimed)\b"
    r"(?:\s+(?:on|in|via)\s+(?:the\s+)?(?:telegram|facebook|twitter|x|a statement|television|tv)\b[^.;]{0,12})?\s*$"
)
# "the largest wave of protests since the invasion": a comparison about an incident already reported
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:largest|biggest|most massive|heaviest|deadliest|worst|longest|first|most)\b[^.;]{0,60}\bsince\b"
)
# "retaliation for the explosion on the Crimean bridge": an incident referred to, reported elsewhere (a claim of
# responsibility still reports its attack: "The Taliban claimed responsibility for the bombing in Kabul")
# (its nouns are looked for in the whole text first, like the aggregate cues)
_REFERENCE_NOUNS = ("retaliation", "revenge", "reprisal", "response")
_REFERENCE = re.compile(rf"\b(?:in )?(?:{'|'.join(_REFERENCE_NOUNS)}) (?:for|to)\b")
# a clause after the first that tells an earlier incident as a time ("..., a week after a Russian military plane
# crashed in the Belgorod region"): its places are not the event's
# (clauses break before "after": the time it names ends the clause before)
_TIME_BEFORE = re.compile(r",\s*(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?)\s*$")
_AFTER_START = re.compile(r"\s*after\b")
# "the injured were taken to hospitals in Owo and Akure": where they were treated, not where it happened
_TREATED = re.compile(
    r"\b(?:taken|rushed|admitted|brought|transported|evacuated|treated) (?:to|in|at) (?:[\w-]+ ){0,3}hospitals?\b"
)
_ATTEMPT = re.compile(r"\b(?:tried|attempted|attempting|trying|attempts?|failed|sought|seeking) to\b[^.;]{0,40}$")
_RELATIVE_START = re.compile(r"[\s,]*(?:which|who)\b")
_OTHER_PREFIX = re.compile(r"^\s*(?:displacement|mass grave)s?:")
# "Moscow's large-scale attack", "Russia's forces": a possessive place names a government or its forces
_POSSESSIVE_FORCE = re.compile(
    r"(?:’s|'s)\s+(?:\w+[- ]){0,2}?(?:attack|strike|assault|forces|army|military|drones?|missiles?)"
)
_ACCUSED_OF = re.compile(r"\s+of\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
_ATTRIBUTIVE = re.compile(
    r"(?:\s+(?:drone|air|missile|rocket|military|security|special|armed|defen[cs]e|naval|government)\s+|\s+|-)"
    r"(?:forces|troops|army|military|soldiers|police|navy|drones?|strikes?|airstrikes?|warplanes|jets|aircraft|"
    r"missiles?|led|backed)\b",
    re.IGNORECASE,
)
_ROLE_AFTER = re.compile(
    r"(?:’s|'s)?\s+(?:regional\s+|city\s+|oblast\s+|military\s+)*(?:governor|mayor|head|administration|"
    r"authorities|officials?|police|prosecutors?|council|spokes(?:man|woman|person)|ombudsman)\b",
    re.IGNORECASE,
)
# a facility named after a place and placed elsewhere ("the Dnipro hydroelectric power plant in Zaporizhzhia"; the
# Zaporizhzhia nuclear plant, with no place after it, stays near its namesake), or a river
_NAMED_AFTER_IT = re.compile(
    r"\s+(?:(?:hydroelectric|hydro-electric|hydropower|nuclear|thermal)\s+(?:power\s+)?(?:plant|station|dam)|"
    r"HPP|HES|NPP|TPP|dam|reservoir)\s+(?:in|near|outside)\s|\s+(?:river|River)\b"
)
# past tenses of trigger verbs that do not end in -ed: after "the army", "the rebels", they are verbs, not nouns
_IRREGULAR_PAST = frozenset(
    ["retook", "took", "struck", "shot", "fought", "overran", "overrun", "hit", "beat", "stole", "threw", "blew",
     "went", "set", "broke", "led", "ran", "fled", "hid", "shook", "sank", "stormed", "seized", "captured"]
)  # fmt: skip
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+$")
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$")
PLACE_NOUNS = re.compile(
    r"\s+(?:cities|city|towns?|villages?|regions?|territor(?:y|ies)|soil|land|settlements?|"
    r"border (?:areas|regions|villages|towns|districts|settlements)|"
    r"capital|oblasts?|front(?:line)?|positions)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Frame:
    """The spans of one clause (or several folded clauses) that describe one incident."""

    start: int
    end: int
    sentence: int
    paragraph: int
    triggers: list[Span] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    dates: list[Span] = field(default_factory=list)
    actors: list[Span] = field(default_factory=list)
    counts: list[CountReading] = field(default_factory=list)
    weapons: list[WeaponReading] = field(default_factory=list)
    damage: list[Span] = field(default_factory=list)
    sources: list[SourceReading] = field(default_factory=list)
    aggregate: bool = False
    # (attacker, target) of the frame's actors for each trigger asked about (by the trigger's id): see `actors_for`
    _picks: dict[int, tuple[Span | None, Span | None]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def anaphoric(self) -> bool:
        """Only definite references ("The missile strike caused ...") and no place or count of its own."""
        return (
            bool(self.triggers)
            and all(t.attrs.get("definite") for t in self.triggers)
            and not any(p.attrs["place"].kind != "country" for p in self.places)
            and not self.has_counts
        )

    @property
    def has_counts(self) -> bool:
        return bool(self.counts) or any(w.launched is not None or w.intercepted is not None for w in self.weapons)

    def with_counts(self, counts: list[CountReading]) -> Frame:
        """A copy of this frame (sharing its span lists) with its own list of ``counts``."""
        return Frame(
            self.start,
            self.end,
            self.sentence,
            self.paragraph,
            triggers=self.triggers,
            places=self.places,
            dates=self.dates,
            actors=self.actors,
            counts=list(counts),
            weapons=self.weapons,
            damage=self.damage,
            sources=self.sources,
            aggregate=self.aggregate,
            _picks=self._picks,  # the same actors and start: the same picks
        )

    def actors_for(self, doc: Document, trigger: Span | None) -> tuple[Span | None, Span | None]:
        """(attacker, target) among the frame's actors for ``trigger`` (see :func:`pick_actors`); worked out once per
        trigger, as typing the frame and assembling its event both ask."""
        pick = self._picks.get(id(trigger))
        if pick is None:
            pick = self._picks[id(trigger)] = pick_actors(doc, self.actors, trigger, self.start)
        return pick

    def absorb(self, other: Frame) -> None:
        self._picks = {}  # new actors, new picks
        self.start = min(self.start, other.start)
        self.end = max(self.end, other.end)
        self.triggers = _joined(self.triggers, other.triggers)
        self.places = _joined(self.places, other.places)
        self.dates = _joined(self.dates, other.dates)
        self.actors = _joined(self.actors, other.actors)
        self.damage = _joined(self.damage, other.damage)
        self.counts = sorted(self.counts + other.counts, key=_start_of)
        self.weapons.extend(x for x in other.weapons if x not in self.weapons)
        self.sources.extend(x for x in other.sources if x not in self.sources)
        self.aggregate = self.aggregate or other.aggregate


def _start_of(item: Span | CountReading) -> int:
    return item.start


def _joined(spans: list[Span], more: list[Span]) -> list[Span]:
    """A new list of ``spans`` and the spans of ``more`` it lacks, by start."""
    joined = spans + [s for s in more if s not in spans]
    joined.sort(key=_start_of)
    return joined


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.start() + (1 if text[m.start()] in ";,." else 0)
    if pos < end:
        out.append((pos, end))
    return out


def in_quote(quotes: list[Span], span: Span | CountReading) -> bool:
    """Whether a span lies inside one of the document's quotations (``doc.layer("quote")``)."""
    return any(q.start < span.start and span.end <= q.end for q in quotes)


def live_triggers(
    doc: Document,
    start: int,
    end: int,
    comparison_from: int | None = None,
    *,
    low: str | None = None,
    quotes: list[Span] | None = None,
) -> list[Span]:
    """Triggers of a clause that assert an event: not inside a quotation, not under a modal, threat or plan.

    Triggers from ``comparison_from`` on ("the largest attack since ...") only refer to an incident (``definite``).
    ``low`` (the lowered text) and ``quotes`` (the quote layer) may be passed by a caller that asks for every clause
    of a document, sparing two look-ups per clause.
    """
    triggers = doc.spans_in("trigger", start, end)
    if not triggers:
        return triggers
    if low is None:
        low = lowered(doc)
    if quotes is None:
        quotes = doc.layer("quote")
    if comparison_from is None:
        comparison_from = end
    out = []
    for t in triggers:
        if quotes and in_quote(quotes, t):
            continue
        ts = t.start
        before = low[max(start, ts - 60) : ts]
        # (the pattern ends with "[^.;,]{0,40}$": a match starts after the last stop, semicolon or comma before)
        if _IRREALIS.search(before, max(before.rfind("."), before.rfind(";"), before.rfind(",")) + 1):
            continue
        attrs = t.attrs
        role = attrs["role"]
        if role in _CHARGE_ROLES and _CHARGE.search(low[max(start, ts - 70) : ts]):
            continue  # "arrested 12 people for rioting": the charge, not an event told here
        if _PLANNED_AFTER.match(low, t.end, t.end + 40):
            continue  # "A further protest is planned for Saturday": announced, not yet held
        if role == "arrest" and _ARRESTED_BEFORE.search(low, max(0, ts - 50), ts):
            continue  # "custody was ordered for the 12 persons arrested ...": people arrested before, told of
        if low.startswith("protesting ", ts) and _PARTICIPLE_BEFORE.search(low, max(0, ts - 6), ts):
            continue
        if role in ("protest", "riot") and _PERIOD_OF.search(low, max(start, ts - 30), ts):
            continue  # "to defuse tensions after weeks of protests": protests over a period, referred to
        if role in ("capture", "regain") and _ATTEMPT.search(low[max(start, ts - 50) : ts]):
            attrs.update(role="clash", sub_event_type="Armed clash")  # "tried to capture the city": a fight
        elif role == "other" and not _OTHER_PREFIX.match(low):
            continue  # evacuations and graves are events only in ACLED's own notes ("Displacement: ...")
        said = low[ts : t.end]
        verb = said.split(" ", 1)[0]  # "staged a sit-in", "went on strike": a phrase led by its verb
        attrs["definite"] = (
            ts >= comparison_from
            or not said.endswith(("ed", "ing"))
            and not verb.endswith("ed")
            and bool(_DEFINITE.search(low[max(start, ts - 30) : ts]))
            and not (  # "the army retook ...": an active verb; "the building was hit": still the incident told before
                verb in _IRREGULAR_PAST and not _PASSIVE_BEFORE.search(low, max(start, ts - 12), ts)
            )
        )
        out.append(t)
    return out


def event_places(
    doc: Document,
    start: int,
    end: int,
    excluded: list[tuple[int, int]],
    *,
    quotes: list[Span] | None = None,
    dateline: tuple[int, int] | None = None,
    actors: list[Span] | None = None,
) -> list[Span]:
    """Resolved places of a clause that can be where an event happened.

    ``quotes`` (the quote layer), ``dateline`` (``doc.meta["dateline"]``) and ``actors`` (the actor spans inside
    ``[start, end)``) may be passed by a caller that has them.
    """
    places = doc.spans_in("place", start, end)
    if not places:
        return places
    out = []
    text = doc.text
    if quotes is None:
        quotes = doc.layer("quote")
    dateline_start, dateline_end = doc.meta.get("dateline", (0, 0)) if dateline is None else dateline
    # (the actors are looked up, if not given, for the first place that passes the other tests)
    for p in places:
        place = p.attrs.get("place")
        if place is None or (quotes and in_quote(quotes, p)) or dateline_start <= p.start < dateline_end:
            continue  # "KYIV, 29 December 2023 --" names where the report was filed
        if excluded and any(s <= p.start < e for s, e in excluded):
            continue
        # the patterns are matched at the place's end within a window of the text (``pos``/``endpos``, the same as
        # matching a slice of it, without making one per place)
        after = p.end
        if p.attrs.get("form") == "demonym" and not PLACE_NOUNS.match(text, after, after + 30):
            continue
        if text.startswith(("'s", "’s"), after) and _POSSESSIVE_FORCE.match(text, after, after + 40):
            continue  # "Moscow's large-scale attack": the government, not the place
        if _ROLE_AFTER.match(text, after, after + 50):
            continue  # "the Donetsk governor said": a title, not where anything happened
        if _NAMED_AFTER_IT.match(text, after, after + 40):
            continue  # "the Dnipro hydroelectric power plant in Zaporizhzhia": named after a place, elsewhere
        if (
            (place.kind == "country" or place.population >= 500_000)
            and (
                _GOVERNMENT_VERB.match(text, after, after + 40)
                or _ACCUSED_OF.match(text, after, after + 30)
                or text.endswith(" by ", 0, p.start)
            )
            and not _FORCE_IN.search(text, max(0, p.start - 30), p.start)
        ):
            continue  # "Moscow launched ...", "accused Kyiv of shelling", "an attack by Kyiv": the state
        if place.kind == "country" and _ATTRIBUTIVE.match(text, after, after + 40):
            continue  # "a US drone strike", "Israel Defense Forces", "US-led coalition": whose, not where
        if actors is None:
            actors = doc.spans_in("actor", start, end)
        if actors and any(
            a.start <= p.start and p.end <= a.end and (a.start < p.start or a.end > p.end) for a in actors
        ):
            continue  # part of a name: "the Islamic State Sahel Province", "Military Forces of Russia"
        out.append(p)
    if len(out) > 1:
        # "Serhiivka near Odesa", "a village outside Kharkiv": the second place only says where the first one is
        out = [
            p
            for k, p in enumerate(out)
            if k == 0
            or not _REFERENCE_POINT.fullmatch(text, out[k - 1].end, p.start)
            or out[k - 1].attrs["place"].kind != "town"
        ]
    if len(out) > 1 and _LABEL_END.match(text, out[0].end) and not text[start : out[0].start].strip():
        # a headline's label ("Kashmir: three militants killed ... in Shopian") only situates the places after it
        out.pop(0)
    return out


_LABEL_END = re.compile(r"\s*:")
# "Police in Nairobi fired tear gas": the force of that city, which acted there (not the state of "Moscow launched")
_FORCE_IN = re.compile(r"\b(?:police|troops|soldiers|protesters|demonstrators)\s+in\s+$", re.IGNORECASE)
_REFERENCE_POINT = re.compile(
    r",?\s+(?:near|outside|close to|not far from|(?:\d+ ?km |\d+ kilometres |\d+ miles )?(?:north|south|east|west|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)? of)\s+(?:the\s+(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)


def build_frames(doc: Document) -> list[Frame]:
    """Incident frames of a document in text order.

    Only a clause with a live trigger or a casualty count makes a frame (others are folded into one, or dropped),
    so each sentence is read in two passes: first the triggers and counts of its clauses, and only when one of them
    has any, the rest (places, dates, actors, weapons, sources, aggregates).  Most sentences of a report ("Casualties
    unknown.", background) stop after the first pass.
    """
    frames: list[Frame] = []
    clause_id = 0
    text = doc.text
    low = lowered(doc)
    spans_in = doc.spans_in
    quotes = doc.layer("quote")
    dateline_start, dateline_end = doc.meta.get("dateline", (0, 0))
    # patterns that few documents match are searched clause by clause only in a text with one of their words
    refers = _mentions_any(low, _REFERENCE_NOUNS)
    tells_after = " after " in low  # (the only texts where an earlier incident can be told as a time)
    since = "since" in low
    hospital = "hospital" in low
    aggregates = _mentions_any(low, _AGGREGATE_CUES)
    counted = _mentions_any(low, _COUNTED_NOUNS)
    cues: bool | None = None  # whether the text has a reporting cue (worked out at the first sentence with a frame)
    for sent_idx, sent in enumerate(doc.sentences):
        # pass 1: what can make a frame -- live triggers, casualty counts
        parts: list[tuple[int, int, int, int, list[Span], list[CountReading]]] = []
        live = False
        for cs, ce in clauses(text, sent.start, sent.end):
            clause_id += 1
            # (a comparison needs "since": the pattern is tried only in a clause with that word)
            until = place_end = ce
            if since and low.find("since", cs, ce) >= 0 and (comparison := _SUPERLATIVE_SINCE.search(low, cs, ce)):
                until = comparison.start()
            if refers and (reference := _REFERENCE.search(low, cs, ce)) and reference.start() <= until:
                # places stop where an incident only referred to begins ("retaliation for the explosion on ...")
                until = place_end = reference.start()
            elif (
                tells_after
                and cs > sent.start
                and _AFTER_START.match(low, cs, ce)
                and _TIME_BEFORE.search(low, max(sent.start, cs - 24), cs)
            ):
                until = place_end = cs
            trig = live_triggers(doc, cs, ce, until, low=low, quotes=quotes)
            counts = read_counts(doc, cs, ce, low=low)
            if counts and quotes:
                counts = [c for c in counts if not in_quote(quotes, c)]
            if counts:
                for c in counts:
                    c.clause = clause_id
                live = True
            elif trig:
                if _RELATIVE_START.match(low, cs):
                    # "Russian forces, which withdrew from the city in November, have shelled ...": background
                    trig = []
                else:
                    live = True
            parts.append((cs, ce, until, place_end, trig, counts))
        if not live:
            continue
        # pass 2: the rest of each clause
        if cues is None:
            cues = may_name_sources(text)
        if cues:
            sentence_sources, excluded = read_sources(doc, sent.start, sent.end)
            excluded += [(s.start, s.end) for s in sentence_sources if s.role]
        else:
            sentence_sources, excluded = [], []  # (no reporting verb anywhere: no source, no capital as government)
        paragraph = int(sent.attrs.get("paragraph", 0))
        sent_frames: list[Frame] = []
        for cs, ce, _until, _place_end, trig, counts in parts:
            weapons = read_weapons(doc, cs, ce)
            if not weapons and sent_frames and sent_frames[-1].weapons:
                # "Russia launched 23 missiles ..., and air defences shot down 21 of them": the count of "them"
                # intercepts the weapon of the clause before
                reading = sent_frames[-1].weapons[-1]
                n = intercepted_of_them(doc, cs, ce)
                if n is not None and reading.intercepted is None:
                    reading.intercepted = int(n.attrs["value"])
                    reading.spans.append(n)
            if weapons and quotes:
                weapons = [w for w in weapons if not any(in_quote(quotes, s) for s in w.spans)]
            actors = spans_in("actor", cs, ce)
            if quotes:
                actors = [a for a in actors if not in_quote(quotes, a)]
            sent_frames.append(
                Frame(cs, ce, sent_idx, paragraph, triggers=trig, counts=counts, weapons=weapons, actors=actors)
            )
        if not any(_armed(f) for f in sent_frames) and _NON_CONFLICT.search(low, sent.start, sent.end):
            continue  # "An earthquake struck southern Turkey, killing 40": not an event
        if not any(_armed(f, _CRIME_ROLES) for f in sent_frames) and _PERSONAL.search(low, sent.start, sent.end):
            continue  # "A man stabbed his neighbour to death in a dispute over land": a crime
        for frame, (cs, ce, until, place_end, _trig, counts) in zip(sent_frames, parts, strict=True):
            treated = (
                _TREATED.search(low, cs, place_end) if hospital and low.find("hospital", cs, place_end) >= 0 else None
            )
            places_end = treated.end() if treated else place_end
            frame.places = places = event_places(
                doc,
                cs,
                places_end,
                excluded,
                quotes=quotes,
                dateline=(dateline_start, dateline_end),
                # (the frame's actors are those of the clause, when no quote took any away)
                actors=frame.actors if places_end == ce and not quotes else None,
            )
            dates = spans_in("date", cs, ce)
            if dates:
                frame.dates = [
                    d
                    for d in dates
                    if d.start < until
                    and d.end <= until
                    and not d.attrs.get("since")
                    and not dateline_start <= d.start < dateline_end
                    and not _STATEMENT_DATE.search(low[max(cs, d.start - 45) : d.start])
                ]
            frame.damage = spans_in("damage", cs, ce)
            big_toll = (
                bool(counts)
                and any(c.value >= 1000 for c in counts)
                and not any(p.attrs["place"].kind in ("town", "district", "point") for p in places)
            )
            frame.aggregate = (
                big_toll
                or (aggregates and bool(_AGGREGATE.search(low[cs:ce])))
                or (counted and bool(_COUNTED_EVENTS.search(low[cs:ce])))
                # (a toll over a period; not "the most serious attack ... since the start of the war")
                or (
                    bool(counts)
                    and bool(_AGGREGATE_COUNT.search(low, cs, until) or _SINCE_PERIOD.search(low, cs, until))
                )
                or any(d.attrs.get("since") for d in dates)
            )
        sent_frames = _fold(sent_frames)
        for f in sent_frames:
            f.sources = list(sentence_sources)
        frames.extend(f for f in sent_frames if f.triggers or f.counts)
    return frames


def _mentions_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``words``: a few substring tests of a whole document, much cheaper than a
    pattern of those words searched in each of its clauses (a loop: a generator given to ``any`` costs more than the
    tests themselves, in a short text)."""
    for w in words:  # noqa: SIM110 (see above)
        if w in text:
            return True
    return False


def _armed_actor(actor: Span) -> bool:
    """A named military force or armed group (police arrest smugglers; soldiers and militants fight)."""
    name = str(actor.attrs.get("name", ""))
    return (
        not actor.attrs.get("bare")
        and actor.attrs.get("kind") in ("state_forces", "militia", "rebels")
        and not (name.startswith("Police"))
    )


def _armed(frame: Frame, roles: frozenset[str] = _ARMED_ROLES) -> bool:
    """Whether a clause tells of arms or armed people: a weapon, a force or group, a fighting verb (one of
    ``roles``)."""
    return (
        bool(frame.weapons)
        or any(_armed_actor(a) for a in frame.actors)
        or any(t.attrs["role"] in roles for t in frame.triggers)
    )


def _fold(frames: list[Frame]) -> list[Frame]:
    """Fold the clause frames of one sentence.

    Trigger-less clauses join their neighbour; place-less ones join a clause that has a place.
    """
    if len(frames) <= 1:
        return frames

    def anchored(f: Frame) -> bool:
        return bool(f.triggers) and bool(f.places)

    result = list(frames)
    changed = True
    while changed and len(result) > 1:
        changed = False
        for i, f in enumerate(result):
            if anchored(f):
                continue
            has_anchor = any(anchored(g) for g in result if g is not f)
            if not has_anchor and f.triggers:
                if not (i > 0 and result[i - 1].triggers):
                    continue
                # no place anywhere: one incident told in clauses ("Militants attack a checkpoint, killing 12", "M23
                # rebels seize Bunagana after heavy fighting")
                result[i - 1].absorb(f)
                result.remove(f)
                changed = True
                break
            # prefer the previous anchored frame, else the next one, else the previous frame
            target = next((result[j] for j in range(i - 1, -1, -1) if anchored(result[j])), None)
            if target is None or (
                f.triggers
                and not f.places
                and i + 1 < len(result)
                and anchored(result[i + 1])
                and not result[i + 1].counts
                and f.counts == []
            ):
                target = next((result[j] for j in range(i + 1, len(result)) if anchored(result[j])), target)
            if target is None:
                target = result[i - 1] if i > 0 else result[i + 1]
            target.absorb(f)
            result.remove(f)
            changed = True
            break
    return result


def roles(frame: Frame) -> set[str]:
    return {str(t.attrs["role"]) for t in frame.triggers}


def classify(frame: Frame, doc: Document, near: Span | None = None) -> tuple[str, str | None, Span | None]:
    """(event_type, sub_event_type, main trigger) of a frame, following ACLED's conventions.

    Captures by Russian or separatist forces are "Non-state actor overtakes territory", Ukrainian recaptures are
    "Government regains territory", and a withdrawal without fighting is a "Non-violent transfer of territory".
    Interceptions alone are "Disrupted weapons use", but shooting down aircraft is coded as the attack it is.
    Drones or aircraft make an "Air/drone strike"; otherwise remote fire is "Shelling/artillery/missile attack".
    """
    r = roles(frame)
    told = {str(t.attrs["role"]) for t in frame.triggers if not t.attrs.get("definite")}
    if told & OWN_KIND_ROLES and told != r:
        r = told  # "detained a man suspected of helping to direct the strike": the strike is only referred to
    text = doc.text[frame.start : frame.end].lower()
    cats = {w.category for w in frame.weapons}
    main = _main_trigger(frame, near)

    def result(sub: str) -> tuple[str, str | None, Span | None]:
        # the trigger that says so ("shelled" for a shelling), nearest the place; else the frame's main trigger
        typed = [t for t in frame.triggers if t.attrs.get("sub_event_type") == sub]
        if typed:
            return EVENT_TYPE_OF[sub], sub, _top_trigger(typed, near)
        if main is not None and main.attrs.get("role") == "intercept" and sub != "Disrupted weapons use":
            # the strikes that got through, not the interceptions, say what happened ("Russia attacked Ukraine with
            # 38 missiles ... Air defences destroyed 30"), unless what was shot down was an aircraft
            struck = [
                t
                for t in frame.triggers
                if t.attrs.get("role") != "intercept" and not _DEBRIS.match(doc.text, t.start, t.end)
            ]  # (debris that fell is what the interception left: it still tells the event, see assemble)
            if struck and not aircraft_down(text):
                return EVENT_TYPE_OF[sub], sub, _top_trigger(struck, near)
        return EVENT_TYPE_OF[sub], sub, main

    prefix = _ACLED_LABEL.match(text)
    if prefix and prefix.group(1) in _PREFIX_TYPES and not (prefix.group(1) == "interception" and aircraft_down(text)):
        return result(_PREFIX_TYPES[prefix.group(1)])  # ACLED's own labels at the start of a note
    if "intercept" in r and r.isdisjoint(("clash", "capture", "regain")):
        impact = any(c.value > 0 for c in frame.counts) or frame.damage or _REST_HIT.search(text)
        if aircraft_down(text):
            return result("Shelling/artillery/missile attack")
        if not impact and r.isdisjoint(("air", "shelling")):
            return result("Disrupted weapons use")
    if "protest" in r and r & _EXPLOSIVE_ROLES and _gathering_hit(frame, doc):
        r = r - {"protest"}  # "Bomb blast at election rally kills 20": the rally is what was hit, not the event
    if "defuse" in r:
        return result("Disrupted weapons use")
    if "loot" in r and r.isdisjoint(("shelling", "air", "strike", "clash", "protest", "riot", "attack")):
        return result("Looting/property destruction")
    if ("protest" in r or "riot" in r) and r.isdisjoint(("shelling", "air", "clash")):
        return result(_protest_type(r, text))
    if (
        "clash" in r
        and _GROUP_CLASH.search(text)
        and not _ARMED_CUE.search(text)
        and not any(_armed_actor(a) for a in frame.actors)
    ):
        return result("Mob violence")  # ACLED: rival crowds, not armed forces ("a clash broke out between two groups")
    if "withdraw" in r:
        fought = "clash" in r
        if "regain" in r and fought:
            return result("Government regains territory")
        if not fought:
            return result("Non-violent transfer of territory")
        if "capture" not in r:
            return result("Armed clash")  # attackers who "clashed ... and retreated": a fight, no transfer
    if "regain" in r:
        return result("Government regains territory")
    if "hq" in r:
        return result("Headquarters or base established")
    if "change" in r and r.isdisjoint(_ARMED_ROLES):
        return result("Change to group/activity")  # a group formed, merged, renamed, pledging allegiance
    if "capture" in r:
        side = _attacker_side(frame, doc)
        return result("Government regains territory" if side == "UA" else "Non-state actor overtakes territory")
    if "protest" in r or "riot" in r:
        return result(_protest_type(r, text))
    if "chemical" in r:
        return result("Chemical weapon")
    if "abduct" in r:
        return result("Abduction/forced disappearance")
    if "sexual" in r:
        return result("Sexual violence")
    if (
        "agreement" in r
        and r.isdisjoint(_ARMED_ROLES_BUT_WITHDRAW)
        and r.isdisjoint(("strike", "kill", "mine", "arrest"))
    ):
        return result("Agreement")  # ACLED: ceasefires, peace deals, prisoner exchanges, surrenders
    if "arrest" in r and r.isdisjoint(("shelling", "air", "clash", "strike", "attack")):
        return result("Arrests")
    if "suicide" in r:
        return result("Suicide bomb")
    if "mine" in r and r.isdisjoint(("shelling", "air")):
        return result("Remote explosive/landmine/IED")
    if "grenade" in r and r.isdisjoint(("air", "shelling")) and "drone" not in cats:
        return result("Grenade")
    if (
        "attack" in r
        and _HAND_TO_HAND.search(text)
        and r.isdisjoint(("air", "clash"))
        and cats.isdisjoint(_HEAVY_WEAPONS)
    ):
        return result("Attack")  # "fired on and beheaded 2 employees": what was done to them by hand decides
    if (
        ("attack" in r or "kill" in r)
        and r.isdisjoint(("shelling", "air", "clash"))
        and ("strike" not in r or "attack" in r)  # "attacked ... stabbed": an attack; "attacked ..., killing": not
        and cats.isdisjoint(_HEAVY_WEAPONS)
        and ("attack" in r or _attacker(frame, doc) is not None)
    ):
        if r <= _KILL_OR_ATTACK and _armed_kill_of_forces(frame, doc):
            return result("Armed clash")  # "Al-Shabaab militants kill five soldiers", "Troops kill 6 militants"
        return result("Attack")
    if (
        r <= _KILL_ONLY
        and not cats
        and _attacker(frame, doc) is None
        and any(a.attrs.get("kind") in ("state_forces", "militia", "rebels") for a in frame.actors)
    ):
        # "Two Ukrainian marines killed near Shyrokyne", "Kashmir Encounter: two terrorists killed in Kulgam": fighters
        # fall in fighting
        return result("Armed clash")
    if _fire_on_civilians(frame, doc, cats):
        return result("Attack")
    armed_group = _armed_group_attack(frame, doc, r, cats)
    if armed_group is not None:
        return result(armed_group)
    if "clash" in r and (_is_ground_fight(frame, doc, cats) or _RETURN_FIRE.search(text)):
        return result("Armed clash")
    if (
        "small_arms" in cats
        and ("artillery" not in cats or _SMALL_ARMS.search(text))
        and "air" not in r
        and cats.isdisjoint(("missile", "drone", "rocket", "bomb", "aircraft"))
    ):
        return result("Armed clash")  # direct fire between forces (ACLED codes small-arms fire as a clash)
    attacker = _attacker(frame, doc)
    air_attacker = attacker is not None and (
        bool(_AIR_ACTOR.search(doc.text[attacker.start : attacker.end]))
        or (attacker.attrs.get("name") in _AIR_STRIKERS and r <= _STRIKE_OR_KILL and not cats)
    )
    if (
        attacker is not None
        and attacker.attrs.get("kind") in ("militia", "rebels")
        and not air_attacker
        and cats.isdisjoint(("drone", "aircraft", "missile", "rocket"))
        and all(
            _BOMBING.fullmatch(doc.text[t.start : t.end].lower()) for t in frame.triggers if t.attrs["role"] == "air"
        )
        and "air" in r
    ):
        return result(
            "Remote explosive/landmine/IED"
        )  # "the Taliban ... the bombing in Kabul": a bomb, not an air raid
    if "air" in r or "drone" in cats or "bomb" in cats or air_attacker or ("aircraft" in cats and "shelling" not in r):
        return result("Air/drone strike")
    if not r.isdisjoint(("shelling", "strike", "intercept", "clash")) or cats:
        return result("Shelling/artillery/missile attack")
    return "Explosions/Remote violence", None, main


_EXPLOSIVE_ROLES = frozenset(["mine", "suicide", "grenade"])
# a gathering named as where a bomb went off: "at an election rally", "on an opposition rally", "targeting a march"
_GATHERING_HIT = re.compile(
    r"\b(?:at|on|near|targeting|targeted|hit|hits|strikes?|struck|into|during)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_GATHERING = re.compile(r"rall(?:y|ies)|march(?:es)?|protests?|demonstrations?|sit-ins?|gatherings?", re.IGNORECASE)


def _gathering_hit(frame: Frame, doc: Document) -> bool:
    """Whether every protest word of a frame names a gathering that was hit ("Suicide bomber strikes rally")."""
    text = doc.text
    said = [t for t in frame.triggers if t.attrs.get("role") == "protest"]
    return all(
        _GATHERING.fullmatch(text, t.start, t.end) and _GATHERING_HIT.search(text, max(0, t.start - 40), t.start)
        for t in said
    )


_DEBRIS = re.compile(r"(?:falling\s+)?(?:debris|fragments|wreckage)\b", re.IGNORECASE)


def _protest_type(r: set[str], text: str) -> str:
    """ACLED's protest and riot sub-types, as its codebook draws them: peaceful protesters met with lethal force or
    serious injuries ("excessive force"); a protest dispersed or suppressed without them -- arrests, tear gas, rubber
    bullets, water cannon, batons -- ("with intervention"); a crowd that beats, lynches or kills (mob violence);
    demonstrators who are violent themselves (a violent demonstration, whatever the police did); else peaceful."""
    rioting = "riot" in r or bool(_RIOTING.search(text))
    if not rioting and _LETHAL_FORCE.search(text) and _STATE_FORCE.search(text):
        return "Excessive force against protesters"
    if _MOB.search(text) and _MOB_VIOLENCE.search(text) and not _DEMONSTRATING.search(text):
        return "Mob violence"  # a crowd that beats, lynches or kills, not protesters
    if rioting:
        return "Violent demonstration"
    if _POLICE_WEAPONS.search(text) or ("protest" in r and _INTERVENTION.search(text)):
        return "Protest with intervention"
    return "Peaceful protest"


_BURNING_TYRES = r"\bburn(?:ing|ed|t) (?:[\w-]+ )?(?:tyres|tires)"
# demonstrators who are violent themselves
_RIOTING = re.compile(
    rf"\bclashed with police|threw stones|stone[- ](?:throwing|pelting)|pelted|vandali[sz]ed|{_BURNING_TYRES}|"
    r"\bbarricad(?:ed|ing) (?:the )?(?:[\w-]+ )?(?:roads?|streets?)"
)
# a crowd that makes a demand, not a mob: protest words, burning tyres, barricades
_DEMONSTRATING = re.compile(rf"protest|demonstrat|{_BURNING_TYRES}|\bbarricad")
# police who detain or break up protesters ("demanding the release of detained activists" is no intervention)
_INTERVENTION = re.compile(
    r"(?<!release of )(?<!release of the )\b(?:detained|arrested)|intervened|break(?:s)? up|broke up|breaking up"
)
# tear gas, rubber bullets, water cannon, baton charges, dispersal: force short of lethal, used on crowds
_POLICE_WEAPONS = re.compile(
    r"tear ?gas|stun grenades?|rubber bullets|water cannons?|lathi-?charg|baton-?charg|batons|truncheons|pepper spray|"
    r"dispersed|\b(?:beat|beaten) (?:[\w-]+ ){0,3}(?:protesters|demonstrators)"
)
# lethal force on protesters, or serious injuries
_LETHAL_FORCE = re.compile(
    r"\b(?:fir(?:e|es|ed|ing) (?:at|on|upon)|(?:shot|shoots?)(?: dead)?|kills?|killed|killing|open(?:s|ed)? fire on) "
    r"(?:[\w-]+ ){0,3}"
    r"(?:protesters|demonstrators|marchers)|\blive (?:ammunition|rounds|bullets|fire)\b|"
    r"\b(?:seriously|critically|severely|fatally|gravely) (?:injured|wounded|hurt|burned|burnt)|"
    r"\b(?:severe|serious|grave|critical) (?:burns|injuries|wounds|condition)"
)
_STATE_FORCE = re.compile(
    r"\b(?:police|(?:security |armed )?forces|soldiers|troops|army|military|officers|gendarmes|guards)\b"
)
_MOB = re.compile(r"\b(?:mobs?|crowds?|villagers|locals|vigilantes|residents)\b|lynch")
_MOB_VIOLENCE = re.compile(
    r"\b(?:lynch\w*|beat|beats|beaten|killed|kills|hacked|stoned|to death|assaulted|thrashed|attacked|set fire|"
    r"set ablaze|on fire|torched|torches|burn(?:ed|t)|ransacked|vandali[sz]ed)\b"
)


# crowds that fight each other, and what would make them armed
_GROUP_CLASH = re.compile(
    r"\b(?:clash(?:ed|es)?|fight|fighting|brawl|scuffle)s? (?:broke out |erupted |took place )?(?:between|among) "
    r"(?:the )?(?:two |rival |members of )?(?:groups|communities|factions|supporters|students|villagers|families|"
    r"castes|tribes|fans|clans|residents)\b|"
    r"\b(?:groups|communities|supporters|students|villagers|families|fans|residents) (?:[\w-]+ ){0,3}clashed\b"
)
_ARMED_CUE = re.compile(
    r"\b(?:armed|gunmen|militants?|rebels?|insurgents?|troops|soldiers|forces|army|militias?|fighters|guns?|rifles|"
    r"firearms|gunfire|shot|shooting|police|jihadists?|bandits)\b"
)
_HAND_TO_HAND = re.compile(r"\b(?:behead(?:ed|s|ing)?|stabbed|tortured|beaten|beat up|hacked to death|executed)\b")
_MILITARY_TARGET = re.compile(
    r"\b(?:positions?|troops|soldiers|servicem[ae]n|forces|military|army|base|checkpoints?|patrols?|"
    r"outposts?|barracks|police|officers|militants|rebels|insurgents|fighters)\b"
)


_OPENED_FIRE = re.compile(r"opened fire|fired (?:at|on|upon)|shot at")
_CIVILIAN_TARGET = re.compile(
    r"\b(?:civilians?|wedding|worshippers|villagers|residents|passengers|pedestrians|motorists|shoppers|mourners|"
    r"farmers|fishermen|children|families|crowds?|bus|car|market)\b"
)


def _fire_on_civilians(frame: Frame, doc: Document, cats: set[str]) -> bool:
    """Forces that open fire on people, not positions, with no heavy weapon named: ACLED's "Attack" ("Soldiers opened
    fire on a wedding party, killing 12 civilians"), whoever fires."""
    if not cats.isdisjoint(_HEAVY_WEAPONS):
        return False
    low = lowered(doc)
    fire = [t for t in frame.triggers if t.attrs["role"] in ("shelling", "attack") and _OPENED_FIRE.match(low, t.start)]
    if not fire or any(t.attrs["role"] in ("clash", "air", "intercept") for t in frame.triggers):
        return False
    after = low[fire[0].end : frame.end]
    return bool(_CIVILIAN_TARGET.search(after)) and not _MILITARY_TARGET.search(after)


def _armed_kill_of_forces(frame: Frame, doc: Document) -> bool:
    """Whether armed men (forces, militants, gunmen) are said to kill fighters, soldiers or police: ACLED codes that
    as the fight it was ("Armed clash"), not as an attack on people."""
    attacker = _attacker(frame, doc)
    if attacker is None or attacker.attrs.get("kind") not in ("state_forces", "militia", "rebels", "other"):
        return False
    if any(c.group == "military" for c in frame.counts):
        return True
    return not frame.counts and bool(_MILITARY_TARGET.search(lowered(doc), attacker.end, frame.end))


def _armed_group_attack(frame: Frame, doc: Document, r: set[str], cats: set[str]) -> str | None:
    """ACLED's type for gunmen or militants who attack without heavy weapons: "Attack" on people ("Suspected Boko
    Haram militants attacked a village, killing 12", "Gunmen opened fire on worshippers"), "Armed clash" on forces
    ("Militants attacked a police post, killing two officers").  State forces firing at a place is shelling by
    ACLED's conventions for this war; ``None`` when this rule does not apply."""
    clash_words = [t for t in frame.triggers if t.attrs["role"] == "clash"]
    ambush_only = bool(clash_words) and all(doc.text[t.start : t.end].lower().startswith("ambush") for t in clash_words)
    if ambush_only:
        r = (r - {"clash"}) | {"strike"}  # an ambush is a fight only if it is on forces: see the target below
    if r.isdisjoint(("strike", "shelling", "kill")) or not r.isdisjoint(
        ("air", "clash", "intercept", "mine", "suicide", "grenade")
    ):
        return None
    if not cats.isdisjoint(_HEAVY_WEAPONS):
        return None
    attacker = _attacker(frame, doc)
    if attacker is None or attacker.attrs.get("kind") not in ("militia", "rebels", "other"):
        return None
    return "Armed clash" if _MILITARY_TARGET.search(lowered(doc), attacker.end, frame.end) else "Attack"


def _is_ground_fight(frame: Frame, doc: Document, cats: set[str]) -> bool:
    clash_words = [t for t in frame.triggers if t.attrs["role"] == "clash"]
    words = {doc.text[t.start : t.end].lower() for t in clash_words}
    if cats.isdisjoint(("missile", "drone", "rocket", "bomb", "aircraft")):
        return True
    # with missiles or drones in the frame, only an explicit ground fight makes it a clash ("fighting" nearby does not)
    explicit = [
        w for w in words if re.match(r"clash|repel|repuls|skirmish|firefight|exchanged|assault|fighting broke|gun", w)
    ]
    return bool(explicit) and not all(w.startswith("assault") for w in explicit)


def _main_trigger(frame: Frame, near: Span | None = None) -> Span | None:
    """The trigger that types the frame: the highest-priority role; among equals, the one nearest the event place."""
    return _top_trigger(frame.triggers, near)


def _top_trigger(triggers: list[Span], near: Span | None) -> Span | None:
    """The highest-priority trigger of ``triggers``; among equals, the one nearest ``near``."""
    if not triggers:
        return None
    if len(triggers) == 1:
        return triggers[0]

    def key(t: Span) -> tuple[int, int]:
        prio = _PRIORITY_OF.get(str(t.attrs["role"]), 99)
        dist = 0 if near is None else (near.start - t.end if t.end <= near.start else 1000 + t.start - near.end)
        return prio, dist

    return min(triggers, key=key)


def _attacker(frame: Frame, doc: Document) -> Span | None:
    return frame.actors_for(doc, _main_trigger(frame))[0]


def _attacker_side(frame: Frame, doc: Document) -> str | None:
    attacker = _attacker(frame, doc)
    return None if attacker is None else str(attacker.attrs["side"])


_AIRCRAFT_DOWN = re.compile(
    r"(?:shot down|downed|destroyed)\s+(?:an?\s+|two\s+|\d+\s+)?(?:russian\s+|ukrainian\s+)?(?:[\w'‘’-]+\s+){0,2}?"
    r"['‘’]?(?:helicopters?|(?:air)?planes?|aircraft|jets?|fighters?|su-|mig-|ka-|mi-|tu-|il-|a-50|bombers?)"
    # told the other way round: "Ukrainian Su-25 shot down near Bakhmut", "a Russian helicopter was downed"
    r"|\b(?:helicopters?|(?:air)?planes?|aircraft|jets?|bombers?|(?:su|mig|ka|mi|tu|il)-\d+\w*|a-50)\s+"
    r"(?:(?:was|were|has been|have been|had been)\s+)?(?:shot down|downed)\b"
)


def aircraft_down(text: str) -> bool:
    """Whether a (lower-cased) text tells of an aircraft shot down: coded as the attack, not as an interception."""
    return bool(_AIRCRAFT_DOWN.search(text))
