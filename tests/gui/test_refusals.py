"""Every refusal the services and repositories can make reads in Vietnamese."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from console.language.refusals import vietnamese

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {
    "InvalidOperation", "InvalidTransition", "NotFound", "StaleEdit", "PermissionDenied",
    "UnknownCause",
}  # fmt: skip


def sample_messages() -> list[tuple[str, str]]:
    """(where, a message as the code would make it, with a sample value in each hole)."""
    found = []
    for package in ("ops", "db"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ERRORS
                    and node.args
                ):
                    continue
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    text = first.value
                elif isinstance(first, ast.JoinedStr):
                    text = "".join(
                        str(v.value)
                        if isinstance(v, ast.Constant)
                        else _sample(ast.unparse(v.value))
                        if isinstance(v, ast.FormattedValue)
                        else ""
                        for v in first.values
                    )
                else:
                    continue
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", text))
    return found


def _sample(expression: str) -> str:
    if "status" in expression or "current" in expression or expression.startswith("new"):
        return "partiallyRestored"
    if "allowed" in expression:
        return "restored, closed"
    if "role" in expression:
        return "viewer"
    if "permission" in expression:
        return "close outage"
    if "deadline.kind" in expression:
        return "restore"
    if "state" in expression:
        return "at_risk"
    if "kind" in expression:
        return "remark"
    return "SC-2026-0007"


MESSAGES = sample_messages()


def test_the_refusals_were_found() -> None:
    assert len(MESSAGES) > 40


@pytest.mark.parametrize(("where", "message"), MESSAGES, ids=[w for w, _ in MESSAGES])
def test_each_refusal_has_a_vietnamese_rendering(where: str, message: str) -> None:
    assert vietnamese(message) is not None, f"{where}: no Vietnamese for {message!r}"


def test_values_inside_a_refusal_are_translated_too(in_vietnamese) -> None:  # type: ignore[no-untyped-def]
    from console.language.refusals import refusal_text

    text = refusal_text(
        "an outage that is partiallyRestored cannot become predicted "
        "(allowed next: restored, cancelled)"
    )
    assert "restored" not in text and "Sự cố đang" in text
    assert vietnamese("a viewer may not close outage") == (
        "Vai trò người xem không được phép đóng sự cố."
    )
    assert vietnamese("outage SC-2026-0007 is closed: no ETR to give") == (
        "Sự cố SC-2026-0007 đang ở trạng thái closed: không cần thời gian dự kiến có điện."
    ).replace("closed", vietnamese_status("closed"))


def vietnamese_status(value: str) -> str:
    from console.language import labels
    from ops.outages.records import OutageStatus

    return labels.outage_status(OutageStatus(value)).lower()
