"""Importing GeoNames main-dump, alternate-names and postal files into a temporary CONFLICTLENS_HOME."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conflictlens.errors import InputError
from conflictlens.geo.gazetteer import Gazetteer
from conflictlens.geo.importer import import_file

# two made-up villages in GeoNames main-dump format (19 columns)
MAIN_ROWS = [
    ["9900001", "Testivka", "Testivka", "Testovka,Тестівка", "48.1", "37.2", "P", "PPL", "UA", "", "05", "", "", "",
     "120", "", "150", "Europe/Kyiv", "2024-01-01"],
    ["9900002", "Probne", "Probne", "", "47.5", "35.1", "P", "PPL", "UA", "", "26", "", "", "", "80", "", "90",
     "Europe/Kyiv", "2024-01-01"],
    ["9900003", "Some River", "Some River", "", "47.5", "35.1", "H", "STM", "UA", "", "26", "", "", "", "0", "", "0",
     "Europe/Kyiv", "2024-01-01"],
]  # fmt: skip
POSTAL_ROWS = [
    ["UA", "85001", "Михайлівка", "Donetska", "05", "Pokrovskyi", "", "", "", "48.2", "37.1", "4"],
    ["UA", "85002", "Михайлівка", "Donetska", "05", "Pokrovskyi", "", "", "", "48.21", "37.11", "1"],
    ["UA", "71001", "Михайлівка", "Zaporizka", "26", "Vasylivskyi", "", "", "", "47.3", "35.2", "4"],
    ["UA", "08001", "Згурівка", "Kyivska", "12", "Brovarskyi", "", "", "", "50.5", "31.78", "4"],
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_import_main_dump_zip_twice(home: Path, tmp_path: Path) -> None:
    txt = _write(tmp_path / "UA.txt", MAIN_ROWS)
    zpath = tmp_path / "UA.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        z.write(txt, "UA.txt")
        z.writestr("readme.txt", "GeoNames readme")
    res = import_file(zpath)
    assert (res.format, res.rows, res.places_added) == ("main", 3, 2)
    assert res.store == home / "gazetteer" / "user"
    gaz = Gazetteer.load()
    village = gaz.geocode("Testivka")[0]
    assert (village.geonameid, village.admin1, village.population) == (9900001, "Donetsk Oblast", 120)
    assert gaz.geocode("Testovka")[0].geonameid == 9900001
    assert gaz.geocode("Some River") == []
    again = import_file(zpath)
    assert (again.places_added, again.names_added) == (0, 0)
    assert len([p for p in Gazetteer.load().places if p.geonameid == 9900001]) == 1


def test_import_postal_dedupes_and_keeps_earlier_imports(home: Path, tmp_path: Path) -> None:
    import_file(_write(tmp_path / "UA.txt", MAIN_ROWS))
    res = import_file(_write(tmp_path / "UA-postal.txt", POSTAL_ROWS))
    assert (res.format, res.rows, res.places_added) == ("postal", 4, 3)
    gaz = Gazetteer.load()
    mykh = gaz.geocode("Mykhailivka", limit=100)
    imported = [p for p in mykh if p.population == 0 and p.precision is None]  # not the codifier's villages
    assert sorted(p.admin1 or "" for p in imported) == ["Donetsk Oblast", "Zaporizhia Oblast"]
    donetsk = next(p for p in imported if p.admin1 == "Donetsk Oblast")
    assert (donetsk.lat, donetsk.admin2) == (48.2, "Pokrovskyi")  # the accuracy-4 row wins
    assert any(p.admin1 == "Donetsk Oblast" for p in gaz.geocode("Mikhaylovka", limit=100))
    assert gaz.geocode("Zghurivka")[0].admin1 == "Kyiv Oblast"
    assert gaz.geocode("Testivka")[0].geonameid == 9900001  # the earlier import survives


def test_postal_council_names_and_borrowed_coordinates(home: Path, tmp_path: Path) -> None:
    rows = [
        # the council in brackets tells namesakes apart; the village is found by its own name
        ["UA", "85101", "Солодке (Степненська сільська рада)", "Donetska", "05", "Volnovaskyi", "", "", "", "47.86",
         "37.33", "4"],
        ["UA", "85102", "Солодке (Іллінська сільська рада)", "Donetska", "05", "Pokrovskyi", "", "", "", "48.3", "37.0",
         "4"],
        # the same point filed under two oblasts: it lies among Zaporizhzhia towns, so the Kirovohrad row is wrong
        ["UA", "70264", "Чарівне", "Zaporizka", "26", "Huliaipilskyi", "", "", "", "47.58", "36.034", "4"],
        ["UA", "27241", "Чарівне", "Kirovohradska", "10", "Bobrynetskyi", "", "", "", "47.58", "36.034", "4"],
    ]  # fmt: skip
    res = import_file(_write(tmp_path / "UA-postal.txt", rows))
    assert res.places_added == 4  # the store keeps every row ...
    gaz = Gazetteer.load()
    solodke = [p for p in gaz.geocode("Solodke", limit=100) if p.population == 0 and p.precision is None]
    assert sorted(p.admin2 or "" for p in solodke) == ["Pokrovskyi", "Volnovaskyi"]
    assert all(p.name == "Solodke" for p in solodke)
    charivne = [p for p in gaz.geocode("Charivne", limit=100) if p.population == 0 and p.precision is None]
    assert [(p.admin1, p.lat) for p in charivne] == [("Zaporizhia Oblast", 47.58)]  # ... the index only the right one


def test_import_alternate_names(home: Path, tmp_path: Path) -> None:
    import_file(_write(tmp_path / "UA.txt", MAIN_ROWS))
    alt = [
        ["1", "9900002", "uk", "Пробне", "", "", "", "", "", ""],
        ["2", "9900002", "en", "Probnoye", "", "", "", "", "", ""],
        ["3", "9900002", "link", "https://example.org/Probne", "", "", "", "", "", ""],
        ["4", "123456789", "en", "Nowhere Town", "", "", "", "", "", ""],
    ]
    res = import_file(_write(tmp_path / "alternateNamesV2.txt", alt))
    assert res.format == "alternate-names"
    assert res.names_added == 3  # Probnoye, and Probne + Probnoe from Пробне
    gaz = Gazetteer.load()
    assert gaz.geocode("Probnoye")[0].geonameid == 9900002
    assert gaz.geocode("Nowhere Town") == []


def test_bad_files(home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("just,a,csv\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a GeoNames file"):
        import_file(bad)
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "missing.zip")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        import_file(empty)
    broken = _write(tmp_path / "broken.txt", [POSTAL_ROWS[0], ["UA", "1", "x"]])
    with pytest.raises(InputError, match="line 2"):
        import_file(broken)
