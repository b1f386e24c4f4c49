"""The switching log (`ops.stores.SwitchingLog`): every device operation, appended only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from db.models import SwitchingOperationRow
from ops.clock import Clock, SystemClock
from ops.outages.customer_interruptions import DeviceOperation
from ops.planned.records import SwitchAction

_T = cast(Table, SwitchingOperationRow.__table__)


class SwitchingLogRepository:
    def __init__(
        self, session: Session, *, clock: Clock | None = None, entered_by: str = ""
    ) -> None:
        self._s = session
        self._clock = clock or SystemClock()
        self._entered_by = entered_by
        self._appended: dict[str, datetime] = {}

    def since(self, at: datetime) -> Sequence[DeviceOperation]:
        """Operations whose field time is at or after `at`, in the order recorded."""
        return [
            DeviceOperation(r.occurred_at, r.device_id, SwitchAction(r.action), r.outage_id)
            for r in self._s.execute(
                select(_T.c.occurred_at, _T.c.device_id, _T.c.action, _T.c.outage_id)
                .where(_T.c.occurred_at >= at)
                .order_by(_T.c.operation_id)
            )
        ]

    def append(self, operation: DeviceOperation) -> None:
        self._s.execute(
            insert(_T).values(
                occurred_at=operation.at,
                entered_at=self._clock.now(),
                device_id=operation.device_id,
                action=operation.action.value,
                outage_id=operation.outage_id,
                entered_by=self._entered_by,
            )
        )
        self._appended[operation.device_id] = operation.at

    def field_time(self, device_id: str) -> datetime:
        """When the device's last operation appended here happened (now if there was none):
        the time its present state began."""
        return self._appended.get(device_id) or self._clock.now()
