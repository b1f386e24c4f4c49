"""Every refusal the services, repositories and console can make reads in Vietnamese.

A refusal names its message by a shape written literally where it is raised; the console
lists every shape for lupdate (`console.language.refusals.SHAPES`) and the translation file
holds each one's Vietnamese. These tests walk the raise sites and the translation file, so a
new refusal without a translation fails here instead of reaching a Vietnamese screen in English.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.language.refusals import SHAPES, refusal_text
from console.language.translators import TRANSLATIONS
from ops.access.roles import Permission, Role, User, require
from ops.errors import DomainError, InvalidOperation
from ops.outages.lifecycle import check_transition
from ops.outages.records import OutageStatus
from ops.wording.refusals import placeholders

ROOT = Path(__file__).resolve().parents[2]
BASE_ERRORS = {
    "DomainError", "InvalidOperation", "InvalidTransition", "NotFound", "StaleEdit",
    "PermissionDenied",
}  # fmt: skip


def _modules() -> list[tuple[Path, ast.Module]]:
    paths = [
        p
        for package in ("ops", "db", "console")
        for p in sorted((ROOT / package).rglob("*.py"))
        if "language" not in p.relative_to(ROOT).parts
    ]
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in paths]


MODULES = _modules()


def _error_classes() -> set[str]:
    """The refusal classes raised with a shape: the base ones and subclasses that keep the
    base constructor (one with its own `__init__` builds its shape itself)."""
    names = set(BASE_ERRORS)
    grew = True
    while grew:
        grew = False
        for _, tree in MODULES:
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(isinstance(b, ast.Name) and b.id in names for b in node.bases)
                    and not any(
                        isinstance(f, ast.FunctionDef) and f.name == "__init__" for f in node.body
                    )
                ):
                    names.add(node.name)
                    grew = True
    return names


def raise_sites() -> list[tuple[str, ast.Call]]:
    classes = _error_classes()
    return [
        (f"{path.relative_to(ROOT)}:{node.lineno}", node)
        for path, tree in MODULES
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id in classes
    ]  # fmt: skip


SITES = raise_sites()
IDS = [where for where, _ in SITES]


def _vietnamese() -> dict[str, str]:
    tree = ET.parse(TRANSLATIONS / "console_vi.ts")
    return {
        m.findtext("source", ""): m.findtext("translation", "")
        for c in tree.getroot().iter("context")
        if c.findtext("name") == "Refusal"
        for m in c.iter("message")
        if m.find("translation") is not None and m.find("translation").get("type") is None  # type: ignore[union-attr]
    }


def test_the_refusals_were_found() -> None:
    assert len(SITES) > 70
    assert len(SHAPES) == len(set(SHAPES)) > 60


@pytest.mark.parametrize(("where", "call"), SITES, ids=IDS)
def test_each_refusal_names_a_listed_shape_and_gives_its_values(where: str, call: ast.Call) -> None:
    assert call.args and isinstance(call.args[0], ast.Constant), (
        f"{where}: write the message shape literally, values as keywords "
        "('outage {reference} is {status}', reference=..., status=...), not an f-string"
    )
    shape = call.args[0].value
    assert shape in SHAPES, f"{where}: add {shape!r} to console.language.refusals.SHAPES"
    if any(k.arg is None for k in call.keywords):  # **values: checked when the test runs it
        return
    missing = placeholders(shape) - {k.arg for k in call.keywords}
    assert not missing, f"{where}: no value for {sorted(missing)} in {shape!r}"


def test_each_shape_is_raised_somewhere() -> None:
    raised = {
        node.value
        for _, tree in MODULES
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert [s for s in SHAPES if s not in raised] == []


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_has_a_vietnamese_translation_with_the_same_holes(shape: str) -> None:
    vietnamese = _vietnamese()
    assert shape in vietnamese, f"translate {shape!r} (scripts/update_translations.sh)"
    assert placeholders(vietnamese[shape]) == placeholders(shape)


def test_values_inside_a_refusal_read_in_the_interface_language(in_vietnamese) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused:
        check_transition(OutageStatus.PARTIALLY_RESTORED, OutageStatus.PREDICTED)
    text = refusal_text(refused.value)
    assert text.startswith("Sự cố đang khôi phục một phần không thể chuyển sang dự báo")
    assert "restored" not in text and "partially" not in text
    with pytest.raises(DomainError) as refused:
        require(User("xem", "Người xem", Role.VIEWER), Permission.CLOSE_OUTAGE)
    assert refusal_text(refused.value) == "Vai trò người xem không được phép đóng sự cố."


def test_times_inside_a_refusal_are_local(in_vietnamese) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 11, 27, 2, 5, tzinfo=UTC)
    refusal = InvalidOperation("a position reported for {at} lies in the future", at=at)
    assert refusal_text(refusal) == "Vị trí báo lúc 09:05 27/11 ở tương lai."
    assert str(refusal) == "a position reported for 09:05 27/11 lies in the future"


def test_an_english_interface_reads_the_english_message(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused:
        check_transition(OutageStatus.CLOSED, OutageStatus.CONFIRMED)
    assert (
        refusal_text(refused.value)
        == str(refused.value)
        == ("an outage that is closed cannot become confirmed (allowed next: none)")
    )
    lead = InvalidOperation(
        "plan {reference}: the first notice cannot meet the lead time (short {shortfall}). "
        "Give an override reason to go on.",
        reference="KH-2026-0003",
        shortfall=timedelta(hours=26, minutes=5),
    )
    assert "(short 26 h 05 min)" in refusal_text(lead)


def test_a_message_made_before_shapes_is_shown_as_it_is(in_vietnamese) -> None:  # type: ignore[no-untyped-def]
    assert refusal_text(DomainError("crew {x} has no {y")) == "crew {x} has no {y"
    assert refusal_text("an older message") == "an older message"


def test_a_position_files_bad_lines_read_in_vietnamese(in_vietnamese) -> None:  # type: ignore[no-untyped-def]
    from ops.crews.positions import PositionFileError, parse_position_file

    text = (
        "vehicle,latitude,longitude,timestamp\n"
        "66C-001.01,ten,105.63,2026-06-01T14:30:00+07:00\n"
        "66C-001.01,0,0,2026-06-01T14:30:00+07:00\n"
        "66C-001.01,10.46,105.63\n"
    )
    with pytest.raises(PositionFileError) as refused:
        parse_position_file(text, datetime(2026, 6, 1, 9, tzinfo=UTC))
    assert refusal_text(refused.value) == (
        "Tệp vị trí bị từ chối, chưa ghi gì: dòng 2: vĩ độ 'ten' / kinh độ '105.63' không phải "
        "là số; dòng 3: 66C-001.01: vị trí 0,0 (thiết bị định vị chưa bắt được GPS); "
        "dòng 4: có 3 cột, tiêu đề có 4"
    )
    assert str(refused.value).startswith(
        "position file refused, nothing recorded: line 2: latitude 'ten' / longitude"
    )
