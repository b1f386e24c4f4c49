"""A refusal is an expected outcome, logged as one INFO line; a fault keeps its traceback."""

from __future__ import annotations

import logging

import pytest

from console.tasks import _Job, _Relay
from ops.errors import PermissionDenied


def _run(fn) -> None:  # type: ignore[no-untyped-def]
    relay = _Relay()
    _Job(fn, relay, lambda _r: None, lambda _e: None).run()


def test_a_refusal_is_one_info_line(qtbot, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    def refuse() -> None:
        raise PermissionDenied("not allowed", role="viewer")

    with caplog.at_level(logging.DEBUG, logger="console.tasks"):
        _run(refuse)
    records = [r for r in caplog.records if r.name == "console.tasks"]
    assert [r.levelno for r in records] == [logging.INFO]
    assert "Traceback" not in records[0].getMessage() and "\n" not in records[0].getMessage()
    assert "permission_denied" in records[0].getMessage()


def test_a_fault_keeps_its_traceback(qtbot, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    def fail() -> None:
        raise RuntimeError("disk on fire")

    with caplog.at_level(logging.DEBUG, logger="console.tasks"):
        _run(fail)
    records = [r for r in caplog.records if r.name == "console.tasks"]
    assert [r.levelno for r in records] == [logging.ERROR]
    assert "Traceback" in records[0].getMessage()
