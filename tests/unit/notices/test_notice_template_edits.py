"""Saving an SMS template is checked in the service: who may, and a set that still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from ops.access.roles import Role, User
from ops.errors import PermissionDenied
from ops.notices.schedule import NoticeKind
from ops.notices.template_edits import save_sms_template, sms_template_path
from ops.notices.templates import BUILTIN_TEMPLATES, TemplateError, load_templates

TEXT = "Điện lực {don_vi} báo ngừng cấp điện {thoi_gian_ngan}."


@pytest.mark.parametrize("role", [Role.VIEWER, Role.CALL_TAKER, Role.DISPATCHER])
def test_only_the_shift_lead_and_the_administrator_save_templates(
    tmp_path: Path, role: Role
) -> None:
    folder = tmp_path / "templates"
    with pytest.raises(PermissionDenied, match="may not edit notice templates"):
        save_sms_template(User("u", "U", role), folder, NoticeKind.INITIAL, TEXT)
    assert not folder.exists()  # not even the copy of the built-in set
    assert sms_template_path(folder, NoticeKind.INITIAL) == (
        BUILTIN_TEMPLATES / "initial" / "sms.txt"
    )


@pytest.mark.parametrize("role", [Role.SHIFT_LEAD, Role.ADMINISTRATOR])
def test_a_saved_template_is_the_one_used(tmp_path: Path, role: Role) -> None:
    folder = tmp_path / "templates"
    path = save_sms_template(User("u", "U", role), folder, NoticeKind.INITIAL, TEXT + "\n\n")
    assert path == sms_template_path(folder, NoticeKind.INITIAL) == folder / "initial" / "sms.txt"
    assert path.read_text("utf-8") == TEXT + "\n"
    assert load_templates(folder)[NoticeKind.INITIAL].sms.text == TEXT


def test_a_template_that_would_not_load_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    folder, lead = tmp_path / "templates", User("tc", "Trưởng ca", Role.SHIFT_LEAD)
    save_sms_template(lead, folder, NoticeKind.INITIAL, TEXT)
    with pytest.raises(TemplateError, match="khu_vc"):
        save_sms_template(lead, folder, NoticeKind.INITIAL, "Điện lực {khu_vc}")
    assert (folder / "initial" / "sms.txt").read_text("utf-8") == TEXT + "\n"
