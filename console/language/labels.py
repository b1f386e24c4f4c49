"""Display names of domain values in the interface language (the names themselves are in
`ops.wording`, shared with the map and the reports), and the console's time phrases."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from console.language.translators import interface_language
from ops.causes import BUILTIN_CAUSES, CauseCatalogue, cause_text
from ops.crews.records import CrewStatus, CrewType
from ops.outages.deadlines import Deadline, DeadlineKind, DeadlineState
from ops.outages.records import EtrSource, Outage, OutageKind, OutageStatus
from ops.planned.records import PlanStatus
from ops.policy import Basis
from ops.wording import label


def outage_status(status: OutageStatus) -> str:
    return label(status, interface_language())


def outage_cause(outage: Outage, causes: CauseCatalogue = BUILTIN_CAUSES) -> str:
    """The outage's cause category by name; a free text from before the list as unclassified."""
    return cause_text(
        outage.cause, causes, interface_language(), planned=outage.kind is OutageKind.PLANNED
    )


def cause_name(causes: CauseCatalogue) -> Callable[[str, str], str]:
    """Names a cause code in a journal line (`ops.wording.journal.describe`)."""
    return lambda code, language: cause_text(code, causes, language)


def outage_kind(kind: OutageKind) -> str:
    return label(kind, interface_language())


def crew_status(status: CrewStatus) -> str:
    return label(status, interface_language())


def crew_type(kind: CrewType) -> str:
    return label(kind, interface_language())


def etr_source(source: EtrSource | None) -> str:
    return "" if source is None else label(source, interface_language())


def duration(span: timedelta) -> str:
    """Hours and minutes, e.g. 3 h 05 min; negative spans as 0."""
    minutes = max(0, int(span.total_seconds() // 60))
    return (
        QCoreApplication.translate("Labels", "%1 h %2 min")
        .replace("%1", str(minutes // 60))
        .replace("%2", f"{minutes % 60:02d}")
    )


def number(n: int) -> str:
    """A count with the interface language's thousands separator: 6.104, in English 6,104."""
    text = f"{n:,}"
    return text if interface_language() == "en" else text.replace(",", ".")


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
    return label(kind, interface_language())


def basis(value: Basis) -> str:
    return label(value, interface_language())


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


def plan_status(status: PlanStatus) -> str:
    return label(status, interface_language())
