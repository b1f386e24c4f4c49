"""A reader that goes away (`| head`) ends the command quietly: exit code 141, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.common import CLOSED_PIPE
from db import Database
from db.repositories.network import NetworkRepository

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def device(demo_db_path: Path) -> str:
    db = Database(f"sqlite:///{demo_db_path}")
    with db.session() as s:
        model = NetworkRepository(s).load_model()
    db.dispose()
    return next(s.switch_id for s in model.switches if not s.is_open)


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """`main.py ARGS` writing into a real pipe whose reader is gone before it starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.close(write_end)


def test_affected_into_a_closed_pipe_ends_with_141_and_nothing_on_stderr(
    demo_db_path: Path, device: str
) -> None:
    done = run_into_closed_pipe("--db", f"sqlite:///{demo_db_path}", "affected", device, "--json")
    assert done.returncode == CLOSED_PIPE == 141
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert "Exception ignored" not in done.stderr


def test_help_into_a_closed_pipe_ends_quietly_too() -> None:
    """argparse drops help it cannot write (exit 0); should it not, the guard gives 141."""
    for args in (["--help"], ["affected", "--help"], ["--version"]):
        done = run_into_closed_pipe(*args)
        assert done.returncode in (0, CLOSED_PIPE) and done.stderr == "", args


def test_affected_through_head_as_a_shell_runs_it(demo_db_path: Path, device: str) -> None:
    """The pipeline as administrators write it; whether `head` has gone before the command
    writes is up to the scheduler, so both endings are right, and neither leaves a trace."""
    command = (
        f'"{sys.executable}" main.py --db "sqlite:///{demo_db_path}" affected {device} --json '
        '| head -c 20; echo " ${PIPESTATUS[0]}"'
    )
    done = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    head, code = done.stdout.rsplit(" ", 1)
    assert len(head.encode("utf-8")) == 20 and head.startswith('{"device": "')
    assert int(code) in (0, CLOSED_PIPE)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
