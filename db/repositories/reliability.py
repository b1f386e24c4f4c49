"""Reliability history: imported interruptions (all or nothing), a period's interruptions as
numpy columns, and the monthly customer-count snapshots (written once, never rewritten)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import (
    Table,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from db.models import CustomerRow, CustomerSnapshotRow, HistoricalInterruptionRow
from db.repositories.console_interruptions import console_interruption_rows
from ops.clock import LOCAL_TZ
from ops.reliability import (
    CustomerCounts,
    Interruption,
    InterruptionTable,
    Method,
    MonthlySnapshot,
    ReliabilityReport,
    ReliabilitySettings,
    SnapshotBasis,
    counts_for_report,
    reliability_report,
    snapshots_due,
)
from ops.reliability.calendar import YearMonth, epoch_us, years_before
from ops.reports.trend import feeder_trend

_H: Table = HistoricalInterruptionRow.__table__  # type: ignore[assignment]
_S: Table = CustomerSnapshotRow.__table__  # type: ignore[assignment]
_CHUNK = 5_000  # rows per INSERT and per IN (...) query: within every driver's parameter limit


class DuplicateInterruptions(ValueError):  # noqa: N818 - reads as the situation it names
    """Some interruption ids are already stored: nothing of the file was imported."""

    SHOWN = 10

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = tuple(sorted(ids))
        shown = ", ".join(self.ids[: self.SHOWN])
        more = len(self.ids) - self.SHOWN
        tail = f" and {more:,} more" if more > 0 else ""
        super().__init__(
            f"No interruption was imported: {len(self.ids):,} interruption id"
            f"{'s are' if len(self.ids) != 1 else ' is'} already in the database "
            f"({shown}{tail}). Remove those rows from the file, or give them new ids."
        )


class SnapshotConflict(ValueError):  # noqa: N818 - reads as the situation it names
    """A month already has a snapshot: its count is frozen and is never rewritten."""


@dataclass(frozen=True, slots=True)
class ImportSummary:
    batch: str
    interruptions: int
    first_start: datetime | None
    last_start: datetime | None


class ReliabilityRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    # -- imported interruptions -------------------------------------------------------------

    def import_interruptions(
        self, records: Sequence[Interruption], *, batch: str, at: datetime
    ) -> ImportSummary:
        """Store every record, or none: ids already stored (or twice in `records`) are refused
        with `DuplicateInterruptions` before anything is written."""
        ids = [r.interruption_id for r in records]
        twice = {i for i, n in Counter(ids).items() if n > 1}
        stored = self._stored_ids(ids)
        if twice or stored:
            raise DuplicateInterruptions(sorted(twice | stored))
        rows = [
            {
                "interruption_id": r.interruption_id,
                "start": r.start,
                "end": r.end,
                "start_us": epoch_us(r.start),
                "end_us": epoch_us(r.end),
                "customers": r.customers,
                "planned": r.planned,
                "cause": r.cause,
                "feeder": r.feeder,
                "device": r.device,
                "operations": r.operations,
                "exclusion": r.exclusion,
                "import_batch": batch,
                "imported_at": at,
            }
            for r in records
        ]
        for k in range(0, len(rows), _CHUNK):
            self._s.execute(insert(_H), rows[k : k + _CHUNK])
        starts = [r.start for r in records]
        return ImportSummary(batch, len(rows), min(starts, default=None), max(starts, default=None))

    def _stored_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for k in range(0, len(ids), _CHUNK):
            chunk = ids[k : k + _CHUNK]
            found.update(
                self._s.scalars(select(_H.c.interruption_id).where(_H.c.interruption_id.in_(chunk)))
            )
        return found

    def count_interruptions(self) -> int:
        return int(self._s.scalar(select(func.count()).select_from(_H)) or 0)

    def interruption_table(self, since: date | None, until: date) -> InterruptionTable:
        """Interruptions that began on the local days `since`..`until` (None: from the first),
        as numpy columns straight from the result set (no record object per row)."""
        query = select(*_COLUMNS).where(_H.c.start_us < _midnight_us(until + timedelta(days=1)))
        if since is not None:
            query = query.where(_H.c.start_us >= _midnight_us(since))
        return _table(self._rows(query))

    def report_table(
        self,
        history_from: date,
        first_day: date,
        last_day: date,
        settings: ReliabilitySettings,
        extra: Sequence[Any] = (),
    ) -> InterruptionTable:
        """What a report of `first_day`..`last_day` needs: the period's interruptions whole,
        and before them, back to `history_from`, only what finds Major Event Days: the
        customer-minutes of the sustained interruptions the report counts, summed per local
        day in SQL (one row per day instead of one per interruption)."""
        zone = settings.zone
        start, period_start = _midnight_us(history_from, zone), _midnight_us(first_day, zone)
        end = _midnight_us(last_day + timedelta(days=1), zone)
        rows = [
            *self._rows(
                select(*_COLUMNS).where(_H.c.start_us >= period_start, _H.c.start_us < end)
            ),
            *extra,  # the console's own outages in the period, in the same columns
        ]
        offset = _fixed_offset_us(history_from, first_day, zone)
        if offset is None:  # a zone with daylight saving: the history row by row
            history = select(*_COLUMNS).where(_H.c.start_us >= start, _H.c.start_us < period_start)
            return _table([*self._rows(history), *rows])
        day = (_H.c.start_us + offset) // _US_PER_DAY
        category = func.coalesce(_H.c.exclusion, _H.c.cause)
        limit_us = settings.momentary_limit // timedelta(microseconds=1)
        query = (
            select(day, func.sum((_H.c.end_us - _H.c.start_us) * _H.c.customers))
            .where(
                _H.c.start_us >= start,
                _H.c.start_us < period_start,
                _H.c.end_us - _H.c.start_us > limit_us,
                _H.c.customers > 0,
            )
            .group_by(day)
        )
        if settings.excluded_categories:
            query = query.where(category.not_in(sorted(settings.excluded_categories)))
        if not (settings.include_planned and settings.med_counts_planned):
            query = query.where(_H.c.planned.is_(False))
        # One sustained record per day: 1 customer for as many minutes as the day's
        # customer-minutes, starting at local midnight (so it falls on that day).
        daily = [
            (f"{_HISTORY}{k}", int(d) * _US_PER_DAY - offset,
             int(d) * _US_PER_DAY - offset + int(cm), 1, False, 1, _HISTORY, None, None)
            for k, (d, cm) in enumerate(self._s.execute(query).all())
        ]  # fmt: skip
        return _table([*daily, *rows])

    def _rows(self, query: Any) -> list[Any]:
        """The result's rows as the driver gives them: these columns need no type
        conversion, and skipping SQLAlchemy's row objects saves a third of a 50,000-row read."""
        result = self._s.execute(query)
        return list(result.cursor.fetchall())  # type: ignore[attr-defined]

    # -- customer snapshots -----------------------------------------------------------------

    def current_customers(self) -> int:
        """Customers served now: the service points in the network."""
        return int(self._s.scalar(select(func.count()).select_from(CustomerRow)) or 0)

    def snapshots(self) -> dict[tuple[int, int], MonthlySnapshot]:
        return {
            (r.year, r.month): MonthlySnapshot(
                YearMonth(r.year, r.month), r.customers, SnapshotBasis(r.basis)
            )
            for r in self._s.execute(select(_S))
        }

    def record_snapshots(self, snapshots: Sequence[MonthlySnapshot], *, at: datetime) -> None:
        """Store new months; a month already stored is refused (its count is frozen)."""
        stored = self.snapshots()
        again = [str(s.month) for s in snapshots if s.month in stored]
        if again:
            raise SnapshotConflict(
                f"the customer count of {', '.join(again)} is already recorded and is never "
                "rewritten"
            )
        if snapshots:
            self._s.execute(
                insert(_S),
                [
                    {
                        "year": s.month.year,
                        "month": s.month.month,
                        "customers": s.customers,
                        "basis": s.basis.value,
                        "recorded_at": at,
                    }
                    for s in snapshots
                ],
            )

    def customer_counts(
        self, since: YearMonth, now: datetime, until: YearMonth | None = None
    ) -> CustomerCounts:
        """K_t of the months from `since` (to `until`, default the month in progress).

        Closed months without a snapshot get one now (the count in force: the network's
        customers), so later reports see the same figure; the month in progress takes the
        current count, provisionally. An empty network records nothing."""
        current = self.current_customers()
        stored = {k: s.customers for k, s in self.snapshots().items()}
        if current > 0:
            plan = snapshots_due(now, stored, since, current=current)
            due = [s for s in plan.snapshots if until is None or s.month <= until]
            self.record_snapshots(due, at=now)
            stored.update({s.month: s.customers for s in due})
            return CustomerCounts(monthly=counts_for_report(stored, now, current))
        return CustomerCounts(monthly=stored)


