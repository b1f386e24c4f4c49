"""The formal letter as an A4 PDF: `ops.notices.letter.letter_html` laid out by QtWebEngine.

The page is loaded from a file next to the PDF (an appendix of thousands of customers is
larger than `setHtml` accepts) and printed by Chromium's own PDF writer, which keeps the
letter's CSS (the two-column heading, the bordered tables, the appendix on its own page).
The HTML holds no external resource; the margins come from the page layout.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QUrl, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEnginePage

from ops.files import partial_path, replace_durably
from ops.notices.letter import FormalLetter, letter_html

# left, top, right, bottom in mm: the administrative-document margins (Decree 30/2020)
MARGINS_MM = QMarginsF(30, 20, 15, 20)


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


class LetterPrinter(QObject):
    """Prints letters to PDF files, one at a time; `printed(path, ok)` when each is done."""

    printed = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page: QWebEnginePage | None = None
        self._target: Path | None = None
        self._html: Path | None = None

    @property
    def busy(self) -> bool:
        return self._page is not None

    def print_letter(self, letter: FormalLetter, pdf: Path) -> None:
        if self.busy:
            raise RuntimeError("a letter is being printed: wait for printed()")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".letter-", suffix=".html", dir=pdf.parent)
        with open(fd, "w", encoding="utf-8") as out:
            out.write(letter_html(letter))
        self._html, self._target = Path(name), pdf
        self._page = QWebEnginePage(self)
        self._page.loadFinished.connect(self._loaded)
        self._page.pdfPrintingFinished.connect(self._done)
        self._page.load(QUrl.fromLocalFile(name))

    def _loaded(self, ok: bool) -> None:
        assert self._page is not None and self._target is not None
        if not ok:
            self._done(str(self._target), False)
            return
        # Chromium writes the PDF beside the target, which it replaces once complete.
        self._page.printToPdf(str(partial_path(self._target, ".pdf")), a4_layout())

    def _done(self, _written: str, ok: bool) -> None:
        page, self._page = self._page, None
        target, self._target = self._target, None
        assert target is not None
        partial = partial_path(target, ".pdf")
        if ok:
            try:
                replace_durably(partial, target)
            except OSError:
                ok = False
        partial.unlink(missing_ok=True)
        if self._html is not None:
            self._html.unlink(missing_ok=True)
            self._html = None
        if page is not None:
            page.deleteLater()
        self.printed.emit(str(target), ok)
