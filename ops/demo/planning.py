"""Planned interruptions: today's work in progress and next week's, already approved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ops.clock import LOCAL_TZ, to_local
from ops.demo.incidents import Incident
from ops.demo.picks import Picks
from ops.demo.places import Place
from ops.outages.records import EtrConfidence, EtrSource, OutageKind, OutageStatus
from ops.planned.records import PlannedOutage, PlanStatus, SwitchAction, SwitchingStep

TODAY_PLAN_ID = 1
PLAN_CREW = "DOI-05"


@dataclass(frozen=True, slots=True)
class PlanDraft:
    """A plan before its customers are counted by tracing."""

    plan_id: int
    reference: str
    title: str
    reason: str
    starts_at: datetime
    ends_at: datetime
    status: PlanStatus
    crew_id: str | None
    device_id: str

    def to_record(self, area_text: str, customers_affected: int) -> PlannedOutage:
        step = SwitchingStep(1, self.device_id, SwitchAction.OPEN)
        return PlannedOutage(
            self.plan_id, self.reference, self.title, self.reason, area_text,
            self.starts_at, self.ends_at, self.status, self.crew_id, (step,), customers_affected,
        )  # fmt: skip


def plan_drafts(picks: Picks, now: datetime, feeder_name: dict[str, str]) -> list[PlanDraft]:
    """Today's plan started on the half hour 1.5–2 h ago; next week's runs 07:00–11:30."""
    local = to_local(now)
    number = max(1, local.timetuple().tm_yday // 3)
    start = now - timedelta(minutes=90)
    start -= timedelta(
        minutes=start.minute % 30, seconds=start.second, microseconds=start.microsecond
    )
    next_day = local.date() + timedelta(days=7)
    next_start = datetime.combine(next_day, time(7, 0), LOCAL_TZ)
    next_end = datetime.combine(next_day, time(11, 30), LOCAL_TZ)
    return [
        PlanDraft(
            TODAY_PLAN_ID,
            f"KH-{local.year}-{number:04d}",
            f"Bảo trì lưới điện tuyến {feeder_name[picks.plan_device]}",
            "Thay trụ, kéo lại dây, bảo trì lưới điện",
            start,
            start + timedelta(hours=5),
            PlanStatus.IN_PROGRESS,
            PLAN_CREW,
            picks.plan_device,
        ),
        PlanDraft(
            TODAY_PLAN_ID + 1,
            f"KH-{local.year}-{number + 1:04d}",
            f"Đấu nối TBA mới tuyến {feeder_name[picks.next_plan_device]}",
            "Lắp đặt TBA mới, thay cầu chì tự rơi, phát quang hành lang tuyến",
            next_start.astimezone(now.tzinfo),
            next_end.astimezone(now.tzinfo),
            PlanStatus.APPROVED,
            None,
            picks.next_plan_device,
        ),
    ]


def plan_incident(plan: PlanDraft) -> Incident:
    """The outage the dispatcher sees for planned work once it has been switched out."""
    return Incident(
        "plan",
        OutageKind.PLANNED,
        OutageStatus.CONFIRMED,
        plan.device_id,
        f"Cắt điện theo kế hoạch: {plan.reason.lower()}",
        plan.starts_at,
        plan.starts_at,
        None,
        plan.ends_at,
        EtrSource.DISPATCHER,
        EtrConfidence.HIGH,
        0,
        (PLAN_CREW,),
        ((plan.starts_at, plan.device_id, True),),
    )


def area_text(transformer_ids: list[str], place_of: dict[str, Place]) -> str:
    """The EVN way of naming an area: "Ấp Tân Dân, ấp Tân Phú – xã Mỹ Tân; khóm 3 – phường …"."""
    groups: dict[str, list[str]] = {}
    wards: dict[str, str] = {}
    for tid in transformer_ids:
        place = place_of[tid]
        hamlets = groups.setdefault(place.ward.name, [])
        wards[place.ward.name] = place.ward.lower
        if place.hamlet_lower not in hamlets:
            hamlets.append(place.hamlet_lower)
    text = "; ".join(f"{', '.join(h)} – {wards[w]}" for w, h in groups.items())
    return text[:1].upper() + text[1:]
