"""Language check of input documents: conflictlens extracts from English text only.

``detect_language`` wraps py3langid (a naive-Bayes byte n-gram identifier).  Its bundled model is LZMA-compressed
and decompressing it costs about half a second, so it is loaded lazily, once per process, from an uncompressed copy
kept below ``CONFLICTLENS_HOME/cache`` after the first load (tens of milliseconds), and :func:`check_english` avoids it
altogether for text that is plainly English (many very common English words, from ``data/english_words.txt``).
Terse English notes ("On 13 October 2022, Russian forces shelled Nove, Kharkiv. Casualties unknown.") are sometimes
labelled Nigerian Pidgin (``pcm``), an English-lexified language; those, and texts where English keeps a fair share of
the probability, are accepted.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from conflictlens.errors import InputError

#: Texts shorter than this (characters, after stripping) are too short to judge and are accepted.
MIN_CHARS = 40
#: A Latin-script text shorter than this is judged only when it is mostly made of words that are not English:
#: a headline ("Russian forces seize Lysychansk, Luhansk region") is mostly names, which fool language models.
MIN_LATIN_CHARS = 200
#: Only the start of a text is looked at.
SAMPLE_CHARS = 2000
#: Labels counted as English: py3langid confuses short English notes with English-lexified creoles.
ENGLISH_LIKE = frozenset({"en", "pcm"})
#: English is accepted when it keeps at least this probability even if another language ranks first.
MIN_ENGLISH_PROBABILITY = 0.10
#: Fast path: share of words from the common-word list above which a Latin-script text is taken as English.
FAST_PATH_SHARE = 0.25
FAST_PATH_MIN_HITS = 4

_WORD = re.compile(r"[^\W\d_]+")
# bytes.translate table: ASCII letters lower-cased, every other byte a space (split, an ASCII text gives the runs of
# letters that _WORD finds in it, lower-cased)
_ASCII_LETTERS = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256))
_lock = threading.Lock()
_identifier: Any = None


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    text = resources.files("conflictlens.ingest").joinpath("data/english_words.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=1)
def _english_ascii_words() -> frozenset[bytes]:
    """The common English words as ASCII bytes, to count in an ASCII text split as bytes."""
    return frozenset(w.encode("ascii") for w in _english_words() if w.isascii())


def _get_identifier() -> Any:
    """The py3langid identifier with normalised probabilities, loaded on first use."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                _identifier = _load_identifier()
    return _identifier


