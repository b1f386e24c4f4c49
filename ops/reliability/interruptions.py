"""Supply interruptions as the reliability indices see them: one record each, and a column table.

A record is one group of customers that lost supply together and got it back together. An
outage restored in steps is one record per step (the customers restored at that step, ending
then), which is how IEEE 1366 sums customer-minutes. Sustained means longer than 5 minutes,
so 5:00 exactly is momentary (Circ. 05/2025 Art. 15; IEEE 1366); the policy may set another
limit (`ReliabilitySettings.momentary_limit`).

`InterruptionTable` holds the same data as numpy columns, so that reports are computed with
array operations and no Python loop per interruption.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ops.reliability.calendar import US_PER_MINUTE, epoch_us

MOMENTARY_LIMIT = timedelta(minutes=5)
MOMENTARY_LIMIT_US = 5 * US_PER_MINUTE


@dataclass(frozen=True, slots=True)
class Interruption:
    """One interruption of supply to `customers` customers, from `start` to `end` (aware)."""

    interruption_id: str
    start: datetime
    end: datetime
    customers: int
    planned: bool
    cause: str
    feeder: str | None = None
    device: str | None = None
    # Device operations of a momentary interruption (a recloser that tripped twice: 2).
    operations: int = 1
    # Exclusion category a dispatcher assigned (transmission, force majeure…); None = the cause.
    # Whether it is excluded is the policy's decision (`ReliabilitySettings.excluded_categories`).
    exclusion: str | None = None

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value: datetime = getattr(self, name)
            if value.tzinfo is None:
                raise ValueError(f"interruption {self.interruption_id}: {name} has no time zone")
            object.__setattr__(self, name, value.astimezone(UTC))
        if self.end < self.start:
            raise ValueError(f"interruption {self.interruption_id}: ends before it starts")
        if self.customers < 0:
            raise ValueError(f"interruption {self.interruption_id}: negative customers")
        if self.operations < 1:
            raise ValueError(f"interruption {self.interruption_id}: operations must be at least 1")

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def is_sustained(self, limit: timedelta = MOMENTARY_LIMIT) -> bool:
        return self.duration > limit

    @property
    def category(self) -> str:
        """What exclusions are matched against: the assigned exclusion category, else the cause."""
        return self.exclusion or self.cause


def _factorize(values: Sequence[str]) -> tuple[tuple[str, ...], NDArray[np.intp]]:
    if not values:
        return (), np.zeros(0, dtype=np.intp)
    labels, codes = np.unique(np.asarray(values, dtype=np.str_), return_inverse=True)
    return tuple(str(v) for v in labels), codes.astype(np.intp)


@dataclass(frozen=True, eq=False)
class InterruptionTable:
    """Interruptions as columns. Strings are coded: `causes[cause_code[i]]`; feeder code -1 = none.

    Build it with `from_records` or `from_columns`; the derived columns (sustained,
    customer-minutes) are computed once here.
    """

    ids: NDArray[np.str_]
    start_us: NDArray[np.int64]
    end_us: NDArray[np.int64]
    customers: NDArray[np.int64]
    planned: NDArray[np.bool_]
    operations: NDArray[np.int64]
    causes: tuple[str, ...]
    cause_code: NDArray[np.intp]
    feeders: tuple[str, ...]
    feeder_code: NDArray[np.intp]
    categories: tuple[str, ...]
    category_code: NDArray[np.intp]
    momentary_limit_us: int = MOMENTARY_LIMIT_US  # longer than this is sustained
    sustained: NDArray[np.bool_] = field(init=False)
    customer_minutes: NDArray[np.float64] = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.ids)
        columns = (self.start_us, self.end_us, self.customers, self.planned, self.operations)
        codes = (self.cause_code, self.feeder_code, self.category_code)
        if any(len(c) != n for c in (*columns, *codes)):
            raise ValueError("interruption columns differ in length")
        duration = self.end_us - self.start_us
        if np.any(duration < 0):
            raise ValueError(
                f"interruption {self.ids[np.argmax(duration < 0)]} ends before it starts"
            )
        if np.any(self.customers < 0):
            raise ValueError(
                f"interruption {self.ids[np.argmax(self.customers < 0)]}: negative customers"
            )
        if np.any(self.operations < 1):
            raise ValueError(
                f"interruption {self.ids[np.argmax(self.operations < 1)]}: operations < 1"
            )
        object.__setattr__(self, "sustained", duration > self.momentary_limit_us)
        object.__setattr__(self, "customer_minutes", duration / US_PER_MINUTE * self.customers)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def momentary(self) -> NDArray[np.bool_]:
        return ~self.sustained

    def take(self, rows: NDArray[np.bool_] | NDArray[np.intp]) -> InterruptionTable:
        """The chosen rows, with the same string labels (codes stay valid)."""
        return InterruptionTable(
            ids=self.ids[rows],
            start_us=self.start_us[rows],
            end_us=self.end_us[rows],
            customers=self.customers[rows],
            planned=self.planned[rows],
            operations=self.operations[rows],
            causes=self.causes,
            cause_code=self.cause_code[rows],
            feeders=self.feeders,
            feeder_code=self.feeder_code[rows],
            categories=self.categories,
            category_code=self.category_code[rows],
            momentary_limit_us=self.momentary_limit_us,
        )

    def with_momentary_limit(self, limit: timedelta) -> InterruptionTable:
        """The same interruptions, sustained meaning longer than `limit`."""
        limit_us = limit // timedelta(microseconds=1)
        return (
            self
            if limit_us == self.momentary_limit_us
            else replace(self, momentary_limit_us=limit_us)
        )

    @classmethod
    def from_columns(
        cls,
        *,
        ids: Sequence[str],
        start_us: ArrayLike,
        end_us: ArrayLike,
        customers: ArrayLike,
        planned: ArrayLike,
        causes: Sequence[str],
        feeders: Sequence[str | None],
        operations: ArrayLike | None = None,
        exclusions: Sequence[str | None] | None = None,
    ) -> InterruptionTable:
        """From parallel columns (times as epoch microseconds, UTC), e.g. straight from SQL."""
        cause_labels, cause_code = _factorize(causes)
        feeder_labels, feeder_code = _factorize([f or "" for f in feeders])
        if "" in feeder_labels:  # no feeder: code -1, and "" is not a feeder name
            blank = feeder_labels.index("")
            feeder_code = np.where(feeder_code == blank, -1, feeder_code - (feeder_code > blank))
            feeder_labels = feeder_labels[:blank] + feeder_labels[blank + 1 :]
        if exclusions is None:
            category_labels, category_code = cause_labels, cause_code
        else:
            category_labels, category_code = _factorize(
                [e or c for e, c in zip(exclusions, causes, strict=True)]
            )
        n = len(ids)
        return cls(
            ids=np.asarray(ids, dtype=np.str_).reshape(n),
            start_us=np.asarray(start_us, dtype=np.int64).reshape(n),
            end_us=np.asarray(end_us, dtype=np.int64).reshape(n),
            customers=np.asarray(customers, dtype=np.int64).reshape(n),
            planned=np.asarray(planned, dtype=np.bool_).reshape(n),
            operations=(
                np.ones(n, dtype=np.int64)
                if operations is None
                else np.asarray(operations, dtype=np.int64).reshape(n)
            ),
            causes=cause_labels,
            cause_code=cause_code,
            feeders=feeder_labels,
            feeder_code=feeder_code,
            categories=category_labels,
            category_code=category_code,
        )

    @classmethod
    def from_records(cls, records: Iterable[Interruption]) -> InterruptionTable:
        rows = list(records)
        return cls.from_columns(
            ids=[r.interruption_id for r in rows],
            start_us=[epoch_us(r.start) for r in rows],
            end_us=[epoch_us(r.end) for r in rows],
            customers=[r.customers for r in rows],
            planned=[r.planned for r in rows],
            causes=[r.cause for r in rows],
            feeders=[r.feeder for r in rows],
            operations=[r.operations for r in rows],
            exclusions=[r.exclusion for r in rows],
        )
