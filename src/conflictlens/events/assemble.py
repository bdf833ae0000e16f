"""Assemble events from incident frames, and the document result (package ``events``: the extraction stages).

Frames (see :mod:`conflictlens.events.incidents`) are split where one clause names several unrelated places ("one
person in the Odesa region and another person in Kherson"), turned into draft events, and drafts that describe the
same incident are merged: same type family, compatible places (equal, or a district of the town) and overlapping or
missing dates.  A draft with no place, no date and no count is an anaphor ("The missile strike caused power
failures") and adds its evidence to the event before it.  Aggregates ("since February 2022") never become events.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from conflictlens.document import Document, Span
from conflictlens.events.actors import DOWNED_AIRCRAFT, actor_of, civilians_of, country_name, is_object, side_actor
from conflictlens.events.casualties import CountReading, merge_counts
from conflictlens.events.incidents import OWN_KIND_ROLES, Frame, aircraft_down, build_frames, classify
from conflictlens.events.incidents import roles as roles_of
from conflictlens.events.sources import SourceReading
from conflictlens.events.weapons import WeaponReading
from conflictlens.geo.gazetteer import km
from conflictlens.geo.place import SPECIFICITY, Place
from conflictlens.model import (
    Actor,
    DocumentResult,
    Event,
    Source,
)

_SPECIFIC = {"town": 0, "district": 1, "point": 0, "admin2": 2, "admin1": 3, "country": 4}
_OPPOSITE = {"RU": "UA", "UA": "RU"}
# a military target of one side named in the text ("a Russian command post", "Ukrainian positions")
_ENEMY_TARGET = re.compile(
    r"\b(Russian|Ukrainian) (?:military |army |naval |air |ammunition |fuel |command |troop )?(?:command posts?|"
    r"positions?|bases?|air ?bases?|airfields?|depots?|warehouses?|headquarters|warships?|ships?|vessels?|troops|"
    r"units|equipment|radars?|air defen[cs]e systems?)\b",
    re.IGNORECASE,
)
REGION_KM = 400.0  # a named region ("Kashmir", "Darfur") situates places up to this far from its centre


@dataclass(slots=True)
class Draft:
    """An event being assembled: its frame(s) and the chosen place.

    Its date span is worked out when it is made and again when frames join it (:meth:`add_frames`), not at every
    look: merging compares the dates of every pair of drafts.
    """

    frames: list[Frame]
    place: Span | None
    sublocations: list[Span] = field(default_factory=list)
    counts: list[CountReading] = field(default_factory=list)
    inherited_date: Span | None = None
    # (attacker, target) of the fight a later toll belongs to ("Ukrainian forces attacked near X and were repelled.
    # Up to 45 Ukrainian servicemen were killed near X and Y"): set when this draft goes on from it
    lead_actors: tuple[Span, Span | None] | None = None
    actor_spans: tuple[Span | None, Span | None] = (None, None)  # what _event picked, for the drafts after it
    _date: Span | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._date = _first_date(self.frames)

    def date_span(self) -> Span | None:
        """The first known date of the draft's frames that is not relative to another event."""
        return self._date

    def add_frames(self, frames: list[Frame]) -> None:
        """Add the frames it lacks of ``frames`` (in order); a frame added after the dated one cannot change the
        date, so it is looked for again only while there is none."""
        self.frames.extend(f for f in frames if f not in self.frames)
        if self._date is None:
            self._date = _first_date(self.frames)


def _first_date(frames: list[Frame]) -> Span | None:
    for f in frames:
        for d in f.dates:
            known = d.attrs.get("start") is not None or d.attrs.get("precision") == "unknown"
            if known and not _is_relative_to_other_event(d):
                return d
    return None


def _is_relative_to_other_event(d: Span) -> bool:
    text = str(d.attrs.get("text") or "").lower()
    return " after " in f" {text} " or " before " in f" {text} " or text.startswith(("a day after", "days after"))


def _place(span: Span | None) -> Place | None:
    return None if span is None else span.attrs.get("place")


# a city that is an admin1 of its own inside another one's land: "Crimea's Sevastopol" is one place
_ADMIN1_WITHIN = {"sevastopol": "crimea"}


def _is_context(outer: Place, inner: Place) -> bool:
    """True when ``outer`` only situates ``inner`` ("Volfyne, Sumy": Sumy oblast contains Volfyne)."""
    if SPECIFICITY.get(outer.kind, 9) <= SPECIFICITY.get(inner.kind, 9) and not (
        outer.kind == inner.kind == "town" or (outer.kind == "town" and inner.kind == "district")
    ):
        return False  # only a coarser place situates a finer one
    if outer.kind == "country":
        return outer.country == inner.country
    if outer.kind == "region":  # "Kashmir", "Darfur", "Donbas": situates what lies in or near it
        return (outer.country is None or outer.country == inner.country) and (
            inner.lat is None or outer.lat is None or km(outer.lat, outer.lon, inner.lat, inner.lon) <= REGION_KM
        )
    if outer.kind in ("admin1", "admin2"):
        if inner.admin1 is None and inner.kind in ("town", "admin2"):  # abroad ("Owo, Ondo state"): admin1 unknown
            return outer.country == inner.country
        within = _norm(inner.admin1)
        return outer.country == inner.country and _norm(outer.admin1) in (within, _ADMIN1_WITHIN.get(within))
    if outer.kind == "town" and inner.kind == "district":
        return inner.parent == outer.geonameid
    if outer.kind == "town" and inner.kind == "town" and outer.geonameid != inner.geonameid:
        # "Lozova, Kharkiv": the city name standing for its oblast
        return _norm(outer.name) == _norm(inner.admin1)
    return False


_FORM_WORD = re.compile(r"\b(oblast|region|city|raion|district|province|krai|republic|of)\b")
_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=4096)
def _norm(name: str | None) -> str:
    """An admin1 or town name reduced to its letters without form words ("Kharkiv Oblast" -> "kharkiv"); cached
    because the same few oblast names are compared for every pair of places of every frame."""
    return _NOT_LETTER.sub("", _FORM_WORD.sub("", (name or "").lower()))


def _main_places(places: list[Span]) -> list[Span]:
    """Places of a frame that are not context of another place of it, most specific first."""
    if len(places) <= 1:  # most frames: nothing to compare
        return list(places)
    resolved = [(p, _place(p)) for p in places]
    main: list[Span] = []
    main_places: list[Place] = []
    for p, pp in resolved:
        assert pp is not None
        if any(q is not p and qp is not None and _is_context(pp, qp) for q, qp in resolved):
            continue
        if pp in main_places:
            continue
        main.append(p)
        main_places.append(pp)
    return main


