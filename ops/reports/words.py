"""The words of a printed report in the reader's language (vi, en).

The reports are written with their Vietnamese words, `w("Trưởng ca")`; in English `w` looks
the phrase up in `ops.reports.words_en` (a phrase missing there stays Vietnamese, and
tests/unit/reports/test_report_words.py names it). Holes are `{name}`:
`w("Ca trực từ {start} đến {end}", start=..., end=...)`. Numbers, times and durations are
written the language's way: 6.104 and 12,5 in Vietnamese, 6,104 and 12.5 in English; times
are `HH:MM dd/mm/yyyy` in both. A new report takes `language`, makes `w = Words(language)`,
writes every word through it and puts `language` into its `ReportDocument`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from ops.clock import LOCAL_TZ
from ops.reports.document import Cell, Kind
from ops.wording import DEFAULT_LANGUAGE, LANGUAGES, label

DECIMALS = {Kind.DECIMAL: 2, Kind.INDEX: 4, Kind.PERCENT: 4}


class Words:
    """Phrases, labels, numbers and times of one report language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"no report words in {language!r}; there are {', '.join(LANGUAGES)}")
        self.language = language
        if language == "vi":
            self._phrases: dict[str, str] = {}
        else:
            from ops.reports.words_en import PHRASES

            self._phrases = PHRASES

    def __call__(self, phrase: str, /, context: str = "", **values: object) -> str:
        """The phrase in the report's language; `context` tells apart one Vietnamese phrase
        with two meanings ("Sự cố": an outage, or the fault part of an index)."""
        key = f"{phrase}|{context}" if context else phrase
        text = self._phrases.get(key, phrase)
        return text.format(**values) if values else text

    def label(self, value: Enum) -> str:
        """A domain value's name (a status, a deadline kind…)."""
        return label(value, self.language)

    def code(self, enum: type[Enum], code: str) -> str:
        """The name of a value stored as its code; a code the enum lacks is shown as it is."""
        try:
            return self.label(enum(code))
        except (ValueError, KeyError):
            return code

    def number(self, value: float, decimals: int = 0) -> str:
        """12345.678 → '12.345,68' in Vietnamese, '12,345.68' in English."""
        text = f"{value:,.{decimals}f}"
        if self.language == "en":
            return text
        return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")

    def percent(self, share: float, decimals: int = 4) -> str:
        return self.number(share * 100, decimals) + " %"

    def cell(self, value: Cell, kind: Kind) -> str:
        if value is None:
            return "–"
        if isinstance(value, str) or kind is Kind.TEXT:
            return str(value)
        if kind is Kind.INTEGER:
            return self.number(round(value))
        if kind is Kind.PERCENT:
            return self.percent(value, DECIMALS[kind])
        return self.number(value, DECIMALS[kind])

    def time(self, at: datetime, zone: ZoneInfo = LOCAL_TZ) -> str:
        return at.astimezone(zone).strftime("%H:%M %d/%m/%Y")

    def short_time(self, at: datetime, zone: ZoneInfo = LOCAL_TZ) -> str:
        """Time and day without the year, for tables inside a dated window: '09:41 27/11'."""
        return at.astimezone(zone).strftime("%H:%M %d/%m")

    def day(self, d: date) -> str:
        return f"{d:%d/%m/%Y}"

    def duration(self, span: timedelta) -> str:
        """1 h 05 min; under an hour '12 min'; seconds only when under a minute."""
        seconds = int(span.total_seconds())
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        h, m, s = ("giờ", "phút", "giây") if self.language == "vi" else ("h", "min", "s")
        if hours:
            return f"{hours} {h} {minutes:02d} {m}"
        if minutes:
            return f"{minutes} {m}" + (f" {secs:02d} {s}" if secs else "")
        return f"{secs} {s}"
