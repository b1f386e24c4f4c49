"""Vietnamese words for the codes reports show (causes, exclusion reasons, methods)."""

from __future__ import annotations

from ops.causes import BUILTIN_CAUSES, cause_text

CAUSES = {
    "vegetation": "Cây, cành cây",
    "animal": "Động vật",
    "lightning": "Sét",
    "equipment_failure": "Hư hỏng thiết bị",
    "vehicle": "Phương tiện va chạm",
    "third_party": "Bên thứ ba tác động",
    "overload": "Quá tải",
    "blown_fuse": "Đứt cầu chì",
    "unknown": "Chưa rõ nguyên nhân",
    "maintenance": "Bảo trì, sửa chữa",
    "construction": "Thi công",
    "transmission": "Sự cố lưới truyền tải",
    "supply_shortage": "Thiếu nguồn",
    "force_majeure": "Bất khả kháng",
    "customer_requested": "Theo yêu cầu khách hàng",
    "non_payment": "Không thanh toán tiền điện",
    "planned": "Mất điện có kế hoạch",
}


def cause(code: str | None) -> str:
    """The Vietnamese name of a cause code; an unknown code is shown as it is."""
    if code is None:
        return "–"
    return CAUSES.get(code, code)


def outage_cause(stored: str) -> str:
    """An outage's cause as a report prints it: the category's name, a free text from before
    the list as unclassified ("Chưa phân loại: …"), or "chưa rõ" when none is recorded."""
    return cause_text(stored, BUILTIN_CAUSES, "vi") or "chưa rõ"
