"""Customer interruptions as records: who was dark from when to when, and on whose account.

These are what `ops.outages.accounting` produces from a day's switching; reliability reports and the
outage detail view read them. Durations are kept as timedeltas (exact to the microsecond);
minutes are derived only for display and indices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from ops.planned.records import SwitchAction

# Regulations §2: longer than 5 minutes is sustained, so exactly 5:00 is momentary. The
# policy profile carries the limit; this is only the default.
MOMENTARY_LIMIT = timedelta(minutes=5)


class InterruptionKind(StrEnum):
    MOMENTARY = "momentary"
    SUSTAINED = "sustained"


def classify(duration: timedelta, limit: timedelta = MOMENTARY_LIMIT) -> InterruptionKind:
    """Momentary up to and including the limit, sustained beyond it."""
    return InterruptionKind.MOMENTARY if duration <= limit else InterruptionKind.SUSTAINED


@dataclass(frozen=True, slots=True)
class DeviceOperation:
    """A switching device opened or closed in the field, and the outage an opening belongs to."""

    at: datetime
    device_id: str
    action: SwitchAction  # OPEN or CLOSE; reclosing settings change no supply
    outage_id: int | None = None


@dataclass(frozen=True, slots=True)
class Share:
    """Part of an interruption attributed to one outage (None: to no outage)."""

    outage_id: int | None
    start: datetime
    end: datetime | None  # None: still dark at the end of the accounting

    def duration(self, until: datetime) -> timedelta:
        return (self.end or until) - self.start


@dataclass(frozen=True, slots=True)
class CustomerInterruption:
    """One continuous dark period of one customer, however many outages it passed through."""

    customer_id: str
    start: datetime
    end: datetime | None
    caused_by: int | None  # the outage whose operation darkened the customer
    shares: tuple[Share, ...]
    began_before: bool = False  # already dark when the accounting began: `start` is clipped

    def duration(self, until: datetime) -> timedelta:
        return (self.end or until) - self.start

    def kind(self, until: datetime, limit: timedelta = MOMENTARY_LIMIT) -> InterruptionKind | None:
        """Momentary or sustained; None while it is still short and not over."""
        duration = self.duration(until)
        if self.end is None and duration <= limit:
            return None
        return classify(duration, limit)


@dataclass(frozen=True, slots=True)
class OutageStep:
    """What one switching step did to one outage, and who is still dark for it afterwards."""

    at: datetime
    device_id: str
    action: SwitchAction
    darkened: int  # customers this step took off supply (new interruptions)
    taken_over: int  # customers already dark that now count for this outage
    restored: int  # customers whose supply came back
    handed_over: int  # customers still dark that now count for another outage
    still_dark: tuple[str, ...]  # customer ids, sorted


@dataclass(frozen=True, slots=True)
class OutageTally:
    """An outage's customer interruption figures over the accounting window.

    `customer_time` and `customers_interrupted` add up across outages without counting anyone
    twice: every dark second of every customer is in exactly one outage's time, and every
    interruption is counted once, for the outage that began it. `customers_affected` is the
    outage's own view (everyone who was dark on its account at some moment), so a customer
    handed from an outer outage to a nested one is in both; never add it across outages.
    """

    outage_id: int | None
    customer_time: timedelta
    customers_interrupted: int
    customers_affected: int
    customers_restored: int
    customers_out: int
    momentary: int  # interruptions it began that ended within the momentary limit
    sustained: int  # interruptions it began that lasted (or last so far) longer
    steps: tuple[OutageStep, ...]
    affected_ids: frozenset[str] = frozenset()

    @property
    def customer_minutes(self) -> float:
        return self.customer_time / timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Accounting:
    """Every customer's interruptions and every outage's tally, up to `until`."""

    until: datetime
    interruptions: dict[str, tuple[CustomerInterruption, ...]]  # customer id -> in time order
    outages: dict[int | None, OutageTally]  # None: dark time owed to no outage

    def customer_time(self, customer_id: str) -> timedelta:
        """How long the customer was without supply in the window."""
        return sum(
            (i.duration(self.until) for i in self.interruptions.get(customer_id, ())),
            timedelta(0),
        )

    def dark_at_end(self) -> frozenset[str]:
        """Customers still without supply at `until`."""
        return frozenset(
            c for c, spans in self.interruptions.items() if spans and spans[-1].end is None
        )

    def tally(self, outage_id: int | None) -> OutageTally:
        """The outage's tally, an empty one if it never had a customer dark."""
        return self.outages.get(
            outage_id, OutageTally(outage_id, timedelta(0), 0, 0, 0, 0, 0, 0, ())
        )
