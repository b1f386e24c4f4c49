"""A report as data: what the page says, independent of HTML, XLSX or CSV."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

Cell = str | int | float | None


class Kind(StrEnum):
    """How a column's values are written."""

    TEXT = "text"
    INTEGER = "integer"  # 12.345
    DECIMAL = "decimal"  # 2 decimals
    INDEX = "index"  # 4 decimals: reliability indices
    PERCENT = "percent"  # a share 0..1 shown as 99,9876 %


@dataclass(frozen=True, slots=True)
class Heading:
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    note: bool = False  # small print: methods, sources, caveats


@dataclass(frozen=True, slots=True)
class Facts:
    """Label-value pairs shown as a two-column box (the report's key figures)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table; `kinds` says how each column is written. A row whose first cell starts
    with "Σ" or "Tổng" is shown as a total line."""

    title: str
    columns: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sheet: str = ""  # worksheet name in XLSX (≤ 31 characters); default from the title
    widths: tuple[int, ...] | None = None  # per cent of the page width, for printing

    def __post_init__(self) -> None:
        if len(self.kinds) != len(self.columns):
            raise ValueError(
                f"table {self.title!r}: {len(self.columns)} columns, {len(self.kinds)} kinds"
            )
        if self.widths is not None and len(self.widths) != len(self.columns):
            raise ValueError(f"table {self.title!r}: {len(self.columns)} columns, widths differ")
        bad = [k for k, r in enumerate(self.rows) if len(r) != len(self.columns)]
        if bad:
            raise ValueError(
                f"table {self.title!r}: row {bad[0] + 1} has the wrong number of cells"
            )

    @staticmethod
    def is_total(row: tuple[Cell, ...]) -> bool:
        return isinstance(row[0], str) and row[0].startswith(("Σ", "Tổng", "Cả năm", "Total"))


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG drawing (made by `ops.reports.charts`) with its caption."""

    title: str
    svg: str
    width_mm: float = 170.0


@dataclass(frozen=True, slots=True)
class Image:
    """A raster picture (PNG bytes): the map as the console rendered it."""

    title: str
    png: bytes
    width_mm: float = 170.0


Block = Heading | Paragraph | Facts | Table | Chart | Image


@dataclass(frozen=True, slots=True)
class ReportDocument:
    title: str
    subtitle: str
    company: str
    office: str
    printed_at: datetime  # aware; shown in local time
    blocks: tuple[Block, ...] = field(default=())
    signatures: tuple[str, ...] = ()  # "Người lập", "Trưởng ca"…: signature boxes at the end
    language: str = "vi"  # of its words (`ops.reports.words`): the page's own words follow it

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Table))
