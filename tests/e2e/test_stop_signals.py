"""SIGTERM and Ctrl+C close the console at any moment, the modal sign-in dialog included."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_closes_the_console_during_the_sign_in(
    demo_db_path: Path, sig: signal.Signals
) -> None:
    env = dict(os.environ, OMS_STARTUP_TIMING="1", QT_QPA_PLATFORM="offscreen")
    for name in ("OMS_USER", "OMS_PASSWORD"):
        env.pop(name, None)  # the sign-in dialog, not the unattended sign-in
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--db", f"sqlite:///{demo_db_path}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # blocks until the console prints, no sleeping
            if line.startswith("STARTUP signing_in"):
                break
        time.sleep(1.0)  # the dialog's own event loop is running by now
        assert proc.poll() is None, "the console did not wait at the sign-in"
        sent = time.monotonic()
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=20)
        took = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-3000:]
    assert took < 5, f"{took:.1f} s to close"
    assert f"{sig.name} received" in err and "no one signed in: the console closes" in err
    assert "Traceback" not in err
