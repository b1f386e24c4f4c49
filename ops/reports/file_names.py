"""The names proposed for a saved report: the reference a person knows it by, in the interface
language, in plain ASCII (no accents, no spaces) so that any program and mail system takes it.

    SC-2026-0010            the outage report of SC-2026-0010
    giao-ca-2026-12-02-0600 the handover of the shift that started at 06:00 on 2 December
    do-tin-cay-2026-11      reliability over November 2026 (a whole year: do-tin-cay-2026)
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime

from ops.clock import LOCAL_TZ

_WORDS = {
    "vi": {"handover": "giao-ca", "reliability": "do-tin-cay", "to": "den", "outage": "su-co"},
    "en": {"handover": "handover", "reliability": "reliability", "to": "to", "outage": "outage"},
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["vi"])


def safe_name(text: str) -> str:
    """`text` as a file name: runs of anything but letters, digits, '.', '_' and '-' made '-'."""
    return _UNSAFE.sub("-", text).strip("-.") or "report"


def outage_report_name(reference: str | None, outage_id: int, language: str = "vi") -> str:
    """The outage's reference ("SC-2026-0010"); its number where it has none."""
    if reference:
        return safe_name(reference)
    return f"{_words(language)['outage']}-{outage_id}"


def handover_name(shift_start: datetime, language: str = "vi") -> str:
    """The handover by the local day and time its shift started: giao-ca-2026-12-02-0600."""
    local = shift_start.astimezone(LOCAL_TZ)
    return f"{_words(language)['handover']}-{local:%Y-%m-%d-%H%M}"


def reliability_name(first: date, last: date, method: str = "vn", language: str = "vi") -> str:
    """The period by its month or year when it is one, else its first and last day; the
    IEEE 1366 method named, the Vietnamese one (the usual) not."""
    words = _words(language)
    if first.day == 1 and last == first.replace(day=monthrange(first.year, first.month)[1]):
        period = f"{first:%Y-%m}"
    elif (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
        first.year == last.year
    ):
        period = f"{first:%Y}"
    else:
        period = f"{first:%Y-%m-%d}-{words['to']}-{last:%Y-%m-%d}"
    suffix = "" if method == "vn" else f"-{safe_name(method)}"
    return f"{words['reliability']}-{period}{suffix}"


def map_name(language: str = "vi") -> str:
    """The exported map."""
    return "ban-do-su-co" if language == "vi" else "outage-map"
