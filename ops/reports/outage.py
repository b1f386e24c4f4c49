"""The report of one outage: what, where, when; the timeline; the steps with the customers
restored at each; crews; cause; deadlines met or breached; notices sent."""

from __future__ import annotations

from datetime import datetime

from ops.notices.schedule import NoticeKind, NoticeState
from ops.outages.deadlines import Deadline, DeadlineState
from ops.outages.journal import timeline
from ops.reports.document import Block, Facts, Heading, Kind, ReportDocument, Table
from ops.reports.facts import CrewWork, NoticeLine, OutageFacts
from ops.reports.labels import outage_cause
from ops.reports.words import Words
from ops.wording import DEFAULT_LANGUAGE
from ops.wording.journal import describe

TITLE = "BÁO CÁO SỰ CỐ MẤT ĐIỆN"


def outage_document(
    facts: OutageFacts,
    *,
    company: str,
    office: str,
    printed_at: datetime,
    language: str = DEFAULT_LANGUAGE,
) -> ReportDocument:
    w = Words(language)
    o = facts.outage
    until = o.restored_at or printed_at
    blocks: list[Block] = [
        Facts(
            (
                (w("Mã sự cố"), o.reference),
                (w("Trạng thái"), w.label(o.status)),
                (w("Loại"), w.label(o.kind)),
                (w("Nguyên nhân"), outage_cause(o.cause, w.language) or w("chưa rõ")),
                (w("Thiết bị"), o.device_id or "–"),
                (w("Xuất tuyến"), facts.feeder_name or o.feeder_id or "–"),
                (w("Bắt đầu"), w.time(o.started_at)),
                (w("Tiếp nhận"), w.time(o.reported_at)),
                (
                    w("Khôi phục"),
                    w.time(o.restored_at) if o.restored_at else w("chưa khôi phục"),
                ),
                (w("Thời gian mất điện"), w.duration(until - o.started_at)),
                (w("Khách hàng bị ảnh hưởng"), w.number(o.customers_affected)),
                (w("Còn mất điện"), w.number(o.customers_out)),
                (w("Khách hàng ưu tiên"), w.number(o.priority_customers)),
                (
                    w("KH·phút mất điện"),
                    w.number(facts.customer_minutes(o.started_at, until)),
                ),
            )
        ),
        Heading(w("1. Các bước thao tác và khôi phục")),
        _steps(w, facts),
        Heading(w("2. Thời hạn")),
        _deadlines(w, facts.deadlines, dict(facts.breach_reasons)),
        Heading(w("3. Đội công tác")),
        _crews(w, facts.crews),
        Heading(w("4. Thông báo khách hàng")),
        _notices(w, facts.notices),
        Heading(w("5. Diễn biến (nhật ký)")),
        _timeline(w, facts),
    ]
    return ReportDocument(
        title=w(TITLE),
        subtitle=f"{o.reference} · {outage_cause(o.cause, w.language) or w('chưa rõ nguyên nhân')}",
        company=company,
        office=office,
        printed_at=printed_at,
        blocks=tuple(blocks),
        signatures=(w("Điều độ viên"), w("Trưởng ca")),
        language=language,
    )


def _steps(w: Words, facts: OutageFacts) -> Table:
    rows = [
        (w.time(s.at), s.device_id, w("Cắt") if s.action == "open" else w("Đóng"),
         s.darkened, s.restored, s.still_dark, s.entered_by)
        for s in facts.steps
    ]  # fmt: skip
    recorded = sum(s.restored or 0 for s in facts.steps)
    o = facts.outage
    if o.restored_at is not None and recorded < o.customers_affected:
        rows.append(
            (w.time(o.restored_at), o.device_id or "–", w("Khôi phục"),
             None, o.customers_affected - recorded, 0, "")
        )  # fmt: skip
    return Table(
        w("Thao tác thiết bị và số khách hàng"),
        (w("Thời điểm"), w("Thiết bị"), w("Thao tác"), w("KH mất điện thêm"),
         w("KH được cấp lại"), w("KH còn mất điện"), w("Người nhập")),
        (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.TEXT),
        tuple(rows),
        sheet=w("Thao tác"),
        widths=(18, 18, 10, 13, 13, 13, 15),
    )  # fmt: skip


def _deadlines(w: Words, deadlines: tuple[Deadline, ...], reasons: dict[str, str]) -> Table:
    return Table(
        w("Thời hạn theo quy định và chỉ tiêu của công ty"),
        (w("Thời hạn"), w("Hạn chót"), w("Hoàn thành lúc"), w("Kết quả"),
         w("Lý do (nếu quá hạn)")),
        (Kind.TEXT,) * 5,
        tuple(
            (
                w.label(d.kind),
                w.time(d.due),
                w.time(d.met_at) if d.met_at else "–",
                w.label(d.state),
                reasons.get(d.kind.value, "")
                or (w("chưa ghi lý do") if d.state is DeadlineState.BREACHED else ""),
            )
            for d in deadlines
        ),
        sheet=w("Thời hạn"),
        widths=(20, 18, 18, 12, 32),
    )  # fmt: skip


def _crews(w: Words, crews: tuple[CrewWork, ...]) -> Table:
    return Table(
        "",
        (w("Đội"), w("Giao việc lúc"), w("Hoàn thành lúc"), w("Thời gian")),
        (Kind.TEXT,) * 4,
        tuple(
            (
                c.crew_name,
                w.time(c.assigned_at),
                w.time(c.released_at) if c.released_at else w("đang làm"),
                w.duration(c.released_at - c.assigned_at) if c.released_at else "",
            )
            for c in crews
        ),
        sheet=w("Đội công tác"),
    )


def _notices(w: Words, notices: tuple[NoticeLine, ...]) -> Table:
    return Table(
        "",
        (w("Thông báo"), w("Dự kiến gửi"), w("Trạng thái"), w("Đã gửi"), w("Lỗi"),
         w("Chờ gửi")),
        (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER),
        tuple(
            (
                w.code(NoticeKind, n.kind),
                w.time(n.due_at),
                w.code(NoticeState, n.status),
                n.count("sent"),
                n.count("failed"),
                n.count("pending", "due", "claimed", "retry"),
            )
            for n in notices
        ),
        sheet=w("Thông báo"),
    )  # fmt: skip


def _cause_name(code: str, language: str) -> str:
    return outage_cause(code, language)


def _timeline(w: Words, facts: OutageFacts) -> Table:
    rows = []
    for item in timeline(facts.journal):
        e = item.entry
        text = describe(e, w.language, cause_name=_cause_name) + (
            w(" (đã được đính chính)") if item.superseded else ""
        )
        rows.append((w.time(e.occurred_at), w.time(e.entered_at), e.entered_by, text))
    return Table(
        "",
        (w("Tại hiện trường"), w("Nhập lúc"), w("Người nhập"), w("Nội dung")),
        (Kind.TEXT,) * 4,
        tuple(rows),
        sheet=w("Nhật ký"),
        widths=(18, 18, 12, 52),
    )
