"""`main.py import-interruptions` and `main.py reliability`: the contract acceptance checks
use, on hand-made interruptions whose indices are worked out here."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

import main
from db import Database
from db.repositories.reliability import ReliabilityRepository
from ops.reliability import MonthlySnapshot, SnapshotBasis, YearMonth

HEADER = "interruption_id,start,end,customers,planned,cause,feeder,device,operations\n"
# January: exactly 5:00 (momentary), a recloser that operated twice in one 2-minute event
# (momentary, 2 operations), 5:01 (sustained). February: a planned 4-hour outage.
ROWS = (
    "M1,2026-01-05T08:00:00,2026-01-05T08:05:00,100,0,lightning,F1,R1,1\n"
    "R2,2026-01-06T09:00:00+07:00,2026-01-06T09:02:00+07:00,300,0,lightning,F1,R1,2\n"
    "S1,2026-01-07T10:00:00,2026-01-07T10:05:01,200,0,vegetation,F2,S7,\n"
    "P1,2026-02-03T07:00:00,2026-02-03T11:00:00,500,1,maintenance,F2,S9,1\n"
)
S1_MINUTES = 301 / 60  # 5:01


def _import(url: str, tmp_path: Path, rows: str = ROWS) -> int:
    path = tmp_path / "history.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return main.main(["--db", url, "import-interruptions", str(path)])


def _report(url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    args = ["--db", url, "reliability", "--from", "2026-01-01", "--to", "2026-02-28"]
    assert main.main([*args, "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'console.db'}"


def test_vn_method_with_one_customer_count(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(url, tmp_path) == 0
    r = _report(url, capsys, "--customers-served", "1000")
    assert {"saifi", "saidi", "caidi", "maifi", "maifi_e", "asai", "customers_served",
            "method", "months"} <= set(r)  # fmt: skip
    assert r["method"] == "vn" and r["customers_served"] == 1000
    # Sustained: S1 (200 customers, 5:01) and P1 (500 customers, 240 min).
    assert r["saifi"] == pytest.approx((200 + 500) / 1000)
    assert r["saidi"] == pytest.approx((200 * S1_MINUTES + 500 * 240) / 1000)
    assert r["caidi"] == pytest.approx(r["saidi"] / r["saifi"])
    # Momentary: M1 once (100), R2 twice (300 × 2 operations, one event).
    assert r["maifi"] == pytest.approx((100 + 2 * 300) / 1000)
    assert r["maifi_e"] == pytest.approx((100 + 300) / 1000)
    minutes = (31 + 28) * 24 * 60
    assert r["asai"] == pytest.approx(1 - r["saidi"] / minutes)
    assert r["planned"]["saidi"] == pytest.approx(500 * 240 / 1000)
    assert r["fault"]["saifi"] == pytest.approx(0.2)
    jan, feb = r["months"]
    assert (jan["month"], jan["saifi"], jan["maifi"]) == (1, pytest.approx(0.2), pytest.approx(0.7))
    assert (feb["month"], feb["saidi"]) == (2, pytest.approx(120.0))


def test_planned_outages_can_be_left_out(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(url, tmp_path) == 0
    r = _report(url, capsys, "--customers-served", "1000", "--exclude-planned")
    assert r["saifi"] == pytest.approx(0.2)
    assert r["saidi"] == pytest.approx(200 * S1_MINUTES / 1000)
    assert [(g["reason"], g["interruptions"]) for g in r["excluded"]] == [("planned", 1)]


def test_customer_growth_between_months_comes_from_the_snapshots(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(url, tmp_path) == 0
    db = Database(url)
    with db.session() as s:
        ReliabilityRepository(s).record_snapshots(
            [
                MonthlySnapshot(YearMonth(2026, 1), 1000, SnapshotBasis.HISTORY),
                MonthlySnapshot(YearMonth(2026, 2), 1250, SnapshotBasis.HISTORY),
            ],
            at=datetime(2026, 3, 1, tzinfo=UTC),
        )
    db.dispose()
    vn = _report(url, capsys)
    jan, feb = vn["months"]
    assert (jan["customers"], feb["customers"]) == (1000, 1250)
    # Each month over its own K_t; the period is the sum of the months.
    assert jan["saidi"] == pytest.approx(200 * S1_MINUTES / 1000)
    assert feb["saidi"] == pytest.approx(500 * 240 / 1250)  # 96
    assert vn["saidi"] == pytest.approx(200 * S1_MINUTES / 1000 + 96)
    assert vn["saifi"] == pytest.approx(0.2 + 0.4)
    ieee = _report(url, capsys, "--method", "ieee1366")
    # IEEE 1366: one N_T for the period, the average of the monthly counts (1125).
    assert ieee["method"] == "ieee1366" and ieee["customers_served"] == 1125
    assert ieee["saifi"] == pytest.approx(700 / 1125)
    assert ieee["saidi"] == pytest.approx((200 * S1_MINUTES + 500 * 240) / 1125)
    assert ieee["maifi"] == pytest.approx(700 / 1125)
    assert ieee["maifi_e"] == pytest.approx(400 / 1125)
    assert "months" not in ieee


def test_bad_rows_are_named_by_line_and_nothing_is_imported(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = ROWS + (
        "B1,2026-01-08T10:00,2026-01-08T09:00,10,0,tree,F1,S1,1\n"  # line 6: ends before it starts
        "B2,2026-01-09T10:00,2026-01-09T11:00,ten,2,tree,F1,S1,1\n"  # line 7: two problems
    )
    assert _import(url, tmp_path, bad) == 2
    err = capsys.readouterr().err
    assert "line 6" in err and "line 7" in err and "planned" in err
    assert "No interruption was imported" in err
    db = Database(url)
    db.upgrade()  # the file was refused before the database was opened
    with db.session() as s:
        assert ReliabilityRepository(s).count_interruptions() == 0
    db.dispose()


def test_importing_the_same_file_twice_is_refused(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(url, tmp_path) == 0
    assert _import(url, tmp_path, ROWS.replace("P1,", "P2,")) == 2
    err = capsys.readouterr().err
    assert "M1, R2, S1" in err and "P2" not in err


def test_no_customer_count_is_a_clear_error(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(url, tmp_path) == 0
    args = ["--db", url, "reliability", "--from", "2026-01-01", "--to", "2026-02-28"]
    assert main.main([*args, "--format", "json"]) == 2
    assert "--customers-served" in capsys.readouterr().err
    assert main.main([*args[:3], "--from", "2026-03-01", "--to", "2026-02-01",
                      "--format", "json", "--customers-served", "5"]) == 2  # fmt: skip
    assert "before" in capsys.readouterr().err


def test_pdf_and_xlsx_documents(url: str, tmp_path: Path) -> None:
    assert _import(url, tmp_path) == 0
    args = ["--db", url, "reliability", "--from", "2026-01-01", "--to", "2026-02-28",
            "--customers-served", "1000"]  # fmt: skip
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    assert main.main([*args, "--format", "pdf", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Type /Page" in pdf.read_bytes()
    assert main.main([*args, "--method", "ieee1366", "--format", "xlsx", "--out", str(xlsx)]) == 0
    book = load_workbook(xlsx)
    sheet = book["Chỉ số"]
    header = [c.value for c in sheet[2]]
    total = [c.value for c in sheet[3]]
    assert total[0] == "Toàn phần"
    assert total[header.index("SAIDI (phút)")] == pytest.approx(
        (200 * S1_MINUTES + 500 * 240) / 1000
    )


def test_the_document_is_in_the_language_asked_for(url: str, tmp_path: Path) -> None:
    assert _import(url, tmp_path) == 0
    xlsx = tmp_path / "r.xlsx"
    args = ["--db", url, "--lang", "en", "reliability", "--from", "2026-01-01",
            "--to", "2026-02-28", "--customers-served", "1000", "--format", "xlsx",
            "--out", str(xlsx)]  # fmt: skip
    assert main.main(args) == 0
    book = load_workbook(xlsx)
    assert book.sheetnames[:2] == ["Summary", "Indices"]
    assert book["Summary"]["A1"].value == "POWER SUPPLY RELIABILITY REPORT"
    assert book["Indices"]["A3"].value == "All"


def test_a_major_event_day_under_the_sample_standard_deviation(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # History (N = 1000): daily SAIDI 1, 1, 100, 100 → ln: 0, 0, ln 100, ln 100; α = ln 10,
    # sample β = √(4·(ln 10)² / 3) = 2·ln 10/√3, T_MED = exp(α + 2.5β) = 10^(1 + 5/√3) ≈ 7703.8.
    # (The population β = ln 10 would give 10^3.5 ≈ 3162 and make the 5,000-minute day one too.)
    rows = (
        "H1,2025-03-01T08:00,2025-03-01T08:10,100,0,tree,F1,S1,\n"
        "H2,2025-03-02T08:00,2025-03-02T08:10,100,0,tree,F1,S1,\n"
        "H3,2025-03-03T08:00,2025-03-03T09:40,1000,0,tree,F1,S1,\n"
        "H4,2025-03-04T08:00,2025-03-04T09:40,1000,0,tree,F1,S1,\n"
        # January 2026: SAIDI 8,000 on the 10th (above T_MED), 5,000 on the 20th (below).
        "J1,2026-01-10T00:00,2026-01-15T13:20,1000,0,storm,F1,S1,\n"
        "J2,2026-01-20T00:00,2026-01-23T11:20,1000,0,storm,F2,S2,\n"
    )
    assert _import(url, tmp_path, rows) == 0
    capsys.readouterr()
    args = ["--db", url, "reliability", "--from", "2026-01-01", "--to", "2026-01-31",
            "--customers-served", "1000", "--method", "ieee1366", "--format", "json"]  # fmt: skip
    assert main.main(args) == 0
    r = json.loads(capsys.readouterr().out)
    med = r["major_events"]
    assert med["std"] == "sample" and med["history_days"] == 4
    assert med["t_med"] == pytest.approx(10 ** (1 + 5 / 3**0.5))
    assert [d["date"] for d in med["days"]] == ["2026-01-10"]
    assert med["days"][0]["saidi"] == pytest.approx(8000)
    assert r["saidi"] == pytest.approx(13000)
    assert r["without_major_events"]["saidi"] == pytest.approx(5000)
