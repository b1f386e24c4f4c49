"""The public exports: an iCalendar file that calendar programs read, and the public list
grouped by day and by ward or commune."""

from __future__ import annotations

from datetime import timedelta

from ops.notices.area import describe_area
from ops.notices.export import ical, public_list
from ops.notices.templates import load_templates
from ops.planned.records import PlanStatus
from tests.unit.notice_builders import END, SENDER, START, a_plan, local, toy_customers

NOW = local(1, 9)
AREA = describe_area(c.address for c in list(toy_customers().values())[:4])


def test_the_calendar_has_one_event_per_published_plan_in_utc_with_folded_lines() -> None:
    plans = [
        a_plan(),
        a_plan(plan_id=8, reference="KH-2026-0043", status=PlanStatus.CANCELLED),
        a_plan(plan_id=9, reference="KH-2026-0044", status=PlanStatus.DRAFT),
    ]
    text = ical(plans, {7: AREA}, SENDER, NOW)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == 2  # the draft is not published
    assert "UID:KH-2026-0042@outage-console.local" in unfolded
    assert "DTSTART:20260612T000000Z" in unfolded  # 07:00 in Vietnam
    assert "STATUS:CANCELLED" in unfolded and "STATUS:CONFIRMED" in unfolded
    assert "SUMMARY:Tạm ngừng cấp điện: phường Cao Lãnh\\, xã Mỹ Tân" in unfolded
    assert "LÝ DO NGỪNG CUNG CẤP ĐIỆN: Thay trụ\\, kéo lại dây" in unfolded


def test_the_public_list_has_a_section_per_day_and_a_heading_per_ward() -> None:
    second = a_plan(
        plan_id=8, reference="KH-2026-0043", reason='Đấu nối <b>TBA</b> & "thiết bị"',
        starts_at=START + timedelta(days=1), ends_at=END + timedelta(days=1),
    )  # fmt: skip
    gone = a_plan(
        plan_id=9, reason="Việc đã xong", starts_at=NOW - timedelta(days=1),
        ends_at=NOW - timedelta(hours=1),
    )  # fmt: skip
    plans = [second, a_plan(), gone]
    page = public_list(plans, {7: AREA, 8: AREA, 9: AREA}, load_templates(), SENDER, NOW)
    days = [line for line in page.splitlines() if line.startswith("<h2>")]
    assert days == ["<h2>Thứ Sáu, ngày 12/06/2026</h2>", "<h2>Thứ Bảy, ngày 13/06/2026</h2>"]
    first_day = page.split("<h2>")[1]
    assert first_day.count("<h3>") == 2
    assert "<h3>Phường Cao Lãnh</h3>" in first_day and "<h3>Xã Mỹ Tân</h3>" in first_day
    assert "KHU VỰC: Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân" in first_day
    assert "THỜI GIAN: Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026" in first_day
    assert "<b>" not in page and "Đấu nối &lt;b&gt;TBA&lt;/b&gt; &amp; &quot;thiết bị&quot;" in page
    assert "Việc đã xong" not in page  # work already over is not listed
