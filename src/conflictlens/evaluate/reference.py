"""The reference-compatible view: the metrics of ``shared/eval/score.py``, computed the same way.

The reference scorer does not match events one to one.  For ACLED it takes, per gold row, the predicted event of that
document with the best ``2*[sub-event type] + [event type] + [date] - min(km, 1000)/1000``; for UCDP it asks whether
*any* predicted event of the headline is within 50 km / has the gold death toll; for our own gold (the seed) it takes,
per gold event in gold order, the first not yet used prediction that is compatible in place and date.  This module
reproduces those rules on a :class:`~conflictlens.evaluate.gold.GoldSet` so that the numbers conflictlens prints under
"reference-compatible" are the numbers ``score.py`` prints for the same predictions (checked by
``tests/evaluate/test_reference_agreement.py``).  Documents without a prediction score as misses, as in score.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conflictlens.evaluate.gold import ACLED_SIDE_EVENT_TYPES, GoldDoc, GoldEvent, GoldSet
from conflictlens.evaluate.normalise import count_value, km, norm_admin, pred_side

ACLED_COMPOSITE = ("sub_event_type", "date", "geo_25km", "fatalities", "actor1_side")
UCDP_COMPOSITE = ("geo_50km", "deaths_best")
SEED_KEYS = (
    "required_found",
    "precision",
    "sub_event_type",
    "fatalities",
    "injured",
    "weapons_launched",
    "weapons_intercepted",
    "actor1_side",
)


@dataclass
class ReferenceView:
    """Counts ``name -> [hits, total]`` in score.py's order, and the composite score.py prints as ``SCORE``."""

    rule: str
    metrics: dict[str, list[int]]
    composite_keys: tuple[str, ...] = field(default_factory=tuple)

    @property
    def composite(self) -> float:
        parts = [num / den for k in self.composite_keys for num, den in [self.metrics[k]] if den]
        return round(sum(parts) / len(parts), 3) if parts else 0.0

    def ratio(self, name: str) -> float:
        num, den = self.metrics[name]
        return num / den if den else 0.0


def _events(preds: dict[str, dict[str, Any]], doc_id: str) -> list[dict[str, Any]]:
    return list(preds.get(doc_id, {}).get("events") or [])


