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
from ops.reports.labels import cause
from ops.reports.words import Words
from ops.wording import DEFAULT_LANGUAGE

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
    language: str = DEFAULT_LANGUAGE,
) -> ReportDocument:
    """`feeder_trend` ({feeder: SAIDI of each month}, `ops.reports.trend`) adds the chart of
    the month-by-month SAIDI of the feeders that weigh most."""
    w = Words(language)
    vn = isinstance(report, VnReport)
    period = w(
        "Từ ngày {first} đến ngày {last}",
        first=w.day(report.first_day),
        last=w.day(report.last_day),
    )
    method = w("Thông tư 05/2025/TT-BCT (theo tháng)") if vn else w("IEEE Std 1366 (cả kỳ)")
    blocks: list[Block] = [
        Facts(_headline(w, report)),
        Paragraph(w(METHOD_VN) if vn else w(METHOD_IEEE), note=True),
        Heading(w("1. Chỉ số toàn phần, sự cố và kế hoạch")),
        _parts_table(w, report),
        Heading(w("2. Theo tháng")),
        *_monthly(w, report),
        Heading(w("3. Ngày sự kiện lớn (MED, phương pháp 2,5β)")),
        *_major_events(w, report),
        Heading(w("4. Theo xuất tuyến")),
        _breakdown(w, w("Đóng góp của từng xuất tuyến vào chỉ số toàn công ty"),
                   report.by_feeder, w("Xuất tuyến"), w("Xuất tuyến"),
                   lambda k: k or w("(không rõ xuất tuyến)")),
        *_feeder_chart(w, report.by_feeder),
        *_trend_chart(w, report, feeder_trend),
        Heading(w("5. Theo nguyên nhân")),
        _breakdown(w, w("Đóng góp của từng nguyên nhân"), report.by_cause, w("Nguyên nhân"),
                   w("Nguyên nhân"), lambda c: cause(c, language)),
        Heading(w("6. Loại trừ")),
        *_exclusions(w, report),
    ]  # fmt: skip
    return ReportDocument(
        title=w(TITLE),
        subtitle=w("{period} · Phương pháp: {method}", period=period, method=method),
        company=company,
        office=office,
        printed_at=printed_at,
        blocks=tuple(blocks),
        signatures=(w("Người lập"), w("Trưởng phòng Điều độ"), w("Giám đốc")),
        language=language,
    )


def _headline(w: Words, r: ReliabilityReport) -> tuple[tuple[str, str], ...]:
    number = w.number
    if isinstance(r, VnReport):
        saifi, saidi, caidi, maifi, maifi_e, asai = (
            r.saifi, r.saidi, r.caidi, r.maifi, r.maifi_e, r.asai,
        )  # fmt: skip
        served = f"{number(r.customers_served)} ({_basis(w, str(r.customers_basis))})"
    else:
        t = r.total
        saifi, saidi, caidi, maifi, maifi_e, asai = (
            t.saifi, t.saidi, t.caidi, t.maifi, t.maifi_e, t.asai,
        )  # fmt: skip
        served = f"N_T = {number(r.customers_served)} ({_basis(w, str(r.customers_basis))})"
    planned = w("có tính") if r.settings.include_planned else w("không tính")
    return (
        (w("SAIFI (lần/khách hàng)"), number(saifi, 4)),
        (w("SAIDI (phút/khách hàng)"), number(saidi, 2)),
        (w("CAIDI (phút/lần)"), "–" if caidi is None else number(caidi, 2)),
        (w("MAIFI (lần/khách hàng)"), number(maifi, 4)),
        (w("MAIFI_E (sự kiện/khách hàng)"), number(maifi_e, 4)),
        ("ASAI", w.percent(asai)),
        (w("Khách hàng"), served),
        (w("Mất điện kế hoạch"), planned),
    )


def _basis(w: Words, basis: str) -> str:
    return {
        "given": w("số cho trước cho cả kỳ"),
        "average": w("trung bình các tháng"),
        "end-of-period": w("cuối kỳ"),
    }.get(basis, basis)


def _part_columns(w: Words) -> tuple[str, ...]:
    return (w("Phần"), "SAIFI", w("SAIDI (phút)"), w("CAIDI (phút)"), "MAIFI", "MAIFI_E")


