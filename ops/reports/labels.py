"""Words for the codes reports show (causes, exclusion reasons), in Vietnamese and English."""

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

CAUSES_EN = {
    "vegetation": "Vegetation",
    "animal": "Animal",
    "lightning": "Lightning",
    "equipment_failure": "Equipment failure",
    "vehicle": "Vehicle collision",
    "overload": "Overload",
    "blown_fuse": "Blown fuse",
    "unknown": "Unknown cause",
    "maintenance": "Maintenance and repair",
    "construction": "Construction work",
    "transmission": "Transmission grid fault",
    "supply_shortage": "Supply shortage",
    "force_majeure": "Force majeure",
    "customer_requested": "At the customer's request",
    "non_payment": "Unpaid electricity bill",
    "planned": "Planned interruption",
}


def cause(code: str | None, language: str = "vi") -> str:
    """The name of a cause code in the report's language; an unknown code is shown as it is."""
    if code is None:
        return "–"
    return (CAUSES_EN if language == "en" else CAUSES).get(code, code)


def outage_cause(stored: str, language: str = "vi") -> str:
    """An outage's cause as a report prints it: the category's name, or a free text from before
    the list as unclassified ("Chưa phân loại: …"); empty when none is recorded."""
    return cause_text(stored, BUILTIN_CAUSES, language)
