"""The command line's own parts: every command registered by its group, one error path,
files written whole, and a window start-up that does not pay for the commands."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import cli
from cli.common import CommandError, Context, write_output
from ops.errors import InvalidOperation

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = (
    "seed-demo", "export-map", "import-network", "affected", "import-interruptions",
    "reliability", "migrate", "backup", "restore", "send-notices", "export-planned", "accounts",
    "crews",
)  # fmt: skip


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def _no_pdf(doc: object, out: Path) -> int:
    raise AssertionError("no PDF here")


def test_every_command_is_registered_by_its_group_with_a_run_function() -> None:
    commands = _subcommands(cli.build_parser())
    assert tuple(commands) == COMMANDS  # the order --help lists them in
    for name, parser in commands.items():
        run = parser.get_default("run")
        assert callable(run), name
        assert run.__module__ in {g.__name__ for g in cli.GROUPS}, name
    assert cli.parse([]).run is None  # no command: the window


def test_a_refusal_is_one_line_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OMS_CONFIG_DIR", str(tmp_path))
    args = cli.parse(["--db", "sqlite://", "affected", "X"])

    def refuses(error: Exception) -> cli.Command:
        def command(ctx: Context) -> int:
            raise error

        return command

    assert cli.run(args, refuses(CommandError("no such thing")), write_pdf=_no_pdf) == 2
    assert capsys.readouterr().err == "error: no such thing\n"
    refusal = InvalidOperation("the switch is open already", switch="S1")
    assert cli.run(args, refuses(refusal), write_pdf=_no_pdf) == 2
    assert capsys.readouterr().err == "error: the switch is open already\n"
    (tmp_path / "settings.toml").write_text("language = [", encoding="utf-8")
    assert cli.run(args, lambda ctx: 0, write_pdf=_no_pdf) == 2
    assert capsys.readouterr().err.startswith("error: ")
    (tmp_path / "settings.toml").unlink()
    with pytest.raises(ZeroDivisionError):  # a bug keeps its traceback
        cli.run(args, refuses(ZeroDivisionError()), write_pdf=_no_pdf)


def test_write_output_writes_whole_files_or_says_why_not(tmp_path: Path) -> None:
    out = tmp_path / "a.html"
    write_output(out, "<p>Tạm ngừng</p>")
    assert out.read_text(encoding="utf-8") == "<p>Tạm ngừng</p>"
    write_output(out, b"\x00\x01")
    assert out.read_bytes() == b"\x00\x01"
    missing = tmp_path / "no" / "x.ics"
    with pytest.raises(CommandError, match=r"^Cannot write .*x\.ics: No such file or directory$"):
        write_output(missing, "x")
    assert not missing.parent.exists()
    write_output(missing, "x", create_folder=True)
    assert missing.read_text(encoding="utf-8") == "x"
    (tmp_path / "taken").mkdir()
    with pytest.raises(CommandError, match="Cannot write"):
        write_output(tmp_path / "taken", "x")  # a folder is in the way
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "no", "taken"]


def test_the_window_start_up_does_not_import_the_commands_heavy_modules() -> None:
    probe = (
        "import json, sys, main; args = main.cli.parse([]); assert args.run is None; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    heavy = {"db", "sqlalchemy", "alembic", "maps", "geopandas", "folium", "console", "PySide6",
             "openpyxl", "ops.network", "ops.reliability", "ops.delivery", "ops.notices",
             "ops.reports", "ops.policy", "ops.files"}  # fmt: skip
    assert loaded.isdisjoint(heavy)
