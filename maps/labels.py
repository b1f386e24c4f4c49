"""Every word the map page shows, in one place: Vietnamese for now; the names of the domain's
values come from `ops.wording`, which has an English table too."""

from __future__ import annotations

from ops.crews.records import CrewStatus, CrewType
from ops.network.records import DeviceKind
from ops.outages.records import OutageKind, OutageStatus
from ops.outages.situation import SupplyState
from ops.wording import labels_of

LANGUAGE = "vi"

DEMO_BANNER = "DỮ LIỆU DEMO"
NONE = "—"  # shown where a value is not known (no ETR yet, no cause entered)
CUSTOMERS_SHORT = "KH"  # "khách hàng", after a count on a map label

# The domain's values by their names in ops.wording: the map speaks Vietnamese.
OUTAGE_STATUS: dict[OutageStatus, str] = labels_of(OutageStatus, LANGUAGE)
OUTAGE_KIND: dict[OutageKind, str] = labels_of(OutageKind, LANGUAGE)
CREW_STATUS: dict[CrewStatus, str] = labels_of(CrewStatus, LANGUAGE)
CREW_TYPE: dict[CrewType, str] = labels_of(CrewType, LANGUAGE)
# Keyed by the value: the page's JavaScript looks kinds and states up by that string.
DEVICE_KIND: dict[str, str] = {k.value: v for k, v in labels_of(DeviceKind, LANGUAGE).items()}
SUPPLY_STATE: dict[str, str] = {k.value: v for k, v in labels_of(SupplyState, LANGUAGE).items()}

# Field names in tooltips, for outages and crews (rows computed in Python) and for the
# network elements (rows composed by the page from these words).
FIELD: dict[str, str] = {
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
}

SWITCH_POSITION: dict[str, str] = {
    "open": "Mở",
    "closed": "Đóng",
    "tie": "Điểm liên lạc thường mở",
}

LAYER: dict[str, str] = {
    "substations": "Trạm biến áp nguồn",
    "segments": "Đường dây",
    "switches": "Thiết bị đóng cắt",
    "transformers": "Trạm biến áp phân phối",
    "outages": "Sự cố",
    "crews": "Đội công tác",
}

LEGEND: dict[str, str] = {
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
    "outage_planned": "Cắt điện kế hoạch",
    "outage_restored": "Đã khôi phục",
    "crew": "Đội công tác",
    "feeders": "Xuất tuyến",
    "more_feeders": "xuất tuyến khác",
}


def page_labels() -> dict[str, object]:
    """The words the page's JavaScript composes tooltips and the legend from."""
    return {
        "layer": LAYER,
        "legend": LEGEND,
        "field": FIELD,
        "device_kind": DEVICE_KIND,
        "supply_state": SUPPLY_STATE,
        "switch_position": SWITCH_POSITION,
        "none": NONE,
        "customers_short": CUSTOMERS_SHORT,
    }
