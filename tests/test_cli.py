"""The command line as a user runs it: real subprocesses, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conflictlens.schema import document_schema

REPORT = "On 14 May 2023, Russian forces shelled Kherson. 2 civilians were killed and 5 were injured.\n"


def cli(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "conflictlens.cli", *args],
        input=data,
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )


def results(proc: subprocess.CompletedProcess[bytes]) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


def test_extract_file_writes_contract_jsonl(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    proc = cli("extract", str(tmp_path / "report.txt"))
    assert proc.returncode == 0, proc.stderr
    [doc] = results(proc)
    jsonschema.validate(doc, document_schema())
    assert doc["id"] == "report.txt"
    [event] = doc["events"]
    assert event["fatalities"]["value"] == 2 and event["location"]["name"] == "Kherson"
    assert "text" not in doc


def test_stdin_output_file_and_with_text(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = cli("extract", "-", "-o", str(out), "--with-text", stdin=REPORT)
    assert proc.returncode == 0, proc.stderr
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["text"].startswith("On 14 May 2023")
    for ev in doc["events"][0]["evidence"]:
        assert doc["text"][ev["start"] : ev["end"]]


def test_bad_documents_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "cp1251.txt").write_bytes("Обстріл Херсона".encode("cp1251"))
    lines = [json.dumps({"id": "a", "text": REPORT}), "{broken json", json.dumps({"id": "c", "text": REPORT})]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = cli("extract", str(tmp_path))
    assert proc.returncode == 1
    ids = [d["id"] for d in results(proc)]
    assert {"good.txt", "a", "c"} <= set(ids)
    err = proc.stderr.decode()
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.strip()]
    assert any("empty.txt" in line for line in problems)
    assert any("binary.txt" in line for line in problems)
    assert any("cp1251.txt" in line and "UTF-8" in line for line in problems)
    assert any("docs.jsonl" in line and "2" in line for line in problems)


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    proc = cli("extract", str(tmp_path / "missing.txt"), "--published", "yesterday")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr.decode()
    assert "--published" in proc.stderr.decode()
    proc = cli("extract", str(tmp_path / "missing.txt"))
    assert proc.returncode in (1, 2)
    assert "missing.txt" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_table_format(tmp_path: Path) -> None:
    proc = cli("extract", "-", "--format", "table", stdin=REPORT)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "Kherson" in out and "Shelling" in out and "2023-05-14" in out


def test_schema_command_matches_models() -> None:
    proc = cli("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == json.loads(json.dumps(document_schema()))


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["gazetteer", "--help"], ["evaluate", "--help"]])
def test_help(args: list[str]) -> None:
    proc = cli(*args)
    assert proc.returncode == 0
    assert "Usage" in proc.stdout.decode()


def test_python_api_streams() -> None:
    import conflictlens

    out = list(conflictlens.extract_many([{"id": "x", "text": REPORT}, {"id": "y"}, "Nothing happened today."]))
    assert [type(r).__name__ for r in out] == ["DocumentResult", "DocumentFailure", "DocumentResult"]
    assert out[0].events[0].fatalities is not None
    assert conflictlens.extract(REPORT, published="2023-05-15").events[0].date.start.isoformat() == "2023-05-14"


def test_python_api_rejects_bad_text_with_a_typed_error() -> None:
    import conflictlens
    from conflictlens.errors import InputError

    with pytest.raises(InputError, match="empty"):
        conflictlens.extract("")
    with pytest.raises(InputError, match="only English"):
        conflictlens.extract("Обстріл Херсона вбив двох людей та поранив ще трьох мешканців міста")
    failures = [r for r in conflictlens.extract_many(["", "   "]) if isinstance(r, conflictlens.DocumentFailure)]
    assert len(failures) == 2
