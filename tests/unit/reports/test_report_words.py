"""Printed reports in the reader's language: every word of the page in English when asked,
numbers with the language's separators, and the Vietnamese report as it was."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ops.outages.deadlines import DeadlineKind, DeadlineState
from ops.reliability import Method
from ops.reports import (
    CrewWork,
    Facts,
    HandoverFacts,
    Heading,
    NoticeLine,
    Paragraph,
    ReportDocument,
    Step,
    handover_document,
    outage_document,
    reliability_document,
    to_html,
    write_xlsx,
)
from ops.reports.words import Words
from ops.reports.words_en import PHRASES
from ops.wording.refusals import placeholders
from tests.unit.reports.test_report_documents import PRINTED, T0, _report, deadline, facts

ROOT = Path(__file__).resolve().parents[3]
# Letters only Vietnamese writes (Greek β and the like are no Vietnamese).
VIETNAMESE = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE
)


def _phrases() -> list[tuple[str, str]]:
    """(where, key) of every `w("…")` in the report modules, with module constants resolved."""
    found = []
    for path in sorted((ROOT / "ops" / "reports").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "w" or not node.args:
                continue
            first = node.args[0]
            phrase = (
                first.value
                if isinstance(first, ast.Constant)
                else constants.get(first.id)
                if isinstance(first, ast.Name)
                else None
            )
            where = f"{path.name}:{node.lineno}"
            assert isinstance(phrase, str), f"{where}: write the phrase literally"
            context = next((k.value for k in node.keywords if k.arg == "context"), None)
            key = f"{phrase}|{context.value}" if isinstance(context, ast.Constant) else phrase
            found.append((where, key))
    return found


PHRASES_USED = _phrases()


def test_the_phrases_were_found() -> None:
    assert len(PHRASES_USED) > 150


@pytest.mark.parametrize(("where", "key"), PHRASES_USED, ids=[w for w, _ in PHRASES_USED])
def test_each_phrase_has_its_english_with_the_same_holes(where: str, key: str) -> None:
    assert key in PHRASES, f"{where}: add {key!r} to ops/reports/words_en.py"
    assert placeholders(PHRASES[key]) == placeholders(key.split("|")[0])


def test_numbers_follow_the_language() -> None:
    assert Words("vi").number(6104) == "6.104" and Words("en").number(6104) == "6,104"
    assert Words("vi").number(1234.5, 2) == "1.234,50"
    assert Words("en").number(1234.5, 2) == "1,234.50"
    assert Words("en").duration(timedelta(hours=1, minutes=5)) == "1 h 05 min"
    assert Words("en").time(T0) == Words("vi").time(T0) == "10:00 01/06/2026"
    with pytest.raises(ValueError, match="no report words in 'fr'"):
        Words("fr")


def _documents(language: str) -> dict[str, ReportDocument]:
    f = facts(
        steps=(
            Step(T0, "REC-1", "open", 100, 0, 100, "dieudo"),
            Step(T0 + timedelta(minutes=30), "DS-2", "close", 0, 60, 40, "dieudo"),
        ),
        crews=(CrewWork("D1", "D1 crew", "SC-2026-0007", T0, T0 + timedelta(minutes=50)),),
        deadlines=(
            deadline(DeadlineKind.RESTORE, 30, None, DeadlineState.BREACHED),
            deadline(DeadlineKind.INFORM_CUSTOMERS, 100, 95, DeadlineState.MET),
        ),
        notices=(NoticeLine(1, "initial", T0, "sent", (("sent", 5104), ("failed", 1))),),
    )
    h = HandoverFacts(T0, T0 + timedelta(hours=8), "lead", (f,), f.crews, f.notices, "", 0.2)
    docs = {
        "handover": handover_document(
            h, company="C", office="O", printed_at=PRINTED, language=language
        ),
        "outage": outage_document(
            f, company="C", office="O", printed_at=PRINTED, language=language
        ),
    }
    for method in Method:
        docs[method.value] = reliability_document(
            _report(method), company="C", office="O", printed_at=PRINTED, language=language
        )
    return docs


def _own_words(doc: ReportDocument) -> list[str]:
    """The report's own words: title, headings, labels, table titles and columns, signatures
    (not the names and causes people typed)."""
    words = [doc.title, *doc.signatures]
    for block in doc.blocks:
        if isinstance(block, (Heading, Paragraph)):
            words.append(block.text)
        elif isinstance(block, Facts):
            words.extend(label for label, _ in block.items)
    for table in doc.tables:
        words.extend((table.title, table.sheet, *table.columns))
    return words


@pytest.mark.parametrize("name", ["handover", "outage", *(m.value for m in Method)])
def test_an_english_report_has_no_vietnamese_left(name: str, tmp_path: Path) -> None:
    doc = _documents("en")[name]
    left = [w for w in _own_words(doc) if VIETNAMESE.search(w)]
    assert left == []
    html, images = to_html(doc)
    data = {"Cây ngã vào đường dây", "471 Cao Lãnh"}  # typed by people: stays as it is
    for text in data:
        html = html.replace(text, "")
    assert not VIETNAMESE.search(html + "".join(str(i) for i in images.values()))
    assert "Printed at 13:00 01/06/2026" in html
    write_xlsx(doc, tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[0] == "Summary"
    assert not any(VIETNAMESE.search(s) for s in book.sheetnames)


def test_english_numbers_and_words_in_a_report() -> None:
    html, _ = to_html(_documents("en")["handover"])
    assert "5,104" in html and "First notice" in html and "Sent" in html
    assert "DISPATCH SHIFT HANDOVER REPORT" in html
    html, _ = to_html(_documents("en")["vn"])
    assert "Circular 05/2025/TT-BCT" in html and "Indices of the period" in html


def test_the_vietnamese_report_keeps_its_words() -> None:
    docs = _documents("vi")
    html, _ = to_html(docs["handover"])
    expected = (
        "BÁO CÁO GIAO CA ĐIỀU ĐỘ", "1. Ý kiến bàn giao của trưởng ca", "5.104",
        "Thông báo lần đầu", "In lúc 13:00 01/06/2026", "(ký, ghi rõ họ tên)",
    )  # fmt: skip
    for text in expected:
        assert text in html
    html, _ = to_html(docs["vn"])
    for text in ("BÁO CÁO ĐỘ TIN CẬY CUNG CẤP ĐIỆN", "Chỉ số của kỳ", "Phương pháp: Thông tư"):
        assert text in html
