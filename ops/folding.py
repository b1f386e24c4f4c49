"""Text folded for searching: case and Vietnamese diacritics ignored ("cau dao" finds "Cầu dao").

Đ/đ are letters of their own (no Unicode decomposition removes the stroke), so they are
folded to d by hand.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case, without diacritics, đ as d."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(query: str, *texts: str) -> bool:
    """Every word of `query` is found in one of `texts`, folded."""
    haystack = " ".join(fold(t) for t in texts)
    return all(word in haystack for word in fold(query).split())
