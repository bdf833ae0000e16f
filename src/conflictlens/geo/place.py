"""A gazetteer entry as the pipeline sees it, and its conversion to the contract's ``Location``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conflictlens.model import Location

# kind -> the contract's location precision
PRECISION_OF_KIND = {
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin2",
    "town": "town",
    "district": "district",
    "point": "point",
    "region": "admin1",  # a named region coarser than a town (Donbas): as coarse as an oblast
    "water": "unknown",  # a sea or river: no settlement to put the event in
}

# How specific a kind is, most specific first (used to pick an event's place).
SPECIFICITY = {"point": 0, "town": 1, "district": 2, "admin2": 3, "admin1": 4, "region": 5, "water": 6, "country": 7}


@dataclass(frozen=True, slots=True)
class Place:
    """One place: a country, an admin1 (oblast), an admin2 (raion), a town/village, or a district of a town."""

    geonameid: int | None
    name: str  # preferred Latin name, as English-language media spell it (Kyiv, Odesa, Solomianskyi district)
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # English admin1 name, e.g. "Kyiv City", "Odesa Oblast", "Belgorod Oblast"
    admin2: str | None
    lat: float | None
    lon: float | None
    kind: str  # "country" | "admin1" | "admin2" | "town" | "district" | "point" | "region" | "water"
    population: int = 0
    parent: int | None = None  # for a district: geonameid of the town it is part of
    # how near the point is, where not as its kind says: a village of the codifier stands at its hromada's centre
    precision: str | None = None

    def to_location(self, precision: str | None = None) -> Location:
        return Location.model_validate(self.location_fields(precision))

    def location_fields(self, precision: str | None = None) -> dict[str, Any]:
        """The fields of :meth:`to_location` as a new plain dict: a model that holds a location (an ``Event``)
        validates it along with everything else in one call, instead of a ``Location`` being made first."""
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": None if self.lat is None else round(self.lat, 5),
            "lon": None if self.lon is None else round(self.lon, 5),
            "precision": precision or self.precision or PRECISION_OF_KIND.get(self.kind, "unknown"),
            "geonameid": self.geonameid,
        }
