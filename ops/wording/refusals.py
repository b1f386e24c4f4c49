"""A refusal's words from its message shape and the values it names, in one language.

A refusal (`ops.errors.DomainError`) carries a message shape in English with `{name}` holes
(`"outage {reference} is {status}"`) and the values for them. The English message and the
console's translation both come from here: the values are written the way a person reads them
in that language (a status or role by its label, a time as `HH:MM dd/mm` in Asia/Ho_Chi_Minh,
a list one after another), so nobody has to take a finished English sentence apart again.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol, runtime_checkable

from ops.clock import to_local
from ops.wording import DEFAULT_LANGUAGE, label


def placeholders(shape: str) -> frozenset[str]:
    """The names of the holes in a message shape (none in text that is no shape)."""
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(shape) if name)
    except ValueError:  # unbalanced braces: a plain message
        return frozenset()


def render(shape: str, params: Mapping[str, object], language: str = DEFAULT_LANGUAGE) -> str:
    """The shape with each hole filled by its value as written in `language`.

    A hole without a value stays as it is: the refusal still reads, and the test of every
    refusal's shape names the raise site that forgot it."""
    values = {
        name: value_text(params[name], language) if name in params else "{" + name + "}"
        for name in placeholders(shape)
    }
    try:
        return shape.format_map(values)
    except (ValueError, IndexError, KeyError, AttributeError):  # braces in a plain message
        return shape


@runtime_checkable
class Labelled(Protocol):
    """A domain value that names itself in a language (a cause category)."""

    def label(self, language: str) -> str: ...


def value_text(value: object, language: str = DEFAULT_LANGUAGE) -> str:
    """One value inside a sentence: domain values by their label in lower case."""
    if isinstance(value, Labelled):
        return value.label(language).lower()
    if isinstance(value, Enum):
        try:
            return label(value, language).lower()
        except KeyError:
            return str(value.value)
    if isinstance(value, datetime):
        return to_local(value).strftime("%H:%M %d/%m")
    if isinstance(value, timedelta):
        return duration_text(value, language)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Exception):  # a refusal inside a refusal (a file's bad lines)
        return str(value)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Exception) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(value_text(v, language) for v in items)
    return str(value)


def duration_text(span: timedelta, language: str = DEFAULT_LANGUAGE) -> str:
    """Hours and minutes: '2 h 05 min' / '2 giờ 05 phút'."""
    minutes = max(0, int(span.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    h, m = ("giờ", "phút") if language == "vi" else ("h", "min")
    return f"{hours} {h} {rest:02d} {m}" if hours else f"{rest} {m}"
