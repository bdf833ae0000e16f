"""Import GeoNames files a user downloaded into the user's gazetteer (``$CONFLICTLENS_HOME/gazetteer/user``).

Three GeoNames formats are recognised by their column count: the main dump (``allCountries.zip``, ``UA.zip``,
``UA.txt``: 19 columns), alternate names (``alternateNamesV2.zip``: 10 columns, or 8 in the old format) and postal
codes (12 columns).  Cyrillic names get Latin forms (Ukrainian national system and a Russian-style spelling), so a
village that only the postal file knows as "Михайлівка" is found as "Mykhailivka" and "Mikhaylovka".

The user store is plain TSV, keyed so that importing a file twice adds nothing and a new import never drops an
earlier one; the compiled index notices the change and is rebuilt on the next :meth:`Gazetteer.load`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictlens.errors import InputError
from conflictlens.geo.place import Place
from conflictlens.geo.translit import has_cyrillic, latin_forms, ukrainian_to_latin
from conflictlens.home import write_atomically

if TYPE_CHECKING:
    from conflictlens.geo.gazetteer import _Builder

PLACE_COLUMNS = ["uid", "geonameid", "name", "country", "admin1", "admin2", "lat", "lon", "kind", "population",
                 "names", "source"]  # fmt: skip
POSTAL_ACCURACY_RANK = {"4": 0, "3": 1, "6": 2, "1": 3, "": 4}  # 4: from a GeoNames place ... 1: estimated
MAIN_FEATURE_KIND = {"ADM1": "admin1", "ADM2": "admin2", "PPLX": "district"}
SKIP_ALT_LANGS = {"link", "post", "iata", "icao", "faac", "wkdt", "abbr", "fr_1793", "unlc", "tcid"}


@dataclass
class ImportResult:
    """What one import did."""

    path: Path
    format: str  # "main" | "alternate-names" | "postal"
    rows: int
    places_added: int
    names_added: int
    store: Path


class UserStore:
    """The user's imported places and alternate names (TSV files below ``<gazetteer dir>/user``)."""

    def __init__(self, gdir: Path) -> None:
        self.dir = gdir / "user"
        self.places_path = self.dir / "places.tsv"
        self.altnames_path = self.dir / "altnames.tsv"
        self.sources_path = self.dir / "sources.json"

    def read_places(self) -> dict[str, dict[str, str]]:
        if not self.places_path.exists():
            return {}
        with self.places_path.open(encoding="utf-8", newline="") as f:
            return {r["uid"]: r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}

    def write_places(self, rows: dict[str, dict[str, str]]) -> None:
        out = io.StringIO(newline="")
        w = csv.DictWriter(out, PLACE_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writeheader()
        w.writerows(rows.values())
        write_atomically(self.places_path, out.getvalue())

    def read_altnames(self) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        if self.altnames_path.exists():
            for line in self.altnames_path.read_text(encoding="utf-8").splitlines():
                gid, _, name = line.partition("\t")
                if gid.isdigit() and name:
                    out.setdefault(int(gid), set()).add(name)
        return out

    def write_altnames(self, names: dict[int, set[str]]) -> None:
        write_atomically(self.altnames_path, "".join(f"{g}\t{n}\n" for g in sorted(names) for n in sorted(names[g])))

    def sources(self) -> list[dict[str, Any]]:
        if not self.sources_path.exists():
            return []
        return list(json.loads(self.sources_path.read_text(encoding="utf-8")))

    def record(self, entry: dict[str, Any]) -> None:
        entries = [e for e in self.sources() if e.get("source") != entry["source"]] + [entry]
        self.dir.mkdir(parents=True, exist_ok=True)
        write_atomically(self.sources_path, json.dumps(entries, indent=1))

    def apply(self, b: _Builder) -> int:
        """Add the stored places and names to an index being compiled; returns how many places were new."""
        from conflictlens.geo.gazetteer import key_of, km

        added = 0
        oblasts = Admin1Neighbourhood(b.places)
        for r in self.read_places().values():
            names = [n for n in r["names"].split("|") if n]
            gid = int(r["geonameid"]) if r["geonameid"] else None
            if gid is not None and gid in b.by_id:
                b.add_names(b.by_id[gid], names)
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            if r["uid"].startswith("postal:") and not oblasts.plausible(r["country"], r["admin1"], lat, lon):
                continue  # coordinates borrowed from a namesake in another oblast: the real point is unknown
            same = [
                i
                for i in b.keys.get(key_of(r["name"]), ())
                if b.places[i].kind == "town"
                and b.places[i].country == r["country"]
                and km(b.places[i].lat, b.places[i].lon, lat, lon) < 5
            ]
            if same:
                b.add_names(same[0], names)
                continue
            place = Place(gid, r["name"], r["country"] or None, r["admin1"] or None, r["admin2"] or None, lat, lon,
                          r["kind"], int(r["population"] or 0))  # fmt: skip
            b.add(place, names)
            added += 1
        for gid, alt in self.read_altnames().items():
            if gid in b.by_id:
                b.add_names(b.by_id[gid], alt)
        return added


class Admin1Neighbourhood:
    """Which oblasts a point lies among, read from the admin1 of the nearest bundled towns.

    Why: about one row in eight of the GeoNames postal extract for Ukraine carries coordinates that are not its
    own -- copied from a namesake in another oblast (Чарівне, Kirovohradska at the Zaporizhzhia village's point) or
    a shared placeholder point -- and such a row would put an event in the wrong oblast.  A row whose point lies
    among towns of other oblasts only is left out of the index (the user store keeps it).
    """

    CELL = 4  # grid cells per degree
    NEIGHBOURS = 6

    def __init__(self, places: list[Place]) -> None:
        self._grid: dict[tuple[str, int, int], list[Place]] = {}
        self._known: set[tuple[str, str]] = set()
        for p in places:
            if p.kind == "town" and p.admin1 and p.country:
                self._grid.setdefault((p.country, int(p.lat * self.CELL), int(p.lon * self.CELL)), []).append(p)
                self._known.add((p.country, p.admin1))

    def admin1s_near(self, country: str, lat: float, lon: float) -> list[str]:
        """The admin1 of the nearest bundled towns of ``country`` around a point (empty if none within ~1 degree)."""
        gi, gj = int(lat * self.CELL), int(lon * self.CELL)
        near: list[Place] = []
        for r in (1, 2, 4):
            near = [
                p
                for di in range(-r, r + 1)
                for dj in range(-r, r + 1)
                for p in self._grid.get((country, gi + di, gj + dj), ())
            ]
            if len(near) >= self.NEIGHBOURS:
                break
        coslat = math.cos(math.radians(lat))
        near.sort(key=lambda p: (p.lat - lat) ** 2 + ((p.lon - lon) * coslat) ** 2)
        return [p.admin1 for p in near[: self.NEIGHBOURS] if p.admin1]

    def plausible(self, country: str, admin1: str, lat: float, lon: float) -> bool:
        """False when a point said to be in ``admin1`` lies among towns of other oblasts only."""
        if not admin1 or (country, admin1) not in self._known:
            return True  # nothing to check against
        near = self.admin1s_near(country, lat, lon)
        return not near or admin1 in near


_COUNCIL = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def _split_council(name: str) -> tuple[str, str]:
    """A postal place name and the council in brackets after it, if any ("Одай (Хижнянська сільська рада)")."""
    m = _COUNCIL.match(name)
    if m is None or not m.group(1):
        return name, ""
    return m.group(1), m.group(2)


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a GeoNames .txt or of the data member of a GeoNames .zip."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            members = [n for n in z.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise InputError(str(path), "zip archive holds no GeoNames .txt file")
            member = max(members, key=lambda n: z.getinfo(n).file_size)
            with z.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    try:
        with path.open(encoding="utf-8") as f:
            yield from f
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "not a UTF-8 text file") from exc


