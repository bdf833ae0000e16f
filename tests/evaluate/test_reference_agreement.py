"""Our reference-compatible numbers equal those of ``shared/eval/score.py`` on the same predictions.

Independent of extraction quality: predictions are made-up perturbations of the gold (every metric gets hits and
misses), and, once the pipeline is importable, also the real pipeline's output.  For the ACLED slice, predictions
exist only for the first 100 rows of acled-dev and both scorers score the whole set: documents without predictions
are misses in both.  score.py's UCDP rule is checked on a made-up GED file by pointing the scorer module at it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conflictlens.evaluate.gold import GoldSet, read_gold
from conflictlens.evaluate.normalise import norm_admin, pred_side, side
from conflictlens.evaluate.reference import reference_view

from evaluate_helpers import SCORE_PY, parse_score_output, require_shared


def _score_py(set_name: str, preds_path: Path) -> tuple[dict[str, list[int]], str]:
    out = subprocess.run(
        [sys.executable, str(SCORE_PY), "score", set_name, str(preds_path)], capture_output=True, text=True, check=True
    )
    return parse_score_output(out.stdout)


def _write(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _assert_agree(gold: GoldSet, set_name: str, docs: list[dict[str, Any]], tmp_path: Path) -> None:
    ref_metrics, ref_score = _score_py(set_name, _write(tmp_path / "preds.jsonl", docs))
    ours = reference_view(gold, {d["id"]: d for d in docs})
    assert ours.metrics == ref_metrics
    assert f"{ours.composite:.3f}" == ref_score


def _pipeline_predictions(inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from conflictlens.errors import ConfigError
    from conflictlens.evaluate.gold import GoldDoc
    from conflictlens.evaluate.predictions import run_pipeline

    try:
        preds, _ = run_pipeline([GoldDoc(d["id"], d["text"], published=d.get("published")) for d in inputs])
    except ConfigError as exc:
        if isinstance(exc.__cause__, ImportError):
            pytest.skip(f"the extraction pipeline is not importable yet: {exc}")
        raise
    return list(preds.values())


def _load_acled_slice(n: int = 100) -> list[dict[str, Any]]:
    shared = require_shared()
    with open(shared / "eval" / "acled-ukraine" / "dev.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(n), f, strict=False)]


def _perturbed_acled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = []
    for i, r in enumerate(rows):
        fat = int(r["fatalities"] or 0)
        ev = {
            "id": f"e{i}",
            "event_type": r["event_type"] if i % 4 else "Battles",
            "sub_event_type": r["sub_event_type"] if i % 3 else "Armed clash",
            "date": {"start": r["event_date"] if i % 5 else "2020-01-01", "precision": "day"},
            "location": {
                "name": r["location"],
                "admin1": r["admin1"] if i % 6 else "Kiev Oblast",
                "lat": float(r["latitude"]) + (0.3 if i % 2 else 0.0),
                "lon": float(r["longitude"]),
            },
            "actor1": [None, {"name": "Military Forces of Russia", "country": "RU"}, {"name": "Ukrainian army"}][i % 3],
            "fatalities": {"value": fat + (i % 2)} if i % 7 else None,
        }
        decoy = dict(ev, id=f"d{i}", sub_event_type="Attack", location={"name": "x", "lat": 0.0, "lon": 0.0})
        events = [] if i % 10 == 0 else ([decoy, ev] if i % 8 == 0 else [ev])
        docs.append({"id": r["event_id_cnty"], "events": events})
    return docs


def test_acled_dev_slice_agrees_with_score_py(tmp_path: Path) -> None:
    rows = _load_acled_slice()
    gold = read_gold(SCORE_PY.parent / "acled-ukraine" / "dev.jsonl")
    assert gold.docs[0].id == rows[0]["event_id_cnty"]
    _assert_agree(gold, "acled-dev", _perturbed_acled(rows), tmp_path)


def test_acled_dev_slice_pipeline_output_agrees_with_score_py(tmp_path: Path) -> None:
    rows = _load_acled_slice()
    docs = _pipeline_predictions([{"id": r["event_id_cnty"], "text": r["notes"]} for r in rows])
    assert len(docs) == len(rows)
    _assert_agree(read_gold(SCORE_PY.parent / "acled-ukraine" / "dev.jsonl"), "acled-dev", docs, tmp_path)


def _seed_gold() -> GoldSet:
    return read_gold(require_shared() / "seed" / "kyiv-strikes.gold.json")


def _seed_variants() -> list[list[dict[str, Any]]]:
    raw = json.loads((require_shared() / "seed" / "kyiv-strikes.gold.json").read_text(encoding="utf-8"))
    perfect = []
    for i, g in enumerate(raw["events"]):
        ev = {
            k: g[k]
            for k in ("event_type", "sub_event_type", "date", "location", "actor1", "fatalities", "injured", "weapons")
        }
        perfect.append(dict(ev, id=f"e{i}"))
    wrong = []
    for i, ev in enumerate(perfect):
        loc = dict(ev["location"], lat=ev["location"]["lat"] + 0.3 * (i % 2), admin1=None if i % 3 else "Kyiv")
        wrong.append(
            dict(
                ev,
                location=loc,
                sub_event_type="Air/drone strike",
                fatalities={"value": 1} if i % 2 else None,
                actor1={"name": "Ukrainian forces"} if i % 2 else None,
                weapons=[{"category": "drone", "launched": 90, "intercepted": 80}],
            )
        )
    spurious = {
        "id": "x",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": {"start": "2023-01-01"},
        "location": {"name": "Avdiivka", "lat": 48.14, "lon": 37.74, "country": "UA"},
    }
    return [perfect, wrong, [spurious, *reversed(perfect)], []]


def test_seed_agrees_with_score_py(tmp_path: Path) -> None:
    gold = _seed_gold()
    for events in _seed_variants():
        _assert_agree(gold, "seed", [{"id": "kyiv-strikes", "events": events}], tmp_path)


def test_seed_pipeline_output_agrees_with_score_py(tmp_path: Path) -> None:
    gold = _seed_gold()
    doc = gold.docs[0]
    docs = _pipeline_predictions([{"id": doc.id, "text": doc.text, "published": doc.published}])
    _assert_agree(gold, "seed", docs, tmp_path)


def _score_module(here: Path) -> ModuleType:
    require_shared()
    spec = importlib.util.spec_from_file_location("reference_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = here  # type: ignore[attr-defined]
    return module


def test_ucdp_rule_agrees_with_score_py_on_made_up_ged(tmp_path: Path) -> None:
    require_shared()
    (tmp_path / "ucdp-ukraine").mkdir()
    rows = [
        {
            "id": "1",
            "date_start": "2022-03-01",
            "date_end": "2022-03-01",
            "where_description": "Kharkiv",
            "adm_1": "",
            "adm_2": "",
            "latitude": "49.99",
            "longitude": "36.23",
            "best": "5",
            "low": "4",
            "high": "9",
            "source_headline": "made up 1",
        },
        {
            "id": "2",
            "date_start": "2022-03-02",
            "date_end": "2022-03-02",
            "where_description": "Sumy",
            "adm_1": "",
            "adm_2": "",
            "latitude": "50.91",
            "longitude": "34.80",
            "best": "0",
            "low": "0",
            "high": "0",
            "source_headline": "made up 2",
        },
        {
            "id": "3",
            "date_start": "2022-03-03",
            "date_end": "2022-03-03",
            "where_description": "Izium",
            "adm_1": "",
            "adm_2": "",
            "latitude": "49.21",
            "longitude": "37.25",
            "best": "2",
            "low": "2",
            "high": "2",
            "source_headline": "made up 3",
        },
    ]
    path = _write(tmp_path / "ucdp-ukraine" / "headlines.jsonl", rows)
    preds = {
        "1": {"id": "1", "events": [{"location": {"lat": 50.3, "lon": 36.2}, "fatalities": {"value": 5}}]},
        "2": {"id": "2", "events": [{"location": {"lat": 52.0, "lon": 34.8}}]},
    }
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _score_module(tmp_path).score_ucdp(preds)
    ref_metrics, ref_score = parse_score_output(buf.getvalue())
    ours = reference_view(read_gold(path), preds)
    assert ours.metrics == ref_metrics == {"detected": [2, 3], "geo_50km": [1, 3], "deaths_best": [1, 2]}
    assert f"{ours.composite:.3f}" == ref_score


def test_normalisation_agrees_with_score_py(tmp_path: Path) -> None:
    ref = _score_module(tmp_path)
    names = {r["admin1"] for r in _load_acled_slice(2000)} | {r["actor1"] for r in _load_acled_slice(2000)}
    names |= {
        "Kiev Oblast",
        "Kyiv City",
        "Odessa region",
        "Zaporozhye",
        "Autonomous Republic of Crimea",
        "Dnipro",
        "Kropyvnytskyi",
        "Ivano-Frankivsk Oblast",
        "Khmelnytskyy",
        "Zhitomir",
        "Rovno",
        "Lugansk People's Republic",
        "NAFU",
        "Wagner Group",
        "",
        None,
        "Belgorod Oblast",
        "Vinnytsya",
        "Zaporizhzhya",
    }
    for name in names:
        assert norm_admin(name) == ref.norm_admin(name), name
        assert side(name) == ref.side(name), name
    for actor in (None, {}, {"name": "x", "country": "RU"}, {"name": "Ukrainian army"}, {"name": "a", "country": "BY"}):
        assert pred_side(actor) == ref.pred_side(actor)
