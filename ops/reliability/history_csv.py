"""Historical interruptions from a previous system, as CSV: all rows good, or nothing.

Columns (any order, header required): interruption_id, start, end, customers, planned, cause,
feeder, device, operations. Times are ISO 8601 with an offset, or without one meaning local
Asia/Ho_Chi_Minh time; `planned` is 0 or 1; `operations` (device operations of a momentary
interruption) defaults to 1; empty feeder or device means none. The file is UTF-8 (a BOM is
accepted).

Every problem names its line (the header is line 1). All problems are collected; each kind is
shown a few times and then counted, so one systematic mistake does not hide the others.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.reliability.interruptions import Interruption

COLUMNS = (
    "interruption_id",
    "start",
    "end",
    "customers",
    "planned",
    "cause",
    "feeder",
    "device",
    "operations",
)
EXAMPLES = 5  # examples shown of each kind of problem
_INTEGER = re.compile(r"[+-]?\d+")


@dataclass(frozen=True, slots=True)
class LineProblem:
    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}"


@dataclass(frozen=True, slots=True)
class ProblemKind:
    """One kind of problem: its first examples and how many there are in all."""

    code: str
    examples: tuple[LineProblem, ...]
    total: int

    def lines(self) -> list[str]:
        out = [str(p) for p in self.examples]
        if self.total > len(self.examples):
            out.append(f"  … and {self.total - len(self.examples):,} more like it")
        return out


class InvalidInterruptionsFile(ValueError):  # noqa: N818 - reads as the situation it names
    """The file has problems: nothing in it is importable. `problems` lists them by kind."""

    def __init__(self, problems: tuple[ProblemKind, ...]) -> None:
        self.problems = problems
        self.total = sum(k.total for k in problems)
        head = f"No interruption was imported: {self.total:,} problem{'s' * (self.total != 1)}."
        super().__init__("\n".join([head, *(line for k in problems for line in k.lines())]))

    def codes(self) -> set[str]:
        return {k.code for k in self.problems}


class _Problems:
    def __init__(self) -> None:
        self._examples: dict[str, list[LineProblem]] = {}
        self._totals: Counter[str] = Counter()

    def add(self, code: str, line: int, text: str) -> None:
        self._totals[code] += 1
        examples = self._examples.setdefault(code, [])
        if len(examples) < EXAMPLES:
            examples.append(LineProblem(line, text))

    @property
    def count(self) -> int:
        return self._totals.total()

    def __bool__(self) -> bool:
        return bool(self._totals)

    def error(self) -> InvalidInterruptionsFile:
        return InvalidInterruptionsFile(
            tuple(ProblemKind(c, tuple(ex), self._totals[c]) for c, ex in self._examples.items())
        )


def read_interruptions_csv(path: Path, zone: ZoneInfo = LOCAL_TZ) -> tuple[Interruption, ...]:
    return parse_interruptions_csv(path.read_bytes(), zone)


def parse_interruptions_csv(data: bytes, zone: ZoneInfo = LOCAL_TZ) -> tuple[Interruption, ...]:
    """Every interruption of the file, or `InvalidInterruptionsFile` listing what is wrong.

    Times without an offset are local times in `zone`."""
    problems = _Problems()
    text = _decode(data, problems)
    if text is None:
        raise problems.error()
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        problems.add(
            "header",
            1,
            f"the file is empty: the first line must name the columns {', '.join(COLUMNS)}",
        )
        raise problems.error()
    names = _check_header([h.strip().lower() for h in header], problems)
    if problems:
        raise problems.error()

    records: list[Interruption] = []
    first_line: dict[str, int] = {}
    line = reader.line_num + 1
    for row in reader:
        row_line, line = line, reader.line_num + 1
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        if len(row) != len(names):
            problems.add(
                "field-count", row_line, f"{len(row)} values, the header names {len(names)}"
            )
            continue
        values = dict(zip(names, (v.strip() for v in row), strict=True))
        ident = values["interruption_id"]
        earlier = first_line.setdefault(ident, row_line) if ident else row_line
        if earlier != row_line:
            problems.add(
                "duplicate-id", row_line, f"interruption_id {ident!r} is also on line {earlier}"
            )
        record = _parse_row(values, row_line, zone, problems)
        if record is not None and not problems:
            records.append(record)
    if problems:
        raise problems.error()
    return tuple(records)


def _decode(data: bytes, problems: _Problems) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = raw[exc.start : exc.start + 1].hex().upper()
            problems.add(
                "encoding",
                number,
                f"not UTF-8 (byte 0x{bad} at column {exc.start + 1}); save the file as UTF-8",
            )
    return None


def _check_header(names: list[str], problems: _Problems) -> list[str]:
    seen = Counter(names)
    twice = sorted(n for n, c in seen.items() if c > 1)
    unknown = [n for n in seen if n not in COLUMNS]
    missing = [c for c in COLUMNS if c not in seen]
    if twice:
        problems.add("header", 1, f"column named twice: {', '.join(twice)}")
    if unknown:
        problems.add("header", 1, f"unknown column: {', '.join(repr(n) for n in unknown)}")
    if missing:
        problems.add("header", 1, f"missing column: {', '.join(missing)}")
    return names


def _parse_row(
    values: dict[str, str], line: int, zone: ZoneInfo, problems: _Problems
) -> Interruption | None:
    """The row's interruption, or None after adding what is wrong with it to `problems`."""
    before = problems.count

    def fail(code: str, text: str) -> None:
        problems.add(code, line, text)

    ident = values["interruption_id"]
    if not ident:
        fail("interruption_id", "interruption_id is empty")
    start = _time(values["start"], "start", zone, fail)
    end = _time(values["end"], "end", zone, fail)
    if start is not None and end is not None and end < start:
        fail("end-before-start", f"end {values['end']} is before start {values['start']}")
    customers = _integer(values["customers"], "customers", fail)
    if customers is not None and customers < 0:
        fail("negative-customers", f"customers is negative ({customers})")
    planned = values["planned"]
    if planned not in ("0", "1"):
        fail("planned", f"planned must be 0 or 1, not {planned!r}")
    cause = values["cause"]
    if not cause:
        fail("cause", "cause is empty")
    operations = _integer(values["operations"], "operations", fail) if values["operations"] else 1
    if operations is not None and operations < 1:
        fail("operations", f"operations must be 1 or more, not {operations}")
    if problems.count != before or start is None or end is None:
        return None
    assert customers is not None and operations is not None  # else a problem was added
    return Interruption(
        interruption_id=ident,
        start=start,
        end=end,
        customers=customers,
        planned=planned == "1",
        cause=cause,
        feeder=values["feeder"] or None,
        device=values["device"] or None,
        operations=operations,
    )


def _time(
    text: str, column: str, zone: ZoneInfo, fail: Callable[[str, str], None]
) -> datetime | None:
    """An aware UTC instant; without an offset the time is local in `zone`."""
    if not text:
        fail(column, f"{column} is empty")
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        fail(column, f"{column} {text!r} is not an ISO 8601 time (e.g. 2025-01-31T23:30+07:00)")
        return None
    if not ("T" in text.upper() or " " in text):
        fail(column, f"{column} {text!r} has a date but no time of day")
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=zone)
    return at.astimezone(UTC)


def _integer(text: str, column: str, fail: Callable[[str, str], None]) -> int | None:
    if not _INTEGER.fullmatch(text):
        fail(column, f"{column} {text!r} is not a whole number")
        return None
    return int(text)
