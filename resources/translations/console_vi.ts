<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bị khóa đến</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no (disabled)</source>
        <translation>không (đã vô hiệu hóa)</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>A password needs at least %1 characters, not only digits, and not the user name.</source>
        <translation>Mật khẩu cần ít nhất %1 ký tự, không chỉ gồm chữ số và không trùng tên đăng nhập.</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Vô hiệu hóa tài khoản</translation>
    </message>
    <message>
        <source>Disable the account %1? It can no longer sign in.</source>
        <translation>Vô hiệu hóa tài khoản %1? Tài khoản sẽ không đăng nhập được nữa.</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>điều độ viên</translation>
    </message>
    <message>
        <source>shift lead</source>
        <translation>trưởng ca</translation>
    </message>
    <message>
        <source>call taker</source>
        <translation>tổng đài viên</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>người xem</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Đã đổi mật khẩu của bạn.</translation>
    </message>
</context>
<context>
    <name>AccountsScreen</name>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>Vô &amp;hiệu hóa…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Đặt lại &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation>Không đọc được danh sách tài khoản: %1</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Đã tạo tài khoản %1.</translation>
    </message>
    <message>
        <source>The role of %1 changed.</source>
        <translation>Đã đổi vai trò của %1.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Đã vô hiệu hóa tài khoản %1.</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>Đã đổi mật khẩu của %1.</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Đã mở khóa tài khoản %1.</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Hãy chọn một tài khoản trước.</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>The action cut off by the connection loss was saved after all.</source>
        <translation>Thao tác bị gián đoạn do mất kết nối đã được lưu.</translation>
    </message>
    <message>
        <source>Not done: the action cut off by the connection loss was not saved. Please do it again.</source>
        <translation>Chưa thực hiện: thao tác bị gián đoạn do mất kết nối chưa được lưu. Vui lòng thực hiện lại.</translation>
    </message>
    <message>
        <source>Not done: nothing can be saved any more, restart the console.</source>
        <translation>Chưa thực hiện: không thể lưu thêm gì nữa, hãy khởi động lại chương trình.</translation>
    </message>
    <message>
        <source>The connection was lost while the action was being saved; whether it was saved is checked as soon as the connection is back.</source>
        <translation>Mất kết nối trong khi đang lưu thao tác; sẽ kiểm tra thao tác đã được lưu hay chưa ngay khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>Not done: the database cannot be reached, nothing was saved. Do it again once the connection is back.</source>
        <translation>Chưa thực hiện: không kết nối được cơ sở dữ liệu, chưa có gì được lưu. Hãy thực hiện lại khi có kết nối trở lại.</translation>
    </message>
</context>
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
        <source>Explain breach…</source>
        <translation>Giải trình quá hạn…</translation>
    </message>
    <message>
        <source>Deadline alert</source>
        <translation>Cảnh báo thời hạn</translation>
    </message>
    <message>
        <source>reason given</source>
        <translation>đã giải trình</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve planned interruption %1</source>
        <translation>Duyệt kế hoạch ngừng cấp điện %1</translation>
    </message>
    <message>
        <source>Work:</source>
        <translation>Công việc:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Thời gian:</translation>
    </message>
    <message>
        <source>Customers told:</source>
        <translation>Khách hàng được báo:</translation>
    </message>
    <message>
        <source>First notice:</source>
        <translation>Thông báo đầu tiên:</translation>
    </message>
    <message>
        <source>Lead-time deadline:</source>
        <translation>Hạn chót báo trước:</translation>
    </message>
    <message>
        <source>Lead time met</source>
        <translation>Đủ thời gian báo trước</translation>
    </message>
    <message>
        <source>Lead time missed by %1 h</source>
        <translation>Thiếu %1 giờ so với thời gian báo trước</translation>
    </message>
    <message>
        <source>Lead time:</source>
        <translation>Thời gian báo trước:</translation>
    </message>
    <message>
        <source>Why the work cannot wait (recorded as a compliance exception)</source>
        <translation>Vì sao công việc không thể hoãn (được ghi nhận là ngoại lệ tuân thủ)</translation>
    </message>
    <message>
        <source>Override reason:</source>
        <translation>Lý do vượt quy định:</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Sign in to assign crews.</source>
        <translation>Hãy đăng nhập để giao việc cho đội.</translation>
    </message>
</context>
<context>
    <name>CauseDialog</name>
    <message>
        <source>Cause</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>Happened at (field time)</source>
        <translation>Xảy ra lúc (giờ hiện trường)</translation>
    </message>
</context>
<context>
    <name>CausePicker</name>
    <message>
        <source>Not known yet</source>
        <translation>Chưa biết</translation>
    </message>
    <message>
        <source>Pick the cause…</source>
        <translation>Chọn nguyên nhân…</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>No connection to the database: %1. Reconnecting automatically; actions cannot be saved until the connection is back.</source>
        <translation>Mất kết nối cơ sở dữ liệu: %1. Đang tự động kết nối lại; chưa thể lưu thao tác cho đến khi có kết nối trở lại.</translation>
    </message>
    <message>
        <source>STOP: this console can save nothing more. Restart it. %1</source>
        <translation>DỪNG LẠI: chương trình này không thể lưu thêm gì nữa. Hãy khởi động lại. %1</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <source>Open outages: %1 · Customers out: %2 / %3 · Crews out: %4 / %5</source>
        <translation>Sự cố đang mở: %1 · KH mất điện: %2 / %3 · Đội đang làm việc: %4 / %5</translation>
    </message>
    <message>
        <source>Notices: %1 waiting · %2 sent · %3 failed</source>
        <translation>Thông báo: %1 chờ gửi · %2 đã gửi · %3 lỗi</translation>
    </message>
