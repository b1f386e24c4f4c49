"""Report documents without Qt: shift and outage arithmetic, numbers written the Vietnamese
way, HTML that says what the report is, charts, XLSX and CSV that keep the figures."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ops.outages.deadlines import Deadline, DeadlineKind, DeadlineState
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.policy import Basis
from ops.reliability import CustomerCounts, InterruptionTable, Method, reliability_report
from ops.reports import (
    HandoverFacts,
    OutageFacts,
    Step,
    feeder_trend,
    handover_document,
    outage_document,
    reliability_document,
    to_html,
    write_csv,
    write_xlsx,
)
from ops.reports.charts import bar_chart, nice_ceiling
from ops.reports.document import Kind
from ops.reports.formatting import cell, duration, number
from tests.unit.interruption_builders import local, outage

T0 = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)  # 10:00 local
PRINTED = T0 + timedelta(hours=3)


def an_outage(restored_after: float | None = 60, affected: int = 100, out: int = 0) -> Outage:
    return Outage(
        outage_id=7, reference="SC-2026-0007", kind=OutageKind.UNPLANNED,
        status=OutageStatus.RESTORED if restored_after else OutageStatus.CONFIRMED,
        device_id="REC-1", feeder_id="F1", cause="Cây ngã vào đường dây", started_at=T0,
        reported_at=T0 + timedelta(minutes=4),
        restored_at=T0 + timedelta(minutes=restored_after) if restored_after else None,
        etr=None, etr_source=None, etr_confidence=None, etr_changes=0,
        customers_affected=affected, customers_out=out, priority_customers=0, position=None,
    )  # fmt: skip


def deadline(
    kind: DeadlineKind, due_min: float, met_min: float | None, state: DeadlineState
) -> Deadline:
    due = T0 + timedelta(minutes=due_min)
    met = None if met_min is None else T0 + timedelta(minutes=met_min)
    return Deadline("outage", 7, kind, Basis.COMPANY_TARGET, T0, due, met, state, due - PRINTED)


def facts(**kw: object) -> OutageFacts:
    base: dict[str, object] = dict(
        outage=an_outage(), feeder_name="471 Cao Lãnh", journal=(), steps=(), crews=(),
        deadlines=(), breach_reasons=(),
    )  # fmt: skip
    base.update(kw)
    return OutageFacts(**base)  # type: ignore[arg-type]


def test_customer_minutes_follow_the_recorded_steps_inside_the_window() -> None:
    # 100 dark at 10:00; at 10:30 a switch gives 60 back (40 still dark); all back at 11:00.
    steps = (
        Step(T0, "REC-1", "open", 100, 0, 100, "dieudo"),
        Step(T0 + timedelta(minutes=30), "DS-2", "close", 0, 60, 40, "dieudo"),
    )
    f = facts(steps=steps)
    assert f.customer_minutes(T0, T0 + timedelta(hours=2)) == 100 * 30 + 40 * 30
    # A shift from 10:15 to 10:45: 100 × 15 + 40 × 15.
    assert f.customer_minutes(T0 + timedelta(minutes=15), T0 + timedelta(minutes=45)) == 2100
    assert f.restoration_steps() == [
        (T0 + timedelta(minutes=30), "DS-2: đóng", 60, 40),
        (T0 + timedelta(minutes=60), "Khôi phục cấp điện", 40, 0),
    ]


def test_without_recorded_steps_everyone_affected_is_dark_until_restoration() -> None:
    f = facts(outage=an_outage(restored_after=None, affected=50, out=50))
    end = T0 + timedelta(minutes=90)
    assert f.customer_minutes(T0 - timedelta(hours=1), end) == 50 * 90
    assert f.restoration_steps() == []


def test_breaches_and_near_misses_with_their_reasons() -> None:
    f = facts(
        deadlines=(
            deadline(DeadlineKind.RESTORE, 120, 130, DeadlineState.BREACHED),
            deadline(DeadlineKind.INFORM_CUSTOMERS, 100, 95, DeadlineState.MET),  # in the last 20 %
            deadline(DeadlineKind.INFORM_CUSTOMERS, 100, 30, DeadlineState.MET),  # well in time
        ),
        breach_reasons=(("restore", "Đường vào hiện trường ngập nước"),),
    )
    h = HandoverFacts(T0, T0 + timedelta(hours=8), "Trưởng ca A", (f,), (), (), "", 0.2)
    notes = h.deadline_notes()
    assert [(n.deadline.kind, n.breached, n.reason) for n in notes] == [
        (DeadlineKind.RESTORE, True, "Đường vào hiện trường ngập nước"),
        (DeadlineKind.INFORM_CUSTOMERS, False, None),
    ]
    html, _ = to_html(handover_document(h, company="C", office="O", printed_at=PRINTED))
    assert "Đường vào hiện trường ngập nước" in html and "Quá hạn" in html


def test_numbers_are_written_the_vietnamese_way() -> None:
    assert number(1234567.891, 2) == "1.234.567,89"
    assert cell(0.999876, Kind.PERCENT) == "99,9876 %"
    assert cell(None, Kind.INDEX) == "–"
    assert cell(2.5, Kind.INTEGER) == "2"  # round half to even, as Python does
    assert duration(timedelta(hours=1, minutes=5)) == "1 giờ 05 phút"


def test_the_outage_report_escapes_what_people_typed() -> None:
    doc = outage_document(
        facts(outage=an_outage(), feeder_name="<script>"), company="A & B", office="O",
        printed_at=PRINTED,
    )  # fmt: skip
    html, images = to_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html and "A &amp; B" in html
    assert images == {}
    assert "SC-2026-0007" in html and "1 giờ 00 phút" in html


def test_the_outage_report_names_the_cause_category_and_marks_free_text_unclassified() -> None:
    def shown(cause: str) -> str:
        outage = replace(an_outage(), cause=cause)
        doc = outage_document(facts(outage=outage), company="C", office="O", printed_at=PRINTED)
        return to_html(doc)[0]

    assert "Chưa phân loại: Cây ngã vào đường dây" in shown("Cây ngã vào đường dây")
    picked = shown("vegetation")
    assert "Cây, cành cây chạm đường dây" in picked and "vegetation" not in picked


def _report(method: Method):  # type: ignore[no-untyped-def]
    records = [
        outage(local(2026, 1, 5, 8), 5, 100, feeder="F1"),  # exactly 5:00: momentary
        outage(local(2026, 1, 7, 8), 90, 200, feeder="F2", cause="lightning"),
        outage(local(2026, 2, 3, 7), 240, 500, planned=True, cause="maintenance", feeder="F2"),
    ]
    counts = CustomerCounts(monthly={(2026, 1): 1000, (2026, 2): 1250})
    table = InterruptionTable.from_records(records)
    return reliability_report(method, table, date(2026, 1, 1), date(2026, 2, 28), counts)


@pytest.mark.parametrize(
    ("method", "says"), [(Method.VN, "05/2025/TT-BCT"), (Method.IEEE1366, "IEEE Std 1366")]
)
def test_the_reliability_report_says_which_method(method: Method, says: str) -> None:
    doc = reliability_document(_report(method), company="C", office="O", printed_at=PRINTED)
    assert says in doc.subtitle
    html, images = to_html(doc)
    assert len(images) == 2  # the monthly trend and the feeders
    for svg in images.values():
        ET.fromstring(svg)  # well-formed SVG
    assert 'class="total"' in html


def test_xlsx_and_csv_keep_the_figures(tmp_path: Path) -> None:
    doc = reliability_document(_report(Method.VN), company="C", office="O", printed_at=PRINTED)
    write_xlsx(doc, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["Theo tháng"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    jan, feb, total = rows
    assert jan[:2] == ["01/2026", 1000] and feb[1] == 1250
    assert jan[3] == pytest.approx(200 * 90 / 1000)  # SAIDI, a number, not text
    assert feb[3] == pytest.approx(500 * 240 / 1250)
    assert total[3] == pytest.approx(18 + 96)
    write_csv(doc, tmp_path / "r.csv")
    lines = list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert ["Tháng", "Khách hàng K_t", "SAIFI", "SAIDI", "SAIDI sự cố", "SAIDI kế hoạch",
            "MAIFI", "MAIFI_E"] in lines  # fmt: skip
    assert not list(tmp_path.glob("*.part"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "r.xlsx"]


def test_chart_axis_and_bars() -> None:
    assert nice_ceiling(120.0) == (125.0, 25.0)
    assert nice_ceiling(132.0) == (150.0, 50.0)
    assert nice_ceiling(0.7) == pytest.approx((0.8, 0.2))
    svg = bar_chart(["T1", "T2"], {"a": [1.0, 0.0], "b": [2.0, 3.0]}, unit="phút", title="X")
    root = ET.fromstring(svg)
    bars = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("width") != "10"]
    assert len(bars) == 1 + 3  # the white background and three non-zero bars
    with pytest.raises(ValueError, match="one value per label"):
        bar_chart(["T1"], {"a": [1.0, 2.0]})


@pytest.mark.parametrize("method", [Method.VN, Method.IEEE1366])
def test_the_feeder_trend_adds_up_to_each_feeders_saidi(method: Method) -> None:
    report = _report(method)
    records = [
        outage(local(2026, 1, 5, 8), 5, 100, feeder="F1"),
        outage(local(2026, 1, 7, 8), 90, 200, feeder="F2", cause="lightning"),
        outage(local(2026, 2, 3, 7), 240, 500, planned=True, cause="maintenance", feeder="F2"),
    ]
    trend = feeder_trend(InterruptionTable.from_records(records), report)
    assert list(trend) == ["F2"]  # F1 had only a momentary interruption: no SAIDI
    if method is Method.VN:
        assert trend["F2"] == pytest.approx([200 * 90 / 1000, 500 * 240 / 1250])
    else:
        assert trend["F2"] == pytest.approx([200 * 90 / 1125, 500 * 240 / 1125])
    by_feeder = {b.key: b.saidi for b in report.by_feeder}
    assert sum(trend["F2"]) == pytest.approx(by_feeder["F2"])
    doc = reliability_document(
        report, company="C", office="O", printed_at=PRINTED, feeder_trend=trend
    )
    assert len(to_html(doc)[1]) == 3  # months, feeders, and the feeders month by month
