"""The Vietnamese names of the domain's values: the console, the map and the refusals.

Keyed by the enum's class name and the member's name, so that reading them imports nothing
(the window's start-up); `tests/unit/test_wording.py` holds them to the enums.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "OutageStatus": {
        "PREDICTED": "Dự báo",
        "CONFIRMED": "Đã xác nhận",
        "PARTIALLY_RESTORED": "Khôi phục một phần",
        "RESTORED": "Đã khôi phục",
        "CLOSED": "Đã đóng",
        "CANCELLED": "Đã hủy",
    },
    "OutageKind": {"UNPLANNED": "Sự cố", "PLANNED": "Cắt điện kế hoạch"},
    "EtrSource": {
        "SYSTEM": "hệ thống ước tính",
        "CREW": "đội công tác đánh giá",
        "DISPATCHER": "điều độ viên",
    },
    "CrewStatus": {
        "AWAITING": "Chờ phân công",
        "ASSIGNED": "Đã phân công",
        "EN_ROUTE": "Đang di chuyển",
        "ARRIVED": "Đã đến hiện trường",
        "FIELD_COMPLETE": "Hoàn thành hiện trường",
    },
    "CrewType": {
        "LINE": "Sửa chữa đường dây",
        "CABLE": "Cáp ngầm",
        "INSPECTION": "Kiểm tra",
        "SUBSTATION": "Trạm biến áp",
    },
    "DeadlineKind": {
        "INFORM_CUSTOMERS": "Thông báo khách hàng",
        "RESTORE": "Khôi phục cấp điện",
        "PLANNED_NOTICE": "Thông báo ngừng điện kế hoạch",
    },
    "DeadlineState": {
        "ON_TRACK": "Trong hạn",
        "AT_RISK": "Sắp quá hạn",
        "BREACHED": "Quá hạn",
        "MET": "Đạt",
    },
    "Basis": {
        "LAW": "thời hạn theo luật",
        "COMPANY_TARGET": "chỉ tiêu của công ty",
        "UNCONFIRMED": "quy định chưa xác nhận",
    },
    "PlanStatus": {
        "DRAFT": "Dự thảo",
        "APPROVED": "Đã duyệt",
        "IN_PROGRESS": "Đang thực hiện",
        "COMPLETED": "Đã hoàn thành",
        "POSTPONED": "Đã dời lịch",
        "CANCELLED": "Đã hủy",
    },
    "NoticeKind": {
        "INITIAL": "Thông báo lần đầu",
        "REMINDER": "Nhắc lịch",
        "POSTPONEMENT": "Dời lịch",
        "CANCELLATION": "Hủy lịch",
        "FINISHED": "Đã hoàn thành công việc",
    },
    "NoticeState": {"SCHEDULED": "Chờ gửi", "SENT": "Đã gửi", "CANCELLED": "Đã hủy"},
    "ChannelKind": {
        "SMS": "SMS",
        "EMAIL": "Thư điện tử",
        "LETTER": "Văn bản",
        "CSV": "Gửi hàng loạt (CSV)",
    },
    "DeviceKind": {
        "BREAKER": "Máy cắt",
        "RECLOSER": "Recloser",
        "SECTIONALIZER": "Dao phân đoạn",
        "LOAD_BREAK_SWITCH": "Dao cắt có tải (LBS)",
        "DISCONNECTOR": "Dao cách ly",
        "FUSE": "Cầu chì tự rơi",
    },
    "SupplyState": {
        "ENERGISED": "Có điện",
        "DARK": "Mất điện do sự cố",
        "PLANNED": "Cắt điện theo kế hoạch",
    },
    "Role": {
        "DISPATCHER": "Điều độ viên",
        "SHIFT_LEAD": "Trưởng ca",
        "CALL_TAKER": "Tổng đài viên",
        "VIEWER": "Người xem",
        "ADMINISTRATOR": "Quản trị viên",
    },
    "Permission": {
        "VIEW": "Xem",
        "RECORD_OUTAGE": "Ghi nhận sự cố",
        "CONFIRM_OUTAGE": "Xác nhận sự cố",
        "OPERATE_DEVICE": "Thao tác thiết bị",
        "ASSIGN_CREW": "Phân công đội",
        "CHANGE_ETR": "Thay đổi thời gian dự kiến có điện",
        "ADD_REMARK": "Ghi chú",
        "CORRECT_ENTRY": "Đính chính nhật ký",
        "EXPLAIN_BREACH": "Giải trình quá hạn",
        "CLOSE_OUTAGE": "Đóng sự cố",
        "CANCEL_OUTAGE": "Hủy sự cố",
        "CLASSIFY_CAUSE": "Phân loại nguyên nhân",
        "APPROVE_PLAN": "Duyệt kế hoạch",
        "MANAGE_USERS": "Quản lý tài khoản",
        "MANAGE_CREWS": "Quản lý đội công tác",
        "PRINT_REPORTS": "In báo cáo",
    },
    "EntryKind": {
        "STATUS_CHANGE": "Đổi trạng thái",
        "DEVICE_OPERATION": "Thao tác thiết bị",
        "ETR_CHANGE": "Thời gian dự kiến",
        "ASSIGNMENT": "Phân công",
        "REMARK": "Ghi chú",
        "CORRECTION": "Đính chính",
        "DEADLINE_BREACH_REASON": "Giải trình quá hạn",
    },
    "CauseGroup": {
        "VEGETATION": "Cây cối",
        "LIGHTNING": "Sét",
        "ANIMAL": "Động vật",
        "EQUIPMENT": "Hư hỏng thiết bị",
        "THIRD_PARTY": "Bên thứ ba, phương tiện",
        "OVERLOAD": "Quá tải",
        "UPSTREAM": "Lưới truyền tải, nguồn điện",
        "FORCE_MAJEURE": "Bất khả kháng",
        "CUSTOMER": "Khách hàng",
        "UNKNOWN": "Chưa rõ",
    },
}
