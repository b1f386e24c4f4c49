"""Exact customer interruption accounting: nested and overlapping outages, worked out by hand.

The fused feeder (see operation_builders): 2 head customers before REC-1, 3 in the
recloser's section outside the fuse (SECTION), 4 behind FU-1 (LATERAL), 2 on feeder F2.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from ops.errors import InvalidOperation
from ops.outages.accounting import Ledger, account, open_before
from ops.outages.customer_interruptions import InterruptionKind, classify
from tests.unit.operation_builders import (
    F2,
    FUSED_CUSTOMERS,
    HEAD,
    LATERAL,
    SECTION,
    at,
    closes,
    fused_feeder,
    minutes,
    opens,
)

RECLOSER, FUSE, BREAKER, BREAKER_F2 = 1, 2, 3, 4  # outage ids


def run(*operations, until="18:00", **kwargs):  # type: ignore[no-untyped-def]
    return account(fused_feeder(), FUSED_CUSTOMERS, operations, until=at(until), **kwargs)


def shares(accounting, customer):  # type: ignore[no-untyped-def]
    """(outage, minutes) of each share of each of the customer's interruptions."""
    return [
        [(s.outage_id, s.duration(accounting.until) / minutes(1)) for s in i.shares]
        for i in accounting.interruptions[customer]
    ]


def test_fuse_blowing_inside_a_recloser_outage_counts_nobody_twice() -> None:
    # Recloser opens 14:00, the fuse inside its section 14:30, recloser closes 15:00,
    # fuse replaced 16:00.
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        opens("14:30", "FU-1", FUSE),
        closes("15:00", "REC-1"),
        closes("16:00", "FU-1"),
    )
    for c in LATERAL:  # one interruption 14:00-16:00: 30 min the recloser's, then the fuse's
        (only,) = acc.interruptions[c]
        assert (only.start, only.end) == (at("14:00"), at("16:00"))
        assert only.duration(acc.until) == minutes(120)
        assert only.caused_by == RECLOSER
        assert shares(acc, c) == [[(RECLOSER, 30), (FUSE, 90)]]
    for c in SECTION:
        assert shares(acc, c) == [[(RECLOSER, 60)]]
    for c in (*HEAD, *F2):
        assert c not in acc.interruptions
    recloser, fuse = acc.tally(RECLOSER), acc.tally(FUSE)
    assert recloser.customer_minutes == 3 * 60 + 4 * 30 == 300
    assert fuse.customer_minutes == 4 * 90 == 360
    # Every dark minute is in exactly one outage: the sum is the customers' own sum.
    total = sum((acc.customer_time(c) for c, _ in FUSED_CUSTOMERS), timedelta(0)) / minutes(1)
    assert total == 3 * 60 + 4 * 120 == recloser.customer_minutes + fuse.customer_minutes
    # Each interruption is counted once, for the outage that began it.
    assert (recloser.customers_interrupted, fuse.customers_interrupted) == (7, 0)
    assert (recloser.customers_affected, fuse.customers_affected) == (7, 4)
    assert (recloser.customers_restored, fuse.customers_restored) == (3, 4)
    assert (recloser.customers_out, fuse.customers_out) == (0, 0)
    assert recloser.sustained == 7 and recloser.momentary == 0


def test_fuse_that_blew_first_keeps_its_lateral_when_the_recloser_opens() -> None:
    acc = run(
        opens("14:00", "FU-1", FUSE),
        opens("14:30", "REC-1", RECLOSER),
        closes("15:00", "REC-1"),
        closes("16:00", "FU-1"),
    )
    for c in LATERAL:
        assert shares(acc, c) == [[(FUSE, 120)]]
    for c in SECTION:
        assert shares(acc, c) == [[(RECLOSER, 30)]]
    assert acc.tally(FUSE).customer_minutes == 480
    assert acc.tally(RECLOSER).customer_minutes == 90
    assert acc.tally(RECLOSER).customers_interrupted == 3


def test_inner_device_closed_first_hands_its_customers_back_to_the_outer_outage() -> None:
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        opens("14:30", "FU-1", FUSE),
        closes("15:00", "FU-1"),  # fuse replaced while the recloser is still open
        closes("15:30", "REC-1"),
    )
    for c in LATERAL:
        (only,) = acc.interruptions[c]
        assert only.duration(acc.until) == minutes(90)
        assert shares(acc, c) == [[(RECLOSER, 30), (FUSE, 30), (RECLOSER, 30)]]
    assert acc.tally(RECLOSER).customer_minutes == 3 * 90 + 4 * 60
    assert acc.tally(FUSE).customer_minutes == 4 * 30
    fuse_steps = acc.tally(FUSE).steps
    assert [(s.taken_over, s.handed_over, s.restored) for s in fuse_steps] == [
        (4, 0, 0),
        (0, 4, 0),
    ]
    assert fuse_steps[-1].still_dark == ()