def _detect(path: Path) -> str:
    for line in _lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 19 and cols[0].isdigit():
            return "main"
        if len(cols) == 12 and len(cols[0]) == 2:
            return "postal"
        if len(cols) in (8, 10) and cols[0].isdigit() and cols[1].isdigit():
            return "alternate-names"
        raise InputError(str(path), f"not a GeoNames file (first row has {len(cols)} tab-separated columns)")
    raise InputError(str(path), "file is empty")


def _latin_names(names: list[str]) -> list[str]:
    from conflictlens.geo.gazetteer import usable_alias

    out: list[str] = []
    for n in names:
        for form in latin_forms(n):
            if usable_alias(form) or form == names[0]:
                out.append(form)
    return list(dict.fromkeys(out))


def _admin1_resolver() -> dict[tuple[str, str], str]:
    """(country, key of any admin1 name or spelling) -> English admin1 name; first listed wins on a clash."""
    from conflictlens.geo.gazetteer import admin1_table, key_of

    out: dict[tuple[str, str], str] = {}
    for code, (name, aliases, _cap) in admin1_table().items():
        cc = code.split(".")[0]
        for a in [name, *aliases]:
            out.setdefault((cc, key_of(a)), name)
    return out


def import_file(path: Path, home: Path | None = None) -> ImportResult:
    """Import one GeoNames file into the user's gazetteer and return counts.  Raises InputError on a bad file."""
    from conflictlens.geo.gazetteer import gazetteer_dir

    path = Path(path)
    fmt = _detect(path)
    store = UserStore(gazetteer_dir(home))
    if fmt == "alternate-names":
        rows, names_added = _import_altnames(path, store)
        places_added = 0
    else:
        rows, places_added, names_added = _import_places(path, fmt, store)
    store.record({"source": str(path.resolve()), "format": fmt, "rows": rows, "places": places_added,
                  "names": names_added})  # fmt: skip
    return ImportResult(path, fmt, rows, places_added, names_added, store.dir)


