<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Deadline alerts</source>
        <translation>Cảnh báo thời hạn</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Đã xem tất cả</translation>
    </message>
    <message>
        <source>Deadline alert</source>
        <translation>Cảnh báo thời hạn</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Sign in to assign crews.</source>
        <translation>Hãy đăng nhập để giao việc cho đội.</translation>
    </message>
    <message>
        <source>Someone else changed this first; the fresh state is shown. %1</source>
        <translation>Người khác đã thay đổi mục này trước; đã hiển thị trạng thái mới nhất. %1</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Open outages: %1 · Customers out: %2 / %3 · Crews out: %4 / %5</source>
        <translation>Sự cố đang mở: %1 · KH mất điện: %2 / %3 · Đội đang làm việc: %4 / %5</translation>
    </message>
</context>
<context>
    <name>CrewTableModel</name>
    <message>
        <source>Crew</source>
        <translation>Đội</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Outages</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Xe</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Predicted</source>
        <translation>Dự báo</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Partially restored</source>
        <translation>Khôi phục một phần</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Awaiting assignment</source>
        <translation>Chờ phân công</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Đã phân công</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>Đang di chuyển</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Đã đến hiện trường</translation>
    </message>
    <message>
        <source>Field work complete</source>
        <translation>Hoàn thành hiện trường</translation>
    </message>
    <message>
        <source>Line repair</source>
        <translation>Sửa chữa đường dây</translation>
    </message>
    <message>
        <source>Cable</source>
        <translation>Cáp ngầm</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Substation</source>
        <translation>Trạm biến áp</translation>
    </message>
    <message>
        <source>system estimate</source>
        <translation>hệ thống ước tính</translation>
    </message>
    <message>
        <source>crew assessment</source>
        <translation>đội công tác đánh giá</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>điều độ viên</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <source>Inform customers</source>
        <translation>Thông báo khách hàng</translation>
    </message>
    <message>
        <source>Restoration</source>
        <translation>Khôi phục cấp điện</translation>
    </message>
    <message>
        <source>Planned-work notice</source>
        <translation>Thông báo ngừng điện kế hoạch</translation>
    </message>
    <message>
        <source>legal limit</source>
        <translation>thời hạn theo luật</translation>
    </message>
    <message>
        <source>company target</source>
        <translation>chỉ tiêu của công ty</translation>
    </message>
    <message>
        <source>unconfirmed rule</source>
        <translation>quy định chưa xác nhận</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đã đạt</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>quá hạn %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>còn %1</translation>
    </message>
    <message>
        <source>%1: deadline breached – %2</source>
        <translation>%1: đã quá hạn – %2</translation>
    </message>
    <message>
        <source>%1: deadline at risk – %2, %3 left</source>
        <translation>%1: sắp quá hạn – %2, còn %3</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Export map as HTML…</source>
        <translation>&amp;Xuất bản đồ ra HTML…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>&amp;Find outage</source>
        <translation>&amp;Tìm sự cố</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>&amp;Thao tác</translation>
    </message>
    <message>
        <source>Record a device &amp;trip…</source>
        <translation>Ghi nhận thiết bị &amp;cắt…</translation>
    </message>
    <message>
        <source>&amp;Close the outage&apos;s device (restore)</source>
        <translation>Đó&amp;ng lại thiết bị của sự cố (khôi phục)</translation>
    </message>
    <message>
        <source>&amp;Assign a crew to the selected outage…</source>
        <translation>&amp;Giao đội cho sự cố đang chọn…</translation>
    </message>
    <message>
        <source>Outage &amp;details</source>
        <translation>&amp;Chi tiết sự cố</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Could not save the setting: %1</source>
        <translation>Không lưu được thiết lập: %1</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the console.</source>
        <translation>Ngôn ngữ mới được áp dụng từ lần khởi động sau.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>Outage operations console %1

Feeder outages, crews, restoration deadlines, planned interruptions and their notices, for distribution dispatch offices.

