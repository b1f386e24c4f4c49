"""The console's own outages in a period as reliability interruption rows.

Read from the switching log and the network as stored (see
`ops.reliability.from_switching`); a period with no switching costs one query.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from db.repositories.network_state import NetworkCache, NetworkStateRepository
from db.repositories.outages import OutageRepository
from db.repositories.switching import SwitchingLogRepository
from ops.reliability.calendar import epoch_us
from ops.reliability.from_switching import interruptions_from_switching


def console_interruption_rows(session: Session, since: datetime, until: datetime) -> list[Any]:
    """Rows (id, start_us, end_us, customers, planned, operations, cause, feeder, exclusion)
    for the interruptions the console's outages began in [since, until)."""
    if until <= since:
        return []
    operations = SwitchingLogRepository(session).since(since)
    if not any(op.at < until for op in operations):
        return []
    state = NetworkStateRepository(session, NetworkCache())
    model, points = state.model(), state.supply_points()
    outages_repo = OutageRepository(session)
    outages = {
        outage_id: outage
        for outage_id in {op.outage_id for op in operations if op.outage_id is not None}
        if (outage := outages_repo.get(outage_id)) is not None
    }
    records = interruptions_from_switching(
        model,
        ((p.customer_id, p.node_id) for p in points),
        operations,
        outages,
        since=since,
        until=until,
    )
    return [
        (r.interruption_id, epoch_us(r.start), epoch_us(r.end), r.customers, r.planned,
         r.operations, r.cause, r.feeder, r.exclusion)
        for r in records
    ]  # fmt: skip
