"""Notices in the database: the dispatcher's store, and decisions on plans written whole.

`SqlDeliveryStore` gives the dispatcher (ops.delivery.sending) one transaction per call.
`NoticeBook` loads a plan with what deciding on it needs (its call-ahead list traced on the
stored network in its normal state, its recipients, its notices) and writes a decision
(approval, cancellation, postponement) in one transaction: the plan's new state, the
notices, every outbox message and the compliance exceptions, or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import CustomerRow, PlannedOutageRow
from db.repositories.compliance import ComplianceRepository
from db.repositories.network import NetworkRepository
from db.repositories.network_rows import customer_of
from db.repositories.outbox import OutboxRepository, record_results
from db.repositories.planned import PlannedOutageRepository
from ops.access.roles import User
from ops.delivery.sending import DispatchContext
from ops.errors import NotFound, StaleEdit
from ops.network.records import Customer
from ops.network.tracing import Topology
from ops.notices.approval import NoticePlan, approve, cancel_plan, finish_plan, postpone_plan
from ops.notices.area import AreaDescription
from ops.notices.blackout import BlackoutCalendar
from ops.notices.call_ahead import CallAheadList, build_call_ahead
from ops.notices.compliance import ComplianceException
from ops.notices.outbox import MessageStatus, OutboxMessage
from ops.notices.recipients import Recipient, recipient_of
from ops.notices.rules import NoticePolicy
from ops.notices.schedule import NoticeEvent
from ops.planned.records import PlannedOutage, PlanStatus

DEFAULT_LEASE = timedelta(minutes=10)


class SqlDeliveryStore:
    """The outbox for the dispatcher: claims with a lease, results, exceptions."""

    def __init__(self, db: Database, lease: timedelta = DEFAULT_LEASE) -> None:
        self.db, self.lease = db, lease
        self._held: Connection | None = None

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Keep one connection for a dispatch run: each result is still its own transaction
        (one UPDATE in autocommit: one round trip), without a pool checkout (and PostgreSQL's
        pre-ping) per message."""
        with self.db.engine.connect() as conn:
            self._held = conn.execution_options(isolation_level="AUTOCOMMIT")
            try:
                yield
            finally:
                self._held = None

    def release_dead_claims(self, is_dead: Callable[[str], bool]) -> int:
        with self.db.session() as s:
            repo = OutboxRepository(s)
            return repo.release_claims(c for c in repo.claimers() if is_dead(c))

    def claim(self, claimer: str, now: datetime, limit: int) -> list[OutboxMessage]:
        with self.db.session() as s:
            return OutboxRepository(s).claim(claimer, now, self.lease, limit)

    def context(self, messages: Sequence[OutboxMessage]) -> DispatchContext:
        plan_ids = {m.plan_id for m in messages}
        customer_ids = sorted({m.customer_id for m in messages})
        with self.db.session() as s:
            plans = {p.plan_id: p for p in PlannedOutageRepository(s).list_all()}
            repo = OutboxRepository(s)
            notices = {(n.plan_id, n.sequence): n for pid in plan_ids for n in repo.notices(pid)}
            customers = {}
            for start in range(0, len(customer_ids), 500):
                chunk = customer_ids[start : start + 500]
                for row in s.scalars(select(CustomerRow).where(CustomerRow.customer_id.in_(chunk))):
                    customers[row.customer_id] = customer_of(row)
        return DispatchContext(
            {k: v for k, v in plans.items() if k in plan_ids}, notices, customers
        )

    def record(
        self, claimer: str, results: Sequence[tuple[OutboxMessage, str]], at: datetime
    ) -> int:
        if self._held is not None:  # a single UPDATE statement: atomic on its own
            return record_results(self._held, claimer, results, at)
        with self.db.session() as s:
            return OutboxRepository(s).record(claimer, results, at)

    def record_exception(self, exception: ComplianceException, key: str) -> bool:
        with self.db.session() as s:
            return ComplianceRepository(s).record(exception, key, "system")

    # --- for the console and the scheduler --------------------------------------------------

    def next_wake(self) -> datetime | None:
        with self.db.session() as s:
            return OutboxRepository(s).next_wake(self.lease)

    def counts(self, plan_id: int | None = None) -> dict[MessageStatus, int]:
        with self.db.session() as s:
            return OutboxRepository(s).counts(plan_id)


@dataclass(frozen=True, slots=True)
class PlanFile:
    """A plan and what deciding on it needs."""

    plan: PlannedOutage
    call_ahead: CallAheadList
    recipients: tuple[Recipient, ...]
    notices: tuple[NoticeEvent, ...]
    version: int


def _network(s: Session) -> tuple[Topology, dict[str, Customer]]:
    """The stored network in its normal switch states (planned work starts from them)."""
    network = NetworkRepository(s)
    model = network.load_model()
    customers = {c.customer_id: c for c in network.customers()}
    normal = frozenset(sw.switch_id for sw in model.switches if sw.normal_open)
    topology = Topology(model, ((c.customer_id, c.node_id) for c in customers.values()))
    return topology.with_open_switches(normal), customers


