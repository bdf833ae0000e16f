"""Readers: files, directories, JSON Lines and stdin to a stream of documents.

:func:`iter_documents` is the one entry point the CLI and the Python API use.  It streams: one document is read,
checked and yielded at a time, and a JSON Lines file is read line by line, so a large batch never sits in memory.
Every problem a user can cause (a missing path, an empty or binary file, a file that is not UTF-8, too large, HTML with
no article text, a broken JSON line, a non-English report) is raised inside as :class:`~conflictlens.errors.InputError`
and yielded in place as a :class:`~conflictlens.model.DocumentFailure`, so one bad input never stops the others.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from conflictlens.document import Document
from conflictlens.errors import InputError
from conflictlens.ingest.decode import (
    check_not_binary,
    declared_html_charset,
    decode_bytes,
    looks_like_html,
    normalise_text,
)
from conflictlens.ingest.language import check_english
from conflictlens.model import DocumentFailure

DEFAULT_MAX_BYTES = 10 * 2**20
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"

Item = Document | DocumentFailure


def iter_documents(
    inputs: list[str], published: dt.date | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Stream the documents of ``inputs``: files, directories (recursive, sorted), JSON Lines files, or ``-`` (stdin).

    ``published`` is the publication date of documents that carry none of their own (HTML metadata or a JSONL
    ``published`` field win).  Files (and JSONL lines) larger than ``max_bytes`` are rejected without being read.
    Bad inputs come out as :class:`DocumentFailure` in their place; the rest go on.
    """
    reader = _Reader(published, max_bytes)
    for name in inputs:
        yield from reader.input(name)


