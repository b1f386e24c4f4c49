"""Planned interruptions and their switching steps."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import PlannedOutageRow, SwitchingStepRow
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep


class PlannedOutageRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def list_all(self) -> list[PlannedOutage]:
        steps: dict[int, list[SwitchingStep]] = {}
        for st in self._s.scalars(
            select(SwitchingStepRow).order_by(SwitchingStepRow.plan_id, SwitchingStepRow.sequence)
        ):
            steps.setdefault(st.plan_id, []).append(
                SwitchingStep(st.sequence, st.device_id, SwitchAction(st.action))
            )
        return [
            PlannedOutage(
                plan_id=r.plan_id,
                reference=r.reference,
                title=r.title,
                reason=r.reason,
                area_text=r.area_text,
                starts_at=r.starts_at,
                ends_at=r.ends_at,
                status=PlanStatus(r.status),
                crew_id=r.crew_id,
                steps=tuple(steps.get(r.plan_id, ())),
                customers_affected=r.customers_affected,
            )
            for r in self._s.scalars(select(PlannedOutageRow).order_by(PlannedOutageRow.starts_at))
        ]

    def add_many(self, plans: Iterable[PlannedOutage]) -> None:
        plans = list(plans)
        for p in plans:
            self._s.add(
                PlannedOutageRow(
                    plan_id=p.plan_id, reference=p.reference, title=p.title, reason=p.reason,
                    area_text=p.area_text, starts_at=p.starts_at, ends_at=p.ends_at,
                    status=p.status.value, crew_id=p.crew_id,
                    customers_affected=p.customers_affected,
                )
            )  # fmt: skip
        self._s.flush()  # no ORM relationship orders the inserts: parents first, by hand
        self._s.add_all(
            SwitchingStepRow(
                plan_id=p.plan_id,
                sequence=st.sequence,
                device_id=st.device_id,
                action=st.action.value,
            )
            for p in plans
            for st in p.steps
        )
        self._s.flush()
