"""The console's file dialogs never start in the data folder and never read the files there.

Qt's own dialog opens each file to learn its type (the MIME database reads the first bytes);
in the database's folder that alone releases SQLite's locks in this process, and the next
program to close the database removes the console's -wal (tests/db/test_wal_loss.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from console import file_dialogs
from console.file_dialogs import REPORTS_FOLDER_KEY, save_dialog, start_folder
from console.notices.panel import LetterPathDialog
from console.reports.dialogs import SaveAs
from db import Database
from db.wal_guard import WalLostError
from ops.settings import data_dir
from tests.db.test_wal_loss import other_process_reads, prepared, write


@pytest.fixture
def data(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    """A console database in WAL mode, written to, in a folder of its own."""
    folder = tmp_path / "data"
    db = prepared(Database(f"sqlite:///{folder / 'console.db'}"))
    yield db, folder
    db.dispose()
    QSettings().remove(REPORTS_FOLDER_KEY)


def _same(a: str | Path, b: str | Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def test_the_start_folder_is_never_a_data_folder(
    qtbot, data: tuple[Database, Path], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _, folder = data
    data_dir().mkdir(parents=True, exist_ok=True)
    for remembered in (folder, data_dir()):
        QSettings().setValue(REPORTS_FOLDER_KEY, str(remembered))
        assert not _same(start_folder(), remembered)
        dialog = save_dialog(None, "Save report", "report.pdf", "PDF (*.pdf)")
        assert not _same(dialog.directory().absolutePath(), remembered)
        inside = save_dialog(None, "Save report", str(remembered / "report.pdf"), "PDF (*.pdf)")
        assert not _same(inside.directory().absolutePath(), remembered)

    file_dialogs.remember_folder(folder)  # a report saved into the data folder after all
    assert not _same(start_folder(), folder)
    reports = tmp_path / "reports"
    reports.mkdir()
    file_dialogs.remember_folder(reports)
    assert _same(start_folder(), reports)
    dialog = save_dialog(None, "Save report", "report.pdf", "PDF (*.pdf)")
    assert _same(dialog.directory().absolutePath(), reports)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert isinstance(dialog.iconProvider(), file_dialogs.NamesOnlyIconProvider)


def test_the_reports_and_letters_ask_through_the_safe_dialog(
    qtbot, data: tuple[Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    _, folder = data
    QSettings().setValue(REPORTS_FOLDER_KEY, str(folder))
    shown: list[QFileDialog] = []

    def exec_(dialog: QFileDialog) -> int:
        shown.append(dialog)
        return 0  # cancelled

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert SaveAs.ask(parent, "handover", "pdf") is None
    assert LetterPathDialog.ask(parent, "letter.pdf") is None
    assert len(shown) == 2
    for dialog in shown:
        assert not _same(dialog.directory().absolutePath(), folder)
        assert isinstance(dialog.iconProvider(), file_dialogs.NamesOnlyIconProvider)


def _look_into(qtbot, dialog: QFileDialog, folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Show `dialog` in `folder` in detail view, as a person browsing there, until every
    file's type and icon is known; the types shown."""
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setDirectory(str(folder))
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    names = ("console.db", "console.db-wal", "console.db-shm")
    indexes = [model.index(str(folder / name)) for name in names]
    qtbot.waitUntil(lambda: all(model.type(i) for i in indexes), timeout=10_000)
    for index in indexes:
        model.data(index, Qt.ItemDataRole.DecorationRole)
    dialog.grab()
    types = [model.type(i) for i in indexes]
    dialog.close()
    return types


def test_browsing_the_data_folder_leaves_the_database_alone(
    qtbot, data: tuple[Database, Path]
) -> None:  # type: ignore[no-untyped-def]
    db, folder = data
    dialog = save_dialog(None, "Save report", "report.pdf", "PDF (*.pdf)")
    assert _look_into(qtbot, dialog, folder) == ["DB file", "DB-WAL file", "DB-SHM file"]
    assert other_process_reads(folder / "console.db") == "1"
    write(db, 2)
    assert other_process_reads(folder / "console.db") == "1,2"


def test_qt_own_dialog_would_have_read_the_database(qtbot, data: tuple[Database, Path]) -> None:  # type: ignore[no-untyped-def]
    # Why the module exists: the same browsing with Qt's plain widget dialog sniffs the files
    # by content, the other process then removes the log, and the guard refuses the write.
    db, folder = data
    dialog = QFileDialog(None, "Save report", str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    assert "SQLite" in _look_into(qtbot, dialog, folder)[0]  # learnt from the file's bytes
    assert other_process_reads(folder / "console.db") == "1"
    with pytest.raises(WalLostError):
        write(db, 2)


def test_the_save_dialog_speaks_vietnamese(qtbot, in_vietnamese, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Qt ships no Vietnamese for its file dialog; our translation file carries its words.
    from PySide6.QtWidgets import QLabel, QPushButton

    file_dialogs.remember_folder(tmp_path)
    dialog = save_dialog(None, "Lưu báo cáo", "SC-2026-0010.pdf", "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    label = QFileDialog.DialogLabel
    assert dialog.labelText(label.LookIn) == "&Tìm trong:"
    assert dialog.labelText(label.FileName) == "&Tên tệp:"
    assert dialog.labelText(label.FileType) == "&Loại tệp:"
    assert dialog.labelText(label.Accept) == "&Lưu"
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert headers == ["Tên", "Cỡ", "Loại", "Ngày sửa"]
    texts = {w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)}
    assert not texts & {"Look in:", "File name:", "&Save", "Cancel"}, texts
    assert "Hủy" in texts
    dialog.close()
    QSettings().remove(REPORTS_FOLDER_KEY)


def test_the_folder_a_report_was_saved_in_is_where_the_next_starts(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    reports = tmp_path / "bao-cao"
    reports.mkdir()

    def choose(dialog: QFileDialog) -> int:
        dialog.selectFile(str(reports / "SC-2026-0010.pdf"))
        return 1

    monkeypatch.setattr(QFileDialog, "exec", choose)
    path, _ = file_dialogs.get_save_file_name(
        None, "Save report", "SC-2026-0010.pdf", "PDF (*.pdf)"
    )
    assert _same(path, reports / "SC-2026-0010.pdf")
    QSettings().sync()  # the next start of the console reads it from the settings file
    assert _same(str(QSettings().value(REPORTS_FOLDER_KEY)), reports)
    assert _same(save_dialog(None, "Save", "x.pdf", "").directory().absolutePath(), reports)
    QSettings().remove(REPORTS_FOLDER_KEY)