</context>
<context>
    <name>CrewChooser</name>
    <message>
        <source>Assign crew</source>
        <translation>Giao đội công tác</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Đội</translation>
    </message>
</context>
<context>
    <name>CrewDialogs</name>
    <message>
        <source>Select a crew first.</source>
        <translation>Hãy chọn một đội trước.</translation>
    </message>
    <message>
        <source>Sign in to change crews.</source>
        <translation>Đăng nhập để thay đổi thông tin đội.</translation>
    </message>
</context>
<context>
    <name>CrewEditor</name>
    <message>
        <source>New crew</source>
        <translation>Đội mới</translation>
    </message>
    <message>
        <source>Crew %1</source>
        <translation>Đội %1</translation>
    </message>
    <message>
        <source>plate, as the vehicle tracker reports it</source>
        <translation>biển số, như thiết bị định vị xe báo</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>từ %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Add a &amp;member</source>
        <translation>Thêm &amp;thành viên</translation>
    </message>
    <message>
        <source>&amp;Remove the member</source>
        <translation>&amp;Bỏ thành viên</translation>
    </message>
    <message>
        <source>Crew id:</source>
        <translation>Mã đội:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên đội:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Loại đội:</translation>
    </message>
    <message>
        <source>Home base:</source>
        <translation>Nơi đóng quân:</translation>
    </message>
    <message>
        <source>Vehicle:</source>
        <translation>Xe:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>On duty in the shifts (none: every shift):</source>
        <translation>Trực các ca (không chọn: mọi ca):</translation>
    </message>
</context>
<context>
    <name>CrewPositionDialog</name>
    <message>
        <source>Crew position – %1</source>
        <translation>Vị trí đội – %1</translation>
    </message>
    <message>
        <source>Latitude (°N)</source>
        <translation>Vĩ độ (°B)</translation>
    </message>
    <message>
        <source>Longitude (°E)</source>
        <translation>Kinh độ (°Đ)</translation>
    </message>
    <message>
        <source>Was there at</source>
        <translation>Có mặt ở đó lúc</translation>
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
        <source>Shift work</source>
        <translation>Công việc trong ca</translation>
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
    <message>
        <source>This shift</source>
        <translation>Ca này</translation>
    </message>
    <message>
        <source>%1 outage(s) · %2 h %3 min</source>
        <translation>%1 sự cố · %2 h %3 ph</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>trong ca</translation>
    </message>
    <message>
        <source>off duty</source>
        <translation>nghỉ ca</translation>
    </message>
    <message>
        <source>Work in the shift %1 – %2</source>
        <translation>Công việc trong ca %1 – %2</translation>
    </message>
