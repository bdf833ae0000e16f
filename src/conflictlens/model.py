"""Pydantic models of the output contract (``shared/spec/EVENTS.md``).

Everything conflictlens emits -- the CLI's JSON Lines, the Python API, later the store and the web API -- is one of
these models serialised with :meth:`DocumentResult.to_json_dict`.  Field names and enum strings are fixed by the
contract; ``conflictlens schema`` prints the JSON Schema generated from these classes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}

SubEventType = Literal[
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
]
DatePrecision = Literal["day", "range", "month", "year", "unknown"]
LocationPrecision = Literal["point", "district", "town", "admin2", "admin1", "country", "unknown"]
ActorKind = Literal["state_forces", "rebels", "militia", "civilians", "protesters", "other"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to"]
WeaponCategory = Literal["missile", "drone", "rocket", "artillery", "aircraft", "bomb", "small_arms", "other"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(_Model):
    """Character offsets ``[start, end)`` into the document's plain text that support one field's value."""

    field: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DateSpan(_Model):
    start: dt.date | None = None
    end: dt.date | None = None
    precision: DatePrecision = "unknown"
    text: str | None = None


class Location(_Model):
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    precision: LocationPrecision = "unknown"
    geonameid: int | None = None


class Actor(_Model):
    """Who acted or was acted upon.  Immutable: the pipeline shares one object per lexicon entry across events."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    country: str | None = None
    kind: ActorKind | None = None


class Count(_Model):
    """A number the text states, with its hedge kept (``over 40`` -> value 40, qualifier ``more_than``)."""

    value: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    civilians: int | None = Field(default=None, ge=0)
    children: int | None = Field(default=None, ge=0)
    low: int | None = None
    best: int | None = None
    high: int | None = None


class Weapon(_Model):
    category: WeaponCategory
    model: str | None = None
    launched: int | None = Field(default=None, ge=0)
    intercepted: int | None = Field(default=None, ge=0)


class Source(_Model):
    name: str
    role: str | None = None
    channel: str | None = None


class Event(_Model):
    id: str
    event_type: EventType
    sub_event_type: SubEventType | None
    date: DateSpan
    location: Location
    sublocations: list[Location] = Field(default_factory=list)
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    weapons: list[Weapon] = Field(default_factory=list)
    damage: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)


class Claim(_Model):
    speaker: str | None
    text: str
    date: DateSpan = Field(default_factory=DateSpan)
    evidence: list[Evidence] = Field(default_factory=list)


class DocumentResult(_Model):
    """What ``conflictlens extract`` writes for one input document."""

    id: str
    published: dt.date | None = None
    language: str | None = None
    text_sha256: str | None = None
    title: str | None = None
    url: str | None = None
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    text: str | None = None

    def to_json_line(self, with_text: bool = False) -> str:
        """The contract's JSON object as one line (serialised by pydantic-core, faster than ``json.dumps``)."""
        return self.model_dump_json(exclude=None if with_text else {"text"})

    def to_json_bytes(self, with_text: bool = False) -> bytes:
        """:meth:`to_json_line` UTF-8 encoded, as pydantic-core makes it (no round trip through ``str``), for a
        binary stream."""
        return self.__pydantic_serializer__.to_json(self, exclude=None if with_text else {"text"})

    def to_json_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The contract's JSON object; ``text`` is included only when asked for (``--with-text``)."""
        data = self.model_dump(mode="json", exclude={"text"} if not with_text else None)
        if not with_text:
            data.pop("text", None)
        return data


class DocumentFailure(_Model):
    """One document that could not be processed: the batch goes on, the CLI prints ``id: problem``."""

    id: str
    error: str

    def message(self) -> str:
        return f"{self.id}: {self.error}"