class EventAssembler:
    """Pipeline stage: groups mentions into events; results are kept in ``doc.meta['events']``."""

    name = "events"

    def __init__(self, gazetteer: Any | None = None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Document) -> None:
        frames = [f for f in build_frames(doc) if not f.aggregate]
        if "coded to" in doc.text:
            _drop_counts_coded_elsewhere(doc, frames)
        drafts: list[Draft] = []
        for frame in frames:
            drafts.extend(self._split(doc, frame))
        # a one- or two-sentence text (a headline, a wire snippet) reports its incident even without a town or date
        drafts = self._merge(doc, drafts, standalone=len(doc.sentences) <= 2)
        _inherit_dates(doc, drafts)
        events = []
        fight: Draft | None = None  # the last clash whose text names who fought
        for draft in drafts:
            if fight is not None and _goes_on_from(fight, draft):
                draft.lead_actors = fight.actor_spans  # type: ignore[assignment]
            event = self._event(doc, draft)
            if event is not None:
                events.append(event)
                if event.event_type == "Battles" and draft.actor_spans[0] is not None:
                    fight = draft
        doc.meta["events"] = events

    # -- splitting -------------------------------------------------------------------------------------------------
    def _split(self, doc: Document, frame: Frame) -> list[Draft]:
        if len(frame.places) <= 1:  # most frames: nothing to split, only whether the place is the scene
            return [Draft([frame], self._scene(doc, frame, frame.places[0]) if frame.places else None,
                          counts=list(frame.counts))]  # fmt: skip
        mains = _main_places(frame.places)
        districts = [p for p in mains if _place(p).kind == "district"]  # type: ignore[union-attr]
        towns = [p for p in mains if _place(p).kind != "district"]  # type: ignore[union-attr]
        # districts of a town: sublocations of one event at the town
        if districts:
            parents = {_place(d).parent for d in districts}  # type: ignore[union-attr]
            town_spans = [t for t in towns if _place(t).geonameid in parents]  # type: ignore[union-attr]
            if town_spans or all(_place(t).kind == "country" for t in towns):  # type: ignore[union-attr]
                town = town_spans[0] if town_spans else None
                others = [t for t in towns if t not in town_spans and _place(t).kind != "country"]  # type: ignore[union-attr]
                if not others:
                    if town is None:  # "in the Solomyansky district": the event is at the district's town
                        return [Draft([frame], districts[0], sublocations=districts[1:], counts=list(frame.counts))]
                    return [Draft([frame], town, sublocations=districts, counts=list(frame.counts))]
        specific = [p for p in mains if _place(p).kind != "country"]  # type: ignore[union-attr]
        fire = bool(roles_of(frame) & {"shelling", "air", "strike", "intercept"})
        launch_sites = [p for p in specific if _not_the_scene(doc.text[max(frame.start, p.start - 90) : p.start], fire)]
        specific = [p for p in specific if p not in launch_sites]  # "missiles fired from the Kursk region"
        mains = [p for p in mains if p not in launch_sites]
        if len(specific) <= 1:
            place = specific[0] if specific else (mains[0] if mains else None)
            return [Draft([frame], place, counts=list(frame.counts))]
        # several unrelated places: one draft each; a count goes to the place it precedes (or the last one)
        drafts = []
        prev_end = frame.start
        for i, p in enumerate(specific):
            seg_end = p.end if i < len(specific) - 1 else frame.end
            counts = [c for c in frame.counts if prev_end <= c.start < seg_end]
            drafts.append(Draft([frame], p, counts=counts))
            prev_end = p.end
        return drafts

    def _scene(self, doc: Document, frame: Frame, p: Span) -> Span | None:
        """The one place of a frame, unless fire came from it or it is a destination (a specific place only)."""
        if _place(p).kind in ("district", "country"):  # type: ignore[union-attr]
            return p
        fire = bool(roles_of(frame) & {"shelling", "air", "strike", "intercept"})
        return None if _not_the_scene(doc.text[max(frame.start, p.start - 90) : p.start], fire) else p

    # -- merging ---------------------------------------------------------------------------------------------------
    def _merge(self, doc: Document, drafts: list[Draft], standalone: bool = False) -> list[Draft]:
        merged: list[Draft] = []
        last: Draft | None = None  # the draft most recently extended: continuations attach to it
        pending: list[Draft] = []  # continuations met before any event: they join the first one
        for d in drafts:
            anaphoric = all(f.anaphoric for f in d.frames)
            vague_place = d.place is None or _place(d.place).kind == "country"  # type: ignore[union-attr]
            target: Draft | None = None
            # "Among the dead were two sisters ...": a breakdown of a toll told before, whatever date it gives; and
            # a toll with no event word and no place ("On Sunday, soldiers recovered dozens of bodies") goes on the
            # story told before
            untriggered = not any(f.triggers for f in d.frames)
            breakdown = bool(d.counts) and all(c.breakdown for c in d.counts) and untriggered
            toll_only = untriggered and vague_place and last is not None
            if (
                anaphoric
                or breakdown
                or toll_only
                or (vague_place and d.date_span() is None and not _own_kind(doc, d, last))
            ):
                # a continuation ("The missile strike caused ...", "1 civilian was killed.", "Air defence destroyed 35
                # drones", "The building was hit on Saturday"): it adds to the event reported before it
                if last is None:
                    if not anaphoric and (d.counts or _has_salvo(d) or standalone):
                        pending.append(d)
                    continue
                near = last.frames[-1].sentence >= d.frames[0].sentence - 1 or (
                    last.frames[-1].paragraph == d.frames[0].paragraph
                )
                # a bare reference ("The missile strike ...") only continues what was just reported, unless it
                # dates an undated event ("The building was hit on Saturday")
                if anaphoric and not near and not (last.date_span() is None and d.date_span() is not None):
                    continue
                if breakdown:  # the toll it breaks down: the last event with one
                    target = next((m for m in reversed(merged) if any(c.kind == "killed" for c in m.counts)), last)
                else:
                    target = _named_between(doc, merged, last, d) or last
            else:
                target = next((m for m in reversed(merged) if _compatible(m, d)), None)
            if target is None:
                merged.append(d)
                target = d
            else:
                _absorb(target, d)
            for p in pending:
                _absorb(target, p)
            pending = []
            last = target
        # continuations with a count but no event to join stand as events of their own
        merged.extend(pending)
        return merged

    # -- event -----------------------------------------------------------------------------------------------------
    def _event(self, doc: Document, d: Draft) -> Event | None:
        frame = d.frames[0]
        all_frames = d.frames
        if len(all_frames) == 1:  # the common case: no merging to do (nor a copy, if the draft has the frame's counts)
            big = frame if d.counts == frame.counts else frame.with_counts(d.counts)
        else:
            big = Frame(frame.start, frame.end, frame.sentence, frame.paragraph)
            for f in all_frames:
                big.absorb(f)
            big.counts = list(d.counts)
        primary = frame
        if len(all_frames) > 1:
            primary = max(
                all_frames,
                key=lambda f: (
                    bool(f.counts)
                    + bool(f.dates)
                    + bool(f.places)
                    + any(not t.attrs.get("definite") for t in f.triggers),
                    -f.start,
                ),
            )
        # the primary frame's own mention of the event's place (the one its trigger is nearest to)
        near = d.place
        if near is not None:
            chosen = _place(near)
            near = next((p for p in primary.places if (pp := _place(p)) is chosen or pp == chosen), near)
        event_type, sub_type, trigger = classify(big, doc, near)
        if sub_type == "Agreement" and d.place is not None and _place(d.place).kind == "country":  # type: ignore[union-attr]
            d.place = None  # "Russia and Ukraine exchanged prisoners": the parties, not where it happened
        evidence: list[_Cite] = []
        if trigger is not None:
            evidence.append(("event_type", trigger.start, trigger.end))

        # date (the fields of its ``DateSpan``, validated with the event)
        date_span = d.date_span() or d.inherited_date
        if date_span is not None:
            date = {
                "start": date_span.attrs.get("start"),
                "end": date_span.attrs.get("end"),
                "precision": date_span.attrs.get("precision", "unknown"),
                "text": doc.text[date_span.start : date_span.end],
            }
            evidence.append(("date", date_span.start, date_span.end))
        else:
            date = {"start": None, "end": None, "precision": "unknown", "text": None}

        # actors
        primary_trigger = trigger if trigger is not None and primary.start <= trigger.start < primary.end else None
        if primary_trigger is None and trigger is not None and trigger.attrs.get("sub_event_type") in (sub_type, ""):
            # the verb that types the event sits in another clause ("Russia launched 23 missiles ..., and Ukrainian
            # air defences shot down 21"): when that clause names its subject, it says who did it
            home = next((f for f in all_frames if f.start <= trigger.start < f.end), None)
            if home is not None and any(
                a.start < trigger.start and not is_object(doc, a, home.start) for a in home.actors
            ):
                primary, primary_trigger = home, trigger
        if primary.actors:
            # the primary clause's own verb of the event's kind, when the typing one sits in another clause
            own = primary_trigger or next(
                (t for t in primary.triggers if t.attrs.get("sub_event_type") == sub_type), None
            )
            attacker_span, target_span = primary.actors_for(doc, own or trigger)
        else:
            attacker_span, target_span = big.actors_for(doc, trigger)
        if attacker_span is None and d.lead_actors is not None and event_type == "Battles":
            attacker_span, target_span = d.lead_actors  # the toll of a fight told just before: its sides
        d.actor_spans = (attacker_span, target_span)
        if sub_type == "Arrests" and trigger is not None:
            # the police force that tells of its arrest made it ("The SBU said it had detained a man ...")
            police = next((a for a in big.actors if a.start < trigger.start and _is_police(actor_of(a))), None)
            if police is not None and (attacker_span is None or not _is_police(actor_of(attacker_span))):
                attacker_span, target_span = police, None
        place = _place(d.place)
        # "in the centre of the capital", "withdrawn to the outskirts of the town": a place named before
        capital = (self._capital_meant(doc, big) or _town_referred(doc, big)) if place is None else None
        if capital is not None:
            place = capital[0]
        confidence = 0.5
        actor1: Actor | None = actor_of(attacker_span) if attacker_span is not None else None
        actor2: Actor | None = actor_of(target_span) if target_span is not None else None
        if attacker_span is not None:
            evidence.append(("actor1", attacker_span.start, attacker_span.end))
            confidence += 0.1
        if target_span is not None:
            evidence.append(("actor2", target_span.start, target_span.end))
        protest = event_type in ("Protests", "Riots")
        if sub_type == "Agreement":  # the parties to it, in the order the text names them
            parties: list[Actor] = []
            for a in big.actors:
                party = actor_of(a)
                if all(p.name != party.name for p in parties):
                    parties.append(party)
            actor1, actor2 = (*parties, None, None)[:2]
        if attacker_span is not None and _BARE_AIR_DEFENCE.fullmatch(doc.text, attacker_span.start, attacker_span.end):
            # "its air defences destroyed 13 drones over the Kursk region": a country's air defence is over its own
            # land (in Crimea, Russia's); over the sea, that of the ministry that tells of it
            if place is not None and place.country in _OPPOSITE:
                actor1 = side_actor("RU" if _in_crimea(place) else place.country)
            elif (told := _side_of_sources(big.sources)) is not None:
                actor1 = side_actor(told)
        actor1 = _localise(actor1, place)
        actor2 = _localise(actor2, place)
        actor1 = _local_separatists(doc, actor1, attacker_span, place)
        actor2 = _local_separatists(doc, actor2, target_span, place)
        if protest:
            # ACLED: protesters or rioters are actor1, except when force is used on them (then the force is)
            country = place.country if place is not None else None
            where = f" ({country_name(country)})" if country else ""
            crowd = "Rioters" if event_type == "Riots" else "Protesters"
            crowd_actor = Actor(name=crowd + where, country=country, kind="protesters")
            named = [
                a
                for a in big.actors
                if a.attrs.get("kind") == "state_forces"
                and not a.attrs.get("bare")
                and not _FORCE_PROPERTY.match(doc.text, a.end)  # "torched a police box": property, not the force
            ]
            if sub_type in ("Excessive force against protesters", "Protest with intervention"):
                police = Actor(name="Police Forces" + (f" of {country_name(country)}" if country else ""),
                               country=country, kind="state_forces")  # fmt: skip
                forces = _localise(actor_of(named[0]), place) if named else police
                # the force that used lethal force is actor1; one that only intervened is actor2
                excessive = sub_type == "Excessive force against protesters"
                actor1, actor2 = (forces, crowd_actor) if excessive else (crowd_actor, forces)
            elif event_type == "Riots" and named:
                # rioters who fight or attack the police ("attacked police", "clashed with security forces"): ACLED
                # names the force as actor2
                actor1, actor2 = crowd_actor, _localise(actor_of(named[0]), place)
            else:
                actor1, actor2 = crowd_actor, None
        elif (
            (downing := next((t for t in big.triggers if t.attrs.get("role") == "intercept"), None)) is not None
            and sub_type in ("Air/drone strike", "Shelling/artillery/missile attack")
            and actor1 is not None
            and actor1.country in _OPPOSITE
            and attacker_span is not None
            and _sentence_of(doc, attacker_span.start) == _sentence_of(doc, downing.start)
            # the interceptor: who shot it down ("Ukrainian forces intercepted ...", "... shot down by the Ukrainian
            # military"), not whose missile it was ("intercepted a Russian X-59 rocket")
            and (
                attacker_span.end <= downing.start
                or doc.text[downing.end : attacker_span.start].strip().lower() in ("by", "by the")
            )
            and not aircraft_down(doc.text[big.start : big.end].lower())
        ):
            # a downed drone or missile whose debris still hit something: ACLED codes the strike of the side that
            # launched it ("a Russian drone was shot down by the Ukrainian military; debris hit houses")
            actor1 = side_actor(_OPPOSITE[actor1.country])
            actor2 = None
            evidence = [e for e in evidence if e[0] not in ("actor1", "actor2")]
        elif (
            actor1 is None and sub_type == "Disrupted weapons use" and place is not None and place.country in _OPPOSITE
        ):
            # "Russia attacks Ukraine with 30 drones, 25 shot down": the air defence of the country it happened over
            actor1 = side_actor(place.country)
            launcher = next((a for a in big.actors if a.attrs.get("country") == _OPPOSITE[place.country]), None)
            actor2 = actor_of(launcher) if launcher is not None else actor2
        elif (
            actor1 is None
            and sub_type == "Disrupted weapons use"
            and (launcher := next((a for a in big.actors if a.attrs.get("country") in _OPPOSITE), None)) is not None
        ):
            # "destroyed 18 of the 20 drones launched by Russia": the other side's air defence, over its own land
            actor1, actor2 = side_actor(_OPPOSITE[launcher.attrs["country"]]), actor_of(launcher)
        elif actor1 is None and sub_type in ("Remote explosive/landmine/IED", "Grenade", "Suicide bomb"):
            if place is not None and place.country and place.country not in _OPPOSITE:
                # a bomb away from the war in Ukraine: ACLED's unknown armed group of the country ("A roadside bomb
                # killed five in Mogadishu")
                actor1 = _localise(_UNKNOWN_GROUP, place)
            elif sub_type != "Suicide bomb":
                actor1 = Actor(name="Unidentified Military Forces", country=None, kind="other")  # a mine has no author
        elif (
            actor1 is None
            and event_type in ("Explosions/Remote violence", "Battles")
            and target_span is not None
            and actor2 is not None
            and actor2.country in _OPPOSITE
            and (
                _FORCE_TARGET.search(doc.text, target_span.start, target_span.end)
                or DOWNED_AIRCRAFT.match(doc.text, target_span.end)
            )
        ):
            actor1 = side_actor(_OPPOSITE[actor2.country])  # "blasts at a Russian air base": the other side's strike
        elif actor1 is None and event_type == "Explosions/Remote violence" and (lost := _aircraft_lost(doc, big)):
            # "A Russian Ka-52 helicopter was shot down near Kherson": the other side shot down that side's aircraft
            actor1, actor2 = side_actor(_OPPOSITE[lost]), side_actor(lost)
        elif (
            actor1 is None
            and event_type == "Explosions/Remote violence"
            and (enemy := _ENEMY_TARGET.search(doc.text, big.start, big.end)) is not None
        ):
            # "struck a Russian command post in Melitopol": the other side's strike
            actor1 = side_actor("UA" if enemy.group(1).lower() == "russian" else "RU")
        elif actor1 is None and event_type == "Explosions/Remote violence" and (user := _weapon_user(big)) is not None:
            actor1 = side_actor(user)  # "Storm Shadow missiles", "Shahed drones": who fires them in this war
        elif (
            actor1 is None
            and event_type in ("Explosions/Remote violence", "Battles")
            and place is not None
            and place.country in _OPPOSITE
        ):
            # inferred, as a reader would: the other side fired -- in Crimea, held by Russia since 2014, Ukraine
            held = _in_crimea(place) or (d.place is not None and _occupied(doc, d.place))
            actor1 = side_actor("UA" if held else _OPPOSITE[place.country])
        if sub_type == "Armed clash" and actor1 is None and (home := _group_home(actor2, place)):
            # "two terrorists killed in Kulgam": the militants fell to the state's forces
            actor1 = _state_force("Military Forces", home)
        if (
            sub_type == "Armed clash"
            and actor2 is None
            and (home := _group_home(actor1, place))
            and (hit := _STATE_TARGET.search(doc.text, attacker_span.end if attacker_span else big.start, big.end))
        ):
            # "Militants attacked a checkpoint, killing five soldiers": the force attacked is the other side
            actor2 = _state_force("Police Forces" if hit.group(1) else "Military Forces", home)
        if actor1 is not None and actor1.country in ("RU", "UA") and actor2 is None and not protest:
            civ = any(c.group in ("civilian", "child") for c in d.counts) or bool(big.damage)
            if civ and event_type != "Battles":
                actor2 = civilians_of(_OPPOSITE.get(actor1.country) if place is None else place.country)

        # location
        if capital is not None:
            location = capital[0].location_fields()
            evidence.append(("location", *capital[1]))
        elif place is not None:
            location = place.location_fields()
            if place.kind == "district" and self.gazetteer is not None and place.parent:
                parent = self.gazetteer.by_id(place.parent)
                if parent is not None:
                    d.sublocations.insert(0, d.place)  # type: ignore[arg-type]
                    location = parent.location_fields()
                    place = parent
            assert d.place is not None
            evidence.append(("location", d.place.start, d.place.end))
            confidence += 0.1 * float(d.place.attrs.get("confidence", 1.0))
        else:
            # no place named: the country attacked, read from the target ("on Ukrainian cities") or the attacker
            country, basis = None, None
            if sub_type == "Agreement":
                pass  # a deal with no place named: neither party tells where it was made
            elif (held := _separatist_held(doc, [attacker_span, target_span, *big.actors])) is not None:
                # the separatists' forces fight at home, in Ukraine's Donbas: "DPR says two of its fighters were
                # killed by Ukrainian shelling" happened in Donetsk Oblast, not across the border in Russia
                oblast, basis = held
                if oblast is not None and self.gazetteer is not None:
                    place = self.gazetteer.admin1_place("UA", oblast)
                country = "UA"
            elif event_type == "Battles":
                pass  # a fight with no place named: neither side tells where it was
            elif sub_type == "Arrests" and actor1 is not None and actor1.country:
                country, basis = actor1.country, attacker_span  # a police force arrests at home
            elif target_span is not None and target_span.attrs.get("country"):
                country, basis = target_span.attrs["country"], target_span
            elif actor1 is not None and actor1.country in _OPPOSITE:
                # an interception happens over the interceptor's country; an attack in the other side's
                own = sub_type == "Disrupted weapons use"
                country, basis = (actor1.country if own else _OPPOSITE[actor1.country]), attacker_span
            if country is None and event_type != "Explosions/Remote violence":
                country, basis = _home_country(doc, big, actor1, actor2, attacker_span, target_span)
            location = place.location_fields() if place is not None else self._country_location(country)
            if basis is not None:
                evidence.append(("location", basis.start, basis.end))
        if place is None and location.get("country"):
            # no place named, but a country ("Kenyan police shot dead six protesters"): the crowd and force are its own
            actor1 = _of_country(actor1, location["country"], protest)
            actor2 = _of_country(actor2, location["country"], protest)
        sublocations: list[dict[str, Any]] = []
        for s in d.sublocations:
            sp = _place(s)
            if sp is not None and (place is None or sp != place):
                sublocations.append(sp.location_fields())
                evidence.append(("sublocations", s.start, s.end))

        # casualties
        counts = _body_over_headline(doc, d.counts) if d.counts else d.counts
        if counts and place is not None and place.kind != "country":
            # "a wave of strikes that killed at least 31 people across the country": not this town's toll
            counts = [c for c in counts if not _NATIONWIDE.match(doc.text, c.end)]
        if protest and counts:
            # "demanding justice for a student killed in a road accident": the death protested, not one of the event
            counts = [
                c
                for c in counts
                if not _GRIEVANCE.search(doc.text, max(0, c.start - 40), c.start)
                and not _CROWD_ACTS.match(doc.text, c.end, c.end + 60)  # "Hundreds protested ...": the crowd
            ]
        fatalities = _count(counts, "killed", evidence, "fatalities") if counts else None
        injured = _count(counts, "injured", evidence, "injured") if counts else None

        # weapons
        weapons = _weapons(big.weapons, evidence)
        damage: list[str] = []
        for s in big.damage:
            label = str(s.attrs["label"])
            if label not in damage:
                damage.append(label)
            evidence.append(("damage", s.start, s.end))
        sources = _sources(big.sources, evidence)
        if date["start"] is not None:
            confidence += 0.1
        if fatalities or injured or weapons:
            confidence += 0.1
        evidence.sort(key=_cite_order)  # in text order; the first is where the event's evidence starts
        first = evidence[0][1] if evidence else big.start
        key = f"{doc.text_sha256}|{event_type}|{sub_type}|{location['name']}|{date['start']}|{first}"
        # one validation for the whole event: its evidence entries are still plain tuples, its locations, date and
        # counts dicts
        return _validate_event(
            {
                "id": "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
                "event_type": event_type,
                "sub_event_type": sub_type,
                "date": date,
                "location": location,
                "sublocations": sublocations,
                "actor1": actor1,
                "actor2": actor2,
                "fatalities": fatalities,
                "injured": injured,
                "weapons": weapons,
                "damage": damage,
                "sources": sources,
                "evidence": [{"field": name, "start": start, "end": end} for name, start, end in evidence],
                "confidence": round(min(confidence, 0.95), 2),
            }
        )

    def _capital_meant(self, doc: Document, frame: Frame) -> tuple[Place, tuple[int, int]] | None:
        """The capital city of the report's country where a frame says only "the capital" ("Thousands rallied again
        in the centre of the capital"), with the words that say so."""
        m = _CAPITAL_REF.search(doc.text, frame.start, frame.end) if self.gazetteer is not None else None
        if m is None:
            return None
        home = _report_country(doc)
        capital = self.gazetteer.capital(home) if home else None  # type: ignore[union-attr]
        return None if capital is None else (capital, m.span())

    def _country_location(self, country: str | None) -> dict[str, Any]:
        """The fields of the event's ``Location`` when only its country is known (validated with the event)."""
        if country and self.gazetteer is not None:
            place = self.gazetteer.country(country)
            if place is not None:
                return place.location_fields()
        if country:
            return {"name": country_name(country), "country": country, "precision": "country"}
        return {"name": "unknown", "country": None, "precision": "unknown"}


