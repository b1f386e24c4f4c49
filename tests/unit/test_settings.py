"""Settings: defaults, the file, validation, and where the database is."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ops.settings import (
    Settings,
    SettingsError,
    load_settings,
    resolve_database_url,
    save_settings,
)


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_saved_settings_load_back(tmp_path: Path) -> None:
    wanted = replace(Settings(), language="en", office_name='Điện lực "Tháp Mười"')
    path = save_settings(wanted, tmp_path / "settings.toml")
    assert load_settings(path) == wanted
    assert "company_name" not in path.read_text(encoding="utf-8")  # defaults are not written


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("language = 'fr'", "language must be one of"),
        ("langauge = 'en'", "unknown setting"),
        ("language = 3", "must be text"),
        ("language = ", "not valid TOML"),
    ],
)
def test_a_bad_settings_file_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(path)


def test_the_database_is_chosen_command_line_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OMS_DATABASE_URL", "postgresql+psycopg://env/db")
    from_file = replace(Settings(), database_url="postgresql+psycopg://file/db")
    assert resolve_database_url("sqlite:///cli.db", from_file) == ("sqlite:///cli.db", False)
    assert resolve_database_url(None, from_file) == ("postgresql+psycopg://env/db", False)
    monkeypatch.delenv("OMS_DATABASE_URL")
    assert resolve_database_url(None, from_file) == ("postgresql+psycopg://file/db", False)
    url, is_default = resolve_database_url(None, Settings())
    assert is_default and url.startswith("sqlite:///") and url.endswith("console.db")
