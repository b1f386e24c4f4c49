"""The office's crews: `crews list [--json]`, `crews import FILE.csv` (a whole roster).

The import checks every row first (ops.crews.roster_file) and then stores them all in one
action, or none: a new crew id adds a crew, a known one gets the row's details (its status,
position and assignments stay). Done as the command line's administrator (`cli:<login>`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from cli.accounts import acting_user
from cli.common import CommandError, Context

if TYPE_CHECKING:
    from ops.access.roles import User
    from ops.clock import Clock
    from ops.crews.roster import CrewDetails
    from ops.crews.shifts import ShiftPattern
    from ops.stores import Changes, Store


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("crews", help="the office's crews: list, import a roster (CSV)")
    group.set_defaults(run=give_an_action)
    actions = group.add_subparsers(title="actions", metavar="ACTION", required=True)
    listed = actions.add_parser("list", help="every crew, retired ones too")
    listed.add_argument("--json", action="store_true", help="a JSON list instead of a table")
    listed.set_defaults(run=list_crews)
    imported = actions.add_parser(
        "import", help="add or update crews from a CSV roster, all rows or none",
        description="Columns: crew_id, name, type (line, cable, inspection, substation); "
        "optional home_base, vehicle, phone, shifts (e.g. \"06:00 14:00\"), members "
        "(\"Name|role|phone; …\").",
    )  # fmt: skip
    imported.add_argument("file", metavar="FILE.csv")
    imported.set_defaults(run=import_crews)


def give_an_action(ctx: Context) -> int:
    raise CommandError("crews: give an action (list, import)")


def list_crews(ctx: Context) -> int:
    from db.repositories.crews import CrewRepository

    db = ctx.open_database()
    try:
        with db.session() as s:
            crews = CrewRepository(s).roster()
    finally:
        db.dispose()
    rows = [
        {"crew_id": c.crew_id, "name": c.name, "type": c.crew_type.value, "home_base": c.office,
         "vehicle": c.vehicle, "phone": c.phone, "status": c.status.value,
         "shifts": [f"{t:%H:%M}" for t in c.shifts], "members": len(c.members),
         "retired": c.retired}
        for c in crews
    ]  # fmt: skip
    if ctx.args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No crew yet. Add them in the Crews screen or with: crews import FILE.csv")
        return 0
    for r in rows:
        retired = "  (retired)" if r["retired"] else ""
        print(f"{r['crew_id']:<12} {r['name']:<32} {r['type']:<11} {r['vehicle']:<12}{retired}")
    return 0


def import_crews(ctx: Context) -> int:
    from db import DatabaseError
    from db.actions import run_action
    from ops.clock import SystemClock
    from ops.crews.roster_file import RosterFileError, read_roster
    from ops.crews.shifts import ShiftPattern

    path = Path(ctx.args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from exc
    try:
        crews = read_roster(text)
    except RosterFileError as exc:
        raise CommandError(f"{path}: {exc}; nothing was stored") from exc
    pattern = ShiftPattern.parse(ctx.settings.shift_starts)
    user, workstation = acting_user()
    clock = SystemClock()
    counts = {"added": 0, "updated": 0}

    def store_all(store: Store) -> Changes:
        return _store_roster(store, user, clock, crews, pattern, counts)

    db = ctx.open_database()
    try:
        run_action(db, store_all, workstation=workstation, user=user.username, clock=clock)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.dispose()
    print(f"{path}: {counts['added']} crew(s) added, {counts['updated']} updated.")
    return 0


def _store_roster(
    store: Store, user: User, clock: Clock, crews: list[CrewDetails], pattern: ShiftPattern,
    counts: dict[str, int],
) -> Changes:  # fmt: skip
    from ops.crews.roster import add_crew, edit_crew, shifts_in
    from ops.stores import Changes

    changes = Changes()
    for crew in crews:
        shifts_in(pattern, crew.shifts, crew.name)
        known = store.crews.get(crew.crew_id)
        if known is None:
            changes = changes | add_crew(store, user, crew)
            counts["added"] += 1
        else:
            changes = changes | edit_crew(store, user, crew, version=known.version)
            counts["updated"] += 1
    return changes
