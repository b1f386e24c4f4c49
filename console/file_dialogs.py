"""The console's file dialogs: they never start in the data folder and never read a file.

Qt's own file dialog asks the MIME database for each file's type and icon, which opens the
file and reads its first bytes; in the folder of the SQLite database that `open()`/`close()`
releases all of SQLite's locks in this process (POSIX locks are per process), and the next
program to close the database deletes the console's write-ahead log. So: Qt's widget dialog
(a native one may sniff just the same, in-process), an icon provider that answers from the
name alone, and a start folder that is the reports folder remembered here, never the folder
of an open database.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QSettings, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.wal_guard import is_database_file, open_database_files
from ops.settings import data_dir

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
REPORTS_FOLDER_KEY = "file_dialogs/reports_folder"
_Type = QAbstractFileIconProvider.IconType


class NamesOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from a file's name and kind, never from its content."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QAbstractFileIconProvider.Option.DontUseCustomDirectoryIcons)

    def icon(self, what: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            what = _Type.Folder if what.isDir() else _Type.File
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return translate("FileDialogs", "Folder")
        suffix = info.suffix().upper()
        return translate("FileDialogs", "%1 file").replace("%1", suffix) if suffix else ""


_provider: NamesOnlyIconProvider | None = None


def _icon_provider() -> NamesOnlyIconProvider:
    global _provider
    if _provider is None:
        _provider = NamesOnlyIconProvider()
    return _provider


def _same(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def is_data_folder(folder: Path) -> bool:
    """Whether `folder` holds the console's data: the data directory, or an open database."""
    keep_out = [data_dir(), *(db.parent for db in open_database_files())]
    return any(_same(folder, other) for other in keep_out)


def start_folder() -> Path:
    """Where a file dialog opens: the remembered reports folder, else Documents, else home;
    never a data folder."""
    remembered = str(QSettings().value(REPORTS_FOLDER_KEY, "") or "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (remembered, documents, str(Path.home())):
        if candidate and Path(candidate).is_dir() and not is_data_folder(Path(candidate)):
            return Path(candidate)
    fallback = Path.home() / "outage-console-reports"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def remember_folder(folder: Path) -> None:
    """Keep `folder` as the reports folder, unless it is a data folder."""
    if folder.is_dir() and not is_data_folder(folder):
        QSettings().setValue(REPORTS_FOLDER_KEY, str(folder))


def save_dialog(parent: QWidget | None, caption: str, suggested: str, filter: str) -> QFileDialog:
    """The dialog `get_save_file_name` shows, set up but not shown (tests look at it)."""
    folder = Path(suggested).parent if Path(suggested).is_absolute() else start_folder()
    if is_data_folder(folder):
        folder = start_folder()
    dialog = QFileDialog(parent, caption, str(folder), filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setIconProvider(_icon_provider())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setHistory([])
    dialog.selectFile(Path(suggested).name)
    return dialog


def get_save_file_name(
    parent: QWidget | None, caption: str = "", suggested: str = "", filter: str = ""
) -> tuple[str, str]:
    """In place of `QFileDialog.getSaveFileName`: (path, chosen filter), or ("", "")."""
    dialog = save_dialog(parent, caption, suggested, filter)
    if not dialog.exec() or not dialog.selectedFiles():
        return "", ""
    path = Path(dialog.selectedFiles()[0])
    if is_database_file(path):
        QMessageBox.warning(
            parent,
            caption,
            translate("FileDialogs", "%1 is the console's database: choose another name.").replace(
                "%1", str(path)
            ),
        )
        return "", ""
    remember_folder(path.parent)
    return str(path), dialog.selectedNameFilter()
