"""A report's tables as an XLSX workbook (one sheet per table, numbers stay numbers) or as one
CSV file (tables one after another, each under its title)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ops.files import write_atomically, write_text_atomically
from ops.reports.document import Facts, Kind, ReportDocument, Table
from ops.reports.words import Words

_FORMATS = {
    Kind.INTEGER: "#,##0",
    Kind.DECIMAL: "#,##0.00",
    Kind.INDEX: "0.0000",
    Kind.PERCENT: "0.0000%",
}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(table: Table, taken: set[str], w: Words) -> str:
    base = _BAD_SHEET_CHARS.sub(" ", table.sheet or table.title)[:28].strip() or w("Bảng")
    name, k = base, 2
    while name.lower() in taken:
        name, k = f"{base[:25]} ({k})", k + 1
    taken.add(name.lower())
    return name


def write_xlsx(doc: ReportDocument, path: Path) -> None:
    """Written to a temporary file beside `path` first: a failure leaves no half file."""
    w = Words(doc.language)
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = w("Tóm tắt")
    summary.append([doc.title])
    summary["A1"].font = Font(bold=True, size=13)
    for line in (
        doc.subtitle,
        f"{doc.company} – {doc.office}",
        w("In lúc {at}", at=w.time(doc.printed_at)),
    ):
        summary.append([line])
    summary.append([])
    for block in doc.blocks:
        if isinstance(block, Facts):
            for label, value in block.items:
                summary.append([label, value])
    summary.column_dimensions["A"].width = 34
    summary.column_dimensions["B"].width = 40
    taken = {summary.title.lower()}
    for table in doc.tables:
        sheet = book.create_sheet(_sheet_name(table, taken, w))
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(table.columns))
        for c in range(1, len(table.columns) + 1):
            head = sheet.cell(row=2, column=c)
            head.font = Font(bold=True)
            head.fill = PatternFill("solid", fgColor="DDE6EE")
            head.alignment = Alignment(wrap_text=True, vertical="center")
        for row in table.rows:
            sheet.append(list(row))
            r = sheet.max_row
            for c, kind in enumerate(table.kinds, start=1):
                if kind in _FORMATS:
                    sheet.cell(row=r, column=c).number_format = _FORMATS[kind]
            if Table.is_total(row):
                for c in range(1, len(row) + 1):
                    sheet.cell(row=r, column=c).font = Font(bold=True)
        for c, name in enumerate(table.columns, start=1):
            width = max(
                [len(name)] + [len(str(r[c - 1])) for r in table.rows if isinstance(r[c - 1], str)]
            )
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 10), 40)
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    write_atomically(path, out.getvalue())


def write_csv(doc: ReportDocument, path: Path) -> None:
    """UTF-8 with a BOM (Excel opens Vietnamese text right), numbers with a dot."""
    text = io.StringIO(newline="")
    out = csv.writer(text)
    out.writerow([doc.title])
    out.writerow([doc.subtitle])
    for table in doc.tables:
        out.writerow([])
        out.writerow([table.title])
        out.writerow(table.columns)
        out.writerows(["" if v is None else v for v in row] for row in table.rows)
    write_text_atomically(path, text.getvalue(), encoding="utf-8-sig")
