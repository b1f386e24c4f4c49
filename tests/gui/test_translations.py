"""The Vietnamese interface is complete, compiled from its source, and used by default."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from console.language.translators import TRANSLATIONS, install_translators
from console.outages.table import OutageTableModel

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_every_interface_string_has_a_vietnamese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "console_vi.ts"
    shutil.copyfile(TRANSLATIONS / "console_vi.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "console").rglob("*.py"))
    lupdate = [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
    subprocess.run([*lupdate, *sources, "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run scripts/update_translations.sh and translate"
    assert text == (TRANSLATIONS / "console_vi.ts").read_text(encoding="utf-8"), (
        "console_vi.ts is out of date: run scripts/update_translations.sh"
    )


def test_the_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    qm = tmp_path / "console_vi.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TRANSLATIONS / "console_vi.ts"), "-qm", str(qm)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert qm.read_bytes() == (TRANSLATIONS / "console_vi.qm").read_bytes()


def test_vietnamese_is_installed_and_english_needs_nothing(qapp) -> None:  # type: ignore[no-untyped-def]
    assert install_translators(qapp, "en") == []
    english = OutageTableModel().headers()
    translators = install_translators(qapp, "vi")
    try:
        assert translators
        vietnamese = OutageTableModel().headers()
        assert vietnamese[0] == "Mã" and english[0] == "Reference"
        assert "KH mất điện" in vietnamese
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        install_translators(qapp, "en")


def test_every_translated_string_is_one_lupdate_can_see() -> None:
    """`parent.tr("…")` is filed by lupdate under the context "parent" but looked up at run time
    under the parent's class, and `translate(ctx, variable)` is not extracted at all: both
    leave the text in English while the tests above stay green."""
    import re

    wrong = re.compile(r"(?<!self)\.tr\(|translate\(\s*[\"'][^\"']+[\"']\s*,\s*[^\"'\s]")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((ROOT / "console").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if wrong.search(line)
        and "painter.translate" not in line
        # refusal shapes reach lupdate through their list (tests/gui/test_refusals.py)
        and 'translate("Refusal", refusal.shape)' not in line
    ]
    assert found == []


def test_qts_own_dialog_buttons_read_in_vietnamese(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt ships no Vietnamese for its widgets; our file carries the standard buttons."""
    from PySide6.QtWidgets import QDialogButtonBox

    translators = install_translators(qapp, "vi")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
        assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        install_translators(qapp, "en")


def test_the_names_of_values_follow_the_interface_language(qapp) -> None:  # type: ignore[no-untyped-def]
    from console.language import labels
    from console.notices.models import plan_status
    from ops.outages.records import OutageStatus
    from ops.planned.records import PlanStatus

    assert install_translators(qapp, "en") == []
    assert labels.outage_status(OutageStatus.RESTORED) == "Restored"
    assert plan_status(PlanStatus.DRAFT) == "Draft"
    translators = install_translators(qapp, "vi")
    try:
        assert labels.outage_status(OutageStatus.RESTORED) == "Đã khôi phục"
        assert plan_status(PlanStatus.DRAFT) == "Dự thảo"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        install_translators(qapp, "en")
