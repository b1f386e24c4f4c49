"""Every word the map page shows, in one place, in Vietnamese and English; the names of the
domain's values come from `ops.wording`, so the map and the console call them the same."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ops.crews.records import CrewStatus, CrewType
from ops.network.records import DeviceKind
from ops.outages.records import OutageKind, OutageStatus
from ops.outages.situation import SupplyState
from ops.wording import labels_of

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
NONE = "—"  # shown where a value is not known (no ETR yet, no cause entered)

_DEMO_BANNER = {"vi": "DỮ LIỆU DEMO", "en": "DEMO DATA"}
_CUSTOMERS_SHORT = {"vi": "KH", "en": "cust."}  # after a count on a map label

# Field names in tooltips, for outages and crews (rows computed in Python) and for the
# network elements (rows composed by the page from these words).
_FIELD = {
    "vi": {
        "status": "Trạng thái",
        "kind": "Loại",
        "customers_out": "Khách hàng mất điện",
        "customers_affected": "Khách hàng bị ảnh hưởng",
        "priority_customers": "Khách hàng ưu tiên",
        "cause": "Nguyên nhân",
        "etr": "Dự kiến có điện lại",
        "started": "Bắt đầu",
        "restored": "Có điện lại lúc",
        "feeder": "Xuất tuyến",
        "device": "Thiết bị",
        "state": "Tình trạng",
        "position": "Vị trí đóng/mở",
        "kva": "Công suất",
        "customers": "Số khách hàng",
        "crew_type": "Loại đội",
        "vehicle": "Xe",
        "phone": "Điện thoại",
        "position_at": "Vị trí lúc",
        "members": "Số người",
        "voltage": "Cấp điện áp",
    },
    "en": {
        "status": "Status",
        "kind": "Kind",
        "customers_out": "Customers out",
        "customers_affected": "Customers affected",
        "priority_customers": "Priority customers",
        "cause": "Cause",
        "etr": "Expected restoration",
        "started": "Started",
        "restored": "Restored at",
        "feeder": "Feeder",
        "device": "Device",
        "state": "Supply",
        "position": "Position",
        "kva": "Rating",
        "customers": "Customers",
        "crew_type": "Crew type",
        "vehicle": "Vehicle",
        "phone": "Phone",
        "position_at": "Position at",
        "members": "Members",
        "voltage": "Voltage",
    },
}

_SWITCH_POSITION = {
    "vi": {"open": "Mở", "closed": "Đóng", "tie": "Điểm liên lạc thường mở"},
    "en": {"open": "Open", "closed": "Closed", "tie": "Normally open tie point"},
}

_LAYER = {
    "vi": {
        "substations": "Trạm biến áp nguồn",
        "segments": "Đường dây",
        "switches": "Thiết bị đóng cắt",
        "transformers": "Trạm biến áp phân phối",
        "outages": "Sự cố",
        "crews": "Đội công tác",
    },
    "en": {
        "substations": "Source substations",
        "segments": "Lines",
        "switches": "Switching devices",
        "transformers": "Distribution transformers",
        "outages": "Outages",
        "crews": "Crews",
    },
}

_LEGEND = {
    "vi": {
        "title": "Chú giải",
        "energised": "Có điện (màu theo xuất tuyến)",
        "dark": "Mất điện do sự cố",
        "planned": "Cắt điện theo kế hoạch",
        "highlight": "Sự cố đang chọn",
        "switch_closed": "Thiết bị đóng cắt: đóng",
        "switch_open": "Thiết bị đóng cắt: mở",
        "tie": "Điểm liên lạc thường mở",
        "transformer": "Trạm biến áp phân phối",
        "substation": "Trạm biến áp 110 kV",
        "outage": "Sự cố (cỡ theo số khách hàng mất điện)",
        "outage_predicted": "Sự cố dự báo, chưa xác nhận",
        "outage_partial": "Khôi phục một phần",
        "outage_planned": "Cắt điện kế hoạch",
        "outage_restored": "Đã khôi phục",
        "crew": "Đội công tác",
        "feeders": "Xuất tuyến",
        "more_feeders": "xuất tuyến khác",
    },
    "en": {
        "title": "Legend",
        "energised": "Energised (colour by feeder)",
        "dark": "Dark by an outage",
        "planned": "Planned interruption",
        "highlight": "Selected outage",
        "switch_closed": "Switching device: closed",
        "switch_open": "Switching device: open",
        "tie": "Normally open tie point",
        "transformer": "Distribution transformer",
        "substation": "110 kV substation",
        "outage": "Outage (size by customers out)",
        "outage_predicted": "Predicted outage, not confirmed",
        "outage_partial": "Partially restored",
        "outage_planned": "Planned interruption",
        "outage_restored": "Restored",
        "crew": "Crew",
        "feeders": "Feeders",
        "more_feeders": "more feeders",
    },
}


@dataclass(frozen=True, slots=True)
class MapWords:
    """The map's words in one language."""

    language: str
    demo_banner: str
    customers_short: str
    outage_status: dict[OutageStatus, str]
    outage_kind: dict[OutageKind, str]
    crew_status: dict[CrewStatus, str]
    crew_type: dict[CrewType, str]
    device_kind: dict[str, str]  # keyed by the value: the page's script looks kinds up by it
    supply_state: dict[str, str]
    field: dict[str, str]
    switch_position: dict[str, str]
    layer: dict[str, str]
    legend: dict[str, str]
    none: str = NONE

    def page_labels(self) -> dict[str, object]:
        """The words the page's JavaScript composes tooltips and the legend from."""
        return {
            "layer": self.layer,
            "legend": self.legend,
            "field": self.field,
            "device_kind": self.device_kind,
            "supply_state": self.supply_state,
            "switch_position": self.switch_position,
            "none": self.none,
            "customers_short": self.customers_short,
        }


@cache
def words(language: str = DEFAULT_LANGUAGE) -> MapWords:
    """The map's words in `language` ("vi" or "en"); anything else is refused."""
    if language not in LANGUAGES:
        raise ValueError(f"map language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    return MapWords(
        language=language,
        demo_banner=_DEMO_BANNER[language],
        customers_short=_CUSTOMERS_SHORT[language],
        outage_status=labels_of(OutageStatus, language),
        outage_kind=labels_of(OutageKind, language),
        crew_status=labels_of(CrewStatus, language),
        crew_type=labels_of(CrewType, language),
        device_kind={k.value: v for k, v in labels_of(DeviceKind, language).items()},
        supply_state={k.value: v for k, v in labels_of(SupplyState, language).items()},
        field=_FIELD[language],
        switch_position=_SWITCH_POSITION[language],
        layer=_LAYER[language],
        legend=_LEGEND[language],
    )
