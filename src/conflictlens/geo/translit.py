"""Transliteration and name normalisation for toponyms.

Ukrainian place names reach English text in two spellings: the Ukrainian national system of 2010 (Cabinet of
Ministers resolution No. 55, used by ACLED and most English-language media: Mykhailivka, Kharkiv) and older
Russian-based forms (Mikhaylovka, Kharkov).  GeoNames postal files carry Cyrillic only, so the importer derives both.
:func:`name_key` is the one normalisation every gazetteer key and every matched text span goes through, so that
"Solom'yanka", "Solomyanka" and "SOLOMYANKA" meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Ukrainian national system (2010).  Letters with a separate word-initial form are in _UK_INITIAL.
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
    # Russian letters that occur in Russian-language names of Ukrainian places
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "ё": "yo"}

# Russian-style (BGN/PCGN-like) reading of the same letters: г -> g, и -> i, й -> y, я -> ya everywhere.
_RU = dict(_UK)
_RU.update({"г": "g", "и": "i", "й": "y", "є": "ye", "ї": "yi", "ю": "yu", "я": "ya", "е": "e", "ё": "yo"})

# Ukrainian -> Russian spelling of common name endings (Михайлівка ~ Михайловка, Харків ~ Харков,
# Удачне ~ Удачное, Покровське ~ Покровское).  Regular correspondences of the two languages' toponymy.
_UK_TO_RU_ENDINGS = [
    (re.compile(r"івка\b"), "овка"),
    (re.compile(r"ївка\b"), "евка"),
    (re.compile(r"ів\b"), "ов"),
    (re.compile(r"ське\b"), "ское"),
    (re.compile(r"цьке\b"), "цкое"),
    (re.compile(r"не\b"), "ное"),
    (re.compile(r"ове\b"), "овое"),
    (re.compile(r"ий\b"), "ый"),
]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD_CHAR = re.compile(r"[^\W\d_]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def _translit(text: str, table: dict[str, str], initial: dict[str, str], zgh: bool) -> str:
    out: list[str] = []
    prev_letter = False
    low = text.lower()
    for i, ch in enumerate(text):
        lc = low[i]
        if lc in table:
            if zgh and lc == "г" and i > 0 and low[i - 1] == "з":
                piece = "gh"
            elif not prev_letter and lc in initial:
                piece = initial[lc]
            else:
                piece = table[lc]
            if ch != lc and piece:
                piece = piece[0].upper() + piece[1:]
            out.append(piece)
            prev_letter = prev_letter if lc in "'’ʼ" else True
        else:
            out.append(ch)
            prev_letter = _WORD_CHAR.match(ch) is not None
    return "".join(out)


def ukrainian_to_latin(text: str) -> str:
    """Transliterate Ukrainian Cyrillic by the national system of 2010 (Михайлівка -> Mykhailivka)."""
    return _translit(text, _UK, _UK_INITIAL, zgh=True)


def ukrainian_to_russian_style(text: str) -> str:
    """A Russian-style Latin form of a Ukrainian name (Михайлівка -> Mikhaylovka, Харків -> Kharkov)."""
    low = text
    for pattern, repl in _UK_TO_RU_ENDINGS:
        low = pattern.sub(repl, low)
    return _translit(low, _RU, {"е": "ye", "є": "ye", "ї": "yi", "ю": "yu", "я": "ya", "ё": "yo"}, zgh=False)


def latin_forms(name: str) -> list[str]:
    """Latin spellings of a name: itself if Latin, else the national-system and Russian-style transliterations."""
    if not has_cyrillic(name):
        return [name]
    forms = [ukrainian_to_latin(name), ukrainian_to_russian_style(name)]
    return list(dict.fromkeys(forms))


# Latin spelling variants of the same name ending, as media write them (Solomianskyi/Solomyansky/Solomyanskyi,
# Zaporizhzhia/Zaporizhzhya/Zaporizhia).  Each pair means "a name ending in A may also be written ending in B".
_VARIANT_ENDINGS = [
    ("skyi", "sky"), ("skyi", "skyy"), ("skyi", "skiy"), ("skyi", "skii"), ("skyy", "skyi"), ("sky", "skyi"),
    ("iia", "iya"), ("ia", "iya"), ("ia", "ya"), ("iya", "ia"), ("ya", "ia"), ("yi", "yy"), ("ye", "e"),
]  # fmt: skip


def spelling_variants(name: str) -> set[str]:
    """Common alternative Latin spellings of ``name`` (ending variants, ia/ya, zhzh/zh), name included."""
    out = {name}
    low = name.lower()
    for a, b in _VARIANT_ENDINGS:
        if low.endswith(a):
            out.add(name[: len(name) - len(a)] + b)
    for n in list(out):
        if "ia" in n[1:-2]:
            out.add(n[0] + n[1:].replace("ia", "ya"))
        if "ya" in n[1:-2]:
            out.add(n[0] + n[1:].replace("ya", "ia"))
        if "zhzh" in n:
            out.add(n.replace("zhzh", "zh"))
    return out


_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*|\d+")
# the same tokens in lower-case ASCII text, where a letter is a-z and a digit 0-9 (a narrower class is faster)
ASCII_TOKEN = re.compile(r"[a-z]+(?:['`][a-z]+)*|[0-9]+")
_APOS = str.maketrans("", "", "'’ʼ`")


@lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """Normalised form of one word: ASCII, lower case, apostrophes dropped."""
    if not token.isascii():
        token = unidecode(token)
    return token.translate(_APOS).lower()


def name_key(name: str) -> str:
    """The normalised lookup key of a name: words of :func:`token_key` joined by single spaces."""
    return " ".join(token_key(t) for t in _TOKEN.findall(name))


# Spelling-insensitive folding of a key (see :func:`loose_key`), applied in this order.
_LOOSE_STEPS = [
    (re.compile(r"shch|sch|shh|ssh"), "sc"),  # Shcherbynivka ~ Scherbynivka ~ Shherbinovka
    (re.compile(r"kh"), "h"),  # Kharkiv ~ Harkiv
    (re.compile(r"g"), "h"),  # Russian-style г: Gremyachka ~ Hremiachka
    (re.compile(r"[jy]"), "i"),  # Pyatykhatky ~ Piatykhatky, Vasyukivka ~ Vasiukivka, Mayak ~ Maiak
    (re.compile(r"([a-z])\1+"), r"\1"),  # doubled letters: Andriyivka ~ Andriivka ~ Andrivka, Huriiv ~ Huriv
    (re.compile(r"zhzh"), "zh"),  # Zaporizhzhia ~ Zaporizhia
    (re.compile(r"ie"), "e"),  # Pobieda ~ Pobyeda ~ Pobeda
]


@lru_cache(maxsize=65536)
def loose_key(key: str) -> str:
    """A spelling-insensitive form of a :func:`name_key` key, for fallback lookups of Ukrainian/Russian names.

    Folds the variation of Latin spellings of the same Cyrillic name (y/i/j, ya/ia, yu/iu, ye/ie/e, kh/h, g/h,
    shch/sch, doubled letters; apostrophes and hyphens are already gone from keys), so "Scherbynivka",
    "Novomykhaylivka" and "Pyatykhatky" meet "Shcherbynivka", "Novomykhailivka" and "Piatykhatky".  Coarser than
    the key, so a loose match is a weaker reading than an exact one.
    """
    for pattern, repl in _LOOSE_STEPS:
        key = pattern.sub(repl, key)
    return key


def tokens(text: str) -> list[tuple[int, int]]:
    """Word token offsets of ``text`` (letters with inner apostrophes, or digits)."""
    return [m.span() for m in _TOKEN.finditer(text)]
