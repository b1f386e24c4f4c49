"""The report of one outage: what, where, when; the timeline; the steps with the customers
restored at each; crews; cause; deadlines met or breached; notices sent."""

from __future__ import annotations

from datetime import datetime

from ops.outages.deadlines import Deadline, DeadlineKind, DeadlineState
from ops.outages.journal import timeline
from ops.outages.records import OutageStatus
from ops.reports.document import Block, Facts, Heading, Kind, ReportDocument, Table
from ops.reports.facts import CrewWork, NoticeLine, OutageFacts
from ops.reports.formatting import duration, local_time, number
from ops.reports.labels import outage_cause
from ops.wording import label, labels_of
from ops.wording.journal import describe

TITLE = "BÁO CÁO SỰ CỐ MẤT ĐIỆN"
LANGUAGE = "vi"  # the reports speak Vietnamese; the names of values are ops.wording's
STATUS = {k.value: v for k, v in labels_of(OutageStatus, LANGUAGE).items()}
DEADLINE = labels_of(DeadlineKind, LANGUAGE)
STATE = labels_of(DeadlineState, LANGUAGE)
MESSAGE = {"sent": "đã gửi", "failed": "lỗi", "pending": "chờ gửi", "due": "chờ gửi"}


def outage_document(
    facts: OutageFacts, *, company: str, office: str, printed_at: datetime
) -> ReportDocument:
    o = facts.outage
    until = o.restored_at or printed_at
    kind = label(o.kind, LANGUAGE)
    blocks: list[Block] = [
        Facts(
            (
                ("Mã sự cố", o.reference),
                ("Trạng thái", STATUS.get(o.status.value, o.status.value)),
                ("Loại", kind),
                ("Nguyên nhân", outage_cause(o.cause)),
                ("Thiết bị", o.device_id or "–"),
                ("Xuất tuyến", facts.feeder_name or o.feeder_id or "–"),
                ("Bắt đầu", local_time(o.started_at)),
                ("Tiếp nhận", local_time(o.reported_at)),
                ("Khôi phục", local_time(o.restored_at) if o.restored_at else "chưa khôi phục"),
                ("Thời gian mất điện", duration(until - o.started_at)),
                ("Khách hàng bị ảnh hưởng", number(o.customers_affected)),
                ("Còn mất điện", number(o.customers_out)),
                ("Khách hàng ưu tiên", number(o.priority_customers)),
                (
                    "KH·phút mất điện",
                    number(facts.customer_minutes(o.started_at, until)),
                ),
            )
        ),
        Heading("1. Các bước thao tác và khôi phục"),
        _steps(facts),
        Heading("2. Thời hạn"),
        _deadlines(facts.deadlines, dict(facts.breach_reasons)),
        Heading("3. Đội công tác"),
        _crews(facts.crews),
        Heading("4. Thông báo khách hàng"),
        _notices(facts.notices),
        Heading("5. Diễn biến (nhật ký)"),
        _timeline(facts),
    ]
    return ReportDocument(
        title=TITLE,
        subtitle=f"{o.reference} · {outage_cause(o.cause)}",
        company=company,
        office=office,
        printed_at=printed_at,
        blocks=tuple(blocks),
        signatures=("Điều độ viên", "Trưởng ca"),
    )


def _steps(facts: OutageFacts) -> Table:
    rows = [
        (local_time(s.at), s.device_id, "Cắt" if s.action == "open" else "Đóng",
         s.darkened, s.restored, s.still_dark, s.entered_by)
        for s in facts.steps
    ]  # fmt: skip
    recorded = sum(s.restored or 0 for s in facts.steps)
    o = facts.outage
    if o.restored_at is not None and recorded < o.customers_affected:
        rows.append(
            (local_time(o.restored_at), o.device_id or "–", "Khôi phục",
             None, o.customers_affected - recorded, 0, "")
        )  # fmt: skip
    return Table(
        "Thao tác thiết bị và số khách hàng",
        ("Thời điểm", "Thiết bị", "Thao tác", "KH mất điện thêm", "KH được cấp lại",
         "KH còn mất điện", "Người nhập"),
        (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.TEXT),
        tuple(rows),
        sheet="Thao tác",
        widths=(18, 18, 10, 13, 13, 13, 15),
    )  # fmt: skip


def _deadlines(deadlines: tuple[Deadline, ...], reasons: dict[str, str]) -> Table:
    return Table(
        "Thời hạn theo quy định và chỉ tiêu của công ty",
        ("Thời hạn", "Hạn chót", "Hoàn thành lúc", "Kết quả", "Lý do (nếu quá hạn)"),
        (Kind.TEXT,) * 5,
        tuple(
            (
                DEADLINE.get(d.kind, d.kind.value),
                local_time(d.due),
                local_time(d.met_at) if d.met_at else "–",
                STATE[d.state],
                reasons.get(d.kind.value, "")
                or ("chưa ghi lý do" if d.state is DeadlineState.BREACHED else ""),
            )
            for d in deadlines
        ),
        sheet="Thời hạn",
        widths=(20, 18, 18, 12, 32),
    )


def _crews(crews: tuple[CrewWork, ...]) -> Table:
    return Table(
        "",
        ("Đội", "Giao việc lúc", "Hoàn thành lúc", "Thời gian"),
        (Kind.TEXT,) * 4,
        tuple(
            (
                c.crew_name,
                local_time(c.assigned_at),
                local_time(c.released_at) if c.released_at else "đang làm",
                duration(c.released_at - c.assigned_at) if c.released_at else "",
            )
            for c in crews
        ),
        sheet="Đội công tác",
    )


def _notices(notices: tuple[NoticeLine, ...]) -> Table:
    return Table(
        "",
        ("Thông báo", "Dự kiến gửi", "Trạng thái", "Đã gửi", "Lỗi", "Chờ gửi"),
        (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER),
        tuple(
            (
                n.kind,
                local_time(n.due_at),
                n.status,
                n.count("sent"),
                n.count("failed"),
                n.count("pending", "due", "claimed", "retry"),
            )
            for n in notices
        ),
        sheet="Thông báo",
    )


def _cause_name(code: str, language: str) -> str:
    return outage_cause(code)


def _timeline(facts: OutageFacts) -> Table:
    rows = []
    for item in timeline(facts.journal):
        e = item.entry
        text = describe(e, LANGUAGE, cause_name=_cause_name) + (
            " (đã được đính chính)" if item.superseded else ""
        )
        rows.append((local_time(e.occurred_at), local_time(e.entered_at), e.entered_by, text))
    return Table(
        "",
        ("Tại hiện trường", "Nhập lúc", "Người nhập", "Nội dung"),
        (Kind.TEXT,) * 4,
        tuple(rows),
        sheet="Nhật ký",
        widths=(18, 18, 12, 52),
    )
