"""The notice rules an installation can set: lead time, reminders, quiet hours, retries.

Built from the policy profile (`ops.policy.Policy`: lead time, counting, quiet hours, time
zone) plus the values the profile does not carry yet, with the defaults below.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.policy import Basis, NoticeCounting, Policy, QuietHours

DEFAULT_QUIET_HOURS = QuietHours(time(21, 0), time(7, 0))


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential back-off: first_delay, then × factor each time, never above max_delay."""

    first_delay: timedelta = timedelta(minutes=1)
    factor: float = 2.0
    max_delay: timedelta = timedelta(hours=1)
    max_attempts: int = 6  # attempts in all, the first one included

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.factor < 1 or self.first_delay <= timedelta(0):
            raise ValueError("retry: max_attempts ≥ 1, factor ≥ 1 and a positive first delay")


@dataclass(frozen=True, slots=True)
class NoticePolicy:
    """How and when customers are told of planned work."""

    lead_days: int = 5  # [law] Electricity Law 61/2024/QH15 Art. 49(2)(b)
    counting: NoticeCounting = NoticeCounting.HOURS  # the stricter reading by default
    lead_basis: Basis = Basis.LAW
    # Send the first notice this long before the start; None: as soon as the plan is approved.
    initial_advance: timedelta | None = None
    reminders: tuple[timedelta, ...] = (timedelta(days=1),)  # before the start
    finished_message: bool = True
    finished_urgent: bool = True  # "supply is back" is news the customer waits for, even at night
    quiet_hours: QuietHours | None = DEFAULT_QUIET_HOURS
    # A message that would be deferred past the moment it is about goes this long before the
    # quiet hours instead (a reminder for 07:00 work goes at 20:45 the evening before).
    before_quiet: timedelta = timedelta(minutes=15)
    timezone: str = "Asia/Ho_Chi_Minh"
    late_after: timedelta = timedelta(minutes=5)  # overdue by more than this = "late"
    retry: RetryPolicy = RetryPolicy()

    def __post_init__(self) -> None:
        if self.lead_days < 0:
            raise ValueError("lead_days cannot be negative")
        if any(r <= timedelta(0) for r in self.reminders):
            raise ValueError("reminders are offsets before the start: each must be positive")
        if self.initial_advance is not None and self.initial_advance < timedelta(
            days=self.lead_days
        ):
            raise ValueError("initial_advance is shorter than the legal lead time")

    @property
    def zone(self) -> ZoneInfo:
        return LOCAL_TZ if self.timezone == "Asia/Ho_Chi_Minh" else ZoneInfo(self.timezone)

    @classmethod
    def from_profile(cls, policy: Policy, **overrides: object) -> NoticePolicy:
        """The profile's lead time, counting, quiet hours and zone; everything else defaults."""
        base = cls(timezone=policy.timezone, quiet_hours=policy.quiet_hours)
        rule = policy.planned_notice
        if rule is not None:
            base = replace(
                base, lead_days=rule.min_days, counting=rule.counting, lead_basis=rule.basis
            )
        return replace(base, **overrides)  # type: ignore[arg-type]
