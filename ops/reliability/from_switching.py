"""The console's own outages as reliability interruptions, from the switching log.

Replaying the log (`ops.outages.accounting.account`) gives every customer's dark periods, each owed
to the outage whose operation began it. Customers of one outage restored by the same step
form one interruption record (start, end, how many), so a fuse restored in two steps is two
records and the customer-minutes are exact. Interruptions that began before the window
belong to the previous period and are left out; those still running at `until` end there.
A cancelled outage (a false alarm) interrupted no one in the field and is left out too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from ops.network.records import NetworkModel
from ops.outages.accounting import account_log
from ops.outages.customer_interruptions import DeviceOperation
from ops.outages.records import Outage, OutageKind, OutageStatus
from ops.reliability.interruptions import Interruption

UNKNOWN_CAUSE = "unknown"


def interruptions_from_switching(
    model: NetworkModel,
    customers: Iterable[tuple[str, str]],
    operations: Sequence[DeviceOperation],
    outages: Mapping[int, Outage],
    *,
    since: datetime,
    until: datetime,
) -> list[Interruption]:
    """Interruptions that began in [since, until), from every operation logged since `since`.

    `model` is the network with its switch states now, `operations` everything logged from
    `since` to now (the state at `since` is found by undoing them).
    """
    accounting = account_log(model, customers, operations, since=since, until=until)
    groups: Counter[tuple[int, datetime, datetime]] = Counter()
    for spans in accounting.interruptions.values():
        for span in spans:
            if span.began_before or span.caused_by is None or span.start >= until:
                continue
            groups[(span.caused_by, span.start, span.end or until)] += 1
    records: list[Interruption] = []
    numbers: Counter[int] = Counter()
    for (outage_id, start, end), count in sorted(groups.items()):
        outage = outages.get(outage_id)
        if outage is None or outage.status is OutageStatus.CANCELLED or end <= start:
            continue
        numbers[outage_id] += 1
        records.append(
            Interruption(
                interruption_id=f"{outage.reference}/{numbers[outage_id]}",
                start=start,
                end=end,
                customers=count,
                planned=outage.kind is OutageKind.PLANNED,
                cause=outage.cause.strip() or UNKNOWN_CAUSE,
                feeder=outage.feeder_id,
                device=outage.device_id,
            )
        )
    return records
