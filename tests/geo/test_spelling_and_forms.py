"""Spelling-insensitive lookups, Cyrillic alternate names, hromada/village forms and "coded to" notes."""

from __future__ import annotations

from conflictlens.document import Document
from conflictlens.geo.gazetteer import Gazetteer, _cyrillic_alias_forms, bundled_signature
from conflictlens.geo.matcher import PlaceMatcher
from conflictlens.geo.resolver import ToponymResolver, event_place
from conflictlens.geo.translit import loose_key


def _place(gaz: Gazetteer, text: str) -> tuple[str, str | None] | None:
    doc = Document(id="t", text=text)
    PlaceMatcher(gaz)(doc)
    ToponymResolver(gaz)(doc)
    main, _ = event_place(doc, 0, len(text))
    if main is None:
        return None
    p = main.attrs["place"]
    return p.name, p.admin1


def test_loose_key_folds_spelling_variants() -> None:
    pairs = [
        ("scherbynivka", "shcherbynivka"),
        ("priyutne", "pryiutne"),
        ("novomykhaylivka", "novomykhailivka"),
        ("andriivka", "andriyivka"),
        ("pobieda", "pobyeda"),
        ("zaporizhzhia", "zaporizhia"),
        ("gremyachka", "hremiachka"),
    ]
    for a, b in pairs:
        assert loose_key(a) == loose_key(b), (a, b)
    assert loose_key("kherson") != loose_key("khotyn")


def test_cyrillic_alternate_names_give_latin_keys() -> None:
    forms = _cyrillic_alias_forms(["Новомихайлівка", "Новомихайловка", "Novomikhaylovka"], ukrainian=True)
    assert "Novomykhailivka" in forms
    assert "Novomikhaylovka" in forms
    assert _cyrillic_alias_forms(["Белгород"], ukrainian=False) == {"Belgorod"}


def test_loose_match_needs_the_oblast(gaz: Gazetteer) -> None:
    assert _place(gaz, "Russian military forces shelled Scherbynivka, Donetsk. A civilian was wounded.") == (
        "Shcherbynivka",
        "Donetsk Oblast",
    )
    # a typo that folds onto a village elsewhere is not a place
    assert _place(gaz, "Russin forces looted houses in Kherson, Kherson region.") == ("Kherson", "Kherson Oblast")


def test_community_and_village_forms(gaz: Gazetteer) -> None:
    assert _place(gaz, "Russian forces shelled Velykopysarivska territorial community, Sumy.") == (
        "Velyka Pysarivka",
        "Sumy Oblast",
    )
    assert _place(gaz, "Russian forces shelled Khotin territorial community, Sumy.") == ("Khotin", "Sumy Oblast")
    got = _place(gaz, "Russian forces shelled Stepanivka village, Kherson. No casualties.")
    assert got is not None and got[1] == "Kherson Oblast"
    # an oblast in parentheses qualifies the place before it
    got = _place(gaz, "Ukrainian forces shelled Russian infantry south-east of Terny (Donetsk).")
    assert got == ("Terny", "Donetsk Oblast")


def test_coded_to_names_the_event_place(gaz: Gazetteer) -> None:
    text = "Russian forces shelled Sumy region and Kharkiv region (coded to Mezhova, Dnipropetrovsk region)."
    assert _place(gaz, text) == ("Mezhova", "Dnipropetrovsk Oblast")
    # "coded to X event" points at another ACLED event, not at this one's place
    text = "NAF forces shelled positions near Luhansk. 2 soldiers were killed (fatalities coded to Mezhova event)."
    assert _place(gaz, text) == ("Luhansk", "Luhansk Oblast")


def test_bundled_signature_is_stable() -> None:
    assert bundled_signature() == bundled_signature()


def test_front_distance() -> None:
    from conflictlens.geo.resolver import front_distance

    assert front_distance(48.595, 38.0) < 1  # Bakhmut lies on the line
    assert front_distance(49.84, 24.03) > 500  # Lviv is far from it
    assert front_distance(None, None) == float("inf")


def test_front_line_of_the_day() -> None:
    import datetime as dt

    from conflictlens.geo.resolver import front_distance

    izium = (49.212, 37.257)
    assert front_distance(*izium, dt.date(2022, 6, 1)) < 1  # on the line before the September 2022 counteroffensive
    assert front_distance(*izium, dt.date(2023, 6, 1)) > 30  # well behind it a year later
    assert front_distance(*izium) > 30  # no date: only the points that held the line throughout
    bucha = (50.543, 30.212)
    assert front_distance(*bucha, dt.date(2022, 3, 10)) < 1
    assert front_distance(*bucha, dt.date(2022, 5, 1)) > 100
