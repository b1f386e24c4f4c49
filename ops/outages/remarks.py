"""Journal services: a remark, a correction of an earlier line, the reason for a breach.

Lines are only ever added, so these need no version: two dispatchers writing at once both
get their line in.
"""

from __future__ import annotations

from datetime import datetime

from ops.access.roles import Permission, User, require
from ops.clock import Clock
from ops.errors import InvalidOperation, NotFound
from ops.outages import editing
from ops.outages.deadlines import Deadline, DeadlineState
from ops.outages.journal import EntryKind
from ops.stores import Changes, Store


def add_remark(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    text: str,
    occurred_at: datetime | None = None,
) -> Changes:
    require(user, Permission.ADD_REMARK)
    now = clock.now()
    editing.outage_to_edit(store, outage_id, None)
    editing.journal(
        store, outage_id, EntryKind.REMARK, text,
        user=user, occurred_at=editing.field_time(occurred_at, now), now=now,
    )  # fmt: skip
    return Changes(journal=frozenset({outage_id}))


def correct_entry(
    store: Store,
    user: User,
    clock: Clock,
    *,
    entry_id: int,
    text: str,
    occurred_at: datetime | None = None,
) -> Changes:
    """Put a journal line right with a new line naming it; the old line stays as it was.

    `occurred_at` is the corrected field time (default: the corrected line's).
    """
    require(user, Permission.CORRECT_ENTRY)
    now = clock.now()
    entry = store.journal.get(entry_id)
    if entry is None:
        raise NotFound("journal entry {entry_id} does not exist", entry_id=entry_id)
    at = entry.occurred_at if occurred_at is None else editing.field_time(occurred_at, now)
    editing.journal(
        store, entry.outage_id, EntryKind.CORRECTION, text,
        user=user, occurred_at=at, now=now, corrects=entry_id,
    )  # fmt: skip
    return Changes(journal=frozenset({entry.outage_id}))


def explain_breach(
    store: Store,
    user: User,
    clock: Clock,
    *,
    deadline: Deadline,
    reason: str,
) -> Changes:
    """Why a deadline was missed: for the journal and the shift report."""
    require(user, Permission.EXPLAIN_BREACH)
    if deadline.subject != "outage":
        raise InvalidOperation("breach reasons are recorded on outages", subject=deadline.subject)
    if deadline.state is not DeadlineState.BREACHED:
        raise InvalidOperation(
            "the {deadline} deadline is {state}, not breached",
            deadline=deadline.kind,
            state=deadline.state,
        )
    now = clock.now()
    editing.outage_to_edit(store, deadline.subject_id, None)
    editing.journal(
        store, deadline.subject_id, EntryKind.DEADLINE_BREACH_REASON, reason,
        user=user, occurred_at=now, now=now,
        data=(
            ("deadline", deadline.kind.value), ("basis", deadline.basis.value),
            ("due", deadline.due.isoformat()),
        ),
    )  # fmt: skip
    return Changes(journal=frozenset({deadline.subject_id}))
