"""Typed settings: one place for what an installation can configure, with defaults and checks.

Read from `settings.toml` in the user's configuration directory; the environment and the
command line override the database URL. Window geometry lives in Qt's own store, not here.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "outage-console"
DATABASE_ENV = "OMS_DATABASE_URL"
DATA_DIR_ENV = "OMS_DATA_DIR"
CONFIG_DIR_ENV = "OMS_CONFIG_DIR"
LANGUAGES = ("vi", "en")


class SettingsError(ValueError):
    """The settings file says something the console cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str | None = None
    language: str = "vi"
    company_name: str = "Tổng công ty Điện lực miền Nam"
    office_name: str = "Điện lực Cao Lãnh"
    policy_profile: str = "vn-default"


def data_dir() -> Path:
    """Where the embedded database lives (per user)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else platformdirs.user_config_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / "console.db"


def load_settings(path: Path | None = None) -> Settings:
    """Settings from the TOML file, or the defaults if there is none."""
    path = path or config_dir() / "settings.toml"
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from exc
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SettingsError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; known: {sorted(known)}"
        )
    for key, value in raw.items():
        if not isinstance(value, str):
            raise SettingsError(f"{path}: '{key}' must be text, not {type(value).__name__}")
    settings = Settings(**raw)
    if settings.language not in LANGUAGES:
        raise SettingsError(f"{path}: language must be one of {', '.join(LANGUAGES)}")
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings file (only values that differ from the defaults), atomically."""
    path = path or config_dir() / "settings.toml"
    defaults = Settings()
    lines = [
        f"{f.name} = {json.dumps(getattr(settings, f.name), ensure_ascii=False)}"
        for f in fields(Settings)
        if getattr(settings, f.name) is not None
        and getattr(settings, f.name) != getattr(defaults, f.name)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    # A JSON string is a valid TOML basic string for everything a setting can hold.
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def resolve_database_url(cli_url: str | None, settings: Settings) -> tuple[str, bool]:
    """The database to open and whether it is the embedded default file.

    Order: `--db` on the command line, then the environment, then the settings file, then
    the SQLite file in the user's data directory.
    """
    for candidate in (cli_url, os.environ.get(DATABASE_ENV), settings.database_url):
        if candidate:
            return candidate, False
    return f"sqlite:///{default_database_path()}", True
