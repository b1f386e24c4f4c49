"""The command line's contract: help, version, seed-demo, export-map, and clear errors."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import main
from db import Database

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version_and_help() -> None:
    from ops import __version__

    assert __version__ in run("--version").stdout
    helped = run("--help")
    assert helped.returncode == 0
    for command in ("seed-demo", "export-map", "--db"):
        assert command in helped.stdout


def test_export_map_writes_an_offline_self_contained_page(
    demo_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "m.html"
    assert main.main(["--db", f"sqlite:///{demo_db_path}", "export-map", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img)\b[^>]*>", html, flags=re.IGNORECASE)
    remote = [t for t in tags if re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", t)]
    assert remote == []
    assert not re.search(r"""["'](?:https?:)?//[^"']*\{[zxy]\}""", html)  # no tile template
    assert "L.map" in html or "L.Map" in html
    assert "qwebchannel" not in html.lower()  # no Qt bits in a browser export
    assert "<img src=x onerror" not in html  # the demo's hostile customer name stays inert


def test_export_map_speaks_the_language_asked_for(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    db = ["--db", f"sqlite:///{demo_db_path}"]
    assert main.main([*db, "--lang", "en", "export-map", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "DEMO DATA" in html and "Chú giải" not in html


def test_export_map_to_an_unwritable_place_says_so(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main.main(
        ["--db", f"sqlite:///{demo_db_path}", "export-map", "--out", "/proc/no-such-dir/m.html"]
    )
    assert code == 2
    assert "Cannot write" in capsys.readouterr().err


def test_seed_demo_refuses_to_replace_a_real_district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'real.db'}"
    db = Database(url)
    db.upgrade()
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO site_settings (key, value) VALUES ('district_name', 'Điện lực thật')"
        )
    assert main.main(["--db", url, "seed-demo"]) == 2
    assert "--force" in capsys.readouterr().err
    assert db.site_settings()["district_name"] == "Điện lực thật"


def test_an_unusable_database_url_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run(
        "--db", "sqlite:////proc/forbidden/x.db", "export-map", "--out", str(tmp_path / "m.html")
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "error:" in result.stderr
