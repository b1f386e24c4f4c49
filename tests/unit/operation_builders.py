"""Test data for outage operations: a feeder with a fused lateral, switching in a few words.

`fused_feeder()` is small enough to work customer-minutes out by hand:

    F1-SRC ─[CB-1]─ A0 ── A1 ─[REC-1]─ A2 ── A3 ─[FU-1]─ A4 ── A5
                         (2)           (1)   (2)  └── A6   (1)   (3)
                                                       └─[TIE-1, normally open]─ B2
    F2-SRC ─[CB-2]─ B0 ── B1 ── B2
                         (1)   (1)

(n) = customers at the node: 2 at the head, 3 in the recloser's section outside the fuse,
4 behind the fuse, 2 on feeder F2. Closing TIE-1 back-feeds A6 (and through A3, the rest of
the recloser's section) from F2.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from ops.access.roles import Role, User
from ops.clock import LOCAL_TZ, FixedClock
from ops.crews.records import Crew, CrewStatus
from ops.network.records import (
    AreaClass,
    DeviceKind,
    Feeder,
    LineSegment,
    NetworkModel,
    Node,
    SwitchingDevice,
)
from ops.outages.customer_interruptions import DeviceOperation
from ops.planned.records import SwitchAction
from ops.stores import SupplyPoint
from tests.unit.builders import a_crew
from tests.unit.memory_store import MemoryNetwork, MemoryStore

DAY = date(2026, 6, 1)

HEAD = ("C-HEAD-1", "C-HEAD-2")
SECTION = ("C-SEC-1", "C-SEC-2", "C-SEC-3")
LATERAL = ("C-LAT-1", "C-LAT-2", "C-LAT-3", "C-LAT-4")
F2 = ("C-F2-1", "C-F2-2")

FUSED_CUSTOMERS: tuple[tuple[str, str], ...] = (
    ("C-HEAD-1", "A1"),
    ("C-HEAD-2", "A1"),
    ("C-SEC-1", "A2"),
    ("C-SEC-2", "A3"),
    ("C-SEC-3", "A3"),
    ("C-LAT-1", "A4"),
    ("C-LAT-2", "A5"),
    ("C-LAT-3", "A5"),
    ("C-LAT-4", "A5"),
    ("C-F2-1", "B1"),
    ("C-F2-2", "B2"),
)


def fused_feeder() -> NetworkModel:
    """Two feeders: F1 with a recloser and a fused lateral, F2 joined to F1 by a tie."""
    nodes = ("F1-SRC", "A0", "A1", "A2", "A3", "A4", "A5", "A6", "F2-SRC", "B0", "B1", "B2")
    position = {n: (106.6 + 0.001 * i, 10.9) for i, n in enumerate(nodes)}

    def seg(segment_id: str, a: str, b: str, feeder: str) -> LineSegment:
        return LineSegment(segment_id, a, b, segment_id, 22.0, (position[a], position[b]), feeder)

    def switch(
        switch_id: str, a: str, b: str, kind: DeviceKind, *, normal_open: bool = False
    ) -> SwitchingDevice:
        return SwitchingDevice(
            switch_id, a, b, kind, switch_id, normal_open, normal_open, position[a], "F1"
        )

    return NetworkModel(
        feeders=(
            Feeder("F1", "Xuất tuyến 471", "S1", "F1-SRC", 22.0, AreaClass.URBAN),
            Feeder("F2", "Xuất tuyến 473", "S1", "F2-SRC", 22.0, AreaClass.RURAL),
        ),
        nodes=tuple(Node(n, p) for n, p in position.items()),
        segments=(
            seg("S-A1", "A0", "A1", "F1"),
            seg("S-A3", "A2", "A3", "F1"),
            seg("S-A5", "A4", "A5", "F1"),
            seg("S-A6", "A3", "A6", "F1"),
            seg("S-B1", "B0", "B1", "F2"),
            seg("S-B2", "B1", "B2", "F2"),
        ),
        switches=(
            switch("CB-1", "F1-SRC", "A0", DeviceKind.BREAKER),
            switch("REC-1", "A1", "A2", DeviceKind.RECLOSER),
            switch("FU-1", "A3", "A4", DeviceKind.FUSE),
            switch("TIE-1", "A6", "B2", DeviceKind.LOAD_BREAK_SWITCH, normal_open=True),
            switch("CB-2", "F2-SRC", "B0", DeviceKind.BREAKER),
        ),
    )


def at(hhmm: str, day: date = DAY, *, seconds: int = 0) -> datetime:
    """A local (Asia/Ho_Chi_Minh) wall-clock time on `day`, as aware UTC."""
    hours, minutes = (int(x) for x in hhmm.split(":"))
    local = datetime(day.year, day.month, day.day, hours, minutes, tzinfo=LOCAL_TZ)
    return (local + timedelta(seconds=seconds)).astimezone(UTC)


def opens(
    hhmm: str, device: str, outage: int | None = None, *, seconds: int = 0
) -> DeviceOperation:
    return DeviceOperation(at(hhmm, seconds=seconds), device, SwitchAction.OPEN, outage)


def closes(hhmm: str, device: str, *, seconds: int = 0) -> DeviceOperation:
    return DeviceOperation(at(hhmm, seconds=seconds), device, SwitchAction.CLOSE)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def a_user(role: Role = Role.DISPATCHER, username: str = "dv.an") -> User:
    return User(username, f"{role.value} {username}", role)


def supply_points(priority: frozenset[str] = frozenset({"C-LAT-2"})) -> tuple[SupplyPoint, ...]:
    """The fused feeder's customers; C-LAT-2 (behind the fuse) is a priority customer."""
    return tuple(SupplyPoint(c, n, c in priority) for c, n in FUSED_CUSTOMERS)


def a_store() -> MemoryStore:
    """An empty store on the fused feeder in its normal state."""
    return MemoryStore(MemoryNetwork(fused_feeder(), supply_points()))


def clock_at(hhmm: str, day: date = DAY) -> FixedClock:
    return FixedClock(at(hhmm, day))


def crew_on_duty(crew_id: str = "CREW-1", **overrides: object) -> Crew:
    """A line crew waiting for work near the feeder; override any field by name."""
    fields: dict[str, object] = {
        "crew_id": crew_id,
        "status": CrewStatus.AWAITING,
        "outage_ids": (),
        "position": (106.60, 10.95),
    }
    fields.update(overrides)
    return a_crew(**fields)