</context>
<context>
    <name>CrewsScreen</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>&amp;Cho thôi hoạt động…</translation>
    </message>
    <message>
        <source>Crews</source>
        <translation>Đội công tác</translation>
    </message>
    <message>
        <source>Could not read the crews: %1</source>
        <translation>Không đọc được danh sách đội: %1</translation>
    </message>
    <message>
        <source>Crew %1 added.</source>
        <translation>Đã thêm đội %1.</translation>
    </message>
    <message>
        <source>Crew %1 saved.</source>
        <translation>Đã lưu đội %1.</translation>
    </message>
    <message>
        <source>Crew %1 retired.</source>
        <translation>Đội %1 đã thôi hoạt động.</translation>
    </message>
    <message>
        <source>Select a crew first.</source>
        <translation>Hãy chọn một đội trước.</translation>
    </message>
    <message>
        <source>Retire crew</source>
        <translation>Cho đội thôi hoạt động</translation>
    </message>
    <message>
        <source>Retire %1? It leaves the board; its history stays.</source>
        <translation>Cho %1 thôi hoạt động? Đội rời bảng điều độ; lịch sử công tác vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>EtrDialog</name>
    <message>
        <source>Expected restoration – %1</source>
        <translation>Thời gian dự kiến có điện – %1</translation>
    </message>
    <message>
        <source>Firm (the crew has seen the damage)</source>
        <translation>Chắc chắn (đội đã xem hiện trường)</translation>
    </message>
    <message>
        <source>Supply expected back at</source>
        <translation>Dự kiến có điện lại lúc</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Use the system estimate: %1 (travel %2, repair %3)</source>
        <translation>Dùng ước tính của hệ thống: %1 (di chuyển %2, sửa chữa %3)</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Tệp %1</translation>
    </message>
    <message>
        <source>%1 is the console&apos;s database: choose another name.</source>
        <translation>%1 là cơ sở dữ liệu của chương trình: hãy chọn tên khác.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
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
        <source>C&amp;onfirm the predicted outage</source>
        <translation>&amp;Xác nhận sự cố dự báo</translation>
    </message>
    <message>
        <source>Set the &amp;expected restoration time…</source>
        <translation>Đặt thời gian &amp;dự kiến có điện…</translation>
    </message>
    <message>
        <source>Add a &amp;remark…</source>
        <translation>Thêm &amp;ghi chú…</translation>
    </message>
    <message>
        <source>C&amp;lose the outage with its cause…</source>
        <translation>Đón&amp;g sự cố kèm nguyên nhân…</translation>
    </message>
    <message>
        <source>Cancel as a &amp;false alarm…</source>
        <translation>Hủy vì báo &amp;nhầm…</translation>
    </message>
    <message>
        <source>Classify the ca&amp;use…</source>
        <translation>&amp;Phân loại nguyên nhân…</translation>
    </message>
    <message>
        <source>Selected crew: en route</source>
        <translation>Đội đang chọn: đang di chuyển</translation>
    </message>
    <message>
        <source>Selected crew: arrived</source>
        <translation>Đội đang chọn: đã đến hiện trường</translation>
    </message>
    <message>
        <source>Selected crew: field work complete</source>
        <translation>Đội đang chọn: hoàn thành hiện trường</translation>
    </message>
    <message>
        <source>Release the selected crew</source>
        <translation>Cho đội đang chọn rời sự cố</translation>
    </message>
    <message>
        <source>Set crew &amp;position…</source>
        <translation>Nhập &amp;vị trí đội…</translation>
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
    <message>
        <source>A&amp;ccounts</source>
        <translation>Tài &amp;khoản</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>&amp;Quản lý tài khoản…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
    </message>
    <message>
        <source>C&amp;rews</source>
        <translation>Đội &amp;công tác</translation>
    </message>
    <message>
        <source>&amp;Manage crews…</source>
        <translation>&amp;Quản lý đội công tác…</translation>
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
        <source>Notices</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Loading the network and outages…</source>
        <translation>Đang tải lưới điện và sự cố…</translation>
    </message>
    <message>
        <source>Someone else changed this first; the fresh state is shown. %1</source>
        <translation>Người khác đã thay đổi mục này trước; đã hiển thị trạng thái mới nhất. %1</translation>
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
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
</context>
<context>
    <name>NoAccountMessage</name>
    <message>
        <source>This database has no account yet, so nobody can sign in.

Create the first administrator on the command line:

    %1

(with the same --db option, if the console was started with one), then start the console again.</source>
        <translation>Cơ sở dữ liệu này chưa có tài khoản nào, nên chưa ai đăng nhập được.

Hãy tạo tài khoản quản trị viên đầu tiên bằng dòng lệnh:

    %1

(thêm cùng tùy chọn --db nếu phần mềm được mở với tùy chọn đó), rồi mở lại phần mềm.</translation>
    </message>
    <message>
        <source>No account yet</source>
        <translation>Chưa có tài khoản</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Approve…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <source>Cancel plan…</source>
        <translation>Hủy kế hoạch…</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Dời lịch…</translation>
    </message>
    <message>
        <source>Work finished…</source>
        <translation>Báo xong công việc…</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Gửi lại tin lỗi</translation>
    </message>
    <message>
        <source>Letter PDF…</source>
        <translation>Thông báo PDF…</translation>
    </message>
    <message>
        <source>SMS templates…</source>
        <translation>Mẫu tin SMS…</translation>
    </message>
    <message>
        <source>Tracing who is affected…</source>
        <translation>Đang xác định khách hàng bị ảnh hưởng…</translation>
    </message>
    <message>
        <source>Outbox: %1 scheduled · %2 sending · %3 sent · %4 failed · %5 cancelled</source>
        <translation>Hàng đợi: %1 chờ gửi · %2 đang gửi · %3 đã gửi · %4 lỗi · %5 đã hủy</translation>
    </message>
    <message>
        <source>%1 messages queued.</source>
        <translation>Đã xếp %1 tin vào hàng đợi gửi.</translation>
    </message>
    <message>
        <source>%1 failed messages queued again.</source>
        <translation>Đã xếp lại %1 tin gửi lỗi để gửi lại.</translation>
    </message>
    <message>
        <source>Letter written: %1</source>
        <translation>Đã ghi văn bản thông báo: %1</translation>
    </message>
    <message>
        <source>The letter could not be written: %1</source>
        <translation>Không ghi được văn bản thông báo: %1</translation>
    </message>
    <message>
        <source>Cancel planned interruption</source>
        <translation>Hủy kế hoạch ngừng cấp điện</translation>
    </message>
    <message>
        <source>Cancel %1? Unsent notices stop; customers already told are told it is off.</source>
        <translation>Hủy %1? Các thông báo chưa gửi sẽ dừng; khách hàng đã được báo sẽ nhận thông báo hủy lịch.</translation>
    </message>
    <message>
        <source>Planned work finished</source>
        <translation>Công tác theo kế hoạch đã xong</translation>
    </message>
    <message>
        <source>Report %1 finished now? Unsent notices stop and the customers who were told hear that supply is back.</source>
        <translation>Báo %1 đã xong ngay bây giờ? Các thông báo chưa gửi sẽ dừng và khách hàng đã được báo sẽ nhận tin đã có điện trở lại.</translation>
    </message>
    <message>
        <source>Save the letter as PDF</source>
        <translation>Lưu văn bản thông báo dạng PDF</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Số khách hàng</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Đến hạn</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần gửi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>OutageCommands</name>
    <message>
        <source>Select an outage first.</source>
        <translation>Hãy chọn một sự cố trước.</translation>
    </message>
    <message>
        <source>Select a crew first.</source>
        <translation>Hãy chọn một đội trước.</translation>
    </message>
    <message>
        <source>Sign in to change outages.</source>
        <translation>Hãy đăng nhập để thay đổi sự cố.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 đã ở trạng thái %2.</translation>
    </message>
    <message>
        <source>Remark – %1</source>
        <translation>Ghi chú – %1</translation>
    </message>
    <message>
        <source>What happened (goes to the outage&apos;s journal):</source>
        <translation>Diễn biến (ghi vào nhật ký sự cố):</translation>
    </message>
    <message>
        <source>Correct a journal line</source>
        <translation>Đính chính một dòng nhật ký</translation>
    </message>
    <message>
        <source>The line as it should read (the original stays in the journal):
