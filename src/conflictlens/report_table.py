"""``--format table``: a readable summary of document results for people, with rich."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from conflictlens.model import Count, DocumentResult, Event


def _count(c: Count | None) -> str:
    if c is None:
        return ""
    hedge = {"exact": "", "at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤"}[c.qualifier]
    extra = []
    if c.children is not None:
        extra.append(f"{c.children} children")
    if c.civilians is not None:
        extra.append(f"{c.civilians} civilians")
    return f"{hedge}{c.value}" + (f" ({', '.join(extra)})" if extra else "")


def _date(e: Event) -> str:
    d = e.date
    if d.start is None:
        return "?" + (f" ({d.text})" if d.text else "")
    if d.end and d.end != d.start:
        return f"{d.start}…{d.end}"
    return str(d.start)


def _place(e: Event) -> str:
    loc = e.location
    text = f"{loc.name} [{loc.precision}]"
    if loc.admin1 and loc.admin1 != loc.name:
        text += f"\n{loc.admin1}, {loc.country}"
    elif loc.country:
        text += f"\n{loc.country}"
    if e.sublocations:
        text += "\n+ " + ", ".join(s.name for s in e.sublocations)
    return text


def _weapons(e: Event) -> str:
    parts = []
    for w in e.weapons:
        s = w.model or w.category
        if w.launched is not None or w.intercepted is not None:
            launched = "?" if w.launched is None else w.launched
            intercepted = "?" if w.intercepted is None else w.intercepted
            s += f" {launched}/{intercepted}"
        parts.append(s)
    return "\n".join(parts)


class TableWriter:
    """Writes one table per document: date, place, type, actors, killed/injured, weapons (launched/intercepted)."""

    def __init__(self, out: TextIO) -> None:
        self.console = Console(file=out, width=160)

    def write(self, result: DocumentResult) -> None:
        title = f"{result.id}" + (f" — published {result.published}" if result.published else "")
        table = Table(title=title, show_lines=True, title_justify="left")
        for col in ("date", "place", "type", "actors", "killed", "injured", "weapons l/i", "damage", "sources"):
            table.add_column(col, overflow="fold")
        for e in result.events:
            actors = (e.actor1.name if e.actor1 else "?") + ("\n→ " + e.actor2.name if e.actor2 else "")
            table.add_row(
                _date(e),
                _place(e),
                f"{e.sub_event_type or e.event_type}",
                actors,
                _count(e.fatalities),
                _count(e.injured),
                _weapons(e),
                ", ".join(e.damage),
                ", ".join(s.name + (f" ({s.channel})" if s.channel else "") for s in e.sources),
            )
        self.console.print(table)
        if not result.events:
            self.console.print("  no events")
        for c in result.claims:
            when = f" ({c.date.start})" if c.date.start else ""
            self.console.print(f"  claim — {c.speaker or '?'}{when}: “{c.text}”", highlight=False)
        for w in result.warnings:
            self.console.print(f"  warning: {w}", style="yellow")
