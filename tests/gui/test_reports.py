"""The Reports menu on the demo district: shift handover (with the map as shown), the
selected outage's report and the reliability indices, written as PDF, XLSX and CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtPdf import QPdfDocument

from console.app import prepare_environment
from console.main_window import MainWindow
from console.reports import dialogs as report_dialogs
from console.reports.dialogs import HandoverRequest, ReliabilityRequest, shift_window
from db import Database
from ops.clock import LOCAL_TZ, FixedClock
from tests.conftest import DEMO_NOW
from tests.gui.conftest import MAP_TIMEOUT_MS


@pytest.fixture
def english_window(qtbot, demo_db: Database) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The console as `--lang en` starts it (no translators: English is the source)."""
    prepare_environment()
    win = MainWindow(demo_db, FixedClock(DEMO_NOW), language="en")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.map_loaded, timeout=MAP_TIMEOUT_MS):
        win.start()
    yield win
    win.close()
    win.deleteLater()


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Save to `path` whatever is asked; the names the console proposed."""
    proposed: list[str] = []

    def ask(cls, parent, name: str, output: str) -> Path:  # type: ignore[no-untyped-def]
        proposed.append(f"{name}.{output}")
        return path

    monkeypatch.setattr(report_dialogs.SaveAs, "ask", classmethod(ask))
    return proposed


def test_shift_window_is_the_shift_being_handed_over() -> None:
    # 10:30 local: the 06:00 shift; 14:20 local: still the 06:00 shift (handover just after).
    start, end = shift_window(DEMO_NOW)
    assert (start.astimezone(LOCAL_TZ).hour, end) == (6, DEMO_NOW)
    start, _ = shift_window(DEMO_NOW + timedelta(hours=3, minutes=50))
    assert start.astimezone(LOCAL_TZ).hour == 6
    start, _ = shift_window(DEMO_NOW + timedelta(hours=5))  # 15:30 local
    assert start.astimezone(LOCAL_TZ).hour == 14


def test_shift_handover_pdf_with_the_map(
    window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    start, end = shift_window(DEMO_NOW)
    request = HandoverRequest(start, end, "Tuyến 471 còn sự cố, đội 2 đang xử lý.", "pdf")
    monkeypatch.setattr(report_dialogs.HandoverDialog, "ask", classmethod(lambda cls, *a: request))
    out = tmp_path / "giao-ca.pdf"
    proposed = _save_to(monkeypatch, out)
    window.menus.reports.handover()
    qtbot.waitUntil(out.exists, timeout=30_000)
    local = start.astimezone(LOCAL_TZ)
    assert proposed == [f"giao-ca-{local:%Y-%m-%d}-0600.pdf"]  # the shift, not an internal id
    pdf = QPdfDocument(None)
    pdf.load(str(out))
    assert pdf.pageCount() >= 2  # the map image takes most of a page of its own
    text = "".join(pdf.getAllText(k).text() for k in range(pdf.pageCount()))
    assert "BÁO CÁO GIAO CA" in text and "Tuyến 471 còn sự cố" in text
    assert f"Trang 1/{pdf.pageCount()}" in text


def test_an_english_interface_prints_an_english_handover(
    english_window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    # `--lang en` gave an English window and a Vietnamese handover.
    start, end = shift_window(DEMO_NOW)
    request = HandoverRequest(start, end, "Feeder 471 still out.", "pdf")
    monkeypatch.setattr(report_dialogs.HandoverDialog, "ask", classmethod(lambda cls, *a: request))
    out = tmp_path / "handover.pdf"
    _save_to(monkeypatch, out)
    english_window.menus.reports.handover()
    qtbot.waitUntil(out.exists, timeout=30_000)
    pdf = QPdfDocument(None)
    pdf.load(str(out))
    text = "".join(pdf.getAllText(k).text() for k in range(pdf.pageCount()))
    assert "DISPATCH SHIFT HANDOVER REPORT" in text and "Outages opened in the shift" in text
    assert f"Page 1/{pdf.pageCount()}" in text
    assert "BÁO CÁO" not in text and "Trưởng ca" not in text and "Trang " not in text


def test_the_handover_pictures_the_map_without_its_screen_controls(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    # The picture of the map in the handover showed the zoom buttons and the layer checkboxes.
    view = window.map_view
    qtbot.waitUntil(lambda: view.is_ready, timeout=30_000)
    controls = "getComputedStyle(document.querySelector('.leaflet-control-%s')).display"
    during: list[str] = []
    grab = view.grab

    def grab_and_look(*args):  # type: ignore[no-untyped-def]
        for control in ("zoom", "layers"):  # queued before the page shows them again
            view.page().runJavaScript(controls % control, 0, during.append)
        return grab(*args)

    view.grab = grab_and_look  # type: ignore[method-assign]
    pictures: list[bytes | None] = []
    view.snapshot(lambda picture: pictures.append(report_dialogs._png(picture)))
    qtbot.waitUntil(lambda: len(during) == 2, timeout=10_000)
    assert during == ["none", "none"]
    png = pictures[0]
    assert png is not None and png.startswith(b"\x89PNG")
    after: list[str] = []
    view.page().runJavaScript(controls % "zoom", 0, after.append)
    qtbot.waitUntil(lambda: bool(after), timeout=10_000)
    assert after != ["none"]  # back on the screen


def test_outage_report_of_the_selected_outage_as_xlsx(
    window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    board = window.board
    assert board is not None
    outage = board.outages[0]
    window.select_outage(outage.outage_id)
    monkeypatch.setattr(report_dialogs.OutputDialog, "ask", classmethod(lambda cls, *a: "xlsx"))
    out = tmp_path / "su-co.xlsx"
    proposed = _save_to(monkeypatch, out)
    window.menus.reports.outage()
    qtbot.waitUntil(out.exists, timeout=30_000)
    assert proposed == [f"{outage.reference}.xlsx"]  # SC-2026-…, not su-co-<number>
    book = load_workbook(out)
    summary = [(r[0].value, r[1].value if len(r) > 1 else None) for r in book["Tóm tắt"].rows]
    assert ("Mã sự cố", outage.reference) in summary
    assert "Nhật ký" in book.sheetnames


def test_reliability_report_as_csv(
    window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    today = DEMO_NOW.astimezone(LOCAL_TZ).date()
    request = ReliabilityRequest(today.replace(day=1), today, "ieee1366", False, "csv")
    monkeypatch.setattr(
        report_dialogs.ReliabilityDialog, "ask", classmethod(lambda cls, *a: request)
    )
    out = tmp_path / "do-tin-cay.csv"
    proposed = _save_to(monkeypatch, out)
    window.menus.reports.reliability()
    qtbot.waitUntil(out.exists, timeout=30_000)
    assert proposed == [f"do-tin-cay-{today:%Y-%m}-01-den-{today:%Y-%m-%d}-ieee1366.csv"]
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["BÁO CÁO ĐỘ TIN CẬY CUNG CẤP ĐIỆN"]
    assert "IEEE Std 1366" in rows[1][0]
    head = rows.index(["Chỉ số của kỳ (IEEE 1366)"])
    assert rows[head + 1][:3] == ["Phần", "SAIFI", "SAIDI (phút)"]
    assert rows[head + 2][0] == "Toàn phần"


def test_an_english_reliability_report_as_csv(
    english_window: MainWindow,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    today = DEMO_NOW.astimezone(LOCAL_TZ).date()
    request = ReliabilityRequest(today.replace(day=1), today, "ieee1366", False, "csv")
    monkeypatch.setattr(
        report_dialogs.ReliabilityDialog, "ask", classmethod(lambda cls, *a: request)
    )
    out = tmp_path / "reliability.csv"
    _save_to(monkeypatch, out)
    english_window.menus.reports.reliability()
    qtbot.waitUntil(out.exists, timeout=30_000)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["POWER SUPPLY RELIABILITY REPORT"]
    head = rows.index(["Indices of the period (IEEE 1366)"])
    assert rows[head + 1][:3] == ["Part", "SAIFI", "SAIDI (min)"]


def test_print_preview_paints_the_same_pages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

    from console.reports.printing import paint_report, write_pdf
    from ops.reports import ReportDocument, Table
    from ops.reports.document import Kind

    rows = tuple((f"Dòng {k}", k) for k in range(120))  # long enough for several pages
    doc = ReportDocument(
        "BÁO CÁO THỬ", "Kỳ thử", "Công ty", "Điện lực", DEMO_NOW,
        (Table("Bảng", ("Tên", "Số"), (Kind.TEXT, Kind.INTEGER), rows),),
    )  # fmt: skip
    pages = write_pdf(doc, tmp_path / "a.pdf")
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    painted: list[int] = []
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    dialog.paintRequested.connect(lambda p: painted.append(paint_report(doc, p)))
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert painted == [pages]  # the preview lays out the same pages as the PDF
    assert preview.pageCount() == pages


def _title_ink(path: Path, title: str) -> int:
    """Dark pixels between the running header's rule and the body of the first page."""
    from datetime import UTC, datetime

    from PySide6.QtCore import QSize

    from console.reports.printing import write_pdf
    from ops.reports import ReportDocument
    from ops.reports.document import Paragraph

    report = ReportDocument(
        title=title, subtitle="", company="ĐIỆN LỰC", office="Điện lực Một", signatures=(),
        printed_at=datetime(2026, 12, 2, tzinfo=UTC), blocks=(Paragraph("x"),),
    )  # fmt: skip
    write_pdf(report, path)
    pdf = QPdfDocument()
    pdf.load(str(path))
    image = pdf.render(0, QSize(1240, 1754))  # 150 dpi
    pdf.close()

    def dark(x: int, y: int) -> bool:
        colour = image.pixelColor(x, y)
        return colour.alpha() > 100 and colour.lightness() < 160

    rule = next(y for y in range(400) if sum(dark(x, y) for x in range(0, 1240, 4)) > 150)
    return sum(dark(x, y) for y in range(rule + 2, rule + 120) for x in range(1240))


def test_stacked_vietnamese_marks_are_printed_whole_at_the_top_of_a_page(
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    # The title is the first line of the page: the grave stacked over Ê (Ề) rises above the
    # font's ascent and was clipped at the top of the page body, printing "ĐIÊU" for "ĐIỀU".
    with_grave = _title_ink(tmp_path / "a.pdf", "Ề Ề Ề Ề")
    without = _title_ink(tmp_path / "b.pdf", "Ê Ê Ê Ê")
    assert with_grave > 1.05 * without, (with_grave, without)  # clipped: 2161 against 2142
