"""Counts in the status bar, tables and details follow the interface language's separators."""

from __future__ import annotations

from console.status_bar import ConsoleStatusBar


def _counts(qtbot) -> str:  # type: ignore[no-untyped-def]
    bar = ConsoleStatusBar("SQLite demo.db")
    qtbot.addWidget(bar)
    bar.set_counts(open_outages=3, customers_out=6104, customers=125300, crews_out=2, crews=9)
    return bar.counts.text()


def test_english_counts_have_english_separators(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The English status bar showed "6.104" (the Vietnamese thousands separator).
    text = _counts(qtbot)
    assert "6,104 / 125,300" in text and "6.104" not in text


def test_vietnamese_counts_have_vietnamese_separators(qtbot, in_vietnamese) -> None:  # type: ignore[no-untyped-def]
    assert "6.104 / 125.300" in _counts(qtbot)
