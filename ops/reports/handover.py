"""The shift handover report: the shift's window; outages opened, restored and still open;
customers and customer-minutes; deadline breaches and near misses with their reasons; crews
and what they did; notices sent and failed; the shift lead's remarks; the map at report time."""

from __future__ import annotations

from datetime import datetime

from ops.reports.document import (
    Block,
    Cell,
    Facts,
    Heading,
    Image,
    Kind,
    Paragraph,
    ReportDocument,
    Table,
)
from ops.reports.facts import HandoverFacts, OutageFacts
from ops.reports.formatting import duration, local_time, number, short_time
from ops.reports.labels import outage_cause
from ops.reports.outage import DEADLINE, STATE, STATUS

TITLE = "BÁO CÁO GIAO CA ĐIỀU ĐỘ"


def handover_document(
    facts: HandoverFacts, *, company: str, office: str, printed_at: datetime
) -> ReportDocument:
    opened, restored, still = facts.opened(), facts.restored(), facts.still_open()
    minutes = sum(f.customer_minutes(facts.start, facts.end) for f in facts.outages)
    notes = facts.deadline_notes()
    sent = sum(n.count("sent") for n in facts.notices)
    failed = sum(n.count("failed") for n in facts.notices)
    window = f"Ca trực từ {local_time(facts.start)} đến {local_time(facts.end)}"
    blocks: list[Block] = [
        Facts(
            (
                ("Trưởng ca", facts.shift_lead or "–"),
                ("Độ dài ca", duration(facts.end - facts.start)),
                ("Sự cố phát sinh trong ca", number(len(opened))),
                ("Đã khôi phục trong ca", number(len(restored))),
                ("Còn mất điện khi giao ca", number(len(still))),
                ("KH còn mất điện", number(sum(f.outage.customers_out for f in still))),
                (
                    "KH bị ảnh hưởng (phát sinh trong ca)",
                    number(sum(f.outage.customers_affected for f in opened)),
                ),
                ("KH·phút mất điện trong ca", number(minutes)),
                (
                    "Quá hạn / suýt quá hạn",
                    f"{sum(n.breached for n in notes)} / {sum(not n.breached for n in notes)}",
                ),
                ("Tin nhắn đã gửi / lỗi", f"{number(sent)} / {number(failed)}"),
            )
        ),
        Heading("1. Ý kiến bàn giao của trưởng ca"),
        Paragraph(facts.remarks.strip() or "(không có)"),
        Heading("2. Sự cố còn mất điện khi giao ca"),
        _outages(still, facts, "Còn mất điện", still=True),
        Heading("3. Sự cố phát sinh trong ca"),
        _outages(opened, facts, "Phát sinh", still=False),
        Heading("4. Sự cố đã khôi phục trong ca"),
        _outages(restored, facts, "Đã khôi phục", still=False),
        Heading("5. Thời hạn quá hạn và suýt quá hạn"),
        _deadline_notes(facts),
        Heading("6. Đội công tác"),
        _crews(facts),
        Heading("7. Thông báo khách hàng"),
        _notices(facts),
    ]
    if facts.map_png:
        blocks.append(
            Image(
                f"8. Bản đồ lưới điện {facts.district} lúc {local_time(printed_at)}",
                facts.map_png,
            )
        )
    return ReportDocument(
        title=TITLE,
        subtitle=window,
        company=company,
        office=office,
        printed_at=printed_at,
        blocks=tuple(blocks),
        signatures=("Trưởng ca giao", "Trưởng ca nhận"),
    )


def _outages(items: list[OutageFacts], facts: HandoverFacts, sheet: str, still: bool) -> Table:
    """Outages of one kind; those still open at handover show who is still dark instead of
    when supply came back."""
    rows: list[tuple[Cell, ...]] = []
    for f in sorted(items, key=lambda f: f.outage.started_at):
        o = f.outage
        end = o.restored_at if o.restored_at and o.restored_at < facts.end else None
        last: Cell = o.customers_out if still else (short_time(end) if end else "chưa")
        rows.append(
            (o.reference, STATUS.get(o.status.value, o.status.value), o.device_id or "–",
             outage_cause(o.cause), short_time(o.started_at), o.customers_affected, last,
             f.customer_minutes(facts.start, facts.end))
        )  # fmt: skip
    return Table(
        "",
        ("Mã", "Trạng thái", "Thiết bị", "Nguyên nhân", "Bắt đầu", "KH ảnh hưởng",
         "KH còn mất điện" if still else "Khôi phục", "KH·phút"),
        (*(Kind.TEXT,) * 5, Kind.INTEGER, Kind.INTEGER if still else Kind.TEXT, Kind.INTEGER),
        tuple(rows),
        sheet=sheet,
        widths=(14, 12, 16, 19, 10, 9, 10, 10) if still else (13, 12, 16, 17, 10, 8, 12, 12),
    )  # fmt: skip


def _deadline_notes(facts: HandoverFacts) -> Table:
    return Table(
        "",
        ("Sự cố", "Thời hạn", "Hạn chót", "Kết quả", "Lý do"),
        (Kind.TEXT,) * 5,
        tuple(
            (
                n.reference,
                DEADLINE.get(n.deadline.kind, n.deadline.kind.value),
                local_time(n.deadline.due),
                STATE[n.deadline.state] if n.breached else f"{STATE[n.deadline.state]} (sát hạn)",
                n.reason or ("chưa ghi lý do" if n.breached else ""),
            )
            for n in facts.deadline_notes()
        ),
        sheet="Thời hạn",
        widths=(13, 17, 12, 14, 44),
    )


def _crews(facts: HandoverFacts) -> Table:
    return Table(
        "",
        ("Đội", "Sự cố", "Giao việc lúc", "Hoàn thành lúc"),
        (Kind.TEXT,) * 4,
        tuple(
            (
                c.crew_name,
                c.outage_reference,
                local_time(c.assigned_at),
                local_time(c.released_at) if c.released_at else "đang làm",
            )
            for c in sorted(facts.crews, key=lambda c: (c.crew_name, c.assigned_at))
        ),
        sheet="Đội công tác",
    )


def _notices(facts: HandoverFacts) -> Table:
    return Table(
        "",
        ("Thông báo", "Dự kiến gửi", "Trạng thái", "Đã gửi", "Lỗi"),
        (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.INTEGER),
        tuple(
            (n.kind, local_time(n.due_at), n.status, n.count("sent"), n.count("failed"))
            for n in facts.notices
        ),
        sheet="Thông báo",
    )
