"""The CSV export the company's bulk senders take (Zalo OA, the customer information system).

One file per notice (`<reference>-<sequence>-<kind>.csv` in the export folder), UTF-8 with a
byte-order mark so Excel shows Vietnamese correctly, comma-separated, CRLF. A batch is added
in one atomic rewrite, so the file is never half-written; rows already in the file (by
idempotency key) are not written again, so a batch resumed after a crash leaves no
duplicate. A cell that Excel would read as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ops.clock import Clock, SystemClock, format_local
from ops.files import safe_name, write_atomically
from ops.notices.messages import OutgoingMessage
from ops.notices.outbox import DeliveryResult
from ops.notices.recipients import ChannelKind

COLUMNS = (
    "ma_khach_hang",
    "ten_khach_hang",
    "loai_thong_bao",
    "ma_ke_hoach",
    "noi_dung",
    "khoa",  # the idempotency key: the bulk sender may drop repeats by it
    "thoi_diem_xuat",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvExportChannel:
    """Appends messages to per-notice CSV files in one folder."""

    kind = ChannelKind.CSV

    def __init__(self, folder: Path, clock: Clock | None = None) -> None:
        self.folder = folder
        self._clock = clock or SystemClock()

    def path_for(self, message: OutgoingMessage) -> Path:
        name = f"{safe_name(message.reference)}-{message.sequence:02d}-{message.kind}.csv"
        return self.folder / name

    def send(self, message: OutgoingMessage) -> DeliveryResult:
        return self.send_batch([message])[0]

    def send_batch(self, messages: Sequence[OutgoingMessage]) -> list[DeliveryResult]:
        by_file: dict[Path, list[int]] = {}
        for i, m in enumerate(messages):
            by_file.setdefault(self.path_for(m), []).append(i)
        results: list[DeliveryResult] = [DeliveryResult.ok()] * len(messages)
        for path, indexes in by_file.items():
            try:
                self._append(path, [messages[i] for i in indexes])
            except OSError as exc:
                failure = DeliveryResult.failed(f"cannot write {path}: {exc}", retryable=True)
                for i in indexes:
                    results[i] = failure
        return results

    def close(self) -> None:
        pass

    def _append(self, path: Path, messages: list[OutgoingMessage]) -> None:
        existing = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        known = {row.get("khoa", "") for row in csv.DictReader(io.StringIO(existing))}
        exported_at = format_local(self._clock.now())
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if not existing:
            writer.writerow(COLUMNS)
        else:
            buffer.write(existing if existing.endswith("\n") else existing + "\r\n")
        fresh = 0
        for m in messages:
            if m.key in known:
                continue
            known.add(m.key)
            fresh += 1
            writer.writerow(
                _cell(v)
                for v in (
                    m.customer_id, m.customer_name, m.kind, m.reference, m.body, m.key,
                    exported_at,
                )
            )  # fmt: skip
        if fresh:
            write_atomically(path, (BOM + buffer.getvalue()).encode("utf-8"))


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value
