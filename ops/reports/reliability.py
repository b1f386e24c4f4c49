"""The reliability report as a document: headline indices (and which method), fault and
planned parts, with and without Major Event Days, months, feeders, causes, exclusions, charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from ops.reliability import MedStatus, ReliabilityReport, VnReport
from ops.reliability.breakdowns import BreakdownRow
from ops.reliability.selection import ExcludedGroup
from ops.reports.charts import bar_chart, line_chart
from ops.reports.document import (
    Block,
    Cell,
    Chart,
    Facts,
    Heading,
    Kind,
    Paragraph,
    ReportDocument,
    Table,
)
from ops.reports.formatting import number
from ops.reports.labels import cause

TITLE = "BÁO CÁO ĐỘ TIN CẬY CUNG CẤP ĐIỆN"
METHOD_VN = (
    "Phương pháp: Thông tư 05/2025/TT-BCT, Điều 15 – chỉ số tính theo từng tháng với số khách "
    "hàng của tháng đó (K_t); chỉ số của kỳ là tổng các tháng. Mất điện kéo dài trên 5 phút; "
    "thoáng qua từ 5 phút trở xuống."
)
METHOD_IEEE = (
    "Phương pháp: IEEE Std 1366 – chỉ số của cả kỳ với một số khách hàng N_T; ngày sự kiện lớn "
    "(MED) theo phương pháp 2,5β. Mất điện kéo dài trên 5 phút; thoáng qua từ 5 phút trở xuống."
)
_IDX = Kind.INDEX


def reliability_document(
    report: ReliabilityReport,
    *,
    company: str,
    office: str,
    printed_at: datetime,
    feeder_trend: Mapping[str, Sequence[float]] | None = None,
) -> ReportDocument:
    """`feeder_trend` ({feeder: SAIDI of each month}, `ops.reports.trend`) adds the chart of
    the month-by-month SAIDI of the feeders that weigh most."""
    vn = isinstance(report, VnReport)
    period = f"Từ ngày {report.first_day:%d/%m/%Y} đến ngày {report.last_day:%d/%m/%Y}"
    method = "Thông tư 05/2025/TT-BCT (theo tháng)" if vn else "IEEE Std 1366 (cả kỳ)"
    blocks: list[Block] = [
        Facts(_headline(report)),
        Paragraph(METHOD_VN if vn else METHOD_IEEE, note=True),
        Heading("1. Chỉ số toàn phần, sự cố và kế hoạch"),
        _parts_table(report),
        Heading("2. Theo tháng"),
        *_monthly(report),
        Heading("3. Ngày sự kiện lớn (MED, phương pháp 2,5β)"),
        *_major_events(report),
        Heading("4. Theo xuất tuyến"),
        _breakdown("Đóng góp của từng xuất tuyến vào chỉ số toàn công ty", report.by_feeder,
                   "Xuất tuyến", "Xuất tuyến", lambda k: k or "(không rõ xuất tuyến)"),
        *_feeder_chart(report.by_feeder),
        *_trend_chart(report, feeder_trend),
        Heading("5. Theo nguyên nhân"),
        _breakdown("Đóng góp của từng nguyên nhân", report.by_cause, "Nguyên nhân",
                   "Nguyên nhân", cause),
        Heading("6. Loại trừ"),
        *_exclusions(report),
    ]  # fmt: skip
    return ReportDocument(
        title=TITLE,
        subtitle=f"{period} · Phương pháp: {method}",
        company=company,
        office=office,
        printed_at=printed_at,
        blocks=tuple(blocks),
        signatures=("Người lập", "Trưởng phòng Điều độ", "Giám đốc"),
    )


def _headline(r: ReliabilityReport) -> tuple[tuple[str, str], ...]:
    if isinstance(r, VnReport):
        saifi, saidi, caidi, maifi, maifi_e, asai = (
            r.saifi, r.saidi, r.caidi, r.maifi, r.maifi_e, r.asai,
        )  # fmt: skip
        served = f"{number(r.customers_served)} ({_basis(str(r.customers_basis))})"
    else:
        t = r.total
        saifi, saidi, caidi, maifi, maifi_e, asai = (
            t.saifi, t.saidi, t.caidi, t.maifi, t.maifi_e, t.asai,
        )  # fmt: skip
        served = f"N_T = {number(r.customers_served)} ({_basis(str(r.customers_basis))})"
    planned = "có tính" if r.settings.include_planned else "không tính"
    return (
        ("SAIFI (lần/khách hàng)", number(saifi, 4)),
        ("SAIDI (phút/khách hàng)", number(saidi, 2)),
        ("CAIDI (phút/lần)", "–" if caidi is None else number(caidi, 2)),
        ("MAIFI (lần/khách hàng)", number(maifi, 4)),
        ("MAIFI_E (sự kiện/khách hàng)", number(maifi_e, 4)),
        ("ASAI", number(asai * 100, 4) + " %"),
        ("Khách hàng", served),
        ("Mất điện kế hoạch", planned),
    )


def _basis(basis: str) -> str:
    return {
        "given": "số cho trước cho cả kỳ",
        "average": "trung bình các tháng",
        "end-of-period": "cuối kỳ",
    }.get(basis, basis)


_PART_COLUMNS = ("Phần", "SAIFI", "SAIDI (phút)", "CAIDI (phút)", "MAIFI", "MAIFI_E")


def _parts_table(r: ReliabilityReport) -> Table:
    if isinstance(r, VnReport):
        named = (
            ("Toàn phần", r.parts.total),
            ("Sự cố", r.parts.fault),
            ("Kế hoạch", r.parts.planned),
            ("Toàn phần, không kể ngày sự kiện lớn", r.without_major_events.total),
        )
        rows = tuple((n, p.saifi, p.saidi, p.caidi, p.maifi, p.maifi_e) for n, p in named)
        kinds: tuple[Kind, ...] = (Kind.TEXT, _IDX, Kind.DECIMAL, Kind.DECIMAL, _IDX, _IDX)
        return Table("Chỉ số của kỳ", _PART_COLUMNS, kinds, rows, sheet="Chỉ số")
    named_i = (
        ("Toàn phần", r.total),
        ("Sự cố", r.fault),
        ("Kế hoạch", r.planned),
        ("Không kể ngày sự kiện lớn", r.without_major_events),
    )
    columns = (*_PART_COLUMNS, "CAIFI", "CTAIDI", "ASAI", f"CEMI_{r.settings.cemi_n}")
    rows_i = tuple(
        (n, p.saifi, p.saidi, p.caidi, p.maifi, p.maifi_e, p.caifi, p.ctaidi, p.asai, p.cemi)
        for n, p in named_i
    )
    kinds = (Kind.TEXT, _IDX, Kind.DECIMAL, Kind.DECIMAL, _IDX, _IDX, _IDX, Kind.DECIMAL,
             Kind.PERCENT, _IDX)  # fmt: skip
    return Table("Chỉ số của kỳ (IEEE 1366)", columns, kinds, rows_i, sheet="Chỉ số")


def _month_label(year: int, month: int) -> str:
    return f"{month:02d}/{year}"


def _monthly(r: ReliabilityReport) -> list[Block]:
    if isinstance(r, VnReport):
        rows: list[tuple[Cell, ...]] = [
            (
                _month_label(m.month.year, m.month.month), m.customers,
                m.parts.total.saifi, m.parts.total.saidi, m.parts.fault.saidi,
                m.parts.planned.saidi, m.parts.total.maifi, m.parts.total.maifi_e,
            )
            for m in r.months
        ]  # fmt: skip
        p = r.parts
        rows.append(
            ("Cả kỳ (tổng các tháng)", None, p.total.saifi, p.total.saidi, p.fault.saidi,
             p.planned.saidi, p.total.maifi, p.total.maifi_e)
        )  # fmt: skip
        table = Table(
            "Chỉ số từng tháng (mỗi tháng chia cho số khách hàng K_t của tháng đó)",
            ("Tháng", "Khách hàng K_t", "SAIFI", "SAIDI", "SAIDI sự cố", "SAIDI kế hoạch",
             "MAIFI", "MAIFI_E"),
            (Kind.TEXT, Kind.INTEGER, _IDX, Kind.DECIMAL, Kind.DECIMAL, Kind.DECIMAL, _IDX, _IDX),
            tuple(rows),
            sheet="Theo tháng",
        )  # fmt: skip
        labels = [f"T{m.month.month}/{m.month.year % 100:02d}" for m in r.months]
        fault = [m.parts.fault.saidi for m in r.months]
        planned = [m.parts.planned.saidi for m in r.months]
    else:
        table = _breakdown(
            "Đóng góp của từng tháng (chia cho N_T của cả kỳ)", r.by_month, "Tháng",
            "Theo tháng", lambda k: (k and f"{k[5:7]}/{k[:4]}") or "",
        )  # fmt: skip
        labels = [f"T{int(b.key[5:7])}/{b.key[2:4]}" for b in r.by_month if b.key]
        fault = [b.saidi for b in r.by_month]
        planned = [0.0] * len(fault)
    blocks: list[Block] = [table]
    if len(labels) > 1:
        series = (
            {"SAIDI sự cố": fault, "SAIDI kế hoạch": planned} if any(planned) else {"SAIDI": fault}
        )
        blocks.append(
            Chart(
                "Xu hướng SAIDI theo tháng (phút/khách hàng)",
                bar_chart(
                    labels,
                    series,
                    unit="phút",
                    stacked=True,
                    title="Xu hướng SAIDI theo tháng (phút/khách hàng)",
                ),
            )
        )
    return blocks


def _breakdown(
    title: str, rows: tuple[BreakdownRow, ...], head: str, sheet: str, name: object
) -> Table:
    label = name if callable(name) else str
    body = [
        (label(b.key), b.interruptions, b.sustained, b.momentary, b.customer_interruptions,
         b.customer_minutes, b.saifi, b.saidi, b.maifi)
        for b in rows
    ]  # fmt: skip
    if rows:
        body.append(
            ("Tổng", sum(b.interruptions for b in rows), sum(b.sustained for b in rows),
             sum(b.momentary for b in rows), sum(b.customer_interruptions for b in rows),
             sum(b.customer_minutes for b in rows), sum(b.saifi for b in rows),
             sum(b.saidi for b in rows), sum(b.maifi for b in rows))
        )  # fmt: skip
    return Table(
        title,
        (head, "Số lần", "Kéo dài", "Thoáng qua", "KH mất điện", "KH·phút", "SAIFI", "SAIDI",
         "MAIFI"),
        (Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, _IDX,
         Kind.DECIMAL, _IDX),
        tuple(body),
        sheet=sheet,
    )  # fmt: skip


def _feeder_chart(rows: tuple[BreakdownRow, ...]) -> list[Block]:
    named = sorted((b for b in rows if b.key), key=lambda b: -b.saidi)[:12]
    if len(named) < 2:
        return []
    labels = [b.key or "" for b in named]
    return [
        Chart(
            "SAIDI theo xuất tuyến (đóng góp, phút/khách hàng; 12 xuất tuyến lớn nhất)",
            bar_chart(
                labels,
                {"SAIDI": [b.saidi for b in named]},
                unit="phút",
                title="SAIDI theo xuất tuyến (đóng góp, phút/khách hàng; 12 xuất tuyến lớn nhất)",
            ),
        )
    ]


def _trend_chart(r: ReliabilityReport, trend: Mapping[str, Sequence[float]] | None) -> list[Block]:
    labels = (
        [f"T{m.month.month}/{m.month.year % 100:02d}" for m in r.months]
        if isinstance(r, VnReport)
        else [f"T{int(b.key[5:7])}/{b.key[2:4]}" for b in r.by_month if b.key]
    )
    if not trend or len(labels) < 2:
        return []
    return [
        Chart(
            "Xu hướng SAIDI theo tháng của các xuất tuyến lớn nhất",
            line_chart(
                labels, trend, unit="phút",
                title=f"Xu hướng SAIDI theo tháng của {len(trend)} xuất tuyến lớn nhất (phút)",
            ),
        )
    ]  # fmt: skip


def _major_events(r: ReliabilityReport) -> list[Block]:
    med = r.major_events
    if med.status is MedStatus.OFF:
        return [Paragraph("Không xác định ngày sự kiện lớn (tắt trong cấu hình).")]
    if med.status is MedStatus.TOO_LITTLE_HISTORY:
        return [
            Paragraph(
                f"Chưa đủ số liệu lịch sử để tính ngưỡng T_MED ({med.history_days} ngày có mất "
                "điện); chỉ số không kể ngày sự kiện lớn bằng chỉ số toàn phần."
            )
        ]
    std = "mẫu (n − 1)" if str(med.std) == "sample" else "tổng thể (n)"
    facts = Facts(
        (
            ("Lịch sử", f"{med.history_first_day:%d/%m/%Y} – {med.history_last_day:%d/%m/%Y}"),
            ("Số ngày có SAIDI > 0", number(med.history_days)),
            ("α (trung bình ln SAIDI ngày)", number(med.alpha or 0, 4)),
            (f"β (độ lệch chuẩn {std})", number(med.beta or 0, 4)),
            ("Ngưỡng T_MED (phút)", number(med.t_med or 0, 4)),
            ("Số ngày sự kiện lớn", number(len(med.days))),
        )
    )
    days = Table(
        "Ngày sự kiện lớn trong kỳ",
        ("Ngày", "SAIDI của ngày (phút)"),
        (Kind.TEXT, Kind.DECIMAL),
        tuple((f"{d.day:%d/%m/%Y}", d.saidi) for d in med.days),
        sheet="Ngày sự kiện lớn",
    )
    blocks: list[Block] = [facts, days]
    if med.estimated_months:
        months = ", ".join(str(m) for m in med.estimated_months)
        blocks.append(
            Paragraph(f"Số khách hàng ước tính (tháng gần nhất có số liệu) cho: {months}.", True)
        )
    return blocks


def _exclusions(r: ReliabilityReport) -> list[Block]:
    groups: tuple[ExcludedGroup, ...] = r.excluded
    configured = ", ".join(cause(c) for c in sorted(r.settings.excluded_categories)) or "không có"
    return [
        Paragraph(f"Nhóm loại trừ theo cấu hình: {configured}."),
        Table(
            "Mất điện trong kỳ không tính vào chỉ số",
            ("Lý do", "Số lần", "KH mất điện (kéo dài)", "KH·phút (kéo dài)"),
            (Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER),
            tuple(
                (cause(g.reason), g.interruptions, g.customer_interruptions, g.customer_minutes)
                for g in groups
            ),
            sheet="Loại trừ",
        ),
    ]
