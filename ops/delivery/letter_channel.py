"""Printed letters: collected for the print run; each also written as an A4 HTML page.

The PDF is made later by the Qt layer from the same HTML (`ops.notices.letter.letter_html`).
One file per message, named after the plan, the notice and the customer, written atomically:
writing it again after a crash gives the same file, never a second letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ops.files import safe_name, write_atomically
from ops.notices.letter import letter_html
from ops.notices.messages import OutgoingMessage
from ops.notices.outbox import DeliveryResult
from ops.notices.recipients import ChannelKind


class LetterChannel:
    """Collects letters (and writes them to `folder`, if given) for printing."""

    kind = ChannelKind.LETTER

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.letters: dict[str, OutgoingMessage] = {}  # by idempotency key, in arrival order

    def path_for(self, message: OutgoingMessage) -> Path | None:
        if self.folder is None:
            return None
        name = (
            f"{safe_name(message.reference)}-{message.sequence:02d}-{message.kind}-"
            f"{safe_name(message.customer_id)}.html"
        )
        return self.folder / name

    def send(self, message: OutgoingMessage) -> DeliveryResult:
        if message.letter is None:
            return DeliveryResult.failed("no letter to print", retryable=False)
        path = self.path_for(message)
        if path is not None:
            try:
                write_atomically(path, letter_html(message.letter).encode("utf-8"))
            except OSError as exc:
                return DeliveryResult.failed(f"cannot write {path}: {exc}", retryable=True)
        self.letters[message.key] = message
        return DeliveryResult.ok(str(path or ""))

    def send_batch(self, messages: Sequence[OutgoingMessage]) -> list[DeliveryResult]:
        return [self.send(m) for m in messages]

    def close(self) -> None:
        pass
