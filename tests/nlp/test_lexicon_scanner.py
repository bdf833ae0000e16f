"""The lexicon scanner finds exactly what each lexicon's alternation regex finds.

The scanner only tries an entry where one of its cues (literal starts read from the entry's regex) occurs; these
tests compare it with the plain alternation on the bundled lexicons over real and generated text, and on small
made-up lexicons that exercise each way an entry can be cued (or not).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conflictlens.document import Document
from conflictlens.nlp.lexicon import (
    EntryCues,
    Lexicon,
    LexiconScanner,
    LexiconTagger,
    _top_level_alternatives,
    cached_parts,
    entry_cues,
    entry_parts,
    load_lexicon,
    lowered,
)

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
LOWER = [("weapons.tsv", True), ("triggers.tsv", True), ("victims.tsv", True), ("damage.tsv", True)]
SENTENCES = [
    "Russian forces launched 12 Shahed-136 drones and a Kh-101 missile; air defence shot down 10 of them.",
    "A drone attack damaged a residential building and a school in Kharkiv, injuring two children.",
    "Ukrainian troops repelled an assault near Bakhmut. The Russian city of Belgorod was shelled.",
    "Protesters rallied in Kyiv; police detained three activists. Wagner fighters withdrew from the town.",
    "A 152mm shell and 120-mm mortars hit the village; a 7-year-old boy and a 3-month-old girl were wounded.",
    "İstanbul: ΣΕΙΣΜΟΣ; the ﬁre-fighters (ﬁ ligature) and 😀 emoji; Kh–101 with an en dash; re-shelled, unshelled.",
]


def _corpus() -> list[str]:
    """Real text: the sentences above, the example reports, and the acled-dev notes and seed where present."""
    texts = list(SENTENCES)
    texts += [p.read_text("utf-8") for p in sorted((REPO / "examples" / "reports").iterdir()) if p.is_file()]
    dev = SHARED / "eval" / "acled-ukraine" / "dev.jsonl"
    if dev.exists():
        texts += [json.loads(line)["notes"] for line in dev.read_text("utf-8").splitlines() if line.strip()]
    seed = SHARED / "seed" / "kyiv-strikes.txt"
    if seed.exists():
        texts.append(seed.read_text("utf-8"))
    return texts


def _generated(texts: list[str], lexicons: list[Lexicon], n: int, seed: int) -> list[str]:
    """Texts made of corpus words and the lexicons' own cues in random order, cased and glued at random, so that
    cues meet at every kind of boundary (hyphens, apostrophes, other cues, digits, no space at all)."""
    rng = random.Random(seed)
    words = sorted({w for t in texts[:400] for w in t.split()})
    cues = sorted({c for lex in lexicons for p in lex.patterns if (e := entry_cues(p)) for c in e.starts | e.anywhere})
    pool = words + cues * 3 + ["152", "7", "-", "'s", "’", ".", ",", "İ", "Σ"]
    glue = [" ", " ", " ", "-", "", ", ", ". ", "'", "\n", "  "]
    out = []
    for _ in range(n):
        tokens = [rng.choice(pool) for _ in range(rng.randint(1, 40))]
        tokens = [t.upper() if rng.random() < 0.1 else t.title() if rng.random() < 0.2 else t for t in tokens]
        out.append("".join(t + rng.choice(glue) for t in tokens))
    for t in texts[:300]:  # the same notes with their words shuffled
        words_of = t.split()
        rng.shuffle(words_of)
        out.append(" ".join(words_of))
    return out


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    texts = _corpus()
    lexicons = [load_lexicon(f, i) for f, i in [*LOWER, ("actors.tsv", False)]]
    return texts + _generated(texts, lexicons, 3000, seed=7)


def test_scanner_finds_what_the_alternations_find(corpus: list[str]) -> None:
    """Same spans, same entries, for the bundled lexicons as the tagger runs them (four over the lower-cased text in
    one scanner, actors over the text)."""
    lower = [load_lexicon(f, i) for f, i in LOWER]
    actors = load_lexicon("actors.tsv", ignore_case=False)
    lower_scan, text_scan = LexiconScanner(lower), LexiconScanner([actors])
    found = 0
    for text in corpus:
        low = lowered(Document(id="t", text=text))
        expected = [lex.finditer(low) for lex in lower]
        assert lower_scan.scan(low) == expected, text
        assert text_scan.scan(text) == [actors.finditer(text)], text
        found += sum(map(len, expected))
    assert found > 1000


def test_cased_lexicons_share_the_pass(corpus: list[str]) -> None:
    """The actors scanned with the four others, as the tagger runs them (cues looked for in the lower-cased text,
    entries matched in the text), find what their alternation finds in the text."""
    lower = [load_lexicon(f, i) for f, i in LOWER]
    actors = load_lexicon("actors.tsv", ignore_case=False)
    scanner = LexiconScanner(lower, cased=[actors])
    assert not scanner._always_plain
    for text in corpus:
        low = lowered(Document(id="t", text=text))
        assert scanner.scan(low, text) == [*(lex.finditer(low) for lex in lower), actors.finditer(text)], text


def test_bundled_lexicons_are_scanned_by_cues() -> None:
    """Every bundled entry can be cued (else its lexicon would always run the slow alternation)."""
    for filename, ignore_case in [*LOWER, ("actors.tsv", False)]:
        lexicon = load_lexicon(filename, ignore_case)
        assert all(entry_cues(p) is not None for p in lexicon.patterns), filename
        assert not LexiconScanner([lexicon])._always_plain


def test_tagger_uses_the_scanner() -> None:
    """The tagger's layers are the scanner's matches (a regression guard for the wiring)."""
    tagger = LexiconTagger()
    doc = Document(id="t", text=SENTENCES[0] + " " + SENTENCES[4])
    tagger(doc)
    weapons = [(s.start, s.end, s.attrs["model"]) for s in doc.layer("weapon")]
    expected = [(s, e, row[1] or None) for s, e, row in tagger.weapons.finditer(lowered(doc))]
    assert weapons == expected
    assert ("Shahed-136" in {m for _, _, m in weapons}) and len(weapons) >= 5


def test_cues_of_entries() -> None:
    assert entry_cues("shahed[- ]?136s?").starts == {"shahed-136", "shahed 136", "shahed136"}  # type: ignore[union-attr]
    assert entry_cues("(?:Russia's|Russian) (?:armed )?forces").starts == {  # type: ignore[union-attr]
        "Russia's armed forces",
        "Russia's forces",
        "Russian armed forces",
        "Russian forces",
    }
    assert entry_cues("[Pp]olice|National Police").starts == {"Police", "police", "National Police"}  # type: ignore[union-attr]
    assert entry_cues("(?<!coal )(?:land)?mines?").starts == {"landmine", "mine"}  # type: ignore[union-attr]
    assert entry_cues("children|child|boys?").starts == {"child", "boy"}  # type: ignore[union-attr]
    # no literal start: cued by a literal it must contain
    cues = entry_cues(r"artillery|\d+(?:-| )?mm")
    assert cues is not None and cues.starts == {"artillery"} and cues.anywhere == {"mm"}
    assert entry_cues(r"\w+ed") == EntryCues(frozenset(), frozenset({"ed"}), r"\w+ed")
    # a text holding "-mm" holds "mm": only the latter is looked for
    assert entry_cues(r"a\d|\d+ ?mm|b|\d-mm") == EntryCues(frozenset("ab"), frozenset({"mm"}), r"\d+ ?mm|\d-mm")
    # cannot be cued: back-references, flags, may match nothing, nothing literal it must contain
    for pattern in [r"(a)b\1", r"(?P<x>a)(?P=x)", "(?i:x)", "(?i)y", "a?", "x*|y", r"\w+", r"[^.]{3}", "(?:"]:
        assert entry_cues(pattern) is None, pattern


def test_top_level_alternatives() -> None:
    assert _top_level_alternatives(r"a|b(?:c|d)|[|\]]e|\|f|[]|]g|[^]|]h") == [
        "a",
        "b(?:c|d)",
        r"[|\]]e",
        r"\|f",
        "[]|]g",
        "[^]|]h",
    ]


MADE_UP = [
    # entry order decides at one position, even against a longer later entry
    ["fire", "fire at|fired at", "fired"],
    # optional and repeated parts, classes, lookarounds inside entries, a free alternative cued by a literal
    ["ab+c", "a[bc]d?", r"(?<!x )ab", r"ab(?= c)", r"\d+ ?mm|mm", "q(?:u|v)*x", "b"],
    # entries overlapping each other's cues, hyphens and apostrophes at the edges
    ["a-b", "b-c", "a", "'s a", "c'"],
    # alternatives without a literal start, before, among and after cued ones, in several entries
    ["1 mm", r"q|\d+ ?mm", "2", r"\d mm|x", r"mm|\d\d?-?mm", "a"],
    # one entry that cannot be cued: the whole lexicon runs its alternation
    ["ab", r"(a)\1", "b"],
    # a free alternative with no literal to require: likewise
    ["ab", r"\w\w"],
]


@pytest.mark.parametrize("patterns", MADE_UP)
def test_made_up_lexicons(patterns: list[str]) -> None:
    """Small lexicons over a small alphabet, so that every entry matches, fails and overlaps often."""
    lexicon = Lexicon("made-up", tuple(patterns), tuple((str(i),) for i in range(len(patterns))))
    scanner = LexiconScanner([lexicon])
    rng = random.Random(len(patterns))
    alphabet = [*"abcdquvx", " ", " ", " ", "-", "'", "1", "2", " mm", "mm", "fire", "d at", "s"]
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        expected = lexicon.finditer(text)
        assert scanner.scan(text) == [expected], (patterns, text)
        hits += len(expected)
    assert hits > 50


def test_several_lexicons_in_one_scan() -> None:
    """Lexicons scanned together do not disturb each other, including one that runs its alternation."""
    lexicons = [Lexicon(str(i), tuple(p), tuple((str(j),) for j in range(len(p)))) for i, p in enumerate(MADE_UP)]
    scanner = LexiconScanner(lexicons)
    rng = random.Random(1)
    for _ in range(500):
        text = "".join(rng.choice(["a", "b", "c", " ", "-", "1 mm", "fired at", "q", "x"]) for _ in range(20))
        assert scanner.scan(text) == [lex.finditer(text) for lex in lexicons], text


@pytest.mark.parametrize("patterns", MADE_UP)
def test_made_up_cased_lexicons(patterns: list[str]) -> None:
    """A made-up lexicon matched case-sensitively, sharing the pass over the lower-cased text with another one."""
    cased = Lexicon(
        "cased", tuple(p.replace("a", "A") for p in patterns), tuple((str(i),) for i in range(len(patterns)))
    )
    other = Lexicon("other", ("b", "fired at", r"\d+ ?mm"), (("b",), ("f",), ("mm",)))
    scanner = LexiconScanner([other], cased=[cased])
    rng = random.Random(len(patterns))
    alphabet = [*"aAbBcdqux", " ", " ", "-", "'", "1", " mm", "MM", "fire", "FIRED AT", "İ", "\u212a"]
    hits = 0
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        low = lowered(Document(id="t", text=text))
        expected = [other.finditer(low), cased.finditer(text)]
        assert scanner.scan(low, text) == expected, (patterns, text)
        hits += len(expected[1])
    assert hits > 50


def test_cased_lexicon_with_a_non_ascii_cue_runs_its_alternation() -> None:
    cased = Lexicon("cased", ("Ärzte", "Police"), (("0",), ("1",)))
    scanner = LexiconScanner([], cased=[cased])
    assert scanner._always_plain == (0,)
    text = "Ärzte and Police, ärzte and police"
    assert scanner.scan(lowered(Document(id="t", text=text)), text) == [cased.finditer(text)]


def test_entries_are_tried_by_alternatives() -> None:
    assert entry_parts("fire at|fired at|shell(?:ed|ing)") == [
        ("fire at", entry_cues("fire at")),
        ("fired at", entry_cues("fired at")),
        ("shell(?:ed|ing)", entry_cues("shell(?:ed|ing)")),
    ]
    assert entry_parts("ab|(?:c|d)e") == [("ab", entry_cues("ab")), ("(?:c|d)e", entry_cues("(?:c|d)e"))]
    # kept whole: one alternative, an alternative without a literal start, one that cannot be cued
    for pattern in ["a(?:b|c)", r"artillery|\d+ ?mm", r"a|(b)\1"]:
        parts = entry_parts(pattern)
        assert parts is None or parts == [(pattern, entry_cues(pattern))], pattern
    assert entry_parts(r"(a)\1") is None


def test_cues_are_cached(tmp_path: Path) -> None:
    """The cues read back from the cache are the ones computed; a cache for other patterns, or a broken one, is not
    used (and the file for other patterns is removed when a new one is written); an unwritable cache directory only
    costs the time."""
    patterns = [*MADE_UP[0], *MADE_UP[1], *MADE_UP[4], "a|b"]
    expected = [entry_parts(p) for p in patterns]
    assert cached_parts(patterns, tmp_path) == expected  # computed, written
    (written,) = tmp_path.iterdir()
    assert cached_parts(patterns, tmp_path) == expected  # read back
    assert cached_parts(patterns[:-1], tmp_path) == expected[:-1]  # other patterns, another file
    (other,) = tmp_path.iterdir()  # the stale one is gone
    assert other != written
    assert cached_parts(patterns, tmp_path) == expected
    assert list(tmp_path.iterdir()) == [written]
    written.write_text('{"key": "x", "parts": []}')
    assert cached_parts(patterns, tmp_path) == expected
    written.write_text("{broken")
    assert cached_parts(patterns, tmp_path) == expected
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cached_parts(patterns, blocker / "cache") == expected


def test_tagger_reads_its_cues_from_the_home_cache() -> None:
    first = LexiconTagger()
    second = LexiconTagger()
    assert second._scan._candidates == first._scan._candidates
    doc = Document(id="t", text=" ".join(SENTENCES))
    first(doc)
    other = Document(id="t", text=doc.text)
    second(other)
    assert [(s.start, s.end, s.attrs) for layer in doc.layers.values() for s in layer] == [
        (s.start, s.end, s.attrs) for layer in other.layers.values() for s in layer
    ]


def test_no_lexicons() -> None:
    assert LexiconScanner([]).scan("anything") == []