def _goes_on_from(fight: Draft, d: Draft) -> bool:
    """Whether draft ``d`` tells more of the fight ``fight``: in the next sentence of its paragraph, or as another
    place of a clause the fight took in ("... were killed near Dibrova and Torske"), on its day."""
    first, last = d.frames[0], fight.frames[-1]
    if first not in fight.frames and (first.paragraph != last.paragraph or not 0 < first.sentence - last.sentence <= 1):
        return False
    day, fight_day = d.date_span(), fight.date_span()
    return day is None or (fight_day is not None and day.attrs.get("start") == fight_day.attrs.get("start"))


# "(fatalities coded to Novotroitske event)": an ACLED note's toll that belongs to the row of another event
_COUNTS_ELSEWHERE = re.compile(r"\b(?:fatalities|deaths) (?:were )?coded to [^.;()\]]{1,60}? events?\b", re.IGNORECASE)


def _drop_counts_coded_elsewhere(doc: Document, frames: list[Frame]) -> None:
    """Leave out the death tolls of the sentences whose note says they were coded to another event, and that event's
    place: it is where the other row is, not a scene of this one."""
    for m in _COUNTS_ELSEWHERE.finditer(doc.text):
        sentence = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
        if sentence is None:
            continue
        for frame in frames:
            if frame.counts:
                frame.counts = [
                    c for c in frame.counts if c.kind != "killed" or not sentence.start <= c.start < sentence.end
                ]
            if frame.places:
                frame.places = [p for p in frame.places if not m.start() <= p.start < m.end()]


