"""SMS length: GSM-7 or UCS-2, characters as billed, segments."""

from __future__ import annotations

import pytest

from ops.notices.sms import SmsEncoding, plain_sms_text, sms_length

GSM, UCS2 = SmsEncoding.GSM7, SmsEncoding.UCS2


@pytest.mark.parametrize(
    ("text", "encoding", "characters", "segments"),
    [
        ("", GSM, 0, 0),
        ("Dien luc Cao Lanh thong bao", GSM, 27, 1),
        ("a" * 160, GSM, 160, 1),
        ("a" * 161, GSM, 161, 2),  # 153 + 8
        ("a" * 306, GSM, 306, 2),
        ("a" * 307, GSM, 307, 3),
        ("ấ" * 70, UCS2, 70, 1),
        ("ấ" * 71, UCS2, 71, 2),  # 67 + 4
        ("ấ" * 134, UCS2, 134, 2),
        ("ấ" * 135, UCS2, 135, 3),
        ("Điện lực Cao Lãnh", UCS2, 17, 1),
        ("café à la carte", GSM, 15, 1),  # é and à are in the GSM basic set
        ("Gia 100€ [x]", GSM, 15, 1),  # € [ ] count two each
        ("{" * 80, GSM, 160, 1),
        ("{" * 81, GSM, 162, 2),
        ("a" * 69 + "😀", UCS2, 71, 2),  # outside the BMP: two UTF-16 units
        ("07:00 – 11:30", UCS2, 13, 1),  # the en dash alone forces UCS-2
    ],
)
def test_encoding_characters_and_segments(
    text: str, encoding: SmsEncoding, characters: int, segments: int
) -> None:
    length = sms_length(text)
    assert (length.encoding, length.characters, length.segments) == (
        encoding,
        characters,
        segments,
    )


def test_an_escape_pair_never_straddles_two_segments() -> None:
    # 152 letters then "€": 154 septets; the euro's two septets go whole into segment 2.
    length = sms_length("a" * 152 + "€" + "a" * 10)
    assert (length.characters, length.segments, length.remaining) == (164, 2, 153 - 12)


def test_remaining_room_in_the_last_segment() -> None:
    assert sms_length("ấ" * 71).remaining == 67 - 4
    assert sms_length("a" * 10).remaining == 150


def test_a_vietnamese_notice_with_diacritics_costs_three_times_its_plain_form() -> None:
    text = (
        "Điện lực Cao Lãnh thông báo: ngừng cấp điện 07:00-11:30 12/06/2026 tại xã Mỹ Tân "
        "(mã KH PB07010000101). Lý do: thay trụ. Hotline 19001006"
    )
    plain = plain_sms_text(text)
    assert plain.startswith("Dien luc Cao Lanh thong bao: ngung cap dien")
    assert sms_length(text).encoding is UCS2 and sms_length(text).segments == 3
    assert sms_length(plain).encoding is GSM and sms_length(plain).segments == 1
    assert plain_sms_text("Đ đ – “x” …") == 'D d - "x" ...'
