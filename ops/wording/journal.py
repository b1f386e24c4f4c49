"""How an outage journal line reads in each interface language.

The services journal a line with a short text and structured `data` (status codes, device,
crew, ETR as ISO time). A person never reads the codes: `describe` writes the line from its
kind and data in the interface language, with names and local times (`14:05 02/12`); a line
whose data is missing or unknown (an old database) falls back to the text it was stored with.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ops.clock import format_local
from ops.crews.records import CrewStatus
from ops.outages.journal import EntryKind
from ops.outages.records import EtrSource, JournalEntry, OutageStatus
from ops.wording import DEFAULT_LANGUAGE, label

TIME = "%H:%M %d/%m"

_PHRASES: dict[str, dict[str, str]] = {
    "vi": {
        "recorded": "Ghi nhận: {to}",
        "status": "{from_} → {to}",
        "cause": "nguyên nhân: {cause}",
        "reason": "lý do: {reason}",
        "open": "{device}: cắt",
        "close": "{device}: đóng",
        "darkened": "thêm {n} KH mất điện",
        "restored": "cấp lại điện {n} KH",
        "still_dark": "còn {n} KH mất điện",
        "etr": "Dự kiến có điện lúc {etr} ({source})",
        "etr_was": "trước đó {previous}",
        "assigned": "Giao việc cho {crew}",
        "released": "{crew} rời sự cố",
        "crew_status": "{crew}: {status}",
        "breach": "Giải trình quá hạn ({deadline}, hạn {due}): {text}",
        "classified": "Phân loại nguyên nhân: {from_} → {cause}",
    },
    "en": {
        "recorded": "Recorded: {to}",
        "status": "{from_} → {to}",
        "cause": "cause: {cause}",
        "reason": "reason: {reason}",
        "open": "{device}: opened",
        "close": "{device}: closed",
        "darkened": "{n} more customers off",
        "restored": "{n} customers restored",
        "still_dark": "{n} still off",
        "etr": "Expected restoration {etr} ({source})",
        "etr_was": "was {previous}",
        "assigned": "{crew} assigned",
        "released": "{crew} released",
        "crew_status": "{crew}: {status}",
        "breach": "Breach explained ({deadline}, due {due}): {text}",
        "classified": "Cause classified: {from_} → {cause}",
    },
}

_DEADLINES = {
    "vi": {"inform_customers": "báo khách hàng", "restore": "khôi phục",
           "planned_notice": "thông báo kế hoạch"},
    "en": {"inform_customers": "inform customers", "restore": "restoration",
           "planned_notice": "planned-work notice"},
}  # fmt: skip


def describe(
    entry: JournalEntry,
    language: str = DEFAULT_LANGUAGE,
    *,
    crew_names: Mapping[str, str] | None = None,
    cause_name: object = None,
) -> str:
    """The line as a person reads it. `crew_names` maps crew ids to names (else the name the
    line was stored with); `cause_name(code, language)` names a cause code if given."""
    words = _PHRASES[language]
    data = dict(entry.data)
    try:
        if entry.kind == EntryKind.STATUS_CHANGE and "to" in data:
            return _status(words, data, language, cause_name)
        if entry.kind == EntryKind.DEVICE_OPERATION and data.get("action") in ("open", "close"):
            return _operation(words, data, entry.text)
        if entry.kind == EntryKind.ETR_CHANGE and "etr" in data:
            return _etr(words, data, language)
        if entry.kind == EntryKind.ASSIGNMENT and "crew" in data:
            return _assignment(words, data, entry.text, language, crew_names or {})
        if entry.kind == EntryKind.DEADLINE_BREACH_REASON and "deadline" in data:
            deadline = _DEADLINES[language].get(data["deadline"], data["deadline"])
            due = _time(data.get("due", ""))
            return words["breach"].format(deadline=deadline, due=due, text=entry.text)
        if entry.kind == EntryKind.REMARK and "cause" in data and "from_cause" in data:
            return words["classified"].format(
                from_=_cause(data["from_cause"], language, cause_name) or "–",
                cause=_cause(data["cause"], language, cause_name),
            )
    except (KeyError, ValueError):
        pass  # a line written by an older version: its own text is the best there is
    return entry.text


def _status(words: dict[str, str], data: dict[str, str], language: str, cause_name: object) -> str:
    to = label(OutageStatus(data["to"]), language)
    if "from" in data:
        text = words["status"].format(from_=label(OutageStatus(data["from"]), language), to=to)
    else:
        text = words["recorded"].format(to=to)
    extra = []
    if data.get("cause"):
        extra.append(words["cause"].format(cause=_cause(data["cause"], language, cause_name)))
    if data.get("reason"):
        extra.append(words["reason"].format(reason=data["reason"]))
    return "; ".join([text, *extra])


def _cause(code: str, language: str, cause_name: object) -> str:
    return str(cause_name(code, language)) if callable(cause_name) and code else code


def _operation(words: dict[str, str], data: dict[str, str], text: str) -> str:
    device = data.get("name") or text.rpartition(": ")[0] or data.get("device", "")
    parts = [words[data["action"]].format(device=device)]
    for key in ("darkened", "restored"):
        n = int(data.get(key) or 0)
        if n:
            parts.append(words[key].format(n=_count(n, words)))
    if "still_dark" in data:
        parts.append(words["still_dark"].format(n=_count(int(data["still_dark"]), words)))
    return "; ".join(parts)


def _etr(words: dict[str, str], data: dict[str, str], language: str) -> str:
    source = label(EtrSource(data["source"]), language) if data.get("source") else "–"
    text = words["etr"].format(etr=_time(data["etr"]), source=source)
    if data.get("previous"):
        text += "; " + words["etr_was"].format(previous=_time(data["previous"]))
    return text


def _assignment(
    words: dict[str, str],
    data: dict[str, str],
    text: str,
    language: str,
    crew_names: Mapping[str, str],
) -> str:
    change = data.get("change", "")
    stored = text.removesuffix(" assigned").removesuffix(" released").rpartition(": ")
    crew = crew_names.get(data["crew"]) or (stored[0] if change == "status" else stored[2])
    crew = crew or data["crew"]
    if change in ("assigned", "released"):
        return words[change].format(crew=crew)
    if change == "status" and data.get("status"):
        return words["crew_status"].format(
            crew=crew, status=label(CrewStatus(data["status"]), language)
        )
    return text


def _time(iso: str) -> str:
    return format_local(datetime.fromisoformat(iso), TIME) if iso else "–"


def _count(n: int, words: dict[str, str]) -> str:
    thousands = "." if words is _PHRASES["vi"] else ","
    return f"{n:,}".replace(",", thousands)
