"""Planned interruptions for the public: an iCalendar file, and the list for the company web
page grouped by day and by ward or commune (what a customer looks up: "my commune, which
days?"), each entry in the KHU VỰC / THỜI GIAN / LÝ DO NGỪNG CUNG CẤP ĐIỆN layout.

Only approved work is published (approved, postponed to its new window, in progress); a
cancelled plan stays in the calendar as a cancelled event, so calendars that imported it
drop it, and leaves the public list.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from ops.clock import to_local
from ops.notices.area import AreaDescription, WardArea
from ops.notices.content import NoticeFacts, Sender, public_entry, window_short
from ops.notices.schedule import NoticeKind
from ops.notices.templates import NoticeTemplates
from ops.planned.records import PlannedOutage, PlanStatus

PUBLISHED = frozenset({PlanStatus.APPROVED, PlanStatus.POSTPONED, PlanStatus.IN_PROGRESS})
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def ical(
    plans: Sequence[PlannedOutage],
    areas: Mapping[int, AreaDescription],
    sender: Sender,
    now: datetime,
    *,
    domain: str = "outage-console.local",
) -> str:
    """An RFC 5545 calendar: one event per published or cancelled plan, times in UTC."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//outage-console//planned interruptions//VI",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{_text(sender.office)}",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
    ]  # fmt: skip
    for plan in sorted(plans, key=lambda p: (p.starts_at, p.reference)):
        if plan.status not in PUBLISHED and plan.status is not PlanStatus.CANCELLED:
            continue
        area = areas.get(plan.plan_id)
        where = area.text if area else plan.area_text
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_text(plan.reference)}@{domain}",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(plan.starts_at)}",
            f"DTEND:{_utc(plan.ends_at)}",
            f"SUMMARY:{_text('Tạm ngừng cấp điện: ' + (area.short if area else where))}",
            f"LOCATION:{_text(where)}",
            f"DESCRIPTION:{_text(_description(plan, where, sender))}",
            "STATUS:" + ("CANCELLED" if plan.status is PlanStatus.CANCELLED else "CONFIRMED"),
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def public_list(
    plans: Sequence[PlannedOutage],
    areas: Mapping[int, AreaDescription],
    templates: NoticeTemplates,
    sender: Sender,
    now: datetime,
    *,
    since: datetime | None = None,
) -> str:
    """The public list as one HTML page: a section per day, a heading per ward or commune,
    an entry per plan with that ward's hamlets as its KHU VỰC; work that ended before
    `since` (default: now) is left out."""
    by_day: dict[date, dict[str, list[tuple[PlannedOutage, WardArea | None]]]] = {}
    for plan in sorted(plans, key=lambda p: (p.starts_at, p.reference)):
        if plan.status not in PUBLISHED or plan.ends_at <= (since or now):
            continue
        area = areas.get(plan.plan_id)
        day = to_local(plan.starts_at).date()
        wards: Sequence[WardArea | None] = area.wards if area else (None,)
        for ward in wards:
            name = _title(ward.ward) if ward else "Khu vực khác"
            by_day.setdefault(day, {}).setdefault(name, []).append((plan, ward))
    e = html.escape
    out = [
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">',
        f"<title>Lịch tạm ngừng cung cấp điện – {e(sender.office)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
        "h2{border-bottom:2px solid #c00;padding-bottom:.2em}h3{margin-bottom:.3em}"
        ".entry{white-space:pre-line;margin:0 0 .8em 1em}</style>\n</head>\n<body>",
        f"<h1>LỊCH TẠM NGỪNG CUNG CẤP ĐIỆN – {e(sender.office.upper())}</h1>",
        f"<p>Cập nhật lúc {e(to_local(now).strftime('%H:%M ngày %d/%m/%Y'))}. "
        f"Tổng đài chăm sóc khách hàng: {e(sender.hotline)}.</p>",
    ]
    if not by_day:
        out.append("<p>Không có lịch tạm ngừng cung cấp điện theo kế hoạch.</p>")
    for day in sorted(by_day):
        out.append(f"<h2>{_WEEKDAYS[day.weekday()]}, ngày {day.strftime('%d/%m/%Y')}</h2>")
        for ward_name in sorted(by_day[day]):
            out.append(f"<h3>{e(ward_name)}</h3>")
            for plan, ward in by_day[day][ward_name]:
                entry = public_entry(_facts(plan, ward.text if ward else plan.area_text, sender),
                                     templates)  # fmt: skip
                out.append(f'<p class="entry">{e(entry.strip())}</p>')
    out.append("</body>\n</html>\n")
    return "\n".join(out)


def _facts(plan: PlannedOutage, area: str, sender: Sender) -> NoticeFacts:
    return NoticeFacts(
        NoticeKind.INITIAL, plan.plan_id, 0, plan.reference, plan.reason, _capital(area), area,
        plan.starts_at, plan.ends_at, None, None, plan.starts_at, sender,
    )  # fmt: skip


def _description(plan: PlannedOutage, where: str, sender: Sender) -> str:
    return (
        f"KHU VỰC: {where}\nTHỜI GIAN: {window_short(plan.starts_at, plan.ends_at)}\n"
        f"LÝ DO NGỪNG CUNG CẤP ĐIỆN: {plan.reason}\n{sender.office} – {plan.reference} – "
        f"tổng đài {sender.hotline}"
    )


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF + space, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _title(ward: str) -> str:
    return ward[:1].upper() + ward[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
