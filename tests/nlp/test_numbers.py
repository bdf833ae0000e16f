"""Tests of the number and hedge tagger: one parametrised test per phrase family, asserting values and spans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflictlens.document import Document
from conflictlens.nlp.dates import DateTagger
from conflictlens.nlp.numbers import NumberTagger, find_numbers, parse_number_word

SHARED = Path(__file__).resolve().parents[3] / "shared"


def tags(text: str) -> list[tuple[str, int, str, bool]]:
    out = []
    for s in find_numbers(text):
        assert text[s.start : s.end] == s.attrs["text"]
        out.append((s.attrs["text"], s.attrs["value"], s.attrs["qualifier"], s.attrs["vague"]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 10 individuals injured", ("at least 10", 10, "at_least")),
        ("a minimum of 10 people", ("a minimum of 10", 10, "at_least")),
        ("no fewer than 7 soldiers", ("no fewer than 7", 7, "at_least")),
        ("no less than 7 soldiers", ("no less than 7", 7, "at_least")),
        ("40 or more people", ("40 or more", 40, "at_least")),
        ("over 40 deaths", ("over 40", 40, "more_than")),
        ("more than 40 deaths", ("more than 40", 40, "more_than")),
        ("in excess of 40 deaths", ("in excess of 40", 40, "more_than")),
        ("about 20 people", ("about 20", 20, "about")),
        ("around 20 people", ("around 20", 20, "about")),
        ("approximately 20 people", ("approximately 20", 20, "about")),
        ("roughly 20 people", ("roughly 20", 20, "about")),
        ("some 50 troops", ("some 50", 50, "about")),
        ("an estimated 300 fighters", ("an estimated 300", 300, "about")),
        ("10 or so drones", ("10 or so", 10, "about")),
        ("nearly 30 people", ("nearly 30", 30, "up_to")),
        ("almost 30 people", ("almost 30", 30, "up_to")),
        ("up to 15 drones", ("up to 15", 15, "up_to")),
        ("as many as 15 drones", ("as many as 15", 15, "up_to")),
        ("12 people", ("12", 12, "exact")),
    ],
)
def test_hedges(text: str, expected: tuple[str, int, str]) -> None:
    assert tags(text) == [(*expected, False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one person", ("one", 1)),
        ("five children", ("five", 5)),
        ("twenty-three soldiers", ("twenty-three", 23)),
        ("twenty three soldiers", ("twenty three", 23)),
        ("ninety-nine drones", ("ninety-nine", 99)),
        ("a hundred civilians", ("a hundred", 100)),
        ("two hundred people", ("two hundred", 200)),
        ("two hundred and five people", ("two hundred and five", 205)),
        ("a dozen drones", ("a dozen", 12)),
        ("three thousand troops", ("three thousand", 3000)),
        ("10,000 civilians", ("10,000", 10000)),
        ("27 000 people", ("27 000", 27000)),
        ("1,682 civilians", ("1,682", 1682)),
        ("1.5 million people", ("1.5 million", 1500000)),
        ("2 million people", ("2 million", 2000000)),
        ("2000 people", ("2000", 2000)),
    ],
)
def test_number_forms(text: str, expected: tuple[str, int]) -> None:
    assert tags(text) == [(*expected, "exact", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dozens of people", ("dozens", 24, "at_least")),
        ("hundreds of homes", ("hundreds", 200, "at_least")),
        ("thousands of soldiers", ("thousands", 2000, "at_least")),
        ("tens of thousands of people", ("tens of thousands", 20000, "at_least")),
        ("several civilians", ("several", 3, "at_least")),
        ("a few soldiers", ("a few", 2, "at_least")),
        ("a couple of drones", ("a couple of", 2, "about")),
        ("more than a dozen", ("more than a dozen", 12, "more_than")),
    ],
)
def test_vague_quantities(text: str, expected: tuple[str, int, str]) -> None:
    got = tags(text)
    assert len(got) == 1 and got[0][:3] == expected
    assert got[0][3] is (expected[0] not in ("more than a dozen",))


@pytest.mark.parametrize(
    ("text", "value", "high"),
    [("10-15 people", 10, 15), ("between 10 and 15 people", 10, 15), ("10 to 15 people", 10, 15)],
)
def test_ranges(text: str, value: int, high: int) -> None:
    (span,) = find_numbers(text)
    assert (span.attrs["value"], span.attrs["high"], span.attrs["qualifier"]) == (value, high, "at_least")
    assert span.attrs["text"] == text.removesuffix(" people")


@pytest.mark.parametrize(
    "text",
    [
        "120-mm mortars", "82-mm mortar", "152mm shells", "a 122 mm howitzer", "Kh-101 missiles", "S-300 systems",
        "Tu-95 bombers", "Tu-95MS bombers", "Su-25 jets", "Shahed-136 drones", "Shahed-136/131 drones", "Iskander-M",
        "BM-21 Grad", "T-72 tanks", "2S1 Gvozdika", "in 2022", "in 2023 and", "since 2014", "14 May", "May 14",
        "at 10:30", "15% of", "15 per cent", "5 km from", "7 hectares", "the last 24 hours", "14-year-old boy",
        "5-storey building", "the first attack", "the 3rd brigade", "no one was hurt", "a civilian was killed",
        "an attack", "the nearly two-year-long war", "No. 5",
    ],
)  # fmt: skip
def test_not_counts(text: str) -> None:
    assert find_numbers(text) == []


def test_bracketed_acled_fatality_notes_tag_both_numbers() -> None:
    assert [s.attrs["value"] for s in find_numbers("[4 fatalities split across 14 events]")] == [4, 14]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kyiv has been heavily assaulted with at least 10 individuals injured", [("at least 10", 10, "at_least")]),
        ("reported that a minimum of 10 people had been wounded", [("a minimum of 10", 10, "at_least")]),
        ("which local officials claimed killed 25 people, including five children",
         [("25", 25, "exact"), ("five", 5, "exact")]),
        ("resulting in over 40 deaths and 160 injuries", [("over 40", 40, "more_than"), ("160", 160, "exact")]),
        ("Moscow launched 90 Iranian-made Shahed drones", [("90", 90, "exact")]),
        ("87 of which were destroyed", [("87", 87, "exact")]),
        ("caused the death of one person", [("one", 1, "exact")]),
        ("claimed the lives of over 10,000 Ukrainian civilians since February 2022",
         [("over 10,000", 10000, "more_than")]),
    ],
)  # fmt: skip
def test_seed_sentences(sentence: str, expected: list[tuple[str, int, str]]) -> None:
    doc = Document(id="t", text=sentence, published=dt.date(2024, 1, 2))
    DateTagger()(doc)
    NumberTagger()(doc)
    got = [(s.attrs["text"], s.attrs["value"], s.attrs["qualifier"]) for s in doc.layer("number")]
    assert got == expected


def test_tagger_skips_numbers_inside_dates() -> None:
    doc = Document(id="t", text="On 14 May 2023, 3 civilians were killed between 1 and 3 June 2023.")
    DateTagger()(doc)
    NumberTagger()(doc)
    assert [s.attrs["text"] for s in doc.layer("number")] == ["3"]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one", 1), ("twelve", 12), ("twenty", 20), ("twenty-three", 23), ("a hundred", 100), ("an hundred", 100),
        ("two hundred", 200), ("two hundred and five", 205), ("one thousand two hundred", 1200), ("a dozen", 12),
        ("five million", 5000000), ("a", None), ("an", None), ("five six", None), ("twenty thirty", None),
        ("first", None), ("", None),
    ],
)  # fmt: skip
def test_parse_number_word(words: str, value: int | None) -> None:
    assert parse_number_word(words) == value


def test_seed_article_counts() -> None:
    path = SHARED / "seed" / "kyiv-strikes.txt"
    if not path.exists():
        pytest.skip(f"seed not found at {path}")
    doc = Document(id="seed", text=path.read_text(encoding="utf-8"), published=dt.date(2024, 1, 2))
    DateTagger()(doc)
    NumberTagger()(doc)
    got = [(s.attrs["text"], s.attrs["value"], s.attrs["qualifier"]) for s in doc.layer("number")]
    for expected in [("at least 10", 10, "at_least"), ("a minimum of 10", 10, "at_least"), ("25", 25, "exact"),
                     ("five", 5, "exact"), ("over 40", 40, "more_than"), ("160", 160, "exact"), ("90", 90, "exact"),
                     ("87", 87, "exact"), ("one", 1, "exact"), ("over 10,000", 10000, "more_than")]:  # fmt: skip
        assert expected in got
    assert all(s.attrs["value"] not in (2022, 2023, 2024) for s in doc.layer("number"))


def test_empty_and_blank_text_have_no_numbers() -> None:
    from conflictlens.nlp.numbers import find_numbers

    assert find_numbers("") == []
    assert find_numbers("   \n ") == []
