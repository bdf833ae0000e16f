"""The bundled gazetteer: contents, the compiled index and its reuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictlens.geo.gazetteer import INDEX_VERSION, Gazetteer, PlaceList
from conflictlens.geo.place import Place


def test_bundled_places(gaz: Gazetteer) -> None:
    kyiv = gaz.geocode("Kiev")[0]
    assert (kyiv.name, kyiv.kind, kyiv.country, kyiv.admin1) == ("Kyiv", "town", "UA", "Kyiv City")
    assert gaz.geocode("Zaporozhye")[0].admin1 == "Zaporizhia Oblast"
    assert gaz.geocode("Kharkov")[0].name == "Kharkiv"
    assert gaz.geocode("Nikolaev")[0].admin1 == "Mykolaiv Oblast"
    solo = gaz.geocode("Solomyansky")[0]
    assert (solo.kind, solo.name, solo.admin1) == ("district", "Solomianskyi district", "Kyiv City")
    assert solo.parent == kyiv.geonameid
    assert gaz.geocode("Belgorod")[0].country == "RU"
    assert gaz.geocode("Crimea")[0].kind == "admin1"
    assert gaz.geocode("Black Sea")[0].kind == "water"
    assert gaz.country("UA") is not None and gaz.country("UA").name == "Ukraine"
    assert [p.country for p in gaz.geocode("Odessa", country="US")] == ["US"]


def test_index_is_cached_and_reloaded(tmp_path: Path) -> None:
    stale = tmp_path / "gazetteer" / "index-v1.pickle"  # an index an older version of conflictlens wrote
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    first = Gazetteer.load(home=tmp_path)
    assert not stale.exists()
    index = tmp_path / "gazetteer" / f"index-v{INDEX_VERSION}.pickle"
    assert index.exists()
    mtime = index.stat().st_mtime_ns
    second = Gazetteer.load(home=tmp_path)
    assert index.stat().st_mtime_ns == mtime  # reused, not rebuilt
    assert len(second) == len(first) > 30000
    assert second.load_seconds < first.load_seconds


def test_lookups_come_most_populous_first(gaz: Gazetteer) -> None:
    """The index stores each key's places in lookup order: what a stable sort by population at lookup time gives."""
    shared = 0
    for index in (gaz.names, gaz.loose):
        for bucket in index.values():
            if len(bucket) > 1:
                shared += 1
                assert list(bucket) == sorted(bucket, key=lambda i: -gaz.places[i].population)
    assert shared > 100


def test_matcher_tables_follow_the_keys(gaz: Gazetteer) -> None:
    assert gaz.max_words == max(k.count(" ") + 1 for k in gaz.names)
    multi_word = [k for k in gaz.names if " " in k]
    assert multi_word and all(k.rpartition(" ")[0] in gaz.prefixes for k in multi_word)
    assert {k.partition(" ")[0] for k in gaz.loose} == gaz.loose_first


def test_places_are_made_once_on_demand() -> None:
    """A place is made from its stored row when first asked for, and the same object is returned after that."""
    rows = [
        (1, "Alpha", "UA", "Kyiv City", None, 50.0, 30.0, "town", 10, None),
        (None, "Beta", "UA", "Beta Oblast", None, None, None, "admin1", 0, 1),
        (3, "Gamma", "RU", None, None, 51.0, 36.0, "country", 5, None),
    ]
    places = PlaceList(rows)
    assert len(places) == 3
    first = places[0]
    assert first == Place(*rows[0]) and places[0] is first and places[-3] is first
    assert places.take([2, 0, 2]) == [places[2], first, places[2]] and places.take([2])[0] is places[2]
    assert places[1:] == [Place(*rows[1]), Place(*rows[2])] and list(places) == [Place(*r) for r in rows]
    gaz = Gazetteer(rows, {"alpha": (0,)}, {}, [], None, {}, _EMPTY_TABLES)
    assert gaz.lookup("alpha") == [first] and gaz.by_id(1) == first and gaz.by_id(3) == places[2]
    assert gaz.country("RU") == places[2] and gaz.country("UA") is None
    assert gaz.admin1_place("UA", "Beta Oblast") == places[1] and gaz.by_id(2) is None


