"""Printed reports: a report document laid out by QTextDocument on A4 with a header line
(company, office, report title) and "Trang n/N" (in the report's language) on every page; SVG
charts rasterised with QtSvg. The PDF, the printer and the print preview all go through
`paint_report`."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from ops.files import write_through
from ops.reports import ReportDocument, to_html
from ops.reports.words import Words

MARGIN_MM = (18.0, 14.0, 18.0, 14.0)  # left, top, right, bottom
HEADER_MM = 9.0  # header band above the body
FOOTER_MM = 8.0
CHART_DPI = 200  # charts are rasterised at this resolution, then scaled onto the page
CHART_WIDTH_MM = 170.0
KEEP_WITH_NEXT_MM = 35.0  # a heading needs this much page below it, else it starts a page
PDF_DPI = 300
DIACRITIC_ROOM_MM = 1.5
FONT_FAMILY = "DejaVu Sans"


@dataclass(frozen=True, slots=True)
class _Page:
    """The page geometry in device units."""

    width: float
    height: float
    per_mm: float

    def mm(self, value: float) -> float:
        return value * self.per_mm

    @property
    def body(self) -> QRectF:
        left, top, right, bottom = (self.mm(v) for v in MARGIN_MM)
        header, footer = self.mm(HEADER_MM), self.mm(FOOTER_MM)
        return QRectF(
            left,
            top + header,
            self.width - left - right,
            self.height - top - bottom - header - footer,
        )


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (offscreen when there is no display) for the
    command line: fonts and text layout need one. A widgets application, so that whatever
    runs later in the same process can still open a window."""
    app = QApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(sys.argv[:1])


def _raster(svg: str, width_mm: float) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    width = round(width_mm / 25.4 * CHART_DPI)
    height = round(width * size.height() / max(size.width(), 1))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _text_document(report: ReportDocument, device: QPagedPaintDevice, page: _Page) -> QTextDocument:
    html, images = to_html(report)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont(FONT_FAMILY, 9))
    doc.setDocumentMargin(0)
    for name, content in images.items():
        image = (
            _raster(content, CHART_WIDTH_MM)
            if isinstance(content, str)
            else QImage.fromData(QByteArray(content))
        )
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    # Room above the first line of every page: Vietnamese capitals stack two marks (Ề, Ẫ) above
    # the font's ascent, and what rises above the page's body rectangle is clipped away.
    frame = doc.rootFrame().frameFormat()
    frame.setTopMargin(page.mm(DIACRITIC_ROOM_MM))
    doc.rootFrame().setFrameFormat(frame)
    body = page.body
    doc.setPageSize(QSizeF(body.width(), body.height()))
    _keep_headings_with_what_follows(doc, page.mm(KEEP_WITH_NEXT_MM))
    return doc


def _keep_headings_with_what_follows(doc: QTextDocument, room: float) -> None:
    """A heading with less than `room` left below it on its page moves to the next page (Qt's
    rich text knows no page-break-after: avoid)."""
    height = doc.pageSize().height()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            top = doc.documentLayout().blockBoundingRect(block).top()
            left_on_page = height - top % height
            if left_on_page < room and top % height > 0:
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(fmt)
        block = block.next()


def _set_a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )


def paint_report(report: ReportDocument, device: QPagedPaintDevice) -> int:
    """Lay the report out on `device` (A4, no printer margins: ours are painted) and paint
    every page; returns the number of pages."""
    _set_a4(device)
    rect = device.pageLayout().fullRectPixels(device.logicalDpiX())
    page = _Page(rect.width(), rect.height(), device.logicalDpiX() / 25.4)
    doc = _text_document(report, device, page)
    body = page.body
    pages = doc.pageCount()
    painter = QPainter(device)
    try:
        for k in range(pages):
            if k:
                device.newPage()
            _header_footer(painter, page, report, k + 1, pages)
            painter.save()
            painter.translate(body.left(), body.top() - k * body.height())
            doc.drawContents(painter, QRectF(0, k * body.height(), body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()
    return pages


def _header_footer(
    painter: QPainter, page: _Page, report: ReportDocument, number: int, pages: int
) -> None:
    left, top, right, bottom = (page.mm(v) for v in MARGIN_MM)
    width = page.width - left - right
    painter.save()
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#52606d"))
    band = QRectF(left, top, width, page.mm(HEADER_MM) - page.mm(2.5))
    painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                     f"{report.company} · {report.office}")  # fmt: skip
    painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, report.title)
    pen = QPen(QColor("#0b4f8a"))
    pen.setWidthF(page.mm(0.3))
    painter.setPen(pen)
    rule_y = top + page.mm(HEADER_MM) - page.mm(1.5)
    painter.drawLine(QPointF(left, rule_y), QPointF(left + width, rule_y))
    pen = QPen(QColor("#9aa5b1"))
    pen.setWidthF(page.mm(0.15))
    painter.setPen(pen)
    foot_y = page.height - bottom - page.mm(FOOTER_MM) + page.mm(2)
    painter.drawLine(QPointF(left, foot_y), QPointF(left + width, foot_y))
    painter.setPen(QColor("#52606d"))
    foot = QRectF(left, foot_y + page.mm(1), width, page.mm(FOOTER_MM) - page.mm(2))
    page_of = Words(report.language)("Trang {number}/{pages}", number=number, pages=pages)
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_of)
    subtitle = QFontMetricsF(font, painter.device()).elidedText(
        report.subtitle, Qt.TextElideMode.ElideRight, width * 0.8
    )
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, subtitle)
    painter.restore()


def write_pdf(report: ReportDocument, path: Path) -> int:
    """The report as a PDF file (written beside and renamed: never a half file); its pages."""
    pages = 0

    def save(tmp: Path) -> None:
        nonlocal pages
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setTitle(report.title)
        writer.setCreator(f"{report.company} – {report.office}")
        pages = paint_report(report, writer)
        del writer  # closes the file

    write_through(path, save)
    return pages


def preview(report: ReportDocument, parent: QWidget | None = None) -> None:
    """The print preview (and from it, printing) of the report."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(report.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(report.title)
    dialog.paintRequested.connect(lambda p: paint_report(report, p))
    dialog.exec()