def _parts_table(w: Words, r: ReliabilityReport) -> Table:
    if isinstance(r, VnReport):
        named = (
            (w("Toàn phần"), r.parts.total),
            (w("Sự cố", context="part"), r.parts.fault),
            (w("Kế hoạch"), r.parts.planned),
            (w("Toàn phần, không kể ngày sự kiện lớn"), r.without_major_events.total),
        )
        rows = tuple((n, p.saifi, p.saidi, p.caidi, p.maifi, p.maifi_e) for n, p in named)
        kinds: tuple[Kind, ...] = (Kind.TEXT, _IDX, Kind.DECIMAL, Kind.DECIMAL, _IDX, _IDX)
        return Table(w("Chỉ số của kỳ"), _part_columns(w), kinds, rows, sheet=w("Chỉ số"))
    named_i = (
        (w("Toàn phần"), r.total),
        (w("Sự cố", context="part"), r.fault),
        (w("Kế hoạch"), r.planned),
        (w("Không kể ngày sự kiện lớn"), r.without_major_events),
    )
    columns = (*_part_columns(w), "CAIFI", "CTAIDI", "ASAI", f"CEMI_{r.settings.cemi_n}")
    rows_i = tuple(
        (n, p.saifi, p.saidi, p.caidi, p.maifi, p.maifi_e, p.caifi, p.ctaidi, p.asai, p.cemi)
        for n, p in named_i
    )
    kinds = (Kind.TEXT, _IDX, Kind.DECIMAL, Kind.DECIMAL, _IDX, _IDX, _IDX, Kind.DECIMAL,
             Kind.PERCENT, _IDX)  # fmt: skip
    return Table(w("Chỉ số của kỳ (IEEE 1366)"), columns, kinds, rows_i, sheet=w("Chỉ số"))


def _month_label(year: int, month: int) -> str:
    return f"{month:02d}/{year}"


def _month_short(w: Words, year: int, month: int) -> str:
    """A month on a chart's axis: T11/26 (tháng), 11/26 in English."""
    return w("T{month}/{year}", month=month, year=f"{year % 100:02d}")


def _monthly(w: Words, r: ReliabilityReport) -> list[Block]:
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
            (w("Cả kỳ (tổng các tháng)"), None, p.total.saifi, p.total.saidi, p.fault.saidi,
             p.planned.saidi, p.total.maifi, p.total.maifi_e)
        )  # fmt: skip
        table = Table(
            w("Chỉ số từng tháng (mỗi tháng chia cho số khách hàng K_t của tháng đó)"),
            (w("Tháng"), w("Khách hàng K_t"), "SAIFI", "SAIDI", w("SAIDI sự cố"),
             w("SAIDI kế hoạch"), "MAIFI", "MAIFI_E"),
            (Kind.TEXT, Kind.INTEGER, _IDX, Kind.DECIMAL, Kind.DECIMAL, Kind.DECIMAL, _IDX, _IDX),
            tuple(rows),
            sheet=w("Theo tháng"),
        )  # fmt: skip
        labels = [_month_short(w, m.month.year, m.month.month) for m in r.months]
        fault = [m.parts.fault.saidi for m in r.months]
        planned = [m.parts.planned.saidi for m in r.months]
    else:
        table = _breakdown(
            w, w("Đóng góp của từng tháng (chia cho N_T của cả kỳ)"), r.by_month, w("Tháng"),
            w("Theo tháng"), lambda k: (k and f"{k[5:7]}/{k[:4]}") or "",
        )  # fmt: skip
        labels = [_month_short(w, int(b.key[:4]), int(b.key[5:7])) for b in r.by_month if b.key]
        fault = [b.saidi for b in r.by_month]
        planned = [0.0] * len(fault)
    blocks: list[Block] = [table]
    if len(labels) > 1:
        series = (
            {w("SAIDI sự cố"): fault, w("SAIDI kế hoạch"): planned}
            if any(planned)
            else {"SAIDI": fault}
        )
        title = w("Xu hướng SAIDI theo tháng (phút/khách hàng)")
        blocks.append(
            Chart(
                title,
                bar_chart(
                    labels, series, unit=w("phút"), stacked=True, title=title,
                    language=w.language,
                ),
            )
        )  # fmt: skip
    return blocks


def _breakdown(
    w: Words, title: str, rows: tuple[BreakdownRow, ...], head: str, sheet: str, name: object
) -> Table:
    label = name if callable(name) else str
    body = [
        (label(b.key), b.interruptions, b.sustained, b.momentary, b.customer_interruptions,
         b.customer_minutes, b.saifi, b.saidi, b.maifi)
        for b in rows
    ]  # fmt: skip
    if rows:
        body.append(
            (w("Tổng"), sum(b.interruptions for b in rows), sum(b.sustained for b in rows),
             sum(b.momentary for b in rows), sum(b.customer_interruptions for b in rows),
             sum(b.customer_minutes for b in rows), sum(b.saifi for b in rows),
             sum(b.saidi for b in rows), sum(b.maifi for b in rows))
        )  # fmt: skip
    return Table(
        title,
        (head, w("Số lần"), w("Kéo dài"), w("Thoáng qua"), w("KH mất điện"), w("KH·phút"),
         "SAIFI", "SAIDI", "MAIFI"),
        (Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, _IDX,
         Kind.DECIMAL, _IDX),
        tuple(body),
        sheet=sheet,
    )  # fmt: skip


