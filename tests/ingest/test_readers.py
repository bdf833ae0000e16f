"""Tests of the input readers: each format, each kind of bad input, and that failures never stop a batch."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from conflictlens.document import Document
from conflictlens.errors import InputError
from conflictlens.ingest import document_from_text, iter_documents, parse_published, read_document
from conflictlens.model import DocumentFailure

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "kyiv-strikes.txt"

ENGLISH = (
    "Russian forces struck the city of Kharkiv with two missiles on Tuesday night, the regional governor said. "
    "Three people were injured and a residential building was damaged."
)
UKRAINIAN = (
    "Російські війська вночі атакували Харків двома ракетами, повідомив голова обласної військової адміністрації. "
    "Троє людей поранені, пошкоджено житловий будинок."
)
RUSSIAN = (
    "Российские войска ночью атаковали Харьков двумя ракетами, сообщил глава областной военной администрации. "
    "Трое человек ранены, повреждён жилой дом."
)

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Missile hits Kharkiv | Example News</title>
<meta property="article:published_time" content="2023-01-15T09:00:00Z">
<meta name="author" content="Anna Reporter">
<link rel="canonical" href="https://news.example.org/kharkiv-strike">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe to our newsletter</li></ul></nav>
<article>
<h1>Missile strike injures three in Kharkiv</h1>
<p>Russian forces struck the city of Kharkiv with two missiles on Tuesday night, the regional governor said.</p>
<p>Three people were injured and a residential building in the Kyivskyi district was damaged.</p>
</article>
<footer><p>Copyright 2023 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def one(inputs: list[str], **kwargs: object) -> Document | DocumentFailure:
    items = list(iter_documents(inputs, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def failure(inputs: list[str], **kwargs: object) -> DocumentFailure:
    item = one(inputs, **kwargs)
    assert isinstance(item, DocumentFailure), item
    return item


# -- good inputs -----------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not checked out")
def test_seed_text_file_is_read_as_is() -> None:
    doc = one([str(SEED)])
    assert isinstance(doc, Document)
    assert doc.id == "kyiv-strikes.txt"
    assert doc.language == "en"
    assert doc.text == SEED.read_text("utf-8").replace("\r\n", "\n")
    assert doc.published is None


def test_text_file_newlines_bom_and_nfc_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    decomposed = "Zaporizhzhia cafe\u0301"  # e + combining acute
    path.write_bytes(("\ufeff" + ENGLISH + "\r\n\r\nSecond paragraph.\rThird " + decomposed).encode("utf-8"))
    doc = one([str(path)], published=dt.date(2023, 5, 1))
    assert isinstance(doc, Document)
    assert doc.text == ENGLISH + "\n\nSecond paragraph.\nThird Zaporizhzhia caf\u00e9"
    assert doc.published == dt.date(2023, 5, 1)
    assert doc.meta["format"] == "text"


def test_text_layout_is_not_reflowed(tmp_path: Path) -> None:
    text = "  KYIV, 2 January 2024 --\n\tRussian forces   launched\n\n\n" + ENGLISH + "  \n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    doc = one([str(tmp_path / "a.md")])
    assert isinstance(doc, Document)
    assert doc.text == text


def test_html_file_main_text_headline_date_and_url(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    doc = one([str(tmp_path / "page.html")], published=dt.date(2020, 1, 1))
    assert isinstance(doc, Document)
    assert doc.id == "page.html"
    assert doc.text.startswith("Missile strike injures three in Kharkiv\n\nRussian forces struck the city of Kharkiv")
    assert doc.text.count("Missile strike injures three in Kharkiv") == 1
    assert "Subscribe" not in doc.text and "Privacy" not in doc.text and "Copyright" not in doc.text
    assert doc.published == dt.date(2023, 1, 15)  # the page's own date wins over the argument
    assert doc.title == "Missile strike injures three in Kharkiv"
    assert doc.url == "https://news.example.org/kharkiv-strike"
    assert doc.meta["author"] == "Anna Reporter"
    assert doc.language == "en"


def test_html_without_date_takes_the_argument(tmp_path: Path) -> None:
    page = HTML.replace('<meta property="article:published_time" content="2023-01-15T09:00:00Z">', "")
    (tmp_path / "page.htm").write_text(page, encoding="utf-8")
    doc = one([str(tmp_path / "page.htm")], published=dt.date(2024, 1, 2))
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2024, 1, 2)


def test_directory_is_recursive_sorted_and_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.text").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    assert [(type(i).__name__, i.id) for i in items] == [
        ("Document", "a.html"),
        ("Document", "b.txt"),
        ("Document", "sub/c.text"),
    ]


def jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "r1", "text": ENGLISH, "published": "2023-03-09", "url": "https://x.example/1"}),
        "",
        json.dumps({"text": ENGLISH, "title": "No id"}),
        json.dumps({"id": 7, "html": HTML}),
        json.dumps({"id": "r4", "text": ENGLISH, "published": "2023-03-10T06:30:00Z"}),
    ]


def test_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(jsonl_lines()) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)], published=dt.date(2022, 1, 1)))
    assert all(isinstance(i, Document) for i in items), items
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["r1", "batch.jsonl:3", "7", "r4"]
    assert [d.published for d in docs] == [
        dt.date(2023, 3, 9),
        dt.date(2022, 1, 1),
        dt.date(2023, 1, 15),
        dt.date(2023, 3, 10),
    ]
    assert docs[0].url == "https://x.example/1"
    assert docs[1].title == "No id"
    assert docs[2].text.startswith("Missile strike injures three in Kharkiv\n\n")


def test_jsonl_gz_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(jsonl_lines()) + "\n")
    assert [i.id for i in iter_documents([str(path)])] == ["r1", "batch.jsonl.gz:3", "7", "r4"]


def test_jsonl_broken_line_fails_alone_and_order_is_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": ENGLISH}),
        '{"id": "b", "text": "unterminated',
        json.dumps({"id": "c", "text": ENGLISH}),
        json.dumps({"id": "d"}),
        json.dumps({"id": "e", "text": ENGLISH, "published": "last Tuesday"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "f", "text": ENGLISH}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_documents([str(path)]))
    assert [(type(i).__name__, i.id) for i in items] == [
        ("Document", "a"),
        ("DocumentFailure", "mixed.jsonl:2"),
        ("Document", "c"),
        ("DocumentFailure", "d"),
        ("DocumentFailure", "e"),
        ("DocumentFailure", "mixed.jsonl:6"),
        ("Document", "f"),
    ]
    errors = [i.error for i in items if isinstance(i, DocumentFailure)]
    assert errors[0].startswith("line 2: invalid JSON: Unterminated string")
    assert errors[1] == "line 4: no 'text' or 'html' field"
    assert "invalid published value 'last Tuesday'" in errors[2]
    assert errors[3] == "line 6: expected a JSON object, got list"


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"id": "big", "text": ENGLISH * 20})
    path.write_text(big + "\n" + json.dumps({"id": "ok", "text": ENGLISH}) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)], max_bytes=1000))
    assert [(type(i).__name__, i.id) for i in items] == [("DocumentFailure", "big.jsonl:1"), ("Document", "ok")]
    assert "too large" in items[0].error  # type: ignore[union-attr]


# -- stdin -----------------------------------------------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, ("\n" + ENGLISH + "\r\n").encode())
    doc = one(["-"], published=dt.date(2024, 1, 2))
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.published) == ("stdin", "\n" + ENGLISH + "\n", dt.date(2024, 1, 2))


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, HTML.encode())
    doc = one(["-"])
    assert isinstance(doc, Document)
    assert doc.title == "Missile strike injures three in Kharkiv"
    assert doc.published == dt.date(2023, 1, 15)


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, ("\n  " + "\n".join(jsonl_lines()) + "\n").encode())
    assert [i.id for i in iter_documents(["-"])] == ["r1", "stdin:4", "7", "r4"]


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"")
    assert failure(["-"]).error == "empty input (0 bytes)"


# -- bad inputs ------------------------------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert failure([str(tmp_path / "empty.txt")]).error == "empty input (0 bytes)"


def test_whitespace_only_file(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n  ")
    assert failure([str(tmp_path / "blank.txt")]).error == "no text (only whitespace)"


def test_binary_files(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"GIF89a\x00\x01\x02" + b"x" * 100)
    (tmp_path / "ctrl.txt").write_bytes(bytes(range(1, 9)) * 20 + b"some text")
    assert failure([str(tmp_path / "nul.txt")]).error == "binary file (contains NUL bytes), not text"
    assert failure([str(tmp_path / "ctrl.txt")]).error == "binary file (many control characters), not text"


def test_cp1251_file(tmp_path: Path) -> None:
    data = ("Kyiv -- " + RUSSIAN).encode("cp1251")
    (tmp_path / "cp1251.txt").write_bytes(data)
    item = failure([str(tmp_path / "cp1251.txt")])
    assert item.id == "cp1251.txt"
    assert item.error == ("not UTF-8 text (invalid byte at offset 8); convert it, e.g. iconv -f cp1251 -t utf-8")


def test_html_declaring_cp1251_is_decoded(tmp_path: Path) -> None:
    page = HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1251">').replace("Privacy policy", "Политика")
    (tmp_path / "legacy.html").write_bytes(page.encode("cp1251"))
    doc = one([str(tmp_path / "legacy.html")])
    assert isinstance(doc, Document) and doc.title == "Missile strike injures three in Kharkiv"


def test_too_large_sparse_file_is_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 2**20)
        fh.seek(50 * 2**20)
        fh.write(b"x")
    item = failure([str(path)])
    assert item.error == ("file too large: 52,428,801 bytes (50.0 MiB), the limit is 10,485,760 bytes (10.0 MiB)")


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(ENGLISH, encoding="utf-8")
    assert failure([str(tmp_path / "r.txt")], max_bytes=100).error.startswith("file too large: ")
    assert isinstance(one([str(tmp_path / "r.txt")], max_bytes=1000), Document)


def test_malformed_html(tmp_path: Path) -> None:
    (tmp_path / "broken.html").write_text("<html><body><div><script>var x = 1;</script></div", encoding="utf-8")
    item = failure([str(tmp_path / "broken.html")])
    assert item.error == "malformed or empty HTML: trafilatura found no article text in it"


@pytest.mark.parametrize(("text", "lang"), [(UKRAINIAN, "uk"), (RUSSIAN, "ru")])
def test_non_english_text(tmp_path: Path, text: str, lang: str) -> None:
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    assert failure([str(tmp_path / "report.txt")]).error == f"language looks like {lang!r}, only English is supported"


def test_nonexistent_path_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(iter_documents([str(tmp_path / "missing.txt"), str(tmp_path / "ok.txt")]))
    assert isinstance(items[0], DocumentFailure)
    assert items[0].error == "no such file or directory"
    assert isinstance(items[1], Document) and items[1].id == "ok.txt"


def test_directory_without_readable_files(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    item = failure([str(tmp_path)])
    assert item.id == str(tmp_path)
    assert item.error.startswith("no readable files in this directory")


def test_bad_files_in_a_directory_fail_in_place(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_text(UKRAINIAN, encoding="utf-8")
    (tmp_path / "4.txt").write_text(ENGLISH, encoding="utf-8")
    kinds = [(type(i).__name__, i.id) for i in iter_documents([str(tmp_path)])]
    assert kinds == [
        ("Document", "1.txt"),
        ("DocumentFailure", "2.txt"),
        ("DocumentFailure", "3.txt"),
        ("Document", "4.txt"),
    ]


# -- Python API helpers ----------------------------------------------------------------------------------------------


def test_read_document_raises_input_error(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty input"):
        read_document(tmp_path / "e.txt")
    (tmp_path / "ok.txt").write_text(ENGLISH, encoding="utf-8")
    assert read_document(tmp_path / "ok.txt").text == ENGLISH


def test_document_from_text() -> None:
    doc = document_from_text("A\r\nB " + ENGLISH, "x", dt.date(2024, 1, 2))
    assert (doc.id, doc.text, doc.language) == ("x", "A\nB " + ENGLISH, "en")
    with pytest.raises(InputError, match="only English"):
        document_from_text(RUSSIAN)


def test_parse_published() -> None:
    assert parse_published("2024-01-02", "x") == dt.date(2024, 1, 2)
    assert parse_published("2024-01-02T23:30:00+02:00", "x") == dt.date(2024, 1, 2)
    assert parse_published(None, "x") is None
    with pytest.raises(InputError, match="invalid published value 20240102"):
        parse_published(20240102, "x")


def test_plain_english_text_loads_neither_trafilatura_nor_the_language_model(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "r.txt").write_text(ENGLISH, encoding="utf-8")
    code = (
        "import sys\nfrom conflictlens.ingest import iter_documents\n"
        "items = list(iter_documents([sys.argv[1]]))\n"
        "print(type(items[0]).__name__, 'trafilatura' in sys.modules, 'py3langid.langid' in sys.modules)"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "r.txt")],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert out == ["Document", "False", "False"]
