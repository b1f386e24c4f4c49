"""Editing the office's notice templates: who may, and a set that always loads.

The edited set lives in the configuration folder (a copy of the built-in set, made on the
first save); the console and `send-notices` read it from then on. What customers receive is
the office's word, so the shift lead or the administrator changes it, never a viewer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ops.access.roles import Permission, User, require
from ops.files import write_text_atomically
from ops.notices.schedule import NoticeKind
from ops.notices.templates import BUILTIN_TEMPLATES, TemplateError, load_templates


def sms_template_path(folder: Path, kind: NoticeKind) -> Path:
    """The SMS text of `kind` as the office uses it: edited if it is, else the built-in one."""
    edited = folder / kind / "sms.txt"
    return edited if edited.exists() else BUILTIN_TEMPLATES / kind / "sms.txt"


def save_sms_template(user: User, folder: Path, kind: NoticeKind, text: str) -> Path:
    """Write the kind's SMS text into the edited set and return its file.

    Refused (PermissionDenied) unless the user may edit templates; a text that would leave the
    set unloadable raises TemplateError and the file keeps what it had.
    """
    require(user, Permission.EDIT_TEMPLATES)
    if not folder.exists():
        shutil.copytree(BUILTIN_TEMPLATES, folder)
    path = folder / kind / "sms.txt"
    before = path.read_text("utf-8")
    write_text_atomically(path, text.strip() + "\n")
    try:
        load_templates(folder)
    except TemplateError:
        write_text_atomically(path, before)
        raise
    return path