%1</source>
        <translation>Nội dung đúng của dòng (dòng gốc vẫn giữ trong nhật ký):
%1</translation>
    </message>
    <message>
        <source>%1 cannot be closed now: %2</source>
        <translation>Chưa thể đóng %1: %2</translation>
    </message>
    <message>
        <source>Close outage %1</source>
        <translation>Đóng sự cố %1</translation>
    </message>
    <message>
        <source>Cause found in the field (required to close):</source>
        <translation>Nguyên nhân xác định tại hiện trường (bắt buộc để đóng):</translation>
    </message>
    <message>
        <source>Remark (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>Close outage</source>
        <translation>Đóng sự cố</translation>
    </message>
    <message>
        <source>Close %1? A closed outage cannot be reopened.</source>
        <translation>Đóng %1? Sự cố đã đóng không mở lại được.</translation>
    </message>
    <message>
        <source>%1 cannot be cancelled now: %2</source>
        <translation>Chưa thể hủy %1: %2</translation>
    </message>
    <message>
        <source>Cancel outage %1 (false alarm)</source>
        <translation>Hủy sự cố %1 (báo nhầm)</translation>
    </message>
    <message>
        <source>Why it was not a real outage, and what made the device open if known:</source>
        <translation>Vì sao đây không phải sự cố thật, và nguyên nhân thiết bị cắt nếu đã biết:</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Lý do (bắt buộc)</translation>
    </message>
    <message>
        <source>Cancel outage</source>
        <translation>Hủy sự cố</translation>
    </message>
    <message>
        <source>Cancel %1 as a false alarm? Devices still open on its account are closed in the model; this cannot be undone.</source>
        <translation>Hủy %1 vì báo nhầm? Các thiết bị còn cắt do sự cố này sẽ được đóng lại trên sơ đồ; không hoàn tác được.</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>chưa ghi</translation>
    </message>
    <message>
        <source>Classify the cause – %1</source>
        <translation>Phân loại nguyên nhân – %1</translation>
    </message>
    <message>
        <source>Recorded cause: %1. The category it belongs to:</source>
        <translation>Nguyên nhân đã ghi: %1. Thuộc nhóm nguyên nhân:</translation>
    </message>
    <message>
        <source>Deadline missed – %1</source>
        <translation>Quá hạn – %1</translation>
    </message>
    <message>
        <source>Why the %1 deadline was missed (journal and shift report):</source>
        <translation>Lý do quá hạn %1 (ghi vào nhật ký và báo cáo giao ca):</translation>
    </message>
    <message>
        <source>%1 works on several outages: select the one to release it from.</source>
        <translation>%1 đang làm nhiều sự cố: hãy chọn sự cố cần cho đội rời.</translation>
    </message>
    <message>
        <source>%1 is not on any outage.</source>
        <translation>%1 không được giao sự cố nào.</translation>
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
        <source>Add a remark…</source>
        <translation>Thêm ghi chú…</translation>
    </message>
    <message>
        <source>Correct the selected line…</source>
        <translation>Đính chính dòng đang chọn…</translation>
    </message>
    <message>
        <source>Classify the cause…</source>
        <translation>Phân loại nguyên nhân…</translation>
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
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Đặt lại mật khẩu của %1</translation>
    </message>
    <message>
        <source>Present password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
</context>
<context>
    <name>PositionFeed</name>
    <message>
        <source>Crew positions: the file is read again.</source>
        <translation>Vị trí đội: tệp đã đọc lại được.</translation>
    </message>
    <message>
        <source>Crew position file %1 does not exist.</source>
        <translation>Tệp vị trí đội %1 không tồn tại.</translation>
    </message>
    <message>
        <source>Crew positions not recorded: %1</source>
        <translation>Chưa ghi vị trí đội: %1</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <source>Postpone %1</source>
        <translation>Dời lịch %1</translation>
    </message>
    <message>
        <source>Only if the lead time or a blackout day needs it</source>
        <translation>Chỉ khi thiếu thời gian báo trước hoặc trùng ngày hạn chế cắt điện</translation>
    </message>
    <message>
        <source>New start:</source>
        <translation>Bắt đầu mới:</translation>
    </message>
    <message>
        <source>New end:</source>
        <translation>Kết thúc mới:</translation>
    </message>
    <message>
        <source>Override reason:</source>
        <translation>Lý do vượt quy định:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Các vị trí và dấu trang</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Vị trí gần đây</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Hiện </translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Ghi đè lên tệp đó?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được chống ghi.
Vẫn xóa?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Xóa &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Cỡ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Tên tệp không dùng được</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Không dùng được tên &quot;%1&quot;.&lt;/b&gt;&lt;p&gt;Hãy đặt tên khác, ngắn hơn hoặc không có dấu câu.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có cho &amp;tất cả</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>K&amp;hông cho tất cả</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
</context>
<context>
    <name>RecordScreen</name>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>{code} is not a cause category of the policy profile</source>
        <translation>«{code}» không thuộc danh mục nguyên nhân của bộ quy định đang dùng</translation>
    </message>
    <message>
        <source>the cause of outage {reference} is {cause} already</source>
        <translation>nguyên nhân của sự cố {reference} đã là «{cause}»</translation>
    </message>
    <message>
        <source>a password needs at least {min_length} characters, not only digits, and not the user name</source>
        <translation>Mật khẩu cần ít nhất {min_length} ký tự, không chỉ gồm chữ số và không trùng tên đăng nhập.</translation>
    </message>
    <message>
        <source>an account needs a user name</source>
        <translation>Tài khoản cần có tên đăng nhập.</translation>
    </message>
    <message>
        <source>administrators cannot take their own rights away</source>
        <translation>Quản trị viên không thể tự bỏ quyền của mình.</translation>
    </message>
    <message>
        <source>administrators cannot disable their own account</source>
        <translation>Quản trị viên không thể tự vô hiệu hóa tài khoản của mình.</translation>
    </message>
    <message>
        <source>{username} is the last active administrator: make another account administrator first</source>
        <translation>{username} là quản trị viên cuối cùng còn hoạt động: hãy cho một tài khoản khác làm quản trị viên trước.</translation>
    </message>
    <message>
        <source>no account {username}</source>
        <translation>Không có tài khoản {username}.</translation>
    </message>
    <message>
        <source>the present password is not right</source>
        <translation>Mật khẩu hiện tại không đúng.</translation>
    </message>
    <message>
        <source>the account {username} is disabled</source>
        <translation>Tài khoản {username} đã bị khóa.</translation>
    </message>
    <message>
        <source>a {role} may not {permission}</source>
        <translation>Vai trò {role} không được phép {permission}.</translation>
    </message>
    <message>
        <source>latitude and longitude must be numbers</source>
        <translation>Vĩ độ và kinh độ phải là số.</translation>
    </message>
    <message>
        <source>position 0,0 (the tracker has no GPS fix)</source>
        <translation>Vị trí 0,0 (thiết bị định vị chưa bắt được GPS).</translation>
    </message>
    <message>
        <source>latitude {lat}, longitude {lon} is outside Vietnam (latitude {lat_min}–{lat_max}, longitude {lon_min}–{lon_max})</source>
        <translation>Vĩ độ {lat}, kinh độ {lon} nằm ngoài lãnh thổ Việt Nam (vĩ độ {lat_min}–{lat_max}, kinh độ {lon_min}–{lon_max}).</translation>
    </message>
    <message>
        <source>{crew} has a newer position already ({at}); enter a later time</source>
        <translation>{crew} đã có vị trí mới hơn ({at}); hãy nhập thời điểm muộn hơn.</translation>
    </message>
    <message>
        <source>a position reported for {at} lies in the future</source>
        <translation>Vị trí báo lúc {at} ở tương lai.</translation>
    </message>
    <message>
        <source>crew {crew_id} does not exist</source>
        <translation>Không có đội {crew_id}.</translation>
    </message>
    <message>
        <source>vehicle {vehicle} is no longer {crew}&apos;s; read the file again</source>
        <translation>Xe {vehicle} không còn thuộc {crew}; hãy đọc lại tệp.</translation>
    </message>
    <message>
        <source>crew id {quoted} must be 1-32 letters, digits, dots, dashes or underscores</source>
        <translation>Mã đội {quoted} phải gồm 1–32 chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.</translation>
    </message>
    <message>
        <source>crew {crew_id} needs a name of at most {max} characters</source>
        <translation>Đội {crew_id} cần có tên, dài tối đa {max} ký tự.</translation>
    </message>
    <message>
        <source>{crew} names the same shift twice</source>
        <translation>{crew} có một ca trực bị ghi hai lần.</translation>
    </message>
    <message>
        <source>the phone number {phone} of {whose} is not a phone number</source>
        <translation>Số điện thoại {phone} của {whose} không phải là số điện thoại.</translation>
    </message>
    <message>
        <source>{whose} works a shift starting {start}, which is not one of {starts}</source>
        <translation>{whose} ghi ca bắt đầu lúc {start}, không thuộc các ca {starts}.</translation>
    </message>
    <message>
        <source>another crew is already named {name} ({crew_id})</source>
        <translation>Đã có đội khác tên {name} ({crew_id}).</translation>
    </message>
    <message>
        <source>crew id {crew_id} is already in use</source>
        <translation>Mã đội {crew_id} đã được dùng.</translation>
    </message>
    <message>
        <source>{crew} is retired already</source>
        <translation>{crew} đã thôi hoạt động.</translation>
    </message>
    <message>
        <source>release {crew} from its outages before retiring it</source>
        <translation>Hãy cho {crew} rời các sự cố đang làm trước khi cho thôi hoạt động.</translation>
    </message>
    <message>
        <source>a member of {crew} has no name</source>
        <translation>Một thành viên của {crew} chưa có tên.</translation>
    </message>
    <message>
        <source>outage {reference} is {status}</source>
        <translation>Sự cố {reference} đang ở trạng thái {status}.</translation>
    </message>
    <message>
        <source>{crew} is already assigned to outage {reference}</source>
        <translation>{crew} đã được giao sự cố {reference}.</translation>
    </message>
    <message>
        <source>{crew} is not assigned to outage {reference}</source>
        <translation>{crew} không được giao sự cố {reference}.</translation>
    </message>
    <message>
        <source>release {crew} from its outages to make it free</source>
        <translation>Hãy cho {crew} rời các sự cố đang làm trước khi chuyển sang chờ giao việc.</translation>
    </message>
    <message>
        <source>assign {crew} to an outage first</source>
        <translation>Hãy giao một sự cố cho {crew} trước.</translation>
    </message>
    <message>
        <source>outage {reference} is {status}: no ETR to give</source>
        <translation>Sự cố {reference} đang ở trạng thái {status}: không cần thời gian dự kiến có điện.</translation>
    </message>
    <message>
        <source>an ETR must lie in the future</source>
        <translation>Thời gian dự kiến có điện phải ở tương lai.</translation>
    </message>
    <message>
        <source>plan {reference} is {plan_status}, only a draft can be approved</source>
        <translation>Kế hoạch {reference} ở trạng thái «{plan_status}»: chỉ duyệt được kế hoạch nháp.</translation>
    </message>
    <message>
        <source>plan {reference} starts in the past: move its window first</source>
        <translation>Kế hoạch {reference} bắt đầu trong quá khứ: hãy dời thời gian trước.</translation>
    </message>
    <message>
        <source>the new window starts in the past</source>
        <translation>Thời gian mới bắt đầu trong quá khứ.</translation>
    </message>
    <message>
        <source>plan {reference} is {plan_status}: it cannot be reported finished</source>
        <translation>Kế hoạch {reference} ở trạng thái «{plan_status}»: không thể báo hoàn thành.</translation>
    </message>
    <message>
        <source>plan {reference}: the first notice cannot meet the lead time (short {shortfall}); the window touches {periods}. Give an override reason to go on.</source>
        <translation>Kế hoạch {reference}: thông báo đầu tiên không đủ thời hạn báo trước (thiếu {shortfall}); thời gian cắt điện trùng {periods}. Hãy nhập lý do để vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>plan {reference} is {plan_status}: only an approved plan can change</source>
        <translation>Kế hoạch {reference} ở trạng thái «{plan_status}»: chỉ kế hoạch đã duyệt mới thay đổi được.</translation>
    </message>
    <message>
        <source>plan {reference}: the window touches {periods}. Give an override reason to go on.</source>
        <translation>Kế hoạch {reference}: thời gian cắt điện trùng {periods}. Hãy nhập lý do để vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>plan {reference}: the first notice cannot meet the lead time (short {shortfall}). Give an override reason to go on.</source>
        <translation>Kế hoạch {reference}: thông báo đầu tiên không đủ thời hạn báo trước (thiếu {shortfall}). Hãy nhập lý do để vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>device operations must be applied in time order</source>
        <translation>Các thao tác thiết bị phải được ghi theo thứ tự thời gian.</translation>
    </message>
    <message>
        <source>{device} is not a switching device</source>
        <translation>{device} không phải là thiết bị đóng cắt.</translation>
    </message>
    <message>
        <source>{device} is already open</source>
        <translation>{device} đang ở trạng thái cắt.</translation>
    </message>
    <message>
        <source>{device} is already closed</source>
        <translation>{device} đang ở trạng thái đóng.</translation>
    </message>
    <message>
        <source>the log opens {device}, but it is not open now</source>
        <translation>Nhật ký thao tác ghi {device} đang cắt, nhưng hiện thiết bị không cắt.</translation>
    </message>
    <message>
        <source>outage {outage_id} does not exist</source>
        <translation>Không có sự cố {outage_id}.</translation>
    </message>
    <message>
        <source>outage {reference} was changed by someone else; look at its present state and try again</source>
        <translation>Sự cố {reference} vừa được người khác thay đổi; xem trạng thái mới rồi làm lại.</translation>
    </message>
    <message>
        <source>crew {crew} was changed by someone else; look at its present state and try again</source>
        <translation>Đội {crew} vừa được người khác thay đổi; xem trạng thái mới rồi làm lại.</translation>
    </message>
    <message>
        <source>that time is in the future; field reports are entered after the fact</source>
        <translation>Thời điểm đó ở tương lai; báo cáo hiện trường được ghi sau khi sự việc xảy ra.</translation>
    </message>
    <message>
        <source>a journal entry cannot record something that has not happened yet</source>
        <translation>Nhật ký không ghi điều chưa xảy ra.</translation>
    </message>
    <message>
        <source>a {kind} entry needs text</source>
        <translation>Dòng nhật ký {kind} cần có nội dung.</translation>
    </message>
    <message>
        <source>a correction names the entry it corrects, and only a correction does</source>
        <translation>Dòng đính chính phải nêu dòng được đính chính, và chỉ dòng đính chính mới nêu.</translation>
    </message>
    <message>
        <source>a journal entry needs the user who entered it</source>
        <translation>Dòng nhật ký cần có người ghi.</translation>
    </message>
    <message>
        <source>an outage that is {current} cannot become {new} (allowed next: {allowed})</source>
        <translation>Sự cố đang {current} không thể chuyển sang {new} (có thể chuyển sang: {allowed}).</translation>
    </message>
    <message>
        <source>an outage can be closed only with its cause</source>
        <translation>Chỉ đóng được sự cố khi đã có nguyên nhân.</translation>
    </message>
    <message>
        <source>cancelling an outage needs a reason</source>
        <translation>Hủy sự cố cần ghi lý do.</translation>
    </message>
    <message>
        <source>a crew that is {current} cannot become {new} (allowed next: {allowed})</source>
        <translation>Đội đang {current} không thể chuyển sang {new} (có thể chuyển sang: {allowed}).</translation>
    </message>
    <message>
        <source>an outage that is {current} cannot become {new} (allowed next: none)</source>
        <translation>Sự cố đang {current} không thể chuyển sang {new} (không thể chuyển tiếp nữa).</translation>
    </message>
    <message>
        <source>journal entry {entry_id} does not exist</source>
        <translation>Không có dòng nhật ký {entry_id}.</translation>
    </message>
    <message>
        <source>breach reasons are recorded on outages</source>
        <translation>Lý do quá hạn được ghi vào sự cố.</translation>
    </message>
    <message>
        <source>the {deadline} deadline is {state}, not breached</source>
        <translation>Hạn {deadline} đang {state}, chưa quá hạn.</translation>
    </message>
    <message>
        <source>only opening and closing change the model</source>
        <translation>Chỉ thao tác cắt và đóng mới làm thay đổi sơ đồ lưới.</translation>
    </message>
    <message>
        <source>confirm outage {reference} before switching for it</source>
        <translation>Hãy xác nhận sự cố {reference} trước khi thao tác cho nó.</translation>
    </message>
    <message>
        <source>release the crews of outage {reference} first ({crews})</source>
        <translation>Hãy cho các đội của sự cố {reference} rời đi trước ({crews}).</translation>
    </message>
    <message>
        <source>no network element {element}</source>
        <translation>Không có phần tử lưới {element}.</translation>
    </message>
    <message>
        <source>plan {reference} was changed by someone else: reload it</source>
        <translation>Kế hoạch {reference} vừa được người khác thay đổi: hãy tải lại.</translation>
    </message>
    <message>
        <source>planned interruption {plan_id} does not exist</source>
        <translation>Không có kế hoạch ngừng cấp điện {plan_id}.</translation>
    </message>
    <message>
        <source>the user name {username} is taken</source>
        <translation>Tên đăng nhập {username} đã có người dùng.</translation>
    </message>
    <message>
        <source>account {username} was changed by someone else</source>
        <translation>Tài khoản {username} vừa được người khác sửa.</translation>
    </message>
    <message>
        <source>{device} was operated by someone else; look at its present state</source>
        <translation>{device} vừa được người khác thao tác; xem trạng thái hiện tại.</translation>
    </message>
    <message>
        <source>no switching device {device}</source>
        <translation>Không có thiết bị đóng cắt {device}.</translation>
    </message>
    <message>
        <source>position file refused, nothing recorded: {problems}</source>
        <translation>Tệp vị trí bị từ chối, chưa ghi gì: {problems}</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>và {n} lỗi khác</translation>
    </message>
    <message>
        <source>the file is empty (expected a header line)</source>
        <translation>tệp trống (cần có dòng tiêu đề)</translation>
    </message>
    <message>
        <source>line 1: the header must name vehicle (or crew_id), latitude, longitude and timestamp; it is {header}</source>
        <translation>dòng 1: tiêu đề phải gồm vehicle (hoặc crew_id), latitude, longitude và timestamp; tiêu đề hiện là {header}</translation>
    </message>
    <message>
        <source>line {line}: {fields} fields, the header has {expected}</source>
        <translation>dòng {line}: có {fields} cột, tiêu đề có {expected}</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>dòng {line}: {problem}</translation>
    </message>
    <message>
        <source>no vehicle or crew named</source>
        <translation>không ghi xe hoặc đội</translation>
    </message>
    <message>
        <source>latitude {lat} / longitude {lon} is not a number</source>
        <translation>vĩ độ {lat} / kinh độ {lon} không phải là số</translation>
    </message>
    <message>
        <source>{key}: {problem}</source>
        <translation>{key}: {problem}</translation>
    </message>
    <message>
        <source>{key}: timestamp {timestamp} is not an ISO 8601 time</source>
        <translation>{key}: thời điểm {timestamp} không đúng dạng ISO 8601</translation>
    </message>
    <message>
        <source>{key}: timestamp {timestamp} is in the future</source>
        <translation>{key}: thời điểm {timestamp} ở tương lai</translation>
    </message>
    <message>
        <source>line {line}: unknown crew {key}</source>
        <translation>dòng {line}: không có đội {key}</translation>
    </message>
    <message>
        <source>{file} is the console&apos;s database, not a position file</source>
        <translation>{file} là cơ sở dữ liệu của chương trình, không phải tệp vị trí.</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text ({reason})</source>
        <translation>{file} không phải văn bản UTF-8 ({reason}).</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>Shift &amp;handover…</source>
        <translation>Báo cáo &amp;giao ca…</translation>
    </message>
    <message>
        <source>&amp;Outage report (selected outage)…</source>
        <translation>Báo cáo &amp;sự cố (sự cố đang chọn)…</translation>
    </message>
    <message>
        <source>&amp;Reliability indices…</source>
        <translation>Chỉ số độ &amp;tin cậy…</translation>
    </message>
    <message>
        <source>Outage report</source>
        <translation>Báo cáo sự cố</translation>
    </message>
    <message>
        <source>Select an outage first.</source>
        <translation>Hãy chọn một sự cố trước.</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Đã ghi báo cáo vào %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Could not make the report: %1</source>
        <translation>Không lập được báo cáo: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialogs</name>
    <message>
        <source>Print preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Tệp PDF</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Bảng tính Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Tệp CSV</translation>
    </message>
    <message>
        <source>Shift handover report</source>
        <translation>Báo cáo giao ca</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>What the next shift must know</source>
        <translation>Những điều ca sau cần biết</translation>
    </message>
    <message>
        <source>Handover remarks</source>
        <translation>Ý kiến bàn giao</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Xuất ra</translation>
    </message>
    <message>
        <source>The shift ends before it starts.</source>
        <translation>Thời điểm kết thúc ca trước thời điểm bắt đầu.</translation>
    </message>
    <message>
        <source>Reliability report</source>
        <translation>Báo cáo độ tin cậy</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Vietnamese method (Circular 05/2025, monthly)</source>
        <translation>Phương pháp Việt Nam (Thông tư 05/2025, theo tháng)</translation>
    </message>
    <message>
        <source>IEEE 1366 (whole period, Major Event Days)</source>
        <translation>IEEE 1366 (cả kỳ, ngày sự kiện lớn)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Phương pháp</translation>
    </message>
    <message>
        <source>Leave planned outages out</source>
        <translation>Không tính mất điện có kế hoạch</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Ngày cuối trước ngày đầu.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lưu báo cáo</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of %1</source>
        <translation>Vai trò của %1</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Đội</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Home base</source>
        <translation>Nơi đóng quân</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Xe</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Ca trực</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>every shift</source>
        <translation>mọi ca</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>đã thôi hoạt động</translation>
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
    <name>TemplateEditor</name>
    <message>
        <source>SMS templates</source>
        <translation>Mẫu tin SMS</translation>
    </message>
    <message>
        <source>Only a shift lead or an administrator can change the templates.</source>
        <translation>Chỉ trưởng ca hoặc quản trị viên được sửa các mẫu tin nhắn.</translation>
    </message>
    <message>
        <source>Fix the template to count its length</source>
        <translation>Sửa mẫu để đếm được độ dài</translation>
    </message>
    <message>
        <source>%1 characters, %2 SMS (%3; %4 left in the last one)</source>
        <translation>%1 ký tự, %2 tin SMS (%3; tin cuối còn trống %4 ký tự)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Happened at (field time)</source>
        <translation>Xảy ra lúc (giờ hiện trường)</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>Record a device trip</source>
        <translation>Ghi nhận thiết bị cắt</translation>
    </message>
    <message>
        <source>Device id or name, e.g. REC-12 or cau dao</source>
        <translation>Mã hoặc tên thiết bị, ví dụ REC-12 hoặc cau dao</translation>
    </message>
    <message>
        <source>Find the device</source>
        <translation>Tìm thiết bị</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Opened at (field time)</source>
        <translation>Cắt lúc (giờ hiện trường)</translation>
    </message>
    <message>
        <source>Cause (if known)</source>
        <translation>Nguyên nhân (nếu biết)</translation>
    </message>
    <message>
        <source>Remark (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>No device matches: search by its id or its name.</source>
        <translation>Không có thiết bị nào khớp: hãy tìm theo mã hoặc tên thiết bị.</translation>
    </message>
    <message>
        <source>%1 is in the future: enter the time the device opened.</source>
        <translation>%1 ở tương lai: hãy nhập thời điểm thiết bị cắt.</translation>
    </message>
</context>
<context>
    <name>_PasswordForm</name>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không khớp.</translation>
    </message>
    <message>
        <source>Enter the new password.</source>
        <translation>Hãy nhập mật khẩu mới.</translation>
    </message>
</context>
</TS>