def _load_identifier() -> Any:
    """py3langid's identifier, from the uncompressed cache when it is there, else from the bundled model (which then
    fills the cache).  The cache is named after the bundled model file's size and time, so an upgrade refills it; a
    cache that cannot be read or written only costs the slow load."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from conflictlens.home import home_path

    stat = (MODEL_DIR / MODEL_FILE).stat()
    cache = home_path("cache", f"langid-{stat.st_size}-{stat.st_mtime_ns}")
    try:
        return _read_model_cache(cache, LanguageIdentifier)
    except (OSError, ValueError, KeyError):
        pass
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    with contextlib.suppress(OSError):  # a read-only home: every process pays the slow load, nothing breaks
        _write_model_cache(cache, identifier)
    return identifier


def _read_model_cache(cache: Path, identifier_class: Any) -> Any:
    """An identifier from the arrays :func:`_write_model_cache` wrote (the same arrays the bundled model gives)."""
    from array import array

    import numpy as np

    def load(name: str) -> Any:  # memory-mapped: the big tables are paged in as used, never read twice
        return np.load(cache / f"{name}.npy", mmap_mode="r", allow_pickle=False)

    nextmove, row = array("I"), array("H")
    nextmove.frombytes(memoryview(load("nextmove")).cast("B"))
    row.frombytes(memoryview(load("row")).cast("B"))
    classes = json.loads((cache / "classes.json").read_text("utf-8"))
    return identifier_class(
        load("ptc"), load("pc"), classes, nextmove, load("output").tolist(), norm_probs=True, tk_row=row
    )


def _write_model_cache(cache: Path, identifier: Any) -> None:
    """Write the identifier's arrays uncompressed to the directory ``cache``, atomically (a temporary directory
    renamed into place), so that concurrent processes never read half a cache."""
    import numpy as np

    if identifier.tk_nextmove.typecode != "I" or identifier.tk_row.typecode != "H":
        return  # another model layout than the one :func:`_read_model_cache` rebuilds: keep the slow load
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=cache.name + ".", dir=cache.parent))
    try:
        np.save(tmp / "ptc.npy", np.asarray(identifier.nb_ptc))
        np.save(tmp / "pc.npy", np.asarray(identifier.nb_pc))
        np.save(tmp / "nextmove.npy", np.frombuffer(identifier.tk_nextmove, dtype=np.uint32))
        np.save(tmp / "row.npy", np.frombuffer(identifier.tk_row, dtype=np.uint16))
        np.save(tmp / "output.npy", np.asarray(identifier.tk_output, dtype=np.int64))
        (tmp / "classes.json").write_text(json.dumps(list(identifier.nb_classes)), "utf-8")
        os.replace(tmp, cache)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639 code as py3langid gives it) and its probability (0-1).

    Only the first ``SAMPLE_CHARS`` characters are used.  This always runs the statistical model; for the accept/reject
    decision use :func:`check_english`, which is cheaper and tolerant of terse English.
    """
    lang, prob = _get_identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def _english_probability(sample: str) -> float:
    return float(dict(_get_identifier().rank(sample)).get("en", 0.0))


def looks_plainly_english(text: str) -> bool:
    """Cheap test: a Latin-script text in which a good share of words are very common English words."""
    sample = text[:SAMPLE_CHARS]
    # every document passes here, so the counts run at C speed.  An ASCII sample (most) has no non-ASCII word to
    # count, and its words are runs of ASCII letters: its bytes with letters lower-cased and all else blanked, split.
    words: list[str] | list[bytes]
    if sample.isascii():
        words = sample.encode("ascii").translate(_ASCII_LETTERS).split()
        english: frozenset[str] | frozenset[bytes] = _english_ascii_words()
    else:
        words = _WORD.findall(sample)
        if sum(not w.isascii() for w in words) > 0.1 * len(words):
            return False
        words = [w.lower() for w in words]
        english = _english_words()
    if not words:
        return False
    hits = sum(map(english.__contains__, words))
    return hits >= FAST_PATH_MIN_HITS and hits >= FAST_PATH_SHARE * len(words)


def _capitalised_share(text: str) -> float:
    words = _WORD.findall(text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def english_verdict(text: str) -> tuple[bool, str, float]:
    """``(accepted, language, probability)`` for ``text``; short texts are accepted as ``("en", 0.0)``."""
    sample = text.strip()[:SAMPLE_CHARS]
    if len(sample) < MIN_CHARS:
        return True, "en", 0.0
    if looks_plainly_english(sample):
        return True, "en", 1.0
    latin = sum(c.isascii() for c in sample if c.isalpha()) >= 0.9 * max(1, sum(c.isalpha() for c in sample))
    if latin and len(sample) < MIN_LATIN_CHARS and _capitalised_share(sample) >= 0.3:
        return True, "en", 0.0  # a short Latin-script text full of names: a headline or a note, not judged
    lang, prob = detect_language(sample)
    if lang in ENGLISH_LIKE:
        return True, "en", prob
    english = _english_probability(sample)
    if english >= MIN_ENGLISH_PROBABILITY:
        return True, "en", english
    return False, lang, prob


def check_english(text: str, source: str = "text") -> str:
    """Return ``"en"`` if ``text`` is English (or too short to judge); raise :class:`InputError` otherwise."""
    accepted, lang, prob = english_verdict(text)
    if not accepted:
        raise InputError(source, f"language looks like {lang!r}, only English is supported")
    return "en"
