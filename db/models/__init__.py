"""SQLAlchemy models. Private to `db`: nothing outside this package sees an ORM object."""

from db.models.base import Base
from db.models.changes import ChangeLogRow
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
from db.models.notices import ComplianceExceptionRow, NoticeRow, OutboxMessageRow
from db.models.operations import (
    CrewAssignmentRow,
    CrewMemberRow,
    CrewRow,
    OutageEventRow,
    OutageRow,
    PlannedOutageRow,
    ReferenceCounterRow,
    SwitchingOperationRow,
    SwitchingStepRow,
)
from db.models.people import AuditRow, UserRow
from db.models.reliability import CustomerSnapshotRow, HistoricalInterruptionRow
from db.models.site import SiteSettingRow

__all__ = [
    "AuditRow",
    "Base",
    "ChangeLogRow",
    "ComplianceExceptionRow",
    "CrewAssignmentRow",
    "CrewMemberRow",
    "CrewRow",
    "CustomerRow",
    "CustomerSnapshotRow",
    "FeederRow",
    "HistoricalInterruptionRow",
    "LineSegmentRow",
    "NetworkImportRow",
    "NodeRow",
    "NoticeRow",
    "OutageEventRow",
    "OutageRow",
    "OutboxMessageRow",
    "PlannedOutageRow",
    "ReferenceCounterRow",
    "SiteSettingRow",
    "SubstationRow",
    "SwitchingDeviceRow",
    "SwitchingOperationRow",
    "SwitchingStepRow",
    "TransformerRow",
    "UserRow",
]