_CAPITAL_REF = re.compile(r"\b(?:the|its|the country's|the nation's) capital\b(?! city of| of)")


_TOWN_REF = re.compile(r"\b(?:the|this) (?P<noun>town|city|village|settlement|area)\b(?! of\b)")


def _town_referred(doc: Document, frame: Frame) -> tuple[Place, tuple[int, int]] | None:
    """The town a frame refers to as "the town" or "the city": the last one the report introduced with that word
    ("the town of Marinka", "Marinka, a town of ..."), else the last one it named before."""
    m = _TOWN_REF.search(doc.text, frame.start, frame.end)
    if m is None:
        return None
    noun, text = m.group("noun"), doc.text
    towns: list[tuple[Place, bool]] = []  # (town, introduced with the noun)
    for sp in doc.spans_in("place", 0, m.start()):
        named = _place(sp)
        if sp.attrs.get("role") == "place" and named is not None and named.kind == "town":
            towns.append((named, noun in text[max(0, sp.start - 12) : sp.start] or noun in text[sp.end : sp.end + 12]))
    introduced = [town for town, with_noun in towns if with_noun]
    chosen = introduced or [town for town, _ in towns]
    return (chosen[-1], m.span()) if chosen else None


def _report_country(doc: Document) -> str | None:
    """The country a report is about: that of the first place it names, else of its first demonym."""
    spans = doc.layer("place")
    for role in ("place", "demonym"):
        for sp in spans:
            named = _place(sp)
            if sp.attrs.get("role") == role and named is not None and named.country:
                return named.country
    return None


