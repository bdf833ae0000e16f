"""Metric values on hand-made predictions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conflictlens.evaluate.gold import GoldDoc, GoldSet, GoldWeapon
from conflictlens.evaluate.metrics import MISSED, evaluate

from evaluate_helpers import KHERSON, gold_event, north_of, pred_event


def _set(docs: list[GoldDoc], fmt: str = "conflictlens") -> GoldSet:
    return GoldSet(path=Path("made-up.json"), format=fmt, docs=docs)  # type: ignore[arg-type]


def _preds(**docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {doc_id: {"id": doc_id, "events": events} for doc_id, events in docs.items()}


def test_twenty_km_counts_for_25_km_not_10_km() -> None:
    gold = _set([GoldDoc("d", "text", events=[gold_event()])])
    ev = evaluate(gold, _preds(d=[pred_event(lat=north_of(KHERSON[0], 20))]))
    f = ev.fields
    assert (f["geo_10km"].correct, f["geo_25km"].correct, f["geo_50km"].correct) == (0, 1, 1)
    assert f["geo_10km"].matched == 1 and f["geo_10km"].total == 1
    assert f["admin1"].correct == 1  # "Kherson Oblast" == "Kherson"


def test_detection_and_fields_count_misses_and_spurious_events() -> None:
    gold = _set(
        [
            GoldDoc("a", "t", events=[gold_event("k"), gold_event("opt", required=False, lat=50.0, lon=36.0)]),
            GoldDoc("b", "t", events=[gold_event("missed", sub="Air/drone strike")]),
        ]
    )
    far = pred_event(name="far", sub="Armed clash", etype="Battles", day="2020-01-01", lat=60.0, lon=10.0)
    preds = _preds(a=[pred_event(day="2024-01-02"), pred_event(name="opt", lat=50.0, lon=36.0), far])
    ev = evaluate(gold, preds)
    d = ev.detection
    assert (d.tp, d.fp, d.fn, d.optional_matched) == (1, 1, 1, 1)
    assert d.precision == 0.5 and d.recall == 0.5 and d.f1 == 0.5
    assert ev.missing_predictions == 1 and ev.n_required == 2 and ev.n_pred_events == 3
    assert (ev.fields["date_exact"].correct, ev.fields["date_1day"].correct) == (0, 1)
    assert ev.fields["sub_event_type"].total == 2 and ev.fields["sub_event_type"].on_matched == 1.0
    sub_conf = ev.confusion["sub_event_type"]
    assert sub_conf[("Shelling/artillery/missile attack", "Shelling/artillery/missile attack")] == 1
    assert sub_conf[("Air/drone strike", MISSED)] == 1
    assert ev.worst[0].doc_id == "a" and any(e.startswith("spurious") for e in ev.worst[0].errors)


def test_split_tolls_are_excluded_from_fatalities_and_counted() -> None:
    docs = [
        GoldDoc(
            "s", "split", events=[gold_event("s", fatalities=4, fatalities_split=True, missing_count_is_zero=True)]
        ),
        GoldDoc("n", "normal", events=[gold_event("n", fatalities=10, missing_count_is_zero=True)]),
        GoldDoc("z", "zero", events=[gold_event("z", fatalities=0, missing_count_is_zero=True)]),
    ]
    preds = _preds(s=[pred_event(fatalities={"value": 4})], n=[pred_event(fatalities={"value": 11})], z=[pred_event()])
    ev = evaluate(_set(docs, "acled"), preds)
    assert ev.split_excluded == 1
    f = ev.fields
    assert (f["fatalities"].correct, f["fatalities"].total) == (1, 2)  # z: no count means 0 for ACLED
    assert (f["fatalities_10pct"].correct, f["fatalities_nonzero"].total) == (2, 1)
    assert ev.reference.metrics["fatalities"] == [1, 2]
    assert ev.to_json_dict()["fatalities_split_excluded"] == 1


def test_own_gold_counts_weapons_injured_and_sides() -> None:
    g = gold_event(
        injured=160,
        fatalities=None,
        actor1_side="RU",
        weapons=[GoldWeapon("drone", "Shahed", launched=90, intercepted=87)],
    )
    p = pred_event(
        injured={"value": 150, "qualifier": "more_than"},
        actor1={"name": "Military Forces of Russia", "country": "RU"},
        weapons=[{"category": "drone", "launched": 90, "intercepted": 80}],
    )
    ev = evaluate(_set([GoldDoc("d", "t", events=[g])]), _preds(d=[p]))
    f = ev.fields
    assert (f["injured"].correct, f["injured_10pct"].correct) == (0, 1)
    assert f["fatalities"].correct == 1  # gold gives no number, neither does the prediction
    assert (f["weapons_launched"].correct, f["weapons_intercepted"].correct) == (1, 0)
    assert f["actor1_side"].correct == 1


def test_predictions_on_gold_non_events_are_counted() -> None:
    text = "Shelling hit Kherson. Over 10,000 civilians killed since 2022."
    doc = GoldDoc("d", text, events=[gold_event()], not_events=["Over 10,000 civilians killed since 2022"])
    start = text.index("Over")
    spurious = pred_event(
        name="agg",
        day="2022-02-24",
        lat=50.0,
        lon=30.0,
        sub="Attack",
        etype="Violence against civilians",
        evidence=[{"field": "fatalities", "start": start + 5, "end": start + 11}],
    )
    ev = evaluate(_set([doc]), _preds(d=[pred_event(), spurious]))
    assert ev.detection.fp == 1 and ev.not_event_predictions == 1
