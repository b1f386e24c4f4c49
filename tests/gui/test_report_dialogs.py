"""The report dialogs show and read times in the console's zone, whatever the machine's is."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from console.reports.dialogs import HandoverDialog, shift_window
from ops.clock import LOCAL_TZ
from ops.crews.shifts import ShiftPattern
from ops.settings import load_settings

NOW = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)  # 08:30 in Vietnam, 20:30 the day before in NY


@pytest.fixture(params=["America/New_York", "Europe/Berlin", "UTC"])
def machine_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """The machine set to another time zone than the district's, for one test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_handover_period_is_in_the_consoles_time_zone(qtbot: QtBot, machine_zone: str) -> None:
    dialog = HandoverDialog(None, NOW)
    qtbot.addWidget(dialog)
    start, end = shift_window(NOW, ShiftPattern.parse(load_settings().shift_starts))
    shown = [edit.text() for edit in dialog.edits]
    assert shown[1] == "08:30 02/12/2026"
    assert shown[0] == f"{start.astimezone(LOCAL_TZ):%H:%M %d/%m/%Y}"
    request = dialog.request()
    assert request is not None and (request.start, request.end) == (start, end)


def test_a_time_typed_is_read_as_the_districts(qtbot: QtBot, machine_zone: str) -> None:
    dialog = HandoverDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.edits[0].setDateTime(dialog.edits[0].dateTimeFromText("06:00 02/12/2026"))
    request = dialog.request()
    assert request is not None
    assert request.start == datetime(2026, 12, 1, 23, 0, tzinfo=UTC)  # 06:00 in Vietnam
