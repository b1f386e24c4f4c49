"""Notice texts: the shipped Vietnamese templates, placeholders checked, values escaped."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ops.network.records import Priority
from ops.notices.area import describe_area
from ops.notices.content import (
    EmailText,
    NoticeFacts,
    compose_email,
    compose_sms,
    notice_facts,
    public_entry,
    window_short,
    window_text,
)
from ops.notices.letter import build_letter, letter_html, scope_text
from ops.notices.messages import compose_message
from ops.notices.outbox import plan_outbox
from ops.notices.recipients import ChannelKind, Recipient, recipient_of
from ops.notices.schedule import NoticeEvent, NoticeKind
from ops.notices.sms import SmsEncoding, sms_length
from ops.notices.templates import (
    BUILTIN_TEMPLATES,
    TemplateError,
    allowed_placeholders,
    load_templates,
    parse_template,
    template_problems,
)
from tests.unit.notice_builders import END, SENDER, START, a_plan, customer, local, toy_customers

TEMPLATES = load_templates()
HOSTILE = '<script>alert("x")</script> & Co'


def event(kind: NoticeKind = NoticeKind.INITIAL, **overrides: object) -> NoticeEvent:
    base = NoticeEvent(7, kind, 1, local(1, 10), START, END)
    return replace(base, **overrides)  # type: ignore[arg-type]


def facts(kind: NoticeKind = NoticeKind.INITIAL, **overrides: object) -> NoticeFacts:
    customers = list(toy_customers().values())[:3]
    area = describe_area(c.address for c in customers)
    return notice_facts(a_plan(), event(kind, **overrides), area, SENDER, local(1, 10))


def bich() -> Recipient:
    return recipient_of(toy_customers()["PB07010000101"])


def test_times_are_written_the_vietnamese_way_in_local_time() -> None:
    assert window_text(START, END) == "Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026"
    assert window_short(START, END) == "07:00-11:30 12/06/2026"
    assert window_short(local(12, 22), local(13, 4)) == "22:00 12/06-04:00 13/06/2026"
    new_year = window_short(local(31, 22, month=12), local(31, 23, month=12).replace(year=2027))
    assert new_year == "22:00 31/12/2026-23:00 31/12/2027"


def test_the_public_list_entry_follows_the_evn_layout() -> None:
    assert public_entry(facts(), TEMPLATES) == (
        "KHU VỰC: Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân\n"
        "THỜI GIAN: Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026\n"
        "LÝ DO NGỪNG CUNG CẤP ĐIỆN: Thay trụ, kéo lại dây, bảo trì lưới điện"
    )


def test_the_initial_sms_is_vietnamese_with_diacritics_and_its_length_is_known() -> None:
    text = compose_sms(facts(), TEMPLATES, bich())
    assert text == (
        "Điện lực Cao Lãnh thông báo: ngừng cấp điện 07:00-11:30 12/06/2026 tại xã Mỹ Tân "
        "(mã KH PB07010000101). Lý do: Thay trụ, kéo lại dây, bảo trì lưới điện. "
        "Hotline 19001006"
    )
    length = sms_length(text)
    assert length.encoding is SmsEncoding.UCS2 and length.segments == 3
    plain = compose_sms(facts(), TEMPLATES, bich(), plain=True)
    assert (
        sms_length(plain).encoding is SmsEncoding.GSM7 and sms_length(plain).segments == 2
    )  # not 3


def test_the_initial_email_has_a_one_line_subject_and_the_three_field_body() -> None:
    email = compose_email(facts(), TEMPLATES, bich())
    assert email.subject == (
        "[Điện lực Cao Lãnh] Thông báo tạm ngừng cấp điện 07:00-11:30 12/06/2026 (KH-2026-0042)"
    )
    assert email.body.startswith(
        "Kính gửi Quý khách hàng Trần Thị Bích (mã khách hàng PB07010000101),"
    )
    assert "KHU VỰC: Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân\nTHỜI GIAN: Từ 07:00" in email.body
    assert "{" not in email.body and "}" not in email.body


def test_the_postponement_names_the_old_and_the_new_window() -> None:
    moved = facts(
        NoticeKind.POSTPONEMENT,
        starts_at=local(19, 7),
        ends_at=local(19, 11),
        previous_starts_at=START,
        previous_ends_at=END,
    )
    sms = compose_sms(moved, TEMPLATES, bich())
    assert "07:00-11:30 12/06/2026 tại xã Mỹ Tân đổi sang 07:00-11:00 19/06/2026" in sms
    body = compose_email(moved, TEMPLATES, bich()).body
    assert "lịch tạm ngừng cung cấp điện Từ 07:00 ngày 12/06/2026 đến 11:30" in body
    assert "THỜI GIAN: Từ 07:00 ngày 19/06/2026 đến 11:00 ngày 19/06/2026" in body


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_kind_renders_on_every_channel_without_a_placeholder_left(kind: NoticeKind) -> None:
    f = facts(kind, previous_starts_at=START, previous_ends_at=END)
    texts = [
        compose_sms(f, TEMPLATES, bich()),
        *vars_of(compose_email(f, TEMPLATES, bich())),
        letter_html(build_letter(f, TEMPLATES, [], scope="3 khách hàng")),
    ]
    for text in texts:
        assert not re.search(r"\{[a-z_]+\}", text), text


def vars_of(email: EmailText) -> tuple[str, str]:
    return email.subject, email.body


def test_the_cancellation_and_finished_texts_say_what_happened() -> None:
    assert "HỦY lịch ngừng cấp điện 07:00-11:30 12/06/2026" in compose_sms(
        facts(NoticeKind.CANCELLATION), TEMPLATES, bich()
    )
    finished = facts(NoticeKind.FINISHED, ends_at=local(12, 10, 40))
    assert "đã có điện trở lại lúc 10:40 ngày 12/06/2026" in compose_sms(
        finished, TEMPLATES, bich()
    )


# --- templates as files -----------------------------------------------------------------


def test_an_unknown_placeholder_is_refused_with_the_file_and_the_name(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(BUILTIN_TEMPLATES, folder)
    (folder / "reminder" / "sms.txt").write_text("Nhắc lịch {khu_vc}", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"reminder/sms\.txt: unknown placeholder \{khu_vc\}"):
        load_templates(folder)


def test_the_old_window_is_only_known_to_postponement_templates() -> None:
    assert "thoi_gian_cu" in allowed_placeholders(NoticeKind.POSTPONEMENT)
    problems = template_problems("{thoi_gian_cu}", allowed_placeholders(NoticeKind.INITIAL))
    assert problems and "unknown placeholder {thoi_gian_cu}" in problems[0]


def test_braces_are_written_doubled_and_a_lone_brace_is_a_problem() -> None:
    template = parse_template("t", "{{mã}} {don_vi}", allowed_placeholders(None))
    assert template.render({"don_vi": "ĐL"}) == "{mã} ĐL"
    assert template_problems("giá {", allowed_placeholders(None)) == [
        "a lone '{' (write {{ for a brace)"
    ]
    assert template_problems("{Khu Vực}", allowed_placeholders(None)) == [
        "{Khu Vực} is not a placeholder name"
    ]


def test_an_email_template_must_start_with_its_subject_line(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(BUILTIN_TEMPLATES, folder)
    (folder / "initial" / "email.txt").write_text("Kính gửi…", encoding="utf-8")
    with pytest.raises(TemplateError, match="Tiêu đề:"):
        load_templates(folder)


def test_values_are_inserted_as_they_are_never_interpreted() -> None:
    hostile = replace(facts(), reason="{ly_do} {{ }}")
    assert "Lý do: {ly_do} {{ }}." in compose_sms(hostile, TEMPLATES, bich())


# --- the formal letter ------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_formal_letter_has_heading_legal_bases_table_and_appendix() -> None:
    customers = list(toy_customers().values())[:3]
    letter = build_letter(facts(), TEMPLATES, customers, scope=scope_text(1234, 12))
    assert letter.title == "THÔNG BÁO TẠM NGỪNG CẤP ĐIỆN THEO KẾ HOẠCH"
    assert letter.addressee == "Quý khách hàng"
    assert letter.number == "KH-2026-0042/TB-1"
    assert letter.place_and_date == "Cao Lãnh, ngày 01 tháng 06 năm 2026"
    assert letter.legal_bases[0] == "Căn cứ khoản 2 Điều 49 Luật Điện lực số 61/2024/QH15;"
    assert "04/2025/TT-BCT" in letter.legal_bases[1]
    assert "hợp đồng mua bán điện" in letter.legal_bases[2]
    (row,) = letter.rows
    assert row.time_slot == "Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026"
    assert row.area == "Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân"
    assert row.scope == "1.234 khách hàng sau 12 trạm biến áp"
    assert [a.customer_id for a in letter.appendix] == [
        "PB07010000101",
        "PB07010000102",
        "PB07010000103",
    ]
    assert letter.before_table[0].startswith("Điện lực Cao Lãnh trân trọng thông báo")
    assert letter.after_table[0] == (
        "Lý do ngừng cung cấp điện: Thay trụ, kéo lại dây, bảo trì lưới điện."
    )


def test_the_letter_html_is_a4_utf8_and_every_value_is_escaped() -> None:
    evil = customer("PB07010000999", "T-F2-2", "Ấp Tân Dân", "Xã Mỹ Tân", name=HOSTILE)
    f = replace(facts(), reason=HOSTILE, area=HOSTILE)
    letter = build_letter(f, TEMPLATES, [evil], scope=HOSTILE, addressee=HOSTILE)
    page = letter_html(letter)
    assert "<script>" not in page and HOSTILE not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
    assert '<meta charset="utf-8">' in page and '<html lang="vi">' in page
    assert "size: A4" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched when printed
    parser = _Text()
    parser.feed(page)
    text = "".join(parser.text)
    assert "script" not in parser.tags
    assert "Kính gửi: Quý khách hàng " + HOSTILE in text  # shown as text, exactly
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "PHỤ LỤC: DANH SÁCH KHÁCH HÀNG BỊ ẢNH HƯỞNG" in text


def test_a_message_is_composed_for_its_channel() -> None:
    hospital = toy_customers()["PB07010000103"]
    assert hospital.priority is Priority.CRITICAL
    recipient = recipient_of(hospital)
    f = facts()
    rows = {m.channel: m for m in plan_outbox(event(), [recipient])}
    assert set(rows) == {ChannelKind.SMS, ChannelKind.EMAIL, ChannelKind.LETTER}
    email = compose_message(rows[ChannelKind.EMAIL], f, TEMPLATES, recipient)
    assert email.address == "benhvien@mytan.example" and email.subject.startswith("[Điện lực")
    letter = compose_message(
        rows[ChannelKind.LETTER], f, TEMPLATES, recipient, letter_customers=[hospital]
    )
    assert letter.letter is not None
    assert letter.letter.addressee == "Quý khách hàng Bệnh viện Đa khoa Mỹ Tân"
    assert [a.name for a in letter.letter.appendix] == ["Bệnh viện Đa khoa Mỹ Tân"]
    sms = compose_message(rows[ChannelKind.SMS], f, TEMPLATES, recipient)
    assert sms.address == "+84909000111" and "PB07010000103" in sms.body
