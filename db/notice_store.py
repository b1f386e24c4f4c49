"""Notices in the database: the dispatcher's store, and decisions on plans written whole.

`SqlDeliveryStore` gives the dispatcher (ops.delivery.sending) one transaction per call.
`NoticeBook` reads: the plans, and a plan with what deciding on it needs (`PlanFile`: its
call-ahead list traced on the stored network in its normal state, its recipients, its
notices, its version). Tracing takes seconds on a district, so it is read before the action,
outside the writers' turn.

`PlanDecisions` decides inside one action (`db.actions.run_action`: its turn, its
transaction, its change-log row and NOTIFY): approve, cancel, postpone, "work finished",
retry failed messages. A decision is checked against the version the dispatcher saw
(`StaleEdit` when someone changed the plan since), takes the plan's notices as they are now,
and writes the plan's new state, the notices, every outbox message and the compliance
exceptions, or nothing. It returns `Decided`, whose `Changes` name the plan in `plans`,
`notices` and `outbox` so that the other consoles' notices panels refresh.

    file = NoticeBook(db).load(plan_id)                       # a read, seconds
    run_action(db, lambda store: PlanDecisions(store).cancel(file, user, now, policy,
               seen_version=v), workstation=ws, user=user.username)

`NoticeBook.approve`/`cancel`/`postpone`/`finish` do both for a caller that decides on what
is stored now (the command line, tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.actions import run_action
from db.database import Database
from db.models import CustomerRow, PlannedOutageRow
from db.repositories.compliance import ComplianceRepository
from db.repositories.network import NetworkRepository
from db.repositories.network_rows import customer_of
from db.repositories.outbox import OutboxRepository, record_results
from db.repositories.planned import PlannedOutageRepository
from db.store import SqlStore
from ops.access.roles import Permission, User, require
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
from ops.stores import Changes

DEFAULT_LEASE = timedelta(minutes=10)
# The change log's name for decisions made through `NoticeBook` rather than a console.
BOOK_WORKSTATION = "notice book"


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
    """Plans with their notices: read, and decided on as whole actions."""

    def __init__(self, db: Database, workstation: str = BOOK_WORKSTATION) -> None:
        self.db, self.workstation = db, workstation

    def plans(self) -> list[PlannedOutage]:
        with self.db.session() as s:
            return PlannedOutageRepository(s).list_all()

    def plans_seen(self) -> tuple[list[PlannedOutage], dict[int, int]]:
        """The plans and each one's version, read together: what a decision names as the
        state the dispatcher saw."""
        with self.db.session() as s:
            rows = s.execute(select(PlannedOutageRow.plan_id, PlannedOutageRow.version))
            versions = {int(plan_id): int(version) for plan_id, version in rows}
            return PlannedOutageRepository(s).list_all(), versions

    def load(self, plan_id: int) -> PlanFile:
        with self.db.session() as s:
            plan = next(
                (p for p in PlannedOutageRepository(s).list_all() if p.plan_id == plan_id), None
            )
            if plan is None:
                raise NotFound("planned interruption {plan_id} does not exist", plan_id=plan_id)
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

    def decide(self, user: User, fn: Callable[[PlanDecisions], Decided]) -> Decided:
        """Run one decision as an action of this book's workstation."""
        return run_action(
            self.db, lambda store: fn(PlanDecisions(store)), workstation=self.workstation,
            user=user.username,
        )  # fmt: skip

    def save(self, decision: NoticePlan, *, version: int, user: str, now: datetime) -> int:
        """Write a decision made elsewhere whole, as one action; returns the new messages."""
        return run_action(
            self.db,
            lambda store: PlanDecisions(store).save(decision, version=version, user=user, now=now),
            workstation=self.workstation,
            user=user,
        ).queued

    # --- decisions on what is stored now ----------------------------------------------------

    def approve(
        self,
        user: User,
        plan_id: int,
        now: datetime,
        policy: NoticePolicy,
        calendar: BlackoutCalendar,
        override_reason: str | None = None,
    ) -> tuple[NoticePlan, int]:
        """Approve a draft (see `PlanDecisions.approve`); the decision and its messages."""
        file = self.load(plan_id)
        done = self.decide(
            user, lambda d: d.approve(file, user, now, policy, calendar, override_reason)
        )
        return _pair(done)

    def cancel(
        self, user: User, plan_id: int, now: datetime, policy: NoticePolicy
    ) -> tuple[NoticePlan, int]:
        file = self.load(plan_id)
        return _pair(self.decide(user, lambda d: d.cancel(file, user, now, policy)))

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
        file = self.load(plan_id)
        done = self.decide(
            user,
            lambda d: d.postpone(
                file, user, new_starts_at, new_ends_at, now, policy, calendar, override_reason
            ),
        )
        return _pair(done)

    def finish(
        self, user: User, plan_id: int, finished_at: datetime, now: datetime, policy: NoticePolicy
    ) -> tuple[NoticePlan, int]:
        file = self.load(plan_id)
        return _pair(self.decide(user, lambda d: d.finish(file, user, finished_at, now, policy)))


