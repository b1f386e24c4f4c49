"""`python main.py` as a real process: the window comes up, the map loads, and it closes cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_console_starts_loads_its_map_and_exits_cleanly(demo_db_path: Path) -> None:
    env = dict(
        os.environ,
        OMS_STARTUP_TIMING="1",
        QT_QPA_PLATFORM="offscreen",
        OMS_USER="dieudo",
        OMS_PASSWORD="demo1234",
    )
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--db", f"sqlite:///{demo_db_path}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    events: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # blocks until the console prints, no sleeping
            if line.startswith("STARTUP "):
                events.append(line.split()[1])
            if "map_loaded" in events:
                break
        assert events[:2] == ["window_painted", "map_loaded"], events
        proc.send_signal(signal.SIGTERM)  # what a logout or shutdown sends
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert "STARTUP closed" in out
    assert "Traceback" not in err
    assert "blocked" not in err  # the map made no network request
