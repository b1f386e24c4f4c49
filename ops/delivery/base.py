"""The one interface every channel has."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ops.notices.messages import OutgoingMessage
from ops.notices.outbox import DeliveryResult
from ops.notices.recipients import ChannelKind

__all__ = ["Channel", "ChannelKind", "DeliveryResult", "OutgoingMessage"]


class Channel(Protocol):
    """Delivers messages; a failure is a result (with a retryable flag), never an exception.

    `send_batch` may share one connection or one file write across the batch; `close` ends
    what the channel holds open. A channel is used by one thread at a time.
    """

    kind: ChannelKind

    def send(self, message: OutgoingMessage) -> DeliveryResult: ...

    def send_batch(self, messages: Sequence[OutgoingMessage]) -> list[DeliveryResult]: ...

    def close(self) -> None: ...