_COLUMNS = (
    _H.c.interruption_id, _H.c.start_us, _H.c.end_us, _H.c.customers, _H.c.planned,
    _H.c.operations, _H.c.cause, _H.c.feeder, _H.c.exclusion,
)  # fmt: skip
_US_PER_DAY = 86_400_000_000
_HISTORY = "(history)"  # cause and id prefix of the per-day history records


def _midnight_us(day: date, zone: ZoneInfo = LOCAL_TZ) -> int:
    return epoch_us(datetime.combine(day, time(), tzinfo=zone))


def _fixed_offset_us(first: date, stop: date, zone: ZoneInfo) -> int | None:
    """The zone's UTC offset if it is the same on every day from `first` to `stop` (Vietnam:
    +7 h since 1975), else None."""
    offsets = {
        zone.utcoffset(datetime.combine(first + timedelta(days=k), time()))
        for k in range(0, (stop - first).days + 1)
    }
    if len(offsets) != 1:
        return None
    only = offsets.pop()
    return None if only is None else only // timedelta(microseconds=1)


def _table(rows: Sequence[Any]) -> InterruptionTable:
    columns = list(zip(*rows, strict=True)) or [()] * len(_COLUMNS)
    ids, starts, ends, customers, planned, operations, causes, feeders, exclusions = columns
    return InterruptionTable.from_columns(
        ids=list(ids),
        start_us=np.asarray(starts, dtype=np.int64),
        end_us=np.asarray(ends, dtype=np.int64),
        customers=np.asarray(customers, dtype=np.int64),
        planned=np.asarray(planned, dtype=np.bool_),
        operations=np.asarray(operations, dtype=np.int64),
        causes=list(causes),
        feeders=list(feeders),
        exclusions=list(exclusions),
    )


