"""Which outage and crew statuses may follow which, and what closing and cancelling need."""

from __future__ import annotations

import pytest

from ops.crews.records import CrewStatus as C
from ops.errors import InvalidTransition
from ops.outages.lifecycle import (
    CREW_TRANSITIONS,
    OUTAGE_TRANSITIONS,
    can_become,
    check_crew_transition,
    check_transition,
    status_after_restoration_step,
)
from ops.outages.records import OutageStatus as S
from ops.wording import label

ALLOWED = [
    (S.PREDICTED, S.CONFIRMED),
    (S.PREDICTED, S.CANCELLED),
    (S.CONFIRMED, S.PARTIALLY_RESTORED),
    (S.CONFIRMED, S.RESTORED),
    (S.CONFIRMED, S.CANCELLED),
    (S.PARTIALLY_RESTORED, S.RESTORED),
    (S.RESTORED, S.CLOSED),
    (S.RESTORED, S.PARTIALLY_RESTORED),  # dark again before it was closed
    (S.RESTORED, S.CANCELLED),  # a false alarm found after the devices were closed again
]


def test_the_allowed_transitions_are_exactly_these() -> None:
    every = {(a, b) for a, nxt in OUTAGE_TRANSITIONS.items() for b in nxt}
    assert every == set(ALLOWED)
    assert set(OUTAGE_TRANSITIONS) == set(S)


@pytest.mark.parametrize(("current", "new"), ALLOWED)
def test_allowed(current: S, new: S) -> None:
    check_transition(current, new, cause="vegetation", reason="false alarm")
    assert can_become(current, new)


@pytest.mark.parametrize(
    ("current", "new"),
    [(a, b) for a in S for b in S if (a, b) not in ALLOWED],
)
def test_forbidden(current: S, new: S) -> None:
    with pytest.raises(InvalidTransition) as refused:
        check_transition(current, new, cause="vegetation", reason="false alarm")
    assert (refused.value.params["current"], refused.value.params["new"]) == (current, new)
    assert f"cannot become {label(new, 'en').lower()}" in str(refused.value)


def test_closed_and_cancelled_are_final() -> None:
    assert not OUTAGE_TRANSITIONS[S.CLOSED] and not OUTAGE_TRANSITIONS[S.CANCELLED]


@pytest.mark.parametrize("cause", [None, "", "   "])
def test_closing_needs_a_cause(cause: str | None) -> None:
    with pytest.raises(InvalidTransition, match="only with its cause"):
        check_transition(S.RESTORED, S.CLOSED, cause=cause)


def test_cancelling_needs_a_reason() -> None:
    with pytest.raises(InvalidTransition, match="needs a reason"):
        check_transition(S.CONFIRMED, S.CANCELLED, reason=" ")


@pytest.mark.parametrize(
    ("current", "affected", "out", "restored", "expected"),
    [
        (S.CONFIRMED, 10, 10, 0, S.CONFIRMED),
        (S.CONFIRMED, 10, 4, 6, S.PARTIALLY_RESTORED),
        (S.CONFIRMED, 10, 4, 0, S.CONFIRMED),  # 6 handed to a nested outage, none back
        (S.CONFIRMED, 10, 0, 10, S.RESTORED),
        (S.PARTIALLY_RESTORED, 10, 0, 10, S.RESTORED),
        (S.PARTIALLY_RESTORED, 10, 10, 4, S.PARTIALLY_RESTORED),
        (S.RESTORED, 10, 3, 10, S.PARTIALLY_RESTORED),
        (S.RESTORED, 10, 10, 10, S.PARTIALLY_RESTORED),
        (S.PREDICTED, 10, 0, 0, S.PREDICTED),
        (S.CLOSED, 10, 5, 5, S.CLOSED),
        (S.CONFIRMED, 0, 0, 0, S.CONFIRMED),  # nothing dark yet: nothing restored either
    ],
)
def test_status_after_a_restoration_step(
    current: S, affected: int, out: int, restored: int, expected: S
) -> None:
    found = status_after_restoration_step(current, affected=affected, out=out, restored=restored)
    assert found is expected


def test_crew_cycle() -> None:
    for a, b in [
        (C.AWAITING, C.ASSIGNED),
        (C.ASSIGNED, C.EN_ROUTE),
        (C.EN_ROUTE, C.ARRIVED),
        (C.ARRIVED, C.FIELD_COMPLETE),
        (C.FIELD_COMPLETE, C.AWAITING),
        (C.EN_ROUTE, C.AWAITING),  # called off
    ]:
        check_crew_transition(a, b)
    for a, b in [(C.AWAITING, C.ARRIVED), (C.ASSIGNED, C.FIELD_COMPLETE), (C.ARRIVED, C.EN_ROUTE)]:
        with pytest.raises(InvalidTransition):
            check_crew_transition(a, b)
    assert set(CREW_TRANSITIONS) == set(C)
