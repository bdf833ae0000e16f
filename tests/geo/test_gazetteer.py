"""The bundled gazetteer: contents, the compiled index and its reuse."""

from __future__ import annotations

from pathlib import Path

from conflictlens.geo.gazetteer import INDEX_VERSION, Gazetteer


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
    first = Gazetteer.load(home=tmp_path)
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