_EMPTY_TABLES = {"loose_first": frozenset(), "max_words": 1, "prefixes": frozenset(), "town_first": {},
                 "loose_town_first": {}}  # fmt: skip


def test_location_fields_are_the_location(gaz: Gazetteer) -> None:
    """The plain-dict form the event assembler validates in one call is exactly the Location model's content."""
    for name in ("Kyiv", "Odesa region", "Podil", "Ukraine"):
        for place in gaz.geocode(name, limit=3):
            assert place.location_fields() == place.to_location().model_dump()
            assert place.location_fields("admin1") == place.to_location("admin1").model_dump()


@pytest.mark.parametrize(("iso", "name"), [("UA", "Kyiv"), ("GE", "Tbilisi"), ("NG", "Abuja"), ("SD", "Khartoum")])
def test_capitals(gaz: Gazetteer, iso: str, name: str) -> None:
    """ "the capital" in a report about a country: its capital city, not its largest (Abuja, not Lagos)."""
    capital = gaz.capital(iso)
    assert capital is not None and (capital.name, capital.country, capital.kind) == (name, iso, "town")


def test_processes_compiling_the_index_at_once_share_a_home(tmp_path: Path) -> None:
    # workers started on a fresh home all compile the index: each writes a temporary file of its own, and every one
    # of them ends with the whole index in place
    import os
    import subprocess
    import sys

    env = {**os.environ, "CONFLICTLENS_HOME": str(tmp_path)}
    code = "from conflictlens.geo.gazetteer import Gazetteer; print(len(Gazetteer.load()))"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outs]
    assert len({out.strip() for out, _ in outs}) == 1
    gdir = tmp_path / "gazetteer"
    assert [p.name for p in gdir.iterdir() if p.is_file()] == [f"index-v{INDEX_VERSION}.pickle"]
    assert len(Gazetteer.load(home=tmp_path)) == int(outs[0][0])


def test_english_names_of_world_divisions_are_iso_codes() -> None:
    # a mistyped code in world_admin1.tsv would add no name at all: every row must be a top-level ISO 3166-2 division
    import pycountry

    from conflictlens.geo.gazetteer import _data_lines

    rows = list(_data_lines("world_admin1.tsv"))
    assert rows
    for row in rows:
        sub = pycountry.subdivisions.get(code=row[0].strip())
        assert sub is not None and sub.parent_code is None, row[0]


def test_ukrainian_towns_in_the_national_transliteration(gaz: Gazetteer) -> None:
    # GeoNames spells them Kryvyy Rih, Mar'yinka, Zaporizhzhya; English-language media and ACLED as Ukraine does
    for said, shown in (("Kryvyy Rih", "Kryvyi Rih"), ("Kryvyi Rih", "Kryvyi Rih"), ("Marinka", "Marinka"),
                        ("Mar'yinka", "Marinka"), ("Zaporizhzhia", "Zaporizhzhia")):  # fmt: skip
        assert gaz.geocode(said, country="UA")[0].name == shown


def test_national_spelling_is_of_the_same_name_only() -> None:
    from conflictlens.geo.gazetteer import _national_spelling

    # an old or another language's name is not the town's spelling; with none of the same name, GeoNames' stays
    assert _national_spelling("Zaporizhzhya", ["Алекса́ндровск", "Запорожье", "Запоріжжя"]) == "Zaporizhzhia"
    assert _national_spelling("Kupyansk", ["Купенськ", "Купецький"]) is None
    assert _national_spelling("Bakhmut", ["Бахмут", "Артемівськ"]) is None  # already the national spelling
