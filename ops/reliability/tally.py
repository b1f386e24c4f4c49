"""Grouped sums over a selection of interruptions, and the index contributions they make.

Every index of both methods is a weighted sum over interruptions: SAIDI = Σ r_i·N_i·w_i with
w_i = 1/K_t of the month the interruption began (Vietnamese method) or 1/N_T (IEEE 1366). A
tally adds those sums up per group (month, feeder, cause…) with one `numpy.bincount` each, so
the contributions of the groups add up to the whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ops.reliability.interruptions import InterruptionTable


@dataclass(frozen=True, eq=False)
class Tally:
    """Per-group sums (arrays with one entry per group). Sustained and momentary are split."""

    interruptions: NDArray[np.int64]
    sustained: NDArray[np.int64]
    momentary: NDArray[np.int64]
    customer_interruptions: NDArray[np.int64]  # Σ N_i, sustained
    customer_minutes: NDArray[np.float64]  # Σ r_i·N_i, sustained
    momentary_operations: NDArray[np.int64]  # Σ operations·N, momentary
    momentary_events: NDArray[np.int64]  # Σ N, momentary (one event per record)
    saifi: NDArray[np.float64]  # Σ N_i·w_i
    saidi: NDArray[np.float64]  # Σ r_i·N_i·w_i
    maifi: NDArray[np.float64]  # Σ operations·N·w, momentary
    maifi_e: NDArray[np.float64]  # Σ N·w, momentary

    def total(self) -> Tally:
        """One group holding the sums of all groups."""
        sums: dict[str, Any] = {
            name: np.atleast_1d(getattr(self, name).sum()) for name in Tally.__dataclass_fields__
        }
        return Tally(**sums)


def tally(
    table: InterruptionTable,
    mask: NDArray[np.bool_],
    group: NDArray[np.intp],
    groups: int,
    weight: NDArray[np.float64] | float,
) -> Tally:
    """Sums of the interruptions in `mask` by `group` (0 ≤ group < groups), weighted by `weight`."""
    sustained = mask & table.sustained
    momentary = mask & table.momentary
    w = np.broadcast_to(np.asarray(weight, dtype=np.float64), mask.shape)
    n = table.customers.astype(np.float64)
    ops_n = n * table.operations

    def add(where: NDArray[np.bool_], values: NDArray[np.float64] | None) -> NDArray[np.float64]:
        return np.bincount(
            group[where], weights=None if values is None else values[where], minlength=groups
        ).astype(np.float64)

    def count(where: NDArray[np.bool_], values: NDArray[np.float64] | None) -> NDArray[np.int64]:
        return np.rint(add(where, values)).astype(np.int64)  # exact: far below 2**53

    return Tally(
        interruptions=count(mask, None),
        sustained=count(sustained, None),
        momentary=count(momentary, None),
        customer_interruptions=count(sustained, n),
        customer_minutes=add(sustained, table.customer_minutes),
        momentary_operations=count(momentary, ops_n),
        momentary_events=count(momentary, n),
        saifi=add(sustained, n * w),
        saidi=add(sustained, table.customer_minutes * w),
        maifi=add(momentary, ops_n * w),
        maifi_e=add(momentary, n * w),
    )
