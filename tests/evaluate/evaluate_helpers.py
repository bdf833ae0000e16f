"""Builders of made-up gold events and predicted event dicts for the evaluator's tests."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from conflictlens.evaluate.gold import GoldEvent, GoldPlace

KHERSON = (46.6354, 32.6169)
KM_PER_DEG_LAT = 111.2


def gold_event(
    gold_id: str = "g",
    *,
    sub: str | None = "Shelling/artillery/missile attack",
    etype: str | None = "Explosions/Remote violence",
    day: str | None = "2024-01-01",
    lat: float | None = KHERSON[0],
    lon: float | None = KHERSON[1],
    admin1: str | None = "Kherson",
    precision: str = "town",
    **kw: Any,
) -> GoldEvent:
    d = dt.date.fromisoformat(day) if day else None
    return GoldEvent(
        gold_id=gold_id,
        event_type=etype,
        sub_event_type=sub,
        date_start=d,
        date_end=d,
        location=GoldPlace(name=gold_id, admin1=admin1, lat=lat, lon=lon, precision=precision, country="UA"),
        **kw,
    )


def pred_event(
    *,
    sub: str | None = "Shelling/artillery/missile attack",
    etype: str = "Explosions/Remote violence",
    day: str | None = "2024-01-01",
    lat: float | None = KHERSON[0],
    lon: float | None = KHERSON[1],
    admin1: str | None = "Kherson Oblast",
    name: str = "P",
    **kw: Any,
) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "id": name,
        "event_type": etype,
        "sub_event_type": sub,
        "date": {"start": day, "end": day, "precision": "day" if day else "unknown"},
        "location": {"name": name, "admin1": admin1, "lat": lat, "lon": lon, "precision": "town"},
    }
    ev.update(kw)
    return ev


def north_of(lat: float, km: float) -> float:
    """A latitude ``km`` north of ``lat`` (same longitude)."""
    return lat + km / KM_PER_DEG_LAT


REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCORE_PY = SHARED / "eval" / "score.py"
_LINE = re.compile(r"^(\w+)\s+(\d+)/(\d+)\s+[\d.]+$")


def require_shared() -> Path:
    """``../shared`` beside the repository, or skip the test."""
    if not SCORE_PY.exists():
        pytest.skip(f"../shared is absent: {SHARED} (evaluation sets and score.py are needed for this test)")
    return SHARED


def parse_score_output(out: str) -> tuple[dict[str, list[int]], str]:
    """score.py's ``name hits/total ratio`` lines and the value of its ``SCORE set value`` line."""
    metrics: dict[str, list[int]] = {}
    score = ""
    for line in out.splitlines():
        if m := _LINE.match(line.strip()):
            metrics[m.group(1)] = [int(m.group(2)), int(m.group(3))]
        elif line.startswith("SCORE "):
            score = line.split()[-1]
    return metrics, score
