"""The English names of the domain's values (the console's source language).

Keyed as `ops.wording.vi`; `tests/unit/test_wording.py` holds both to the enums.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "OutageStatus": {
        "PREDICTED": "Predicted",
        "CONFIRMED": "Confirmed",
        "PARTIALLY_RESTORED": "Partially restored",
        "RESTORED": "Restored",
        "CLOSED": "Closed",
        "CANCELLED": "Cancelled",
    },
    "OutageKind": {"UNPLANNED": "Fault", "PLANNED": "Planned"},
    "EtrSource": {
        "SYSTEM": "system estimate",
        "CREW": "crew assessment",
        "DISPATCHER": "dispatcher",
    },
    "CrewStatus": {
        "AWAITING": "Awaiting assignment",
        "ASSIGNED": "Assigned",
        "EN_ROUTE": "En route",
        "ARRIVED": "On site",
        "FIELD_COMPLETE": "Field work complete",
    },
    "CrewType": {
        "LINE": "Line repair",
        "CABLE": "Cable",
        "INSPECTION": "Inspection",
        "SUBSTATION": "Substation",
    },
    "DeadlineKind": {
        "INFORM_CUSTOMERS": "Inform customers",
        "RESTORE": "Restoration",
        "PLANNED_NOTICE": "Planned-work notice",
    },
    "DeadlineState": {
        "ON_TRACK": "On track",
        "AT_RISK": "At risk",
        "BREACHED": "Breached",
        "MET": "Met",
    },
    "Basis": {
        "LAW": "legal limit",
        "COMPANY_TARGET": "company target",
        "UNCONFIRMED": "unconfirmed rule",
    },
    "PlanStatus": {
        "DRAFT": "Draft",
        "APPROVED": "Approved",
        "IN_PROGRESS": "In progress",
        "COMPLETED": "Completed",
        "POSTPONED": "Postponed",
        "CANCELLED": "Cancelled",
    },
    "NoticeKind": {
        "INITIAL": "First notice",
        "REMINDER": "Reminder",
        "POSTPONEMENT": "Postponement",
        "CANCELLATION": "Cancellation",
        "FINISHED": "Work finished",
    },
    "NoticeState": {"SCHEDULED": "Scheduled", "SENT": "Sent", "CANCELLED": "Cancelled"},
    "ChannelKind": {
        "SMS": "SMS",
        "EMAIL": "E-mail",
        "LETTER": "Letter",
        "CSV": "Bulk sender (CSV)",
    },
    "DeviceKind": {
        "BREAKER": "Breaker",
        "RECLOSER": "Recloser",
        "SECTIONALIZER": "Sectionalizer",
        "LOAD_BREAK_SWITCH": "Load-break switch",
        "DISCONNECTOR": "Disconnector",
        "FUSE": "Fuse cutout",
    },
    "SupplyState": {
        "ENERGISED": "Energised",
        "DARK": "Off by a fault",
        "PLANNED": "Off for planned work",
    },
    "Role": {
        "DISPATCHER": "Dispatcher",
        "SHIFT_LEAD": "Shift lead",
        "CALL_TAKER": "Call taker",
        "VIEWER": "Viewer",
        "ADMINISTRATOR": "Administrator",
    },
    "Permission": {
        "VIEW": "View",
        "RECORD_OUTAGE": "Record outage",
        "CONFIRM_OUTAGE": "Confirm outage",
        "OPERATE_DEVICE": "Operate device",
        "ASSIGN_CREW": "Assign crew",
        "CHANGE_ETR": "Change ETR",
        "ADD_REMARK": "Add remark",
        "CORRECT_ENTRY": "Correct entry",
        "EXPLAIN_BREACH": "Explain breach",
        "CLOSE_OUTAGE": "Close outage",
        "CANCEL_OUTAGE": "Cancel outage",
        "APPROVE_PLAN": "Approve plan",
        "MANAGE_USERS": "Manage users",
        "MANAGE_CREWS": "Manage crews",
        "PRINT_REPORTS": "Print reports",
        "EDIT_TEMPLATES": "Edit notice templates",
    },
    "EntryKind": {
        "STATUS_CHANGE": "Status change",
        "DEVICE_OPERATION": "Device operation",
        "ETR_CHANGE": "ETR change",
        "ASSIGNMENT": "Assignment",
        "REMARK": "Remark",
        "CORRECTION": "Correction",
        "DEADLINE_BREACH_REASON": "Deadline breach reason",
    },
}