def _named_between(doc: Document, merged: list[Draft], last: Draft, d: Draft) -> Draft | None:
    """The event a continuation belongs to when the sentences just before it, with no event of their own, name the
    place of an earlier one ("Rescuers worked ... in Uman. / The minister said 17 people had been hospitalised.")."""
    gap_start = max(f.end for f in last.frames)
    gap_end = d.frames[0].start
    if gap_end - gap_start < 3:
        return None
    for sp in reversed(doc.spans_in("place", gap_start, gap_end)):
        named = _place(sp)
        if named is None or named.kind not in ("town", "district"):
            continue
        return next((m for m in reversed(merged) if m is not last and _place(m.place) == named), None)
    return None


def _inherit_dates(doc: Document, drafts: list[Draft]) -> None:
    """Impacts listed right after a dated nationwide wave ("Strikes were recorded in Kyiv, Lviv and Dnipro") happened
    on the wave's date: each borrows the wave's date span while the list goes on (same or next paragraph).  So does
    an impact told in the two paragraphs after an article's dated lead ("... in Uman early on Friday ... / In Dnipro,
    a missile strike on a private house killed ..."): the same attack, elsewhere."""
    if all(d.date_span() is not None for d in drafts):
        return
    block = _paragraph_blocks(doc)  # line index -> paragraph (blank lines do not count)
    first = drafts[0]
    lead_date = first.date_span()
    # the paragraph of the lead's date ("... early on Friday"): a headline above it does not count
    lead_block = block[doc.text.count("\n", 0, lead_date.start)] if lead_date is not None else 99
    lead = first if lead_block <= 4 else None
    wave: Draft | None = None
    last_paragraph = -1
    for d in drafts:
        place = _place(d.place)
        here = block[d.frames[0].paragraph]
        if d.date_span() is not None:
            wave = d if place is None or place.kind == "country" else None
        elif wave is not None and place is not None and here - last_paragraph <= 1:
            if _same_family(wave, d):
                d.inherited_date = wave.date_span()
        else:
            wave = None
            if (
                lead is not None
                and here - lead_block <= 2
                and place is not None
                and _same_family(lead, d)
                and not _EARLIER_INCIDENT.search(doc.text, d.frames[0].start, d.frames[0].end)
            ):
                d.inherited_date = lead_date
        last_paragraph = block[d.frames[-1].paragraph]


# an incident the report refers back to ("following a Ukrainian attack on Belgorod"): not the lead's
_EARLIER_INCIDENT = re.compile(r"\b(?:after|following|before|since|earlier|previous|last (?:week|month|year))\b", re.I)


_NATIONWIDE = re.compile(
    r"(?:\s+(?:people|civilians|others))?\s+(?:across|throughout|all over|around)\s+(?:the\s+)?"
    r"(?:country|nation|Ukraine|Russia|regions)\b|(?:\s+(?:people|civilians))?\s+nationwide\b"
)


def headline_end(doc: Document) -> int:
    """End of a report's headline -- a short first line with no full stop, above more text -- else 0."""
    text = doc.text
    end = text.find("\n", 0, 200)
    if end <= 0 or not text[end:].strip():
        return 0
    line = text[:end].rstrip()
    if not line or line.endswith((".", "!", "?", '"', "”")) or line.count(" ") >= 25:
        return 0
    return end


