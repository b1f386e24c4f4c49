"""Two console processes on one SQLite file: a conflicting edit is refused, a change spreads."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEMO_NOW

ROOT = Path(__file__).resolve().parents[2]
NOW = DEMO_NOW + timedelta(minutes=10)


class Console:
    """A `tests.db.console_process` child, asked one JSON line at a time."""

    def __init__(self, url: str, workstation: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.db.console_process", url, workstation, NOW.isoformat()],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        self._answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._answers.put(line)

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def reply(self, timeout: float = 20) -> dict[str, Any]:
        try:
            return dict(json.loads(self._answers.get(timeout=timeout)))
        except queue.Empty:
            self.process.kill()
            _, errors = self.process.communicate()
            raise AssertionError(f"no answer from the console process: {errors}") from None

    def ask(self, **command: Any) -> dict[str, Any]:
        self.send(**command)
        return self.reply()

    def quit(self) -> None:
        if self.process.poll() is None:
            self.send(do="quit")

    def close(self) -> None:
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def consoles(demo_db_path: Path) -> Iterator[tuple[Console, Console]]:
    url = f"sqlite:///{demo_db_path}"
    a, b = Console(url, "A"), Console(url, "B")
    yield a, b
    for console in (a, b):  # both wind down at once
        console.quit()
    for console in (a, b):
        console.close()


def test_a_conflicting_edit_is_refused_and_a_change_reaches_the_other_console(
    consoles: tuple[Console, Console],
) -> None:
    a, b = consoles
    start = b.ask(do="seq")["seq"]
    seen_by_a, seen_by_b = a.ask(do="load", outage=5), b.ask(do="load", outage=5)
    assert seen_by_a == seen_by_b  # both show the same version

    b.send(do="wait_for_changes", since=start, timeout=10)  # B polls while A works
    etr_a = (NOW + timedelta(hours=3)).isoformat()
    assert a.ask(do="set_etr", outage=5, version=seen_by_a["version"], etr=etr_a) == {"ok": True}
    edited = time.monotonic()
    heard = b.reply()
    assert time.monotonic() - edited < 2.0  # the bound for a change to show elsewhere
    assert heard["outages"] == [5] and heard["journal"] == [5] and heard["seq"] > start

    etr_b = (NOW + timedelta(hours=5)).isoformat()
    refused = b.ask(do="set_etr", outage=5, version=seen_by_b["version"], etr=etr_b)
    assert refused["refused"] == "stale_edit" and "someone else" in refused["message"]
    assert b.ask(do="load", outage=5) == {"version": seen_by_a["version"] + 1, "etr": etr_a}