def test_breaker_trip_over_an_open_recloser_darkens_only_the_head() -> None:
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        opens("14:10", "CB-1", BREAKER),
        closes("14:13", "CB-1"),  # reclosed after 3 minutes: momentary for the head
        closes("15:00", "REC-1"),
    )
    for c in HEAD:
        assert shares(acc, c) == [[(BREAKER, 3)]]
    for c in (*SECTION, *LATERAL):
        assert shares(acc, c) == [[(RECLOSER, 60)]]
    breaker = acc.tally(BREAKER)
    assert (breaker.customers_interrupted, breaker.momentary, breaker.sustained) == (2, 2, 0)
    assert acc.tally(RECLOSER).customers_interrupted == 7


def test_overlapping_outages_on_two_feeders_stay_apart() -> None:
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        opens("14:30", "CB-2", BREAKER_F2),
        closes("14:45", "CB-2"),
        closes("15:00", "REC-1"),
    )
    assert acc.tally(BREAKER_F2).customer_minutes == 2 * 15
    assert acc.tally(RECLOSER).customer_minutes == 7 * 60
    assert acc.dark_at_end() == frozenset()


def test_back_fed_section_darkened_by_the_other_feeder_is_that_feeders_outage() -> None:
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        closes("14:20", "TIE-1"),  # back-feed the recloser's section from F2
        opens("14:40", "CB-2", BREAKER_F2),  # F2 trips, taking the back-fed section with it
        closes("15:00", "CB-2"),
    )
    for c in (*SECTION, *LATERAL):
        assert shares(acc, c) == [[(RECLOSER, 20)], [(BREAKER_F2, 20)]]
    assert acc.tally(RECLOSER).customers_restored == 7
    assert acc.tally(RECLOSER).customers_out == 0
    assert acc.tally(BREAKER_F2).customers_interrupted == 9
    assert acc.tally(BREAKER_F2).customer_minutes == 9 * 20


def test_when_the_back_feed_is_undone_the_section_goes_back_to_the_recloser() -> None:
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        closes("14:20", "TIE-1"),
        opens("14:40", "CB-2", BREAKER_F2),
        opens("14:50", "TIE-1"),  # back to normal, with no outage: transparent
        closes("15:00", "CB-2"),  # F2 back; the section is dark behind the open recloser
        closes("15:30", "REC-1"),
    )
    for c in (*SECTION, *LATERAL):
        assert shares(acc, c) == [[(RECLOSER, 20)], [(BREAKER_F2, 20), (RECLOSER, 30)]]
    for c in F2:
        assert shares(acc, c) == [[(BREAKER_F2, 20)]]
    assert acc.tally(None).customer_minutes == 0


@pytest.mark.parametrize(
    ("seconds", "kind"),
    [
        (4 * 60 + 59, InterruptionKind.MOMENTARY),
        (5 * 60, InterruptionKind.MOMENTARY),  # exactly 5:00 is still momentary
        (5 * 60 + 1, InterruptionKind.SUSTAINED),
    ],
)
def test_five_minute_boundary(seconds: int, kind: InterruptionKind) -> None:
    acc = run(opens("14:00", "CB-2", BREAKER_F2), closes("14:00", "CB-2", seconds=seconds))
    (interruption,) = acc.interruptions["C-F2-1"]
    assert interruption.duration(acc.until) == timedelta(seconds=seconds)
    assert interruption.kind(acc.until) is kind
    tally = acc.tally(BREAKER_F2)
    assert (tally.momentary, tally.sustained) == (
        (2, 0) if kind is InterruptionKind.MOMENTARY else (0, 2)
    )


def test_classify_and_an_ongoing_interruption() -> None:
    assert classify(minutes(5)) is InterruptionKind.MOMENTARY
    assert classify(minutes(5) + timedelta(microseconds=1)) is InterruptionKind.SUSTAINED
    assert classify(minutes(3), limit=minutes(3)) is InterruptionKind.MOMENTARY
    acc = run(opens("14:00", "CB-2", BREAKER_F2), until="14:05")
    (ongoing,) = acc.interruptions["C-F2-1"]
    assert ongoing.end is None and ongoing.kind(acc.until) is None  # not known yet
    assert ongoing.kind(at("14:06")) is InterruptionKind.SUSTAINED
    assert acc.tally(BREAKER_F2).customers_out == 2
    assert acc.dark_at_end() == frozenset(F2)


