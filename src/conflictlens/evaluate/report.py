"""Presenting an :class:`~conflictlens.evaluate.metrics.Evaluation`: rich terminal tables, JSON, one HTML page.

The HTML page needs nothing from the network: styles are inline, charts are inline SVG generated here (a confusion
matrix heat map per type field, bar charts of the field metrics), and the worst documents are shown with the evidence
spans of the predicted events (and the gold's evidence hints) highlighted in their text.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from typing import Any

from conflictlens.evaluate.metrics import MISSED, DocReport, Evaluation


def to_json(ev: Evaluation, groups: dict[str, Evaluation] | None = None) -> str:
    """The summary as JSON; with ``groups``, each group's summary under ``"groups"``."""
    out = ev.to_json_dict()
    if groups:
        out["groups"] = {value: g.to_json_dict() for value, g in groups.items()}
    return json.dumps(out, indent=2, ensure_ascii=False)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render_terminal(ev: Evaluation, console: Any | None = None) -> None:
    """Print the evaluation as rich tables."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    d = ev.detection
    console.print(
        f"[bold]{ev.gold_path}[/bold] ({ev.gold_format}): {ev.n_docs} documents, {ev.n_required} required gold "
        f"events, {ev.n_pred_events} predicted events, {len(ev.failures)} failed documents"
    )
    det = Table(title="Event detection (one-to-one matching)")
    for col in ("TP", "FP", "FN", "precision", "recall", "F1"):
        det.add_column(col, justify="right")
    det.add_row(str(d.tp), str(d.fp), str(d.fn), _pct(d.precision), _pct(d.recall), _pct(d.f1))
    console.print(det)
    fields = Table(title="Fields (per required gold event; missed events count as wrong)")
    fields.add_column("field")
    for col in ("correct", "matched", "total", "accuracy", "on matched"):
        fields.add_column(col, justify="right")
    for f in ev.fields.values():
        if f.total:
            fields.add_row(f.name, str(f.correct), str(f.matched), str(f.total), _pct(f.accuracy), _pct(f.on_matched))
    console.print(fields)
    if ev.split_excluded:
        console.print(f"fatalities: {ev.split_excluded} gold events left out (notes say the toll was split)")
    if ev.not_event_predictions:
        console.print(f"{ev.not_event_predictions} spurious predictions lie on gold non-events")
    ref = Table(title=f"Reference-compatible view ({ev.reference.rule})")
    ref.add_column("metric")
    for col in ("hits", "total", "ratio"):
        ref.add_column(col, justify="right")
    for name, (num, den) in ev.reference.metrics.items():
        ref.add_row(name, str(num), str(den), f"{num / den if den else 0:.3f}")
    console.print(ref)
    console.print(f"SCORE {ev.reference.composite:.3f} (composite of {', '.join(ev.reference.composite_keys)})")


def render_groups(groups: dict[str, Evaluation], column: str, console: Any | None = None) -> None:
    """The scores of each group (``--by``), a column per group: where the errors come from -- a year, a source."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(title=f"By {column} (accuracy per required gold event)")
    table.add_column("field")
    for value, g in groups.items():
        table.add_column(f"{value}\n({g.n_docs} docs)", justify="right")
    evs = list(groups.values())
    table.add_row("detection F1", *(_pct(g.detection.f1) for g in evs))
    for name in evs[0].fields if evs else ():
        if any(g.fields[name].total for g in evs):
            table.add_row(name, *(_pct(g.fields[name].accuracy) if g.fields[name].total else "-" for g in evs))
    table.add_row("SCORE", *(f"{g.reference.composite:.3f}" for g in evs))
    console.print(table)


