"""Saved reports are proposed under the reference a person knows them by."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ops.reports.file_names import (
    handover_name,
    map_name,
    outage_report_name,
    reliability_name,
    safe_name,
)


def test_an_outage_report_is_named_by_its_reference() -> None:
    assert outage_report_name("SC-2026-0010", 10) == "SC-2026-0010"
    assert outage_report_name("SC-2026-0010", 10, "en") == "SC-2026-0010"
    assert outage_report_name(None, 10) == "su-co-10"
    assert outage_report_name("", 10, "en") == "outage-10"


def test_a_handover_is_named_by_the_local_day_and_time_its_shift_started() -> None:
    night = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # 22:00 on 1 December in Vietnam
    assert handover_name(night) == "giao-ca-2026-12-01-2200"
    assert handover_name(datetime(2026, 12, 1, 23, 0, tzinfo=UTC), "en") == (
        "handover-2026-12-02-0600"
    )


def test_reliability_is_named_by_its_month_year_or_days() -> None:
    assert reliability_name(date(2026, 11, 1), date(2026, 11, 30)) == "do-tin-cay-2026-11"
    assert reliability_name(date(2026, 2, 1), date(2026, 2, 28), language="en") == (
        "reliability-2026-02"
    )
    assert reliability_name(date(2026, 1, 1), date(2026, 12, 31)) == "do-tin-cay-2026"
    assert reliability_name(date(2026, 11, 1), date(2026, 12, 15), "ieee1366", "en") == (
        "reliability-2026-11-01-to-2026-12-15-ieee1366"
    )
    assert reliability_name(date(2026, 11, 2), date(2026, 11, 30)) == (
        "do-tin-cay-2026-11-02-den-2026-11-30"
    )


def test_names_are_plain_ascii() -> None:
    assert safe_name("SC/2026 0010") == "SC-2026-0010"
    assert safe_name("Sự cố") == "S-c"
    assert safe_name("///") == "report"
    assert (map_name("vi"), map_name("en")) == ("ban-do-su-co", "outage-map")
