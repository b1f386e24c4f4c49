"""The console's own outages count in the reliability report, from the switching log."""

from __future__ import annotations

from datetime import timedelta

from db import Database
from db.repositories.reliability import period_report
from ops.clock import to_local
from ops.demo import generate_demo_district
from ops.outages.accounting import account_log
from ops.reliability import Method, ReliabilitySettings
from tests.conftest import DEMO_NOW

SERVED = 60_000


def expected_from_the_log() -> tuple[float, float]:
    """SAIFI and SAIDI of the demo day worked out from its log by the accounting itself."""
    district = generate_demo_district(DEMO_NOW)
    day_start = to_local(DEMO_NOW).replace(hour=0, minute=0, second=0, microsecond=0)
    accounting = account_log(
        district.network,
        [(c.customer_id, c.node_id) for c in district.customers],
        district.switching,
        since=day_start,
        until=DEMO_NOW,
    )
    interrupted = minutes = 0.0
    for spans in accounting.interruptions.values():
        for span in spans:
            duration = span.duration(DEMO_NOW)
            if span.caused_by is not None and duration > timedelta(minutes=5):
                interrupted += 1
                minutes += duration / timedelta(minutes=1)
    return interrupted / SERVED, minutes / SERVED


def test_the_demo_days_outages_are_in_the_report(any_demo_db: Database) -> None:
    day = to_local(DEMO_NOW).date()
    with any_demo_db.session() as s:
        report = period_report(
            s, Method.IEEE1366, day, day, ReliabilitySettings(major_events=False),
            now=DEMO_NOW, customers_served=SERVED,
        )  # fmt: skip
    saifi, saidi = expected_from_the_log()
    figures = report.to_json_dict()
    assert saifi > 0.1  # the demo day darkened thousands of customers
    assert abs(figures["saifi"] - saifi) < 1e-9
    assert abs(figures["saidi"] - saidi) < 1e-6


def test_a_period_without_switching_is_untouched(any_demo_db: Database) -> None:
    day = to_local(DEMO_NOW).date() - timedelta(days=40)
    with any_demo_db.session() as s:
        report = period_report(
            s, Method.IEEE1366, day, day, ReliabilitySettings(major_events=False),
            now=DEMO_NOW, customers_served=SERVED,
        )  # fmt: skip
    assert report.to_json_dict()["saifi"] == 0.0
