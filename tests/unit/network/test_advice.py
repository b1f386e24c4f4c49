"""Restoration advice: isolate a faulted segment, re-energise upstream, back-feed downstream."""

from __future__ import annotations

import pytest

from ops.network.advice import NoAdviceError, StepAction, advise
from ops.network.records import (
    AreaClass,
    DeviceKind,
    DistributionTransformer,
    Feeder,
    LineSegment,
    NetworkModel,
    SwitchingDevice,
)
from ops.network.tracing import Topology, UnknownElementError


def feeder_with_a_tie(*, breaker_open: bool) -> NetworkModel:
    """A ─[BRK]─ n1 ─S1─ n2 ─[REC]─ n3 ─S2─ n4 ─[SEC]─ n5 ─S3─ n6 ─[TIE]─ m2 ─S4─ m1 ─[BRK2]─ B

    Transformers (customers): T-UP at n2 (10), T-MID at n4 (20), T-DOWN at n6 (30), T-B at m1 (5).
    """
    p = (0.0, 0.0)

    def seg(i: str, a: str, b: str) -> LineSegment:
        return LineSegment(i, a, b, i, 22.0, (p, p))

    def sw(
        i: str, a: str, b: str, kind: DeviceKind, *, tie: bool = False, is_open: bool = False
    ) -> SwitchingDevice:
        return SwitchingDevice(i, a, b, kind, i, tie, tie or is_open, p)

    def tr(i: str, mv: str) -> DistributionTransformer:
        return DistributionTransformer(i, mv, f"{i}-LV", 250.0, i, p)

    return NetworkModel(
        feeders=(
            Feeder("FA", "A", "S", "A", 22.0, AreaClass.URBAN),
            Feeder("FB", "B", "S", "B", 22.0, AreaClass.URBAN),
        ),
        segments=(
            seg("S1", "n1", "n2"),
            seg("S2", "n3", "n4"),
            seg("S3", "n5", "n6"),
            seg("S4", "m1", "m2"),
        ),
        switches=(
            sw("BRK", "A", "n1", DeviceKind.BREAKER, is_open=breaker_open),
            sw("REC", "n2", "n3", DeviceKind.RECLOSER),
            sw("SEC", "n4", "n5", DeviceKind.SECTIONALIZER),
            sw("TIE", "n6", "m2", DeviceKind.LOAD_BREAK_SWITCH, tie=True),
            sw("BRK2", "B", "m1", DeviceKind.BREAKER),
        ),
        transformers=(tr("T-UP", "n2"), tr("T-MID", "n4"), tr("T-DOWN", "n6"), tr("T-B", "m1")),
        customer_counts={"T-UP": 10, "T-MID": 20, "T-DOWN": 30, "T-B": 5},
    )


def test_a_fault_behind_a_tripped_breaker_is_isolated_and_everyone_else_restored() -> None:
    advice = advise(Topology(feeder_with_a_tie(breaker_open=True)), "S2")
    assert advice.upstream_switch == "REC"
    assert advice.downstream_switches == ("SEC",)
    assert advice.customers_dark_now == 60
    assert [(s.action, s.device_id, s.customers_restored) for s in advice.steps] == [
        (StepAction.OPEN, "REC", 0),
        (StepAction.OPEN, "SEC", 0),
        (StepAction.CLOSE, "BRK", 10),  # upstream of the section: T-UP
        (StepAction.CLOSE, "TIE", 30),  # the healthy part below SEC, from feeder B
    ]
    assert advice.customers_in_faulted_section == 20  # T-MID waits for the repair


def test_when_the_nearest_switch_tripped_itself_it_stays_open() -> None:
    model = feeder_with_a_tie(breaker_open=False)
    model = NetworkModel(
        feeders=model.feeders, segments=model.segments, transformers=model.transformers,
        customer_counts=model.customer_counts,
        switches=tuple(
            SwitchingDevice(s.switch_id, s.from_node, s.to_node, s.kind, s.name, s.normal_open,
                            s.is_open or s.switch_id == "REC", s.position)
            for s in model.switches
        ),
    )  # fmt: skip
    advice = advise(Topology(model), "S2")
    actions = [(s.action, s.device_id) for s in advice.steps]
    assert (StepAction.OPEN, "REC") not in actions  # open already
    assert actions == [(StepAction.OPEN, "SEC"), (StepAction.CLOSE, "TIE")]


def test_bad_requests_are_refused_plainly() -> None:
    topology = Topology(feeder_with_a_tie(breaker_open=False))
    with pytest.raises(UnknownElementError):
        advise(topology, "NOPE")
    with pytest.raises(NoAdviceError, match="switching device"):
        advise(topology, "SEC")
    with pytest.raises(NoAdviceError, match="no switching device above"):
        advise(Topology(_no_switch_above()), "S1")


def _no_switch_above() -> NetworkModel:
    p = (0.0, 0.0)
    return NetworkModel(
        feeders=(Feeder("FA", "A", "S", "A", 22.0, AreaClass.URBAN),),
        segments=(LineSegment("S1", "A", "n1", "S1", 22.0, (p, p)),),
    )
