"""Tests of the English-only language check."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conflictlens.errors import InputError
from conflictlens.ingest.language import check_english, detect_language, english_verdict, looks_plainly_english

SHARED = Path(__file__).resolve().parents[3] / "shared"
ACLED_DEV = SHARED / "eval" / "acled-ukraine" / "dev.jsonl"


def test_detect_language_on_clear_texts() -> None:
    assert (
        detect_language("Russian forces shelled the city overnight, killing two civilians, the governor said.")[0]
        == "en"
    )
    lang, prob = detect_language("Російські війська обстріляли Херсон, поранено двох цивільних, повідомив голова ОВА.")
    assert lang == "uk" and prob > 0.9
    assert detect_language("Российские войска обстреляли Херсон, ранены двое мирных жителей.")[0] == "ru"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les forces russes ont bombardé la ville de Kherson, blessant deux civils selon le maire.", "fr"),
        ("Las fuerzas rusas bombardearon la ciudad de Jersón, hiriendo a dos civiles, según el alcalde.", "es"),
        ("Rosyjskie wojska ostrzelały miasto Chersoń, raniąc dwóch cywilów, poinformował mer.", "pl"),
    ],
)
def test_other_languages_are_rejected(text: str, lang: str) -> None:
    with pytest.raises(InputError) as info:
        check_english(text, "doc")
    assert info.value.problem == f"language looks like {lang!r}, only English is supported"
    assert info.value.source == "doc"


def test_short_texts_are_not_judged() -> None:
    assert english_verdict("Обстріл Херсона") == (True, "en", 0.0)
    assert check_english("Kherson shelled.") == "en"


def test_terse_acled_style_note_is_english() -> None:
    note = "On 13 October 2022, Russian military forces shelled Zaliznychne, Zaporizhia. Casualties unknown."
    assert check_english(note) == "en"


def test_fast_path_needs_real_english() -> None:
    assert looks_plainly_english("The mayor said that two people were killed and three were injured in the attack.")
    assert not looks_plainly_english("Les forces russes ont bombardé la ville de Kherson, blessant deux civils.")
    assert not looks_plainly_english("Rosiiski viiska obstrilialy Kherson, poraneno dvokh tsyvilnykh.")


@pytest.mark.skipif(not ACLED_DEV.exists(), reason="../shared is not checked out")
def test_all_acled_dev_notes_and_the_seed_are_accepted() -> None:
    notes = [json.loads(line)["notes"] for line in ACLED_DEV.read_text("utf-8").splitlines() if line.strip()]
    assert len(notes) == 1104
    check_english("warm up the model " * 5)  # exclude the one-off model load from the timing
    start = time.perf_counter()
    rejected = [n for n in notes if not english_verdict(n)[0]]
    per_doc = (time.perf_counter() - start) / len(notes)
    assert rejected == []
    assert per_doc < 0.002  # measured ~10 us per note
    assert check_english((SHARED / "seed" / "kyiv-strikes.txt").read_text("utf-8")) == "en"


def test_short_headlines_full_of_names_are_not_rejected() -> None:
    assert check_english("Russian forces seize Lysychansk, Luhansk region") == "en"
    assert check_english("Ukrainian Forces Retake Kherson After Months Of Occupation") == "en"


def test_model_cache_gives_the_bundled_models_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The uncompressed copy of py3langid's model is written on the first load and scores exactly like the original."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from conflictlens.ingest.language import _load_identifier

    monkeypatch.setenv("CONFLICTLENS_HOME", str(tmp_path))
    bundled = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = _load_identifier()  # fills the cache
    assert len(list((tmp_path / "cache").iterdir())) == 1
    cached = _load_identifier()  # reads it
    texts = [
        "Russian forces shelled the city overnight, killing two civilians, the governor said.",
        "Російські війська обстріляли Херсон, поранено двох цивільних, повідомив голова ОВА.",
        "Les forces russes ont bombardé la ville de Kherson, blessant deux civils selon le maire.",
        "On 13 October 2022, Russian forces shelled Nove, Kharkiv. Casualties unknown.",
    ]
    for text in texts:
        assert first.rank(text) == cached.rank(text) == bundled.rank(text)
        assert cached.classify(text) == bundled.classify(text)


def test_unwritable_model_cache_falls_back_to_the_bundled_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conflictlens.ingest.language import _load_identifier

    blocker = tmp_path / "home"
    blocker.write_text("a file where the home directory should be", "utf-8")
    monkeypatch.setenv("CONFLICTLENS_HOME", str(blocker))
    assert _load_identifier().classify("Russian forces shelled the city overnight, killing two civilians.")[0] == "en"


def _plainly_english_by_words(text: str) -> bool:
    """The fast-path test as first written: words by ``_WORD`` in the text itself, lower-cased one by one."""
    from conflictlens.ingest.language import _WORD, FAST_PATH_MIN_HITS, FAST_PATH_SHARE, SAMPLE_CHARS, _english_words

    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if not words or sum(not w.isascii() for w in words) > 0.1 * len(words):
        return False
    hits = sum(w.lower() in _english_words() for w in words)
    return hits >= FAST_PATH_MIN_HITS and hits >= FAST_PATH_SHARE * len(words)


def test_fast_path_reads_ascii_text_as_the_word_regex_does() -> None:
    """ASCII text takes a quicker route to its words; the verdict is the one the word regex gives."""
    texts = [
        "On 3 May, Russian forces SHELLED the town of Nikopol; 2 civilians were killed and_the 3rd was hurt.",
        "Kyiv: the mayor said that air defence was working over the city, and the people in the shelters are safe.",
        "Les forces russes ont bombardé la ville; le maire a dit que deux civils ont été tués dans la nuit.",
        "The \u212aelvin sign and the ſ long s: the old word forms that are in the text of the report were read.",
        "İstanbul and the other cities of the region were in the news; the report said it was all over.",
        "12345 ___ --- !!!",
        "",
    ]
    if ACLED_DEV.exists():
        texts += [json.loads(line)["notes"] for line in ACLED_DEV.read_text("utf-8").splitlines() if line.strip()]
    for text in texts:
        assert looks_plainly_english(text) == _plainly_english_by_words(text), text
