"""`main.py accounts …` on a district just imported: the first administrator, then the rest.

Each test runs main.py as a process on its own copy of a SQLite file that `import-network`
made from the interchange example (no account in it, as in a real district's first day).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from db import Database
from db.actions import run_action
from ops.access.accounts import sign_in
from ops.access.signin import SignInOutcome
from ops.clock import SystemClock
from tests.unit.network_files import EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mật khẩu đầu tiên"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("district") / "imported.db"
    done = main("--db", f"sqlite:///{path}", "import-network", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def url(imported: Path, tmp_path: Path) -> str:
    path = tmp_path / "district.db"
    shutil.copyfile(imported, path)
    return f"sqlite:///{path}"


def main(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, input=stdin,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def accounts(url: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return main("--db", url, "accounts", *args, stdin=stdin)


def refused(done: subprocess.CompletedProcess[str]) -> str:
    """The one line of a refusal (exit code 2, no traceback)."""
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def listed(url: str) -> dict[str, dict[str, object]]:
    done = accounts(url, "list", "--json")
    assert done.returncode == 0, done.stderr
    return {row["username"]: row for row in json.loads(done.stdout)}


def outcome(url: str, username: str, password: str) -> SignInOutcome:
    db = Database(url)
    try:
        clock = SystemClock()
        result = run_action(
            db, lambda s: sign_in(s, clock, username=username, password=password),
            workstation="sign-in",
        )  # fmt: skip
        return result.outcome
    finally:
        db.dispose()


def add(url: str, username: str, role: str, password: str = PASSWORD) -> None:
    done = accounts(url, "add", username, "--role", role, "--password-stdin", stdin=password + "\n")
    assert done.returncode == 0, done.stderr


def test_the_first_administrator_is_added_from_stdin_and_can_sign_in(url: str) -> None:
    assert listed(url) == {}
    empty = accounts(url, "list")
    assert "python main.py accounts add admin --role administrator" in empty.stdout

    done = accounts(
        url, "add", "admin", "--role", "administrator", "--name", "Quản trị Điện lực",
        "--password-stdin", stdin=f"{PASSWORD}\nthe rest is not read\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Account admin created (administrator).\n"
    assert PASSWORD not in done.stdout + done.stderr
    rows = listed(url)
    assert rows == {
        "admin": {"username": "admin", "name": "Quản trị Điện lực", "role": "administrator",
                  "active": True, "locked": False}
    }  # fmt: skip
    table = accounts(url, "list").stdout.splitlines()
    assert table[0].split() == ["USERNAME", "NAME", "ROLE", "ACTIVE", "LOCKED"]
    assert table[1].startswith("admin     Quản trị Điện lực  administrator  yes")
    assert outcome(url, "admin", PASSWORD) is SignInOutcome.SIGNED_IN

    db = Database(url)
    with db.session() as s:  # the change log says who did it, and from where
        logged = s.execute(
            text("SELECT workstation, accounts FROM change_log WHERE NOT network")
        ).all()
    db.dispose()
    assert len(logged) == 1 and logged[0][0].startswith("cli:") and "@" in logged[0][0]
    assert json.loads(logged[0][1]) == ["admin"]


def test_a_weak_password_a_taken_name_and_an_unknown_role_are_refused(url: str) -> None:
    rule = "at least 8 characters, not only digits, and not the user name"
    for weak in ("short", "0912345678", "Admin"):
        line = refused(accounts(url, "add", "admin", "--role", "administrator",
                                "--password-stdin", stdin=weak + "\n"))  # fmt: skip
        assert line.startswith("error: a password needs") and rule in line
        assert weak not in line
    assert "standard input gave no password" in refused(
        accounts(url, "add", "admin", "--role", "administrator", "--password-stdin", stdin="")
    )
    assert listed(url) == {}

    add(url, "admin", "administrator")
    taken = refused(accounts(url, "add", "admin", "--role", "viewer", "--password-stdin",
                             stdin="another long one\n"))  # fmt: skip
    assert taken == "error: the user name admin is taken"
    wrong = accounts(url, "add", "dv.an", "--role", "boss", "--password-stdin", stdin=PASSWORD)
    assert wrong.returncode == 2 and "invalid choice: 'boss'" in wrong.stderr
    assert "administrator" in wrong.stderr  # the roles there are, named
    assert refused(accounts(url, "unlock", "nobody")) == "error: no account nobody"


def test_set_role_and_disable_then_sign_in_is_refused(url: str) -> None:
    add(url, "admin", "administrator")
    add(url, "dv.an", "dispatcher")
    done = accounts(url, "set-role", "dv.an", "shift_lead")
    assert done.returncode == 0 and done.stdout == "dv.an: role shift_lead (was dispatcher).\n"
    assert listed(url)["dv.an"]["role"] == "shift_lead"

    done = accounts(url, "disable", "dv.an")
    assert done.returncode == 0, done.stderr
    assert listed(url)["dv.an"]["active"] is False
    assert outcome(url, "dv.an", PASSWORD) is SignInOutcome.DISABLED
    assert accounts(url, "disable", "dv.an").stdout == "dv.an was disabled already.\n"


def test_reset_password_and_unlock(url: str) -> None:
    add(url, "admin", "administrator")
    add(url, "dv.an", "dispatcher")
    for _ in range(5):
        outcome(url, "dv.an", "wrong password")
    assert listed(url)["dv.an"]["locked"] is True
    assert "until " in accounts(url, "list").stdout
    assert outcome(url, "dv.an", PASSWORD) is SignInOutcome.LOCKED

    done = accounts(url, "unlock", "dv.an")
    assert done.returncode == 0 and listed(url)["dv.an"]["locked"] is False
    assert outcome(url, "dv.an", PASSWORD) is SignInOutcome.SIGNED_IN

    assert "error: a password needs" in refused(
        accounts(url, "reset-password", "dv.an", "--password-stdin", stdin="dv.an\n")
    )
    done = accounts(url, "reset-password", "dv.an", "--password-stdin", stdin="mật khẩu mới\r\n")
    assert done.returncode == 0 and done.stdout == "Password of dv.an changed.\n"
    assert outcome(url, "dv.an", PASSWORD) is SignInOutcome.REFUSED
    assert outcome(url, "dv.an", "mật khẩu mới") is SignInOutcome.SIGNED_IN


def test_the_last_active_administrator_is_protected(url: str) -> None:
    add(url, "admin", "administrator")
    last = "error: admin is the last active administrator: make another account administrator first"
    assert refused(accounts(url, "set-role", "admin", "viewer")) == last
    assert refused(accounts(url, "disable", "admin")) == last
    assert listed(url)["admin"] == {"username": "admin", "name": "admin", "role": "administrator",
                                    "active": True, "locked": False}  # fmt: skip

    add(url, "admin2", "dispatcher")
    assert accounts(url, "set-role", "admin2", "administrator").returncode == 0
    assert accounts(url, "disable", "admin").returncode == 0  # another one remains
    assert refused(accounts(url, "set-role", "admin2", "viewer")).startswith(
        "error: admin2 is the last active administrator"
    )


def test_without_stdin_the_password_is_asked_twice_and_must_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cli import accounts as command
    from cli.common import CommandError

    answers = iter(["eins zwei drei", "eins zwei drei", "eins zwei drei", "eins zwei vier"])
    prompts: list[str] = []

    def typed(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(command.getpass, "getpass", typed)
    assert command._new_password(from_stdin=False) == "eins zwei drei"
    assert len(prompts) == 2
    with pytest.raises(CommandError, match="the two passwords differ; nothing was changed"):
        command._new_password(from_stdin=False)
