"""One reader for every TOML table the program is configured by: the same refusals everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from ops.delivery.config import NoticeSettingsError
from ops.delivery.smtp import SmtpSettingsError
from ops.notices.blackout import BlackoutError
from ops.policy import PolicyError
from ops.settings import SettingsError, load_settings
from ops.toml_reader import ConfigError, TomlTable


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[smtp]\nsender = "a@b.vn"\nport = true\n', "[smtp] 'port'"),  # bool is an int
        ('[smtp]\nsender = "a@b.vn"\ntimeout = true\n', "[smtp] 'timeout'"),
        ('[sms_gateway]\nurl = "https://s.example"\ntimeout = false\n', "[sms_gateway] 'timeout'"),
        ("[notices]\nbatch_size = true\n", "[notices] 'batch_size'"),
        ("[notices]\nbatch_size = 2.5\n", "[notices] 'batch_size'"),  # was taken as 2
        ("[notices]\nlease_minutes = true\n", "[notices] 'lease_minutes'"),
    ],
)
def test_a_true_or_a_fraction_is_no_number_and_the_file_and_key_are_named(
    tmp_path: Path, text: str, key: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    table, name = key.split(" ")
    assert str(refused.value).startswith(f"{path} {table}: {name} must be")
    assert "found" in str(refused.value)


def test_every_unknown_key_is_listed_not_only_the_first(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[smtp]\nsender = "a@b.vn"\npasword = "x"\nprot = 25\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown key\\(s\\) pasword, prot"):
        load_settings(path)
    path.write_text('langauge = "en"\nofice_name = "x"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting\\(s\\) langauge, ofice_name"):
        load_settings(path)


def test_every_configuration_error_is_a_config_error() -> None:
    from maps.interchange.mapping import MappingError

    errors = (SettingsError, SmtpSettingsError, NoticeSettingsError, PolicyError, BlackoutError)
    for error in (*errors, MappingError):
        assert issubclass(error, ConfigError) and issubclass(error, ValueError)


def test_the_typed_readers(tmp_path: Path) -> None:
    data = {"n": 3, "b": True, "s": " x ", "e": "", "l": [1, 2.5], "t": {"k": "v"}}
    t = TomlTable(data, tmp_path / "f.toml", quoted=True)
    assert t.number("n", low=1, high=3) == 3.0 and t.whole("n") == 3
    assert t.flag("b") is True and t.text("s") == " x " and t.text("e", empty=True) == ""
    assert t.numbers("l", above=0, what="numbers") == (1.0, 2.5)
    assert t.text_table("t") == {"k": "v"}
    assert t.number("absent", default=7) == 7.0
    t.done()
    with pytest.raises(ConfigError, match="'b' must be a number, found True"):
        t.number("b")
    with pytest.raises(ConfigError, match="'n' must be true or false, found 3"):
        t.flag("n")
    with pytest.raises(ConfigError, match="'e' must not be empty"):
        t.text("e")
    with pytest.raises(ConfigError, match="'n' must be between 4 and 9, found 3"):
        t.number("n", low=4, high=9)
    dotted = TomlTable({"etr": {"speed": True}}, "p.toml")
    etr = dotted.table("etr")
    assert etr is not None
    with pytest.raises(ConfigError, match=r"^p.toml: etr.speed: expected a number, found True$"):
        etr.number("speed")
