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
    set_setting,
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


OFFICE_FILE = """# Settings of Điện lực Cao Lãnh, kept by the administrator
office_name = "Điện lực Cao Lãnh"   # shown in every report header
language = "vi"

[smtp]      # the office's mail relay
sender = "thongbao@dlcaolanh.example"
host = "mail.example"
port = 587

[notices]
# quiet at night, as the customers asked
quiet_hours = "21:00-07:00"
batch_size = 50
"""


def test_changing_one_setting_keeps_the_rest_of_the_file_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(OFFICE_FILE, encoding="utf-8")
    set_setting("language", "en", path)
    after = path.read_text(encoding="utf-8")
    assert after == OFFICE_FILE.replace('language = "vi"', 'language = "en"')
    assert load_settings(path).language == "en"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_a_new_key_goes_among_the_top_level_keys_not_into_the_last_table(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(OFFICE_FILE.replace('language = "vi"\n', ""), encoding="utf-8")
    set_setting("language", "en", path)
    settings = load_settings(path)
    assert settings.language == "en" and settings.notices is not None
    assert path.read_text(encoding="utf-8").endswith("batch_size = 50\n")


def test_a_refused_value_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(OFFICE_FILE, encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings\.toml: language must be one of"):
        set_setting("language", "fr", path)
    with pytest.raises(SettingsError, match="not a setting"):
        set_setting("smtp", "x", path)
    assert path.read_text(encoding="utf-8") == OFFICE_FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_setting_a_key_without_a_file_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    set_setting("language", "en", path)
    assert load_settings(path) == replace(Settings(), language="en")
