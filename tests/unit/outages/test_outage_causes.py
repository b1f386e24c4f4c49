"""Causes picked from the profile's list: refused when unknown, applied to reliability and ETR,
free text classified afterwards by a shift lead; what would refuse closing, known before."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pytest import approx

from ops.access.roles import Role
from ops.causes import BUILTIN_CAUSES, cause_text
from ops.crews.etr import estimate_etr
from ops.errors import InvalidOperation, PermissionDenied, UnknownCause
from ops.outages import services
from ops.outages.classification import classify_cause
from ops.outages.journal import EntryKind
from ops.outages.records import OutageStatus
from ops.planned.records import SwitchAction
from ops.policy import BUILTIN_POLICIES, Policy, load_policy, load_profile
from ops.reliability import CustomerCounts, ReliabilitySettings, vn_report
from ops.reliability.from_switching import interruptions_from_switching
from ops.reliability.interruptions import InterruptionTable
from ops.wording.journal import describe
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import DAY, FUSED_CUSTOMERS, a_store, a_user, at, clock_at

DISPATCHER = a_user(Role.DISPATCHER)
SHIFT_LEAD = a_user(Role.SHIFT_LEAD, "tc.binh")


def profile_excluding_vegetation(tmp_path: Path) -> Policy:
    text = (BUILTIN_POLICIES / "vn-default.toml").read_text(encoding="utf-8")
    text = text.replace("excluded_causes = [\n", 'excluded_causes = [\n    "vegetation",\n')
    path = tmp_path / "vn-vegetation-excluded.toml"
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def trip_restored_and_closed(store: MemoryStore, cause: str, policy: Policy) -> int:
    changes = services.record_trip(
        store, DISPATCHER, clock_at("14:00"), device_id="REC-1", occurred_at=at("14:00"),
        causes=policy.causes,
    )  # fmt: skip
    outage_id = changes.created_outage or 0
    services.operate_device(
        store, DISPATCHER, clock_at("15:00"), outage_id=outage_id,
        version=store.outages.rows[outage_id].version, device_id="REC-1",
        action=SwitchAction.CLOSE, occurred_at=at("15:00"),
    )  # fmt: skip
    services.close(
        store, DISPATCHER, clock_at("15:10"), outage_id=outage_id,
        version=store.outages.rows[outage_id].version, cause=cause, causes=policy.causes,
    )  # fmt: skip
    return outage_id


def saidi(store: MemoryStore, policy: Policy) -> float:
    records = interruptions_from_switching(
        store.network.model(), FUSED_CUSTOMERS, store.switching.rows, store.outages.rows,
        since=at("00:00"), until=at("23:00"),
    )  # fmt: skip
    settings = ReliabilitySettings(excluded_categories=policy.excluded_causes)
    report = vn_report(
        InterruptionTable.from_records(records), DAY, DAY, CustomerCounts.fixed(100), settings
    )
    return report.saidi


def test_a_trip_closed_as_vegetation_is_excluded_when_the_profile_excludes_it(
    tmp_path: Path,
) -> None:
    excluding = profile_excluding_vegetation(tmp_path)
    default = load_profile("vn-default")
    store = a_store()
    trip_restored_and_closed(store, "vegetation", excluding)
    # The recloser darkened 7 customers for 60 minutes: 420 customer-minutes of 100 served.
    assert saidi(store, default) == approx(4.2)
    assert saidi(store, excluding) == 0


def test_a_trip_with_the_cause_vegetation_gets_the_profiles_repair_time_in_the_system_etr() -> None:
    policy = load_profile("vn-default")
    store = a_store()
    changes = services.record_trip(
        store, DISPATCHER, clock_at("14:00"), device_id="REC-1", occurred_at=at("14:00"),
        cause="vegetation", causes=policy.causes,
    )  # fmt: skip
    outage = store.outages.rows[changes.created_outage or 0]
    name = lambda code, language: cause_text(code, policy.causes, language)  # noqa: E731
    assert describe(store.journal.rows[0], "vi", cause_name=name) == (
        "Ghi nhận: Đã xác nhận; nguyên nhân: Cây, cành cây chạm đường dây"
    )
    estimate = estimate_etr(
        at("14:00"), cause_category=outage.cause, outage_position=outage.position, crews=[],
        settings=policy.etr,
    )  # fmt: skip
    assert estimate.repair == timedelta(minutes=90) == policy.etr.repair["vegetation"]
    typed = estimate_etr(
        at("14:00"), cause_category="Cây đổ", outage_position=None, crews=[], settings=policy.etr
    )
    assert typed.repair == policy.etr.default_repair  # a free text is not recognised


def test_an_unknown_cause_is_refused_and_nothing_is_stored() -> None:
    store = a_store()
    with pytest.raises(UnknownCause, match="Cây đổ is not a cause category") as refused:
        services.record_trip(
            store, DISPATCHER, clock_at("14:00"), device_id="REC-1", occurred_at=at("14:00"),
            cause="Cây đổ",
        )  # fmt: skip
    assert refused.value.code == "unknown_cause"
    assert not store.outages.rows and not store.switching.rows
    outage_id = trip_restored_and_closed(store, "vegetation", load_profile("gb"))
    assert store.outages.rows[outage_id].status is OutageStatus.CLOSED


def test_closing_with_a_remark_journals_it_and_an_unknown_category_changes_nothing() -> None:
    store = a_store()
    changes = services.record_trip(
        store, DISPATCHER, clock_at("14:00"), device_id="REC-1", occurred_at=at("14:00"),
        remark="recloser locked out",
    )  # fmt: skip
    outage_id = changes.created_outage or 0
    services.operate_device(
        store, DISPATCHER, clock_at("15:00"), outage_id=outage_id, version=2,
        device_id="REC-1", action=SwitchAction.CLOSE, occurred_at=at("15:00"),
    )  # fmt: skip
    version = store.outages.rows[outage_id].version
    lines = len(store.journal.rows)
    with pytest.raises(UnknownCause):
        services.close(
            store, DISPATCHER, clock_at("15:10"), outage_id=outage_id, version=version,
            cause="tree", remark="a tree",
        )  # fmt: skip
    assert len(store.journal.rows) == lines
    services.close(
        store, DISPATCHER, clock_at("15:10"), outage_id=outage_id, version=version,
        cause="lightning", remark="  insulator flashed over at pole 12 ",
    )  # fmt: skip
    remarks = [e.text for e in store.journal.rows if e.kind == EntryKind.REMARK]
    assert remarks == ["recloser locked out", "insulator flashed over at pole 12"]
    assert store.outages.rows[outage_id].cause == "lightning"


def test_what_would_refuse_closing_or_cancelling_is_known_before_asking() -> None:
    store = a_store()
    outage_id = services.record_trip(
        store, DISPATCHER, clock_at("14:00"), device_id="REC-1", occurred_at=at("14:00")
    ).created_outage
    outage = store.outages.rows[outage_id or 0]
    refused = services.close_refusal(outage)
    assert refused is not None and "confirmed cannot become closed" in refused.message
    assert services.cancel_refusal(outage) is None
    with_crew = replace(outage, crew_ids=("CREW-1",))
    crews = services.cancel_refusal(with_crew)
    assert crews is not None and "release the crews" in crews.message
    assert services.close_refusal(replace(outage, status=OutageStatus.RESTORED)) is None


def test_a_shift_lead_classifies_a_free_text_cause_of_a_closed_outage() -> None:
    store = a_store()
    outage_id = trip_restored_and_closed(store, "unknown", load_profile("vn-default"))
    store.outages.rows[outage_id] = replace(store.outages.rows[outage_id], cause="Cây đổ")
    outage = store.outages.rows[outage_id]
    assert cause_text(outage.cause, BUILTIN_CAUSES, "vi") == "Chưa phân loại: Cây đổ"
    with pytest.raises(PermissionDenied, match="may not classify a cause"):
        classify_cause(
            store, DISPATCHER, clock_at("16:00"), outage_id=outage_id, version=outage.version,
            cause="vegetation",
        )  # fmt: skip
    with pytest.raises(UnknownCause):
        classify_cause(
            store, SHIFT_LEAD, clock_at("16:00"), outage_id=outage_id, version=outage.version,
            cause="trees",
        )  # fmt: skip
    classify_cause(
        store, SHIFT_LEAD, clock_at("16:00"), outage_id=outage_id, version=outage.version,
        cause="vegetation",
    )  # fmt: skip
    classified = store.outages.rows[outage_id]
    assert (classified.cause, classified.status) == ("vegetation", OutageStatus.CLOSED)
    line = store.journal.rows[-1]
    name = lambda code, language: cause_text(code, BUILTIN_CAUSES, language)  # noqa: E731
    assert describe(line, "vi", cause_name=name) == (
        "Phân loại nguyên nhân: Chưa phân loại: Cây đổ → Cây, cành cây chạm đường dây"
    )
    with pytest.raises(InvalidOperation, match="is tree or branch on the line already"):
        classify_cause(
            store, SHIFT_LEAD, clock_at("16:05"), outage_id=outage_id,
            version=classified.version, cause="vegetation",
        )  # fmt: skip
