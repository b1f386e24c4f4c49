"""A report document as HTML that Qt's QTextDocument lays out well: simple tables with
collapsed borders, CSS Qt understands, charts as <img> whose source names an SVG image."""

from __future__ import annotations

from html import escape

from ops.reports.document import (
    Block,
    Chart,
    Facts,
    Heading,
    Image,
    Kind,
    Paragraph,
    ReportDocument,
    Table,
)
from ops.reports.words import Words

# Image widths are CSS pixels (1/96 inch): Qt scales them to the device it prints on.
PX_PER_MM = 96 / 25.4
NOWRAP_UP_TO = 16  # characters: "09:41 27/11/2026"
_NOWRAP = ' style="white-space: nowrap;"'
INK = "#1f2933"
RULE = "#9aa5b1"
HEAD_BG = "#dde6ee"
TOTAL_BG = "#f0f3f6"
ACCENT = "#0b4f8a"

STYLE = f"""
body {{ font-family: 'DejaVu Sans', 'Noto Sans', sans-serif; font-size: 9pt; color: {INK}; }}
h1 {{ font-size: 15pt; color: {ACCENT}; margin-bottom: 2px; }}
h2 {{ font-size: 11pt; color: {ACCENT}; margin-top: 14px; margin-bottom: 4px; }}
p.sub {{ font-size: 10pt; margin-top: 0px; }}
p.note {{ font-size: 7.5pt; color: #52606d; }}
p.caption {{ font-size: 8.5pt; font-weight: bold; margin-top: 8px; margin-bottom: 3px; }}
table.grid {{ border-collapse: collapse; border-color: {RULE}; }}
table.grid th {{ background-color: {HEAD_BG}; font-weight: bold; font-size: 8pt; }}
table.grid td {{ font-size: 8pt; }}
table.grid th.title {{ background-color: {ACCENT}; color: white; font-size: 8.5pt; }}
tr.total td {{ background-color: {TOTAL_BG}; font-weight: bold; }}
table.facts td {{ font-size: 9pt; }}
td.label {{ color: #52606d; }}
"""


def to_html(doc: ReportDocument) -> tuple[str, dict[str, str | bytes]]:
    """The document's HTML and its images ({name used in <img src>: SVG text or PNG bytes})."""
    images: dict[str, str | bytes] = {}
    w = Words(doc.language)
    parts = [
        f"<h1>{escape(doc.title)}</h1>",
        f'<p class="sub">{escape(doc.subtitle)}</p>' if doc.subtitle else "",
    ]
    parts.extend(_block(w, b, images) for b in doc.blocks)
    if doc.signatures:
        parts.append(_signatures(w, doc.signatures))
    printed = w("In lúc {at}", at=w.time(doc.printed_at))
    parts.append(
        f'<p class="note">{escape(printed)} · {escape(doc.company)} – {escape(doc.office)}</p>'
    )
    body = "\n".join(p for p in parts if p)
    html = (
        f'<html><head><meta charset="utf-8"><title>{escape(doc.title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    )
    return html, images


def _block(w: Words, block: Block, images: dict[str, str | bytes]) -> str:
    if isinstance(block, Heading):
        # Qt drops a heading's top margin after a table: a thin empty line keeps sections apart.
        return f'<p style="font-size: 5pt;">&nbsp;</p><h2>{escape(block.text)}</h2>'
    if isinstance(block, Paragraph):
        cls = ' class="note"' if block.note else ""
        return f"<p{cls}>{escape(block.text)}</p>"
    if isinstance(block, Facts):
        return _facts(block)
    if isinstance(block, Table):
        return _table(w, block)
    if isinstance(block, Image):
        name = f"image-{len(images) + 1}.png"
        images[name] = block.png
        return _picture(block.title, name, block.width_mm, new_page=True)
    return _chart(block, images)


def _facts(facts: Facts) -> str:
    rows = []
    items = list(facts.items)
    for k in range(0, len(items), 2):  # two label-value pairs per line
        pair = items[k : k + 2]
        cells = "".join(
            f'<td class="label" width="24%">{escape(label)}</td>'
            f'<td width="26%"><b>{escape(value)}</b></td>'
            for label, value in pair
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<table class="facts" width="100%" cellpadding="2" cellspacing="0">{"".join(rows)}</table>'
    )


def _table(w: Words, table: Table) -> str:
    aligns = ["left" if k is Kind.TEXT else "right" for k in table.kinds]
    # Numbers, codes and short times read badly broken over two lines: keep them whole.
    whole = [
        k is not Kind.TEXT
        or all(len(str(r[c])) <= NOWRAP_UP_TO for r in table.rows if r[c] is not None)
        for c, k in enumerate(table.kinds)
    ]
    widths = table.widths or (None,) * len(table.columns)
    head = "".join(
        f'<th align="{a}"{f" width={w}%" if w else ""}>{escape(c)}</th>'
        for c, a, w in zip(table.columns, aligns, widths, strict=True)
    )
    body = []
    for row in table.rows:
        cls = ' class="total"' if Table.is_total(row) else ""
        cells = "".join(
            f'<td align="{a}"{_NOWRAP if keep else ""}>{escape(w.cell(v, k))}</td>'
            for v, k, a, keep in zip(row, table.kinds, aligns, whole, strict=True)
        )
        body.append(f"<tr{cls}>{cells}</tr>")
    if not body:
        span = len(table.columns)
        body.append(f'<tr><td colspan="{span}"><i>{escape(w("Không có số liệu."))}</i></td></tr>')
    # The title is the table's first header row: it never stays behind at the foot of a page,
    # and it is repeated with the column names on every page the table runs over.
    title = (
        f'<tr><th class="title" colspan="{len(table.columns)}" align="left">'
        f"{escape(table.title)}</th></tr>"
        if table.title
        else ""
    )
    return (
        f'<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="3">'
        f"<thead>{title}<tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _chart(chart: Chart, images: dict[str, str | bytes]) -> str:
    name = f"chart-{len(images) + 1}.svg"
    images[name] = chart.svg  # the chart draws its own title
    return f'<p align="center"><img src="{name}" width="{chart.width_mm * PX_PER_MM:.0f}"></p>'


def _picture(title: str, name: str, width_mm: float, new_page: bool = False) -> str:
    """A captioned picture; a big one (the map) starts a page, so it is never split from its
    caption."""
    head = (
        f'<h2 style="page-break-before: always;">{escape(title)}</h2>'
        if new_page
        else f'<p class="caption">{escape(title)}</p>'
    )
    return f'{head}<p align="center"><img src="{name}" width="{width_mm * PX_PER_MM:.0f}"></p>'


def _signatures(w: Words, roles: tuple[str, ...]) -> str:
    width = 100 // len(roles)
    sign = escape(w("(ký, ghi rõ họ tên)"))
    cells = "".join(
        f'<td align="center" width="{width}%"><b>{escape(r)}</b><br>'
        f"<i>{sign}</i><br><br><br><br></td>"
        for r in roles
    )
    return f'<table width="100%" cellpadding="4" style="margin-top: 18px;"><tr>{cells}</tr></table>'