def _hit(m: dict[str, list[int]], key: str, ok: bool) -> None:
    m[key][1] += 1
    m[key][0] += bool(ok)


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def acled_best(g: GoldEvent, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """score.py's choice of the predicted event for an ACLED row (first of the best on ties)."""
    gold_date = _iso(g.date_start)

    def score(e: dict[str, Any]) -> float:
        loc = e.get("location") or {}
        start = (e.get("date") or {}).get("start")
        return (
            (e.get("sub_event_type") == g.sub_event_type) * 2
            + (e.get("event_type") == g.event_type)
            + (gold_date is not None and start == gold_date)
            - min(km(g.location.lat, g.location.lon, loc.get("lat"), loc.get("lon")), 1000) / 1000
        )

    return max(events, key=score) if events else None


def reference_acled(docs: list[GoldDoc], preds: dict[str, dict[str, Any]]) -> ReferenceView:
    keys = ("detected", "event_type", "sub_event_type", "date", "geo_25km", "admin1")
    m: dict[str, list[int]] = {k: [0, 0] for k in (*keys, "fatalities", "fatalities_nonzero", "actor1_side")}
    for doc in docs:
        for g in doc.events:
            ev = acled_best(g, _events(preds, doc.id)) or {}
            loc = ev.get("location") or {}
            gold_date = _iso(g.date_start)
            _hit(m, "detected", bool(ev))
            _hit(m, "event_type", ev.get("event_type") == g.event_type)
            _hit(m, "sub_event_type", ev.get("sub_event_type") == g.sub_event_type)
            _hit(m, "date", gold_date is not None and (ev.get("date") or {}).get("start") == gold_date)
            _hit(m, "geo_25km", km(g.location.lat, g.location.lon, loc.get("lat"), loc.get("lon")) <= 25)
            _hit(m, "admin1", norm_admin(loc.get("admin1")) == norm_admin(g.location.admin1) != "")
            if not g.fatalities_split:
                gold_f = g.fatalities or 0
                got = count_value(ev.get("fatalities")) or 0
                _hit(m, "fatalities", bool(ev) and got == gold_f)
                if gold_f > 0:
                    _hit(m, "fatalities_nonzero", got == gold_f)
            if g.event_type in ACLED_SIDE_EVENT_TYPES:
                _hit(m, "actor1_side", pred_side(ev.get("actor1")) == g.actor1_side)
    return ReferenceView("score.py acled: best prediction per gold row", m, ACLED_COMPOSITE)


def reference_ucdp(docs: list[GoldDoc], preds: dict[str, dict[str, Any]]) -> ReferenceView:
    m: dict[str, list[int]] = {k: [0, 0] for k in ("detected", "geo_50km", "deaths_best")}
    for doc in docs:
        evs = _events(preds, doc.id)
        for g in doc.events:
            _hit(m, "detected", bool(evs))
            near = any(
                km(
                    g.location.lat,
                    g.location.lon,
                    (e.get("location") or {}).get("lat"),
                    (e.get("location") or {}).get("lon"),
                )
                <= 50
                for e in evs
            )
            _hit(m, "geo_50km", near)
            if (g.fatalities or 0) > 0:
                _hit(m, "deaths_best", any(count_value(e.get("fatalities")) == g.fatalities for e in evs))
    return ReferenceView("score.py ucdp: any prediction of the headline", m, UCDP_COMPOSITE)


def seed_compatible(g: GoldEvent, e: dict[str, Any]) -> bool:
    """score.py's place-and-date compatibility of a prediction with one of our gold events."""
    gl, el = g.location, e.get("location") or {}
    dist = km(gl.lat, gl.lon, el.get("lat"), el.get("lon"))
    if gl.precision in ("town", "district", "point"):
        place = dist <= 25
    elif gl.precision == "admin1":
        place = norm_admin(el.get("admin1")) == norm_admin(gl.admin1) or dist <= 100
    else:
        place = el.get("country") == gl.country and el.get("precision") in ("country", "admin1", None)
    when = g.date_start is None or (e.get("date") or {}).get("start") in (_iso(g.date_start), _iso(g.date_end))
    return place and when


def reference_seed(docs: list[GoldDoc], preds: dict[str, dict[str, Any]]) -> ReferenceView:
    m: dict[str, list[int]] = {k: [0, 0] for k in SEED_KEYS}
    for doc in docs:
        evs = _events(preds, doc.id)
        matched: set[int] = set()
        for g in doc.events:
            cands = [i for i, e in enumerate(evs) if i not in matched and seed_compatible(g, e)]
            i = cands[0] if cands else None
            if i is not None:
                matched.add(i)
            if not g.required:
                continue
            _hit(m, "required_found", i is not None)
            e = evs[i] if i is not None else {}
            if g.sub_event_type:
                _hit(m, "sub_event_type", e.get("sub_event_type") == g.sub_event_type)
            _hit(m, "fatalities", bool(e) and count_value(e.get("fatalities")) == g.fatalities)
            _hit(m, "injured", bool(e) and count_value(e.get("injured")) == g.injured)
            for w in g.weapons:
                for k in ("launched", "intercepted"):
                    want = getattr(w, k)
                    if want is not None:
                        _hit(m, f"weapons_{k}", want in [x.get(k) for x in e.get("weapons") or []])
            if g.actor1_side is not None:
                _hit(m, "actor1_side", pred_side(e.get("actor1")) == g.actor1_side)
        m["precision"][1] += len(evs)
        m["precision"][0] += len(matched)
    return ReferenceView("score.py seed: first compatible prediction per gold event", m, SEED_KEYS)


REFERENCE_RULES: dict[str, Callable[[list[GoldDoc], dict[str, dict[str, Any]]], ReferenceView]] = {
    "acled": reference_acled,
    "ucdp": reference_ucdp,
    "conflictlens": reference_seed,
}


def reference_view(gold: GoldSet, preds: dict[str, dict[str, Any]]) -> ReferenceView:
    """score.py's metrics for ``gold`` (its format picks the rule) and ``preds`` (doc id -> document result dict)."""
    return REFERENCE_RULES[gold.format](gold.docs, preds)