# ---------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em}
td.n{text-align:right}th{background:#f3f3f3}h2{margin-top:2em}
.doc{border:1px solid #ddd;padding:1em;margin:1em 0;border-radius:4px}
.text{white-space:pre-wrap;background:#fafafa;padding:.6em;font-size:.95em}
mark.pred{background:#ffe08a}mark.gold{background:#b6e3b6}mark.pred.gold{background:#9fd4ff}
.legend span{padding:0 .4em;margin-right:1em}small{color:#666}
"""


def _bar_chart(rows: list[tuple[str, float, float]], title: str) -> str:
    """Horizontal bars: accuracy (dark) and accuracy on matched events (light), one row per field."""
    label_w, bar_w, row_h = 170, 360, 22
    height = row_h * len(rows) + 30
    out = [
        f'<svg class="bars" role="img" aria-label="{html.escape(title)}" width="{label_w + bar_w + 60}" '
        f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">'
    ]
    for i, (name, acc, on_matched) in enumerate(rows):
        y = 20 + i * row_h
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">{html.escape(name)}</text>')
        out.append(f'<rect x="{label_w}" y="{y + 2}" width="{bar_w * on_matched:.1f}" height="16" fill="#c9dcf2"/>')
        out.append(f'<rect x="{label_w}" y="{y + 6}" width="{bar_w * acc:.1f}" height="8" fill="#2b6cb0"/>')
        out.append(f'<text x="{label_w + bar_w + 4}" y="{y + 14}" font-size="11">{100 * acc:.0f}%</text>')
    out.append(f'<text x="{label_w}" y="12" font-size="11">dark: accuracy, light: on matched events</text>')
    out.append("</svg>")
    return "".join(out)


def _heat_map(counts: Counter[tuple[str, str]], title: str) -> str:
    """A confusion matrix as an SVG grid: rows gold labels, columns predicted labels, shade by row share."""
    gold_labels = sorted({g for g, _ in counts})
    pred_labels = sorted({p for _, p in counts} | set(gold_labels), key=lambda x: (x == MISSED, x.startswith("("), x))
    cell, left, top = 34, 260, 200
    # rotated column labels lean right past the last column: leave room for the longest one
    overhang = int(6.5 * max((len(p) for p in pred_labels), default=0) * 0.6)
    width, height = left + cell * len(pred_labels) + 10 + overhang, top + cell * len(gold_labels) + 10
    row_total = Counter()
    for (g, _), n in counts.items():
        row_total[g] += n
    out = [
        f'<svg class="heatmap" role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for j, p in enumerate(pred_labels):
        x = left + j * cell + cell / 2
        out.append(f'<text transform="translate({x:.0f},{top - 6}) rotate(-55)" font-size="11">{html.escape(p)}</text>')
    for i, g in enumerate(gold_labels):
        y = top + i * cell
        out.append(
            f'<text x="{left - 6}" y="{y + cell / 2 + 4:.0f}" text-anchor="end" font-size="11">{html.escape(g)}</text>'
        )
        for j, p in enumerate(pred_labels):
            n = counts.get((g, p), 0)
            share = n / row_total[g] if row_total[g] else 0.0
            hue = 130 if p == g else 10
            fill = f"hsl({hue},60%,{100 - 55 * share:.0f}%)" if n else "#f7f7f7"
            x = left + j * cell
            out.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}">'
                f"<title>gold {html.escape(g)} / predicted {html.escape(p)}: {n}</title></rect>"
            )
            if n:
                out.append(
                    f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2 + 4:.0f}" text-anchor="middle" '
                    f'font-size="11">{n}</text>'
                )
    out.append("</svg>")
    return "".join(out)


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` as HTML with each span wrapped in ``<mark class="...">`` (overlaps get both classes)."""
    if not text:
        return ""
    marks: list[set[str]] = [set() for _ in text]
    for start, end, label in spans:
        for k in range(max(start, 0), min(end, len(text))):
            marks[k].add(label)
    out: list[str] = []
    k = 0
    while k < len(text):
        labels = marks[k]
        j = k
        while j < len(text) and marks[j] == labels:
            j += 1
        chunk = html.escape(text[k:j])
        out.append(f'<mark class="{" ".join(sorted(labels))}">{chunk}</mark>' if labels else chunk)
        k = j
    return "".join(out)


def _doc_html(doc: DocReport) -> str:
    items = "".join(f"<li>{html.escape(e)}</li>" for e in doc.errors)
    note = (
        ""
        if doc.text_matches_predictions
        else "<p><small>text differs from the one extracted: evidence not shown</small></p>"
    )
    return (
        f'<div class="doc"><h3>{html.escape(doc.doc_id)} <small>{len(doc.errors)} errors</small></h3>'
        f'<ul>{items}</ul>{note}<div class="text">{highlight(doc.text, doc.spans)}</div></div>'
    )


def render_html(ev: Evaluation) -> str:
    """The whole report as one self-contained HTML page."""
    d = ev.detection
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>conflictlens evaluation: {esc(ev.gold_path)}</title><style>{_CSS}</style></head><body>",
        f"<h1>conflictlens evaluation</h1><p><b>{esc(ev.gold_path)}</b> ({esc(ev.gold_format)}), "
        f"{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}: {ev.n_docs} documents, {ev.n_required} required gold events, "
        f"{ev.n_pred_events} predicted events, {len(ev.failures)} failed documents, "
        f"{ev.missing_predictions} documents without predictions.</p>",
        "<h2>Event detection</h2><table><tr><th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th>"
        f"<th>F1</th></tr><tr><td class=n>{d.tp}</td><td class=n>{d.fp}</td><td class=n>{d.fn}</td>"
        f"<td class=n>{_pct(d.precision)}</td><td class=n>{_pct(d.recall)}</td><td class=n>{_pct(d.f1)}</td>"
        "</tr></table>",
        "<h2>Fields</h2><p>Per required gold event with the field; a missed event counts as wrong in "
        "<i>accuracy</i>, not in <i>on matched</i>.</p><table><tr><th>field</th><th>correct</th><th>matched</th>"
        "<th>total</th><th>accuracy</th><th>on matched</th></tr>",
    ]
    shown = [f for f in ev.fields.values() if f.total]
    for f in shown:
        parts.append(
            f"<tr><td>{esc(f.name)}</td><td class=n>{f.correct}</td><td class=n>{f.matched}</td>"
            f"<td class=n>{f.total}</td>"
            f"<td class=n>{_pct(f.accuracy)}</td><td class=n>{_pct(f.on_matched)}</td></tr>"
        )
    parts.append("</table>")
    if ev.split_excluded:
        parts.append(f"<p>Fatalities: {ev.split_excluded} gold events left out (notes say the toll was split).</p>")
    if ev.not_event_predictions:
        parts.append(f"<p>{ev.not_event_predictions} spurious predictions lie on gold non-events.</p>")
    parts.append(_bar_chart([(f.name, f.accuracy, f.on_matched) for f in shown], "field accuracy"))
    parts.append(f"<h2>Reference-compatible view</h2><p>{esc(ev.reference.rule)}</p><table>")
    parts.append("<tr><th>metric</th><th>hits</th><th>total</th><th>ratio</th></tr>")
    for name, (num, den) in ev.reference.metrics.items():
        parts.append(
            f"<tr><td>{esc(name)}</td><td class=n>{num}</td><td class=n>{den}</td>"
            f"<td class=n>{num / den if den else 0:.3f}</td></tr>"
        )
    parts.append(f"</table><p><b>SCORE {ev.reference.composite:.3f}</b></p>")
    for name, counts in ev.confusion.items():
        if counts:
            parts.append(f"<h2>Confusion: {esc(name)}</h2>{_heat_map(counts, f'{name} confusion matrix')}")
    parts.append(
        "<h2>Worst documents</h2><p class='legend'><mark class='pred'>predicted evidence</mark> "
        "<mark class='gold'>gold evidence hint</mark> <mark class='pred gold'>both</mark></p>"
    )
    parts.extend(_doc_html(doc) for doc in ev.worst)
    parts.append("</body></html>")
    return "\n".join(parts)
