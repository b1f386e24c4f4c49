"""Vietnamese people, phone numbers and small businesses, as they appear in a southern district.

Frequencies follow the familiar pattern of the Mekong delta: Nguyễn for about a third of
the population, Huỳnh and Võ more common than in the north, "Văn" and "Thị" as the usual
middle names of the generation that holds the electricity contracts.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


def pick(rng: random.Random, seq: Sequence[T]) -> T:
    """`rng.choice` without its overhead: this runs a few hundred thousand times."""
    return seq[int(rng.random() * len(seq))]


class Weighted(Generic[T]):
    """A weighted choice that is quick to draw from many times."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self._values = [v for v, _ in pairs]
        self._cumulative = list(itertools.accumulate(w for _, w in pairs))
        self._total = self._cumulative[-1]

    def draw(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self._cumulative, rng.random() * self._total)
        return self._values[min(index, len(self._values) - 1)]


SURNAMES = Weighted(
    [
        ("Nguyễn", 31.0), ("Trần", 10.0), ("Lê", 9.0), ("Phạm", 5.0), ("Huỳnh", 5.5),
        ("Võ", 5.5), ("Phan", 4.0), ("Trương", 2.5), ("Đặng", 2.0), ("Bùi", 2.0),
        ("Đỗ", 1.5), ("Ngô", 1.5), ("Hồ", 1.8), ("Dương", 1.2), ("Lâm", 1.2), ("Lý", 1.0),
        ("Châu", 0.9), ("Mai", 0.8), ("Đoàn", 0.8), ("Hoàng", 0.8), ("Đinh", 0.7),
        ("Cao", 0.7), ("Tô", 0.5), ("Hà", 0.5), ("Lương", 0.5), ("Thái", 0.5),
        ("Trịnh", 0.4), ("Vũ", 0.4), ("Lưu", 0.3), ("Tạ", 0.3), ("Quách", 0.3),
        ("Diệp", 0.2), ("La", 0.2), ("Kiều", 0.2), ("Văn", 0.2), ("Thạch", 0.1),
    ]
)  # fmt: skip
MALE_MIDDLE = Weighted(
    [
        ("Văn", 55.0), ("Minh", 7.0), ("Thanh", 6.0), ("Hữu", 5.0), ("Quốc", 4.0),
        ("Hoàng", 3.0), ("Công", 3.0), ("Tấn", 3.0), ("Phước", 2.0), ("Ngọc", 2.0),
        ("Thành", 2.0), ("Đức", 2.0), ("Chí", 2.0), ("Trung", 1.0), ("Nhựt", 1.0),
        ("Duy", 1.0), ("Hoài", 1.0), ("Kim", 1.0), ("Trọng", 1.0),
    ]
)  # fmt: skip
FEMALE_MIDDLE = Weighted(
    [
        ("Thị", 62.0), ("Ngọc", 8.0), ("Thanh", 5.0), ("Kim", 5.0), ("Mỹ", 3.0),
        ("Hồng", 3.0), ("Thùy", 2.0), ("Bích", 2.0), ("Phương", 2.0), ("Như", 2.0),
        ("Cẩm", 2.0), ("Diễm", 1.0), ("Tuyết", 1.0), ("Hoài", 1.0), ("Minh", 1.0),
    ]
)  # fmt: skip
_SECOND_MIDDLE = ("Ngọc", "Kim", "Thanh", "Mỹ", "Hồng", "Bích", "Thu", "Cẩm", "Kiều", "Tuyết")
MALE_GIVEN = (
    "Hùng", "Dũng", "Phúc", "Tài", "Lộc", "Thành", "Tâm", "Hải", "Minh", "Nam", "Sơn", "Long",
    "Tuấn", "Cường", "Khang", "Bảo", "Hiếu", "Trung", "Nghĩa", "Phong", "Quang", "Thắng",
    "Vinh", "Hòa", "Bình", "Hậu", "Lợi", "Sang", "Tú", "Toàn", "Út", "Em", "Hưng", "Khải",
    "Kiệt", "Lâm", "Luân", "Nhân", "Phát", "Quí", "Tân", "Thiện", "Thuận", "Tiến", "Trí",
    "Trọng", "Tùng", "Việt", "Danh", "Đạt", "Đức", "Giàu", "Hên", "Mến", "Ngoan", "Sáu",
    "Bảy", "Tám", "Chín", "Mười", "Hai", "Ba", "Tư", "Năm", "Lực", "Tường", "Vũ", "Thông",
)  # fmt: skip
FEMALE_GIVEN = (
    "Lan", "Hoa", "Hương", "Mai", "Hạnh", "Hằng", "Thảo", "Trang", "Linh", "Ngọc", "Nhung",
    "Phượng", "Tuyết", "Yến", "Diễm", "Loan", "Hồng", "Cúc", "Đào", "Thu", "Vân", "Xuân",
    "Nga", "Oanh", "Trinh", "Kiều", "Nhi", "Vy", "My", "Tiên", "Hiền", "Ánh", "Bé", "Út",
    "Lệ", "Liên", "Liễu", "Mến", "Nguyệt", "Nhàn", "Phụng", "Sương", "Thắm", "Thủy",
    "Trâm", "Tuyền", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Huệ", "Lài", "Lành",
    "Ly", "Nương", "Sen", "Hân", "Quyên",
)  # fmt: skip

