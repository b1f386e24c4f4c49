"""The formal written notice ("THÔNG BÁO TẠM NGỪNG CẤP ĐIỆN THEO KẾ HOẠCH") as data, and as
one A4 HTML page the Qt layer prints to PDF.

Every value is HTML-escaped where it is written into the page: customer names come from
imported data and are text, never markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ops.clock import to_local
from ops.network.records import Customer
from ops.notices.content import NoticeFacts, template_values, window_text
from ops.notices.templates import NoticeTemplates

TABLE_MARK = "[BẢNG]"  # where the time | area | scope table goes in letter.txt
NATIONAL_HEADING = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True, slots=True)
class LetterRow:
    time_slot: str
    area: str
    scope: str


@dataclass(frozen=True, slots=True)
class AppendixEntry:
    customer_id: str
    name: str
    address: str


@dataclass(frozen=True, slots=True)
class FormalLetter:
    """A formal notice to customers: heading, legal bases, table, appendix of customers."""

    company: str
    office: str
    number: str  # "KH-2026-0123/TB-1"
    place_and_date: str  # "Cao Lãnh, ngày 05 tháng 06 năm 2026"
    title: str
    addressee: str  # "Quý khách hàng" or one customer's name
    legal_bases: tuple[str, ...]
    before_table: tuple[str, ...]  # paragraphs
    rows: tuple[LetterRow, ...]
    after_table: tuple[str, ...]
    signatory: str
    appendix: tuple[AppendixEntry, ...]


def build_letter(
    facts: NoticeFacts,
    templates: NoticeTemplates,
    customers: Iterable[Customer],
    *,
    scope: str,
    addressee: str | None = None,
) -> FormalLetter:
    """The letter of a notice; `customers` fill the appendix (all of them, or the one addressed).

    `scope` is the table's third column, e.g. "Toàn bộ khách hàng sau 12 trạm biến áp".
    """
    values = template_values(facts)
    kind = templates[facts.kind]
    body = kind.letter_body.render(values)
    before, _, after = body.partition(TABLE_MARK) if TABLE_MARK in body else (body, "", "")
    return FormalLetter(
        company=facts.sender.company,
        office=facts.sender.office,
        number=f"{facts.reference}/TB-{facts.sequence}",
        place_and_date=f"{facts.sender.place}, {issued_date(facts.issued_at)}",
        title=" ".join(kind.letter_title.render(values).split()),
        addressee=f"Quý khách hàng {addressee}" if addressee else "Quý khách hàng",
        legal_bases=tuple(t.render(values) for t in templates.legal_bases),
        before_table=_paragraphs(before),
        rows=(LetterRow(window_text(facts.starts_at, facts.ends_at), facts.area, scope),),
        after_table=_paragraphs(after),
        signatory=facts.sender.signatory,
        appendix=tuple(
            AppendixEntry(c.customer_id, c.name, str(c.address))
            for c in sorted(customers, key=lambda c: c.customer_id)
        ),
    )


def scope_text(customers: int, transformers: int) -> str:
    """The table's "Phạm vi" column: "1.234 khách hàng sau 12 trạm biến áp"."""
    return f"{_thousands(customers)} khách hàng sau {transformers} trạm biến áp"


_CSS = """
@page { size: A4; margin: 20mm 20mm 20mm 25mm; }  /* QtWebEngine: give them in QPageLayout */
body { font-family: "Times New Roman", "Noto Serif", "DejaVu Serif", serif; font-size: 13pt;
       line-height: 1.4; color: #000; margin: 0; }
.heading { display: flex; justify-content: space-between; text-align: center; font-size: 12pt; }
.heading > div:first-child { width: 42%; }
.heading > div:last-child { width: 56%; }
.upper { font-weight: bold; }
.number { margin-top: 4pt; }
.date { font-style: italic; text-align: right; margin: 8pt 0; }
h1 { font-size: 14pt; text-align: center; margin: 14pt 0 6pt; }
.to { text-align: center; margin-bottom: 10pt; }
.bases p { font-style: italic; margin: 0; }
p { text-align: justify; margin: 6pt 0; }
/* Collapsed borders straddle the box: 1pt less keeps the right border on the page. */
table { width: calc(100% - 1pt); border-collapse: collapse; margin: 8pt 0;
        page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
th { font-weight: bold; text-align: center; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
.sign { width: 45%; margin-left: auto; text-align: center; font-weight: bold; margin-top: 16pt; }
.appendix { page-break-before: always; }
.appendix h2 { font-size: 13pt; text-align: center; }
.appendix td:first-child { white-space: nowrap; }
.appendix table { font-size: 10.5pt; line-height: 1.25; }
.appendix th, .appendix td { padding: 1.5pt 4pt; }
"""


def letter_html(letter: FormalLetter) -> str:
    """The letter as one self-contained A4 HTML page (UTF-8, no external resources)."""
    e = html.escape
    out = [
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">',
        f"<title>{e(letter.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>",
        '<div class="heading">',
        f'<div><div>{e(letter.company.upper())}</div><div class="upper">'
        f'{e(letter.office.upper())}</div><div class="number">Số: {e(letter.number)}</div></div>',
        f'<div><div class="upper">{e(NATIONAL_HEADING[0])}</div>'
        f'<div class="upper">{e(NATIONAL_HEADING[1])}</div></div>',
        "</div>",
        f'<p class="date">{e(letter.place_and_date)}</p>',
        f"<h1>{e(letter.title)}</h1>",
        f'<p class="to">Kính gửi: {e(letter.addressee)}</p>',
        '<div class="bases">',
        *(f"<p>{e(b)}</p>" for b in letter.legal_bases),
        "</div>",
        *(f"<p>{e(p)}</p>" for p in letter.before_table),
        "<table>\n<thead><tr><th>Thời gian</th><th>Khu vực</th><th>Phạm vi</th></tr></thead>",
        "<tbody>",
        *(
            f"<tr><td>{e(r.time_slot)}</td><td>{e(r.area)}</td><td>{e(r.scope)}</td></tr>"
            for r in letter.rows
        ),
        "</tbody>\n</table>",
        *(f"<p>{e(p)}</p>" for p in letter.after_table),
        f'<div class="sign">{e(letter.office.upper())}<br>{e(letter.signatory)}</div>',
    ]
    if letter.appendix:
        out += [
            '<div class="appendix">',
            "<h2>PHỤ LỤC: DANH SÁCH KHÁCH HÀNG BỊ ẢNH HƯỞNG</h2>",
            f"<p>Kèm theo thông báo số {e(letter.number)} "
            f"({_thousands(len(letter.appendix))} khách hàng)</p>",
            "<table>\n<thead><tr><th>STT</th><th>Mã khách hàng</th><th>Tên khách hàng</th>"
            "<th>Địa chỉ</th></tr></thead>\n<tbody>",
            *(
                f"<tr><td>{n}</td><td>{e(a.customer_id)}</td><td>{e(a.name)}</td>"
                f"<td>{e(a.address)}</td></tr>"
                for n, a in enumerate(letter.appendix, start=1)
            ),
            "</tbody>\n</table>\n</div>",
        ]
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def issued_date(at: datetime) -> str:
    local = to_local(at)
    return f"ngày {local:%d} tháng {local:%m} năm {local:%Y}"


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")
