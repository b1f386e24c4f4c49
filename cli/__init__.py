"""The command line: `python main.py [--db URL] COMMAND …`, one module per group of commands.

To add a group: write `cli/<group>.py` with `add_commands(sub)` giving each sub-parser
`set_defaults(run=<function(ctx: Context) -> int>)`, and name the module in `GROUPS` below;
raise `CommandError` for anything the person can fix (`cli.common` has the shared steps).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from types import ModuleType

from cli import accounts, crews, database, demo, network, notices, reliability
from cli.common import (
    USER_ERRORS,
    Command,
    CommandError,
    Context,
    PdfWriter,
    closed_pipe_ends_quietly,
    report,
)
from ops import __version__
from ops.settings import load_settings

__all__ = [
    "Command",
    "CommandError",
    "Context",
    "build_parser",
    "closed_pipe_ends_quietly",
    "parse",
    "run",
]

GROUPS: tuple[ModuleType, ...] = (demo, network, reliability, database, notices, accounts, crews)
"""In the order `--help` lists their commands."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Outage-operations console for distribution dispatch offices.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $OMS_DATABASE_URL, the settings file, or the embedded "
        "SQLite file), e.g. postgresql+psycopg://user@host/outages",
    )
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language (default vi)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.set_defaults(run=None)  # no command: main.py opens the console window
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in GROUPS:
        group.add_commands(sub)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The options and the chosen command (`run`, None without one)."""
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace, command: Command, *, write_pdf: PdfWriter) -> int:
    """Run `command` with the settings; a refusal is one line on stderr and exit code 2."""
    try:
        return command(Context(args, load_settings(), write_pdf))
    except USER_ERRORS as exc:
        return report(exc)