def read_document(
    path: str | Path, published: dt.date | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read one text or HTML file as a :class:`Document`; raise :class:`InputError` if it cannot be used."""
    items = list(_Reader(published, max_bytes).input(str(path)))
    if len(items) != 1:
        raise InputError(str(path), f"holds {len(items)} documents, expected one (use iter_documents)")
    item = items[0]
    if isinstance(item, DocumentFailure):
        raise InputError(item.id, item.error)
    return item


def document_from_text(
    text: str, doc_id: str = "text", published: dt.date | None = None, *, check_language: bool = True
) -> Document:
    """A :class:`Document` from a Python string, normalised and checked the way file input is."""
    text = normalise_text(text)
    if not text.strip():
        raise InputError(doc_id, "no text (only whitespace)" if text else "empty input (no text)")
    language = check_english(text, doc_id) if check_language else None
    return Document(id=doc_id, text=text, published=published, language=language, meta={"format": "text"})


def parse_published(value: object, source: str) -> dt.date | None:
    """A ``published`` value (``2024-01-02``, ISO date-time, null) as a date; raise :class:`InputError` if invalid."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InputError(source, f"invalid published value {value!r}: expected an ISO date such as 2024-01-02")


def _size(n: int) -> str:
    return f"{n:,} bytes ({n / 2**20:.1f} MiB)"


class _Reader:
    """Reading state shared by one call of :func:`iter_documents`: the default date and the size limit."""

    def __init__(self, published: dt.date | None, max_bytes: int) -> None:
        self.published = published
        self.max_bytes = max_bytes

    # -- inputs ---------------------------------------------------------------------------------------------------

    def input(self, name: str) -> Iterator[Item]:
        if name == STDIN:
            yield from self._guard("stdin", self._stdin)
            return
        path = Path(name)
        if path.is_dir():
            yield from self._directory(path, name)
        elif path.exists():
            yield from self._file(path, path.name)
        else:
            yield DocumentFailure(id=name, error="no such file or directory")

    def _directory(self, root: Path, name: str) -> Iterator[Item]:
        files: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            files.extend(
                Path(dirpath, f)
                for f in filenames
                if not f.startswith(".") and f.lower().endswith(SUPPORTED_SUFFIXES) and os.path.isfile(Path(dirpath, f))
            )
        if not files:
            yield DocumentFailure(
                id=name, error=f"no readable files in this directory (looked for {', '.join(SUPPORTED_SUFFIXES)})"
            )
            return
        for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
            yield from self._file(path, path.relative_to(root).as_posix())

    def _file(self, path: Path, doc_id: str) -> Iterator[Item]:
        lower = path.name.lower()
        if lower.endswith(JSONL_SUFFIXES):
            yield from self._guard(doc_id, lambda: self._jsonl_file(path, doc_id))
        else:
            yield from self._guard(doc_id, lambda: iter([self._single_file(path, doc_id, lower)]))

    def _guard(self, doc_id: str, produce: Any) -> Iterator[Item]:
        """Run a reader; an :class:`InputError` (or an OS error) it raises becomes one failure in the stream."""
        try:
            yield from produce()
        except InputError as exc:
            yield DocumentFailure(id=exc.source, error=exc.problem)
        except OSError as exc:
            yield DocumentFailure(id=doc_id, error=f"cannot read: {exc.strerror or exc}")

    def _single_file(self, path: Path, doc_id: str, lower: str) -> Document:
        size = path.stat().st_size
        if size > self.max_bytes:
            raise InputError(doc_id, f"file too large: {_size(size)}, the limit is {_size(self.max_bytes)}")
        with path.open("rb") as fh:
            data = fh.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:  # grew since stat, or a special file
            raise InputError(doc_id, f"file too large: over the limit of {_size(self.max_bytes)}")
        if lower.endswith(HTML_SUFFIXES):
            kind = "html"
        elif lower.endswith(TEXT_SUFFIXES):
            kind = "text"
        else:
            kind = "html" if looks_like_html(data) else "text"
        return self._bytes_document(data, doc_id, kind, {"source": str(path)})

    def _stdin(self) -> Iterator[Item]:
        stream = _binary_stdin()
        head = stream.peek(4096)[:4096]
        if not head:
            raise InputError("stdin", "empty input (0 bytes)")
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if first == b"{":
            yield from self._jsonl_stream(stream, "stdin")
            return
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise InputError("stdin", f"input too large: over the limit of {_size(self.max_bytes)}")
        kind = "html" if looks_like_html(data) else "text"
        yield self._bytes_document(data, "stdin", kind, {"source": STDIN})

    # -- documents ------------------------------------------------------------------------------------------------

    def _bytes_document(self, data: bytes, doc_id: str, kind: str, meta: dict[str, Any]) -> Document:
        if kind == "html":
            encoding = declared_html_charset(data)
            html = decode_bytes(data, doc_id, encoding=encoding if encoding != "utf-8" else None)
            return self._html_document(html, doc_id, None, None, meta)
        text = decode_bytes(data, doc_id)
        return self._text_document(text, doc_id, None, None, None, meta)

    def _text_document(
        self,
        text: str,
        doc_id: str,
        published: dt.date | None,
        url: str | None,
        title: str | None,
        meta: dict[str, Any],
    ) -> Document:
        language = check_english(text, doc_id)
        return Document(
            id=doc_id,
            text=text,
            published=published or self.published,
            title=title,
            url=url,
            language=language,
            meta={"format": "text", **meta},
        )

    def _html_document(
        self, html: str, doc_id: str, published: dt.date | None, url: str | None, meta: dict[str, Any]
    ) -> Document:
        from conflictlens.ingest.html import html_to_document

        doc = html_to_document(html, doc_id, published=published or self.published, url=url, meta=meta)
        doc.language = check_english(doc.text, doc_id)
        return doc

    # -- JSON Lines -----------------------------------------------------------------------------------------------

    def _jsonl_file(self, path: Path, file_id: str) -> Iterator[Item]:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:  # type: ignore[operator]
            stream = io.BufferedReader(fh) if not hasattr(fh, "peek") else fh
            try:
                check_not_binary(stream.peek(4096)[:4096], file_id)
            except gzip.BadGzipFile as exc:
                raise InputError(file_id, f"not a gzip file: {exc}") from None
            yield from self._jsonl_stream(stream, file_id)

    def _jsonl_stream(self, stream: IO[bytes], file_id: str) -> Iterator[Item]:
        limit = self.max_bytes
        for lineno in range(1, sys.maxsize):
            line = stream.readline(limit + 1)
            if not line:
                return
            where = f"{file_id}:{lineno}"
            if len(line) > limit and not line.endswith(b"\n"):
                while chunk := stream.readline(2**20):  # skip the rest of the over-long line
                    if chunk.endswith(b"\n"):
                        break
                yield DocumentFailure(id=where, error=f"line {lineno} too large: over the limit of {_size(limit)}")
                continue
            if not line.strip():
                continue
            try:
                yield self._jsonl_document(line, lineno, where)
            except InputError as exc:
                yield DocumentFailure(id=exc.source, error=exc.problem)

    def _jsonl_document(self, line: bytes, lineno: int, where: str) -> Document:
        try:
            # what the "utf-8-sig" codec does (a leading BOM dropped), without its Python-level codec function
            raw = (line[3:] if line.startswith(codecs.BOM_UTF8) else line).decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            raise InputError(where, f"line {lineno} is not UTF-8 (invalid byte at column {exc.start + 1})") from None
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(where, f"line {lineno}: expected a JSON object, got {type(obj).__name__}")
        doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else where
        published = parse_published(obj.get("published"), doc_id)
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        meta: dict[str, Any] = {"source": where, "line": lineno}
        text, html = obj.get("text"), obj.get("html")
        if isinstance(text, str) and text.strip():
            text = normalise_text(text)
            return self._text_document(text, doc_id, published, url, title, meta)
        if isinstance(html, str) and html.strip():
            doc = self._html_document(normalise_text(html), doc_id, published, url, meta)
            if title and not doc.title:
                doc.title = title
            return doc
        if isinstance(text, str) or isinstance(html, str):
            raise InputError(doc_id, f"line {lineno}: 'text' is empty")
        raise InputError(doc_id, f"line {lineno}: no 'text' or 'html' field")


def _binary_stdin() -> io.BufferedReader:
    """stdin as a peekable binary stream (works for the real stdin and for test doubles wrapping bytes)."""
    stdin = sys.stdin
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # a text-only stream such as io.StringIO
        buffer = io.BytesIO(stdin.read().encode("utf-8"))
    return io.BufferedReader(buffer, buffer_size=65536)  # type: ignore[arg-type]
