"""Customers served: per local month (K_t, from the monthly snapshots) or one figure given for a
whole period, and the single N_T the IEEE 1366 method divides by."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from ops.reliability.calendar import YearMonth


class MissingCustomerCount(ValueError):  # noqa: N818 - reads as the situation it names
    """A month of the report has no customer count (and none was given for the whole period)."""

    def __init__(self, months: Sequence[YearMonth]) -> None:
        self.months = tuple(months)
        names = ", ".join(str(m) for m in self.months)
        super().__init__(f"no customer count for {names}: take the monthly snapshot or give N")


class CustomerBase(StrEnum):
    """Which single N_T a period method (IEEE 1366) uses when the monthly counts differ."""

    AVERAGE = "average"  # mean of the monthly counts of the months the period touches
    END_OF_PERIOD = "end-of-period"  # the count of the period's last month


class CustomerBasis(StrEnum):
    """Where a report's `customers_served` came from."""

    GIVEN = "given"  # one N for the whole period (`--customers-served N`)
    AVERAGE = "average"
    END_OF_PERIOD = "end-of-period"


@dataclass(frozen=True, slots=True)
class CustomerCounts:
    """Customers served per local month, or `served` for every month when it is given."""

    monthly: Mapping[tuple[int, int], int] = field(default_factory=dict)
    served: int | None = None

    def __post_init__(self) -> None:
        if self.served is not None and self.served <= 0:
            raise ValueError(f"customers served must be positive, not {self.served}")
        bad = [YearMonth(*k) for k, v in self.monthly.items() if v <= 0]
        if bad:
            raise ValueError(
                f"customer count for {', '.join(map(str, sorted(bad)))} is not positive"
            )

    @classmethod
    def fixed(cls, served: int) -> CustomerCounts:
        return cls(served=served)

    def for_months(self, months: Sequence[YearMonth]) -> NDArray[np.float64]:
        """K_t of each month; every month must have a count (or `served` is given)."""
        if self.served is not None:
            return np.full(len(months), float(self.served))
        missing = [m for m in months if m not in self.monthly]
        if missing:
            raise MissingCustomerCount(missing)
        return np.array([self.monthly[m] for m in months], dtype=np.float64)

    def for_history(
        self, months: Sequence[YearMonth]
    ) -> tuple[NDArray[np.float64], tuple[YearMonth, ...]]:
        """K_t for past months used only to find Major Event Days, and the months estimated.

        Imported history often predates the first snapshot: such a month takes the count of the
        nearest month that has one (the earlier on a tie). No count at all is still an error.
        """
        if self.served is not None:
            return np.full(len(months), float(self.served)), ()
        if not self.monthly:
            raise MissingCustomerCount(months[:1])
        known = sorted(YearMonth(*k) for k in self.monthly)
        index = [m.year * 12 + m.month for m in known]
        counts, estimated = [], []
        for m in months:
            if m in self.monthly:
                counts.append(self.monthly[m])
                continue
            estimated.append(m)
            at = m.year * 12 + m.month
            nearest = min(range(len(known)), key=lambda k: (abs(index[k] - at), index[k]))
            counts.append(self.monthly[known[nearest]])
        return np.array(counts, dtype=np.float64), tuple(estimated)

    def period_count(
        self, months: Sequence[YearMonth], base: CustomerBase
    ) -> tuple[float, CustomerBasis]:
        """The one N_T of a period and where it came from."""
        if self.served is not None:
            return float(self.served), CustomerBasis.GIVEN
        counts = self.for_months(months)
        if base is CustomerBase.END_OF_PERIOD:
            return float(counts[-1]), CustomerBasis.END_OF_PERIOD
        return float(counts.mean()), CustomerBasis.AVERAGE
