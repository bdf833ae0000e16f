"""Transliteration: Ukrainian national system 2010 and Russian-style forms."""

from __future__ import annotations

import pytest

from conflictlens.geo.translit import (
    latin_forms,
    name_key,
    spelling_variants,
    ukrainian_to_latin,
    ukrainian_to_russian_style,
)


@pytest.mark.parametrize(
    ("cyr", "latin"),
    [
        ("Михайлівка", "Mykhailivka"),
        ("Київ", "Kyiv"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Харків", "Kharkiv"),
        ("Знам'янка", "Znamianka"),
        ("Згурівка", "Zghurivka"),
        ("Їжакевич", "Yizhakevych"),
        ("Юріївка", "Yuriivka"),
        ("Яготин", "Yahotyn"),
        ("Єнакієве", "Yenakiieve"),
        ("Йосипівка", "Yosypivka"),
        ("Щастя", "Shchastia"),
        ("Гайове", "Haiove"),
        ("Біла Церква", "Bila Tserkva"),
    ],
)
def test_national_system(cyr: str, latin: str) -> None:
    assert ukrainian_to_latin(cyr) == latin


def test_russian_style_forms() -> None:
    assert ukrainian_to_russian_style("Михайлівка") == "Mikhaylovka"
    assert ukrainian_to_russian_style("Харків") == "Kharkov"
    assert ukrainian_to_russian_style("Удачне") == "Udachnoe"
    assert latin_forms("Харків") == ["Kharkiv", "Kharkov"]
    assert latin_forms("Kyiv") == ["Kyiv"]


def test_variants_and_keys() -> None:
    v = spelling_variants("Solomianskyi")
    assert {"Solomyansky", "Solomyanskyi", "Solomiansky"} <= v
    assert "Zaporizhia" in spelling_variants("Zaporizhzhia")
    assert name_key("Solom'yanka") == name_key("Solomyanka") == "solomyanka"
    assert name_key("Ivano-Frankivsk") == "ivano frankivsk"
    assert name_key("Dnipro’s") == "dnipros"
