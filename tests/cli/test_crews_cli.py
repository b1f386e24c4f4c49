"""`main.py crews …` on a district just imported: a whole roster in, all rows or none."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_accounts_cli import imported, main, url  # noqa: F401 (fixtures)

ROSTER = (
    "crew_id,name,type,home_base,vehicle,phone,shifts,members\n"
    "DOI-1,Đội Hóc Môn 1,line,Điện lực Hóc Môn,51C-555.01,0909111222,06:00 14:00,"
    '"Trần Văn An|Tổ trưởng|0909111222; Lê Văn Bình|Thợ điện|"\n'
    "DOI-2,Đội cáp ngầm,cable,Điện lực Hóc Môn,51C-555.02,,,\n"
)


def crews(url: str) -> list[dict[str, object]]:  # noqa: F811
    done = main("--db", url, "crews", "list", "--json")
    assert done.returncode == 0, done.stderr
    listed: list[dict[str, object]] = json.loads(done.stdout)
    return listed


def test_a_roster_goes_in_whole_and_again_as_an_update(url: str, tmp_path: Path) -> None:  # noqa: F811
    roster = tmp_path / "doi.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    done = main("--db", url, "crews", "import", str(roster))
    assert done.returncode == 0, done.stderr
    assert "2 crew(s) added, 0 updated" in done.stdout
    listed = crews(url)
    assert [c["crew_id"] for c in listed] == ["DOI-1", "DOI-2"]
    first = listed[0]
    assert set(first) == {"crew_id", "name", "type", "home_base", "vehicle", "phone", "status",
                          "shifts", "members", "retired"}  # fmt: skip
    assert first["shifts"] == ["06:00", "14:00"] and first["members"] == 2
    assert first["status"] == "awaitingCrewAssignment" and first["retired"] is False
    roster.write_text(ROSTER.replace("Đội cáp ngầm", "Đội cáp ngầm 1"), encoding="utf-8")
    done = main("--db", url, "crews", "import", str(roster))
    assert "0 crew(s) added, 2 updated" in done.stdout
    assert crews(url)[1]["name"] == "Đội cáp ngầm 1"


def test_one_bad_row_stores_nothing(url: str, tmp_path: Path) -> None:  # noqa: F811
    roster = tmp_path / "doi.csv"
    roster.write_text(ROSTER + "DOI-3,Đội 3,truck,,,,,\n", encoding="utf-8")
    done = main("--db", url, "crews", "import", str(roster))
    assert done.returncode != 0
    assert "line 4: type 'truck'" in done.stderr and "nothing was stored" in done.stderr
    assert crews(url) == []


def test_a_shift_the_control_room_does_not_work_stores_nothing(url: str, tmp_path: Path) -> None:  # noqa: F811
    roster = tmp_path / "doi.csv"
    roster.write_text(ROSTER.replace(",,,\n", ",,07:00,\n"), encoding="utf-8")
    done = main("--db", url, "crews", "import", str(roster))
    assert done.returncode != 0 and "07:00" in done.stderr
    assert crews(url) == []
