"""Datelines: where and when a report was filed, which names no place and no date of an event."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens.document import Document
from conflictlens.nlp.dateline import DatelineReader


def read(text: str, published: dt.date | None = None) -> Document:
    doc = Document(id="d", text=text, published=published)
    DatelineReader()(doc)
    return doc


@pytest.mark.parametrize(
    ("text", "dateline", "published"),
    [
        ("KYIV, 29 December 2023 -- Russia launched 158 drones.", "KYIV, 29 December 2023 --", dt.date(2023, 12, 29)),
        # after a one-line headline, with the agency in brackets
        (
            "Missiles hit Uman\n\nKYIV, April 28, 2023 (Wire) - A missile hit a building.",
            "KYIV, April 28, 2023 (Wire) -",
            dt.date(2023, 4, 28),
        ),
        # wire style without a year: a dateline, but no date to publish under
        (
            "Missiles hit Uman\nKYIV, April 28 (Reuters) - A missile hit a building.",
            "KYIV, April 28 (Reuters) - ",
            None,
        ),
        ("KHARKIV (AP) -- Shelling killed two.", "KHARKIV (AP) -- ", None),
    ],
)
def test_datelines(text: str, dateline: str, published: dt.date | None) -> None:
    doc = read(text)
    start, end = doc.meta["dateline"]
    assert text[start:end] == dateline
    assert doc.published == published


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2023, Russian forces shelled Kupiansk, Kharkiv.",
        "Russian shelling kills three in Kherson - governor",  # a headline, not a dateline
        "Interception: On 9 August 2022, Russian forces intercepted a drone.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert "dateline" not in read(text).meta


def test_a_given_publication_date_is_kept() -> None:
    doc = read("KYIV, 29 December 2023 -- Russia launched 158 drones.", published=dt.date(2023, 12, 30))
    assert doc.published == dt.date(2023, 12, 30) and doc.warnings == []