def _import_places(path: Path, fmt: str, store: UserStore) -> tuple[int, int, int]:
    from conflictlens.geo.gazetteer import admin1_name, admin1_table, key_of

    table = admin1_table()
    adm1_of = _admin1_resolver()
    existing = store.read_places()
    before = {uid: r["names"] for uid, r in existing.items()}
    batch: dict[str, tuple[int, dict[str, str]]] = {}  # uid -> (accuracy rank, row)
    rows = 0
    for lineno, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        rows += 1
        try:
            if fmt == "main":
                if len(cols) != 19:
                    raise ValueError(f"{len(cols)} columns")
                fclass, fcode = cols[6], cols[7]
                if fclass != "P" and fcode not in ("ADM1", "ADM2"):
                    continue
                cc = cols[8]
                kind = MAIN_FEATURE_KIND.get(fcode, "town")
                names = _latin_names([cols[1], cols[2], *[a for a in cols[3].split(",") if a]])
                adm1 = admin1_name(cc, cols[10], table)
                name = cols[2] if has_cyrillic(cols[1]) else cols[1]
                if kind == "admin1" and adm1:
                    name = adm1
                row = {"uid": f"gn:{cols[0]}", "geonameid": cols[0], "name": name, "country": cc,
                       "admin1": adm1 or "", "admin2": "", "lat": str(float(cols[4])), "lon": str(float(cols[5])),
                       "kind": kind, "population": str(int(cols[14] or 0)), "names": "|".join(names),
                       "source": path.name}  # fmt: skip
                rank = 0
            else:
                if len(cols) != 12:
                    raise ValueError(f"{len(cols)} columns")
                cc, raw_name = cols[0], cols[2].strip()
                if not raw_name:
                    continue
                # "Солодке (Степненська сільська рада)": the village, told apart by its council in brackets
                bare, council = _split_council(raw_name)
                names = _latin_names([bare])
                primary = ukrainian_to_latin(bare) if has_cyrillic(bare) else bare
                adm1_raw = latin_forms(cols[3])[0] if cols[3] else ""
                adm1 = adm1_of.get((cc, key_of(adm1_raw)), adm1_raw)
                adm2 = latin_forms(cols[5])[0] if cols[5] else ""
                uid = f"postal:{cc}:{key_of(adm1)}:{key_of(adm2)}:{key_of(primary)}"
                if council:
                    uid += f":{key_of(ukrainian_to_latin(council))}"
                row = {"uid": uid, "geonameid": "", "name": primary, "country": cc, "admin1": adm1, "admin2": adm2,
                       "lat": str(float(cols[9])), "lon": str(float(cols[10])), "kind": "town", "population": "0",
                       "names": "|".join(names), "source": path.name}  # fmt: skip
                rank = POSTAL_ACCURACY_RANK.get(cols[11].strip(), 4)
        except ValueError as exc:
            raise InputError(str(path), f"line {lineno}: malformed {fmt} row ({exc})") from exc
        uid = row["uid"]
        if uid not in batch or rank < batch[uid][0]:
            batch[uid] = (rank, row)
    places_added = names_added = 0
    for uid, (_rank, row) in batch.items():
        old = existing.get(uid)
        if old is None:
            existing[uid] = row
            places_added += 1
            names_added += len(row["names"].split("|"))
        else:
            merged = list(dict.fromkeys(old["names"].split("|") + row["names"].split("|")))
            names_added += len(merged) - len(old["names"].split("|"))
            old["names"] = "|".join(merged)
    if places_added or any(existing[u]["names"] != n for u, n in before.items()):
        store.write_places(existing)
    return rows, places_added, names_added


def _import_altnames(path: Path, store: UserStore) -> tuple[int, int]:
    from conflictlens.geo.gazetteer import Gazetteer, usable_alias

    known = {p.geonameid for p in Gazetteer.load(store.dir.parent.parent).places if p.geonameid is not None}
    known |= {int(r["geonameid"]) for r in store.read_places().values() if r["geonameid"]}
    names = store.read_altnames()
    added = rows = 0
    for lineno, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        rows += 1
        if len(cols) not in (8, 10) or not cols[1].isdigit():
            raise InputError(str(path), f"line {lineno}: malformed alternate-names row")
        gid = int(cols[1])
        if gid not in known or cols[2] in SKIP_ALT_LANGS:
            continue
        for form in latin_forms(cols[3]):
            if usable_alias(form) and form not in names.setdefault(gid, set()):
                names[gid].add(form)
                added += 1
    if added:
        store.write_altnames(names)
    return rows, added
