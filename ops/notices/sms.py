"""SMS length as the operator counts it: GSM-7 or UCS-2, characters, segments.

A text entirely in the GSM 03.38 basic set and its extension table goes as GSM-7: 160 septets
in one SMS, 153 per segment when concatenated, an extension character (€ [ ] { } ^ ~ | \\ and
form feed) taking two. Any other character (every Vietnamese letter with a diacritic but
é è ù ì ò à, typographic dashes and quotes, emoji) forces UCS-2: 70 UTF-16 units in one SMS,
67 per segment when concatenated, a character outside the BMP taking two. Segments are
filled the way phones fill them: an escape pair or a surrogate pair is never split.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

_LIMITS = {"gsm7": (160, 153), "ucs2": (70, 67)}
_PLAIN_PUNCTUATION = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "\u00a0": " "}
)


class SmsEncoding(StrEnum):
    GSM7 = "gsm7"
    UCS2 = "ucs2"


@dataclass(frozen=True, slots=True)
class SmsLength:
    """What the template editor shows under an SMS text."""

    encoding: SmsEncoding
    characters: int  # septets (GSM-7) or UTF-16 units (UCS-2), as the operator bills them
    segments: int  # 0 for an empty text
    remaining: int  # room left in the last segment

    @property
    def single_limit(self) -> int:
        return _LIMITS[self.encoding][0]


def sms_length(text: str) -> SmsLength:
    """Encoding, counted characters and segments of an SMS text."""
    if all(c in GSM_BASIC or c in GSM_EXTENSION for c in text):
        encoding, units = SmsEncoding.GSM7, [2 if c in GSM_EXTENSION else 1 for c in text]
    else:
        encoding, units = SmsEncoding.UCS2, [2 if ord(c) > 0xFFFF else 1 for c in text]
    single, part = _LIMITS[encoding]
    total = sum(units)
    if total <= single:
        return SmsLength(encoding, total, 1 if total else 0, single - total)
    segments, used = 1, 0
    for size in units:  # an escape or surrogate pair never straddles two segments
        if used + size > part:
            segments, used = segments + 1, 0
        used += size
    return SmsLength(encoding, total, segments, part - used)


def plain_sms_text(text: str) -> str:
    """Vietnamese without diacritics and plain punctuation: a GSM-7 SMS, a third the price.

    "Điện lực Cao Lãnh – ngừng cấp điện" → "Dien luc Cao Lanh - ngung cap dien".
    """
    text = text.translate(_PLAIN_PUNCTUATION).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return unicodedata.normalize("NFC", stripped)
