"""Per-feeder, per-cause and per-month rows: each group's sums and its contribution to the
company's indices (the contributions of all rows add up to the company figure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ops.reliability.interruptions import InterruptionTable
from ops.reliability.tally import Tally, tally


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """One feeder, cause or month. `key` None = interruptions with no feeder."""

    key: str | None
    interruptions: int
    sustained: int
    momentary: int
    customer_interruptions: int
    customer_minutes: float
    saifi: float  # contribution to the company's SAIFI
    saidi: float
    maifi: float
    maifi_e: float

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "interruptions": self.interruptions,
            "sustained": self.sustained,
            "momentary": self.momentary,
            "customer_interruptions": self.customer_interruptions,
            "customer_minutes": self.customer_minutes,
            "saifi": self.saifi,
            "saidi": self.saidi,
            "maifi": self.maifi,
            "maifi_e": self.maifi_e,
        }


def rows(t: Tally, keys: list[str | None], keep_empty: bool = False) -> tuple[BreakdownRow, ...]:
    """One row per group of `t`, labelled by `keys`; groups without interruptions are skipped
    unless `keep_empty`."""
    return tuple(
        BreakdownRow(
            key=keys[k],
            interruptions=int(t.interruptions[k]),
            sustained=int(t.sustained[k]),
            momentary=int(t.momentary[k]),
            customer_interruptions=int(t.customer_interruptions[k]),
            customer_minutes=float(t.customer_minutes[k]),
            saifi=float(t.saifi[k]),
            saidi=float(t.saidi[k]),
            maifi=float(t.maifi[k]),
            maifi_e=float(t.maifi_e[k]),
        )
        for k in range(len(keys))
        if keep_empty or t.interruptions[k]
    )


def by_feeder(
    table: InterruptionTable, mask: NDArray[np.bool_], weight: NDArray[np.float64] | float
) -> tuple[BreakdownRow, ...]:
    """Feeders by name; interruptions without a feeder last (key None)."""
    group = np.where(table.feeder_code < 0, len(table.feeders), table.feeder_code)
    keys: list[str | None] = [*table.feeders, None]
    return rows(tally(table, mask, group, len(keys), weight), keys)


def by_cause(
    table: InterruptionTable, mask: NDArray[np.bool_], weight: NDArray[np.float64] | float
) -> tuple[BreakdownRow, ...]:
    keys: list[str | None] = list(table.causes)
    return rows(tally(table, mask, table.cause_code, len(keys), weight), keys)
