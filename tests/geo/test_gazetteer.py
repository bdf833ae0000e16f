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
