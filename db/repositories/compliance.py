"""Compliance exceptions: recorded once each, listed for the reports and the notices panel."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from db.models import ComplianceExceptionRow
from db.repositories._upsert import insert_ignoring_duplicates
from ops.notices.compliance import ComplianceException, ExceptionKind

_C = cast(Table, ComplianceExceptionRow.__table__)


class ComplianceRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def record(
        self, exception: ComplianceException, dedupe_key: str, recorded_by: str | None = None
    ) -> bool:
        """Store the exception unless one with this key is there already; True if stored."""
        done = self._s.execute(
            insert_ignoring_duplicates(self._s, _C, ["dedupe_key"]).returning(_C.c.exception_id),
            {
                "plan_id": exception.plan_id, "kind": exception.kind.value,
                "detail": exception.detail, "reason": exception.reason,
                "recorded_at": exception.at, "recorded_by": recorded_by,
                "dedupe_key": dedupe_key,
            },
        ).first()  # fmt: skip
        return done is not None

    def list(
        self, plan_id: int | None = None, since: datetime | None = None
    ) -> list[ComplianceException]:
        statement = select(_C).order_by(_C.c.recorded_at, _C.c.exception_id)
        if plan_id is not None:
            statement = statement.where(_C.c.plan_id == plan_id)
        if since is not None:
            statement = statement.where(_C.c.recorded_at >= since)
        return [
            ComplianceException(r.plan_id, ExceptionKind(r.kind), r.detail, r.reason, r.recorded_at)
            for r in self._s.execute(statement)
        ]
