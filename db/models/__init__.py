"""SQLAlchemy models. Private to `db`: nothing outside this package sees an ORM object."""

from db.models.base import Base
from db.models.network import (
    CustomerRow,
    FeederRow,
    LineSegmentRow,
    NetworkImportRow,
    NodeRow,
    SubstationRow,
    SwitchingDeviceRow,
    TransformerRow,
)
from db.models.notices import NoticeRow, OutboxMessageRow
from db.models.operations import (
    CrewAssignmentRow,
    CrewMemberRow,
    CrewRow,
    OutageEventRow,
    OutageRow,
    PlannedOutageRow,
    SwitchingStepRow,
)
from db.models.people import AuditRow, UserRow
from db.models.site import SiteSettingRow

__all__ = [
    "AuditRow",
    "Base",
    "CrewAssignmentRow",
    "CrewMemberRow",
    "CrewRow",
    "CustomerRow",
    "FeederRow",
    "LineSegmentRow",
    "NetworkImportRow",
    "NodeRow",
    "NoticeRow",
    "OutageEventRow",
    "OutageRow",
    "OutboxMessageRow",
    "PlannedOutageRow",
    "SiteSettingRow",
    "SubstationRow",
    "SwitchingDeviceRow",
    "SwitchingStepRow",
    "TransformerRow",
    "UserRow",
]
