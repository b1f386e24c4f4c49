"""A real district's first start: the network imported, no account yet, the console started.

The console must not offer a sign-in nobody can pass; it names the command that creates the
first administrator and closes (unattended here: OMS_USER set, so no message box waits).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.unit.network_files import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]


def test_a_database_without_accounts_names_the_command_and_closes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'district.db'}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMS_USER="admin", OMS_PASSWORD="x")
    main = [sys.executable, str(ROOT / "main.py"), "--db", url]
    imported = subprocess.run([*main, "import-network", str(EXAMPLE)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    done = subprocess.run(main, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "python main.py accounts add admin --role administrator" in done.stderr
    assert "no one signed in: the console closes" in done.stderr
    assert "Traceback" not in done.stderr
