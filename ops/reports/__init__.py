"""Printed reports as data: a document of headings, facts, tables and charts, rendered to HTML
(for Qt's text document: preview, PDF), XLSX and CSV. Plain Python: the console prints them.

    doc = reliability_document(report, company="…", office="…", printed_at=now)
    html, images = to_html(doc)          # images: name -> SVG text, referenced by <img src>
    write_xlsx(doc, path); write_csv(doc, path)
"""

from ops.reports.document import (
    Block,
    Chart,
    Facts,
    Heading,
    Image,
    Paragraph,
    ReportDocument,
    Table,
)
from ops.reports.facts import CrewWork, HandoverFacts, NoticeLine, OutageFacts, Step
from ops.reports.handover import handover_document
from ops.reports.html import to_html
from ops.reports.outage import outage_document
from ops.reports.reliability import reliability_document
from ops.reports.spreadsheet import write_csv, write_xlsx
from ops.reports.trend import feeder_trend

__all__ = [
    "Block",
    "Chart",
    "CrewWork",
    "Facts",
    "HandoverFacts",
    "Heading",
    "Image",
    "NoticeLine",
    "OutageFacts",
    "Paragraph",
    "ReportDocument",
    "Step",
    "Table",
    "feeder_trend",
    "handover_document",
    "outage_document",
    "reliability_document",
    "to_html",
    "write_csv",
    "write_xlsx",
]
