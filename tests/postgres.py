"""A throw-away PostgreSQL server for the tests: Debian's binaries, a private cluster, a socket.

Set OMS_TEST_POSTGRES_URL to use an existing server instead (a superuser URL, e.g.
postgresql+psycopg://postgres@localhost:5432/postgres).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

URL_ENV = "OMS_TEST_POSTGRES_URL"


class PostgresUnavailableError(RuntimeError):
    pass


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise PostgresUnavailableError(
            "PostgreSQL server binaries are missing: run scripts/bootstrap.sh as root "
            "(or apt-get install postgresql), or set " + URL_ENV
        )
    return Path(found[-1]).parent


def _as_postgres(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; run them as the `postgres` system user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields a superuser URL of a running server, stopped and removed afterwards."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    bin_dir = _binaries()
    root = Path(tempfile.mkdtemp(prefix="oms-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", 55_000 + os.getpid() % 5_000
    subprocess.run(
        _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                      "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"]),
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                      "-l", str(root / "server.log"), "-w", "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={root}&port={port}"
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def create_database(server_url: str, name: str, template: str | None = None) -> str:
    """Create a database on the server and return its URL."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        clause = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)
