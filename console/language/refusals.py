"""A domain refusal in the dispatcher's language.

The services refuse in plain English (`ops.errors`), made from a small, fixed set of message
shapes. Each shape has a Vietnamese rendering here; the values in it (statuses, roles,
deadline kinds) are shown by their Vietnamese labels (`ops.wording.vi`). A test walks every
refusal the services and repositories can make and checks it has a rendering, so a new English
message without one fails the build instead of reaching a Vietnamese screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QLocale

from ops.access.roles import Permission, Role
from ops.causes import BUILTIN_CAUSES, cause_text
from ops.crews.records import CrewStatus
from ops.outages.deadlines import DeadlineKind, DeadlineState
from ops.outages.journal import EntryKind
from ops.outages.records import OutageStatus
from ops.planned.records import PlanStatus
from ops.wording import label


def _vi(enum: type[StrEnum], value: str) -> str:
    """The Vietnamese name of an enum value, lower case as inside a sentence."""
    if value in enum._value2member_map_:
        return label(enum(value), "vi").lower()
    return value


def _status(value: str) -> str:
    if value in OutageStatus._value2member_map_:
        return _vi(OutageStatus, value)
    return _vi(CrewStatus, value)


def _statuses(value: str) -> str:
    return ", ".join(_status(v.strip()) for v in value.split(",") if v.strip())


_PLAN_PROBLEMS = (
    (re.compile(r"the first notice cannot meet the lead time \(short (.+)\)"),
     r"thông báo đầu tiên không đủ thời hạn báo trước (thiếu \1)"),
    (re.compile(r"the window touches (.+)"), r"thời gian cắt điện trùng \1"),
)  # fmt: skip


def _problems(value: str) -> str:
    parts = []
    for part in value.split("; "):
        for pattern, replacement in _PLAN_PROBLEMS:
            part = pattern.sub(replacement, part)
        parts.append(part)
    return "; ".join(parts)


_VALUES: dict[str, Callable[[str], str]] = {
    "plan_status": lambda v: _vi(PlanStatus, v),
    "problems": _problems,
    "box": lambda v: v.replace("latitude", "vĩ độ").replace("longitude", "kinh độ"),
    "status": _status,
    "current": _status,
    "new": _status,
    "allowed": _statuses,
    "role": lambda v: _vi(Role, v),
    "permission": lambda v: _vi(Permission, v.replace(" ", "_")),
    "kind": lambda v: _vi(EntryKind, v),
    "deadline": lambda v: _vi(DeadlineKind, v),
    "state": lambda v: _vi(DeadlineState, v),
    "cause": lambda v: cause_text(v, BUILTIN_CAUSES, "vi").lower(),
}

# English message shape (as the services make it) -> Vietnamese. {name} is any text.
_SHAPES: tuple[tuple[str, str], ...] = (
    (
        "a password needs at least {n} characters, not only digits, and not the user name",
        "Mật khẩu cần ít nhất {n} ký tự, không chỉ gồm chữ số và không trùng tên đăng nhập.",
    ),
    ("an account needs a user name", "Tài khoản cần có tên đăng nhập."),
    (
        "administrators cannot take their own rights away",
        "Quản trị viên không thể tự bỏ quyền của mình.",
    ),
    ("no account {username}", "Không có tài khoản {username}."),
    (
        "administrators cannot disable their own account",
        "Quản trị viên không thể tự vô hiệu hóa tài khoản của mình.",
    ),
    (
        "{username} is the last active administrator: make another account administrator first",
        "{username} là quản trị viên cuối cùng còn hoạt động: hãy cho một tài khoản khác "
        "làm quản trị viên trước.",
    ),
    ("the present password is not right", "Mật khẩu hiện tại không đúng."),
    (
        "account {username} was changed by someone else",
        "Tài khoản {username} vừa được người khác sửa.",
    ),
    ("the account {username} is disabled", "Tài khoản {username} đã bị khóa."),
    ("a {role} may not {permission}", "Vai trò {role} không được phép {permission}."),
    (
        "crew id {id} must be 1-32 letters, digits, dots, dashes or underscores",
        "Mã đội {id} phải gồm 1–32 chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.",
    ),
    (
        "crew {id} needs a name of at most 200 characters",
        "Đội {id} cần có tên, dài tối đa 200 ký tự.",
    ),
    (
        "the phone number {phone} of {crew} is not a phone number",
        "Số điện thoại {phone} của {crew} không phải là số điện thoại.",
    ),
    ("a member of {crew} has no name", "Một thành viên của {crew} chưa có tên."),
    ("{crew} names the same shift twice", "{crew} có một ca trực bị ghi hai lần."),
    (
        "{crew} works a shift starting {start}, which is not one of {starts}",
        "{crew} ghi ca bắt đầu lúc {start}, không thuộc các ca {starts}.",
    ),
    ("another crew is already named {name} ({id})", "Đã có đội khác tên {name} ({id})."),
    ("crew id {id} is already in use", "Mã đội {id} đã được dùng."),
    ("{crew} is retired already", "{crew} đã thôi hoạt động."),
    (
        "release {crew} from its outages before retiring it",
        "Hãy cho {crew} rời các sự cố đang làm trước khi cho thôi hoạt động.",
    ),
    ("{crew} is already assigned to outage {reference}", "{crew} đã được giao sự cố {reference}."),
    ("{crew} is not assigned to outage {reference}", "{crew} không được giao sự cố {reference}."),
    (
        "release {crew} from its outages to make it free",
        "Hãy cho {crew} rời các sự cố đang làm trước khi chuyển sang chờ giao việc.",
    ),
    ("assign {crew} to an outage first", "Hãy giao một sự cố cho {crew} trước."),
    (
        "outage {reference} is {status}: no ETR to give",
        "Sự cố {reference} đang ở trạng thái {status}: không cần thời gian dự kiến có điện.",
    ),
    ("an ETR must lie in the future", "Thời gian dự kiến có điện phải ở tương lai."),
    (
        "device operations must be applied in time order",
        "Các thao tác thiết bị phải được ghi theo thứ tự thời gian.",
    ),
    ("{device} is not a switching device", "{device} không phải là thiết bị đóng cắt."),
    ("{device} is already open", "{device} đang ở trạng thái cắt."),
    ("{device} is already closed", "{device} đang ở trạng thái đóng."),
    (
        "the log opens {device}, but it is not open now",
        "Nhật ký thao tác ghi {device} đang cắt, nhưng hiện thiết bị không cắt.",
    ),
    (
        "only opening and closing change the model",
        "Chỉ thao tác cắt và đóng mới làm thay đổi sơ đồ lưới.",
    ),
    (
        "confirm outage {reference} before switching for it",
        "Hãy xác nhận sự cố {reference} trước khi thao tác cho nó.",
    ),
    (
        "release the crews of outage {reference} first ({crews})",
        "Hãy cho các đội của sự cố {reference} rời đi trước ({crews}).",
    ),
    ("no network element {element}", "Không có phần tử lưới {element}."),
    (
        "an outage that is {current} cannot become {new} (allowed next: {allowed})",
        "Sự cố đang {current} không thể chuyển sang {new} (có thể chuyển sang: {allowed}).",
    ),
    (
        "{code} is not a cause category of the policy profile",
        "«{code}» không thuộc danh mục nguyên nhân của bộ quy định đang dùng.",
    ),
    (
        "the cause of outage {reference} is {cause} already",
        "Nguyên nhân của sự cố {reference} đã là «{cause}».",
    ),
    ("an outage can be closed only with its cause", "Chỉ đóng được sự cố khi đã có nguyên nhân."),
    ("cancelling an outage needs a reason", "Hủy sự cố cần ghi lý do."),
    (
        "a crew that is {current} cannot become {new} (allowed next: {allowed})",
        "Đội đang {current} không thể chuyển sang {new} (có thể chuyển sang: {allowed}).",
    ),
    (
        "outage {reference} was changed by someone else; look at its present state and try again",
        "Sự cố {reference} vừa được người khác thay đổi; xem trạng thái mới rồi làm lại.",
    ),
    (
        "crew {crew} was changed by someone else; look at its present state and try again",
        "Đội {crew} vừa được người khác thay đổi; xem trạng thái mới rồi làm lại.",
    ),
    ("outage {reference} is {status}", "Sự cố {reference} đang ở trạng thái {status}."),
    ("outage {reference} does not exist", "Không có sự cố {reference}."),
    ("crew {crew} does not exist", "Không có đội {crew}."),
    (
        "that time is in the future; field reports are entered after the fact",
        "Thời điểm đó ở tương lai; báo cáo hiện trường được ghi sau khi sự việc xảy ra.",
    ),
    ("journal entry {entry} does not exist", "Không có dòng nhật ký {entry}."),
    ("breach reasons are recorded on outages", "Lý do quá hạn được ghi vào sự cố."),
    (
        "the {deadline} deadline is {state}, not breached",
        "Hạn {deadline} đang {state}, chưa quá hạn.",
    ),
    (
        "a journal entry cannot record something that has not happened yet",
        "Nhật ký không ghi điều chưa xảy ra.",
    ),
    ("a {kind} entry needs text", "Dòng nhật ký {kind} cần có nội dung."),
    (
        "a correction names the entry it corrects, and only a correction does",
        "Dòng đính chính phải nêu dòng được đính chính, và chỉ dòng đính chính mới nêu.",
    ),
    ("a journal entry needs the user who entered it", "Dòng nhật ký cần có người ghi."),
    (
        "{device} was operated by someone else; look at its present state",
        "{device} vừa được người khác thao tác; xem trạng thái hiện tại.",
    ),
    ("no switching device {device}", "Không có thiết bị đóng cắt {device}."),
    # Planned interruptions and their notices.
    (
        "plan {reference} is {plan_status}, only a draft can be approved",
        "Kế hoạch {reference} ở trạng thái «{plan_status}»: chỉ duyệt được kế hoạch nháp.",
    ),
    (
        "plan {reference} starts in the past: move its window first",
        "Kế hoạch {reference} bắt đầu trong quá khứ: hãy dời thời gian trước.",
    ),
    ("the new window starts in the past", "Thời gian mới bắt đầu trong quá khứ."),
    (
        "plan {reference} is {plan_status}: it cannot be reported finished",
        "Kế hoạch {reference} ở trạng thái «{plan_status}»: không thể báo hoàn thành.",
    ),
    (
        "plan {reference}: {problems}. Give an override reason to go on.",
        "Kế hoạch {reference}: {problems}. Hãy nhập lý do để vẫn tiếp tục.",
    ),
    (
        "plan {reference} is {plan_status}: only an approved plan can change",
        "Kế hoạch {reference} ở trạng thái «{plan_status}»: chỉ kế hoạch đã duyệt mới "
        "thay đổi được.",
    ),
    ("planned interruption {plan} does not exist", "Không có kế hoạch ngừng cấp điện {plan}."),
    (
        "plan {reference} was changed by someone else: reload it",
        "Kế hoạch {reference} vừa được người khác thay đổi: hãy tải lại.",
    ),
    # Crew positions.
    ("latitude and longitude must be numbers", "Vĩ độ và kinh độ phải là số."),
    (
        "position 0,0 (the tracker has no GPS fix)",
        "Vị trí 0,0 (thiết bị định vị chưa bắt được GPS).",
    ),
    (
        "latitude {lat}, longitude {lon} is outside Vietnam ({box})",
        "Vĩ độ {lat}, kinh độ {lon} nằm ngoài lãnh thổ Việt Nam ({box}).",
    ),
    (
        "{crew} has a newer position already ({at}); enter a later time",
        "{crew} đã có vị trí mới hơn ({at}); hãy nhập thời điểm muộn hơn.",
    ),
    (
        "a position reported for {at} lies in the future",
        "Vị trí báo lúc {at} ở tương lai.",
    ),
    (
        "vehicle {vehicle} is no longer {crew}'s; read the file again",
        "Xe {vehicle} không còn thuộc {crew}; hãy đọc lại tệp.",
    ),
)


def _compile(shape: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", shape)
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(f"^{pattern}$", re.DOTALL)


_COMPILED = tuple((_compile(en), vi) for en, vi in _SHAPES)


def _as_is(value: str) -> str:
    return value


def vietnamese(message: str) -> str | None:
    """The message in Vietnamese, or None when its shape is not known."""
    for pattern, template in _COMPILED:
        found = pattern.match(message)
        if found is not None:
            values = {
                name: _VALUES.get(name, _as_is)(value) for name, value in found.groupdict().items()
            }
            return template.format(**values)
    return None


def refusal_text(message: str) -> str:
    """What the dispatcher reads: Vietnamese when the interface is, else the message as is."""
    if QLocale().language() != QLocale.Language.Vietnamese:
        return message
    return vietnamese(message) or message
