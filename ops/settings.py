"""Typed settings: one place for what an installation can configure, with defaults and checks.

Read from `settings.toml` in the user's configuration directory; the environment and the
command line override the database URL. Window geometry lives in Qt's own store, not here.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from ops.crews.shifts import ShiftPattern
from ops.toml_reader import ConfigError, TomlTable

if TYPE_CHECKING:
    from ops.delivery.config import NoticeSettings
    from ops.delivery.http_sms import HttpSmsSettings
    from ops.delivery.smtp import SmtpSettings

APP_NAME = "outage-console"
DATABASE_ENV = "OMS_DATABASE_URL"
DATA_DIR_ENV = "OMS_DATA_DIR"
CONFIG_DIR_ENV = "OMS_CONFIG_DIR"
LANGUAGES = ("vi", "en")


class SettingsError(ConfigError):
    """The settings file says something the console cannot use."""


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str | None = None
    language: str = "vi"
    company_name: str = "Tổng công ty Điện lực miền Nam"
    office_name: str = "Điện lực Cao Lãnh"
    policy_profile: str = "vn-default"
    shift_starts: str = "06:00,14:00,22:00"  # local times the shifts start (ops.crews.shifts)
    crew_positions_file: str = ""  # a vehicle-tracking CSV to follow; empty = off
    # Tables of settings.toml, checked on load: [smtp], [sms_gateway], [notices].
    smtp: SmtpSettings | None = None
    sms_gateway: HttpSmsSettings | None = None
    notices: NoticeSettings | None = None


_TABLES = ("smtp", "sms_gateway", "notices")


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
    top = TomlTable.of_file(path, SettingsError, "the settings", quoted=True)
    raw: dict[str, Any] = {
        f.name: top.text(f.name, empty=True)
        for f in fields(Settings)
        if f.name not in _TABLES and f.name in top
    }
    tables = {key: top.raw(key) for key in _TABLES if key in top}
    top.done("setting")
    settings = Settings(**raw, **_read_tables(tables, path))
    if settings.language not in LANGUAGES:
        allowed = ", ".join(LANGUAGES)
        raise SettingsError(
            f"{path}: language must be one of {allowed}, found {settings.language!r}"
        )
    try:
        ShiftPattern.parse(settings.shift_starts)
    except ValueError as exc:
        raise top.fail("shift_starts", str(exc)) from exc
    return settings


def _read_tables(tables: dict[str, Any], path: Path) -> dict[str, Any]:
    """The delivery tables, checked (imported only when a file has them: start-up time)."""
    out: dict[str, Any] = {}
    for key, table in tables.items():
        if not isinstance(table, dict):
            raise SettingsError(f"{path}: [{key}] must be a table")
    try:
        if "smtp" in tables:
            from ops.delivery.smtp import smtp_settings

            out["smtp"] = smtp_settings(tables["smtp"], f"{path} [smtp]")
        if "sms_gateway" in tables:
            from ops.delivery.config import sms_gateway_settings

            table = tables["sms_gateway"]
            out["sms_gateway"] = sms_gateway_settings(table, f"{path} [sms_gateway]")
        if "notices" in tables:
            from ops.delivery.config import notice_settings

            out["notices"] = notice_settings(tables["notices"], f"{path} [notices]")
    except ConfigError as exc:
        raise SettingsError(str(exc)) from exc
    return out


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings file (only values that differ from the defaults), atomically."""
    path = path or config_dir() / "settings.toml"
    defaults = Settings()
    lines = [
        f"{f.name} = {json.dumps(getattr(settings, f.name), ensure_ascii=False)}"
        for f in fields(Settings)
        if f.name not in _TABLES
        and getattr(settings, f.name) is not None
        and getattr(settings, f.name) != getattr(defaults, f.name)
    ]
    # A JSON string is a valid TOML basic string for everything a setting can hold.
    from ops.files import write_text_atomically  # saving is rare: not at start-up

    write_text_atomically(path, "\n".join(lines) + "\n")
    return path


def set_setting(key: str, value: str, path: Path | None = None) -> Path:
    """Change one top-level setting in the file and nothing else: the other keys, the tables
    ([smtp], [notices]…), comments and layout stay byte for byte as the person wrote them.

    The edited file is checked as settings before it replaces the old one, so a refused
    value leaves the file untouched.
    """
    import tomlkit  # keeps comments and layout; imported when saving, not at start-up
    from tomlkit.exceptions import TOMLKitError

    from ops.files import write_text_atomically

    path = path or config_dir() / "settings.toml"
    if key in _TABLES or key not in {f.name for f in fields(Settings)}:
        raise SettingsError(f"{path}: {key!r} is not a setting that can be changed here")
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        document = tomlkit.parse(text)
        document[key] = value
        edited = tomlkit.dumps(document)
    except TOMLKitError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc}); nothing was changed") from exc
    check = path.with_name(f".{path.name}.check")
    try:
        check.write_text(edited, encoding="utf-8")
        load_settings(check)
    except SettingsError as exc:
        raise SettingsError(str(exc).replace(str(check), str(path))) from exc
    finally:
        check.unlink(missing_ok=True)
    write_text_atomically(path, edited)
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
