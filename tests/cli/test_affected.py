"""`main.py affected DEVICE --json`: the contract administrators and acceptance checks use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from db import Database
from db.repositories.network import NetworkRepository
from ops.network.records import DeviceKind
from ops.network.tracing import Topology


def test_affected_prints_the_customers_behind_a_device(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{demo_db_path}"
    db = Database(url)
    with db.session() as s:
        model = NetworkRepository(s).load_model()
    db.dispose()
    device = next(
        s.switch_id for s in model.switches if s.kind is DeviceKind.RECLOSER and not s.is_open
    )
    assert main.main(["--db", url, "affected", device, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"device", "customers", "transformers", "customer_ids"}
    assert answer["device"] == device
    assert answer["customers"] == len(answer["customer_ids"]) > 0
    expected = Topology(model).lost_by_opening([device])
    assert answer["customers"] == expected.customers
    assert answer["transformers"] == len(expected.transformers)


def test_an_unknown_device_is_a_clear_error(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["--db", f"sqlite:///{demo_db_path}", "affected", "NO-SUCH"]) == 2
    assert "NO-SUCH" in capsys.readouterr().err


def test_backup_and_restore_from_the_command_line(demo_db_path: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{demo_db_path}"
    assert main.main(["--db", url, "backup", str(tmp_path / "b.db")]) == 0
    assert main.main(["--db", url, "restore", str(tmp_path / "b.db")]) == 0
    assert main.main(["--db", url, "restore", str(tmp_path / "missing.db")]) == 2
