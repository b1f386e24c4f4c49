"""The names of the domain's values in each interface language, in one place.

`label(OutageStatus.RESTORED, "vi")` → "Đã khôi phục". The console asks in the interface
language; the map and the reports in Vietnamese. One table per language (`vi`, `en`),
imported only when first asked for.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_TABLES: dict[str, dict[str, dict[str, str]]] = {}


def table(language: str) -> dict[str, dict[str, str]]:
    """Every label of one language: enum class name → member name → label."""
    if language not in _TABLES:
        if language not in LANGUAGES:
            raise ValueError(f"no labels in {language!r}; there are {', '.join(LANGUAGES)}")
        _TABLES[language] = importlib.import_module(f"ops.wording.{language}").LABELS
    return _TABLES[language]


def label(value: Enum, language: str = DEFAULT_LANGUAGE) -> str:
    """The name a person reads for a domain value."""
    return table(language)[type(value).__name__][value.name]


def labels_of(enum: type[E], language: str = DEFAULT_LANGUAGE) -> dict[E, str]:
    """All labels of one enum, keyed by its members."""
    return {member: label(member, language) for member in enum}
