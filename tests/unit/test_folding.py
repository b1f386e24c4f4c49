"""Searching ignores case and Vietnamese diacritics, đ included."""

from __future__ import annotations

from ops.folding import fold, matches


def test_case_and_diacritics_are_ignored_and_d_with_stroke_is_d() -> None:
    assert fold("Cầu dao ĐƯỜNG Đức") == "cau dao duong duc"
    assert matches("duong duc", "Recloser", "Đường Đức Thắng")
    assert matches("REC 12", "rec-12 Phước Hậu")
    assert not matches("phuoc tan", "rec-12 Phước Hậu")
    assert matches("", "anything")