def _body_over_headline(doc: Document, counts: list[CountReading]) -> list[CountReading]:
    """The counts of an event whose headline and body both give a toll of one kind: the body's.  A headline sums up
    ("Russian missiles hit Lviv and Kharkiv, killing at least six"); the body tells each place's own ("... killed a
    62-year-old man" in Kharkiv)."""
    first = min(c.start for c in counts)
    end = headline_end(doc) if first < 200 else 0
    if not end or first >= end:
        return counts
    told = {c.kind for c in counts if c.start >= end and not c.breakdown}
    return [c for c in counts if c.start >= end or c.kind not in told] if told else counts


def _paragraph_blocks(doc: Document) -> list[int]:
    """For each line of the text, the number of the paragraph it is in, counting only lines with text."""
    out: list[int] = []
    n = -1
    for line in doc.text.split("\n"):
        if line.strip():
            n += 1
        out.append(max(n, 0))
    return out


def _absorb(target: Draft, d: Draft) -> None:
    """Merge draft ``d`` into ``target``: frames, counts, the more specific place (districts become sublocations)."""
    target.add_frames(d.frames)
    target.counts.extend(c for c in d.counts if c not in target.counts)
    incoming = list(d.sublocations)
    tp, dp = _place(target.place), _place(d.place)
    if dp is not None and dp.kind == "district" and tp is not None and tp.kind == "town" and dp.parent == tp.geonameid:
        incoming.insert(0, d.place)  # type: ignore[arg-type]
    elif (
        tp is not None and tp.kind == "district" and dp is not None and dp.kind == "town" and tp.parent == dp.geonameid
    ):
        incoming.insert(0, target.place)  # type: ignore[arg-type]
        target.place = d.place
    elif target.place is None or (d.place is not None and _rank(d.place) < _rank(target.place)):
        target.place = d.place if d.place is not None else target.place
    for s in incoming:
        if all(_place(s) != _place(t) for t in target.sublocations):
            target.sublocations.append(s)


def _rank(span: Span) -> int:
    p = _place(span)
    return _SPECIFIC.get(p.kind, 5) if p is not None else 9


def _has_salvo(d: Draft) -> bool:
    return any(w.launched is not None or w.intercepted is not None for f in d.frames for w in f.weapons)


def _dates_overlap(a: Span | None, b: Span | None) -> bool | None:
    """True/False when both dates are known, None when either is missing."""
    if a is None or b is None or a.attrs.get("start") is None or b.attrs.get("start") is None:
        return None
    a0, a1 = a.attrs["start"], a.attrs.get("end") or a.attrs["start"]
    b0, b1 = b.attrs["start"], b.attrs.get("end") or b.attrs["start"]
    return bool(a0 <= b1 and b0 <= a1)


def _compatible(a: Draft, b: Draft) -> bool:
    overlap = _dates_overlap(a.date_span(), b.date_span())
    if overlap is False:
        return False
    pa, pb = _place(a.place), _place(b.place)
    if pa is not None and pb is not None:
        if pa.kind == "country" or pb.kind == "country":
            same = pa.kind == pb.kind == "country" and pa.country == pb.country
        else:
            same = (
                pa == pb
                or (pa.kind == "district" and pa.parent == pb.geonameid)
                or (pb.kind == "district" and pb.parent == pa.geonameid)
            )
        if not same and overlap is None and (_casualty_report(a) or _casualty_report(b)):
            # "the death toll in the Donetsk region rose to 30": the strike on Kramatorsk, seen from its oblast
            same = _contains(pa, pb) or _contains(pb, pa)
        return same and _same_family(a, b)
    if pa is None and pb is None:
        # two place-less reports: the same wave if dated alike and with a common weapon kind
        cats_a = {w.category for f in a.frames for w in f.weapons}
        cats_b = {w.category for f in b.frames for w in f.weapons}
        return overlap is True and bool(cats_a & cats_b)
    placeless = a if pa is None else b
    placed = b if pa is None else a
    if _place(placed.place).kind == "country":  # type: ignore[union-attr]
        cats_a = {w.category for f in a.frames for w in f.weapons}
        cats_b = {w.category for f in b.frames for w in f.weapons}
        # the same wave (a weapon in common), or the next sentence telling more of the same attack
        next_sentence = abs(placeless.frames[0].sentence - placed.frames[-1].sentence) <= 1 and _same_family(a, b)
        return overlap is True and (bool(cats_a & cats_b) or next_sentence)
    # a place-less, dated report joins a placed one only on the same known date, close in the text, same weapons
    cats_less = {w.category for f in placeless.frames for w in f.weapons}
    cats_placed = {w.category for f in placed.frames for w in f.weapons}
    if cats_less and cats_placed and not cats_less & cats_placed:
        return False
    return overlap is True and abs(placeless.frames[0].sentence - placed.frames[-1].sentence) <= 1


# a target that is a force or its site ("Russian positions", "a Russian air base"), not what a side fires ("Russian
# shelling", "Russian missiles"), tells the attacker: the other side
_FORCE_TARGET = re.compile(
    r"(?:forces|troops|army|military|soldiers|servicemen|units|positions|bases?|airbases?|airfields?|command posts?|"
    r"depots?)$",
    re.IGNORECASE,
)
# "over" a region only for aircraft: missiles "fired ... over the Odesa region" fell there; "the death toll from
# the Dnipro strike" names the scene
_LAUNCH_SITE = re.compile(
    r"(?:(?<!toll )(?<!casualties )(?<!victims )(?<!injured )(?<!dead )\bfrom (?:the )?|"
    r"\b(?:launched|fired)\b[^.;]{0,60}\bfrom\b[^.;]{0,30}|"
    r"\b(?:flying|flew|took off)\b[^.;]{0,60}\b(?:from|over)\b[^.;]{0,30})$",
    re.I,
)
_DESTINATION = re.compile(
    r"\b(?:travell?ing|heading|bound|linking [\w ]{1,30}|en route) (?:to|for) (?:the )?(?:occupied )?$", re.I
)


def _not_the_scene(before: str, fire: bool) -> bool:
    """A place named as where fire came from ("missiles fired from the Black Sea", "bombers flying over the Kursk
    region") or as a destination ("a train travelling to Crimea"), not where the incident happened."""
    # Each pattern needs its words near the end ("to"/"for" in the last 18 characters, "from"/"over" in the last
    # 36): looking for them first spares the regexes for nearly every place (one call per place of a frame).
    last = before[-20:].lower()
    if ("to " in last or "for " in last) and _DESTINATION.search(before):
        return True
    last = before[-40:].lower()
    return fire and ("from" in last or "over" in last) and bool(_LAUNCH_SITE.search(before))


def _sentence_of(doc: Document, offset: int) -> int:
    """Start of the sentence holding a character offset (-1 if none)."""
    return next((s.start for s in doc.layer("sentence") if s.start <= offset < s.end), -1)


SEPARATISTS = "NAF: United Armed Forces of Novorossiya"  # the actor lexicon's name for the Donbas separatists
_DONBAS_SEPARATISTS = re.compile(
    r"DPR|LPR|DNR|LNR|NAF|People's|Donbas|Donetsk|Luhansk|pro-Russian|Russian-backed", re.I
)


def _local_separatists(doc: Document, actor: Actor | None, span: Span | None, place: Place | None) -> Actor | None:
    """The actor lexicon reads a bare "separatists" as the Donbas separatists (Russia's side in this war); in a report
    placed in another country ("separatist rebels" near Kidal, Mali) they are that country's separatists."""
    if (
        actor is None
        or span is None
        or actor.name != SEPARATISTS
        or place is None
        or not place.country
        or place.country in _OPPOSITE
        or _DONBAS_SEPARATISTS.search(doc.text, span.start, span.end)
    ):
        return actor
    return Actor(name=f"Separatist Militia ({country_name(place.country)})", country=None, kind="rebels")


