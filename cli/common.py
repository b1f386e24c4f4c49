"""What every command shares: its settings and database, the policy profile, files it writes,
and the one way a problem reaches the person at the command line (one line, exit code 2).

Kept light on purpose: the window's start-up imports this module, so the database, the map
and the domain's larger parts are imported inside the functions that use them.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ops.errors import DomainError
from ops.settings import Settings, SettingsError, resolve_database_url

if TYPE_CHECKING:
    from db import Database
    from ops.policy import Policy
    from ops.reports.document import ReportDocument

USAGE_ERROR = 2
"""The exit code of every refusal: a problem the person can fix (argparse uses it too)."""

CLOSED_PIPE = 141
"""The exit code when the reader of our output went away (as a shell reports SIGPIPE: 128+13)."""


class CommandError(Exception):
    """A problem the person at the command line can fix; printed without a traceback."""


USER_ERRORS: tuple[type[Exception], ...] = (CommandError, SettingsError, DomainError)
"""What `report` turns into one line on stderr; anything else is a bug and keeps its traceback."""

PdfWriter = Callable[["ReportDocument", Path], int]
"""Writes a report as PDF and returns its pages; the printer is Qt's, so main.py plugs it in."""


@dataclass(frozen=True, slots=True)
class Context:
    """What a command works with besides its options: the settings and what main.py plugs in."""

    args: argparse.Namespace
    settings: Settings
    write_pdf: PdfWriter

    def database_url(self) -> tuple[str, bool]:
        """The database URL (`--db`, the environment, the settings, the embedded file) and
        whether it is the embedded default."""
        given: str | None = self.args.db
        return resolve_database_url(given, self.settings)

    def open_database(self, *, create_demo: bool = False) -> Database:
        """The database, its schema upgraded; on the embedded file's first start with
        `create_demo`, the demo district is written into it."""
        url, is_default = self.database_url()
        return open_database(url, is_default=is_default, create_demo=create_demo)

    def policy(self) -> Policy:
        """The installation's policy profile (its name from the settings)."""
        return load_policy(self.settings)


Command = Callable[[Context], int]
"""What a sub-parser runs (`set_defaults(run=...)`): the exit code, 0 when all went well."""


def report(exc: Exception) -> int:
    """The one way a refusal reaches the person: `error: ...` on stderr, exit code 2."""
    print(f"error: {exc}", file=sys.stderr)
    return USAGE_ERROR


def open_database(url: str, *, is_default: bool, create_demo: bool) -> Database:
    """`url` opened and upgraded, or a refusal; the demo district on the default file's first
    start when `create_demo` (the window and export-map)."""
    from db import Database, DatabaseError
    from db.migrate import SchemaTooNewError

    try:
        db = Database(url)
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc
    try:
        db.upgrade()
    except (DatabaseError, SchemaTooNewError) as exc:
        db.dispose()
        raise CommandError(str(exc)) from exc
    if create_demo and is_default and not db.site_settings():
        print("First start: creating the demo district (a few seconds)…", file=sys.stderr)
        seed_demo_district(db)
    return db


def seed_demo_district(db: Database) -> None:
    """Write the demo district (network, customers, outages, accounts) into `db`."""
    from db.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo
    from ops.demo import generate_demo_district

    started = time.perf_counter()
    now = datetime.now(UTC)
    district = generate_demo_district(now)
    seed_demo(db, district, at=now)
    print(
        f"Demo district written: {district.name}, {len(district.customers):,} customers, "
        f"{len(district.network.transformers):,} transformers, {len(district.outages)} outages "
        f"({time.perf_counter() - started:.1f} s).",
        file=sys.stderr,
    )
    accounts = ", ".join(f"{name} ({role.value})" for name, _, role in DEMO_ACCOUNTS)
    print(f"Demo accounts, password {DEMO_PASSWORD}: {accounts}.", file=sys.stderr)


def load_policy(settings: Settings) -> Policy:
    """The profile the settings name; an office's own profiles live in the configuration
    folder, beside the built-in ones."""
    from ops.policy import BUILTIN_POLICIES, PolicyError, load_profile
    from ops.settings import config_dir

    try:
        return load_profile(settings.policy_profile, (BUILTIN_POLICIES, config_dir() / "policies"))
    except PolicyError as exc:
        raise CommandError(f"policy profile '{settings.policy_profile}': {exc}") from exc


def write_output(path: Path, data: bytes | str, *, create_folder: bool = False) -> None:
    """Write a file the command hands on, in one step (never half a file); a failure is a
    `Cannot write` refusal. The folder must exist unless `create_folder`."""
    from ops.files import write_atomically

    try:
        if not create_folder and not path.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path.parent))
        write_atomically(path, data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}") from exc


@contextmanager
def closed_pipe_ends_quietly() -> Iterator[None]:
    """End with exit code 141 and no traceback when the reader of stdout goes away (`| head`).

    Python's documented recipe: flush inside, and on BrokenPipeError point stdout at devnull
    so that the interpreter's own flush at exit does not complain a second time.
    """
    try:
        try:
            yield
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a file (captured, or already closed)
            pass
        raise SystemExit(CLOSED_PIPE) from None
