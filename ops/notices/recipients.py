"""Who gets a notice on which channel: phone → SMS, e-mail if known, a letter for priority
customers, the CSV export for customers the company's bulk senders reach (Zalo OA, the
customer information system).

Channels agreed in the supply contract, when recorded, are used as they are. A customer no
channel reaches (no mobile, no e-mail, not a priority customer) goes into the CSV export, so
nobody silently falls off the list: the bulk senders know contacts the console does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ops.network.records import Customer, Priority

_MOBILE_FIRST_DIGITS = frozenset("35789")  # 03x, 05x, 07x, 08x, 09x since 2018
_SEPARATORS = re.compile(r"[\s.\-()/]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EMAIL_ATTRIBUTES = ("email", "e_mail", "thu_dien_tu")  # imported attribute names holding one


class ChannelKind(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    LETTER = "letter"
    CSV = "csv"


_ALL_CHANNELS = tuple(ChannelKind)
_CSV_ONLY = (ChannelKind.CSV,)


@dataclass(frozen=True, slots=True)
class Recipient:
    """A customer as the notices see them: how to reach them."""

    customer_id: str
    name: str
    mobile: str  # E.164, "+84909000111", or "" when the phone cannot take an SMS
    email: str
    priority: bool
    bulk: bool = False  # reached by the company's bulk senders
    agreed: tuple[ChannelKind, ...] = ()  # the channels of the supply contract, if recorded


def recipient_of(
    customer: Customer,
    *,
    email: str | None = None,
    bulk: bool = False,
    agreed: Iterable[ChannelKind] = (),
) -> Recipient:
    """The recipient for a customer record; the e-mail from its attributes if not given."""
    if email is None:
        email = next(
            (str(v) for k, v in customer.attributes if k.lower() in EMAIL_ATTRIBUTES and v), ""
        )
    email = email.strip()
    return Recipient(
        customer.customer_id,
        customer.name,
        mobile_number(customer.phone) or "",
        email if _EMAIL.fullmatch(email) else "",
        customer.priority is not Priority.NONE,
        bulk,
        tuple(agreed),
    )


def channels_for(recipient: Recipient) -> tuple[ChannelKind, ...]:
    """The channels one customer is told on, in a fixed order."""
    # Written out rather than over a dict of the enum: it runs once per customer and notice
    # (tens of thousands of times for a large plan), and iterating an Enum is slow.
    sms, email = bool(recipient.mobile), bool(recipient.email)
    agreed = recipient.agreed
    if agreed:
        return tuple(
            k
            for k in _ALL_CHANNELS
            if k in agreed and (k is not ChannelKind.SMS or sms)
            and (k is not ChannelKind.EMAIL or email)
        )  # fmt: skip
    chosen = []
    if sms:
        chosen.append(ChannelKind.SMS)
    if email:
        chosen.append(ChannelKind.EMAIL)
    if recipient.priority:
        chosen.append(ChannelKind.LETTER)
    if recipient.bulk:
        chosen.append(ChannelKind.CSV)
    return tuple(chosen) if chosen else _CSV_ONLY


def unreachable(recipients: Iterable[Recipient]) -> list[Recipient]:
    """Customers whose agreed channels none can reach: no message is planned for them, so the
    console lists them for a phone call instead of dropping them silently."""
    return [r for r in recipients if not channels_for(r)]


def mobile_number(raw: str) -> str | None:
    """A Vietnamese mobile number in E.164 ("0909 000 111" → "+84909000111"); None for a
    landline or anything that is not a number."""
    digits = _SEPARATORS.sub("", raw)
    if digits.startswith("+84"):
        national = digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return None
    if len(national) != 9 or not national.isdigit() or national[0] not in _MOBILE_FIRST_DIGITS:
        return None
    return "+84" + national