def _weapon_user(frame: Frame) -> str | None:
    """The side that fires the weapons of a frame in this war, when the weapon lexicon says and they agree."""
    users = {s.attrs.get("user") for w in frame.weapons for s in w.spans if s.label == "weapon"}
    users.discard(None)
    return users.pop() if len(users) == 1 else None


def _group_home(group: Actor | None, place: Place | None) -> str | None:
    """The country of an armed group's fight away from the war in Ukraine (where it happened, else the group's own);
    None for any other actor, or in Russia or Ukraine."""
    if group is None or group.kind not in ("militia", "rebels"):
        return None
    home = place.country if place is not None else group.country
    return home if home and home not in _OPPOSITE else None


def _state_force(force: str, country: str) -> Actor:
    """A country's "Military Forces" or "Police Forces", as ACLED names them."""
    return Actor(name=f"{force} of {country_name(country)}", country=country, kind="state_forces")


def _side_of_sources(sources: list[Any]) -> str | None:
    """RU or UA when the frame's sources are one side's officials ("Russia's defence ministry said"), else None."""
    sides = {
        "RU" if re.search(r"\bRussia", s.name) else "UA" if re.search(r"\bUkrain", s.name) else None for s in sources
    }
    sides.discard(None)
    return sides.pop() if len(sides) == 1 else None  # type: ignore[return-value]


_BARE_AIR_DEFENCE = re.compile(r"(?:the\s+)?air[ -]defen[cs]es?(?:\s+(?:forces|systems|units))?", re.IGNORECASE)


def _aircraft_lost(doc: Document, frame: Frame) -> str | None:
    """The side (RU/UA) whose aircraft a frame says was shot down ("Ukrainian Su-25 shot down"), if any."""
    for a in frame.actors:
        country = a.attrs.get("country")
        if country in _OPPOSITE and DOWNED_AIRCRAFT.match(doc.text, a.end):
            return str(country)
    return None


def _in_crimea(place: Place) -> bool:
    return place.country == "UA" and _norm(place.admin1) in ("crimea", "sevastopol", "autonomousrepubliccrimea")


_OCCUPIED_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:russian|russia|moscow)-(?:occupied|held|controlled)|occupied)\s+"
    r"(?:(?:the\s+)?(?:city|town|village|port)\s+of\s+)?$",
    re.IGNORECASE,
)


def _occupied(doc: Document, span: Span) -> bool:
    """Whether the text calls the place Russian-held ("explosions rock Russian-occupied Melitopol"): there the side
    that fires is Ukraine's, as in Crimea."""
    return _OCCUPIED_BEFORE.search(doc.text, max(0, span.start - 40), span.start) is not None


def _home_country(
    doc: Document, frame: Frame, actor1: Actor | None, actor2: Actor | None, span1: Span | None, span2: Span | None
) -> tuple[str | None, Span | None]:
    """The country of a ground event whose place the text does not name or the gazetteer lacks, as a reader would
    place it: where the one state force involved serves ("Pakistani troops kill 6 militants in North Waziristan"),
    else where the named armed group fights ("M23 rebels seize Bunagana"), else the country a demonym of the
    sentence names ("Mexican cartel gunmen ambush police").  Not for the two sides of this war, whose fights have no
    home country, nor for strikes, which cross borders."""
    pairs = [(a, sp) for a, sp in ((actor1, span1), (actor2, span2)) if a is not None and a.country]
    if any(a.country in _OPPOSITE for a, _ in pairs):
        return None, None
    forces = [(a, sp) for a, sp in pairs if a.kind == "state_forces"]
    if len({a.country for a, _ in forces}) == 1:
        return forces[0][0].country, forces[0][1]
    if not forces and len({a.country for a, _ in pairs}) == 1:
        return pairs[0][0].country, pairs[0][1]
    if pairs:
        return None, None
    demonyms = [
        p
        for p in doc.spans_in("place", frame.start, frame.end)
        if p.attrs.get("role") == "demonym" and p.attrs.get("place")
    ]
    countries = {p.attrs["place"].country for p in demonyms}
    if len(countries) == 1 and None not in countries and not countries & set(_OPPOSITE):
        return demonyms[0].attrs["place"].country, demonyms[0]
    return None, None


_SEPARATIST_OBLAST = re.compile(r"\b(?:(?P<d>DPR|DNR|Donetsk)|(?P<l>LPR|LNR|Luhansk))\b")


def _separatist_held(doc: Document, actors: list[Span | None]) -> tuple[str | None, Span] | None:
    """The oblast of an event that the Donbas separatists fight or tell of, when the text does not name its place
    ("DPR" is Donetsk Oblast, "LPR" Luhansk Oblast; None when only "separatists" are named), with the span that says
    so."""
    for span in actors:
        if span is not None and actor_of(span).name == SEPARATISTS:
            m = _SEPARATIST_OBLAST.search(doc.text, span.start, span.end)
            oblast = None if m is None else "Donetsk Oblast" if m.group("d") else "Luhansk Oblast"
            return oblast, span
    return None


def _is_police(actor: Actor) -> bool:
    return actor.kind == "state_forces" and actor.name.startswith("Police Forces")


def _localise(actor: Actor | None, place: Place | None) -> Actor | None:
    """The police and protester lexicon entries name Ukraine's; elsewhere they are that country's, and those of no
    known place are of no known country.  Unnamed "security forces" or "government troops" are the military of the
    country the event happens in."""
    if actor is not None and actor.name == "Security Forces":  # unnamed: the forces of the country it happens in
        if place is None or not place.country:
            return actor
        return Actor(
            name=f"Military Forces of {country_name(place.country)}", country=place.country, kind="state_forces"
        )
    if actor is not None and actor.name == "Unidentified Armed Group":
        # ACLED names unknown gunmen by the country they act in ("Unidentified Armed Group (Nigeria)"); in the war
        # between Russia and Ukraine an unnamed group takes no side
        if place is None or not place.country or place.country in _OPPOSITE:
            return actor
        return Actor(name=f"Unidentified Armed Group ({country_name(place.country)})", country=place.country,
                     kind=actor.kind)  # fmt: skip
    if actor is not None and actor.name == "Protesters (Ukraine)":  # the lexicon's default: protesters are local
        if place is None or not place.country:
            return Actor(name="Protesters", country=None, kind="protesters")
        return Actor(name=f"Protesters ({country_name(place.country)})", country=place.country, kind="protesters")
    if actor is None or not actor.name.startswith("Police Forces of"):
        return actor
    if place is None or not place.country:
        if actor.name != "Police Forces of Ukraine":
            return actor  # a named force ("Russia's FSB") keeps its country
        return Actor(name="Police Forces", country=None, kind="state_forces")
    return Actor(name=f"Police Forces of {country_name(place.country)}", country=place.country, kind="state_forces")


# An evidence entry from a span's offsets: (field, start, end).  Kept a plain tuple while the event is assembled (a
# tuple is made several times faster than a named one); the event's model validates them all at once (one call into
# pydantic-core instead of one model per entry).
_Cite = tuple[str, int, int]
_cite_order = itemgetter(1, 0)  # (start, field) of a _Cite
# ``Event.model_validate`` without its keyword handling: the model's own validator, called once per event
_validate_event = Event.__pydantic_validator__.validate_python