@dataclass(frozen=True, slots=True)
class Decided:
    """What a decision did; `run_action` writes its `changes` to the change log."""

    decision: NoticePlan | None  # None when failed messages were queued again
    queued: int  # outbox messages queued (again)
    changes: Changes


def _pair(done: Decided) -> tuple[NoticePlan, int]:
    assert done.decision is not None
    return done.decision, done.queued


class PlanDecisions:
    """Decisions on plans inside one action: the store's transaction, the writers' turn.

    Each takes the `PlanFile` read before the action and `seen_version`, the plan's version
    the dispatcher decided on (the one in the file when None). Permissions are checked by
    the domain's decisions (ops.notices.approval).
    """

    def __init__(self, store: SqlStore) -> None:
        self._s = store.session

    def approve(
        self,
        file: PlanFile,
        user: User,
        now: datetime,
        policy: NoticePolicy,
        calendar: BlackoutCalendar,
        override_reason: str | None = None,
        *,
        seen_version: int | None = None,
    ) -> Decided:
        """Approve a draft: its area and customer count from the call-ahead list, its notices
        and their messages queued."""
        file = self._current(file, seen_version)
        area = file.call_ahead.area.text if file.call_ahead.area else file.plan.area_text
        plan = replace(file.plan, area_text=area, customers_affected=len(file.call_ahead))
        decision = approve(user, plan, file.recipients, now, policy, calendar, override_reason)
        return self.save(
            decision, version=file.version, user=user.username, now=now,
            override_reason=override_reason, area_text=area,
            customers_affected=len(file.call_ahead),
        )  # fmt: skip

    def cancel(
        self,
        file: PlanFile,
        user: User,
        now: datetime,
        policy: NoticePolicy,
        *,
        seen_version: int | None = None,
    ) -> Decided:
        """Call the work off: unsent messages cancelled, the cancellation notice queued."""
        file = self._current(file, seen_version)
        decision = cancel_plan(user, file.plan, file.notices, file.recipients, now, policy)
        return self.save(decision, version=file.version, user=user.username, now=now)

    def postpone(
        self,
        file: PlanFile,
        user: User,
        new_starts_at: datetime,
        new_ends_at: datetime,
        now: datetime,
        policy: NoticePolicy,
        calendar: BlackoutCalendar,
        override_reason: str | None = None,
        *,
        seen_version: int | None = None,
    ) -> Decided:
        """Move the work: unsent messages cancelled, the postponement and reminders queued."""
        file = self._current(file, seen_version)
        decision = postpone_plan(
            user, file.plan, file.notices, file.recipients, new_starts_at, new_ends_at, now,
            policy, calendar, override_reason,
        )  # fmt: skip
        return self.save(
            decision, version=file.version, user=user.username, now=now,
            override_reason=override_reason,
        )  # fmt: skip

    def finish(
        self,
        file: PlanFile,
        user: User,
        finished_at: datetime,
        now: datetime,
        policy: NoticePolicy,
        *,
        seen_version: int | None = None,
    ) -> Decided:
        """The work is done: unsent notices dropped, the "work finished" message queued."""
        file = self._current(file, seen_version)
        decision = finish_plan(
            user, file.plan, file.notices, file.recipients, finished_at, now, policy
        )
        return self.save(decision, version=file.version, user=user.username, now=now)

    def retry_failed(self, user: User, now: datetime, plan_id: int | None = None) -> Decided:
        """Failed messages (of one plan, or all) queued again, due now: the shift lead's
        decision, as the notices themselves."""
        require(user, Permission.APPROVE_PLAN)
        outbox = OutboxRepository(self._s)
        plans = outbox.failed_plans(plan_id)
        return Decided(None, outbox.retry_failed(now, plan_id), Changes(outbox=plans))

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
    ) -> Decided:
        """Write a decision whole. Refused with StaleEdit when the plan's version is not
        `version` (someone changed it since it was read)."""
        plan = decision.plan
        s = self._s
        row = self._row(plan.plan_id, plan.reference, version)
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
        ids = frozenset({plan.plan_id})
        changes = Changes(
            plans=ids,
            notices=ids if decision.added or decision.cancelled else frozenset(),
            outbox=ids if decision.messages or decision.cancelled else frozenset(),
        )
        return Decided(decision, added, changes)

    def _current(self, file: PlanFile, seen_version: int | None) -> PlanFile:
        """The file, if the plan is still as read and as seen, with its notices as now (the
        sender may have sent one since the file was read)."""
        expected = file.version if seen_version is None else seen_version
        if file.version != expected:
            raise _stale(file.plan.reference)
        self._row(file.plan.plan_id, file.plan.reference, expected)
        return replace(file, notices=OutboxRepository(self._s).notices(file.plan.plan_id))

    def _row(self, plan_id: int, reference: str, version: int) -> PlannedOutageRow:
        row = self._s.get(PlannedOutageRow, plan_id)
        if row is None:
            raise NotFound("planned interruption {plan_id} does not exist", plan_id=plan_id)
        if row.version != version:
            raise _stale(reference)
        return row


def _stale(reference: str) -> StaleEdit:
    return StaleEdit("plan {reference} was changed by someone else: reload it", reference=reference)
