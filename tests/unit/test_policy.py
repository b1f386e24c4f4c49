"""Policy profiles: the two shipped ones, a utility's own, and errors that name file and key."""

from __future__ import annotations

import shutil
from datetime import time, timedelta
from pathlib import Path

import pytest

from ops.network.records import AreaClass
from ops.policy import (
    BUILTIN_POLICIES,
    Anchor,
    Basis,
    NoticeCounting,
    PolicyError,
    available_profiles,
    load_policy,
    load_profile,
)

VN = BUILTIN_POLICIES / "vn-default.toml"


def test_vietnamese_default() -> None:
    p = load_profile("vn-default")
    assert (p.profile_id, p.jurisdiction, p.timezone) == ("vn-default", "VN", "Asia/Ho_Chi_Minh")
    assert p.inform is not None
    assert (p.inform.within, p.inform.anchor, p.inform.basis) == (
        timedelta(hours=24),
        Anchor.TRIP,
        Basis.LAW,
    )
    assert p.planned_notice is not None
    assert (p.planned_notice.min_days, p.planned_notice.counting) == (5, NoticeCounting.HOURS)
    assert p.planned_notice.basis is Basis.LAW
    # Restoration limits are company targets, never law, in Vietnam.
    assert p.restoration and all(r.basis is Basis.COMPANY_TARGET for r in p.restoration)
    urban = p.restoration_rule(AreaClass.URBAN, None)
    rural = p.restoration_rule(AreaClass.RURAL, "vegetation")
    assert urban is not None and urban.within == timedelta(hours=4)
    assert rural is not None and rural.within == timedelta(hours=8)
    specific = p.restoration_rule(AreaClass.URBAN, "equipment_failure")
    assert specific is not None and specific.within == timedelta(hours=12)  # cause wins
    assert p.quiet_hours is not None
    assert (p.quiet_hours.start, p.quiet_hours.end) == (time(21), time(7))
    assert p.quiet_hours.contains(time(23)) and p.quiet_hours.contains(time(6, 59))
    assert not p.quiet_hours.contains(time(7)) and not p.quiet_hours.contains(time(20, 59))
    assert {"transmission", "customer_requested", "non_payment"} <= p.excluded_causes
    assert p.momentary_limit == timedelta(minutes=5)
    assert p.at_risk_share == 0.25
    assert p.etr.repair_for("vegetation") == (timedelta(minutes=90), True)
    assert p.etr.repair_for("meteorite") == (timedelta(minutes=120), False)


def test_great_britain() -> None:
    p = load_profile("gb")
    assert p.inform is None
    (rule,) = p.restoration
    assert (rule.within, rule.anchor, rule.basis) == (timedelta(hours=12), Anchor.AWARE, Basis.LAW)
    assert rule.normal_weather_only
    assert p.planned_notice is not None
    assert p.planned_notice.min_days == 2 and p.planned_notice.basis is Basis.UNCONFIRMED


def test_every_shipped_value_says_what_it_rests_on() -> None:
    for info in available_profiles():
        text = info.path.read_text(encoding="utf-8")
        for mark in ("[law]", "[company target]", "[unconfirmed]"):
            assert mark in text, (info.path.name, mark)


def test_profiles_are_listed_and_a_utility_adds_its_own_without_code(tmp_path: Path) -> None:
    assert [p.profile_id for p in available_profiles()] == ["gb", "vn-default"]
    own = tmp_path / "evn-hcmc.toml"
    own.write_text(
        VN.read_text(encoding="utf-8").replace("Việt Nam (mặc định)", "EVNHCMC"),
        encoding="utf-8",
    )
    shutil.copy(BUILTIN_POLICIES / "gb.toml", tmp_path / "gb.toml")
    folders = (BUILTIN_POLICIES, tmp_path)
    listed = {p.profile_id: p for p in available_profiles(folders)}
    assert set(listed) == {"gb", "vn-default", "evn-hcmc"}
    assert listed["evn-hcmc"].name == "EVNHCMC"
    assert listed["gb"].path == tmp_path / "gb.toml"  # the installation's copy wins
    assert load_profile("evn-hcmc", folders).name == "EVNHCMC"


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(PolicyError, match=r"no policy profile 'xx' \(available: gb, vn-default\)"):
        load_profile("xx")


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = VN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "within_hours = 24",
            "within_hour = 24",
            "within_hours: missing (expected a number); is 'within_hour' a misspelling?",
        ),
        (
            "within_hours = 24",
            'within_hours = "24"',
            "inform_customers.within_hours: expected a number",
        ),
        ('from = "trip"', 'from = "call"', "inform_customers.from: must be one of trip, aware"),
        (
            'basis = "law"',
            'basis = "lore"',
            "basis: must be one of law, company_target, unconfirmed",
        ),
        ("at_risk_share = 0.25", "at_risk_share = 25", "at_risk_share: must be between 0 and 1"),
        (
            'timezone = "Asia/Ho_Chi_Minh"',
            'timezone = "Asia/Saigon_City"',
            "timezone: unknown time zone",
        ),
        (
            'area_class = "urban"',
            'area_class = "suburban"',
            "restoration[0].area_class: must be one of",
        ),
        ('counting = "hours"', 'counting = "weeks"', "planned_notice.counting"),
        ('start = "21:00"', 'start = "9 pm"', "quiet_hours.start: expected a time like 21:00"),
        ("default = 120\n", "", "etr.repair_minutes.default: missing"),
        ("min_days = 5", "min_days = 4.5", "planned_notice.min_days: must be a whole number"),
        ("momentary_max_minutes = 5", "momentary_max_minutes = true", "expected a number"),
        ('name = "Việt Nam (mặc định)"', "", "name: missing"),
        ("[quiet_hours]", "[quiet_hours", "cannot read the policy file"),
        ("road_factor = 1.4", "road_factor = 1.4\nroad_factr = 1", "etr.road_factr: unknown key"),
        (
            '"force_majeure",\n',
            '"force_majure",\n',
            "reliability.excluded_causes: 'force_majure' is not a cause of the profile",
        ),
        (
            "blown_fuse = 45",
            "blown_fuze = 45",
            "etr.repair_minutes.blown_fuze: 'blown_fuze' is not",
        ),
        ('cause = "equipment_failure"', 'cause = "equipment"', "restoration[2].cause: 'equipment'"),
        ('code = "lightning"', 'code = "Sét"', "causes[1].code: 'Sét' must be lower-case letters"),
        (
            'code = "lightning"',
            'code = "vegetation"',
            "causes[1].code: 'vegetation' is listed twice",
        ),
        ('group = "lightning"', 'group = "weather"', "causes[1].group"),
        ('en = "Lightning"', 'en = "Lightning"\nfr = "Foudre"', "causes[1].fr: unknown key"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _broken(tmp_path, old, new)
    with pytest.raises(PolicyError) as refused:
        load_policy(path)
    assert str(refused.value).startswith(str(path))
    assert message in str(refused.value)


def test_the_profile_lists_its_causes_and_a_profile_without_a_list_gets_the_built_in_one() -> None:
    from ops.causes import BUILTIN_CAUSES, CauseGroup

    vn = load_profile("vn-default")
    vegetation = vn.causes.get("vegetation")
    assert vegetation is not None and vegetation.group is CauseGroup.VEGETATION
    assert vegetation.label("vi") == "Cây, cành cây chạm đường dây"
    assert vn.excluded_causes <= vn.causes.codes and set(vn.etr.repair) <= vn.causes.codes
    assert load_profile("gb").causes == BUILTIN_CAUSES