# what a protest is about: "justice for a student killed ...", "against the killing of two youths"
_GRIEVANCE = re.compile(
    r"\b(?:justice for |(?:death|deaths|killing|killings|murder|murders) of |protest(?:ing|ed)? (?:against |over )?)"
    r"(?:the |a |an |two |three |\d+ )?$",
    re.IGNORECASE,
)
# the crowd that protests: a number with its verb ("Hundreds protested", "thousands of farmers marched")
_CROWD_ACTS = re.compile(
    r"\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:protested|marched|rallied|demonstrated|gathered|staged|took to|blocked|"
    r"joined|held)\b",
    re.IGNORECASE,
)
_UNKNOWN_GROUP = Actor(name="Unidentified Armed Group", country=None, kind="militia")
# a force's property after its name: rioters who torch "a police box" or "army vehicles" fight no one
_FORCE_PROPERTY = re.compile(
    r"\s+(?:boxe?s?|booths?|stations?|posts?|outposts?|kiosks?|vans?|vehicles?|cars?|trucks?|jeeps?|buses|bus|"
    r"headquarters|buildings?|offices?|barracks|camps?|check ?posts?|checkpoints?|pickets?)\b",
    re.IGNORECASE,
)
# the state's men an armed group attacks or kills: ACLED's actor2 of the clash (its police, else its military)
_STATE_TARGET = re.compile(
    r"\b(?:(police(?:m[ae]n|\s+officers?|\s+stations?|\s+posts?|\s+checkpoints?)?)|soldiers|troops|army|military|"
    r"servicem[ae]n|checkpoints?|convoys?|bases?|patrols?|outposts?|barracks)\b",
    re.IGNORECASE,
)


def _of_country(actor: Actor | None, country: str, protest: bool) -> Actor | None:
    """A crowd or police force at a protest, or an unknown armed group, of no known country (``_localise`` found no
    place) as the one of ``country``."""
    if actor is None or actor.country is not None:
        return actor
    if actor.name == "Unidentified Armed Group" and country not in _OPPOSITE:
        return Actor(name=f"{actor.name} ({country_name(country)})", country=country, kind=actor.kind)
    if not protest:
        return actor
    if actor.name in ("Protesters", "Rioters"):
        return Actor(name=f"{actor.name} ({country_name(country)})", country=country, kind=actor.kind)
    if actor.name == "Police Forces":
        return Actor(name=f"Police Forces of {country_name(country)}", country=country, kind=actor.kind)
    return actor


def _contains(outer: Place, inner: Place) -> bool:
    return outer.kind == "admin1" and outer.country == inner.country and _norm(outer.admin1) == _norm(inner.admin1)


def _casualty_report(d: Draft) -> bool:
    """A draft that only reports a toll (no trigger of its own but "killed"/"died")."""
    return bool(d.counts) and _draft_roles(d) <= {"kill"}


def _own_kind(doc: Document, d: Draft, last: Draft | None) -> bool:
    """An arrest, protest, abduction, ... told after an event of another kind is an event of its own ("The SBU said it
    had detained a man suspected of helping to direct the strike"), not more of the strike -- unless the story goes on
    with it ("Two of them were later detained")."""
    roles = _draft_roles(d)
    if last is None or not roles & OWN_KIND_ROLES:
        return False
    if _LATER.search(doc.text, d.frames[0].start, d.frames[-1].end):
        return False
    before = _draft_roles(last)
    if "protest" in before or "riot" in before:
        return False  # "Police fired tear gas and arrested 15 students": how the protest went on
    return not roles & OWN_KIND_ROLES & before


_LATER = re.compile(r"\b(?:later|subsequently|afterwards|then)\b")


def _draft_roles(d: Draft) -> set[str]:
    """The trigger roles of all of a draft's frames."""
    return {str(t.attrs["role"]) for f in d.frames for t in f.triggers}


def _same_family(a: Draft, b: Draft) -> bool:
    ra, rb = _draft_roles(a), _draft_roles(b)
    violent = {"strike", "shelling", "air", "intercept", "clash", "mine", "grenade", "suicide", "attack", "kill"}
    if ra <= violent and rb <= violent:
        return True
    return bool(ra & rb) or not ra or not rb


def _count(readings: list[CountReading], kind: str, evidence: list[_Cite], fieldname: str) -> dict[str, Any] | None:
    """The fields of the event's ``Count`` of one kind (validated with the event), or ``None`` if none was read."""
    merged = merge_counts(readings, kind)
    if merged is None:
        return None
    value, qualifier, civilians, children, used = merged
    for r in used:
        evidence.append((fieldname, r.start, r.end))
    return {"value": value, "qualifier": qualifier, "civilians": civilians, "children": children}


def _weapons(readings: list[WeaponReading], evidence: list[_Cite]) -> list[dict[str, Any]]:
    """The fields of the event's ``Weapon`` entries (validated with the event), one per weapon of the readings."""
    combined: dict[tuple[str, str | None], dict[str, Any]] = {}
    for r in readings:
        key = (r.category, r.model)
        generic = (r.category, None)
        # "Shahed" after "Shahed-136" is the same weapon: fold a model into the more specific one it prefixes
        if r.model is not None and key not in combined:
            related = next(
                (
                    k
                    for k in combined
                    if k[0] == r.category and k[1] and (k[1].startswith(r.model) or r.model.startswith(k[1]))
                ),
                None,
            )
            if related is not None:
                if len(r.model) > len(related[1] or ""):
                    combined[key] = combined.pop(related)
                    combined[key]["model"] = r.model
                else:
                    key = related
        if r.model is None and any(k[0] == r.category for k in combined):
            key = next(k for k in combined if k[0] == r.category)
        elif r.model is not None and generic in combined:
            w = combined.pop(generic)
            combined[key] = _weapon(r.category, r.model, w["launched"], w["intercepted"])
        w = combined.get(key) or _weapon(r.category, r.model)
        if r.launched is not None:
            w["launched"] = max(w["launched"] or 0, r.launched)
        if r.intercepted is not None:
            w["intercepted"] = max(w["intercepted"] or 0, r.intercepted)
        combined[key] = w
        for s in r.spans:
            evidence.append(("weapons", s.start, s.end))
    # generic artillery words are not a second weapon when a specific remote weapon is named
    out = list(combined.values())
    if any(w["category"] in ("missile", "drone", "rocket", "bomb") for w in out):
        out = [w for w in out if not (w["category"] == "artillery" and w["model"] is None and w["launched"] is None)]
    return out


def _weapon(
    category: str, model: str | None, launched: int | None = None, intercepted: int | None = None
) -> dict[str, Any]:
    return {"category": category, "model": model, "launched": launched, "intercepted": intercepted}


def _sources(readings: list[SourceReading], evidence: list[_Cite]) -> list[Source]:
    out: list[Source] = []
    for r in readings:
        if any(s.name == r.name for s in out):
            continue
        out.append(Source(name=r.name, role=r.role, channel=r.channel))
        evidence.append(("sources", r.start, r.end))
    return out


def result_of(doc: Document) -> DocumentResult:
    """The contract's document result for an annotated document."""
    return DocumentResult(
        id=doc.id,
        published=doc.published,
        language=doc.language or "en",
        text_sha256=doc.text_sha256,
        title=doc.title,
        url=doc.url,
        events=doc.meta.get("events", []),
        claims=doc.meta.get("claims", []),
        warnings=list(doc.warnings),
        text=doc.text,
    )
