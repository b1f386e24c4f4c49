"""The map of the demo district in an English console: every word of the page is English;
only what the office named (feeders, substations, devices, crews) and typed (causes) is not."""

from __future__ import annotations

import json
import re

from console.board_loader import BoardReader
from db import Database
from tests.conftest import DEMO_NOW

VIETNAMESE = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE
)
DATA = re.compile(r"/(name|cause)$")  # names and causes are the office's own words


def _vietnamese_words(value: object, path: str, typed: set[str]) -> list[str]:
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in (
                ([f"{path}: key {key}"] if VIETNAMESE.search(str(key)) else [])
                + _vietnamese_words(item, f"{path}/{key}", typed)
            )
        ]
    if isinstance(value, list):
        return [f for item in value for f in _vietnamese_words(item, f"{path}[]", typed)]
    if isinstance(value, str) and VIETNAMESE.search(value):
        if DATA.search(path) or value in typed:
            return []
        return [f"{path}: {value}"]
    return []


def test_an_english_map_has_no_vietnamese_words(demo_db: Database) -> None:
    update = BoardReader(demo_db, "en").whole(DEMO_NOW, None, None)
    assert update.html is not None
    found = re.search(
        r'<script type="application/json" id="oms-data">(.*?)</script>', update.html, re.S
    )
    assert found is not None
    data = json.loads(found.group(1))
    typed = {o.cause for o in update.board.outages if o.cause}  # shown as a popup row too
    assert _vietnamese_words(data, "", typed) == []
    assert _vietnamese_words(update.payload, "", typed) == []
    assert data["labels"]["legend"]["title"] == "Legend"
    page = update.html.replace(found.group(0), "")
    title = re.search(r"<title>(.*?)</title>", page)
    assert title is not None and title.group(1) == update.board.site.district_name
    assert not VIETNAMESE.search(page.replace(title.group(0), ""))
