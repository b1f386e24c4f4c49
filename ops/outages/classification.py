"""Classify an outage's cause afterwards: a free text typed before the list existed (or a
category found to be wrong) put into one of the policy profile's categories by a shift lead.

The outage keeps its status (closed outages too: that is where the reports read the cause);
the journal keeps what the cause was before.
"""

from __future__ import annotations

from dataclasses import replace

from ops.access.roles import Permission, User, require
from ops.causes import BUILTIN_CAUSES, CauseCatalogue
from ops.clock import Clock
from ops.errors import InvalidOperation
from ops.outages import editing
from ops.outages.journal import EntryKind
from ops.stores import Changes, Store


def classify_cause(
    store: Store,
    user: User,
    clock: Clock,
    *,
    outage_id: int,
    version: int,
    cause: str,
    remark: str = "",
    causes: CauseCatalogue = BUILTIN_CAUSES,
) -> Changes:
    """Put the outage's cause into the category `cause` of `causes`; `remark` goes to the
    journal beside it."""
    require(user, Permission.CLASSIFY_CAUSE)
    now = clock.now()
    outage = editing.outage_to_edit(store, outage_id, version)
    category = causes.check(cause.strip())
    code = category.code
    if outage.cause.strip() == code:
        raise InvalidOperation(
            "the cause of outage {reference} is {cause} already",
            reference=outage.reference,
            outage_id=outage_id,
            cause=category,
        )
    store.outages.update(replace(outage, cause=code), expected_version=version)
    editing.journal(
        store, outage_id, EntryKind.REMARK, f"cause classified: {outage.cause.strip()} → {code}",
        user=user, occurred_at=now, now=now,
        data=(("from_cause", outage.cause.strip()), ("cause", code)),
    )  # fmt: skip
    if remark.strip():
        editing.journal(
            store, outage_id, EntryKind.REMARK, remark.strip(), user=user, occurred_at=now, now=now
        )
    ids = frozenset({outage_id})
    return Changes(outages=ids, journal=ids)
