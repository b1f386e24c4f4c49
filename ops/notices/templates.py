"""Notice templates: plain-text files with named placeholders, editable without code.

A placeholder is a name in braces, `{khu_vuc}`; `{{` and `}}` write a brace. Layout of the
folder (`resources/notices/templates/`):

    <kind>/sms.txt        the SMS text (initial, reminder, postponement, cancellation, finished)
    <kind>/email.txt      "Tiêu đề: <subject>", a blank line, the body
    <kind>/letter.txt     "Tiêu đề: <title>", a blank line, the letter's paragraphs
    public-entry.txt      one entry of the public list (KHU VỰC / THỜI GIAN / LÝ DO …)
    legal-bases.txt       the letter's legal bases, one a line

A template naming a placeholder its notice kind does not have is refused when loaded, with
the file and the name, so a typo never reaches a customer as "{khu_vc}".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ops.notices.schedule import NoticeKind

BUILTIN_TEMPLATES = (
    Path(__file__).resolve().parent.parent.parent / "resources" / "notices" / "templates"
)
SUBJECT_PREFIX = "Tiêu đề:"

# What every notice can say; the per-customer ones are empty for a notice to the public.
COMMON_PLACEHOLDERS = frozenset(
    {
        "cong_ty",  # Tổng công ty Điện lực miền Nam
        "don_vi",  # Điện lực Cao Lãnh
        "tong_dai",  # the hotline
        "ma_ke_hoach",  # the plan's reference
        "khu_vuc",  # the area in full
        "khu_vuc_ngan",  # communes and wards only
        "ly_do",
        "tu_gio", "tu_ngay", "den_gio", "den_ngay",  # HH:MM, DD/MM/YYYY
        "thoi_gian",  # "Từ 07:00 ngày 12/06/2026 đến 11:30 ngày 12/06/2026"
        "thoi_gian_ngan",  # "07:00-11:30 12/06/2026"
        "ma_khach_hang", "ten_khach_hang",
        "ngay_thong_bao",  # the day the notice is issued
    }
)  # fmt: skip
PREVIOUS_WINDOW_PLACEHOLDERS = frozenset(
    {"thoi_gian_cu", "thoi_gian_cu_ngan", "tu_gio_cu", "tu_ngay_cu", "den_gio_cu", "den_ngay_cu"}
)
FINISHED_PLACEHOLDERS = frozenset({"gio_co_dien", "ngay_co_dien"})


def allowed_placeholders(kind: NoticeKind | None) -> frozenset[str]:
    """The placeholders a template of this kind may use (None: the public-list entry)."""
    if kind is NoticeKind.POSTPONEMENT:
        return COMMON_PLACEHOLDERS | PREVIOUS_WINDOW_PLACEHOLDERS
    if kind is NoticeKind.FINISHED:
        return COMMON_PLACEHOLDERS | FINISHED_PLACEHOLDERS
    return COMMON_PLACEHOLDERS


class TemplateError(ValueError):
    """A template the console cannot use; the message names the file and the problem."""


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Template:
    """A text with `{name}` placeholders."""

    name: str  # the file, for messages
    text: str
    placeholders: frozenset[str]

    def render(self, values: Mapping[str, str]) -> str:
        """The text with every placeholder replaced; a missing value is an error."""

        def one(match: re.Match[str]) -> str:
            token = match.group(0)
            if token in ("{{", "}}"):
                return token[0]
            key = match.group(1)
            try:
                return values[key]
            except KeyError:
                raise TemplateError(f"{self.name}: no value for {{{key}}}") from None

        return _TOKEN.sub(one, self.text)


def parse_template(name: str, text: str, allowed: frozenset[str]) -> Template:
    """Check a template's placeholders against those its kind has."""
    problems = template_problems(text, allowed)
    if problems:
        raise TemplateError(f"{name}: {'; '.join(problems)}")
    names = frozenset(m.group(1) for m in _TOKEN.finditer(text) if m.group(1) is not None)
    return Template(name, text, names)


def template_problems(text: str, allowed: frozenset[str]) -> list[str]:
    """What is wrong with a template text, in words (for the template editor); [] if nothing."""
    problems: list[str] = []
    for match in _TOKEN.finditer(text):
        token, key = match.group(0), match.group(1)
        if token in ("{{", "}}"):
            continue
        if key is None:
            problems.append(f"a lone {token!r} (write {token * 2} for a brace)")
        elif not _NAME.fullmatch(key):
            problems.append(f"{{{key}}} is not a placeholder name")
        elif key not in allowed:
            problems.append(f"unknown placeholder {{{key}}} (known: {', '.join(sorted(allowed))})")
    return problems


@dataclass(frozen=True, slots=True)
class KindTemplates:
    """The texts of one notice kind on every channel."""

    sms: Template
    email_subject: Template
    email_body: Template
    letter_title: Template
    letter_body: Template


@dataclass(frozen=True, slots=True)
class NoticeTemplates:
    by_kind: Mapping[NoticeKind, KindTemplates]
    public_entry: Template
    legal_bases: tuple[Template, ...]

    def __getitem__(self, kind: NoticeKind) -> KindTemplates:
        return self.by_kind[kind]


def load_templates(folder: Path = BUILTIN_TEMPLATES) -> NoticeTemplates:
    """Every template of the folder, checked."""
    by_kind: dict[NoticeKind, KindTemplates] = {}
    for kind in NoticeKind:
        allowed = allowed_placeholders(kind)
        sms_path = folder / kind / "sms.txt"
        sms = parse_template(str(sms_path), _read(sms_path), allowed)
        subject, body = _headed(folder / kind / "email.txt", allowed)
        title, letter = _headed(folder / kind / "letter.txt", allowed)
        by_kind[kind] = KindTemplates(sms, subject, body, title, letter)
    public = folder / "public-entry.txt"
    bases = folder / "legal-bases.txt"
    return NoticeTemplates(
        by_kind,
        parse_template(str(public), _read(public), allowed_placeholders(None)),
        tuple(
            parse_template(f"{bases}:{n}", line.strip(), COMMON_PLACEHOLDERS)
            for n, line in enumerate(_read(bases).splitlines(), start=1)
            if line.strip()
        ),
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read the template ({exc})") from exc


def _headed(path: Path, allowed: frozenset[str]) -> tuple[Template, Template]:
    """A "Tiêu đề: …" line, a blank line, then the body."""
    head, _, body = _read(path).partition("\n")
    if not head.startswith(SUBJECT_PREFIX):
        raise TemplateError(f"{path}: the first line must start with {SUBJECT_PREFIX!r}")
    subject = head[len(SUBJECT_PREFIX) :].strip()
    return (
        parse_template(f"{path} (tiêu đề)", subject, allowed),
        parse_template(str(path), body.strip(), allowed),
    )