class NoticeBook:
    """Plans with their notices, read and decided on in whole transactions."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def plans(self) -> list[PlannedOutage]:
        with self.db.session() as s:
            return PlannedOutageRepository(s).list_all()

    def load(self, plan_id: int) -> PlanFile:
        with self.db.session() as s:
            plan = next(
                (p for p in PlannedOutageRepository(s).list_all() if p.plan_id == plan_id), None
            )
            if plan is None:
                raise NotFound(f"planned interruption {plan_id} does not exist", plan_id=plan_id)
            topology, customers = _network(s)
            notices = OutboxRepository(s).notices(plan_id)
            version = s.scalar(
                select(PlannedOutageRow.version).where(PlannedOutageRow.plan_id == plan_id)
            )
        call_ahead = build_call_ahead(plan, topology, customers)
        recipients = tuple(recipient_of(c) for c in call_ahead.customers)
        return PlanFile(plan, call_ahead, recipients, notices, int(version or 1))

    def areas(self, plans: Sequence[PlannedOutage]) -> dict[int, AreaDescription]:
        """The area of each plan in words, from its call-ahead list (the network read once)."""
        if not plans:
            return {}
        with self.db.session() as s:
            topology, customers = _network(s)
        return {p.plan_id: build_call_ahead(p, topology, customers).area for p in plans if p.steps}

    def save(
        self,
        decision: NoticePlan,
        *,
        version: int,
        user: str,
        now: datetime,
        override_reason: str | None = None,
        area_text: str | None = None,
        customers_affected: int | None = None,
    ) -> int:
        """Write a decision whole; returns the number of new outbox messages. Refused with
        StaleEdit when someone changed the plan since it was loaded."""
        plan = decision.plan
        with self.db.session() as s:
            row = s.get(PlannedOutageRow, plan.plan_id)
            if row is None:
                raise NotFound(f"planned interruption {plan.plan_id} does not exist")
            if row.version != version:
                raise StaleEdit(
                    f"plan {plan.reference} was changed by someone else: reload it",
                    reference=plan.reference,
                )
            row.status, row.starts_at, row.ends_at = plan.status.value, plan.starts_at, plan.ends_at
            if decision.added and plan.status is PlanStatus.APPROVED and row.approved_at is None:
                row.approved_by, row.approved_at = user, now
            if override_reason:
                row.override_reason = override_reason.strip()
            if area_text is not None:
                row.area_text = area_text
            if customers_affected is not None:
                row.customers_affected = customers_affected
            s.flush()
            outbox = OutboxRepository(s)
            if decision.cancelled:
                outbox.cancel_unsent(plan.plan_id, [n.sequence for n in decision.cancelled])
            added = 0
            for notice, messages in decision.messages:
                added += outbox.add_messages(outbox.add_notice(notice, now), messages)
            compliance = ComplianceRepository(s)
            for i, exception in enumerate(decision.exceptions):
                key = f"{exception.kind}:{plan.plan_id}:{now.isoformat()}:{i}"
                compliance.record(exception, key, user)
            return added

    # --- decisions --------------------------------------------------------------------------

    def approve(
        self,
        user: User,
        plan_id: int,
        now: datetime,
        policy: NoticePolicy,
        calendar: BlackoutCalendar,
        override_reason: str | None = None,
    ) -> tuple[NoticePlan, int]:
        """Approve a draft: its area and customer count from the call-ahead list, its notices
        and their messages queued. Returns the decision and the number of messages."""
        file = self.load(plan_id)
        area = file.call_ahead.area.text if file.call_ahead.area else file.plan.area_text
        plan = replace(file.plan, area_text=area, customers_affected=len(file.call_ahead))
        decision = approve(user, plan, file.recipients, now, policy, calendar, override_reason)
        added = self.save(
            decision, version=file.version, user=user.username, now=now,
            override_reason=override_reason, area_text=area,
            customers_affected=len(file.call_ahead),
        )  # fmt: skip
        return decision, added

    def cancel(
        self, user: User, plan_id: int, now: datetime, policy: NoticePolicy
    ) -> tuple[NoticePlan, int]:
        """Call the work off: unsent messages cancelled, the cancellation notice queued."""
        file = self.load(plan_id)
        decision = cancel_plan(user, file.plan, file.notices, file.recipients, now, policy)
        return decision, self.save(decision, version=file.version, user=user.username, now=now)

    def postpone(
        self,
        user: User,
        plan_id: int,
        new_starts_at: datetime,
        new_ends_at: datetime,
        now: datetime,
        policy: NoticePolicy,
        calendar: BlackoutCalendar,
        override_reason: str | None = None,
    ) -> tuple[NoticePlan, int]:
        """Move the work: unsent messages cancelled, the postponement and reminders queued."""
        file = self.load(plan_id)
        decision = postpone_plan(
            user, file.plan, file.notices, file.recipients, new_starts_at, new_ends_at, now,
            policy, calendar, override_reason,
        )  # fmt: skip
        added = self.save(
            decision, version=file.version, user=user.username, now=now,
            override_reason=override_reason,
        )  # fmt: skip
        return decision, added

    def finish(
        self, user: User, plan_id: int, finished_at: datetime, now: datetime, policy: NoticePolicy
    ) -> tuple[NoticePlan, int]:
        """The work is done: unsent notices dropped, the "work finished" message queued."""
        file = self.load(plan_id)
        decision = finish_plan(
            user, file.plan, file.notices, file.recipients, finished_at, now, policy
        )
        return decision, self.save(decision, version=file.version, user=user.username, now=now)
