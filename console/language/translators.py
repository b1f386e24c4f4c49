"""Interface language: English in the source, Vietnamese by default, from Qt translation files."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def interface_language() -> str:
    """The language the interface speaks: the one `install_translators` set up."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our strings and Qt's own (dialog buttons…) for `language`; English needs none."""
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"console_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation file for language %r: the interface stays in English", language)
    # Qt's own translation where Qt ships one; it has none in Vietnamese (no qtbase_vi.qm), so
    # ours carries the words of Qt's buttons and file dialog (console/language/qt_strings.py).
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
