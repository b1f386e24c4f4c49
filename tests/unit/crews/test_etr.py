"""The system ETR from cause and crew travel, and how often an ETR moved."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ops.crews.etr import count_moves, distance_km, estimate_etr, etr_moved, round_up, travel_time
from ops.crews.records import CrewStatus
from ops.outages.records import EtrConfidence, EtrSource
from ops.policy import load_profile
from tests.unit.operation_builders import at, crew_on_duty, minutes

SETTINGS = load_profile("vn-default").etr  # 30 km/h, road factor 1.4, 60 min without a crew
OUTAGE_AT = (106.60, 10.90)
# 0.1° of latitude north: 11.119 km in a straight line; × 1.4 = 15.567 km by road at 30 km/h.
CREW_AT = (106.60, 11.00)


def test_distance_and_travel() -> None:
    assert distance_km(OUTAGE_AT, CREW_AT) == pytest.approx(11.119, abs=0.001)
    assert travel_time(CREW_AT, OUTAGE_AT, SETTINGS) / minutes(1) == pytest.approx(31.13, abs=0.01)


def test_estimate_from_cause_and_the_nearest_crew() -> None:
    far = crew_on_duty("CREW-FAR", position=(106.60, 11.20))
    near = crew_on_duty("CREW-NEAR", position=CREW_AT)
    estimate = estimate_etr(
        at("14:02"),
        cause_category="vegetation",
        outage_position=OUTAGE_AT,
        crews=[far, near],
        settings=SETTINGS,
    )
    assert estimate.crew_id == "CREW-NEAR"
    assert estimate.repair == minutes(90)
    assert estimate.travel / minutes(1) == pytest.approx(31.13, abs=0.01)
    # 14:02 + 31.1 min + 90 min = 16:03.1, told to customers as 16:05
    assert estimate.etr == at("16:05")
    assert (estimate.source, estimate.confidence) == (EtrSource.SYSTEM, EtrConfidence.HIGH)


def test_a_crew_on_site_travels_no_more() -> None:
    on_site = crew_on_duty(status=CrewStatus.ARRIVED, position=None)
    estimate = estimate_etr(
        at("14:00"), cause_category="animal", outage_position=OUTAGE_AT, crews=[on_site],
        settings=SETTINGS,
    )  # fmt: skip
    assert estimate.etr == at("15:00") and estimate.travel == timedelta(0)


@pytest.mark.parametrize(
    ("cause", "crews", "position"),
    [
        ("meteorite", [crew_on_duty(position=CREW_AT)], OUTAGE_AT),  # cause not in the table
        ("vegetation", [], OUTAGE_AT),  # no crew
        ("vegetation", [crew_on_duty(position=CREW_AT)], None),  # the outage has no place
    ],
)
def test_low_confidence_without_a_known_cause_or_a_crew(cause, crews, position) -> None:  # type: ignore[no-untyped-def]
    estimate = estimate_etr(
        at("14:00"), cause_category=cause, outage_position=position, crews=crews,
        settings=SETTINGS,
    )  # fmt: skip
    assert estimate.confidence is EtrConfidence.LOW
    if not crews or position is None:
        assert estimate.travel == minutes(60) and estimate.crew_id is None


def test_rounding_up_to_five_minutes() -> None:
    assert round_up(at("16:00")) == at("16:00")
    assert round_up(at("16:00", seconds=1)) == at("16:05")


def test_counting_moves() -> None:
    assert not etr_moved(None, at("16:00"))  # the first ETR is not a move
    assert not etr_moved(at("16:00"), at("16:00"))
    assert etr_moved(at("16:00"), at("16:30"))
    assert not etr_moved(at("16:00"), at("16:04"), threshold=minutes(5))
    history = [at("16:00"), at("16:00"), at("17:00"), None, at("17:00"), at("16:30")]
    assert count_moves(history) == 2
