"""Display names of domain values, translated (English source, Vietnamese by default)."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from ops.crews.records import CrewStatus, CrewType
from ops.outages.deadlines import Deadline, DeadlineKind, DeadlineState
from ops.outages.records import EtrSource, OutageKind, OutageStatus
from ops.planned.records import PlanStatus
from ops.policy import Basis


def outage_status(status: OutageStatus) -> str:
    return {
        OutageStatus.PREDICTED: QCoreApplication.translate("Labels", "Predicted"),
        OutageStatus.CONFIRMED: QCoreApplication.translate("Labels", "Confirmed"),
        OutageStatus.PARTIALLY_RESTORED: QCoreApplication.translate("Labels", "Partially restored"),
        OutageStatus.RESTORED: QCoreApplication.translate("Labels", "Restored"),
        OutageStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        OutageStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[status]


def outage_kind(kind: OutageKind) -> str:
    return {
        OutageKind.UNPLANNED: QCoreApplication.translate("Labels", "Fault"),
        OutageKind.PLANNED: QCoreApplication.translate("Labels", "Planned"),
    }[kind]


def crew_status(status: CrewStatus) -> str:
    return {
        CrewStatus.AWAITING: QCoreApplication.translate("Labels", "Awaiting assignment"),
        CrewStatus.ASSIGNED: QCoreApplication.translate("Labels", "Assigned"),
        CrewStatus.EN_ROUTE: QCoreApplication.translate("Labels", "En route"),
        CrewStatus.ARRIVED: QCoreApplication.translate("Labels", "On site"),
        CrewStatus.FIELD_COMPLETE: QCoreApplication.translate("Labels", "Field work complete"),
    }[status]


def crew_type(kind: CrewType) -> str:
    return {
        CrewType.LINE: QCoreApplication.translate("Labels", "Line repair"),
        CrewType.CABLE: QCoreApplication.translate("Labels", "Cable"),
        CrewType.INSPECTION: QCoreApplication.translate("Labels", "Inspection"),
        CrewType.SUBSTATION: QCoreApplication.translate("Labels", "Substation"),
    }[kind]


def etr_source(source: EtrSource | None) -> str:
    if source is None:
        return ""
    return {
        EtrSource.SYSTEM: QCoreApplication.translate("Labels", "system estimate"),
        EtrSource.CREW: QCoreApplication.translate("Labels", "crew assessment"),
        EtrSource.DISPATCHER: QCoreApplication.translate("Labels", "dispatcher"),
    }[source]


def duration(span: timedelta) -> str:
    """Hours and minutes, e.g. 3 h 05 min; negative spans as 0."""
    minutes = max(0, int(span.total_seconds() // 60))
    return (
        QCoreApplication.translate("Labels", "%1 h %2 min")
        .replace("%1", str(minutes // 60))
        .replace("%2", f"{minutes % 60:02d}")
    )


def since(start: datetime, now: datetime) -> str:
    return duration(now - start)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally.

    Qt renders tooltip text that looks like HTML as rich text, so a customer or crew name
    such as `<img src=x>` would be interpreted; escaping and wrapping keeps it text.
    """
    body = html.escape(text).replace("\n", "<br>")
    return f"<p style='white-space:pre'>{body}</p>"


def deadline_kind(kind: DeadlineKind) -> str:
    return {
        DeadlineKind.INFORM_CUSTOMERS: QCoreApplication.translate("Labels", "Inform customers"),
        DeadlineKind.RESTORE: QCoreApplication.translate("Labels", "Restoration"),
        DeadlineKind.PLANNED_NOTICE: QCoreApplication.translate("Labels", "Planned-work notice"),
    }[kind]


def basis(value: Basis) -> str:
    return {
        Basis.LAW: QCoreApplication.translate("Labels", "legal limit"),
        Basis.COMPANY_TARGET: QCoreApplication.translate("Labels", "company target"),
        Basis.UNCONFIRMED: QCoreApplication.translate("Labels", "unconfirmed rule"),
    }[value]


def deadline_cell(d: Deadline) -> str:
    """The countdown as the table shows it."""
    if d.state is DeadlineState.MET:
        return QCoreApplication.translate("Labels", "met")
    if d.state is DeadlineState.BREACHED:
        return QCoreApplication.translate("Labels", "overdue %1").replace(
            "%1", duration(-d.time_left)
        )
    return QCoreApplication.translate("Labels", "%1 left").replace("%1", duration(d.time_left))


def deadline_breached_text(reference: str, what: str) -> str:
    return (
        QCoreApplication.translate("Labels", "%1: deadline breached – %2")
        .replace("%1", reference)
        .replace("%2", what)
    )


def deadline_at_risk_text(reference: str, what: str, left: str) -> str:
    return (
        QCoreApplication.translate("Labels", "%1: deadline at risk – %2, %3 left")
        .replace("%1", reference)
        .replace("%2", what)
        .replace("%3", left)
    )


# The notices panel's context: its status column and the refusals read the same words.
def plan_status(status: PlanStatus) -> str:
    return {
        PlanStatus.DRAFT: QCoreApplication.translate("NoticeLabels", "Draft"),
        PlanStatus.APPROVED: QCoreApplication.translate("NoticeLabels", "Approved"),
        PlanStatus.IN_PROGRESS: QCoreApplication.translate("NoticeLabels", "In progress"),
        PlanStatus.COMPLETED: QCoreApplication.translate("NoticeLabels", "Completed"),
        PlanStatus.POSTPONED: QCoreApplication.translate("NoticeLabels", "Postponed"),
        PlanStatus.CANCELLED: QCoreApplication.translate("NoticeLabels", "Cancelled"),
    }[status]
