"""The affected area in words, as EVN notices write it, from the customers' addresses.

"Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân; khóm 1–3, 5 – phường Cao Lãnh": hamlets grouped by their
commune or ward, groups apart by "; ". The order does not depend on the order of the input:
wards, then hamlets, in Vietnamese alphabetical order with numbers compared as numbers.
Numbered hamlets of one kind are written once ("khóm 1–3, 5", runs of three or more as a
range). The province is named only when the customers live in more than one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ops.network.records import Address

# Words that name the kind of a place: lower-case inside a sentence ("xã Mỹ Tân"), unlike
# the name itself. Longest first, so "khu phố" wins over "khu".
_KIND_WORDS = tuple(
    sorted(
        (
            "ấp", "khóm", "khu phố", "khu", "tổ dân phố", "tổ", "thôn", "xóm", "bản", "buôn",
            "làng", "xã", "phường", "thị trấn", "đặc khu", "tỉnh", "thành phố",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class WardArea:
    """One commune or ward and its affected hamlets (empty when no address names one)."""

    ward: str  # as written in a sentence: "xã Mỹ Tân"
    province: str
    hamlets: tuple[str, ...]  # as written in a sentence: "ấp Tân Dân"
    customers: int

    @property
    def text(self) -> str:
        hamlets = ", ".join(_compact(self.hamlets))
        return f"{hamlets} – {self.ward}" if hamlets else self.ward


@dataclass(frozen=True, slots=True)
class AreaDescription:
    """The area of a notice: in full (capitalised, it follows "KHU VỰC:"), and short
    (communes and wards only, lower-case kind words) for an SMS sentence."""

    wards: tuple[WardArea, ...]
    several_provinces: bool

    @property
    def text(self) -> str:
        """ "Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân; khóm 3 – phường Cao Lãnh"."""
        return _capitalise("; ".join(self._with_province(w, w.text) for w in self.wards))

    @property
    def short(self) -> str:
        """ "xã Mỹ Tân, phường Cao Lãnh": as written inside a sentence ("… tại xã Mỹ Tân")."""
        return ", ".join(self._with_province(w, w.ward) for w in self.wards)

    def _with_province(self, ward: WardArea, text: str) -> str:
        return f"{text}, {ward.province}" if self.several_provinces and ward.province else text

    def __bool__(self) -> bool:
        return bool(self.wards)


def describe_area(addresses: Iterable[Address]) -> AreaDescription:
    """Group the addresses' hamlets by ward; addresses without a ward are left out."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for address in addresses:
        if not address.ward:
            continue
        hamlets = counts.setdefault((address.province, address.ward), {})
        hamlets[address.hamlet] = hamlets.get(address.hamlet, 0) + 1
    wards = [
        WardArea(
            in_sentence(ward),
            in_sentence(province),
            tuple(sorted((in_sentence(h) for h in hamlets if h), key=sort_key)),
            sum(hamlets.values()),
        )
        for (province, ward), hamlets in counts.items()
    ]
    wards.sort(key=lambda w: (sort_key(w.ward), sort_key(w.province)))
    return AreaDescription(tuple(wards), len({w.province for w in wards}) > 1)


def in_sentence(name: str) -> str:
    """A place name as written inside a sentence: the kind word in lower case, the name kept."""
    name = " ".join(name.split())
    folded = name.casefold()
    for word in _KIND_WORDS:
        if folded == word or folded.startswith(word + " "):
            return word + name[len(word) :]
    return name


def sort_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Vietnamese alphabetical order, numbers as numbers; ties broken by the exact text."""
    plain = "".join(
        c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c)
    ).replace("đ", "d~")  # đ after d, as in the Vietnamese alphabet
    parts: list[tuple[int, int | str]] = [
        (0, int(p)) if p.isdigit() else (1, p) for p in _DIGITS.split(plain) if p
    ]
    parts.append((2, text))
    return tuple(parts)


def _compact(hamlets: tuple[str, ...]) -> list[str]:
    """ "khóm 1, khóm 2, khóm 3, khóm 5" → "khóm 1–3, 5"; named hamlets stay as they are."""
    out: list[str] = []
    numbered: dict[str, list[int]] = {}
    for hamlet in hamlets:
        kind, _, rest = hamlet.rpartition(" ")
        if kind and rest.isdigit() and not rest.startswith("0"):
            if kind not in numbered:
                numbered[kind] = []
                out.append(kind)  # placeholder, filled in below at its first place
            numbered[kind].append(int(rest))
        else:
            out.append(hamlet)
    return [f"{item} {_ranges(numbered[item])}" if item in numbered else item for item in out]


def _ranges(numbers: list[int]) -> str:
    numbers = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(
        f"{run[0]}–{run[-1]}" if len(run) >= 3 else ", ".join(map(str, run)) for run in runs
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
