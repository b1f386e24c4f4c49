"""A planned outbox message made ready for its channel: the address and the rendered text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ops.network.records import Customer
from ops.notices.content import NoticeFacts, compose_email, compose_sms
from ops.notices.letter import FormalLetter, build_letter
from ops.notices.outbox import OutboxMessage
from ops.notices.recipients import ChannelKind, Recipient
from ops.notices.schedule import NoticeKind
from ops.notices.templates import NoticeTemplates


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """Everything a channel needs to deliver one message, and nothing it has to look up."""

    key: str  # the idempotency key
    channel: ChannelKind
    customer_id: str
    customer_name: str
    address: str  # mobile number (E.164) or e-mail address; "" for a letter or the CSV
    subject: str  # e-mail subject or letter title; "" for an SMS
    body: str  # SMS text, e-mail body, or the plain text for the bulk senders
    kind: NoticeKind
    reference: str  # the plan's reference
    sequence: int  # the notice's number within the plan
    letter: FormalLetter | None = None


def compose_message(
    message: OutboxMessage,
    facts: NoticeFacts,
    templates: NoticeTemplates,
    recipient: Recipient,
    *,
    plain_sms: bool = False,
    letter_customers: Sequence[Customer] = (),
    letter_scope: str = "",
) -> OutgoingMessage:
    """Render one outbox message. A letter lists `letter_customers` in its appendix (the
    addressed customer, usually); the CSV row carries the SMS text, which bulk senders take."""
    subject, letter = "", None
    if message.channel is ChannelKind.EMAIL:
        email = compose_email(facts, templates, recipient)
        subject, body = email.subject, email.body
    elif message.channel is ChannelKind.LETTER:
        letter = build_letter(
            facts, templates, letter_customers, scope=letter_scope, addressee=recipient.name
        )
        subject, body = letter.title, "\n\n".join((*letter.before_table, *letter.after_table))
    else:
        body = compose_sms(facts, templates, recipient, plain=plain_sms)
    return OutgoingMessage(
        message.key,
        message.channel,
        recipient.customer_id,
        recipient.name,
        message.address,
        subject,
        body,
        facts.kind,
        facts.reference,
        facts.sequence,
        letter,
    )
