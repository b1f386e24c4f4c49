"""Test-wide set-up: offscreen Qt, isolated user directories, a demo database made once."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# Before anything imports Qt or platformdirs: no screen, no sandbox (root), and user
# directories (settings, QSettings, the embedded database) inside a throw-away folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
_HOME = Path(tempfile.mkdtemp(prefix="oms-tests-"))
for var, sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[var] = str(_HOME / sub)
os.environ.pop("OMS_DATABASE_URL", None)

if os.environ.get("OMS_BLOCK_QT") == "1":
    # Domain tests prove they need no Qt: importing it fails in this process.
    for name in ("PySide6", "shiboken6"):
        sys.modules[name] = None  # type: ignore[assignment]


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    # The Qt-free run switches pytest-qt off; its settings in pyproject.toml stay known.
    if not pluginmanager.has_plugin("pytest-qt"):
        for name in ("qt_api", "qt_log_level_fail"):
            parser.addini(name, "used by pytest-qt, which this run does not load")


# A fixed instant for deterministic demo data: 10:30 in Vietnam.
DEMO_NOW = datetime(2026, 11, 20, 3, 30, tzinfo=UTC)


def _seed_demo(url: str) -> None:
    from db import Database
    from db.seed import seed_demo
    from ops.demo import generate_demo_district

    db = Database(url)
    db.upgrade()
    seed_demo(db, generate_demo_district(DEMO_NOW), at=DEMO_NOW)
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo-district SQLite file, generated once per test session."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    _seed_demo(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A superuser URL of a private PostgreSQL server for this test session."""
    from tests.postgres import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def postgres_demo_template(postgres_url: str) -> str:
    """A PostgreSQL database holding the demo district, copied by each test that needs it."""
    from tests.postgres import create_database

    _seed_demo(create_database(postgres_url, "demo_template"))
    return "demo_template"


_counter = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend the console supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    from tests.postgres import create_database

    server = request.getfixturevalue("postgres_url")
    return create_database(server, f"t{os.getpid()}_{next(_counter)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A private copy of the demo database on each backend."""
    if request.param == "sqlite":
        template = request.getfixturevalue("demo_db_template")
        path = tmp_path / "demo.db"
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"
    from tests.postgres import create_database

    template_name = request.getfixturevalue("postgres_demo_template")
    server = request.getfixturevalue("postgres_url")
    return create_database(server, f"d{os.getpid()}_{next(_counter)}", template=template_name)


@pytest.fixture
def demo_db_path(demo_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database for one test."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_db_template, path)
    return path


@pytest.fixture
def demo_db(demo_db_path: Path) -> Iterator[object]:
    """The demo district in SQLite (GUI and command-line tests)."""
    from db import Database

    db = Database(f"sqlite:///{demo_db_path}")
    yield db
    db.dispose()


@pytest.fixture
def any_demo_db(demo_db_url: str) -> Iterator[object]:
    """The demo district on SQLite and on PostgreSQL (persistence tests)."""
    from db import Database

    db = Database(demo_db_url)
    yield db
    db.dispose()
