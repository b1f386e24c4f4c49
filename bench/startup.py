"""Start-up benchmark: median of 5 fresh starts of the console on the demo district.

Prints time to the first painted window, time to the map loaded, and the peak memory of the
console with all its helper processes (QtWebEngine renderer, GPU, utility), as the sum of
proportional set sizes (PSS, shared pages counted once) and of RSS.
Targets on a 2-core machine: window <= 1.5 s, map <= 3 s, memory <= 600 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def _tree_memory(proc: psutil.Process) -> tuple[int, int]:
    pss = rss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            pss += info.pss
            rss += info.rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return pss, rss


def one_start(db_url: str, env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", db_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak = [0, 0]
    stop = threading.Event()

    def sample() -> None:
        ps = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                pss, rss = _tree_memory(ps)
            except psutil.NoSuchProcess:
                return
            peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "STARTUP":
            marks[parts[1]] = float(parts[2]) - started
    proc.wait(timeout=120)
    stop.set()
    sampler.join()
    if "map_loaded" not in marks:
        raise SystemExit(f"the console did not report a loaded map (exit code {proc.returncode})")
    return {
        "window": marks["window_painted"],
        "map": marks["map_loaded"],
        "pss_mb": peak[0] / 2**20,
        "rss_mb": peak[1] / 2**20,
    }


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="oms-bench-"))
    env = dict(
        os.environ,
        OMS_STARTUP_TIMING="1",
        OMS_QUIT_AFTER_MAP="1",
        OMS_USER="dieudo",  # a demo account (db/seed.py): signs in without the dialog
        OMS_PASSWORD="demo1234",
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    db_url = f"sqlite:///{work / 'demo.db'}"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db_url, "seed-demo"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    one_start(db_url, env)  # warm the OS file cache once, as a workstation that ran it before
    runs = [one_start(db_url, env) for _ in range(RUNS)]
    print(
        f"console start-up on the demo district, {RUNS} starts, platform {env['QT_QPA_PLATFORM']}"
    )
    targets = {"window": 1.5, "map": 3.0, "pss_mb": 600.0}
    for key, label, unit in (
        ("window", "first painted window", "s"),
        ("map", "map loaded", "s"),
        ("pss_mb", "peak memory, all processes (PSS)", "MB"),
        ("rss_mb", "peak memory, all processes (RSS)", "MB"),
    ):
        values = [r[key] for r in runs]
        median = statistics.median(values)
        spread = f"(min {min(values):.2f}, max {max(values):.2f})"
        line = f"  {label:<36} median {median:8.2f} {unit}  {spread}"
        if key in targets:
            line += f"  target {targets[key]:g} {unit}, ratio {median / targets[key]:.2f}"
        print(line)


if __name__ == "__main__":
    main()
