"""Readers for human-coded gold data, normalised to :class:`GoldDoc` / :class:`GoldEvent`.

Three formats are read, and told apart by their columns (keys):

``conflictlens``
    Our own gold JSON (the shape of ``shared/seed/kyiv-strikes.gold.json``): one object, a JSON array, or JSON Lines
    of objects, each a document with ``id``, the text inline as ``text`` or in a file named by ``text_file``
    (relative to the gold file), ``published``, ``events`` (each ``required`` unless it says otherwise) and
    ``not_events``.
``acled``
    An ACLED export (CSV or JSON Lines) with ACLED's column names: ``event_id_cnty``, ``event_date``, ``event_type``,
    ``sub_event_type``, ``actor1``, ``actor2``, ``admin1``, ``admin2``, ``location``, ``latitude``, ``longitude``,
    ``fatalities``, ``notes``...  Each row is one document (its ``notes``) with one event.
``ucdp``
    A UCDP GED export (CSV or JSON Lines): ``id``, ``date_start``, ``date_end``, ``where_description``, ``adm_1``,
    ``adm_2``, ``latitude``, ``longitude``, ``best``, ``low``, ``high``, ``source_headline``...  Each row is one
    document (its ``source_headline``) with one event.

``text_field``, ``id_field`` and ``published_field`` name other columns for the document text, id and publication
date.  ACLED and UCDP rows get no publication date unless ``published_field`` names one: the evaluator gives the
extractor only what a user would have (the same inputs as ``score.py inputs``).  Anything unreadable raises
:class:`~conflictlens.errors.InputError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from conflictlens.errors import InputError
from conflictlens.evaluate.normalise import pred_side, side

GoldFormat = Literal["conflictlens", "acled", "ucdp"]

# ACLED codes actor sides that matter for these two event types only (as the reference scorer does).
ACLED_SIDE_EVENT_TYPES = ("Battles", "Explosions/Remote violence")
SPLIT_TOLL_MARKERS = ("split", "coded as")


@dataclass
class GoldPlace:
    """Where a gold event happened; ``precision`` as in the contract (``town``, ``admin1``, ``country``...)."""

    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"


@dataclass
class GoldWeapon:
    """One weapon kind of a gold event, with the numbers launched and intercepted when the text gives them."""

    category: str | None = None
    model: str | None = None
    launched: int | None = None
    intercepted: int | None = None


@dataclass
class GoldEvent:
    """One human-coded event, in the same terms as a predicted :class:`~conflictlens.model.Event`.

    ``actor1_side`` is the side scored for actor1 (``RU``/``UA``/``other``), ``None`` where it is not scored.
    ``missing_count_is_zero`` says that a prediction without a fatality count means 0 (ACLED and UCDP code "no
    reported deaths" as 0); in our own gold ``None`` means "the text gives no number" and must be predicted as such.
    ``fatalities_split`` marks ACLED rows whose notes say the toll was split across events: their fatalities are not
    scored.
    """

    gold_id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_text: str | None = None
    location: GoldPlace = field(default_factory=GoldPlace)
    actor1: str | None = None
    actor2: str | None = None
    actor1_side: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    missing_count_is_zero: bool = False
    fatalities_split: bool = False
    weapons: list[GoldWeapon] = field(default_factory=list)
    required: bool = True
    evidence_hint: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class GoldDoc:
    """One gold document: the text the extractor reads, its publication date, its gold events and non-events."""

    id: str
    text: str
    published: dt.date | None = None
    events: list[GoldEvent] = field(default_factory=list)
    not_events: list[str] = field(default_factory=list)
    title: str | None = None
    group: str | None = None  # the value of the column ``read_gold(group_field=...)`` groups the scores by


@dataclass
class GoldSet:
    """What a gold file holds: its format and documents."""

    path: Path
    format: GoldFormat
    docs: list[GoldDoc]

    @property
    def n_events(self) -> int:
        return sum(len(d.events) for d in self.docs)


# ---------------------------------------------------------------- parsing helpers


def _date(value: Any, dayfirst: bool = False) -> dt.date | None:
    """An ISO date (``2023-05-14``, also with a time part), ``14 May 2023``, or ``09/01/2022 00:00`` (month first
    unless ``dayfirst``); ``None`` if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    if "/" in s:
        s = s.split()[0]
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y" if dayfirst else "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {s!r}")


def _float(value: Any) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    return float(value)


def _int(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    return int(float(value))


def _count(obj: Any) -> int | None:
    """The ``value`` of a count object of our gold (``{"value": 25, ...}``), a bare int, or ``None``."""
    if obj is None:
        return None
    if isinstance(obj, dict):
        return _int(obj.get("value"))
    return _int(obj)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


# ---------------------------------------------------------------- file loading


def _records(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON / JSON Lines file, or the rows of a CSV/TSV file."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a gold file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if b"\x00" in raw[:4096]:
        raise InputError(str(path), "binary file, not JSON/JSON Lines/CSV")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    stripped = text.strip()
    if not stripped:
        raise InputError(str(path), "empty file")
    if stripped[0] in "{[":
        return _json_records(path, stripped)
    delimiter = "\t" if path.suffix.lower() == ".tsv" or ("\t" in stripped.split("\n", 1)[0]) else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [dict(r) for r in reader]
    except csv.Error as exc:
        raise InputError(str(path), f"line {reader.line_num}: malformed CSV: {exc}") from None
    if not reader.fieldnames or len(reader.fieldnames) < 2:
        raise InputError(str(path), "not JSON, JSON Lines or CSV with a header row")
    return rows


def _json_records(path: Path, text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
        records: list[Any] = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {n}: invalid JSON: {exc.msg}") from None
    else:
        records = data if isinstance(data, list) else [data]
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict):
            raise InputError(str(path), f"record {n}: expected a JSON object, got {type(rec).__name__}")
    return records


def detect_format(keys: set[str]) -> GoldFormat | None:
    """Which gold format a record with these keys (columns) is in, or ``None``."""
    if "events" in keys:
        return "conflictlens"
    if "event_id_cnty" in keys or {"event_date", "sub_event_type"} <= keys:
        return "acled"
    if {"date_start", "best"} <= keys or "where_description" in keys:
        return "ucdp"
    return None


# ---------------------------------------------------------------- per-format readers


def _own_doc(
    rec: dict[str, Any], path: Path, n: int, text_field: str | None, id_field: str | None, published_field: str | None
) -> GoldDoc:
    doc_id = _str(rec.get(id_field or "id")) or f"{path.stem}-{n}"
    text = rec.get(text_field or "text")
    if text is None and rec.get("text_file"):
        text_path = path.parent / str(rec["text_file"])
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"document {doc_id}: cannot read text_file {text_path}: {exc}") from None
    if not isinstance(text, str):
        raise InputError(str(path), f"document {doc_id}: no text (give 'text' or 'text_file')")
    events = []
    for i, ev in enumerate(rec.get("events") or [], 1):
        if not isinstance(ev, dict):
            raise InputError(str(path), f"document {doc_id}: event {i} is not an object")
        loc = ev.get("location") or {}
        date = ev.get("date") or {}
        actor1 = ev.get("actor1")
        events.append(
            GoldEvent(
                gold_id=_str(ev.get("gold_id")) or f"{doc_id}-{i}",
                event_type=_str(ev.get("event_type")),
                sub_event_type=_str(ev.get("sub_event_type")),
                date_start=_date(date.get("start")),
                date_end=_date(date.get("end")),
                date_text=date.get("text"),
                location=GoldPlace(
                    name=_str(loc.get("name")),
                    country=_str(loc.get("country")),
                    admin1=_str(loc.get("admin1")),
                    admin2=_str(loc.get("admin2")),
                    lat=_float(loc.get("lat")),
                    lon=_float(loc.get("lon")),
                    precision=_str(loc.get("precision")) or "unknown",
                ),
                actor1=_str((actor1 or {}).get("name")),
                actor2=_str((ev.get("actor2") or {}).get("name")),
                actor1_side=pred_side(actor1) if actor1 else None,
                fatalities=_count(ev.get("fatalities")),
                injured=_count(ev.get("injured")),
                weapons=[
                    GoldWeapon(
                        category=_str(w.get("category")),
                        model=_str(w.get("model")),
                        launched=_int(w.get("launched")),
                        intercepted=_int(w.get("intercepted")),
                    )
                    for w in ev.get("weapons") or []
                ],
                required=bool(ev.get("required", True)),
                evidence_hint=[(int(a), int(b)) for a, b in ev.get("evidence_hint") or []],
            )
        )
    not_events = [ne["text"] if isinstance(ne, dict) else str(ne) for ne in rec.get("not_events") or []]
    return GoldDoc(
        id=doc_id,
        text=text,
        published=_date(rec.get(published_field or "published")),
        events=events,
        not_events=[t for t in not_events if t],
        title=_str(rec.get("title")),
    )


def _acled_doc(row: dict[str, Any], n: int, text_field: str | None, id_field: str | None, pub: str | None) -> GoldDoc:
    doc_id = _str(row.get(id_field or "event_id_cnty")) or f"row-{n}"
    notes = row.get("notes") or ""
    event_type = _str(row.get("event_type"))
    geo_precision = _str(row.get("geo_precision"))
    event = GoldEvent(
        gold_id=doc_id,
        event_type=event_type,
        sub_event_type=_str(row.get("sub_event_type")),
        date_start=_date(row.get("event_date")),
        date_end=_date(row.get("event_date")),
        location=GoldPlace(
            name=_str(row.get("location")),
            admin1=_str(row.get("admin1")),
            admin2=_str(row.get("admin2")),
            lat=_float(row.get("latitude")),
            lon=_float(row.get("longitude")),
            # ACLED geo_precision: 1 = the town itself, 2 = near it / part of a region, 3 = a provincial capital
            precision={"1": "town", "2": "admin2", "3": "admin1"}.get(geo_precision or "", "town"),
        ),
        actor1=_str(row.get("actor1")),
        actor2=_str(row.get("actor2")),
        actor1_side=side(row.get("actor1")) if event_type in ACLED_SIDE_EVENT_TYPES else None,
        fatalities=_int(row.get("fatalities")) or 0,
        missing_count_is_zero=True,
        fatalities_split=any(m in notes.lower() for m in SPLIT_TOLL_MARKERS),
    )
    return GoldDoc(
        id=doc_id,
        text=str(row.get(text_field or "notes") or ""),
        published=_date(row.get(pub)) if pub else None,
        events=[event],
    )


def _dayfirst(records: list[dict[str, Any]], column: str) -> bool:
    """Whether the slash dates of a column are day first (some first part is above 12)."""
    for rec in records:
        head = str(rec.get(column) or "").split("/", 1)[0]
        if head.isdigit() and "/" in str(rec.get(column)) and int(head) > 12:
            return True
    return False


def _ucdp_doc(
    row: dict[str, Any], n: int, text_field: str | None, id_field: str | None, pub: str | None, dayfirst: bool = False
) -> GoldDoc:
    doc_id = _str(row.get(id_field or "id")) or f"row-{n}"
    if text_field is None:
        text_field = "source_headline" if "source_headline" in row else "source_article"
    event = GoldEvent(
        gold_id=doc_id,
        date_start=_date(row.get("date_start"), dayfirst),
        date_end=_date(row.get("date_end"), dayfirst) or _date(row.get("date_start"), dayfirst),
        location=GoldPlace(
            name=_str(row.get("where_description")) or _str(row.get("where_coordinates")),
            admin1=_str(row.get("adm_1")),
            admin2=_str(row.get("adm_2")),
            lat=_float(row.get("latitude")),
            lon=_float(row.get("longitude")),
            precision="town",
        ),
        actor1=_str(row.get("side_a")),
        actor2=_str(row.get("side_b")),
        fatalities=_int(row.get("best")) or 0,
        fatalities_low=_int(row.get("low")),
        fatalities_high=_int(row.get("high")),
        missing_count_is_zero=True,
    )
    return GoldDoc(
        id=doc_id,
        text=str(row.get(text_field) or ""),
        published=_date(row.get(pub), dayfirst) if pub else None,
        events=[event],
    )


def read_gold(
    path: Path,
    *,
    text_field: str | None = None,
    id_field: str | None = None,
    published_field: str | None = None,
    limit: int | None = None,
    group_field: str | None = None,
) -> GoldSet:
    """Read a gold file of any supported format (see the module docstring); ``limit`` keeps the first N documents.
    ``group_field`` names a column (a year, a source) whose value each document keeps as its ``group``."""
    path = Path(path)
    records = _records(path)
    if limit is not None:
        records = records[: max(limit, 0)]
    keys: set[str] = set().union(*(r.keys() for r in records)) if records else set()
    fmt = detect_format(keys)
    if fmt is None:
        shown = ", ".join(sorted(keys)[:12])
        raise InputError(
            str(path), f"cannot tell the gold format from its columns ({shown}): expected our gold, ACLED or UCDP GED"
        )
    if text_field and fmt != "conflictlens" and text_field not in keys:
        raise InputError(str(path), f"no column {text_field!r} (--text-field)")
    if id_field and id_field not in keys:
        raise InputError(str(path), f"no column {id_field!r} (--id-field)")
    if published_field and published_field not in keys:
        raise InputError(str(path), f"no column {published_field!r} (--published-field)")
    if group_field and group_field not in keys:
        raise InputError(str(path), f"no column {group_field!r} (--by)")
    docs: list[GoldDoc] = []
    dayfirst = fmt == "ucdp" and (_dayfirst(records, "date_start") or _dayfirst(records, "date_end"))
    for n, rec in enumerate(records, 1):
        try:
            if fmt == "conflictlens":
                docs.append(_own_doc(rec, path, n, text_field, id_field, published_field))
            elif fmt == "acled":
                docs.append(_acled_doc(rec, n, text_field, id_field, published_field))
            else:
                docs.append(_ucdp_doc(rec, n, text_field, id_field, published_field, dayfirst))
        except (ValueError, TypeError) as exc:
            raise InputError(str(path), f"record {n}: {exc}") from None
        if group_field:
            docs[-1].group = _str(rec.get(group_field)) or "(none)"
    return GoldSet(path=path, format=fmt, docs=docs)
