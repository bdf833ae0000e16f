"""Metrics of predicted events against gold, on the one-to-one matching of :mod:`conflictlens.evaluate.matching`.

Event detection: a matched required gold event is a true positive, an unmatched required gold event a false negative,
a prediction matched to no gold event a false positive (a prediction matched to an optional gold event is neither).

Field metrics are counted per required gold event that has the field: ``correct`` of ``total`` (end to end: a missed
event counts as wrong, as in the reference scorer) and of ``matched`` (how good the value is when the event was found):

* ``event_type``, ``sub_event_type`` -- exact ACLED strings, with a confusion matrix each (``(missed)`` when no
  prediction matched, ``(none)`` when the prediction has no value);
* ``date_exact`` (start and end equal), ``date_1day`` (start within one day);
* ``geo_10km``, ``geo_25km``, ``geo_50km`` -- gold coded to a point, district, town or admin2 with coordinates;
  ``admin1`` -- names compared with :func:`~conflictlens.evaluate.normalise.norm_admin`;
* ``fatalities``, ``fatalities_10pct`` (within +-10 %), ``fatalities_nonzero`` (gold > 0); ACLED rows whose notes say
  the toll was split across events are left out and counted in ``split_excluded``; for ACLED and UCDP a prediction
  without a count means 0; for UCDP also ``fatalities_low_high`` (within the gold low..high range);
* ``injured``, ``injured_10pct`` -- our own gold only (ACLED and UCDP code no injuries);
* ``actor1_side`` -- ``RU``/``UA``/``other`` as :func:`~conflictlens.evaluate.normalise.pred_side` reads it;
* ``weapons_launched``, ``weapons_intercepted`` -- the gold number appears among the matched event's weapons.

The reference scorer's own numbers are computed alongside by :mod:`conflictlens.evaluate.reference`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from conflictlens.evaluate.gold import GoldDoc, GoldEvent, GoldSet
from conflictlens.evaluate.matching import COARSE_PRECISIONS, Match, match_events, pred_dates
from conflictlens.evaluate.normalise import count_value, km, norm_admin, pred_side, within_pct
from conflictlens.evaluate.reference import ReferenceView, reference_view

MISSED = "(missed)"
NO_VALUE = "(none)"
GEO_THRESHOLDS_KM = (10, 25, 50)


@dataclass
class FieldScore:
    """``correct`` hits of ``total`` gold values, ``matched`` of which had a matching prediction."""

    name: str
    correct: int = 0
    matched: int = 0
    total: int = 0

    def add(self, found: bool, ok: bool) -> None:
        self.total += 1
        self.matched += found
        self.correct += found and ok

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def on_matched(self) -> float:
        return self.correct / self.matched if self.matched else 0.0


@dataclass
class Detection:
    """Event detection counts on the one-to-one matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocReport:
    """One document's errors, with what the HTML report needs to show them."""

    doc_id: str
    text: str
    errors: list[str]
    spans: list[tuple[int, int, str]]  # (start, end, label): evidence of predicted events and gold hints
    text_matches_predictions: bool = True


