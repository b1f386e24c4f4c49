"""The printed reports' words in English, keyed by their Vietnamese (`ops.reports.words`).

A key `phrase|context` is one meaning of a phrase that has two. Holes keep their names.
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # Shift handover.
    "BÁO CÁO GIAO CA ĐIỀU ĐỘ": "DISPATCH SHIFT HANDOVER REPORT",
    "Ca trực từ {start} đến {end}": "Shift from {start} to {end}",
    "Trưởng ca": "Shift lead",
    "Độ dài ca": "Shift length",
    "Sự cố phát sinh trong ca": "Outages opened in the shift",
    "Đã khôi phục trong ca": "Restored in the shift",
    "Còn mất điện khi giao ca": "Still out at handover",
    "KH còn mất điện": "Customers out",
    "KH bị ảnh hưởng (phát sinh trong ca)": "Customers affected (opened in the shift)",
    "KH·phút mất điện trong ca": "Customer-minutes lost in the shift",
    "Quá hạn / suýt quá hạn": "Breached / nearly breached",
    "Tin nhắn đã gửi / lỗi": "Messages sent / failed",
    "1. Ý kiến bàn giao của trưởng ca": "1. The shift lead's handover remarks",
    "(không có)": "(none)",
    "2. Sự cố còn mất điện khi giao ca": "2. Outages still out at handover",
    "Còn mất điện": "Still out",
    "3. Sự cố phát sinh trong ca": "3. Outages opened in the shift",
    "Phát sinh": "Opened",
    "4. Sự cố đã khôi phục trong ca": "4. Outages restored in the shift",
    "Đã khôi phục": "Restored",
    "5. Thời hạn quá hạn và suýt quá hạn": "5. Deadlines breached and nearly breached",
    "6. Đội công tác": "6. Crews",
    "7. Thông báo khách hàng": "7. Customer notices",
    "8. Bản đồ lưới điện {district} lúc {at}": "8. Network map of {district} at {at}",
    "Trưởng ca giao": "Outgoing shift lead",
    "Trưởng ca nhận": "Incoming shift lead",
    "Mã": "Reference",
    "Trạng thái": "Status",
    "Thiết bị": "Device",
    "Nguyên nhân": "Cause",
    "Bắt đầu": "Started",
    "KH ảnh hưởng": "Affected",
    "Khôi phục": "Restored",
    "KH·phút": "Cust.-min",
    "chưa": "not yet",
    "chưa rõ": "unknown",
    "Sự cố": "Outage",
    "Thời hạn": "Deadlines",
    "Hạn chót": "Due",
    "Kết quả": "Result",
    "Lý do": "Reason",
    "{state} (sát hạn)": "{state} (close to the deadline)",
    "chưa ghi lý do": "no reason recorded",
    "Đội": "Crew",
    "Giao việc lúc": "Assigned at",
    "Hoàn thành lúc": "Finished at",
    "đang làm": "still working",
    "Đội công tác": "Crews",
    "Thông báo": "Notice",
    "Dự kiến gửi": "Due to send",
    "Đã gửi": "Sent",
    "Lỗi": "Failed",
    # One outage.
    "BÁO CÁO SỰ CỐ MẤT ĐIỆN": "OUTAGE REPORT",
    "Mã sự cố": "Outage reference",
    "Loại": "Kind",
    "Xuất tuyến": "Feeder",
    "Tiếp nhận": "Reported",
    "chưa khôi phục": "not restored yet",
    "Thời gian mất điện": "Duration of the outage",
    "Khách hàng bị ảnh hưởng": "Customers affected",
    "Khách hàng ưu tiên": "Priority customers",
    "KH·phút mất điện": "Customer-minutes lost",
    "chưa rõ nguyên nhân": "cause unknown",
    "1. Các bước thao tác và khôi phục": "1. Switching and restoration steps",
    "2. Thời hạn": "2. Deadlines",
    "3. Đội công tác": "3. Crews",
    "4. Thông báo khách hàng": "4. Customer notices",
    "5. Diễn biến (nhật ký)": "5. Timeline (journal)",
    "Điều độ viên": "Dispatcher",
    "Thao tác thiết bị và số khách hàng": "Device operations and customers",
    "Thời điểm": "Time",
    "Thao tác": "Operation",
    "Cắt": "Open",
    "Đóng": "Close",
    "KH mất điện thêm": "Customers newly out",
    "KH được cấp lại": "Customers restored",
    "Người nhập": "Entered by",
    "Thời hạn theo quy định và chỉ tiêu của công ty": "Deadlines by law and company target",
    "Lý do (nếu quá hạn)": "Reason (if breached)",
    "Thời gian": "Duration",
    "Chờ gửi": "Waiting",
    " (đã được đính chính)": " (corrected)",
    "Tại hiện trường": "In the field",
    "Nhập lúc": "Entered at",
    "Nội dung": "Entry",
    "Nhật ký": "Journal",
    # Reliability.
    "BÁO CÁO ĐỘ TIN CẬY CUNG CẤP ĐIỆN": "POWER SUPPLY RELIABILITY REPORT",
    "Từ ngày {first} đến ngày {last}": "From {first} to {last}",
    "{period} · Phương pháp: {method}": "{period} · Method: {method}",
    "Thông tư 05/2025/TT-BCT (theo tháng)": "Circular 05/2025/TT-BCT (by month)",
    "IEEE Std 1366 (cả kỳ)": "IEEE Std 1366 (whole period)",
    "Phương pháp: Thông tư 05/2025/TT-BCT, Điều 15 – chỉ số tính theo từng tháng với số khách "
    "hàng của tháng đó (K_t); chỉ số của kỳ là tổng các tháng. Mất điện kéo dài trên 5 phút; "
    "thoáng qua từ 5 phút trở xuống.": (
        "Method: Circular 05/2025/TT-BCT, Article 15 – indices computed month by month with "
        "that month's customers (K_t); the period's index is the sum of the months. Sustained "
        "interruptions last more than 5 minutes; momentary ones 5 minutes or less."
    ),
    "Phương pháp: IEEE Std 1366 – chỉ số của cả kỳ với một số khách hàng N_T; ngày sự kiện lớn "
    "(MED) theo phương pháp 2,5β. Mất điện kéo dài trên 5 phút; thoáng qua từ 5 phút trở xuống.": (
        "Method: IEEE Std 1366 – indices of the whole period with one customer count N_T; Major "
        "Event Days (MED) by the 2.5β method. Sustained interruptions last more than 5 minutes; "
        "momentary ones 5 minutes or less."
    ),
    "SAIFI (lần/khách hàng)": "SAIFI (interruptions/customer)",
    "SAIDI (phút/khách hàng)": "SAIDI (minutes/customer)",
    "CAIDI (phút/lần)": "CAIDI (minutes/interruption)",
    "MAIFI (lần/khách hàng)": "MAIFI (interruptions/customer)",
    "MAIFI_E (sự kiện/khách hàng)": "MAIFI_E (events/customer)",
    "Khách hàng": "Customers",
    "Mất điện kế hoạch": "Planned interruptions",
    "có tính": "included",
    "không tính": "not included",
    "số cho trước cho cả kỳ": "given for the whole period",
    "trung bình các tháng": "average of the months",
    "cuối kỳ": "end of the period",
    "1. Chỉ số toàn phần, sự cố và kế hoạch": "1. Indices: all, fault and planned",
    "Phần": "Part",
    "SAIDI (phút)": "SAIDI (min)",
    "CAIDI (phút)": "CAIDI (min)",
    "Toàn phần": "All",
    "Sự cố|part": "Fault",
    "Kế hoạch": "Planned",
    "Toàn phần, không kể ngày sự kiện lớn": "All, without Major Event Days",
    "Không kể ngày sự kiện lớn": "Without Major Event Days",
    "Chỉ số của kỳ": "Indices of the period",
    "Chỉ số của kỳ (IEEE 1366)": "Indices of the period (IEEE 1366)",
    "Chỉ số": "Indices",
    "2. Theo tháng": "2. By month",
    "Cả kỳ (tổng các tháng)": "Whole period (sum of the months)",
    "Chỉ số từng tháng (mỗi tháng chia cho số khách hàng K_t của tháng đó)": (
        "Indices month by month (each month divided by its customers K_t)"
    ),
    "Tháng": "Month",
    "Khách hàng K_t": "Customers K_t",
    "SAIDI sự cố": "SAIDI fault",
    "SAIDI kế hoạch": "SAIDI planned",
    "Theo tháng": "By month",
    "Đóng góp của từng tháng (chia cho N_T của cả kỳ)": (
        "Contribution of each month (divided by N_T of the whole period)"
    ),
    "T{month}/{year}": "{month}/{year}",
    "Xu hướng SAIDI theo tháng (phút/khách hàng)": "SAIDI month by month (minutes/customer)",
    "phút": "min",
    "3. Ngày sự kiện lớn (MED, phương pháp 2,5β)": "3. Major Event Days (MED, 2.5β method)",
    "Không xác định ngày sự kiện lớn (tắt trong cấu hình).": (
        "Major Event Days are not identified (switched off in the settings)."
    ),
    "Chưa đủ số liệu lịch sử để tính ngưỡng T_MED ({days} ngày có mất điện); chỉ số không kể "
    "ngày sự kiện lớn bằng chỉ số toàn phần.": (
        "Not enough history to compute the T_MED threshold ({days} days with interruptions); "
        "the indices without Major Event Days equal the full indices."
    ),
    "mẫu (n − 1)": "sample (n − 1)",
    "tổng thể (n)": "population (n)",
    "Lịch sử": "History",
    "Số ngày có SAIDI > 0": "Days with SAIDI > 0",
    "α (trung bình ln SAIDI ngày)": "α (mean of ln daily SAIDI)",
    "β (độ lệch chuẩn {std})": "β (standard deviation, {std})",
    "Ngưỡng T_MED (phút)": "T_MED threshold (minutes)",
    "Số ngày sự kiện lớn": "Major Event Days",
    "Ngày sự kiện lớn trong kỳ": "Major Event Days in the period",
    "Ngày": "Day",
    "SAIDI của ngày (phút)": "SAIDI of the day (minutes)",
    "Ngày sự kiện lớn": "Major Event Days",
    "Số khách hàng ước tính (tháng gần nhất có số liệu) cho: {months}.": (
        "Customer counts estimated (nearest month with data) for: {months}."
    ),
    "4. Theo xuất tuyến": "4. By feeder",
    "Đóng góp của từng xuất tuyến vào chỉ số toàn công ty": (
        "Contribution of each feeder to the company's indices"
    ),
    "(không rõ xuất tuyến)": "(feeder unknown)",
    "SAIDI theo xuất tuyến (đóng góp, phút/khách hàng; 12 xuất tuyến lớn nhất)": (
        "SAIDI by feeder (contribution, minutes/customer; the 12 largest feeders)"
    ),
    "Xu hướng SAIDI theo tháng của các xuất tuyến lớn nhất": (
        "SAIDI month by month of the largest feeders"
    ),
    "Xu hướng SAIDI theo tháng của {n} xuất tuyến lớn nhất (phút)": (
        "SAIDI month by month of the {n} largest feeders (minutes)"
    ),
    "5. Theo nguyên nhân": "5. By cause",
    "Đóng góp của từng nguyên nhân": "Contribution of each cause",
    "Số lần": "Count",
    "Kéo dài": "Sustained",
    "Thoáng qua": "Momentary",
    "KH mất điện": "Customer interruptions",
    "Tổng": "Total",
    "6. Loại trừ": "6. Exclusions",
    "Nhóm loại trừ theo cấu hình: {configured}.": "Excluded by the settings: {configured}.",
    "không có": "none",
    "Mất điện trong kỳ không tính vào chỉ số": (
        "Interruptions of the period left out of the indices"
    ),
    "KH mất điện (kéo dài)": "Customer interruptions (sustained)",
    "KH·phút (kéo dài)": "Customer-minutes (sustained)",
    "Loại trừ": "Exclusions",
    "Người lập": "Prepared by",
    "Trưởng phòng Điều độ": "Head of Dispatch",
    "Giám đốc": "Director",
    # Every report.
    "In lúc {at}": "Printed at {at}",
    "(ký, ghi rõ họ tên)": "(signature and full name)",
    "Không có số liệu.": "No data.",
    "Tóm tắt": "Summary",
    "Bảng": "Table",
    "Trang {number}/{pages}": "Page {number}/{pages}",  # the printed page's footer (console)
}
