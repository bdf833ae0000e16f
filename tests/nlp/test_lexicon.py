"""Tests of the lexicon compilation: which entry a match belongs to."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conflictlens.nlp.lexicon import load_lexicon, read_rows

SHARED = Path(__file__).resolve().parents[3] / "shared"
ACLED_DEV = SHARED / "eval" / "acled-ukraine" / "dev.jsonl"
LEXICONS = [("weapons.tsv", True), ("triggers.tsv", True), ("actors.tsv", False), ("victims.tsv", True),
            ("damage.tsv", True)]  # fmt: skip


def _wrapped(filename: str, ignore_case: bool) -> re.Pattern[str]:
    """The plain form of a lexicon regex: every entry inside its own named group."""
    parts = [f"(?P<e{i}>{r[0].lower() if ignore_case else r[0]})" for i, r in enumerate(read_rows(filename))]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _texts() -> list[str]:
    texts = [
        "Russian forces launched 12 Shahed-136 drones and a Kh-101 missile; air defence shot down 10 of them.",
        "A drone attack damaged a residential building and a school in Kharkiv, injuring two children.",
        "Ukrainian troops repelled an assault near Bakhmut. The Russian city of Belgorod was shelled.",
        "Protesters rallied in Kyiv; police detained three activists. Wagner fighters withdrew from the town.",
    ]
    if ACLED_DEV.exists():
        texts += [json.loads(line)["notes"] for line in ACLED_DEV.read_text("utf-8").splitlines() if line.strip()]
    return texts


@pytest.mark.parametrize(("filename", "ignore_case"), LEXICONS)
def test_end_markers_find_what_wrapping_groups_find(filename: str, ignore_case: bool) -> None:
    """Marking an entry by an empty group at its end (the fast form) gives exactly the matches and entries of wrapping
    each entry in its group."""
    lex = load_lexicon(filename, ignore_case=ignore_case)
    plain = _wrapped(filename, ignore_case)
    rows = lex.rows
    found = 0
    for text in _texts():
        text = text.lower() if ignore_case else text
        expected = [(m.start(), m.end(), rows[int(m.lastgroup[1:])]) for m in plain.finditer(text) if m.lastgroup]
        assert lex.finditer(text) == expected
        found += len(expected)
    assert found > 0
