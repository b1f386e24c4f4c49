"""The CSV export for the bulk senders and the letters for printing: files, once each."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import replace
from pathlib import Path

import pytest

from ops.clock import FixedClock
from ops.delivery.csv_export import BOM, COLUMNS, CsvExportChannel
from ops.delivery.letter_channel import LetterChannel
from ops.notices.content import notice_facts
from ops.notices.letter import build_letter
from ops.notices.messages import OutgoingMessage
from ops.notices.recipients import ChannelKind
from ops.notices.schedule import NoticeEvent, NoticeKind
from ops.notices.templates import load_templates
from tests.unit.notice_builders import END, SENDER, START, a_plan, local, toy_customers

CLOCK = FixedClock(local(1, 10))


def row(
    n: int, name: str = "Trần Thị Bích", kind: NoticeKind = NoticeKind.INITIAL
) -> OutgoingMessage:
    return OutgoingMessage(
        f"key-{n}", ChannelKind.CSV, f"PB0701000{n:04d}", name, "", "",
        "Điện lực Cao Lãnh thông báo: ngừng cấp điện 07:00-11:30 12/06/2026",
        kind, "KH-2026-0042", 1,
    )  # fmt: skip


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8")) and raw.count(BOM.encode("utf-8")) == 1
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_a_batch_becomes_one_excel_friendly_utf8_file(tmp_path: Path) -> None:
    channel = CsvExportChannel(tmp_path, CLOCK)
    results = channel.send_batch([row(1), row(2)])
    assert all(r.sent for r in results)
    path = tmp_path / "KH-2026-0042-01-initial.csv"
    assert path.read_bytes().split(b"\r\n")[0].decode("utf-8-sig") == ",".join(COLUMNS)
    rows = read(path)
    assert [(r["ma_khach_hang"], r["ten_khach_hang"], r["khoa"]) for r in rows] == [
        ("PB07010000001", "Trần Thị Bích", "key-1"),
        ("PB07010000002", "Trần Thị Bích", "key-2"),
    ]
    assert rows[0]["noi_dung"].startswith("Điện lực Cao Lãnh thông báo")
    assert rows[0]["thoi_diem_xuat"] == "10:00 01/06/2026"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_a_resumed_batch_appends_without_duplicates(tmp_path: Path) -> None:
    channel = CsvExportChannel(tmp_path, CLOCK)
    channel.send_batch([row(1), row(2)])
    # The console died before marking them sent: the batch runs again, with one more.
    results = channel.send_batch([row(1), row(2), row(3), row(3)])
    assert all(r.sent for r in results)
    keys = [r["khoa"] for r in read(tmp_path / "KH-2026-0042-01-initial.csv")]
    assert keys == ["key-1", "key-2", "key-3"]


def test_each_notice_has_its_own_file(tmp_path: Path) -> None:
    CsvExportChannel(tmp_path, CLOCK).send_batch([row(1), row(2, kind=NoticeKind.CANCELLATION)])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "KH-2026-0042-01-cancellation.csv",
        "KH-2026-0042-01-initial.csv",
    ]


def test_cells_excel_would_run_as_formulas_are_defused(tmp_path: Path) -> None:
    CsvExportChannel(tmp_path, CLOCK).send(row(1, name='=HYPERLINK("http://x","y")'))
    (record,) = read(tmp_path / "KH-2026-0042-01-initial.csv")
    assert record["ten_khach_hang"] == '\'=HYPERLINK("http://x","y")'


def test_a_failed_write_is_retryable_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = CsvExportChannel(tmp_path, CLOCK)
    channel.send(row(1))
    path = tmp_path / "KH-2026-0042-01-initial.csv"
    before = path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    (result,) = channel.send_batch([row(2)])
    assert not result.sent and result.retryable and "No space" in result.reason
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_letters_are_collected_and_written_once_as_html(tmp_path: Path) -> None:
    hospital = toy_customers()["PB07010000103"]
    notice = NoticeEvent(7, NoticeKind.INITIAL, 1, local(1, 10), START, END)
    facts = notice_facts(a_plan(), notice, None, SENDER, local(1, 10))
    letter = build_letter(facts, load_templates(), [hospital], scope="1 khách hàng",
                          addressee=hospital.name)  # fmt: skip
    message = replace(
        row(3), channel=ChannelKind.LETTER, customer_id=hospital.customer_id, letter=letter
    )
    channel = LetterChannel(tmp_path)
    assert channel.send(message).sent and channel.send(message).sent  # again after a crash
    (path,) = tmp_path.iterdir()
    assert path.name == "KH-2026-0042-01-initial-PB07010000103.html"
    page = path.read_text(encoding="utf-8")
    assert "Kính gửi: Quý khách hàng Bệnh viện Đa khoa Mỹ Tân" in page
    assert list(channel.letters) == ["key-3"]
    assert not LetterChannel().send(row(4)).sent  # no letter: nothing to print
