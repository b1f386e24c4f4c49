"""The formal letter printed to an A4 PDF whose text is the letter's, diacritics and all."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.app import prepare_environment
from console.notices.letter_printing import LetterPrinter
from ops.notices.area import describe_area
from ops.notices.content import notice_facts
from ops.notices.letter import build_letter, scope_text
from ops.notices.schedule import NoticeEvent, NoticeKind
from ops.notices.templates import load_templates
from tests.unit.notice_builders import END, SENDER, START, a_plan, big_district, local

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def test_the_letter_prints_to_an_a4_pdf_with_its_vietnamese_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    prepare_environment()
    _, customers = big_district(customers=120)
    chosen = list(customers.values())
    facts = notice_facts(
        a_plan(), NoticeEvent(7, NoticeKind.INITIAL, 1, local(1, 10), START, END),
        describe_area(c.address for c in chosen), SENDER, local(1, 10),
    )  # fmt: skip
    letter = build_letter(facts, load_templates(), chosen, scope=scope_text(len(chosen), 4))
    printer = LetterPrinter()
    pdf = tmp_path / "thong-bao.pdf"
    with qtbot.waitSignal(printer.printed, timeout=60_000) as done:
        printer.print_letter(letter, pdf)
    assert done.args == [str(pdf), True]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "pts (A4)" in info.stdout
    pages = int(next(ln.split()[-1] for ln in info.stdout.splitlines() if ln.startswith("Pages")))
    assert pages >= 3  # the letter, then the appendix of 120 customers from a new page
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for part in (
        "THÔNG BÁO TẠM NGỪNG CẤP ĐIỆN THEO KẾ HOẠCH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Căn cứ khoản 2 Điều 49 Luật Điện lực số 61/2024/QH15",
        "PHỤ LỤC: DANH SÁCH KHÁCH HÀNG BỊ ẢNH HƯỞNG",
        "PB07010020119",
    ):
        assert part in text, part
    assert not list(tmp_path.glob(".letter-*.html"))  # the page file is gone
    assert [p.name for p in tmp_path.iterdir()] == [pdf.name]  # and no partial PDF
    keep = os.environ.get("OMS_KEEP_LETTER_PDF")
    if keep:  # for a person to look at: OMS_KEEP_LETTER_PDF=/some/folder
        shutil.copy(pdf, Path(keep) / pdf.name)
