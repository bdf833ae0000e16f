"""Tests of the news-style date tagger: one parametrised test per phrase family, asserting resolved dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictlens.document import Document
from conflictlens.nlp.dates import NO_PUBLISHED_WARNING, DateTagger, find_dates

D = dt.date
SEED_PUB = D(2024, 1, 2)  # Tuesday
SUNDAY = D(2023, 5, 14)
NEW_YEAR = D(2024, 1, 1)  # Monday
MARCH_3 = D(2023, 3, 3)  # Friday
SHARED = Path(__file__).resolve().parents[3] / "shared"


def one(text: str, published: dt.date | None) -> tuple[str, dt.date | None, dt.date | None, str]:
    spans = find_dates(text, published)
    assert len(spans) == 1, [s.attrs["text"] for s in spans]
    a = spans[0].attrs
    assert a["text"] == text[spans[0].start : spans[0].end]
    return a["text"], a["start"], a["end"], a["precision"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Tuesday morning", SEED_PUB, ("on Tuesday morning", D(2024, 1, 2), D(2024, 1, 2), "day")),
        ("on Tuesday", SEED_PUB, ("on Tuesday", D(2024, 1, 2), D(2024, 1, 2), "day")),
        ("on Friday", SEED_PUB, ("on Friday", D(2023, 12, 29), D(2023, 12, 29), "day")),
        ("on Monday", SEED_PUB, ("on Monday", D(2024, 1, 1), D(2024, 1, 1), "day")),
        ("on Sunday", SUNDAY, ("on Sunday", SUNDAY, SUNDAY, "day")),
        ("on Saturday", SUNDAY, ("on Saturday", D(2023, 5, 13), D(2023, 5, 13), "day")),
        ("last Friday", MARCH_3, ("last Friday", D(2023, 2, 24), D(2023, 2, 24), "day")),
        ("on Monday night", SEED_PUB, ("on Monday night", D(2024, 1, 1), D(2024, 1, 2), "range")),
        ("on the night of Monday to Tuesday", SEED_PUB, ("on the night of Monday to Tuesday", D(2024, 1, 1),
                                                          D(2024, 1, 2), "range")),
        ("overnight into Tuesday", SEED_PUB, ("overnight into Tuesday", D(2024, 1, 1), D(2024, 1, 2), "range")),
    ],
)  # fmt: skip
def test_weekdays_resolve_to_the_latest_on_or_before_publication(text, published, expected) -> None:
    assert one(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on New Year's Day", SEED_PUB, ("on New Year's Day", D(2024, 1, 1), D(2024, 1, 1), "day")),
        ("on New Year\u2019s Day", NEW_YEAR, ("on New Year\u2019s Day", D(2024, 1, 1), D(2024, 1, 1), "day")),
        ("on New Year's Day", MARCH_3, ("on New Year's Day", D(2023, 1, 1), D(2023, 1, 1), "day")),
        ("on New Year's Eve", SEED_PUB, ("on New Year's Eve", D(2023, 12, 31), D(2024, 1, 1), "range")),
        ("on the last night of the year", SEED_PUB, ("on the last night of the year", D(2023, 12, 31),
                                                      D(2024, 1, 1), "range")),
        ("on Christmas Day", SEED_PUB, ("on Christmas Day", D(2023, 12, 25), D(2023, 12, 25), "day")),
        ("Christmas Day", SUNDAY, ("Christmas Day", D(2022, 12, 25), D(2022, 12, 25), "day")),
        ("on Christmas Eve", SEED_PUB, ("on Christmas Eve", D(2023, 12, 24), D(2023, 12, 25), "range")),
    ],
)  # fmt: skip
def test_holidays_resolve_to_the_nearest_past_occurrence(text, published, expected) -> None:
    assert one(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("today", SEED_PUB, ("today", SEED_PUB, SEED_PUB, "day")),
        ("this morning", SEED_PUB, ("this morning", SEED_PUB, SEED_PUB, "day")),
        ("earlier today", SUNDAY, ("earlier today", SUNDAY, SUNDAY, "day")),
        ("yesterday", NEW_YEAR, ("yesterday", D(2023, 12, 31), D(2023, 12, 31), "day")),
        ("overnight", SEED_PUB, ("overnight", D(2024, 1, 1), D(2024, 1, 2), "range")),
        ("last night", MARCH_3, ("last night", D(2023, 3, 2), D(2023, 3, 3), "range")),
        ("during the night", SUNDAY, ("during the night", D(2023, 5, 13), SUNDAY, "range")),
        ("last week", SEED_PUB, ("last week", D(2023, 12, 25), D(2023, 12, 31), "range")),
        ("last week", SUNDAY, ("last week", D(2023, 5, 1), D(2023, 5, 7), "range")),
        ("last month", NEW_YEAR, ("last month", D(2023, 12, 1), D(2023, 12, 31), "month")),
        ("earlier this month", MARCH_3, ("earlier this month", D(2023, 3, 1), MARCH_3, "month")),
        ("two days ago", SEED_PUB, ("two days ago", D(2023, 12, 31), D(2023, 12, 31), "day")),
        ("the previous day", SEED_PUB, ("the previous day", D(2024, 1, 1), D(2024, 1, 1), "day")),
        # the weekend just past (Tuesday 2 January 2024: 30-31 December); on a Sunday, the one that ends that day
        ("over the weekend", SEED_PUB, ("over the weekend", D(2023, 12, 30), D(2023, 12, 31), "range")),
        ("at the weekend", SUNDAY, ("at the weekend", D(2023, 5, 13), SUNDAY, "range")),
    ],
)  # fmt: skip
def test_deictic_phrases_count_from_publication(text, published, expected) -> None:
    assert one(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 14 May 2023", (D(2023, 5, 14), D(2023, 5, 14), "day")),
        ("On 2 October 2018", (D(2018, 10, 2), D(2018, 10, 2), "day")),
        ("May 14, 2023", (D(2023, 5, 14), D(2023, 5, 14), "day")),
        ("On Jan. 12 2019", (D(2019, 1, 12), D(2019, 1, 12), "day")),
        ("on the 14th of May 2023", (D(2023, 5, 14), D(2023, 5, 14), "day")),
        ("14.05.2023", (D(2023, 5, 14), D(2023, 5, 14), "day")),
        ("2023-05-14", (D(2023, 5, 14), D(2023, 5, 14), "day")),
        ("on Tuesday, 2 January 2024", (D(2024, 1, 2), D(2024, 1, 2), "day")),
        ("in May 2023", (D(2023, 5, 1), D(2023, 5, 31), "month")),
        ("in early March 2022", (D(2022, 3, 1), D(2022, 3, 31), "month")),
        ("in 2022", (D(2022, 1, 1), D(2022, 12, 31), "year")),
        ("between 1 and 3 May 2023", (D(2023, 5, 1), D(2023, 5, 3), "range")),
        ("Between 12 and 13 May 2023", (D(2023, 5, 12), D(2023, 5, 13), "range")),
        ("On 31 May - 1 June 2023", (D(2023, 5, 31), D(2023, 6, 1), "range")),
        ("1-3 May 2023", (D(2023, 5, 1), D(2023, 5, 3), "range")),
        ("May 1 to June 3, 2023", (D(2023, 5, 1), D(2023, 6, 3), "range")),
    ],
)
@pytest.mark.parametrize("published", [SEED_PUB, SUNDAY, None])
def test_absolute_dates_need_no_publication_date(text, expected, published) -> None:
    spans = find_dates(text, published)
    assert len(spans) == 1
    a = spans[0].attrs
    assert (a["start"], a["end"], a["precision"]) == expected
    assert a["text"] == text and a["relative"] is False


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on 14 May", SUNDAY, (SUNDAY, SUNDAY, "day")),
        ("on 14 May", MARCH_3, (D(2022, 5, 14), D(2022, 5, 14), "day")),
        ("on 29 December", SEED_PUB, (D(2023, 12, 29), D(2023, 12, 29), "day")),
        ("on Tuesday, 2 January", SEED_PUB, (D(2024, 1, 2), D(2024, 1, 2), "day")),
        ("from 1 to 3 May", SUNDAY, (D(2023, 5, 1), D(2023, 5, 3), "range")),
        ("on the night of 29 to 30 December", SEED_PUB, (D(2023, 12, 29), D(2023, 12, 30), "range")),
        ("on the night of December 29-30", SEED_PUB, (D(2023, 12, 29), D(2023, 12, 30), "range")),
        ("on the night of 31 December to 1 January", SEED_PUB, (D(2023, 12, 31), D(2024, 1, 1), "range")),
        ("in March", MARCH_3, (D(2023, 3, 1), D(2023, 3, 31), "month")),
        ("in May", MARCH_3, (D(2022, 5, 1), D(2022, 5, 31), "month")),
    ],
)
def test_dates_without_year_take_the_nearest_past_year(text, published, expected) -> None:
    a = find_dates(text, published)[0].attrs
    assert (a["start"], a["end"], a["precision"]) == expected
    assert a["relative"] is True and a["text"] == text


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("since February 2022", "since", True),
        ("since 2014", "since", True),
        ("on or around 14 May 2023", "approx", True),
        ("Around 14 May 2023", "approx", True),
        ("before 14 May 2023", "relation", "before"),
        ("a day after", "anchor", "following"),
        ("two days ago", "anchor", "published"),
    ],
)
def test_markers(text: str, key: str, value: object) -> None:
    spans = find_dates(text, SEED_PUB)
    assert spans[0].attrs[key] == value and spans[0].attrs["text"] == text


def test_since_keeps_the_period_start() -> None:
    a = find_dates("over 10,000 civilians since February 2022", SEED_PUB)[0].attrs
    assert (a["start"], a["end"], a["precision"], a["since"]) == (D(2022, 2, 1), D(2022, 2, 28), "month", True)


def test_relative_to_an_earlier_mention() -> None:
    """Anchored phrases count from the latest day mentioned before them (narrative order), then publication."""
    spans = find_dates("On 14 May 2023, x. The previous day, y. Two days later, z.", None)
    assert [(s.attrs["start"], s.attrs.get("anchor")) for s in spans] == [
        (D(2023, 5, 14), None),
        (D(2023, 5, 13), "mention"),
        (D(2023, 5, 15), "mention"),
    ]


def test_a_day_after_an_event_named_later_is_left_unresolved() -> None:
    a = find_dates("The attack came just a day after the Russian president stated", SEED_PUB)[0].attrs
    assert (a["start"], a["precision"], a["offset_days"], a["anchor"]) == (None, "unknown", 1, "following")


@pytest.mark.parametrize(
    "text",
    ["on Tuesday morning", "on New Year's Day", "overnight", "last week", "on 14 May", "two days ago", "in March",
     "on the night of 29 to 30 December", "yesterday"],
)  # fmt: skip
def test_no_publication_date_leaves_relative_dates_unresolved(text: str) -> None:
    doc = Document(id="t", text=text, published=None)
    DateTagger()(doc)
    (span,) = doc.layer("date")
    assert (span.attrs["start"], span.attrs["end"], span.attrs["precision"]) == (None, None, "unknown")
    assert span.attrs["relative"] is True and span.attrs["text"] == text
    assert doc.warnings == [NO_PUBLISHED_WARNING]


def test_absolute_dates_without_publication_date_do_not_warn() -> None:
    doc = Document(id="t", text="On 14 May 2023, Russian forces shelled Volfyne.", published=None)
    DateTagger()(doc)
    assert doc.layer("date")[0].attrs["start"] == D(2023, 5, 14) and doc.warnings == []


@pytest.mark.parametrize(
    "text",
    ["Russia may attack", "a march on the capital", "killed 2 and injured 3", "the 120-mm mortar", "10,000 people",
     "Kh-101 missiles", "the summer"],
)  # fmt: skip
def test_not_dates(text: str) -> None:
    assert find_dates(text, SEED_PUB) == []


def test_seed_article() -> None:
    path = SHARED / "seed" / "kyiv-strikes.txt"
    if not path.exists():
        pytest.skip(f"seed not found at {path}")
    text = path.read_text(encoding="utf-8")
    doc = Document(id="kyiv-strikes", text=text, published=SEED_PUB)
    DateTagger()(doc)
    got = {(s.attrs["text"], s.attrs["start"], s.attrs["end"], s.attrs["precision"]) for s in doc.layer("date")}
    assert ("on Tuesday morning", D(2024, 1, 2), D(2024, 1, 2), "day") in got
    assert ("on Friday", D(2023, 12, 29), D(2023, 12, 29), "day") in got
    assert ("on Monday", D(2024, 1, 1), D(2024, 1, 1), "day") in got
    assert ("on New Year\u2019s Day", D(2024, 1, 1), D(2024, 1, 1), "day") in got
    assert ("on the last night of the year", D(2023, 12, 31), D(2024, 1, 1), "range") in got
    assert ("since February 2022", D(2022, 2, 1), D(2022, 2, 28), "month") in got
    assert ("last week", D(2023, 12, 25), D(2023, 12, 31), "range") in got
    for span in doc.layer("date"):
        assert text[span.start : span.end] == span.attrs["text"]


def test_dateparser_disagrees_on_news_conventions() -> None:
    """Why the tagger does not use dateparser: it puts "Tuesday morning" in the week before publication."""
    dateparser = pytest.importorskip("dateparser")
    base = dt.datetime(2024, 1, 2, 12, 0)
    parsed = dateparser.parse("Tuesday morning", settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    assert parsed is None or parsed.date() != D(2024, 1, 2)
    assert find_dates("on Tuesday morning", SEED_PUB)[0].attrs["start"] == D(2024, 1, 2)


def test_acled_dev_first_date_matches_event_date() -> None:
    path = SHARED / "eval" / "acled-ukraine" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"acled-dev not found at {path}")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    hits = 0
    for row in rows:
        spans = find_dates(row["notes"], None)
        hits += bool(spans) and str(spans[0].attrs["start"]) == row["event_date"]
    assert hits / len(rows) >= 0.995
