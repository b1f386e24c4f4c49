"""What the outage and shift handover reports need, read in one session: outages, their
journal and recorded switching steps, crews' assignments, deadlines under the policy, notices
and how their messages stand (only `outbox_messages.status` is read)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.models import (
    CrewAssignmentRow,
    CrewRow,
    FeederRow,
    NoticeRow,
    OutageEventRow,
    OutboxMessageRow,
)
from db.repositories.outages import OutageRepository
from ops.network.records import AreaClass
from ops.outages.deadlines import outage_deadlines
from ops.outages.journal import EntryKind
from ops.outages.records import Outage
from ops.policy import Policy
from ops.reports import CrewWork, HandoverFacts, NoticeLine, OutageFacts, Step

_E: Table = OutageEventRow.__table__  # type: ignore[assignment]
_A: Table = CrewAssignmentRow.__table__  # type: ignore[assignment]
_C: Table = CrewRow.__table__  # type: ignore[assignment]
_F: Table = FeederRow.__table__  # type: ignore[assignment]
_N: Table = NoticeRow.__table__  # type: ignore[assignment]
_M: Table = OutboxMessageRow.__table__  # type: ignore[assignment]


class ReportRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def outage_facts(self, outage_id: int, policy: Policy, now: datetime) -> OutageFacts | None:
        outage = OutageRepository(self._s).get(outage_id)
        if outage is None:
            return None
        return self._facts([outage], policy, now)[0]

    def handover_facts(
        self,
        start: datetime,
        end: datetime,
        policy: Policy,
        *,
        shift_lead: str,
        remarks: str,
        map_png: bytes | None = None,
        district: str = "",
    ) -> HandoverFacts:
        """Every outage dark at some moment of [start, end), with what the shift did."""
        board = OutageRepository(self._s).list_board(restored_since=start)
        outages = sorted(
            (o for o in board if o.started_at < end), key=lambda o: (o.started_at, o.outage_id)
        )
        facts = self._facts(outages, policy, end)
        crews = [
            c
            for f in facts
            for c in f.crews
            if c.assigned_at < end and (c.released_at is None or c.released_at >= start)
        ]
        return HandoverFacts(
            start=start,
            end=end,
            shift_lead=shift_lead,
            outages=tuple(facts),
            crews=tuple(crews),
            notices=self._notices(_N.c.due_at >= start, _N.c.due_at < end),
            remarks=remarks,
            at_risk_share=policy.at_risk_share,
            map_png=map_png,
            district=district,
        )

    def _facts(self, outages: Sequence[Outage], policy: Policy, now: datetime) -> list[OutageFacts]:
        ids = [o.outage_id for o in outages]
        feeders = {r.feeder_id: (r.name, r.area_class) for r in self._s.execute(select(_F))}
        steps = self._steps(ids)
        crews = self._crews(ids, {o.outage_id: o.reference for o in outages})
        reasons = self._breach_reasons(ids)
        journal = OutageRepository(self._s)
        out = []
        for o in outages:
            name, area = feeders.get(o.feeder_id or "", (None, None))
            out.append(
                OutageFacts(
                    outage=o,
                    feeder_name=name,
                    journal=tuple(journal.journal(o.outage_id)),
                    steps=tuple(steps.get(o.outage_id, ())),
                    crews=tuple(crews.get(o.outage_id, ())),
                    deadlines=outage_deadlines(
                        o,
                        policy,
                        now,
                        area_class=AreaClass(area) if area else None,
                        cause_category=o.cause.strip() or None,
                    ),
                    breach_reasons=tuple(reasons.get(o.outage_id, ())),
                    notices=self._notices(_N.c.outage_id == o.outage_id),
                )
            )
        return out

    def _steps(self, ids: Iterable[int]) -> dict[int, list[Step]]:
        steps: dict[int, list[Step]] = {}
        for r in self._s.execute(
            select(_E)
            .where(_E.c.outage_id.in_(list(ids)), _E.c.kind == EntryKind.DEVICE_OPERATION.value)
            .order_by(_E.c.occurred_at, _E.c.entry_id)
        ):
            data: dict[str, Any] = r.data or {}
            steps.setdefault(r.outage_id, []).append(
                Step(
                    at=r.occurred_at,
                    device_id=str(data.get("device", "")),
                    action=str(data.get("action", "")),
                    darkened=_count(data.get("darkened")),
                    restored=_count(data.get("restored")),
                    still_dark=_count(data.get("still_dark")),
                    entered_by=r.entered_by,
                )
            )
        return steps

    def _crews(self, ids: Iterable[int], references: dict[int, str]) -> dict[int, list[CrewWork]]:
        crews: dict[int, list[CrewWork]] = {}
        for r in self._s.execute(
            select(_A, _C.c.name)
            .join(_C, _C.c.crew_id == _A.c.crew_id)
            .where(_A.c.outage_id.in_(list(ids)))
            .order_by(_A.c.assigned_at)
        ):
            crews.setdefault(r.outage_id, []).append(
                CrewWork(r.crew_id, r.name, references[r.outage_id], r.assigned_at, r.released_at)
            )
        return crews

    def _breach_reasons(self, ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
        reasons: dict[int, list[tuple[str, str]]] = {}
        for r in self._s.execute(
            select(_E)
            .where(
                _E.c.outage_id.in_(list(ids)),
                _E.c.kind == EntryKind.DEADLINE_BREACH_REASON.value,
            )
            .order_by(_E.c.entry_id)
        ):
            kind = str((r.data or {}).get("deadline", ""))
            reasons.setdefault(r.outage_id, []).append((kind, r.text))
        return reasons

    def _notices(self, *where: Any) -> tuple[NoticeLine, ...]:
        notices = list(self._s.execute(select(_N).where(*where).order_by(_N.c.due_at)))
        counts: dict[int, list[tuple[str, int]]] = {}
        if notices:
            for notice_id, status, n in self._s.execute(
                select(_M.c.notice_id, _M.c.status, func.count())
                .where(_M.c.notice_id.in_([r.notice_id for r in notices]))
                .group_by(_M.c.notice_id, _M.c.status)
            ):
                counts.setdefault(notice_id, []).append((status, int(n)))
        return tuple(
            NoticeLine(r.notice_id, r.kind, r.due_at, r.status, tuple(counts.get(r.notice_id, ())))
            for r in notices
        )


def _count(value: object) -> int | None:
    try:
        return None if value is None else int(str(value))
    except ValueError:
        return None
