"""The office's crews as data it keeps: add, edit and retire a crew; who is on duty now.

A crew's details are what the office decides (name, type, vehicle, home base, phone,
members, the shifts it works); its status, position and assignments are what the day does
to it, and editing the details leaves them alone. A crew with open work cannot retire; a
retired crew leaves the board and the pickers but stays in the history it worked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time

from ops.access.roles import Permission, User, require
from ops.clock import LOCAL_TZ
from ops.crews.records import Crew, CrewMember, CrewStatus, CrewType
from ops.crews.shifts import ShiftPattern
from ops.errors import InvalidOperation, NotFound
from ops.outages import editing
from ops.stores import Changes, Store

CREW_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}\Z")
PHONE = re.compile(r"\+?[0-9][0-9 .-]{5,18}[0-9]\Z")
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class CrewDetails:
    """What the office says about a crew, as typed in the Crews screen or a roster file."""

    crew_id: str
    name: str
    crew_type: CrewType
    home_base: str = ""
    vehicle: str = ""  # the plate, which the vehicle-tracking feed reports positions by
    phone: str = ""
    members: tuple[CrewMember, ...] = ()
    shifts: tuple[time, ...] = ()  # local shift starts it works; () = every shift


def checked(details: CrewDetails) -> CrewDetails:
    """The details trimmed, or InvalidOperation naming the first thing that is wrong."""
    d = replace(
        details,
        crew_id=details.crew_id.strip(),
        name=" ".join(details.name.split()),
        home_base=details.home_base.strip(),
        vehicle=details.vehicle.strip().upper(),
        phone=details.phone.strip(),
        members=tuple(
            CrewMember(" ".join(m.name.split()), m.role.strip(), m.phone.strip())
            for m in details.members
        ),
    )
    if not CREW_ID.match(d.crew_id):
        raise InvalidOperation(
            "crew id {quoted} must be 1-32 letters, digits, dots, dashes or underscores",
            quoted=repr(d.crew_id),
            crew_id=d.crew_id,
        )
    if not d.name or len(d.name) > MAX_NAME:
        raise InvalidOperation(
            "crew {crew_id} needs a name of at most {max} characters",
            crew_id=d.crew_id,
            max=MAX_NAME,
        )
    _check_phone(d.phone, d.name)
    for member in d.members:
        if not member.name:
            raise InvalidOperation("a member of {crew} has no name", crew=d.name)
        _check_phone(member.phone, member.name)
    if len(set(d.shifts)) != len(d.shifts):
        raise InvalidOperation("{crew} names the same shift twice", crew=d.name)
    return d


def _check_phone(phone: str, whose: str) -> None:
    if phone and not PHONE.match(phone):
        raise InvalidOperation(
            "the phone number {phone} of {whose} is not a phone number", phone=phone, whose=whose
        )


def shifts_in(pattern: ShiftPattern, shifts: tuple[time, ...], whose: str) -> None:
    """Refuse a shift start the control room's pattern does not have."""
    unknown = [t for t in shifts if t not in pattern.starts]
    if unknown:
        raise InvalidOperation(
            "{whose} works a shift starting {start}, which is not one of {starts}",
            whose=whose,
            start=f"{unknown[0]:%H:%M}",
            starts=tuple(f"{t:%H:%M}" for t in pattern.starts),
        )


def _unique(store: Store, d: CrewDetails) -> None:
    same = store.crews.find_by_name(d.name)
    if same is not None and same.crew_id != d.crew_id:
        raise InvalidOperation(
            "another crew is already named {name} ({crew_id})", name=d.name, crew_id=same.crew_id
        )


def add_crew(store: Store, user: User, details: CrewDetails) -> Changes:
    """A new crew of the office, awaiting work."""
    require(user, Permission.MANAGE_CREWS)
    d = checked(details)
    if store.crews.get(d.crew_id) is not None:
        raise InvalidOperation("crew id {crew_id} is already in use", crew_id=d.crew_id)
    _unique(store, d)
    store.crews.add(
        Crew(
            crew_id=d.crew_id, name=d.name, crew_type=d.crew_type, office=d.home_base,
            vehicle=d.vehicle, phone=d.phone, status=CrewStatus.AWAITING, position=None,
            position_at=None, members=d.members, shifts=d.shifts,
        )
    )  # fmt: skip
    return Changes(crews=frozenset({d.crew_id}))


def edit_crew(store: Store, user: User, details: CrewDetails, *, version: int) -> Changes:
    """New details for a crew; its status, position and assignments stay as they are."""
    require(user, Permission.MANAGE_CREWS)
    d = checked(details)
    crew = editing.crew_to_edit(store, d.crew_id, version)
    _unique(store, d)
    store.crews.update(
        replace(
            crew, name=d.name, crew_type=d.crew_type, office=d.home_base, vehicle=d.vehicle,
            phone=d.phone, members=d.members, shifts=d.shifts,
        ),
        expected_version=version,
    )  # fmt: skip
    return Changes(crews=frozenset({d.crew_id}))


def retire_crew(store: Store, user: User, *, crew_id: str, version: int) -> Changes:
    """The crew leaves the board; refused while it holds work."""
    require(user, Permission.MANAGE_CREWS)
    crew = editing.crew_to_edit(store, crew_id, version)
    if crew.retired:
        raise InvalidOperation("{crew} is retired already", crew=crew.name, crew_id=crew_id)
    if crew.outage_ids:
        raise InvalidOperation(
            "release {crew} from its outages before retiring it", crew=crew.name, crew_id=crew_id
        )
    store.crews.update(replace(crew, retired=True), expected_version=version)
    return Changes(crews=frozenset({crew_id}))


def crew_or_refuse(store: Store, crew_id: str) -> Crew:
    crew = store.crews.get(crew_id)
    if crew is None:
        raise NotFound("crew {crew_id} does not exist", crew_id=crew_id)
    return crew


def on_duty(crew: Crew, pattern: ShiftPattern, now: datetime) -> bool:
    """Whether the crew works the shift `now` falls in (a crew of no set shifts: always)."""
    if not crew.shifts:
        return True
    start = pattern.shift_at(now).start.astimezone(LOCAL_TZ).time()
    return start in crew.shifts
