"""The canonical seed article: six separate events with the gold's types, dates, places, casualties and salvo."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens.document import Document
from conflictlens.model import DocumentResult, Event

from support import shared_path


@pytest.fixture(scope="module")
def seed(pipeline) -> DocumentResult:  # type: ignore[no-untyped-def]
    text = shared_path("seed", "kyiv-strikes.txt").read_text(encoding="utf-8")
    return pipeline.run(Document(id="kyiv-strikes", text=text, published=dt.date(2024, 1, 2)))


def _at(result: DocumentResult, name: str) -> Event:
    matches = [e for e in result.events if e.location.name == name]
    assert len(matches) == 1, [e.location.name for e in result.events]
    return matches[0]


def test_six_events_and_no_non_events(seed: DocumentResult) -> None:
    assert sorted(e.location.name for e in seed.events) == sorted(
        ["Kyiv", "Belgorod", "Ukraine", "Ukraine", "Odesa Oblast", "Kherson"]
    )


def test_kyiv_strike(seed: DocumentResult) -> None:
    kyiv = _at(seed, "Kyiv")
    assert kyiv.sub_event_type == "Shelling/artillery/missile attack"
    assert (kyiv.date.start, kyiv.date.precision, kyiv.date.text) == (dt.date(2024, 1, 2), "day", "on Tuesday morning")
    assert kyiv.location.precision == "town" and kyiv.location.admin1 == "Kyiv City"
    assert [s.name for s in kyiv.sublocations] == ["Solomianskyi district", "Podilskyi district"]
    assert all(s.precision == "district" for s in kyiv.sublocations)
    assert kyiv.injured is not None and (kyiv.injured.value, kyiv.injured.qualifier) == (10, "at_least")
    assert kyiv.fatalities is None
    assert [w.category for w in kyiv.weapons] == ["missile"]
    assert {"residential building", "market", "power supply", "water supply"} <= set(kyiv.damage)
    assert kyiv.actor1 is not None and kyiv.actor1.country == "RU"
    source = kyiv.sources[0]
    assert (source.name, source.role, source.channel) == ("Vitali Klitschko", "Mayor of Kyiv", "Telegram")


def test_belgorod_attack(seed: DocumentResult) -> None:
    bel = _at(seed, "Belgorod")
    assert bel.location.country == "RU" and bel.location.admin1 == "Belgorod Oblast"
    assert bel.fatalities is not None and (bel.fatalities.value, bel.fatalities.children) == (25, 5)
    assert bel.actor1 is not None and bel.actor1.country == "UA"
    assert bel.date.start is None  # the article never says when
    assert [s.name for s in bel.sources] == ["local officials"]


def test_friday_attack_and_drone_wave(seed: DocumentResult) -> None:
    friday, drones = sorted((e for e in seed.events if e.location.precision == "country"), key=lambda e: e.date.start)
    assert friday.date.start == dt.date(2023, 12, 29)
    assert friday.fatalities is not None and (friday.fatalities.value, friday.fatalities.qualifier) == (40, "more_than")
    assert friday.injured is not None and friday.injured.value == 160
    assert drones.sub_event_type == "Air/drone strike"
    assert (drones.date.start, drones.date.end, drones.date.precision) == (
        dt.date(2023, 12, 31),
        dt.date(2024, 1, 1),
        "range",
    )
    [weapon] = drones.weapons
    assert (weapon.category, weapon.model, weapon.launched, weapon.intercepted) == ("drone", "Shahed", 90, 87)


def test_new_year_shelling(seed: DocumentResult) -> None:
    odesa, kherson = _at(seed, "Odesa Oblast"), _at(seed, "Kherson")
    assert odesa.location.precision == "admin1"
    assert kherson.location.precision == "town"
    for e in (odesa, kherson):
        assert e.date.start == dt.date(2024, 1, 1)
        assert e.fatalities is not None and e.fatalities.value == 1
        assert e.actor1 is not None and e.actor1.country == "RU"


def test_every_evidence_span_points_at_text(seed: DocumentResult, pipeline) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("seed", "kyiv-strikes.txt").read_text(encoding="utf-8")
    for event in seed.events:
        fields = {ev.field for ev in event.evidence}
        assert {"location"} <= fields
        for ev in event.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert text[ev.start : ev.end].strip()
    kyiv = _at(seed, "Kyiv")
    date_ev = next(ev for ev in kyiv.evidence if ev.field == "date")
    assert text[date_ev.start : date_ev.end] == "on Tuesday morning"


def test_claims_have_speakers_and_dates(seed: DocumentResult) -> None:
    by_text = {c.text: c for c in seed.claims}
    threat = next(c for t, c in by_text.items() if t.startswith("We will intensify the attacks"))
    assert threat.speaker == "Vladimir Putin" and threat.date.start == dt.date(2024, 1, 1)
    assert by_text["only on our terms"].speaker == "Vladimir Putin"
    assert by_text["I only see the actions of a terrorist nation"].speaker == "Volodymyr Zelenskiy"
    assert any(c.speaker == "Ukraine" and "record" in c.text for c in seed.claims)


def test_ids_are_stable(seed: DocumentResult, pipeline) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("seed", "kyiv-strikes.txt").read_text(encoding="utf-8")
    again = pipeline.run(Document(id="kyiv-strikes", text=text, published=dt.date(2024, 1, 2)))
    assert [e.id for e in again.events] == [e.id for e in seed.events]
    assert len({e.id for e in seed.events}) == len(seed.events)


def test_without_publication_date_relative_dates_stay_unresolved(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = shared_path("seed", "kyiv-strikes.txt").read_text(encoding="utf-8")
    result = pipeline.run(Document(id="kyiv-strikes", text=text))
    assert any("no publication date" in w for w in result.warnings)
    kyiv = _at(result, "Kyiv")
    assert kyiv.date.start is None and kyiv.date.precision == "unknown" and kyiv.date.text == "on Tuesday morning"
