"""The shift handover report: the shift's window; outages opened, restored and still open;
customers and customer-minutes; deadline breaches and near misses with their reasons; crews
and what they did; notices sent and failed; the shift lead's remarks; the map at report time."""

from __future__ import annotations

from datetime import datetime

from ops.notices.schedule import NoticeKind, NoticeState
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
from ops.reports.labels import outage_cause
from ops.reports.words import Words
from ops.wording import DEFAULT_LANGUAGE

TITLE = "BÁO CÁO GIAO CA ĐIỀU ĐỘ"


def handover_document(
    facts: HandoverFacts,
    *,
    company: str,
    office: str,
    printed_at: datetime,
    language: str = DEFAULT_LANGUAGE,
) -> ReportDocument:
    w = Words(language)
    opened, restored, still = facts.opened(), facts.restored(), facts.still_open()
    minutes = sum(f.customer_minutes(facts.start, facts.end) for f in facts.outages)
    notes = facts.deadline_notes()
    sent = sum(n.count("sent") for n in facts.notices)
    failed = sum(n.count("failed") for n in facts.notices)
    window = w("Ca trực từ {start} đến {end}", start=w.time(facts.start), end=w.time(facts.end))
    blocks: list[Block] = [
        Facts(
            (
                (w("Trưởng ca"), facts.shift_lead or "–"),
                (w("Độ dài ca"), w.duration(facts.end - facts.start)),
                (w("Sự cố phát sinh trong ca"), w.number(len(opened))),
                (w("Đã khôi phục trong ca"), w.number(len(restored))),
                (w("Còn mất điện khi giao ca"), w.number(len(still))),
                (w("KH còn mất điện"), w.number(sum(f.outage.customers_out for f in still))),
                (
                    w("KH bị ảnh hưởng (phát sinh trong ca)"),
                    w.number(sum(f.outage.customers_affected for f in opened)),
                ),
                (w("KH·phút mất điện trong ca"), w.number(minutes)),
                (
                    w("Quá hạn / suýt quá hạn"),
                    f"{sum(n.breached for n in notes)} / {sum(not n.breached for n in notes)}",
                ),
                (w("Tin nhắn đã gửi / lỗi"), f"{w.number(sent)} / {w.number(failed)}"),
            )
        ),
        Heading(w("1. Ý kiến bàn giao của trưởng ca")),
        Paragraph(facts.remarks.strip() or w("(không có)")),
        Heading(w("2. Sự cố còn mất điện khi giao ca")),
        _outages(w, still, facts, w("Còn mất điện"), still=True),
        Heading(w("3. Sự cố phát sinh trong ca")),
        _outages(w, opened, facts, w("Phát sinh"), still=False),
        Heading(w("4. Sự cố đã khôi phục trong ca")),
        _outages(w, restored, facts, w("Đã khôi phục"), still=False),
        Heading(w("5. Thời hạn quá hạn và suýt quá hạn")),
        _deadline_notes(w, facts),
        Heading(w("6. Đội công tác")),
        _crews(w, facts),
        Heading(w("7. Thông báo khách hàng")),
        _notices(w, facts),
    ]
    if facts.map_png:
        blocks.append(
            Image(
                w(
                    "8. Bản đồ lưới điện {district} lúc {at}",
                    district=facts.district,
                    at=w.time(printed_at),
                ),
                facts.map_png,
            )
        )
    return ReportDocument(
        title=w(TITLE),
        subtitle=window,
        company=company,
        office=office,
        printed_at=printed_at,
        blocks=tuple(blocks),
        signatures=(w("Trưởng ca giao"), w("Trưởng ca nhận")),
        language=language,
    )


def _outages(
    w: Words, items: list[OutageFacts], facts: HandoverFacts, sheet: str, still: bool
) -> Table:
    """Outages of one kind; those still open at handover show who is still dark instead of
    when supply came back."""
    rows: list[tuple[Cell, ...]] = []
    for f in sorted(items, key=lambda f: f.outage.started_at):
        o = f.outage
        end = o.restored_at if o.restored_at and o.restored_at < facts.end else None
        last: Cell = o.customers_out if still else (w.short_time(end) if end else w("chưa"))
        rows.append(
            (o.reference, w.label(o.status), o.device_id or "–",
             outage_cause(o.cause, w.language) or w("chưa rõ"), w.short_time(o.started_at),
             o.customers_affected, last,
             f.customer_minutes(facts.start, facts.end))
        )  # fmt: skip
    return Table(
        "",
        (w("Mã"), w("Trạng thái"), w("Thiết bị"), w("Nguyên nhân"), w("Bắt đầu"),
         w("KH ảnh hưởng"), w("KH còn mất điện") if still else w("Khôi phục"), w("KH·phút")),
        (*(Kind.TEXT,) * 5, Kind.INTEGER, Kind.INTEGER if still else Kind.TEXT, Kind.INTEGER),
        tuple(rows),
        sheet=sheet,
        widths=(14, 12, 16, 19, 10, 9, 10, 10) if still else (13, 12, 16, 17, 10, 8, 12, 12),
    )  # fmt: skip


def _deadline_notes(w: Words, facts: HandoverFacts) -> Table:
    return Table(
        "",
        (w("Sự cố"), w("Thời hạn"), w("Hạn chót"), w("Kết quả"), w("Lý do")),
        (Kind.TEXT,) * 5,
        tuple(
            (
                n.reference,
                w.label(n.deadline.kind),
                w.time(n.deadline.due),
                w.label(n.deadline.state)
                if n.breached
                else w("{state} (sát hạn)", state=w.label(n.deadline.state)),
                n.reason or (w("chưa ghi lý do") if n.breached else ""),
            )
            for n in facts.deadline_notes()
        ),
        sheet=w("Thời hạn"),
        widths=(13, 17, 12, 14, 44),
    )


def _crews(w: Words, facts: HandoverFacts) -> Table:
    return Table(
        "",
        (w("Đội"), w("Sự cố"), w("Giao việc lúc"), w("Hoàn thành lúc")),
        (Kind.TEXT,) * 4,
        tuple(
            (
                c.crew_name,
                c.outage_reference,
                w.time(c.assigned_at),
                w.time(c.released_at) if c.released_at else w("đang làm"),
            )
            for c in sorted(facts.crews, key=lambda c: (c.crew_name, c.assigned_at))
        ),
        sheet=w("Đội công tác"),
    )


def _notices(w: Words, facts: HandoverFacts) -> Table:
    return Table(
        "",
        (w("Thông báo"), w("Dự kiến gửi"), w("Trạng thái"), w("Đã gửi"), w("Lỗi")),
        (Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.INTEGER),
        tuple(
            (
                w.code(NoticeKind, n.kind),
                w.time(n.due_at),
                w.code(NoticeState, n.status),
                n.count("sent"),
                n.count("failed"),
            )
            for n in facts.notices
        ),
        sheet=w("Thông báo"),
    )
