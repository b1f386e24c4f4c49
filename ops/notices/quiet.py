"""Quiet hours: no non-urgent customer message between, by default, 21:00 and 07:00 local."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from ops.notices.rules import NoticePolicy


def defer_for_quiet_hours(
    at: datetime,
    policy: NoticePolicy,
    *,
    urgent: bool = False,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> tuple[datetime, bool]:
    """When a message wanted at `at` may go out, and whether quiet hours moved it.

    Inside quiet hours it moves to their end, unless it is urgent. A message that would then
    arrive at or after `not_after` (the moment it is about: a reminder for 07:00 work) goes
    `policy.before_quiet` before the quiet hours began instead, if that is not before
    `not_before` (now); otherwise it goes at once, quiet hours or not, since later is useless.
    """
    quiet = policy.quiet_hours
    if urgent or quiet is None:
        return at, False
    zone = policy.zone
    local = at.astimezone(zone)
    if not quiet.contains(local.time()):
        return at, False
    began, ends = _quiet_period(local.replace(tzinfo=None), quiet.start, quiet.end)
    end_at = ends.replace(tzinfo=zone).astimezone(at.tzinfo)
    if not_after is None or end_at < not_after:
        return end_at, True
    earlier = (began.replace(tzinfo=zone) - policy.before_quiet).astimezone(at.tzinfo)
    if not_before is None or earlier >= not_before:
        return earlier, True
    return at, False


def _quiet_period(local: datetime, start: time, end: time) -> tuple[datetime, datetime]:
    """The (naive local) beginning and end of the quiet period that contains `local`."""
    day = local.date()
    if start <= end:  # within one day
        return datetime.combine(day, start), datetime.combine(day, end)
    if local.time() >= start:  # the evening part: ends tomorrow morning
        return datetime.combine(day, start), datetime.combine(day + timedelta(days=1), end)
    return datetime.combine(day - timedelta(days=1), start), datetime.combine(day, end)