def test_steps_say_who_is_still_dark_for_the_outage() -> None:
    acc = run(
        opens("14:00", "REC-1", RECLOSER),
        opens("14:30", "FU-1", FUSE),
        closes("15:00", "REC-1"),
        closes("16:00", "FU-1"),
    )
    steps = acc.tally(RECLOSER).steps
    assert [(s.device_id, s.darkened, s.handed_over, s.restored) for s in steps] == [
        ("REC-1", 7, 0, 0),
        ("FU-1", 0, 4, 0),
        ("REC-1", 0, 0, 3),
    ]
    assert steps[0].still_dark == tuple(sorted((*SECTION, *LATERAL)))
    assert steps[1].still_dark == tuple(sorted(SECTION))
    assert steps[2].still_dark == ()
    assert [s.still_dark for s in acc.tally(FUSE).steps] == [tuple(sorted(LATERAL)), ()]


def test_window_starting_with_devices_already_open() -> None:
    acc = run(
        closes("15:00", "REC-1"),
        closes("16:00", "FU-1"),
        since=at("14:00"),
        initial_open={"REC-1": RECLOSER, "FU-1": FUSE, "TIE-1": None},
    )
    for c in LATERAL:
        (only,) = acc.interruptions[c]
        assert only.began_before and only.start == at("14:00")
        assert shares(acc, c) == [[(FUSE, 120)]]  # nearest open device on the normal path
    for c in SECTION:
        assert shares(acc, c) == [[(RECLOSER, 60)]]
    assert acc.tally(RECLOSER).steps[0].restored == 3  # the set-up itself is not a step


def test_a_customer_dark_twice_has_two_interruptions() -> None:
    acc = run(
        opens("14:00", "CB-2", BREAKER_F2),
        closes("14:02", "CB-2"),
        opens("14:10", "CB-2", BREAKER_F2 + 10),
        closes("14:30", "CB-2"),
    )
    first, second = acc.interruptions["C-F2-2"]
    assert first.kind(acc.until) is InterruptionKind.MOMENTARY
    assert second.kind(acc.until) is InterruptionKind.SUSTAINED
    assert acc.customer_time("C-F2-2") == minutes(22)


@pytest.mark.parametrize(
    ("operations", "message"),
    [
        ((opens("14:00", "REC-1", 1), opens("14:10", "REC-1", 2)), "already open"),
        ((closes("14:00", "REC-1"),), "already closed"),
        ((opens("14:00", "S-A3", 1),), "not a switching device"),
    ],
)
def test_impossible_operations_are_refused(operations, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidOperation, match=message):
        run(*operations)


def test_operations_go_forward_in_time() -> None:
    ledger = Ledger(fused_feeder(), FUSED_CUSTOMERS, since=at("14:00"))
    ledger.apply(opens("14:30", "REC-1", 1))
    with pytest.raises(InvalidOperation, match="time order"):
        ledger.apply(closes("14:10", "REC-1"))
    with pytest.raises(ValueError, match="before its last operation"):
        ledger.snapshot(at("14:20"))


def test_open_before_undoes_the_log() -> None:
    log = [opens("14:00", "REC-1", 1), closes("14:20", "TIE-1"), closes("15:00", "REC-1")]
    assert open_before({"FU-9"}, log) == {"FU-9", "TIE-1"}
    with pytest.raises(InvalidOperation, match="not open now"):
        open_before(set(), [opens("14:00", "REC-1", 1)])


def test_the_momentary_limit_comes_from_the_profile() -> None:
    ops = (opens("14:00", "CB-2", BREAKER_F2), closes("14:04", "CB-2"))
    assert run(*ops).tally(BREAKER_F2).momentary == 2
    gb_like = run(*ops, momentary_limit=minutes(3))
    assert (gb_like.tally(BREAKER_F2).momentary, gb_like.tally(BREAKER_F2).sustained) == (0, 2)


def test_an_ongoing_interruption_counts_as_sustained_once_past_the_limit() -> None:
    ledger = Ledger(fused_feeder(), FUSED_CUSTOMERS, since=at("14:00"))
    ledger.apply(opens("14:00", "CB-2", BREAKER_F2))
    assert ledger.tallies(at("14:05"))[BREAKER_F2].sustained == 0  # not known yet
    assert ledger.tallies(at("14:06"))[BREAKER_F2].sustained == 2
    assert ledger.tallies(at("14:06"))[BREAKER_F2].customer_minutes == 12
