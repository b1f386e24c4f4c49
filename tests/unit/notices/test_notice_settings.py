"""The delivery tables of settings.toml: read, checked, and never written back by accident."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from ops.delivery.smtp import SmtpSecurity
from ops.settings import SettingsError, load_settings, save_settings


def test_the_smtp_sms_and_notice_tables_are_read_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OMS_SMS_API_KEY", "k-123")
    path = tmp_path / "settings.toml"
    path.write_text(
        'office_name = "Điện lực Tháp Mười"\n'
        '[smtp]\nsender = "tb@dl.example"\nhost = "mail.example"\nport = 587\n'
        'security = "starttls"\n'
        '[sms_gateway]\nurl = "https://sms.example.vn/api"\nsender = "EVNSPC"\n'
        'body_format = "form"\n[sms_gateway.extra]\ncampaign = "ke-hoach"\n'
        '[notices]\nquiet_hours = "22:00-06:00"\nbatch_size = 50\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.office_name == "Điện lực Tháp Mười"
    assert settings.smtp is not None and settings.smtp.security is SmtpSecurity.STARTTLS
    assert settings.sms_gateway is not None and settings.sms_gateway.api_key == "k-123"
    assert dict(settings.sms_gateway.extra) == {"campaign": "ke-hoach"}
    assert settings.notices is not None and settings.notices.batch_size == 50
    assert settings.notices.quiet_hours.start == time(22)  # type: ignore[union-attr]
    saved = save_settings(settings, tmp_path / "again.toml").read_text(encoding="utf-8")
    assert "smtp" not in saved and "office_name" in saved  # tables are the office's to edit


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("smtp = 3\n", "[smtp] must be a table"),
        ('[smtp]\nsender = "x"\n', "'sender' must be an e-mail address"),
        ('[sms_gateway]\nurl = "sms.example"\n', "'url' must be the gateway's http(s) address"),
        ('[sms_gateway]\nurl = "https://s.example"\nbody_format = "xml"\n', "xml"),
        ("[notices]\nreminders_hours = [0]\n", "'reminders_hours' must be a list of positive"),
        ("[notices]\nfinished_message = 1\n", "'finished_message' must be true or false"),
    ],
)
def test_a_bad_table_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        load_settings(path)
    assert message in str(refused.value) and str(path) in str(refused.value)
