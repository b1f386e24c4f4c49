"""Cause categories: the list a dispatcher picks an outage's cause from.

An outage's `cause` holds a category code ("vegetation"), so that the policy profile's
reliability exclusions and ETR repair times apply to it. The list comes from the profile
(`[[causes]]`); a profile without one uses the built-in list below. Causes typed as free text
before the list existed stay as they were and read as unclassified until a shift lead
classifies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from ops.errors import UnknownCause

CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class CauseGroup(StrEnum):
    """How the list is grouped for the person picking from it."""

    VEGETATION = "vegetation"
    LIGHTNING = "lightning"
    ANIMAL = "animal"
    EQUIPMENT = "equipment"
    THIRD_PARTY = "third_party"
    OVERLOAD = "overload"
    UPSTREAM = "upstream"  # the transmission grid, a supply shortage
    FORCE_MAJEURE = "force_majeure"
    CUSTOMER = "customer"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Cause:
    code: str
    group: CauseGroup
    vi: str
    en: str

    def label(self, language: str) -> str:
        return self.vi if language == "vi" else self.en


@dataclass(frozen=True, slots=True)
class CauseCatalogue:
    """The profile's causes, in the order they are offered (grouped by `group`)."""

    causes: tuple[Cause, ...]

    def __iter__(self) -> Iterator[Cause]:
        return iter(self.causes)

    def get(self, code: str) -> Cause | None:
        return next((c for c in self.causes if c.code == code), None)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(c.code for c in self.causes)

    def grouped(self) -> list[tuple[CauseGroup, list[Cause]]]:
        """The causes by group, groups in the order of `CauseGroup`."""
        return [
            (group, members)
            for group in CauseGroup
            if (members := [c for c in self.causes if c.group is group])
        ]

    def check(self, code: str) -> Cause:
        """The cause with this code, or a refusal naming the code."""
        cause = self.get(code)
        if cause is None:
            raise UnknownCause("{code} is not a cause category of the policy profile", code=code)
        return cause

    def is_classified(self, text: str) -> bool:
        """Whether an outage's stored cause is one of the categories (not free text, not empty)."""
        return text.strip() in self.codes


def catalogue(causes: Iterable[Cause]) -> CauseCatalogue:
    return CauseCatalogue(tuple(causes))


_G = CauseGroup
BUILTIN_CAUSES = catalogue(
    Cause(code, group, vi, en)
    for code, group, vi, en in (
        ("vegetation", _G.VEGETATION, "Cây, cành cây chạm đường dây", "Tree or branch on the line"),
        ("lightning", _G.LIGHTNING, "Sét đánh", "Lightning"),
        ("animal", _G.ANIMAL, "Động vật (chim, rắn, chuột…)", "Animal (bird, snake, rodent…)"),
        ("equipment_failure", _G.EQUIPMENT, "Hư hỏng thiết bị", "Equipment failure"),
        ("blown_fuse", _G.EQUIPMENT, "Đứt cầu chì", "Blown fuse"),
        ("vehicle", _G.THIRD_PARTY, "Xe va quẹt cột điện", "Vehicle hit a pole"),
        ("third_party", _G.THIRD_PARTY, "Tác động của bên thứ ba", "Third-party damage"),
        ("overload", _G.OVERLOAD, "Quá tải", "Overload"),
        ("transmission", _G.UPSTREAM, "Sự cố lưới truyền tải 110 kV", "Transmission grid event"),
        ("supply_shortage", _G.UPSTREAM, "Thiếu nguồn điện", "Supply shortage"),
        ("force_majeure", _G.FORCE_MAJEURE, "Thiên tai, bất khả kháng", "Force majeure"),
        ("customer_requested", _G.CUSTOMER, "Theo yêu cầu khách hàng", "Customer request"),
        ("non_payment", _G.CUSTOMER, "Ngừng cấp điện do nợ tiền điện", "Non-payment"),
        ("unknown", _G.UNKNOWN, "Chưa rõ nguyên nhân", "Cause not found"),
    )
)


def cause_text(stored: str, causes: CauseCatalogue, language: str, *, planned: bool = False) -> str:
    """What a person reads for an outage's stored cause: the category's label; a free text
    from before the list as unclassified, with the text; nothing when none is recorded.
    A planned outage's cause is the work of its plan, shown as it is."""
    text = stored.strip()
    if not text:
        return ""
    cause = causes.get(text)
    if cause is not None:
        return cause.label(language)
    if planned:
        return text
    prefix = "Chưa phân loại" if language == "vi" else "Unclassified"
    return f"{prefix}: {text}"
