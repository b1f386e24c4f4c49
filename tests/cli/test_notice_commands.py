"""`export-planned` and `send-notices` on the command line: files written, clear refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if config is not None:
        env["OMS_CONFIG_DIR"] = str(config)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_export_planned_writes_the_calendar_and_the_public_list(
    demo_db_path: Path, tmp_path: Path
) -> None:
    db = f"sqlite:///{demo_db_path}"
    refused = run("--db", db, "export-planned")
    assert refused.returncode == 2 and "Give --ical FILE.ics, --public-list" in refused.stderr
    ics, page = tmp_path / "lich.ics", tmp_path / "lich.html"
    done = run(
        "--db", db, "export-planned", "--ical", str(ics), "--public-list", str(page),
        "--from", "2026-11-20",  # the demo's day
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    calendar = ics.read_bytes().decode("utf-8")
    assert calendar.count("BEGIN:VEVENT") >= 1 and "SUMMARY:Tạm ngừng cấp điện: " in calendar
    html = page.read_text(encoding="utf-8")
    assert "LỊCH TẠM NGỪNG CUNG CẤP ĐIỆN – ĐIỆN LỰC CAO LÃNH" in html
    assert "KHU VỰC: " in html and "LÝ DO NGỪNG CUNG CẤP ĐIỆN: " in html
    unwritable = run("--db", db, "export-planned", "--ical", str(tmp_path / "no" / "x.ics"))
    assert unwritable.returncode == 2 and "Cannot write" in unwritable.stderr
    bad_day = run("--db", db, "export-planned", "--ical", str(ics), "--from", "20/11/2026")
    assert bad_day.returncode == 2 and "YYYY-MM-DD" in bad_day.stderr


def test_send_notices_refuses_bad_delivery_settings_naming_the_key(
    demo_db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "settings.toml").write_text(
        '[smtp]\nsender = "tb@dl.example"\nport = 99999\n', encoding="utf-8"
    )
    bad = run("--db", f"sqlite:///{demo_db_path}", "send-notices", config=tmp_path)
    assert bad.returncode == 2 and "'port' must be a number from 1 to 65535" in bad.stderr
    (tmp_path / "settings.toml").write_text('[notices]\nquiet_hours = "9pm"\n', encoding="utf-8")
    bad = run("--db", f"sqlite:///{demo_db_path}", "send-notices", config=tmp_path)
    assert bad.returncode == 2 and 'write it as "21:00-07:00"' in bad.stderr
    (tmp_path / "settings.toml").write_text("", encoding="utf-8")
    fine = run("--db", f"sqlite:///{demo_db_path}", "send-notices", config=tmp_path)
    assert fine.returncode == 0, fine.stderr
    assert fine.stdout.startswith("sent 0, retrying 0, failed 0")
