"""Villages of the KATOTTG codifier, placed at their hromada's centre (geo/codifier.py)."""

from __future__ import annotations

import pytest

from conflictlens.document import Document
from conflictlens.geo.codifier import PRECISION, Unit, add_villages
from conflictlens.geo.gazetteer import Gazetteer, _Builder, km
from conflictlens.geo.place import Place


def _town(name: str, lat: float, lon: float, admin1: str = "Kharkiv Oblast", population: int = 1000) -> Place:
    return Place(None, name, "UA", admin1, None, lat, lon, "town", population)


def _builder(*towns: Place) -> _Builder:
    b = _Builder()
    for t in towns:
        b.add(t, [t.name])
    return b


# a made-up corner of the codifier: Kharkiv oblast (UA63), a raion, two hromadas
_ROWS = [
    Unit("UA63000000000041885", "Харківська", "O", ()),
    Unit("UA63080000000032022", "Куп’янський", "P", ("UA63000000000041885",)),
    Unit("UA63080130000077600", "Петропавлівська", "H", ("UA63000000000041885", "UA63080000000032022")),
    Unit(
        "UA63080130010000001",
        "Петропавлівка",
        "C",
        ("UA63000000000041885", "UA63080000000032022", "UA63080130000077600"),
    ),  # fmt: skip
    Unit(
        "UA63080130020000002", "Синьківка", "C", ("UA63000000000041885", "UA63080000000032022", "UA63080130000077600")
    ),  # fmt: skip
    Unit(
        "UA63080130030000003", "Піщане", "C", ("UA63000000000041885", "UA63080000000032022", "UA63080130000077600")
    ),  # fmt: skip
    Unit("UA63080150000000004", "Безіменна", "H", ("UA63000000000041885", "UA63080000000032022")),
    Unit("UA63080150010000005", "Тиха", "C", ("UA63000000000041885", "UA63080000000032022", "UA63080150000000004")),
]


def test_a_village_the_gazetteer_lacks_stands_at_its_hromadas_own_town() -> None:
    # two Petropavlivkas in the oblast: the hromada's is the one near its other member (Pishchane)
    b = _builder(
        _town("Petropavlivka", 49.72, 37.71),
        _town("Petropavlivka", 50.30, 37.03, population=5000),
        _town("Pishchane", 49.66, 37.70),
    )
    assert add_villages(b, _ROWS) == 1
    synkivka = b.places[-1]
    assert (synkivka.name, synkivka.admin1, synkivka.admin2) == ("Synkivka", "Kharkiv Oblast", "Kupianskyi")
    assert (synkivka.lat, synkivka.lon) == (49.72, 37.71)
    assert synkivka.precision == PRECISION == "admin2"
    assert synkivka.location_fields()["precision"] == "admin2"
    assert {"synkivka", "sinkovka"} <= {k for k, ids in b.keys.items() if len(b.places) - 1 in ids}
    # Tykha's hromada has no member the gazetteer places: nowhere to put it, so it is not added
    assert not any(p.name == "Tykha" for p in b.places)


def test_without_its_own_town_the_middle_of_the_members_found() -> None:
    b = _builder(_town("Synkivka", 49.70, 37.60), _town("Pishchane", 49.66, 37.70))
    assert add_villages(b, _ROWS) == 1
    added = b.places[-1]
    assert added.name == "Petropavlivka"
    assert (added.lat, added.lon) == pytest.approx((49.68, 37.65))


def test_one_member_alone_gives_no_centre() -> None:
    # a single match might be a namesake anywhere in the oblast
    b = _builder(_town("Pishchane", 49.66, 37.70))
    assert add_villages(b, _ROWS) == 0


def test_a_namesake_far_away_does_not_hide_the_village() -> None:
    b = _builder(
        _town("Petropavlivka", 49.72, 37.71),
        _town("Pishchane", 49.66, 37.70),
        _town("Synkivka", 50.30, 36.00),  # another Synkivka, 120 km off
    )
    assert add_villages(b, _ROWS) == 1
    assert [km(p.lat, p.lon, 49.72, 37.71) < 1 for p in b.places if p.name == "Synkivka"] == [False, True]


def test_the_real_codifier_fills_the_front_line_villages(gaz: Gazetteer) -> None:
    # Synkivka (Petropavlivska hromada, Kupiansk raion): not in GeoNames cities-500
    synkivka = [p for p in gaz.geocode("Synkivka", country="UA", limit=20) if p.admin1 == "Kharkiv Oblast"]
    assert len(synkivka) == 1
    assert synkivka[0].precision == "admin2" and synkivka[0].admin2 == "Kupianskyi"
    assert km(synkivka[0].lat, synkivka[0].lon, 49.77, 37.56) < 25  # the village itself
    assert any(s["source"].startswith("KATOTTG codifier") and s["places"] > 15000 for s in gaz.sources)


def test_a_list_of_cities_is_no_village_and_its_oblast(gaz: Gazetteer) -> None:
    from conflictlens.geo.matcher import PlaceMatcher
    from conflictlens.geo.resolver import ToponymResolver

    # the codifier has villages called Lviv (one in Dnipropetrovsk Oblast) and Makiivka (in Luhansk Oblast)
    def places(text: str) -> list[tuple[str, str | None]]:
        doc = Document(id="t", text=text)
        PlaceMatcher(gaz)(doc)
        ToponymResolver(gaz)(doc)
        return [(doc.span_text(s), s.attrs["place"].admin1) for s in doc.layer("place") if s.attrs["place"]]

    assert places("Strikes were recorded in Kyiv, Lviv, Dnipro and Odesa.") == [
        ("Kyiv", "Kyiv City"), ("Lviv", "Lviv Oblast"), ("Dnipro", "Dnipropetrovsk Oblast"), ("Odesa", "Odesa Oblast")
    ]  # fmt: skip
    assert ("Makiivka", "Luhansk Oblast") in places(
        "Russian forces shelled near Makiivka, Luhansk. Casualties unknown."
    )
