"""A whole crew roster from a CSV file (`crews import`): every row checked, all or none.

Columns (a header row names them; order free; UTF-8, a spreadsheet's BOM allowed):
`crew_id, name, type` required; `home_base, vehicle, phone, shifts, members` optional.
`type` is line, cable, inspection or substation; `shifts` the local starts of the shifts
the crew works, e.g. "06:00 14:00" (empty: every shift); `members` "Name|role|phone"
entries separated by ";". A row whose crew id exists updates that crew's details.
"""

from __future__ import annotations

import csv
import io
from datetime import time

from ops.crews.records import CrewMember, CrewType
from ops.crews.roster import CrewDetails, checked
from ops.errors import DomainError

REQUIRED = ("crew_id", "name", "type")
OPTIONAL = ("home_base", "vehicle", "phone", "shifts", "members")


class RosterFileError(ValueError):
    """What is wrong in the file, by line and column; nothing was stored."""


def read_roster(text: str) -> list[CrewDetails]:
    """Every crew of the file, checked; RosterFileError listing the problems otherwise."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or ()]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RosterFileError(f"line 1: the header lacks the column(s) {', '.join(missing)}")
    unknown = [h for h in header if h not in REQUIRED + OPTIONAL]
    if unknown:
        raise RosterFileError(f"line 1: unknown column(s) {', '.join(unknown)}")
    reader.fieldnames = header
    crews: list[CrewDetails] = []
    problems: list[str] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            problems.append(f"line {line}: more cells than columns")
            continue
        try:
            crew = checked(_details(row))
        except (DomainError, ValueError) as exc:
            problems.append(f"line {line}: {exc}")
            continue
        for key, seen in ((crew.crew_id, seen_ids), (crew.name.casefold(), seen_names)):
            if key in seen:
                problems.append(f"line {line}: {crew.crew_id} repeats line {seen[key]}")
            seen[key] = line
        crews.append(crew)
    if problems:
        raise RosterFileError("; ".join(problems[:20]) + (" …" if len(problems) > 20 else ""))
    if not crews:
        raise RosterFileError("the file lists no crew")
    return crews


def _details(row: dict[str, str | None]) -> CrewDetails:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    kind = cell("type").lower()
    if kind not in CrewType._value2member_map_:
        choices = ", ".join(t.value for t in CrewType)
        raise ValueError(f"type {cell('type')!r} is not one of {choices}")
    return CrewDetails(
        crew_id=cell("crew_id"), name=cell("name"), crew_type=CrewType(kind),
        home_base=cell("home_base"), vehicle=cell("vehicle"), phone=cell("phone"),
        members=_members(cell("members")), shifts=_shifts(cell("shifts")),
    )  # fmt: skip


def _shifts(text: str) -> tuple[time, ...]:
    starts = []
    for part in text.replace(",", " ").replace(";", " ").split():
        try:
            starts.append(time.fromisoformat(part))
        except ValueError:
            raise ValueError(f"shift start {part!r} is not a time like 06:00") from None
    return tuple(starts)


def _members(text: str) -> tuple[CrewMember, ...]:
    members = []
    for entry in (e.strip() for e in text.split(";")):
        if not entry:
            continue
        parts = [p.strip() for p in entry.split("|")]
        if len(parts) > 3:
            raise ValueError(f"member {entry!r} is not Name|role|phone")
        name, role, phone = [*parts, "", ""][:3]
        members.append(CrewMember(name, role, phone))
    return tuple(members)
