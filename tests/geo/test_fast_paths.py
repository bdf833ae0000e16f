"""The matcher's and resolver's shortcuts agree with the plain computation they replace."""

from __future__ import annotations

import random

import pytest

from conflictlens.geo.gazetteer import Gazetteer, candidate_rank, kind_order
from conflictlens.geo.matcher import _words
from conflictlens.geo.translit import token_key, tokens


def _plain_words(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    toks = tokens(text)
    for k, (s, e) in enumerate(toks):
        if e - s > 2 and text[e - 1] in "sS" and text[e - 2] in "'’":
            toks[k] = (s, e - 2)
    starts, ends = [s for s, _ in toks], [e for _, e in toks]
    gaps = [text[a:b] for a, b in zip([0, *ends], [*starts, len(text)], strict=True)]
    return starts, ends, [token_key(text[s:e]) for s, e in toks], gaps


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv's Podil, KYIV'S centre and Solom'yanka",
        "Solom`yanka, Kyiv`s, a's, it's, 's, O'Brien's",
        "Shelling in Kharkiv-2 at 5am; 12 killed.",
        "KYIV'S Podil-Obolon 2024ab'c`d's's",
        "Київ and Kyiv’s Podil, İstanbul, Łódź",
        "",
    ],
)
def test_words_match_the_general_tokenizer(text: str) -> None:
    assert _words(text) == _plain_words(text)


def test_words_random_texts() -> None:
    rng = random.Random(7)
    alphabet = "aAsSzZ'`’ -,.09_\tKyivéЖ"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert _words(text) == _plain_words(text), text
        ascii_text = text.encode("ascii", "ignore").decode()
        assert _words(ascii_text) == _plain_words(ascii_text), ascii_text


def test_settlement_order_is_the_ranked_lookup(gaz: Gazetteer) -> None:
    rank = candidate_rank(kind_order("plain"))
    for key in ["kyiv", "odesa", "kharkiv", "mykolaivka", "novoselivka", "donetsk", "zaporizhzhia", "sumy", "luhansk"]:
        assert gaz.settlement_candidates(key) == sorted(gaz.lookup(key), key=rank), key
        assert gaz.settlement_candidates(key, loose=True) == sorted(gaz.lookup_loose(key), key=rank), key
    reordered = 0
    for key in list(gaz.names)[::50]:
        expected = sorted(gaz.lookup(key), key=rank)
        assert gaz.settlement_candidates(key) == expected, key
        reordered += expected != gaz.lookup(key)
    assert reordered  # some names do rank otherwise than by population