@dataclass
class Evaluation:
    """Everything measured for one gold set and one set of predictions."""

    gold_path: str
    gold_format: str
    n_docs: int
    n_gold_events: int
    n_required: int
    n_pred_events: int
    detection: Detection
    fields: dict[str, FieldScore]
    confusion: dict[str, Counter[tuple[str, str]]]
    reference: ReferenceView
    split_excluded: int = 0
    not_event_predictions: int = 0
    failures: dict[str, str] = field(default_factory=dict)
    missing_predictions: int = 0
    unknown_prediction_ids: int = 0
    worst: list[DocReport] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (no document texts)."""
        return {
            "gold": self.gold_path,
            "format": self.gold_format,
            "documents": self.n_docs,
            "gold_events": self.n_gold_events,
            "required_events": self.n_required,
            "predicted_events": self.n_pred_events,
            "failures": len(self.failures),
            "documents_without_prediction": self.missing_predictions,
            "unknown_prediction_ids": self.unknown_prediction_ids,
            "detection": {
                "tp": self.detection.tp,
                "fp": self.detection.fp,
                "fn": self.detection.fn,
                "optional_matched": self.detection.optional_matched,
                "precision": round(self.detection.precision, 4),
                "recall": round(self.detection.recall, 4),
                "f1": round(self.detection.f1, 4),
            },
            "fields": {
                name: {
                    "correct": f.correct,
                    "matched": f.matched,
                    "total": f.total,
                    "accuracy": round(f.accuracy, 4),
                    "accuracy_on_matched": round(f.on_matched, 4),
                }
                for name, f in self.fields.items()
            },
            "fatalities_split_excluded": self.split_excluded,
            "predictions_on_not_events": self.not_event_predictions,
            "confusion": {
                name: [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(c.items())]
                for name, c in self.confusion.items()
            },
            "reference": {
                "rule": self.reference.rule,
                "metrics": {k: {"hits": n, "total": d} for k, (n, d) in self.reference.metrics.items()},
                "composite_keys": list(self.reference.composite_keys),
                "composite": self.reference.composite,
            },
        }


def field_names(gold_format: str) -> list[str]:
    """The field metrics computed for a gold format, in display order."""
    names = ["event_type", "sub_event_type", "date_exact", "date_1day"]
    names += [f"geo_{t}km" for t in GEO_THRESHOLDS_KM] + ["admin1"]
    names += ["fatalities", "fatalities_10pct", "fatalities_nonzero"]
    if gold_format == "ucdp":
        names.append("fatalities_low_high")
    if gold_format == "conflictlens":
        names += ["injured", "injured_10pct"]
    names += ["actor1_side", "weapons_launched", "weapons_intercepted"]
    return names


def _label(value: Any) -> str:
    return str(value) if value else NO_VALUE


def _count(pred: dict[str, Any] | None, key: str, zero_if_missing: bool) -> int | None:
    got = count_value((pred or {}).get(key))
    return (got or 0) if zero_if_missing else got


def _summary_gold(g: GoldEvent) -> str:
    when = g.date_start.isoformat() if g.date_start else "undated"
    return f"{g.sub_event_type or g.event_type or 'event'} at {g.location.name or '?'} on {when}"


def _summary_pred(p: dict[str, Any]) -> str:
    when = (p.get("date") or {}).get("start") or "undated"
    place = (p.get("location") or {}).get("name") or "?"
    return f"{p.get('sub_event_type') or p.get('event_type') or 'event'} at {place} on {when}"


def score_pair(
    g: GoldEvent, p: dict[str, Any] | None, fields: dict[str, FieldScore], gold_format: str
) -> list[tuple[str, Any, Any]]:
    """Add one required gold event (and its match, or ``None``) to ``fields``; return the wrong fields of a match."""
    found = p is not None
    pe = p or {}
    wrong: list[tuple[str, Any, Any]] = []

    def add(name: str, ok: bool, gold_value: Any, pred_value: Any) -> None:
        fields[name].add(found, ok)
        if found and not ok:
            wrong.append((name, gold_value, pred_value))

    if g.event_type:
        add("event_type", pe.get("event_type") == g.event_type, g.event_type, pe.get("event_type"))
    if g.sub_event_type:
        add("sub_event_type", pe.get("sub_event_type") == g.sub_event_type, g.sub_event_type, pe.get("sub_event_type"))
    if g.date_start:
        p_start, p_end = pred_dates(pe)
        g_end = g.date_end or g.date_start
        add("date_exact", (p_start, p_end) == (g.date_start, g_end), g.date_start, p_start)
        close = p_start is not None and abs((p_start - g.date_start).days) <= 1
        add("date_1day", close, g.date_start, p_start)
    loc = pe.get("location") or {}
    gl = g.location
    if gl.precision not in COARSE_PRECISIONS and gl.lat is not None and gl.lon is not None:
        dist = km(gl.lat, gl.lon, loc.get("lat"), loc.get("lon"))
        for t in GEO_THRESHOLDS_KM:
            add(f"geo_{t}km", dist <= t, gl.name, f"{loc.get('name')} ({dist:.0f} km)")
    if norm_admin(gl.admin1):
        add("admin1", norm_admin(loc.get("admin1")) == norm_admin(gl.admin1), gl.admin1, loc.get("admin1"))
    if not g.fatalities_split:
        got = _count(p, "fatalities", g.missing_count_is_zero)
        add("fatalities", got == g.fatalities, g.fatalities, got)
        add("fatalities_10pct", within_pct(got, g.fatalities), g.fatalities, got)
        if (g.fatalities or 0) > 0:
            add("fatalities_nonzero", got == g.fatalities, g.fatalities, got)
        if "fatalities_low_high" in fields and g.fatalities_low is not None and g.fatalities_high is not None:
            in_range = got is not None and g.fatalities_low <= got <= g.fatalities_high
            add("fatalities_low_high", in_range, f"{g.fatalities_low}..{g.fatalities_high}", got)
    if "injured" in fields:
        got = _count(p, "injured", False)
        add("injured", got == g.injured, g.injured, got)
        add("injured_10pct", within_pct(got, g.injured), g.injured, got)
    if g.actor1_side is not None:
        got_side = pred_side(pe.get("actor1"))
        add("actor1_side", got_side == g.actor1_side, g.actor1_side, got_side)
    for w in g.weapons:
        for k in ("launched", "intercepted"):
            want = getattr(w, k)
            if want is not None:
                values = [x.get(k) for x in pe.get("weapons") or []]
                add(f"weapons_{k}", want in values, want, values)
    return wrong


def _not_event_spans(doc: GoldDoc) -> list[tuple[int, int]]:
    spans = []
    for phrase in doc.not_events:
        start = doc.text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = doc.text.find(phrase, start + 1)
    return spans


def _evidence(p: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(e["start"]), int(e["end"])) for e in p.get("evidence") or [] if "start" in e and "end" in e]


def evaluate(
    gold: GoldSet,
    predictions: dict[str, dict[str, Any]],
    failures: dict[str, str] | None = None,
    *,
    worst: int = 25,
) -> Evaluation:
    """Score ``predictions`` (doc id -> document result dict, as in the JSON Lines of ``extract``) against ``gold``.

    ``failures`` (doc id -> error) are documents extraction could not process; they score as documents without events.
    ``worst`` documents with the most errors are kept, with their texts, for the HTML report.
    """
    import hashlib

    fields = {name: FieldScore(name) for name in field_names(gold.format)}
    confusion: dict[str, Counter[tuple[str, str]]] = {"event_type": Counter(), "sub_event_type": Counter()}
    det = Detection()
    split_excluded = not_event_preds = missing = n_preds = n_required = 0
    reports: list[DocReport] = []
    gold_ids = {d.id for d in gold.docs}
    for doc in gold.docs:
        result = predictions.get(doc.id)
        if result is None:
            missing += 1
        preds = list((result or {}).get("events") or [])
        n_preds += len(preds)
        matches: list[Match] = match_events(doc.events, preds)
        by_gold = {m.gold: m.pred for m in matches}
        matched_preds = set(by_gold.values())
        errors: list[str] = []
        for i, g in enumerate(doc.events):
            j = by_gold.get(i)
            if not g.required:
                det.optional_matched += j is not None
                continue
            n_required += 1
            split_excluded += g.fatalities_split
            p = preds[j] if j is not None else None
            if p is None:
                det.fn += 1
                errors.append(f"missed: {_summary_gold(g)}")
            else:
                det.tp += 1
            for key in ("event_type", "sub_event_type"):
                gold_value = getattr(g, key)
                if gold_value:
                    confusion[key][(gold_value, _label(p.get(key)) if p is not None else MISSED)] += 1
            for name, gv, pv in score_pair(g, p, fields, gold.format):
                errors.append(f"{name}: gold {gv}, predicted {pv} ({g.gold_id})")
        ne_spans = _not_event_spans(doc)
        for j, p in enumerate(preds):
            if j in matched_preds:
                continue
            det.fp += 1
            on_not_event = any(a < ne_end and ne_start < b for a, b in _evidence(p) for ne_start, ne_end in ne_spans)
            not_event_preds += on_not_event
            errors.append(f"spurious{' (a gold non-event)' if on_not_event else ''}: {_summary_pred(p)}")
        if errors and worst:
            text = doc.text or (result or {}).get("text") or ""
            sha = (result or {}).get("text_sha256")
            same_text = sha is None or sha == hashlib.sha256(text.encode("utf-8")).hexdigest()
            if (result or {}).get("text") and not same_text:
                text, same_text = result["text"], True  # type: ignore[index]
            spans = [(a, b, "pred") for p in preds for a, b in _evidence(p)] if same_text else []
            spans += [(a, b, "gold") for g in doc.events for a, b in g.evidence_hint]
            reports.append(DocReport(doc.id, text, errors, spans, same_text))
    reports.sort(key=lambda r: (-len(r.errors), r.doc_id))
    return Evaluation(
        gold_path=str(gold.path),
        gold_format=gold.format,
        n_docs=len(gold.docs),
        n_gold_events=gold.n_events,
        n_required=n_required,
        n_pred_events=n_preds,
        detection=det,
        fields=fields,
        confusion=confusion,
        reference=reference_view(gold, predictions),
        split_excluded=split_excluded,
        not_event_predictions=not_event_preds,
        failures=dict(failures or {}),
        missing_predictions=missing,
        unknown_prediction_ids=len(set(predictions) - gold_ids),
        worst=reports[:worst],
    )