def period_report(
    session: Session,
    method: Method,
    first_day: date,
    last_day: date,
    settings: ReliabilitySettings,
    *,
    now: datetime,
    customers_served: int | None = None,
) -> ReliabilityReport:
    """The report of the local days `first_day`..`last_day` from the stored interruptions.

    The table reaches back `med_history_years` before the period: Major Event Days are found
    from that history. Without `customers_served` the monthly snapshots give K_t (taking the
    snapshots that are due). Raises `MissingCustomerCount` when a month has no count."""
    return _report_and_table(session, method, first_day, last_day, settings, now, customers_served)[
        0
    ]


def period_report_with_trend(
    session: Session,
    method: Method,
    first_day: date,
    last_day: date,
    settings: ReliabilitySettings,
    *,
    now: datetime,
    customers_served: int | None = None,
) -> tuple[ReliabilityReport, dict[str, list[float]]]:
    """`period_report` and the monthly SAIDI of its heaviest feeders, for the printed report."""
    report, table = _report_and_table(
        session, method, first_day, last_day, settings, now, customers_served
    )
    return report, feeder_trend(table, report)


def _report_and_table(
    session: Session,
    method: Method,
    first_day: date,
    last_day: date,
    settings: ReliabilitySettings,
    now: datetime,
    customers_served: int | None,
) -> tuple[ReliabilityReport, InterruptionTable]:
    repo = ReliabilityRepository(session)
    since = years_before(first_day, settings.med_history_years)
    zone = settings.zone
    period_start = datetime.combine(first_day, time(), tzinfo=zone)
    period_end = min(now, datetime.combine(last_day + timedelta(days=1), time(), tzinfo=zone))
    own = console_interruption_rows(session, period_start, period_end)
    table = repo.report_table(since, first_day, last_day, settings, own)
    if customers_served is not None:
        counts = CustomerCounts.fixed(customers_served)
    else:
        counts = repo.customer_counts(
            YearMonth(first_day.year, first_day.month),
            now,
            until=YearMonth(last_day.year, last_day.month),
        )
    return reliability_report(method, table, first_day, last_day, counts, settings), table
