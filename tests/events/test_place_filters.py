"""Shortcuts in the place filters of frames agree with the patterns they guard."""

from __future__ import annotations

import random

import pytest

from conflictlens.events.assemble import _DESTINATION, _LAUNCH_SITE, _not_the_scene


def _by_patterns(before: str, fire: bool) -> bool:
    return bool(_DESTINATION.search(before)) or (fire and bool(_LAUNCH_SITE.search(before)))


@pytest.mark.parametrize(
    ("before", "fire", "expected"),
    [
        ("Russian forces launched missiles from ", True, True),
        ("bombers flying over the ", True, True),
        ("missiles FIRED at dawn FROM the ", True, True),
        ("a train travelling to ", False, True),
        ("a convoy heading for the occupied \n", False, True),
        ("shelling of ", True, False),
        ("missiles launched from Belgorod. Later, shelling hit ", True, False),
        ("he came from ", False, False),
    ],
)
def test_launch_sites_and_destinations(before: str, fire: bool, expected: bool) -> None:
    assert _not_the_scene(before, fire) is expected
    assert _by_patterns(before, fire) is expected


def test_shortcut_agrees_with_the_patterns() -> None:
    rng = random.Random(11)
    words = ["travelling", "heading", "bound", "en route", "linking Kyiv and Lviv", "to", "TO", "for", "For", "the",
             "occupied", "launched", "fired", "from", "FROM", "over", "flying", "took off", "missiles", ".", ";", "\n",
             "İ", "x" * 30]  # fmt: skip
    for _ in range(20000):
        before = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12))) + rng.choice(["", " ", " \n"])
        before = before[-rng.randint(0, 90) :]
        for fire in (True, False):
            assert _not_the_scene(before, fire) == _by_patterns(before, fire), (before, fire)
