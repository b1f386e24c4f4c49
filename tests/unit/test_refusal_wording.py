"""A refusal's words from its shape and values, in either language, without Qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ops.access.roles import Role
from ops.crews.records import CrewStatus
from ops.errors import InvalidTransition, NotFound
from ops.outages.records import OutageStatus
from ops.wording.refusals import placeholders, render


def test_values_are_written_as_a_person_reads_them() -> None:
    shape = "a {role} saw {status} at {at} for {span}: {crews}"
    values = {
        "role": Role.SHIFT_LEAD,
        "status": OutageStatus.PARTIALLY_RESTORED,
        "at": datetime(2026, 11, 27, 2, 5, tzinfo=UTC),
        "span": timedelta(hours=2, minutes=5),
        "crews": ("Đội 1", "Đội 2"),
    }
    assert render(shape, values, "en") == (
        "a shift lead saw partially restored at 09:05 27/11 for 2 h 05 min: Đội 1, Đội 2"
    )
    assert render(shape, values, "vi") == (
        "a trưởng ca saw khôi phục một phần at 09:05 27/11 for 2 giờ 05 phút: Đội 1, Đội 2"
    )


def test_the_english_message_is_made_from_the_shape() -> None:
    refusal = InvalidTransition(
        "a crew that is {current} cannot become {new} (allowed next: {allowed})",
        current=CrewStatus.ASSIGNED,
        new=CrewStatus.FIELD_COMPLETE,
        allowed=(CrewStatus.EN_ROUTE, CrewStatus.AWAITING),
    )
    assert str(refusal) == (
        "a crew that is assigned cannot become field work complete "
        "(allowed next: en route, awaiting assignment)"
    )
    assert refusal.shape.startswith("a crew that is {current}")
    assert refusal.params["current"] is CrewStatus.ASSIGNED


def test_a_hole_without_a_value_and_text_that_is_no_shape_stay_as_they_are() -> None:
    assert str(NotFound("no account {username}")) == "no account {username}"
    assert str(NotFound("a brace { alone")) == "a brace { alone"
    assert placeholders("a brace { alone") == frozenset()
    assert placeholders("outage {reference} is {status}") == {"reference", "status"}
