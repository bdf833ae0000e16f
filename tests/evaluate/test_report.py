"""The HTML report, the JSON output and the ``evaluate`` command's edges."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from conflictlens.evaluate.cli import evaluate_command

TEXT = "Russian shelling killed two people in Kherson on Monday, the governor said."


def _gold(tmp_path: Path) -> Path:
    gold = {
        "id": "d1",
        "text": TEXT,
        "published": "2024-01-02",
        "events": [
            {
                "gold_id": "kherson",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "date": {"start": "2024-01-01", "end": "2024-01-01"},
                "location": {
                    "name": "Kherson",
                    "country": "UA",
                    "admin1": "Kherson Oblast",
                    "lat": 46.6354,
                    "lon": 32.6169,
                    "precision": "town",
                },
                "actor1": {"name": "Military Forces of Russia", "country": "RU"},
                "fatalities": {"value": 2},
                "injured": None,
            }
        ],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def _predictions(tmp_path: Path) -> Path:
    start = TEXT.index("Kherson")
    event = {
        "id": "e1",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "date": {"start": "2024-01-01", "end": "2024-01-01", "precision": "day"},
        "location": {"name": "Kherson", "admin1": "Kherson Oblast", "lat": 46.64, "lon": 32.61, "precision": "town"},
        "fatalities": {"value": 3, "qualifier": "exact"},
        "evidence": [{"field": "location", "start": start, "end": start + len("Kherson")}],
    }
    path = tmp_path / "preds.jsonl"
    path.write_text(json.dumps({"id": "d1", "events": [event]}) + "\n", encoding="utf-8")
    return path


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("evaluate")(evaluate_command)
    app.command("noop")(lambda: None)  # two commands, so "evaluate" is a subcommand as in the real CLI
    return app


def test_html_report_has_heat_map_highlighted_evidence_and_no_remote_assets(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        _app(), ["evaluate", str(_gold(tmp_path)), "--predictions", str(_predictions(tmp_path)), "--html", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<svg class="heatmap"' in page and "<rect" in page and '<svg class="bars"' in page
    assert '<mark class="pred">Kherson</mark>' in page
    assert "sub_event_type: gold Shelling/artillery/missile attack, predicted Air/drone strike" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page, re.I)
    assert not re.search(r"https?://", page)
    assert "<style>" in page


def test_json_output_has_metrics_and_reference_view(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["evaluate", str(_gold(tmp_path)), "-p", str(_predictions(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["detection"]["tp"] == 1 and data["detection"]["fp"] == 0
    assert data["fields"]["fatalities"]["correct"] == 0 and data["fields"]["fatalities_10pct"]["correct"] == 0
    assert data["fields"]["geo_10km"]["correct"] == 1
    assert data["reference"]["metrics"]["required_found"] == {"hits": 1, "total": 1}
    assert data["reference"]["metrics"]["sub_event_type"] == {"hits": 0, "total": 1}


def test_terminal_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["evaluate", str(_gold(tmp_path)), "-p", str(_predictions(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "Event detection" in result.stdout and "geo_25km" in result.stdout and "SCORE" in result.stdout


def test_unreadable_gold_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "events": [\n', encoding="utf-8")
    for args in (
        ["evaluate", str(bad)],
        ["evaluate", str(tmp_path / "missing.json")],
        ["evaluate", str(_gold(tmp_path)), "-p", str(bad)],
    ):
        result = CliRunner().invoke(_app(), args)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("conflictlens: ") and "Traceback" not in result.output


def test_importing_the_command_is_cheap() -> None:
    code = (
        "import sys, conflictlens.evaluate.cli\n"
        "heavy = [m for m in ('conflictlens.evaluate.metrics', 'conflictlens.evaluate.gold',"
        " 'conflictlens.evaluate.report', 'conflictlens.evaluate.reference', 'rich.table') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _acled_gold(tmp_path: Path) -> Path:
    """Two made-up ACLED rows of two years: the 2023 one is read right, the 2022 one is coded to another side."""

    def row(event_id: str, year: str, actor1: str, notes: str) -> dict[str, str]:
        return {
            "event_id_cnty": event_id,
            "event_date": f"{year}-03-01",
            "year": year,
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": actor1,
            "admin1": "Kherson",
            "location": "Kherson",
            "latitude": "46.6354",
            "longitude": "32.6169",
            "fatalities": "0",
            "notes": notes,
        }

    rows = [
        row("X1", "2022", "Military Forces of Ukraine (2019-)", "On 1 March 2022, Russian forces shelled Kherson."),
        row("X2", "2023", "Military Forces of Russia (2000-)", "On 1 March 2023, Russian forces shelled Kherson."),
    ]
    path = tmp_path / "acled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_scores_by_a_gold_column(tmp_path: Path) -> None:
    gold = str(_acled_gold(tmp_path))
    result = CliRunner().invoke(_app(), ["evaluate", gold, "--by", "year", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["fields"]["actor1_side"]["correct"] == 1 and data["fields"]["actor1_side"]["total"] == 2
    groups = data["groups"]
    assert list(groups) == ["2022", "2023"]
    assert [groups[y]["documents"] for y in groups] == [1, 1]
    assert groups["2022"]["fields"]["actor1_side"]["correct"] == 0
    assert groups["2023"]["fields"]["actor1_side"]["correct"] == 1
    assert groups["2023"]["fields"]["sub_event_type"]["correct"] == 1

    table = CliRunner().invoke(_app(), ["evaluate", gold, "--by", "year"], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.output
    assert "By year" in table.stdout and "2022" in table.stdout and "(1 docs)" in table.stdout

    missing = CliRunner().invoke(_app(), ["evaluate", gold, "--by", "source"])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"conflictlens: {gold}: no column 'source' (--by)"
