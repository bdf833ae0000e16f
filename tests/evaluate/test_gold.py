"""Gold readers on tiny made-up files in each format."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictlens.errors import InputError
from conflictlens.evaluate.gold import read_gold

ACLED_COLUMNS = (
    "event_id_cnty,event_date,year,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,actor2,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities"
)


def test_own_gold_with_text_file_and_inline_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Shelling hit Kherson on Monday, killing 2.", encoding="utf-8")
    gold = {
        "id": "a",
        "text_file": "a.txt",
        "published": "2024-01-02",
        "events": [
            {
                "gold_id": "kherson",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "date": {"start": "2024-01-01", "end": "2024-01-01", "precision": "day"},
                "location": {
                    "name": "Kherson",
                    "country": "UA",
                    "admin1": "Kherson Oblast",
                    "lat": 46.6,
                    "lon": 32.6,
                    "precision": "town",
                },
                "actor1": {"name": "Military Forces of Russia", "country": "RU"},
                "fatalities": {"value": 2, "qualifier": "exact"},
                "injured": None,
                "weapons": [{"category": "drone", "launched": 9, "intercepted": None}],
            },
            {"gold_id": "opt", "required": False, "event_type": "Battles", "location": {"name": "X"}},
        ],
        "not_events": [{"text": "on Monday", "why": "made up"}],
    }
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    gs = read_gold(path)
    assert gs.format == "conflictlens"
    (doc,) = gs.docs
    assert doc.text.startswith("Shelling hit Kherson")
    assert doc.published == dt.date(2024, 1, 2)
    assert doc.not_events == ["on Monday"]
    first, opt = doc.events
    assert (first.fatalities, first.injured, first.actor1_side) == (2, None, "RU")
    assert first.weapons[0].launched == 9 and first.weapons[0].intercepted is None
    assert first.location.precision == "town" and first.date_start == dt.date(2024, 1, 1)
    assert not first.missing_count_is_zero
    assert opt.required is False and opt.actor1_side is None

    lines = tmp_path / "many.jsonl"
    docs = [{"id": f"d{i}", "text": f"text {i}", "events": []} for i in range(3)]
    lines.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    gs = read_gold(lines, limit=2)
    assert [d.id for d in gs.docs] == ["d0", "d1"] and gs.docs[1].text == "text 1"


def test_acled_csv_with_quoted_notes_containing_commas(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(
        ACLED_COLUMNS + "\n"
        "UKR1,2023-05-14,2023,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,"
        "Military Forces of Russia (2000-),,,Ukraine,Sumy,Sumskyi,Bilopilska,Volfyne,51.243,34.4629,1,MoD,"
        '"On 14 May 2023, Russian forces shelled Volfyne, Sumy. 2 killed, split across events.",2\n'
        "UKR2,15 May 2023,2023,Demonstrations,Protests,Peaceful protest,Protesters (Ukraine),,,Ukraine,"
        'Kyiv City,Kyiv,,Kyiv,50.45,30.52,3,Media,"On 15 May 2023, people protested in Kyiv, peacefully.",0\n',
        encoding="utf-8",
    )
    gs = read_gold(path)
    assert gs.format == "acled"
    one, two = gs.docs
    assert (
        one.id == "UKR1"
        and one.text == "On 14 May 2023, Russian forces shelled Volfyne, Sumy. 2 killed, split across events."
    )
    assert one.published is None  # the evaluator gives the extractor what a user has: the text only
    ev = one.events[0]
    assert (ev.fatalities, ev.fatalities_split, ev.actor1_side, ev.missing_count_is_zero) == (2, True, "RU", True)
    assert (ev.location.lat, ev.location.lon, ev.location.admin1) == (51.243, 34.4629, "Sumy")
    assert two.events[0].date_start == dt.date(2023, 5, 15)
    assert two.events[0].actor1_side is None  # sides are scored for battles and explosions only
    assert two.events[0].location.precision == "admin1"

    gs = read_gold(path, text_field="location", id_field="admin1", published_field="event_date")
    assert gs.docs[0].text == "Volfyne" and gs.docs[0].id == "Sumy" and gs.docs[0].published == dt.date(2023, 5, 14)


def test_acled_jsonl_and_ucdp_csv(tmp_path: Path) -> None:
    acled = tmp_path / "acled.jsonl"
    acled.write_text(
        json.dumps(
            {
                "event_id_cnty": "UKR9",
                "event_date": "2022-03-01",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "actor1": "Military Forces of Ukraine (2019-)",
                "admin1": "Kharkiv",
                "latitude": "50.0",
                "longitude": "36.2",
                "notes": "Clashes near Kharkiv.",
                "fatalities": "",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (doc,) = read_gold(acled).docs
    assert doc.events[0].actor1_side == "UA" and doc.events[0].fatalities == 0

    ucdp = tmp_path / "ged.csv"
    ucdp.write_text(
        "id,date_start,date_end,side_a,side_b,where_description,adm_1,adm_2,latitude,longitude,best,low,high,"
        "source_headline,source_article\n"
        "42,2022-03-01 00:00:00.000,2022-03-02 00:00:00.000,Government of Russia (Soviet Union),"
        'Government of Ukraine,"Kharkiv city, Kharkiv",Kharkiv oblast,,49.99,36.23,5,4,9,'
        '"Shelling kills 5 in Kharkiv, officials say","Reuters, 2022-03-02"\n',
        encoding="utf-8",
    )
    gs = read_gold(ucdp)
    assert gs.format == "ucdp"
    (doc,) = gs.docs
    assert doc.id == "42" and doc.text == "Shelling kills 5 in Kharkiv, officials say"
    ev = doc.events[0]
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (5, 4, 9)
    assert ev.date_start == dt.date(2022, 3, 1) and ev.date_end == dt.date(2022, 3, 2)
    assert ev.location.name == "Kharkiv city, Kharkiv" and ev.location.admin1 == "Kharkiv oblast"
    assert read_gold(ucdp, text_field="source_article").docs[0].text == "Reuters, 2022-03-02"

    # spreadsheet exports write dates as 09/01/2022 00:00: month first, unless some first part is above 12
    slashed = tmp_path / "ged.jsonl"
    rows = [{"id": 1, "date_start": "09/01/2022 00:00", "best": 1}, {"id": 2, "date_start": "10/02/2022", "best": 0}]
    slashed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [d.events[0].date_start for d in read_gold(slashed).docs] == [dt.date(2022, 9, 1), dt.date(2022, 10, 2)]
    rows.append({"id": 3, "date_start": "25/12/2022", "best": 0})
    slashed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert read_gold(slashed).docs[0].events[0].date_start == dt.date(2022, 1, 9)
    assert read_gold(slashed).docs[0].id == "1"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        ("", "empty file"),
        ('{"id": 1, "events": [}', "invalid JSON"),
        ("a,b\n1,2\n", "cannot tell the gold format"),
        ('{"id": "x", "events": []}', "no text"),
    ],
)
def test_unreadable_gold_raises_input_error(tmp_path: Path, content: str | None, problem: str) -> None:
    path = tmp_path / "gold.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_gold(path)
    assert problem in str(err.value) and str(path) in str(err.value)


def test_override_naming_a_missing_column_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_COLUMNS + "\nUKR1,2023-05-14,,,Battles,Armed clash,,,,,,,,,1,2,,,note,0\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'body'"):
        read_gold(path, text_field="body")
