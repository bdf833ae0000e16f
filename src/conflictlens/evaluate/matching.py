"""One-to-one matching of predicted events to gold events within a document.

The rule
--------
Every (gold, predicted) pair of one document gets a score in ``[0, 3]``, the sum of three parts:

* **type** -- 1 when the sub-event types are equal, 0.5 when only the event types are equal (or the gold has no type),
  else 0;
* **date** -- 1 when the predicted ``[start, end]`` overlaps the gold one, 0.5 when they are at most one day apart or
  the gold date is unknown, else 0 (also 0 when the prediction has no date);
* **place** -- for a gold place coded to a point, district, town or admin2: ``1 - km / 100`` (0 beyond 100 km or
  without coordinates); for an admin1-precision gold: 1 when the admin1 names agree (:func:`norm_admin`) or the point
  is within 100 km; for a country-precision gold: 1 when the countries agree.

A pair may be matched only when its score is at least :data:`MIN_MATCH_SCORE` (1.0: one part fully right, or two
parts half right).  Among the eligible pairs, the assignment that maximises the total score is chosen (Hungarian
algorithm), so each gold event matches at most one prediction and vice versa; required gold events win ties over
optional ones.  This is the project's own view.  The reference scorer matches differently (best prediction per gold
event, predictions may be reused); :mod:`conflictlens.evaluate.reference` reproduces that view.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from conflictlens.evaluate.gold import GoldEvent
from conflictlens.evaluate.normalise import km, norm_admin

MIN_MATCH_SCORE = 1.0
PLACE_SCALE_KM = 100.0
REQUIRED_BONUS = 0.01
COARSE_PRECISIONS = ("admin1", "country")


@dataclass(frozen=True)
class Match:
    """A matched pair: index of the gold event, index of the predicted event, and the pair's score."""

    gold: int
    pred: int
    score: float


def pred_dates(event: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """A predicted event's date range (``end`` defaults to ``start``); ``(None, None)`` when it has none."""
    date = event.get("date") or {}
    try:
        start = dt.date.fromisoformat(date["start"]) if date.get("start") else None
        end = dt.date.fromisoformat(date["end"]) if date.get("end") else start
    except (TypeError, ValueError):
        return None, None
    return start, end or start


def type_score(gold: GoldEvent, pred: dict[str, Any]) -> float:
    if gold.sub_event_type and pred.get("sub_event_type") == gold.sub_event_type:
        return 1.0
    if gold.event_type is None or pred.get("event_type") == gold.event_type:
        return 0.5
    return 0.0


def date_score(gold: GoldEvent, pred: dict[str, Any]) -> float:
    if gold.date_start is None:
        return 0.5
    p_start, p_end = pred_dates(pred)
    if p_start is None or p_end is None:
        return 0.0
    g_end = gold.date_end or gold.date_start
    if p_start <= g_end and gold.date_start <= p_end:
        return 1.0
    gap = max((p_start - g_end).days, (gold.date_start - p_end).days)
    return 0.5 if gap <= 1 else 0.0


def place_score(gold: GoldEvent, pred: dict[str, Any]) -> float:
    gl = gold.location
    loc = pred.get("location") or {}
    dist = km(gl.lat, gl.lon, loc.get("lat"), loc.get("lon"))
    if gl.precision == "country":
        return 1.0 if gl.country and loc.get("country") == gl.country else 0.0
    if gl.precision == "admin1":
        same = norm_admin(gl.admin1) != "" and norm_admin(loc.get("admin1")) == norm_admin(gl.admin1)
        return 1.0 if same or dist <= PLACE_SCALE_KM else 0.0
    if math.isinf(dist):
        return 0.0
    return max(0.0, 1.0 - dist / PLACE_SCALE_KM)


def pair_score(gold: GoldEvent, pred: dict[str, Any]) -> float:
    """The matching score of one pair (see the module docstring)."""
    return type_score(gold, pred) + date_score(gold, pred) + place_score(gold, pred)


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment of a square matrix: ``result[row] = column`` (O(n^3), potentials method)."""
    n = len(cost)
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)  # p[col] = row assigned to col (1-based, 0 = none)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    result = [-1] * n
    for j in range(1, n + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def match_events(gold: list[GoldEvent], preds: list[dict[str, Any]]) -> list[Match]:
    """The best one-to-one matching of ``gold`` to ``preds`` under the rule above, sorted by gold index."""
    if not gold or not preds:
        return []
    scores = [[pair_score(g, p) for p in preds] for g in gold]
    n = max(len(gold), len(preds))
    # Ineligible pairs and padding cost 0; an eligible pair costs -(score [+ bonus]), so it is always preferred.
    cost = [[0.0] * n for _ in range(n)]
    for i, g in enumerate(gold):
        for j in range(len(preds)):
            if scores[i][j] >= MIN_MATCH_SCORE:
                cost[i][j] = -(scores[i][j] + (REQUIRED_BONUS if g.required else 0.0))
    assignment = _hungarian(cost)
    return [
        Match(i, j, scores[i][j])
        for i, j in enumerate(assignment[: len(gold)])
        if 0 <= j < len(preds) and scores[i][j] >= MIN_MATCH_SCORE
    ]