def _feeder_chart(w: Words, rows: tuple[BreakdownRow, ...]) -> list[Block]:
    named = sorted((b for b in rows if b.key), key=lambda b: -b.saidi)[:12]
    if len(named) < 2:
        return []
    labels = [b.key or "" for b in named]
    title = w("SAIDI theo xuất tuyến (đóng góp, phút/khách hàng; 12 xuất tuyến lớn nhất)")
    return [
        Chart(
            title,
            bar_chart(
                labels,
                {"SAIDI": [b.saidi for b in named]},
                unit=w("phút"),
                title=title,
                language=w.language,
            ),
        )
    ]


def _trend_chart(
    w: Words, r: ReliabilityReport, trend: Mapping[str, Sequence[float]] | None
) -> list[Block]:
    labels = (
        [_month_short(w, m.month.year, m.month.month) for m in r.months]
        if isinstance(r, VnReport)
        else [_month_short(w, int(b.key[:4]), int(b.key[5:7])) for b in r.by_month if b.key]
    )
    if not trend or len(labels) < 2:
        return []
    return [
        Chart(
            w("Xu hướng SAIDI theo tháng của các xuất tuyến lớn nhất"),
            line_chart(
                labels, trend, unit=w("phút"),
                title=w("Xu hướng SAIDI theo tháng của {n} xuất tuyến lớn nhất (phút)",
                        n=len(trend)),
                language=w.language,
            ),
        )
    ]  # fmt: skip


def _major_events(w: Words, r: ReliabilityReport) -> list[Block]:
    med = r.major_events
    number = w.number
    if med.status is MedStatus.OFF:
        return [Paragraph(w("Không xác định ngày sự kiện lớn (tắt trong cấu hình)."))]
    if med.status is MedStatus.TOO_LITTLE_HISTORY:
        return [
            Paragraph(
                w(
                    "Chưa đủ số liệu lịch sử để tính ngưỡng T_MED ({days} ngày có mất điện); "
                    "chỉ số không kể ngày sự kiện lớn bằng chỉ số toàn phần.",
                    days=med.history_days,
                )
            )
        ]
    std = w("mẫu (n − 1)") if str(med.std) == "sample" else w("tổng thể (n)")
    first, last = med.history_first_day, med.history_last_day
    facts = Facts(
        (
            (w("Lịch sử"), f"{w.day(first)} – {w.day(last)}" if first and last else "–"),
            (w("Số ngày có SAIDI > 0"), number(med.history_days)),
            (w("α (trung bình ln SAIDI ngày)"), number(med.alpha or 0, 4)),
            (w("β (độ lệch chuẩn {std})", std=std), number(med.beta or 0, 4)),
            (w("Ngưỡng T_MED (phút)"), number(med.t_med or 0, 4)),
            (w("Số ngày sự kiện lớn"), number(len(med.days))),
        )
    )
    days = Table(
        w("Ngày sự kiện lớn trong kỳ"),
        (w("Ngày"), w("SAIDI của ngày (phút)")),
        (Kind.TEXT, Kind.DECIMAL),
        tuple((w.day(d.day), d.saidi) for d in med.days),
        sheet=w("Ngày sự kiện lớn"),
    )
    blocks: list[Block] = [facts, days]
    if med.estimated_months:
        months = ", ".join(str(m) for m in med.estimated_months)
        blocks.append(
            Paragraph(
                w("Số khách hàng ước tính (tháng gần nhất có số liệu) cho: {months}.",
                  months=months),
                True,
            )
        )  # fmt: skip
    return blocks


def _exclusions(w: Words, r: ReliabilityReport) -> list[Block]:
    groups: tuple[ExcludedGroup, ...] = r.excluded
    language = w.language
    configured = ", ".join(cause(c, language) for c in sorted(r.settings.excluded_categories)) or w(
        "không có"
    )
    return [
        Paragraph(w("Nhóm loại trừ theo cấu hình: {configured}.", configured=configured)),
        Table(
            w("Mất điện trong kỳ không tính vào chỉ số"),
            (w("Lý do"), w("Số lần"), w("KH mất điện (kéo dài)"), w("KH·phút (kéo dài)")),
            (Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER),
            tuple(
                (cause(g.reason, language), g.interruptions, g.customer_interruptions,
                 g.customer_minutes)
                for g in groups
            ),
            sheet=w("Loại trừ"),
        ),
    ]  # fmt: skip