# Mobile prefixes by network, weighted by their rough share of subscribers.
_CARRIERS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"), 55.0),
    (("081", "082", "083", "084", "085", "088", "091", "094"), 22.0),
    (("070", "076", "077", "078", "079", "089", "090", "093"), 18.0),
    (("052", "056", "058", "092"), 3.0),
    (("059", "099"), 1.0),
    (("087",), 1.0),
)
_PREFIXES = Weighted(
    [(p, weight / len(prefixes)) for prefixes, weight in _CARRIERS for p in prefixes]
)

_TRADE_NAMES = (
    "Hưng Thịnh", "Phát Đạt", "Thành Công", "Kim Phát", "Hồng Phúc", "Thuận Phát", "Minh Tâm",
    "Tấn Lộc", "Vạn Lợi", "Phước Lộc", "Thanh Bình", "Sen Hồng", "Tân Tiến", "Mỹ Hưng",
    "Hòa Bình", "Phú Quý", "Đại Phát", "Kim Long", "Ngọc Ánh", "Tháp Mười",
)  # fmt: skip
_NICKNAMES = ("Út", "Bé", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Cô", "Chú")
_URBAN_SHOPS = (
    "Cửa hàng tạp hóa", "Quán cà phê", "Tiệm tóc", "Nhà thuốc", "Cửa hàng điện thoại",
    "Quán cơm", "Tiệm may", "Cửa hàng vật liệu xây dựng", "Nhà nghỉ", "Tiệm bánh",
)  # fmt: skip
_RURAL_SHOPS = (
    "Tạp hóa", "Quán cà phê", "Cơ sở xay xát lúa", "Lò sấy lúa", "Cửa hàng vật tư nông nghiệp",
    "Trại cá giống", "Cơ sở cơ khí", "Quán hủ tiếu",
)  # fmt: skip
_COMPANY_FORMS = ("Công ty TNHH", "Doanh nghiệp tư nhân", "Hợp tác xã")


def person(rng: random.Random, *, male: bool | None = None) -> str:
    """A full name: họ, tên đệm, tên, with diacritics."""
    if male is None:
        male = rng.random() < 0.55  # contracts are more often in the husband's name
    surname = SURNAMES.draw(rng)
    if male:
        return f"{surname} {MALE_MIDDLE.draw(rng)} {pick(rng, MALE_GIVEN)}"
    middle = FEMALE_MIDDLE.draw(rng)
    if middle == "Thị" and rng.random() < 0.15:
        middle = f"Thị {pick(rng, _SECOND_MIDDLE)}"
    return f"{surname} {middle} {pick(rng, FEMALE_GIVEN)}"


def mobile(rng: random.Random) -> str:
    """A ten-digit Vietnamese mobile number on a prefix in use since 2018."""
    return f"{_PREFIXES.draw(rng)}{int(rng.random() * 10_000_000):07d}"


def business(rng: random.Random, *, urban: bool) -> str:
    """A shop, mill or small company holding an ordinary contract."""
    if rng.random() < 0.2:
        return f"{rng.choice(_COMPANY_FORMS)} {rng.choice(_TRADE_NAMES)}"
    shop = rng.choice(_URBAN_SHOPS if urban else _RURAL_SHOPS)
    if rng.random() < 0.5:
        return f"{shop} {rng.choice(_TRADE_NAMES)}"
    given = rng.choice(FEMALE_GIVEN if rng.random() < 0.5 else MALE_GIVEN)
    return f"{shop} {rng.choice(_NICKNAMES)} {given}"
