"""Bytes to the plain text every evidence offset points into.

The text is kept as given: no reflow, no whitespace collapsing.  Only the encoding layer is normalised -- a byte-order
mark is stripped, ``\\r\\n`` and ``\\r`` become ``\\n``, and the result is NFC-normalised -- so that the same report
gives the same text (and ``text_sha256``) whichever editor or platform saved it.  Input that is not text (binary, not
UTF-8, empty) raises :class:`~conflictlens.errors.InputError` with a one-line explanation a user can act on.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from conflictlens.errors import InputError

#: Bytes looked at for the binary check.
SNIFF_BYTES = 8192
#: Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which input is binary.
MAX_CONTROL_SHARE = 0.05

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_NEWLINES = re.compile(r"\r\n?")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, a leading BOM dropped, NFC; nothing else is touched."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text) if "\r" in text else text)


def check_not_binary(data: bytes, source: str) -> None:
    """Raise if ``data`` looks like a binary file (NUL bytes or many control characters)."""
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    if head and sum(head.count(bytes([b])) for b in _CONTROL) > MAX_CONTROL_SHARE * len(head):
        raise InputError(source, "binary file (many control characters), not text")


def decode_bytes(data: bytes, source: str, *, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (or UTF-16 with a BOM, or a declared ``encoding``) and normalise it.

    Raises :class:`InputError` for empty, whitespace-only, binary or undecodable input.
    """
    if not data:
        raise InputError(source, "empty input (0 bytes)")
    check_not_binary(data, source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", source, 0)
    elif data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", source, 3)
    else:
        text = _decode(data, encoding or "utf-8", source, 0)
    text = normalise_text(text)
    if not text.strip():
        raise InputError(source, "no text (only whitespace)")
    return text


def _decode(data: bytes, encoding: str, source: str, offset: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
            raise InputError(
                source,
                f"not UTF-8 text (invalid byte at offset {exc.start + offset}); convert it, "
                "e.g. iconv -f cp1251 -t utf-8",
            ) from None
        raise InputError(source, f"not valid {encoding} text (invalid byte at offset {exc.start + offset})") from None


def looks_like_html(data: bytes) -> bool:
    """True if the start of ``data`` is an HTML document (doctype or an ``<html>``/``<head>``/``<body>`` tag)."""
    head = data[:2048].lstrip(codecs.BOM_UTF8)
    return bool(_HTML_START.match(head)) or b"<html" in head.lower()


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (``<meta charset>``), if Python knows it."""
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:2048], re.IGNORECASE)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
