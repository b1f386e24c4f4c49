"""What a notice says: its facts, and the SMS, e-mail and public-list texts made from them.

Times are written the Vietnamese way in local time ("Từ 07:00 ngày 12/06/2026 đến 11:30 ngày
12/06/2026"); the SMS form is compact and ASCII ("07:00-11:30 12/06/2026").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ops.clock import to_local
from ops.notices.area import AreaDescription
from ops.notices.recipients import Recipient
from ops.notices.schedule import NoticeEvent, NoticeKind
from ops.notices.sms import plain_sms_text
from ops.notices.templates import NoticeTemplates
from ops.planned.records import PlannedOutage


@dataclass(frozen=True, slots=True)
class Sender:
    """Who the notices come from."""

    company: str = "Tổng công ty Điện lực miền Nam"
    office: str = "Điện lực Cao Lãnh"
    hotline: str = "19001006"
    place: str = "Cao Lãnh"  # "Cao Lãnh, ngày 05 tháng 06 năm 2026"
    signatory: str = "GIÁM ĐỐC"  # the signature block's title on a letter


@dataclass(frozen=True, slots=True)
class NoticeFacts:
    """Everything one notice tells, whoever it goes to."""

    kind: NoticeKind
    plan_id: int
    sequence: int
    reference: str
    reason: str
    area: str
    area_short: str
    starts_at: datetime
    ends_at: datetime  # for "finished": when supply came back
    previous_starts_at: datetime | None
    previous_ends_at: datetime | None
    issued_at: datetime
    sender: Sender


@dataclass(frozen=True, slots=True)
class EmailText:
    subject: str
    body: str


def notice_facts(
    plan: PlannedOutage,
    notice: NoticeEvent,
    area: AreaDescription | None,
    sender: Sender,
    issued_at: datetime,
) -> NoticeFacts:
    """The facts of one notice; the area from the call-ahead list, else the plan's own text."""
    return NoticeFacts(
        notice.kind,
        plan.plan_id,
        notice.sequence,
        plan.reference,
        plan.reason,
        area.text if area else plan.area_text,
        area.short if area else plan.area_text,
        notice.starts_at,
        notice.ends_at,
        notice.previous_starts_at,
        notice.previous_ends_at,
        issued_at,
        sender,
    )


def window_text(starts_at: datetime, ends_at: datetime) -> str:
    """ "Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026"."""
    return f"Từ {_hm(starts_at)} ngày {_dmy(starts_at)} đến {_hm(ends_at)} ngày {_dmy(ends_at)}"


def window_short(starts_at: datetime, ends_at: datetime) -> str:
    """ "07:00-11:30 12/06/2026", "22:00 12/06-04:00 13/06/2026" across midnight."""
    start, end = to_local(starts_at), to_local(ends_at)
    if start.date() == end.date():
        return f"{_hm(start)}-{_hm(end)} {_dmy(start)}"
    first = start.strftime("%d/%m") if start.year == end.year else _dmy(start)
    return f"{_hm(start)} {first}-{_hm(end)} {_dmy(end)}"


def template_values(facts: NoticeFacts, recipient: Recipient | None = None) -> dict[str, str]:
    """The value of every placeholder for this notice (and customer, if any)."""
    values = dict(_notice_values(facts))
    values["ma_khach_hang"] = recipient.customer_id if recipient else ""
    values["ten_khach_hang"] = recipient.name if recipient else ""
    return values


@lru_cache(maxsize=32)
def _notice_values(facts: NoticeFacts) -> dict[str, str]:
    """The values that are the same for every customer: worked out once per notice."""
    values = {
        "cong_ty": facts.sender.company,
        "don_vi": facts.sender.office,
        "tong_dai": facts.sender.hotline,
        "ma_ke_hoach": facts.reference,
        "khu_vuc": facts.area,
        "khu_vuc_ngan": facts.area_short,
        "ly_do": facts.reason,
        "tu_gio": _hm(facts.starts_at),
        "tu_ngay": _dmy(facts.starts_at),
        "den_gio": _hm(facts.ends_at),
        "den_ngay": _dmy(facts.ends_at),
        "thoi_gian": window_text(facts.starts_at, facts.ends_at),
        "thoi_gian_ngan": window_short(facts.starts_at, facts.ends_at),
        "ngay_thong_bao": _dmy(facts.issued_at),
        "gio_co_dien": _hm(facts.ends_at),
        "ngay_co_dien": _dmy(facts.ends_at),
    }
    old_start, old_end = facts.previous_starts_at, facts.previous_ends_at
    if old_start is not None and old_end is not None:
        values |= {
            "thoi_gian_cu": window_text(old_start, old_end),
            "thoi_gian_cu_ngan": window_short(old_start, old_end),
            "tu_gio_cu": _hm(old_start),
            "tu_ngay_cu": _dmy(old_start),
            "den_gio_cu": _hm(old_end),
            "den_ngay_cu": _dmy(old_end),
        }
    return values


def compose_sms(
    facts: NoticeFacts,
    templates: NoticeTemplates,
    recipient: Recipient | None = None,
    *,
    plain: bool = False,
) -> str:
    """The SMS text; `plain` drops the diacritics (GSM-7: 160 characters an SMS, not 70)."""
    text = templates[facts.kind].sms.render(template_values(facts, recipient))
    return plain_sms_text(text) if plain else text


def compose_email(
    facts: NoticeFacts, templates: NoticeTemplates, recipient: Recipient | None = None
) -> EmailText:
    values = template_values(facts, recipient)
    kind = templates[facts.kind]
    # A header is one line, whatever the values hold.
    subject = " ".join(kind.email_subject.render(values).split())
    return EmailText(subject, kind.email_body.render(values))


def public_entry(facts: NoticeFacts, templates: NoticeTemplates) -> str:
    """One entry of the public list (KHU VỰC / THỜI GIAN / LÝ DO NGỪNG CUNG CẤP ĐIỆN)."""
    return templates.public_entry.render(template_values(facts))


def _hm(at: datetime) -> str:
    return to_local(at).strftime("%H:%M")


def _dmy(at: datetime) -> str:
    return to_local(at).strftime("%d/%m/%Y")