Database: %2</source>
        <translation>Điều hành mất điện %1

Sự cố xuất tuyến, đội công tác, thời hạn khôi phục, ngừng cấp điện theo kế hoạch và thông báo khách hàng, dành cho trung tâm điều độ điện lực.

Cơ sở dữ liệu: %2</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Xuất bản đồ</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Trang web (*.html)</translation>
    </message>
    <message>
        <source>Map written to %1</source>
        <translation>Đã ghi bản đồ vào %1</translation>
    </message>
    <message>
        <source>Could not write the map: %1</source>
        <translation>Không ghi được bản đồ: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outage operations console</source>
        <translation>Điều hành mất điện</translation>
    </message>
    <message>
        <source>Filter outages: reference, feeder, device, cause… (Ctrl+F)</source>
        <translation>Lọc sự cố: mã, xuất tuyến, thiết bị, nguyên nhân… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Chỉ sự cố đang mở</translation>
    </message>
    <message>
        <source>Outages</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Crews</source>
        <translation>Đội công tác</translation>
    </message>
    <message>
        <source>Loading the network and outages…</source>
        <translation>Đang tải lưới điện và sự cố…</translation>
    </message>
    <message>
        <source>Could not read the database: %1</source>
        <translation>Không đọc được cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>(no district)</source>
        <translation>(chưa có điện lực)</translation>
    </message>
    <message>
        <source>DEMO DATA – %1 is a generated district, not a real network.</source>
        <translation>DỮ LIỆU DEMO – %1 là điện lực giả lập, không phải lưới điện thật.</translation>
    </message>
    <message>
        <source>The map could not be shown: %1</source>
        <translation>Không hiển thị được bản đồ: %1</translation>
    </message>
    <message>
        <source>That outage no longer exists.</source>
        <translation>Sự cố này không còn tồn tại.</translation>
    </message>
</context>
<context>
    <name>OutageDetail</name>
    <message>
        <source>Outage</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Customers out / affected</source>
        <translation>KH đang mất điện / bị ảnh hưởng</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Expected restoration</source>
        <translation>Dự kiến có điện</translation>
    </message>
    <message>
        <source>Crews</source>
        <translation>Đội công tác</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>In the field</source>
        <translation>Thời điểm hiện trường</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Diễn biến</translation>
    </message>
    <message>
        <source>Outage %1</source>
        <translation>Sự cố %1</translation>
    </message>
    <message>
        <source>(late)</source>
        <translation>(ghi muộn)</translation>
    </message>
    <message>
        <source>Correction of %1: </source>
        <translation>Đính chính mục lúc %1: </translation>
    </message>
    <message>
        <source>Corrected by a later entry</source>
        <translation>Đã được đính chính bằng mục sau</translation>
    </message>
</context>
<context>
    <name>OutageTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Feeder</source>
        <translation>Xuất tuyến</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Customers out</source>
        <translation>KH mất điện</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>KH ưu tiên</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Expected restoration</source>
        <translation>Dự kiến có điện</translation>
    </message>
    <message>
        <source>Inform customers by</source>
        <translation>Hạn thông báo KH</translation>
    </message>
    <message>
        <source>Restoration target</source>
        <translation>Chỉ tiêu khôi phục</translation>
    </message>
    <message>
        <source>Crews</source>
        <translation>Đội công tác</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>Source: %1; changed %2 times</source>
        <translation>Nguồn: %1; đã đổi %2 lần</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Too many failed attempts: the account is locked until %1.</source>
        <translation>Sai quá nhiều lần: tài khoản bị khóa đến %1.</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation>Tài khoản này đã bị vô hiệu hóa.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>Record a device trip</source>
        <translation>Ghi nhận thiết bị cắt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Cause (if known)</source>
        <translation>Nguyên nhân (nếu biết)</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Assign crew</source>
        <translation>Giao đội</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Đội</translation>
    </message>
</context>
</TS>
